/**
 * Signed events: every user has an Ed25519 key pair. The public key is part of the user record
 * (with its history: `UserState.keys`); the private key travels with the record too, wrapped
 * (AES-GCM) under a key derived from the user's password (PBKDF2-SHA256), so the user can sign
 * on any console of the office, offline. Unwrapped, it is a non-extractable WebCrypto key: its
 * bytes never sit in the page's memory. Each event is signed over its content hash
 * (events.ts `contentHash`); the sync server, ingest() and bundle import verify every signature
 * against the key the actor held when the event was made.
 *
 * WebCrypto's Ed25519 (Chromium, Electron and Node all have it) signs in ~30-100 µs natively;
 * @noble/curves takes ~500 µs in JavaScript (docs/benchmarks.md). Signing is asynchronous, so
 * commit() signs before its IndexedDB transaction (see store/commit.ts).
 */
import { z } from 'zod';
import { fromHex, sha256Hex, toHex } from './hash';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { webCrypto, type CryptoKeyLike } from './webcrypto';
import { PASSWORD_ITERATIONS } from './password';

/** A public key as the user record keeps it, with when it was valid. */
export interface UserKey {
  /** keyIdOf(publicKey). */
  keyId: string;
  /** Raw Ed25519 public key, hex (32 bytes). */
  publicKey: string;
  /** The `at` of the event that introduced it. */
  from: string;
  /** The `at` of the event that retired it (a password change or reset); absent while current. */
  to?: string;
  /** Who certified it: the user themself (setup, rotation, upgrade) or the admin who created or reset them. */
  certifiedBy: string;
  reason: 'setup' | 'created' | 'rotated' | 'reset' | 'enrolled';
}

/** A private key wrapped under the password. */
export interface WrappedKey {
  alg: 'PBKDF2-SHA256/AES-GCM';
  iterations: number;
  /** Hex. */
  salt: string;
  /** Hex, 12 bytes. */
  iv: string;
  /** Hex: the PKCS#8 private key, encrypted. */
  data: string;
}

/** A new key as a command carries it. */
export interface KeyMaterial {
  publicKey: string;
  keyId: string;
  wrapped: WrappedKey;
}

export const wrappedKeySchema = z
  .object({
    alg: z.literal('PBKDF2-SHA256/AES-GCM'),
    iterations: z.number().int().min(1000),
    salt: z.string().regex(/^[0-9a-f]{32}$/),
    iv: z.string().regex(/^[0-9a-f]{24}$/),
    data: z.string().regex(/^[0-9a-f]{32,400}$/),
  })
  .strict();

export const keyMaterialSchema = z
  .object({
    publicKey: z.string().regex(/^[0-9a-f]{64}$/),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    wrapped: wrappedKeySchema,
  })
  .strict()
  .refine((k) => keyIdOf(k.publicKey) === k.keyId, { message: 'errors.invalidKey', path: ['keyId'] });

/** A key's id: the first 16 hex digits of the SHA-256 of its public key. */
export function keyIdOf(publicKeyHex: string): string {
  return sha256Hex(`ed25519:${publicKeyHex}`).slice(0, 16);
}

/** The message an event's signature is made over: UTF-8 of `meja-it/event/v1\n<hash>`. */
export function signedMessage(contentHashHex: string): Uint8Array {
  const text = `meja-it/event/v1\n${contentHashHex}`;
  // A hex hash is ASCII: one byte per character, without a TextEncoder per call (the sync
  // server builds one message per pushed event). Anything else is encoded as UTF-8.
  if (!/^[0-9a-f]*$/.test(contentHashHex)) return utf8ToBytes(text);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

async function wrappingKey(password: string, salt: Uint8Array, iterations: number, usages: ('wrapKey' | 'unwrapKey' | 'decrypt')[] = ['wrapKey', 'unwrapKey']): Promise<CryptoKeyLike> {
  const c = webCrypto().subtle;
  const base = await c.importKey('raw', utf8ToBytes(`meja-it/key-wrap\n${password}`), 'PBKDF2', false, ['deriveKey']);
  return c.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, usages);
}

/**
 * Receives a private key's PKCS#8 bytes for the moment it takes to re-encrypt them (the session
 * vault: src/renderer/app/session-vault.ts); the bytes are zeroed when it returns.
 */
