/**
 * The sign-in throttle rule: after 5 failed attempts for one username, sign-in for that
 * username is refused for 30 s, doubling with each further failure up to 15 min; a success
 * resets it (the state is simply forgotten). Pure (the clock is a parameter); the console keeps one state per username on the
 * device (never synced: a guesser's attempts are local, and a synced counter would let anyone
 * lock a colleague out of every desk). The rule does not know whether the username exists, so
 * unknown and known names are throttled alike and the answers reveal nothing about accounts.
 */

/** Failed attempts for one username on this device. */
export interface ThrottleState {
  /** Failed attempts since the last success. */
  failures: number;
  /** While locked: when sign-in is allowed again (ms since the epoch). */
  lockedUntil?: number;
}

/** The rule's numbers. */
export const THROTTLE_RULE = {
  /** Failures allowed before the first lock. */
  freeAttempts: 5,
  /** The first lock. */
  baseMs: 30_000,
  /** The longest lock. */
  maxMs: 15 * 60_000,
} as const;

/** The answer to "may this username try now?". */
export type ThrottleCheck = { allowed: true } | { allowed: false; waitMs: number };

/** How long the lock after `failures` failures lasts (0 while attempts are still free). */
export function lockMs(failures: number, rule = THROTTLE_RULE): number {
  if (failures < rule.freeAttempts) return 0;
  return Math.min(rule.baseMs * 2 ** Math.min(failures - rule.freeAttempts, 30), rule.maxMs);
}

/**
 * Whether an attempt is allowed at `now`. The wait never exceeds the lock's own length, so a
 * wall clock set back does not lock the user out for longer than the rule says.
 */
export function checkThrottle(state: ThrottleState | undefined, now: number, rule = THROTTLE_RULE): ThrottleCheck {
  if (!state?.lockedUntil || now >= state.lockedUntil) return { allowed: true };
  return { allowed: false, waitMs: Math.min(state.lockedUntil - now, lockMs(state.failures, rule)) };
}

/** The state after a failed attempt at `now` (an attempt refused while locked is not one). */
export function recordFailure(state: ThrottleState | undefined, now: number, rule = THROTTLE_RULE): ThrottleState {
  const failures = (state?.failures ?? 0) + 1;
  const ms = lockMs(failures, rule);
  return ms > 0 ? { failures, lockedUntil: now + ms } : { failures };
}

/** The device-local key of a username's state (usernames are compared lower-cased and trimmed). */
export function throttleKey(username: string): `signin-throttle:${string}` {
  return `signin-throttle:${username.trim().toLowerCase()}`;
}

/** Whole seconds to show for a wait, rounded up (never "0 seconds" while still locked). */
export function waitSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
