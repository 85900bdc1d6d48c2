/** A table of tickets with their live SLA clocks; rows open the ticket. */
import { useTranslation } from 'react-i18next';
import { slaView } from '../../../shared/domain/ticket/sla';
import type { TicketState } from '../../../shared/domain/ticket/state';
import { useFormatDateTime, useUserNames } from '../../app/hooks';
import { navigate } from '../../app/router';
import { PriorityBadge, SlaClock, TicketStatusBadge, slaRowClass, useNow, useOfficeCalendar } from './SlaClock';

export function TicketTable({ rows, testId, showAssignee = true }: { rows: TicketState[]; testId?: string; showAssignee?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const names = useUserNames();
  const now = useNow();
  const cal = useOfficeCalendar();
  return (
    <table className="table table-click" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('ticket.fields.sla')}</th>
          <th>{t('ticket.fields.priority')}</th>
          <th>{t('ticket.fields.subject')}</th>
          <th>{t('ticket.fields.requester')}</th>
          <th>{t('ticket.fields.status')}</th>
          {showAssignee && <th>{t('ticket.fields.assignee')}</th>}
          <th>{t('ticket.fields.receivedAtShort')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((tk) => (
          <tr key={tk.id} className={slaRowClass(slaView(tk, now, cal).level)} onClick={() => navigate(`/tickets/${tk.id}`)}>
            <td>
              <SlaClock ticket={tk} now={now} cal={cal} />
            </td>
            <td>
              <PriorityBadge priority={tk.priority} />
            </td>
            <td>
              <a href={`#/tickets/${tk.id}`} className="ticket-subject">
                {tk.subject}
              </a>
              <div className="cell-sub mono">{tk.docNo}</div>
            </td>
            <td>
              {tk.requester.name}
              <div className="cell-sub">{tk.requester.department}</div>
            </td>
            <td>
              <TicketStatusBadge status={tk.status} />
              {tk.incidentId && <span className="tag tag-warn">{t('ticket.detail.escalatedTag')}</span>}
            </td>
            {showAssignee && <td>{tk.assigneeId ? (names.get(tk.assigneeId) ?? '—') : <span className="muted">{t('ticket.queue.unassigned')}</span>}</td>}
            <td className="small">{fmt(tk.receivedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
