/**
 * Access request commands and their rules (DOMAIN.md §5, SOP-IT-003). The desk (officers,
 * technicians, admins) records the paper form the manager brings, signed by the division head,
 * and its revisions; the IT Manager (admin) approves it or sends it back with the reason —
 * never a version they recorded themselves; the IT team (technicians, admins) records each
 * access it provisioned, and revokes it when it is no longer needed. Auditors only read.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../../result';
import { hasRole, type Role } from '../../roles';
import type { OfficeZone } from '../../office-time';
import type { EmployeeState } from '../employee/state';
import { draftMaker } from '../kind';
import type { CommandHandler, DecideContext } from '../types';
import { accessEvents } from './events';
import { accessFormSchema, accessSystems, type AccessForm, type AccessItem, type AccessRequestState, type AccessStatus } from './state';
import { docNumber } from '../doc-number';

type Ctx = DecideContext<AccessRequestState>;
const DESK: Role[] = ['officer', 'technician', 'admin'];
const IT: Role[] = ['technician', 'admin'];
const draft = draftMaker('access', accessEvents);

/** Document number: PREFIX/PAS/YYYYMMDD/XXXXX — date in the office's zone, suffix from the id. */
export function accessDocNo(prefix: string, id: string, at: string, zone: OfficeZone): string {
  return docNumber(prefix, 'PAS', id, at, zone);
}

/**
 * New access goes only to an employee still in service: every granting step (approving a
 * version, resubmitting a revision, recording an account) asks the employee record, so a
 * resignation recorded after the request was made stops it at the next step — on this console
 * and in the server's replay alike.
 */
async function employeeStillActive(ctx: Ctx, r: AccessRequestState): Promise<Result<EmployeeState>> {
  const employee = (await ctx.lookups.record('employee', r.employeeId)) as EmployeeState | undefined;
  if (!employee) return fail('no-employee', 'access.errors.employee');
  if (employee.status !== 'active') return fail('employee-resigned', 'access.errors.employeeResignedStep', { params: { name: employee.name } });
  return ok(employee);
}

function guard(ctx: Ctx, roles: Role[], allowed: readonly AccessStatus[]): Result<AccessRequestState> {
  if (!hasRole(ctx.actor, ...roles)) return fail('forbidden', 'errors.forbidden');
  const r = ctx.state;
  if (!r) return fail('not-found', 'errors.notFound');
  if (!allowed.includes(r.status)) return fail('wrong-state', 'access.errors.wrongState', { params: { status: r.status } });
  return ok(r);
}

/** The form with item ids given and systems checked against the office's list. */
function checkedForm(form: AccessForm, ctx: Ctx): Result<AccessForm & { items: AccessItem[] }> {
  const systems = accessSystems(ctx.org).map((s) => s.toLowerCase());
  const unknown = form.items.findIndex((it) => !systems.includes(it.system.trim().toLowerCase()));
  if (unknown >= 0) return fail('unknown-system', 'access.errors.unknownSystem', { field: `items.${unknown}.system`, params: { system: form.items[unknown]!.system } });
  return ok({ ...form, items: form.items.map((it) => ({ ...it, id: it.id ?? ctx.newId(), system: it.system.trim() })) });
}

export const accessSubmitInput = accessFormSchema.extend({ id: z.string().uuid(), employeeId: z.string().min(1, 'access.errors.employee') });

/** The desk records a request form for an active employee. */
export const accessSubmit: CommandHandler<z.infer<typeof accessSubmitInput>, AccessRequestState> = {
  kind: 'access',
  roles: DESK,
  input: accessSubmitInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    if (!hasRole(ctx.actor, ...DESK)) return fail('forbidden', 'errors.forbidden');
    if (ctx.state) return fail('exists', 'errors.exists');
    if (!ctx.org) return fail('not-set-up', 'setup.errors.notSetUp');
    const employee = (await ctx.lookups.record('employee', input.employeeId)) as EmployeeState | undefined;
    if (!employee) return fail('no-employee', 'access.errors.employee', { field: 'employeeId' });
    if (employee.status !== 'active') return fail('employee-resigned', 'access.errors.employeeResigned', { field: 'employeeId', params: { name: employee.name } });
    const { id, employeeId, ...form } = input;
    const checked = checkedForm(form, ctx);
    if (!checked.ok) return checked;
    return ok([
      draft(id, 'access.submitted', {
        docNo: accessDocNo(ctx.org.docPrefix, id, ctx.now, ctx.org.timeZone),
        employeeId,
        employee: { name: employee.name, nip: employee.nip, department: employee.department, position: employee.position },
        ...checked.data,
      }),
    ]);
  },
};

export const accessReviseInput = accessFormSchema.extend({ id: z.string() });

