/**
 * The visit's commands and their rules (DOMAIN.md §1). Each returns the events to append or a
 * refusal with an i18n key; a refusal writes nothing.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../../result';
import { hasRole, type Role } from '../../roles';
import type { OfficeZone } from '../../office-time';
import { normaliseIdNumber } from '../../validators/id-document';
import { normaliseSerial } from '../../validators/serial';
import { draftMaker } from '../kind';
import type { CommandHandler, DecideContext } from '../types';
import { visitEvents } from './events';
import { deviceInputSchema, visitRegistrationSchema, type VisitState, type VisitStatus } from './state';
import { docNumber } from '../doc-number';

type Ctx = DecideContext<VisitState>;
const draft = draftMaker('visit', visitEvents);

/** Common guards: the actor's role, the record's existence, archived records read-only, the allowed states. */
function guard(ctx: Ctx, roles: Role[], allowed: VisitStatus[] | 'any'): Result<VisitState> {
  if (!hasRole(ctx.actor, ...roles)) return fail('forbidden', 'errors.forbidden');
  const v = ctx.state;
  if (!v) return fail('not-found', 'errors.notFound');
  if (v.status === 'archived' && allowed !== 'any') return fail('archived', 'visit.errors.archived');
  if (allowed !== 'any' && !allowed.includes(v.status)) return fail('wrong-state', 'visit.errors.wrongState', { params: { status: v.status } });
  return ok(v);
}

/** Document number: PREFIX/ARS/YYYYMMDD/XXXX — date in the office's zone, suffix from the id. */
export function visitDocNo(prefix: string, id: string, at: string, zone: OfficeZone): string {
  return docNumber(prefix, 'ARS', id, at, zone);
}

export const visitRegisterInput = visitRegistrationSchema.and(z.object({ id: z.string().uuid() }));

export const visitRegister: CommandHandler<z.infer<typeof visitRegisterInput>, VisitState> = {
  kind: 'visit',
  roles: ['officer'],
  input: visitRegisterInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    if (!hasRole(ctx.actor, 'officer')) return fail('forbidden', 'errors.forbidden');
    if (ctx.state) return fail('exists', 'errors.exists');
    if (!ctx.org) return fail('not-set-up', 'setup.errors.notSetUp');
    const { id, devices, ...visitor } = input;
    const idNumber = normaliseIdNumber(visitor.idType, visitor.idNumber);
    // One card, one visit: the desk cannot hold the same ID document for two open visits.
    const holderId = await ctx.lookups.idDocumentHolder(visitor.idType, idNumber);
    if (holderId && holderId !== id) {
      const holder = (await ctx.lookups.record('visit', holderId)) as VisitState | undefined;
      return fail('id-held', 'visit.errors.idHeld', {
        field: 'idNumber',
        params: { visitId: holderId, docNo: holder?.docNo ?? holderId, name: holder?.visitorName ?? '', status: holder?.status ?? '' },
      });
    }
    return ok([
      draft(id, 'visit.registered', {
        ...visitor,
        idNumber,
        docNo: visitDocNo(ctx.org.docPrefix, id, ctx.now, ctx.org.timeZone),
        devices: devices.map((d) => ({ id: ctx.newId(), kind: d.kind, brandModel: d.brandModel, serial: normaliseSerial(d.serial) })),
      }),
    ]);
  },
};

const byId = z.object({ id: z.string() });

export const visitDecideInput = byId.extend({
  approved: z.boolean(),
  reason: z.string().trim().max(500, 'visit.errors.tooLong').optional(),
});

/** The approver decides. Nobody approves a visit they registered themselves. */
export const visitDecide: CommandHandler<z.infer<typeof visitDecideInput>, VisitState> = {
  kind: 'visit',
  roles: ['approver'],
  input: visitDecideInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, ['approver'], ['awaiting_approval']);
    if (!g.ok) return g;
    if (g.data.registeredBy === ctx.actor.userId) return fail('self-approval', 'visit.errors.selfApproval');
    if (input.approved) return ok([draft(g.data.id, 'visit.approved', { note: input.reason || undefined })]);
    if (!input.reason || input.reason.length < 3) return fail('reason-required', 'visit.errors.refuseReason', { field: 'reason' });
    return ok([draft(g.data.id, 'visit.refused', { reason: input.reason })]);
  },
};

