/** The next steps of a ticket for the signed-in user's roles, each one a command through commit(). */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { UserState } from '@shared/domain/user/state';
import { ticketAssignInput, ticketClassifyInput, ticketCommentInput, ticketConfirmInput, ticketResolveInput } from '@shared/domain/ticket/commands';
import { slaFor } from '@shared/domain/ticket/sla';
import { CONFIRM_METHODS, PRIORITIES, TICKET_CATEGORIES, type TicketState } from '@shared/domain/ticket/state';
import { db } from '@renderer/store';
import { useCommand, useOrg } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { actorOf, useSessionStore } from '@renderer/app/session-store';
import { Field, FailureBanner } from '@renderer/components/ui';
import { slaTargetText, useOfficeCalendar } from './SlaClock';
import { can } from '@shared/domain/can';
import { DecisionActions, FormActions } from '@renderer/components/kit/FormActions';
import { errorFor, formLevel } from '@renderer/components/kit/form-errors';

const classifyForm = ticketClassifyInput.pick({ category: true, priority: true });
const assignForm = ticketAssignInput.pick({ assigneeId: true });
const resolveForm = ticketResolveInput.pick({ resolution: true });
/** Closing takes the user's name and how they answered; sending back also needs what is still wrong (as the command asks). */
const confirmForm = ticketConfirmInput
  .pick({ confirmed: true, confirmedBy: true, method: true })
  .extend({ note: z.string().trim().max(1000, 'ticket.errors.tooLong') })
  .superRefine((v, ctx) => {
    if (!v.confirmed && v.note.length < 5) ctx.addIssue({ code: 'custom', path: ['note'], message: 'ticket.errors.reopenReason' });
  });
const commentForm = ticketCommentInput.pick({ text: true });

