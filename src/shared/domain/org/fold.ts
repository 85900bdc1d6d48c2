import type { Fold } from '../kind';
import type { orgEvents } from './events';
import { ORG_ID, type OrgState } from './state';

/** Folds 'org.setUp' and 'org.updated' events into the office profile. */
export const applyOrg: Fold<OrgState, typeof orgEvents> = (state, e) => {
  switch (e.type) {
    case 'org.setUp':
      return { id: ORG_ID, ...e.payload, updatedAt: e.at, hlc: e.hlc };
    case 'org.updated':
      if (!state) return state as never;
      return { ...state, ...e.payload, id: ORG_ID, updatedAt: e.at, hlc: e.hlc };
    default:
      return state as OrgState;
  }
};
