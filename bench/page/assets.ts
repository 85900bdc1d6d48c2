/**
 * The asset benchmark, page side (bench/run.ts drives it with BENCH_ONLY=assets, or as part of
 * the full run). A fresh console database gets an office of BENCH_ASSETS assets (20k) through
 * the real asset.import command in chunks, a few hundred handovers (so some are assigned), and
 * a raw Dexie database of the same schema gets the same rows. Then, alternating real and raw:
 *
 *  - serial lookup: assetByCode() (the scanner's lookup on the multiEntry `keys` index) vs a
 *    bare `where('keys').equals()`; and the uniqueness check Lookups.idsByKey for one asset;
 *  - the inventory page with filters: inventoryPage() vs bare Dexie reading the same index,
 *    filter, offset and limit;
 *  - a 5,000-row import: the spreadsheet preview (rowToInput + keyProblems + the taken-keys
 *    lookup) and commit(asset.import) — one transaction: zod, decide, 5,000 stamped and hashed
 *    events, projections, outbox — vs raw Dexie writing the same events, outbox rows and asset
 *    rows in one transaction.
 */
import { commitAs } from './keys';
import Dexie, { type Table } from 'dexie';
import { ConsoleDb } from '@renderer/store/db';
import { dexieLookups } from '@renderer/store/commit';
import { assetByCode, inventoryPage, type InventoryFilter } from '@renderer/store/queries/assets';
import { keyProblems, takenKeys } from '@shared/domain/asset/commands';
import { guessMapping, rowToInput } from '@shared/domain/asset/import';
import type { AssetInput, AssetState } from '@shared/domain/asset/state';
import type { DomainEvent } from '@shared/events';
import { newId } from '@shared/ids';
import type { Actor } from '@shared/roles';
import { log, stats, timed, type Stats } from './measure';

export interface AssetBenchOptions {
  assets: number;
  importRows: number;
  importRuns: number;
  queryRuns: number;
}

export interface AssetPair {
  label: string;
  real: Stats;
  raw: Stats;
  same: boolean;
}

export interface AssetBenchResult {
  options: AssetBenchOptions;
  seed: { assets: number; assigned: number; ms: number; rawMs: number };
  lookups: Record<string, AssetPair>;
  pages: Record<string, AssetPair & { rows: number }>;
  importPreview: Stats;
  importCommit: { real: Stats; raw: Stats; rows: number; events: number };
  totalMs: number;
}

declare global {
  interface Window {
    benchAssets(o: AssetBenchOptions): Promise<AssetBenchResult>;
  }
}

const FAKE_VERIFIER = { alg: 'PBKDF2-SHA256' as const, iterations: 1000, salt: '00'.repeat(16), hash: '00'.repeat(32) };
const LOCATIONS = ['Gedung A lt. 1', 'Gedung A lt. 2', 'Gedung B', 'Gudang TIK', 'Ruang Server', 'Kantor Cabang Maros'];
const BRANDS = ['Lenovo', 'HP', 'Dell', 'Asus', 'Acer', 'Samsung', 'Cisco', 'Epson'];

function schemaOf(db: Dexie): Record<string, string> {
  return Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey, ...t.schema.indexes].map((i) => i.src).join(', ')]));
}

/** A deterministic spreadsheet row (Snipe-IT header order). */
const HEADERS = ['Asset Tag', 'Serial Number', 'Model name', 'Manufacturer', 'Category', 'Location', 'Purchase Date', 'Status', 'Checked Out To'];
const CATEGORY_WORDS = ['Laptops', 'Desktops', 'Monitors', 'Printers', 'Mobile Phones', 'Networking', 'Servers', 'Storage', 'Peripherals'];
function sheetRow(n: number, prefix: string): string[] {
  const status = n % 50 === 0 ? 'Out for Repair' : n % 97 === 0 ? 'Archived' : 'Ready to Deploy';
  return [`${prefix}-${String(n).padStart(6, '0')}`, `${prefix}SN${(n * 7919).toString(36).toUpperCase()}${n}`, `Model ${n % 41}`, BRANDS[n % BRANDS.length]!, CATEGORY_WORDS[n % CATEGORY_WORDS.length]!, LOCATIONS[n % LOCATIONS.length]!, `20${20 + (n % 6)}-0${1 + (n % 9)}-1${n % 9}`, status, ''];
}

function inputs(from: number, count: number, prefix: string): AssetInput[] {
  const m = guessMapping(HEADERS);
  return Array.from({ length: count }, (_, i) => rowToInput(sheetRow(from + i, prefix), m, newId()).input!.input);
}

async function alternate<T>(runs: number, real: (i: number) => Promise<T>, raw: (i: number) => Promise<T>): Promise<{ real: Stats; raw: Stats; results: [T, T]; differ: number }> {
  const a: number[] = [];
  const b: number[] = [];
  let results: [T, T] = [undefined as T, undefined as T];
  let differ = 0;
  for (let i = 0; i < runs; i++) {
    const first = i % 2 === 0;
    const [t1, r1] = await timed(() => (first ? real(i) : raw(i)));
    const [t2, r2] = await timed(() => (first ? raw(i) : real(i)));
    (first ? a : b).push(t1);
    (first ? b : a).push(t2);
    results = first ? [r1, r2] : [r2, r1];
    if (JSON.stringify(results[0]) !== JSON.stringify(results[1])) differ++;
  }
  return { real: stats(a), raw: stats(b), results, differ };
}

