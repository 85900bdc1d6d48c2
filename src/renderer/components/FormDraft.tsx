/**
 * A long form's draft and its "Batal": `useFormDraft(form, 'visit-register')` restores the
 * draft left earlier (with a banner to discard it), keeps every change as the draft, and gives
 * `discard()`, which asks before throwing away a filled form. Call `clear()` after a submit.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { DefaultValues, FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../app/drafts';
import { useFormatDateTime } from '../app/hooks';
import { useConfirm } from './ConfirmDialog';

/** Whether any text field of the values (at any depth) holds something typed. */
export function hasTypedText(v: unknown, skip: readonly string[] = []): boolean {
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.some((x) => hasTypedText(x));
  if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => !skip.includes(k) && hasTypedText(x));
  return false;
}

export function useFormDraft<TIn extends FieldValues, TOut = TIn>(
  form: UseFormReturn<TIn, unknown, TOut>,
  name: string,
  opts: { empty: TIn; hasContent?: (v: TIn) => boolean; restore?: (v: TIn) => TIn; extraDirty?: boolean } ,
): { banner: ReactNode; dialog: ReactNode; clear: () => void; discard: () => Promise<boolean> } {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const draft = useDraft<TIn>(name);
  const [restored, setRestored] = useState(draft.restored);
  const [dialog, confirm] = useConfirm();
  const hasContent = opts.hasContent ?? ((v: TIn) => hasTypedText(v));

  useEffect(() => {
    if (!draft.restored) return;
    const v = { ...opts.empty, ...draft.restored.values };
    form.reset((opts.restore ? opts.restore(v) : v) as DefaultValues<TIn>, { keepDefaultValues: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const sub = form.watch((values) => {
      if (hasContent(values as TIn)) draft.save(values as TIn);
      else draft.clear();
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const clear = () => {
    draft.clear();
    setRestored(undefined);
  };

  /** Asks before throwing away a filled form; true when the form may be left. */
  const discard = async () => {
    const filled = hasContent(form.getValues()) || !!restored || !!opts.extraDirty;
    if (filled && !(await confirm({ title: t('desk.discard.title'), text: t('desk.discard.text'), confirm: t('desk.discard.confirm'), cancel: t('desk.discard.keep') }))) return false;
    clear();
    return true;
  };

  const discardDraft = async () => {
    if (!(await confirm({ title: t('desk.draft.discardTitle'), text: t('desk.discard.text'), confirm: t('desk.draft.discard'), cancel: t('desk.discard.keep') }))) return;
    clear();
    form.reset(opts.empty as DefaultValues<TIn>);
  };

  const banner = restored ? (
    <div className="banner banner-info draft-banner" role="status" data-testid="draft-restored">
      <span>{t('desk.draft.restored', { at: fmt(restored.savedAt) })}</span>
      <button type="button" className="btn btn-small" onClick={() => void discardDraft()}>
        {t('desk.draft.discard')}
      </button>
    </div>
  ) : null;
  return { banner, dialog, clear, discard };
}
