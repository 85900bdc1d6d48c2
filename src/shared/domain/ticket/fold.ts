/** The ticket fold: pure. The SLA clock arrives computed in the events (see sla.ts). */
import type { Fold } from '../kind';
import type { ticketEvents } from './events';
import type { TicketClock, TicketState } from './state';

/** The clock and its index field together: queueDue is set exactly while the clock runs. */
const withClock = (s: TicketState, clock: TicketClock): TicketState => ({ ...s, clock, queueDue: clock.runningSince ? clock.dueAt : undefined });

export const applyTicket: Fold<TicketState, typeof ticketEvents> = (state, e) => {
  if (e.type === 'ticket.received') {
    const p = e.payload;
    return {
      id: e.recordId,
      docNo: p.docNo,
      status: 'new',
      channel: p.channel,
      requester: {
        name: p.requesterName,
        nip: p.requesterNip || undefined,
        department: p.requesterDepartment,
        contact: p.requesterContact,
      },
      requesterEmployeeId: p.requesterEmployeeId,
      category: p.category,
      subject: p.subject,
      description: p.description,
      assetSerial: p.assetSerial || undefined,
      priority: p.sla.priority,
      sla: p.sla,
      clock: p.clock,
      queueDue: p.clock.dueAt,
      receivedAt: p.receivedAt,
      recordedBy: e.actorId,
      reopenCount: 0,
      comments: [],
      updatedAt: e.at,
      hlc: e.hlc,
    };
  }
  if (!state) return state as never;
  const s: TicketState = { ...state, updatedAt: e.at, hlc: e.hlc };
  switch (e.type) {
    case 'ticket.classified': {
      const { sla, category, clock } = e.payload;
      return withClock({ ...s, status: s.status === 'new' ? 'classified' : s.status, category, priority: sla.priority, sla, classifiedAt: e.at, classifiedBy: e.actorId }, clock);
    }
    case 'ticket.assigned':
      return { ...s, assigneeId: e.payload.assigneeId };
    case 'ticket.started':
      return { ...s, status: 'in_progress', startedAt: s.startedAt ?? e.at, assigneeId: s.assigneeId ?? e.actorId };
    case 'ticket.commented':
      return { ...s, comments: [...s.comments, { at: e.at, by: e.actorId, text: e.payload.text }] };
    case 'ticket.resolved': {
      const p = e.payload;
      return withClock({ ...s, status: 'resolved', resolvedAt: p.resolvedAt, resolvedBy: e.actorId, resolution: p.resolution, slaMet: p.slaMet }, p.clock);
    }
    case 'ticket.confirmed': {
      const p = e.payload;
      return withClock(
        { ...s, status: 'closed', closedAt: e.at, confirmation: { at: e.at, by: e.actorId, confirmedBy: p.confirmedBy, method: p.method, note: p.note || undefined } },
        { usedMs: s.clock.usedMs },
      );
    }
    case 'ticket.reopened':
      return withClock(
        {
          ...s,
          status: 'in_progress',
          reopenCount: s.reopenCount + 1,
          comments: [...s.comments, { at: e.at, by: e.actorId, text: e.payload.reason, reopened: true }],
          resolvedAt: undefined,
          resolution: undefined,
        },
        e.payload.clock,
      );
    case 'ticket.escalated':
      return { ...s, incidentId: e.payload.incidentId };
    default:
      return s;
  }
};
