/**
 * Two and three consoles syncing through the real server (PGlite, and PostgreSQL when
 * reachable — required under CI): offline edits, conflicting approvals, clock skew.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { newId } from '@shared/ids';
import { verifyChain } from '@shared/events';
import { pgliteBackend, postgresBackend, reset, type Backend } from '../server/helpers/backends';
import { Client, startServer, visitInput } from './clients';

const DAY = 86_400_000;
const backends: [string, () => Promise<Backend | null>][] = [
  ['pglite', pgliteBackend],
  ['postgres', postgresBackend],
];

for (const [name, open] of backends) {
  describe(`consoles syncing through the server (${name})`, () => {
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

    async function office() {
      await reset(backend!.db);
      const a = new Client('Meja depan', server.url);
      const adminId = await a.setUpOffice();
      const approver1 = await a.createUser(adminId, 'sari', ['approver']);
      const approver2 = await a.createUser(adminId, 'joko', ['approver']);
      await a.sync();
      const b = new Client('Laptop teknisi', server.url);
      await b.join('sari');
      return { a, b, adminId, approver1, approver2 };
    }

    it('a joining console receives the office and its users', async (ctx) => {
      if (!backend) return ctx.skip();
      const { a, b } = await office();
      expect(await b.state()).toEqual(await a.state());
      expect((await b.state()).users.map((u) => u.username).sort()).toEqual(['admin', 'joko', 'sari']);
    });

    it('two offline approvals of one visit: one accepted, one rejected and in both conflict inboxes', async (ctx) => {
      if (!backend) return ctx.skip();
      const { a, b, adminId, approver1, approver2 } = await office();
      const visitId = newId();
      expect((await a.run(adminId, ['admin', 'officer'], { type: 'visit.register', input: visitInput(visitId) })).ok).toBe(true);
      await a.sync();
      await b.sync();
      a.online = false;
      b.online = false;
      expect((await a.run(approver2, ['approver'], { type: 'visit.decide', input: { id: visitId, approved: true } })).ok).toBe(true);
      expect((await b.run(approver1, ['approver'], { type: 'visit.decide', input: { id: visitId, approved: false, reason: 'Jadwal bentrok' } })).ok).toBe(true);
      a.online = true;
      b.online = true;
      await a.sync();
      await b.sync();
      await a.sync();
      const stateA = await a.state();
      expect(stateA).toEqual(await b.state());
      expect(stateA.visits[0]?.status).toBe('approved');
      for (const c of [a, b]) {
        const rejected = await c.rejected();
        expect(rejected).toHaveLength(1);
        expect(rejected[0]).toMatchObject({ type: 'visit.refused', status: 'rejected', reason: 'visit.errors.wrongState' });
        expect(await c.db.outbox.count()).toBe(0);
      }
    });

    it('plain fields: the newest edit wins everywhere and the older stays in the history', async (ctx) => {
      if (!backend) return ctx.skip();
      const { a, b, adminId } = await office();
      const admin = ['admin'] as const;
      a.online = false;
      b.online = false;
      // b edits first (older), a edits later (newer); b comes back online last.
      expect((await b.run(adminId, [...admin], { type: 'org.update', input: { docPrefix: 'LAMA' } })).ok).toBe(true);
      await new Promise((r) => setTimeout(r, 5));
      expect((await a.run(adminId, [...admin], { type: 'org.update', input: { docPrefix: 'BARU' } })).ok).toBe(true);
      a.online = true;
      await a.sync();
      b.online = true;
      await b.sync();
      await a.sync();
      expect((await a.state()).org[0]?.docPrefix).toBe('BARU');
      expect((await b.state()).org[0]?.docPrefix).toBe('BARU');
      const history = await b.db.events.where('[kind+recordId]').equals(['org', 'org']).toArray();
      expect(history.map((e) => e.payload.docPrefix).filter(Boolean).sort()).toEqual(['BARU', 'LAMA', 'TIK']);
    });

    it('clocks three days ahead and three days behind never block sync', async (ctx) => {
      if (!backend) return ctx.skip();
      const { a, b, adminId } = await office();
      a.skewMs = 3 * DAY;
      b.skewMs = -3 * DAY;
      const v1 = newId();
      const v2 = newId();
      expect((await a.run(adminId, ['admin', 'officer'], { type: 'visit.register', input: visitInput(v1, 'Ayu Lestari') })).ok).toBe(true);
      await a.sync();
      await b.sync();
      const sari = (await b.db.users.where('username').equals('sari').first())!;
      expect((await b.run(sari.id, ['approver'], { type: 'visit.decide', input: { id: v1, approved: true } })).ok).toBe(true);
      expect((await a.run(adminId, ['admin', 'officer'], { type: 'visit.register', input: visitInput(v2, 'Yusuf Hidayat') })).ok).toBe(true);
      await b.sync();
      await a.sync();
      await b.sync();
      expect(await a.rejected()).toEqual([]);
      expect(await a.state()).toEqual(await b.state());
      expect((await a.state()).visits.map((v) => v.status).sort()).toEqual(['approved', 'awaiting_approval']);
      for (const c of [a, b]) expect(verifyChain(await c.db.events.toArray())).toEqual([]);
    });
  });
}
