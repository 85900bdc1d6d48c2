/** The handover-document fold: a handover or return document is written once, then read. */
import type { DomainEvent } from '../../events';
import type { Apply } from '../types';
import type { HandoverState } from './state';

export const applyHandover: Apply<HandoverState> = (state, e: DomainEvent) => {
  if (e.type === 'handover.issued' || e.type === 'handover.returned') {
    const p = e.payload as Omit<HandoverState, 'id' | 'docType' | 'createdAt' | 'updatedAt' | 'hlc'>;
    return { ...p, id: e.recordId, docType: e.type === 'handover.issued' ? 'handover' : 'return', createdAt: e.at, updatedAt: e.at, hlc: e.hlc };
  }
  if (!state) return state as never;
  return { ...state, updatedAt: e.at, hlc: e.hlc };
};
