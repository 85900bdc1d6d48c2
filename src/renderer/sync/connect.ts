/**
 * Connecting this device to the office's sync server. The device that set the office up
 * first bootstraps an empty server with its setup events; any other device signs in with a
 * user the server knows. Either way the device proves it holds its own key (a signed server
 * challenge, ./enrol.ts) and gets its own revocable token.
 */
import type { DomainEvent, RecordKind } from '../../shared/events';
import { ensureHistory } from './snapshot';
import type { ConsoleDb } from '../store/db';
import { deviceMeta } from '../store/commit';
import { clearRestoredMarker, restoredMarker } from '../store/backup';
import { SyncError } from './api';
import { bootstrapDevice, signInDevice } from './enrol';
import { platform } from '../platform';
import { catchUp, syncSession } from './sync-client';

/** This device's token, from the platform's secret store. */
export const readToken = () => platform.readSecret('sync-token');

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

/** This device's setup events (org.setUp and the first admin), if it set the office up. */
async function localSetupEvents(db: ConsoleDb): Promise<DomainEvent[]> {
  const device = await deviceMeta(db);
  const setUp = await db.events.where('[deviceId+deviceSeq]').equals([device.deviceId, 1]).first();
  if (setUp?.type !== 'org.setUp') return [];
  const admin = await db.events.where('[deviceId+deviceSeq]').equals([device.deviceId, 2]).first();
  return admin ? [setUp, admin] : [setUp];
}

/** Connects and saves the token; then the sync loop takes over. Throws SyncError. */
export async function connectDevice(db: ConsoleDb, input: ConnectInput): Promise<void> {
  const serverUrl = normaliseServerUrl(input.serverUrl);
  let res;
  const setup = await localSetupEvents(db);
  if (setup.length === 2) {
    try {
      res = await bootstrapDevice(db, serverUrl, { deviceName: input.deviceName, events: setup });
    } catch (e) {
      if (!(e instanceof SyncError) || (e.status !== 409 && e.status !== 403)) throw e;
    }
  }
  // Restored from a backup: the server knows this device id with the old desk's key.
  const restored = await restoredMarker(db);
  res ??= await signInDevice(db, serverUrl, { username: input.username, password: input.password, deviceName: input.deviceName, replaceKey: !!restored });
  const stored = await platform.writeSecret('sync-token', res.token);
  if (!stored.ok) throw new SyncError(stored.error.code, stored.error.message);
  if (restored) await clearRestoredMarker(db);
  const previous = await db.sync.get('sync');
  await db.sync.put({ key: 'sync', serverUrl, userId: res.userId, cursor: previous?.serverUrl === serverUrl ? previous.cursor : 0 });
  window.dispatchEvent(new Event('meja-it:sync-config'));
}

/**
 * A new device joins an office: sign in on the server, then load the office's records (a
 * snapshot; the older history follows in the background).
 */
export async function joinOffice(db: ConsoleDb, input: ConnectInput): Promise<void> {
  await connectDevice(db, input);
  const session = await syncSession(db, readToken);
  if (session) await catchUp(db, session);
}

/** Fetches one record's older history now (its audit trail is opened before the backfill got to it). */
export async function fetchRecordHistory(db: ConsoleDb, kind: RecordKind, id: string): Promise<void> {
  const session = await syncSession(db, readToken);
  if (session) await ensureHistory(db, session, [[kind, id]]);
}
