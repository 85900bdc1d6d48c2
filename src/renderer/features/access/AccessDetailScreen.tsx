/**
 * One access request: the form as submitted (and its earlier versions with the reasons they
 * were sent back), the IT Manager's decision, what the IT team provisioned for each system and
 * what was revoked, and the audit trail. Each action shows only to the role whose move it is.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { accessCancelInput, accessDecideInput, accessGrantInput, accessRevokeInput } from '@shared/domain/access/commands';
import type { AccessItem, AccessRequestState } from '@shared/domain/access/state';
import type { Command } from '@shared/domain/registry';
import { db } from '@renderer/store';
import { useCommand, useFormatDateTime, useUserNames } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { useSessionStore } from '@renderer/app/session-store';
import { AuditTrail } from '@renderer/components/AuditTrail';
import { Empty, FailureBanner, Field, PageHeader } from '@renderer/components/ui';
import { AccessStatusBadge } from './parts';
import { can } from '@shared/domain/can';
import { DecisionActions, FormActions } from '@renderer/components/kit/FormActions';

export function AccessDetailScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const users = useUserNames();
  const me = useSessionStore((s) => s.user);
  const r = useLiveQuery(async () => (await db.accessRequests.get(id)) ?? null, [id]);
  const employeeId = r?.employeeId;
  const employee = useLiveQuery(async () => (employeeId ? ((await db.employees.get(employeeId)) ?? null) : null), [employeeId]);
  if (r === undefined) return <Empty>{t('common.loading')}</Empty>;
  if (r === null || !me) return <Empty>{t('common.notFound')}</Empty>;
  const actor = { userId: me.id, roles: me.roles };
  const desk = can(actor, 'access.revise');
  const it = can(actor, 'access.grant');
  const who = (userId?: string) => (userId ? (users.get(userId) ?? '—') : '—');
  // A resignation recorded since the request was made: nothing more can be given (the domain
  // refuses approving, resubmitting and recording an account); say so instead of offering it.
  const resigned = employee?.status === 'resigned' && (r.status === 'submitted' || r.status === 'returned' || r.status === 'approved');

  return (
    <div>
      <PageHeader
        title={t('access.detail.title', { docNo: r.docNo })}
        subtitle={`${r.employee.name} · NIP ${r.employee.nip} · ${r.employee.department}`}
        actions={
          <>
            <AccessStatusBadge request={r} />
            {desk && r.status === 'returned' && (
              <button type="button" className="btn btn-primary" onClick={() => navigate(`/access/${r.id}/revise`)}>
                {t('access.detail.revise')}
              </button>
            )}
            <button type="button" className="btn" onClick={() => navigate(`/print/access/${r.id}`)}>
              {t('access.detail.print')}
            </button>
          </>
        }
      />
      {r.status === 'returned' && r.returnedReason && (
        <div className="banner banner-error" role="status" data-testid="return-reason">
          <strong>{t('access.detail.returnedBecause')}</strong> {r.returnedReason} — {who(r.decidedBy)}, {fmt(r.decidedAt)}
        </div>
      )}
      {r.status === 'cancelled' && (
        <div className="banner" role="status">
          <strong>{t('access.detail.cancelledBecause')}</strong> {r.cancelReason}
        </div>
      )}
      {resigned && (
        <div className="banner banner-error" role="status" data-testid="access-employee-resigned">
          {t('access.errors.employeeResignedStep', { name: r.employee.name })}
        </div>
      )}
      <div className="detail-grid">
        <div>
          <section className="card">
            <h2>{t('access.detail.form')}</h2>
            <dl className="dl">
              <dt>{t('access.fields.employee')}</dt>
              <dd>
                <a href={`#/employees/${r.employeeId}`}>{r.employee.name}</a> · {[r.employee.position, r.employee.department].filter(Boolean).join(' · ')}
              </dd>
              <dt>{t('access.fields.requester')}</dt>
              <dd>{[r.requester.name, r.requester.position].filter(Boolean).join(', ')}</dd>
              <dt>{t('access.fields.divisionHead')}</dt>
              <dd>{[r.divisionHead.name, r.divisionHead.position].filter(Boolean).join(', ')}</dd>
              <dt>{t('access.fields.need')}</dt>
              <dd className="pre">{r.need}</dd>
              <dt>{t('access.fields.submittedAt')}</dt>
              <dd>
                {fmt(r.submittedAt)} · {who(r.submittedBy)}
                {r.version > 1 && ` · ${t('access.detail.version', { n: r.version })}`}
              </dd>
              {r.decidedAt && r.status !== 'returned' && r.status !== 'submitted' && r.status !== 'cancelled' && (
                <>
                  <dt>{t('access.detail.decision')}</dt>
                  <dd>
                    {t('access.detail.approvedBy', { name: who(r.decidedBy), at: fmt(r.decidedAt) })}
                    {r.decisionNote && ` — ${r.decisionNote}`}
                  </dd>
                </>
              )}
            </dl>
          </section>
          <ItemsCard r={r} canProvision={it} canGrant={it && !resigned} />
          {r.versions.length > 0 && <VersionsCard r={r} />}
        </div>
        <div>
          {r.status === 'submitted' && can(actor, 'access.decide') && <DecisionCard r={r} ownVersion={r.submittedBy === me.id} />}
          {r.status === 'submitted' && !can(actor, 'access.decide') && (
            <div className="banner" role="status">
              {t('access.detail.waitingForManager')}
            </div>
          )}
          {((desk && (r.status === 'submitted' || r.status === 'returned')) || (it && resigned && r.status === 'approved')) && <CancelCard r={r} />}
          <AuditTrail kind="access" id={r.id} title={t('access.detail.audit')} detail={(p) => (typeof p.note === 'string' && p.note) || (typeof p.reason === 'string' && p.reason) || (typeof p.account === 'string' && `${p.system as string}: ${p.account}`) || undefined} />
        </div>
      </div>
    </div>
  );
}

function ItemsCard({ r, canProvision, canGrant }: { r: AccessRequestState; canProvision: boolean; canGrant: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const users = useUserNames();
  return (
    <section className="card">
      <h2>{t('access.detail.items')}</h2>
      <table className="table" data-testid="access-items">
        <thead>
          <tr>
            <th>{t('access.fields.system')}</th>
            <th>{t('access.fields.level')}</th>
            <th>{t('access.fields.scope')}</th>
            <th>{t('access.fields.granted')}</th>
          </tr>
        </thead>
        <tbody>
          {r.items.map((item) => {
            const grant = r.grants.find((g) => g.itemId === item.id);
            return (
              <tr key={item.id} data-system={item.system}>
                <td>
                  <strong>{item.system}</strong>
                </td>
                <td>{t(`access.level.${item.level}`)}</td>
                <td>{item.scope || '—'}</td>
                <td>
                  {grant ? (
                    <>
                      <div className={grant.revokedAt ? 'revoked' : undefined}>
                        <span className="mono">{grant.account}</span> · {users.get(grant.grantedBy) ?? '—'}, {fmt(grant.grantedAt)}
                        {grant.note && <div className="muted small">{grant.note}</div>}
                      </div>
                      {grant.revokedAt ? (
                        <div className="small">
                          {t('access.detail.revokedBy', { name: users.get(grant.revokedBy ?? '') ?? '—', at: fmt(grant.revokedAt) })} — {grant.revokeReason}
                        </div>
                      ) : (
                        canProvision && <RevokeForm r={r} item={item} />
                      )}
                    </>
                  ) : r.status === 'approved' && canGrant ? (
                    <GrantForm r={r} item={item} />
                  ) : (
                    <span className="muted">{t('access.detail.notGranted')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** A one-line form inside the items table: its text inputs (checked with the command's rules, each message under its input), the command they make. */
