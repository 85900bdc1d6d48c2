/** The handover-document fold: a handover or return document is written once, then read. */
import type { Fold } from '../kind';
import type { handoverEvents } from './events';
import type { HandoverState } from './state';

export const applyHandover: Fold<HandoverState, typeof handoverEvents> = (state, e) => {
  const stamp = { updatedAt: e.at, hlc: e.hlc };
  if (e.type === 'handover.issued' || e.type === 'handover.returned') {
    return { ...e.payload, id: e.recordId, docType: e.type === 'handover.issued' ? 'handover' : 'return', createdAt: e.at, updatedAt: e.at, hlc: e.hlc };
  }
  if (!state) return state as never;
  return { ...state, ...stamp };
};
