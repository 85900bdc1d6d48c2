/**
 * The incident benchmark (BENCH_ONLY=incidents): 5k incidents with their step events, made by
 * the shared commands and folds (every step by its role, 1 in 4 via the hard branch, 1 in 5
 * with a rework loop, ~12% still open at every step), seeded through ingest() into the
 * console's database and, as raw bulkPuts of the same events and final incident rows, into a
 * raw Dexie database of the same schema. Then, alternating sides on the same data:
 *   - "waiting for my role" (incidentsWaitingFor: one [status+turnRole+stepStartedAt] range per
 *     role, merged) vs bare Dexie doing the same ranges; and, for reference, the naive bare
 *     query (all open rows of the roles through [status+turnRole], sorted, sliced),
 *   - the nav badge count (countWaitingFor) vs a bare [status+turnRole] count,
 *   - the incident list pages (incidentListPage) vs bare orderBy/offset/limit,
 *   - completing a step through commit() vs raw Dexie writing the same rows in one transaction.
 */
import { commitAs } from './keys';
import Dexie, { type Table } from 'dexie';
import { ConsoleDb } from '@renderer/store/db';
import { ingest } from '@renderer/store/ingest';
import { countWaitingFor, INCIDENT_PAGE_SIZE, incidentListPage, incidentsWaitingFor } from '@renderer/store/queries/incidents';
import { commands, folds, type Command } from '@shared/domain/registry';
import type { CommandHandler, Lookups } from '@shared/domain/types';
import type { IncidentState } from '@shared/domain/incident/state';
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES } from '@shared/domain/incident/state';
import { stepOf, type StepOutcome } from '@shared/domain/incident/steps';
import type { OrgState } from '@shared/domain/org/state';
import { ORG_ID } from '@shared/domain/org/state';
import type { DomainEvent } from '@shared/events';
import { newId } from '@shared/ids';
import { hashPassword } from '@shared/password';
import type { Actor, Role } from '@shared/roles';
import { makeEvents, newChainHead } from '@shared/sync/stamp';
import { keyring } from './keys';
import { idsFrom } from '@shared/ids';
import { makeRng } from './generate';
import { log, stats, timed, type Stats } from './measure';

export interface IncidentBenchOptions {
  incidents: number;
  /** Events per ingest() transaction (whole incidents per batch). */
  batch: number;
  queryRuns: number;
  commits: number;
  seed: number;
}

export interface IncidentBenchResult {
  options: IncidentBenchOptions;
  history: { incidents: number; events: number; open: number; batches: number; byTurn: Record<string, number> };
  sanity: Record<string, [number, number]>;
  seed: { realMs: number; rawMs: number; realEventsPerSec: number; rawEventsPerSec: number };
  queries: Record<string, { label: string; rows: number; same: boolean; real: Stats; raw: Stats }>;
  commits: { real: Stats; raw: Stats };
  totalMs: number;
}

declare global {
  interface Window {
    benchIncidents(options: Partial<IncidentBenchOptions>): Promise<IncidentBenchResult>;
  }
}

const DAY = 86_400_000;
const MIN = '0000';
const MAX = '9999';

function schemaOf(db: Dexie): Record<string, string> {
  return Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey, ...t.schema.indexes].map((i) => i.src).join(', ')]));
}

interface Staff {
  admin: Actor;
  byRole: Record<'officer' | 'admin' | 'security_lead' | 'technician', Actor[]>;
}

/** The office as commands: org, and three people per incident role. */
async function setUp(db: ConsoleDb, at: number): Promise<Staff> {
  const password = await hashPassword('Rahasia123', 1000);
  const admin: Actor = { userId: newId(), roles: ['admin'] };
  const clock = () => new Date(at);
  const must = async (actor: Actor, command: { type: string; input: unknown }) => {
    const r = await commitAs(db, actor, command, clock);
    if (!r.ok) throw new Error(`${command.type} refused: ${r.error.code}`);
  };
  await must(admin, {
    type: 'org.setUp',
    input: {
      profile: { name: 'Dinas Kominfo Kota Makassar', unit: 'Bidang TIK', address: 'Jl. Jend. Ahmad Yani No. 2, Makassar', timeZone: 'WITA', badgePool: ['B-01'], docPrefix: 'DKI', idleLockMinutes: 15 },
      admin: { id: admin.userId, username: 'admin', displayName: 'Andi Pratama', roles: ['admin'], password },
    },
  });
  const byRole: Staff['byRole'] = { officer: [], admin: [admin], security_lead: [], technician: [] };
  for (const role of ['officer', 'security_lead', 'technician', 'admin'] as const) {
    for (let i = byRole[role].length; i < 3; i++) {
      const id = newId();
      await must(admin, { type: 'user.create', input: { id, username: `${role.replace('_', '')}${i}`, displayName: `${role} ${i}`, roles: [role as Role], password } });
      byRole[role].push({ userId: id, roles: [role] });
    }
  }
  return { admin, byRole };
}

