/**
 * `npm run bench`: the store benchmark. Serves the renderer build (src/server/app.ts) on a free
 * port, starts Debian's Chromium headless with a persistent profile (an incognito context
 * would keep IndexedDB in memory, which is not what a desk has), opens bench.html and runs
 * window.runBench() there — seeding a realistic office history through ingest(), commits,
 * queries — then restarts the browser to time open-to-usable from cold. Prints every figure
 * beside raw Dexie doing the same, and writes bench/results/latest.json.
 *
 * Environment: BENCH_VISITS (100000), BENCH_BATCH (events per ingest transaction, 1000),
 * BENCH_COMMITS (visit cycles of six commits, 200), BENCH_QUERY_RUNS (30), BENCH_OPEN_RUNS (7),
 * BENCH_COLD_RUNS (browser restarts per side, 2), BENCH_SEED (1), BENCH_CANDIDATES (0 skips the
 * measured candidate changes of bench/page/candidates.ts), CHROMIUM_PATH
 * (/usr/bin/chromium), BENCH_PROFILE (keep the browser profile in this directory).
 * BENCH_ONLY=sync runs only the sync benchmark, BENCH_ONLY=store only the store one, BENCH_ONLY=tickets only
 * the tickets one (BENCH_TICKETS 50000, BENCH_TICKET_BATCH 1000, BENCH_TICKET_COMMITS 100; bench/page/tickets.ts).
 * BENCH_ONLY=incidents only the incident one (bench/page/incidents.ts: BENCH_INCIDENTS,
 * 5000 incidents with their step events; writes bench/results/incidents-latest.json).
 * BENCH_ONLY=assets only the asset one (BENCH_ASSETS 20000 assets, BENCH_IMPORT_ROWS 5000,
 * BENCH_IMPORT_RUNS 3; page side bench/page/assets.ts; writes bench/results/assets-latest.json).
 * Sync: BENCH_SYNC_VISITS (the office the server holds for the initial sync; BENCH_VISITS),
 * BENCH_SYNC_EVENTS (events pushed and pulled, 10000), BENCH_SYNC_CHANGES (changes timed from
 * one client to the other, 20), BENCH_SYNC_BACKFILL (0 skips timing the history backfill). The server is seeded by bench/sync-seed.ts; the page side is
 * bench/page/sync.ts. Writes bench/results/sync-latest.json.
 * BENCH_ONLY=trust only the signed-events one (bench/trust.ts: BENCH_TRUST_EVENTS 10002,
 * BENCH_TRUST_ROUNDS 3, BENCH_TRUST_WARMUP 1 uncounted round first; BENCH_CPU_PROFILE=1 writes a CPU profile of the last round's push).
 * Always exits 0 when the benchmark ran: a missed target is reported, not thrown.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app';
import { randomUUID } from 'node:crypto';
import { seedServer, type SeedResult } from './sync-seed';
import { trustBench } from './trust';
import { BLANK_HTML, startupBench } from './startup';

interface Stats {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}
interface Pair {
  real: Stats;
  raw: Stats;
}
/** What window.runBench() returns (bench/page/main.ts, BenchResult). */
interface BenchResult {
  options: typeof options;
  userAgent: string;
  dbNames: { real: string; raw: string };
  history: { visits: number; events: number; batches: number; firstDay: string; statuses: Record<string, number> };
  sanity: Record<string, [number, number]>;
  seed: { realMs: number; rawMs: number; wallMs: number; realVisitsPerSec: number; rawVisitsPerSec: number; realEventsPerSec: number; rawEventsPerSec: number; batchReal: Stats; batchRaw: Stats };
  commits: Record<string, Pair & { rawSinglePut: Stats }>;
  queries: Record<string, Pair & { label: string; rows: number; same: boolean }>;
  openWarm: Pair;
  candidates?: {
    commits: Record<string, { current: Stats; candidate: Stats }>;
    queries: Record<string, { label: string; current: Stats; candidate: Stats; same: boolean }>;
    staleIndex: { freshRows: number; churned: Stats; fresh: Stats };
    openWarm: Stats;
    cpuMicros: Record<string, number>;
  };
  totalMs: number;
}

