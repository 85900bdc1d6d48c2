/**
 * Restore request commands and their rules (DOMAIN.md §6, SOP 4 step 3-4). The desk (officers,
 * technicians, admins) records the request and the affected user's answer; the IT Manager
 * (admin) approves or refuses — never a request they recorded themselves; both approvals, in
 * either order, before the IT team (technicians, admins) performs it; a request not completed
 * may be cancelled with the reason. Auditors only read.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../../result';
import { hasRole, type Role } from '../../roles';
import { localDate, type OfficeZone } from '../../office-time';
import type { EmployeeState } from '../employee/state';
import { draftMaker } from '../kind';
import type { CommandHandler, DecideContext } from '../types';
import { restoreEvents } from './events';
import { CONFIRM_METHODS, restorePerformSchema, restoreRequestSchema, type RestoreState, type RestoreStatus } from './state';
import { docNumber } from '../doc-number';

type Ctx = DecideContext<RestoreState>;
const DESK: Role[] = ['officer', 'technician', 'admin'];
const IT: Role[] = ['technician', 'admin'];
/** Times typed at the desk may run a few minutes ahead of this device's clock. */
const SKEW = 5 * 60_000;
/** A request is recorded at most a week after the user asked. */
const MAX_BACKDATE = 7 * 24 * 3_600_000;
const draft = draftMaker('restore', restoreEvents);
const norm = (t: string) => new Date(t).toISOString();

/** Document number: PREFIX/RST/YYYYMMDD/XXXXX — date in the office's zone, suffix from the id. */
export function restoreDocNo(prefix: string, id: string, at: string, zone: OfficeZone): string {
  return docNumber(prefix, 'RST', id, at, zone);
}

function guard(ctx: Ctx, roles: Role[], allowed: readonly RestoreStatus[]): Result<RestoreState> {
  if (!hasRole(ctx.actor, ...roles)) return fail('forbidden', 'errors.forbidden');
  const r = ctx.state;
  if (!r) return fail('not-found', 'errors.notFound');
  if (!allowed.includes(r.status)) return fail('wrong-state', 'restore.errors.wrongState', { params: { status: r.status } });
  return ok(r);
}

export const restoreRequestInput = restoreRequestSchema.extend({ id: z.string().uuid() });

/** The desk records a restore request for an employee's data. */
export const restoreRequest: CommandHandler<z.infer<typeof restoreRequestInput>, RestoreState> = {
  kind: 'restore',
  roles: DESK,
  input: restoreRequestInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    if (!hasRole(ctx.actor, ...DESK)) return fail('forbidden', 'errors.forbidden');
    if (ctx.state) return fail('exists', 'errors.exists');
    if (!ctx.org) return fail('not-set-up', 'setup.errors.notSetUp');
    const employee = (await ctx.lookups.record('employee', input.employeeId)) as EmployeeState | undefined;
    if (!employee) return fail('no-employee', 'restore.errors.employee', { field: 'employeeId' });
    const requested = Date.parse(input.requestedAt);
    const now = Date.parse(ctx.now);
    if (requested > now + SKEW) return fail('future', 'restore.errors.requestedFuture', { field: 'requestedAt' });
    if (requested < now - MAX_BACKDATE) return fail('too-old', 'restore.errors.requestedTooOld', { field: 'requestedAt' });
    if (input.backupDate > localDate(ctx.now, ctx.org.timeZone)) return fail('backup-future', 'restore.errors.backupFuture', { field: 'backupDate' });
    const { id, ...form } = input;
    return ok([
      draft(id, 'restore.requested', {
        docNo: restoreDocNo(ctx.org.docPrefix, id, ctx.now, ctx.org.timeZone),
        employee: { name: employee.name, nip: employee.nip, department: employee.department, position: employee.position },
        ...form,
        requestedAt: norm(form.requestedAt),
      }),
    ]);
  },
};

export const restoreManagerDecideInput = z.object({
  id: z.string(),
  approved: z.boolean(),
  /** The reason when refused (required); a note when approved (optional). */
  note: z.string().trim().max(1000, 'restore.errors.tooLong'),
});

