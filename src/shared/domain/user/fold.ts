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
    };
  }
  if (!state) return state as never;
  switch (e.type) {
    case 'user.updated':
      return { ...state, ...(p as Partial<UserState>), id: state.id, username: state.username, updatedAt: e.at };
    case 'user.passwordSet':
      return { ...state, password: p.password as PasswordHash, updatedAt: e.at };
    case 'user.deactivated':
      return { ...state, active: false, updatedAt: e.at };
    case 'user.activated':
      return { ...state, active: true, updatedAt: e.at };
    default:
      return state;
  }
};
