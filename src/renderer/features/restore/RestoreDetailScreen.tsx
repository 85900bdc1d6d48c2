/**
 * One restore request: what to restore and from which backup, the live 1×24 h deadline, the two
 * approvals (IT Manager and affected user, either order), the restore performed and verified
 * with the user, and the audit trail. Each action shows only to the role whose move it is: the
 * IT Manager's decision to admins other than the recorder, the user's answer to the desk, the
 * restore itself to the IT team once both approvals are in.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONFIRM_METHODS, VERIFICATIONS, type ConfirmMethod, type RestoreState, type Verification } from '@shared/domain/restore/state';
import { formatLocalDate, fromOfficeInput, toOfficeInput, type OfficeZone } from '@shared/office-time';
import { db } from '@renderer/store';
import { useCommand, useFormatDateTime, useLang, useNow, useOrg, useUserNames } from '@renderer/app/hooks';
import { useSessionStore } from '@renderer/app/session-store';
import { AuditTrail } from '@renderer/components/AuditTrail';
import { Empty, FailureBanner, Field, PageHeader } from '@renderer/components/ui';
import { DeadlineClock, RestoreStatusBadge } from './parts';
import { DateTextInput } from '@renderer/components/DateInputs';
import { can } from '@shared/domain/can';

export function RestoreDetailScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const fmt = useFormatDateTime();
  const users = useUserNames();
  const now = useNow();
  const me = useSessionStore((s) => s.user);
  const org = useOrg();
  const r = useLiveQuery(async () => (await db.restores.get(id)) ?? null, [id]);
  if (r === undefined || !org) return <Empty>{t('common.loading')}</Empty>;
  if (r === null || !me) return <Empty>{t('common.notFound')}</Empty>;
  const actor = { userId: me.id, roles: me.roles };
  const desk = can(actor, 'restore.userDecide');
  const it = can(actor, 'restore.perform');
  const who = (userId?: string) => (userId ? (users.get(userId) ?? '—') : '—');
  const open = r.status === 'requested' || r.status === 'approved';

  return (
    <div>
      <PageHeader
        title={t('restore.detail.title', { docNo: r.docNo })}
        subtitle={`${r.employee.name} · ${r.employee.department}`}
        actions={
          <>
            <RestoreStatusBadge status={r.status} />
            <DeadlineClock r={r} now={now} />
          </>
        }
      />
      {r.refusal && (
        <div className="banner banner-error" role="status" data-testid="refusal">
          {t('restore.detail.refusedBy', { party: t(r.refusal.party === 'manager' ? 'restore.detail.manager' : 'restore.detail.user'), reason: r.refusal.reason })} — {who(r.refusal.by)}, {fmt(r.refusal.at)}
        </div>
      )}
      {r.status === 'cancelled' && (
        <div className="banner" role="status">
          <strong>{t('restore.detail.cancelledBecause')}</strong> {r.cancelReason} — {who(r.cancelledBy)}, {fmt(r.cancelledAt)}
        </div>
      )}
      <div className="detail-grid">
        <div>
          <section className="card">
            <h2>{t('restore.detail.request')}</h2>
            <dl className="dl">
              <dt>{t('restore.fields.employee')}</dt>
              <dd>
                <a href={`#/employees/${r.employeeId}`}>{r.employee.name}</a> · {[r.employee.position, r.employee.department].filter(Boolean).join(' · ')}
              </dd>
              <dt>{t('restore.fields.scope')}</dt>
              <dd>{t(`restore.scope.${r.scope}`)}</dd>
              <dt>{t('restore.fields.target')}</dt>
              <dd className="mono">{r.target}</dd>
              <dt>{t('restore.fields.backupDate')}</dt>
              <dd>
                {formatLocalDate(r.backupDate, lang)} · {t(`restore.source.${r.source}`)}
              </dd>
              <dt>{t('restore.fields.reason')}</dt>
              <dd>
                {t(`restore.reason.${r.reason}`)}
                {r.reasonNote && <div className="pre">{r.reasonNote}</div>}
              </dd>
              <dt>{t('restore.fields.requestedAt')}</dt>
              <dd>
                {fmt(r.requestedAt)} · {t('restore.clock.dueAt', { due: fmt(r.dueAt) })}
              </dd>
              <dt>{t('restore.fields.recordedBy')}</dt>
              <dd>
                {who(r.recordedBy)}, {fmt(r.createdAt)}
              </dd>
            </dl>
          </section>
          <section className="card" data-testid="restore-approvals">
            <h2>{t('restore.detail.approvals')}</h2>
            <div className="restore-approvals">
              <div className={`restore-approval${r.manager ? ' ok' : r.refusal?.party === 'manager' ? ' no' : ''}`} data-testid="approval-manager">
                <strong>{t('restore.detail.manager')}</strong>
                <div className="small">{r.manager ? t('restore.detail.managerApproved', { name: who(r.manager.by), at: fmt(r.manager.at) }) : r.refusal?.party === 'manager' ? t('restore.status.refused') : t('restore.detail.waiting')}</div>
                {r.manager?.note && <div className="muted small">{r.manager.note}</div>}
              </div>
              <div className={`restore-approval${r.user && r.refusal?.party !== 'user' ? ' ok' : r.refusal?.party === 'user' ? ' no' : ''}`} data-testid="approval-user">
                <strong>{t('restore.detail.user')}</strong>
                <div className="small">
                  {r.user && r.refusal?.party !== 'user'
                    ? t('restore.detail.userConfirmed', { name: r.user.name, method: t(`restore.method.${r.user.method}`), at: fmt(r.user.at), by: who(r.user.recordedBy) })
                    : r.refusal?.party === 'user'
                      ? t('restore.status.refused')
                      : t('restore.detail.waiting')}
                </div>
                {r.user?.note && <div className="muted small">{r.user.note}</div>}
              </div>
            </div>
            {r.status === 'requested' && (
              <p className="hint" data-testid="need-both">
                {t('restore.detail.needBoth')}
              </p>
            )}
          </section>
          {r.performance && (
            <section className="card" data-testid="restore-performed">
              <h2>{t('restore.detail.performTitle')}</h2>
              <p>{t('restore.detail.performedBy', { name: who(r.performance.by), start: fmt(r.performance.startedAt), end: fmt(r.performance.completedAt) })}</p>
              <dl className="dl">
                <dt>{t('restore.detail.restored')}</dt>
                <dd className="pre">{r.performance.restored}</dd>
                <dt>{t('restore.detail.verification')}</dt>
                <dd>
                  {t(`restore.verification.${r.performance.verification}`)}
                  {r.performance.verificationNote && ` — ${r.performance.verificationNote}`}
                </dd>
              </dl>
            </section>
          )}
        </div>
        <div>
          {r.status === 'requested' && !r.manager && can(actor, 'restore.managerDecide') && <ManagerCard r={r} own={r.recordedBy === me.id} />}
          {r.status === 'requested' && !r.user && desk && <UserCard r={r} zone={org.timeZone} />}
          {r.status === 'approved' && it && <PerformCard r={r} zone={org.timeZone} />}
          {open && desk && <CancelCard r={r} />}
          <AuditTrail
            kind="restore"
            id={r.id}
            title={t('restore.detail.audit')}
            detail={(p, type) => (type === 'restore.requested' ? undefined : (typeof p.note === 'string' && p.note) || (typeof p.reason === 'string' && p.reason) || (typeof p.restored === 'string' && p.restored) || undefined)}
          />
        </div>
      </div>
    </div>
  );
}

function ManagerCard({ r, own }: { r: RestoreState; own: boolean }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [note, setNote] = useState('');
  return (
    <section className="card" data-testid="manager-card">
      <h2>{t('restore.detail.managerTitle')}</h2>
      {own ? (
        <p className="hint">{t('restore.detail.ownRequest')}</p>
      ) : (
        <>
          <FailureBanner failure={failure} />
          <Field label={t('restore.detail.note')} htmlFor="manager-note" wide>
            <textarea id="manager-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <div className="restore-actions">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run({ type: 'restore.managerDecide', input: { id: r.id, approved: true, note } })}>
              {t('restore.detail.approve')}
            </button>
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void run({ type: 'restore.managerDecide', input: { id: r.id, approved: false, note } })}>
              {t('restore.detail.refuse')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function UserCard({ r, zone }: { r: RestoreState; zone: OfficeZone }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [name, setName] = useState(r.employee.name);
  const [method, setMethod] = useState<ConfirmMethod>('in_person');
  const [at, setAt] = useState(() => toOfficeInput(new Date().toISOString(), zone));
  const [note, setNote] = useState('');
  const send = (approved: boolean) => void run({ type: 'restore.userDecide', input: { id: r.id, approved, name, method, confirmedAt: fromOfficeInput(at, zone) ?? '', note } });
  return (
    <section className="card" data-testid="user-card">
      <h2>{t('restore.detail.userTitle')}</h2>
      <p className="hint">{t('restore.detail.userHint')}</p>
      <FailureBanner failure={failure} />
      <Field label={t('restore.detail.userName')} htmlFor="user-name">
        <input id="user-name" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t('restore.detail.userMethod')} htmlFor="user-method">
        <select id="user-method" value={method} onChange={(e) => setMethod(e.target.value as ConfirmMethod)}>
          {CONFIRM_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`restore.method.${m}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('restore.detail.userAt')} htmlFor="user-at">
        <DateTextInput kind="datetime" id="user-at" value={at} onChange={setAt} />
      </Field>
      <Field label={t('restore.detail.userNote')} htmlFor="user-note">
        <textarea id="user-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <div className="restore-actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => send(true)}>
          {t('restore.detail.userConfirm')}
        </button>
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => send(false)}>
          {t('restore.detail.userRefuse')}
        </button>
      </div>
    </section>
  );
}

function PerformCard({ r, zone }: { r: RestoreState; zone: OfficeZone }) {
  const { t } = useTranslation();
  const { run, failure, setFailure, busy } = useCommand();
  // The start defaults to now (the technician usually records as they begin or just after);
  // the end is left empty: it must be typed, and not before the start.
  const [startedAt, setStartedAt] = useState(() => toOfficeInput(new Date().toISOString(), zone));
  const [completedAt, setCompletedAt] = useState('');
  const [errors, setErrors] = useState<{ startedAt?: string; completedAt?: string }>({});
  const fieldError = (f: 'startedAt' | 'completedAt') => errors[f] ?? (failure?.field === f ? failure.message : undefined);
  const submit = () => {
    const next: typeof errors = {};
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(startedAt)) next.startedAt = 'restore.errors.startedAt';
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(completedAt)) next.completedAt = 'restore.errors.completedAt';
    else if (!next.startedAt && completedAt < startedAt) next.completedAt = 'restore.errors.completedBeforeStart';
    setErrors(next);
    if (next.startedAt || next.completedAt) {
      setFailure(null);
      return;
    }
    void run({ type: 'restore.perform', input: { id: r.id, startedAt: fromOfficeInput(startedAt, zone) ?? '', completedAt: fromOfficeInput(completedAt, zone) ?? '', restored, verification, verificationNote } });
  };
  const [restored, setRestored] = useState('');
  const [verification, setVerification] = useState<Verification>('ok');
  const [verificationNote, setVerificationNote] = useState('');
  return (
    <section className="card" data-testid="perform-card">
      <h2>{t('restore.detail.performTitle')}</h2>
      <FailureBanner failure={failure?.field === 'startedAt' || failure?.field === 'completedAt' ? null : failure} />
      <Field label={t('restore.detail.startedAt')} htmlFor="started-at" error={fieldError('startedAt')}>
        <DateTextInput kind="datetime" id="started-at" value={startedAt} onChange={setStartedAt} />
      </Field>
      <Field label={t('restore.detail.completedAt')} htmlFor="completed-at" error={fieldError('completedAt')} hint={t('restore.detail.completedAtHint')}>
        <DateTextInput kind="datetime" id="completed-at" value={completedAt} onChange={setCompletedAt} />
      </Field>
      <Field label={t('restore.detail.restored')} htmlFor="restored">
        <textarea id="restored" rows={2} value={restored} onChange={(e) => setRestored(e.target.value)} />
      </Field>
      <Field label={t('restore.detail.verification')} htmlFor="verification">
        <select id="verification" value={verification} onChange={(e) => setVerification(e.target.value as Verification)}>
          {VERIFICATIONS.map((v) => (
            <option key={v} value={v}>
              {t(`restore.verification.${v}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('restore.detail.verificationNote')} htmlFor="verification-note">
        <textarea id="verification-note" rows={2} value={verificationNote} onChange={(e) => setVerificationNote(e.target.value)} />
      </Field>
      <div className="restore-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={submit}
        >
          {t('restore.detail.perform')}
        </button>
      </div>
    </section>
  );
}

function CancelCard({ r }: { r: RestoreState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [reason, setReason] = useState('');
  return (
    <section className="card">
      <h2>{t('restore.detail.cancelTitle')}</h2>
      <FailureBanner failure={failure} />
      <Field label={t('restore.detail.cancelReason')} htmlFor="cancel-reason">
        <input id="cancel-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="restore-actions">
        <button type="button" className="btn" disabled={busy} onClick={() => void run({ type: 'restore.cancel', input: { id: r.id, reason } })}>
          {t('restore.detail.cancel')}
        </button>
      </div>
    </section>
  );
}
