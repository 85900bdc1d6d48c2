/** The ticket fold: pure. The SLA clock arrives computed in the events (see sla.ts). */
import type { DomainEvent } from '../../events';
import type { Apply } from '../types';
import type { TicketClock, TicketSla, TicketState } from './state';

type P = Record<string, unknown>;

/** The clock and its index field together: queueDue is set exactly while the clock runs. */
const withClock = (s: TicketState, clock: TicketClock): TicketState => ({ ...s, clock, queueDue: clock.runningSince ? clock.dueAt : undefined });

export const applyTicket: Apply<TicketState> = (state, e: DomainEvent) => {
  const p = e.payload as P;
  if (e.type === 'ticket.received') {
    const clock = p.clock as TicketClock;
    return {
      id: e.recordId,
      docNo: p.docNo as string,
      status: 'new',
      channel: p.channel as TicketState['channel'],
      requester: {
        name: p.requesterName as string,
        nip: (p.requesterNip as string | undefined) || undefined,
        department: p.requesterDepartment as string,
        contact: p.requesterContact as string,
      },
      requesterEmployeeId: p.requesterEmployeeId as string | undefined,
      category: p.category as TicketState['category'],
      subject: p.subject as string,
      description: p.description as string,
      assetSerial: (p.assetSerial as string | undefined) || undefined,
      priority: (p.sla as TicketSla).priority,
      sla: p.sla as TicketSla,
      clock,
      queueDue: clock.dueAt,
      receivedAt: p.receivedAt as string,
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
      const sla = p.sla as TicketSla;
      return withClock(
        { ...s, status: s.status === 'new' ? 'classified' : s.status, category: p.category as TicketState['category'], priority: sla.priority, sla, classifiedAt: e.at, classifiedBy: e.actorId },
        p.clock as TicketClock,
      );
    }
    case 'ticket.assigned':
      return { ...s, assigneeId: p.assigneeId as string };
    case 'ticket.started':
      return { ...s, status: 'in_progress', startedAt: s.startedAt ?? e.at, assigneeId: s.assigneeId ?? e.actorId };
    case 'ticket.commented':
      return { ...s, comments: [...s.comments, { at: e.at, by: e.actorId, text: p.text as string }] };
    case 'ticket.resolved':
      return withClock({ ...s, status: 'resolved', resolvedAt: p.resolvedAt as string, resolvedBy: e.actorId, resolution: p.resolution as string, slaMet: p.slaMet as boolean }, p.clock as TicketClock);
    case 'ticket.confirmed':
      return withClock(
        {
          ...s,
          status: 'closed',
          closedAt: e.at,
          confirmation: { at: e.at, by: e.actorId, confirmedBy: p.confirmedBy as string, method: p.method as never, note: (p.note as string | undefined) || undefined },
        },
        { usedMs: s.clock.usedMs },
      );
    case 'ticket.reopened':
      return withClock(
        {
          ...s,
          status: 'in_progress',
          reopenCount: s.reopenCount + 1,
          comments: [...s.comments, { at: e.at, by: e.actorId, text: p.reason as string, reopened: true }],
          resolvedAt: undefined,
          resolution: undefined,
        },
        p.clock as TicketClock,
      );
    case 'ticket.escalated':
      return { ...s, incidentId: p.incidentId as string };
    default:
      return s;
  }
};
