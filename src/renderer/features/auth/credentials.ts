/**
 * A user's credentials as the console makes and opens them: the password verifier (for signing
 * in) and the signing key wrapped under the same password (for signing events). Both are
 * derived with PBKDF2 at the office's iteration count; they run side by side.
 */
import type { PasswordHash, UserState } from '@shared/domain/user/state';
import { hashPassword } from '@shared/password';
import { currentKey, newUserKey, openUserKeyBytes, unwrapUserKey, type KeyMaterial, type SigningKey } from '@shared/signing';
import type { SessionKey } from '@renderer/app/session-vault';
import { sealerFor } from '@renderer/app/session-persist';

export interface NewCredentials {
  password: PasswordHash;
  key: KeyMaterial;
  /** The new private key, unwrapped, for the session that made it (sealed for a reload when
   *  it is the session's own user's). */
  signingKey: SessionKey;
}

/** A verifier and a fresh key pair wrapped under the password; `sessionUserId` when the key
 *  becomes this session's own (setup, the user's own password change): it is then sealed so a
 *  reload keeps the session. */
export async function newCredentials(password: string, sessionUserId?: string): Promise<NewCredentials> {
  const sealer = sessionUserId ? sealerFor(sessionUserId) : undefined;
  const [hash, key] = await Promise.all([hashPassword(password), newUserKey(password, undefined, undefined, sealer?.keep)]);
  return { password: hash, key: key.material, signingKey: { ...key.key, sealed: sealer?.sealed() } };
}

/** The user's current key opened with their password for this session (sign-in, unlock):
 *  also sealed under the tab's session secret so a reload keeps the session. */
export async function openSessionKey(user: UserState, password: string): Promise<SessionKey | null> {
  const key = currentKey(user.keys);
  if (!key || !user.wrappedKey) return null;
  const sealer = sealerFor(user.id);
  const opened = await openUserKeyBytes(password, user.wrappedKey, key.keyId, sealer.keep);
  return opened ? { ...opened, sealed: sealer.sealed() } : null;
}

/** The user's current signing key opened with their password; null when they have none (a user
 *  from before signed events) or it does not open. */
export async function openUserKey(user: UserState, password: string): Promise<SigningKey | null> {
  const key = currentKey(user.keys);
  if (!key || !user.wrappedKey) return null;
  return unwrapUserKey(password, user.wrappedKey, key.keyId);
}
