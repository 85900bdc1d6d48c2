/**
 * Asset commands and their rules (DOMAIN.md §2, SOP 2 and 5): serials and tags unique across
 * the office (devices and accessories alike), no handover of an asset awaiting its data wipe,
 * a wipe verified by someone other than its operator. Technicians and admins act; auditors read.
 */
import { z } from 'zod';
import { fail, ok, type Failure, type Result } from '../../result';
import { hasRole, type Role } from '../../roles';
import { normaliseSerial } from '../../validators/serial';
import { draftMaker } from '../kind';
import { repeatsAnId, type CommandHandler, type DecideContext, type Lookups } from '../types';
import { assetEvents } from './events';
import type { HandoverState } from '../handover/state';
import { handoverEvents } from '../handover/events';
import type { EmployeeState } from '../employee/state';
import type { EventDraft } from '../../events';
import { docNumber } from '../doc-number';
import {
  accessoryInputSchema, assetFieldsSchema, assetInputSchema, assetKeys, assetName, CONDITIONS, MANUAL_STATUSES, WIPE_METHODS,
  type Accessory, type AssetInput, type AssetState, type AssetStatus,
} from './state';

type Ctx = DecideContext<AssetState>;
const MANAGERS: Role[] = ['technician', 'admin'];
const draft = draftMaker('asset', assetEvents);
const handoverDraft = draftMaker('handover', handoverEvents);

/** The actor manages assets and the asset exists. */
function guard(ctx: Ctx): Result<AssetState> {
  if (!hasRole(ctx.actor, ...MANAGERS)) return fail('forbidden', 'errors.forbidden');
  if (!ctx.state) return fail('not-found', 'errors.notFound');
  return ok(ctx.state);
}

/** The refusal for an asset that may not be handed over now; the clearest reason first. */
export function notIssuable(a: AssetState): Failure | null {
  if (a.status === 'awaiting_wipe') return { code: 'awaiting-wipe', message: 'asset.errors.awaitingWipe', params: { tag: a.tag, serial: a.serial } };
  if (a.status !== 'in_stock') return { code: 'not-in-stock', message: 'asset.errors.notInStock', params: { tag: a.tag, serial: a.serial, status: a.status } };
  return null;
}

/** An asset input as the event stores it: serials normalised, accessory ids given. */
export function normaliseAsset(input: AssetInput, newId: () => string): Omit<AssetInput, 'id' | 'accessories' | 'holderId'> & { accessories: Accessory[] } {
  const { id: _id, holderId: _holder, ...rest } = input;
  return {
    ...rest,
    tag: rest.tag.trim(),
    serial: normaliseSerial(rest.serial),
    purchaseDate: rest.purchaseDate || undefined,
    warrantyEnd: rest.warrantyEnd || undefined,
    accessories: rest.accessories.map((a) => ({ id: a.id ?? newId(), kind: a.kind, serial: normaliseSerial(a.serial), description: a.description })),
  };
}

/** What the uniqueness check reads of an asset. */
export interface KeyRow {
  tag: string;
  serial: string;
  accessories: readonly { serial: string }[];
}

const normalisedKeys = (r: KeyRow): KeyRow => ({ tag: r.tag, serial: normaliseSerial(r.serial), accessories: r.accessories.map((a) => ({ serial: normaliseSerial(a.serial) })) });

/** A problem with one row of a batch of new assets. */
export interface RowProblem {
  row: number;
  field: string;
  message: string;
  params?: Record<string, string | number>;
}

/**
 * Checks new assets for keys (tag, serial, accessory serials) taken by each other or by assets
 * already stored (`taken`: key → asset id). Returns every problem, by row.
 */
export function keyProblems(rows: readonly KeyRow[], taken: Record<string, string>): RowProblem[] {
  const problems: RowProblem[] = [];
  const firstRow = new Map<string, number>();
  rows.forEach((r, row) => {
    for (const key of assetKeys(normalisedKeys(r))) {
      const field = key.startsWith('T:') ? 'tag' : key === `S:${normaliseSerial(r.serial)}` ? 'serial' : 'accessories';
      const value = key.slice(2);
      if (taken[key]) problems.push({ row, field, message: field === 'tag' ? 'asset.errors.tagTaken' : 'asset.errors.serialTaken', params: { value } });
      else if (firstRow.has(key)) problems.push({ row, field, message: field === 'tag' ? 'asset.errors.tagRepeated' : 'asset.errors.serialRepeated', params: { value, other: firstRow.get(key)! + 1 } });
      else firstRow.set(key, row);
    }
  });
  return problems;
}

