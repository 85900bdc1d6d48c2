/**
 * Desk backups: the console's whole database in one encrypted file (docs/shells.md "Desk
 * backups"). Pure WebCrypto, so the renderer writes and reads it in a browser and in Electron,
 * and tests run it in Node.
 *
 * A file is
 *
 *   MEJA-IT-BACKUP\n
 *   <header: one line of JSON>\n
 *   <AES-256-GCM ciphertext of the gzip'd plaintext>
 *
 * The header is readable without the passphrase (which office, which device, when) and names
 * the format, its version, the key derivation and the cipher; `headerSha256` (over the rest of
 * the header, canonical JSON) tells a damaged header from a wrong passphrase, and the header
 * line is the cipher's additional data, so a header altered together with its checksum still
 * fails to decrypt. The key comes from the passphrase with PBKDF2-SHA256 (600,000 iterations,
 * a random salt): 512 bits, the first 256 the AES key, the SHA-256 of the other 256 the
 * header's `keyCheck` — so a wrong passphrase is told apart from a damaged file.
 *
 * The plaintext is `<u32 big-endian length><JSON of BackupContent><evidence file bytes, in the
 * order of content.files>`; `plaintextSha256` is its SHA-256, checked after decrypting.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { RECORD_KINDS, type DomainEvent, type RecordKind } from './events';
import { canonicalJson, fromHex, sha256Hex, toHex } from './hash';
import type { HlcState } from './hlc';
import { zoneOffsetMs, type OfficeZone } from './office-time';
import { fail, ok, type Result } from './result';
import { eventSchema, SCHEMA_VERSION } from './sync/protocol';
import { webCrypto, type CryptoKeyLike } from './webcrypto';

export const BACKUP_FORMAT = 'meja-it-backup';
/** The version of this file format (not of the events: see `schemaVersion`). */
export const BACKUP_VERSION = 1;
/** PBKDF2-SHA256 iterations for the backup key, as for passwords. */
export const BACKUP_ITERATIONS = 600_000;
/** A file naming more iterations is refused (deriving would hold the console for minutes). */
const MAX_ITERATIONS = 10_000_000;
export const BACKUP_EXTENSION = '.mjbak';
export const BACKUP_MIME = 'application/octet-stream';
const MAGIC = 'MEJA-IT-BACKUP\n';
const MAX_HEADER_BYTES = 8192;
/** Largest backup the desktop writes (checked by main on the IPC call). */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;
/** Shortest passphrase accepted for backups. */
export const MIN_PASSPHRASE = 12;

export const backupPassphraseSchema = z.string().min(MIN_PASSPHRASE, 'backup.errors.passphraseShort').max(256, 'backup.errors.passphraseLong');

/**
 * The file name of a backup made at `at`, in the office's zone (a backup made at 06.30 WIB is
 * named by that morning, not by the evening before in UTC): the only name the desktop writes and
 * rotates. The zones have no daylight saving, so name order is time order for an office; only
 * an office that moves to another zone sees one hour's names out of order, once.
 */
export function backupFileName(at: Date, zone: OfficeZone): string {
  const local = new Date(at.getTime() + zoneOffsetMs(zone)).toISOString(); // 2026-03-04T12:06:07.890Z in WIB
  return `meja-it-backup-${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 19).replaceAll(':', '')}${BACKUP_EXTENSION}`;
}
/** Backup file names as backupFileName() makes them (lexical order = time order). */
export const BACKUP_FILE_PATTERN = /^meja-it-backup-\d{8}-\d{6}\.mjbak$/;

// ---------------------------------------------------------------------------- content

/** An evidence file in a backup: its row, and whether its bytes follow the JSON. */
export interface BackupFile {
  hash: string;
  size: number;
  type: string;
  uploaded?: 1;
  pending?: 1;
  /** The bytes (absent for a file referenced but never downloaded to this console). */
  data?: Uint8Array;
}

/** The sync client's row, without the token (which is never in the database). */
export interface BackupSyncMeta {
  serverUrl: string;
  userId?: string;
  cursor: number;
  lastSyncedAt?: string;
  snapshot?: { asOf: number; after: [RecordKind, string] | null };
  history?: { upTo: number; cursor: number };
}

