/**
 * The sync server's logic, apart from HTTP: push, pull, enrolment (bootstrap, sign-in) and
 * device administration, over the Db interface (PGlite or PostgreSQL).
 *
 * ## Ordering: why a pull never skips a late-committing event
 *
 * Every write transaction starts with `SELECT … FROM sync_state FOR UPDATE` and, when it
 * stores an event, takes the event's server version with
 * `UPDATE sync_state SET version = version + 1 RETURNING version` — in the SAME transaction
 * that inserts the event. The row lock is held until COMMIT, so a second writer waits at its
 * first statement until the first one has committed (or rolled back, which also rolls back
 * its increment). Hence versions are handed out in commit order: when version N is visible
 * to a reader, every version below N is already committed (or was never used). A pull
 * (`WHERE server_version > $cursor ORDER BY server_version LIMIT n`, one statement, one
 * snapshot) therefore always sees a gap-free prefix of the log, and a client that advances its
 * cursor to the last version it received can never jump over a row that commits later.
 * A sequence (nextval) would NOT give this: numbers are taken at insert time and transactions
 * may commit in another order, so a pull could see N+1 before N commits and skip N forever.
 *
 * Taking the lock before reading anything also serialises the validation: two devices that
 * both approved the same visit offline are checked one after the other against the folded
 * state, so exactly one approval is accepted. The price is one writer at a time per database,
 * which is plenty for an office (each event's transaction is a handful of short statements).
 */
import { createHash, randomBytes } from 'node:crypto';
import { ORG_ID, orgProfileSchema } from '../../shared/domain/org/state';
import { foldRecord, folds } from '../../shared/domain/registry';
import { userCreateInput } from '../../shared/domain/user/commands';
import type { PasswordHash, UserState } from '../../shared/domain/user/state';
import { type DomainEvent, type RecordKind } from '../../shared/events';
import { PASSWORD_ITERATIONS, verifyPassword } from '../../shared/password';
import type { Actor, Role } from '../../shared/roles';
import { chainHashOf, checkGroupShape, contentHashOf, type DeferSignature, keysWithBatch, type KeysOf, MAX_COMMAND_EVENTS, parseCommand, type ParsedCommand, replayGroup, requiredCosigners, verifyGroupSignatures } from '../../shared/sync/replay';
import type { Result } from '../../shared/result';
import { verifyEd25519 } from './verify';
import { startPushChecks, type PushChecks, type SigJob } from './push-checks';
import { contentCheckOf, envelopeTextOf } from './event-texts';
import { insertEvents, Overlay, upsertProjections, type EventInsert } from './batch';
import { keyIdOf, signedMessage, type VerifySignature } from '../../shared/signing';
import type {
  AuthAuditPage, BootstrapRequest, DeviceInfo, PullRequest, PullResponse, PushRequest, PushResponse, PushResult, SignInRequest, SignInResponse, SnapshotRequest,
  SnapshotResponse, SyncedEvent,
} from '../../shared/sync/protocol';
import { isUniqueViolation, type Db, type Queryable } from '../db/db';
import type { VerifyPassword } from '../../shared/auth/signin';
import { waitSeconds } from '../../shared/auth/throttle';
import {
  audit, auditPage, checkDeviceProof, issueChallenge, noteFailure, noteSuccess, pushSigned, throttleWait, type AuditInput, type ThrottleKeys,
} from './auth';

/** A refusal that becomes an HTTP error `{ error: { code, message } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: string,
    /** Seconds until a throttled request may be tried again (sent as Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(code);
  }
}

/** Every refusal the sync API makes; messages are i18n keys under sync.errors.*. */
export const apiErrors = {
  malformed: () => new ApiError(400, 'malformed', 'sync.errors.malformed'),
  tooLarge: () => new ApiError(413, 'too-large', 'sync.errors.tooLarge'),
  updateRequired: () => new ApiError(426, 'update-required', 'sync.errors.updateRequired'),
  unauthorized: () => new ApiError(401, 'unauthorized', 'sync.errors.unauthorized'),
  deviceRevoked: (status = 401) => new ApiError(status, 'device-revoked', 'sync.errors.deviceRevoked'),
  userInactive: () => new ApiError(401, 'user-inactive', 'sync.errors.userInactive'),
  invalidCredentials: () => new ApiError(401, 'invalid-credentials', 'sync.errors.invalidCredentials'),
  deviceSignature: () => new ApiError(401, 'device-signature', 'sync.errors.deviceSignature'),
  deviceKeyMismatch: () => new ApiError(403, 'device-key-mismatch', 'sync.errors.deviceKeyMismatch'),
  replaceKeyAdminOnly: () => new ApiError(403, 'replace-key-admin-only', 'sync.errors.replaceKeyAdminOnly'),
  throttled: (seconds: number) => new ApiError(429, 'throttled', 'sync.errors.throttled', seconds),
  deviceMismatch: () => new ApiError(403, 'device-mismatch', 'sync.errors.deviceMismatch'),
  forbidden: () => new ApiError(403, 'forbidden', 'sync.errors.forbidden'),
  deviceNotFound: () => new ApiError(404, 'device-not-found', 'sync.errors.deviceNotFound'),
  alreadySetUp: () => new ApiError(409, 'already-set-up', 'sync.errors.alreadySetUp'),
  bootstrapInvalid: () => new ApiError(400, 'bootstrap-invalid', 'sync.errors.bootstrapInvalid'),
  incompleteCommand: () => new ApiError(400, 'incomplete-command', 'sync.errors.incompleteCommand'),
  unavailable: () => new ApiError(503, 'unavailable', 'sync.errors.unavailable'),
  server: () => new ApiError(500, 'server', 'sync.errors.server'),
};

/** How long a poke-stream ticket may be used (once). */
export const EVENT_TICKET_TTL_MS = 60_000;

/** The reason stored with an event whose chain link or hash is wrong. */
export const CHAIN_REASON = 'sync.errors.chain';

/** Test seams. */
export interface SyncHooks {
  /** Runs inside an event's transaction after its rows are written, before COMMIT. */
  beforeCommit?(event: DomainEvent): Promise<void> | void;
  /** The clock of the auth defences (throttle, challenges, audit), ms since the epoch. */
  now?(): number;
  /** The password check of a sign-in (tests count the calls). */
  verifyPassword?: VerifyPassword;
}

