/**
 * Property: whatever consoles do — edit, go offline, restart, sync in any order — once all
 * are back online and synced, every console shows the same state and holds every device's
 * complete, untampered event chain. With a hostile console among them, injecting forged events
 * (another user named as actor, signed with its own user's key) and altered ones (a payload
 * changed after signing, re-signed and re-chained so that only the replay can tell — or, for a
 * field added, the event type's schema, which the server checks first), the honest
 * consoles still end identical, and no forged or altered event is accepted anywhere: every
 * event any console or the server holds as accepted is signed by its actor with the key the
 * actor held then.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { commit } from '@renderer/store/commit';
import { contentHash, eventHash, verifyChain, type DomainEvent } from '@shared/events';
import { newId } from '@shared/ids';
import { keyAt, signedMessage, signHash } from '@shared/signing';
import type { Role } from '@shared/roles';
import { verifyEd25519 } from '../../src/server/sync/verify';
import { testKey } from '../fixtures/signing';
import { pgliteBackend, postgresBackend, reset, type Backend } from '../server/helpers/backends';
import { Client, startServer, visitInput } from './clients';

type HonestKind = 'register' | 'approve' | 'refuse' | 'badge' | 'enter' | 'checkout' | 'archive' | 'prefix' | 'offline' | 'online' | 'sync' | 'restart';
/** What the hostile console does besides: approvals and office changes in others' names, registrations altered after signing. */
type HostileKind = 'forgeApproval' | 'forgeOffice' | 'alter';
type Action = { kind: HonestKind | HostileKind; client: number; pick: number };

const HONEST: HonestKind[] = ['register', 'register', 'approve', 'refuse', 'badge', 'enter', 'checkout', 'archive', 'prefix', 'offline', 'online', 'sync', 'sync', 'restart'];
const action: fc.Arbitrary<Action> = fc.record({
  kind: fc.constantFrom(...HONEST),
  client: fc.integer({ min: 0, max: 2 }),
  pick: fc.nat({ max: 20 }),
}) as fc.Arbitrary<Action>;
/** Actions of three honest consoles (0–2) and a hostile one (3), which also acts honestly, syncs and restarts. */
const hostileAction: fc.Arbitrary<Action> = fc.oneof(
  { weight: 2, arbitrary: action.chain((a) => fc.integer({ min: 0, max: 3 }).map((client) => ({ ...a, client }))) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom<HostileKind>('forgeApproval', 'forgeOffice', 'alter'), client: fc.constant(3), pick: fc.nat({ max: 20 }) }) },
);

/** The office the sessions play in: an admin (who also registers visits), two approvers, and the hostile console's own officer. */
interface Office {
  adminId: string;
  approvers: string[];
  hostile?: string;
}

