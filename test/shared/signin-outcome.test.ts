/**
 * The sign-in decision (src/shared/auth/signin.ts) with an injected verifier: a name nobody has
 * and a wrong password give the same answer and both run one verification of the same cost;
 * "deactivated" only after the right password.
 */
import { describe, expect, it, vi } from 'vitest';
import { DUMMY_VERIFIER, signInOutcome, type VerifyPassword } from '@shared/auth/signin';
import { hashPassword, PASSWORD_ITERATIONS, verifyPassword } from '@shared/password';
import type { PasswordHash } from '@shared/domain/user/state';

const REAL: PasswordHash = { alg: 'PBKDF2-SHA256', iterations: PASSWORD_ITERATIONS, salt: '00'.repeat(16), hash: 'ab'.repeat(32) };
const RIGHT = 'Rahasia123';
const user = (active: boolean) => ({ id: 'u1', username: 'budi', active, password: REAL });

/** A verifier that accepts only RIGHT against REAL, and records what it was asked. */
const fakeVerifier = () => vi.fn<VerifyPassword>(async (password, stored) => stored === REAL && password === RIGHT);

describe('signInOutcome', () => {
  it('answers a username nobody has like a wrong password, after verifying against the dummy verifier', async () => {
    const verify = fakeVerifier();
    const unknown = await signInOutcome(undefined, 'salah', verify);
    const wrong = await signInOutcome(user(true), 'salah', verify);
    expect(unknown).toEqual({ kind: 'bad-credentials' });
    expect(wrong).toEqual(unknown);
    expect(verify.mock.calls).toEqual([
      ['salah', DUMMY_VERIFIER],
      ['salah', REAL],
    ]);
  });

  it('stays "bad credentials" for a name nobody has even if the dummy verifier were to match', async () => {
    const verify = vi.fn<VerifyPassword>(async () => true);
    expect(await signInOutcome(undefined, RIGHT, verify)).toEqual({ kind: 'bad-credentials' });
    expect(verify).toHaveBeenCalledOnce();
  });

  it('says "deactivated" only after the right password; a wrong one is just wrong', async () => {
    const verify = fakeVerifier();
    expect(await signInOutcome(user(false), 'salah', verify)).toEqual({ kind: 'bad-credentials' });
    expect(await signInOutcome(user(false), RIGHT, verify)).toEqual({ kind: 'inactive' });
    expect(verify).toHaveBeenCalledTimes(2);
    expect(verify.mock.calls.every(([, stored]) => stored === REAL)).toBe(true);
  });

  it('signs an active user in with the right password (one verification)', async () => {
    const verify = fakeVerifier();
    const u = user(true);
    expect(await signInOutcome(u, RIGHT, verify)).toEqual({ kind: 'signed-in', user: u });
    expect(verify).toHaveBeenCalledOnce();
  });

  it('uses a dummy verifier as costly as a real one: same algorithm, iteration count and sizes', async () => {
    const real = await hashPassword(RIGHT, 1000); // a cheap real one, only for the shape
    expect(DUMMY_VERIFIER.alg).toBe(real.alg);
    expect(DUMMY_VERIFIER.iterations).toBe(PASSWORD_ITERATIONS);
    expect(DUMMY_VERIFIER.salt).toMatch(/^[0-9a-f]+$/);
    expect(DUMMY_VERIFIER.salt).toHaveLength(real.salt.length);
    expect(DUMMY_VERIFIER.hash).toMatch(/^[0-9a-f]+$/);
    expect(DUMMY_VERIFIER.hash).toHaveLength(real.hash.length);
    // With the real PBKDF2: the dummy rejects an ordinary password.
    expect(await verifyPassword(RIGHT, DUMMY_VERIFIER)).toBe(false);
  });
});
