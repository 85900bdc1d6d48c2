/**
 * The incident's commands (DOMAIN.md §4). Only the role whose turn it is completes a step,
 * with a note, and the branch outcome where the step branches; the deadline of the next step
 * and the working time each step used are computed here, in the office calendar, and carried
 * in the event so the fold stays pure.
 */
import { z } from 'zod';
import { deadline, workingDaysBetween, workingTimeBetween } from '../../calendar';
import type { EventDraft } from '../../events';
import { fail, ok, type Result } from '../../result';
import { hasRole, type Role } from '../../roles';
import type { OfficeZone } from '../../office-time';
import { officeCalendar } from '../org/state';
import { draftMaker } from '../kind';
import type { CommandHandler, DecideContext } from '../types';
import { incidentEvents } from './events';
import {
  attachmentRefSchema, INCIDENT_ANALYSIS_FIELDS, incidentReportSchema, MAX_ATTACHMENTS, type AnalysisField, type IncidentState,
} from './state';
import { nextStep, STEP_OUTCOMES, stepOf } from './steps';
import { escalationDrafts } from '../ticket/commands';
import type { TicketState } from '../ticket/state';
import { docNumber } from '../doc-number';

type Ctx = DecideContext<IncidentState>;
const draft = draftMaker('incident', incidentEvents);

/** Everyone who works incidents (the four roles of the procedure). */
const WORKERS: Role[] = ['officer', 'admin', 'security_lead', 'technician'];

function guard(ctx: Ctx, roles: Role[], openOnly: boolean): Result<IncidentState> {
  if (!hasRole(ctx.actor, ...roles)) return fail('forbidden', 'errors.forbidden');
  const i = ctx.state;
  if (!i) return fail('not-found', 'errors.notFound');
  if (openOnly && i.status !== 'open') return fail('closed', 'incident.errors.closed');
  return ok(i);
}

/** Document number: PREFIX/INS/YYYYMMDD/XXXXX — date in the office's zone, suffix from the id. */
export function incidentDocNo(prefix: string, id: string, at: string, zone: OfficeZone): string {
  return docNumber(prefix, 'INS', id, at, zone);
}

/** A step's deadline: its start plus the standard's upper bound, in the office's working time. */
export function stepDeadline(ctx: Pick<Ctx, 'org'>, step: number, startedAt: string): string {
  return deadline(officeCalendar(ctx.org ?? undefined), new Date(startedAt), stepOf(step).standard.max).toISOString();
}

export const incidentReportInput = incidentReportSchema.and(z.object({ id: z.string().uuid() }));

/** Step 1 begins: an officer (or a technician or admin taking the call) records the report. */
export const incidentReport: CommandHandler<z.infer<typeof incidentReportInput>, IncidentState> = {
  kind: 'incident',
  roles: ['officer', 'technician', 'admin'],
  input: incidentReportInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    if (!hasRole(ctx.actor, 'officer', 'technician', 'admin')) return fail('forbidden', 'errors.forbidden');
    if (ctx.state) return fail('exists', 'errors.exists');
    if (!ctx.org) return fail('not-set-up', 'setup.errors.notSetUp');
    if (Date.parse(input.detectedAt) > Date.parse(ctx.now) + 5 * 60_000) return fail('detected-future', 'incident.errors.detectedFuture', { field: 'detectedAt' });
    const { id, ticketId, attachments, ...details } = input;
    // Escalated from a ticket: the ticket's link is written in the same commit (its own rules).
    let ticketDrafts: EventDraft[] = [];
    let ticketDocNo: string | undefined;
    if (ticketId) {
      const ticket = (await ctx.lookups.record('ticket', ticketId)) as TicketState | undefined;
      if (!ticket) return fail('ticket-not-found', 'incident.errors.ticketNotFound', { field: 'ticketId' });
      const link = escalationDrafts({ ...ctx, state: ticket }, id);
      if (!link.ok) return link;
      ticketDrafts = link.data;
      ticketDocNo = ticket.docNo;
    }
    return ok([
      draft(id, 'incident.reported', {
        ...details,
        detectedAt: new Date(details.detectedAt).toISOString(),
        ...(ticketId ? { ticketId, ticketDocNo } : {}),
        attachments: attachments ?? [],
        docNo: incidentDocNo(ctx.org.docPrefix, id, ctx.now, ctx.org.timeZone),
        dueAt: stepDeadline(ctx, 1, ctx.now),
      }),
      ...ticketDrafts,
    ]);
  },
};