/** One honest action on a console. */
async function honest(cl: Client, act: Action, o: Office): Promise<void> {
  const officer = { id: o.adminId, roles: ['admin', 'officer'] as Role[] };
  const visits = await cl.db.visits.orderBy('id').toArray();
  const v = visits.length ? visits[act.pick % visits.length] : undefined;
  switch (act.kind) {
    case 'register':
      await cl.run(officer.id, officer.roles, { type: 'visit.register', input: visitInput(newId(), `Tamu ${act.pick}`) });
      break;
    case 'approve':
    case 'refuse':
      if (v) await cl.run(o.approvers[act.pick % 2]!, ['approver'], { type: 'visit.decide', input: { id: v.id, approved: act.kind === 'approve', reason: 'Alasan uji' } });
      break;
    case 'badge':
      if (v) await cl.run(officer.id, officer.roles, { type: 'visit.issueBadge', input: { id: v.id, badge: `B-0${(act.pick % 3) + 1}`, escortId: o.adminId } });
      break;
    case 'enter':
      if (v) await cl.run(officer.id, officer.roles, { type: 'visit.enter', input: { id: v.id } });
      break;
    case 'checkout':
      if (v) await cl.run(officer.id, officer.roles, { type: 'visit.checkOut', input: { id: v.id, outcome: 'Selesai', scannedSerials: v.devices.map((d) => d.serial), leftInside: [], badgeReturned: true, idReturned: true } });
      break;
    case 'archive':
      if (v) await cl.run(officer.id, officer.roles, { type: 'visit.archive', input: { id: v.id } });
      break;
    case 'prefix':
      await cl.run(o.adminId, ['admin'], { type: 'org.update', input: { docPrefix: `P${act.pick}` } });
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

/**
 * One hostile action; returns the ids of the events it forged or altered. The console's own
 * commit() is used with its own user's key but another user named as actor (commit signs in the
 * actor's name with whatever key it is given); an altered event is rewritten in place, re-signed
 * with the console's own key and re-chained, as a tampered console would.
 */
async function hostile(h: Client, act: Action, o: Office): Promise<string[]> {
  const own = await testKey(o.hostile!);
  const visits = await h.db.visits.orderBy('id').toArray();
  const v = visits.length ? visits[act.pick % visits.length] : undefined;
  if (act.kind === 'forgeApproval') {
    if (!v) return [];
    const approver = o.approvers[act.pick % 2]!;
    const r = await commit(h.db, { actor: { userId: approver, roles: ['approver'] }, key: own.key }, { type: 'visit.decide', input: { id: v.id, approved: true } }, h.clock);
    return r.ok ? r.data.map((e) => e.id) : [];
  }
  if (act.kind === 'forgeOffice') {
    const r = await commit(h.db, { actor: { userId: o.adminId, roles: ['admin'] }, key: own.key }, { type: 'org.update', input: { docPrefix: `HACK${act.pick}` } }, h.clock);
    return r.ok ? r.data.map((e) => e.id) : [];
  }
  // alter: an honest registration, then its payload changed after signing.
  const r = await h.run(o.hostile!, ['officer'], { type: 'visit.register', input: visitInput(newId(), `Tamu ${act.pick}`) });
  if (!r.ok) return [];
  const [e] = r.data as [DomainEvent];
  const payload = { ...e.payload, ...(act.pick % 2 ? { visitorName: 'Nama Palsu' } : { approvedBy: o.approvers[0] }) };
  const { hash: _hash, ...rest } = { ...e, payload };
  const resigned = { ...rest, sig: { ...e.sig!, sig: await signHash(own.key, contentHash(rest)) } };
  const altered: DomainEvent = { ...resigned, hash: eventHash(resigned) };
  await h.db.events.put(altered);
  const meta = (await h.db.meta.get('device'))!;
  await h.db.meta.put({ ...meta, lastHash: altered.hash });
  return [altered.id];
}

/** The events a console holds as accepted whose signature does not verify against its actor's key at the time. */
async function badlySigned(cl: Client): Promise<string[]> {
  const users = new Map((await cl.db.users.toArray()).map((u) => [u.id, u]));
  const bad: string[] = [];
  for (const e of await cl.db.events.toArray()) {
    if (e.status === 'rejected') continue;
    const key = e.sig && e.sig.by === e.actorId ? keyAt(users.get(e.actorId)?.keys, e.sig.key, e.at) : undefined;
    if (!key || !verifyEd25519(key.publicKey, signedMessage(contentHash(e)), e.sig!.sig)) bad.push(`${e.type} ${e.id}`);
  }
  return bad;
}

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

    /** Sets up the office on console A (and the hostile console's user when asked) and joins B and C (and H). */
    async function office(withHostile: boolean) {
      await reset(backend!.db);
      const a = new Client('A', server.url);
      const adminId = await a.setUpOffice();
      const sari = await a.createUser(adminId, 'sari', ['approver']);
      const joko = await a.createUser(adminId, 'joko', ['approver', 'officer']);
      const hostileId = withHostile ? await a.createUser(adminId, 'nakal', ['officer']) : undefined;
      await a.sync();
      const b = new Client('B', server.url);
      await b.join('sari');
      const c = new Client('C', server.url);
      await c.join('joko');
      const clients = [a, b, c];
      if (withHostile) {
        const h = new Client('H', server.url);
        await h.join('nakal');
        clients.push(h);
      }
      return { clients, o: { adminId, approvers: [sari, joko], hostile: hostileId } satisfies Office };
    }

    /** Everyone online and synced twice; every console's chain complete and its outbox empty; the honest ones identical. */
    async function settle(clients: Client[]) {
      for (const cl of clients) cl.online = true;
      for (let round = 0; round < 2; round++) for (const cl of clients) await cl.sync();
      const [sa, sb, sc] = await Promise.all(clients.slice(0, 3).map((cl) => cl.state()));
      expect(sb).toEqual(sa);
      expect(sc).toEqual(sa);
      const serverEvents = Number((await backend!.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events'))[0]!.n);
      for (const cl of clients) {
        const events = await cl.db.events.toArray();
        expect(verifyChain(events)).toEqual([]);
        expect(events).toHaveLength(serverEvents);
        expect(await cl.db.outbox.count()).toBe(0);
      }
    }

    it('converge to one state with every chain complete', async (ctx) => {
      if (!backend) return ctx.skip();
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 30 }), async (actions) => {
          const { clients, o } = await office(false);
          for (const act of actions) await honest(clients[act.client]!, act, o);
          await settle(clients);
          for (const cl of clients) cl.db.close();
        }),
        { numRuns: name === 'pglite' ? 30 : 10, endOnFailure: true },
      );
    }, 240_000);

    it('with a hostile console forging and altering events: the honest ones still converge and no forged event is accepted anywhere', async (ctx) => {
      if (!backend) return ctx.skip();
      await fc.assert(
        fc.asyncProperty(fc.array(hostileAction, { minLength: 5, maxLength: 30 }).filter((acts) => acts.some((a) => a.client === 3 && !HONEST.includes(a.kind as HonestKind))), async (actions) => {
          const { clients, o } = await office(true);
          const h = clients[3]!;
          const forged: string[] = [];
          for (const act of actions) {
            if (act.kind === 'forgeApproval' || act.kind === 'forgeOffice' || act.kind === 'alter') forged.push(...(await hostile(h, act, o)));
            else await honest(clients[act.client]!, act, o);
          }
          await settle(clients);
          // The server refused every forged and altered event…
          const stored = await backend!.db.query<{ id: string; status: string; reason: string }>(`SELECT id, status, reason FROM events WHERE id::text = ANY($1::text[])`, [forged]);
          expect(stored).toHaveLength(forged.length);
          // (A forged signature, a payload the replay does not produce, or a field the event type's schema does not have.)
          for (const row of stored) expect([row.status, row.reason]).toEqual(['rejected', expect.stringMatching(/^(sync\.errors\.(signatureKey|replayMismatch)|errors\.invalidPayload)$/)]);
          // …every console holds it as refused, and everything any console holds as accepted is signed by its actor.
          for (const cl of clients) {
            const held = await cl.db.events.bulkGet(forged);
            expect(held.map((e) => e?.status)).toEqual(forged.map(() => 'rejected'));
            expect(await badlySigned(cl)).toEqual([]);
          }
          // The office was never changed in the admin's name by the hostile console.
          const [org] = (await clients[0]!.state()).org;
          expect(org?.docPrefix).not.toMatch(/^HACK/);
          for (const cl of clients) cl.db.close();
        }),
        { numRuns: name === 'pglite' ? 15 : 5, endOnFailure: true },
      );
    }, 240_000);
  });
}