function ClassifyPanel({ ticket }: { ticket: TicketState }) {
  const { t } = useTranslation();
  const org = useOrg();
  const cal = useOfficeCalendar();
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, formState } = useForm<z.input<typeof classifyForm>, unknown, z.output<typeof classifyForm>>({
    resolver: zodResolver(classifyForm),
    defaultValues: { category: ticket.category, priority: ticket.priority },
  });
  const e = formState.errors;
  const first = ticket.status === 'new';
  const submit = handleSubmit(async (v) => void (await run({ type: 'ticket.classify', input: { id: ticket.id, ...v } })));
  return (
    <section className="card action-card" aria-labelledby="classify-title">
      <form noValidate onSubmit={(ev) => void submit(ev)}>
        <h2 id="classify-title">{first ? t('ticket.classify.title') : t('ticket.classify.retitle')}</h2>
        <FailureBanner failure={formLevel(failure, ['category', 'priority'])} />
        <div>
          <Field label={t('ticket.fields.category')} htmlFor="cl-category" error={e.category?.message ?? errorFor(failure, 'category')}>
            <select id="cl-category" {...register('category')}>
              {TICKET_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`ticket.category.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('ticket.fields.priority')} htmlFor="cl-priority" error={e.priority?.message ?? errorFor(failure, 'priority')}>
            <select id="cl-priority" {...register('priority')}>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`ticket.priority.${p}`)} — {slaTargetText(t, slaFor(cal, org?.sla, p))}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <FormActions submitLabel={first ? t('ticket.classify.submit') : t('ticket.classify.resubmit')} busy={busy} variant={first ? 'primary' : 'plain'} />
      </form>
    </section>
  );
}

function AssignPanel({ ticket }: { ticket: TicketState }) {
  const me = useSessionStore((s) => s.user);
  const techs = useLiveQuery(async () => (await db.users.toArray()).filter((u) => u.active && u.roles.includes('technician')), []);
  // The signed-in technician is offered first, unless the ticket is already theirs.
  const mine = !!me && !!techs?.some((u) => u.id === me.id) && ticket.assigneeId !== me.id;
  return <AssignForm key={techs ? 'ready' : 'loading'} ticket={ticket} techs={techs ?? []} initial={mine ? me!.id : ''} />;
}

function AssignForm({ ticket, techs, initial }: { ticket: TicketState; techs: UserState[]; initial: string }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, formState } = useForm<z.input<typeof assignForm>, unknown, z.output<typeof assignForm>>({
    resolver: zodResolver(assignForm),
    defaultValues: { assigneeId: initial },
  });
  const submit = handleSubmit(async ({ assigneeId }) => void (await run({ type: 'ticket.assign', input: { id: ticket.id, assigneeId } })));
  return (
    <section className="card action-card" aria-labelledby="assign-title">
      <form noValidate onSubmit={(ev) => void submit(ev)}>
        <h2 id="assign-title">{ticket.assigneeId ? t('ticket.assign.retitle') : t('ticket.assign.title')}</h2>
        <FailureBanner failure={formLevel(failure, ['assigneeId'])} />
        <Field label={t('ticket.fields.assignee')} htmlFor="assignee" error={formState.errors.assigneeId?.message ?? errorFor(failure, 'assigneeId')}>
          <select id="assignee" {...register('assigneeId')}>
            <option value="">{t('common.choose')}</option>
            {techs.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
              </option>
            ))}
          </select>
        </Field>
        <FormActions submitLabel={t('ticket.assign.submit')} busy={busy} variant="plain" />
      </form>
    </section>
  );
}

function StartPanel({ ticket }: { ticket: TicketState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  return (
    <section className="card action-card">
      <h2>{t('ticket.start.title')}</h2>
      <p>{t('ticket.start.text')}</p>
      <FailureBanner failure={failure} />
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => run({ type: 'ticket.start', input: { id: ticket.id } })}>
          {t('ticket.start.submit')}
        </button>
      </div>
    </section>
  );
}

function ResolvePanel({ ticket }: { ticket: TicketState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, formState } = useForm<z.input<typeof resolveForm>, unknown, z.output<typeof resolveForm>>({ resolver: zodResolver(resolveForm), defaultValues: { resolution: '' } });
  const submit = handleSubmit(async ({ resolution }) => void (await run({ type: 'ticket.resolve', input: { id: ticket.id, resolution } })));
  return (
    <section className="card action-card" aria-labelledby="resolve-title">
      <form noValidate onSubmit={(ev) => void submit(ev)}>
        <h2 id="resolve-title">{t('ticket.resolve.title')}</h2>
        <p className="hint">{t('ticket.resolve.hint')}</p>
        <FailureBanner failure={formLevel(failure, ['resolution'])} />
        <Field label={t('ticket.fields.resolution')} htmlFor="resolution" error={formState.errors.resolution?.message ?? errorFor(failure, 'resolution')}>
          <textarea id="resolution" rows={3} {...register('resolution')} />
        </Field>
        <FormActions submitLabel={t('ticket.resolve.submit')} busy={busy} />
      </form>
    </section>
  );
}

function ConfirmPanel({ ticket }: { ticket: TicketState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, setValue, formState } = useForm<z.input<typeof confirmForm>, unknown, z.output<typeof confirmForm>>({
    resolver: zodResolver(confirmForm),
    defaultValues: { confirmed: true, confirmedBy: ticket.requester.name, method: 'phone', note: '' },
  });
  const e = formState.errors;
  const submit = handleSubmit(async ({ note, ...v }) => void (await run({ type: 'ticket.confirm', input: { id: ticket.id, ...v, note: note || undefined } })));
  return (
    <section className="card action-card" aria-labelledby="confirm-title">
      <form noValidate onSubmit={(ev) => void submit(ev)}>
        <h2 id="confirm-title">{t('ticket.confirm.title')}</h2>
        <p className="hint">{t('ticket.confirm.hint')}</p>
        <FailureBanner failure={formLevel(failure, ['confirmedBy', 'method', 'note'])} />
        <div className="grid-2">
          <Field label={t('ticket.fields.confirmedBy')} htmlFor="confirmedBy" error={e.confirmedBy?.message ?? errorFor(failure, 'confirmedBy')}>
            <input id="confirmedBy" {...register('confirmedBy')} />
          </Field>
          <Field label={t('ticket.fields.method')} htmlFor="method" error={e.method?.message ?? errorFor(failure, 'method')}>
            <select id="method" {...register('method')}>
              {CONFIRM_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`ticket.method.${m}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('ticket.fields.confirmNote')} htmlFor="confirmNote" hint={t('ticket.confirm.noteHint')} error={e.note?.message ?? errorFor(failure, 'note')} wide>
            <textarea id="confirmNote" rows={2} {...register('note')} />
          </Field>
        </div>
        <DecisionActions yesLabel={t('ticket.confirm.close')} noLabel={t('ticket.confirm.reopen')} busy={busy} choose={(yes) => setValue('confirmed', yes)} submit={() => void submit()} />
      </form>
    </section>
  );
}

