/**
 * A user's credentials as the console makes and opens them: the password verifier (for signing
 * in) and the signing key wrapped under the same password (for signing events). Both are
 * derived with PBKDF2 at the office's iteration count; they run side by side.
 */
import type { PasswordHash, UserState } from '../../../shared/domain/user/state';
import { hashPassword } from '../../../shared/password';
import { currentKey, newUserKey, unwrapUserKey, type KeyMaterial, type SigningKey } from '../../../shared/signing';

export interface NewCredentials {
  password: PasswordHash;
  key: KeyMaterial;
  /** The new private key, unwrapped, for the session that made it. */
  signingKey: SigningKey;
}

/** A verifier and a fresh key pair wrapped under the password. */
export async function newCredentials(password: string): Promise<NewCredentials> {
  const [hash, key] = await Promise.all([hashPassword(password), newUserKey(password)]);
  return { password: hash, key: key.material, signingKey: key.key };
}

/** The user's current signing key opened with their password; null when they have none (a user
 *  from before signed events) or it does not open. */
export async function openUserKey(user: UserState, password: string): Promise<SigningKey | null> {
  const key = currentKey(user.keys);
  if (!key || !user.wrappedKey) return null;
  return unwrapUserKey(password, user.wrappedKey, key.keyId);
}
