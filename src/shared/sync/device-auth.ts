/**
 * Devices bound to their keys (docs/sync.md "Device keys"). Each console holds an Ed25519 key
 * pair made at its first run (the private key non-extractable where the platform allows); the
 * server registers the public key with the device id at enrolment. After that:
 *
 * - signing in or bootstrapping proves possession of the key: the device signs
 *   `meja-it/device-auth/v1\n<challenge>\n<deviceId>` over a single-use server challenge;
 * - every push is signed over `meja-it/push/v1\n<deviceId>\n<hash of the batch's last event>`:
 *   the events are hash-chained, so this one signature vouches for the whole batch, and a
 *   stolen token alone cannot push.
 *
 * Client and server build the signed messages here, so they cannot drift apart. The WebCrypto
 * calls are typed locally because src/shared compiles without DOM or Node types; browsers,
 * Electron's renderer and Node ≥ 20 all implement Ed25519 in `crypto.subtle`.
 */
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { fromHex } from '../hash';

/** The context string of a sign-in / bootstrap proof (version 1). */
export const DEVICE_AUTH_CONTEXT = 'meja-it/device-auth/v1';
/** The context string of a push signature (version 1). */
export const PUSH_AUTH_CONTEXT = 'meja-it/push/v1';

/** 32 bytes, hex: a raw Ed25519 public key, and a server challenge. */
export const HEX32 = /^[0-9a-f]{64}$/;
/** 64 bytes, hex: an Ed25519 signature. */
export const HEX64 = /^[0-9a-f]{128}$/;

/** The bytes a device signs to prove its key when it signs in or bootstraps. */
export function deviceAuthMessage(challenge: string, deviceId: string): Uint8Array {
  return utf8ToBytes(`${DEVICE_AUTH_CONTEXT}\n${challenge}\n${deviceId}`);
}

/** The bytes a device signs for a push: its id and the hash of the batch's last event ('' for none). */
export function pushAuthMessage(deviceId: string, lastHash: string): Uint8Array {
  return utf8ToBytes(`${PUSH_AUTH_CONTEXT}\n${deviceId}\n${lastHash}`);
}

/** The hash a push signature covers: the last event's in deviceSeq order ('' for an empty push). */
export function batchHead(events: readonly { deviceSeq: number; hash: string }[]): string {
  let last: { deviceSeq: number; hash: string } | undefined;
  for (const e of events) if (!last || e.deviceSeq > last.deviceSeq) last = e;
  return last?.hash ?? '';
}

/** What a sign-in or bootstrap carries to prove the device holds its key. */
export interface DeviceProof {
  /** Raw Ed25519 public key, hex (32 bytes). */
  devicePublicKey: string;
  /** The server's challenge (POST /api/auth/challenge), hex. */
  challenge: string;
  /** Ed25519 signature over deviceAuthMessage(challenge, deviceId), hex (64 bytes). */
  deviceSignature: string;
}

/** Something that signs with a device's private key (the key itself never leaves it). */
export interface DeviceSigner {
  /** Raw public key, hex. */
  readonly publicKey: string;
  /** Ed25519 signature of `message`, hex. */
  sign(message: Uint8Array): Promise<string>;
}

/** The proof for a sign-in or bootstrap of `deviceId` against `challenge`. */
export async function proveDevice(signer: DeviceSigner, deviceId: string, challenge: string): Promise<DeviceProof> {
  return { devicePublicKey: signer.publicKey, challenge, deviceSignature: await signer.sign(deviceAuthMessage(challenge, deviceId)) };
}

/** The signature a push of `events` from `deviceId` carries. */
export function signPush(signer: DeviceSigner, deviceId: string, events: readonly { deviceSeq: number; hash: string }[]): Promise<string> {
  return signer.sign(pushAuthMessage(deviceId, batchHead(events)));
}

/** The Ed25519 part of WebCrypto, typed for a module compiled without DOM types. */
interface Ed25519Subtle {
  generateKey(alg: { name: 'Ed25519' }, extractable: boolean, usages: string[]): Promise<{ publicKey: unknown; privateKey: unknown }>;
  exportKey(format: 'raw', key: unknown): Promise<ArrayBuffer>;
  importKey(format: 'raw', key: Uint8Array, alg: { name: 'Ed25519' }, extractable: boolean, usages: string[]): Promise<unknown>;
  sign(alg: { name: 'Ed25519' }, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
  verify(alg: { name: 'Ed25519' }, key: unknown, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
}

function subtle(): Ed25519Subtle {
  const s = (globalThis as unknown as { crypto?: { subtle?: Ed25519Subtle } }).crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available');
  return s;
}

const ED25519 = { name: 'Ed25519' } as const;

/** A fresh Ed25519 key pair; the private key is non-extractable unless asked otherwise. */
export async function generateDeviceKeyPair(extractable = false): Promise<{ privateKey: unknown; publicKey: string }> {
  const pair = await subtle().generateKey(ED25519, extractable, ['sign', 'verify']);
  return { privateKey: pair.privateKey, publicKey: bytesToHex(new Uint8Array(await subtle().exportKey('raw', pair.publicKey))) };
}

/** A signer over a WebCrypto private key (a CryptoKey, kept as it is). */
export function signerFromKey(privateKey: unknown, publicKey: string): DeviceSigner {
  return {
    publicKey,
    sign: async (message) => bytesToHex(new Uint8Array(await subtle().sign(ED25519, privateKey, message))),
  };
}

/** A signer with a new in-memory key pair (tests, benchmarks, scripts). */
export async function newDeviceSigner(): Promise<DeviceSigner> {
  const { privateKey, publicKey } = await generateDeviceKeyPair();
  return signerFromKey(privateKey, publicKey);
}

/** True when `signature` is the Ed25519 signature of `message` by `publicKey` (hex, both); false for anything malformed. */
export async function verifyDeviceSignature(publicKey: string, message: Uint8Array, signature: string): Promise<boolean> {
  if (!HEX32.test(publicKey) || !HEX64.test(signature)) return false;
  try {
    const key = await subtle().importKey('raw', fromHex(publicKey), ED25519, false, ['verify']);
    return await subtle().verify(ED25519, key, fromHex(signature), message);
  } catch {
    return false;
  }
}
