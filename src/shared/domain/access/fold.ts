/** The access request fold: pure, so every console and the server fold the same state. */
import type { DomainEvent } from '../../events';
import type { Apply } from '../types';
import type { AccessForm, AccessGrant, AccessItem, AccessRequestState } from './state';

type P = Record<string, unknown>;

const waiting = (status: AccessRequestState['status']): AccessRequestState['waitingRole'] => (status === 'submitted' ? 'admin' : status === 'approved' ? 'technician' : undefined);

function withStatus(s: AccessRequestState, status: AccessRequestState['status']): AccessRequestState {
  return { ...s, status, waitingRole: waiting(status) };
}

export const applyAccess: Apply<AccessRequestState> = (state, e: DomainEvent) => {
  const p = e.payload as P;
  if (e.type === 'access.submitted') {
    const form = p as unknown as AccessForm & { items: AccessItem[] };
    return {
      id: e.recordId,
      docNo: p.docNo as string,
      employeeId: p.employeeId as string,
      employee: p.employee as AccessRequestState['employee'],
      requester: form.requester,
      divisionHead: form.divisionHead,
      need: form.need,
      items: form.items,
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
      const reason = p.note as string;
      return { ...withStatus(s, 'returned'), returnedReason: reason, decidedBy: e.actorId, decidedAt: e.at, decisionNote: reason };
    }
    case 'access.revised': {
      const form = p as unknown as AccessForm & { items: AccessItem[] };
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
      return { ...withStatus(s, 'approved'), decidedBy: e.actorId, decidedAt: e.at, decisionNote: (p.note as string) || undefined };
    case 'access.granted': {
      const grant: AccessGrant = { itemId: p.itemId as string, system: p.system as string, level: p.level as AccessGrant['level'], account: p.account as string, note: p.note as string, grantedAt: e.at, grantedBy: e.actorId };
      const grants = [...s.grants, grant];
      const done = s.items.every((it) => grants.some((g) => g.itemId === it.id));
      return { ...withStatus(s, done ? 'provisioned' : 'approved'), grants, activeGrants: grants.filter((g) => !g.revokedAt).length };
    }
    case 'access.revoked': {
      const grants = s.grants.map((g) => (g.itemId === p.itemId ? { ...g, revokedAt: e.at, revokedBy: e.actorId, revokeReason: p.reason as string } : g));
      return { ...s, grants, activeGrants: grants.filter((g) => !g.revokedAt).length };
    }
    case 'access.cancelled':
      return { ...withStatus(s, 'cancelled'), cancelReason: p.reason as string };
    default:
      return s;
  }
};
