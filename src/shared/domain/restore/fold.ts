/** The restore request fold: pure, so every console and the server fold the same state. */
import type { DomainEvent } from '../../events';
import type { Apply } from '../types';
import { isLate, restoreDueAt, type RestoreState } from './state';

type P = Record<string, unknown>;

const waiting = (s: Pick<RestoreState, 'status' | 'manager'>): RestoreState['waitingRole'] =>
  s.status === 'requested' && !s.manager ? 'admin' : s.status === 'approved' ? 'technician' : undefined;

/** With both approvals the request is the IT team's to perform. */
function settle(s: RestoreState): RestoreState {
  const status = s.status === 'requested' && s.manager && s.user ? 'approved' : s.status;
  const next = { ...s, status };
  return { ...next, waitingRole: waiting(next) };
}

export const applyRestore: Apply<RestoreState> = (state, e: DomainEvent) => {
  const p = e.payload as P;
  if (e.type === 'restore.requested') {
    return {
      id: e.recordId,
      docNo: p.docNo as string,
      employeeId: p.employeeId as string,
      employee: p.employee as RestoreState['employee'],
      scope: p.scope as RestoreState['scope'],
      target: p.target as string,
      backupDate: p.backupDate as string,
      source: p.source as RestoreState['source'],
      reason: p.reason as RestoreState['reason'],
      reasonNote: p.reasonNote as string,
      requestedAt: p.requestedAt as string,
      dueAt: restoreDueAt(p.requestedAt as string),
      recordedBy: e.actorId,
      status: 'requested',
      waitingRole: 'admin',
      createdAt: e.at,
      updatedAt: e.at,
      hlc: e.hlc,
    };
  }
  if (!state) return state as never;
  const s: RestoreState = { ...state, updatedAt: e.at, hlc: e.hlc };
  switch (e.type) {
    case 'restore.managerApproved':
      return settle({ ...s, manager: { by: e.actorId, at: e.at, note: (p.note as string) ?? '' } });
    case 'restore.userConfirmed':
      return settle({ ...s, user: { name: p.name as string, method: p.method as never, at: p.confirmedAt as string, note: (p.note as string) ?? '', recordedBy: e.actorId, recordedAt: e.at } });
    case 'restore.managerRefused':
      return settle({ ...s, status: 'refused', refusal: { party: 'manager', reason: p.note as string, by: e.actorId, at: e.at } });
    case 'restore.userRefused':
      return settle({
        ...s,
        status: 'refused',
        user: { name: p.name as string, method: p.method as never, at: p.confirmedAt as string, note: p.note as string, recordedBy: e.actorId, recordedAt: e.at },
        refusal: { party: 'user', reason: p.note as string, by: e.actorId, at: e.at },
      });
    case 'restore.performed': {
      const completedAt = p.completedAt as string;
      return settle({
        ...s,
        status: 'completed',
        performance: {
          startedAt: p.startedAt as string,
          completedAt,
          restored: p.restored as string,
          verification: p.verification as never,
          verificationNote: (p.verificationNote as string) ?? '',
          by: e.actorId,
          recordedAt: e.at,
        },
        late: isLate(s.requestedAt, completedAt),
      });
    }
    case 'restore.cancelled':
      return settle({ ...s, status: 'cancelled', cancelReason: p.reason as string, cancelledBy: e.actorId, cancelledAt: e.at });
    default:
      return s;
  }
};
