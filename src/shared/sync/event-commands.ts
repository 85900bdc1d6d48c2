/**
 * Re-checks an event with the command rules that made it, so the server (and any importer)
 * enforces exactly what commit() enforced on the device: the actor's roles, the record's
 * state, cross-record rules such as "one badge, one visitor". An event is mapped back to the
 * command input that produces it; the command's decide() then accepts or refuses it.
 */
import { commands, type CommandType } from '../domain/registry';
import type { DecideContext } from '../domain/types';
import type { DomainEvent } from '../events';
import { fail, ok, type Result } from '../result';
import type { VisitDevice, VisitState, DeviceOutcome } from '../domain/visit/state';
import type { DocItem } from '../domain/handover/state';

type P = Record<string, unknown>;

/** The command (type and input) whose decide() must accept this event. */
export function commandOf(e: DomainEvent, state: unknown): { type: CommandType; input: unknown } | null {
  const p = e.payload as P;
  const id = e.recordId;
  switch (e.type) {
    case 'org.setUp':
      return null; // checked with its user.created companion in checkEvent
    case 'org.updated':
      return { type: 'org.update', input: p };
    case 'user.created':
      return { type: 'user.create', input: { ...p, id } };
    case 'user.updated':
      return { type: 'user.update', input: { ...p, id } };
    case 'user.passwordSet':
      return { type: 'user.setPassword', input: { id, password: p.password } };
    case 'user.activated':
    case 'user.deactivated':
      return { type: 'user.setActive', input: { id, active: e.type === 'user.activated' } };
    case 'visit.registered': {
      const devices = (p.devices as VisitDevice[]).map(({ kind, brandModel, serial }) => ({ kind, brandModel, serial }));
      const { docNo: _docNo, ...rest } = p;
      return { type: 'visit.register', input: { ...rest, devices, id } };
    }
    case 'visit.approved':
      return { type: 'visit.decide', input: { id, approved: true, reason: p.note } };
    case 'visit.refused':
      return { type: 'visit.decide', input: { id, approved: false, reason: p.reason } };
    case 'visit.badgeIssued':
      return { type: 'visit.issueBadge', input: { id, badge: p.badge, escortId: p.escortId } };
    case 'visit.entered':
      return { type: 'visit.enter', input: { id, enteredAt: p.enteredAt } };
    case 'visit.deviceAdded': {
      const d = p.device as VisitDevice;
      return { type: 'visit.addDevice', input: { id, device: { kind: d.kind, brandModel: d.brandModel, serial: d.serial } } };
    }
    case 'visit.activityNoted':
      return { type: 'visit.noteActivity', input: { id, text: p.text } };
    case 'visit.checkedOut': {
      const v = state as VisitState | undefined;
      const outcomes = (p.deviceOutcomes as DeviceOutcome[]) ?? [];
      const serialOf = new Map((v?.devices ?? []).map((d) => [d.id, d.serial]));
      return {
        type: 'visit.checkOut',
        input: {
          id,
          exitedAt: p.exitedAt,
          outcome: p.outcome,
          scannedSerials: [...outcomes.filter((o) => o.result === 'matched').map((o) => serialOf.get(o.deviceId) ?? ''), ...((p.unknownSerials as string[]) ?? [])],
          leftInside: outcomes.filter((o) => o.result === 'left_inside').map((o) => ({ deviceId: o.deviceId, reason: o.reason ?? '' })),
          badgeReturned: true,
          idReturned: true,
        },
      };
    }
    case 'visit.cancelled':
      return { type: 'visit.cancel', input: { id, reason: p.reason } };
    case 'visit.archived':
      return { type: 'visit.archive', input: { id } };
    case 'visit.corrected':
      return { type: 'visit.correct', input: { id, text: p.text } };
    case 'ticket.received': {
      const { docNo: _docNo, sla, clock: _clock, ...rest } = p;
      return { type: 'ticket.receive', input: { ...rest, priority: (sla as { priority: string }).priority, id } };
    }
    case 'ticket.classified':
      return { type: 'ticket.classify', input: { id, category: p.category, priority: (p.sla as { priority: string }).priority } };
    case 'ticket.assigned':
      return { type: 'ticket.assign', input: { id, assigneeId: p.assigneeId } };
    case 'ticket.started':
      return { type: 'ticket.start', input: { id } };
    case 'ticket.commented':
      return { type: 'ticket.comment', input: { id, text: p.text } };
    case 'ticket.resolved':
      return { type: 'ticket.resolve', input: { id, resolution: p.resolution } };
    case 'ticket.confirmed':
      return { type: 'ticket.confirm', input: { id, confirmed: true, confirmedBy: p.confirmedBy, method: p.method, note: p.note } };
    case 'ticket.reopened':
      return { type: 'ticket.confirm', input: { id, confirmed: false, confirmedBy: p.confirmedBy, method: p.method, note: p.reason } };
    case 'ticket.escalated':
      return { type: 'ticket.linkIncident', input: { id, incidentId: p.incidentId } };
    case 'incident.reported': {
      const { docNo: _docNo, dueAt: _dueAt, ticketDocNo: _ticketDocNo, ...rest } = p;
      return { type: 'incident.report', input: { ...rest, id } };
    }
    case 'incident.stepCompleted':
      return { type: 'incident.completeStep', input: { id, step: p.step, note: p.note, outcome: p.outcome } };
    case 'incident.fieldsSet':
      return { type: 'incident.setFields', input: { ...p, id } };
    case 'incident.attached':
      return { type: 'incident.attach', input: { id, file: p.file } };
    case 'incident.violationRecorded':
      return { type: 'incident.recordViolation', input: { id, violationId: p.violationId, person: p.person, rule: p.rule, description: p.description } };
    case 'incident.sanctionDecided':
      return { type: 'incident.decideSanction', input: { id, violationId: p.violationId, sanction: p.sanction } };
    case 'access.submitted': {
      const { docNo: _docNo, employee: _employee, ...rest } = p;
      return { type: 'access.submit', input: { ...rest, id } };
    }
    case 'access.revised':
      return { type: 'access.revise', input: { ...p, id } };
    case 'access.approved':
    case 'access.returned':
      return { type: 'access.decide', input: { id, approved: e.type === 'access.approved', note: p.note } };
    case 'access.granted':
      return { type: 'access.grant', input: { id, itemId: p.itemId, account: p.account, note: p.note } };
    case 'access.revoked':
      return { type: 'access.revoke', input: { id, itemId: p.itemId, reason: p.reason } };
    case 'access.cancelled':
      return { type: 'access.cancel', input: { id, reason: p.reason } };
    case 'opsday.networkChecked':
      return { type: 'opsday.checkNetwork', input: { date: id, items: [{ item: p.item, ok: p.ok, note: p.note }] } };
    case 'opsday.disruptionOpened':
      return { type: 'opsday.openDisruption', input: { ...p, date: id } };
    case 'opsday.disruptionResolved':
      return { type: 'opsday.resolveDisruption', input: { ...p, date: id } };
    case 'opsday.backupRecorded':
      return { type: 'opsday.recordBackup', input: { date: id, runs: [{ job: p.job, target: p.target, ok: p.ok, note: p.note }] } };
    case 'opsday.backupVerified':
      return { type: 'opsday.verifyBackup', input: { ...p, date: id } };
    case 'opsday.maintenanceLogged':
      return { type: 'opsday.logMaintenance', input: { ...p, date: id } };
    case 'restore.requested': {
      const { docNo: _docNo, employee: _employee, ...rest } = p;
      return { type: 'restore.request', input: { ...rest, id } };
    }
    case 'restore.managerApproved':
    case 'restore.managerRefused':
      return { type: 'restore.managerDecide', input: { id, approved: e.type === 'restore.managerApproved', note: p.note } };
    case 'restore.userConfirmed':
    case 'restore.userRefused':
      return { type: 'restore.userDecide', input: { ...p, id, approved: e.type === 'restore.userConfirmed' } };
    case 'restore.performed':
      return { type: 'restore.perform', input: { ...p, id } };
    case 'restore.cancelled':
      return { type: 'restore.cancel', input: { id, reason: p.reason } };
    case 'employee.created':
      return { type: 'employee.create', input: { ...p, id } };
    case 'employee.updated':
      return { type: 'employee.update', input: { ...p, id } };
    case 'asset.created':
      return { type: 'asset.create', input: { ...p, id, purchaseDate: p.purchaseDate ?? '', warrantyEnd: p.warrantyEnd ?? '' } };
    case 'asset.updated':
      return { type: 'asset.update', input: { ...p, id } };
    case 'asset.statusSet':
      return { type: 'asset.setStatus', input: { id, status: p.status, reason: p.reason } };
    case 'asset.assigned':
      return { type: 'asset.assign', input: { id, handoverId: p.handoverId } };
    case 'asset.returned':
      return { type: 'asset.receiveBack', input: { id, returnId: p.returnId } };
    case 'asset.maintained':
      return { type: 'asset.maintain', input: { id, maintenanceId: p.id, checklist: p.checklist, condition: p.condition, notes: p.notes, at: p.at } };
    case 'asset.wiped':
      return { type: 'asset.wipe', input: { id, method: p.method, tool: p.tool, operatorId: p.operatorId, verifierId: p.verifierId, notes: p.notes, at: p.at } };
    case 'handover.issued': {
      const lines = p.items as DocItem[];
      const items = lines
        .filter((l) => !l.accessoryId)
        .map((l) => ({ assetId: l.assetId, condition: l.condition, accessoryIds: lines.filter((x) => x.assetId === l.assetId && x.accessoryId).map((x) => x.accessoryId!) }));
      return { type: 'handover.issue', input: { id, employeeId: p.employeeId, items, emailPrepared: p.emailPrepared ?? '', accessPrepared: p.accessPrepared ?? '', notes: p.notes, witnessName: p.witnessName, witnessTitle: p.witnessTitle, signatures: p.signatures, signedOnPaper: p.signedOnPaper } };
    }
    case 'handover.returned': {
      const items = (p.items as DocItem[]).map((l) => ({ assetId: l.assetId, accessoryId: l.accessoryId, result: l.result, condition: l.condition, note: l.note ?? '' }));
      return { type: 'handover.return', input: { id, handoverId: p.handoverId, reason: p.reason, items, notes: p.notes, witnessName: p.witnessName, witnessTitle: p.witnessTitle, signatures: p.signatures, signedOnPaper: p.signedOnPaper } };
    }
    default:
      return null;
  }
}

