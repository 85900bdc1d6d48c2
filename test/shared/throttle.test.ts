/** The sign-in throttle rule, with the clock as a parameter (no sleeps). */
import { describe, expect, it } from 'vitest';
import { checkThrottle, lockMs, recordFailure, THROTTLE_RULE, throttleKey, waitSeconds, type ThrottleState } from '@shared/auth/throttle';

const T0 = Date.parse('2026-03-09T01:00:00.000Z');
const S = 1000;

/** Fails `n` times, each attempt made at `at(i)` (only when allowed, as the screen does). */
function fail(n: number, at: (i: number) => number, from?: ThrottleState): ThrottleState | undefined {
  let state = from;
  for (let i = 0; i < n; i++) {
    expect(checkThrottle(state, at(i)).allowed).toBe(true);
    state = recordFailure(state, at(i));
  }
  return state;
}

describe('sign-in throttle', () => {
  it('allows the first five failures, then refuses for 30 s', () => {
    const state = fail(4, (i) => T0 + i * S);
    expect(state).toEqual({ failures: 4 });
    expect(checkThrottle(state, T0 + 4 * S)).toEqual({ allowed: true });
    const locked = recordFailure(state, T0 + 4 * S);
    expect(locked).toEqual({ failures: 5, lockedUntil: T0 + 34 * S });
    expect(checkThrottle(locked, T0 + 4 * S)).toEqual({ allowed: false, waitMs: 30 * S });
    expect(checkThrottle(locked, T0 + 20 * S)).toEqual({ allowed: false, waitMs: 14 * S });
    expect(checkThrottle(locked, T0 + 34 * S - 1)).toEqual({ allowed: false, waitMs: 1 });
    expect(checkThrottle(locked, T0 + 34 * S)).toEqual({ allowed: true });
  });

  it('doubles the lock with each further failure, up to 15 minutes', () => {
    expect([4, 5, 6, 7, 8, 9, 10, 11, 50, 5000].map((n) => lockMs(n) / S)).toEqual([0, 30, 60, 120, 240, 480, 900, 900, 900, 900]);
    let state = fail(5, (i) => T0 + i);
    let now = T0;
    for (const expected of [60, 120, 240, 480, 900, 900]) {
      now = state!.lockedUntil!; // the earliest moment the next attempt is allowed
      state = fail(1, () => now, state);
      expect(checkThrottle(state, now)).toEqual({ allowed: false, waitMs: expected * S });
    }
    expect(THROTTLE_RULE.maxMs).toBe(15 * 60 * S);
  });

  it('forgets everything after a success (the state is dropped)', () => {
    const locked = fail(5, (i) => T0 + i);
    expect(checkThrottle(locked, T0 + 10 * S).allowed).toBe(false);
    // After the lock, a success: the screen deletes the row, so the next failures start over.
    const after = fail(4, (i) => T0 + 60 * S + i, undefined);
    expect(checkThrottle(after, T0 + 61 * S)).toEqual({ allowed: true });
    expect(recordFailure(after, T0 + 61 * S)).toEqual({ failures: 5, lockedUntil: T0 + 91 * S });
  });

  it('never asks for a longer wait than the lock itself when the wall clock goes back', () => {
    const locked = fail(5, (i) => T0 + i)!;
    const hourBack = T0 - 3600 * S;
    expect(checkThrottle(locked, hourBack)).toEqual({ allowed: false, waitMs: 30 * S });
  });

  it('keys usernames case- and space-insensitively, known or not', () => {
    expect(throttleKey('  Admin ')).toBe('signin-throttle:admin');
    expect(throttleKey('tidak.ada')).toBe('signin-throttle:tidak.ada');
  });

  it('rounds a wait up to whole seconds, never to zero', () => {
    expect([1, 999, 1000, 1001, 29_500, 30_000].map(waitSeconds)).toEqual([1, 1, 1, 2, 30, 30]);
  });
});