/** A returned form, revised by the requester, is submitted again as the next version. */
export const accessRevise: CommandHandler<z.infer<typeof accessReviseInput>, AccessRequestState> = {
  kind: 'access',
  roles: DESK,
  input: accessReviseInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, DESK, ['returned']);
    if (!g.ok) return g;
    const active = await employeeStillActive(ctx, g.data);
    if (!active.ok) return active;
    const { id, ...form } = input;
    const checked = checkedForm(form, ctx);
    if (!checked.ok) return checked;
    return ok([draft(id, 'access.revised', { ...checked.data })]);
  },
};

export const accessDecideInput = z.object({
  id: z.string(),
  approved: z.boolean(),
  /** The reason when sent back (required); a note when approved (optional). */
  note: z.string().trim().max(1000, 'access.errors.tooLong'),
});

/** The IT Manager approves the current version, or sends it back with the reason. Never their own. */
export const accessDecide: CommandHandler<z.infer<typeof accessDecideInput>, AccessRequestState> = {
  kind: 'access',
  roles: ['admin'],
  input: accessDecideInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, ['admin'], ['submitted']);
    if (!g.ok) return g;
    if (g.data.submittedBy === ctx.actor.userId) return fail('own-request', 'access.errors.ownRequest');
    if (!input.approved && input.note.length < 10) return fail('reason', 'access.errors.returnReason', { field: 'note' });
    // Sending back stays possible (the requester learns why); approving does not.
    if (input.approved) {
      const active = await employeeStillActive(ctx, g.data);
      if (!active.ok) return active;
    }
    return ok([draft(input.id, input.approved ? 'access.approved' : 'access.returned', { note: input.note })]);
  },
};

export const accessGrantInput = z.object({
  id: z.string(),
  itemId: z.string(),
  account: z.string().trim().min(2, 'access.errors.account').max(120, 'access.errors.tooLong'),
  note: z.string().trim().max(500, 'access.errors.tooLong'),
});

/** The IT team records the access it created for one approved item; the last one completes the request. */
export const accessGrant: CommandHandler<z.infer<typeof accessGrantInput>, AccessRequestState> = {
  kind: 'access',
  roles: IT,
  input: accessGrantInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, IT, ['approved']);
    if (!g.ok) return g;
    const item = g.data.items.find((it) => it.id === input.itemId);
    if (!item) return fail('no-item', 'access.errors.noSuchItem');
    if (g.data.grants.some((gr) => gr.itemId === item.id)) return fail('granted', 'access.errors.alreadyGranted', { params: { system: item.system } });
    const active = await employeeStillActive(ctx, g.data);
    if (!active.ok) return active;
    return ok([draft(input.id, 'access.granted', { itemId: item.id, system: item.system, level: item.level, account: input.account, note: input.note })]);
  },
};

export const accessRevokeInput = z.object({
  id: z.string(),
  itemId: z.string(),
  reason: z.string().trim().min(5, 'access.errors.revokeReason').max(500, 'access.errors.tooLong'),
});

/** An access given is taken back (the employee left or moved, the need ended). */
export const accessRevoke: CommandHandler<z.infer<typeof accessRevokeInput>, AccessRequestState> = {
  kind: 'access',
  roles: IT,
  input: accessRevokeInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, IT, ['approved', 'provisioned']);
    if (!g.ok) return g;
    const grant = g.data.grants.find((gr) => gr.itemId === input.itemId);
    if (!grant) return fail('not-granted', 'access.errors.notGranted');
    if (grant.revokedAt) return fail('revoked', 'access.errors.alreadyRevoked', { params: { system: grant.system } });
    return ok([draft(input.id, 'access.revoked', { itemId: input.itemId, reason: input.reason })]);
  },
};

export const accessCancelInput = z.object({ id: z.string(), reason: z.string().trim().min(5, 'access.errors.cancelReason').max(500, 'access.errors.tooLong') });

/**
 * A request not yet approved is withdrawn. An approved one is closed only when its employee has
 * left (nothing more can be given: see employeeStillActive) and nothing it gave is still in
 * force — the IT team revokes first, then closes what was never created.
 */
export const accessCancel: CommandHandler<z.infer<typeof accessCancelInput>, AccessRequestState> = {
  kind: 'access',
  roles: DESK, // an approved request: technicians and admins only (decide)
  input: accessCancelInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    if (ctx.state?.status === 'approved') {
      const employee = await employeeStillActive(ctx, ctx.state);
      if (employee.ok) return fail('wrong-state', 'access.errors.wrongState', { params: { status: ctx.state.status } });
      const g = guard(ctx, IT, ['approved']);
      if (!g.ok) return g;
      if (g.data.activeGrants > 0) return fail('still-granted', 'access.errors.revokeFirst', { params: { count: g.data.activeGrants } });
      return ok([draft(input.id, 'access.cancelled', { reason: input.reason })]);
    }
    const g = guard(ctx, DESK, ['submitted', 'returned']);
    if (!g.ok) return g;
    return ok([draft(input.id, 'access.cancelled', { reason: input.reason })]);
  },
};
