/**
 * The sign-in throttle on this device: the pure rule (src/shared/auth/throttle.ts) over one
 * `meta` row per username. Not a record and not an event: it never syncs and never reaches
 * the log, and reloading the page does not clear it.
 */
import { checkThrottle, recordFailure, throttleKey, type ThrottleCheck } from '@shared/auth/throttle';
import type { ConsoleDb } from './db';

/** May this username try to sign in at `now`? */
export async function signInAllowed(db: ConsoleDb, username: string, now: number): Promise<ThrottleCheck> {
  return checkThrottle(await db.signInThrottle.get(throttleKey(username)), now);
}

/** Counts a failed attempt; returns whether the next attempt is allowed and, if not, the wait. */
export async function noteSignInFailure(db: ConsoleDb, username: string, now: number): Promise<ThrottleCheck> {
  const key = throttleKey(username);
  return db.transaction('rw', db.meta, async () => {
    const next = recordFailure(await db.signInThrottle.get(key), now);
    await db.signInThrottle.put({ key, ...next });
    return checkThrottle(next, now);
  });
}

/** Forgets a username's failures after it signs in. */
export async function clearSignInFailures(db: ConsoleDb, username: string): Promise<void> {
  await db.signInThrottle.delete(throttleKey(username));
}
