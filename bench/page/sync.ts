/**
 * The sync benchmark, page side (bench/run.ts drives it; the server is seeded by
 * bench/sync-seed.ts). Everything goes over HTTP to the real server that serves this page.
 *
 *  - benchSyncInitial(): a FRESH console (new ConsoleDb, new device) signs in and runs the real
 *    loadSnapshot() (what joinOffice() and the sync loop do); then raw Dexie bulkPuts the N final
 *    visit rows (read back from that store, untimed) into an empty database of the same schema;
 *    then the background history backfill (backfillHistory) is timed to completion.
 *  - benchSyncPushPull(): a second fresh console P (a desk that signs in) gets ~10k events of
 *    its own (visit lifecycles made with the shared rules in memory, ingested with
 *    queueOutbox as its local events); pushOutbox() sends them; the first console (which holds
 *    the whole office) pulls them with pullAll(). Raw Dexie writes the same event rows.
 *  - benchSyncStart()/benchSyncWatch()/benchSyncStep()/benchSyncSeen(): the real sync loop
 *    (startSync) on a console in this page; the runner opens two pages, commits on one and
 *    times until the other's projection shows the change (a Dexie liveQuery).
 */
import { commitAs } from './keys';
import Dexie, { liveQuery, type Table } from 'dexie';
import { ConsoleDb } from '@renderer/store/db';
import { deviceMeta } from '@renderer/store/commit';
import { ingest } from '@renderer/store/ingest';
import { signInDevice } from '@renderer/sync/enrol';
import { createWebSyncTransport, TOKEN_KEY } from '@renderer/platform/web-sync';
import type { SyncTransport } from '@shared/sync/transport';
import { notifyCommitted, pullAll, pushOutbox, startSync } from '@renderer/sync/sync-client';
import { backfillHistory, loadSnapshot } from '@renderer/sync/snapshot';
import type { VisitState } from '@shared/domain/visit/state';
import type { UserState } from '@shared/domain/user/state';
import type { DomainEvent } from '@shared/events';
import { newId } from '@shared/ids';
import type { Actor } from '@shared/roles';
import { MemoryConsole } from './memory-console';
import { visitCycle as cycle } from './visit-cycle';
import { log, timed } from './measure';

const PASSWORD = 'Rahasia123';

export interface SyncInitialResult {
  dbName: string;
  token: string;
  cursor: number;
  /** loadSnapshot(): the console holds every record and is usable. */
  snapshot: { ms: number; records: number; serverMs: number; requests: number };
  /** backfillHistory(): the older events, fetched in the background afterwards. */
  backfill?: { ms: number; events: number; serverMs: number; requests: number };
  raw: { ms: number; rows: number; batch: number };
  counts: { visits: number; events: number; inside: number; archived: number };
}

export interface SyncPushPullResult {
  dbName: string;
  token: string;
  events: number;
  visits: number;
  generateMs: number;
  ingestMs: number;
  push: { ms: number; answered: number; rejected: number; outboxLeft: number };
  pull: { ms: number; fresh: number; serverMs: number };
  raw: { ms: number; rows: number };
}

declare global {
  interface Window {
    benchSyncInitial(o: { batch: number; username: string; backfill: boolean }): Promise<SyncInitialResult>;
    benchSyncPushPull(o: { events: number; batch: number; fromDb: string; fromToken: string }): Promise<SyncPushPullResult>;
    benchSyncStart(o: { dbName: string; token: string }): Promise<void>;
    benchSyncStop(): void;
    benchSyncWatch(id: string): void;
    benchSyncStep(o: { id: string; step: number; n: number; badge: string }): Promise<{ t0: number; hlc: string; commitMs: number }>;
    benchSyncSeen(o: { hlc: string; timeoutMs: number }): Promise<number>;
  }
}

/** Wall time comparable across pages of one browser. */
const abs = () => performance.timeOrigin + performance.now();

/** Sums the time spent in the sync server's pull and snapshot requests (request to last body byte). */
const serverClock = { ms: 0, requests: 0 };
const resetClock = () => {
  serverClock.ms = 0;
  serverClock.requests = 0;
};
const realFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!url.includes('/api/sync/pull') && !url.includes('/api/sync/snapshot')) return realFetch(input, init);
  const t0 = performance.now();
  const res = await realFetch(input, init);
  const body = await res.arrayBuffer();
  serverClock.ms += performance.now() - t0;
  serverClock.requests += 1;
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
};

function schemaOf(db: Dexie): Record<string, string> {
  return Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey, ...t.schema.indexes].map((i) => i.src).join(', ')]));
}

/**
 * A console's own sync transport: the page's same-origin transport with the token kept in memory,
 * so that two consoles of one page (one origin, one localStorage) each hold their own, and the
 * runner can hand a console's token to the next page that opens it.
 */
function benchTransport(token: string | null = null): { transport: SyncTransport; token: () => string } {
  const store = new Map<string, string>(token ? [[TOKEN_KEY, token]] : []);
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
  return { transport: createWebSyncTransport({ storage }), token: () => store.get(TOKEN_KEY) ?? '' };
}

