/**
 * The server's sign-in defences, apart from HTTP and from the sync logic (docs/sync.md
 * "Enrolment and devices"): single-use device challenges, the sign-in throttle per username and
 * per client address, device-key checks, and the auth audit log. All state is in the database,
 * so it holds across restarts and across instances sharing one PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { checkThrottle, recordFailure, type ThrottleState } from '../../shared/auth/throttle';
import { deviceAuthMessage, pushAuthMessage, batchHead, verifyDeviceSignature, type DeviceProof } from '../../shared/sync/device-auth';
import type { AuthAuditEntry, AuthAuditEvent, AuthAuditPage } from '../../shared/sync/protocol';
import type { Queryable } from '../db/db';

/** How long a challenge may be used. */
export const CHALLENGE_TTL_MS = 2 * 60_000;
/**
 * An address's failures are forgotten this long after its last one. A success clears a
 * username's count, but not its address's (or one valid account would reset the count of an
 * address spraying guesses at others); without this, a shared desk's rare typos would add up
 * over months to a 15-minute lock on every further one.
 */
export const ADDRESS_MEMORY_MS = 60 * 60_000;

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (v: unknown): number | undefined => (v == null ? undefined : new Date(v as string | Date).getTime());

// ---------------------------------------------------------------------------- challenges

/**
 * Issues a single-use challenge for `deviceId`, valid for CHALLENGE_TTL_MS; expired ones are
 * purged on the way. There is no cap per device id: anyone may ask for any id's challenges, and
 * a cap would let them evict the real desk's challenge between its two requests.
 */
export async function issueChallenge(q: Queryable, deviceId: string, now: number): Promise<string> {
  const challenge = randomBytes(32).toString('hex');
  await q.query(`DELETE FROM auth_challenges WHERE expires_at <= $1::timestamptz`, [iso(now)]);
  await q.query(`INSERT INTO auth_challenges (challenge, device_id, expires_at) VALUES ($1, $2, $3::timestamptz)`, [challenge, deviceId, iso(now + CHALLENGE_TTL_MS)]);
  return challenge;
}

/** Uses up a challenge: true when it was issued for this device and has not expired. */
export async function consumeChallenge(q: Queryable, challenge: string, deviceId: string, now: number): Promise<boolean> {
  const [row] = await q.query<{ expires_at: unknown }>(`DELETE FROM auth_challenges WHERE challenge = $1 AND device_id = $2::uuid RETURNING expires_at`, [challenge, deviceId]);
  return !!row && ms(row.expires_at)! > now;
}

// ---------------------------------------------------------------------------- device keys

/** The outcome of a device's proof at sign-in or bootstrap. */
export type ProofCheck =
  | {
      ok: true;
      /** The key to keep on file: the registered one, or the new one to register. */ publicKey: string;
      /** No key was on file. */ registers: boolean;
      exists: boolean;
      /** The key on file is to be replaced by this one (a restored desk; only an admin's sign-in may). */
      replaces?: { previous: string };
    }
  | { ok: false; code: 'device-signature' | 'device-key-mismatch' };

/**
 * Checks a sign-in's or bootstrap's device proof, inside the caller's transaction (the device
 * row stays locked until it commits): the challenge must be fresh and issued for this device;
 * a device with a key on file must sign with THAT key (else `device-key-mismatch`, whatever key
 * it names); a new device, or one enrolled before keys existed (trust on first use), must sign
 * with the key it names.
 */
