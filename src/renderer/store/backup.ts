/**
 * Desk backups against the local store (docs/shells.md "Desk backups"; the file format is
 * src/shared/backup.ts): what a backup holds, the console's backup key, and restore.
 *
 * A backup holds the whole database: every event with its local status, the outbox, this
 * device's identity and chain head (`meta` 'device'), the sync row (server, cursor — never the
 * token, which is not in the database), the evidence files, and — only for a console whose log
 * cannot rebuild them (joined by snapshot, older history not all here yet) — the projection
 * rows. Otherwise projections are folded again from the events on restore.
 *
 * Not in a backup: the device's Ed25519 private key (`meta` 'device-key'), a non-extractable
 * CryptoKey no script can read. A restored console makes a new one; the server knows the desk's
 * device id with the old key, so the first connection after a restore is made by an admin and
 * re-binds the device id to the new key (docs/sync.md "A desk restored from a backup"). Also
 * not: the backup key itself, the sign-in throttle rows (device-local).
 */
import type { Table } from 'dexie';
import { ORG_ID } from '@shared/domain/org/state';
import { decryptBackup, deriveBackupKey, keyForBackup, readBackupHeader, sealBackup, backupFileName, type BackupContent, type BackupHeader, type BackupKey } from '@shared/backup';
import { foldRecord } from '@shared/domain/registry';
import { CHAIN_START, eventHash, RECORD_KINDS, type DomainEvent, type RecordKind } from '@shared/events';
import { fail, ok, type Result } from '@shared/result';
import type { UserKey } from '@shared/signing';
import type { UserState } from '@shared/domain/user/state';
import type { CryptoKeyLike } from '@shared/webcrypto';
import type { BlobRow, ConsoleDb, DeviceMeta, SyncMeta } from './db';
import { checkSignatures } from './ingest';

/** The backup key in `meta`: derived once from the admin's passphrase, never the passphrase itself. */
export interface BackupKeyRow {
  key: 'backup-key';
  salt: string;
  iterations: number;
  check: string;
  /** AES-256-GCM, non-extractable (IndexedDB keeps a CryptoKey as it is). */
  aesKey: CryptoKey;
  setAt: string;
}

/**
 * Set by a restore until the console has connected to its server again: the first connection
 * must re-bind the device id to this console's new device key (an admin's sign-in).
 */
export interface RestoredRow {
  key: 'restored';
  at: string;
  /** The backup's own time and device. */
  backupCreatedAt: string;
  deviceId: string;
}

type MetaRow = DeviceMeta | BackupKeyRow | RestoredRow;
const meta = (db: ConsoleDb) => db.meta as unknown as Table<MetaRow, string>;

/** The office's identity: the id of its org.setUp event (undefined before setup or join). */
async function officeOf(db: ConsoleDb): Promise<string | undefined> {
  return (await db.events.where('[kind+recordId]').equals(['org', 'org']).filter((e) => e.type === 'org.setUp').first())?.id;
}

/** The stored backup key, as the format uses it. */
export async function backupKey(db: ConsoleDb): Promise<(BackupKey & { setAt: string }) | null> {
  const row = (await meta(db).get('backup-key')) as BackupKeyRow | undefined;
  return row ? { salt: row.salt, iterations: row.iterations, check: row.check, key: row.aesKey as unknown as CryptoKeyLike, setAt: row.setAt } : null;
}

const keyRow = (k: BackupKey, at: Date): BackupKeyRow => ({ key: 'backup-key', salt: k.salt, iterations: k.iterations, check: k.check, aesKey: k.key as unknown as CryptoKey, setAt: at.toISOString() });

/** Sets (or changes) the passphrase of this console's backups. The passphrase itself is not kept. */
export async function setBackupPassphrase(db: ConsoleDb, passphrase: string, now = new Date()): Promise<void> {
  const k = await deriveBackupKey(passphrase);
  await meta(db).put(keyRow(k, now));
}

/** The console's restore marker, while it has not re-connected since a restore. */
export async function restoredMarker(db: ConsoleDb): Promise<RestoredRow | undefined> {
  return (await meta(db).get('restored')) as RestoredRow | undefined;
}

/** Clears the restore marker (the device id is bound to this console's key again). */
export async function clearRestoredMarker(db: ConsoleDb): Promise<void> {
  await meta(db).delete('restored');
}

const needsProjections = (s: SyncMeta | undefined): boolean => !!s?.snapshot || (!!s?.history && s.history.cursor < s.history.upTo);