/** What the sync functions of the page return (bench/page/sync.ts). */
interface SyncInitialResult {
  dbName: string;
  token: string;
  cursor: number;
  snapshot: { ms: number; records: number; serverMs: number; requests: number };
  backfill?: { ms: number; events: number; serverMs: number; requests: number };
  raw: { ms: number; rows: number; batch: number };
  counts: { visits: number; events: number; inside: number; archived: number };
}
interface SyncPushPullResult {
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

/** What window.benchIncidents() returns (bench/page/incidents.ts, IncidentBenchResult). */
interface IncidentBenchResult {
  history: { incidents: number; events: number; open: number; batches: number; byTurn: Record<string, number> };
  sanity: Record<string, [number, number]>;
  seed: { realMs: number; rawMs: number; realEventsPerSec: number; rawEventsPerSec: number };
  queries: Record<string, { label: string; rows: number; same: boolean; real: Stats; raw: Stats }>;
  commits: { real: Stats; raw: Stats };
  totalMs: number;
}

declare global {
  interface Window {
    benchSyncInitial(o: { batch: number; username: string; backfill: boolean }): Promise<SyncInitialResult>;
    benchIncidents(o: { incidents: number; batch: number; queryRuns: number; commits: number; seed: number }): Promise<IncidentBenchResult>;
    benchSyncPushPull(o: { events: number; batch: number; fromDb: string; fromToken: string }): Promise<SyncPushPullResult>;
    benchSyncStart(o: { dbName: string; token: string }): Promise<void>;
    benchSyncStop(): void;
    benchSyncWatch(id: string): void;
    benchSyncStep(o: { id: string; step: number; n: number; badge: string }): Promise<{ t0: number; hlc: string; commitMs: number }>;
    benchSyncSeen(o: { hlc: string; timeoutMs: number }): Promise<number>;
    runBench(o: typeof options): Promise<BenchResult>;
    benchTickets(o: typeof ticketOptions): Promise<TicketBenchResult>;
    benchAssets(o: typeof assetOptions): Promise<AssetBenchResult>;
    benchSigning(o: { n: number }): Promise<{ n: number; contentHashUs: number; webcrypto: { signSeqUs: number; signParUs: number; verifySeqUs: number; verifyParUs: number }; noble: { signUs: number; verifyUs: number } }>;
    benchOpen(options: { name: string; side: 'real' | 'raw' | 'candidate' }): Promise<{ ms: number; inside: number; page: number }>;
    benchReady: boolean;
  }
}

const env = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

const options = {
  visits: env('BENCH_VISITS', 100_000),
  batch: env('BENCH_BATCH', 1000),
  commits: env('BENCH_COMMITS', 200),
  queryRuns: env('BENCH_QUERY_RUNS', 30),
  openRuns: env('BENCH_OPEN_RUNS', 7),
  seed: env('BENCH_SEED', 1),
  candidates: process.env.BENCH_CANDIDATES !== '0',
};
const coldRuns = env('BENCH_COLD_RUNS', 2);
const only = process.env.BENCH_ONLY ?? '';
if (!['', 'sync', 'store', 'tickets', 'incidents', 'assets', 'trust', 'startup'].includes(only)) throw new Error(`BENCH_ONLY must be 'sync', 'store', 'tickets', 'incidents', 'assets', 'trust' or 'startup', not '${only}'`);
const syncOptions = {
  visits: env('BENCH_SYNC_VISITS', options.visits),
  events: env('BENCH_SYNC_EVENTS', 10_000),
  changes: env('BENCH_SYNC_CHANGES', 20),
  warmup: 2,
  batch: options.batch,
  seed: options.seed,
  backfill: process.env.BENCH_SYNC_BACKFILL !== '0',
};
const assetOptions = { assets: env('BENCH_ASSETS', 20_000), importRows: env('BENCH_IMPORT_ROWS', 5000), importRuns: env('BENCH_IMPORT_RUNS', 3), queryRuns: options.queryRuns };

/** What window.benchAssets() returns (bench/page/assets.ts). */
interface AssetBenchResult {
  options: typeof assetOptions;
  seed: { assets: number; assigned: number; ms: number; rawMs: number };
  lookups: Record<string, { label: string; real: Stats; raw: Stats; same: boolean }>;
  pages: Record<string, { label: string; real: Stats; raw: Stats; same: boolean; rows: number }>;
  importPreview: Stats;
  importCommit: { real: Stats; raw: Stats; rows: number; events: number };
  totalMs: number;
}

/** The asset benchmark: 20k assets, serial lookups, inventory pages, a 5,000-row import — each beside raw Dexie. */
async function assetBench(profile: string, base: string, track: (c: BrowserContext | undefined) => void): Promise<void> {
  const l = await launch(profile, base);
  track(l.ctx);
  say(`asset benchmark ${JSON.stringify(assetOptions)}`);
  const r = await l.page.evaluate((o) => window.benchAssets(o), assetOptions);
  await l.ctx.close();
  track(undefined);
  const list: Row[] = [];
  const pair = (label: string, x: { real: Stats; raw: Stats; same: boolean }, limit: number) => {
    const ratio = x.real.p50 / x.raw.p50;
    list.push({
      figure: `${label} (p50 / p95)${x.same ? '' : ' RESULTS DIFFER'}`, real: `${ms(x.real.p50)} / ${ms(x.real.p95)} ms`, raw: `${ms(x.raw.p50)} / ${ms(x.raw.p95)} ms`,
      ratio, target: `p95 ≤ ${limit} ms`, pass: x.real.p95 <= limit && x.same,
    });
  };
  for (const x of Object.values(r.lookups)) pair(x.label, x, 10);
  for (const x of Object.values(r.pages)) pair(`inventory page: ${x.label}, ${x.rows} rows`, x, 50);
  const c = r.importCommit;
  list.push({
    figure: `import of ${c.rows} rows: commit(asset.import), one transaction, ${c.events} events (p50 / max)`, real: `${ms(c.real.p50)} / ${ms(c.real.max)} ms`, raw: `${ms(c.raw.p50)} / ${ms(c.raw.max)} ms`,
    ratio: c.real.p50 / c.raw.p50, target: 'max ≤ 5000 ms (with preview)', pass: c.real.max + r.importPreview.max <= 5000,
  });
  list.push({ figure: `import preview of ${c.rows} rows: mapping, checks, taken-keys lookup (p50 / max)`, real: `${ms(r.importPreview.p50)} / ${ms(r.importPreview.max)} ms`, raw: '—', ratio: NaN, target: '(in the 5 s above)' });
  console.log('');
  console.log(`Meja IT asset benchmark — ${r.seed.assets} assets (${r.seed.assigned} assigned), seeded through asset.import in ${r.seed.ms} ms (raw bulkPut ${r.seed.rawMs} ms)`);
  console.log('ratio = meja-it ÷ raw Dexie time (p50)');
  console.log('');
  console.log(table(list));
  const failed = list.filter((x) => x.pass === false);
  console.log(failed.length === 0 ? 'All asset targets met.' : `${failed.length} asset targets missed: ${failed.map((x) => x.figure).join('; ')}`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/assets-latest.json', JSON.stringify({ date: new Date().toISOString(), options: assetOptions, rows: list, result: r }, null, 2) + '\n');
  console.log('wrote bench/results/assets-latest.json');
}

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const t0 = Date.now();
const say = (text: string) => console.log(`[run +${Math.round((Date.now() - t0) / 1000)}s] ${text}`);

async function launch(profile: string, base: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.on('console', (m) => console.log(m.text()));
  page.on('pageerror', (e) => console.error('[page error]', e));
  await page.goto(`${base}/bench.html`);
  await page.waitForFunction(() => window.benchReady === true);
  return { ctx, page };
}

function stats(samples: number[]): Stats {
  const xs = [...samples].sort((a, b) => a - b);
  const at = (q: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))] ?? NaN;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { n: xs.length, p50: r(at(0.5)), p95: r(at(0.95)), mean: r(xs.reduce((s, x) => s + x, 0) / (xs.length || 1)), min: r(xs[0] ?? NaN), max: r(xs[xs.length - 1] ?? NaN) };
}