/** What a backup holds. */
export interface BackupContent {
  /** This console's identity and chain head (its `meta` row 'device'). */
  device: { deviceId: string; seq: number; lastHash: string; hlc: HlcState };
  /** Every event, with its local status (refused events keep their reason). */
  events: DomainEvent[];
  /** Events not yet acknowledged by the server, in push order. */
  outbox: { seq: number; eventId: string }[];
  sync?: BackupSyncMeta;
  /**
   * Projection rows, only when the log cannot rebuild them: a console that joined by snapshot
   * and has not received its older history yet. Otherwise restore folds the events.
   */
  projections?: { kind: RecordKind; rows: Record<string, unknown>[] }[];
  files: BackupFile[];
}

const storedEventSchema = eventSchema.extend({
  status: z.literal('rejected').optional(),
  reason: z.string().max(200).optional(),
  reasonField: z.string().max(200).optional(),
});

const contentSchema = z.object({
  device: z.object({
    deviceId: z.string().uuid(),
    seq: z.number().int().min(0),
    lastHash: z.string().regex(/^([0-9a-f]{64})?$/),
    hlc: z.object({ wall: z.number().int().min(0), counter: z.number().int().min(0), node: z.string().min(1).max(100) }),
  }),
  events: z.array(storedEventSchema),
  outbox: z.array(z.object({ seq: z.number().int().positive(), eventId: z.string().uuid() })),
  sync: z
    .object({
      serverUrl: z.string().max(2048),
      userId: z.string().max(100).optional(),
      cursor: z.number().int().min(0),
      lastSyncedAt: z.string().max(40).optional(),
      snapshot: z.object({ asOf: z.number().int().min(0), after: z.tuple([z.enum(RECORD_KINDS), z.string()]).nullable() }).optional(),
      history: z.object({ upTo: z.number().int().min(0), cursor: z.number().int().min(0) }).optional(),
    })
    .optional(),
  projections: z.array(z.object({ kind: z.enum(RECORD_KINDS), rows: z.array(z.record(z.string(), z.unknown())) })).optional(),
  files: z.array(
    z.object({
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      size: z.number().int().min(0),
      type: z.string().max(200),
      uploaded: z.literal(1).optional(),
      pending: z.literal(1).optional(),
      hasData: z.boolean(),
    }),
  ),
});

// ---------------------------------------------------------------------------- header

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
  /** The office: the id of its org.setUp event. */
  officeId: z.string().uuid(),
  deviceId: z.string().uuid(),
  createdAt: z.string().datetime(),
  plaintextSha256: z.string().regex(/^[0-9a-f]{64}$/),
  plaintextBytes: z.number().int().min(4),
  compression: z.literal('gzip'),
  kdf: z.object({ name: z.literal('PBKDF2'), hash: z.literal('SHA-256'), iterations: z.number().int().min(BACKUP_ITERATIONS).max(MAX_ITERATIONS), salt: z.string().regex(/^[0-9a-f]{32}$/) }),
  keyCheck: z.string().regex(/^[0-9a-f]{64}$/),
  cipher: z.object({ name: z.literal('AES-GCM'), iv: z.string().regex(/^[0-9a-f]{24}$/) }),
  counts: z.object({ events: z.number().int().min(0), outbox: z.number().int().min(0), files: z.number().int().min(0) }),
  headerSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupHeader = z.infer<typeof headerSchema>;

// ---------------------------------------------------------------------------- keys

/** A backup key: the AES key (non-extractable) with the salt and iterations it came from. */
export interface BackupKey {
  salt: string;
  iterations: number;
  /** SHA-256 of the derivation's second half: tells a wrong passphrase from a damaged file. */
  check: string;
  key: CryptoKeyLike;
}

/** Derives the backup key of a passphrase (a new random salt unless one is given). ~0.5 s. */
export async function deriveBackupKey(passphrase: string, salt?: string, iterations = BACKUP_ITERATIONS): Promise<BackupKey> {
  const c = webCrypto();
  const saltBytes = salt ? fromHex(salt) : c.getRandomValues(new Uint8Array(16));
  const base = await c.subtle.importKey('raw', utf8ToBytes(`meja-it/backup\n${passphrase}`), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await c.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: saltBytes, iterations }, base, 512));
  try {
    const key = await c.subtle.importKey('raw', bits.slice(0, 32), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
    return { salt: toHex(saltBytes), iterations, check: toHex(sha256(bits.slice(32))), key };
  } finally {
    bits.fill(0);
  }
}

// ---------------------------------------------------------------------------- bytes

interface StreamPair {
  writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readable: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }> } };
}
type StreamCtor = new (format: 'gzip') => StreamPair;