/** Everything a backup holds, read in one transaction (a consistent state). */
export async function collectBackup(db: ConsoleDb): Promise<BackupContent | null> {
  const tables = [db.events, db.outbox, db.meta, db.sync, db.blobs, ...RECORD_KINDS.map((k) => db.projection(k))];
  return db.transaction('r', tables, async () => {
    const device = await db.meta.get('device');
    if (!device) return null;
    const sync = await db.sync.get('sync');
    const [events, outbox, blobs] = await Promise.all([db.events.toArray(), db.outbox.orderBy('seq').toArray(), db.blobs.toArray()]);
    const content: BackupContent = {
      device: { deviceId: device.deviceId, seq: device.seq, lastHash: device.lastHash, hlc: device.hlc },
      events,
      outbox: outbox.map((o) => ({ seq: o.seq!, eventId: o.eventId })),
      files: blobs.map((b) => ({ hash: b.hash, size: b.size, type: b.type, ...(b.uploaded ? { uploaded: 1 as const } : {}), ...(b.pending ? { pending: 1 as const } : {}), ...(b.data ? { data: b.data } : {}) })),
    };
    if (sync) {
      const { key: _key, ...rest } = sync;
      content.sync = rest;
    }
    if (needsProjections(sync)) {
      content.projections = await Promise.all(RECORD_KINDS.map(async (kind) => ({ kind, rows: (await db.projection(kind).toArray()) as unknown as Record<string, unknown>[] })));
    }
    return content;
  });
}

/** A backup file of this console, encrypted with its backup key. */
export async function makeBackup(db: ConsoleDb, now = new Date()): Promise<Result<{ bytes: Uint8Array; fileName: string; createdAt: string }>> {
  const key = await backupKey(db);
  if (!key) return fail('no-key', 'backup.errors.noKey');
  const office = await officeOf(db);
  const content = office ? await collectBackup(db) : null;
  if (!office || !content) return fail('no-office', 'backup.errors.noOffice');
  const bytes = await sealBackup(content, { officeId: office, deviceId: content.device.deviceId, createdAt: now }, key);
  const zone = (await db.org.get(ORG_ID))?.timeZone ?? 'WIB';
  return ok({ bytes, fileName: backupFileName(now, zone), createdAt: now.toISOString() });
}

// ---------------------------------------------------------------------------- restore

/** Thrown inside the restore's transaction to undo it with a refusal. */
class Refused extends Error {
  constructor(readonly code: string, readonly messageKey: string) {
    super(code);
  }
}

/** True when this console holds no records: no event, nothing queued. */
async function isFresh(db: ConsoleDb): Promise<boolean> {
  return (await db.events.count()) === 0 && (await db.outbox.count()) === 0;
}

/**
 * Checks a backup's events as ingest checks events made elsewhere, before anything is written:
 * each event's hash against its content, every device's chain where consecutive links are
 * present, this device's own chain complete from its first event to the recorded head, the
 * outbox naming only this device's unrefused events, the office's setup event the header's
 * office, and every signature (the actor's key from the backup's own user events, or its user
 * rows when it carries projections). Returns the reason of the first failure, or null.
 */
async function verifyContent(db: ConsoleDb, header: BackupHeader, c: BackupContent): Promise<string | null> {
  const ids = new Set<string>();
  for (const e of c.events) {
    if (ids.has(e.id)) return 'duplicate event';
    ids.add(e.id);
    if (eventHash(e) !== e.hash) return `hash of ${e.id}`;
  }
  const setUp = c.events.find((e) => e.kind === 'org' && e.type === 'org.setUp');
  if (setUp && setUp.id !== header.officeId) return 'office';
  const byDevice = new Map<string, DomainEvent[]>();
  for (const e of c.events) (byDevice.get(e.deviceId) ?? byDevice.set(e.deviceId, []).get(e.deviceId)!).push(e);
  for (const [deviceId, list] of byDevice) {
    list.sort((a, b) => a.deviceSeq - b.deviceSeq);
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      const prev = list[i - 1];
      if (prev && prev.deviceSeq === e.deviceSeq) return `seq ${deviceId}/${e.deviceSeq} twice`;
      if (prev && prev.deviceSeq + 1 === e.deviceSeq && e.prevHash !== prev.hash) return `chain ${deviceId}/${e.deviceSeq}`;
      if (e.deviceSeq === 1 && e.prevHash !== CHAIN_START) return `chain start ${deviceId}`;
    }
  }
  const own = byDevice.get(c.device.deviceId) ?? [];
  if (own.length !== c.device.seq || own.some((e, i) => e.deviceSeq !== i + 1)) return 'own chain incomplete';
  if (c.device.seq > 0 && own.at(-1)!.hash !== c.device.lastHash) return 'own chain head';
  if (c.device.seq === 0 && c.device.lastHash !== CHAIN_START) return 'own chain head';
  const ownIds = new Map(own.map((e) => [e.id, e]));
  const queued = new Set<string>();
  for (const o of c.outbox) {
    const e = ownIds.get(o.eventId);
    if (!e || e.status === 'rejected' || queued.has(o.eventId)) return `outbox ${o.eventId}`;
    queued.add(o.eventId);
  }
  const userRows = new Map<string, readonly UserKey[] | undefined>();
  for (const r of c.projections?.find((p) => p.kind === 'user')?.rows ?? []) userRows.set(String(r['id']), (r as unknown as UserState).keys);
  const bad = await checkSignatures(db, c.events, (id) => userRows.get(id));
  if (bad.size > 0) return `signature ${[...bad.keys()][0]}`;
  return null;
}

