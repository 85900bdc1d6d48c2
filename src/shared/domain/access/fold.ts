/** The access request fold: pure, so every console and the server fold the same state. */
import type { Fold } from '../kind';
import type { accessEvents } from './events';
import type { AccessGrant, AccessRequestState } from './state';

const waiting = (status: AccessRequestState['status']): AccessRequestState['waitingRole'] => (status === 'submitted' ? 'admin' : status === 'approved' ? 'technician' : undefined);

function withStatus(s: AccessRequestState, status: AccessRequestState['status']): AccessRequestState {
  return { ...s, status, waitingRole: waiting(status) };
}

export const applyAccess: Fold<AccessRequestState, typeof accessEvents> = (state, e) => {
  if (e.type === 'access.submitted') {
    const p = e.payload;
    return {
      id: e.recordId,
      docNo: p.docNo,
      employeeId: p.employeeId,
      employee: p.employee,
      requester: p.requester,
      divisionHead: p.divisionHead,
      need: p.need,
      items: p.items,
      status: 'submitted',
      waitingRole: 'admin',
      version: 1,
      versions: [],
      submittedAt: e.at,
      submittedBy: e.actorId,
      grants: [],
      activeGrants: 0,
      createdAt: e.at,
      updatedAt: e.at,
      hlc: e.hlc,
    };
  }
  if (!state) return state as never;
  const s: AccessRequestState = { ...state, updatedAt: e.at, hlc: e.hlc };
  switch (e.type) {
    case 'access.returned': {
      const reason = e.payload.note;
      return { ...withStatus(s, 'returned'), returnedReason: reason, decidedBy: e.actorId, decidedAt: e.at, decisionNote: reason };
    }
    case 'access.revised': {
      const form = e.payload;
      const previous = { n: s.version, at: s.submittedAt, by: s.submittedBy, need: s.need, items: s.items, returnedReason: s.returnedReason, returnedBy: s.decidedBy, returnedAt: s.decidedAt };
      return {
        ...withStatus(s, 'submitted'),
        requester: form.requester,
        divisionHead: form.divisionHead,
        need: form.need,
        items: form.items,
        version: s.version + 1,
        versions: [...s.versions, previous],
        submittedAt: e.at,
        submittedBy: e.actorId,
        returnedReason: undefined,
        decidedBy: undefined,
        decidedAt: undefined,
        decisionNote: undefined,
      };
    }
    case 'access.approved':
      return { ...withStatus(s, 'approved'), decidedBy: e.actorId, decidedAt: e.at, decisionNote: e.payload.note || undefined };
    case 'access.granted': {
      const p = e.payload;
      const grant: AccessGrant = { itemId: p.itemId, system: p.system, level: p.level, account: p.account, note: p.note, grantedAt: e.at, grantedBy: e.actorId };
      const grants = [...s.grants, grant];
      const done = s.items.every((it) => grants.some((g) => g.itemId === it.id));
      return { ...withStatus(s, done ? 'provisioned' : 'approved'), grants, activeGrants: grants.filter((g) => !g.revokedAt).length };
    }
    case 'access.revoked': {
      const p = e.payload;
      const grants = s.grants.map((g) => (g.itemId === p.itemId ? { ...g, revokedAt: e.at, revokedBy: e.actorId, revokeReason: p.reason } : g));
      const activeGrants = grants.filter((g) => !g.revokedAt).length;
      // A request whose every access is taken back no longer reads "given".
      return { ...s, status: s.status === 'provisioned' && activeGrants === 0 ? 'revoked' : s.status, grants, activeGrants };
    }
    case 'access.cancelled':
      return { ...withStatus(s, 'cancelled'), cancelReason: e.payload.reason };
    default:
      return s;
  }
};
