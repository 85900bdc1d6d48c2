/**
 * The sync server's behaviour, run once per database backend (PGlite, PostgreSQL): enrolment,
 * push (idempotent, ordered, chained, re-validated), pull (ordered, never skipping a late
 * commit), device administration, refusals that change nothing, skewed clocks, a server killed
 * mid-push, and pokes.
 */
import type { FastifyInstance } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildServer, type ServerOptions } from '../../../src/server/app';
import type { Db } from '../../../src/server/db/db';
import { contentHash, eventHash, type DomainEvent } from '@shared/events';
import { newId } from '@shared/ids';
import { hashPassword, verifyPassword } from '@shared/password';
import type { Role } from '@shared/roles';
import { keyIdOf, signHash, type SigningKey } from '@shared/signing';
import { signPrepared, type PreparedEvent } from '@shared/sync/stamp';
import { foldRecord } from '@shared/domain/registry';
import { localDate, startOfLocalDay } from '@shared/office-time';
import type { DeviceProof } from '@shared/sync/device-auth';
import {
  MAX_PUSH_EVENTS, SCHEMA_VERSION, type AuthAuditPage, type PullResponse, type PushResponse, type SignInResponse, type SnapshotResponse, type SyncedEvent,
} from '@shared/sync/protocol';
import { reset, type Backend } from './backends';
import { TestDevice } from './device';
import { freshTestKey, signerOf, testKey, testKeys } from '../../fixtures/signing';
import { passportFor } from '../../fixtures/cards';

const PASSWORD = 'rahasia123';
const DAY = 86_400_000;

interface Res<T> {
  status: number;
  headers: Record<string, unknown>;
  body: T & { error?: { code: string; message: string; retryAfter?: number } };
}

