/**
 * Evidence files beside the event feed. A file is stored once, content-addressed (key = its
 * SHA-256), in the `blobs` table; events carry only {hash, name, type, size}. Sync moves the
 * bytes on their own: before pushing events, the device uploads the files they reference
 * (PUT /api/blobs/:hash, idempotent); after a pull it notes the files it lacks and fetches them
 * in the background (GET), checking each against its hash. Until then the screens show "not
 * yet downloaded" — a missing file never blocks the events or the fold.
 */
import type { AttachmentRef } from '@shared/domain/incident/state';
import { MAX_ATTACHMENT_BYTES } from '@shared/domain/incident/state';
import type { DomainEvent, RecordKind } from '@shared/events';
import { toHex } from '@shared/hash';
import { fail, ok, type Result } from '@shared/result';
import type { BlobRow, ConsoleDb } from '../store/db';
import type { SyncTransport } from '@shared/sync/transport';
import { SyncError } from './api';

/** How to move files: the sync session's transport (it holds the server and the token). */
export interface BlobSession {
  transport: SyncTransport;
}

/** SHA-256 of bytes, lower-case hex (WebCrypto: works in browsers, Electron and Node). */
export async function sha256Bytes(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

/**
 * Keeps a chosen file on this device and returns its reference for an event. Refuses an empty
 * file or one over 10 MB with a message naming the file. Writing the same file twice is a no-op.
 * This is not a record write (no event): the content-addressed store only holds bytes some
 * event may reference; the event itself goes through commit().
 */
export async function storeFile(db: ConsoleDb, file: { name: string; type: string; bytes: Uint8Array }): Promise<Result<AttachmentRef>> {
  const size = file.bytes.byteLength;
  if (size === 0) return fail('empty', 'incident.errors.attachmentEmpty', { params: { name: file.name }, field: 'file' });
  if (size > MAX_ATTACHMENT_BYTES) {
    return fail('too-large', 'incident.errors.attachmentTooBigNamed', { params: { name: file.name, size: (size / 1024 / 1024).toFixed(1), max: MAX_ATTACHMENT_BYTES / 1024 / 1024 }, field: 'file' });
  }
  const hash = await sha256Bytes(file.bytes);
  const type = file.type || 'application/octet-stream';
  await db.transaction('rw', db.blobs, async () => {
    const existing = await db.blobs.get(hash);
    if (existing?.data) return;
    await db.blobs.put({ hash, size, type, data: file.bytes, ...(existing?.uploaded ? { uploaded: 1 as const } : {}) });
  });
  return ok({ hash, name: file.name.slice(0, 200), type: type.slice(0, 100), size });
}

/** The file references an event carries (an attachment, or the report's evidence list). */
export function referencedFiles(e: Pick<DomainEvent, 'payload'>): AttachmentRef[] {
  const p = e.payload as { file?: AttachmentRef; attachments?: AttachmentRef[] };
  const out: AttachmentRef[] = [];
  if (p.file && typeof p.file.hash === 'string') out.push(p.file);
  if (Array.isArray(p.attachments)) for (const a of p.attachments) if (a && typeof a.hash === 'string') out.push(a);
  return out;
}

/**
 * Uploads the files these (outgoing) events reference that the server does not have yet.
 * A file this device does not hold is skipped: the device that made the reference uploads it.
 * Throws SyncError when the server cannot be reached, so the push waits for the files.
 */
export async function uploadFilesFor(db: ConsoleDb, session: BlobSession, events: DomainEvent[]): Promise<number> {
  const hashes = [...new Set(events.flatMap(referencedFiles).map((r) => r.hash))];
  if (hashes.length === 0) return 0;
  const rows = (await db.blobs.bulkGet(hashes)).filter((r): r is BlobRow => !!r?.data && !r.uploaded);
  let uploaded = 0;
  for (const row of rows) {
    // An unreachable or refusing server throws (SyncError): the push waits for its files.
    await session.transport.putBlob(row.hash, row.data!);
    await db.blobs.update(row.hash, { uploaded: 1 });
    uploaded += 1;
  }
  return uploaded;
}

/**
 * The files a record's state references: an incident's evidence. A snapshot delivers records as
 * states, not events, so this is how a console that joined by snapshot learns which files to
 * fetch without waiting for the history backfill to reach the events that attached them.
 */
export function filesOfRecord(kind: RecordKind, state: unknown): AttachmentRef[] {
  if (kind !== 'incident') return [];
  const list = (state as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(list)) return [];
  return (list as Partial<AttachmentRef>[])
    .filter((a) => a && typeof a.hash === 'string')
    .map((a) => ({ hash: a.hash!, name: String(a.name ?? ''), type: String(a.type ?? 'application/octet-stream'), size: Number(a.size ?? 0) }));
}

/** Notes these file references as wanted where this device lacks them, for the downloader. */
export async function noteWantedRefs(db: ConsoleDb, files: AttachmentRef[]): Promise<number> {
  const refs = new Map(files.map((r) => [r.hash, r]));
  if (refs.size === 0) return 0;
  return db.transaction('rw', db.blobs, async () => {
    const rows = await db.blobs.bulkGet([...refs.keys()]);
    const wanted = [...refs.values()].filter((_, i) => !rows[i]);
    await db.blobs.bulkPut(wanted.map((r) => ({ hash: r.hash, size: r.size, type: r.type, pending: 1 as const, uploaded: 1 as const })));
    return wanted.length;
  });
}

/** Notes the files pulled events reference that this device lacks, for the downloader. */
export async function noteWantedFiles(db: ConsoleDb, events: DomainEvent[]): Promise<number> {
  return noteWantedRefs(db, events.filter((e) => e.status !== 'rejected').flatMap(referencedFiles));
}

/**
 * Fetches every file noted as wanted, checking each against its hash (a mismatch is dropped
 * and tried again next round). A file the server does not have yet stays pending.
 */
export async function downloadPendingFiles(db: ConsoleDb, session: BlobSession): Promise<{ fetched: number; missing: number }> {
  const pending = await db.blobs.where('pending').equals(1).primaryKeys();
  let fetched = 0;
  let missing = 0;
  for (const hash of pending) {
    let bytes: Uint8Array | null;
    try {
      bytes = await session.transport.getBlob(hash);
    } catch (e) {
      if (!(e instanceof SyncError) || e.code === 'offline') break; // offline: try again after the next sync round
      missing += 1;
      continue;
    }
    if (!bytes || (await sha256Bytes(bytes)) !== hash) {
      missing += 1;
      continue;
    }
    await db.blobs.update(hash, { data: bytes, size: bytes.byteLength, pending: undefined, uploaded: 1 });
    fetched += 1;
  }
  return { fetched, missing };
}

let downloading: Promise<unknown> | null = null;

/** Starts the downloader in the background unless it is already running. */
export function downloadInBackground(db: ConsoleDb, session: BlobSession): void {
  if (downloading) return;
  downloading = downloadPendingFiles(db, session)
    .catch((e) => console.error('file download failed', e))
    .finally(() => {
      downloading = null;
    });
}
