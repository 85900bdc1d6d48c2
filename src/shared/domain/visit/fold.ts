/** The visit fold: the same on every desk, in every browser and on the server. */
import type { Fold } from '../kind';
import type { visitEvents } from './events';
import type { VisitState } from './state';

export const applyVisit: Fold<VisitState, typeof visitEvents> = (state, e) => {
  if (e.type === 'visit.registered') {
    const p = e.payload;
    return {
      id: e.recordId,
      docNo: p.docNo,
      status: 'awaiting_approval',
      visitorName: p.visitorName,
      nameLower: p.visitorName.toLowerCase(),
      idType: p.idType,
      idNumber: p.idNumber,
      organisation: p.organisation,
      orgLower: p.organisation.toLowerCase(),
      phone: p.phone,
      purpose: p.purpose,
      workPlan: p.workPlan,
      plannedMinutes: p.plannedMinutes,
      devices: p.devices,
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
      return { ...s, status: 'approved', decision: { by: e.actorId, at: e.at, approved: true, reason: e.payload.note } };
    case 'visit.refused':
      return { ...s, status: 'refused', idHeld: false, decision: { by: e.actorId, at: e.at, approved: false, reason: e.payload.reason } };
    case 'visit.cancelled':
      return { ...s, status: 'cancelled', idHeld: false, badgeOut: undefined, cancelReason: e.payload.reason };
    case 'visit.badgeIssued':
      return { ...s, badge: e.payload.badge, badgeOut: e.payload.badge, escortId: e.payload.escortId };
    case 'visit.entered':
      return { ...s, status: 'inside', enteredAt: e.payload.enteredAt };
    case 'visit.deviceAdded':
      return { ...s, devices: [...s.devices, e.payload.device] };
    case 'visit.activityNoted':
      return { ...s, activities: [...s.activities, { at: e.at, by: e.actorId, text: e.payload.text }] };
    case 'visit.checkedOut':
      return {
        ...s,
        status: 'checked_out',
        exitedAt: e.payload.exitedAt,
        outcome: e.payload.outcome,
        deviceOutcomes: e.payload.deviceOutcomes,
        unknownSerials: e.payload.unknownSerials,
        badgeOut: undefined,
        idHeld: false,
      };
    case 'visit.archived':
      return { ...s, status: 'archived', archivedAt: e.at, archivedBy: e.actorId };
    case 'visit.corrected':
      return { ...s, corrections: [...s.corrections, { at: e.at, by: e.actorId, text: e.payload.text }] };
    default:
      return s;
  }
};
