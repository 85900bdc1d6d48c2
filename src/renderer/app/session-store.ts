/**
 * Session state: who is signed in on this console, their signing key, and whether the console
 * is locked. Lives in memory; a reload within the idle-lock time restores it from the tab's
 * sealed copy (session-vault.ts, session-persist.ts). The key is the user's private key opened
 * with the password they typed: a non-extractable WebCrypto key, dropped when the console
 * locks or the user signs out (unlocking opens it again with the password).
 */
import { create } from 'zustand';
import type { UserState } from '@shared/domain/user/state';
import type { Actor } from '@shared/roles';
import type { SessionKey } from './session-vault';

interface SessionStore {
  user: UserState | null;
  /** The signed-in user's unwrapped key; null while locked. */
  key: SessionKey | null;
  locked: boolean;
  /** The id of a key this session is about to switch to (its own password change, in flight):
   *  the user record changing to it is not "changed elsewhere". */
  pendingKeyId: string | null;
  expectKey(keyId: string | null): void;
  /** Signs a user in with their key; `keepLock` refreshes the user's record without unlocking. */
  signIn(user: UserState, opts?: { keepLock?: boolean; key?: SessionKey }): void;
  signOut(): void;
  lock(): void;
}

export const useSessionStore = create<SessionStore>((set) => ({
  user: null,
  key: null,
  locked: false,
  pendingKeyId: null,
  expectKey: (pendingKeyId) => set({ pendingKeyId }),
  signIn: (user, opts) => set((s) => (opts?.keepLock ? { user, locked: s.locked, key: s.key } : { user, locked: false, key: opts?.key ?? null, pendingKeyId: null })),
  signOut: () => set({ user: null, locked: false, key: null, pendingKeyId: null }),
  lock: () => set((s) => (s.user ? { locked: true, key: null } : s)),
}));

/** The signed-in user as the domain's Actor. */
export function actorOf(user: UserState): Actor {
  return { userId: user.id, roles: user.roles };
}
