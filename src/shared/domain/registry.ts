/**
 * Every command and every fold, by name. The renderer's commit() and the sync server run
 * commands and folds from here, so a rule holds the same on a desk and on the server.
 */
import type { RecordKind } from '../events';
import {
  incidentAttach, incidentCompleteStep, incidentDecideSanction, incidentRecordViolation, incidentReport, incidentSetFields,
} from './incident/commands';
import { applyIncident } from './incident/fold';
import type { IncidentState } from './incident/state';
import { orgSetUp, orgUpdate } from './org/commands';
import { applyOrg } from './org/fold';
import type { OrgState } from './org/state';
import type { Apply, CommandHandler } from './types';
import { userCreate, userEnrolKey, userSetActive, userSetPassword, userUpdate } from './user/commands';
import { applyUser } from './user/fold';
import type { UserState } from './user/state';
import {
  visitAddDevice, visitArchive, visitCancel, visitCheckOut, visitCorrect, visitDecide, visitEnter, visitIssueBadge, visitNoteActivity, visitRegister,
} from './visit/commands';
import { applyVisit } from './visit/fold';
import {
  ticketAssign, ticketClassify, ticketComment, ticketConfirm, ticketLinkIncident, ticketReceive, ticketResolve, ticketStart,
} from './ticket/commands';
import { applyTicket } from './ticket/fold';
import type { TicketState } from './ticket/state';
import {
  assetAssign, assetCreate, assetImport, assetMaintain, assetReceiveBack, assetSetStatus, assetUpdate, assetWipe,
} from './asset/commands';
import { applyAsset } from './asset/fold';
import type { AssetState } from './asset/state';
import { employeeCreate, employeeImport, employeeUpdate } from './employee/commands';
import { applyEmployee } from './employee/fold';
import type { EmployeeState } from './employee/state';
import { handoverIssue, handoverReturn } from './handover/commands';
import { applyHandover } from './handover/fold';
import type { HandoverState } from './handover/state';
import type { VisitState } from './visit/state';
import { accessCancel, accessDecide, accessGrant, accessRevise, accessRevoke, accessSubmit } from './access/commands';
import { applyAccess } from './access/fold';
import type { AccessRequestState } from './access/state';
import { opsCheckNetwork, opsLogMaintenance, opsOpenDisruption, opsRecordBackup, opsResolveDisruption, opsVerifyBackup } from './ops/commands';
import { applyOpsDay } from './ops/fold';
import type { OpsDayState } from './ops/state';
import { restoreCancel, restoreManagerDecide, restorePerform, restoreRequest, restoreUserDecide } from './restore/commands';
import { applyRestore } from './restore/fold';
import type { RestoreState } from './restore/state';

export const commands = {
  'org.setUp': orgSetUp,
  'org.update': orgUpdate,
  'user.create': userCreate,
  'user.update': userUpdate,
  'user.setPassword': userSetPassword,
  'user.setActive': userSetActive,
  'user.enrolKey': userEnrolKey,
  'visit.register': visitRegister,
  'visit.decide': visitDecide,
  'visit.issueBadge': visitIssueBadge,
  'visit.enter': visitEnter,
  'visit.addDevice': visitAddDevice,
  'visit.noteActivity': visitNoteActivity,
  'visit.checkOut': visitCheckOut,
  'visit.cancel': visitCancel,
  'visit.archive': visitArchive,
  'visit.correct': visitCorrect,
  'ticket.receive': ticketReceive,
  'ticket.classify': ticketClassify,
  'ticket.assign': ticketAssign,
  'ticket.start': ticketStart,
  'ticket.comment': ticketComment,
  'ticket.resolve': ticketResolve,
  'ticket.confirm': ticketConfirm,
  'ticket.linkIncident': ticketLinkIncident,
  'incident.report': incidentReport,
  'incident.completeStep': incidentCompleteStep,
  'incident.setFields': incidentSetFields,
  'incident.attach': incidentAttach,
  'incident.recordViolation': incidentRecordViolation,
  'incident.decideSanction': incidentDecideSanction,
  'employee.create': employeeCreate,
  'employee.update': employeeUpdate,
  'employee.import': employeeImport,
  'access.submit': accessSubmit,
  'access.revise': accessRevise,
  'access.decide': accessDecide,
  'access.grant': accessGrant,
  'access.revoke': accessRevoke,
  'access.cancel': accessCancel,
  'asset.create': assetCreate,
  'asset.import': assetImport,
  'asset.update': assetUpdate,
  'asset.setStatus': assetSetStatus,
  'asset.assign': assetAssign,
  'asset.receiveBack': assetReceiveBack,
  'asset.maintain': assetMaintain,
  'asset.wipe': assetWipe,
  'handover.issue': handoverIssue,
  'handover.return': handoverReturn,
  'opsday.checkNetwork': opsCheckNetwork,
  'opsday.openDisruption': opsOpenDisruption,
  'opsday.resolveDisruption': opsResolveDisruption,
  'opsday.recordBackup': opsRecordBackup,
  'opsday.verifyBackup': opsVerifyBackup,
  'opsday.logMaintenance': opsLogMaintenance,
  'restore.request': restoreRequest,
  'restore.managerDecide': restoreManagerDecide,
  'restore.userDecide': restoreUserDecide,
  'restore.perform': restorePerform,
  'restore.cancel': restoreCancel,
} as const;

