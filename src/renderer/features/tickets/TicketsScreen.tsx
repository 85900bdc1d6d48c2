/** The helpdesk: the open queue in urgency order, fixes awaiting the user's confirmation, and the log. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_STATUSES, type TicketStatus } from '@shared/domain/ticket/state';
import { db } from '@renderer/store';
import { countQueue, ticketLogPage, ticketQueue, ticketsAwaitingConfirmation, TICKET_PAGE } from '@renderer/store/queries/tickets';
import { navigate } from '@renderer/app/router';
import { useSessionStore } from '@renderer/app/session-store';
import { Field, PageHeader, Pager } from '@renderer/components/ui';
import { TicketTable } from './TicketTable';
import './tickets.css';
import { can } from '@shared/domain/can';

type Tab = 'queue' | 'confirm' | 'all';

function QueueTab() {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const rows = useLiveQuery(() => ticketQueue(db, TICKET_PAGE + 1, page * TICKET_PAGE), [page]);
  const empty = !!rows && rows.length === 0 && page === 0;
  return (
    <>
      {rows && !empty && <p className="hint">{t('ticket.queue.hint')}</p>}
      <TicketTable rows={rows?.slice(0, TICKET_PAGE)} testId="ticket-queue" empty={t('ticket.queue.empty')} />
      {rows && !empty && <Pager page={page} hasMore={rows.length > TICKET_PAGE} setPage={setPage} />}
    </>
  );
}

function ConfirmTab() {
  const { t } = useTranslation();
  const rows = useLiveQuery(() => ticketsAwaitingConfirmation(db), []);
  return <TicketTable rows={rows} testId="ticket-awaiting" empty={t('ticket.queue.noneAwaiting')} />;
}

function AllTab() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TicketStatus | ''>('');
  const [page, setPage] = useState(0);
  const result = useLiveQuery(() => ticketLogPage(db, status, page), [status, page]);
  return (
    <>
      <div className="filters inline-fields">
        <Field label={t('ticket.fields.status')} htmlFor="log-status">
          <select
            id="log-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as TicketStatus | '');
              setPage(0);
            }}
          >
            <option value="">{t('ticket.queue.allStatuses')}</option>
            {TICKET_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`ticket.status.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <TicketTable rows={result?.rows} testId="ticket-log" empty={t('ticket.queue.noTickets')} />
      <Pager page={page} hasMore={!!result?.hasMore} setPage={setPage} />
    </>
  );
}

export function TicketsScreen({ route }: { route: string }) {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const tab = (new URLSearchParams(route.split('?')[1] ?? '').get('tab') ?? 'queue') as Tab;
  const queueCount = useLiveQuery(() => countQueue(db), []) ?? 0;
  const awaitingCount = useLiveQuery(() => db.tickets.where('[status+resolvedAt]').between(['resolved', ''], ['resolved', '\uffff']).count(), []) ?? 0;
  const canRecord = can(user, 'ticket.receive');
  const tabs: { key: Tab; label: string; count?: number }[] = [
    { key: 'queue', label: t('ticket.queue.tabQueue'), count: queueCount },
    { key: 'confirm', label: t('ticket.queue.tabConfirm'), count: awaitingCount },
    { key: 'all', label: t('ticket.queue.tabAll') },
  ];
  return (
    <div>
      <PageHeader
        title={t('ticket.queue.title')}
        subtitle={t('ticket.queue.subtitle')}
        actions={
          canRecord && (
            <button type="button" className="btn btn-primary" onClick={() => navigate('/tickets/new')}>
              {t('ticket.new.title')}
            </button>
          )
        }
      />
      <nav className="tabs" aria-label={t('ticket.queue.title')}>
        {tabs.map((x) => (
          <a key={x.key} href={`#/tickets?tab=${x.key}`} className={tab === x.key ? 'active' : ''} aria-current={tab === x.key ? 'page' : undefined}>
            {x.label}
            {x.count !== undefined && <span className="tab-count">{x.count}</span>}
          </a>
        ))}
      </nav>
      <section className="card">{tab === 'confirm' ? <ConfirmTab /> : tab === 'all' ? <AllTab /> : <QueueTab />}</section>
    </div>
  );
}
