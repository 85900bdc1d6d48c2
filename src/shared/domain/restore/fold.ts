/** The restore request fold: pure, so every console and the server fold the same state. */
import type { Fold } from '../kind';
import type { restoreEvents } from './events';
import { isLate, restoreDueAt, type RestoreState } from './state';

const waiting = (s: Pick<RestoreState, 'status' | 'manager'>): RestoreState['waitingRole'] =>
  s.status === 'requested' && !s.manager ? 'admin' : s.status === 'approved' ? 'technician' : undefined;

/** With both approvals the request is the IT team's to perform. */
function settle(s: RestoreState): RestoreState {
  const status = s.status === 'requested' && s.manager && s.user ? 'approved' : s.status;
  const next = { ...s, status };
  return { ...next, waitingRole: waiting(next) };
}

export const applyRestore: Fold<RestoreState, typeof restoreEvents> = (state, e) => {
  if (e.type === 'restore.requested') {
    const p = e.payload;
    return {
      id: e.recordId,
      docNo: p.docNo,
      employeeId: p.employeeId,
      employee: p.employee,
      scope: p.scope,
      target: p.target,
      backupDate: p.backupDate,
      source: p.source,
      reason: p.reason,
      reasonNote: p.reasonNote,
      requestedAt: p.requestedAt,
      dueAt: restoreDueAt(p.requestedAt),
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
      return settle({ ...s, manager: { by: e.actorId, at: e.at, note: e.payload.note ?? '' } });
    case 'restore.userConfirmed': {
      const p = e.payload;
      return settle({ ...s, user: { name: p.name, method: p.method, at: p.confirmedAt, note: p.note ?? '', recordedBy: e.actorId, recordedAt: e.at } });
    }
    case 'restore.managerRefused':
      return settle({ ...s, status: 'refused', refusal: { party: 'manager', reason: e.payload.note, by: e.actorId, at: e.at } });
    case 'restore.userRefused': {
      const p = e.payload;
      return settle({
        ...s,
        status: 'refused',
        user: { name: p.name, method: p.method, at: p.confirmedAt, note: p.note, recordedBy: e.actorId, recordedAt: e.at },
        refusal: { party: 'user', reason: p.note, by: e.actorId, at: e.at },
      });
    }
    case 'restore.performed': {
      const p = e.payload;
      return settle({
        ...s,
        status: 'completed',
        performance: {
          startedAt: p.startedAt,
          completedAt: p.completedAt,
          restored: p.restored,
          verification: p.verification,
          verificationNote: p.verificationNote ?? '',
          by: e.actorId,
          recordedAt: e.at,
        },
        late: isLate(s.requestedAt, p.completedAt),
      });
    }
    case 'restore.cancelled':
      return settle({ ...s, status: 'cancelled', cancelReason: e.payload.reason, cancelledBy: e.actorId, cancelledAt: e.at });
    default:
      return s;
  }
};