interface Row {
  figure: string;
  real: string;
  raw: string;
  /** How many times slower than raw Dexie (time over time; for rates, raw rate over real rate). */
  ratio: number;
  target: string;
  /** undefined: reported, no target. */
  pass?: boolean;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const MAX_RATIO = 2;

function rows(r: BenchResult, cold: Pair): Row[] {
  const out: Row[] = [];
  const seedRatio = r.seed.rawVisitsPerSec / r.seed.realVisitsPerSec;
  out.push({
    figure: `seeding ${r.history.visits} visits (${r.history.events} events, ${r.options.batch}/tx)`,
    real: `${r.seed.realVisitsPerSec} visits/s`, raw: `${r.seed.rawVisitsPerSec} visits/s`,
    ratio: seedRatio, target: `ratio ≤ ${MAX_RATIO}`, pass: seedRatio <= MAX_RATIO,
  });
  for (const [type, c] of Object.entries(r.commits)) {
    const ratio = c.real.p50 / c.raw.p50;
    out.push({
      figure: `commit ${type} (p50 / p95)`, real: `${ms(c.real.p50)} / ${ms(c.real.p95)} ms`, raw: `${ms(c.raw.p50)} / ${ms(c.raw.p95)} ms`,
      ratio, target: `p95 ≤ 15 ms, ratio ≤ ${MAX_RATIO}`, pass: c.real.p95 <= 15 && ratio <= MAX_RATIO,
    });
  }
  for (const [label, p] of [['open-to-usable, new connection (p50 / p95)', r.openWarm], ['open-to-usable, browser restarted (p50 / max)', cold]] as const) {
    const ratio = p.real.p50 / p.raw.p50;
    const second = label.includes('max') ? 'max' : 'p95';
    out.push({
      figure: label, real: `${ms(p.real.p50)} / ${ms(p.real[second])} ms`, raw: `${ms(p.raw.p50)} / ${ms(p.raw[second])} ms`,
      ratio, target: `≤ 1500 ms, ratio ≤ ${MAX_RATIO}`, pass: p.real[second] <= 1500 && ratio <= MAX_RATIO,
    });
  }
  for (const [id, q] of Object.entries(r.queries)) {
    const ratio = q.real.p50 / q.raw.p50;
    const limited = id !== 'inside';
    out.push({
      figure: `${q.label} (p50 / p95)${q.same ? '' : ' RESULTS DIFFER'}`, real: `${ms(q.real.p50)} / ${ms(q.real.p95)} ms`, raw: `${ms(q.raw.p50)} / ${ms(q.raw.p95)} ms`,
      ratio, target: limited ? `p95 ≤ 50 ms, ratio ≤ ${MAX_RATIO}` : `ratio ≤ ${MAX_RATIO}`, pass: (!limited || q.real.p95 <= 50) && ratio <= MAX_RATIO && q.same,
    });
  }
  return out;
}

function table(list: Row[]): string {
  const head = ['figure', 'meja-it', 'raw Dexie', 'ratio', 'target', 'result'];
  const cells = list.map((x) => [x.figure, x.real, x.raw, Number.isFinite(x.ratio) ? x.ratio.toFixed(2) : '-', x.target, x.pass === undefined ? '-' : x.pass ? 'PASS' : 'FAIL']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 3 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

const sec = (msv: number) => `${(msv / 1000).toFixed(1)} s`;
const perSec = (n: number, msv: number) => `${Math.round((n / msv) * 1000).toLocaleString('en-US')}/s`;

function syncRows(seed: SeedResult, init: SyncInitialResult, pp: SyncPushPullResult, delay: Stats): Row[] {
  const initRatio = init.snapshot.ms / init.raw.ms;
  return [
    {
      figure: `initial sync: ${seed.visits} visits (${seed.events + seed.setupEvents} events on the server) into a fresh console, loadSnapshot()`,
      real: `${sec(init.snapshot.ms)}, ${init.snapshot.records} records`, raw: `${sec(init.raw.ms)} (${init.raw.rows} visit rows)`,
      ratio: initRatio, target: `ratio ≤ ${MAX_RATIO}`, pass: initRatio <= MAX_RATIO,
    },
    ...(init.backfill
      ? [{
        figure: `  then the older history in the background, backfillHistory()`,
        real: `${sec(init.backfill.ms)}, ${perSec(init.backfill.events, init.backfill.ms)} events`, raw: `${sec(init.raw.ms)}`,
        ratio: init.backfill.ms / init.raw.ms, target: 'reported', pass: undefined,
      }]
      : []),
    {
      figure: `push ${pp.events} events (${pp.visits} visits) from a desk's outbox, pushOutbox()`,
      real: `${sec(pp.push.ms)}, ${perSec(pp.push.answered, pp.push.ms)} events`, raw: `${sec(pp.raw.ms)} (${pp.raw.rows} event rows)`,
      ratio: pp.push.ms / pp.raw.ms, target: 'reported', pass: undefined,
    },
    {
      figure: `pull the same ${pp.events} events into the full console, pullAll()`,
      real: `${sec(pp.pull.ms)}, ${perSec(pp.pull.fresh, pp.pull.ms)} events`, raw: `${sec(pp.raw.ms)} (${pp.raw.rows} event rows)`,
      ratio: pp.pull.ms / pp.raw.ms, target: 'reported', pass: undefined,
    },
    {
      figure: `change to the other client, app sync loop (p50 / p95, ${delay.n} changes)`, real: `${ms(delay.p50)} / ${ms(delay.p95)} ms`, raw: '-',
      ratio: NaN, target: 'p95 ≤ 1000 ms', pass: delay.p95 <= 1000,
    },
  ];
}

/**
 * The sync benchmark: seeds the server (bench/sync-seed.ts), then in Chromium: the initial sync
 * of a fresh console, push + pull of BENCH_SYNC_EVENTS, and the change-to-other-client delay
 * between two pages running the app's sync loop.
 */
async function syncBench(server: FastifyInstance, profile: string, base: string, track: (c?: BrowserContext) => void): Promise<void> {
  const started = Date.now();
  say(`sync: seeding the server with ${syncOptions.visits} visits`);
  const seed = await seedServer(server.syncDb, base, { visits: syncOptions.visits, seed: syncOptions.seed, batch: 2000, log: say });
  say(`sync: server holds ${seed.events + seed.setupEvents} events (version ${seed.lastVersion}); generating ${sec(seed.generateMs)}, inserting ${sec(seed.insertMs)}`);
  const { ctx, page } = await launch(profile, base);
  track(ctx);
  const init = await page.evaluate((o) => window.benchSyncInitial(o), { batch: syncOptions.batch, username: 'petugas1', backfill: syncOptions.backfill });
  const pp = await page.evaluate((o) => window.benchSyncPushPull(o), { events: syncOptions.events, batch: syncOptions.batch, fromDb: init.dbName, fromToken: init.token });

  // Two pages, each a console running startSync(); commit on one, wait for the other's projection.
  const other = await ctx.newPage();
  other.on('console', (m) => console.log(`[page 2] ${m.text()}`));
  other.on('pageerror', (e) => console.error('[page 2 error]', e));
  await other.goto(`${base}/bench.html`);
  await other.waitForFunction(() => window.benchReady === true);
  await page.evaluate((o) => window.benchSyncStart(o), { dbName: init.dbName, token: init.token });
  await other.evaluate((o) => window.benchSyncStart(o), { dbName: pp.dbName, token: pp.token });
  await new Promise((r) => setTimeout(r, 2000));
  const pages = [page, other];
  const delays: number[] = [];
  const commitMs: number[] = [];
  let id = '';
  for (let i = 0; i < syncOptions.warmup + syncOptions.changes; i++) {
    const step = i % 6;
    const n = 900_000 + Math.floor(i / 6);
    if (step === 0) {
      id = randomUUID();
      for (const p of pages) await p.evaluate((x) => window.benchSyncWatch(x), id);
    }
    const from = pages[i % 2]!;
    const to = pages[(i + 1) % 2]!;
    const c = await from.evaluate((o) => window.benchSyncStep(o), { id, step, n, badge: 'B-060' });
    const seen = await to.evaluate((o) => window.benchSyncSeen(o), { hlc: c.hlc, timeoutMs: 60_000 });
    if (i >= syncOptions.warmup) {
      delays.push(seen - c.t0);
      commitMs.push(c.commitMs);
    }
    say(`sync change ${i < syncOptions.warmup ? `w${i + 1}` : i + 1 - syncOptions.warmup} (step ${step}, page ${(i % 2) + 1} → ${((i + 1) % 2) + 1}): ${(seen - c.t0).toFixed(1)} ms (commit ${c.commitMs.toFixed(1)} ms)${i < syncOptions.warmup ? ', warm-up' : ''}`);
    // The committing page's own round (push, then pull of its own event) settles first.
    await new Promise((r) => setTimeout(r, 300));
  }
  for (const p of pages) await p.evaluate(() => window.benchSyncStop());
  await ctx.close();
  track(undefined);
  const delay = stats(delays);

  const list = syncRows(seed, init, pp, delay);
  console.log('');
  console.log(`Meja IT sync benchmark — server (PGlite, in-process) holds ${seed.visits} visits / ${seed.events + seed.setupEvents} events; ${cpus().length} × ${cpus()[0]?.model ?? '?'}`);
  console.log(`fresh console after the initial sync: ${JSON.stringify(init.counts)}; ${init.snapshot.requests} snapshot pages (${sec(init.snapshot.serverMs)} of requests in flight, overlapping the writes); history: ${init.backfill ? `${init.backfill.requests} pulls` : 'not fetched (BENCH_SYNC_BACKFILL=0)'}`);
  console.log(`push: ${pp.push.answered} answered, ${pp.push.rejected} rejected, ${pp.push.outboxLeft} left in the outbox; pull: ${pp.pull.fresh} new events; outbox made in ${pp.generateMs} ms, ingested in ${pp.ingestMs} ms`);
  console.log(`commit() on the committing page during the delay test: p50 ${ms(stats(commitMs).p50)} / p95 ${ms(stats(commitMs).p95)} ms`);
  console.log('ratio = meja-it time ÷ raw Dexie time');
  console.log('');
  console.log(table(list));
  const failed = list.filter((x) => x.pass === false);
  console.log('');
  console.log(failed.length === 0 ? 'All sync targets met.' : `${failed.length} sync target(s) missed: ${failed.map((x) => x.figure).join('; ')}`);
  console.log(`sync benchmark ${Math.round((Date.now() - started) / 1000)} s (server seeding ${Math.round((seed.generateMs + seed.insertMs) / 1000)} s)`);
  mkdirSync('bench/results', { recursive: true });
  const file = 'bench/results/sync-latest.json';
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), options: syncOptions, rows: list, seed, init, pushPull: pp, delay, delays, commitMs: stats(commitMs) }, null, 2) + '\n');
  console.log(`wrote ${file}`);
}

