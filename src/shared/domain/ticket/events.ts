/** The helpdesk ticket's events; the SLA clock arrives computed in them (see kind.ts for what a payload schema pins). */
import { z } from 'zod';
import { CONFIRM_METHODS, PRIORITIES, TICKET_CATEGORIES, TICKET_CHANNELS } from './state';

const slaTarget = z.strictObject({ amount: z.number(), unit: z.enum(['hours', 'workdays']), basis: z.enum(['working', 'calendar']) });

/** The office's SLA settings as `slaSettingsSchema` gives them (an org setting). */
export const slaSettingsPayload = z.strictObject({ high: slaTarget, medium: slaTarget, low: slaTarget });

/** The SLA a ticket carries (TicketSla). */
const sla = z.strictObject({
  priority: z.enum(PRIORITIES),
  amount: z.number(),
  unit: z.enum(['minutes', 'hours', 'workdays']),
  basis: z.enum(['working', 'calendar']),
  budgetMs: z.number(),
});

/** The SLA clock (TicketClock) while it runs: since when, and when the budget runs out. */
const running = z.strictObject({ usedMs: z.number(), runningSince: z.string(), dueAt: z.string() });
/** The SLA clock paused (the fix awaits the user's answer): the time used. */
const paused = z.strictObject({ usedMs: z.number() });

export const ticketEvents = {
  'ticket.received': z.strictObject({
    channel: z.enum(TICKET_CHANNELS),
    requesterName: z.string(),
    requesterNip: z.string().optional(),
    requesterDepartment: z.string(),
    requesterContact: z.string(),
    requesterEmployeeId: z.string().optional(),
    category: z.enum(TICKET_CATEGORIES),
    subject: z.string(),
    description: z.string(),
    assetSerial: z.string().optional(),
    receivedAt: z.string(),
    docNo: z.string(),
    sla,
    clock: running,
  }),
  /** The ticket's clock retargeted (it runs: a ticket is classified only while open). */
  'ticket.classified': z.strictObject({ category: z.enum(TICKET_CATEGORIES), sla, clock: running.partial({ runningSince: true, dueAt: true }) }),
  'ticket.assigned': z.strictObject({ assigneeId: z.string() }),
  'ticket.started': z.strictObject({}),
  'ticket.commented': z.strictObject({ text: z.string() }),
  'ticket.resolved': z.strictObject({ resolution: z.string(), resolvedAt: z.string(), clock: paused, slaMet: z.boolean() }),
  'ticket.confirmed': z.strictObject({ confirmedBy: z.string(), method: z.enum(CONFIRM_METHODS), note: z.string().optional() }),
  'ticket.reopened': z.strictObject({ confirmedBy: z.string(), method: z.enum(CONFIRM_METHODS), reason: z.string(), clock: running }),
  'ticket.escalated': z.strictObject({ incidentId: z.string() }),
};