/** The HTTP API as a device calls it (fastify.inject), from 127.0.0.1 unless told another `address`. */
function client(app: FastifyInstance) {
  const call = async <T>(method: 'GET' | 'POST', url: string, body?: unknown, token?: string, address?: string): Promise<Res<T>> => {
    const res = await app.inject({
      method,
      url,
      ...(address ? { remoteAddress: address } : {}),
      ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    return { status: res.statusCode, headers: res.headers, body: res.json() as Res<T>['body'] };
  };
  const challenge = async (d: TestDevice) => (await call<{ challenge: string }>('POST', '/api/auth/challenge', { schemaVersion: SCHEMA_VERSION, deviceId: d.id })).body.challenge;
  return {
    call,
    challenge,
    /** A fresh challenge signed with the device's key. */
    proof: async (d: TestDevice) => d.proof(await challenge(d)),
    bootstrap: async (d: TestDevice, events = d.made.slice(0, 2)) =>
      call<SignInResponse>('POST', '/api/auth/bootstrap', { schemaVersion: SCHEMA_VERSION, deviceId: d.id, deviceName: d.name, events, ...(await d.proof(await challenge(d))) }),
    signIn: async (d: TestDevice, username: string, password = PASSWORD, o: { address?: string; proof?: DeviceProof; replaceKey?: boolean } = {}) =>
      call<SignInResponse>(
        'POST',
        '/api/auth/sign-in',
        { schemaVersion: SCHEMA_VERSION, username, password, deviceId: d.id, deviceName: d.name, ...(o.proof ?? (await d.proof(await challenge(d)))), ...(o.replaceKey ? { replaceKey: true } : {}) },
        undefined,
        o.address,
      ),
    /** A push signed with the device's key; `signature`: another one, or null for none. */
    push: async (d: TestDevice, events: DomainEvent[] = d.made, token = d.token, signature?: string | null) =>
      call<PushResponse>(
        'POST',
        '/api/sync/push',
        { schemaVersion: SCHEMA_VERSION, deviceId: d.id, events, ...(signature === null ? {} : { deviceSignature: signature ?? (await d.pushSignature(events)) }) },
        token,
      ),
    audit: (token: string, query = '') => call<AuthAuditPage>('GET', `/api/audit${query}`, undefined, token),
    pull: (token: string, cursor = 0, limit?: number) =>
      call<PullResponse>('POST', '/api/sync/pull', { schemaVersion: SCHEMA_VERSION, cursor, ...(limit ? { limit } : {}) }, token),
    devices: (token: string) => call<{ devices: { id: string; revokedAt: string | null; hasKey: boolean }[] }>('GET', '/api/devices', undefined, token),
    revoke: (token: string, id: string) => call<{ revoked: true }>('POST', `/api/devices/${id}/revoke`, {}, token),
  };
}

/** Everything the refusal tests compare: nothing may change. */
async function snapshot(db: Db) {
  const [row] = await db.query<{ n: number; v: string; p: number; d: number; r: number }>(
    `SELECT (SELECT count(*)::int FROM events) AS n, (SELECT version FROM sync_state) AS v, (SELECT count(*)::int FROM projections) AS p,
            (SELECT count(*)::int FROM devices) AS d, (SELECT count(*)::int FROM devices WHERE revoked_at IS NOT NULL) AS r`,
  );
  return { ...row, v: Number(row!.v) };
}

/** Every projection row: what "no state change" compares. */
async function projections(db: Db) {
  return db.query<{ kind: string; record_id: string; state: unknown }>(`SELECT kind, record_id, state FROM projections ORDER BY kind, record_id`);
}

/** Signs events in `by`'s name with whatever key is given (a forger's signature; `keyId` may name another key). */
function signWith(events: readonly PreparedEvent[], by: string, key: SigningKey, keyId = key.keyId): Promise<PreparedEvent[]> {
  return Promise.all(events.map(async (e) => ({ ...e, sig: { by, key: keyId, sig: await signHash(key, contentHash(e)) } })));
}

/** The push results as [status, reason, field]. */
const verdicts = (res: { body: PushResponse }) => res.body.results.map((r) => [r.status, r.reason, r.field]);

const visitInput = (id = newId()) => ({
  id,
  visitorName: 'Budi Santoso',
  idType: 'passport' as const,
  idNumber: passportFor(id),
  organisation: 'PT Jaringan Nusantara',
  phone: '081234567890',
  purpose: 'Penggantian modul switch',
  workPlan: 'Mengganti modul SFP pada switch inti rak 3',
  plannedMinutes: 60,
  devices: [{ kind: 'laptop' as const, brandModel: 'Lenovo T14', serial: 'PF-123456' }],
});

export function syncSuite(backend: () => Backend): void {
  let app: FastifyInstance;
  let api: ReturnType<typeof client>;
  let dir: string;
  const extraApps: FastifyInstance[] = [];

  const build = (options: Partial<ServerOptions> = {}) =>
    buildServer({ webRoot: join(dir, 'web'), dataDir: join(dir, 'data'), version: '0.0.0-test', db: backend().db, ...options });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'meja-it-sync-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await reset(backend().db);
    app = await build();
    api = client(app);
  });
  afterEach(async () => {
    await app.close();
    for (const a of extraApps.splice(0)) await a.close();
  });

  /** An office: the admin's device bootstrapped, an officer and two approvers created and pushed. */
  async function office() {
    const admin = new TestDevice('Meja admin');
    const adminId = newId();
    const password = await hashPassword(PASSWORD, 1000);
    await admin.run({ userId: adminId, roles: ['admin'] }, {
      type: 'org.setUp',
      input: {
        profile: { name: 'Dinas Kominfo', unit: 'Bidang TIK', address: 'Jl. Merdeka No. 1', timeZone: 'WIB', badgePool: ['B-01', 'B-02'], docPrefix: 'TIK', idleLockMinutes: 15 },
        admin: { id: adminId, username: 'admin', displayName: 'Admin Kantor', roles: ['admin'], password },
      },
    });
    const boot = await api.bootstrap(admin);
    expect(boot.status).toBe(200);
    admin.token = boot.body.token;
    const ids: Record<string, string> = {};
    const people: [string, Role[]][] = [['petugas', ['officer']], ['penyetuju1', ['approver']], ['penyetuju2', ['approver']]];
    for (const [username, roles] of people) {
      ids[username] = newId();
      await admin.run(adminId, { type: 'user.create', input: { id: ids[username]!, username, displayName: `Pengguna ${username}`, roles, password } });
    }
    const pushed = await api.push(admin);
    expect(pushed.status).toBe(200);
    expect(pushed.body.results.every((r) => r.status === 'accepted')).toBe(true);
    return { admin, adminId, ids };
  }

  /** A device signed in as `username`, with everything pulled. */
  async function join_(username: string, name = `Meja ${username}`) {
    const d = new TestDevice(name);
    const res = await api.signIn(d, username);
    expect(res.status).toBe(200);
    d.token = res.body.token;
    d.receive((await api.pull(d.token, 0, 2000)).body.events);
    return d;
  }

  describe('enrolment', () => {
    it('bootstraps an empty server once; a second bootstrap is refused', async () => {
      const { admin } = await office();
      expect((await api.pull(admin.token)).body.events.slice(0, 2).map((e) => e.event.type)).toEqual(['org.setUp', 'user.created']);
      const before = await snapshot(backend().db);
      const other = new TestDevice('Meja lain');
      const otherAdmin = newId();
      await other.run({ userId: otherAdmin, roles: ['admin'] }, {
        type: 'org.setUp',
        input: {
          profile: { name: 'Kantor Lain', unit: '', address: 'Jl. Lain No. 2', timeZone: 'WITA', badgePool: ['X-1'], docPrefix: 'LAIN', idleLockMinutes: 10 },
          admin: { id: otherAdmin, username: 'root', displayName: 'Admin Lain', roles: ['admin'], password: await hashPassword(PASSWORD, 1000) },
        },
      });
      const again = await api.bootstrap(other);
      expect(again.status).toBe(409);
      expect(again.body.error).toEqual({ code: 'already-set-up', message: 'sync.errors.alreadySetUp' });
      expect(await snapshot(backend().db)).toEqual(before);
      // The first device re-pushing its own setup is idempotent.
      const repush = await api.push(admin);
      expect(repush.body.results.map((r) => r.status)).toEqual(admin.made.map(() => 'accepted'));
    });

    it('refuses a bootstrap whose events are not a setup and its first admin', async () => {
      const d = new TestDevice('Meja');
      const adminId = newId();
      await d.run({ userId: adminId, roles: ['admin'] }, {
        type: 'org.setUp',
        input: {
          profile: { name: 'Dinas Kominfo', unit: '', address: 'Jl. Merdeka No. 1', timeZone: 'WIB', badgePool: ['B-01'], docPrefix: 'TIK', idleLockMinutes: 15 },
          admin: { id: adminId, username: 'admin', displayName: 'Admin Kantor', roles: ['admin'], password: await hashPassword(PASSWORD, 1000) },
        },
      });
      const [setUp, user] = d.made as [DomainEvent, DomainEvent];
      const res = await api.bootstrap(d, [user, setUp]);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('bootstrap-invalid');
      expect((await snapshot(backend().db)).n).toBe(0);
    });

    it('signs in with the right password only', async () => {
      await office();
      const d = new TestDevice('Meja depan');
      const wrong = await api.signIn(d, 'petugas', 'salah12345');
      expect(wrong.status).toBe(401);
      expect(wrong.body.error).toEqual({ code: 'invalid-credentials', message: 'sync.errors.invalidCredentials' });
      expect((await api.signIn(d, 'nobody', PASSWORD)).status).toBe(401);
      const right = await api.signIn(d, 'PETUGAS', PASSWORD);
      expect(right.status).toBe(200);
      expect(right.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      // Only the token's hash is stored.
      const rows = await backend().db.query<{ token_hash: string }>(`SELECT token_hash FROM devices WHERE id = $1`, [d.id]);
      expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0]!.token_hash).not.toBe(right.body.token);
    });
  });

  describe('push', () => {
    it('is idempotent: the same batch twice and concurrently gives the same results and no duplicates', async () => {
      const { ids } = await office();
      const desk = await join_('petugas');
      for (let i = 0; i < 5; i++) await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      const [a, b, c] = await Promise.all([api.push(desk), api.push(desk), api.push(desk)]);
      const again = await api.push(desk);
      for (const r of [a, b, c, again]) expect(r.status).toBe(200);
      expect(b.body).toEqual(a.body);
      expect(c.body).toEqual(a.body);
      expect(again.body).toEqual(a.body);
      expect(a.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted']);
      const [row] = await backend().db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE device_id = $1`, [desk.id]);
      expect(row!.n).toBe(5);
      const versions = a.body.results.map((r) => r.serverVersion);
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
    });

    it('stops at a gap and names the expected seq', async () => {
      const { ids } = await office();
      const desk = await join_('petugas');
      for (let i = 0; i < 4; i++) await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      const first = await api.push(desk, desk.made.slice(0, 1));
      expect(first.body.results).toHaveLength(1);
      const gap = await api.push(desk, desk.made.slice(2));
      expect(gap.status).toBe(200);
      expect(gap.body).toEqual({ results: [], expectedSeq: 2 });
      const rest = await api.push(desk, desk.made.slice(1));
      expect(rest.body.expectedSeq).toBeUndefined();
      expect(rest.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    });

    it('rejects an altered event (reason sync.errors.chain) and keeps the chain going', async () => {
      const { ids } = await office();
      const desk = await join_('petugas');
      await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      const [first, second] = desk.made as [DomainEvent, DomainEvent];
      const altered = { ...first, payload: { ...first.payload, visitorName: 'Orang Lain' } };
      const res = await api.push(desk, [altered, second]);
      expect(res.body.results.map((r) => [r.status, r.reason])).toEqual([
        ['rejected', 'sync.errors.chain'],
        ['accepted', undefined],
      ]);
      const pulled = (await api.pull(desk.token, 0, 2000)).body.events;
      const stored = pulled.find((s) => s.event.id === first.id)!;
      expect(stored).toMatchObject({ status: 'rejected', reason: 'sync.errors.chain' });
      expect(await backend().db.query(`SELECT 1 FROM projections WHERE record_id = $1`, [first.recordId])).toHaveLength(0);
    });

    it('re-checks the actor: an event by a user without the role is rejected', async () => {
      const { ids } = await office();
      const desk = await join_('petugas');
      // A device that believes penyetuju1 is an officer (a stale or forged local copy).
      await desk.run({ userId: ids['penyetuju1']!, roles: ['officer'] }, { type: 'visit.register', input: visitInput() });
      const res = await api.push(desk);
      expect(res.body.results).toMatchObject([{ status: 'rejected', reason: 'errors.forbidden' }]);
    });

    it('two devices approving the same visit offline: one accepted, one rejected, both see both', async () => {
      const { ids } = await office();
      const desk = await join_('petugas');
      const [registered] = await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      await api.push(desk);
      const b = await join_('penyetuju1', 'Laptop B');
      const c = await join_('penyetuju2', 'Laptop C');
      const visitId = registered!.recordId;
      await b.run(ids['penyetuju1']!, { type: 'visit.decide', input: { id: visitId, approved: true } });
      await c.run(ids['penyetuju2']!, { type: 'visit.decide', input: { id: visitId, approved: true, reason: 'Sesuai jadwal' } });
      const [rb, rc] = await Promise.all([api.push(b), api.push(c)]);
      const statuses = [rb.body.results[0]!, rc.body.results[0]!];
      expect(statuses.map((r) => r.status).sort()).toEqual(['accepted', 'rejected']);
      expect(statuses.find((r) => r.status === 'rejected')!.reason).toBe('visit.errors.wrongState');
      for (const d of [b, c]) {
        const seen = (await api.pull(d.token, 0, 2000)).body.events.filter((s) => s.event.type === 'visit.approved');
        expect(seen.map((s) => s.status).sort()).toEqual(['accepted', 'rejected']);
        expect(seen.find((s) => s.status === 'rejected')!.reason).toBe('visit.errors.wrongState');
      }
      const [proj] = await backend().db.query<{ state: { status: string; decision: { by: string } } }>(`SELECT state FROM projections WHERE kind = 'visit' AND record_id = $1`, [visitId]);
      expect(proj!.state.status).toBe('approved');
      const winner = statuses[0]!.status === 'accepted' ? ids['penyetuju1'] : ids['penyetuju2'];
      expect(proj!.state.decision.by).toBe(winner);
    });

    it('accepts events from clocks 3 days ahead and 3 days behind', async () => {
      const { ids } = await office();
      const ahead = await join_('petugas', 'Jam maju');
      ahead.skewMs = 3 * DAY;
      const behind = await join_('petugas', 'Jam mundur');
      behind.skewMs = -3 * DAY;
      for (const d of [ahead, behind]) {
        const [e] = await d.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
        await d.run(ids['petugas']!, { type: 'visit.cancel', input: { id: e!.recordId, reason: 'Pengunjung batal datang' } });
        const res = await api.push(d);
        expect(res.body.results.map((r) => [r.status, r.reason, r.field]), d.name).toEqual([['accepted', undefined, undefined], ['accepted', undefined, undefined]]);
      }
    });
  });

  describe('pull', () => {
    it('pages through events in server order with cursor and hasMore', async () => {
      const { admin } = await office();
      const page1 = await api.pull(admin.token, 0, 3);
      expect(page1.body.events.map((e) => e.serverVersion)).toEqual([1, 2, 3]);
      expect(page1.body).toMatchObject({ cursor: 3, hasMore: true });
      const page2 = await api.pull(admin.token, 3, 3);
      expect(page2.body.events.map((e) => e.serverVersion)).toEqual([4, 5]);
      expect(page2.body).toMatchObject({ cursor: 5, hasMore: false });
      const empty = await api.pull(admin.token, 5);
      expect(empty.body).toEqual({ events: [], cursor: 5, hasMore: false });
      // Events come back exactly as pushed: their hashes still verify.
      for (const s of [...page1.body.events, ...page2.body.events]) expect(eventHash(s.event)).toBe(s.event.hash);
    });

    it('a snapshot pages projection rows as of one version; rows changed since come as their events', async () => {
      const { admin, ids } = await office();
      const desk = await join_('petugas');
      await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      await api.push(desk, desk.made, desk.token);
      const first = await api.call<SnapshotResponse>('POST', '/api/sync/snapshot', { schemaVersion: SCHEMA_VERSION, limit: 2 }, admin.token);
      expect(first.status).toBe(200);
      expect(first.body.records.map((r) => r.kind)).toEqual(['org', 'user']);
      expect(first.body.next).toEqual(['user', first.body.records[1]!.recordId]);
      const asOf = first.body.asOf;
      // The visit changes after the snapshot's version: the next pages send its events up to asOf.
      const visitId = desk.made[0]!.recordId;
      await desk.run(ids['petugas']!, { type: 'visit.cancel', input: { id: visitId, reason: 'Batal datang' } });
      await api.push(desk, desk.made.slice(-1), desk.token);
      let after = first.body.next;
      const rows = [...first.body.records];
      const events = [];
      while (after) {
        const page = await api.call<SnapshotResponse>('POST', '/api/sync/snapshot', { schemaVersion: SCHEMA_VERSION, limit: 2, asOf, after }, admin.token);
        expect(page.body.asOf).toBe(asOf);
        rows.push(...page.body.records);
        events.push(...page.body.events);
        after = page.body.next;
      }
      expect(rows.some((r) => r.recordId === visitId)).toBe(false);
      expect(events.map((e) => e.event.type)).toEqual(['visit.registered']);
      expect(events.every((e) => e.serverVersion <= asOf)).toBe(true);
      const history = await api.call<{ events: SyncedEvent[] }>('POST', '/api/sync/history', { schemaVersion: SCHEMA_VERSION, records: [['visit', visitId]], upTo: asOf + 10 }, admin.token);
      expect(history.body.events.map((e) => e.event.type)).toEqual(['visit.registered', 'visit.cancelled']);
    });

    it('never skips a late-committing transaction', async () => {
      let release: () => void = () => undefined;
      let entered: () => void = () => undefined;
      const held = new Promise<void>((r) => (entered = r));
      const gate = new Promise<void>((r) => (release = r));
      let slowId = '';
      await app.close();
      app = await build({ syncHooks: { beforeCommit: async (e) => (e.id === slowId ? (entered(), gate) : undefined) } });
      api = client(app);
      const { admin, ids } = await office();
      const desk = await join_('petugas');
      const cursor = (await api.pull(admin.token)).body.cursor;
      const [slow] = await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      slowId = slow!.id;
      const slowPush = api.push(desk);
      await held; // the slow event's transaction holds its version, uncommitted
      await admin.run(admin.made[0]!.actorId, { type: 'org.update', input: { idleLockMinutes: 30 } });
      const fastPush = api.push(admin);
      const during = await Promise.race([api.pull(admin.token, cursor), new Promise<null>((r) => setTimeout(() => r(null), 300))]);
      // Either the pull waited, or it saw nothing past the uncommitted version.
      if (during) expect(during.body.events).toEqual([]);
      release();
      const [s, f] = await Promise.all([slowPush, fastPush]);
      const after = await api.pull(admin.token, during?.body.cursor ?? cursor);
      expect(after.body.events.map((e) => e.event.id)).toEqual([slow!.id, admin.made.at(-1)!.id]);
      expect(s.body.results[0]!.serverVersion).toBeLessThan(f.body.results.at(-1)!.serverVersion);
    });
  });

  describe('refusals change nothing', () => {
    it('old schema version → 426 on push and pull', async () => {
      const { admin } = await office();
      const before = await snapshot(backend().db);
      const push = await api.call('POST', '/api/sync/push', { schemaVersion: SCHEMA_VERSION - 1, deviceId: admin.id, events: [] }, admin.token);
      const pull = await api.call('POST', '/api/sync/pull', { schemaVersion: SCHEMA_VERSION - 1, cursor: 0 }, admin.token);
      const snap = await api.call('POST', '/api/sync/snapshot', { schemaVersion: SCHEMA_VERSION - 1 }, admin.token);
      const history = await api.call('POST', '/api/sync/history', { schemaVersion: SCHEMA_VERSION - 1, records: [['org', 'org']], upTo: 1 }, admin.token);
      // A console older than device keys signs in (or bootstraps) with no proof at all: told to update too.
      const d = new TestDevice('Konsol lama');
      const oldSignIn = await api.call('POST', '/api/auth/sign-in', { schemaVersion: SCHEMA_VERSION, username: 'admin', password: PASSWORD, deviceId: d.id, deviceName: d.name });
      const oldBoot = await api.call('POST', '/api/auth/bootstrap', { schemaVersion: SCHEMA_VERSION, deviceId: admin.id, deviceName: admin.name, events: admin.made.slice(0, 2) });
      for (const r of [push, pull, snap, history, oldSignIn, oldBoot]) {
        expect(r.status).toBe(426);
        expect(r.body.error).toEqual({ code: 'update-required', message: 'sync.errors.updateRequired' });
      }
      expect(await snapshot(backend().db)).toEqual(before);
    });

    it('malformed, oversized, too many events, unauthenticated, another device, wrong role', async () => {
      const { admin, ids } = await office();
      const desk = await join_('petugas');
      await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      const before = await snapshot(backend().db);
      // Beyond the limits only one command alone may go (clients never split a command): these span two or more.
      const [made] = desk.made as [DomainEvent];
      const otherCommand = (): DomainEvent => ({ ...made, cmd: { ...made.cmd!, id: newId() } });
      const big = { schemaVersion: SCHEMA_VERSION, deviceId: desk.id, events: [{ ...made, payload: { junk: 'x'.repeat(1_100_000) } }, otherCommand()] };
      const many = { schemaVersion: SCHEMA_VERSION, deviceId: desk.id, events: Array.from({ length: MAX_PUSH_EVENTS + 1 }, (_, i) => (i === 0 ? made : otherCommand())) };
      const cases: [Promise<Res<unknown>>, number, string][] = [
        [api.call('POST', '/api/sync/push', '{"schemaVersion":', desk.token), 400, 'malformed'],
        [api.call('POST', '/api/sync/push', { schemaVersion: SCHEMA_VERSION, deviceId: desk.id, events: 'x' }, desk.token), 400, 'malformed'],
        [api.call('POST', '/api/sync/push', { schemaVersion: SCHEMA_VERSION, deviceId: desk.id, events: [{ ...desk.made[0], deviceSeq: -1 }] }, desk.token), 400, 'malformed'],
        [api.call('POST', '/api/sync/push', big, desk.token), 413, 'too-large'],
        [api.call('POST', '/api/sync/push', many, desk.token), 413, 'too-large'],
        // A NUL character in any string, value or key, deep in a payload (PostgreSQL's text refuses it).
        [api.call('POST', '/api/sync/push', { schemaVersion: SCHEMA_VERSION, deviceId: desk.id, events: [{ ...made, payload: { ...made.payload, note: { deep: ['ok', 'a\u0000b'] } } }] }, desk.token), 400, 'malformed'],
        [api.call('POST', '/api/sync/push', { schemaVersion: SCHEMA_VERSION, deviceId: desk.id, events: [{ ...made, payload: { ...made.payload, ['k\u0000']: 1 } }] }, desk.token), 400, 'malformed'],
        [api.push(desk, desk.made, ''), 401, 'unauthorized'],
        [api.push(desk, desk.made, 'not-a-token'), 401, 'unauthorized'],
        [api.call('POST', '/api/sync/pull', { schemaVersion: SCHEMA_VERSION, cursor: 0 }), 401, 'unauthorized'],
        [api.push(desk, desk.made, admin.token), 403, 'device-mismatch'],
        [api.revoke(desk.token, admin.id), 403, 'forbidden'],
        [api.devices(desk.token), 403, 'forbidden'],
        [api.call('POST', '/api/sync/pull', { schemaVersion: SCHEMA_VERSION, cursor: -1 }, desk.token), 400, 'malformed'],
        [api.call('POST', '/api/sync/snapshot', { schemaVersion: SCHEMA_VERSION }), 401, 'unauthorized'],
        [api.call('POST', '/api/sync/snapshot', { schemaVersion: SCHEMA_VERSION, limit: 100_000 }, desk.token), 400, 'malformed'],
        [api.call('POST', '/api/sync/snapshot', { schemaVersion: SCHEMA_VERSION, after: ['nope', 'x'] }, desk.token), 400, 'malformed'],
        [api.call('POST', '/api/sync/history', { schemaVersion: SCHEMA_VERSION, records: [['org', 'org']], upTo: 1 }), 401, 'unauthorized'],
        [api.call('POST', '/api/sync/history', { schemaVersion: SCHEMA_VERSION, records: [], upTo: 1 }, desk.token), 400, 'malformed'],
      ];
      for (const [promise, status, code] of cases) {
        const res = await promise;
        expect([res.status, res.body.error?.code]).toEqual([status, code]);
        expect(res.body.error?.message).toMatch(/^sync\.errors\./);
      }
      expect(await snapshot(backend().db)).toEqual(before);
    });
  });

  describe('devices', () => {
    it('an admin lists devices and revokes one; the revoked token is refused at once', async () => {
      const { admin, ids } = await office();
      const desk = await join_('petugas');
      await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      expect((await api.push(desk)).status).toBe(200);
      const list = await api.devices(admin.token);
      expect(list.status).toBe(200);
      expect(list.body.devices.map((d) => d.id).sort()).toEqual([admin.id, desk.id].sort());
      expect((await api.revoke(admin.token, desk.id)).body).toEqual({ revoked: true });
      await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      const before = await snapshot(backend().db);
      for (const res of [await api.push(desk), await api.pull(desk.token)]) {
        expect(res.status).toBe(401);
        expect(res.body.error).toEqual({ code: 'device-revoked', message: 'sync.errors.deviceRevoked' });
      }
      // Signing in again does not undo the revocation.
      expect((await api.signIn(desk, 'petugas')).status).toBe(403);
      expect(await snapshot(backend().db)).toEqual(before);
      expect((await api.devices(admin.token)).body.devices.find((d) => d.id === desk.id)!.revokedAt).toBeTruthy();
      expect((await api.revoke(admin.token, newId())).status).toBe(404);
    });
  });

  describe('device keys', () => {
    /** Every audit row (newest first), read by an admin. */
    const auditRows = async (token: string) => {
      const res = await api.audit(token, '?limit=200');
      expect(res.status).toBe(200);
      return res.body.entries;
    };

    it("re-enrolling another device's id with another key is refused 403 and the real desk's token keeps working", async () => {
      const { admin, ids } = await office();
      const desk = await join_('petugas');
      const before = await snapshot(backend().db);
      const [{ token_hash: tokenBefore, public_key: keyBefore }] = (await backend().db.query<{ token_hash: string; public_key: string }>(
        `SELECT token_hash, public_key FROM devices WHERE id = $1`,
        [desk.id],
      )) as [{ token_hash: string; public_key: string }];
      expect(keyBefore).toBe((await desk.signer()).publicKey);

      // A hostile insider with a valid account and the desk's id (it is in every event), but not its key.
      const impostor = new TestDevice('Meja palsu', desk.id);
      const taken = await api.signIn(impostor, 'penyetuju1');
      expect([taken.status, taken.body.error]).toEqual([403, { code: 'device-key-mismatch', message: 'sync.errors.deviceKeyMismatch' }]);
      // Naming the desk's public key does not help: the signature must verify with the registered key.
      const named = await api.signIn(impostor, 'penyetuju1', PASSWORD, { proof: { ...(await api.proof(impostor)), devicePublicKey: keyBefore } });
      expect([named.status, named.body.error?.code]).toEqual([403, 'device-key-mismatch']);
      // Nor does the bootstrap path (for the admin's desk: the server is set up).
      expect((await api.bootstrap(new TestDevice('Meja palsu', admin.id), admin.made.slice(0, 2))).status).toBe(409);

      expect(await snapshot(backend().db)).toEqual(before);
      const [row] = await backend().db.query<{ token_hash: string; public_key: string; user_id: string }>(`SELECT token_hash, public_key, user_id FROM devices WHERE id = $1`, [desk.id]);
      expect(row).toEqual({ token_hash: tokenBefore, public_key: keyBefore, user_id: ids['petugas'] });
      // The real desk's token still works, and its next event is not a chain break.
      await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      const pushed = await api.push(desk);
      expect([pushed.status, pushed.body.results.map((r) => r.status)]).toEqual([200, ['accepted']]);
      // The desk itself signs in again with its own key (another user at the same desk too).
      expect((await api.signIn(desk, 'penyetuju2')).status).toBe(200);

      const rows = await auditRows(admin.token);
      const mismatches = rows.filter((r) => r.event === 'device-key-mismatch');
      expect(mismatches).toHaveLength(2);
      expect(mismatches[0]).toMatchObject({ username: 'penyetuju1', deviceId: desk.id, deviceName: 'Meja palsu', address: '127.0.0.1', detail: 'device-key-mismatch' });
      // One enrolment per device (the desk's second sign-in is a plain sign-in).
      expect(rows.filter((r) => r.event === 'device-enrolled').map((r) => r.deviceId).sort()).toEqual([admin.id, desk.id].sort());
      expect(rows.filter((r) => r.event === 'sign-in' && r.deviceId === desk.id).map((r) => r.username)).toEqual(['penyetuju2', 'petugas']);
    });

    it("a desk restored from a backup: only an admin's sign-in binds its id to the new key; the outbox it pushes again is stored once", async () => {
      const { admin, ids } = await office();
      const desk = await join_('petugas');
      const petugas = desk.actor(ids['petugas']!);
      // Two visits queued when the backup was made; the desk pushed the first before its disk died.
      await desk.run(petugas.userId, { type: 'visit.register', input: visitInput() });
      await desk.run(petugas.userId, { type: 'visit.register', input: visitInput() });
      const [first, second] = desk.made;
      const early = await api.push(desk, [first!]);
      expect(early.body.results.map((r) => r.status)).toEqual(['accepted']);
      const deskKey = (await desk.signer()).publicKey;

      // The restored console: the same device id and chain, a new device key (the old one was non-extractable).
      const restored = new TestDevice('Meja pulih', desk.id);
      restored.head = desk.head;
      restored.made.push(...desk.made);
      const keyOnFile = async () => (await backend().db.query<{ public_key: string }>(`SELECT public_key FROM devices WHERE id = $1`, [desk.id]))[0]!.public_key;
      const before = await snapshot(backend().db);
      // Without asking, or asked by a user who is not an admin, or with a wrong password: refused, nothing changes.
      const plain = await api.signIn(restored, 'petugas');
      expect([plain.status, plain.body.error?.code]).toEqual([403, 'device-key-mismatch']);
      const notAdmin = await api.signIn(restored, 'petugas', PASSWORD, { replaceKey: true });
      expect([notAdmin.status, notAdmin.body.error]).toEqual([403, { code: 'replace-key-admin-only', message: 'sync.errors.replaceKeyAdminOnly' }]);
      const wrong = await api.signIn(restored, 'admin', 'salah12345', { replaceKey: true });
      expect([wrong.status, wrong.body.error?.code]).toEqual([401, 'invalid-credentials']);
      // A proof not made with the key it names is no proof.
      const other = new TestDevice('Meja lain');
      const forged = await api.signIn(restored, 'admin', PASSWORD, { replaceKey: true, proof: { ...(await api.proof(restored)), devicePublicKey: (await other.signer()).publicKey } });
      expect([forged.status, forged.body.error?.code]).toEqual([403, 'device-key-mismatch']);
      expect(await keyOnFile()).toBe(deskKey);
      expect(await snapshot(backend().db)).toEqual(before);

      // An admin connects the restored console: the id is bound to its key, the old token stops working.
      const rebound = await api.signIn(restored, 'admin', PASSWORD, { replaceKey: true });
      expect(rebound.status).toBe(200);
      restored.token = rebound.body.token;
      expect(await keyOnFile()).toBe((await restored.signer()).publicKey);
      expect((await api.pull(desk.token)).status).toBe(401);
      // The old desk, were it still running, can no longer sign in as that id.
      expect((await api.signIn(desk, 'petugas')).status).toBe(403);

      // The whole outbox again: the first event answers with its stored result, the second is stored; once each.
      const again = await api.push(restored, [first!, second!]);
      expect(again.body.results.map((r) => [r.id, r.status])).toEqual([[first!.id, 'accepted'], [second!.id, 'accepted']]);
      expect(again.body.results[0]!.serverVersion).toBe(early.body.results[0]!.serverVersion);
      expect((await api.push(restored, [first!, second!])).body.results.map((r) => r.serverVersion)).toEqual(again.body.results.map((r) => r.serverVersion));
      const stored = await backend().db.query<{ id: string }>(`SELECT id FROM events WHERE device_id = $1 ORDER BY device_seq`, [desk.id]);
      expect(stored.map((r) => r.id)).toEqual([first!.id, second!.id]);

      const rows = (await api.audit(admin.token, '?limit=200')).body.entries;
      const replaced = rows.filter((r) => r.event === 'device-key-replaced');
      expect(replaced).toHaveLength(1);
      expect(replaced[0]).toMatchObject({ username: 'admin', deviceId: desk.id, deviceName: 'Meja pulih', detail: `${keyIdOf(deskKey)} -> ${keyIdOf((await restored.signer()).publicKey)}` });
      expect(rows.find((r) => r.detail === 'replace-key-admin-only')).toMatchObject({ event: 'device-key-mismatch', username: 'petugas' });
    });

    it('refuses a bad signature, a replayed, foreign or expired challenge (401 device-signature)', async () => {
      let clock = Date.now();
      await app.close();
      app = await build({ syncHooks: { now: () => clock } });
      api = client(app);
      const { admin } = await office();
      const d = new TestDevice('Meja baru');
      const other = new TestDevice('Meja lain');
      const refused = async (proof: DeviceProof) => {
        const res = await api.signIn(d, 'petugas', PASSWORD, { proof });
        expect([res.status, res.body.error]).toEqual([401, { code: 'device-signature', message: 'sync.errors.deviceSignature' }]);
      };
      // Signed by another key than the one named.
      await refused({ ...(await api.proof(d)), devicePublicKey: (await other.signer()).publicKey });
      // A challenge issued for another device id.
      await refused(await d.proof(await api.challenge(other)));
      // A challenge the server never issued.
      await refused(await d.proof('ab'.repeat(32)));
      // Expired (2 minutes).
      const late = await api.proof(d);
      clock += 2 * 60_000 + 1;
      await refused(late);
      // Used once, refused the second time.
      const proof = await api.proof(d);
      expect((await api.signIn(d, 'petugas', PASSWORD, { proof })).status).toBe(200);
      await refused(proof);
      // Malformed keys and signatures do not reach the check.
      expect((await api.signIn(d, 'petugas', PASSWORD, { proof: { ...(await api.proof(d)), deviceSignature: 'zz' } })).status).toBe(400);
      const rows = await auditRows(admin.token);
      expect(rows.filter((r) => r.event === 'device-signature-invalid')).toHaveLength(5);
      // Five bogus proofs from one address hold the address back like five wrong passwords (not the username).
      expect((await api.signIn(d, 'petugas')).status).toBe(429);
      expect((await api.signIn(d, 'petugas', PASSWORD, { address: '10.0.0.3' })).status).toBe(200);
    });

    it('a device enrolled before device keys registers its key at its next sign-in (trust on first use), then holds it', async () => {
      const { admin, ids } = await office();
      const desk = await join_('petugas');
      // As a server upgraded from before migration 6 finds it: no key on file.
      await backend().db.query(`UPDATE devices SET public_key = NULL WHERE id = $1`, [desk.id]);
      await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      expect((await api.devices(admin.token)).body.devices.find((x) => x.id === desk.id)!.hasKey).toBe(false);
      // Its old token cannot push until it proves a key (nothing to check the signature with).
      const blocked = await api.push(desk);
      expect([blocked.status, blocked.body.error?.code]).toEqual([401, 'device-signature']);
      const res = await api.signIn(desk, 'petugas');
      expect(res.status).toBe(200);
      desk.token = res.body.token;
      expect((await api.push(desk)).body.results.map((r) => r.status)).toEqual(['accepted']);
      const [row] = await backend().db.query<{ public_key: string }>(`SELECT public_key FROM devices WHERE id = $1`, [desk.id]);
      expect(row!.public_key).toBe((await desk.signer()).publicKey);
      expect((await api.devices(admin.token)).body.devices.every((x) => x.hasKey)).toBe(true);
      // From now on the key is the device's: another key is refused.
      expect((await api.signIn(new TestDevice('Meja palsu', desk.id), 'petugas')).status).toBe(403);
      const rows = await auditRows(admin.token);
      expect(rows.find((r) => r.event === 'device-key-registered')).toMatchObject({ deviceId: desk.id, username: 'petugas', userId: ids['petugas'] });
    });

    it('a push without, or with a wrong, device signature is 401 and stores nothing', async () => {
      const { admin, ids } = await office();
      const desk = await join_('petugas');
      await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      const [e1, e2, e3] = desk.made as [DomainEvent, DomainEvent, DomainEvent];
      const before = await snapshot(backend().db);
      const thief = new TestDevice('Pencuri token', desk.id);
      // Re-hashed after the change, so that the event itself is consistent.
      const forged = { ...e1, payload: { ...e1.payload, visitorName: 'Orang Lain' } };
      forged.hash = eventHash(forged);
      const cases: Promise<Res<PushResponse>>[] = [
        // No signature: a token alone does not push.
        api.push(desk, desk.made, desk.token, null),
        // Signed with another key (a stolen token, the thief's own key).
        api.push(desk, desk.made, desk.token, await thief.pushSignature(desk.made)),
        // The desk's signature of another batch.
        api.push(desk, desk.made, desk.token, await desk.pushSignature([e1, e2])),
        // The desk's signature of [e1, e2, e3] on a truncated or a spliced batch.
        api.push(desk, [e1, e2], desk.token, await desk.pushSignature(desk.made)),
        api.push(desk, [e1, e3], desk.token, await desk.pushSignature(desk.made)),
        // An event swapped for a consistent forgery: the chain to the signed hash breaks.
        api.push(desk, [forged, e2, e3], desk.token, await desk.pushSignature(desk.made)),
        // Malformed.
        api.push(desk, desk.made, desk.token, 'ab'),
      ];
      const results = await Promise.all(cases);
      expect(results.map((r) => [r.status, r.body.error?.code])).toEqual([
        [401, 'device-signature'], [401, 'device-signature'], [401, 'device-signature'], [401, 'device-signature'], [401, 'device-signature'], [401, 'device-signature'], [400, 'malformed'],
      ]);
      expect(results[0]!.body.error?.message).toBe('sync.errors.deviceSignature');
      expect(await snapshot(backend().db)).toEqual(before);
      // Signed by the desk: accepted.
      expect((await api.push(desk)).body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
      // An empty push is signed too.
      expect((await api.push(admin, [], admin.token, null)).status).toBe(401);
      expect((await api.push(admin, [])).body).toEqual({ results: [] });
    });
  });

  describe('sign-in throttle', () => {
    /** A server whose auth clock the test moves, counting the password checks it makes. */
    async function clocked() {
      const t = { now: Date.now(), checks: 0 };
      await app.close();
      app = await build({ syncHooks: { now: () => t.now, verifyPassword: (password, stored) => (t.checks++, verifyPassword(password, stored)) } });
      api = client(app);
      return t;
    }

    it('25 wrong passwords: 429 with Retry-After; the right one is refused while locked, unchecked, and works after the wait', async () => {
      const t = await clocked();
      const { admin } = await office();
      const d = new TestDevice('Meja depan');
      const answers: number[] = [];
      t.checks = 0;
      for (let i = 0; i < 25; i++) {
        const res = await api.signIn(d, 'petugas', `salah-${i}`);
        answers.push(res.status);
        if (res.status === 429) {
          expect(res.headers['retry-after']).toBe('30');
          expect(res.body.error).toEqual({ code: 'throttled', message: 'sync.errors.throttled', retryAfter: 30 });
        }
      }
      expect(answers).toEqual([...Array(5).fill(401), ...Array(20).fill(429)]);
      // The password was not even checked while throttled.
      expect(t.checks).toBe(5);
      const locked = await api.signIn(d, 'petugas');
      expect([locked.status, locked.body.error?.code]).toEqual([429, 'throttled']);
      expect(t.checks).toBe(5);
      // The lock is in the database: another instance on it refuses too.
      const other = await build({ syncHooks: { now: () => t.now } });
      extraApps.push(other);
      expect((await client(other).signIn(d, 'petugas')).status).toBe(429);
      t.now += 29_000;
      const almost = await api.signIn(d, 'petugas');
      expect([almost.status, almost.headers['retry-after'], almost.body.error?.retryAfter]).toEqual([429, '1', 1]);
      t.now += 1_000;
      // After the wait: one more failure doubles the lock (60 s)…
      expect((await api.signIn(d, 'petugas', 'salah-lagi')).status).toBe(401);
      const doubled = await api.signIn(d, 'petugas');
      expect([doubled.status, doubled.headers['retry-after']]).toEqual([429, '60']);
      t.now += 60_000;
      // …and the right password works again after it.
      const right = await api.signIn(d, 'petugas');
      expect(right.status).toBe(200);
      expect(t.checks).toBe(7);
      // A success cleared the username's count: five more failures (from another address, whose count is its own) before a lock.
      const again: number[] = [];
      for (let i = 0; i < 6; i++) again.push((await api.signIn(d, 'petugas', 'salah', { address: '10.0.0.9' })).status);
      expect(again).toEqual([401, 401, 401, 401, 401, 429]);

      const rows = (await api.audit(admin.token, '?limit=200')).body.entries.filter((r) => r.username === 'petugas' && r.deviceId === d.id);
      const count = (event: string) => rows.filter((r) => r.event === event).length;
      expect([count('sign-in-failed'), count('sign-in-throttled'), count('sign-in')]).toEqual([11, 25, 1]);
      expect(rows.find((r) => r.event === 'sign-in-throttled')).toMatchObject({ address: '10.0.0.9', deviceName: 'Meja depan', detail: 'retry-after 30' });
      expect(rows.find((r) => r.event === 'sign-in-failed')).toMatchObject({ address: '10.0.0.9', detail: 'invalid-credentials' });
    });

    it('throttles per client address: failures on many usernames lock the address, not the other desks', async () => {
      const t = await clocked();
      const { admin } = await office();
      const d = new TestDevice('Meja tamu');
      const names = ['admin', 'petugas', 'penyetuju1', 'penyetuju2', 'tidakada'];
      for (const username of names) expect((await api.signIn(d, username, 'tebakan1', { address: '10.0.0.7' })).status).toBe(401);
      t.checks = 0;
      // The address is locked for every username, the right password included; unchecked.
      const locked = await api.signIn(d, 'penyetuju2', PASSWORD, { address: '10.0.0.7' });
      expect([locked.status, locked.headers['retry-after'], locked.body.error?.retryAfter]).toEqual([429, '30', 30]);
      expect(t.checks).toBe(0);
      // The same user from another desk's address signs in (each username had one failure only).
      const elsewhere = await api.signIn(new TestDevice('Meja lain'), 'penyetuju2', PASSWORD, { address: '10.0.0.8' });
      expect(elsewhere.status).toBe(200);
      t.now += 30_000;
      expect((await api.signIn(d, 'penyetuju2', PASSWORD, { address: '10.0.0.7' })).status).toBe(200);
      // The address keeps its count after a success (a valid account does not reset a guesser's address)…
      expect((await api.signIn(d, 'tidakada2', 'tebakan2', { address: '10.0.0.7' })).status).toBe(401);
      expect((await api.signIn(d, 'penyetuju2', PASSWORD, { address: '10.0.0.7' })).headers['retry-after']).toBe('60');
      // …and forgets it an hour after its last failure.
      t.now += 60 * 60_000;
      expect((await api.signIn(d, 'tidakada3', 'tebakan3', { address: '10.0.0.7' })).status).toBe(401);
      expect((await api.signIn(d, 'penyetuju2', PASSWORD, { address: '10.0.0.7' })).status).toBe(200);

      const rows = (await api.audit(admin.token, '?limit=200')).body.entries.filter((r) => r.address === '10.0.0.7');
      expect(rows.filter((r) => r.event === 'sign-in-failed').map((r) => r.username).reverse()).toEqual([...names, 'tidakada2', 'tidakada3']);
      expect(rows.filter((r) => r.event === 'sign-in-throttled')).toHaveLength(2);
    });

    it('parallel guesses cannot slip past the check: five are checked, the rest are throttled', async () => {
      const t = await clocked();
      await office();
      t.checks = 0;
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => api.signIn(new TestDevice(`Meja ${i}`), 'admin', `tebakan-${i}`)));
      expect(answers.map((r) => r.body.error?.code).sort()).toEqual([...Array(5).fill('invalid-credentials'), ...Array(7).fill('throttled')]);
      expect(t.checks).toBe(5);
    });
  });

  describe('auth audit', () => {
    it('records bootstrap, enrolment, sign-ins and revocation; pages newest first; admins only', async () => {
      const { admin, adminId, ids } = await office();
      const desk = await join_('petugas');
      expect((await api.signIn(new TestDevice('Laptop'), 'petugas', 'salah')).status).toBe(401);
      expect((await api.revoke(admin.token, desk.id)).status).toBe(200);
      expect((await api.revoke(admin.token, desk.id)).status).toBe(200); // already revoked: logged once
      const revokedAgain = await api.signIn(desk, 'petugas');
      expect([revokedAgain.status, revokedAgain.body.error?.code]).toEqual([403, 'device-revoked']);

      const all = (await api.audit(admin.token)).body;
      expect(all.next).toBeNull();
      expect(all.entries.map((e) => e.event)).toEqual(['sign-in-failed', 'device-revoked', 'sign-in-failed', 'device-enrolled', 'sign-in', 'device-enrolled', 'bootstrap']);
      const order = all.entries.map((e) => e.id);
      expect(order).toEqual([...order].sort((a, b) => b - a));
      expect(all.entries.at(-1)).toMatchObject({ event: 'bootstrap', username: 'admin', userId: adminId, deviceId: admin.id, deviceName: 'Meja admin', address: '127.0.0.1' });
      expect(all.entries[1]).toMatchObject({ event: 'device-revoked', userId: adminId, deviceId: desk.id, deviceName: desk.name, detail: `by ${admin.id}` });
      expect(all.entries[0]).toMatchObject({ event: 'sign-in-failed', deviceId: desk.id, detail: 'device-revoked' });
      expect(all.entries[2]).toMatchObject({ event: 'sign-in-failed', username: 'petugas', userId: ids['petugas'], deviceName: 'Laptop', detail: 'invalid-credentials' });
      for (const e of all.entries) expect(Date.parse(e.at)).not.toBeNaN();

      // Paged: three at a time, then from `next`.
      const first = (await api.audit(admin.token, '?limit=3')).body;
      expect(first.entries.map((e) => e.id)).toEqual(order.slice(0, 3));
      const second = (await api.audit(admin.token, `?limit=3&before=${first.next}`)).body;
      expect(second.entries.map((e) => e.id)).toEqual(order.slice(3, 6));
      const third = (await api.audit(admin.token, `?limit=3&before=${second.next}`)).body;
      expect([third.entries.map((e) => e.id), third.next]).toEqual([order.slice(6), null]);

      // Not for other roles, nor without a token; a bad query is malformed.
      const approver = await join_('penyetuju1');
      const refused = await api.audit(approver.token);
      expect([refused.status, refused.body.error]).toEqual([403, { code: 'forbidden', message: 'sync.errors.forbidden' }]);
      expect((await api.audit('')).status).toBe(401);
      expect((await api.audit(admin.token, '?limit=100000')).status).toBe(400);
    });
  });

  describe('restarts', () => {
    it('a server killed mid-push loses and duplicates nothing when the device pushes again', async () => {
      const persistent = await backend().persistentOptions(join(dir, `data-${newId()}`));
      let killed: Promise<void> | undefined;
      let target = '';
      // The "kill": the power goes while the push's transaction is writing its fourth event (a
      // push is one transaction), and the database goes away with it.
      const kill = async () => {
        await server.syncDb.close();
        await server.close();
      };
      const beforeCommit = (e: DomainEvent) => {
        if (e.id !== target) return;
        killed ??= kill();
        throw new Error('power cut');
      };
      let server: FastifyInstance = await build({ db: undefined, ...persistent, syncHooks: { beforeCommit } });
      api = client(server);
      const { ids } = await office();
      const desk = await join_('petugas');
      for (let i = 0; i < 10; i++) await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      target = desk.made[3]!.id;
      const interrupted = await api.push(desk).catch(() => null);
      await killed;
      expect([500, 503]).toContain(interrupted?.status);
      expect(interrupted?.body.error?.message).toMatch(/^sync\.errors\.(unavailable|server)$/);

      server = await build({ db: undefined, ...persistent });
      extraApps.push(server);
      api = client(server);
      const again = await api.push(desk);
      expect(again.status).toBe(200);
      expect(again.body.results.map((r) => r.status)).toEqual(desk.made.map(() => 'accepted'));
      const versions = again.body.results.map((r) => r.serverVersion);
      expect(new Set(versions).size).toBe(10);
      const pulled = (await api.pull(desk.token, 0, 2000)).body.events.filter((s) => s.event.deviceId === desk.id);
      expect(pulled.map((s) => s.event.id)).toEqual(desk.made.map((e) => e.id));
      expect(pulled.map((s) => s.serverVersion)).toEqual(versions);
    });
  });

  describe('pokes', () => {
    it('streams a poke when events commit, also from another instance on the same database', async () => {
      const { admin, ids } = await office();
      const desk = await join_('petugas');
      // A second instance on the same data (PostgreSQL: its own pool and LISTEN connection).
      const persistent = backend().name === 'postgres' ? await backend().persistentOptions(join(dir, 'unused')) : undefined;
      const other = persistent ? await build({ db: undefined, ...persistent }) : app;
      if (other !== app) extraApps.push(other);
      const url = await other.listen({ port: 0, host: '127.0.0.1' });
      const controller = new AbortController();
      // The ticket comes from the first instance; the stream is opened on the other one.
      const { ticket } = (await api.call<{ ticket: string }>('POST', '/api/sync/events-ticket', {}, admin.token)).body;
      const res = await fetch(`${url}/api/sync/events?ticket=${encodeURIComponent(ticket)}`, { signal: controller.signal });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const readUntil = async (pattern: RegExp) => {
        while (!pattern.test(text)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended: ${text}`);
          text += decoder.decode(value);
        }
      };
      const start = (await api.pull(admin.token)).body.cursor;
      await readUntil(new RegExp(`data: \\{"version":${start}\\}`));
      await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      await api.push(desk); // on the first instance
      await readUntil(new RegExp(`event: poke\\ndata: \\{"version":${start + 1}\\}`));
      controller.abort();
      const refused = await fetch(`${url}/api/sync/events?ticket=nope`);
      expect(refused.status).toBe(401);
      // fetch keeps its sockets alive for a few seconds; do not let close() wait for them.
      other.server.closeAllConnections();
    });

    it('opens the stream with a single-use ticket that expires after 60 s, never with a token in the URL', async () => {
      let clock = Date.now();
      await app.close();
      app = await build({ syncHooks: { now: () => clock } });
      api = client(app);
      const { admin } = await office();
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const ticket = async (token = admin.token) => api.call<{ ticket: string; expiresIn: number }>('POST', '/api/sync/events-ticket', {}, token);
      const open = async (query: string, headers: Record<string, string> = {}) => {
        const controller = new AbortController();
        const res = await fetch(`${url}/api/sync/events${query}`, { signal: controller.signal, headers });
        const status = res.status;
        const body = status === 200 ? '' : await res.text();
        controller.abort();
        return { status, body };
      };
      const unauthorized = JSON.stringify({ error: { code: 'unauthorized', message: 'sync.errors.unauthorized' } });

      // A ticket needs the device's token (Bearer).
      expect((await ticket('')).status).toBe(401);
      expect((await ticket('not-a-token')).status).toBe(401);
      // The token itself in the URL is refused, even a valid one.
      expect(await open(`?token=${encodeURIComponent(admin.token)}`)).toEqual({ status: 401, body: unauthorized });

      const first = (await ticket()).body;
      expect(first.expiresIn).toBe(60);
      expect(first.ticket).not.toContain(admin.token);
      expect((await open(`?ticket=${encodeURIComponent(first.ticket)}`)).status).toBe(200);
      // Used once: refused the second time.
      expect(await open(`?ticket=${encodeURIComponent(first.ticket)}`)).toEqual({ status: 401, body: unauthorized });
      // Expired after 60 s.
      const late = (await ticket()).body.ticket;
      clock += 60_000 + 1;
      expect((await open(`?ticket=${encodeURIComponent(late)}`)).status).toBe(401);
      // A ticket of a revoked device is refused, like its token.
      const desk = await join_('petugas');
      const deskTicket = (await ticket(desk.token)).body.ticket;
      expect((await api.revoke(admin.token, desk.id)).status).toBe(200);
      expect((await open(`?ticket=${encodeURIComponent(deskTicket)}`)).status).toBe(401);
      // Clients that can send headers (the desktop's main process) may use the Bearer token.
      expect((await open('', { authorization: `Bearer ${admin.token}` })).status).toBe(200);
      app.server.closeAllConnections();
    });
  });
  describe('access requests', () => {
    it('submitted at the desk, decided by one IT Manager while another decided offline, provisioned: the server folds what the devices fold', async () => {
      const o = await office();
      const kabid2 = newId();
      const techId = newId();
      const password = await hashPassword(PASSWORD, 1000);
      await o.admin.run(o.adminId, { type: 'user.create', input: { id: kabid2, username: 'kabid2', displayName: 'Kepala Bidang 2', roles: ['admin'], password } });
      await o.admin.run(o.adminId, { type: 'user.create', input: { id: techId, username: 'teknisi', displayName: 'Rahmat Hidayat', roles: ['technician'], password } });
      const employeeId = newId();
      await o.admin.run(o.adminId, { type: 'employee.create', input: { id: employeeId, nip: '199203032015031002', name: 'Andi Wijaya', department: 'Bidang Keuangan', position: 'Analis', email: '', status: 'active' } });
      expect((await api.push(o.admin)).body.results.every((r) => r.status === 'accepted')).toBe(true);

      const desk = await join_('petugas');
      const id = newId();
      await desk.run(o.ids['petugas']!, {
        type: 'access.submit',
        input: {
          id, employeeId, requester: { name: 'Hendra Gunawan', position: 'Kasubag Keuangan' }, divisionHead: { name: 'Dra. Ratna Sari', position: 'Kabid Keuangan' },
          need: 'Email dinas dan HRIS untuk pegawai baru di Sub Bagian Keuangan.', items: [{ system: 'Email', level: 'write', scope: '' }, { system: 'HRIS', level: 'read', scope: 'Cuti' }],
        },
      });
      expect((await api.push(desk)).body.results.map((r) => r.status)).toEqual(['accepted']);
      // Two IT Managers decide on their own laptops, offline: the first pushed wins, the other lands in the conflict inbox.
      const m1 = await join_('admin', 'Laptop kabid');
      const m2 = await join_('kabid2', 'Laptop kabid 2');
      await m1.run(o.adminId, { type: 'access.decide', input: { id, approved: true, note: 'Sesuai kebutuhan jabatan.' } });
      await m2.run(kabid2, { type: 'access.decide', input: { id, approved: false, note: 'HRIS cukup melalui bagian kepegawaian.' } });
      expect((await api.push(m1)).body.results.map((r) => r.status)).toEqual(['accepted']);
      expect((await api.push(m2)).body.results).toMatchObject([{ status: 'rejected', reason: 'access.errors.wrongState' }]);

      const tech = await join_('teknisi', 'Laptop teknisi');
      const items = (tech.state.get(`access:${id}`) as { items: { id: string }[] }).items;
      await tech.run(techId, { type: 'access.grant', input: { id, itemId: items[0]!.id, account: 'andi.wijaya@kominfo.go.id', note: '' } });
      await tech.run(techId, { type: 'access.grant', input: { id, itemId: items[1]!.id, account: 'andi.w', note: '' } });
      await tech.run(techId, { type: 'access.revoke', input: { id, itemId: items[1]!.id, reason: 'Dipindah ke aplikasi lain' } });
      expect((await api.push(tech)).body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
      const [proj] = await backend().db.query<{ state: unknown }>(`SELECT state FROM projections WHERE kind = 'access' AND record_id = $1`, [id]);
      expect(proj!.state).toEqual(JSON.parse(JSON.stringify(tech.state.get(`access:${id}`))));
      expect(proj!.state).toMatchObject({ status: 'provisioned', activeGrants: 1, decidedBy: o.adminId, version: 1 });
      // The desk, still offline with the request as submitted, cancels it: the server refuses (already provisioned).
      await desk.run(o.ids['petugas']!, { type: 'access.cancel', input: { id, reason: 'Pegawai batal dimutasi' } });
      expect((await api.push(desk)).body.results.at(-1)).toMatchObject({ status: 'rejected', reason: 'access.errors.wrongState' });
    });
  });

  describe('daily operations', () => {
    it("one office day recorded on two devices offline: both accepted, and the server folds the day like the devices", async () => {
      const o = await office();
      const techId = newId();
      await o.admin.run(o.adminId, { type: 'user.create', input: { id: techId, username: 'teknisi', displayName: 'Rahmat Hidayat', roles: ['technician'], password: await hashPassword(PASSWORD, 1000) } });
      expect((await api.push(o.admin)).body.results.every((r) => r.status === 'accepted')).toBe(true);
      const desk = await join_('petugas');
      const tech = await join_('teknisi', 'Laptop teknisi');
      const date = localDate(new Date().toISOString(), 'WIB');
      const startedAt = new Date(Math.max(Date.parse(startOfLocalDay(date, 'WIB')), Date.now() - 60_000)).toISOString();
      const disruptionId = newId();
      await desk.run(o.ids['petugas']!, {
        type: 'opsday.checkNetwork',
        input: { date, items: [{ item: 'internet', ok: true, note: '' }, { item: 'wifi', ok: false, note: 'AP lantai 2 mati' }, { item: 'vpn', ok: true, note: '' }] },
      });
      await desk.run(o.ids['petugas']!, { type: 'opsday.openDisruption', input: { date, disruptionId, source: 'router', system: 'WiFi lantai 2', startedAt, actions: 'Restart AP' } });
      await tech.run(techId, { type: 'opsday.checkNetwork', input: { date, items: [{ item: 'servers', ok: true, note: '' }, { item: 'wifi', ok: true, note: 'AP diganti' }] } });
      await tech.run(techId, { type: 'opsday.recordBackup', input: { date, runs: [{ job: 'Database aplikasi', target: 'cloud', ok: true, note: '' }, { job: 'Server file harian', target: 'local', ok: false, note: 'Disk NAS penuh' }] } });
      await tech.run(techId, { type: 'opsday.logMaintenance', input: { date, entryId: newId(), server: 'SRV-APP-01', tasks: ['updates', 'diskSpace'], notes: '' } });
      expect((await api.push(tech)).body.results.every((r) => r.status === 'accepted')).toBe(true);
      expect((await api.push(desk)).body.results.every((r) => r.status === 'accepted')).toBe(true);
      // The desk learns of the technician's events and resolves its disruption on the same day's record.
      desk.receive((await api.pull(desk.token, 0, 2000)).body.events);
      await desk.run(o.ids['petugas']!, { type: 'opsday.resolveDisruption', input: { date, disruptionId, resolvedAt: new Date().toISOString(), resolution: 'Access point diganti unit cadangan' } });
      expect((await api.push(desk, desk.made.slice(-1))).body.results.map((r) => r.status)).toEqual(['accepted']);

      const devices = foldRecord('opsday', [...desk.made, ...tech.made].filter((e) => e.kind === 'opsday'))!;
      const [proj] = await backend().db.query<{ state: unknown }>(`SELECT state FROM projections WHERE kind = 'opsday' AND record_id = $1`, [date]);
      expect(proj!.state).toEqual(JSON.parse(JSON.stringify(devices)));
      expect(devices).toMatchObject({ id: date, openDisruptions: 0, checks: { internet: { ok: true }, servers: { ok: true } } });
      expect(devices.backups).toHaveLength(2);
      expect(devices.maintenance).toHaveLength(1);
      // The latest WiFi check wins on the server as on the devices, whichever pushed first.
      const wifi = [...desk.made, ...tech.made].filter((e) => e.payload.item === 'wifi').sort((a, b) => (a.hlc < b.hlc ? -1 : 1)).at(-1)!;
      expect(devices.checks.wifi!.note).toBe(wifi.payload.note);
    });
  });

  describe('restore requests', () => {
    it("the IT Manager's approval and the user's confirmation, made offline on two devices, are both accepted and folded like on the devices; a perform before both approvals is rejected", async () => {
      const o = await office();
      const techId = newId();
      await o.admin.run(o.adminId, { type: 'user.create', input: { id: techId, username: 'teknisi', displayName: 'Rahmat Hidayat', roles: ['technician'], password: await hashPassword(PASSWORD, 1000) } });
      const employeeId = newId();
      await o.admin.run(o.adminId, { type: 'employee.create', input: { id: employeeId, nip: '199203032015031002', name: 'Andi Wijaya', department: 'Bidang Keuangan', position: 'Analis', email: '', status: 'active' } });
      expect((await api.push(o.admin)).body.results.every((r) => r.status === 'accepted')).toBe(true);

      const desk = await join_('petugas');
      const id = newId();
      const now = Date.now();
      await desk.run(o.ids['petugas']!, {
        type: 'restore.request',
        input: {
          id, employeeId, scope: 'folder', target: 'D:\\Keuangan\\Laporan 2026', backupDate: new Date(now - 86_400_000).toISOString().slice(0, 10), source: 'local', reason: 'lost',
          reasonNote: 'Folder terhapus tidak sengaja.', requestedAt: new Date(now - 10 * 60_000).toISOString(),
        },
      });
      expect((await api.push(desk)).body.results.map((r) => r.status)).toEqual(['accepted']);

      // Offline on two devices: the IT Manager approves on his laptop, the desk records the user's confirmation by phone.
      const manager = await join_('admin', 'Laptop kabid');
      const tech = await join_('teknisi', 'Laptop teknisi');
      await manager.run(o.adminId, { type: 'restore.managerDecide', input: { id, approved: true, note: 'Backup lokal tersedia.' } });
      await desk.run(o.ids['petugas']!, { type: 'restore.userDecide', input: { id, approved: true, name: 'Andi Wijaya', method: 'phone', confirmedAt: new Date().toISOString(), note: '' } });
      // A technician whose copy (stale or forged) says both approvals are in performs before they reach the server: rejected.
      const state = tech.state.get(`restore:${id}`) as Record<string, unknown>;
      tech.state.set(`restore:${id}`, { ...state, status: 'approved', waitingRole: 'technician' });
      const perform = { id, startedAt: new Date(Date.now() - 60_000).toISOString(), completedAt: new Date().toISOString(), restored: 'Folder Laporan 2026', verification: 'ok' as const, verificationNote: '' };
      await tech.run(techId, { type: 'restore.perform', input: perform });
      expect((await api.push(tech)).body.results).toMatchObject([{ status: 'rejected', reason: 'restore.errors.wrongState' }]);

      expect((await api.push(manager)).body.results.map((r) => r.status)).toEqual(['accepted']);
      expect((await api.push(desk)).body.results.at(-1)).toMatchObject({ status: 'accepted' });
      const [proj] = await backend().db.query<{ state: unknown }>(`SELECT state FROM projections WHERE kind = 'restore' AND record_id = $1`, [id]);
      expect(proj!.state).toMatchObject({ status: 'approved', waitingRole: 'technician', manager: { by: o.adminId }, user: { method: 'phone', recordedBy: o.ids['petugas'] } });
      // Each device re-folds the record from its own and the pulled events in HLC order, as the console's ingest does.
      for (const d of [desk, manager]) {
        const pulled = (await api.pull(d.token, 0, 2000)).body.events.filter((x) => x.status === 'accepted').map((x) => x.event as DomainEvent);
        const mine = d.made.filter((e) => e.kind === 'restore' && e.recordId === id);
        const others = pulled.filter((e) => e.kind === 'restore' && e.recordId === id && !mine.some((m) => m.id === e.id));
        expect(proj!.state).toEqual(JSON.parse(JSON.stringify(foldRecord('restore', [...mine, ...others]))));
      }

      // With both approvals in, a fresh technician's device performs: accepted, folded the same.
      const tech2 = await join_('teknisi', 'Laptop teknisi 2');
      await tech2.run(techId, { type: 'restore.perform', input: perform });
      expect((await api.push(tech2)).body.results.map((r) => r.status)).toEqual(['accepted']);
      const [done] = await backend().db.query<{ state: unknown }>(`SELECT state FROM projections WHERE kind = 'restore' AND record_id = $1`, [id]);
      expect(done!.state).toEqual(JSON.parse(JSON.stringify(tech2.state.get(`restore:${id}`))));
      expect(done!.state).toMatchObject({ status: 'completed', late: false });
    });
  });

  describe('tickets', () => {
    const ticketInput = (priority: 'high' | 'medium' | 'low' = 'high') => ({
      id: newId(), channel: 'phone' as const, requesterName: 'Siti Aminah', requesterDepartment: 'Bagian Keuangan', requesterContact: '0812-1111-2222',
      category: 'hardware' as const, priority, subject: 'Laptop tidak menyala', description: 'Laptop kantor mati total sejak pagi.', assetSerial: 'PF2ABC12',
    });

    /** The office plus a technician, created and pushed by the admin. */
    async function helpdesk() {
      const o = await office();
      const techId = newId();
      await o.admin.run(o.adminId, { type: 'user.create', input: { id: techId, username: 'teknisi', displayName: 'Rahmat Hidayat', roles: ['technician'], password: await hashPassword(PASSWORD, 1000) } });
      expect((await api.push(o.admin)).body.results.every((r) => r.status === 'accepted')).toBe(true);
      return { ...o, techId };
    }

    it("a ticket's whole life is re-checked and folded by the server into the same state as on the device", async () => {
      const { ids, techId } = await helpdesk();
      const desk = await join_('petugas');
      const tech = await join_('teknisi', 'Laptop teknisi');
      const [received] = await desk.run(ids['petugas']!, { type: 'ticket.receive', input: ticketInput() });
      const id = received!.recordId;
      expect((await api.push(desk)).body.results.map((r) => r.status)).toEqual(['accepted']);
      tech.receive((await api.pull(tech.token, 0, 2000)).body.events);
      await tech.run(techId, { type: 'ticket.classify', input: { id, category: 'network', priority: 'medium' } });
      await tech.run(techId, { type: 'ticket.assign', input: { id, assigneeId: techId } });
      await tech.run(techId, { type: 'ticket.start', input: { id } });
      await tech.run(techId, { type: 'ticket.comment', input: { id, text: 'Kabel LAN diganti' } });
      await tech.run(techId, { type: 'ticket.resolve', input: { id, resolution: 'Port switch dipindah, koneksi normal.' } });
      // Escalated: the incident's report and the ticket's link travel as two events of one commit.
      const incidentId = newId();
      const incidentInput = {
        id: incidentId, ticketId: id, title: 'Port switch diserang dari dalam', reporterName: 'Siti Aminah', reporterContact: '0812-1111-2222',
        detectedAt: new Date(Date.now() - 3_600_000).toISOString(), affectedSystems: 'Switch lantai 2', category: 'intrusion', severity: 'medium',
        description: 'Lalu lintas aneh dari port yang sama setelah perbaikan, perlu diperiksa tim keamanan.',
      };
      await tech.run(techId, { type: 'incident.report', input: incidentInput } as never);
      expect(tech.made.slice(-2).map((e) => e.type)).toEqual(['incident.reported', 'ticket.escalated']);
      expect((await api.push(tech)).body.results.map((r) => r.status)).toEqual(Array(7).fill('accepted'));
      desk.receive((await api.pull(desk.token, 0, 2000)).body.events);
      await desk.run(ids['petugas']!, { type: 'ticket.confirm', input: { id, confirmed: false, confirmedBy: 'Siti Aminah', method: 'phone', note: 'Masih putus-putus' } });
      expect((await api.push(desk)).body.results.at(-1)).toMatchObject({ status: 'accepted' });
      const [proj] = await backend().db.query<{ state: unknown }>(`SELECT state FROM projections WHERE kind = 'ticket' AND record_id = $1`, [id]);
      expect(proj!.state).toEqual(JSON.parse(JSON.stringify(desk.state.get(`ticket:${id}`))));
      expect(proj!.state).toMatchObject({ status: 'in_progress', priority: 'medium', reopenCount: 1, assigneeId: techId, incidentId });
      const [incident] = await backend().db.query<{ state: { ticketId?: string } }>(`SELECT state FROM projections WHERE kind = 'incident' AND record_id = $1`, [incidentId]);
      expect(incident!.state.ticketId).toBe(id);
    });

    it("two desks record the user's answer to the same fix offline: one accepted, the other rejected", async () => {
      const { ids, techId } = await helpdesk();
      const desk = await join_('petugas');
      const [received] = await desk.run(ids['petugas']!, { type: 'ticket.receive', input: ticketInput('low') });
      const id = received!.recordId;
      await desk.run(ids['petugas']!, { type: 'visit.register', input: visitInput() }); // unrelated work in between
      await api.push(desk);
      const tech = await join_('teknisi', 'Laptop teknisi');
      for (const type of ['ticket.classify', 'ticket.start', 'ticket.resolve'] as const) {
        const input = type === 'ticket.classify' ? { id, category: 'printer', priority: 'low' } : type === 'ticket.resolve' ? { id, resolution: 'Roller diganti.' } : { id };
        await tech.run(techId, { type, input } as never);
      }
      await api.push(tech);
      const a = await join_('petugas', 'Meja A');
      const b = await join_('teknisi', 'Meja B');
      await a.run(ids['petugas']!, { type: 'ticket.confirm', input: { id, confirmed: true, confirmedBy: 'Siti Aminah', method: 'phone' } });
      await b.run(techId, { type: 'ticket.confirm', input: { id, confirmed: false, confirmedBy: 'Siti Aminah', method: 'in_person', note: 'Masih macet di baki 2' } });
      const [ra, rb] = await Promise.all([api.push(a), api.push(b)]);
      const results = [ra.body.results[0]!, rb.body.results[0]!];
      expect(results.map((r) => r.status).sort()).toEqual(['accepted', 'rejected']);
      // Closed first: the "not fixed" is refused as closed; reopened first: the close is refused as the wrong state.
      expect(['ticket.errors.closed', 'ticket.errors.wrongState']).toContain(results.find((r) => r.status === 'rejected')!.reason);
    });

    it("an auditor's ticket is rejected", async () => {
      const { admin, adminId } = await helpdesk();
      const auditorId = newId();
      await admin.run(adminId, { type: 'user.create', input: { id: auditorId, username: 'auditor', displayName: 'Auditor', roles: ['auditor'], password: await hashPassword(PASSWORD, 1000) } });
      await api.push(admin);
      const d = await join_('auditor');
      // A device that believes the auditor may record tickets (a stale or forged local copy).
      await d.run({ userId: auditorId, roles: ['officer'] }, { type: 'ticket.receive', input: ticketInput() });
      expect((await api.push(d)).body.results).toMatchObject([{ status: 'rejected', reason: 'errors.forbidden' }]);
    });
  });

  describe('assets', () => {
    const laptop = (serial: string, tag: string, accessories: { kind: 'charger'; serial: string; description: string }[] = []) => ({
      id: newId(), tag, serial, category: 'laptop' as const, brand: 'Lenovo', model: 'ThinkPad T14', purchaseDate: '', warrantyEnd: '', condition: 'good' as const, location: 'Gudang', notes: '', accessories,
    });

    it('re-checks the whole asset flow and refuses a serial another console registered first', async () => {
      const { admin, adminId } = await office();
      const techId = newId();
      const verifierId = newId();
      const password = await hashPassword(PASSWORD, 1000);
      await admin.run(adminId, { type: 'user.create', input: { id: techId, username: 'teknisi', displayName: 'Teknisi', roles: ['technician'], password } });
      await admin.run(adminId, { type: 'user.create', input: { id: verifierId, username: 'pemeriksa', displayName: 'Pemeriksa', roles: ['technician'], password } });
      const a = laptop('PF3ABC12', 'INV-1', [{ kind: 'charger', serial: 'CHG-1', description: '65W' }]);
      await admin.run(adminId, { type: 'asset.create', input: a });
      expect((await api.push(admin)).body.results.every((r) => r.status === 'accepted')).toBe(true);

      // A technician's console, offline since before the admin's asset, registers the same serial
      // (as an accessory serial of another laptop) — and runs a whole flow on its own asset.
      const tech = await join_('teknisi');
      tech.state.delete(`asset:${a.id}`);
      const dup = laptop('NEW-9', 'INV-9', [{ kind: 'charger', serial: 'pf3abc12', description: '' }]);
      await tech.run(techId, { type: 'asset.create', input: dup });
      const b = laptop('PF3XYZ99', 'INV-2', [{ kind: 'charger', serial: 'CHG-2', description: '' }]);
      await tech.run(techId, { type: 'asset.create', input: b });
      const employee = { id: newId(), nip: '198701012010011001', name: 'Siti', department: 'Keuangan', position: '', email: '', status: 'active' as const };
      await tech.run(techId, { type: 'employee.create', input: employee });
      const handoverId = newId();
      await tech.run(techId, {
        type: 'handover.issue',
        input: { id: handoverId, employeeId: employee.id, items: [{ assetId: b.id, condition: 'good' }], emailPrepared: '', accessPrepared: '', notes: '', witnessName: '', witnessTitle: '', signatures: {}, signedOnPaper: true },
      });
      await tech.run(techId, { type: 'asset.maintain', input: { id: b.id, maintenanceId: newId(), checklist: { antivirus: true, osPatched: true, passwordSet: true, removableMedia: true }, condition: 'good', notes: '' } });
      const doc = tech.state.get(`handover:${handoverId}`) as { items: { assetId: string; accessoryId?: string }[] };
      await tech.run(techId, {
        type: 'handover.return',
        input: {
          id: newId(), handoverId, reason: 'resignation', notes: '', witnessName: '', witnessTitle: '', signatures: {}, signedOnPaper: true,
          items: doc.items.map((l) => ({ assetId: l.assetId, accessoryId: l.accessoryId, result: l.accessoryId ? 'missing' : 'returned', condition: 'good', note: l.accessoryId ? 'hilang' : '' })),
        },
      });
      // The verifier, present at the desk, countersigns with their own key.
      await tech.run(techId, { type: 'asset.wipe', input: { id: b.id, method: 'nist_purge', tool: 'nwipe', operatorId: techId, verifierId, notes: '' } }, { cosigners: [verifierId] });
      // An import of 600 rows: one commit on the device, pushed alone in one push beyond MAX_PUSH_EVENTS,
      // since a command's events are accepted or refused together and never split.
      const rows = Array.from({ length: 600 }, (_, i) => laptop(`IMP-${i}`, `IMP-T-${i}`));
      await tech.run(techId, { type: 'asset.import', input: { rows } });
      expect(rows.length).toBeGreaterThan(MAX_PUSH_EVENTS);
      const first = await api.push(tech, tech.made.slice(0, -rows.length));
      const cut = await api.push(tech, tech.made.slice(-rows.length, -100));
      expect([cut.status, cut.body.error?.code]).toEqual([400, 'incomplete-command']);
      const second = await api.push(tech, tech.made.slice(-rows.length));
      const results = [...first.body.results, ...second.body.results];
      expect(results).toHaveLength(tech.made.length);
      expect(results[0]).toMatchObject({ status: 'rejected', reason: 'asset.errors.serialTaken' });
      const refused = results.slice(1).filter((r) => r.status !== 'accepted');
      expect(refused).toEqual([]);
      const [row] = await backend().db.query<{ state: { status: string; wipes: unknown[]; custody: unknown[] } }>(`SELECT state FROM projections WHERE kind = 'asset' AND record_id = $1`, [b.id]);
      expect(row!.state).toMatchObject({ status: 'in_stock' });
      expect(row!.state.custody).toHaveLength(1);
      const [count] = await backend().db.query<{ n: number }>(`SELECT count(*)::int AS n FROM projections WHERE kind = 'asset'`);
      expect(count!.n).toBe(602);
    });
  });
  describe('signed events', () => {
    /** The office with an auditor, a visit registered at the desk and the auditor's own enrolled device. */
    async function withAuditor() {
      const o = await office();
      const auditorId = newId();
      await o.admin.run(o.adminId, { type: 'user.create', input: { id: auditorId, username: 'auditor', displayName: 'Auditor Internal', roles: ['auditor'], password: await hashPassword(PASSWORD, 1000) } });
      expect((await api.push(o.admin)).body.results.every((r) => r.status === 'accepted')).toBe(true);
      const desk = await join_('petugas');
      const [registered] = await desk.run(o.ids['petugas']!, { type: 'visit.register', input: visitInput() });
      expect(verdicts(await api.push(desk))).toEqual([['accepted', undefined, undefined]]);
      const auditor = await join_('auditor', 'Laptop auditor');
      return { ...o, auditorId, auditor, desk, visitId: registered!.recordId };
    }

    it("acting as another user: an approval naming an approver, signed with the auditor's own key, is refused and changes nothing", async () => {
      const { ids, auditorId, auditor, visitId } = await withAuditor();
      const approverId = ids['penyetuju1']!;
      const before = await projections(backend().db);
      const auditorKey = (await testKey(auditorId)).key;
      const approverKeyId = (await testKey(approverId)).key.keyId;
      // The auditor's device runs the approval as if the approver were at the desk (its own rules pass), then signs it itself.
      const approval = () => auditor.prepare(approverId, { type: 'visit.decide', input: { id: visitId, approved: true } });
      auditor.append(await signWith(await approval(), approverId, auditorKey)); // the approver's name, the auditor's key
      auditor.append(await signWith(await approval(), approverId, auditorKey, approverKeyId)); // …naming the approver's key
      auditor.append(await signWith(await approval(), auditorId, auditorKey)); // honestly signed by the auditor, naming the approver as actor
      const res = await api.push(auditor);
      expect(res.status).toBe(200);
      expect(verdicts(res)).toEqual([
        ['rejected', 'sync.errors.signatureKey', 'sig.key'],
        ['rejected', 'sync.errors.signature', 'sig'],
        ['rejected', 'sync.errors.signature', 'sig.by'],
      ]);
      expect(await projections(backend().db)).toEqual(before);
      const pulled = (await api.pull(auditor.token, 0, 2000)).body.events.filter((e) => e.event.type === 'visit.approved');
      expect(pulled.map((e) => [e.status, e.reason, e.field])).toEqual(verdicts(res));
      // The visit still waits for its approver, who approves it from their own device.
      const approver = await join_('penyetuju1', 'Laptop penyetuju');
      await approver.run(approverId, { type: 'visit.decide', input: { id: visitId, approved: true } });
      expect(verdicts(await api.push(approver))).toEqual([['accepted', undefined, undefined]]);
    });

    it("resetting another user's password: an auditor's device setting the admin's password is refused, and the admin's password still works", async () => {
      const { adminId, auditorId, auditor } = await withAuditor();
      const before = await projections(backend().db);
      const chosen = await hashPassword('Penyusup123', 1000);
      const key = (await freshTestKey()).material;
      const command = { type: 'user.setPassword', input: { id: adminId, password: chosen, key } };
      const drafts = [{ kind: 'user' as const, recordId: adminId, type: 'user.passwordSet', payload: { password: chosen, key, reason: 'reset' } }];
      const auditorSigner = await signerOf(auditorId);
      // As the auditor, signed with the auditor's key: the rules refuse it (only an admin resets another's password).
      auditor.append(await signPrepared(auditor.forge(auditorId, command, drafts), auditorSigner));
      // Naming the admin as actor, signed with the auditor's key.
      auditor.append(await signWith(auditor.forge(adminId, command, drafts), adminId, auditorSigner.key));
      const res = await api.push(auditor);
      expect(verdicts(res)).toEqual([
        ['rejected', 'errors.forbidden', undefined],
        ['rejected', 'sync.errors.signatureKey', 'sig.key'],
      ]);
      expect(await projections(backend().db)).toEqual(before);
      const d = new TestDevice('Meja lain');
      expect((await api.signIn(d, 'admin', 'Penyusup123')).status).toBe(401);
      expect((await api.signIn(d, 'admin', PASSWORD)).status).toBe(200);
    });

    it('an unsigned event, or one without its command, is refused (sync.errors.unsigned) and changes nothing', async () => {
      const { ids, desk } = await withAuditor();
      const before = await projections(backend().db);
      const unsigned = await desk.prepare(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      desk.append(unsigned);
      const [bare] = await desk.prepare(ids['petugas']!, { type: 'visit.register', input: visitInput() });
      const { cmd: _cmd, command: _command, ...commandless } = bare!;
      desk.append(await signWith([commandless], ids['petugas']!, (await testKey(ids['petugas']!)).key));
      const res = await api.push(desk, desk.made.slice(-2));
      expect(verdicts(res).map(([status, reason]) => [status, reason])).toEqual([
        ['rejected', 'sync.errors.unsigned'],
        ['rejected', 'sync.errors.unsigned'],
      ]);
      expect(await projections(backend().db)).toEqual(before);
    });

    it('a payload that differs from what decide() produces — a field changed, added or removed after signing — is refused naming the field', async () => {
      const { ids, desk } = await withAuditor();
      const petugas = ids['petugas']!;
      const signer = await signerOf(petugas);
      const before = await projections(backend().db);
      const register = async (change: (e: PreparedEvent) => PreparedEvent) => {
        const [e] = await desk.prepare(petugas, { type: 'visit.register', input: visitInput() });
        // Re-signed with the actor's own key and re-chained: only the replay can tell.
        desk.append(await signPrepared([change(e!)], signer));
      };
      await register((e) => ({ ...e, payload: { ...e.payload, visitorName: 'Orang Lain' } }));
      await register((e) => ({ ...e, payload: { ...e.payload, docNo: 'TIK/ARS/20260101/00000' } }));
      await register((e) => ({ ...e, payload: { ...e.payload, approvedBy: ids['penyetuju1'] } }));
      await register((e) => {
        const { purpose: _purpose, ...payload } = e.payload;
        return { ...e, payload };
      });
      // The command changed instead of the payload: replayed, it produces another visitor than the event names.
      await register((e) => ({ ...e, command: { type: 'visit.register', input: { ...(e.command!.input as object), visitorName: 'Orang Lain' } } }));
      const res = await api.push(desk, desk.made.slice(-5));
      expect(verdicts(res)).toEqual([
        ['rejected', 'sync.errors.replayMismatch', 'payload.visitorName'],
        ['rejected', 'sync.errors.replayMismatch', 'payload.docNo'],
        // A field added or a required one removed does not parse with the event type's schema,
        // which the server checks before it replays.
        ['rejected', 'errors.invalidPayload', 'payload.approvedBy'],
        ['rejected', 'errors.invalidPayload', 'payload.purpose'],
        ['rejected', 'sync.errors.replayMismatch', 'payload.visitorName'],
      ]);
      expect(await projections(backend().db)).toEqual(before);
      const pulled = (await api.pull(desk.token, 0, 2000)).body.events.slice(-5);
      expect(pulled.map((e) => [e.status, e.reason, e.field])).toEqual(verdicts(res));
      // The same registration, unaltered, is accepted.
      await register((e) => e);
      expect(verdicts(await api.push(desk, desk.made.slice(-1)))).toEqual([['accepted', undefined, undefined]]);
    });

    it('one altered byte of a signature is refused', async () => {
      const { ids, desk } = await withAuditor();
      const before = await projections(backend().db);
      const [e] = await signPrepared(await desk.prepare(ids['petugas']!, { type: 'visit.register', input: visitInput() }), await signerOf(ids['petugas']!));
      const sig = e!.sig!.sig;
      desk.append([{ ...e!, sig: { ...e!.sig!, sig: `${sig.slice(0, 40)}${sig[40] === '0' ? '1' : '0'}${sig.slice(41)}` } }]);
      expect(verdicts(await api.push(desk, desk.made.slice(-1)))).toEqual([['rejected', 'sync.errors.signature', 'sig']]);
      expect(await projections(backend().db)).toEqual(before);
    });

    it('a forged command in the middle of a push: what builds on it is refused and what does not is kept, as when checked one by one', async () => {
      const { ids, desk } = await withAuditor();
      const petugas = ids['petugas']!;
      const from = desk.made.length;
      const flip = (sig: string) => `${sig.slice(0, 40)}${sig[40] === '0' ? '1' : '0'}${sig.slice(41)}`;
      await desk.run(petugas, { type: 'visit.register', input: visitInput() });
      // A registration whose signature is altered, that the desk goes on from as if it stood.
      const [e] = await signPrepared(await desk.prepare(petugas, { type: 'visit.register', input: visitInput() }), await signerOf(petugas));
      const [forged] = desk.append([{ ...e!, sig: { ...e!.sig!, sig: flip(e!.sig!.sig) } }], true);
      await desk.run(petugas, { type: 'visit.cancel', input: { id: forged!.recordId, reason: 'Tamu batal datang' } });
      // An event whose payload is changed after signing, then more honest commands.
      const [altered] = await desk.run(petugas, { type: 'visit.register', input: visitInput() });
      const kept = await desk.run(petugas, { type: 'visit.register', input: visitInput() });
      await desk.run(petugas, { type: 'visit.cancel', input: { id: kept[0]!.recordId, reason: 'Jadwal diundur' } });
      const events = desk.made.slice(from).map((x) => (x.id === altered!.id ? { ...x, payload: { ...x.payload, organisation: 'PT Lain' } } : x));
      const res = await api.push(desk, events);
      expect(res.status).toBe(200);
      expect(verdicts(res)).toEqual([
        ['accepted', undefined, undefined],
        ['rejected', 'sync.errors.signature', 'sig'],
        ['rejected', 'errors.notFound', undefined],
        ['rejected', 'sync.errors.chain', undefined],
        ['accepted', undefined, undefined],
        ['accepted', undefined, undefined],
      ]);
      const states = await backend().db.query<{ record_id: string; state: { status: string } }>(`SELECT record_id, state FROM projections WHERE kind = 'visit' AND record_id = ANY($1::text[])`, [
        [forged!.recordId, altered!.recordId, kept[0]!.recordId],
      ]);
      expect(states.map((r) => [r.record_id, r.state.status])).toEqual([[kept[0]!.recordId, 'cancelled']]);
    });

    it('a key retired by a password change signs nothing after it; the new key and the new password work', async () => {
      const { ids, desk } = await withAuditor();
      const petugas = ids['petugas']!;
      await desk.run(petugas, { type: 'user.setPassword', input: { id: petugas, password: await hashPassword('Baru12345', 1000) } });
      expect(verdicts(await api.push(desk, desk.made.slice(-1)))).toEqual([['accepted', undefined, undefined]]);
      const [old, current] = await testKeys(petugas);
      expect(current).toBeDefined();
      const [user] = await backend().db.query<{ state: { keys: { keyId: string; to?: string; reason: string }[] } }>(`SELECT state FROM projections WHERE kind = 'user' AND record_id = $1`, [petugas]);
      expect(user!.state.keys.map((k) => [k.keyId, k.reason, k.to !== undefined])).toEqual([
        [old!.key.keyId, 'created', true],
        [current!.key.keyId, 'rotated', false],
      ]);
      const before = await projections(backend().db);
      desk.skewMs = 60_000; // a minute after the change
      desk.append(await signWith(await desk.prepare(petugas, { type: 'visit.register', input: visitInput() }), petugas, old!.key));
      expect(verdicts(await api.push(desk, desk.made.slice(-1)))).toEqual([['rejected', 'sync.errors.signatureKey', 'sig.key']]);
      expect(await projections(backend().db)).toEqual(before);
      await desk.run(petugas, { type: 'visit.register', input: visitInput() });
      expect(verdicts(await api.push(desk, desk.made.slice(-1)))).toEqual([['accepted', undefined, undefined]]);
      const d = new TestDevice('Meja lain');
      expect((await api.signIn(d, 'petugas', PASSWORD)).status).toBe(401);
      expect((await api.signIn(d, 'petugas', 'Baru12345')).status).toBe(200);
    });

    it("an admin's reset issues a one-time key: until the user chooses their own password, nothing else of theirs is accepted", async () => {
      const { admin, adminId, ids, desk } = await withAuditor();
      const petugas = ids['petugas']!;
      await admin.run(adminId, { type: 'user.setPassword', input: { id: petugas, password: await hashPassword('Sementara1', 1000) } });
      expect(verdicts(await api.push(admin, admin.made.slice(-1)))).toEqual([['accepted', undefined, undefined]]);
      // The desk signs with the one-time key (the user opened it with the one-time password).
      await desk.run(petugas, { type: 'visit.register', input: visitInput() });
      expect(verdicts(await api.push(desk, desk.made.slice(-1)))).toEqual([['rejected', 'auth.errors.mustChangePassword', undefined]]);
      await desk.run(petugas, { type: 'user.setPassword', input: { id: petugas, password: await hashPassword('Pilihan123', 1000) } });
      await desk.run(petugas, { type: 'visit.register', input: visitInput() });
      expect(verdicts(await api.push(desk, desk.made.slice(-2)))).toEqual([
        ['accepted', undefined, undefined],
        ['accepted', undefined, undefined],
      ]);
      const [user] = await backend().db.query<{ state: { mustChangePassword?: boolean; keys: { reason: string; certifiedBy: string }[] } }>(`SELECT state FROM projections WHERE kind = 'user' AND record_id = $1`, [petugas]);
      expect(user!.state.mustChangePassword).toBeUndefined();
      expect(user!.state.keys.map((k) => [k.reason, k.certifiedBy])).toEqual([
        ['created', adminId],
        ['reset', adminId],
        ['rotated', petugas],
      ]);
    });

    it("asset.wipe needs the verifier's own countersignature", async () => {
      const o = await office();
      const password = await hashPassword(PASSWORD, 1000);
      const [techId, verifierId, otherId] = [newId(), newId(), newId()];
      for (const [id, username] of [[techId, 'teknisi'], [verifierId, 'pemeriksa'], [otherId, 'teknisi2']] as const) {
        await o.admin.run(o.adminId, { type: 'user.create', input: { id, username, displayName: `Pengguna ${username}`, roles: ['technician'], password } });
      }
      expect((await api.push(o.admin)).body.results.every((r) => r.status === 'accepted')).toBe(true);
      const tech = await join_('teknisi');
      const asset = { id: newId(), tag: 'INV-W1', serial: 'PFW00001', category: 'laptop' as const, brand: 'Lenovo', model: 'ThinkPad T14', purchaseDate: '', warrantyEnd: '', condition: 'good' as const, location: 'Gudang', notes: '', accessories: [] };
      const employee = { id: newId(), nip: '198701012010011001', name: 'Siti', department: 'Keuangan', position: '', email: '', status: 'active' as const };
      const handoverId = newId();
      const paper = { notes: '', witnessName: '', witnessTitle: '', signatures: {}, signedOnPaper: true };
      await tech.run(techId, { type: 'asset.create', input: asset });
      await tech.run(techId, { type: 'employee.create', input: employee });
      await tech.run(techId, { type: 'handover.issue', input: { id: handoverId, employeeId: employee.id, items: [{ assetId: asset.id, condition: 'good' }], emailPrepared: '', accessPrepared: '', ...paper } });
      await tech.run(techId, { type: 'handover.return', input: { id: newId(), handoverId, reason: 'resignation', items: [{ assetId: asset.id, result: 'returned', condition: 'good', note: '' }], ...paper } });
      expect((await api.push(tech)).body.results.every((r) => r.status === 'accepted')).toBe(true);
      const stateOf = async () => (await backend().db.query<{ state: { status: string; wipes: { verifierId: string }[] } }>(`SELECT state FROM projections WHERE kind = 'asset' AND record_id = $1`, [asset.id]))[0]!.state;
      expect((await stateOf()).status).toBe('awaiting_wipe');
      const before = await projections(backend().db);

      const wipe = { type: 'asset.wipe' as const, input: { id: asset.id, method: 'nist_purge' as const, tool: 'nwipe', operatorId: techId, verifierId, notes: '' } };
      const techSigner = await signerOf(techId);
      // The operator alone, the verifier merely named.
      tech.append(await signPrepared(await tech.prepare(techId, wipe), techSigner));
      // Countersigned by someone else present.
      tech.append(await signPrepared(await tech.prepare(techId, wipe), techSigner, [await signerOf(otherId)]));
      // A countersignature in the verifier's name, made with the operator's key.
      const forged = await signPrepared(await tech.prepare(techId, wipe), techSigner);
      tech.append(forged.map((e) => ({ ...e, cosigs: [{ ...e.sig!, by: verifierId }] })));
      expect(verdicts(await api.push(tech, tech.made.slice(-3)))).toEqual(Array(3).fill(['rejected', 'sync.errors.countersignature', 'cosigs']));
      expect(await projections(backend().db)).toEqual(before);

      // The verifier types their own password at the same desk: countersigned, accepted.
      const [wiped] = await tech.run(techId, wipe, { cosigners: [verifierId] });
      expect(wiped!.cosigs?.map((c) => c.by)).toEqual([verifierId]);
      expect(verdicts(await api.push(tech, tech.made.slice(-1)))).toEqual([['accepted', undefined, undefined]]);
      expect(await stateOf()).toMatchObject({ status: 'in_stock', wipes: [{ verifierId }] });
    });

    it('upgrade: a user from before signed events enrols a key only after proving their password to the server, and then acts with it', async () => {
      const o = await office();
      const legacyId = newId();
      // A user made before signed events: a verifier and no key (as the upgrade finds them).
      const legacy = {
        id: legacyId, username: 'lama', displayName: 'Pengguna Lama', roles: ['officer'], password: await hashPassword(PASSWORD, 1000), active: true,
        createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', hlc: '',
      };
      await backend().db.query(`INSERT INTO projections (kind, record_id, state) VALUES ('user', $1, $2::jsonb)`, [legacyId, JSON.stringify(legacy)]);
      const desk = await join_('petugas');
      const { material } = await testKey(legacyId);
      const enrol = { type: 'user.enrolKey' as const, input: { id: legacyId, key: material } };
      const keyProof = (password: string, publicKey = material.publicKey) =>
        api.call('POST', '/api/auth/key-proof', { schemaVersion: SCHEMA_VERSION, username: 'lama', password, publicKey });

      // Anyone could make this event for a user with no key: without the server's own proof it is refused.
      desk.state.set(`user:${legacyId}`, legacy);
      await desk.run(legacyId, enrol);
      expect(verdicts(await api.push(desk, desk.made.slice(-1)))).toEqual([['rejected', 'sync.errors.keyNotProven', 'command.input.key']]);
      expect((await keyProof('salah12345')).status).toBe(401);
      expect((await keyProof(PASSWORD)).status).toBe(200);

      // With the password proven for this key: accepted, and the user signs with it from now on.
      desk.state.set(`user:${legacyId}`, legacy);
      await desk.run(legacyId, enrol);
      expect(verdicts(await api.push(desk, desk.made.slice(-1)))).toEqual([['accepted', undefined, undefined]]);
      await desk.run(legacyId, { type: 'visit.register', input: visitInput() });
      expect(verdicts(await api.push(desk, desk.made.slice(-1)))).toEqual([['accepted', undefined, undefined]]);
      // A user who has a key proves nothing more (a password change rotates keys instead).
      expect((await keyProof(PASSWORD, (await freshTestKey()).material.publicKey)).status).toBe(403);
      const audit = (await api.audit(o.admin.token, '?limit=200')).body.entries.map((e) => e.event);
      expect(audit).toEqual(expect.arrayContaining(['key-proven', 'key-proof-failed']));
    });
  });
}
