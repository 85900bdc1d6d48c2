import type { Fold } from '../kind';
import type { userEvents } from './events';
import type { UserState } from './state';

/** Folds user events: created, profile updated, password set, (de)activated. */
export const applyUser: Fold<UserState, typeof userEvents> = (state, e) => {
  if (e.type === 'user.created') {
    const p = e.payload;
    return {
      id: e.recordId,
      username: p.username,
      displayName: p.displayName,
      nip: p.nip || undefined,
      roles: p.roles,
      password: p.password,
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
      return { ...base, ...e.payload, id: state.id, username: state.username };
    case 'user.passwordSet':
      return { ...base, password: e.payload.password };
    case 'user.deactivated':
      return { ...base, active: false };
    case 'user.activated':
      return { ...base, active: true };
    default:
      return state;
  }
};
