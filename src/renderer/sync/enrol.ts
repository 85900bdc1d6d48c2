/**
 * Enrolling this device on the sync server with its key (docs/sync.md "Enrolment and
 * devices"): ask a single-use challenge, sign it with the device's key
 * (store/device-key.ts), then sign in or bootstrap with the proof through the platform's sync
 * transport, which keeps the token. Used by the connect and join screens, the sync tests and
 * the sync benchmark.
 */
import type { DomainEvent } from '@shared/events';
import { proveDevice, type DeviceSigner } from '@shared/sync/device-auth';
import type { SignedIn, SyncTransport } from '@shared/sync/transport';
import type { ConsoleDb } from '../store/db';
import { deviceMeta } from '../store/commit';
import { deviceSigner } from '../store/device-key';
import { SyncError } from './api';

/**
 * This device's signer for talking to the server. A platform without Ed25519 in WebCrypto (or
 * outside a secure context, where WebCrypto is absent) cannot make a key: that is said plainly
 * rather than as a server error.
 */
export async function syncSigner(db: ConsoleDb): Promise<DeviceSigner> {
  try {
    return await deviceSigner(db);
  } catch (error) {
    console.error('device key unavailable', error);
    throw new SyncError('device-key-unsupported', 'sync.errors.deviceKeyUnsupported');
  }
}

/** A challenge for this device, signed with its key. */
async function proof(db: ConsoleDb, transport: SyncTransport, serverUrl: string) {
  const [device, signer] = await Promise.all([deviceMeta(db), syncSigner(db)]);
  const { challenge } = await transport.challenge(serverUrl, device.deviceId);
  return { deviceId: device.deviceId, ...(await proveDevice(signer, device.deviceId, challenge)) };
}

/**
 * Signs this device in as `username`; the transport keeps the new token. Throws SyncError.
 * `replaceKey`: a console restored from a backup asks the server to bind its device id to this
 * console's new key (an admin's sign-in only).
 */
export async function signInDevice(
  db: ConsoleDb,
  transport: SyncTransport,
  serverUrl: string,
  input: { username: string; password: string; deviceName: string; replaceKey?: boolean },
): Promise<SignedIn> {
  return transport.signIn(serverUrl, {
    username: input.username,
    password: input.password,
    deviceName: input.deviceName,
    ...(input.replaceKey ? { replaceKey: true } : {}),
    ...(await proof(db, transport, serverUrl)),
  });
}

/** Bootstraps an empty server with this device's setup events; the transport keeps the token. Throws SyncError. */
export async function bootstrapDevice(db: ConsoleDb, transport: SyncTransport, serverUrl: string, input: { deviceName: string; events: DomainEvent[] }): Promise<SignedIn> {
  return transport.bootstrap(serverUrl, { deviceName: input.deviceName, events: input.events, ...(await proof(db, transport, serverUrl)) });
}
