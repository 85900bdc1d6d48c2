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
import { ORG_ID, orgProfileSchema, type OrgState } from '../../shared/domain/org/state';
import { foldRecord, folds } from '../../shared/domain/registry';
import type { Lookups } from '../../shared/domain/types';
import { userCreateInput } from '../../shared/domain/user/commands';
import type { PasswordHash, UserState } from '../../shared/domain/user/state';
import { eventHash, type DomainEvent, type RecordKind } from '../../shared/events';
import { PASSWORD_ITERATIONS, verifyPassword } from '../../shared/password';
import type { Actor, Role } from '../../shared/roles';
import { checkEvent } from '../../shared/sync/event-commands';
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
  throttled: (seconds: number) => new ApiError(429, 'throttled', 'sync.errors.throttled', seconds),
  deviceMismatch: () => new ApiError(403, 'device-mismatch', 'sync.errors.deviceMismatch'),
  forbidden: () => new ApiError(403, 'forbidden', 'sync.errors.forbidden'),
  deviceNotFound: () => new ApiError(404, 'device-not-found', 'sync.errors.deviceNotFound'),
  alreadySetUp: () => new ApiError(409, 'already-set-up', 'sync.errors.alreadySetUp'),
  bootstrapInvalid: () => new ApiError(400, 'bootstrap-invalid', 'sync.errors.bootstrapInvalid'),
  unavailable: () => new ApiError(503, 'unavailable', 'sync.errors.unavailable'),
  server: () => new ApiError(500, 'server', 'sync.errors.server'),
};

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
}

const EVENT_COLUMNS = 'id, device_id, device_seq, kind, record_id, type, payload, actor_id, hlc, at_text, prev_hash, hash, status, reason, server_version';

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
});

