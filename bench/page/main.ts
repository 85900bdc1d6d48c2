/**
 * The benchmark page (bench.html), driven by bench/run.ts through Playwright. It measures the
 * store's real code paths — ingest(), commit(), the visit queries — against raw Dexie doing
 * the same work on the same data in the same run, on a second database of the same schema:
 *
 *  - seeding: each batch of the generated history goes through ingest() into the console's
 *    database and, as a raw bulkPut of the same events and of the same visit rows (the state
 *    after the batch of every visit it touched), into the raw database. Batches alternate which
 *    side goes first, so both see the same background noise and the same LevelDB growth.
 *  - commits: full visit cycles (register, decide, badge, enter, check-out, archive) through
 *    commit(); after each, raw Dexie writes the same rows in one transaction (the events, the
 *    outbox rows, the visit row and the device row), and, for reference, one bare put.
 *  - queries and open-to-usable, alternating real and raw, reporting percentiles.
 *  - with options.candidates, the changes to src/ proposed in candidates.ts, on the same data
 *    (docs/benchmarks.md has the figures and what they mean).
 *
 * After seeding, every visit row written by ingest() is compared with the row the generator's
 * pure fold produced (sanity.visitRowsDiffering), and the counts of both databases are checked.
 *
 * window.runBench(options) does all of this and returns the figures; window.benchOpen()
 * measures one open-to-usable in a freshly started browser (the runner restarts Chromium).
 */
import { commitAs, keyring } from './keys';
import Dexie, { type Table } from 'dexie';
import { ConsoleDb } from '@renderer/store/db';
import { dexieLookups } from '@renderer/store/commit';
import { ingest } from '@renderer/store/ingest';
import { PAGE_SIZE, visitLogPage, visitsByNamePrefix, visitsInProgress, visitsInside, type VisitFilter } from '@renderer/store/queries/visits';
import { commands, type Command } from '@shared/domain/registry';
import { visitDocNo } from '@shared/domain/visit/commands';
import type { VisitState } from '@shared/domain/visit/state';
import { eventHash, type DomainEvent } from '@shared/events';
import { newId } from '@shared/ids';
import { hashPassword } from '@shared/password';
import type { Actor, Role } from '@shared/roles';
import { localDate, startOfLocalDay } from '@shared/office-time';
import { History, HistorySigner, makeRng, uuid7, type Batch, type Staff } from './generate';
import { badgeHolderFromOpenSet, commitParallel, inProgressFromOpenSet, insideFromOpenSet, writeOpenSet } from './candidates';
import { log, stats, timed, type Stats } from './measure';
import { visitCycle } from './visit-cycle';
import './sync';
import './tickets';
import './incidents';
import './assets';
import './signing';

export interface BenchOptions {
  visits: number;
  /** Events per ingest() transaction. */
  batch: number;
  /** Visit cycles committed (each is six commits). */
  commits: number;
  /** Repetitions of each query. */
  queryRuns: number;
  /** Repetitions of the in-page open-to-usable. */
  openRuns: number;
  seed: number;
  /** Also measure the candidate changes of candidates.ts. */
  candidates: boolean;
}

export interface Pair {
  real: Stats;
  raw: Stats;
}

export interface QueryResult extends Pair {
  label: string;
  rows: number;
  /** Both sides returned the same records. */
  same: boolean;
}

export interface BenchResult {
  options: BenchOptions;
  userAgent: string;
  dbNames: { real: string; raw: string };
  history: { visits: number; events: number; batches: number; firstDay: string; statuses: Record<string, number> };
  sanity: Record<string, [number, number]>;
  seed: { realMs: number; rawMs: number; wallMs: number; realVisitsPerSec: number; rawVisitsPerSec: number; realEventsPerSec: number; rawEventsPerSec: number; batchReal: Stats; batchRaw: Stats };
  commits: Record<string, Pair & { rawSinglePut: Stats }>;
  queries: Record<string, QueryResult>;
  openWarm: Pair;
  /** Measured changes to src/ (see candidates.ts), when options.candidates. */
  candidates?: Candidates;
  totalMs: number;
}

