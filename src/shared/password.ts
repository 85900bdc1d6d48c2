/**
 * Password verifiers: PBKDF2-HMAC-SHA256 with a random salt and a deliberately high iteration
 * count (OWASP's 600,000), through the platform's native WebCrypto. Only the verifier is
 * stored or synced, never the password.
 */
import type { PasswordHash } from './domain/user/state';
import { fromHex, toHex } from './hash';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { webCrypto } from './webcrypto';

export const PASSWORD_ITERATIONS = 600_000;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<string> {
  const c = webCrypto();
  const key = await c.subtle.importKey('raw', utf8ToBytes(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await c.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return toHex(new Uint8Array(bits));
}

/** Makes a verifier for a new password. */
export async function hashPassword(password: string, iterations = PASSWORD_ITERATIONS): Promise<PasswordHash> {
  const salt = webCrypto().getRandomValues(new Uint8Array(16));
  return { alg: 'PBKDF2-SHA256', iterations, salt: toHex(salt), hash: await derive(password, salt, iterations) };
}

/** True when the password matches the verifier. Compares in constant time. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const candidate = await derive(password, fromHex(stored.salt), stored.iterations);
  let diff = candidate.length ^ stored.hash.length;
  for (let i = 0; i < Math.min(candidate.length, stored.hash.length); i++) diff |= candidate.charCodeAt(i) ^ stored.hash.charCodeAt(i);
  return diff === 0;
}
