/**
 * The ticket's commands and their rules (DOMAIN.md §3). Officers and technicians record
 * tickets; technicians (and admins) classify, are assigned, work and resolve; the user's
 * confirmation is recorded on their behalf by an officer or technician; auditors only read.
 * decide() has the office and its calendar, so it computes the SLA clock (due instant, time
 * used) and puts it in the event: the fold stays pure and every console folds the same state.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../../result';
import { hasRole, type Role } from '../../roles';
import type { EventDraft } from '../../events';
import type { OfficeZone } from '../../office-time';
import { normaliseSerial } from '../../validators/serial';
import { officeCalendar } from '../org/state';
import { draftMaker } from '../kind';
import type { CommandHandler, DecideContext } from '../types';
import { ticketEvents } from './events';
import type { UserState } from '../user/state';
import { pauseClock, resumeClock, retarget, slaFor, startClock } from './sla';
import { CONFIRM_METHODS, PRIORITIES, TICKET_CATEGORIES, ticketReceptionSchema, type TicketState, type TicketStatus } from './state';
import { docNumber } from '../doc-number';

type Ctx = DecideContext<TicketState>;
const draft = draftMaker('ticket', ticketEvents);

/** Who records tickets and records the user's confirmation. */
const DESK: Role[] = ['officer', 'technician', 'admin'];
/** Who classifies, is assigned, works and resolves. */
const TECH: Role[] = ['technician', 'admin'];
/** A reception time may be up to this far in the past (a phone call noted later, a form found in the morning). */
const MAX_BACKDATE_MS = 30 * 86_400_000;
/** Device clocks drift: a reception time this far ahead of now is still accepted. */
const CLOCK_SKEW_MS = 2 * 60_000;

function guard(ctx: Ctx, roles: Role[], allowed: readonly TicketStatus[]): Result<TicketState> {
  if (!hasRole(ctx.actor, ...roles)) return fail('forbidden', 'errors.forbidden');
  const t = ctx.state;
  if (!t) return fail('not-found', 'errors.notFound');
  if (t.status === 'closed' && !allowed.includes('closed')) return fail('closed', 'ticket.errors.closed');
  if (!allowed.includes(t.status)) return fail('wrong-state', 'ticket.errors.wrongState', { params: { status: t.status } });
  return ok(t);
}

/** Document number: PREFIX/TKT/YYYYMMDD/XXXXX — date in the office's zone, suffix from the id. */
export function ticketDocNo(prefix: string, id: string, at: string, zone: OfficeZone): string {
  return docNumber(prefix, 'TKT', id, at, zone);
}

export const ticketReceiveInput = ticketReceptionSchema.extend({
  id: z.string().uuid(),
  /** When the request reached IT; defaults to now. The SLA clock starts here. */
  receivedAt: z.string().datetime({ message: 'ticket.errors.receivedAt' }).optional(),
});

/** IT records a ticket from any channel; the SLA clock starts at reception. */
export const ticketReceive: CommandHandler<z.infer<typeof ticketReceiveInput>, TicketState> = {
  kind: 'ticket',
  roles: DESK,
  input: ticketReceiveInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    if (!hasRole(ctx.actor, ...DESK)) return fail('forbidden', 'errors.forbidden');
    if (ctx.state) return fail('exists', 'errors.exists');
    if (!ctx.org) return fail('not-set-up', 'setup.errors.notSetUp');
    const now = Date.parse(ctx.now);
    const receivedAt = new Date(input.receivedAt ?? ctx.now);
    if (receivedAt.getTime() > now + CLOCK_SKEW_MS) return fail('future', 'ticket.errors.receivedFuture', { field: 'receivedAt' });
    if (receivedAt.getTime() < now - MAX_BACKDATE_MS) return fail('too-old', 'ticket.errors.receivedTooOld', { field: 'receivedAt' });
    const cal = officeCalendar(ctx.org);
    const sla = slaFor(cal, ctx.org.sla, input.priority);
    const { id, priority: _priority, requesterNip, assetSerial, ...rest } = input;
    return ok([
      draft(id, 'ticket.received', {
        ...rest,
        requesterNip: requesterNip?.replace(/\s+/g, '') || undefined,
        assetSerial: assetSerial ? normaliseSerial(assetSerial) : undefined,
        receivedAt: receivedAt.toISOString(),
        docNo: ticketDocNo(ctx.org.docPrefix, id, receivedAt.toISOString(), ctx.org.timeZone),
        sla,
        clock: startClock(cal, sla, receivedAt),
      }),
    ]);
  },
};

