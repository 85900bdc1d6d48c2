/**
 * The console's session vault (session-vault.ts), wired to the session store: a sign-in or an
 * unlock keeps its sealed key, activity moves the expiry on, a lock keeps only whose lock screen
 * it was, a sign-out keeps nothing; and at start-up a kept session comes back.
 */
import type { KeepPkcs8 } from '@shared/signing';
import { platform } from '../platform';
import { db } from '../store';
import { useSessionStore } from './session-store';
import { SessionVault, type SealedKey } from './session-vault';

function storageOf(name: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window[name];
  } catch {
    return undefined;
  }
}

export const sessionVault = new SessionVault({
  secret: platform.sessionSecret,
  storage: storageOf('localStorage'),
  tabStorage: storageOf('sessionStorage'),
  dbName: db.name,
});

/** The office's idle-lock time, as App last read it (the default until the office loads). */
let idleMinutes = 10;

export function setVaultIdleMinutes(minutes: number | undefined): void {
  if (minutes && minutes > 0) idleMinutes = minutes;
}

/** Activity: the kept session lasts another idle-lock time (called at most every few seconds). */
export function touchSession(): void {
  sessionVault.touch(idleMinutes);
}

/**
 * A sealer for one user's key: `keep` goes to the signing code (which hands it the PKCS#8
 * bytes and zeroes them after), `sealed()` gives the ciphertext it made.
 */
export function sealerFor(userId: string): { keep: KeepPkcs8; sealed: () => SealedKey | undefined } {
  let sealed: SealedKey | undefined;
  return {
    keep: async (pkcs8, keyId) => {
      sealed = await sessionVault.seal(pkcs8, userId, keyId);
    },
    sealed: () => sealed,
  };
}

/** Follows the session store; returns the unsubscribe. */
export function startSessionPersistence(): () => void {
  return useSessionStore.subscribe((s, prev) => {
    if (s.user === prev.user && s.key === prev.key && s.locked === prev.locked) return;
    if (!s.user) {
      if (prev.user) void sessionVault.clear();
      return;
    }
    if (s.locked) {
      if (!prev.locked || prev.user?.id !== s.user.id) void sessionVault.lock(s.user.id, prev.key?.keyId);
      return;
    }
    sessionVault.save(s.user.id, s.key, idleMinutes);
  });
}

/** Brings back the session this tab kept, if it may come back (see SessionVault.restore). */
export async function restoreSession(): Promise<void> {
  const restored = await sessionVault.restore((id) => db.users.get(id));
  const session = useSessionStore.getState();
  if (!restored || session.user) return;
  session.signIn(restored.user, restored.key ? { key: restored.key } : undefined);
  if (restored.locked) session.lock();
}