const byId = z.object({ id: z.string() });

export const incidentCompleteStepInput = byId.extend({
  /** The step the user completes: refused when the incident has moved on (e.g. done on another desk). */
  step: z.number().int().min(1).max(12),
  note: z.string().trim().min(3, 'incident.errors.note').max(4000, 'incident.errors.tooLong'),
  outcome: z.enum(STEP_OUTCOMES).optional(),
  /** Asked when the step closes the incident (the report prints them): required then, unless already recorded. */
  rootCause: z.string().trim().max(4000, 'incident.errors.tooLong').optional(),
  mitigation: z.string().trim().max(4000, 'incident.errors.tooLong').optional(),
});

/** The analysis a closing needs: root cause and mitigation, given now or recorded before. */
const CLOSING_FIELDS = [
  ['rootCause', 'incident.errors.rootCauseRequired'],
  ['mitigation', 'incident.errors.mitigationRequired'],
] as const;

/**
 * Completes the current step. Separation of duties: only a holder of the step's role; the
 * result check (step 9) not by whoever reported the result (step 8).
 */
export const incidentCompleteStep: CommandHandler<z.infer<typeof incidentCompleteStepInput>, IncidentState> = {
  kind: 'incident',
  roles: WORKERS,
  input: incidentCompleteStepInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, WORKERS, true);
    if (!g.ok) return g;
    const inc = g.data;
    if (input.step !== inc.step) return fail('wrong-step', 'incident.errors.wrongStep', { params: { step: inc.step } });
    const step = stepOf(inc.step);
    if (!hasRole(ctx.actor, step.role)) return fail('not-your-turn', 'incident.errors.notYourTurn', { params: { role: step.role, step: step.no } });
    if (step.no === 9) {
      const reporter = [...inc.history].reverse().find((h) => h.step === 8)?.by;
      if (reporter === ctx.actor.userId) return fail('self-check', 'incident.errors.selfCheck');
    }
    const to = nextStep(step.no, input.outcome);
    if (to === undefined) return fail('outcome', step.branches ? 'incident.errors.outcomeRequired' : 'incident.errors.outcomeNotAllowed', { field: 'outcome' });
    if (input.outcome === 'not_done' && input.note.length < 10) return fail('rework-reason', 'incident.errors.reworkReason', { field: 'note' });
    // Closing: the incident does not close without its root cause and mitigation (they print on both reports).
    const analysis: Partial<Record<AnalysisField, string>> = {};
    if (to === 'closed') {
      for (const [f, message] of CLOSING_FIELDS) {
        const value = input[f] ?? inc[f];
        if (value.trim().length < 3) return fail('analysis-required', message, { field: f });
        if (value !== inc[f]) analysis[f] = value;
      }
    }
    const cal = officeCalendar(ctx.org ?? undefined);
    const now = new Date(ctx.now);
    const startedAt = new Date(inc.stepStartedAt);
    const at = now.getTime() < startedAt.getTime() ? startedAt : now;
    const done = {
      step: step.no,
      note: input.note,
      ...(input.outcome ? { outcome: input.outcome } : {}),
      workingMs: workingTimeBetween(cal, startedAt, at),
      at: at.toISOString(),
    };
    return ok([
      ...(Object.keys(analysis).length > 0 ? [draft(inc.id, 'incident.fieldsSet', analysis)] : []),
      draft(
        inc.id,
        'incident.stepCompleted',
        to === 'closed'
          ? { ...done, workingDays: Math.round(workingDaysBetween(cal, new Date(inc.reportedAt), at) * 100) / 100 }
          : { ...done, dueAt: deadline(cal, at, stepOf(to).standard.max).toISOString() },
      ),
    ]);
  },
};

