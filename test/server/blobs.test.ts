// Evidence files on the sync server (PUT/GET /api/blobs/:hash, migration 4) and incident events
// re-checked by the server, on PGlite and (when reachable) PostgreSQL.
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { MAX_ATTACHMENT_BYTES } from '@shared/domain/incident/state';
import { newId } from '@shared/ids';
import { hashPassword } from '@shared/password';
import type { Role } from '@shared/roles';
import { SCHEMA_VERSION, type PushResponse, type SignInResponse } from '@shared/sync/protocol';
import { pgliteBackend, postgresBackend, reset, type Backend } from './helpers/backends';
import { TestDevice } from './helpers/device';

const PASSWORD = 'rahasia123';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function suite(name: string, getBackend: () => Backend | null) {
  describe.skipIf(!getBackend())(`evidence files and incidents on ${name}`, { timeout: 60_000 }, () => {
    let app: FastifyInstance;
    let dir: string;
    const backend = () => getBackend()!;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'meja-it-blobs-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });
    beforeEach(async () => {
      await reset(backend().db);
      await backend().db.query(`TRUNCATE blobs`);
      app = await buildServer({ webRoot: join(dir, 'web'), dataDir: join(dir, 'data'), version: '0.0.0-test', db: backend().db });
    });
    afterEach(async () => {
      await app.close();
    });

    const json = async <T>(method: 'POST' | 'GET', url: string, body?: unknown, token?: string) => {
      const res = await app.inject({
        method, url, ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      return { status: res.statusCode, body: res.json() as T & { error?: { code: string; message: string } } };
    };
    /** A fresh server challenge signed with the device's key. */
    const proof = async (d: TestDevice) => d.proof((await json<{ challenge: string }>('POST', '/api/auth/challenge', { schemaVersion: SCHEMA_VERSION, deviceId: d.id })).body.challenge);
    const put = (hash: string, bytes: Uint8Array, token?: string) =>
      app.inject({ method: 'PUT', url: `/api/blobs/${hash}`, payload: Buffer.from(bytes), headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    const get = (hash: string, token?: string) => app.inject({ method: 'GET', url: `/api/blobs/${hash}`, headers: token ? { authorization: `Bearer ${token}` } : {} });

    /** The admin's device bootstrapped, plus one user per incident role. */
    async function office() {
      const admin = new TestDevice('Meja admin');
      const adminId = newId();
      const password = await hashPassword(PASSWORD, 1000);
      await admin.run({ userId: adminId, roles: ['admin'] }, {
        type: 'org.setUp',
        input: {
          profile: { name: 'Dinas Kominfo', unit: 'Bidang TIK', address: 'Jl. Merdeka No. 1', timeZone: 'WIB', badgePool: ['B-01'], docPrefix: 'TIK', idleLockMinutes: 15 },
          admin: { id: adminId, username: 'admin', displayName: 'Admin Kantor', roles: ['admin'], password },
        },
      });
      const boot = await json<SignInResponse>('POST', '/api/auth/bootstrap', { schemaVersion: SCHEMA_VERSION, deviceId: admin.id, deviceName: admin.name, events: admin.made.slice(0, 2), ...(await proof(admin)) });
      expect(boot.status).toBe(200);
      admin.token = boot.body.token;
      const ids: Record<string, string> = { admin: adminId };
      const people: [string, Role[]][] = [['petugas', ['officer']], ['kasi', ['security_lead']], ['teknisi', ['technician']]];
      for (const [username, roles] of people) {
        ids[username] = newId();
        await admin.run(adminId, { type: 'user.create', input: { id: ids[username]!, username, displayName: `Pengguna ${username}`, roles, password } });
      }
      const pushed = await json<PushResponse>('POST', '/api/sync/push', { schemaVersion: SCHEMA_VERSION, deviceId: admin.id, events: admin.made, deviceSignature: await admin.pushSignature(admin.made) }, admin.token);
      expect(pushed.body.results.every((r) => r.status === 'accepted')).toBe(true);
      return { admin, ids };
    }

    it('stores a file under its hash (idempotent), serves it back, and refuses a wrong hash, no token and an oversized file', async () => {
      const { admin } = await office();
      const bytes = new TextEncoder().encode('log firewall 2026-03-02: 4123 login gagal dari 203.0.113.7');
      const hash = sha(bytes);
      expect((await put(hash, bytes)).statusCode).toBe(401);
      const first = await put(hash, bytes, admin.token);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ stored: true });
      expect((await put(hash, bytes, admin.token)).json()).toEqual({ stored: false });
      const wrong = await put('0'.repeat(64), bytes, admin.token);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toEqual({ error: { code: 'blob-hash', message: 'sync.errors.blobHash' } });
      expect((await put('not-a-hash', bytes, admin.token)).statusCode).toBe(400);
      const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
      expect((await put(sha(big), big, admin.token)).statusCode).toBe(413);
      const back = await get(hash, admin.token);
      expect(back.statusCode).toBe(200);
      expect(back.headers['content-type']).toContain('application/octet-stream');
      expect(new Uint8Array(back.rawPayload)).toEqual(bytes);
      expect((await get(hash)).statusCode).toBe(401);
      const missing = await get('f'.repeat(64), admin.token);
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual({ error: { code: 'blob-not-found', message: 'sync.errors.blobNotFound' } });
      const [row] = await backend().db.query<{ n: number }>(`SELECT count(*)::int AS n FROM blobs`);
      expect(row!.n).toBe(1);
    });

    it('round-trips binary files of every byte value (a 2 MB image)', async () => {
      const { admin } = await office();
      const bytes = new Uint8Array(2 * 1024 * 1024).map((_, i) => (i * 131 + 7) % 256);
      const hash = sha(bytes);
      expect((await put(hash, bytes, admin.token)).statusCode).toBe(200);
      const back = await get(hash, admin.token);
      expect(sha(new Uint8Array(back.rawPayload))).toBe(hash);
    });

    it('re-checks incident events: accepts the right roles through the steps, refuses a step out of turn', async () => {
      const { admin, ids } = await office();
      const desk = new TestDevice('Meja insiden');
      const signIn = await json<SignInResponse>('POST', '/api/auth/sign-in', { schemaVersion: SCHEMA_VERSION, username: 'petugas', password: PASSWORD, deviceId: desk.id, deviceName: desk.name, ...(await proof(desk)) });
      desk.token = signIn.body.token;
      desk.receive((await json<{ events: never[] }>('POST', '/api/sync/pull', { schemaVersion: SCHEMA_VERSION, cursor: 0, limit: 1000 }, desk.token)).body.events);
      const id = newId();
      await desk.run(ids.petugas!, {
        type: 'incident.report',
        input: {
          id, title: 'Phishing ke email pegawai', reporterName: 'Siti Rahma', reporterContact: '', detectedAt: new Date(Date.now() - 3_600_000).toISOString(),
          affectedSystems: 'Email', category: 'phishing', severity: 'medium', description: 'Email palsu meminta kata sandi dikirim ke 40 pegawai.',
          attachments: [{ hash: 'a'.repeat(64), name: 'email.eml', type: 'message/rfc822', size: 3000 }],
        },
      });
      await desk.run(ids.petugas!, { type: 'incident.completeStep', input: { id, step: 1, note: 'Diteruskan ke Kabid' } });
      await desk.run(ids.admin!, { type: 'incident.completeStep', input: { id, step: 2, note: 'Segera tangani' } });
      await desk.run(ids.kasi!, { type: 'incident.completeStep', input: { id, step: 3, note: 'Tim teknis diarahkan' } });
      // Forged: the officer's event for step 4 (the technician's turn), made by skipping the device's check.
      const forged = await desk.run({ userId: ids.petugas!, roles: ['officer', 'technician'] }, { type: 'incident.completeStep', input: { id, step: 4, note: 'Saya selesaikan', outcome: 'simple' } });
      const res = await json<PushResponse>('POST', '/api/sync/push', { schemaVersion: SCHEMA_VERSION, deviceId: desk.id, events: desk.made, deviceSignature: await desk.pushSignature(desk.made) }, desk.token);
      expect(res.status).toBe(200);
      expect(res.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'rejected']);
      expect(res.body.results.at(-1)).toMatchObject({ id: forged[0]!.id, reason: 'incident.errors.notYourTurn' });
      const [p] = await backend().db.query<{ state: { step: number; turnRole: string; history: unknown[] } }>(`SELECT state FROM projections WHERE kind = 'incident' AND record_id = $1`, [id]);
      expect(p!.state).toMatchObject({ step: 4, turnRole: 'technician' });
      expect(p!.state.history).toHaveLength(3);
      void admin;
    });
  });
}

const pglite = await pgliteBackend();
const postgres = await postgresBackend();
afterAll(async () => {
  await pglite.close();
  await postgres?.close();
});
suite('PGlite', () => pglite);
suite('PostgreSQL', () => postgres);