const toResult = (r: Pick<EventRow, 'id' | 'status' | 'reason' | 'server_version'>): PushResult => ({
  id: r.id,
  status: r.status,
  ...(r.reason ? { reason: r.reason } : {}),
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

/** The domain's cross-record questions, answered from the server's projections. */
export function sqlLookups(q: Queryable): Lookups {
  return {
    badgeHolder: async (badge) => {
      const [row] = await q.query<{ record_id: string }>(`SELECT record_id FROM projections WHERE kind = 'visit' AND state->>'badgeOut' = $1 LIMIT 1`, [badge]);
      return row?.record_id;
    },
    user: (id) => projection<UserState>(q, 'user', id),
    userByUsername: (username) => userByUsername(q, username),
    countUsers: () => countUsers(q),
    record: (kind, id) => projection(q, kind, id),
    idsByKey: async (kind, keys) => {
      if (keys.length === 0) return {};
      // Uses the GIN index projections_keys (migration 2).
      const rows = await q.query<{ record_id: string; keys: string[] }>(`SELECT record_id, state->'keys' AS keys FROM projections WHERE kind = $1 AND state->'keys' ?| $2::text[]`, [
        kind,
        [...keys],
      ]);
      const wanted = new Set(keys);
      const out: Record<string, string> = {};
      for (const r of rows) for (const k of r.keys) if (wanted.has(k)) out[k] = r.record_id;
      return out;
    },
  };
}

/** Takes the write lock (see the header comment). Every write transaction starts with it. */
async function lockWrites(tx: Queryable): Promise<void> {
  await tx.query(`SELECT version FROM sync_state WHERE id FOR UPDATE`);
}

/** The next server version, inside the transaction holding the write lock. */
async function nextVersion(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ version: string | number }>(`UPDATE sync_state SET version = version + 1 WHERE id RETURNING version`);
  return Number(row!.version);
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
    const [d] = await this.db.query<{ id: string; user_id: string; name: string; revoked_at: unknown; public_key: string | null }>(
      `SELECT id, user_id, name, revoked_at, public_key FROM devices WHERE token_hash = $1`,
      [tokenHash(token)],
    );
    if (!d) throw apiErrors.unauthorized();
    if (d.revoked_at) throw apiErrors.deviceRevoked();
    const user = await projection<UserState>(this.db, 'user', d.user_id);
    if (!user?.active) throw apiErrors.userInactive();
    await this.db.query(`UPDATE devices SET last_seen_at = now() WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')`, [d.id]);
    return { id: d.id, name: d.name, userId: d.user_id, roles: user.roles, publicKey: d.public_key };
  }

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
    const outcomes = await this.storeAll(events);
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

  /** The events in one transaction, up to the first gap; a unique-constraint race is retried. */
  private async storeAll(events: DomainEvent[]): Promise<Outcome[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction(async (tx) => {
          await lockWrites(tx);
          const out: Outcome[] = [];
          for (const e of events) {
            const o = await this.process(tx, e, false);
            out.push(o);
            if (o.kind === 'gap') break;
          }
          return out;
        });
      } catch (error) {
        if (isUniqueViolation(error) && attempt < 3) continue;
        throw error;
      }
    }
  }

  /** Decides and writes one event. The caller holds the write lock in `tx`. */
  private async process(tx: Queryable, e: DomainEvent, bootstrap: boolean): Promise<Outcome> {
    const stored = await tx.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = $1 OR (device_id = $2 AND device_seq = $3)`, [
      e.id,
      e.deviceId,
      e.deviceSeq,
    ]);
    if (stored.length > 0) {
      const same = stored.find((r) => r.id === e.id && r.hash === e.hash && r.device_id === e.deviceId && Number(r.device_seq) === e.deviceSeq);
      if (same) return { kind: 'result', result: toResult(same), inserted: false };
      // The id or the (device, seq) slot is taken by a different event: a forked or forged
      // chain. It cannot be stored; the device keeps it in its conflict inbox.
      return { kind: 'result', result: { id: e.id, status: 'rejected', reason: CHAIN_REASON, serverVersion: 0 }, inserted: false };
    }
    const [head] = await tx.query<{ last_seq: string | number; last_hash: string }>(`SELECT last_seq, last_hash FROM device_heads WHERE device_id = $1`, [e.deviceId]);
    const lastSeq = Number(head?.last_seq ?? 0);
    if (e.deviceSeq !== lastSeq + 1) return { kind: 'gap', expectedSeq: lastSeq + 1 };

    let status: 'accepted' | 'rejected' = 'rejected';
    let reason: string | null = CHAIN_REASON;
    let next: unknown;
    if (e.prevHash === (head?.last_hash ?? '') && eventHash(e) === e.hash) {
      const decision = await this.decide(tx, e, bootstrap);
      if (decision.ok) {
        status = 'accepted';
        reason = null;
        next = decision.state;
      } else reason = decision.reason;
    }

    const version = await nextVersion(tx);
    await tx.query(
      `INSERT INTO events (id, device_id, device_seq, kind, record_id, type, payload, actor_id, hlc, at, at_text, prev_hash, hash, status, reason, server_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10::timestamptz, $11, $12, $13, $14, $15, $16)`,
      [e.id, e.deviceId, e.deviceSeq, e.kind, e.recordId, e.type, JSON.stringify(e.payload), e.actorId, e.hlc, new Date(e.at).toISOString(), e.at, e.prevHash, e.hash, status, reason, version],
    );
    if (status === 'accepted' && next !== undefined) {
      await tx.query(
        `INSERT INTO projections (kind, record_id, state, version) VALUES ($1, $2, $3::jsonb, $4)
         ON CONFLICT (kind, record_id) DO UPDATE SET state = EXCLUDED.state, version = EXCLUDED.version`,
        [e.kind, e.recordId, JSON.stringify(next), version],
      );
    }
    // A rejected event still advances the head: it exists in the device's chain.
    await tx.query(
      `INSERT INTO device_heads (device_id, last_seq, last_hash) VALUES ($1, $2, $3)
       ON CONFLICT (device_id) DO UPDATE SET last_seq = EXCLUDED.last_seq, last_hash = EXCLUDED.last_hash`,
      [e.deviceId, e.deviceSeq, e.hash],
    );
    await this.hooks.beforeCommit?.(e);
    return { kind: 'result', result: toResult({ id: e.id, status, reason, server_version: version }), inserted: true };
  }

  /**
   * Re-checks an event with the command rules the device ran (checkEvent), as its actor with
   * the roles the server knows, against the record's server-side state; folds it if accepted.
   */
  private async decide(tx: Queryable, e: DomainEvent, bootstrap: boolean): Promise<{ ok: true; state: unknown } | { ok: false; reason: string }> {
    const refuse = (reason: string) => ({ ok: false as const, reason });
    if (e.type.slice(0, e.type.indexOf('.')) !== e.kind || (e.kind === 'org' && e.recordId !== ORG_ID)) return refuse('errors.invalidInput');
    const state = await projection<{ hlc?: string }>(tx, e.kind, e.recordId);
    const org = await projection<OrgState>(tx, 'org', ORG_ID);
    let actor: Actor;
    const firstAdmin = bootstrap && (e.type === 'org.setUp' || (e.type === 'user.created' && e.recordId === e.actorId));
    if (firstAdmin) actor = { userId: e.actorId, roles: ['admin'] };
    else {
      const user = await projection<UserState>(tx, 'user', e.actorId);
      if (!user || !user.active) return refuse('errors.forbidden');
      actor = { userId: user.id, roles: user.roles };
    }
    try {
      const checked = await checkEvent(e, { actor, now: e.at, state, org, lookups: sqlLookups(tx) });
      if (!checked.ok) return refuse(checked.error.message);
      let next: unknown;
      if (state?.hlc && e.hlc < state.hlc) {
        // An event older (by HLC) than what is folded: re-fold the record in HLC order, as the
        // devices do when it reaches them, so every projection agrees.
        const rows = await tx.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE kind = $1 AND record_id = $2 AND status = 'accepted'`, [e.kind, e.recordId]);
        next = foldRecord(e.kind, [...rows.map(toEvent), e]);
      } else next = (folds[e.kind] as (s: unknown, ev: DomainEvent) => unknown)(state, e);
      return { ok: true, state: next };
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
      serverVersion: Number(r.server_version),
    }));
  }

  /**
   * Registers (or refreshes) a device for a user with its public key (checked by
   * checkDeviceProof in the same transaction) and returns its new token. A key already on file
   * is never replaced: should another enrolment of the same id have registered a different key
   * since, nothing is written and the caller is refused (device-key-mismatch).
   */
  private async enrol(tx: Queryable, deviceId: string, deviceName: string, userId: string, publicKey: string): Promise<string> {
    const [existing] = await tx.query<{ revoked_at: unknown }>(`SELECT revoked_at FROM devices WHERE id = $1 FOR UPDATE`, [deviceId]);
    // A revoked device stays revoked: signing in again must not undo an admin's decision.
    if (existing?.revoked_at) throw apiErrors.deviceRevoked(403);
    const token = randomBytes(32).toString('base64url');
    const rows = await tx.query(
      `INSERT INTO devices (id, user_id, name, token_hash, last_seen_at, public_key) VALUES ($1, $2, $3, $4, now(), $5)
       ON CONFLICT (id) DO UPDATE SET user_id = EXCLUDED.user_id, name = EXCLUDED.name, token_hash = EXCLUDED.token_hash, last_seen_at = now(), public_key = EXCLUDED.public_key
       WHERE devices.public_key IS NULL OR devices.public_key = EXCLUDED.public_key
       RETURNING id`,
      [deviceId, userId, deviceName, tokenHash(token), publicKey],
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
        const proof = await checkDeviceProof(tx, req.deviceId, req, now);
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
        const token = await this.enrol(tx, req.deviceId, req.deviceName, user.id, proof.publicKey);
        const enrolment = !proof.exists ? 'device-enrolled' : proof.registers ? 'device-key-registered' : null;
        await audit(tx, { event: 'sign-in', ...who, userId: user.id }, now);
        if (enrolment) await audit(tx, { event: enrolment, ...who, userId: user.id }, now);
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
      for (const e of [setUp, admin]) {
        const out = await this.process(tx, e, true);
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
