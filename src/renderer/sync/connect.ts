/**
 * Connecting this device to the office's sync server. The device that set the office up
 * first bootstraps an empty server with its setup events; any other device signs in with a
 * user the server knows. Either way the device proves it holds its own key (a signed server
 * challenge, ./enrol.ts) and gets its own revocable token, which the platform's sync transport
 * keeps (on the desktop, the main process: the renderer never sees it).
 *
 * On the desktop the transport first pins the server's certificate: the connect form shows its
 * fingerprint and the admin confirms it against the one the server printed (trust on first
 * use); a later change of certificate is refused until an admin checks and pins it again.
 */
import type { DomainEvent, RecordKind } from '@shared/events';
import type { ServerProbe, SyncTransport } from '@shared/sync/transport';
import { ensureHistory } from './snapshot';
import type { ConsoleDb } from '../store/db';
import { deviceMeta } from '../store/commit';
import { clearRestoredMarker, restoredMarker } from '../store/backup';
import { SyncError } from './api';
import { bootstrapDevice, signInDevice } from './enrol';
import { platform } from '../platform';
import { catchUp, syncSession } from './sync-client';

export interface ConnectInput {
  serverUrl: string;
  username: string;
  password: string;
  deviceName: string;
}

/** The server URL to use: '' for the page's own origin, else the URL without a trailing slash. */
export function normaliseServerUrl(raw: string): string {
  const url = raw.trim().replace(/\/+$/, '');
  if (url === '' || url === location.origin) return '';
  return url;
}

/** The server's certificate must be confirmed (first contact) or checked and pinned again (it changed). */
export type PinQuestion = Extract<ServerProbe, { tls: 'new' | 'changed' }>;

/**
 * Checks what the console would trust at the server before anything is sent to it. Returns the
 * question for the admin when the certificate is not the pinned one; with `confirmed` (the
 * fingerprint the admin compared and accepted) that certificate is trusted for the sign-in.
 */
export async function checkServer(serverUrl: string, confirmed: string | null, transport: SyncTransport = platform.sync): Promise<PinQuestion | null> {
  const probe = await transport.probe(serverUrl);
  if (probe.tls !== 'new' && probe.tls !== 'changed') return null;
  if (confirmed !== probe.fingerprint) return probe;
  await transport.trust(serverUrl, probe.fingerprint);
  return null;
}

/** This device's setup events (org.setUp and the first admin), if it set the office up. */
async function localSetupEvents(db: ConsoleDb): Promise<DomainEvent[]> {
  const device = await deviceMeta(db);
  const setUp = await db.events.where('[deviceId+deviceSeq]').equals([device.deviceId, 1]).first();
  if (setUp?.type !== 'org.setUp') return [];
  const admin = await db.events.where('[deviceId+deviceSeq]').equals([device.deviceId, 2]).first();
  return admin ? [setUp, admin] : [setUp];
}

/** Connects (the transport keeps the token); then the sync loop takes over. Throws SyncError. */
export async function connectDevice(db: ConsoleDb, input: ConnectInput, transport: SyncTransport = platform.sync): Promise<void> {
  const serverUrl = transport.choosesServer ? normaliseServerUrl(input.serverUrl) : '';
  let res;
  const setup = await localSetupEvents(db);
  if (setup.length === 2) {
    try {
      res = await bootstrapDevice(db, transport, serverUrl, { deviceName: input.deviceName, events: setup });
    } catch (e) {
      if (!(e instanceof SyncError) || (e.status !== 409 && e.status !== 403)) throw e;
    }
  }
  // Restored from a backup: the server knows this device id with the old desk's key.
  const restored = await restoredMarker(db);
  res ??= await signInDevice(db, transport, serverUrl, { username: input.username, password: input.password, deviceName: input.deviceName, replaceKey: !!restored });
  if (restored) await clearRestoredMarker(db);
  const previous = await db.sync.get('sync');
  await db.sync.put({ key: 'sync', serverUrl, userId: res.userId, cursor: previous?.serverUrl === serverUrl ? previous.cursor : 0 });
  window.dispatchEvent(new Event('meja-it:sync-config'));
}

/**
 * A new device joins an office: sign in on the server, then load the office's records (a
 * snapshot; the older history follows in the background).
 */
export async function joinOffice(db: ConsoleDb, input: ConnectInput, transport: SyncTransport = platform.sync): Promise<void> {
  await connectDevice(db, input, transport);
  const session = await syncSession(db, transport);
  if (session) await catchUp(db, session);
}

/** Fetches one record's older history now (its audit trail is opened before the backfill got to it). */
export async function fetchRecordHistory(db: ConsoleDb, kind: RecordKind, id: string): Promise<void> {
  const session = await syncSession(db, platform.sync);
  if (session) await ensureHistory(db, session, [[kind, id]]);
}