export const visitIssueBadgeInput = byId.extend({ badge: z.string().trim().min(1, 'visit.errors.badgeRequired'), escortId: z.string().min(1, 'visit.errors.escortRequired') });

/** A badge from the pool, never one that is out with someone else, and a named escort. */
export const visitIssueBadge: CommandHandler<z.infer<typeof visitIssueBadgeInput>, VisitState> = {
  kind: 'visit',
  roles: ['officer'],
  input: visitIssueBadgeInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, ['officer'], ['approved']);
    if (!g.ok) return g;
    if (g.data.badgeOut) return fail('badge-already-issued', 'visit.errors.badgeAlreadyIssued', { params: { badge: g.data.badgeOut } });
    if (!ctx.org?.badgePool.includes(input.badge)) return fail('badge-unknown', 'visit.errors.badgeUnknown', { field: 'badge', params: { badge: input.badge } });
    const holder = await ctx.lookups.badgeHolder(input.badge);
    if (holder && holder !== g.data.id) return fail('badge-out', 'visit.errors.badgeOut', { field: 'badge', params: { badge: input.badge } });
    const escort = await ctx.lookups.user(input.escortId);
    if (!escort || !escort.active || !escort.roles.includes('officer')) return fail('escort-invalid', 'visit.errors.escortInvalid', { field: 'escortId' });
    return ok([draft(g.data.id, 'visit.badgeIssued', { badge: input.badge, escortId: input.escortId })]);
  },
};

export const visitEnterInput = byId.extend({ enteredAt: z.string().datetime().optional() });

/** No entry without approval, a badge and an escort. */
export const visitEnter: CommandHandler<z.infer<typeof visitEnterInput>, VisitState> = {
  kind: 'visit',
  roles: ['officer'],
  input: visitEnterInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, ['officer'], ['approved']);
    if (!g.ok) return g;
    if (!g.data.badgeOut || !g.data.escortId) return fail('no-badge', 'visit.errors.enterNeedsBadge');
    const enteredAt = new Date(input.enteredAt ?? ctx.now).toISOString();
    if (Date.parse(enteredAt) < Date.parse(g.data.registeredAt)) return fail('time-order', 'visit.errors.enterBeforeRegistration');
    return ok([draft(g.data.id, 'visit.entered', { enteredAt })]);
  },
};

export const visitAddDeviceInput = byId.extend({ device: deviceInputSchema });

export const visitAddDevice: CommandHandler<z.infer<typeof visitAddDeviceInput>, VisitState> = {
  kind: 'visit',
  roles: ['officer'],
  input: visitAddDeviceInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, ['officer'], ['awaiting_approval', 'approved', 'inside']);
    if (!g.ok) return g;
    const serial = normaliseSerial(input.device.serial);
    if (g.data.devices.some((d) => d.serial === serial)) return fail('serial-duplicate', 'visit.errors.serialDuplicate', { field: 'device.serial' });
    return ok([draft(g.data.id, 'visit.deviceAdded', { device: { id: ctx.newId(), kind: input.device.kind, brandModel: input.device.brandModel, serial } })]);
  },
};

export const visitNoteInput = byId.extend({ text: z.string().trim().min(3, 'visit.errors.noteShort').max(2000, 'visit.errors.tooLong') });

/** Laporan aktivitas ruang server: what the visitor did, noted while inside. */
export const visitNoteActivity: CommandHandler<z.infer<typeof visitNoteInput>, VisitState> = {
  kind: 'visit',
  roles: ['officer'],
  input: visitNoteInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, ['officer'], ['inside']);
    if (!g.ok) return g;
    return ok([draft(g.data.id, 'visit.activityNoted', { text: input.text })]);
  },
};

export const visitCheckOutInput = byId.extend({
  exitedAt: z.string().datetime().optional(),
  outcome: z.string().trim().min(3, 'visit.errors.outcome').max(1000, 'visit.errors.tooLong'),
  /** Serials seen leaving (typed or scanned). */
  scannedSerials: z.array(z.string().max(64)).max(200),
  /** Devices declared as staying in the room, each with a reason. */
  leftInside: z.array(z.object({ deviceId: z.string(), reason: z.string().trim() })).max(50),
  badgeReturned: z.boolean(),
  idReturned: z.boolean(),
});

