/**
 * One restore request: what to restore and from which backup, the live 1×24 h deadline, the two
 * approvals (IT Manager and affected user, either order), the restore performed and verified
 * with the user, and the audit trail. Each action shows only to the role whose move it is: the
 * IT Manager's decision to admins other than the recorder, the user's answer to the desk, the
 * restore itself to the IT team once both approvals are in.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { restoreCancelInput, restoreManagerDecideInput, restoreUserDecideInput } from '@shared/domain/restore/commands';
import { CONFIRM_METHODS, restorePerformSchema, VERIFICATIONS, type RestoreState } from '@shared/domain/restore/state';
import { formatLocalDate, toOfficeInput, type OfficeZone } from '@shared/office-time';
import { db } from '@renderer/store';
import { useCommand, useFormatDateTime, useLang, useNow, useOrg, useUserNames } from '@renderer/app/hooks';
import { useSessionStore } from '@renderer/app/session-store';
import { AuditTrail } from '@renderer/components/AuditTrail';
import { Empty, FailureBanner, Field, PageHeader } from '@renderer/components/ui';
import { DeadlineClock, RestoreStatusBadge } from './parts';
import { DateTextField } from '@renderer/components/DateInputs';
import { FormActions } from '@renderer/components/kit/FormActions';
import { errorFor, formLevel, officeInstant } from '@renderer/components/kit/form-errors';
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

/** Refusing needs the reason (at least 10 characters, as the commands ask); approving takes an optional note. */
function needsReason(v: { approved: boolean; note: string }, ctx: z.RefinementCtx) {
  if (!v.approved && v.note.length < 10) ctx.addIssue({ code: 'custom', path: ['note'], message: 'restore.errors.refuseReason' });
}

const managerForm = restoreManagerDecideInput.pick({ approved: true, note: true }).superRefine(needsReason);
const userForm = (zone: OfficeZone) =>
  restoreUserDecideInput
    .pick({ approved: true, name: true, method: true, note: true })
    .extend({ confirmedAt: officeInstant(zone, 'restore.errors.confirmedAt') })
    .superRefine(needsReason);
/** The start defaults to now; the end must be typed, and not before the start. */
const performForm = (zone: OfficeZone) =>
  restorePerformSchema
    .extend({ startedAt: officeInstant(zone, 'restore.errors.startedAt'), completedAt: officeInstant(zone, 'restore.errors.completedAt') })
    .superRefine((v, ctx) => {
      if (Date.parse(v.completedAt) < Date.parse(v.startedAt)) ctx.addIssue({ code: 'custom', path: ['completedAt'], message: 'restore.errors.completedBeforeStart' });
    });
const cancelForm = restoreCancelInput.pick({ reason: true });

/** Approve (the form's submit) or refuse, the same form; `approved` is set by the button pressed. */
function DecisionActions({ approve, refuse, busy, setApproved, submit }: { approve: string; refuse: string; busy: boolean; setApproved: (v: boolean) => void; submit: () => void }) {
  return (
    <FormActions submitLabel={approve} busy={busy} start onSubmitClick={() => setApproved(true)}>
      <button
        type="button"
        className="btn btn-danger"
        disabled={busy}
        onClick={() => {
          setApproved(false);
          submit();
        }}
      >
        {refuse}
      </button>
    </FormActions>
  );
}

function ManagerCard({ r, own }: { r: RestoreState; own: boolean }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, setValue, formState } = useForm<z.input<typeof managerForm>, unknown, z.output<typeof managerForm>>({
    resolver: zodResolver(managerForm),
    defaultValues: { approved: true, note: '' },
  });
  const submit = handleSubmit(async (v) => void (await run({ type: 'restore.managerDecide', input: { id: r.id, ...v } })));
  return (
    <section className="card" data-testid="manager-card">
      <h2>{t('restore.detail.managerTitle')}</h2>
      {own ? (
        <p className="hint">{t('restore.detail.ownRequest')}</p>
      ) : (
        <form noValidate onSubmit={(e) => void submit(e)}>
          <FailureBanner failure={formLevel(failure, ['note'])} />
          <Field label={t('restore.detail.note')} htmlFor="manager-note" error={formState.errors.note?.message ?? errorFor(failure, 'note')} wide>
            <textarea id="manager-note" rows={2} {...register('note')} />
          </Field>
          <DecisionActions approve={t('restore.detail.approve')} refuse={t('restore.detail.refuse')} busy={busy} setApproved={(v) => setValue('approved', v)} submit={() => void submit()} />
        </form>
      )}
    </section>
  );
}