/** What window.benchTickets() returns (bench/page/tickets.ts, TicketBenchResult). */
interface TicketBenchResult {
  options: Record<string, number>;
  userAgent: string;
  history: { tickets: number; events: number; open: number; awaiting: number; statuses: Record<string, number>; generateMs: number };
  seed: { realMs: number; rawMs: number; realEventsPerSec: number; rawEventsPerSec: number };
  sanity: { ticketsReal: number; ticketsRaw: number; rowsDiffering: number };
  queries: Record<string, { label: string; rows: number; real: Stats; raw: Stats; rawScan?: Stats; same: boolean }>;
  commits: { real: Stats; raw: Stats };
  totalMs: number;
}

const ticketOptions = {
  tickets: Number(process.env.BENCH_TICKETS ?? 50_000),
  batch: Number(process.env.BENCH_TICKET_BATCH ?? 1000),
  queryRuns: Number(process.env.BENCH_QUERY_RUNS ?? 30),
  commits: Number(process.env.BENCH_TICKET_COMMITS ?? 100),
  seed: Number(process.env.BENCH_SEED ?? 1),
};

/** BENCH_ONLY=tickets: 50k tickets, the urgency queue and the other ticket queries beside raw Dexie. Target: open queue ≤ 100 ms. */
async function ticketsBench(profile: string, base: string, track: (c?: BrowserContext) => void): Promise<void> {
  const { ctx, page } = await launch(profile, base);
  track(ctx);
  const r = await page.evaluate((o) => window.benchTickets(o), ticketOptions);
  await ctx.close();
  track(undefined);
  const f = (x: number) => x.toFixed(2);
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
  const lines: string[][] = [['figure', 'meja-it p50 / p95', 'raw Dexie p50 / p95', 'ratio', 'target', 'pass']];
  for (const [key, q] of Object.entries(r.queries)) {
    const target = key === 'queue' || key === 'queueWithClocks' ? 100 : undefined;
    lines.push([`${q.label} (${q.rows} rows)${q.same ? '' : ' RESULTS DIFFER'}`, `${f(q.real.p50)} / ${f(q.real.p95)} ms`, `${f(q.raw.p50)} / ${f(q.raw.p95)} ms`, ratio(q.real.p50, q.raw.p50), target ? `p95 ≤ ${target} ms` : '', target ? (q.real.p95 <= target ? 'yes' : 'NO') : '']);
    if (q.rawScan) lines.push([`  raw Dexie without the queueDue index: open statuses' ranges + sort`, '', `${f(q.rawScan.p50)} / ${f(q.rawScan.p95)} ms`, ratio(q.real.p50, q.rawScan.p50), '', '']);
  }
  lines.push(['ticket.receive through commit() vs the same rows raw', `${f(r.commits.real.p50)} / ${f(r.commits.real.p95)} ms`, `${f(r.commits.raw.p50)} / ${f(r.commits.raw.p95)} ms`, ratio(r.commits.real.p50, r.commits.raw.p50), '', '']);
  lines.push(['seeding (events/s): ingest() vs raw bulkPut', `${r.seed.realEventsPerSec}/s`, `${r.seed.rawEventsPerSec}/s`, ratio(r.seed.rawEventsPerSec, r.seed.realEventsPerSec), '', '']);
  console.log('');
  console.log(`Meja IT tickets benchmark — ${r.history.tickets} tickets, ${r.history.events} events over a year; open queue ${r.history.open}, awaiting confirmation ${r.history.awaiting}`);
  console.log(`final statuses ${JSON.stringify(r.history.statuses)}; sanity ${JSON.stringify(r.sanity)}; history generated with the real commands in ${Math.round(r.history.generateMs / 1000)} s`);
  console.log('ratio = meja-it ÷ raw Dexie time (p50; for seeding, raw rate ÷ meja-it rate)');
  console.log('');
  const w = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  for (const l of lines) console.log(l.map((v, i) => v.padEnd(w[i]!)).join('  ').trimEnd());
  console.log(`tickets benchmark page ran ${Math.round(r.totalMs / 1000)} s`);
  mkdirSync('bench/results', { recursive: true });
  const file = 'bench/results/tickets-latest.json';
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), options: ticketOptions, result: r }, null, 2) + '\n');
  console.log(`wrote ${file}`);
}

