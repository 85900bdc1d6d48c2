/**
 * Session state: who is signed in on this console, and whether it is locked. Lives in memory
 * only (a reload asks for the password again); the user's record itself is read from the store.
 */
import { create } from 'zustand';
import type { UserState } from '../../shared/domain/user/state';
import type { Actor } from '../../shared/roles';

interface SessionStore {
  user: UserState | null;
  locked: boolean;
  /** Signs a user in; `keepLock` refreshes the user's record without unlocking. */
  signIn(user: UserState, opts?: { keepLock?: boolean }): void;
  signOut(): void;
  lock(): void;
  unlock(): void;
}

export const useSessionStore = create<SessionStore>((set) => ({
  user: null,
  locked: false,
  signIn: (user, opts) => set((s) => ({ user, locked: opts?.keepLock ? s.locked : false })),
  signOut: () => set({ user: null, locked: false }),
  lock: () => set((s) => (s.user ? { locked: true } : s)),
  unlock: () => set({ locked: false }),
}));

/** The signed-in user as the domain's Actor. */
export function actorOf(user: UserState): Actor {
  return { userId: user.id, roles: user.roles };
}
