import { v7 } from 'uuid';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** A new time-ordered identifier (UUIDv7) for events and records. */
export function newId(): string {
  return v7();
}

/**
 * Identifiers derived from a seed (a command's id): the n-th call gives the same id on every
 * machine, so a command replayed by the sync server draws exactly the ids the device drew.
 * UUID-shaped (version 8, "custom"), from SHA-256 of `seed/n`.
 */
export function idsFrom(seed: string): () => string {
  let n = 0;
  return () => {
    const h = bytesToHex(sha256(utf8ToBytes(`${seed}/${n++}`)));
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
}