/** Generates the incidents' events with the shared commands and folds (pure, in memory). */
async function generate(o: IncidentBenchOptions, staff: Staff, org: OrgState, start: number, end: number) {
  const rng = makeRng(o.seed).next;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  let head = newChainHead(newId());
  const incidents: { id: string; events: DomainEvent[]; state: IncidentState }[] = [];
  const lookups: Lookups = { badgeHolder: async () => undefined, idDocumentHolder: async () => undefined, user: async () => undefined, userByUsername: async () => undefined, countUsers: async () => 1, record: async () => undefined, idsByKey: async () => ({}) };
  const span = end - start;
  for (let n = 0; n < o.incidents; n++) {
    let state: IncidentState | undefined;
    const events: DomainEvent[] = [];
    // Spread over two years, newest last; steps 10 min to 5 h apart.
    let t = start + Math.floor((n / o.incidents) * span) + Math.floor(rng() * 7) * 3_600_000;
    const run = async (actor: Actor, command: Command) => {
      const handler = commands[command.type] as unknown as CommandHandler<unknown, IncidentState>;
      const input = handler.input.parse(command.input);
      const cmdId = newId();
      const decided = await handler.decide(input, { actor, now: new Date(t).toISOString(), state, org, lookups, newId: idsFrom(cmdId) });
      if (!decided.ok) throw new Error(`${command.type} refused: ${decided.error.code}`);
      const stamped = await makeEvents(head, { userId: actor.userId, key: (await keyring.of(actor.userId)).key }, { type: command.type, input }, decided.data, new Date(t), { cmdId });
      head = stamped.head;
      for (const e of stamped.events) {
        state = folds.incident(state, e);
        events.push(e);
      }
    };
    const id = newId();
    await run(pick(staff.byRole.officer), {
      type: 'incident.report',
      input: {
        id, title: `Insiden ${n + 1}: ${pick(['login gagal beruntun', 'malware di PC', 'phishing surel', 'trafik DDoS', 'akses tidak sah'])}`, reporterName: 'Siti Rahma', reporterContact: '',
        detectedAt: new Date(t - 3_600_000).toISOString(), affectedSystems: 'VPN, surel', category: pick(INCIDENT_CATEGORIES), severity: pick(INCIDENT_SEVERITIES),
        description: 'Uraian kejadian untuk benchmark, cukup panjang untuk realistis.',
      },
    });
    // Newer incidents are more often still open; open ones stop at a random step.
    const isOpen = n > o.incidents * 0.85 && rng() < 0.8;
    const stopAt = isOpen ? 1 + Math.floor(rng() * 12) : 13;
    const hard = rng() < 0.25;
    let loops = rng() < 0.2 ? 1 + Math.floor(rng() * 2) : 0;
    while (state!.status === 'open' && state!.step < stopAt) {
      const s = state!.step;
      t += (10 + Math.floor(rng() * 300)) * 60_000;
      let outcome: StepOutcome | undefined;
      if (s === 4) outcome = hard ? 'hard' : 'simple';
      if (s === 9) outcome = loops > 0 ? 'not_done' : 'done';
      if (s === 9 && loops > 0) loops -= 1;
      const by = staff.byRole[stepOf(s).role];
      await run(pick(by), { type: 'incident.completeStep', input: { id, step: s, note: outcome === 'not_done' ? 'Belum tuntas, ulangi penanganan' : `Langkah ${s} selesai`, outcome } });
    }
    incidents.push({ id, events, state: state! });
  }
  return incidents;
}