export interface Candidates {
  commits: Record<string, { current: Stats; candidate: Stats }>;
  queries: Record<string, { label: string; current: Stats; candidate: Stats; same: boolean }>;
  /** The status='inside' read on this store and on a fresh copy of its newest visits (no stale index entries). */
  staleIndex: { freshRows: number; churned: Stats; fresh: Stats };
  openWarm: Stats;
  cpuMicros: Record<string, number>;
}

declare global {
  interface Window {
    runBench(options: Partial<BenchOptions>): Promise<BenchResult>;
    benchOpen(options: { name: string; side: 'real' | 'raw' | 'candidate' }): Promise<{ ms: number; inside: number; page: number }>;
    benchReady: boolean;
  }
}

const DAY = 86_400_000;
const ZONE = 'WITA' as const;
const UTC_OFFSET = 8;
const BADGES = Array.from({ length: 60 }, (_, i) => `B-${String(i + 1).padStart(3, '0')}`);

/** The ConsoleDb schema as Dexie store strings, so the raw database is declared identically. */
function schemaOf(db: Dexie): Record<string, string> {
  return Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey, ...t.schema.indexes].map((i) => i.src).join(', ')]));
}

/** A plain Dexie database with the console's schema, written and read with bare Dexie calls. */
function rawDb(name: string): Dexie {
  const d = new Dexie(name);
  d.version(1).stores(schemaOf(new ConsoleDb(name)));
  return d;
}

const visitsOf = (d: Dexie) => d.table('visits') as Table<VisitState, string>;
const byEntered = (a: VisitState, b: VisitState) => (a.enteredAt ?? '').localeCompare(b.enteredAt ?? '');

// ---------------------------------------------------------------------------------------------
// Open-to-usable: a new connection, then what the console reads to show its first screen (the
// org record, who is inside, who is waiting, the first page of the log).
// ---------------------------------------------------------------------------------------------

async function openReal(name: string) {
  const t0 = performance.now();
  const d = new ConsoleDb(name);
  await d.open();
  const [, inside, , page] = await Promise.all([d.org.get('org'), visitsInside(d), visitsInProgress(d), visitLogPage(d, {})]);
  const ms = performance.now() - t0;
  d.close();
  return { ms, inside: inside.length, page: page.rows.length };
}

async function openRaw(name: string) {
  const t0 = performance.now();
  const d = rawDb(name);
  await d.open();
  const v = visitsOf(d);
  const [, inside, , page] = await Promise.all([
    d.table('org').get('org'),
    v.where('status').equals('inside').toArray().then((rows) => rows.sort(byEntered)),
    v.where('status').anyOf(['awaiting_approval', 'approved']).toArray(),
    v.orderBy('registeredAt').reverse().limit(PAGE_SIZE + 1).toArray(),
  ]);
  const ms = performance.now() - t0;
  d.close();
  return { ms, inside: inside.length, page: Math.min(page.length, PAGE_SIZE) };
}

/** Open-to-usable with the open-visits row (candidates.ts) instead of the status index. */
async function openCandidate(name: string) {
  const t0 = performance.now();
  const d = new ConsoleDb(name);
  await d.open();
  const [, inside, , page] = await Promise.all([d.org.get('org'), insideFromOpenSet(d), inProgressFromOpenSet(d), visitLogPage(d, {})]);
  const ms = performance.now() - t0;
  d.close();
  return { ms, inside: inside.length, page: page.rows.length };
}

window.benchOpen = ({ name, side }) => (side === 'real' ? openReal(name) : side === 'raw' ? openRaw(name) : openCandidate(name));

// ---------------------------------------------------------------------------------------------

