/** The next steps of a ticket for the signed-in user's roles, each one a command through commit(). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { slaFor } from '@shared/domain/ticket/sla';
import { CONFIRM_METHODS, PRIORITIES, TICKET_CATEGORIES, type ConfirmMethod, type Priority, type TicketCategory, type TicketState } from '@shared/domain/ticket/state';
import { db } from '@renderer/store';
import { useCommand, useOrg } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { actorOf, useSessionStore } from '@renderer/app/session-store';
import { Field, FailureBanner } from '@renderer/components/ui';
import { slaTargetText, useOfficeCalendar } from './SlaClock';
import { can } from '@shared/domain/can';

function ClassifyPanel({ ticket }: { ticket: TicketState }) {
  const { t } = useTranslation();
  const org = useOrg();
  const cal = useOfficeCalendar();
  const { run, failure, busy } = useCommand();
  const [category, setCategory] = useState<TicketCategory>(ticket.category);
  const [priority, setPriority] = useState<Priority>(ticket.priority);
  const first = ticket.status === 'new';
  return (
    <section className="card action-card" aria-labelledby="classify-title">
      <h2 id="classify-title">{first ? t('ticket.classify.title') : t('ticket.classify.retitle')}</h2>
      <FailureBanner failure={failure} />
      <div>
        <Field label={t('ticket.fields.category')} htmlFor="cl-category">
          <select id="cl-category" value={category} onChange={(e) => setCategory(e.target.value as TicketCategory)}>
            {TICKET_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`ticket.category.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('ticket.fields.priority')} htmlFor="cl-priority">
          <select id="cl-priority" value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`ticket.priority.${p}`)} — {slaTargetText(t, slaFor(cal, org?.sla, p))}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-actions">
        <button type="button" className={first ? 'btn btn-primary' : 'btn'} disabled={busy} onClick={() => run({ type: 'ticket.classify', input: { id: ticket.id, category, priority } })}>
          {first ? t('ticket.classify.submit') : t('ticket.classify.resubmit')}
        </button>
      </div>
    </section>
  );
}

function AssignPanel({ ticket }: { ticket: TicketState }) {
  const { t } = useTranslation();
  const me = useSessionStore((s) => s.user);
  const { run, failure, busy } = useCommand();
  const techs = useLiveQuery(async () => (await db.users.toArray()).filter((u) => u.active && u.roles.includes('technician')), []) ?? [];
  const [assigneeId, setAssigneeId] = useState('');
  const chosen = assigneeId || (me && techs.some((u) => u.id === me.id) && ticket.assigneeId !== me.id ? me.id : '');
  return (
    <section className="card action-card" aria-labelledby="assign-title">
      <h2 id="assign-title">{ticket.assigneeId ? t('ticket.assign.retitle') : t('ticket.assign.title')}</h2>
      <FailureBanner failure={failure} />
      <Field label={t('ticket.fields.assignee')} htmlFor="assignee">
        <select id="assignee" value={chosen} onChange={(e) => setAssigneeId(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {techs.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}
            </option>
          ))}
        </select>
      </Field>
      <div className="form-actions">
        <button type="button" className="btn" disabled={busy} onClick={() => run({ type: 'ticket.assign', input: { id: ticket.id, assigneeId: chosen } })}>
          {t('ticket.assign.submit')}
        </button>
      </div>
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
  const [resolution, setResolution] = useState('');
  return (
    <section className="card action-card" aria-labelledby="resolve-title">
      <h2 id="resolve-title">{t('ticket.resolve.title')}</h2>
      <p className="hint">{t('ticket.resolve.hint')}</p>
      <FailureBanner failure={failure} />
      <Field label={t('ticket.fields.resolution')} htmlFor="resolution">
        <textarea id="resolution" rows={3} value={resolution} onChange={(e) => setResolution(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => run({ type: 'ticket.resolve', input: { id: ticket.id, resolution } })}>
          {t('ticket.resolve.submit')}
        </button>
      </div>
    </section>
  );
}

function ConfirmPanel({ ticket }: { ticket: TicketState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [confirmedBy, setConfirmedBy] = useState(ticket.requester.name);
  const [method, setMethod] = useState<ConfirmMethod>('phone');
  const [note, setNote] = useState('');
  const send = (confirmed: boolean) => run({ type: 'ticket.confirm', input: { id: ticket.id, confirmed, confirmedBy, method, note: note || undefined } });
  return (
    <section className="card action-card" aria-labelledby="confirm-title">
      <h2 id="confirm-title">{t('ticket.confirm.title')}</h2>
      <p className="hint">{t('ticket.confirm.hint')}</p>
      <FailureBanner failure={failure} />
      <div className="grid-2">
        <Field label={t('ticket.fields.confirmedBy')} htmlFor="confirmedBy">
          <input id="confirmedBy" value={confirmedBy} onChange={(e) => setConfirmedBy(e.target.value)} />
        </Field>
        <Field label={t('ticket.fields.method')} htmlFor="method">
          <select id="method" value={method} onChange={(e) => setMethod(e.target.value as ConfirmMethod)}>
            {CONFIRM_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`ticket.method.${m}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('ticket.fields.confirmNote')} htmlFor="confirmNote" hint={t('ticket.confirm.noteHint')} wide>
          <textarea id="confirmNote" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      </div>
      <div className="form-actions wrap-actions">
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => send(false)}>
          {t('ticket.confirm.reopen')}
        </button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => send(true)}>
          {t('ticket.confirm.close')}
        </button>
      </div>
    </section>
  );
}

function CommentPanel({ ticket }: { ticket: TicketState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [text, setText] = useState('');
  return (
    <section className="card action-card">
      <h2>{t('ticket.comment.title')}</h2>
      <FailureBanner failure={failure} />
      <Field label={t('ticket.comment.label')} htmlFor="comment">
        <textarea id="comment" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={async () => {
            if (await run({ type: 'ticket.comment', input: { id: ticket.id, text } })) setText('');
          }}
        >
          {t('ticket.comment.submit')}
        </button>
      </div>
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