const byId = z.object({ id: z.string() });

export const ticketClassifyInput = byId.extend({
  category: z.enum(TICKET_CATEGORIES, { error: 'ticket.errors.category' }),
  priority: z.enum(PRIORITIES, { error: 'ticket.errors.priority' }),
});

/** A technician sets (or corrects) the category and priority; the due instant follows the priority's SLA. */
export const ticketClassify: CommandHandler<z.infer<typeof ticketClassifyInput>, TicketState> = {
  kind: 'ticket',
  roles: TECH,
  input: ticketClassifyInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, TECH, ['new', 'classified', 'in_progress']);
    if (!g.ok) return g;
    const cal = officeCalendar(ctx.org);
    const sla = slaFor(cal, ctx.org?.sla, input.priority);
    return ok([draft(g.data.id, 'ticket.classified', { category: input.category, sla, clock: retarget(cal, g.data.clock, sla) })]);
  },
};

export const ticketAssignInput = byId.extend({ assigneeId: z.string().min(1, 'ticket.errors.assignee') });

/** A technician (or admin) hands the ticket to an active technician, possibly themselves. */
export const ticketAssign: CommandHandler<z.infer<typeof ticketAssignInput>, TicketState> = {
  kind: 'ticket',
  roles: TECH,
  input: ticketAssignInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, TECH, ['new', 'classified', 'in_progress']);
    if (!g.ok) return g;
    const who: UserState | undefined = await ctx.lookups.user(input.assigneeId);
    if (!who || !who.active || !who.roles.includes('technician')) return fail('assignee-invalid', 'ticket.errors.assigneeInvalid', { field: 'assigneeId' });
    if (g.data.assigneeId === input.assigneeId) return fail('unchanged', 'ticket.errors.alreadyAssigned', { field: 'assigneeId' });
    return ok([draft(g.data.id, 'ticket.assigned', { assigneeId: input.assigneeId })]);
  },
};

/** Work begins: only on a classified ticket (the priority is known), by a technician. */
export const ticketStart: CommandHandler<z.infer<typeof byId>, TicketState> = {
  kind: 'ticket',
  roles: TECH,
  input: byId,
  recordId: (i) => i.id,
  async decide(_input, ctx) {
    const g = guard(ctx, TECH, ['new', 'classified']);
    if (!g.ok) return g;
    if (g.data.status === 'new') return fail('not-classified', 'ticket.errors.classifyFirst');
    return ok([draft(g.data.id, 'ticket.started', {})]);
  },
};

export const ticketCommentInput = byId.extend({ text: z.string().trim().min(3, 'ticket.errors.commentShort').max(2000, 'ticket.errors.tooLong') });

/** Anyone working the desk may comment on an open ticket. */
export const ticketComment: CommandHandler<z.infer<typeof ticketCommentInput>, TicketState> = {
  kind: 'ticket',
  roles: ['officer', 'technician', 'security_lead', 'admin'],
  input: ticketCommentInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, ['officer', 'technician', 'security_lead', 'admin'], ['new', 'classified', 'in_progress', 'resolved']);
    if (!g.ok) return g;
    return ok([draft(g.data.id, 'ticket.commented', { text: input.text })]);
  },
};

export const ticketResolveInput = byId.extend({
  resolution: z.string().trim().min(5, 'ticket.errors.resolution').max(2000, 'ticket.errors.tooLong'),
});

