/**
 * The tickets benchmark (BENCH_ONLY=tickets), driven by bench/run.ts: a year of helpdesk
 * history (50k tickets by default, most closed, a few hundred open) made with the real
 * commands (decide() computes every SLA clock with the office calendar) in a MemoryConsole,
 * then ingested through ingest() into the console's database and, batch by batch, written with
 * bare bulkPuts of the same events and rows into a raw Dexie database of the same schema.
 * Then the screens' queries (src/renderer/store/queries/tickets.ts) beside raw Dexie doing the
 * same work — both the same index range and, for the urgency queue, the status-index-and-sort
 * a store without the `queueDue` index would do — and ticket.receive through commit() beside
 * the same rows written raw. Results are returned to the runner; nothing is asserted here.
 */
import { commitAs } from './keys';
import Dexie, { type Table } from 'dexie';
import { ConsoleDb } from '@renderer/store/db';
import { ingest } from '@renderer/store/ingest';
import { countQueue, ticketLogPage, ticketQueue, ticketsAssignedTo, ticketsAwaitingConfirmation, ticketsUnclassified, TICKET_PAGE } from '@renderer/store/queries/tickets';
import type { Command } from '@shared/domain/registry';
import { officeCalendar, ORG_ID, type OrgState } from '@shared/domain/org/state';
import { slaView } from '@shared/domain/ticket/sla';
import { PRIORITIES, TICKET_CATEGORIES, TICKET_CHANNELS, type TicketState } from '@shared/domain/ticket/state';
import type { DomainEvent } from '@shared/events';
import { newId } from '@shared/ids';
import { hashPassword } from '@shared/password';
import type { Actor } from '@shared/roles';
import { makeRng } from './generate';
import { MemoryConsole } from './memory-console';
import { log, stats, timed, type Stats } from './measure';

export interface TicketBenchOptions {
  tickets: number;
  /** Tickets generated and ingested per batch (each ~5 events). */
  batch: number;
  queryRuns: number;
  commits: number;
  seed: number;
}

export interface TicketQueryResult {
  label: string;
  rows: number;
  real: Stats;
  raw: Stats;
  /** Raw Dexie without the queueDue index: the open statuses' ranges, sorted by due instant in memory. */
  rawScan?: Stats;
  same: boolean;
}

export interface TicketBenchResult {
  options: TicketBenchOptions;
  userAgent: string;
  history: { tickets: number; events: number; open: number; awaiting: number; statuses: Record<string, number>; generateMs: number };
  seed: { realMs: number; rawMs: number; realEventsPerSec: number; rawEventsPerSec: number };
  sanity: { ticketsReal: number; ticketsRaw: number; rowsDiffering: number };
  queries: Record<string, TicketQueryResult>;
  commits: { real: Stats; raw: Stats };
  totalMs: number;
}

declare global {
  interface Window {
    benchTickets(o: Partial<TicketBenchOptions>): Promise<TicketBenchResult>;
  }
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MIN = '0000';
const MAX = '9999';

function schemaOf(db: Dexie): Record<string, string> {
  return Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey, ...t.schema.indexes].map((i) => i.src).join(', ')]));
}

const sameIds = (a: { id: string }[], b: { id: string }[]) => a.length === b.length && a.every((x, i) => x.id === b[i]!.id);

