/** The next step of a visit for the signed-in user's roles, each one a command through commit(). */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { visitCancelInput, visitCorrectInput, visitDecideInput, visitIssueBadgeInput, visitNoteInput } from '@shared/domain/visit/commands';
import type { VisitState } from '@shared/domain/visit/state';
import type { UserState } from '@shared/domain/user/state';
import { db } from '@renderer/store';
import { useCommand, useOrg } from '@renderer/app/hooks';
import { actorOf, useSessionStore } from '@renderer/app/session-store';
import { Field, FailureBanner } from '@renderer/components/ui';
import { useConfirm } from '@renderer/components/ConfirmDialog';
import { CheckOutPanel } from './CheckOutPanel';
import { can } from '@shared/domain/can';
import { DecisionActions, FormActions } from '@renderer/components/kit/FormActions';
import { errorFor, formLevel, messageAt } from '@renderer/components/kit/form-errors';

/** Approving takes an optional note; refusing needs the reason (as the command asks). */
const decisionForm = visitDecideInput
  .pick({ approved: true })
  .extend({ reason: z.string().trim().max(500, 'visit.errors.tooLong') })
  .superRefine((v, ctx) => {
    if (!v.approved && v.reason.length < 3) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'visit.errors.refuseReason' });
  });
/** The badge may be left empty: the first free one is handed over (its number is the placeholder). */
const badgeForm = visitIssueBadgeInput.pick({ escortId: true }).extend({ badge: z.string().trim() });
const noteForms = {
  'visit.noteActivity': visitNoteInput.pick({ text: true }),
  'visit.correct': visitCorrectInput.pick({ text: true }),
  'visit.cancel': z.object({ text: visitCancelInput.shape.reason }),
};

