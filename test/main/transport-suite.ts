/**
 * One set of sync cases for every transport (docs/shells.md "Sync transport"): the console
 * under test signs in, bootstraps, pushes, pulls, moves evidence files, follows the poke
 * stream, and hears refusals with their i18n keys — against a real server (buildServer, PGlite,
 * listening on 127.0.0.1). The other desks of each scenario are browser consoles. The browser's
 * transport and the desktop's (through the preload bridge to main's handlers) run the same cases.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { syncOnce } from '@renderer/sync/sync-client';
import { useSyncStore } from '@renderer/sync/sync-store';
import { signInDevice } from '@renderer/sync/enrol';
import { makeBackup, restoreBackup, setBackupPassphrase } from '@renderer/store/backup';
import { toHex } from '@shared/hash';
import { newId } from '@shared/ids';
import { SyncError, type SyncConnection, type SyncStreamEvent, type SyncTransport } from '@shared/sync/transport';
import { pgliteBackend, reset, type Backend } from '../server/helpers/backends';
import { Client, PASSWORD, startServer, visitInput } from '../sync/clients';

export interface TransportUnderTest {
  transport: SyncTransport;
  /** What the console names as its server ('' in a browser: the page's own origin). */
  serverUrl: string;
  /** What connection() reports once signed in. */
  connection: SyncConnection;
  /** What the shell asks before the first sign-in (the desktop: compare and trust the certificate). */
  prepare(): Promise<void>;
  /** Back to a console that never connected. */
  forget(): Promise<void>;
  /**
   * The browser's poke stream is an EventSource on a ticket (POST /api/sync/events-ticket): the
   * token never goes in a URL, so a server without tickets gives it no stream (the desktop's
   * main sends the token in a header instead).
   */
  pokesNeedTickets?: boolean;
  close(): Promise<void>;
}