function InlineForm({ id, inputs, schema, submit, command, onCancel, danger }: {
  /** The inputs' id prefix (`<id>-<name>`). */
  id: string;
  inputs: { name: string; label: string; placeholder: string }[];
  schema: z.ZodType<Record<string, string>, Record<string, string>>;
  submit: string;
  command: (values: Record<string, string>) => Command;
  onCancel?: () => void;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, formState } = useForm<Record<string, string>>({
    resolver: zodResolver(schema),
    defaultValues: Object.fromEntries(inputs.map((i) => [i.name, ''])),
  });
  const onSubmit = handleSubmit(async (values) => void (await run(command(values))));
  const atField = failure?.field && inputs.some((i) => i.name === failure.field) ? failure.field : undefined;
  return (
    <form className="grant-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      {inputs.map((input, i) => {
        const message = formState.errors[input.name]?.message ?? (atField === input.name ? failure?.message : undefined);
        const errorId = `${id}-${input.name}-error`;
        return (
          <span className="grant-field" key={input.name}>
            <input
              id={`${id}-${input.name}`}
              aria-label={input.label}
              placeholder={input.placeholder}
              {...register(input.name)}
              aria-invalid={message ? true : undefined}
              aria-describedby={message ? errorId : undefined}
              autoFocus={!!onCancel && i === 0}
            />
            {message && (
              <span className="field-error" role="alert" id={errorId}>
                {t(message, (atField === input.name && failure?.params) || {})}
              </span>
            )}
          </span>
        );
      })}
      <FormActions submitLabel={submit} busy={busy} small variant={danger ? 'danger' : 'primary'} onCancel={onCancel} />
      {failure && !atField && (
        <div className="field-error" role="alert">
          {t(failure.message, failure.params ?? {})}
        </div>
      )}
    </form>
  );
}

const grantForm = accessGrantInput.pick({ account: true, note: true });
const revokeForm = accessRevokeInput.pick({ reason: true });