/** The incident benchmark (bench/page/incidents.ts): queries and a step commit beside raw Dexie. */
async function incidentBench(profile: string, base: string, track: (c?: BrowserContext) => void): Promise<void> {
  const started = Date.now();
  const l = await launch(profile, base);
  track(l.ctx);
  const o = { incidents: env('BENCH_INCIDENTS', 5000), batch: options.batch, queryRuns: options.queryRuns, commits: env('BENCH_INCIDENT_COMMITS', 100), seed: options.seed };
  const r = await l.page.evaluate((x) => window.benchIncidents(x), o);
  await l.ctx.close();
  track(undefined);
  const list: Row[] = [];
  list.push({
    figure: `seed ${r.history.incidents} incidents / ${r.history.events} events: ingest() vs raw bulkPut`, real: `${sec(r.seed.realMs)} (${perSec(r.history.events, r.seed.realMs)})`,
    raw: `${sec(r.seed.rawMs)} (${perSec(r.history.events, r.seed.rawMs)})`, ratio: r.seed.realMs / r.seed.rawMs, target: 'reported',
  });
  for (const q of Object.values(r.queries)) {
    const ratio = q.real.p50 / q.raw.p50;
    list.push({
      figure: `${q.label} (p50 / p95)${q.same ? '' : ' RESULTS DIFFER'}`, real: `${ms(q.real.p50)} / ${ms(q.real.p95)} ms`, raw: `${ms(q.raw.p50)} / ${ms(q.raw.p95)} ms`,
      ratio, target: `p95 ≤ 50 ms, ratio ≤ ${MAX_RATIO}`, pass: q.real.p95 <= 50 && ratio <= MAX_RATIO && q.same,
    });
  }
  list.push({
    figure: `incident.completeStep through commit() (p50 / p95, n=${r.commits.real.n})`, real: `${ms(r.commits.real.p50)} / ${ms(r.commits.real.p95)} ms`,
    raw: `${ms(r.commits.raw.p50)} / ${ms(r.commits.raw.p95)} ms`, ratio: r.commits.real.p50 / r.commits.raw.p50, target: 'p95 ≤ 50 ms', pass: r.commits.real.p95 <= 50,
  });
  console.log('');
  console.log(`Meja IT incident benchmark — ${r.history.incidents} incidents (${r.history.open} open: ${JSON.stringify(r.history.byTurn)}), ${r.history.events} events in ${r.history.batches} batches`);
  console.log(`sanity [meja-it, raw/expected] ${JSON.stringify(r.sanity)}`);
  console.log('ratio = meja-it ÷ raw Dexie time (p50)');
  console.log('');
  console.log(table(list));
  const failed = list.filter((x) => x.pass === false);
  console.log(failed.length === 0 ? 'All incident targets met.' : `${failed.length} incident target(s) missed: ${failed.map((x) => x.figure).join('; ')}`);
  console.log(`incident benchmark ${Math.round((Date.now() - started) / 1000)} s`);
  mkdirSync('bench/results', { recursive: true });
  const file = 'bench/results/incidents-latest.json';
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), rows: list, result: r }, null, 2) + '\n');
  console.log(`wrote ${file}`);
}

