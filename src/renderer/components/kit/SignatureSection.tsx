/**
 * The signing block of a signed document (Berita Acara Serah Terima, Pengembalian): the
 * witness (Mengetahui) and a note, "signed on paper", and otherwise one pad per signer drawn
 * with mouse, pen or finger. The fields are the host form's (react-hook-form, through its
 * FormProvider), so they are checked with the form's schema and kept on a refused submit.
 */
import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';
import { Field } from '../ui';
import './signature.css';

/** A signature drawn with mouse, pen or finger; reports a small PNG data URL (or undefined when cleared). */
export function SignaturePadField({ id, label, onChange, error }: { id: string; label: string; onChange: (dataUrl: string | undefined) => void; error?: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const pad = useRef<SignaturePad | null>(null);
  const cb = useRef(onChange);
  useEffect(() => {
    cb.current = onChange;
  });
  useEffect(() => {
    if (!canvas.current) return;
    const p = new SignaturePad(canvas.current, { penColor: '#0b1f5c', minWidth: 0.8, maxWidth: 2.2 });
    p.addEventListener('endStroke', () => cb.current(p.isEmpty() ? undefined : p.toDataURL('image/png')));
    pad.current = p;
    return () => p.off();
  }, []);
  return (
    <div className={`field signature-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <canvas id={id} ref={canvas} width={360} height={130} className="signature-canvas" data-testid={id} aria-label={label} />
      <div>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            pad.current?.clear();
            onChange(undefined);
          }}
        >
          {t('handover.form.clearSignature')}
        </button>
      </div>
      {error && (
        <div className="field-error" role="alert">
          {t(error)}
        </div>
      )}
    </div>
  );
}

/** The signing fields a form holds to use the section (both handover forms do). */
export interface SigningValues {
  witnessName: string;
  witnessTitle: string;
  notes: string;
  signedOnPaper: boolean;
  signatures: { officer?: string; employee?: string };
}

export interface Signer {
  /** The key in `signatures` and the pad's id (`sig-<key>`, which the tests use). */
  key: 'officer' | 'employee';
  label: string;
}

/** Inside the form's FormProvider: the fields are the form's, checked with the form's schema. */
export function SignatureSection(props: {
  /** Prefix of the fields' ids: `<prefix>-witness`, `<prefix>-witness-title`, `<prefix>-notes`. */
  idPrefix: string;
  signers: readonly Signer[];
  witnessHint?: string;
  /** The command's refusal (an i18n key) at a field (`signatures.officer`), shown when the form's own check passed. */
  refusedAt?: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { register, setValue, control, formState } = useFormContext<SigningValues>();
  const onPaper = useWatch({ control, name: 'signedOnPaper' });
  const errors = formState.errors;
  const p = props.idPrefix;
  const validate = { shouldValidate: formState.isSubmitted };
  return (
    <section className="card">
      <h2>{t('handover.form.signing')}</h2>
      <div className="grid-3">
        <Field label={t('handover.fields.witnessName')} htmlFor={`${p}-witness`} error={errors.witnessName?.message} hint={props.witnessHint}>
          <input id={`${p}-witness`} {...register('witnessName')} />
        </Field>
        <Field label={t('handover.fields.witnessTitle')} htmlFor={`${p}-witness-title`} error={errors.witnessTitle?.message}>
          <input id={`${p}-witness-title`} {...register('witnessTitle')} />
        </Field>
        <Field label={t('handover.fields.notes')} htmlFor={`${p}-notes`} error={errors.notes?.message}>
          <input id={`${p}-notes`} {...register('notes')} />
        </Field>
      </div>
      <label className="checkbox-line">
        <input type="checkbox" checked={onPaper} onChange={(e) => setValue('signedOnPaper', e.target.checked, validate)} /> {t('handover.form.signedOnPaper')}
      </label>
      {!onPaper && (
        <div className="signature-grid">
          {props.signers.map((s) => (
            <SignaturePadField
              key={s.key}
              id={`sig-${s.key}`}
              label={s.label}
              onChange={(v) => setValue(`signatures.${s.key}`, v, validate)}
              error={errors.signatures?.[s.key]?.message ?? props.refusedAt?.(`signatures.${s.key}`)}
            />
          ))}
        </div>
      )}
    </section>
  );
}