/** The IT team records the account it created for one approved item. */
function GrantForm({ r, item }: { r: AccessRequestState; item: AccessItem }) {
  const { t } = useTranslation();
  return (
    <InlineForm
      id={`grant-${item.id}`}
      schema={grantForm}
      inputs={[
        { name: 'account', label: t('access.detail.accountFor', { system: item.system }), placeholder: t('access.detail.accountPlaceholder') },
        { name: 'note', label: t('access.detail.grantNoteFor', { system: item.system }), placeholder: t('access.detail.grantNote') },
      ]}
      submit={t('access.detail.grant')}
      command={({ account = '', note = '' }) => ({ type: 'access.grant', input: { id: r.id, itemId: item.id, account, note } })}
    />
  );
}

/** Revoking asks for the reason first. */
function RevokeForm({ r, item }: { r: AccessRequestState; item: AccessItem }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
        {t('access.detail.revoke')}
      </button>
    );
  return (
    <InlineForm
      id={`revoke-${item.id}`}
      schema={revokeForm}
      inputs={[{ name: 'reason', label: t('access.detail.revokeReasonFor', { system: item.system }), placeholder: t('access.detail.revokeReason') }]}
      submit={t('access.detail.confirmRevoke')}
      command={({ reason = '' }) => ({ type: 'access.revoke', input: { id: r.id, itemId: item.id, reason } })}
      onCancel={() => setOpen(false)}
      danger
    />
  );
}

/** Approving takes an optional note; sending back needs the reason (as the command asks). */
const decisionForm = z
  .object({ approved: z.boolean(), note: accessDecideInput.shape.note })
  .superRefine((v, ctx) => {
    if (!v.approved && v.note.length < 10) ctx.addIssue({ code: 'custom', path: ['note'], message: 'access.errors.returnReason' });
  });
const cancelForm = accessCancelInput.pick({ reason: true });

function DecisionCard({ r, ownVersion }: { r: AccessRequestState; ownVersion: boolean }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, setValue, formState } = useForm<z.input<typeof decisionForm>, unknown, z.output<typeof decisionForm>>({
    resolver: zodResolver(decisionForm),
    defaultValues: { approved: true, note: '' },
  });
  const submit = handleSubmit(async ({ approved, note }) => void (await run({ type: 'access.decide', input: { id: r.id, approved, note } })));
  if (ownVersion)
    return (
      <div className="banner" role="status" data-testid="own-version">
        {t('access.errors.ownRequest')}
      </div>
    );
  return (
    <section className="card" aria-labelledby="decision-title">
      <form noValidate onSubmit={(e) => void submit(e)}>
        <h2 id="decision-title">{t('access.detail.decide')}</h2>
        <p className="hint">{t('access.detail.decideHint')}</p>
        {failure && failure.field !== 'note' && <FailureBanner failure={failure} />}
        <Field label={t('access.detail.decisionNote')} htmlFor="decision-note" error={formState.errors.note?.message ?? (failure?.field === 'note' ? failure.message : undefined)} hint={t('access.detail.decisionNoteHint')} wide>
          <textarea id="decision-note" rows={3} {...register('note')} />
        </Field>
        <DecisionActions yesLabel={t('access.detail.approve')} noLabel={t('access.detail.returnForRevision')} busy={busy} choose={(yes) => setValue('approved', yes)} submit={() => void submit()} />
      </form>
    </section>
  );
}

function CancelCard({ r }: { r: AccessRequestState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, formState } = useForm<z.input<typeof cancelForm>, unknown, z.output<typeof cancelForm>>({ resolver: zodResolver(cancelForm), defaultValues: { reason: '' } });
  const submit = handleSubmit(async ({ reason }) => void (await run({ type: 'access.cancel', input: { id: r.id, reason } })));
  return (
    <section className="card">
      <form noValidate onSubmit={(e) => void submit(e)}>
        <h2>{t('access.detail.cancel')}</h2>
        <Field label={t('access.detail.cancelReason')} htmlFor="cancel-reason" error={formState.errors.reason?.message ?? failure?.message}>
          <input id="cancel-reason" {...register('reason')} />
        </Field>
        <FormActions submitLabel={t('access.detail.confirmCancel')} busy={busy} variant="danger" />
      </form>
    </section>
  );
}

function VersionsCard({ r }: { r: AccessRequestState }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const users = useUserNames();
  return (
    <section className="card">
      <h2>{t('access.detail.versions')}</h2>
      <ol className="timeline" data-testid="access-versions">
        {r.versions.map((v) => (
          <li key={v.n}>
            <div>
              <strong>{t('access.detail.versionN', { n: v.n })}</strong> — {v.items.map((it) => `${it.system} (${t(`access.level.${it.level}`)})`).join(', ')}
            </div>
            {v.returnedReason && (
              <div className="small">
                {t('access.detail.returnedBecause')} {v.returnedReason}
              </div>
            )}
            <div className="muted small">
              {fmt(v.at)} · {users.get(v.by) ?? '—'}
              {v.returnedAt && ` → ${fmt(v.returnedAt)} · ${users.get(v.returnedBy ?? '') ?? '—'}`}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
