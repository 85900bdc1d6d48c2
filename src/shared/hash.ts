/**
 * Canonical JSON and SHA-256 for the event hash chain. Synchronous on purpose: hashes are
 * computed inside IndexedDB transactions, which commit as soon as they wait on anything else.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * JSON with object keys sorted at every level (by UTF-16 code units, as `Array.prototype.sort`
 * does), keys whose value is undefined left out, undefined array items written as null — so
 * equal values always hash equally. Built with one string and no intermediate arrays of entries:
 * every event is serialised at least twice (its content hash and its chain hash).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      out += (i > 0 ? ',' : '') + (v === undefined ? 'null' : canonicalJson(v));
    }
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + canonicalJson(v);
  }
  return out + '}';
}

/**
 * `canonicalJson` of an object whose top-level values may already be serialised: a value found
 * in `known` is written as its string there. Two hashes over the same large payload (an
 * event's content hash and chain hash) serialise it once. The output is byte-identical to
 * `canonicalJson(value)` as long as each `known` string is the canonical JSON of its key.
 */
export function canonicalJsonReusing(value: Record<string, unknown>, known: ReadonlyMap<unknown, string>): string {
  const keys = Object.keys(value).sort();
  let out = '{';
  for (const k of keys) {
    const v = value[k];
    if (v === undefined) continue;
    out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + (known.get(v) ?? canonicalJson(v));
  }
  return out + '}';
}

/** SHA-256 of a UTF-8 string as hex: @noble/hashes (synchronous, any platform) unless a faster native one is installed. */
let sha256Impl = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/** Hex SHA-256 of a UTF-8 string. */
export function sha256Hex(text: string): string {
  return sha256Impl(text);
}

/**
 * Installs a native SHA-256 (the sync server: node:crypto's, ~10× faster than JavaScript on
 * the event hashes every push checks). It must give the same hex digest; `useNativeSha256`
 * checks that on a known vector before it takes over.
 */
export function useNativeSha256(impl: (text: string) => string): void {
  const vector = 'meja-it';
  if (impl(vector) !== bytesToHex(sha256(utf8ToBytes(vector)))) throw new Error('native SHA-256 disagrees');
  sha256Impl = impl;
}

/** Hex encoding of bytes. */
export const toHex = bytesToHex;

/** Bytes of a hex string. */
export function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
