/** Helpdesk tickets and their SLA clocks (DOMAIN.md §3). */
import { defineKind, labelOf } from '../kind';
import {
  ticketAssign, ticketClassify, ticketComment, ticketConfirm, ticketLinkIncident, ticketReceive, ticketResolve, ticketStart,
} from './commands';
import { ticketEvents } from './events';
import { applyTicket } from './fold';

export const ticketKind = defineKind({
  kind: 'ticket',
  events: ticketEvents,
  fold: applyTicket,
  commands: {
    'ticket.receive': ticketReceive,
    'ticket.classify': ticketClassify,
    'ticket.assign': ticketAssign,
    'ticket.start': ticketStart,
    'ticket.comment': ticketComment,
    'ticket.resolve': ticketResolve,
    'ticket.confirm': ticketConfirm,
    'ticket.linkIncident': ticketLinkIncident,
  },
  table: 'tickets',
  label: (s) => labelOf(s.docNo, s.subject),
  route: (id) => `#/tickets/${id}`,
});