/** The device a token belongs to, and its signed-in user. */
export interface AuthedDevice {
  id: string;
  name: string;
  userId: string;
  roles: readonly Role[];
  /** The device's Ed25519 public key (hex); null for a device enrolled before keys existed. */
  publicKey: string | null;
}

type Outcome = { kind: 'result'; result: PushResult; inserted: boolean } | { kind: 'gap'; expectedSeq: number };

interface EventRow {
  id: string;
  device_id: string;
  device_seq: string | number;
  kind: RecordKind;
  record_id: string;
  type: string;
  payload: Record<string, unknown>;
  actor_id: string;
  hlc: string;
  at_text: string;
  prev_hash: string;
  hash: string;
  status: 'accepted' | 'rejected';
  reason: string | null;
  server_version: string | number;
  envelope: { cmd?: DomainEvent['cmd']; command?: DomainEvent['command']; sig?: DomainEvent['sig']; cosigs?: DomainEvent['cosigs'] } | null;
  reason_field: string | null;
}

const EVENT_COLUMNS = 'id, device_id, device_seq, kind, record_id, type, payload, actor_id, hlc, at_text, prev_hash, hash, status, reason, server_version, envelope, reason_field';

const toEvent = (r: EventRow): DomainEvent => ({
  id: r.id,
  kind: r.kind,
  recordId: r.record_id,
  type: r.type,
  payload: r.payload,
  actorId: r.actor_id,
  deviceId: r.device_id,
  deviceSeq: Number(r.device_seq),
  hlc: r.hlc,
  at: r.at_text,
  prevHash: r.prev_hash,
  hash: r.hash,
  ...(r.envelope?.cmd ? { cmd: r.envelope.cmd } : {}),
  ...(r.envelope?.command ? { command: r.envelope.command } : {}),
  ...(r.envelope?.sig ? { sig: r.envelope.sig } : {}),
  ...(r.envelope?.cosigs ? { cosigs: r.envelope.cosigs } : {}),
});

const toResult = (r: Pick<EventRow, 'id' | 'status' | 'reason' | 'server_version'> & { reason_field?: string | null }): PushResult => ({
  id: r.id,
  status: r.status,
  ...(r.reason ? { reason: r.reason } : {}),
  ...(r.reason_field ? { field: r.reason_field } : {}),
  serverVersion: Number(r.server_version),
});

/** SHA-256 of a token: the only form in which the server keeps it. */
export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A verifier no password matches, so an unknown username costs as much as a wrong password. */
const DUMMY_VERIFIER: PasswordHash = { alg: 'PBKDF2-SHA256', iterations: PASSWORD_ITERATIONS, salt: '00'.repeat(16), hash: '00'.repeat(32) };

const iso = (v: unknown): string | null => (v == null ? null : new Date(v as string | Date).toISOString());

async function projection<T>(q: Queryable, kind: RecordKind, recordId: string): Promise<T | undefined> {
  const [row] = await q.query<{ state: T }>(`SELECT state FROM projections WHERE kind = $1 AND record_id = $2`, [kind, recordId]);
  return row?.state;
}

async function userByUsername(q: Queryable, username: string): Promise<UserState | undefined> {
  const [row] = await q.query<{ state: UserState }>(`SELECT state FROM projections WHERE kind = 'user' AND state->>'username' = $1 LIMIT 1`, [
    username.trim().toLowerCase(),
  ]);
  return row?.state;
}