/** gzip through the platform's CompressionStream (browsers, Electron, Node ≥ 18). */
async function gzip(bytes: Uint8Array, mode: 'compress' | 'decompress'): Promise<Uint8Array> {
  const g = globalThis as unknown as { CompressionStream?: StreamCtor; DecompressionStream?: StreamCtor };
  const Ctor = mode === 'compress' ? g.CompressionStream : g.DecompressionStream;
  if (!Ctor) throw new Error('CompressionStream is not available');
  const stream = new Ctor('gzip');
  const writer = stream.writable.getWriter();
  // Written while read: awaiting the write first would wait on a reader that never comes.
  const written = writer.write(bytes).then(() => writer.close());
  written.catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value) {
      chunks.push(value);
      length += value.byteLength;
    }
  }
  await written;
  return concat(chunks, length);
}

function concat(chunks: readonly Uint8Array[], length = chunks.reduce((n, c) => n + c.byteLength, 0)): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}
const utf8Decoder = (): Utf8Decoder => new (globalThis as unknown as { TextDecoder: new (label: string, o: { fatal: boolean }) => Utf8Decoder }).TextDecoder('utf-8', { fatal: true });

async function sha256Bytes(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await webCrypto().subtle.digest('SHA-256', bytes)));
}

/** The plaintext: length-prefixed JSON, then the evidence files' bytes. */
function encodePlaintext(content: BackupContent): Uint8Array {
  const files = content.files.map(({ data, ...row }) => ({ ...row, hasData: !!data }));
  const json = utf8ToBytes(JSON.stringify({ ...content, files }));
  const head = new Uint8Array(4);
  new DataView(head.buffer).setUint32(0, json.byteLength);
  return concat([head, json, ...content.files.flatMap((f) => (f.data ? [f.data] : []))]);
}

function decodePlaintext(bytes: Uint8Array): BackupContent | null {
  if (bytes.byteLength < 4) return null;
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (4 + length > bytes.byteLength) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(utf8Decoder().decode(bytes.subarray(4, 4 + length)));
  } catch {
    return null;
  }
  const parsed = contentSchema.safeParse(raw);
  if (!parsed.success) return null;
  let at = 4 + length;
  const files: BackupFile[] = [];
  for (const { hasData, ...row } of parsed.data.files) {
    if (!hasData) {
      files.push(row);
      continue;
    }
    if (at + row.size > bytes.byteLength) return null;
    files.push({ ...row, data: bytes.slice(at, at + row.size) });
    at += row.size;
  }
  if (at !== bytes.byteLength) return null;
  return { ...parsed.data, events: parsed.data.events as DomainEvent[], files } as BackupContent;
}

// ---------------------------------------------------------------------------- files

export interface BackupIdentity {
  officeId: string;
  deviceId: string;
  createdAt: Date;
}

/** Encrypts a console's content into a backup file. */
export async function sealBackup(content: BackupContent, id: BackupIdentity, key: BackupKey): Promise<Uint8Array> {
  const c = webCrypto();
  const plaintext = encodePlaintext(content);
  const iv = c.getRandomValues(new Uint8Array(12));
  const body: Omit<BackupHeader, 'headerSha256'> = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: SCHEMA_VERSION,
    officeId: id.officeId,
    deviceId: id.deviceId,
    createdAt: id.createdAt.toISOString(),
    plaintextSha256: await sha256Bytes(plaintext),
    plaintextBytes: plaintext.byteLength,
    compression: 'gzip',
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: key.iterations, salt: key.salt },
    keyCheck: key.check,
    cipher: { name: 'AES-GCM', iv: toHex(iv) },
    counts: { events: content.events.length, outbox: content.outbox.length, files: content.files.length },
  };
  const header: BackupHeader = { ...body, headerSha256: sha256Hex(canonicalJson(body)) };
  const headerLine = utf8ToBytes(JSON.stringify(header));
  const compressed = await gzip(plaintext, 'compress');
  const cipher = new Uint8Array(await c.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: headerLine }, key.key, compressed));
  return concat([utf8ToBytes(MAGIC), headerLine, utf8ToBytes('\n'), cipher]);
}

/** True when the bytes begin like a backup file (a cheap check for what the desktop writes). */
export function looksLikeBackup(bytes: Uint8Array): boolean {
  const magic = utf8ToBytes(MAGIC);
  return bytes.byteLength > magic.byteLength && magic.every((b, i) => bytes[i] === b);
}