/** The IT Manager approves or refuses; never a request they recorded. */
export const restoreManagerDecide: CommandHandler<z.infer<typeof restoreManagerDecideInput>, RestoreState> = {
  kind: 'restore',
  roles: ['admin'],
  input: restoreManagerDecideInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, ['admin'], ['requested']);
    if (!g.ok) return g;
    if (g.data.manager) return fail('decided', 'restore.errors.managerDecided');
    if (g.data.recordedBy === ctx.actor.userId) return fail('own-request', 'restore.errors.ownRequest');
    if (!input.approved && input.note.length < 10) return fail('reason', 'restore.errors.refuseReason', { field: 'note' });
    return ok([draft(input.id, input.approved ? 'restore.managerApproved' : 'restore.managerRefused', { note: input.note })]);
  },
};

export const restoreUserDecideInput = z.object({
  id: z.string(),
  approved: z.boolean(),
  /** The user's name as they confirmed it. */
  name: z.string().trim().min(3, 'restore.errors.userName').max(100, 'restore.errors.tooLong'),
  method: z.enum(CONFIRM_METHODS, { error: 'restore.errors.method' }),
  confirmedAt: z.string().datetime({ offset: true, error: 'restore.errors.confirmedAt' }),
  /** The reason when refused (required). */
  note: z.string().trim().max(1000, 'restore.errors.tooLong'),
});

/** The desk records the affected user's approval or refusal, as the user gave it. */
export const restoreUserDecide: CommandHandler<z.infer<typeof restoreUserDecideInput>, RestoreState> = {
  kind: 'restore',
  roles: DESK,
  input: restoreUserDecideInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, DESK, ['requested']);
    if (!g.ok) return g;
    if (g.data.user) return fail('decided', 'restore.errors.userDecided');
    const at = Date.parse(input.confirmedAt);
    if (at > Date.parse(ctx.now) + SKEW) return fail('future', 'restore.errors.confirmedFuture', { field: 'confirmedAt' });
    if (at < Date.parse(g.data.requestedAt)) return fail('before-request', 'restore.errors.confirmedBeforeRequest', { field: 'confirmedAt' });
    if (!input.approved && input.note.length < 10) return fail('reason', 'restore.errors.refuseReason', { field: 'note' });
    const { id, approved, ...rest } = input;
    return ok([draft(id, approved ? 'restore.userConfirmed' : 'restore.userRefused', { ...rest, confirmedAt: norm(rest.confirmedAt) })]);
  },
};

export const restorePerformInput = restorePerformSchema.extend({ id: z.string() });

/** With both approvals, the IT team records the restore done and its verification with the user. Late is accepted and flagged. */
export const restorePerform: CommandHandler<z.infer<typeof restorePerformInput>, RestoreState> = {
  kind: 'restore',
  roles: IT,
  input: restorePerformInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, IT, ['approved']);
    if (!g.ok) return g;
    const started = Date.parse(input.startedAt);
    const completed = Date.parse(input.completedAt);
    if (completed > Date.parse(ctx.now) + SKEW) return fail('future', 'restore.errors.completedFuture', { field: 'completedAt' });
    if (completed < started) return fail('order', 'restore.errors.completedBeforeStart', { field: 'completedAt' });
    if (started < Date.parse(g.data.requestedAt)) return fail('before-request', 'restore.errors.startedBeforeRequest', { field: 'startedAt' });
    if (input.verification === 'partial' && input.verificationNote.length < 5) return fail('note', 'restore.errors.partialNote', { field: 'verificationNote' });
    const { id, ...rest } = input;
    return ok([draft(id, 'restore.performed', { ...rest, startedAt: norm(rest.startedAt), completedAt: norm(rest.completedAt) })]);
  },
};

export const restoreCancelInput = z.object({ id: z.string(), reason: z.string().trim().min(5, 'restore.errors.cancelReason').max(500, 'restore.errors.tooLong') });

/** A request not completed (nor refused) is withdrawn, with the reason. */
export const restoreCancel: CommandHandler<z.infer<typeof restoreCancelInput>, RestoreState> = {
  kind: 'restore',
  roles: DESK,
  input: restoreCancelInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, DESK, ['requested', 'approved']);
    if (!g.ok) return g;
    return ok([draft(input.id, 'restore.cancelled', { reason: input.reason })]);
  },
};
