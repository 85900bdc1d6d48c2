/**
 * The decision behind one sign-in (or unlock) attempt, once the throttle has let it through:
 * which answer the screen gives. Every path runs exactly one password verification of the same
 * cost, and the answers do not tell a username nobody has from a known one with a wrong password:
 * - no such user: the password is checked against a fixed dummy verifier (same algorithm and
 *   iteration count as real ones), and the answer is "bad credentials" whatever it says;
 * - a wrong password: "bad credentials", deactivated account or not;
 * - the right password on a deactivated account: "inactive" (only someone who knows the
 *   password learns that the account exists and is deactivated);
 * - the right password on an active account: signed in.
 * Pure apart from the verifier, which is a parameter (the screen passes `verifyPassword`).
 */
import type { PasswordHash } from '../domain/user/state';
import { PASSWORD_ITERATIONS } from '../password';

/**
 * The verifier checked when the username is unknown. Its salt and hash are fixed random bytes
 * with no known password; the answer is ignored anyway.
 */
export const DUMMY_VERIFIER: PasswordHash = {
  alg: 'PBKDF2-SHA256',
  iterations: PASSWORD_ITERATIONS,
  salt: '5b0f3c9e61a2d4877e1c0b9a3f6d2e84',
  hash: '9c41e7a05d3b82f61e0a4c7d93b5f28e6a1d0c47b39e85f2d6a07c1e4b93f05a',
};

/** Checks a password against a verifier (`verifyPassword` in the console). */
export type VerifyPassword = (password: string, stored: PasswordHash) => Promise<boolean>;

/** What the screen answers; a `bad-credentials` answer counts toward the throttle. */
export type SignInOutcome<U> = { kind: 'signed-in'; user: U } | { kind: 'bad-credentials' } | { kind: 'inactive' };

/** The outcome for `user` (undefined when nobody has the username) and the typed password. */
export async function signInOutcome<U extends { active: boolean; password: PasswordHash }>(
  user: U | undefined,
  password: string,
  verify: VerifyPassword,
): Promise<SignInOutcome<U>> {
  if (!user) {
    await verify(password, DUMMY_VERIFIER);
    return { kind: 'bad-credentials' };
  }
  if (!(await verify(password, user.password))) return { kind: 'bad-credentials' };
  return user.active ? { kind: 'signed-in', user } : { kind: 'inactive' };
}
