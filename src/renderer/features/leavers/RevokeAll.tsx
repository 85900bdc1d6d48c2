/**
 * Revoke all of one leaver's access at once: the IT team confirms a list of every access still in
 * force (and every approved request that can no longer be completed) with one reason; each
 * access is then revoked by its own signed `access.revoke` through commit(), and each approved
 * remainder closed by `access.cancel` — the same commands, rules and audit trail as one by one.
 * Stops at the first refusal and says which access it was; what was done stays done.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/result';
import { useCommand } from '@renderer/app/hooks';
import { Field } from '@renderer/components/ui';
import type { Leaver } from '@renderer/store/queries/leavers';

export function RevokeAll({ leaver, compact }: { leaver: Leaver; compact?: boolean }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState(() => t('leavers.revoke.defaultReason'));
  const [stopped, setStopped] = useState<{ system: string; failure: Failure } | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const count = leaver.access.length + leaver.approvedOpen.length;
  if (count === 0) return done !== null ? <span className="status leavers-done" role="status">{t('leavers.revoke.done', { count: done })}</span> : null;
  if (!open)
    return (
      <button type="button" className={`btn btn-danger${compact ? ' btn-small' : ''}`} onClick={() => setOpen(true)} data-testid="revoke-all">
        {leaver.access.length > 0 ? t('leavers.revoke.button', { count: leaver.access.length }) : t('leavers.revoke.closeOnly', { count: leaver.approvedOpen.length })}
      </button>
    );

  const confirm = async () => {
    setStopped(null);
    let n = 0;
    for (const { request, grant } of leaver.access) {
      const ok = await run({ type: 'access.revoke', input: { id: request.id, itemId: grant.itemId, reason } });
      if (!ok) return setStopped({ system: grant.system, failure: { code: 'refused', message: 'leavers.revoke.stoppedAt' } });
      n++;
    }
    for (const request of leaver.approvedOpen) {
      const ok = await run({ type: 'access.cancel', input: { id: request.id, reason } });
      if (!ok) return setStopped({ system: request.docNo, failure: { code: 'refused', message: 'leavers.revoke.stoppedAt' } });
    }
    setDone(n);
    setOpen(false);
  };

  return (
    <div className="card leavers-confirm" role="group" aria-labelledby={`revoke-all-${leaver.employee.id}`} data-testid="revoke-all-confirm">
      <h3 id={`revoke-all-${leaver.employee.id}`}>{t('leavers.revoke.title', { name: leaver.employee.name })}</h3>
      <p>{t('leavers.revoke.intro', { count: leaver.access.length })}</p>
      <ul className="leavers-list">
        {leaver.access.map(({ request, grant }) => (
          <li key={`${request.id}:${grant.itemId}`}>
            <strong>{grant.system}</strong>: <span className="mono">{grant.account}</span> <span className="muted small">({request.docNo})</span>
          </li>
        ))}
        {leaver.approvedOpen.map((r) => (
          <li key={r.id}>
            {t('leavers.revoke.closeRequest', { docNo: r.docNo })}
          </li>
        ))}
      </ul>
      <Field label={t('leavers.revoke.reason')} htmlFor={`revoke-reason-${leaver.employee.id}`} error={failure?.field === 'reason' ? failure.message : undefined}>
        <input id={`revoke-reason-${leaver.employee.id}`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      {stopped && failure?.field !== 'reason' && (
        <div className="banner banner-error" role="alert">
          {t('leavers.revoke.stoppedAt', { system: stopped.system })} {failure && failure.field !== 'reason' ? t(failure.message, failure.params ?? {}) : ''}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => setOpen(false)} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn btn-danger" onClick={() => void confirm()} disabled={busy}>
          {busy ? t('leavers.revoke.working') : t('leavers.revoke.confirm', { count: leaver.access.length })}
        </button>
      </div>
    </div>
  );
}
