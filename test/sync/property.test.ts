/**
 * Property: whatever consoles do — edit, go offline, restart, sync in any order — once all
 * are back online and synced, every console shows the same state and holds every device's
 * complete, untampered event chain.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { verifyChain } from '../../src/shared/events';
import { newId } from '../../src/shared/ids';
import { pgliteBackend, postgresBackend, reset, type Backend } from '../server/helpers/backends';
import { Client, startServer, visitInput } from './clients';

type Action =
  | { kind: 'register' | 'approve' | 'refuse' | 'badge' | 'enter' | 'checkout' | 'archive' | 'prefix' | 'offline' | 'online' | 'sync' | 'restart'; client: number; pick: number };

const action: fc.Arbitrary<Action> = fc.record({
  kind: fc.constantFrom('register', 'register', 'approve', 'refuse', 'badge', 'enter', 'checkout', 'archive', 'prefix', 'offline', 'online', 'sync', 'sync', 'restart'),
  client: fc.integer({ min: 0, max: 2 }),
  pick: fc.nat({ max: 20 }),
}) as fc.Arbitrary<Action>;

for (const [name, open] of [['pglite', pgliteBackend], ['postgres', postgresBackend]] as const) {
  describe(`random sessions of three consoles (${name})`, () => {
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

    it('converge to one state with every chain complete', async (ctx) => {
      if (!backend) return ctx.skip();
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 30 }), async (actions) => {
          await reset(backend!.db);
          const a = new Client('A', server.url);
          const adminId = await a.setUpOffice();
          const sari = await a.createUser(adminId, 'sari', ['approver']);
          const joko = await a.createUser(adminId, 'joko', ['approver', 'officer']);
          await a.sync();
          const b = new Client('B', server.url);
          await b.join('sari');
          const c = new Client('C', server.url);
          await c.join('joko');
          const clients = [a, b, c];
          const officer = { id: adminId, roles: ['admin', 'officer'] as const };
          const approvers = [sari, joko];
          for (const act of actions) {
            const cl = clients[act.client]!;
            const visits = await cl.db.visits.orderBy('id').toArray();
            const v = visits.length ? visits[act.pick % visits.length] : undefined;
            switch (act.kind) {
              case 'register':
                await cl.run(officer.id, [...officer.roles], { type: 'visit.register', input: visitInput(newId(), `Tamu ${act.pick}`) });
                break;
              case 'approve':
              case 'refuse':
                if (v) await cl.run(approvers[act.pick % 2]!, ['approver'], { type: 'visit.decide', input: { id: v.id, approved: act.kind === 'approve', reason: 'Alasan uji' } });
                break;
              case 'badge':
                if (v) await cl.run(officer.id, [...officer.roles], { type: 'visit.issueBadge', input: { id: v.id, badge: `B-0${(act.pick % 3) + 1}`, escortId: adminId } });
                break;
              case 'enter':
                if (v) await cl.run(officer.id, [...officer.roles], { type: 'visit.enter', input: { id: v.id } });
                break;
              case 'checkout':
                if (v) await cl.run(officer.id, [...officer.roles], { type: 'visit.checkOut', input: { id: v.id, outcome: 'Selesai', scannedSerials: v.devices.map((d) => d.serial), leftInside: [], badgeReturned: true, idReturned: true } });
                break;
              case 'archive':
                if (v) await cl.run(officer.id, [...officer.roles], { type: 'visit.archive', input: { id: v.id } });
                break;
              case 'prefix':
                await cl.run(adminId, ['admin'], { type: 'org.update', input: { docPrefix: `P${act.pick}` } });
                break;
              case 'offline':
                cl.online = false;
                break;
              case 'online':
                cl.online = true;
                break;
              case 'sync':
                await cl.sync();
                break;
              case 'restart':
                await cl.restart();
                break;
            }
          }
          for (const cl of clients) cl.online = true;
          for (let round = 0; round < 2; round++) for (const cl of clients) await cl.sync();
          const [sa, sb, sc] = await Promise.all(clients.map((cl) => cl.state()));
          expect(sb).toEqual(sa);
          expect(sc).toEqual(sa);
          const serverEvents = Number((await backend!.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events'))[0]!.n);
          for (const cl of clients) {
            const events = await cl.db.events.toArray();
            expect(verifyChain(events)).toEqual([]);
            expect(events).toHaveLength(serverEvents);
            expect(await cl.db.outbox.count()).toBe(0);
          }
          for (const cl of clients) cl.db.close();
        }),
        { numRuns: name === 'pglite' ? 30 : 10, endOnFailure: true },
      );
    }, 240_000);
  });
}