async function countUsers(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM projections WHERE kind = 'user'`);
  return Number(row?.n ?? 0);
}

/** Takes the write lock (see the header comment). Every write transaction starts with it. */
async function lockWrites(tx: Queryable): Promise<void> {
  await tx.query(`SELECT version FROM sync_state WHERE id FOR UPDATE`);
}

/** The next `n` server versions (returns the first), inside the transaction holding the write lock. */
async function reserveVersions(tx: Queryable, n: number): Promise<number> {
  const [row] = await tx.query<{ version: string | number }>(`UPDATE sync_state SET version = version + $1 WHERE id RETURNING version`, [n]);
  return Number(row!.version) - n + 1;
}

/** A push decided ahead of its checks found one failed (SyncService.processBatch): decided again in order. */
class ChecksFailed extends Error {}

/** A command's verdict: accepted with the folded states it produces, or refused with its reason. */
type GroupDecision = { ok: true } | { ok: false; reason: string; field?: string };

/** The outcomes in the push's order (stored ones answered as they come, new ones after the writes), a gap last. */
function sortOutcomes(out: Outcome[], events: readonly DomainEvent[]): Outcome[] {
  const order = new Map(events.map((e, i) => [e.id, i]));
  const results = out.filter((o): o is Extract<Outcome, { kind: 'result' }> => o.kind === 'result').sort((a, b) => (order.get(a.result.id) ?? 0) - (order.get(b.result.id) ?? 0));
  const gap = out.find((o) => o.kind === 'gap');
  return gap ? [...results, gap] : results;
}

/**
 * The signature checks one push needs, in event order: each signature against the key it names,
 * from the signer's keys (any, retired included) and those the push introduces. Which key may
 * sign is still decided command by command (`verifyGroupSignatures`); these only start the checks.
 */
function signatureJobs(events: readonly DomainEvent[], keysOfUser: KeysOf): SigJob[] {
  const keysOf = keysWithBatch(keysOfUser, events);
  const jobs: SigJob[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.sig) addJob(jobs, i, keysOf, e.sig);
    if (e.cosigs) for (const s of e.cosigs) addJob(jobs, i, keysOf, s);
  }
  return jobs;
}

function addJob(jobs: SigJob[], i: number, keysOf: KeysOf, s: { by: string; key: string; sig: string }): void {
  const key = keysOf(s.by)?.find((k) => k.keyId === s.key);
  if (key) jobs.push({ i, publicKey: key.publicKey, sig: s.sig });
}

export class SyncService {
  constructor(
    readonly db: Db,
    private readonly hooks: SyncHooks = {},
  ) {}

  /** The last server version handed out. */
  async currentVersion(): Promise<number> {
    const [row] = await this.db.query<{ version: string | number }>(`SELECT version FROM sync_state WHERE id`);
    return Number(row?.version ?? 0);
  }

  /** The auth defences' clock (a test seam). */
  private now(): number {
    return this.hooks.now?.() ?? Date.now();
  }

  /** The device behind a bearer token; refuses unknown and revoked tokens and inactive users. */
  async authenticate(token: string | undefined): Promise<AuthedDevice> {
    if (!token) throw apiErrors.unauthorized();
    return this.deviceWhere(`token_hash = $1`, tokenHash(token));
  }

  /** A device by its id, with the same checks as a token (a poke stream re-checks its device on each heartbeat). */
  async authenticateDevice(deviceId: string): Promise<AuthedDevice> {
    return this.deviceWhere(`id = $1::uuid`, deviceId);
  }

  /**
   * A single-use ticket for the poke stream of an authenticated device, valid EVENT_TICKET_TTL_MS
   * (an EventSource cannot send the Authorization header; the token stays out of URLs).
   */
  async eventTicket(device: AuthedDevice): Promise<{ ticket: string; expiresIn: number }> {
    const ticket = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.db.query(`DELETE FROM event_tickets WHERE expires_at <= $1::timestamptz`, [new Date(now).toISOString()]);
    await this.db.query(`INSERT INTO event_tickets (ticket_hash, device_id, expires_at) VALUES ($1, $2::uuid, $3::timestamptz)`, [
      tokenHash(ticket),
      device.id,
      new Date(now + EVENT_TICKET_TTL_MS).toISOString(),
    ]);
    return { ticket, expiresIn: EVENT_TICKET_TTL_MS / 1000 };
  }

  /** Uses up a poke-stream ticket: its device, checked like a token; 401 when unknown, used or expired. */
  async redeemEventTicket(ticket: string | undefined): Promise<AuthedDevice> {
    if (!ticket) throw apiErrors.unauthorized();
    const [row] = await this.db.query<{ device_id: string; expires_at: unknown }>(`DELETE FROM event_tickets WHERE ticket_hash = $1 RETURNING device_id, expires_at`, [tokenHash(ticket)]);
    if (!row || new Date(row.expires_at as string | Date).getTime() <= this.now()) throw apiErrors.unauthorized();
    return this.authenticateDevice(row.device_id);
  }

  private async deviceWhere(where: string, value: string): Promise<AuthedDevice> {
    // The device and its user in one statement (every request of a device comes through here).
    const [d] = await this.db.query<{ id: string; user_id: string; name: string; revoked_at: unknown; public_key: string | null; user: UserState | null }>(
      `SELECT d.id, d.user_id, d.name, d.revoked_at, d.public_key, p.state AS user
       FROM devices d LEFT JOIN projections p ON p.kind = 'user' AND p.record_id = d.user_id::text WHERE d.${where}`,
      [value],
    );
    if (!d) throw apiErrors.unauthorized();
    if (d.revoked_at) throw apiErrors.deviceRevoked();
    const user = d.user;
    if (!user?.active) throw apiErrors.userInactive();
    // "Last seen" to the minute: written at most once a minute per device by this instance.
    const now = this.now();
    if ((this.seenAt.get(d.id) ?? -Infinity) <= now - 60_000) {
      this.seenAt.set(d.id, now);
      await this.db.query(`UPDATE devices SET last_seen_at = now() WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')`, [d.id]);
    }
    return { id: d.id, name: d.name, userId: d.user_id, roles: user.roles, publicKey: d.public_key };
  }

  /** When this instance last wrote each device's "last seen" (ms). */
  private readonly seenAt = new Map<string, number>();

  /**
   * A token is valid only with its device: a push must be signed by the device's registered key
   * over its last event's hash (./auth.ts pushSigned). Missing or wrong → 401 device-signature.
   */
  async checkPushSignature(device: AuthedDevice, req: PushRequest): Promise<void> {
    if (!(await pushSigned(device.publicKey, device.id, req.events, req.deviceSignature))) throw apiErrors.deviceSignature();
  }

  /** A single-use challenge for a device to sign before it signs in or bootstraps. */
  async challenge(deviceId: string): Promise<{ challenge: string }> {
    return { challenge: await issueChallenge(this.db, deviceId, this.now()) };
  }

  /**
   * Stores a device's events in deviceSeq order, the whole push in one transaction under the
   * write lock (one lock and one commit per push, not per event). Idempotent: an event already
   * stored answers with its stored result. Stops at a gap and names the seq it expects.
   */
  async push(device: AuthedDevice, req: PushRequest): Promise<PushResponse> {
    if (req.deviceId !== device.id) throw apiErrors.deviceMismatch();
    const events = [...(req.events as DomainEvent[])].sort((a, b) => a.deviceSeq - b.deviceSeq);
    const outcomes = await this.storeAll(events, await this.startChecks(events));
    const results: PushResult[] = [];
    let expectedSeq: number | undefined;
    let newest = 0;
    for (const out of outcomes) {
      if (out.kind === 'gap') {
        expectedSeq = out.expectedSeq;
        break;
      }
      results.push(out.result);
      if (out.inserted) newest = Math.max(newest, out.result.serverVersion);
    }
    if (newest > 0) await this.db.notify(newest).catch(() => undefined);
    return expectedSeq === undefined ? { results } : { results, expectedSeq };
  }

  /**
   * Starts a push's hashes and signature checks before its transaction, so that the worker
   * threads work while the request waits for the write lock, loads its state and replays. The
   * keys are read here, outside the lock: a signature checked against a key that is no longer
   * the one its signer may use is not taken (which key may sign is decided under the lock).
   */
  private async startChecks(events: readonly DomainEvent[]): Promise<PushChecks> {
    let keys = this.userKeys;
    if (!keys) {
      const rows = await this.db.query<{ record_id: string; keys: UserState['keys'] | null }>(`SELECT record_id, state->'keys' AS keys FROM projections WHERE kind = 'user'`);
      keys = new Map(rows.map((r) => [r.record_id, r.keys ?? undefined]));
    }
    const known = keys;
    return startPushChecks(events, signatureJobs(events, (id) => known.get(id)));
  }

  /**
   * Every user's keys as the last push read them under the lock: what the next push's checks
   * start with (a key changed since only means that check is made again, on the spot).
   */
  private userKeys?: Map<string, UserState['keys'] | undefined>;

  /**
   * The events in one transaction, up to the first gap; a unique-constraint race is retried.
   * While the push's checks run beside it, the push is first decided ahead of them (`ahead`);
   * if any check then fails, that attempt is rolled back and the push decided again with every
   * check in its place, so what is stored is what the checks in order decide.
   */
  private async storeAll(events: DomainEvent[], checks: PushChecks): Promise<Outcome[]> {
    let ahead = checks.beside;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction(async (tx) => {
          await lockWrites(tx);
          return this.processBatch(tx, events, false, checks, ahead);
        });
      } catch (error) {
        if (error instanceof ChecksFailed && ahead) {
          ahead = false;
          continue;
        }
        if (isUniqueViolation(error) && attempt < 3) continue;
        throw error;
      }
    }
  }

  /**
   * Decides and writes a device's events, command by command, up to the first gap. A command's
   * events are accepted or refused together. The state the push touches is loaded once
   * (`Overlay`), the commands are re-checked in order against it, and the rows are written in a
   * few multi-row statements at the end. The caller holds the write lock in `tx`.
   *
   * `ahead` (a push whose checks run beside it on worker threads, ./push-checks.ts): the
   * commands are decided without waiting for the checks — each chain link is followed here, but
   * each event's hash, content check and signature verdict are taken as passed — and all of
   * them are looked at before the event rows are written. Any that fails throws
   * `ChecksFailed`: the caller rolls back and decides the push again without `ahead`.
   */
  private async processBatch(tx: Queryable, events: DomainEvent[], bootstrap: boolean, pushChecks?: PushChecks, ahead = false): Promise<Outcome[]> {
    const out: Outcome[] = [];
    if (events.length === 0) return out;
    const deviceId = events[0]!.deviceId;
    const [head] = await tx.query<{ last_seq: string | number; last_hash: string }>(`SELECT last_seq, last_hash FROM device_heads WHERE device_id = $1`, [deviceId]);
    let lastSeq = Number(head?.last_seq ?? 0);
    let lastHash = head?.last_hash ?? '';
    // What is stored already (a retried push), in one query. The device's stored events are
    // all at or below its head: a push wholly beyond it can only meet other events' ids.
    const beyondHead = events.every((e) => e.deviceSeq > lastSeq);
    const stored = beyondHead
      ? await tx.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ANY($1::uuid[])`, [events.map((e) => e.id)])
      : await tx.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ANY($1::uuid[]) OR (device_id = $2 AND device_seq = ANY($3::bigint[]))`, [
          events.map((e) => e.id),
          deviceId,
          events.map((e) => e.deviceSeq),
        ]);
    // The state every command of the push addresses or changes, loaded once.
    const overlay = new Overlay(tx);
    await overlay.loadUsers();
    this.userKeys = overlay.userKeys();
    const records: { kind: RecordKind; id: string }[] = [{ kind: 'org', id: ORG_ID }];
    // Each command parsed once: for the records it addresses here, for its replay below.
    const parsedCommands = new Map<DomainEvent, Result<ParsedCommand>>();
    for (const e of events) {
      records.push({ kind: e.kind, id: e.recordId });
      if (e.command) {
        const c = parseCommand(e.command.type, e.command.input);
        parsedCommands.set(e, c);
        if (c.ok) records.push({ kind: c.data.kind, id: c.data.recordId });
      }
    }
    await overlay.load(records);
    await overlay.loadBadges();
    await overlay.loadHeldIds();
    // Both hashes of every event and every signature checked ahead, off the event loop (worker
    // threads, ./push-checks.ts) while the commands are replayed on it; which key may sign is
    // still decided command by command.
    const checks = pushChecks ?? startPushChecks(events, signatureJobs(events, (id) => overlay.peek<UserState>('user', id)?.keys));
    const deferred: { publicKey: string; e: DomainEvent; sig: string }[] = [];
    const defer: DeferSignature | undefined = ahead ? (publicKey, e, sig) => deferred.push({ publicKey, e, sig }) : undefined;

    const inserts: EventInsert[] = [];
    const decisions: { group: DomainEvent[]; decision: GroupDecision }[] = [];
    let idx = 0;
    while (idx < events.length) {
      const e = events[idx]!;
      const same = stored.filter((r) => r.id === e.id || (r.device_id === e.deviceId && Number(r.device_seq) === e.deviceSeq));
      if (same.length > 0) {
        const match = same.find((r) => r.id === e.id && r.hash === e.hash && r.device_id === e.deviceId && Number(r.device_seq) === e.deviceSeq);
        // The id or the (device, seq) slot is taken by a different event: a forked or forged
        // chain. It cannot be stored; the device keeps it in its conflict inbox.
        out.push(match ? { kind: 'result', result: toResult(match), inserted: false } : { kind: 'result', result: { id: e.id, status: 'rejected', reason: CHAIN_REASON, serverVersion: 0 }, inserted: false });
        idx += 1;
        continue;
      }
      if (e.deviceId !== deviceId) throw apiErrors.malformed();
      if (e.deviceSeq !== lastSeq + 1) {
        out.push({ kind: 'gap', expectedSeq: lastSeq + 1 });
        break;
      }
      // The command's events travel together: a push that cuts one is malformed (clients split
      // pushes between commands, never inside one).
      const n = e.cmd && e.cmd.i === 0 && e.cmd.id === e.id ? e.cmd.n : 1;
      if (n > MAX_COMMAND_EVENTS) throw apiErrors.malformed();
      const group = events.slice(idx, idx + n);
      if (group.length < n) throw apiErrors.incompleteCommand();
      // The chain first: each link and hash (ahead of the checks: each link; the hashes at the end).
      if (!defer) {
        const checked = checks.ready(idx, idx + n - 1);
        if (checked) await checked;
      }
      let prev = lastHash;
      let chainOk = true;
      for (const g of group) {
        if (g.prevHash !== prev || (!defer && chainHashOf(g) !== g.hash)) chainOk = false;
        prev = g.hash;
      }
      const decision: GroupDecision = chainOk ? await this.decideGroup(tx, overlay, group, bootstrap, checks.verify, parsedCommands.get(group[0]!), defer) : { ok: false, reason: CHAIN_REASON };
      decisions.push({ group, decision });
      for (const g of group) {
        inserts.push({
          e: g,
          status: decision.ok ? 'accepted' : 'rejected',
          reason: decision.ok ? null : decision.reason,
          field: decision.ok ? null : (decision.field ?? null),
          version: 0,
          envelope: null,
        });
      }
      const last = group[group.length - 1]!;
      lastSeq = last.deviceSeq;
      lastHash = last.hash;
      idx += group.length;
    }
    if (inserts.length === 0) return out;

    // The writes: versions in order, the changed projections, the head, the events.
    const first = await reserveVersions(tx, inserts.length);
    inserts.forEach((r, k) => (r.version = first + k));
    const versionOf = new Map<string, number>();
    for (const r of inserts) if (r.status === 'accepted') versionOf.set(`${r.e.kind}:${r.e.recordId}`, r.version);
    const projections: { kind: string; id: string; state: unknown; version: number }[] = [];
    for (const key of overlay.changed) {
      const kind = key.slice(0, key.indexOf(':'));
      const id = key.slice(key.indexOf(':') + 1);
      projections.push({ kind, id, state: overlay.peek(kind, id), version: versionOf.get(key) ?? first + inserts.length - 1 });
    }
    await upsertProjections(tx, projections);
    // A rejected command still advances the head: its events exist in the device's chain.
    await tx.query(
      `INSERT INTO device_heads (device_id, last_seq, last_hash) VALUES ($1, $2, $3)
       ON CONFLICT (device_id) DO UPDATE SET last_seq = EXCLUDED.last_seq, last_hash = EXCLUDED.last_hash`,
      [deviceId, lastSeq, lastHash],
    );
    if (defer) {
      // Decided ahead of the checks: the event rows are written as their checks come in, each
      // hash and content check looked at first, then every signature they took as passed.
      const rowOf = new Map(inserts.map((r) => [r.e, r]));
      await checks.drain(async (done) => {
        const rows: EventInsert[] = [];
        for (const e of done) {
          const r = rowOf.get(e);
          if (!r) continue;
          if (chainHashOf(e) !== e.hash || !contentCheckOf(e).ok) throw new ChecksFailed();
          r.envelope = envelopeTextOf(e);
          rows.push(r);
        }
        await insertEvents(tx, rows);
      });
      for (const d of deferred) if (!(await checks.verify(d.publicKey, signedMessage(contentHashOf(d.e)), d.sig))) throw new ChecksFailed();
    } else {
      for (const r of inserts) r.envelope = envelopeTextOf(r.e);
      await insertEvents(tx, inserts);
    }
    for (const r of inserts) {
      await this.hooks.beforeCommit?.(r.e);
      out.push({ kind: 'result', result: toResult({ id: r.e.id, status: r.status, reason: r.reason, server_version: r.version, reason_field: r.field }), inserted: true });
    }
    return sortOutcomes(out, events);
  }

  /**
   * Re-checks one command's events: their shape, every signature (the actor's with the key the
   * actor held then, and each countersigner's), then a replay of the command with the same
   * decide() on the server's state (`replayGroup`), and folds them into the overlay if accepted.
   */
  private async decideGroup(tx: Queryable, overlay: Overlay, group: DomainEvent[], bootstrap: boolean, verify: VerifySignature = verifyEd25519, parsedCommand?: Result<ParsedCommand>, defer?: DeferSignature): Promise<GroupDecision> {
    const refuse = (reason: string, field?: string): GroupDecision => ({ ok: false, reason, field });
    const shape = checkGroupShape(group);
    if (!shape.ok) return refuse(shape.error.message, shape.error.field);
    const head = group[0]!;
    for (const e of group) {
      if (e.kind === 'org' && e.recordId !== ORG_ID) return refuse('errors.invalidInput', 'recordId');
      // Each event's type and payload against its kind's schema, naming the field that fails
      // (ahead of the checks: looked at before the push is kept).
      const parsed = defer ? undefined : contentCheckOf(e);
      if (parsed && !parsed.ok) return refuse(parsed.error.message, parsed.error.field);
    }
    const cmd = parsedCommand ?? parseCommand(head.command!.type, head.command!.input);
    if (!cmd.ok) return refuse(cmd.error.message, cmd.error.field ? `command.input.${cmd.error.field}` : 'command');
    const setUp = cmd.data.type === 'org.setUp';
    if (setUp !== bootstrap) return refuse('errors.forbidden', 'command');
    const org = await overlay.org();
    const actorUser = setUp ? undefined : await overlay.get<UserState>('user', head.actorId);
    if (!setUp && (!actorUser || !actorUser.active)) return refuse('errors.forbidden', 'actorId');
    const actor: Actor = setUp ? { userId: head.actorId, roles: ['admin'] } : { userId: actorUser!.id, roles: actorUser!.roles };
    // Signatures: the keys of the actor and of every countersigner, plus the one the command
    // introduces when it certifies itself (the office's setup; a pre-upgrade user's first key,
    // whose password proof is checked below).
    const selfCertified = setUp || cmd.data.type === 'user.enrolKey';
    const cosigners = requiredCosigners(cmd.data, head.actorId);
    for (const id of cosigners) await overlay.get('user', id);
    const keysOf = keysWithBatch((id) => overlay.peek<UserState>('user', id)?.keys, selfCertified ? group : []);
    const signed = await verifyGroupSignatures(group, keysOf, verify, cosigners, 'current', defer);
    if (!signed.ok) return refuse(signed.error.message, signed.error.field);
    // A pre-upgrade user's first key: only the one whose password the server itself checked.
    if (cmd.data.type === 'user.enrolKey') {
      const keyId = (cmd.data.input as { key: { keyId: string } }).key.keyId;
      const [proof] = await tx.query(`SELECT 1 FROM key_proofs WHERE user_id = $1 AND key_id = $2`, [head.actorId, keyId]);
      if (!proof) return refuse('sync.errors.keyNotProven', 'command.input.key');
    }
    const state = await overlay.get<unknown>(cmd.data.kind, cmd.data.recordId);
    try {
      const replayed = await replayGroup(group, { actor, actorUser: setUp ? ({ id: head.actorId, active: true } as UserState) : actorUser, state, org, lookups: overlay.lookups() }, cmd.data);
      if (!replayed.ok) return refuse(replayed.error.message, replayed.error.field);
      // Fold, event by event, into the overlay; nothing is written until the push's end.
      const next = new Map<string, unknown>();
      for (const e of group) {
        const key = `${e.kind}:${e.recordId}`;
        const current = next.has(key) ? next.get(key) : await overlay.get<{ hlc?: string }>(e.kind, e.recordId);
        const hlc = (current as { hlc?: string } | undefined)?.hlc;
        let state: unknown;
        if (hlc && e.hlc < hlc) {
          // An event older (by HLC) than what is folded: re-fold the record in HLC order, as the
          // devices do when it reaches them, so every projection agrees.
          const rows = await tx.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE kind = $1 AND record_id = $2 AND status = 'accepted'`, [e.kind, e.recordId]);
          const earlier = [...(overlay.acceptedByRecord.get(key) ?? []), ...group.slice(0, group.indexOf(e)).filter((x) => x.kind === e.kind && x.recordId === e.recordId)];
          state = foldRecord(e.kind, [...rows.map(toEvent), ...earlier, e]);
        } else state = (folds[e.kind] as (s: unknown, ev: DomainEvent) => unknown)(current, e);
        next.set(key, state);
      }
      for (const [key, st] of next) overlay.set(key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1), st);
      for (const e of group) {
        const key = `${e.kind}:${e.recordId}`;
        const list = overlay.acceptedByRecord.get(key);
        if (list) list.push(e);
        else overlay.acceptedByRecord.set(key, [e]);
      }
      return { ok: true };
    } catch {
      // A payload the rules or the fold cannot read.
      return refuse('errors.invalidInput');
    }
  }

  /** Events with a server version above the cursor, in version order (accepted and rejected). */
  async pull(req: PullRequest): Promise<PullResponse> {
    const limit = req.limit;
    const rows = await this.db.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE server_version > $1 ORDER BY server_version LIMIT $2`, [req.cursor, limit + 1]);
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    const events: SyncedEvent[] = page.map((r) => ({
      event: toEvent(r) as SyncedEvent['event'],
      status: r.status,
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.reason_field ? { field: r.reason_field } : {}),
      serverVersion: Number(r.server_version),
    }));
    const last = events[events.length - 1];
    return { events, cursor: last ? last.serverVersion : req.cursor, hasMore };
  }

  /**
   * One page of the office's current state for a fresh console: projection rows in key order
   * as of server version `asOf` (fixed by the first page). A row changed after `asOf` is sent
   * as its events up to `asOf` instead, so snapshot + pull(asOf) never folds an event twice.
   * Returns the SnapshotResponse as JSON text: the states go out as PostgreSQL prints them,
   * never parsed and re-serialised here (most of a snapshot's server time otherwise).
   */
  async snapshotJson(req: SnapshotRequest): Promise<string> {
    const asOf = req.asOf ?? (await this.currentVersion());
    const [afterKind, afterId] = req.after ?? ['', ''];
    // The page's last key (and whether anything follows it): the page is (after, last].
    const bounds = await this.db.query<{ kind: RecordKind; record_id: string }>(
      `SELECT kind, record_id FROM projections WHERE (kind, record_id) > ($1, $2) ORDER BY kind, record_id LIMIT 2 OFFSET $3`,
      [afterKind, afterId, req.limit - 1],
    );
    const last = bounds[0];
    const hasMore = bounds.length > 1;
    const range = `(kind, record_id) > ($1, $2) AND ($3::text IS NULL OR (kind, record_id) <= ($3, $4))`;
    const params = [afterKind, afterId, last?.kind ?? null, last?.record_id ?? null, asOf];
    // One text value for the whole page, built by PostgreSQL: about 3× faster than returning
    // rows (measured on PGlite), and never parsed or re-serialised here.
    const [page] = await this.db.query<{ records: string | null }>(
      `SELECT string_agg('{"kind":' || to_json(kind)::text || ',"recordId":' || to_json(record_id)::text || ',"state":' || state::text || '}', ',' ORDER BY kind, record_id) AS records
       FROM projections WHERE ${range} AND version <= $5`,
      params,
    );
    const changed = await this.db.query<{ kind: RecordKind; record_id: string }>(
      `SELECT kind, record_id FROM projections WHERE ${range} AND version > $5 ORDER BY kind, record_id`,
      params,
    );
    const events = changed.length > 0 ? await this.recordEvents(changed.map((r) => ({ kind: r.kind, id: r.record_id })), asOf) : [];
    const next: SnapshotResponse['next'] = hasMore && last ? [last.kind, last.record_id] : null;
    return `{"asOf":${asOf},"records":[${page?.records ?? ''}],"events":${JSON.stringify(events)},"next":${JSON.stringify(next)}}`;
  }

  /** Every event (accepted and rejected) of some records, up to a server version, in server order. */
  async recordEvents(records: { kind: RecordKind; id: string }[], upTo: number): Promise<SyncedEvent[]> {
    if (records.length === 0) return [];
    const rows = await this.db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE (kind, record_id) IN (SELECT * FROM unnest($1::text[], $2::text[])) AND server_version <= $3
       ORDER BY server_version`,
      [records.map((r) => r.kind), records.map((r) => r.id), upTo],
    );
    return rows.map((r) => ({
      event: toEvent(r) as SyncedEvent['event'],
      status: r.status,
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.reason_field ? { field: r.reason_field } : {}),
      serverVersion: Number(r.server_version),
    }));
  }

  /**
   * Registers (or refreshes) a device for a user with its public key (checked by
   * checkDeviceProof in the same transaction) and returns its new token. A key already on file
   * is never replaced: should another enrolment of the same id have registered a different key
   * since, nothing is written and the caller is refused (device-key-mismatch).
   */
  private async enrol(tx: Queryable, deviceId: string, deviceName: string, userId: string, publicKey: string, replacing?: string): Promise<string> {
    const [existing] = await tx.query<{ revoked_at: unknown }>(`SELECT revoked_at FROM devices WHERE id = $1 FOR UPDATE`, [deviceId]);
    // A revoked device stays revoked: signing in again must not undo an admin's decision.
    if (existing?.revoked_at) throw apiErrors.deviceRevoked(403);
    const token = randomBytes(32).toString('base64url');
    // Replacing (a restored desk, an admin's sign-in): only the key checked in this transaction.
    const rows = await tx.query(
      `INSERT INTO devices (id, user_id, name, token_hash, last_seen_at, public_key) VALUES ($1, $2, $3, $4, now(), $5)
       ON CONFLICT (id) DO UPDATE SET user_id = EXCLUDED.user_id, name = EXCLUDED.name, token_hash = EXCLUDED.token_hash, last_seen_at = now(), public_key = EXCLUDED.public_key
       WHERE devices.public_key IS NULL OR devices.public_key = EXCLUDED.public_key OR devices.public_key = $6
       RETURNING id`,
      [deviceId, userId, deviceName, tokenHash(token), publicKey, replacing ?? null],
    );
    if (rows.length === 0) throw apiErrors.deviceKeyMismatch();
    return token;
  }

  /**
   * Password sign-in against the users the server knows (active ones only), by a device that
   * proves it holds its key. In order, in one transaction that holds the attempt's throttle
   * locks (./auth.ts throttleWait) to the end — the password check included, so that parallel
   * guesses are counted one by one (on PGlite, one process, that holds the database for the
   * ~0.3 s of a real PBKDF2 check; sign-ins are rare and a throttled one is not checked):
   * 1. throttled (per username and per client address, src/shared/auth/throttle.ts) → 429 with
   *    the wait; the password is not even checked;
   * 2. the device proof (./auth.ts checkDeviceProof) → 401 device-signature / 403
   *    device-key-mismatch, before the password, so a device id's impostor learns nothing about
   *    it (counted for the address only);
   * 3. the password → 401 invalid-credentials, counted for the username and the address;
   * 4. enrol: the username's count is cleared, the device gets a fresh token (its key is
   *    registered if it had none).
   * A console restored from a backup (`replaceKey`) signs its proof with a new key while the
   * device id is on file with the old desk's: step 2 accepts the proof made with the key it
   * names, and step 4 replaces the key on file only for an active admin (else 403
   * replace-key-admin-only, nothing changes) — audited as `device-key-replaced`; the old token
   * stops working.
   * Every outcome is written to the auth audit log.
   */
  async signIn(req: SignInRequest, address: string): Promise<SignInResponse> {
    const now = this.now();
    const keys: ThrottleKeys = { username: req.username, address };
    const who = { username: req.username.trim().toLowerCase(), deviceId: req.deviceId, deviceName: req.deviceName, address };
    const verify = this.hooks.verifyPassword ?? verifyPassword;
    type Outcome =
      | { kind: 'throttled'; waitMs: number }
      | { kind: 'refused'; error: ApiError; event: AuditInput['event']; userId?: string }
      | { kind: 'ok'; token: string; userId: string };
    let outcome: Outcome;
    try {
      outcome = await this.db.transaction(async (tx): Promise<Outcome> => {
        const waitMs = await throttleWait(tx, keys, now);
        if (waitMs > 0) return { kind: 'throttled', waitMs };
        const proof = await checkDeviceProof(tx, req.deviceId, req, now, { replaceKey: req.replaceKey === true });
        if (!proof.ok) {
          await noteFailure(tx, keys, now, { addressOnly: true });
          return proof.code === 'device-key-mismatch'
            ? { kind: 'refused', error: apiErrors.deviceKeyMismatch(), event: 'device-key-mismatch' }
            : { kind: 'refused', error: apiErrors.deviceSignature(), event: 'device-signature-invalid' };
        }
        const user = await userByUsername(tx, req.username);
        const valid = user?.active ? await verify(req.password, user.password) : await verify(req.password, DUMMY_VERIFIER).then(() => false);
        if (!user || !valid) {
          await noteFailure(tx, keys, now);
          return { kind: 'refused', error: apiErrors.invalidCredentials(), event: 'sign-in-failed', userId: user?.id };
        }
        await noteSuccess(tx, keys);
        if (proof.replaces && !user.roles.includes('admin')) {
          return { kind: 'refused', error: apiErrors.replaceKeyAdminOnly(), event: 'device-key-mismatch', userId: user.id };
        }
        const token = await this.enrol(tx, req.deviceId, req.deviceName, user.id, proof.publicKey, proof.replaces?.previous);
        const enrolment = !proof.exists ? 'device-enrolled' : proof.registers ? 'device-key-registered' : null;
        await audit(tx, { event: 'sign-in', ...who, userId: user.id }, now);
        if (enrolment) await audit(tx, { event: enrolment, ...who, userId: user.id }, now);
        if (proof.replaces) await audit(tx, { event: 'device-key-replaced', ...who, userId: user.id, detail: `${keyIdOf(proof.replaces.previous)} -> ${keyIdOf(proof.publicKey)}` }, now);
        return { kind: 'ok', token, userId: user.id };
      });
    } catch (error) {
      // Refused while enrolling (a revoked device, a key registered meanwhile): rolled back.
      if (error instanceof ApiError) {
        const event = error.code === 'device-key-mismatch' ? 'device-key-mismatch' : 'sign-in-failed';
        await audit(this.db, { event, ...who, detail: error.code }, now);
      }
      throw error;
    }
    if (outcome.kind === 'throttled') {
      const seconds = waitSeconds(outcome.waitMs);
      await audit(this.db, { event: 'sign-in-throttled', ...who, detail: `retry-after ${seconds}` }, now);
      throw apiErrors.throttled(seconds);
    }
    if (outcome.kind === 'refused') {
      await audit(this.db, { event: outcome.event, ...who, userId: outcome.userId ?? null, detail: outcome.error.code }, now);
      throw outcome.error;
    }
    return { token: outcome.token, userId: outcome.userId };
  }

  /**
   * Upgrade: a user made before signed events proves their password for the first key they
   * enrol (their console then pushes user.keyEnrolled, accepted only for a proven key). Only
   * while the user has no key. Answers like sign-in: unknown user and wrong password alike.
   */
  async keyProof(req: { username: string; password: string; publicKey: string }, address = ''): Promise<{ proven: true }> {
    const now = this.now();
    const keys: ThrottleKeys = { username: req.username, address };
    const who = { username: req.username.trim().toLowerCase(), address };
    const verify = this.hooks.verifyPassword ?? verifyPassword;
    // Throttled and audited like sign-in: it checks a password just the same.
    const outcome = await this.db.transaction(async (tx): Promise<{ kind: 'throttled'; waitMs: number } | { kind: 'refused'; userId?: string; code: string } | { kind: 'ok'; userId: string }> => {
      const waitMs = await throttleWait(tx, keys, now);
      if (waitMs > 0) return { kind: 'throttled', waitMs };
      const user = await userByUsername(tx, req.username);
      const valid = user?.active ? await verify(req.password, user.password) : await verify(req.password, DUMMY_VERIFIER).then(() => false);
      if (!user || !valid) {
        await noteFailure(tx, keys, now);
        return { kind: 'refused', userId: user?.id, code: 'invalid-credentials' };
      }
      await noteSuccess(tx, keys);
      if ((user.keys ?? []).length > 0) return { kind: 'refused', userId: user.id, code: 'has-key' };
      await tx.query(`INSERT INTO key_proofs (user_id, key_id, public_key) VALUES ($1, $2, $3) ON CONFLICT (user_id, key_id) DO NOTHING`, [user.id, keyIdOf(req.publicKey), req.publicKey]);
      await audit(tx, { event: 'key-proven', ...who, userId: user.id, detail: keyIdOf(req.publicKey) }, now);
      return { kind: 'ok', userId: user.id };
    });
    if (outcome.kind === 'throttled') {
      const seconds = waitSeconds(outcome.waitMs);
      await audit(this.db, { event: 'sign-in-throttled', ...who, detail: `key-proof, retry-after ${seconds}` }, now);
      throw apiErrors.throttled(seconds);
    }
    if (outcome.kind === 'refused') {
      await audit(this.db, { event: 'key-proof-failed', ...who, userId: outcome.userId ?? null, detail: outcome.code }, now);
      throw outcome.code === 'has-key' ? apiErrors.forbidden() : apiErrors.invalidCredentials();
    }
    return { proven: true };
  }


  /**
   * First device on an empty server: stores its org.setUp and the first admin's user.created
   * (checked like any push, in one transaction) and enrols the device. Refused once any user exists.
   */
  async bootstrap(req: BootstrapRequest, address: string | null = null): Promise<SignInResponse> {
    const now = this.now();
    const [setUp, admin] = req.events as DomainEvent[];
    if (!setUp || !admin) throw apiErrors.bootstrapInvalid();
    const adminInput = userCreateInput.safeParse({ ...admin.payload, id: admin.recordId });
    const shapeOk =
      setUp.type === 'org.setUp' && setUp.kind === 'org' && setUp.recordId === ORG_ID && setUp.deviceSeq === 1 &&
      admin.type === 'user.created' && admin.kind === 'user' && admin.deviceSeq === 2 &&
      admin.recordId === admin.actorId && setUp.actorId === admin.actorId &&
      setUp.deviceId === req.deviceId && admin.deviceId === req.deviceId &&
      orgProfileSchema.safeParse(setUp.payload).success && adminInput.success && adminInput.data.roles.includes('admin');
    if (!shapeOk) throw apiErrors.bootstrapInvalid();
    const { token, version } = await this.db.transaction(async (tx) => {
      await lockWrites(tx);
      if ((await countUsers(tx)) > 0 || (await projection(tx, 'org', ORG_ID))) throw apiErrors.alreadySetUp();
      const proof = await checkDeviceProof(tx, req.deviceId, req, now);
      if (!proof.ok) throw proof.code === 'device-key-mismatch' ? apiErrors.deviceKeyMismatch() : apiErrors.deviceSignature();
      let version = 0;
      for (const out of await this.processBatch(tx, [setUp, admin], true)) {
        if (out.kind !== 'result' || out.result.status !== 'accepted') throw apiErrors.bootstrapInvalid();
        version = out.result.serverVersion;
      }
      const token = await this.enrol(tx, req.deviceId, req.deviceName, admin.actorId, proof.publicKey);
      const who = { username: String(admin.payload['username'] ?? ''), userId: admin.actorId, deviceId: req.deviceId, deviceName: req.deviceName, address };
      await audit(tx, { event: 'bootstrap', ...who }, now);
      await audit(tx, { event: 'device-enrolled', ...who }, now);
      return { token, version };
    });
    await this.db.notify(version).catch(() => undefined);
    return { token, userId: admin.actorId };
  }

  /** Every enrolled device, newest first. Admins only. */
  async listDevices(by: AuthedDevice): Promise<DeviceInfo[]> {
    if (!by.roles.includes('admin')) throw apiErrors.forbidden();
    const rows = await this.db.query<{ id: string; name: string; user_id: string; created_at: unknown; last_seen_at: unknown; revoked_at: unknown; has_key: boolean }>(
      `SELECT id, name, user_id, created_at, last_seen_at, revoked_at, public_key IS NOT NULL AS has_key FROM devices ORDER BY created_at DESC, id`,
    );
    return rows.map((r) => ({
      id: r.id, name: r.name, userId: r.user_id, createdAt: iso(r.created_at)!, lastSeenAt: iso(r.last_seen_at), revokedAt: iso(r.revoked_at), hasKey: r.has_key,
    }));
  }

  /** Revokes a device's token at once. Admins only. Recorded in the auth audit log (once). */
  async revoke(by: AuthedDevice, deviceId: string, address: string | null = null): Promise<void> {
    if (!by.roles.includes('admin')) throw apiErrors.forbidden();
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(deviceId)) throw apiErrors.deviceNotFound();
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ name: string; revoked_at: unknown }>(`SELECT name, revoked_at FROM devices WHERE id = $1 FOR UPDATE`, [deviceId]);
      if (!row) throw apiErrors.deviceNotFound();
      if (row.revoked_at) return;
      await tx.query(`UPDATE devices SET revoked_at = now() WHERE id = $1`, [deviceId]);
      await audit(tx, { event: 'device-revoked', userId: by.userId, deviceId, deviceName: row.name, address, detail: `by ${by.id}` }, this.now());
    });
  }

  /** The auth audit log, newest first. Admins only. */
  async auditLog(by: AuthedDevice, before: number | undefined, limit: number): Promise<AuthAuditPage> {
    if (!by.roles.includes('admin')) throw apiErrors.forbidden();
    return auditPage(this.db, before, limit);
  }
}
