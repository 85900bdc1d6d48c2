/**
 * The sync protocol between consoles and the sync server (ARCHITECTURE.md "Sync"). Every
 * request names the schema version; an older client is told to update and keeps its outbox.
 */
import { z } from 'zod';
import { RECORD_KINDS } from '../events';
import { HEX32, HEX64 } from './device-auth';

/**
 * Bumped when events or the protocol change incompatibly — among them a new record kind, which
 * a console of the previous version could not fold: such a console is told to update (426)
 * instead of pulling events it cannot read. 1: visits, users, office. 2: assets, employees,
 * handovers, tickets, incidents, access requests, office days, restores (test/shared/protocol.test.ts
 * holds the kinds of each version, so a new kind without a new version fails there). 3: signed
 * events — each carries its command (`cmd`, `command`) and its actor's signature; the server
 * refuses unsigned events, so a console of version 2 is told to update and keeps its outbox.
 */
export const SCHEMA_VERSION = 3;
/** A push carries at most this many events… */
export const MAX_PUSH_EVENTS = 500;
/** …and at most this many bytes of JSON. Clients split larger pushes. */
export const MAX_PUSH_BYTES = 1_000_000;
/** A push of one command alone may be larger (an import of up to 20,000 rows). */
export const MAX_COMMAND_PUSH_BYTES = 32_000_000;
export const MAX_PULL_LIMIT = 2000;

const signatureSchema = z.object({ by: z.string().min(1).max(100), key: z.string().regex(/^[0-9a-f]{16}$/), sig: z.string().regex(/^[0-9a-f]{128}$/) }).strict();

export const eventSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(RECORD_KINDS),
  recordId: z.string().min(1).max(100),
  type: z.string().regex(/^[a-z]+\.[a-zA-Z]+$/),
  payload: z.record(z.string(), z.unknown()),
  actorId: z.string().min(1).max(100),
  deviceId: z.string().uuid(),
  deviceSeq: z.number().int().positive(),
  hlc: z.string().regex(/^\d{15}:\d{6}:.+$/),
  at: z.string().datetime(),
  prevHash: z.string().regex(/^([0-9a-f]{64})?$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  cmd: z.object({ id: z.string().uuid(), i: z.number().int().min(0), n: z.number().int().min(1) }).strict().optional(),
  command: z.object({ type: z.string().regex(/^[a-z]+\.[a-zA-Z]+$/), input: z.unknown() }).strict().optional(),
  sig: signatureSchema.optional(),
  cosigs: z.array(signatureSchema).max(4).optional(),
});

/** What the server decided about an event. Rejected events are kept and synced back. */
export type EventStatus = 'accepted' | 'rejected';