export async function checkDeviceProof(tx: Queryable, deviceId: string, proof: DeviceProof, now: number, o: { replaceKey?: boolean } = {}): Promise<ProofCheck> {
  if (!(await consumeChallenge(tx, proof.challenge, deviceId, now))) return { ok: false, code: 'device-signature' };
  const [row] = await tx.query<{ public_key: string | null }>(`SELECT public_key FROM devices WHERE id = $1 FOR UPDATE`, [deviceId]);
  const message = deviceAuthMessage(proof.challenge, deviceId);
  if (row?.public_key) {
    if (await verifyDeviceSignature(row.public_key, message, proof.deviceSignature)) return { ok: true, publicKey: row.public_key, registers: false, exists: true };
    // A restored desk asks to replace the key on file: it must hold the key it names (whether
    // it may replace it — an admin's password — is the caller's to check).
    if (o.replaceKey && proof.devicePublicKey !== row.public_key && (await verifyDeviceSignature(proof.devicePublicKey, message, proof.deviceSignature))) {
      return { ok: true, publicKey: proof.devicePublicKey, registers: false, exists: true, replaces: { previous: row.public_key } };
    }
    return { ok: false, code: 'device-key-mismatch' };
  }
  return (await verifyDeviceSignature(proof.devicePublicKey, message, proof.deviceSignature))
    ? { ok: true, publicKey: proof.devicePublicKey, registers: true, exists: !!row }
    : { ok: false, code: 'device-signature' };
}

/**
 * Whether a push is signed by its device: the device has a key on file, the signature over
 * `meja-it/push/v1\n<deviceId>\n<last hash>` verifies with it, and the batch is one unbroken
 * stretch of the device's chain (consecutive deviceSeq, each prevHash the previous event's
 * hash) ending at that hash — so the one signature vouches for every event in it. Each event's
 * own hash is checked against its content by the push itself (a mismatch is stored as a chain
 * rejection).
 */
export async function pushSigned(publicKey: string | null, deviceId: string, events: readonly { deviceSeq: number; prevHash: string; hash: string }[], signature: string | undefined): Promise<boolean> {
  if (!publicKey || !signature) return false;
  const sorted = [...events].sort((a, b) => a.deviceSeq - b.deviceSeq);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.deviceSeq !== sorted[i - 1]!.deviceSeq + 1 || sorted[i]!.prevHash !== sorted[i - 1]!.hash) return false;
  }
  return verifyDeviceSignature(publicKey, pushAuthMessage(deviceId, batchHead(sorted)), signature);
}

// ---------------------------------------------------------------------------- throttle

type Scope = 'user' | 'address';
interface ThrottleRow {
  scope: Scope;
  failures: number;
  locked_until: unknown;
  last_failure_at: unknown;
}

/** The throttle keys of an attempt: the username (trimmed, lower-cased) and the client address. */
export interface ThrottleKeys {
  username: string;
  address: string;
}

const keysOf = (k: ThrottleKeys): [Scope, string][] => [
  ['address', k.address],
  ['user', k.username.trim().toLowerCase()],
];

function stateOf(row: ThrottleRow | undefined, now: number): ThrottleState | undefined {
  if (!row) return undefined;
  if (row.scope === 'address' && (ms(row.last_failure_at) ?? 0) + ADDRESS_MEMORY_MS <= now && (ms(row.locked_until) ?? 0) <= now) return undefined;
  const lockedUntil = ms(row.locked_until);
  return lockedUntil === undefined ? { failures: row.failures } : { failures: row.failures, lockedUntil };
}

/** The advisory lock class of throttle keys (migrations use the single key 7425201). */
const THROTTLE_LOCK = 7425202;

/**
 * Takes the attempt's throttle locks for the rest of the caller's transaction (an advisory
 * lock per username and per address, so attempts on one username or from one address are taken
 * one at a time, on every instance — a burst of parallel guesses cannot all slip past the check
 * before the first failure is counted) and returns how long the attempt must wait (0: it may go
 * ahead).
 */