export const incidentSetFieldsInput = byId.extend(
  Object.fromEntries(INCIDENT_ANALYSIS_FIELDS.map((f) => [f, z.string().trim().max(4000, 'incident.errors.tooLong').optional()])) as {
    [K in (typeof INCIDENT_ANALYSIS_FIELDS)[number]]: z.ZodOptional<z.ZodString>;
  },
);

/** Actions, root cause, mitigation, lessons learned: editable by the incident's workers, also after closing. */
export const incidentSetFields: CommandHandler<z.infer<typeof incidentSetFieldsInput>, IncidentState> = {
  kind: 'incident',
  roles: ['technician', 'security_lead', 'admin'],
  input: incidentSetFieldsInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, ['technician', 'security_lead', 'admin'], false);
    if (!g.ok) return g;
    const changed: Partial<Record<AnalysisField, string>> = {};
    for (const f of INCIDENT_ANALYSIS_FIELDS) if (input[f] !== undefined && input[f] !== g.data[f]) changed[f] = input[f];
    if (Object.keys(changed).length === 0) return ok([]);
    return ok([draft(g.data.id, 'incident.fieldsSet', changed)]);
  },
};

export const incidentAttachInput = byId.extend({ file: attachmentRefSchema });

/** Evidence: the event carries the file's hash, name, type and size; the bytes travel on their own. */
export const incidentAttach: CommandHandler<z.infer<typeof incidentAttachInput>, IncidentState> = {
  kind: 'incident',
  roles: WORKERS,
  input: incidentAttachInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, WORKERS, true);
    if (!g.ok) return g;
    if (g.data.attachments.some((a) => a.hash === input.file.hash)) return fail('duplicate', 'incident.errors.attachmentDuplicate', { field: 'file' });
    if (g.data.attachments.length >= MAX_ATTACHMENTS) return fail('too-many', 'incident.errors.tooManyAttachments', { field: 'file' });
    return ok([draft(g.data.id, 'incident.attached', { file: input.file })]);
  },
};

export const incidentRecordViolationInput = byId.extend({
  violationId: z.string().uuid(),
  person: z.string().trim().min(3, 'incident.errors.violationPerson').max(120, 'incident.errors.tooLong'),
  rule: z.string().trim().min(3, 'incident.errors.violationRule').max(300, 'incident.errors.tooLong'),
  description: z.string().trim().max(2000, 'incident.errors.tooLong').optional(),
});

/** A policy violation found while handling (SOP 000 Tahap 4): the person and the rule broken. */
export const incidentRecordViolation: CommandHandler<z.infer<typeof incidentRecordViolationInput>, IncidentState> = {
  kind: 'incident',
  roles: ['technician', 'security_lead', 'admin'],
  input: incidentRecordViolationInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, ['technician', 'security_lead', 'admin'], false);
    if (!g.ok) return g;
    if (g.data.violations.some((v) => v.id === input.violationId)) return fail('exists', 'errors.exists');
    if (g.data.violations.length >= 50) return fail('too-many', 'incident.errors.tooManyViolations');
    const { id: _id, ...v } = input;
    return ok([draft(g.data.id, 'incident.violationRecorded', { ...v, description: v.description || undefined })]);
  },
};

export const incidentDecideSanctionInput = byId.extend({
  violationId: z.string(),
  sanction: z.string().trim().min(3, 'incident.errors.sanction').max(1000, 'incident.errors.tooLong'),
});

/** Management decides the sanction (SOP 000 Tahap 5): the admin, once per violation. */
export const incidentDecideSanction: CommandHandler<z.infer<typeof incidentDecideSanctionInput>, IncidentState> = {
  kind: 'incident',
  roles: ['admin'],
  input: incidentDecideSanctionInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, ['admin'], false);
    if (!g.ok) return g;
    const v = g.data.violations.find((x) => x.id === input.violationId);
    if (!v) return fail('not-found', 'errors.notFound');
    if (v.sanction) return fail('decided', 'incident.errors.sanctionDecided');
    return ok([draft(g.data.id, 'incident.sanctionDecided', { violationId: v.id, sanction: input.sanction })]);
  },
};
