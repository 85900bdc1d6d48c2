/**
 * The signing block of a signed document (Berita Acara Serah Terima, Pengembalian): the
 * witness (Mengetahui) and a note, "signed on paper", and otherwise one pad per signer drawn
 * with mouse, pen or finger. Controlled: the screen keeps the values and the signatures.
 */
import { useEffect, useRef } from 'react';
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
  texts: SignatureTexts;
  onTexts: (patch: Partial<SignatureTexts>) => void;
  signers: readonly Signer[];
  onSign: (key: string, dataUrl: string | undefined) => void;
  onPaper: boolean;
  setOnPaper: (onPaper: boolean) => void;
  witnessHint?: string;
  /** The error (an i18n key) of a field, by its path in the command (`signatures.officer`). */
  errorOf?: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { idPrefix: p, texts, onTexts } = props;
  return (
    <section className="card">
      <h2>{t('handover.form.signing')}</h2>
      <div className="grid-3">
        <Field label={t('handover.fields.witnessName')} htmlFor={`${p}-witness`} hint={props.witnessHint}>
          <input id={`${p}-witness`} value={texts.witnessName} onChange={(e) => onTexts({ witnessName: e.target.value })} />
        </Field>
        <Field label={t('handover.fields.witnessTitle')} htmlFor={`${p}-witness-title`}>
          <input id={`${p}-witness-title`} value={texts.witnessTitle} onChange={(e) => onTexts({ witnessTitle: e.target.value })} />
        </Field>
        <Field label={t('handover.fields.notes')} htmlFor={`${p}-notes`}>
          <input id={`${p}-notes`} value={texts.notes} onChange={(e) => onTexts({ notes: e.target.value })} />
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
