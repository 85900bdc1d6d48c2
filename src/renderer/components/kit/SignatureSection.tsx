/**
 * The signing block of a signed document (Berita Acara Serah Terima, Pengembalian): the
 * witness (Mengetahui) and a note, "signed on paper", and otherwise one pad per signer drawn
 * with mouse, pen or finger. The texts are the form's own inputs (react-hook-form's register);
 * the pads report their drawings through `onSign`.
 */
import { useEffect, useRef } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
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

export interface SignatureTexts {
  witnessName: string;
  witnessTitle: string;
  notes: string;
}

export interface Signer {
  /** The key in `signatures` and the pad's id (`sig-<key>`, which the tests use). */
  key: string;
  label: string;
}

export function SignatureSection(props: {
  /** Prefix of the fields' ids: `<prefix>-witness`, `<prefix>-witness-title`, `<prefix>-notes`. */
  idPrefix: string;
  /** The form's `register` for the witness and note fields. */
  register: (name: keyof SignatureTexts) => UseFormRegisterReturn;
  /** Errors (i18n keys) of the witness and note fields. */
  textErrors?: Partial<Record<keyof SignatureTexts, string>>;
  signers: readonly Signer[];
  onSign: (key: string, dataUrl: string | undefined) => void;
  onPaper: boolean;
  setOnPaper: (onPaper: boolean) => void;
  witnessHint?: string;
  /** The error (an i18n key) of a field, by its path in the command (`signatures.officer`). */
  errorOf?: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { idPrefix: p, register } = props;
  return (
    <section className="card">
      <h2>{t('handover.form.signing')}</h2>
      <div className="grid-3">
        <Field label={t('handover.fields.witnessName')} htmlFor={`${p}-witness`} error={props.textErrors?.witnessName} hint={props.witnessHint}>
          <input id={`${p}-witness`} {...register('witnessName')} />
        </Field>
        <Field label={t('handover.fields.witnessTitle')} htmlFor={`${p}-witness-title`} error={props.textErrors?.witnessTitle}>
          <input id={`${p}-witness-title`} {...register('witnessTitle')} />
        </Field>
        <Field label={t('handover.fields.notes')} htmlFor={`${p}-notes`} error={props.textErrors?.notes}>
          <input id={`${p}-notes`} {...register('notes')} />
        </Field>
      </div>
      <label className="checkbox-line">
        <input type="checkbox" checked={props.onPaper} onChange={(e) => props.setOnPaper(e.target.checked)} /> {t('handover.form.signedOnPaper')}
      </label>
      {!props.onPaper && (
        <div className="signature-grid">
          {props.signers.map((s) => (
            <SignaturePadField key={s.key} id={`sig-${s.key}`} label={s.label} onChange={(v) => props.onSign(s.key, v)} error={props.errorOf?.(`signatures.${s.key}`)} />
          ))}
        </div>
      )}
    </section>
  );
}
