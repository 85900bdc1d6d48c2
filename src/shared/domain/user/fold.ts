import type { DomainEvent } from '../../events';
import type { Role } from '../../roles';
import type { KeyMaterial, UserKey } from '../../signing';
import type { Apply } from '../types';
import type { PasswordHash, UserState } from './state';

/** The key a user.created / passwordSet / keyEnrolled event introduces. */
function introduced(e: DomainEvent, reason: UserKey['reason']): UserKey | undefined {
  const k = e.payload.key as KeyMaterial | undefined;
  return k ? { keyId: k.keyId, publicKey: k.publicKey, from: e.at, certifiedBy: e.actorId, reason } : undefined;
}

/** Retires the current key at `at` and appends the new one. */
function rotate(keys: UserKey[] | undefined, at: string, next: UserKey | undefined): UserKey[] {
  const closed = (keys ?? []).map((k) => (k.to === undefined ? { ...k, to: at } : k));
  return next ? [...closed, next] : closed;
}

/** Folds user events: created, profile updated, password set (a new key), key enrolled, (de)activated. */
export const applyUser: Apply<UserState> = (state, e: DomainEvent) => {
  const p = e.payload;
  if (e.type === 'user.created') {
    const key = introduced(e, e.actorId === e.recordId ? 'setup' : 'created');
    return {
      id: e.recordId,
      username: p.username as string,
      displayName: p.displayName as string,
      nip: (p.nip as string | undefined) || undefined,
      roles: p.roles as Role[],
      password: p.password as PasswordHash,
      ...(key ? { keys: [key], wrappedKey: (p.key as KeyMaterial).wrapped } : {}),
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
    case 'user.passwordSet': {
      const reason = p.reason === 'reset' ? 'reset' : 'rotated';
      const key = introduced(e, reason);
      const { mustChangePassword: _m, ...rest } = base;
      return {
        ...rest,
        password: p.password as PasswordHash,
        ...(key ? { keys: rotate(state.keys, e.at, key), wrappedKey: (p.key as KeyMaterial).wrapped } : {}),
        ...(reason === 'reset' ? { mustChangePassword: true } : {}),
      };
    }
    case 'user.keyEnrolled': {
      const key = introduced(e, 'enrolled');
      return key ? { ...base, keys: rotate(state.keys, e.at, key), wrappedKey: (p.key as KeyMaterial).wrapped } : base;
    }
    case 'user.deactivated':
      return { ...base, active: false };
    case 'user.activated':
      return { ...base, active: true };
    default:
      return state;
  }
};