export type KeepPkcs8 = (pkcs8: Uint8Array, keyId: string) => Promise<void>;

/** Hands the bytes to `keep`, then overwrites them. */
async function handOver(pkcs8: Uint8Array, keyId: string, keep: KeepPkcs8 | undefined): Promise<void> {
  try {
    if (keep) await keep(pkcs8, keyId);
  } finally {
    pkcs8.fill(0);
  }
}

/** A session's non-extractable signing key from PKCS#8 bytes. */
export async function importSigningKey(pkcs8: Uint8Array, keyId: string): Promise<SigningKey> {
  const privateKey = await webCrypto().subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
  return { keyId, privateKey };
}

/** A user's signing key for this session: non-extractable. */
export interface SigningKey {
  keyId: string;
  privateKey: CryptoKeyLike;
}

/** PKCS#8 header of an Ed25519 private key before its 32-byte seed (RFC 8410). */
const PKCS8_PREFIX = fromHex('302e020100300506032b657004220420');

/**
 * Makes a key pair and wraps its private half under the password. With `seed` (32 bytes) the
 * pair is derived from it — for tools and tests that must sign as the same user in several
 * processes (see sync/keyring.ts); a real user's key is always random.
 */
export async function newUserKey(password: string, iterations = PASSWORD_ITERATIONS, seed?: Uint8Array, keep?: KeepPkcs8): Promise<{ material: KeyMaterial; key: SigningKey }> {
  const c = webCrypto();
  let pair: { publicKey: CryptoKeyLike; privateKey: CryptoKeyLike };
  if (seed) {
    const pkcs8 = new Uint8Array(PKCS8_PREFIX.length + 32);
    pkcs8.set(PKCS8_PREFIX);
    pkcs8.set(seed.subarray(0, 32), PKCS8_PREFIX.length);
    const privateKey = await c.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, ['sign']);
    const jwk = (await c.subtle.exportKey('jwk', privateKey)) as unknown as { x: string };
    const raw = base64UrlBytes(jwk.x);
    pair = { privateKey, publicKey: await c.subtle.importKey('raw', raw, { name: 'Ed25519' }, true, ['verify']) };
  } else pair = await c.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const publicKey = toHex(new Uint8Array(await c.subtle.exportKey('raw', pair.publicKey)));
  const salt = c.getRandomValues(new Uint8Array(16));
  const iv = c.getRandomValues(new Uint8Array(12));
  const wrapKey = await wrappingKey(password, salt, iterations);
  const data = new Uint8Array(await c.subtle.wrapKey('pkcs8', pair.privateKey, wrapKey, { name: 'AES-GCM', iv }));
  const wrapped: WrappedKey = { alg: 'PBKDF2-SHA256/AES-GCM', iterations, salt: toHex(salt), iv: toHex(iv), data: toHex(data) };
  const keyId = keyIdOf(publicKey);
  // The session keeps a non-extractable copy: its bytes are never readable again.
  const pkcs8 = new Uint8Array(await c.subtle.exportKey('pkcs8', pair.privateKey));
  const key = await importSigningKey(pkcs8, keyId);
  await handOver(pkcs8, keyId, keep);
  return { material: { publicKey, keyId, wrapped }, key };
}