/** Keys of the given assets already held by other assets. */
export async function takenKeys(lookups: Pick<Lookups, 'idsByKey'>, rows: readonly KeyRow[], except?: string): Promise<Record<string, string>> {
  const keys = rows.flatMap((r) => assetKeys(normalisedKeys(r)));
  const found = await lookups.idsByKey('asset', keys);
  if (except) for (const [k, id] of Object.entries(found)) if (id === except) delete found[k];
  return found;
}

const toFailure = (p: RowProblem, prefix = ''): Failure => ({ code: 'key-taken', message: p.message, params: { ...p.params, row: p.row + 1 }, field: `${prefix}${p.field}` });

export const assetCreate: CommandHandler<AssetInput, AssetState> = {
  kind: 'asset',
  roles: MANAGERS,
  input: assetInputSchema,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    if (!hasRole(ctx.actor, ...MANAGERS)) return fail('forbidden', 'errors.forbidden');
    if (ctx.state) return fail('exists', 'errors.exists');
    const problems = keyProblems([input], await takenKeys(ctx.lookups, [input]));
    if (problems[0]) return { ok: false, error: toFailure(problems[0]) };
    return ok([draft(input.id, 'asset.created', normaliseAsset(input, ctx.newId))]);
  },
};

export const assetImportInput = z.object({ rows: z.array(assetInputSchema).min(1, 'asset.import.errors.empty').max(20_000, 'asset.import.errors.tooMany') });

/**
 * An inventory import: every row becomes an asset in ONE commit, or none does. The sync
 * server re-checks each asset.created like a single asset.create (in order, so the batch's own
 * keys are already taken for the rows after).
 */
export const assetImport: CommandHandler<z.infer<typeof assetImportInput>, AssetState> = {
  kind: 'asset',
  roles: MANAGERS,
  input: assetImportInput,
  recordId: (i) => i.rows[0]!.id,
  async decide(input, ctx) {
    if (!hasRole(ctx.actor, ...MANAGERS)) return fail('forbidden', 'errors.forbidden');
    if (repeatsAnId(input.rows)) return fail('exists', 'errors.exists');
    const problems = keyProblems(input.rows, await takenKeys(ctx.lookups, input.rows));
    if (problems[0]) return { ok: false, error: toFailure(problems[0], 'rows.') };
    // The holders the preview matched: each must be an employee of the office.
    const holders = new Map<string, EmployeeState>();
    for (const [i, r] of input.rows.entries()) {
      if (!r.holderId || holders.has(r.holderId)) continue;
      if ((r.status ?? 'in_stock') !== 'in_stock') return fail('wrong-state', 'asset.import.errors.holderNotInStock', { field: `rows.${i}.holderId` });
      const e = (await ctx.lookups.record('employee', r.holderId)) as EmployeeState | undefined;
      if (!e) return fail('employee-unknown', 'asset.import.errors.holderGone', { field: `rows.${i}.holderId` });
      holders.set(r.holderId, e);
    }
    if (holders.size > 0 && !ctx.org) return fail('not-set-up', 'setup.errors.notSetUp');
    const created = input.rows.map((r) => ({ row: r, payload: normaliseAsset(r, ctx.newId) }));
    const drafts: EventDraft[] = created.map(({ row, payload }) => draft(row.id, 'asset.created', payload));
    // Per holder, one record of what the spreadsheet said they hold (a handover document marked
    // imported, numbered …/IMP/…): the assets land assigned to them, their custody starts "from
    // import", and they come back through the usual return.
    for (const employee of holders.values()) {
      const mine = created.filter(({ row }) => row.holderId === employee.id);
      const docId = ctx.newId();
      const docNo = docNumber(ctx.org!.docPrefix, 'IMP', docId, ctx.now, ctx.org!.timeZone);
      const items = mine.flatMap(({ row, payload }) => [
        { assetId: row.id, tag: payload.tag, serial: payload.serial, description: assetName(payload), condition: payload.condition },
        ...payload.accessories.map((x) => ({ assetId: row.id, accessoryId: x.id, tag: payload.tag, serial: x.serial, description: x.description ? `${x.kind}: ${x.description}` : x.kind, condition: payload.condition })),
      ]);
      drafts.push(
        handoverDraft(docId, 'handover.issued', {
          docNo,
          employeeId: employee.id,
          officerId: ctx.actor.userId,
          witnessName: '',
          witnessTitle: '',
          notes: '',
          signatures: {},
          signedOnPaper: false,
          at: ctx.now,
          items,
          emailPrepared: '',
          accessPrepared: '',
          imported: true,
        }),
        ...mine.map(({ row, payload }) => draft(row.id, 'asset.assigned', { handoverId: docId, docNo, employeeId: employee.id, condition: payload.condition, at: ctx.now, source: 'import' as const })),
      );
    }
    return ok(drafts);
  },
};