export function UserCard({ r, zone }: { r: RestoreState; zone: OfficeZone }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const schema = userForm(zone);
  const { register, handleSubmit, setValue, control, formState } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { approved: true, name: r.employee.name, method: 'in_person', confirmedAt: toOfficeInput(new Date().toISOString(), zone), note: '' },
  });
  const e = formState.errors;
  const fields = ['name', 'method', 'confirmedAt', 'note'] as const;
  const fieldError = (f: (typeof fields)[number]) => e[f]?.message ?? errorFor(failure, f);
  const submit = handleSubmit(async (v) => void (await run({ type: 'restore.userDecide', input: { id: r.id, ...v } })));
  return (
    <section className="card" data-testid="user-card">
      <form noValidate onSubmit={(ev) => void submit(ev)}>
        <h2>{t('restore.detail.userTitle')}</h2>
        <p className="hint">{t('restore.detail.userHint')}</p>
        <FailureBanner failure={formLevel(failure, fields)} />
        <Field label={t('restore.detail.userName')} htmlFor="user-name" error={fieldError('name')}>
          <input id="user-name" {...register('name')} />
        </Field>
        <Field label={t('restore.detail.userMethod')} htmlFor="user-method" error={fieldError('method')}>
          <select id="user-method" {...register('method')}>
            {CONFIRM_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`restore.method.${m}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('restore.detail.userAt')} htmlFor="user-at" error={fieldError('confirmedAt')}>
          <DateTextField kind="datetime" id="user-at" control={control} name="confirmedAt" />
        </Field>
        <Field label={t('restore.detail.userNote')} htmlFor="user-note" error={fieldError('note')}>
          <textarea id="user-note" rows={2} {...register('note')} />
        </Field>
        <DecisionActions approve={t('restore.detail.userConfirm')} refuse={t('restore.detail.userRefuse')} busy={busy} setApproved={(v) => setValue('approved', v)} submit={() => void submit()} />
      </form>
    </section>
  );
}

export function PerformCard({ r, zone }: { r: RestoreState; zone: OfficeZone }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const schema = performForm(zone);
  // The start defaults to now (the technician usually records as they begin or just after);
  // the end is left empty: it must be typed, and not before the start.
  const { register, handleSubmit, control, formState } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { startedAt: toOfficeInput(new Date().toISOString(), zone), completedAt: '', restored: '', verification: 'ok', verificationNote: '' },
  });
  const e = formState.errors;
  const fields = ['startedAt', 'completedAt', 'restored', 'verification', 'verificationNote'] as const;
  const fieldError = (f: (typeof fields)[number]) => e[f]?.message ?? errorFor(failure, f);
  const submit = handleSubmit(async (v) => void (await run({ type: 'restore.perform', input: { id: r.id, ...v } })));
  return (
    <section className="card" data-testid="perform-card">
      <form noValidate onSubmit={(ev) => void submit(ev)}>
        <h2>{t('restore.detail.performTitle')}</h2>
        <FailureBanner failure={formLevel(failure, fields)} />
        <Field label={t('restore.detail.startedAt')} htmlFor="started-at" error={fieldError('startedAt')}>
          <DateTextField kind="datetime" id="started-at" control={control} name="startedAt" />
        </Field>
        <Field label={t('restore.detail.completedAt')} htmlFor="completed-at" error={fieldError('completedAt')} hint={t('restore.detail.completedAtHint')}>
          <DateTextField kind="datetime" id="completed-at" control={control} name="completedAt" />
        </Field>
        <Field label={t('restore.detail.restored')} htmlFor="restored" error={fieldError('restored')}>
          <textarea id="restored" rows={2} {...register('restored')} />
        </Field>
        <Field label={t('restore.detail.verification')} htmlFor="verification" error={fieldError('verification')}>
          <select id="verification" {...register('verification')}>
            {VERIFICATIONS.map((v) => (
              <option key={v} value={v}>
                {t(`restore.verification.${v}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('restore.detail.verificationNote')} htmlFor="verification-note" error={fieldError('verificationNote')}>
          <textarea id="verification-note" rows={2} {...register('verificationNote')} />
        </Field>
        <FormActions submitLabel={t('restore.detail.perform')} busy={busy} start />
      </form>
    </section>
  );
}

function CancelCard({ r }: { r: RestoreState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, formState } = useForm<z.input<typeof cancelForm>, unknown, z.output<typeof cancelForm>>({ resolver: zodResolver(cancelForm), defaultValues: { reason: '' } });
  const submit = handleSubmit(async ({ reason }) => void (await run({ type: 'restore.cancel', input: { id: r.id, reason } })));
  return (
    <section className="card">
      <form noValidate onSubmit={(ev) => void submit(ev)}>
        <h2>{t('restore.detail.cancelTitle')}</h2>
        <FailureBanner failure={formLevel(failure, ['reason'])} />
        <Field label={t('restore.detail.cancelReason')} htmlFor="cancel-reason" error={formState.errors.reason?.message ?? errorFor(failure, 'reason')}>
          <input id="cancel-reason" {...register('reason')} />
        </Field>
        <FormActions submitLabel={t('restore.detail.cancel')} busy={busy} variant="plain" start />
      </form>
    </section>
  );
}
