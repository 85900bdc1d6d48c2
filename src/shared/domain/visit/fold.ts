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
  // One spread per event (the server folds every pushed event): each case copies the state once
  // with the event's time and clock, keeping the fields in the order the state has them.
  const at = e.at;
  const hlc = e.hlc;
  switch (e.type) {
    case 'visit.approved':
      return { ...state, updatedAt: at, hlc, status: 'approved', decision: { by: e.actorId, at, approved: true, reason: e.payload.note } };
    case 'visit.refused':
      return { ...state, updatedAt: at, hlc, status: 'refused', idHeld: false, decision: { by: e.actorId, at, approved: false, reason: e.payload.reason } };
    case 'visit.cancelled':
      return { ...state, updatedAt: at, hlc, status: 'cancelled', idHeld: false, badgeOut: undefined, cancelReason: e.payload.reason };
    case 'visit.badgeIssued':
      return { ...state, updatedAt: at, hlc, badge: e.payload.badge, badgeOut: e.payload.badge, escortId: e.payload.escortId };
    case 'visit.entered':
      return { ...state, updatedAt: at, hlc, status: 'inside', enteredAt: e.payload.enteredAt };
    case 'visit.deviceAdded':
      return { ...state, updatedAt: at, hlc, devices: [...state.devices, e.payload.device] };
    case 'visit.activityNoted':
      return { ...state, updatedAt: at, hlc, activities: [...state.activities, { at, by: e.actorId, text: e.payload.text }] };
    case 'visit.checkedOut':
      return {
        ...state,
        updatedAt: at,
        hlc,
        status: 'checked_out',
        exitedAt: e.payload.exitedAt,
        outcome: e.payload.outcome,
        deviceOutcomes: e.payload.deviceOutcomes,
        unknownSerials: e.payload.unknownSerials,
        badgeOut: undefined,
        idHeld: false,
      };
    case 'visit.archived':
      return { ...state, updatedAt: at, hlc, status: 'archived', archivedAt: at, archivedBy: e.actorId };
    case 'visit.corrected':
      return { ...state, updatedAt: at, hlc, corrections: [...state.corrections, { at, by: e.actorId, text: e.payload.text }] };
    default:
      return { ...state, updatedAt: at, hlc };
  }
};