/**
 * Accepts or refuses an event made elsewhere. `ctx.state` is the record's state before the
 * event; `ctx.actor` carries the actor's roles as the checker knows them; `ctx.now` should be
 * the event's own time. 'org.setUp' is only valid while there is no org and no user.
 */
export async function checkEvent(e: DomainEvent, ctx: DecideContext<unknown>): Promise<Result<true>> {
  if (e.actorId !== ctx.actor.userId) return fail('actor-mismatch', 'errors.forbidden');
  if (e.type === 'org.setUp') {
    if (ctx.state || (await ctx.lookups.countUsers()) > 0) return fail('already-set-up', 'setup.errors.alreadySetUp');
    return ok(true);
  }
  // The first admin's user.created travels with org.setUp, before any user exists.
  if (e.type === 'user.created' && e.recordId === e.actorId && (await ctx.lookups.countUsers()) === 0) return ok(true);
  const cmd = commandOf(e, ctx.state);
  if (!cmd) return fail('unknown-event', 'errors.invalidInput');
  const handler = commands[cmd.type] as unknown as { input: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: { message: string }[] } } }; decide(i: unknown, c: DecideContext<unknown>): Promise<Result<unknown>> };
  const parsed = handler.input.safeParse(cmd.input);
  if (!parsed.success) return fail('invalid-input', parsed.error?.issues[0]?.message ?? 'errors.invalidInput');
  const decided = await handler.decide(parsed.data, ctx);
  return decided.ok ? ok(true) : { ok: false, error: decided.error };
}