/**
 * Check-out reconciles every device brought in: matched by serial, or left inside with a
 * reason. Serials leaving that never came in are flagged on the record (not refused: the
 * officer has seen them and the form shows them). The badge comes back for the held ID.
 */
export const visitCheckOut: CommandHandler<z.infer<typeof visitCheckOutInput>, VisitState> = {
  kind: 'visit',
  roles: ['officer'],
  input: visitCheckOutInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, ['officer'], ['inside']);
    if (!g.ok) return g;
    const v = g.data;
    const exitedAt = new Date(input.exitedAt ?? ctx.now).toISOString();
    if (!v.enteredAt || Date.parse(exitedAt) <= Date.parse(v.enteredAt)) return fail('time-order', 'visit.errors.exitBeforeEntry', { field: 'exitedAt' });
    const scanned = new Set(input.scannedSerials.map(normaliseSerial).filter(Boolean));
    const left = new Map(input.leftInside.map((l) => [l.deviceId, l.reason]));
    const outcomes = [];
    for (const d of v.devices) {
      if (scanned.has(d.serial)) outcomes.push({ deviceId: d.id, result: 'matched' as const });
      else if (left.has(d.id)) {
        const reason = left.get(d.id) ?? '';
        if (reason.length < 3) return fail('reason-required', 'visit.errors.leftInsideReason', { params: { serial: d.serial }, field: `leftInside.${d.id}` });
        outcomes.push({ deviceId: d.id, result: 'left_inside' as const, reason });
      } else return fail('device-unresolved', 'visit.errors.deviceUnresolved', { params: { serial: d.serial } });
    }
    const known = new Set(v.devices.map((d) => d.serial));
    const unknownSerials = [...scanned].filter((s) => !known.has(s));
    if (!input.badgeReturned) return fail('badge-not-returned', 'visit.errors.badgeNotReturned', { field: 'badgeReturned' });
    if (!input.idReturned) return fail('id-not-returned', 'visit.errors.idNotReturned', { field: 'idReturned' });
    return ok([draft(v.id, 'visit.checkedOut', { exitedAt, outcome: input.outcome, deviceOutcomes: outcomes, unknownSerials })]);
  },
};

export const visitCancelInput = byId.extend({ reason: z.string().trim().min(3, 'visit.errors.cancelReason').max(500, 'visit.errors.tooLong') });

/** A visitor who leaves before entering: the held ID goes back, any badge comes back. */
export const visitCancel: CommandHandler<z.infer<typeof visitCancelInput>, VisitState> = {
  kind: 'visit',
  roles: ['officer'],
  input: visitCancelInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, ['officer'], ['awaiting_approval', 'approved']);
    if (!g.ok) return g;
    return ok([draft(g.data.id, 'visit.cancelled', { reason: input.reason })]);
  },
};

/** Archiving makes the form read-only. */
export const visitArchive: CommandHandler<z.infer<typeof byId>, VisitState> = {
  kind: 'visit',
  roles: ['officer', 'admin'],
  input: byId,
  recordId: (i) => i.id,
  async decide(_input, ctx) {
    const g = guard(ctx, ['officer', 'admin'], ['checked_out', 'refused', 'cancelled']);
    if (!g.ok) return g;
    return ok([draft(g.data.id, 'visit.archived', {})]);
  },
};

export const visitCorrectInput = byId.extend({ text: z.string().trim().min(5, 'visit.errors.correctionShort').max(2000, 'visit.errors.tooLong') });

/** A correction is a new linked entry; the original stays as it was. */
export const visitCorrect: CommandHandler<z.infer<typeof visitCorrectInput>, VisitState> = {
  kind: 'visit',
  roles: ['officer', 'admin'],
  input: visitCorrectInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx, ['officer', 'admin'], 'any');
    if (!g.ok) return g;
    return ok([draft(g.data.id, 'visit.corrected', { text: input.text })]);
  },
};