export const assetUpdateInput = assetFieldsSchema
  .partial()
  .extend({ id: z.string(), accessories: z.array(accessoryInputSchema).max(20, 'asset.errors.tooManyAccessories').optional() });

/** Edits inventory fields; a new tag or serial must still be unique. */
export const assetUpdate: CommandHandler<z.infer<typeof assetUpdateInput>, AssetState> = {
  kind: 'asset',
  roles: MANAGERS,
  input: assetUpdateInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx);
    if (!g.ok) return g;
    const a = g.data;
    const { id, ...fields } = input;
    const next = {
      tag: (fields.tag ?? a.tag).trim(),
      serial: normaliseSerial(fields.serial ?? a.serial),
      accessories: (fields.accessories ?? a.accessories).map((x) => ({ id: x.id ?? ctx.newId(), kind: x.kind, serial: normaliseSerial(x.serial), description: x.description })),
    };
    const problems = keyProblems([next], await takenKeys(ctx.lookups, [next], id));
    if (problems[0]) return { ok: false, error: toFailure(problems[0]) };
    const payload: z.input<(typeof assetEvents)['asset.updated']> = {};
    for (const [k, v] of Object.entries({ ...fields, ...next })) {
      if (v === undefined || k === 'accessories') continue;
      if (v !== (a as unknown as Record<string, unknown>)[k]) (payload as Record<string, unknown>)[k] = v;
    }
    if (fields.accessories) {
      // Accessories keep their missing flag.
      const missing = new Set(a.accessories.filter((x) => x.missing).map((x) => x.id));
      const list = next.accessories.map((x) => (missing.has(x.id) ? { ...x, missing: true } : x));
      if (JSON.stringify(list) !== JSON.stringify(a.accessories)) payload.accessories = list;
    }
    if (Object.keys(payload).length === 0) return ok([]);
    return ok([draft(id, 'asset.updated', payload)]);
  },
};

export const assetSetStatusInput = z.object({ id: z.string(), status: z.enum(MANUAL_STATUSES), reason: z.string().trim().min(3, 'asset.errors.reason').max(500, 'asset.errors.tooLong') });

/** Which manual status changes are allowed from each status; the rest follow handover, return and wipe. */
const MANUAL_MOVES: Partial<Record<AssetStatus, readonly AssetStatus[]>> = {
  in_stock: ['maintenance', 'retired', 'lost'],
  maintenance: ['in_stock', 'retired', 'lost'],
};

/** Repair, retirement, loss: only from stock or repair (an assigned asset comes back by a return first). */
export const assetSetStatus: CommandHandler<z.infer<typeof assetSetStatusInput>, AssetState> = {
  kind: 'asset',
  roles: MANAGERS,
  input: assetSetStatusInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx);
    if (!g.ok) return g;
    if (!(MANUAL_MOVES[g.data.status] ?? []).includes(input.status)) return fail('wrong-state', 'asset.errors.statusMove', { params: { from: g.data.status, to: input.status } });
    return ok([draft(input.id, 'asset.statusSet', { status: input.status, reason: input.reason })]);
  },
};

export const assetAssignInput = z.object({ id: z.string(), handoverId: z.string() });

/** The asset side of a handover (made by handover.issue; the server re-checks it on its own). */
export const assetAssign: CommandHandler<z.infer<typeof assetAssignInput>, AssetState> = {
  kind: 'asset',
  roles: MANAGERS,
  input: assetAssignInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx);
    if (!g.ok) return g;
    const refusal = notIssuable(g.data);
    if (refusal) return { ok: false, error: refusal };
    const doc = (await ctx.lookups.record('handover', input.handoverId)) as HandoverState | undefined;
    const line = doc?.docType === 'handover' ? doc.items.find((i) => i.assetId === input.id && !i.accessoryId) : undefined;
    if (!doc || !line) return fail('not-found', 'errors.notFound');
    return ok([draft(input.id, 'asset.assigned', { handoverId: doc.id, docNo: doc.docNo, employeeId: doc.employeeId, condition: line.condition, at: doc.at })]);
  },
};

export const assetReceiveBackInput = z.object({ id: z.string(), returnId: z.string() });

/** The asset side of a return (made by handover.return; the server re-checks it on its own). */
export const assetReceiveBack: CommandHandler<z.infer<typeof assetReceiveBackInput>, AssetState> = {
  kind: 'asset',
  roles: MANAGERS,
  input: assetReceiveBackInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx);
    if (!g.ok) return g;
    const a = g.data;
    const doc = (await ctx.lookups.record('handover', input.returnId)) as HandoverState | undefined;
    if (!doc || doc.docType !== 'return') return fail('not-found', 'errors.notFound');
    if (a.status !== 'assigned' || a.handoverId !== doc.handoverId) return fail('wrong-state', 'asset.errors.notAssigned', { params: { serial: a.serial } });
    const lines = doc.items.filter((i) => i.assetId === a.id && i.result !== 'kept');
    const device = lines.find((i) => !i.accessoryId);
    if (!device) return fail('not-found', 'errors.notFound');
    return ok([
      draft(a.id, 'asset.returned', {
        returnId: doc.id,
        docNo: doc.docNo,
        condition: device.condition,
        deviceMissing: device.result === 'missing',
        missingAccessoryIds: lines.filter((i) => i.accessoryId && i.result === 'missing').map((i) => i.accessoryId!),
        at: doc.at,
      }),
    ]);
  },
};