async function signedIn(dbName: string, username: string) {
  const db = new ConsoleDb(dbName);
  await db.open();
  const device = await deviceMeta(db);
  const { transport, token } = benchTransport();
  const res = await signInDevice(db, transport, '', { username, password: PASSWORD, deviceName: `bench ${dbName}` });
  await db.sync.put({ key: 'sync', serverUrl: '', userId: res.userId, cursor: 0 });
  return { db, token: token(), transport, deviceId: device.deviceId };
}

const tag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

window.benchSyncInitial = async ({ batch, username, backfill: runBackfill }) => {
  const name = `sync-fresh-${tag()}`;
  const { db, token, transport } = await signedIn(name, username);
  const session = { transport };
  log(`initial sync: fresh console ${name}, loadSnapshot()`);
  resetClock();
  const [snapMs, records] = await timed(() => loadSnapshot(db, session));
  const snapshot = { ms: Math.round(snapMs), records, serverMs: Math.round(serverClock.ms), requests: serverClock.requests };
  const cursor = (await db.sync.get('sync'))!.cursor;
  log(`initial sync: ${records} records in ${(snapMs / 1000).toFixed(1)} s (${snapshot.requests} snapshot pages, ${Math.round(serverClock.ms / 1000)} s of them waiting on the server)`);
  const counts = {
    visits: await db.visits.count(),
    events: 0,
    inside: await db.visits.where('status').equals('inside').count(),
    archived: await db.visits.where('status').equals('archived').count(),
  };

  // Raw Dexie: the N final visit rows, bulkPut in transactions of `batch` rows into an empty
  // database of the same schema. Reading them back from the synced store is not timed.
  const rawName = `sync-raw-${tag()}`;
  const raw = new Dexie(rawName);
  raw.version(1).stores(schemaOf(db));
  await raw.open();
  const rawVisits = raw.table('visits') as Table<VisitState, string>;
  let rawMs = 0;
  let rows = 0;
  let after = '';
  for (;;) {
    const chunk = await db.visits.where('id').above(after).limit(batch).toArray();
    if (chunk.length === 0) break;
    after = chunk[chunk.length - 1]!.id;
    rawMs += (await timed(() => raw.transaction('rw', rawVisits, () => rawVisits.bulkPut(chunk))))[0];
    rows += chunk.length;
  }
  log(`raw Dexie: ${rows} visit rows in ${(rawMs / 1000).toFixed(1)} s (${Math.round((rows / rawMs) * 1000)} rows/s)`);
  raw.close();
  await Dexie.delete(rawName);

  // The older history, as the sync loop fetches it in the background after the snapshot.
  if (!runBackfill) {
    db.close();
    return { dbName: name, token, cursor, snapshot, raw: { ms: Math.round(rawMs), rows, batch }, counts };
  }
  log('history backfill: backfillHistory()');
  resetClock();
  const [backMs] = await timed(() => backfillHistory(db, session, Infinity));
  counts.events = await db.events.count();
  const backfill = { ms: Math.round(backMs), events: counts.events, serverMs: Math.round(serverClock.ms), requests: serverClock.requests };
  log(`history backfill: ${counts.events} events in ${(backMs / 1000).toFixed(1)} s (${Math.round((counts.events / backMs) * 1000)} events/s)`);
  db.close();
  return { dbName: name, token, cursor, snapshot, backfill, raw: { ms: Math.round(rawMs), rows, batch }, counts };
};

/** Staff as a console knows them: the first officer and approver, and an escort. */
async function staffOf(db: ConsoleDb): Promise<{ officer: Actor; approver: Actor; escort: string }> {
  const users = await db.users.toArray();
  const by = (u: string) => users.find((x: UserState) => x.username === u)!.id;
  return { officer: { userId: by('petugas1'), roles: ['officer'] }, approver: { userId: by('penyetuju1'), roles: ['approver'] }, escort: by('petugas2') };
}