window.benchTickets = async (o) => {
  const t0 = performance.now();
  const options: TicketBenchOptions = { tickets: 50_000, batch: 1000, queryRuns: 30, commits: 100, seed: 1, ...o };
  const stamp = Date.now().toString(36);
  const db = new ConsoleDb(`bench-tickets-${stamp}`);
  const raw = new Dexie(`bench-tickets-raw-${stamp}`);
  raw.version(1).stores(schemaOf(db));
  await Promise.all([db.open(), raw.open()]);
  const rawTickets = raw.table('tickets') as Table<TicketState, string>;
  const rng = makeRng(options.seed);

  // The office: an admin, 3 officers, 8 technicians (made with the real commands).
  const now = Date.now();
  const start = now - 365 * DAY;
  const mem = new MemoryConsole(newId());
  const adminId = newId();
  const officers = [newId(), newId(), newId()];
  const techs = Array.from({ length: 8 }, () => newId());
  const admin: Actor = { userId: adminId, roles: ['admin'] };
  const password = await hashPassword('Rahasia123', 1000);
  const setup: DomainEvent[] = [];
  setup.push(
    ...(await mem.run(admin, {
      type: 'org.setUp',
      input: {
        profile: { name: 'Dinas Komunikasi dan Informatika Kota Makassar', unit: 'Bidang TIK', address: 'Jl. Jend. Ahmad Yani No. 2, Makassar', timeZone: 'WITA', badgePool: ['B-01'], docPrefix: 'DKI-MKS', idleLockMinutes: 15 },
        admin: { id: adminId, username: 'andi', displayName: 'Andi Pratama', roles: ['admin'], password },
      },
    }, new Date(start - DAY))),
  );
  for (const [i, id] of [...officers, ...techs].entries()) {
    const role = i < officers.length ? 'officer' : 'technician';
    setup.push(...(await mem.run(admin, { type: 'user.create', input: { id, username: `${role}${i}`, displayName: `${role} ${i}`, roles: [role], password } }, new Date(start - DAY))));
  }
  const officer = (i: number): Actor => ({ userId: officers[i % officers.length]!, roles: ['officer'] });
  const tech = (i: number): Actor => ({ userId: techs[i % techs.length]!, roles: ['technician'] });

  /** One ticket's commands and their times; how far it gets depends on its age. */
  const ticketCommands = (i: number, receivedAt: number): [Actor, Command, number][] => {
    const id = newId();
    const priority = PRIORITIES[rng.next() < 0.2 ? 0 : rng.next() < 0.6 ? 1 : 2]!;
    const out: [Actor, Command, number][] = [
      [officer(i), {
        type: 'ticket.receive',
        input: {
          id, channel: TICKET_CHANNELS[i % TICKET_CHANNELS.length]!, requesterName: `Pegawai ${i}`, requesterDepartment: `Bagian ${i % 17}`, requesterContact: `0812${String(i).padStart(7, '0')}`,
          category: TICKET_CATEGORIES[i % TICKET_CATEGORIES.length]!, priority, subject: `Masalah nomor ${i}`, description: `Uraian masalah tiket nomor ${i} yang dilaporkan pengguna.`,
          assetSerial: i % 3 === 0 ? `SN${i}` : undefined, receivedAt: new Date(receivedAt).toISOString(),
        },
      }, receivedAt],
    ];
    const age = now - receivedAt;
    const stage = age > 3 * DAY ? (rng.next() < 0.01 ? 3 : 5) : rng.int(0, 4); // 0 new · 1 classified · 2 in progress · 3 resolved · 4+ closed
    let t = receivedAt + rng.int(5, 60) * 60_000;
    const next = (max: number) => (t = Math.min(now - 1000, t + rng.int(10, max) * 60_000));
    const worker = tech(rng.int(0, techs.length - 1));
    if (stage >= 1) out.push([worker, { type: 'ticket.classify', input: { id, category: TICKET_CATEGORIES[i % TICKET_CATEGORIES.length]!, priority } }, next(60)]);
    if (stage >= 2) out.push([worker, { type: 'ticket.start', input: { id } }, next(120)]);
    if (stage >= 3 && !(age <= 3 * DAY && stage === 3 && rng.next() < 0.5)) {
      out.push([worker, { type: 'ticket.resolve', input: { id, resolution: 'Masalah diperbaiki dan diuji bersama pengguna.' } }, next(stage >= 5 ? 1800 : 600)]);
      if (stage >= 4 && age > 3 * DAY) out.push([officer(i), { type: 'ticket.confirm', input: { id, confirmed: true, confirmedBy: `Pegawai ${i}`, method: 'phone' } }, next(240)]);
    }
    return out;
  };

  // Seeding, batch by batch: generate, then ingest() and the raw bulkPuts, alternating which goes first.
  let events = 0;
  let generateMs = 0;
  const realTimes: number[] = [];
  const rawTimes: number[] = [];
  const statuses: Record<string, number> = {};
  {
    const [ms] = await timed(() => ingest(db, setup));
    realTimes.push(ms);
    const [rms] = await timed(() => raw.transaction('rw', raw.tables, async () => {
      await raw.table('events').bulkPut(setup);
      await raw.table('org').put(mem.states.get(`org:${ORG_ID}`));
      await raw.table('users').bulkPut([...mem.states].filter(([k]) => k.startsWith('user:')).map(([, v]) => v));
    }));
    rawTimes.push(rms);
  }
  const step = (365 * DAY - 2 * HOUR) / options.tickets;
  for (let b = 0; b * options.batch < options.tickets; b++) {
    const g0 = performance.now();
    const batch: DomainEvent[] = [];
    for (let i = b * options.batch; i < Math.min(options.tickets, (b + 1) * options.batch); i++) {
      const receivedAt = Math.floor(start + i * step + rng.next() * step);
      for (const [actor, command, at] of ticketCommands(i, receivedAt)) batch.push(...(await mem.run(actor, command, new Date(at))));
    }
    const rows = [...new Set(batch.filter((e) => e.kind === 'ticket').map((e) => e.recordId))].map((id) => mem.states.get(`ticket:${id}`) as TicketState);
    generateMs += performance.now() - g0;
    const doReal = async () => realTimes.push((await timed(() => ingest(db, batch)))[0]);
    const doRaw = async () =>
      rawTimes.push((await timed(() => raw.transaction('rw', [raw.table('events'), rawTickets], async () => {
        await Promise.all([raw.table('events').bulkPut(batch), rawTickets.bulkPut(rows)]);
      })))[0]);
    if (b % 2 === 0) {
      await doReal();
      await doRaw();
    } else {
      await doRaw();
      await doReal();
    }
    events += batch.length;
    for (const r of rows) {
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status === 'closed') mem.forget('ticket', r.id);
    }
    if (b % 10 === 0) log(`tickets: ${Math.min(options.tickets, (b + 1) * options.batch)} generated and stored`);
  }
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

  // Sanity: the same rows on both sides (ingest() folded what the MemoryConsole folded).
  const [realRows, rawRows] = await Promise.all([db.tickets.toArray(), rawTickets.toArray()]);
  const rawById = new Map(rawRows.map((r) => [r.id, r]));
  const rowsDiffering = realRows.filter((r) => JSON.stringify(r) !== JSON.stringify(rawById.get(r.id))).length;

  // Queries, alternating real and raw.
  const org = (await db.org.get(ORG_ID)) as OrgState;
  const cal = officeCalendar(org);
  const busiest = techs[0]!;
  const queries: Record<string, TicketQueryResult> = {};
  const measure = async <T extends { id: string }>(key: string, label: string, real: () => Promise<T[]>, rawQ: () => Promise<T[]>, rawScan?: () => Promise<T[]>) => {
    const a: number[] = [];
    const r: number[] = [];
    const s: number[] = [];
    let same = true;
    let rows = 0;
    for (let i = 0; i < options.queryRuns + 3; i++) {
      const order = i % 2 === 0;
      const [ma, ra] = order ? await timed(real) : [NaN, [] as T[]];
      const [mr, rr] = await timed(rawQ);
      const [mb, rb] = order ? [ma, ra] : await timed(real);
      const [ms, rs] = rawScan ? await timed(rawScan) : [NaN, rr];
      if (i < 3) continue;
      a.push(mb);
      r.push(mr);
      if (rawScan) s.push(ms);
      rows = rb.length;
      same &&= sameIds(rb, rr) && sameIds(rb, rs);
    }
    queries[key] = { label, rows, real: stats(a), raw: stats(r), rawScan: rawScan ? stats(s) : undefined, same };
    log(`${label}: ${rows} rows, p50 ${queries[key].real.p50} ms vs raw ${queries[key].raw.p50} ms${rawScan ? ` / raw scan ${queries[key].rawScan!.p50} ms` : ''}${same ? '' : ' DIFFERENT'}`);
  };
  const OPEN = ['new', 'classified', 'in_progress'];
  const byDue = (x: TicketState, y: TicketState) => (x.queueDue ?? '').localeCompare(y.queueDue ?? '') || x.id.localeCompare(y.id);
  const rawScanQueue = async () => (await Promise.all(OPEN.map((st) => rawTickets.where('[status+receivedAt]').between([st, MIN], [st, MAX]).toArray()))).flat().sort(byDue).slice(0, TICKET_PAGE);
  await measure('queue', `open queue by SLA, first ${TICKET_PAGE}`, () => ticketQueue(db), () => rawTickets.orderBy('queueDue').limit(TICKET_PAGE).toArray(), rawScanQueue);
  await measure(
    'queueWithClocks',
    `open queue by SLA + live SLA state of each row`,
    async () => {
      const rows = await ticketQueue(db);
      const at = new Date();
      for (const row of rows) slaView(row, at, cal);
      return rows;
    },
    async () => {
      const rows = await rawTickets.orderBy('queueDue').limit(TICKET_PAGE).toArray();
      const at = new Date();
      for (const row of rows) slaView(row, at, cal);
      return rows;
    },
  );
  await measure('count', 'open queue count (nav badge)', async () => [{ id: String(await countQueue(db)) }], async () => [{ id: String(await rawTickets.where('queueDue').above('').count()) }]);
  await measure('assigned', 'assigned to one technician, most urgent first', () => ticketsAssignedTo(db, busiest), () => rawTickets.where('[assigneeId+queueDue]').between([busiest, MIN], [busiest, MAX]).limit(TICKET_PAGE).toArray());
  await measure('unclassified', 'unclassified, oldest first', () => ticketsUnclassified(db), () => rawTickets.where('[status+receivedAt]').between(['new', MIN], ['new', MAX]).limit(TICKET_PAGE).toArray());
  await measure('awaiting', 'awaiting confirmation, oldest first', () => ticketsAwaitingConfirmation(db), () => rawTickets.where('[status+resolvedAt]').between(['resolved', MIN], ['resolved', MAX]).limit(TICKET_PAGE).toArray());
  await measure('log', `ticket log, newest ${TICKET_PAGE}`, async () => (await ticketLogPage(db, '', 0)).rows, async () => (await rawTickets.orderBy('receivedAt').reverse().limit(TICKET_PAGE + 1).toArray()).slice(0, TICKET_PAGE));

  // ticket.receive through commit() beside the same rows written raw in one transaction.
  const rawTables = ['events', 'outbox', 'tickets', 'meta'].map((n) => raw.table(n));
  const [rawEvents, rawOutbox, , rawMeta] = rawTables as [Table, Table, Table, Table];
  const commitReal: number[] = [];
  const commitRaw: number[] = [];
  for (let c = 0; c < options.commits + 5; c++) {
    const [, command] = ticketCommands(options.tickets + c, Date.now())[0]!;
    const [ms, result] = await timed(() => commitAs(db, officer(c), command));
    if (!result.ok) throw new Error(`ticket.receive refused: ${result.error.code}`);
    const row = await db.tickets.get((command.input as { id: string }).id);
    const meta = await db.meta.get('device');
    const [rawMs] = await timed(() => raw.transaction('rw', rawTables, async () => {
      await Promise.all([rawEvents.bulkAdd(result.data), rawOutbox.bulkAdd(result.data.map((e) => ({ eventId: e.id }))), rawTickets.put(row!), rawMeta.put(meta!)]);
    }));
    if (c < 5) continue;
    commitReal.push(ms);
    commitRaw.push(rawMs);
  }

  const open = await countQueue(db);
  const awaiting = await db.tickets.where('[status+resolvedAt]').between(['resolved', MIN], ['resolved', MAX]).count();
  db.close();
  raw.close();
  return {
    options,
    userAgent: navigator.userAgent,
    history: { tickets: options.tickets, events: events + setup.length, open, awaiting, statuses, generateMs: Math.round(generateMs) },
    seed: { realMs: Math.round(sum(realTimes)), rawMs: Math.round(sum(rawTimes)), realEventsPerSec: Math.round((events / sum(realTimes)) * 1000), rawEventsPerSec: Math.round((events / sum(rawTimes)) * 1000) },
    sanity: { ticketsReal: realRows.length, ticketsRaw: rawRows.length, rowsDiffering },
    queries,
    commits: { real: stats(commitReal), raw: stats(commitRaw) },
    totalMs: Math.round(performance.now() - t0),
  };
};
