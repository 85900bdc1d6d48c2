/** The visit fold: the same on every desk, in every browser and on the server. */
import type { DomainEvent } from '../../events';
import type { Apply } from '../types';
import type { DeviceOutcome, VisitDevice, VisitState } from './state';

type P = Record<string, unknown>;

export const applyVisit: Apply<VisitState> = (state, e: DomainEvent) => {
  const p = e.payload as P;
  if (e.type === 'visit.registered') {
    return {
      id: e.recordId,
      docNo: p.docNo as string,
      status: 'awaiting_approval',
      visitorName: p.visitorName as string,
      nameLower: (p.visitorName as string).toLowerCase(),
      idType: p.idType as VisitState['idType'],
      idNumber: p.idNumber as string,
      organisation: p.organisation as string,
      orgLower: (p.organisation as string).toLowerCase(),
      phone: p.phone as string,
      purpose: p.purpose as string,
      workPlan: p.workPlan as string,
      plannedMinutes: p.plannedMinutes as number,
      devices: p.devices as VisitDevice[],
      registeredBy: e.actorId,
      registeredAt: e.at,
      idHeld: true,
      activities: [],
      corrections: [],
      updatedAt: e.at,
      hlc: e.hlc,
    };
  }
  if (!state) return state as never;
  const s: VisitState = { ...state, updatedAt: e.at, hlc: e.hlc };
  switch (e.type) {
    case 'visit.approved':
      return { ...s, status: 'approved', decision: { by: e.actorId, at: e.at, approved: true, reason: p.note as string | undefined } };
    case 'visit.refused':
      return { ...s, status: 'refused', idHeld: false, decision: { by: e.actorId, at: e.at, approved: false, reason: p.reason as string } };
    case 'visit.cancelled':
      return { ...s, status: 'cancelled', idHeld: false, badgeOut: undefined, cancelReason: p.reason as string };
    case 'visit.badgeIssued':
      return { ...s, badge: p.badge as string, badgeOut: p.badge as string, escortId: p.escortId as string };
    case 'visit.entered':
      return { ...s, status: 'inside', enteredAt: p.enteredAt as string };
    case 'visit.deviceAdded':
      return { ...s, devices: [...s.devices, p.device as VisitDevice] };
    case 'visit.activityNoted':
      return { ...s, activities: [...s.activities, { at: e.at, by: e.actorId, text: p.text as string }] };
    case 'visit.checkedOut':
      return {
        ...s,
        status: 'checked_out',
        exitedAt: p.exitedAt as string,
        outcome: p.outcome as string,
        deviceOutcomes: p.deviceOutcomes as DeviceOutcome[],
        unknownSerials: p.unknownSerials as string[],
        badgeOut: undefined,
        idHeld: false,
      };
    case 'visit.archived':
      return { ...s, status: 'archived', archivedAt: e.at, archivedBy: e.actorId };
    case 'visit.corrected':
      return { ...s, corrections: [...s.corrections, { at: e.at, by: e.actorId, text: p.text as string }] };
    default:
      return s;
  }
};