/** The projections a backup's events fold to, record by record (the rows it carries, when it carries them). */
function projectionsOf(c: BackupContent): { kind: RecordKind; id: string; state: unknown }[] {
  if (c.projections) return c.projections.flatMap((p) => p.rows.map((state) => ({ kind: p.kind, id: String(state['id']), state })));
  const byRecord = new Map<string, DomainEvent[]>();
  for (const e of c.events) if (e.status !== 'rejected') (byRecord.get(`${e.kind}:${e.recordId}`) ?? byRecord.set(`${e.kind}:${e.recordId}`, []).get(`${e.kind}:${e.recordId}`)!).push(e);
  return [...byRecord.values()].map((list) => ({ kind: list[0]!.kind, id: list[0]!.recordId, state: foldRecord(list[0]!.kind, list) }));
}

export interface RestoreSummary {
  events: number;
  outbox: number;
  files: number;
  officeId: string;
  deviceId: string;
  createdAt: string;
}

/**
 * Restores a backup file on a fresh console. Refuses, writing nothing at all:
 * - not a backup file (`backup.errors.notBackup`), a damaged one (`backup.errors.damaged`:
 *   header, cipher tag, length, checksum, structure, an evidence file's hash), one of a newer
 *   version (`backup.errors.newer`);
 * - another office's file on a console that belongs to an office (`backup.errors.foreign`),
 *   and any file on a console that holds records already (`backup.errors.notFresh`);
 * - a wrong passphrase (`backup.errors.wrongPassphrase`);
 * - events that do not pass ingest's checks (`backup.errors.invalidContent`).
 * Everything is written in one transaction, which checks again that the console is fresh. The
 * passphrase becomes this console's backup passphrase; the restore marker asks the first
 * connection to re-bind the device id.
 */
export async function restoreBackup(db: ConsoleDb, bytes: Uint8Array, passphrase: string, now = new Date()): Promise<Result<RestoreSummary>> {
  const parts = readBackupHeader(bytes);
  if (!parts.ok) return parts;
  const { header } = parts.data;
  const office = await officeOf(db);
  if (office && office !== header.officeId) return fail('foreign', 'backup.errors.foreign');
  if (!(await isFresh(db))) return fail('not-fresh', 'backup.errors.notFresh');
  const key = await keyForBackup(parts.data, passphrase);
  if (!key.ok) return key;
  const opened = await decryptBackup(parts.data, key.data);
  if (!opened.ok) return opened;
  const content = opened.data;
  const problem = await verifyContent(db, header, content);
  if (problem) {
    console.error('backup refused:', problem);
    return fail('invalid-content', 'backup.errors.invalidContent');
  }
  const projections = projectionsOf(content);
  try {
    await db.transaction('rw', [...db.writeTables, db.sync, db.blobs], async () => {
      if (!(await isFresh(db))) throw new Refused('not-fresh', 'backup.errors.notFresh');
      const existing = await db.meta.get('device');
      await db.events.bulkAdd(content.events);
      await db.outbox.bulkAdd(content.outbox);
      await db.meta.put({ ...(existing ?? {}), key: 'device', ...content.device });
      await meta(db).put(keyRow(key.data, now));
      await meta(db).put({ key: 'restored', at: now.toISOString(), backupCreatedAt: header.createdAt, deviceId: content.device.deviceId });
      if (content.sync) await db.sync.put({ key: 'sync', ...content.sync });
      const blobs: BlobRow[] = content.files.map((f) => ({ hash: f.hash, size: f.size, type: f.type, ...(f.data ? { data: f.data } : {}), ...(f.uploaded ? { uploaded: 1 as const } : {}), ...(f.pending ? { pending: 1 as const } : {}) }));
      await db.blobs.bulkPut(blobs);
      await db.writeProjections(projections.filter((p) => p.state !== undefined));
    });
  } catch (e) {
    if (e instanceof Refused) return fail(e.code, e.messageKey);
    throw e;
  }
  return ok({ events: content.events.length, outbox: content.outbox.length, files: content.files.length, officeId: header.officeId, deviceId: content.device.deviceId, createdAt: header.createdAt });
}