/**
 * Every event type the commands emit, by record kind. The conflict inbox names a refused event
 * with `events.<type>` from the catalogs, and the sync server re-checks each of these
 * (`sync/event-commands.ts`); tests keep this list, the commands, the re-checks and both
 * catalogs in step.
 */
export const EVENT_TYPES = [
  'org.setUp', 'org.updated',
  'user.created', 'user.updated', 'user.passwordSet', 'user.keyEnrolled', 'user.activated', 'user.deactivated',
  'visit.registered', 'visit.approved', 'visit.refused', 'visit.badgeIssued', 'visit.entered', 'visit.deviceAdded',
  'visit.activityNoted', 'visit.checkedOut', 'visit.cancelled', 'visit.archived', 'visit.corrected',
  'ticket.received', 'ticket.classified', 'ticket.assigned', 'ticket.started', 'ticket.commented', 'ticket.resolved',
  'ticket.confirmed', 'ticket.reopened', 'ticket.escalated',
  'incident.reported', 'incident.stepCompleted', 'incident.fieldsSet', 'incident.attached', 'incident.violationRecorded',
  'incident.sanctionDecided',
  'employee.created', 'employee.updated',
  'asset.created', 'asset.updated', 'asset.statusSet', 'asset.assigned', 'asset.returned', 'asset.maintained', 'asset.wiped',
  'handover.issued', 'handover.returned',
  'access.submitted', 'access.revised', 'access.returned', 'access.approved', 'access.granted', 'access.revoked', 'access.cancelled',
  'opsday.networkChecked', 'opsday.disruptionOpened', 'opsday.disruptionResolved', 'opsday.backupRecorded', 'opsday.backupVerified',
  'opsday.maintenanceLogged',
  'restore.requested', 'restore.managerApproved', 'restore.managerRefused', 'restore.userConfirmed', 'restore.userRefused', 'restore.performed', 'restore.cancelled',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type CommandType = keyof typeof commands;
/** The input a command takes, e.g. CommandInput<'visit.register'>. */
export type CommandInput<T extends CommandType> = (typeof commands)[T] extends CommandHandler<infer I, unknown> ? I : never;
/** A command as commit() receives it. */
export type Command = { [T in CommandType]: { type: T; input: CommandInput<T> } }[CommandType];

/** The state type of each record kind. */
export interface StateOf {
  org: OrgState;
  user: UserState;
  visit: VisitState;
  ticket: TicketState;
  incident: IncidentState;
  employee: EmployeeState;
  asset: AssetState;
  handover: HandoverState;
  access: AccessRequestState;
  opsday: OpsDayState;
  restore: RestoreState;
}

/** The fold step of each record kind. */
export const folds: { [K in RecordKind]: Apply<StateOf[K]> } = {
  org: applyOrg,
  user: applyUser,
  visit: applyVisit,
  ticket: applyTicket,
  incident: applyIncident,
  employee: applyEmployee,
  asset: applyAsset,
  handover: applyHandover,
  access: applyAccess,
  opsday: applyOpsDay,
  restore: applyRestore,
};

/** Folds a record's events (in HLC order) into its state, skipping events the server refused. */
export function foldRecord<K extends RecordKind>(kind: K, events: Parameters<Apply<StateOf[K]>>[1][]): StateOf[K] | undefined {
  let state: StateOf[K] | undefined;
  for (const e of events.filter((ev) => ev.status !== 'rejected').sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))) state = folds[kind](state, e);
  return state;
}