function CommentPanel({ ticket }: { ticket: TicketState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const { register, handleSubmit, formState, reset } = useForm<z.input<typeof commentForm>, unknown, z.output<typeof commentForm>>({ resolver: zodResolver(commentForm), defaultValues: { text: '' } });
  const submit = handleSubmit(async ({ text }) => {
    if (await run({ type: 'ticket.comment', input: { id: ticket.id, text } })) reset();
  });
  return (
    <section className="card action-card">
      <form noValidate onSubmit={(ev) => void submit(ev)}>
        <h2>{t('ticket.comment.title')}</h2>
        <FailureBanner failure={formLevel(failure, ['text'])} />
        <Field label={t('ticket.comment.label')} htmlFor="comment" error={formState.errors.text?.message ?? errorFor(failure, 'text')}>
          <textarea id="comment" rows={2} {...register('text')} />
        </Field>
        <FormActions submitLabel={t('ticket.comment.submit')} busy={busy} variant="plain" />
      </form>
    </section>
  );
}

/** "Eskalasi ke insiden keamanan": the incident form (built by the incidents workflow) links back. */
function EscalatePanel({ ticket }: { ticket: TicketState }) {
  const { t } = useTranslation();
  return (
    <section className="card action-card">
      <h2>{t('ticket.escalate.title')}</h2>
      <p className="hint">{t('ticket.escalate.hint')}</p>
      <div className="form-actions">
        <button type="button" className="btn btn-danger" onClick={() => navigate(`/incidents/new?ticket=${ticket.id}`)}>
          {t('ticket.escalate.submit')}
        </button>
      </div>
    </section>
  );
}

export function TicketActions({ ticket }: { ticket: TicketState }) {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  if (!user) return null;
  const actor = actorOf(user);
  const tech = can(actor, 'ticket.classify');
  const desk = can(actor, 'ticket.confirm');
  const panels = [];
  switch (ticket.status) {
    case 'new':
      if (tech) panels.push(<ClassifyPanel key="classify" ticket={ticket} />, <AssignPanel key="assign" ticket={ticket} />);
      else panels.push(<div key="wait" className="banner banner-info">{t('ticket.classify.waiting')}</div>);
      break;
    case 'classified':
      if (tech) panels.push(<StartPanel key="start" ticket={ticket} />, <AssignPanel key="assign" ticket={ticket} />, <ClassifyPanel key="classify" ticket={ticket} />);
      break;
    case 'in_progress':
      if (tech) panels.push(<ResolvePanel key="resolve" ticket={ticket} />, <AssignPanel key="assign" ticket={ticket} />, <ClassifyPanel key="classify" ticket={ticket} />);
      break;
    case 'resolved':
      if (desk) panels.push(<ConfirmPanel key="confirm" ticket={ticket} />);
      break;
    default:
      break;
  }
  if (ticket.status !== 'closed' && can(actor, 'ticket.comment')) {
    panels.push(<CommentPanel key="comment" ticket={ticket} />);
    if (!ticket.incidentId) panels.push(<EscalatePanel key="escalate" ticket={ticket} />);
  }
  return <>{panels}</>;
}
