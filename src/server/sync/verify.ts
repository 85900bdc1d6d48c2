/**
 * Ed25519 signature checks on the server with node:crypto (OpenSSL, native, synchronous:
 * ~80 µs a check here, against ~1 ms for a JavaScript implementation). Public keys are imported
 * once and cached.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { VerifySignature } from '../../shared/signing';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410) before the 32 raw key bytes. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const cache = new Map<string, KeyObject>();

export const verifyEd25519: VerifySignature = (publicKeyHex, message, signatureHex) => {
  if (!/^[0-9a-f]{64}$/.test(publicKeyHex) || !/^[0-9a-f]{128}$/.test(signatureHex)) return false;
  let key = cache.get(publicKeyHex);
  if (!key) {
    key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(publicKeyHex, 'hex')]), format: 'der', type: 'spki' });
    if (cache.size > 10_000) cache.clear();
    cache.set(publicKeyHex, key);
  }
  try {
    return verify(null, message, key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
};