async function setUpOffice(db: ConsoleDb, staff: Staff, at: number): Promise<void> {
  const password = await hashPassword('Rahasia123', 1000);
  const clock = () => new Date(at);
  const admin: Actor = { userId: staff.admin, roles: ['admin'] };
  const must = async (actor: Actor, command: { type: string; input: unknown }) => {
    const r = await commitAs(db, actor, command, clock);
    if (!r.ok) throw new Error(`${command.type} refused: ${r.error.code}`);
  };
  await must(admin, {
    type: 'org.setUp',
    input: {
      profile: {
        name: 'Dinas Komunikasi dan Informatika Kota Makassar', unit: 'Bidang Teknologi Informasi dan Komunikasi', address: 'Jl. Jend. Ahmad Yani No. 2, Makassar 90111',
        timeZone: ZONE, badgePool: BADGES, docPrefix: 'DKI-MKS', idleLockMinutes: 15,
      },
      admin: { id: staff.admin, username: 'andi.pratama', displayName: 'Andi Pratama', roles: ['admin'], password },
    },
  });
  const people: [string, string, string, Role][] = [
    ...staff.officers.map((id, i) => [id, `petugas${i + 1}`, ['Budi Hartono', 'Rahmat Hidayat', 'Nurul Aisyah', 'Syamsul Bahri', 'Fitri Handayani', 'Irwan Setiawan'][i] ?? `Petugas ${i + 1}`, 'officer'] as [string, string, string, Role]),
    ...staff.approvers.map((id, i) => [id, `penyetuju${i + 1}`, ['Sari Wulandari', 'Ir. Muh. Tahir', 'Dra. Hj. Andi Nurhayati'][i] ?? `Penyetuju ${i + 1}`, 'approver'] as [string, string, string, Role]),
  ];
  for (const [id, username, displayName, role] of people) {
    await must(admin, { type: 'user.create', input: { id, username, displayName, roles: [role], password } });
  }
}

/** Copies every row of the console's database (after setup) into the raw one: both start equal. */
async function copyAll(from: ConsoleDb, to: Dexie): Promise<void> {
  for (const t of from.tables) await to.table(t.name).bulkPut(await t.toArray());
}

/** Counts visit rows that differ between the two databases (ingest() vs the generator's pure fold). */
async function compareVisits(db: ConsoleDb, raw: Dexie): Promise<number> {
  let differ = 0;
  let after = '';
  for (;;) {
    const a = await db.visits.where('id').above(after).limit(2000).toArray();
    if (a.length === 0) return differ;
    const b = await visitsOf(raw).bulkGet(a.map((v) => v.id));
    a.forEach((v, i) => {
      if (JSON.stringify(v) === JSON.stringify(b[i])) return;
      if (differ++ < 3) log(`row differs:\n  ingest ${JSON.stringify(v)}\n  fold   ${JSON.stringify(b[i])}`);
    });
    after = a[a.length - 1]!.id;
  }
}

async function seed(db: ConsoleDb, raw: Dexie, history: History, batchSize: number) {
  const rawEvents = raw.table('events') as Table<DomainEvent, string>;
  const rawVisits = visitsOf(raw);
  const writeRaw = (b: Batch) =>
    raw.transaction('rw', [rawEvents, rawVisits], async () => {
      await rawEvents.bulkPut(b.events);
      await rawVisits.bulkPut(b.rows);
    });
  const real: number[] = [];
  const rawTimes: number[] = [];
  let events = 0;
  let nextReport = 0;
  const t0 = performance.now();
  const expected = history.expectedEvents;
  const signer = new HistorySigner(async (id) => (await keyring.of(id)).key);
  for (const unsignedBatch of history.batches(batchSize)) {
    // Signed as consoles sign now (untimed): ingest() verifies every signature.
    const b = { ...unsignedBatch, events: await signer.sign(unsignedBatch.events) };
    const runReal = async () => {
      const [ms, n] = await timed(() => ingest(db, b.events));
      if (n !== b.events.length) throw new Error(`ingest took ${n} of ${b.events.length} events`);
      real.push(ms);
    };
    const runRaw = async () => rawTimes.push((await timed(() => writeRaw(b)))[0]);
    if (real.length % 2 === 0) {
      await runReal();
      await runRaw();
    } else {
      await runRaw();
      await runReal();
    }
    events += b.events.length;
    if (events >= nextReport) {
      const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
      const pct = Math.min(100, Math.round((100 * events) / expected));
      log(`seed ${events}/${expected} events (~${pct}%), batch ${real.length}: ingest ${Math.round((events / sum(real)) * 1000)} ev/s, raw ${Math.round((events / sum(rawTimes)) * 1000)} ev/s, ${Math.round((performance.now() - t0) / 1000)} s`);
      nextReport += Math.max(batchSize, Math.round(expected / 20));
    }
  }
  return { real, raw: rawTimes, events, wallMs: performance.now() - t0 };
}