export async function throttleWait(tx: Queryable, keys: ThrottleKeys, now: number): Promise<number> {
  let wait = 0;
  // Always address first, then user: one lock order everywhere, so two attempts never deadlock.
  for (const [scope, key] of keysOf(keys)) {
    await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [THROTTLE_LOCK, `${scope}:${key}`]);
    const [row] = await tx.query<ThrottleRow>(`SELECT scope, failures, locked_until, last_failure_at FROM signin_throttle WHERE scope = $1 AND key = $2`, [scope, key]);
    const check = checkThrottle(stateOf(row, now), now);
    if (!check.allowed) wait = Math.max(wait, check.waitMs);
  }
  return wait;
}

/**
 * Counts a failed attempt (the caller holds the locks): a wrong password for the username and
 * the address; a bad device proof (`addressOnly`) for the address alone — the password was not
 * looked at, but a stream of bogus proofs from one address is held back like guesses.
 */
export async function noteFailure(tx: Queryable, keys: ThrottleKeys, now: number, o: { addressOnly?: boolean } = {}): Promise<void> {
  for (const [scope, key] of keysOf(keys)) {
    if (o.addressOnly && scope !== 'address') continue;
    const [row] = await tx.query<ThrottleRow>(`SELECT scope, failures, locked_until, last_failure_at FROM signin_throttle WHERE scope = $1 AND key = $2`, [scope, key]);
    const next = recordFailure(stateOf(row, now), now);
    await tx.query(
      `INSERT INTO signin_throttle (scope, key, failures, locked_until, last_failure_at) VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz)
       ON CONFLICT (scope, key) DO UPDATE SET failures = EXCLUDED.failures, locked_until = EXCLUDED.locked_until, last_failure_at = EXCLUDED.last_failure_at`,
      [scope, key, next.failures, next.lockedUntil === undefined ? null : iso(next.lockedUntil), iso(now)],
    );
  }
}

/** A success: the username's count is forgotten (the address keeps its own, see ADDRESS_MEMORY_MS). */
export async function noteSuccess(tx: Queryable, keys: ThrottleKeys): Promise<void> {
  await tx.query(`DELETE FROM signin_throttle WHERE scope = 'user' AND key = $1`, [keys.username.trim().toLowerCase()]);
}

// ---------------------------------------------------------------------------- audit

/** One auth event to record. */
export interface AuditInput {
  event: AuthAuditEvent;
  username?: string | null;
  userId?: string | null;
  deviceId?: string | null;
  deviceName?: string | null;
  address?: string | null;
  detail?: string | null;
}

/** Writes one row of the auth audit log at `now`. */
export async function audit(q: Queryable, entry: AuditInput, now: number): Promise<void> {
  await q.query(
    `INSERT INTO auth_audit (at, event, username, user_id, device_id, device_name, address, detail) VALUES ($1::timestamptz, $2, $3, $4, $5, $6, $7, $8)`,
    [iso(now), entry.event, entry.username ?? null, entry.userId ?? null, entry.deviceId ?? null, entry.deviceName ?? null, entry.address ?? null, entry.detail ?? null],
  );
}

/** A page of the audit log, newest first, before row `before` (exclusive) when given. */
export async function auditPage(q: Queryable, before: number | undefined, limit: number): Promise<AuthAuditPage> {
  const rows = await q.query<{
    id: string | number; at: unknown; event: AuthAuditEvent; username: string | null; user_id: string | null; device_id: string | null; device_name: string | null; address: string | null; detail: string | null;
  }>(
    `SELECT id, at, event, username, user_id, device_id, device_name, address, detail FROM auth_audit
     WHERE ($1::bigint IS NULL OR id < $1::bigint) ORDER BY id DESC LIMIT $2`,
    [before ?? null, limit + 1],
  );
  const entries: AuthAuditEntry[] = rows.slice(0, limit).map((r) => ({
    id: Number(r.id),
    at: new Date(r.at as string | Date).toISOString(),
    event: r.event,
    username: r.username,
    userId: r.user_id,
    deviceId: r.device_id,
    deviceName: r.device_name,
    address: r.address,
    detail: r.detail,
  }));
  return { entries, next: rows.length > limit ? entries.at(-1)!.id : null };
}
