import type { DomainEvent } from '../../events';
import type { Role } from '../../roles';
import type { Apply } from '../types';
import type { PasswordHash, UserState } from './state';

/** Folds user events: created, profile updated, password set, (de)activated. */
export const applyUser: Apply<UserState> = (state, e: DomainEvent) => {
  const p = e.payload;
  if (e.type === 'user.created') {
    return {
      id: e.recordId,
      username: p.username as string,
      displayName: p.displayName as string,
      nip: (p.nip as string | undefined) || undefined,
      roles: p.roles as Role[],
      password: p.password as PasswordHash,
      active: true,
      createdAt: e.at,
      updatedAt: e.at,
      hlc: e.hlc,
    };
  }
  if (!state) return state as never;
  const base = { ...state, updatedAt: e.at, hlc: e.hlc };
  switch (e.type) {
    case 'user.updated':
      return { ...base, ...(p as Partial<UserState>), id: state.id, username: state.username };
    case 'user.passwordSet':
      return { ...base, password: p.password as PasswordHash };
    case 'user.deactivated':
      return { ...base, active: false };
    case 'user.activated':
      return { ...base, active: true };
    default:
      return state;
  }
};
