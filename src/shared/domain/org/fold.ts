import type { DomainEvent } from '../../events';
import type { Apply } from '../types';
import { ORG_ID, type OrgProfile, type OrgState } from './state';

/** Folds 'org.setUp' and 'org.updated' events into the office profile. */
export const applyOrg: Apply<OrgState> = (state, e: DomainEvent) => {
  const profile = e.payload as Partial<OrgProfile>;
  switch (e.type) {
    case 'org.setUp':
      return { id: ORG_ID, ...(profile as OrgProfile), updatedAt: e.at, hlc: e.hlc };
    case 'org.updated':
      if (!state) return state as never;
      return { ...state, ...profile, id: ORG_ID, updatedAt: e.at, hlc: e.hlc };
    default:
      return state as OrgState;
  }
};