function DecisionPanel({ visit }: { visit: VisitState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [confirmDialog, confirm] = useConfirm();
  const { register, handleSubmit, setValue, formState } = useForm<z.input<typeof decisionForm>, unknown, z.output<typeof decisionForm>>({
    resolver: zodResolver(decisionForm),
    defaultValues: { approved: true, reason: '' },
  });
  const submit = handleSubmit(async ({ approved, reason }) => {
    // A refusal hands the ID back and cannot be undone: asked once the reason is there.
    if (!approved && !(await confirm({ title: t('desk.confirm.refuseTitle', { name: visit.visitorName }), text: t('desk.confirm.refuseText'), confirm: t('visit.decide.refuse') }))) return;
    await run({ type: 'visit.decide', input: { id: visit.id, approved, reason: approved ? reason || undefined : reason } });
  });
  return (
    <section className="card action-card" aria-labelledby="decide-title">
      <form noValidate onSubmit={(ev) => void submit(ev)}>
        <h2 id="decide-title">{t('visit.decide.title')}</h2>
        {confirmDialog}
        <FailureBanner failure={formLevel(failure, ['reason'])} />
        <Field label={t('visit.decide.reason')} htmlFor="decision-reason" hint={t('visit.decide.reasonHint')} error={formState.errors.reason?.message ?? errorFor(failure, 'reason')}>
          <textarea id="decision-reason" rows={2} {...register('reason')} />
        </Field>
        <DecisionActions yesLabel={t('visit.decide.approve')} noLabel={t('visit.decide.refuse')} busy={busy} choose={(yes) => setValue('approved', yes)} submit={() => void submit()} />
      </form>
    </section>
  );
}

function BadgePanel({ visit }: { visit: VisitState }) {
  const officers = useLiveQuery(async () => (await db.users.toArray()).filter((u) => u.active && u.roles.includes('officer')), []);
  // The escort select gets its default (the signed-in officer) once the officers are known.
  return <BadgeForm key={officers ? 'ready' : 'loading'} visit={visit} officers={officers ?? []} />;
}

function BadgeForm({ visit, officers }: { visit: VisitState; officers: UserState[] }) {
  const { t } = useTranslation();
  const org = useOrg();
  const me = useSessionStore((s) => s.user);
  const { run, failure, busy } = useCommand();
  const out = useLiveQuery(async () => new Set((await db.visits.where('badgeOut').above('').toArray()).map((v) => v.badgeOut)), []) ?? new Set();
  const free = (org?.badgePool ?? []).filter((b) => !out.has(b));
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof badgeForm>, unknown, z.output<typeof badgeForm>>({
    resolver: zodResolver(badgeForm),
    defaultValues: { badge: '', escortId: me?.roles.includes('officer') ? me.id : '' },
  });
  const e = formState.errors;
  const submit = handleSubmit(async ({ badge, escortId }) => {
    const chosen = badge || free[0] || '';
    if (!chosen) return setError('badge', { message: 'visit.errors.badgeRequired' });
    await run({ type: 'visit.issueBadge', input: { id: visit.id, badge: chosen, escortId } });
  });
  return (
    <section className="card action-card" aria-labelledby="badge-title">
      <form noValidate onSubmit={(ev) => void submit(ev)}>
        <h2 id="badge-title">{t('visit.badge.title')}</h2>
        <FailureBanner failure={formLevel(failure, ['badge', 'escortId'])} />
        <div className="grid-2">
          <Field label={t('visit.fields.badge')} htmlFor="badge" hint={t('visit.badge.freeCount', { count: free.length })} {...messageAt(e.badge?.message, failure, 'badge')}>
            <input id="badge" list="free-badges" {...register('badge')} placeholder={free[0] ?? ''} autoComplete="off" />
            <datalist id="free-badges">
              {free.map((b) => (
                <option key={b} value={b} />
              ))}
            </datalist>
          </Field>
          <Field label={t('visit.fields.escort')} htmlFor="escort" error={e.escortId?.message ?? errorFor(failure, 'escortId')}>
            <select id="escort" {...register('escortId')}>
              <option value="">{t('common.choose')}</option>
              {officers.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <FormActions submitLabel={t('visit.badge.issue')} busy={busy} />
      </form>
    </section>
  );
}

function EnterPanel({ visit }: { visit: VisitState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  return (
    <section className="card action-card">
      <h2>{t('visit.enter.title')}</h2>
      <p>{t('visit.enter.text', { badge: visit.badge })}</p>
      <FailureBanner failure={failure} />
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => run({ type: 'visit.enter', input: { id: visit.id } })}>
          {t('visit.enter.submit')}
        </button>
      </div>
    </section>
  );
}

function NotePanel({ visit, type, title, label, submit: submitLabel }: { visit: VisitState; type: 'visit.noteActivity' | 'visit.correct' | 'visit.cancel'; title: string; label: string; submit: string }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [confirmDialog, confirm] = useConfirm();
  const schema = noteForms[type];
  const { register, handleSubmit, reset, formState } = useForm<{ text: string }>({ resolver: zodResolver(schema), defaultValues: { text: '' } });
  const field = type === 'visit.cancel' ? 'reason' : 'text';
  const inputId = `note-${type}`;
  const submit = handleSubmit(async ({ text }) => {
    // Cancelling hands the ID back and ends the visit: asked once the reason is there.
    if (type === 'visit.cancel' && !(await confirm({ title: t('desk.confirm.cancelTitle', { name: visit.visitorName }), text: t('desk.confirm.cancelText'), confirm: submitLabel }))) return;
    const input = type === 'visit.cancel' ? { id: visit.id, reason: text } : { id: visit.id, text };
    if (await run({ type, input } as Parameters<typeof run>[0])) reset();
  });
  return (
    <section className="card action-card">
      <form noValidate onSubmit={(ev) => void submit(ev)}>
        <h2>{title}</h2>
        {confirmDialog}
        <FailureBanner failure={formLevel(failure, [field])} />
        <Field label={label} htmlFor={inputId} error={formState.errors.text?.message ?? errorFor(failure, field)}>
          <textarea id={inputId} rows={2} {...register('text')} />
        </Field>
        <FormActions submitLabel={submitLabel} busy={busy} variant={type === 'visit.cancel' ? 'danger' : 'plain'} />
      </form>
    </section>
  );
}

function ArchivePanel({ visit }: { visit: VisitState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [confirmDialog, confirm] = useConfirm();
  const archive = async () => {
    if (!(await confirm({ title: t('desk.confirm.archiveTitle', { docNo: visit.docNo }), text: t('desk.confirm.archiveText'), confirm: t('visit.archive.submit'), danger: false }))) return;
    await run({ type: 'visit.archive', input: { id: visit.id } });
  };
  return (
    <section className="card action-card">
      <h2>{t('visit.archive.title')}</h2>
      <p>{t('visit.archive.text')}</p>
      {confirmDialog}
      <FailureBanner failure={failure} />
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void archive()}>
          {t('visit.archive.submit')}
        </button>
      </div>
    </section>
  );
}

export function VisitActions({ visit }: { visit: VisitState }) {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  if (!user) return null;
  const actor = actorOf(user);
  const officer = can(actor, 'visit.issueBadge');
  const panels = [];
  switch (visit.status) {
    case 'awaiting_approval':
      if (can(actor, 'visit.decide')) {
        if (visit.registeredBy === user.id) panels.push(<div key="self" className="banner banner-info">{t('visit.decide.notYours')}</div>);
        else panels.push(<DecisionPanel key="decide" visit={visit} />);
      } else panels.push(<div key="wait" className="banner banner-info">{t('visit.decide.waiting')}</div>);
      if (officer) panels.push(<NotePanel key="cancel" visit={visit} type="visit.cancel" title={t('visit.cancel.title')} label={t('visit.fields.cancelReason')} submit={t('visit.cancel.submit')} />);
      break;
    case 'approved':
      if (officer) panels.push(visit.badgeOut ? <EnterPanel key="enter" visit={visit} /> : <BadgePanel key="badge" visit={visit} />);
      if (officer) panels.push(<NotePanel key="cancel" visit={visit} type="visit.cancel" title={t('visit.cancel.title')} label={t('visit.fields.cancelReason')} submit={t('visit.cancel.submit')} />);
      break;
    case 'inside':
      if (officer) {
        panels.push(<NotePanel key="note" visit={visit} type="visit.noteActivity" title={t('visit.activity.title')} label={t('visit.activity.label')} submit={t('visit.activity.submit')} />);
        panels.push(<CheckOutPanel key="checkout" visit={visit} />);
      }
      break;
    case 'checked_out':
    case 'refused':
    case 'cancelled':
      if (can(actor, 'visit.archive')) panels.push(<ArchivePanel key="archive" visit={visit} />);
      break;
    default:
      break;
  }
  if (can(actor, 'visit.correct') && visit.status !== 'inside')
    panels.push(<NotePanel key="correct" visit={visit} type="visit.correct" title={t('visit.correct.title')} label={t('visit.correct.label')} submit={t('visit.correct.submit')} />);
  return <>{panels}</>;
}