window.benchSyncPushPull = async ({ events: target, batch, fromDb, fromToken }) => {
  const a = new ConsoleDb(fromDb);
  await a.open();
  const name = `sync-desk2-${tag()}`;
  const { db: p, token, transport, deviceId } = await signedIn(name, 'petugas2');
  // P is a desk that joined: it knows the org and the users (copied, not pulled: not timed here).
  const [org, users] = await Promise.all([a.org.toArray(), a.users.toArray()]);
  await p.transaction('rw', [p.org, p.users], async () => {
    await p.org.bulkPut(org);
    await p.users.bulkPut(users);
  });
  const staff = await staffOf(a);
  const mem = new MemoryConsole(deviceId);
  for (const o of org) mem.seed('org', o.id, o);
  for (const u of users) mem.seed('user', u.id, u);
  const cycles = Math.ceil(target / 6);
  const t0 = performance.now();
  const out: DomainEvent[] = [];
  const start = Date.now() - cycles * 6 * 5;
  for (let c = 0; c < cycles; c++) {
    const id = newId();
    for (const [k, [actor, command]] of cycle(staff, id, c, 'B-059').entries()) out.push(...(await mem.run(actor, command, new Date(start + (c * 6 + k) * 5))));
    mem.forget('visit', id);
  }
  const generateMs = performance.now() - t0;
  // Its own events, as if committed here: the chain head first, then ingest with queueOutbox.
  const device = await deviceMeta(p);
  await p.meta.put({ ...device, seq: mem.head.seq, lastHash: mem.head.lastHash, hlc: mem.head.hlc });
  const t1 = performance.now();
  for (let i = 0; i < out.length; i += batch) await ingest(p, out.slice(i, i + batch), { queueOutbox: true });
  const ingestMs = performance.now() - t1;
  log(`push+pull: ${out.length} events (${cycles} visits) made in ${Math.round(generateMs)} ms, ingested into ${name}'s outbox in ${Math.round(ingestMs)} ms`);

  const [pushMs, answered] = await timed(() => pushOutbox(p, { transport, cursor: 0 }));
  const rejected = await p.events.where('status').equals('rejected').count();
  const outboxLeft = await p.outbox.count();
  log(`pushOutbox: ${answered} answered in ${(pushMs / 1000).toFixed(1)} s (${Math.round((answered / pushMs) * 1000)} events/s), ${rejected} rejected, ${outboxLeft} left in the outbox`);

  const cursor = (await a.sync.get('sync'))!.cursor;
  serverClock.ms = 0;
  const [pullMs, fresh] = await timed(() => pullAll(a, { transport: benchTransport(fromToken).transport, cursor }));
  log(`pullAll on the first console: ${fresh} new events in ${(pullMs / 1000).toFixed(1)} s (${Math.round((fresh / pullMs) * 1000)} events/s)`);
  // The desk is up to date too: its cursor moves past everything (its own events included).
  await p.sync.update('sync', { cursor: (await a.sync.get('sync'))!.cursor });

  const rawName = `sync-raw-events-${tag()}`;
  const raw = new Dexie(rawName);
  raw.version(1).stores(schemaOf(p));
  await raw.open();
  const rawEvents = raw.table('events') as Table<DomainEvent, string>;
  let rawMs = 0;
  for (let i = 0; i < out.length; i += batch) {
    const chunk = out.slice(i, i + batch);
    rawMs += (await timed(() => raw.transaction('rw', rawEvents, () => rawEvents.bulkPut(chunk))))[0];
  }
  log(`raw Dexie: ${out.length} event rows in ${Math.round(rawMs)} ms`);
  raw.close();
  await Dexie.delete(rawName);
  a.close();
  p.close();
  return {
    dbName: name, token, events: out.length, visits: cycles, generateMs: Math.round(generateMs), ingestMs: Math.round(ingestMs),
    push: { ms: Math.round(pushMs), answered, rejected, outboxLeft },
    pull: { ms: Math.round(pullMs), fresh, serverMs: Math.round(serverClock.ms) },
    raw: { ms: Math.round(rawMs), rows: out.length },
  };
};

// ---------------------------------------------------------------------------------------------
// Change-to-other-client delay: the app's sync loop (startSync: push on commit, SSE poke, pull)
// ---------------------------------------------------------------------------------------------

let loop: { db: ConsoleDb; stop: () => void; seen: Map<string, number>; waiters: Map<string, (t: number) => void>; subs: { unsubscribe(): void }[] } | undefined;

window.benchSyncStart = async ({ dbName, token }) => {
  window.benchSyncStop();
  const db = new ConsoleDb(dbName);
  await db.open();
  loop = { db, stop: startSync(db, benchTransport(token).transport), seen: new Map(), waiters: new Map(), subs: [] };
};

window.benchSyncStop = () => {
  if (!loop) return;
  loop.stop();
  for (const s of loop.subs) s.unsubscribe();
  loop.db.close();
  loop = undefined;
};

/** Records when each state (by its hlc) of a visit first shows in this console's projection. */
window.benchSyncWatch = (id) => {
  const l = loop!;
  l.subs.push(
    liveQuery(() => l.db.visits.get(id)).subscribe({
      next: (v) => {
        if (!v || l.seen.has(v.hlc)) return;
        const t = abs();
        l.seen.set(v.hlc, t);
        l.waiters.get(v.hlc)?.(t);
      },
    }),
  );
};

window.benchSyncStep = async ({ id, step, n, badge }) => {
  const l = loop!;
  const [actor, command] = cycle(await staffOf(l.db), id, n, badge)[step]!;
  const t0 = abs();
  const [commitMs, r] = await timed(() => commitAs(l.db, actor, command));
  if (!r.ok) throw new Error(`${command.type} refused: ${r.error.code}`);
  notifyCommitted();
  return { t0, hlc: r.data[r.data.length - 1]!.hlc, commitMs };
};

window.benchSyncSeen = ({ hlc, timeoutMs }) => {
  const l = loop!;
  const t = l.seen.get(hlc);
  if (t !== undefined) return Promise.resolve(t);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`change ${hlc} not seen within ${timeoutMs} ms`)), timeoutMs);
    l.waiters.set(hlc, (at) => {
      clearTimeout(timer);
      resolve(at);
    });
  });
};