async function main(): Promise<void> {
  // The benchmark page has its own build (bench/vite.config.ts → out/bench), served with the
  // same server code as the product; the startup benchmark serves the product's build.
  const webRoot = resolve('out/bench');
  if (!existsSync(join(webRoot, 'bench.html'))) throw new Error('out/bench/bench.html is missing: run `npm run bench` (it builds first).');
  const dataDir = mkdtempSync(join(tmpdir(), 'meja-bench-data-'));
  const profile = process.env.BENCH_PROFILE ? resolve(process.env.BENCH_PROFILE) : mkdtempSync(join(tmpdir(), 'meja-bench-profile-'));
  const server = await buildServer({ webRoot, dataDir });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  say(`serving ${webRoot} at ${base}; Chromium ${executablePath}, profile ${profile}`);
  say(`options ${JSON.stringify(options)}, cold runs ${coldRuns} per side; sync ${JSON.stringify(syncOptions)}; BENCH_ONLY=${only || '(all)'}`);

  let ctx: BrowserContext | undefined;
  try {
    if (only === '' || only === 'startup') {
      // The product's build, and the yardstick: a blank page served by the same server.
      const product = await buildServer({ webRoot: resolve('out/renderer'), dataDir: mkdtempSync(join(tmpdir(), 'meja-startup-data-')) });
      product.get('/__blank', (_req, reply) => reply.type('text/html; charset=utf-8').send(BLANK_HTML));
      await product.listen({ port: 0, host: '127.0.0.1' });
      const pa = product.server.address();
      const r = await startupBench(`http://127.0.0.1:${typeof pa === 'object' && pa ? pa.port : 0}`, { runs: env('BENCH_STARTUP_RUNS', 5), executablePath, args }, say).finally(() => product.close());
      const app = stats(r.app.map((x) => x.ms));
      const blank = stats(r.blank.map((x) => x.ms));
      const live = stats(r.app.map((x) => x.liveMs));
      const kb = Math.max(...r.app.map((x) => x.jsBytes)) / 1024;
      const list: Row[] = [
        {
          figure: `cold start to the first interactive screen, new Chromium each run (p50 / max of ${r.runs})`,
          real: `${ms(app.p50)} / ${ms(app.max)} ms`, raw: `${ms(blank.p50)} / ${ms(blank.max)} ms (blank page)`, ratio: app.p50 / blank.p50, target: 'ratio ≤ 2', pass: app.p50 / blank.p50 <= 2,
        },
        {
          figure: `cold start to the application live (its own screen took over), p50 / max`,
          real: `${ms(live.p50)} / ${ms(live.max)} ms`, raw: `${ms(blank.p50)} / ${ms(blank.max)} ms (blank page)`, ratio: live.p50 / blank.p50, target: '≤ 1 s (issue title)', pass: live.p50 <= 1000,
        },
        { figure: 'JavaScript fetched until the application is live', real: `${Math.round(kb)} KB in ${Math.max(...r.app.map((x) => x.jsFiles))} files`, raw: '—', ratio: NaN, target: '≤ 800 KB', pass: kb <= 800 },
        ...(r.screens ?? []).map((x) => ({ figure: `open ${x.path} after sign-in (click to heading, median of 3)`, real: `${x.ms} ms`, raw: '—', ratio: NaN, target: 'reported' })),
      ];
      console.log('');
      console.log(`Meja IT startup — ${cpus().length} × ${cpus()[0]?.model ?? '?'}`);
      console.log(table(list));
      mkdirSync('bench/results', { recursive: true });
      writeFileSync('bench/results/startup-latest.json', JSON.stringify({ date: new Date().toISOString(), result: r, rows: list }, null, 2) + '\n');
      console.log('wrote bench/results/startup-latest.json');
    }
    if (only === '' || only === 'trust') {
      // Signed events (issue 10): signing and verifying per event, and the push path.
      const l = await launch(profile, base);
      ctx = l.ctx;
      const page = await l.page.evaluate((o) => window.benchSigning(o), { n: 2000 });
      await ctx.close();
      ctx = undefined;
      const trust = await trustBench(env('BENCH_TRUST_EVENTS', 10_002), Math.max(1, env('BENCH_TRUST_ROUNDS', 3)), (process.env.BENCH_TRUST_WARMUP === '0' ? 0 : env('BENCH_TRUST_WARMUP', 1)), say);
      const p = trust.push;
      const rate = (p.events / p.ms) * 1000;
      const list: Row[] = [
        { figure: `content hash of an event (Chromium)`, real: `${page.contentHashUs} µs`, raw: '—', ratio: NaN, target: 'reported' },
        { figure: `sign, WebCrypto Ed25519 (Chromium), one at a time / ${page.n} together`, real: `${page.webcrypto.signSeqUs} / ${page.webcrypto.signParUs} µs`, raw: `${page.noble.signUs} µs (@noble/curves)`, ratio: page.webcrypto.signSeqUs / page.noble.signUs, target: 'reported' },
        { figure: `verify, WebCrypto Ed25519 (Chromium), one at a time / together`, real: `${page.webcrypto.verifySeqUs} / ${page.webcrypto.verifyParUs} µs`, raw: `${page.noble.verifyUs} µs (@noble/curves)`, ratio: page.webcrypto.verifySeqUs / page.noble.verifyUs, target: 'reported' },
        { figure: `verify on the server, ${trust.node.implementation} (in use)`, real: `${trust.node.verifyUs} µs`, raw: `${trust.node.verifyNodeUs} µs (node:crypto)`, ratio: trust.node.verifyUs / trust.node.verifyNodeUs, target: 'reported' },
        { figure: `verify on the server, node:crypto`, real: `${trust.node.verifyNodeUs} µs`, raw: `${trust.node.nobleVerifyUs} µs (@noble/curves in Node)`, ratio: trust.node.verifyNodeUs / trust.node.nobleVerifyUs, target: 'reported' },
        {
          figure: `push ${p.events} signed events (${p.visits} visits, 6 commands each; ${p.requests} requests) to the embedded server, replayed and verified — median of ${p.rounds.length} rounds`,
          real: `${sec(p.ms)}, ${perSec(p.events, p.ms)} events${p.rejected ? `, ${p.rejected} REFUSED` : ''}`, raw: `${sec(p.rawMs)} (the same rows, raw PGlite)`,
          ratio: p.ratio, target: '≥ 2,000 events/s and ratio ≤ 3', pass: rate >= 2000 && p.ratio <= 3 && p.rejected === 0,
        },
        ...p.rounds.map((r, i) => ({ figure: `  round ${i + 1}: push / raw`, real: `${sec(r.ms)}, ${perSec(p.events, r.ms)} events`, raw: sec(r.rawMs), ratio: r.ms / r.rawMs, target: 'reported' })),
        { figure: `  CPU time, every thread of the process (median of the rounds)`, real: sec(p.cpuMs), raw: sec(p.rawCpuMs), ratio: p.cpuMs / p.rawCpuMs, target: 'reported' },
        { figure: `  the desk's part, not timed above: its ${p.requests} requests as JSON, each signed by the device`, real: `${p.prepareMs} ms`, raw: '—', ratio: NaN, target: 'reported' },
      ];
      console.log('');
      console.log(`Meja IT signed events — ${cpus().length} × ${cpus()[0]?.model ?? '?'}`);
      console.log(table(list));
      mkdirSync('bench/results', { recursive: true });
      writeFileSync('bench/results/trust-latest.json', JSON.stringify({ date: new Date().toISOString(), page, trust, rows: list }, null, 2) + '\n');
      console.log('wrote bench/results/trust-latest.json');
    }
    if (only === '' || only === 'incidents') {
      await incidentBench(profile, base, (c) => (ctx = c));
    }
    if (only === '' || only === 'store') {
      const first = await launch(profile, base);
      ctx = first.ctx;
      const result = await first.page.evaluate((o) => window.runBench(o), options);
      await ctx.close();
      ctx = undefined;

      // Open-to-usable from a cold browser: restart Chromium on the same profile, rotating sides.
      const sides = options.candidates ? (['real', 'raw', 'candidate'] as const) : (['real', 'raw'] as const);
      const coldTimes: Record<'real' | 'raw' | 'candidate', number[]> = { real: [], raw: [], candidate: [] };
      for (let i = 0; i < coldRuns * sides.length; i++) {
        const side = sides[i % sides.length]!;
        const l = await launch(profile, base);
        ctx = l.ctx;
        const name = side === 'raw' ? result.dbNames.raw : result.dbNames.real;
        const o = await l.page.evaluate((a) => window.benchOpen(a), { name, side });
        coldTimes[side].push(o.ms);
        say(`open-to-usable after restart (${side}): ${o.ms.toFixed(1)} ms, ${o.inside} inside, ${o.page} log rows`);
        await ctx.close();
        ctx = undefined;
      }
      const cold = { real: stats(coldTimes.real), raw: stats(coldTimes.raw) };

      const list = rows(result, cold);
      const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, browser: result.userAgent };
      console.log('');
      console.log(`Meja IT store benchmark — ${result.history.visits} visits, ${result.history.events} events from ${result.history.firstDay.slice(0, 10)}, ${machine.cpus} × ${machine.cpuModel}`);
      console.log(`final statuses ${JSON.stringify(result.history.statuses)}; sanity [meja-it, raw] ${JSON.stringify(result.sanity)}`);
      console.log('ratio = meja-it ÷ raw Dexie time (p50 for latencies; for seeding, raw rate ÷ meja-it rate)');
      console.log('');
      console.log(table(list));
      const failed = list.filter((x) => x.pass === false);
      console.log('');
      console.log(failed.length === 0 ? 'All targets met.' : `${failed.length} of ${list.length} targets missed: ${failed.map((x) => x.figure).join('; ')}`);
      if (result.candidates) {
        const c = result.candidates;
        console.log('');
        console.log('Candidate changes to src/ (bench/page/candidates.ts), measured on the same data, not applied:');
        const lines: string[][] = [['figure', 'current', 'candidate', 'gain (p50)']];
        const pair = (x: Stats) => `${ms(x.p50)} / ${ms(x.p95)} ms`;
        const gain = (a: number, b: number) => `${(a - b).toFixed(2)} ms (${Math.round((1 - b / a) * 100)}%)`;
        for (const [type, x] of Object.entries(c.commits)) lines.push([`commitParallel ${type} (p50 / p95)`, pair(x.current), pair(x.candidate), gain(x.current.p50, x.candidate.p50)]);
        for (const x of Object.values(c.queries)) {
          lines.push([`${x.label} (p50 / p95)${x.same ? '' : ' CANDIDATE WRONG'}`, pair(x.current), pair(x.candidate), gain(x.current.p50, x.candidate.p50)]);
        }
        const openCold = stats(coldTimes.candidate);
        lines.push(['open-to-usable with the open-visits row, new connection (p50 / p95)', pair(result.openWarm.real), pair(c.openWarm), gain(result.openWarm.real.p50, c.openWarm.p50)]);
        lines.push(['open-to-usable with the open-visits row, browser restarted (p50 / max)', `${ms(cold.real.p50)} / ${ms(cold.real.max)} ms`, `${ms(openCold.p50)} / ${ms(openCold.max)} ms`, gain(cold.real.p50, openCold.p50)]);
        lines.push([`status='inside' read: this store vs a fresh copy of its newest ${c.staleIndex.freshRows} visits`, pair(c.staleIndex.churned), pair(c.staleIndex.fresh), '']);
        const w = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
        for (const l of lines) console.log(l.map((v, i) => v.padEnd(w[i]!)).join('  ').trimEnd());
        console.log(`CPU parts of commit (µs per call): ${Object.entries(c.cpuMicros).map(([k, v]) => `${k} ${v}`).join('; ')}`);
      }
      console.log(`benchmark page ran ${Math.round(result.totalMs / 1000)} s; whole run ${Math.round((Date.now() - t0) / 1000)} s`);

      mkdirSync('bench/results', { recursive: true });
      const file = 'bench/results/latest.json';
      writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine, options: { ...options, coldRuns }, rows: list, result, openCold: { ...cold, candidate: stats(coldTimes.candidate), samples: coldTimes } }, null, 2) + '\n');
      console.log(`wrote ${file}`);
    }
    if (only === '' || only === 'tickets') {
      await ticketsBench(profile, base, (c) => (ctx = c));
    }
    if (only === '' || only === 'assets') await assetBench(profile, base, (c) => (ctx = c));
    if (only === '' || only === 'sync') {
      await syncBench(server, profile, base, (c) => (ctx = c));
    }
  } finally {
    if (ctx) await ctx.close().catch(() => undefined);
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (!process.env.BENCH_PROFILE) rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error('benchmark failed:', e);
  process.exit(1);
});