export const maintenanceChecklistSchema = z.object({ antivirus: z.boolean(), osPatched: z.boolean(), passwordSet: z.boolean(), removableMedia: z.boolean() });

export const assetMaintainInput = z.object({
  id: z.string(),
  maintenanceId: z.string().uuid(),
  checklist: maintenanceChecklistSchema,
  condition: z.enum(CONDITIONS),
  notes: z.string().trim().max(1000, 'asset.errors.tooLong'),
  at: z.string().datetime().optional(),
});

/**
 * A maintenance visit (SOP 2 every 3 months; SOP 5 checklist). An unchecked item needs a note
 * saying what was done about it, so the log never shows a silent failure.
 */
export const assetMaintain: CommandHandler<z.infer<typeof assetMaintainInput>, AssetState> = {
  kind: 'asset',
  roles: MANAGERS,
  input: assetMaintainInput,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    const g = guard(ctx);
    if (!g.ok) return g;
    if (!['assigned', 'in_stock', 'maintenance'].includes(g.data.status)) return fail('wrong-state', 'asset.errors.notMaintainable', { params: { status: g.data.status } });
    const at = new Date(input.at ?? ctx.now).toISOString();
    if (Date.parse(at) > Date.parse(ctx.now) + 5 * 60_000) return fail('future', 'asset.errors.future', { field: 'at' });
    if (Object.values(input.checklist).some((v) => !v) && input.notes.length < 5) return fail('note-required', 'asset.errors.maintenanceNote', { field: 'notes' });
    return ok([draft(input.id, 'asset.maintained', { id: input.maintenanceId, checklist: input.checklist, condition: input.condition, notes: input.notes, at })]);
  },
};

export const assetWipeInput = z.object({
  id: z.string(),
  method: z.enum(WIPE_METHODS),
  tool: z.string().trim().min(2, 'asset.errors.wipeTool').max(100, 'asset.errors.tooLong'),
  operatorId: z.string().min(1, 'asset.errors.operatorRequired'),
  verifierId: z.string().min(1, 'asset.errors.verifierRequired'),
  notes: z.string().trim().max(1000, 'asset.errors.tooLong'),
  at: z.string().datetime().optional(),
});

/**
 * The data wipe that returns an asset to stock. Operator and verifier are two different
 * technicians (or admins); the one recording it is one of them.
 */
export const assetWipe: CommandHandler<z.infer<typeof assetWipeInput>, AssetState> = {
  kind: 'asset',
  roles: MANAGERS,
  input: assetWipeInput,
  recordId: (i) => i.id,
  cosigners: (input, actor) => [input.operatorId, input.verifierId].filter((id) => id !== actor.userId),
  async decide(input, ctx) {
    const g = guard(ctx);
    if (!g.ok) return g;
    if (g.data.status !== 'awaiting_wipe') return fail('wrong-state', 'asset.errors.notAwaitingWipe', { params: { serial: g.data.serial } });
    if (input.operatorId === input.verifierId) return fail('same-person', 'asset.errors.verifierSameAsOperator', { field: 'verifierId' });
    for (const [field, id] of [['operatorId', input.operatorId], ['verifierId', input.verifierId]] as const) {
      const u = await ctx.lookups.user(id);
      if (!u || !u.active || !u.roles.some((r) => MANAGERS.includes(r))) return fail('user-invalid', 'asset.errors.wipeUserInvalid', { field });
    }
    if (ctx.actor.userId !== input.operatorId && ctx.actor.userId !== input.verifierId) return fail('not-party', 'asset.errors.wipeNotParty');
    const at = new Date(input.at ?? ctx.now).toISOString();
    if (Date.parse(at) > Date.parse(ctx.now) + 5 * 60_000) return fail('future', 'asset.errors.future', { field: 'at' });
    const back = g.data.custody.at(-1)?.to;
    if (back && at < back) return fail('time-order', 'asset.errors.wipeBeforeReturn', { field: 'at' });
    return ok([draft(input.id, 'asset.wiped', { method: input.method, tool: input.tool, operatorId: input.operatorId, verifierId: input.verifierId, notes: input.notes, at })]);
  },
};
