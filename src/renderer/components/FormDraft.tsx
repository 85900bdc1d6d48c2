/**
 * A long form's draft and its "Batal": `useFormDraft(form, 'visit-register')` restores the
 * draft left earlier (with a banner to discard it), keeps every change as the draft, and gives
 * `discard()`, which asks before throwing away a filled form. Call `clear()` after a submit.
 * What a form keeps outside react-hook-form (the access request's ticked systems, the incident
 * report's evidence files) goes into the same draft as `extra`.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
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

/**
 * State a form keeps beside its fields, kept in the draft with them: its current `value`, the
 * value of an untouched form (`empty`), whether it holds anything, and how to put a restored
 * value back into the form. The value must survive JSON (no Blobs: files are kept by reference).
 */
export interface DraftExtra<E> {
  value: E;
  empty: E;
  hasContent: (e: E) => boolean;
  restore: (e: E) => void;
}

export function useFormDraft<TIn extends FieldValues, TOut = TIn, E = undefined>(
  form: UseFormReturn<TIn, unknown, TOut>,
  name: string,
  opts: { empty: TIn; hasContent?: (v: TIn) => boolean; restore?: (v: TIn) => TIn; extraDirty?: boolean; extra?: DraftExtra<E> },
): { banner: ReactNode; dialog: ReactNode; clear: () => void; discard: () => Promise<boolean> } {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const draft = useDraft<TIn>(name);
  const [restored, setRestored] = useState(draft.restored);
  const [dialog, confirm] = useConfirm();
  const hasContent = opts.hasContent ?? ((v: TIn) => hasTypedText(v));
  // The latest extra value, read by the fields' watcher (which is subscribed once).
  const extra = useRef(opts.extra?.value);
  const extraFilled = (e: E | undefined) => !!opts.extra && e !== undefined && opts.extra.hasContent(e);
  const keep = (values: TIn, e: E | undefined) => {
    if (hasContent(values) || extraFilled(e)) draft.save(values, opts.extra ? e : undefined);
    else draft.clear();
  };

  useEffect(() => {
    if (!draft.restored) return;
    const saved = draft.restored.extra as E | undefined;
    if (opts.extra && saved !== undefined) {
      extra.current = saved;
      opts.extra.restore(saved);
    }
    const v = { ...opts.empty, ...draft.restored.values };
    form.reset((opts.restore ? opts.restore(v) : v) as DefaultValues<TIn>, { keepDefaultValues: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const sub = form.watch((values) => keep(values as TIn, extra.current));
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A change of the extra state alone (a system ticked, a file attached) is kept too; not the
  // first render, which would overwrite the draft before it is restored.
  const extraKey = opts.extra ? JSON.stringify(opts.extra.value) : '';
  const mounted = useRef(false);
  useEffect(() => {
    extra.current = opts.extra?.value;
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    keep(form.getValues(), extra.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [extraKey]);

  const clear = () => {
    draft.clear();
    setRestored(undefined);
  };

  /** Asks before throwing away a filled form; true when the form may be left. */
  const discard = async () => {
    const filled = hasContent(form.getValues()) || extraFilled(extra.current) || !!restored || !!opts.extraDirty;
    if (filled && !(await confirm({ title: t('desk.discard.title'), text: t('desk.discard.text'), confirm: t('desk.discard.confirm'), cancel: t('desk.discard.keep') }))) return false;
    clear();
    return true;
  };

  const discardDraft = async () => {
    if (!(await confirm({ title: t('desk.draft.discardTitle'), text: t('desk.discard.text'), confirm: t('desk.draft.discard'), cancel: t('desk.discard.keep') }))) return;
    clear();
    form.reset(opts.empty as DefaultValues<TIn>);
    if (opts.extra) opts.extra.restore(opts.extra.empty);
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
