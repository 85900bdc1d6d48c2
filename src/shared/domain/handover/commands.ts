/**
 * Handover and return (DOMAIN.md §2 flows 3 and 5). One command writes the document and the
 * events of every asset it names, in one commit: the kit is handed over (or back) whole or
 * not at all. The server re-checks the document first, then each asset's own event.
 */
import type { z } from 'zod';
import type { EventDraft } from '../../events';
import { fail, ok } from '../../result';
import { hasRole } from '../../roles';
import type { OfficeZone } from '../../office-time';
import { notIssuable } from '../asset/commands';
import { assetName, type AssetState } from '../asset/state';
import type { EmployeeState } from '../employee/state';
import { assetEvents } from '../asset/events';
import { draftMaker } from '../kind';
import type { CommandHandler } from '../types';
import { handoverEvents } from './events';
import { handoverIssueSchema, handoverReturnSchema, type DocItem, type HandoverState } from './state';
import { docNumber } from '../doc-number';

/** Document number: PREFIX/BAST/YYYYMMDD/XXXXX (handover) or PREFIX/BAPB/… (return). */
export function handoverDocNo(prefix: string, kind: 'BAST' | 'BAPB', id: string, at: string, zone: OfficeZone): string {
  return docNumber(prefix, kind, id, at, zone);
}

const draft = draftMaker('handover', handoverEvents);
const assetDraft = draftMaker('asset', assetEvents);

const describe = (a: AssetState) => assetName(a);
const accessoryText = (kind: string, description: string) => (description ? `${kind}: ${description}` : kind);

/** Both parties sign on screen, or the form is signed on paper. */
function signaturesMissing(i: { signedOnPaper: boolean; signatures: { officer?: string; employee?: string } }) {
  if (i.signedOnPaper) return null;
  if (!i.signatures.officer) return fail('signature-missing', 'handover.errors.officerSignature', { field: 'signatures.officer' });
  if (!i.signatures.employee) return fail('signature-missing', 'handover.errors.employeeSignature', { field: 'signatures.employee' });
  return null;
}

export const handoverIssue: CommandHandler<z.infer<typeof handoverIssueSchema>, HandoverState> = {
  kind: 'handover',
  roles: ['technician', 'admin'],
  input: handoverIssueSchema,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    if (!hasRole(ctx.actor, 'technician', 'admin')) return fail('forbidden', 'errors.forbidden');
    if (ctx.state) return fail('exists', 'errors.exists');
    if (!ctx.org) return fail('not-set-up', 'setup.errors.notSetUp');
    const employee = (await ctx.lookups.record('employee', input.employeeId)) as EmployeeState | undefined;
    if (!employee) return fail('employee-unknown', 'handover.errors.employeeRequired', { field: 'employeeId' });
    if (employee.status !== 'active') return fail('employee-inactive', 'handover.errors.employeeResigned', { field: 'employeeId', params: { name: employee.name } });
    const unsigned = signaturesMissing(input);
    if (unsigned) return unsigned;
    const items: DocItem[] = [];
    const assetEvents: EventDraft[] = [];
    const seen = new Set<string>();
    const docNo = handoverDocNo(ctx.org.docPrefix, 'BAST', input.id, ctx.now, ctx.org.timeZone);
    for (const [index, it] of input.items.entries()) {
      if (seen.has(it.assetId)) return fail('duplicate', 'handover.errors.duplicateItem', { field: `items.${index}` });
      seen.add(it.assetId);
      const a = (await ctx.lookups.record('asset', it.assetId)) as AssetState | undefined;
      if (!a) return fail('not-found', 'errors.notFound', { field: `items.${index}` });
      const refusal = notIssuable(a);
      if (refusal) return { ok: false, error: { ...refusal, field: `items.${index}` } };
      items.push({ assetId: a.id, tag: a.tag, serial: a.serial, description: describe(a), condition: it.condition });
      const usable = a.accessories.filter((x) => !x.missing);
      const chosen = it.accessoryIds ? usable.filter((x) => it.accessoryIds!.includes(x.id)) : usable;
      if (it.accessoryIds && chosen.length !== it.accessoryIds.length) return fail('accessory-unknown', 'handover.errors.accessoryUnknown', { field: `items.${index}` });
      for (const x of chosen) items.push({ assetId: a.id, accessoryId: x.id, tag: a.tag, serial: x.serial, description: accessoryText(x.kind, x.description), condition: it.condition });
      assetEvents.push(assetDraft(a.id, 'asset.assigned', { handoverId: input.id, docNo, employeeId: employee.id, condition: it.condition, at: ctx.now }));
    }
    const doc = {
      docNo,
      employeeId: employee.id,
      officerId: ctx.actor.userId,
      witnessName: input.witnessName,
      witnessTitle: input.witnessTitle,
      items,
      emailPrepared: input.emailPrepared,
      accessPrepared: input.accessPrepared,
      notes: input.notes,
      signatures: input.signedOnPaper ? {} : input.signatures,
      signedOnPaper: input.signedOnPaper,
      at: ctx.now,
    };
    return ok([draft(input.id, 'handover.issued', doc), ...assetEvents]);
  },
};