const ids = (rows: { id: string }[] | undefined) => (rows ?? []).map((r) => r.id).join(',');

window.benchAssets = async (o: AssetBenchOptions): Promise<AssetBenchResult> => {
  const t0 = performance.now();
  const name = `bench-assets-${Date.now().toString(36)}`;
  const db = new ConsoleDb(`meja-it-${name}`);
  const raw = new Dexie(`raw-${name}`);
  raw.version(1).stores(schemaOf(db));
  await raw.open();
  const rawAssets = raw.table('assets') as Table<AssetState, string>;
  const adminId = newId();
  const admin: Actor = { userId: adminId, roles: ['admin', 'technician'] };
  const setUp = await commitAs(db, admin, {
    type: 'org.setUp',
    input: {
      profile: { name: 'Dinas Komunikasi dan Informatika', unit: 'Bidang TIK', address: 'Jl. Ahmad Yani No. 2, Makassar', timeZone: 'WITA', badgePool: ['B-01'], docPrefix: 'TIK', idleLockMinutes: 15 },
      admin: { id: adminId, username: 'admin', displayName: 'Admin', roles: ['admin', 'technician'], password: FAKE_VERIFIER },
    },
  });
  if (!setUp.ok) throw new Error(`setup refused: ${setUp.error.message}`);

  // Seed: the office's inventory through asset.import, 5,000 rows a commit; raw gets the same rows.
  log(`assets: seeding ${o.assets} assets`);
  let seedMs = 0;
  let rawSeedMs = 0;
  for (let from = 0; from < o.assets; from += 5000) {
    const chunk = inputs(from, Math.min(5000, o.assets - from), 'INV');
    const [ms, r] = await timed(() => commitAs(db, admin, { type: 'asset.import', input: { rows: chunk } }));
    if (!r.ok) throw new Error(`seed refused: ${JSON.stringify(r.error)}`);
    seedMs += ms;
    const rows = (await db.assets.bulkGet(chunk.map((c) => c.id))) as AssetState[];
    const [rms] = await timed(() => raw.transaction('rw', rawAssets, () => rawAssets.bulkPut(rows)));
    rawSeedMs += rms;
  }
  // Some of them handed over (so status filters and holders are realistic).
  const employees = Array.from({ length: 200 }, (_, i) => ({ id: newId(), nip: String(198000000000000000 + i * 7919), name: `Pegawai ${i}`, department: `Bidang ${i % 7}`, position: 'Staf', email: '', status: 'active' as const }));
  for (const e of employees) await commitAs(db, admin, { type: 'employee.create', input: e });
  const stock = await db.assets.where('[status+category]').equals(['in_stock', 'laptop']).limit(employees.length * 2).toArray();
  let assigned = 0;
  for (const [i, e] of employees.entries()) {
    const kit = stock.slice(i * 2, i * 2 + 2);
    if (kit.length === 0) break;
    const r = await commitAs(db, admin, {
      type: 'handover.issue',
      input: { id: newId(), employeeId: e.id, items: kit.map((a) => ({ assetId: a.id, condition: 'good' as const })), emailPrepared: '', accessPrepared: '', notes: '', witnessName: '', witnessTitle: '', signatures: {}, signedOnPaper: true },
    });
    if (!r.ok) throw new Error(`handover refused: ${JSON.stringify(r.error)}`);
    assigned += kit.length;
    await rawAssets.bulkPut((await db.assets.bulkGet(kit.map((a) => a.id))) as AssetState[]);
  }
  const [realCount, rawCount] = await Promise.all([db.assets.count(), rawAssets.count()]);
  if (realCount !== rawCount) throw new Error(`seed counts differ: ${realCount} vs ${rawCount}`);
  log(`assets: seeded ${realCount} assets (${assigned} assigned) in ${Math.round(seedMs)} ms through asset.import; raw ${Math.round(rawSeedMs)} ms`);

  // Serial lookups: random serials of devices in the store.
  const sample = await db.assets.toCollection().offset(0).limit(o.queryRuns * 5).toArray();
  const lookups: AssetBenchResult['lookups'] = {};
  const probe = (i: number) => sample[(i * 7) % sample.length]!;
  const scan = await alternate(
    o.queryRuns,
    async (i) => (await assetByCode(db, probe(i).serial.toLowerCase()))?.id,
    async (i) => (await rawAssets.where('keys').equals(`S:${probe(i).serial}`).first())?.id,
  );
  lookups.scan = { label: 'serial lookup (scanner: serial or tag → asset)', real: scan.real, raw: scan.raw, same: scan.differ === 0 };
  const unique = await alternate(
    o.queryRuns,
    async (i) => Object.keys(await takenKeys(dexieLookups(db), [probe(i)])).length,
    async (i) => ((await rawAssets.where('keys').anyOf([`T:${probe(i).tag.toUpperCase()}`, `S:${probe(i).serial}`]).toArray()).length > 0 ? 2 : 0),
  );
  lookups.unique = { label: 'uniqueness check of one asset (tag + serial keys)', real: unique.real, raw: unique.raw, same: unique.differ === 0 };

  // Inventory pages with filters.
  const filters: [string, InventoryFilter, () => Promise<AssetState[]>][] = [
    ['first page, no filter (tag order)', {}, () => rawAssets.orderBy('tag').offset(0).limit(26).toArray()],
    ['status = in stock', { status: 'in_stock' }, () => rawAssets.where('status').equals('in_stock').offset(0).limit(26).toArray()],
    ['status + category (assigned laptops)', { status: 'assigned', category: 'laptop' }, () => rawAssets.where('[status+category]').equals(['assigned', 'laptop']).offset(0).limit(26).toArray()],
    [
      'status + category + location prefix',
      { status: 'in_stock', category: 'monitor', location: 'gedung b' },
      () => rawAssets.where('[status+category+locationLower]').between(['in_stock', 'monitor', 'gedung b'], ['in_stock', 'monitor', 'gedung b\uffff']).limit(26).toArray(),
    ],
    [
      'status + category + location prefix, no match',
      { status: 'in_stock', category: 'monitor', location: 'gudang' },
      () => rawAssets.where('[status+category+locationLower]').between(['in_stock', 'monitor', 'gudang'], ['in_stock', 'monitor', 'gudang\uffff']).limit(26).toArray(),
    ],
    ['serial/tag prefix search "INV-0123"', { q: 'INV-0123' }, () => rawAssets.where('keys').startsWithAnyOf(['S:INV-0123', 'T:INV-0123']).distinct().offset(0).limit(26).toArray()],
    ['page 40 of in stock', { status: 'in_stock' }, () => rawAssets.where('status').equals('in_stock').offset(40 * 25).limit(26).toArray()],
  ];
  const pages: AssetBenchResult['pages'] = {};
  for (const [label, f, rawQuery] of filters) {
    const pageNo = label.startsWith('page 40') ? 40 : 0;
    const r = await alternate(o.queryRuns, async () => (await inventoryPage(db, f, pageNo)).rows, rawQuery);
    pages[label] = { label, real: r.real, raw: r.raw, same: ids(r.results[0]) === ids(r.results[1]?.slice(0, 25)), rows: r.results[0]?.length ?? 0 };
  }
  log('assets: lookups and pages measured');

  // The import: preview (CPU + one lookup) and the one commit, beside raw Dexie writing the same rows.
  const previews: number[] = [];
  const real: number[] = [];
  const rawTimes: number[] = [];
  let events = 0;
  for (let run = 0; run < o.importRuns; run++) {
    const m = guessMapping(HEADERS);
    const sheet = Array.from({ length: o.importRows }, (_, i) => sheetRow(i, `IMP${run}`));
    const [pms, rows] = await timed(async () => {
      const converted = sheet.map((cells) => rowToInput(cells, m, newId()));
      const ok = converted.map((c) => c.input?.input).filter((x): x is AssetInput => !!x);
      const problems = keyProblems(ok, await takenKeys(dexieLookups(db), ok));
      if (problems.length > 0) throw new Error('unexpected import problems');
      return ok;
    });
    previews.push(pms);
    const [cms, r] = await timed(() => commitAs(db, admin, { type: 'asset.import', input: { rows } }));
    if (!r.ok) throw new Error(`import refused: ${JSON.stringify(r.error)}`);
    real.push(cms);
    events = r.data.length;
    // Raw: the same events, outbox rows and asset rows, one transaction.
    const made: DomainEvent[] = r.data;
    const states = (await db.assets.bulkGet(rows.map((x) => x.id))) as AssetState[];
    const [rms] = await timed(() =>
      raw.transaction('rw', [raw.table('events'), raw.table('outbox'), rawAssets], async () => {
        await Promise.all([raw.table('events').bulkAdd(made), raw.table('outbox').bulkAdd(made.map((e) => ({ eventId: e.id }))), rawAssets.bulkPut(states)]);
      }),
    );
    rawTimes.push(rms);
    log(`assets: import run ${run + 1}: preview ${Math.round(pms)} ms, commit ${Math.round(cms)} ms, raw ${Math.round(rms)} ms`);
  }
  const result: AssetBenchResult = {
    options: o,
    seed: { assets: realCount, assigned, ms: Math.round(seedMs), rawMs: Math.round(rawSeedMs) },
    lookups,
    pages,
    importPreview: stats(previews),
    importCommit: { real: stats(real), raw: stats(rawTimes), rows: o.importRows, events },
    totalMs: Math.round(performance.now() - t0),
  };
  db.close();
  raw.close();
  await Promise.all([Dexie.delete(`meja-it-${name}`), Dexie.delete(`raw-${name}`)]);
  return result;
};
