/** Picks evidence files: each is stored content-addressed on this device at once; refuses files over 10 MB by name. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentRef } from '@shared/domain/incident/state';
import type { Failure } from '@shared/result';
import { db } from '@renderer/store';
import { storeFile } from '@renderer/sync/blobs';
import { formatBytes } from './format';

export function EvidenceInput({ id, onAdded, disabled }: { id: string; onAdded: (refs: AttachmentRef[]) => void | Promise<unknown>; disabled?: boolean }) {
  const { t } = useTranslation();
  const [error, setError] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{t('incident.evidence.add')}</label>
      <input
        id={id}
        type="file"
        multiple
        disabled={disabled || busy}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        aria-invalid={!!error || undefined}
        onChange={async (ev) => {
          const input = ev.currentTarget;
          const files = [...(input.files ?? [])];
          setBusy(true);
          setError(null);
          const refs: AttachmentRef[] = [];
          try {
            for (const f of files) {
              const r = await storeFile(db, { name: f.name, type: f.type, bytes: new Uint8Array(await f.arrayBuffer()) });
              if (r.ok) refs.push(r.data);
              else setError(r.error);
            }
            if (refs.length > 0) await onAdded(refs);
          } finally {
            setBusy(false);
            input.value = '';
          }
        }}
      />
      {error ? (
        <div className="field-error" role="alert" id={`${id}-error`}>
          {t(error.message, error.params ?? {})}
        </div>
      ) : (
        <div className="hint" id={`${id}-hint`}>
          {t('incident.evidence.hint', { max: formatBytes(10 * 1024 * 1024) })}
        </div>
      )}
    </div>
  );
}