/** A backup file split into its parts, the header checked. */
export interface BackupParts {
  header: BackupHeader;
  headerLine: Uint8Array;
  ciphertext: Uint8Array;
}

/**
 * Reads a file's header without the passphrase. Refuses what is not a backup
 * (`backup.errors.notBackup`), a damaged header (`backup.errors.damaged`) and a file of a newer
 * format or schema (`backup.errors.newer`).
 */
export function readBackupHeader(bytes: Uint8Array): Result<BackupParts> {
  const magic = utf8ToBytes(MAGIC);
  if (!looksLikeBackup(bytes)) return fail('not-a-backup', 'backup.errors.notBackup');
  const limit = Math.min(bytes.byteLength, magic.byteLength + MAX_HEADER_BYTES);
  let end = -1;
  for (let i = magic.byteLength; i < limit; i++) {
    if (bytes[i] === 0x0a) {
      end = i;
      break;
    }
  }
  if (end < 0) return fail('damaged', 'backup.errors.damaged');
  const headerLine = bytes.slice(magic.byteLength, end);
  let raw: unknown;
  try {
    raw = JSON.parse(utf8Decoder().decode(headerLine));
  } catch {
    return fail('damaged', 'backup.errors.damaged');
  }
  const r = raw as { format?: unknown; version?: unknown; schemaVersion?: unknown } | null;
  if (r?.format !== BACKUP_FORMAT) return fail('damaged', 'backup.errors.damaged');
  if (typeof r.version === 'number' && r.version > BACKUP_VERSION) return fail('newer', 'backup.errors.newer');
  if (typeof r.schemaVersion === 'number' && r.schemaVersion > SCHEMA_VERSION) return fail('newer', 'backup.errors.newer');
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) return fail('damaged', 'backup.errors.damaged');
  const { headerSha256, ...body } = parsed.data;
  if (sha256Hex(canonicalJson(body)) !== headerSha256) return fail('damaged', 'backup.errors.damaged');
  return ok({ header: parsed.data, headerLine, ciphertext: bytes.subarray(end + 1) });
}

/** The key a passphrase gives for this file, or the refusal `wrong-passphrase`. */
export async function keyForBackup(parts: BackupParts, passphrase: string): Promise<Result<BackupKey>> {
  const key = await deriveBackupKey(passphrase, parts.header.kdf.salt, parts.header.kdf.iterations);
  return key.check === parts.header.keyCheck ? ok(key) : fail('wrong-passphrase', 'backup.errors.wrongPassphrase', { field: 'passphrase' });
}

/**
 * Decrypts and checks a backup with its key: the cipher's tag (header included), the
 * decompressed length and SHA-256, the content's shape and every evidence file's hash. Any
 * failure is `backup.errors.damaged`.
 */
export async function decryptBackup(parts: BackupParts, key: BackupKey): Promise<Result<BackupContent>> {
  const c = webCrypto();
  const damaged = fail('damaged', 'backup.errors.damaged');
  let plaintext: Uint8Array;
  try {
    const compressed = new Uint8Array(await c.subtle.decrypt({ name: 'AES-GCM', iv: fromHex(parts.header.cipher.iv), additionalData: parts.headerLine }, key.key, parts.ciphertext));
    plaintext = await gzip(compressed, 'decompress');
  } catch {
    return damaged;
  }
  if (plaintext.byteLength !== parts.header.plaintextBytes || (await sha256Bytes(plaintext)) !== parts.header.plaintextSha256) return damaged;
  const content = decodePlaintext(plaintext);
  if (!content) return damaged;
  for (const f of content.files) {
    if (f.data && (f.data.byteLength !== f.size || (await sha256Bytes(f.data)) !== f.hash)) return damaged;
  }
  if (content.device.deviceId !== parts.header.deviceId) return damaged;
  return ok(content);
}

/** Opens a backup file with its passphrase: header, key, content. */
export async function openBackup(bytes: Uint8Array, passphrase: string): Promise<Result<{ header: BackupHeader; content: BackupContent; key: BackupKey }>> {
  const parts = readBackupHeader(bytes);
  if (!parts.ok) return parts;
  const key = await keyForBackup(parts.data, passphrase);
  if (!key.ok) return key;
  const content = await decryptBackup(parts.data, key.data);
  if (!content.ok) return content;
  return ok({ header: parts.data.header, content: content.data, key: key.data });
}