export function transportSuite(name: string, make: (realServerUrl: string) => Promise<TransportUnderTest>): void {
  describe(`the sync transport: ${name}`, () => {
    let backend: Backend;
    let server: { app: FastifyInstance; url: string };
    let under: TransportUnderTest;
    beforeAll(async () => {
      backend = await pgliteBackend();
      server = await startServer(backend.db);
      under = await make(server.url);
    }, 60_000);
    afterAll(async () => {
      await under?.close();
      await server?.app.close();
      await backend?.close();
    });
    beforeEach(async () => {
      await reset(backend.db);
      await under.forget();
    });

    /** The office, set up by another (browser) desk: an admin, an officer and an approver. */
    async function office() {
      const a = new Client('Meja admin', server.url);
      const adminId = await a.setUpOffice();
      const budi = await a.createUser(adminId, 'budi', ['officer']);
      const sari = await a.createUser(adminId, 'sari', ['approver']);
      await a.sync();
      return { a, adminId, budi, sari };
    }

    /** The console under test, a fresh desk. */
    const desk = (label = 'Meja uji') => new Client(label, server.url, { transport: under.transport, serverUrl: under.serverUrl });

    async function joined(username = 'budi') {
      const o = await office();
      const c = desk();
      await under.prepare();
      await c.join(username);
      return { ...o, c };
    }

    it('signs in: the console gets its user id only, the transport keeps the token, and the office arrives', async () => {
      const { a, budi } = await office();
      const c = desk();
      await expect(c.transport.connection()).resolves.toBeNull();
      await under.prepare();
      await c.join('budi');
      expect(c.signedIn).toEqual({ userId: budi });
      await expect(c.transport.connection()).resolves.toEqual(under.connection);
      expect(await c.state()).toEqual(await a.state());
    });

    it('bootstraps an empty server with its own setup; other desks then sign in to that office', async () => {
      const c = desk('Meja pertama');
      await under.prepare();
      const adminId = await c.setUpOffice();
      expect(c.signedIn).toEqual({ userId: adminId });
      await expect(c.transport.connection()).resolves.toEqual(under.connection);
      const b = new Client('Laptop', server.url);
      await b.join('admin');
      expect((await b.state()).org).toEqual((await c.state()).org);
    });

    it('pushes: a visit registered here is signed, accepted and reaches another desk', async () => {
      const { a, budi, c } = await joined('budi');
      const id = newId();
      expect((await c.run(budi, ['officer'], { type: 'visit.register', input: visitInput(id) })).ok).toBe(true);
      await c.sync();
      expect(await c.db.outbox.count()).toBe(0);
      expect(await c.rejected()).toEqual([]);
      await a.sync();
      expect((await a.db.visits.get(id))?.visitorName).toBe('Budi Santoso');
    });

    it('pulls: a change made on another desk arrives, and its history on request', async () => {
      const { a, adminId, c } = await joined('budi');
      const id = newId();
      expect((await a.run(adminId, ['admin', 'officer'], { type: 'visit.register', input: visitInput(id, 'Ayu Lestari') })).ok).toBe(true);
      await a.sync();
      await c.sync();
      expect((await c.db.visits.get(id))?.visitorName).toBe('Ayu Lestari');
      const { events } = await c.transport.history({ records: [['visit', id]], upTo: 1_000 });
      expect(events.map((e) => e.event.type)).toEqual(['visit.registered']);
    });

    it('maps a refusal to its i18n key: a wrong password, then a throttled sign-in with its wait', async () => {
      await office();
      const c = desk();
      await under.prepare();
      const attempt = () => signInDevice(c.db, c.transport, c.serverUrl, { username: 'budi', password: 'salah-sekali', deviceName: c.name }).catch((e: unknown) => e);
      const wrong = await attempt();
      expect(wrong).toBeInstanceOf(SyncError);
      expect(wrong).toMatchObject({ code: 'invalid-credentials', messageKey: 'sync.errors.invalidCredentials', status: 401 });
      let last: unknown = wrong;
      for (let i = 0; i < 6 && (last as SyncError).status !== 429; i += 1) last = await attempt();
      expect(last).toMatchObject({ code: 'throttled', messageKey: 'sync.errors.throttled', status: 429, retryAfter: expect.any(Number) });
      expect((last as SyncError).retryAfter).toBeGreaterThan(0);
      await expect(c.transport.connection()).resolves.toBeNull();
    });

    it('a desk restored from a backup: the admin\'s re-binding sign-in (replaceKey) goes through the transport, which keeps the new token', async () => {
      const { a, adminId } = await office();
      // The desk that set the office up works offline, is backed up, and its disk dies.
      a.online = false;
      const id = newId();
      expect((await a.run(adminId, ['admin', 'officer'], { type: 'visit.register', input: visitInput(id, 'Tamu pulih') })).ok).toBe(true);
      await setBackupPassphrase(a.db, 'cadangan-meja-depan-2026');
      const made = await makeBackup(a.db);
      if (!made.ok) throw new Error(made.error.code);
      const c = desk('Meja pulih');
      expect((await restoreBackup(c.db, made.data.bytes, 'cadangan-meja-depan-2026')).ok).toBe(true);
      await under.prepare();
      // Without replaceKey the server knows this device id with the old desk's key.
      await expect(signInDevice(c.db, c.transport, c.serverUrl, { username: 'admin', password: PASSWORD, deviceName: c.name })).rejects.toMatchObject({ code: 'device-key-mismatch', status: 403 });
      await expect(c.transport.connection()).resolves.toBeNull();
      c.signedIn = await signInDevice(c.db, c.transport, c.serverUrl, { username: 'admin', password: PASSWORD, deviceName: c.name, replaceKey: true });
      expect(c.signedIn).toEqual({ userId: adminId });
      await expect(c.transport.connection()).resolves.toEqual(under.connection);
      c.session = { transport: c.transport, cursor: (await c.db.sync.get('sync'))?.cursor ?? 0 };
      await c.sync();
      expect(await c.db.outbox.count()).toBe(0);
      const b = new Client('Laptop', server.url);
      await b.join('admin');
      expect((await b.db.visits.get(id))?.visitorName).toBe('Tamu pulih');
    });

    it('a 401: a device an admin revoked is refused with sync.errors.deviceRevoked, and its sync round says "signed out"', async () => {
      const { a, c } = await joined('budi');
      await a.transport.revoke(await c.deviceId());
      await expect(c.transport.pull({ cursor: 0, limit: 10 })).rejects.toMatchObject({ code: 'device-revoked', messageKey: 'sync.errors.deviceRevoked', status: 401 });
      expect(await syncOnce(c.db, c.transport)).toBe(false);
      expect(useSyncStore.getState()).toMatchObject({ phase: 'signed-out', problem: 'sync.errors.deviceRevoked' });
    });

    it('without a sign-in there is no token to send: refused before any request', async () => {
      await expect(under.transport.connection()).resolves.toBeNull();
      await expect(under.transport.pull({ cursor: 0, limit: 10 })).rejects.toMatchObject({ code: 'not-connected', messageKey: 'sync.errors.unauthorized', status: 401 });
    });

    it('admin calls: devices, audit and key proofs answer an admin and refuse others with sync.errors.forbidden', async () => {
      const { c } = await joined('budi');
      await expect(c.transport.devices()).rejects.toMatchObject({ code: 'forbidden', messageKey: 'sync.errors.forbidden', status: 403 });
      await expect(c.transport.audit({ limit: 5 })).rejects.toMatchObject({ messageKey: 'sync.errors.forbidden', status: 403 });
      // A user who has a key already cannot "prove" a first one.
      await expect(c.transport.keyProof({ username: 'budi', password: PASSWORD, publicKey: 'a'.repeat(64) })).rejects.toMatchObject({ messageKey: 'sync.errors.forbidden', status: 403 });
      await c.join('admin');
      const { devices } = await c.transport.devices();
      expect(devices.map((d) => d.name)).toContain('Meja uji');
      const page = await c.transport.audit({ limit: 50 });
      expect(page.entries.map((e) => e.event)).toContain('sign-in');
    });

    it('evidence files: uploaded once, downloaded by hash; a file the server lacks is null, a wrong hash is refused', async () => {
      const { a, c } = await joined('budi');
      const bytes = new TextEncoder().encode('log firewall 2026-03-02');
      const hash = toHex(sha256(bytes));
      await expect(c.transport.putBlob(hash, bytes)).resolves.toEqual({ stored: true });
      await expect(c.transport.putBlob(hash, bytes)).resolves.toEqual({ stored: false });
      expect(await a.transport.getBlob(hash)).toEqual(bytes);
      expect(await c.transport.getBlob(hash)).toEqual(bytes);
      await expect(c.transport.getBlob('0'.repeat(64))).resolves.toBeNull();
      await expect(c.transport.putBlob('1'.repeat(64), bytes)).rejects.toMatchObject({ code: 'blob-hash', messageKey: 'sync.errors.blobHash', status: 400 });
    });

    it('the poke stream opens, pokes when another desk commits, and stays quiet once closed', async (ctx) => {
      if (under.pokesNeedTickets && (await fetch(`${server.url}/api/sync/events-ticket`, { method: 'POST' })).status === 404) {
        return ctx.skip('this server issues no poke-stream tickets yet (feat/deploy-server adds them)');
      }
      const { a, adminId, c } = await joined('budi');
      const seen: SyncStreamEvent[] = [];
      const close = c.transport.subscribe((e) => seen.push(e));
      try {
        await vi.waitFor(() => expect(seen).toContain('open'), { timeout: 10_000 });
        const before = seen.filter((e) => e === 'poke').length;
        expect((await a.run(adminId, ['admin', 'officer'], { type: 'visit.register', input: visitInput(newId()) })).ok).toBe(true);
        await a.sync();
        await vi.waitFor(() => expect(seen.filter((e) => e === 'poke').length).toBeGreaterThan(before), { timeout: 10_000 });
      } finally {
        close();
      }
      const after = seen.length;
      expect((await a.run(adminId, ['admin', 'officer'], { type: 'visit.register', input: visitInput(newId()) })).ok).toBe(true);
      await a.sync();
      await new Promise((r) => setTimeout(r, 300));
      expect(seen.length).toBe(after);
    });
  });
}