export const pushRequestSchema = z.object({
  schemaVersion: z.number().int(),
  deviceId: z.string().uuid(),
  events: z.array(eventSchema).max(20_000),
  /**
   * Ed25519 signature by the device's key over `meja-it/push/v1\n<deviceId>\n<hash of the
   * batch's last event>` (./device-auth.ts). Optional here so that a push without one is
   * answered 401 `device-signature` rather than 400; the route requires it.
   */
  deviceSignature: z.string().regex(HEX64).optional(),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export interface PushResult {
  id: string;
  status: EventStatus;
  /** i18n key of the rejection reason. */
  reason?: string;
  /** The field the refusal names (a replay that differs, a bad signature). */
  field?: string;
  serverVersion: number;
}

export interface PushResponse {
  results: PushResult[];
  /** Set when the server stopped at a gap in the device's sequence: the next seq it expects. */
  expectedSeq?: number;
}

export const pullRequestSchema = z.object({
  schemaVersion: z.number().int(),
  /** The highest server version the client has; 0 at first. */
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

/** An event as the server returns it: with its status and its place in the server's order. */
export interface SyncedEvent {
  event: z.infer<typeof eventSchema>;
  status: EventStatus;
  reason?: string;
  field?: string;
  serverVersion: number;
}

export interface PullResponse {
  events: SyncedEvent[];
  cursor: number;
  hasMore: boolean;
}

/** A snapshot page: projection rows after `after` (kind, recordId), as of version `asOf`. */
export const MAX_SNAPSHOT_LIMIT = 5000;
export const snapshotRequestSchema = z.object({
  schemaVersion: z.number().int(),
  /** Fixed by the first page's answer; absent on the first page. */
  asOf: z.number().int().min(0).optional(),
  after: z.tuple([z.enum(RECORD_KINDS), z.string().min(1).max(100)]).optional(),
  limit: z.number().int().min(1).max(MAX_SNAPSHOT_LIMIT).default(2000),
});
export type SnapshotRequest = z.infer<typeof snapshotRequestSchema>;

export interface SnapshotRecord {
  kind: (typeof RECORD_KINDS)[number];
  recordId: string;
  state: unknown;
}

export interface SnapshotResponse {
  /** The server version this snapshot reflects: pull from here once every page is in. */
  asOf: number;
  records: SnapshotRecord[];
  /** Records changed after `asOf` come as their events up to `asOf` (to fold), not as rows. */
  events: SyncedEvent[];
  /** The key to ask for the next page after; null on the last page. */
  next: [SnapshotRecord['kind'], string] | null;
}

/** The events of some records up to a version: a snapshot console fetching a record's history. */
export const MAX_HISTORY_RECORDS = 200;
export const historyRequestSchema = z.object({
  schemaVersion: z.number().int(),
  records: z.array(z.tuple([z.enum(RECORD_KINDS), z.string().min(1).max(100)])).min(1).max(MAX_HISTORY_RECORDS),
  upTo: z.number().int().min(0),
});
export type HistoryRequest = z.infer<typeof historyRequestSchema>;

/** A single-use challenge for a device to sign before it signs in or bootstraps (2 min). */
export const challengeRequestSchema = z.object({
  schemaVersion: z.number().int(),
  deviceId: z.string().uuid(),
});
export interface ChallengeResponse {
  /** 32 random bytes, hex. */
  challenge: string;
}

/**
 * The proof that a device holds its key (./device-auth.ts): its raw public key, a challenge the
 * server issued for this device id, and the signature over `deviceAuthMessage`.
 */
export const deviceProofSchema = z.object({
  devicePublicKey: z.string().regex(HEX32),
  challenge: z.string().regex(HEX32),
  deviceSignature: z.string().regex(HEX64),
});

export const signInRequestSchema = z.object({
  schemaVersion: z.number().int(),
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  deviceId: z.string().uuid(),
  deviceName: z.string().trim().min(1).max(100),
  ...deviceProofSchema.shape,
  /**
   * A console restored from a backup (docs/sync.md "A desk restored from a backup"): its device
   * id is on file with the old desk's key, which could not leave the old disk. With this flag an
   * admin's sign-in binds the device id to the key the proof is signed with instead.
   */
  replaceKey: z.boolean().optional(),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

/** Upgrade: a user made before signed events proves their password for the key they enrol. */
export const keyProofRequestSchema = z.object({
  schemaVersion: z.number().int(),
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  publicKey: z.string().regex(/^[0-9a-f]{64}$/),
});

export interface SignInResponse {
  /** Bearer token for this device; revocable by an admin. */
  token: string;
  userId: string;
}

/** Error bodies: `{ error: { code, message } }` with an i18n key as message. */
export interface ApiError {
  error: { code: string; message: string };
}

/**
 * Enrolment of the first device on an empty server: the device that set the office up sends
 * its org.setUp and the first admin's user.created (deviceSeq 1 and 2). Refused (409) once the
 * server has a user; the device then signs in instead.
 */
export const bootstrapRequestSchema = z.object({
  schemaVersion: z.number().int(),
  deviceId: z.string().uuid(),
  deviceName: z.string().trim().min(1).max(100),
  events: z.array(eventSchema).length(2),
  ...deviceProofSchema.shape,
});
export type BootstrapRequest = z.infer<typeof bootstrapRequestSchema>;

/** A device enrolled on the server, as GET /api/devices lists it for an admin. */
export interface DeviceInfo {
  id: string;
  name: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** Whether the device's key is on file (false: enrolled before device keys, not signed in since). */
  hasKey: boolean;
}

/** What the server's auth audit log records (GET /api/audit). */
export const AUTH_AUDIT_EVENTS = [
  'sign-in',
  'sign-in-failed',
  'sign-in-throttled',
  'device-enrolled',
  'device-key-registered',
  'device-key-mismatch',
  'device-signature-invalid',
  'bootstrap',
  'device-revoked',
  'key-proven',
  'key-proof-failed',
  'device-key-replaced',
] as const;
export type AuthAuditEvent = (typeof AUTH_AUDIT_EVENTS)[number];

/** One row of the auth audit log, as an admin reads it. */
export interface AuthAuditEntry {
  id: number;
  at: string;
  event: AuthAuditEvent;
  /** The username typed at a sign-in (known user or not). */
  username: string | null;
  /** The user concerned: who signed in, or the admin who revoked a device. */
  userId: string | null;
  deviceId: string | null;
  deviceName: string | null;
  /** The client's address as the server saw it. */
  address: string | null;
  /** Why an attempt was refused (an error code), when it was. */
  detail: string | null;
}

export const MAX_AUDIT_LIMIT = 200;
/** GET /api/audit?before=<id>&limit=<n>: newest first; `before` pages back. */
export const auditQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_LIMIT).default(50),
});

export interface AuthAuditPage {
  entries: AuthAuditEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: number | null;
}

/** The SSE poke (GET /api/sync/events, event 'poke'): events up to `version` are committed. */
export interface PokeData {
  version: number;
}
