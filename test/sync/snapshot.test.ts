/**
 * A fresh console's first sync by snapshot (src/renderer/sync/snapshot.ts) against the real
 * server (PGlite, and PostgreSQL when reachable — required under CI): the state matches the
 * office's at once, the history follows, and records re-folded before the history has arrived
 * (a late event, a refused event) fetch their history first, so no state is folded from a
 * partial log. An interrupted snapshot resumes; records changed while it pages fold once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenVisitsRow } from '@renderer/store/db';
import type { FastifyInstance } from 'fastify';
import { newId } from '@shared/ids';
import { verifyChain } from '@shared/events';
import { signInDevice } from '@renderer/sync/enrol';
import { backfillHistory, historyIncomplete, loadSnapshot } from '@renderer/sync/snapshot';
import { pgliteBackend, postgresBackend, reset, type Backend } from '../server/helpers/backends';
import { catchUp } from '@renderer/sync/sync-client';
import { Client, PASSWORD, startServer, visitInput } from './clients';

const backends: [string, () => Promise<Backend | null>][] = [
  ['pglite', pgliteBackend],
  ['postgres', postgresBackend],
];

for (const [name, open] of backends) {
  describe(`a fresh console's snapshot (${name})`, () => {
    let backend: Backend | null;
    let server: { app: FastifyInstance; url: string };
    beforeAll(async () => {
      backend = await open();
      if (backend) server = await startServer(backend.db);
    }, 60_000);
    afterAll(async () => {
      await server?.app.close();
      await backend?.close();
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });

    /** An office with a few visits in different states, set up on console a. */
    async function office() {
      await reset(backend!.db);
      const a = new Client('Meja depan', server.url);
      const adminId = await a.setUpOffice();
      const sari = await a.createUser(adminId, 'sari', ['approver']);
      await a.createUser(adminId, 'joko', ['approver', 'officer']);
      const visits = [newId(), newId(), newId()];
      for (const [i, id] of visits.entries()) {
        expect((await a.run(adminId, ['admin', 'officer'], { type: 'visit.register', input: visitInput(id, `Tamu ${i}`) })).ok).toBe(true);
      }
      expect((await a.run(sari, ['approver'], { type: 'visit.decide', input: { id: visits[0]!, approved: true } })).ok).toBe(true);
      await a.sync();
      return { a, adminId, sari, visits };
    }

    it('two catch-ups started together (joining while the sync loop wakes) load the snapshot once and pull no page twice', async (ctx) => {
      if (!backend) return ctx.skip();
      const { a } = await office();
      const c = new Client('Laptop baru', server.url);
      const res = await signInDevice(c.db, c.transport, '', { username: 'joko', password: PASSWORD, deviceName: c.name });
      await c.db.sync.put({ key: 'sync', serverUrl: server.url, userId: res.userId, cursor: 0 });
      const session = { transport: c.transport, cursor: 0 };
      const snapshots = vi.spyOn(c.transport, 'snapshot');
      const pulls = vi.spyOn(c.transport, 'pull');
      await Promise.all([catchUp(c.db, session), catchUp(c.db, session)]);
      expect(snapshots).toHaveBeenCalledTimes(1);
      // Each catch-up pulls once, the second from the cursor the first left.
      expect(pulls.mock.calls.map((call) => call[0].cursor)).toEqual([expect.any(Number), pulls.mock.calls[0]![0].cursor]);
      expect(pulls.mock.calls[0]![0].cursor).toBeGreaterThan(0);
      expect(await c.state()).toEqual(await a.state());
    });

    it('loads the office as rows, then fills in the history in the background', async (ctx) => {
      if (!backend) return ctx.skip();
      const { a } = await office();
      const c = new Client('Laptop baru', server.url);
      await c.join('joko', { backfill: false });
      expect(await c.state()).toEqual(await a.state());
      expect(await c.db.events.count()).toBe(0);
      const meta = await c.db.sync.get('sync');
      expect(historyIncomplete(meta)).toBe(true);
      expect(meta!.cursor).toBe(meta!.history!.upTo);
      // The open-visits row (board, approvals, badge check) is built from the snapshot rows.
      expect(((await c.db.lists.get('openVisits')) as OpenVisitsRow | undefined)?.ids.sort()).toEqual(((await a.db.lists.get('openVisits')) as OpenVisitsRow | undefined)?.ids.sort());

      expect(await backfillHistory(c.db, c.session!, Infinity)).toBe(true);
      expect(historyIncomplete(await c.db.sync.get('sync'))).toBe(false);
      const mine = (await a.db.events.toArray()).map((e) => e.id).sort();
      expect((await c.db.events.toArray()).map((e) => e.id).sort()).toEqual(mine);
      expect(verifyChain(await c.db.events.toArray())).toEqual([]);
      expect(await c.state()).toEqual(await a.state());
    });

    it('a late event on a snapshot record fetches the record history before re-folding', async (ctx) => {
      if (!backend) return ctx.skip();
      const { a, adminId } = await office();
      const b = new Client('Laptop teknisi', server.url);
      await b.join('sari');
      b.online = false;
      expect((await b.run(adminId, ['admin'], { type: 'org.update', input: { docPrefix: 'LAMA' } })).ok).toBe(true);
      await new Promise((r) => setTimeout(r, 5));
      expect((await a.run(adminId, ['admin'], { type: 'org.update', input: { docPrefix: 'BARU' } })).ok).toBe(true);
      await a.sync();

      const c = new Client('Laptop baru', server.url);
      await c.join('joko', { backfill: false });
      expect((await c.state()).org[0]?.docPrefix).toBe('BARU');
      b.online = true;
      await b.sync(); // pushes the older edit: late at the server and at c
      await c.sync({ backfill: false });
      await a.sync();
      expect(historyIncomplete(await c.db.sync.get('sync'))).toBe(true);
      expect(await c.state()).toEqual(await a.state());
      expect((await c.state()).org[0]?.docPrefix).toBe('BARU');
      const orgHistory = await c.db.events.where('[kind+recordId]').equals(['org', 'org']).toArray();
      expect(orgHistory.map((e) => e.payload.docPrefix).filter(Boolean).sort()).toEqual(['BARU', 'LAMA', 'TIK']);
    });

    it('a refused event of a snapshot console re-folds its record from the full history', async (ctx) => {
      if (!backend) return ctx.skip();
      const { a, sari, visits } = await office();
      const c = new Client('Laptop baru', server.url);
      await c.join('joko', { backfill: false });
      const joko = (await c.db.users.where('username').equals('joko').first())!;
      c.online = false;
      expect((await c.run(joko.id, ['approver'], { type: 'visit.decide', input: { id: visits[1]!, approved: false, reason: 'Tidak terjadwal' } })).ok).toBe(true);
      expect((await a.run(sari, ['approver'], { type: 'visit.decide', input: { id: visits[1]!, approved: true } })).ok).toBe(true);
      await a.sync();
      c.online = true;
      await c.sync({ backfill: false });
      expect(historyIncomplete(await c.db.sync.get('sync'))).toBe(true);
      const rejected = await c.rejected();
      expect(rejected.map((e) => e.type)).toEqual(['visit.refused']);
      expect(await c.state()).toEqual(await a.state());
      expect((await c.db.visits.get(visits[1]!))?.status).toBe('approved');
    });

    it('resumes an interrupted snapshot, and folds records changed while it paged exactly once', async (ctx) => {
      if (!backend) return ctx.skip();
      const { a, sari, visits, adminId } = await office();
      const c = new Client('Laptop baru', server.url);
      const res = await signInDevice(c.db, c.transport, '', { username: 'joko', password: 'Rahasia123', deviceName: 'Laptop baru' });
      await c.db.sync.put({ key: 'sync', serverUrl: server.url, userId: res.userId, cursor: 0 });
      c.session = { transport: c.transport, cursor: 0 };

      const real = c.transport.snapshot.bind(c.transport);
      let calls = 0;
      const pages: Parameters<typeof c.transport.snapshot>[0][] = [];
      vi.spyOn(c.transport, 'snapshot').mockImplementation(async (...args) => {
        calls += 1;
        pages.push(args[0]);
        if (calls === 2) {
          // While c pages: a visit not yet paged is approved and noted (after the snapshot's version)…
          expect((await a.run(sari, ['approver'], { type: 'visit.decide', input: { id: visits[2]!, approved: true } })).ok).toBe(true);
          expect((await a.run(adminId, ['admin', 'officer'], { type: 'visit.issueBadge', input: { id: visits[2]!, badge: 'B-02', escortId: adminId } })).ok).toBe(true);
          await a.sync();
        }
        // …and the network drops once.
        if (calls === 3) throw new Error('network down');
        return real(...args);
      });
      await expect(loadSnapshot(c.db, c.session, 1)).rejects.toThrow('network down');
      expect((await c.db.sync.get('sync'))?.snapshot?.asOf).toBeGreaterThan(0);
      await c.sync({ backfill: false });
      // The resumed request continues after the last stored page, as of the same version.
      expect(calls).toBe(4);
      expect(pages[3]).toMatchObject({ asOf: pages[1]!.asOf, after: ['user', expect.any(String)] });
      expect((await c.db.sync.get('sync'))?.snapshot).toBeUndefined();
      expect(await c.state()).toEqual(await a.state());
      expect((await c.db.visits.get(visits[2]!))?.badgeOut).toBe('B-02');
      await c.sync();
      expect(verifyChain(await c.db.events.toArray())).toEqual([]);
      expect((await c.db.events.count())).toBe(await a.db.events.count());
    });
  });
}
