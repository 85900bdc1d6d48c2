/** A table of tickets with their live SLA clocks (the kit's RecordTable); rows open the ticket. */
import { useTranslation } from 'react-i18next';
import { slaView } from '@shared/domain/ticket/sla';
import type { TicketState } from '@shared/domain/ticket/state';
import { useFormatDateTime, useUserNames } from '@renderer/app/hooks';
import { RecordTable, type Column } from '@renderer/components/kit/RecordList';
import { PriorityBadge, SlaClock, TicketStatusBadge, slaRowClass, useNow, useOfficeCalendar } from './SlaClock';

export function TicketTable({ rows, testId, showAssignee = true, empty }: { rows: readonly TicketState[] | undefined; testId?: string; showAssignee?: boolean; /** What an empty list says. */ empty?: string }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const names = useUserNames();
  const now = useNow();
  const cal = useOfficeCalendar();
  const columns: Column<TicketState>[] = [
    { key: 'sla', header: t('ticket.fields.sla'), cell: (tk) => <SlaClock ticket={tk} now={now} cal={cal} /> },
    { key: 'priority', header: t('ticket.fields.priority'), cell: (tk) => <PriorityBadge priority={tk.priority} /> },
    {
      key: 'subject',
      header: t('ticket.fields.subject'),
      cell: (tk) => (
        <>
          <a href={`#/tickets/${tk.id}`} className="ticket-subject">
            {tk.subject}
          </a>
          <div className="cell-sub mono">{tk.docNo}</div>
        </>
      ),
    },
    {
      key: 'requester',
      header: t('ticket.fields.requester'),
      cell: (tk) => (
        <>
          {tk.requester.name}
          <div className="cell-sub">{tk.requester.department}</div>
        </>
      ),
    },
    {
      key: 'status',
      header: t('ticket.fields.status'),
      cell: (tk) => (
        <>
          <TicketStatusBadge status={tk.status} />
          {tk.incidentId && <span className="tag tag-warn">{t('ticket.detail.escalatedTag')}</span>}
        </>
      ),
    },
    ...(showAssignee
      ? [{ key: 'assignee', header: t('ticket.fields.assignee'), cell: (tk: TicketState) => (tk.assigneeId ? (names.get(tk.assigneeId) ?? '—') : <span className="muted">{t('ticket.queue.unassigned')}</span>) }]
      : []),
    { key: 'receivedAt', header: t('ticket.fields.receivedAtShort'), className: 'small', cell: (tk) => fmt(tk.receivedAt) },
  ];
  return (
    <RecordTable
      columns={columns}
      rows={rows}
      rowKey={(tk) => tk.id}
      rowHref={(tk) => `/tickets/${tk.id}`}
      rowClassName={(tk) => slaRowClass(slaView(tk, now, cal).level)}
      empty={empty ?? t('ticket.queue.noTickets')}
      testId={testId}
    />
  );
}