window.benchIncidents = async (partial) => {
  const o: IncidentBenchOptions = { incidents: 5000, batch: 1000, queryRuns: 30, commits: 100, seed: 7, ...partial };
  const started = performance.now();
  const stamp = Date.now().toString(36);
  const names = { real: `meja-it-bench-inc-${stamp}`, raw: `meja-it-bench-inc-raw-${stamp}` };
  const db = new ConsoleDb(names.real);
  const raw = new Dexie(names.raw);
  raw.version(1).stores(schemaOf(db));
  await Promise.all([db.open(), raw.open()]);
  const end = Date.now() - DAY;
  const start = end - 2 * 365 * DAY;
  const staff = await setUp(db, start - DAY);
  for (const t of db.tables) await raw.table(t.name).bulkPut(await t.toArray());
  const org = (await db.org.get(ORG_ID))!;

  log(`generating ${o.incidents} incidents…`);
  const [genMs, list] = await timed(() => generate(o, staff, org, start, end));
  const events = list.reduce((s, i) => s + i.events.length, 0);
  log(`generated ${events} events in ${Math.round(genMs)} ms`);

  // Batches of whole incidents, about o.batch events each.
  const batches: (typeof list)[] = [];
  let cur: typeof list = [];
  let size = 0;
  for (const inc of list) {
    cur.push(inc);
    size += inc.events.length;
    if (size >= o.batch) {
      batches.push(cur);
      cur = [];
      size = 0;
    }
  }
  if (cur.length) batches.push(cur);
  let realMs = 0;
  let rawMs = 0;
  const rawIncidents = raw.table('incidents') as Table<IncidentState, string>;
  for (const [i, b] of batches.entries()) {
    const evs = b.flatMap((x) => x.events);
    const doReal = async () => (realMs += (await timed(() => ingest(db, evs)))[0]);
    const doRaw = async () =>
      (rawMs += (
        await timed(() =>
          raw.transaction('rw', [raw.table('events'), rawIncidents], async () => {
            await Promise.all([raw.table('events').bulkPut(evs), rawIncidents.bulkPut(b.map((x) => x.state))]);
          }),
        )
      )[0]);
    if (i % 2 === 0) {
      await doReal();
      await doRaw();
    } else {
      await doRaw();
      await doReal();
    }
  }
  log(`seeded: ingest() ${Math.round(realMs)} ms, raw ${Math.round(rawMs)} ms`);

  const sample = list.filter((_, i) => i % 97 === 0);
  const realRows = await db.incidents.bulkGet(sample.map((x) => x.id));
  const rawRows = await rawIncidents.bulkGet(sample.map((x) => x.id));
  const differing = realRows.filter((r, i) => JSON.stringify(r) !== JSON.stringify(rawRows[i])).length;
  const openCount = list.filter((x) => x.state.status === 'open').length;
  const byTurn: Record<string, number> = {};
  for (const x of list) if (x.state.status === 'open') byTurn[x.state.turnRole] = (byTurn[x.state.turnRole] ?? 0) + 1;
  const sanity: Record<string, [number, number]> = {
    incidents: [await db.incidents.count(), await rawIncidents.count()],
    events: [await db.events.count(), await raw.table('events').count()],
    openIncidents: [await db.incidents.where('[status+reportedAt]').between(['open', MIN], ['open', MAX]).count(), openCount],
    sampledRowsDiffering: [differing, 0],
  };

  // Queries, alternating sides.
  const queries: IncidentBenchResult['queries'] = {};
  const sameIds = (a: IncidentState[], b: IncidentState[]) => a.length === b.length && a.every((x, i) => x.id === b[i]!.id);
  const measure = async <T>(key: string, label: string, real: () => Promise<T>, bare: () => Promise<T>, size: (x: T) => number, same: (a: T, b: T) => boolean) => {
    const r: number[] = [];
    const w: number[] = [];
    let rows = 0;
    let ok = true;
    for (let i = 0; i < o.queryRuns; i++) {
      const realFirst = i % 2 === 0;
      const [ms1, x] = await timed(realFirst ? real : bare);
      const [ms2, y] = await timed(realFirst ? bare : real);
      r.push(realFirst ? ms1 : ms2);
      w.push(realFirst ? ms2 : ms1);
      const [rr, ww] = realFirst ? [x, y] : [y, x];
      rows = size(rr);
      ok &&= same(rr, ww);
    }
    queries[key] = { label, rows, same: ok, real: stats(r), raw: stats(w) };
    log(`${label}: ${stats(r).p50} ms vs raw ${stats(w).p50} ms (${rows} rows${ok ? '' : ', DIFFERENT'})`);
  };
  const rows = (x: IncidentState[]) => x.length;
  const n = (x: number) => x;
  const eq = (a: number, b: number) => a === b;
  // Bare Dexie doing the same work: one range per role, merged.
  const rawWaiting = async (roles: Role[]) =>
    (await Promise.all(roles.map((r) => rawIncidents.where('[status+turnRole+stepStartedAt]').between(['open', r, MIN], ['open', r, MAX]).limit(50).toArray())))
      .flat()
      .sort((a, b) => a.stepStartedAt.localeCompare(b.stepStartedAt))
      .slice(0, 50);
  // The naive bare query: every open row of the roles, sorted in memory.
  const rawWaitingNaive = async (roles: Role[]) =>
    (await rawIncidents.where('[status+turnRole]').anyOf(roles.map((r) => ['open', r])).toArray()).sort((a, b) => a.stepStartedAt.localeCompare(b.stepStartedAt)).slice(0, 50);
  const tech: Role[] = ['technician'];
  const leadAdmin: Role[] = ['security_lead', 'admin'];
  await measure('waitingTechnician', '"waiting for my role" — technician, 50 oldest', () => incidentsWaitingFor(db, tech), () => rawWaiting(tech), rows, sameIds);
  await measure('waitingLeadAdmin', '"waiting for my role" — security lead + admin, 50 oldest', () => incidentsWaitingFor(db, leadAdmin), () => rawWaiting(leadAdmin), rows, sameIds);
  await measure('waitingNaive', 'reference: the same vs bare anyOf([status+turnRole]) + sort — security lead + admin', () => incidentsWaitingFor(db, leadAdmin), () => rawWaitingNaive(leadAdmin), rows, sameIds);
  await measure('countWaiting', 'nav badge: count waiting for technician', () => countWaitingFor(db, tech), () => rawIncidents.where('[status+turnRole]').equals(['open', 'technician']).count(), n, eq);
  const rawPage = (page: number, status?: 'open' | 'closed') =>
    (status
      ? rawIncidents.where('[status+reportedAt]').between([status, MIN], [status, MAX]).reverse()
      : rawIncidents.orderBy('reportedAt').reverse()
    ).offset(page * INCIDENT_PAGE_SIZE).limit(INCIDENT_PAGE_SIZE).toArray();
  await measure('listFirst', 'incident list, first page (25, newest)', async () => (await incidentListPage(db, {}, 0)).rows, () => rawPage(0), rows, sameIds);
  await measure('listPage20', 'incident list, page 20', async () => (await incidentListPage(db, {}, 19)).rows, () => rawPage(19), rows, sameIds);
  await measure('listOpen', 'incident list, status open, first page', async () => (await incidentListPage(db, { status: 'open' }, 0)).rows, () => rawPage(0, 'open'), rows, sameIds);

  // Completing a step: commit() vs raw Dexie writing the same rows.
  const openOnes = list.filter((x) => x.state.status === 'open');
  const real: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < Math.min(o.commits, openOnes.length); i++) {
    const inc = (await db.incidents.get(openOnes[i]!.id))!;
    const s = stepOf(inc.step);
    const actor = staff.byRole[s.role][0]!;
    const outcome: StepOutcome | undefined = s.no === 4 ? 'simple' : s.no === 9 ? 'done' : undefined;
    const [ms, r] = await timed(() => commitAs(db, actor, { type: 'incident.completeStep', input: { id: inc.id, step: s.no, note: 'Langkah selesai (bench)', outcome } }));
    if (!r.ok) throw new Error(`completeStep refused: ${r.error.code}`);
    real.push(ms);
    const e = r.data[0]!;
    const copy = { ...e, id: newId() };
    const next = (await db.incidents.get(inc.id))!;
    const [rawMs1] = await timed(() =>
      raw.transaction('rw', [raw.table('events'), raw.table('outbox'), rawIncidents, raw.table('meta')], async () => {
        await Promise.all([raw.table('events').add(copy), raw.table('outbox').add({ eventId: copy.id }), rawIncidents.put(next), raw.table('meta').put({ key: 'device', seq: i })]);
      }),
    );
    bare.push(rawMs1);
  }
  const commitsResult = { real: stats(real), raw: stats(bare) };
  log(`completeStep commit(): ${commitsResult.real.p50} ms vs raw ${commitsResult.raw.p50} ms`);
  db.close();
  raw.close();
  await Promise.all([Dexie.delete(names.real), Dexie.delete(names.raw)]);
  return {
    options: o,
    history: { incidents: list.length, events, open: openCount, batches: batches.length, byTurn },
    sanity,
    seed: { realMs, rawMs, realEventsPerSec: Math.round(events / (realMs / 1000)), rawEventsPerSec: Math.round(events / (rawMs / 1000)) },
    queries,
    commits: commitsResult,
    totalMs: Math.round(performance.now() - started),
  };
};
