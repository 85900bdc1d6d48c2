/**
 * A helpdesk ticket (DOMAIN.md §3, SOP Tim IT 1): its states, fields and input schemas, and the
 * SLA settings per priority. The SLA clock itself (what has been used, when it is due) is
 * computed by the commands with the office calendar and carried in the events (see sla.ts).
 */
import { z } from 'zod';
import type { Duration } from '../../calendar';
import { isValidSerial } from '../../validators/serial';

export const TICKET_STATUSES = ['new', 'classified', 'in_progress', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/** Statuses whose SLA clock runs (the ticket waits for IT). */
export const RUNNING_STATUSES: readonly TicketStatus[] = ['new', 'classified', 'in_progress'];

export const TICKET_CHANNELS = ['helpdesk', 'email', 'form', 'phone', 'walk_in'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const TICKET_CATEGORIES = ['hardware', 'software', 'network', 'email', 'account', 'printer', 'other'] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** How the user's confirmation (or refusal) of a fix was obtained. */
export const CONFIRM_METHODS = ['phone', 'in_person', 'email', 'chat'] as const;
export type ConfirmMethod = (typeof CONFIRM_METHODS)[number];

/** One priority's follow-up time: an amount, its unit and whether only working time counts. */
export const slaTargetSchema = z.object({
  amount: z.number({ error: 'ticket.errors.slaAmount' }).positive('ticket.errors.slaAmount').max(1000, 'ticket.errors.slaAmount'),
  unit: z.enum(['hours', 'workdays']),
  basis: z.enum(['working', 'calendar']),
});
export type SlaTarget = z.infer<typeof slaTargetSchema>;

/** SLA per priority, an org setting (OrgState.sla). */
export const slaSettingsSchema = z.object({ high: slaTargetSchema, medium: slaTargetSchema, low: slaTargetSchema });
export type SlaSettings = z.infer<typeof slaSettingsSchema>;

/** The SOP's times as it writes them: High 4 jam, Medium 1×24 jam, Low 2×24 jam — clock hours
 *  (the clock runs day and night). Counting in working time only (4 working hours, 1 and 2
 *  working days) is an office choice on the Calendar & SLA screen. A ticket keeps the target
 *  and due time it was given (they are in its events): a changed setting applies to tickets
 *  received (or reclassified) afterwards. */
export const DEFAULT_SLA: SlaSettings = {
  high: { amount: 4, unit: 'hours', basis: 'calendar' },
  medium: { amount: 1, unit: 'workdays', basis: 'calendar' },
  low: { amount: 2, unit: 'workdays', basis: 'calendar' },
};

/** The SLA a ticket carries: its priority's target when it was set, and that target in ms. */
export interface TicketSla extends Duration {
  priority: Priority;
  budgetMs: number;
}

/**
 * The SLA clock. While it runs, `runningSince` is when the current run began and `usedMs` what
 * earlier runs used; `dueAt` is when the budget runs out. Paused (resolved, awaiting the
 * user's confirmation) or stopped (closed): no runningSince, no dueAt, usedMs is the total.
 */
export interface TicketClock {
  usedMs: number;
  runningSince?: string;
  dueAt?: string;
}

export interface TicketRequester {
  name: string;
  nip?: string;
  department: string;
  contact: string;
}

export interface TicketNote {
  at: string;
  by: string;
  text: string;
  /** Set on the note the user's "not fixed" left when the ticket was reopened. */
  reopened?: boolean;
}

export interface TicketState {
  id: string;
  docNo: string;
  status: TicketStatus;
  channel: TicketChannel;
  requester: TicketRequester;
  /** The employee record, once employees exist (wired by the lead after merging). */
  requesterEmployeeId?: string;
  category: TicketCategory;
  subject: string;
  description: string;
  /** The linked asset's serial, normalised. */
  assetSerial?: string;
  priority: Priority;
  sla: TicketSla;
  clock: TicketClock;
  /** clock.dueAt while the clock runs, else absent: indexed, so the urgency queue is an index range. */
  queueDue?: string;
  receivedAt: string;
  recordedBy: string;
  classifiedAt?: string;
  classifiedBy?: string;
  assigneeId?: string;
  startedAt?: string;
  resolvedAt?: string;
  resolvedBy?: string;
  resolution?: string;
  /** Whether the SLA was met at the (latest) resolution. */
  slaMet?: boolean;
  confirmation?: { at: string; by: string; confirmedBy: string; method: ConfirmMethod; note?: string };
  /** Times the user did not confirm the fix; each reopened the ticket. */
  reopenCount: number;
  closedAt?: string;
  /** The security incident this ticket was escalated into. */
  incidentId?: string;
  comments: TicketNote[];
  updatedAt: string;
  /** The HLC of the last event folded in. */
  hlc: string;
}

const tooLong = 'ticket.errors.tooLong';

/** The reception form: who asks, through which channel, about what, on which device. */
export const ticketReceptionSchema = z.object({
  channel: z.enum(TICKET_CHANNELS, { error: 'ticket.errors.channel' }),
  requesterName: z.string().trim().min(3, 'ticket.errors.requesterName').max(100, tooLong),
  requesterNip: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{18}$/.test(v.replace(/\s+/g, '')), 'ticket.errors.nip')
    .optional(),
  requesterDepartment: z.string().trim().min(2, 'ticket.errors.department').max(120, tooLong),
  requesterContact: z.string().trim().min(4, 'ticket.errors.contact').max(120, tooLong),
  requesterEmployeeId: z.string().uuid().optional(),
  category: z.enum(TICKET_CATEGORIES, { error: 'ticket.errors.category' }),
  priority: z.enum(PRIORITIES, { error: 'ticket.errors.priority' }),
  subject: z.string().trim().min(5, 'ticket.errors.subject').max(150, tooLong),
  description: z.string().trim().min(10, 'ticket.errors.description').max(4000, tooLong),
  assetSerial: z
    .string()
    .trim()
    .refine((v) => v === '' || isValidSerial(v), 'ticket.errors.serialFormat')
    .optional(),
});
export type TicketReception = z.infer<typeof ticketReceptionSchema>;

/** True while the ticket waits for IT (its clock runs). */
export function isRunning(status: TicketStatus): boolean {
  return RUNNING_STATUSES.includes(status);
}