/** The fix is done: the clock pauses while the user is asked to confirm. */
export const ticketResolve: CommandHandler<z.infer<typeof ticketResolveInput>, TicketState> = {
  kind: 'ticket',
  roles: TECH,
  input: ticketResolveInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, TECH, ['in_progress']);
    if (!g.ok) return g;
    const cal = officeCalendar(ctx.org);
    const clock = pauseClock(cal, g.data.sla, g.data.clock, new Date(ctx.now));
    return ok([draft(g.data.id, 'ticket.resolved', { resolution: input.resolution, resolvedAt: ctx.now, clock, slaMet: clock.usedMs < g.data.sla.budgetMs })]);
  },
};

export const ticketConfirmInput = byId.extend({
  /** The user confirmed the fix (→ closed) or did not (→ back to in progress). */
  confirmed: z.boolean(),
  /** Who confirmed (or refused) for the user: the user's own name as given. */
  confirmedBy: z.string().trim().min(3, 'ticket.errors.confirmedBy').max(100, 'ticket.errors.tooLong'),
  method: z.enum(CONFIRM_METHODS, { error: 'ticket.errors.method' }),
  note: z.string().trim().max(1000, 'ticket.errors.tooLong').optional(),
});

/**
 * The user's answer, recorded by the desk on their behalf. Not confirmed: the ticket goes back
 * to in progress and the clock resumes with the time it had left; a reason is required.
 */
export const ticketConfirm: CommandHandler<z.infer<typeof ticketConfirmInput>, TicketState> = {
  kind: 'ticket',
  roles: DESK,
  input: ticketConfirmInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, DESK, ['resolved']);
    if (!g.ok) return g;
    const note = input.note || undefined;
    if (input.confirmed) return ok([draft(g.data.id, 'ticket.confirmed', { confirmedBy: input.confirmedBy, method: input.method, note })]);
    if (!note || note.length < 5) return fail('reason-required', 'ticket.errors.reopenReason', { field: 'note' });
    const cal = officeCalendar(ctx.org);
    const clock = resumeClock(cal, g.data.sla, g.data.clock, new Date(ctx.now));
    return ok([draft(g.data.id, 'ticket.reopened', { confirmedBy: input.confirmedBy, method: input.method, reason: note, clock })]);
  },
};

export const ticketLinkIncidentInput = byId.extend({ incidentId: z.string().uuid('ticket.errors.incidentId') });

/**
 * The ticket side of an escalation: who may escalate, from which states, once. `incident.report`
 * with a `ticketId` appends these drafts to the incident's own, so both records change in one
 * commit; `ticket.linkIncident` runs them for an incident that already names the ticket.
 */
export function escalationDrafts(ctx: Ctx, incidentId: string): Result<EventDraft[]> {
  const g = guard(ctx, ['officer', 'technician', 'security_lead', 'admin'], ['new', 'classified', 'in_progress', 'resolved']);
  if (!g.ok) return g;
  if (g.data.incidentId) return fail('already-escalated', 'ticket.errors.alreadyEscalated');
  return ok([draft(g.data.id, 'ticket.escalated', { incidentId })]);
}

/**
 * Links the ticket to the security incident it was escalated into; the incident must exist and
 * name this ticket as its source (so a link can never point at an unrelated incident).
 */
export const ticketLinkIncident: CommandHandler<z.infer<typeof ticketLinkIncidentInput>, TicketState> = {
  kind: 'ticket',
  roles: ['officer', 'technician', 'security_lead', 'admin'],
  input: ticketLinkIncidentInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const incident = (await ctx.lookups.record('incident', input.incidentId)) as { ticketId?: string } | undefined;
    if (!incident || incident.ticketId !== input.id) return fail('incident-not-linked', 'ticket.errors.incidentNotLinked');
    return escalationDrafts(ctx, input.incidentId);
  },
};