/** The six commands of one visit, from registration to archive. */
/** A visit cycle by the office's first officer and approver, escorted by its second officer. */
function cycleOf(staff: Staff, id: string, serial: string, badge: string, n: number, idOffset = 0): [Actor, Command][] {
  const officer: Actor = { userId: staff.officers[0]!, roles: ['officer'] };
  const approver: Actor = { userId: staff.approvers[0]!, roles: ['approver'] };
  return visitCycle({ officer, approver, escort: staff.officers[1]! }, id, n, badge, { serial, idOffset });
}

/**
 * Visit cycles through commit(), each step followed by raw Dexie writing the same rows. With
 * `candidate`, a second visit runs the same cycle through commitParallel() on the same
 * database, step by step, alternating which goes first.
 */
async function commits(db: ConsoleDb, raw: Dexie, staff: Staff, cycles: number, warmup: number, candidate: boolean) {
  const r = makeRng(7);
  let last = 0;
  const clock = () => new Date((last = Math.max(Date.now(), last + 2)));
  const times: Record<string, { real: number[]; raw: number[]; single: number[]; candidate: number[] }> = {};
  const rawTables = ['events', 'outbox', 'visits', 'meta'].map((n) => raw.table(n));
  const [rawEvents, rawOutbox, rawVisits, rawMeta] = rawTables as [Table, Table, Table, Table];
  for (let c = 0; c < warmup + cycles; c++) {
    const serial = `PF${r.int(1_000_000, 9_999_999)}`;
    const current = cycleOf(staff, newId(), serial, BADGES[BADGES.length - 1]!, c);
    // The other visitor brings another ID card: the desk refuses a card it already holds.
    const other = cycleOf(staff, newId(), serial, BADGES[BADGES.length - 2]!, c, 5000);
    for (let k = 0; k < current.length; k++) {
      const [actor, command] = current[k]!;
      const id = (command.input as { id: string }).id;
      const runCurrent = async () => {
        const [ms, result] = await timed(() => commitAs(db, actor, command, clock));
        if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code}`);
        const row = await db.visits.get(id);
        const meta = await db.meta.get('device');
        const [rawMs] = await timed(() =>
          raw.transaction('rw', rawTables, async () => {
            await Promise.all([rawEvents.bulkAdd(result.data), rawOutbox.bulkAdd(result.data.map((e) => ({ eventId: e.id }))), rawVisits.put(row!), rawMeta.put(meta!)]);
          }),
        );
        const [singleMs] = await timed(() => raw.transaction('rw', rawVisits, () => rawVisits.put({ ...row!, id: `single-${c}` })));
        return [ms, rawMs, singleMs];
      };
      const runCandidate = async () => {
        const [otherActor, otherCommand] = other[k]!;
        const [ms, result] = await timed(() => commitParallel(db, otherActor, otherCommand, clock));
        if (!result.ok) throw new Error(`candidate ${otherCommand.type} refused: ${result.error.code}`);
        // Keep the raw database equal to the console's (untimed).
        const row = await db.visits.get((otherCommand.input as { id: string }).id);
        const meta = await db.meta.get('device');
        await raw.transaction('rw', rawTables, async () => {
          await Promise.all([rawEvents.bulkAdd(result.data), rawOutbox.bulkAdd(result.data.map((e) => ({ eventId: e.id }))), rawVisits.put(row!), rawMeta.put(meta!)]);
        });
        return ms;
      };
      let a: number[];
      let b = NaN;
      if (!candidate) a = await runCurrent();
      else if (c % 2 === 0) {
        a = await runCurrent();
        b = await runCandidate();
      } else {
        b = await runCandidate();
        a = await runCurrent();
      }
      if (c < warmup) continue;
      const t = (times[command.type] ??= { real: [], raw: [], single: [], candidate: [] });
      t.real.push(a[0]!);
      t.raw.push(a[1]!);
      t.single.push(a[2]!);
      if (candidate) t.candidate.push(b);
    }
    if ((c + 1) % 50 === 0) log(`commits: ${c + 1}/${warmup + cycles} visit cycles`);
  }
  // The bare puts' rows do not belong to the data set the queries compare.
  await rawVisits.where('id').startsWith('single-').delete();
  const main = Object.fromEntries(Object.entries(times).map(([k, t]) => [k, { real: stats(t.real), raw: stats(t.raw), rawSinglePut: stats(t.single) }]));
  const cand = Object.fromEntries(Object.entries(times).map(([k, t]) => [k, { current: stats(t.real), candidate: stats(t.candidate) }]));
  return { main, candidate: candidate ? cand : {} };
}

/** CPU-only parts of commit() (no IndexedDB), in microseconds per call. */
function cpuCosts(staff: Staff): Record<string, number> {
  const cycle = cycleOf(staff, newId(), 'PF1234567', 'B-001', 0);
  const register = cycle[0]![1];
  const enter = cycle[3]![1];
  const e = { kind: 'visit' as const, recordId: newId(), type: 'visit.registered', payload: { ...(register.input as object), docNo: 'X' }, id: newId(), actorId: staff.officers[0]!, deviceId: newId(), deviceSeq: 1, hlc: '1', at: new Date().toISOString(), prevHash: '' };
  const each = (f: () => unknown, n = 500) => {
    f();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) f();
    return Math.round(((performance.now() - t0) / n) * 1000 * 10) / 10;
  };
  return {
    'zod parse visit.register input': each(() => commands['visit.register'].input.safeParse(register.input)),
    'zod parse visit.enter input': each(() => commands['visit.enter'].input.safeParse(enter.input)),
    'visitDocNo (Intl.DateTimeFormat per call)': each(() => visitDocNo('DKI-MKS', e.recordId, e.at, ZONE)),
    'eventHash of a registration': each(() => eventHash(e)),
    'newId (UUIDv7)': each(() => newId()),
  };
}

async function queries(db: ConsoleDb, raw: Dexie, runs: number, now: number): Promise<Record<string, QueryResult>> {
  const v = visitsOf(raw);
  const from = startOfLocalDay(localDate(new Date(now - 37 * DAY).toISOString(), ZONE), ZONE);
  const to = startOfLocalDay(localDate(new Date(now - 7 * DAY).toISOString(), ZONE), ZONE);
  const page = (f: VisitFilter) => () => visitLogPage(db, f).then((p) => p.rows);
  const statusRange = (status: string, org: string) => () =>
    v.where('[status+registeredAt]').between([status, from], [status, to], true, false).reverse().filter((x) => x.orgLower.includes(org)).limit(PAGE_SIZE + 1).toArray().then((rows) => rows.slice(0, PAGE_SIZE));
  const defs: { id: string; label: string; real: () => Promise<VisitState[]>; raw: () => Promise<VisitState[]> }[] = [
    { id: 'inside', label: 'inside now (visitsInside)', real: () => visitsInside(db), raw: () => v.where('status').equals('inside').toArray().then((rows) => rows.sort(byEntered)) },
    { id: 'logStatusOrg', label: "log page: archived, 30 days, org 'telkom'", real: page({ status: 'archived', from, to, organisation: 'telkom' }), raw: statusRange('archived', 'telkom') },
    { id: 'logStatusRareOrg', label: "log page: archived, 30 days, org 'fiberstar' (rare)", real: page({ status: 'archived', from, to, organisation: 'fiberstar' }), raw: statusRange('archived', 'fiberstar') },
    {
      id: 'logRangeOrg', label: "log page: 30 days, org 'telkom', any status", real: page({ from, to, organisation: 'telkom' }),
      raw: () => v.where('registeredAt').between(from, to, true, false).reverse().filter((x) => x.orgLower.includes('telkom')).limit(PAGE_SIZE + 1).toArray().then((rows) => rows.slice(0, PAGE_SIZE)),
    },
    { id: 'logFirst', label: 'log page: no filter (newest first)', real: page({}), raw: () => v.orderBy('registeredAt').reverse().limit(PAGE_SIZE + 1).toArray().then((rows) => rows.slice(0, PAGE_SIZE)) },
    {
      id: 'logName', label: "log page: name 'sri', archived, 30 days", real: page({ name: 'sri', status: 'archived', from, to }),
      // Every match (the name index yields name order), then newest first.
      raw: () => v.where('nameLower').startsWith('sri').filter((x) => x.registeredAt >= from && x.registeredAt < to && x.status === 'archived').toArray()
        .then((rows) => rows.sort((a, b) => b.registeredAt.localeCompare(a.registeredAt)).slice(0, PAGE_SIZE)),
    },
    { id: 'namePrefix', label: "name prefix 'budi' (visitsByNamePrefix)", real: () => visitsByNamePrefix(db, 'budi'), raw: () => v.where('nameLower').startsWith('budi').limit(PAGE_SIZE).toArray() },
  ];
  const out: Record<string, QueryResult> = {};
  for (const d of defs) {
    const real: number[] = [];
    const rawTimes: number[] = [];
    let rows: VisitState[] = [];
    let same = true;
    for (let i = -3; i < runs; i++) {
      let c: [number, VisitState[]];
      let b: [number, VisitState[]];
      if (i % 2 === 0) {
        c = await timed(d.real);
        b = await timed(d.raw);
      } else {
        b = await timed(d.raw);
        c = await timed(d.real);
      }
      if (i < 0) continue;
      real.push(c[0]);
      rawTimes.push(b[0]);
      rows = c[1];
      const thisSame = JSON.stringify(c[1].map((x) => x.id)) === JSON.stringify(b[1].map((x) => x.id));
      if (!thisSame && same) log(`${d.id} differs: meja-it ${c[1].map((x) => `${x.registeredAt.slice(0, 16)} ${x.id.slice(-6)}`).join(', ')} | raw ${b[1].map((x) => `${x.registeredAt.slice(0, 16)} ${x.id.slice(-6)}`).join(', ')}`);
      same &&= thisSame;
    }
    out[d.id] = { label: d.label, real: stats(real), raw: stats(rawTimes), rows: rows.length, same };
    log(`${d.label}: ${out[d.id]!.real.p50} ms vs raw ${out[d.id]!.raw.p50} ms (${rows.length} rows${same ? '' : ', RESULTS DIFFER'})`);
  }
  return out;
}

/** Times two ways to the same answer, alternating which goes first. */
async function versus<T>(runs: number, current: () => Promise<T>, candidate: () => Promise<T>) {
  const cur: number[] = [];
  const cand: number[] = [];
  let last: [T, T] | undefined;
  for (let i = -3; i < runs; i++) {
    let x: [number, T];
    let y: [number, T];
    if (i % 2 === 0) {
      x = await timed(current);
      y = await timed(candidate);
    } else {
      y = await timed(candidate);
      x = await timed(current);
    }
    if (i < 0) continue;
    cur.push(x[0]);
    cand.push(y[0]);
    last = [x[1], y[1]];
  }
  return { current: stats(cur), candidate: stats(cand), results: last! };
}

const ids = (rows: (VisitState | undefined)[]) => JSON.stringify(rows.map((v) => v?.id));
const idSet = (rows: VisitState[]) => JSON.stringify(rows.map((v) => v.id).sort());

/** The open-visits row against the current status and badgeOut index reads. */
async function queryCandidates(db: ConsoleDb, runs: number): Promise<Candidates['queries']> {
  const out: Candidates['queries'] = {};
  const n = await writeOpenSet(db);
  log(`candidates: open-visits row written with ${n} ids`);
  const add = (id: string, label: string, r: { current: Stats; candidate: Stats }, same: boolean) => {
    out[id] = { label, current: r.current, candidate: r.candidate, same };
    log(`candidate ${label}: current ${r.current.p50} ms, candidate ${r.candidate.p50} ms${same ? '' : ' RESULTS DIFFER'}`);
  };
  const inside = await versus(runs, () => visitsInside(db), () => insideFromOpenSet(db));
  add('inside', 'inside now: open-visits row vs status index', inside, ids(inside.results[0]) === ids(inside.results[1]));
  const waiting = await versus(runs, () => visitsInProgress(db), () => inProgressFromOpenSet(db));
  add('inProgress', 'awaiting + approved: open-visits row vs status index', waiting, idSet(waiting.results[0]) === idSet(waiting.results[1]));
  const lookups = dexieLookups(db);
  const holder = await versus(runs, () => lookups.badgeHolder('B-001'), () => badgeHolderFromOpenSet(db, 'B-001'));
  add('badgeHolder', "badge holder 'B-001': open-visits row vs badgeOut index", holder, holder.results[0] === holder.results[1]);

  return out;
}

/**
 * Is the status index slow because of the store's history? The same read on a fresh copy of
 * the newest visits (final states written once: no status ever changed there).
 * (The copy's `[orgLower+registeredAt]` experiment was adopted in session 6: the store has it.)
 */
async function freshCopyChecks(db: ConsoleDb, tag: string, runs: number, subset = 20_000) {
  const rows = await db.visits.orderBy('registeredAt').reverse().limit(subset).toArray();
  const fresh = new Dexie(`exp-fresh-${tag}`);
  fresh.version(1).stores({ visits: schemaOf(db).visits! });
  await fresh.open();
  const v = visitsOf(fresh);
  for (let i = 0; i < rows.length; i += 500) await fresh.transaction('rw', v, () => v.bulkPut(rows.slice(i, i + 500)));
  const r = await versus(runs, () => db.visits.where('status').equals('inside').toArray(), () => v.where('status').equals('inside').toArray());
  const staleIndex = { freshRows: rows.length, churned: r.current, fresh: r.candidate };
  log(`status='inside' read: ${r.current.p50} ms on this store, ${r.candidate.p50} ms on a fresh copy of its newest ${rows.length} visits`);

  await fresh.delete();
  return { staleIndex };
}

window.runBench = async (options) => {
  const o: BenchOptions = { visits: 100_000, batch: 1000, commits: 200, queryRuns: 30, openRuns: 7, seed: 1, candidates: true, ...options };
  const started = performance.now();
  const now = Date.now();
  const tag = `${now.toString(36)}`;
  const names = { real: `meja-it-bench-${tag}`, raw: `raw-bench-${tag}` };
  const db = new ConsoleDb(names.real);
  const raw = rawDb(names.raw);
  await Promise.all([db.open(), raw.open()]);

  const r = makeRng(o.seed ^ 0x5eed);
  const staff: Staff = {
    admin: uuid7(now - 4 * 365 * DAY, r),
    officers: Array.from({ length: 6 }, () => uuid7(now - 4 * 365 * DAY, r)),
    approvers: Array.from({ length: 3 }, () => uuid7(now - 4 * 365 * DAY, r)),
  };
  const history = new History({ visits: o.visits, now, seed: o.seed, staff, badges: BADGES, docPrefix: 'DKI-MKS', utcOffsetHours: UTC_OFFSET });
  log(`office history: ${o.visits} visits over ${history.days.length} working days from ${new Date(history.firstDay).toISOString().slice(0, 10)}; batches of ${o.batch} events`);
  await setUpOffice(db, staff, history.firstDay - 30 * DAY);
  await copyAll(db, raw);

  const s = await seed(db, raw, history, o.batch);
  const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
  const realMs = sum(s.real);
  const rawMs = sum(s.raw);
  const seedResult = {
    realMs: Math.round(realMs), rawMs: Math.round(rawMs), wallMs: Math.round(s.wallMs),
    realVisitsPerSec: Math.round((history.visitCount / realMs) * 1000), rawVisitsPerSec: Math.round((history.visitCount / rawMs) * 1000),
    realEventsPerSec: Math.round((s.events / realMs) * 1000), rawEventsPerSec: Math.round((s.events / rawMs) * 1000),
    batchReal: stats(s.real), batchRaw: stats(s.raw),
  };
  log(`seeded ${history.visitCount} visits / ${s.events} events in ${Math.round(s.wallMs / 1000)} s: ingest ${seedResult.realVisitsPerSec} visits/s (${Math.round(realMs / 1000)} s), raw ${seedResult.rawVisitsPerSec} visits/s (${Math.round(rawMs / 1000)} s), generating the history ${Math.round((s.wallMs - realMs - rawMs) / 1000)} s`);

  const count = async (f: (d: Dexie) => Promise<number>): Promise<[number, number]> => [await f(db), await f(raw)];
  const sanity: Record<string, [number, number]> = {
    visits: await count((d) => d.table('visits').count()),
    events: await count((d) => d.table('events').count()),
    inside: await count((d) => d.table('visits').where('status').equals('inside').count()),
    awaiting: await count((d) => d.table('visits').where('status').equals('awaiting_approval').count()),
    archived: await count((d) => d.table('visits').where('status').equals('archived').count()),
  };
  log('sanity [real, raw]:', JSON.stringify(sanity));
  const differ = await compareVisits(db, raw);
  sanity.visitRowsDiffering = [differ, 0];
  log(`visit rows differing between ingest() and the pure fold: ${differ}`);

  const { main: c, candidate: commitCandidate } = await commits(db, raw, staff, o.commits, 5, o.candidates);
  for (const [k, v] of Object.entries(c)) log(`${k}: p50 ${v.real.p50} / p95 ${v.real.p95} ms vs raw p50 ${v.raw.p50} / p95 ${v.raw.p95} ms`);

  const q = await queries(db, raw, o.queryRuns, now);
  let candidateQueries: Candidates['queries'] = {};
  let fresh: Pick<Candidates, 'staleIndex'> | undefined;
  if (o.candidates) {
    fresh = await freshCopyChecks(db, tag, o.queryRuns);
    candidateQueries = await queryCandidates(db, o.queryRuns);
  }

  db.close();
  raw.close();
  const warm: Record<'real' | 'raw' | 'candidate', number[]> = { real: [], raw: [], candidate: [] };
  const sides = o.candidates ? (['real', 'raw', 'candidate'] as const) : (['real', 'raw'] as const);
  for (let i = 0; i < o.openRuns; i++) {
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(i + k) % sides.length]!;
      await new Promise((res) => setTimeout(res, 300));
      warm[side].push((await window.benchOpen({ name: side === 'raw' ? names.raw : names.real, side })).ms);
    }
  }
  const openWarm = { real: stats(warm.real), raw: stats(warm.raw) };
  log(`open-to-usable (same browser): ${openWarm.real.p50} ms vs raw ${openWarm.raw.p50} ms${o.candidates ? `, with the open-visits row ${stats(warm.candidate).p50} ms` : ''}`);
  const candidates: Candidates | undefined = o.candidates
    ? { commits: commitCandidate, queries: candidateQueries, ...fresh!, openWarm: stats(warm.candidate), cpuMicros: cpuCosts(staff) }
    : undefined;
  if (candidates) log('CPU parts of commit (µs per call):', JSON.stringify(candidates.cpuMicros));

  return {
    options: o,
    userAgent: navigator.userAgent,
    dbNames: names,
    history: { visits: history.visitCount, events: s.events, batches: s.real.length, firstDay: new Date(history.firstDay).toISOString(), statuses: history.statusCounts },
    sanity,
    seed: seedResult,
    commits: c,
    queries: q,
    openWarm,
    candidates,
    totalMs: Math.round(performance.now() - started),
  };
};

window.benchReady = true;