/**
 * A return reconciles EVERY line of the handover still out: each device and accessory is
 * returned (with its condition), flagged missing, or — only when a device is replaced, not on
 * resignation — kept. Returned devices go to awaiting_wipe; a missing device is lost.
 */
export const handoverReturn: CommandHandler<z.infer<typeof handoverReturnSchema>, HandoverState> = {
  kind: 'handover',
  roles: ['technician', 'admin'],
  input: handoverReturnSchema,
  recordId: (i) => i.id,
  async decide(input, ctx) {
    if (!hasRole(ctx.actor, 'technician', 'admin')) return fail('forbidden', 'errors.forbidden');
    if (ctx.state) return fail('exists', 'errors.exists');
    if (!ctx.org) return fail('not-set-up', 'setup.errors.notSetUp');
    const handover = (await ctx.lookups.record('handover', input.handoverId)) as HandoverState | undefined;
    if (!handover || handover.docType !== 'handover') return fail('not-found', 'errors.notFound');
    const unsigned = signaturesMissing(input);
    if (unsigned) return unsigned;
    // The lines still out: those of assets still assigned under this handover.
    const assets = new Map<string, AssetState>();
    for (const assetId of new Set(handover.items.map((i) => i.assetId))) {
      const a = (await ctx.lookups.record('asset', assetId)) as AssetState | undefined;
      if (a && a.status === 'assigned' && a.handoverId === handover.id) assets.set(assetId, a);
    }
    if (assets.size === 0) return fail('nothing-out', 'handover.errors.nothingOut');
    const lineKey = (assetId: string, accessoryId?: string) => `${assetId}/${accessoryId ?? ''}`;
    const expected = new Map(handover.items.filter((i) => assets.has(i.assetId)).map((i) => [lineKey(i.assetId, i.accessoryId), i]));
    const given = new Map<string, (typeof input.items)[number]>();
    for (const it of input.items) {
      const key = lineKey(it.assetId, it.accessoryId);
      if (!expected.has(key) || given.has(key)) return fail('unknown-item', 'handover.errors.unknownItem');
      given.set(key, it);
    }
    for (const [key, line] of expected) {
      const it = given.get(key);
      if (!it) return fail('unreconciled', 'handover.errors.unreconciled', { params: { serial: line.serial || line.description } });
      if (it.result === 'missing' && it.note.length < 3) return fail('note-required', 'handover.errors.missingNote', { params: { serial: line.serial || line.description } });
      if (it.result === 'kept' && input.reason === 'resignation') return fail('kept-on-resignation', 'handover.errors.keptOnResignation', { field: 'reason' });
    }
    for (const a of assets.values()) {
      const lines = [...given.values()].filter((g) => g.assetId === a.id);
      const kept = lines.filter((g) => g.result === 'kept').length;
      if (kept > 0 && kept !== lines.length) return fail('kept-partial', 'handover.errors.keptPartial', { params: { serial: a.serial } });
    }
    if ([...given.values()].every((g) => g.result === 'kept')) return fail('nothing-returned', 'handover.errors.nothingReturned');
    const docNo = handoverDocNo(ctx.org.docPrefix, 'BAPB', input.id, ctx.now, ctx.org.timeZone);
    const items = [...expected].map(([key, line]) => {
      const it = given.get(key)!;
      return { ...line, condition: it.condition, result: it.result, note: it.note || undefined };
    });
    const assetEvents: EventDraft[] = [];
    for (const a of assets.values()) {
      const device = given.get(lineKey(a.id))!;
      if (device.result === 'kept') continue;
      const missing = [...given.values()].filter((g) => g.assetId === a.id && g.accessoryId && g.result === 'missing').map((g) => g.accessoryId!);
      assetEvents.push(
        assetDraft(a.id, 'asset.returned', { returnId: input.id, docNo, condition: device.condition, deviceMissing: device.result === 'missing', missingAccessoryIds: missing, at: ctx.now }),
      );
    }
    const doc = {
      docNo,
      handoverId: handover.id,
      reason: input.reason,
      employeeId: handover.employeeId,
      officerId: ctx.actor.userId,
      witnessName: input.witnessName,
      witnessTitle: input.witnessTitle,
      items,
      notes: input.notes,
      signatures: input.signedOnPaper ? {} : input.signatures,
      signedOnPaper: input.signedOnPaper,
      at: ctx.now,
    };
    return ok([draft(input.id, 'handover.returned', doc), ...assetEvents]);
  },
};