/** Bytes of a base64url string (a JWK member). */
function base64UrlBytes(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const v = alphabet.indexOf(ch);
    if (v < 0) continue;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** The private key behind a wrapped key, or null when the password does not open it. */
export async function unwrapUserKey(password: string, wrapped: WrappedKey, keyId: string): Promise<SigningKey | null> {
  const c = webCrypto().subtle;
  try {
    const wrapKey = await wrappingKey(password, fromHex(wrapped.salt), wrapped.iterations);
    const privateKey = await c.unwrapKey('pkcs8', fromHex(wrapped.data), wrapKey, { name: 'AES-GCM', iv: fromHex(wrapped.iv) }, { name: 'Ed25519' }, false, ['sign']);
    return { keyId, privateKey };
  } catch {
    return null;
  }
}

/**
 * Like unwrapUserKey, for a session that will be kept across a reload: the wrapped key is
 * decrypted (AES-GCM) rather than unwrapped, imported non-extractable for signing, and its
 * bytes handed to `keep` (to be re-encrypted under the session's secret) and then zeroed.
 * Null when the password does not open it.
 */
export async function openUserKeyBytes(password: string, wrapped: WrappedKey, keyId: string, keep: KeepPkcs8): Promise<SigningKey | null> {
  let pkcs8: Uint8Array;
  try {
    const key = await wrappingKey(password, fromHex(wrapped.salt), wrapped.iterations, ['decrypt']);
    pkcs8 = new Uint8Array(await webCrypto().subtle.decrypt({ name: 'AES-GCM', iv: fromHex(wrapped.iv) }, key, fromHex(wrapped.data)));
  } catch {
    return null;
  }
  try {
    const key = await importSigningKey(pkcs8, keyId);
    await handOver(pkcs8, keyId, keep);
    return key;
  } catch {
    pkcs8.fill(0);
    return null;
  }
}

/** Whether a signing key is the private half of this public key (signs and verifies a probe). */
export async function keyMatches(key: SigningKey, publicKeyHex: string): Promise<boolean> {
  const probe = sha256Hex(`meja-it/key-probe\n${publicKeyHex}`);
  try {
    return await webVerifier()(publicKeyHex, signedMessage(probe), await signHash(key, probe));
  } catch {
    return false;
  }
}

/** Signs a content hash. */
export async function signHash(key: SigningKey, contentHashHex: string): Promise<string> {
  const sig = await webCrypto().subtle.sign({ name: 'Ed25519' }, key.privateKey, signedMessage(contentHashHex));
  return toHex(new Uint8Array(sig));
}

/** Checks a signature; synchronous (the server: node:crypto) or not (the console: WebCrypto). */
export type VerifySignature = (publicKeyHex: string, message: Uint8Array, signatureHex: string) => boolean | Promise<boolean>;

/** WebCrypto verification, with imported public keys cached. */
export function webVerifier(): VerifySignature {
  const keys = new Map<string, Promise<CryptoKeyLike>>();
  return async (publicKeyHex, message, signatureHex) => {
    if (!/^[0-9a-f]{128}$/.test(signatureHex) || !/^[0-9a-f]{64}$/.test(publicKeyHex)) return false;
    let key = keys.get(publicKeyHex);
    if (!key) {
      key = webCrypto().subtle.importKey('raw', fromHex(publicKeyHex), { name: 'Ed25519' }, false, ['verify']);
      keys.set(publicKeyHex, key);
    }
    try {
      return await webCrypto().subtle.verify({ name: 'Ed25519' }, await key, fromHex(signatureHex), message);
    } catch {
      return false;
    }
  };
}

/** The key of `keys` with this id whose window [from, to] holds `at` (a key's history, as the audit shows it). */
export function keyAt(keys: readonly UserKey[] | undefined, keyId: string, at: string): UserKey | undefined {
  const k = keys?.find((x) => x.keyId === keyId);
  if (!k) return undefined;
  const t = Date.parse(at);
  if (!(t >= Date.parse(k.from))) return undefined;
  if (k.to !== undefined && t > Date.parse(k.to)) return undefined;
  return k;
}

/**
 * Which of a user's keys may sign, as the receiver decides it:
 * - 'current': only the key the user holds now (no `to`). The sync server checks pushes this
 *   way, in the order it receives them, and a console checks a bundle this way: a key retired
 *   by a password change or an admin's reset signs nothing more, whatever time an event claims
 *   (a retired key's holder could claim any time), and no device clock matters.
 * - 'any': any key the user ever held. A console checks pulled events this way: the server
 *   already applied 'current' when it accepted them, in its order, and the console may know a
 *   rotation that came later in that order.
 */
export type KeyRule = 'current' | 'any';

/** The key of `keys` with this id that may sign under the rule, if any. */
export function keyFor(keys: readonly UserKey[] | undefined, keyId: string, rule: KeyRule): UserKey | undefined {
  const k = keys?.find((x) => x.keyId === keyId);
  if (!k) return undefined;
  return rule === 'any' || k.to === undefined ? k : undefined;
}

/** The user's current key, if any. */
export function currentKey(keys: readonly UserKey[] | undefined): UserKey | undefined {
  return keys?.find((k) => k.to === undefined);
}
