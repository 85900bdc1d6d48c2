/**
 * Ed25519 signature checks on the server. With libsodium (sodium-native: native, synchronous,
 * ~52 µs a check here) when its prebuilt addon loads on this platform, else with node:crypto
 * (OpenSSL 3, ~110 µs: its one-shot verify sets up a context per call); a JavaScript
 * implementation takes ~1.4 ms. `MEJA_ED25519=node` keeps node:crypto (tests compare the two).
 * libsodium is the stricter of the two (it also refuses small-order keys and points): what it
 * accepts, OpenSSL and the consoles' WebCrypto accept too. Public keys are imported once and cached.
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import { useNativeSha256 } from '../../shared/hash';
import type { VerifySignature } from '../../shared/signing';

// The server hashes every pushed event twice (its chain hash and its content hash): natively.
useNativeSha256((text) => createHash('sha256').update(text, 'utf8').digest('hex'));

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410) before the 32 raw key bytes. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const cache = new Map<string, KeyObject>();

function keyObject(publicKeyHex: string): KeyObject {
  let key = cache.get(publicKeyHex);
  if (!key) {
    key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(publicKeyHex, 'hex')]), format: 'der', type: 'spki' });
    if (cache.size > 10_000) cache.clear();
    cache.set(publicKeyHex, key);
  }
  return key;
}

interface Sodium {
  crypto_sign_verify_detached(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}

/** libsodium, unless it does not load here or node:crypto is asked for. */
function loadSodium(): Sodium | undefined {
  if (process.env.MEJA_ED25519 === 'node') return undefined;
  try {
    return createRequire(import.meta.url)('sodium-native') as Sodium;
  } catch {
    return undefined;
  }
}

const sodium = loadSodium();
const rawKeys = new Map<string, Buffer>();

function rawKey(publicKeyHex: string): Buffer {
  let key = rawKeys.get(publicKeyHex);
  if (!key) {
    key = Buffer.from(publicKeyHex, 'hex');
    if (rawKeys.size > 10_000) rawKeys.clear();
    rawKeys.set(publicKeyHex, key);
  }
  return key;
}

/** Which implementation checks signatures in this process (the benchmark prints it). */
export const ED25519_IMPLEMENTATION: 'libsodium' | 'node:crypto' = sodium ? 'libsodium' : 'node:crypto';

const wellFormed = (publicKeyHex: string, signatureHex: string) => /^[0-9a-f]{64}$/.test(publicKeyHex) && /^[0-9a-f]{128}$/.test(signatureHex);

/** node:crypto's check (OpenSSL), whichever is in use. */
export function verifyEd25519Node(publicKeyHex: string, message: Uint8Array, signatureHex: string): boolean {
  if (!wellFormed(publicKeyHex, signatureHex)) return false;
  try {
    return verify(null, message, keyObject(publicKeyHex), Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}

export function verifyEd25519(publicKeyHex: string, message: Uint8Array, signatureHex: string): boolean {
  if (!sodium) return verifyEd25519Node(publicKeyHex, message, signatureHex);
  if (!wellFormed(publicKeyHex, signatureHex)) return false;
  try {
    return sodium.crypto_sign_verify_detached(Buffer.from(signatureHex, 'hex'), message, rawKey(publicKeyHex));
  } catch {
    return false;
  }
}

/**
 * The same check off the event loop with node:crypto (libuv's thread pool: many run side by
 * side). With libsodium the check is made here and now, so that every push gets the same
 * verdicts from the same implementation (it has no asynchronous form; a small push's checks
 * take a few milliseconds).
 */
export function verifyEd25519Async(publicKeyHex: string, message: Uint8Array, signatureHex: string): Promise<boolean> {
  if (!wellFormed(publicKeyHex, signatureHex)) return Promise.resolve(false);
  if (sodium) return Promise.resolve(verifyEd25519(publicKeyHex, message, signatureHex));
  return new Promise((resolve) => {
    try {
      verify(null, message, keyObject(publicKeyHex), Buffer.from(signatureHex, 'hex'), (error, ok) => resolve(!error && ok));
    } catch {
      resolve(false);
    }
  });
}

/**
 * Starts a push's signature checks on the thread pool, side by side, against every key each
 * signer has or had (the push's own new keys included), and returns at once a verifier that
 * answers those from their pending results and checks anything else on the spot. The caller
 * re-checks the push's commands on the event loop meanwhile, so on a machine with two cores the
 * arithmetic and the replay overlap. Which key may sign is still decided command by command
 * (`verifyGroupSignatures`), and no command is accepted before its own checks have answered.
 */
export function prefetchedVerifier(jobs: readonly { publicKey: string; message: Uint8Array; sig: string }[]): VerifySignature {
  const keyOf = (publicKey: string, message: Uint8Array, sig: string) => `${publicKey}:${sig}:${Buffer.from(message).toString('base64')}`;
  const pending = new Map<string, Promise<boolean>>();
  for (const j of jobs) {
    const k = keyOf(j.publicKey, j.message, j.sig);
    if (!pending.has(k)) pending.set(k, verifyEd25519Async(j.publicKey, j.message, j.sig));
  }
  return (publicKey, message, sig) => pending.get(keyOf(publicKey, message, sig)) ?? verifyEd25519(publicKey, message, sig);
}
