/** The next step of a visit for the signed-in user's roles, each one a command through commit(). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitState } from '@shared/domain/visit/state';
import { db } from '@renderer/store';
import { useCommand, useOrg } from '@renderer/app/hooks';
import { actorOf, useSessionStore } from '@renderer/app/session-store';
import { Field, FailureBanner } from '@renderer/components/ui';
import { useConfirm } from '@renderer/components/ConfirmDialog';
import { CheckOutPanel } from './CheckOutPanel';
import { can } from '@shared/domain/can';

function DecisionPanel({ visit }: { visit: VisitState }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [reason, setReason] = useState('');
  const [confirmDialog, confirm] = useConfirm();
  const refuse = async () => {
    // A refusal hands the ID back and cannot be undone: asked once the reason is there.
    if (reason.trim().length >= 3 && !(await confirm({ title: t('desk.confirm.refuseTitle', { name: visit.visitorName }), text: t('desk.confirm.refuseText'), confirm: t('visit.decide.refuse') }))) return;
    await run({ type: 'visit.decide', input: { id: visit.id, approved: false, reason } });
  };
  return (
    <section className="card action-card" aria-labelledby="decide-title">
      <h2 id="decide-title">{t('visit.decide.title')}</h2>
      {confirmDialog}
      <FailureBanner failure={failure} />
      <Field label={t('visit.decide.reason')} htmlFor="decision-reason" hint={t('visit.decide.reasonHint')}>
        <textarea id="decision-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void refuse()}>
          {t('visit.decide.refuse')}
        </button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => run({ type: 'visit.decide', input: { id: visit.id, approved: true, reason: reason || undefined } })}>
          {t('visit.decide.approve')}
        </button>
      </div>
    </section>
  );
}

function BadgePanel({ visit }: { visit: VisitState }) {
  const { t } = useTranslation();
  const org = useOrg();
  const me = useSessionStore((s) => s.user);
  const { run, failure, busy } = useCommand();
  const out = useLiveQuery(async () => new Set((await db.visits.where('badgeOut').above('').toArray()).map((v) => v.badgeOut)), []) ?? new Set();
  const officers = useLiveQuery(async () => (await db.users.toArray()).filter((u) => u.active && u.roles.includes('officer')), []) ?? [];
  const free = (org?.badgePool ?? []).filter((b) => !out.has(b));
  const [badge, setBadge] = useState('');
  const [escortId, setEscortId] = useState(me?.roles.includes('officer') ? me.id : '');
  const chosenBadge = badge || free[0] || '';
  return (
    <section className="card action-card" aria-labelledby="badge-title">
      <h2 id="badge-title">{t('visit.badge.title')}</h2>
      <FailureBanner failure={failure} />
      <div className="grid-2">
        <Field label={t('visit.fields.badge')} htmlFor="badge" hint={t('visit.badge.freeCount', { count: free.length })}>
          <input id="badge" list="free-badges" value={badge} placeholder={free[0] ?? ''} onChange={(e) => setBadge(e.target.value)} autoComplete="off" />
          <datalist id="free-badges">
            {free.map((b) => (
              <option key={b} value={b} />
            ))}
          </datalist>
        </Field>
        <Field label={t('visit.fields.escort')} htmlFor="escort">
          <select id="escort" value={escortId} onChange={(e) => setEscortId(e.target.value)}>
            <option value="">{t('common.choose')}</option>
            {officers.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => run({ type: 'visit.issueBadge', input: { id: visit.id, badge: chosenBadge, escortId } })}>
          {t('visit.badge.issue')}
        </button>
      </div>
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

function NotePanel({ visit, type, title, label, submit }: { visit: VisitState; type: 'visit.noteActivity' | 'visit.correct' | 'visit.cancel'; title: string; label: string; submit: string }) {
  const { t } = useTranslation();
  const { run, failure, busy } = useCommand();
  const [text, setText] = useState('');
  const [confirmDialog, confirm] = useConfirm();
  const inputId = `note-${type}`;
  return (
    <section className="card action-card">
      <h2>{title}</h2>
      {confirmDialog}
      <FailureBanner failure={failure} />
      <Field label={label} htmlFor={inputId}>
        <textarea id={inputId} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button
          type="button"
          className={type === 'visit.cancel' ? 'btn btn-danger' : 'btn'}
          disabled={busy}
          onClick={async () => {
            // Cancelling hands the ID back and ends the visit: asked once the reason is there.
            if (type === 'visit.cancel' && text.trim().length >= 3 && !(await confirm({ title: t('desk.confirm.cancelTitle', { name: visit.visitorName }), text: t('desk.confirm.cancelText'), confirm: submit }))) return;
            const input = type === 'visit.cancel' ? { id: visit.id, reason: text } : { id: visit.id, text };
            if (await run({ type, input } as Parameters<typeof run>[0])) setText('');
          }}
        >
          {submit}
        </button>
      </div>
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
