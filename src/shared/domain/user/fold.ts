import type { Fold } from '../kind';
import type { KeyMaterial, UserKey } from '../../signing';
import type { userEvents } from './events';
import type { UserState } from './state';

/** The key an event introduces, valid from the event's time, certified by its actor. */
const introduced = (k: KeyMaterial | undefined, at: string, by: string, reason: UserKey['reason']): UserKey | undefined =>
  k ? { keyId: k.keyId, publicKey: k.publicKey, from: at, certifiedBy: by, reason } : undefined;

/** Retires the current key at `at` and appends the new one. */
function rotate(keys: UserKey[] | undefined, at: string, next: UserKey): UserKey[] {
  return [...(keys ?? []).map((k) => (k.to === undefined ? { ...k, to: at } : k)), next];
}

/** Folds user events: created, profile updated, password set (a new key), key enrolled, (de)activated. */
export const applyUser: Fold<UserState, typeof userEvents> = (state, e) => {
  if (e.type === 'user.created') {
    const p = e.payload;
    const key = introduced(p.key, e.at, e.actorId, e.actorId === e.recordId ? 'setup' : 'created');
    return {
      id: e.recordId,
      username: p.username,
      displayName: p.displayName,
      nip: p.nip || undefined,
      roles: p.roles,
      password: p.password,
      ...(key && p.key ? { keys: [key], wrappedKey: p.key.wrapped } : {}),
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
    case 'user.passwordSet': {
      const p = e.payload;
      const reset = p.reason === 'reset';
      const key = introduced(p.key, e.at, e.actorId, reset ? 'reset' : 'rotated');
      const { mustChangePassword: _was, ...rest } = base;
      return {
        ...rest,
        password: p.password,
        ...(key && p.key ? { keys: rotate(state.keys, e.at, key), wrappedKey: p.key.wrapped } : {}),
        ...(reset ? { mustChangePassword: true } : {}),
      };
    }
    case 'user.keyEnrolled': {
      const key = introduced(e.payload.key, e.at, e.actorId, 'enrolled')!;
      return { ...base, keys: rotate(state.keys, e.at, key), wrappedKey: e.payload.key.wrapped };
    }
    case 'user.deactivated':
      return { ...base, active: false };
    case 'user.activated':
      return { ...base, active: true };
    default:
      return state;
  }
};
