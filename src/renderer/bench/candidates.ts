/**
 * Candidate changes to src/renderer/store, measured by the benchmark beside the current code
 * on the same database. Nothing here is used by the console: these are experiments whose
 * figures say whether a change to src/ is worth making (docs/benchmarks.md has the results).
 *
 *  - commitParallel(): commit() with its independent IndexedDB requests issued together — the
 *    three reads (record, org, device chain head) in one Promise.all, and the four writes
 *    (events, outbox, projection, chain head) queued without awaiting each. Same validation,
 *    same events, same transaction; each await saved is one round trip to the browser process.
 *  - the open-visits row (insideFromOpenSet() and friends) and logPageByOrgIndex(): see below.
 */
import { foldRecord, folds } from '../../shared/domain/registry';
import type { VisitState, VisitStatus } from '../../shared/domain/visit/state';
import type { DomainEvent, RecordKind } from '../../shared/events';
import { commit } from '../store/commit';
import Dexie, { type Table } from 'dexie';
import type { ConsoleDb } from '../store/db';
import { PAGE_SIZE } from '../store/queries/visits';

/** Adopted: commit() now issues its reads and writes together; kept as a name for the bench's comparison. */
export const commitParallel = commit;

// ---------------------------------------------------------------------------------------------
// The open-visits row: the ids of the visits that are not finished (awaiting approval,
// approved, inside), kept in one row that commit() and ingest() would update in the same
// transaction whenever a visit enters or leaves those states. The board, the approvals list
// and the badge check then read one row and ~30 visits by primary key, instead of an index
// range that Chromium's IndexedDB fills with stale entries: a status change leaves the old
// index entry behind (removed only by an occasional sweeper), so the 'inside' range of a
// store that has seen 100,000 visits holds ~100,000 dead entries to step over.
// ---------------------------------------------------------------------------------------------

export const OPEN_SET_KEY = 'bench-open-visits';
const OPEN: VisitStatus[] = ['awaiting_approval', 'approved', 'inside'];
interface OpenSetRow {
  key: string;
  ids: string[];
}
const openSetTable = (db: ConsoleDb) => db.meta as unknown as Table<OpenSetRow, string>;

/** Writes the row once from the current projection (the benchmark's stand-in for commit/ingest keeping it). */
export async function writeOpenSet(db: ConsoleDb): Promise<number> {
  const ids = await db.visits.where('status').anyOf(OPEN).primaryKeys();
  await openSetTable(db).put({ key: OPEN_SET_KEY, ids });
  return ids.length;
}

async function openVisits(db: ConsoleDb): Promise<VisitState[]> {
  const row = await openSetTable(db).get(OPEN_SET_KEY);
  return (await db.visits.bulkGet(row?.ids ?? [])).filter((v): v is VisitState => !!v && OPEN.includes(v.status));
}

const byEntered = (a: VisitState, b: VisitState) => (a.enteredAt ?? '').localeCompare(b.enteredAt ?? '');

export async function insideFromOpenSet(db: ConsoleDb): Promise<VisitState[]> {
  return (await openVisits(db)).filter((v) => v.status === 'inside').sort(byEntered);
}

export async function inProgressFromOpenSet(db: ConsoleDb): Promise<VisitState[]> {
  return (await openVisits(db)).filter((v) => v.status !== 'inside');
}

export async function badgeHolderFromOpenSet(db: ConsoleDb, badge: string): Promise<string | undefined> {
  return (await openVisits(db)).find((v) => v.badgeOut === badge)?.id;
}

/**
 * An index-backed organisation filter (a schema change): a `[orgLower+registeredAt]` index, the
 * typed text resolved as a substring against the distinct organisations (which the page keeps:
 * reading them from the orgLower index costs a scan of it), then one indexed, newest-first
 * range read per matching organisation. Returns undefined when the text matches more than 8
 * organisations: then the filter is not selective and the current scan fills a page early.
 */
export async function logPageByOrgIndex(
  visits: Table<VisitState, string>,
  f: { status?: VisitStatus; from: string; to: string; organisation: string },
  knownOrgs: string[],
  size = PAGE_SIZE,
): Promise<VisitState[] | undefined> {
  const org = f.organisation.trim().toLowerCase();
  const orgs = knownOrgs.filter((o) => o.includes(org));
  if (orgs.length > 8) return undefined;
  const read = async (o: string) => {
    const range = () => visits.where('[orgLower+registeredAt]').between([o, f.from], [o, f.to], true, false).reverse();
    if (!f.status) return range().limit(size + 1).toArray();
    // One getAll of a few pages' worth usually holds a page of the wanted status; else scan.
    const first = await range().limit(4 * (size + 1)).toArray();
    const hits = first.filter((v) => v.status === f.status);
    if (hits.length > size || first.length < 4 * (size + 1)) return hits;
    return range().filter((v) => v.status === f.status).limit(size + 1).toArray();
  };
  const pages = await Promise.all(orgs.map(read));
  return pages.flat().sort((a, b) => b.registeredAt.localeCompare(a.registeredAt) || b.id.localeCompare(a.id)).slice(0, size);
}

// ---------------------------------------------------------------------------------------------
// Event layouts for the initial sync (a fresh console pulling the whole office). Today ingest()
// writes one IndexedDB row per event (plus its four index entries) and one projection row per
// touched record: ~6 event rows and 1 visit row per visit, where the raw baseline writes the 1
// visit row. Two layouts that write fewer, larger rows, each measured on the same pull pages:
//
//  - 'record rows': one row per record holding that record's events array (key 'kind:recordId'),
//    beside the projection. A page touching ~170 visits writes ~170 record rows + ~170 visit
//    rows instead of ~1000 event rows + ~170 visit rows. Every per-record question (re-fold,
//    markRejected, idempotency) is one get; no per-event index.
//  - 'page rows': each pull page stored as ONE row (key = the server cursor it ends at) holding
//    its events, with a multiEntry index of the records it touches (for re-folds); the
//    projections as today. ~1 + 170 rows per page.
// Both fold exactly as ingest() does (bulkGet the touched projections, fold in HLC order,
// bulkPut), and check records new to the store for events stored earlier (as ingest() does with
// its [kind+recordId] look-up).
// ---------------------------------------------------------------------------------------------


export interface RecordEventsRow {
  key: string;
  events: DomainEvent[];
}

export interface EventPageRow {
  cursor: number;
  records: string[];
  events: DomainEvent[];
}

/** A database with the console's projection tables and one candidate event table. */
export function layoutDb(name: string, layout: 'record' | 'page', projections: Record<string, string>): Dexie {
  const d = new Dexie(name);
  d.version(1).stores({ ...projections, ...(layout === 'record' ? { recordEvents: '&key' } : { eventPages: '&cursor, *records' }) });
  return d;
}

const recordTable = (kind: RecordKind) => (kind === 'visit' ? 'visits' : kind === 'user' ? 'users' : 'org');

/** Folds fresh events (HLC order) onto the stored projections; returns the states to write. */
function foldOnto(fresh: DomainEvent[], states: Map<string, unknown>): void {
  for (const e of fresh) {
    if (e.status === 'rejected') continue;
    const key = `${e.kind}:${e.recordId}`;
    states.set(key, (folds[e.kind] as (s: unknown, ev: DomainEvent) => unknown)(states.get(key), e));
  }
}

async function readProjections(d: Dexie, keys: string[]): Promise<Map<string, unknown>> {
  const byKind = new Map<RecordKind, string[]>();
  for (const k of keys) {
    const kind = k.slice(0, k.indexOf(':')) as RecordKind;
    (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(k.slice(k.indexOf(':') + 1));
  }
  const states = new Map<string, unknown>();
  for (const [kind, ids] of byKind) {
    const rows = await d.table(recordTable(kind)).bulkGet(ids);
    ids.forEach((id, i) => states.set(`${kind}:${id}`, rows[i]));
  }
  return states;
}

async function writeProjections(d: Dexie, states: Map<string, unknown>): Promise<void> {
  const byKind = new Map<RecordKind, unknown[]>();
  for (const [k, v] of states) {
    if (v === undefined) continue;
    const kind = k.slice(0, k.indexOf(':')) as RecordKind;
    (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(v);
  }
  await Promise.all([...byKind].map(([kind, rows]) => d.table(recordTable(kind)).bulkPut(rows)));
}

const byHlc = (a: DomainEvent, b: DomainEvent) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0);

/** 'record rows': one row per record with its events. Returns how many events were new. */
export async function ingestRecordRows(d: Dexie, batch: DomainEvent[]): Promise<number> {
  const tables = ['recordEvents', 'org', 'users', 'visits'];
  return d.transaction('rw', tables, async () => {
    const keys = [...new Set(batch.map((e) => `${e.kind}:${e.recordId}`))];
    const [rows, states] = await Promise.all([d.table('recordEvents').bulkGet(keys) as Promise<(RecordEventsRow | undefined)[]>, readProjections(d, keys)]);
    const byKey = new Map(keys.map((k, i) => [k, rows[i] ?? { key: k, events: [] }]));
    const fresh: DomainEvent[] = [];
    const seen = new Map<string, Set<string>>();
    for (const e of [...batch].sort(byHlc)) {
      const key = `${e.kind}:${e.recordId}`;
      const row = byKey.get(key)!;
      const ids = seen.get(key) ?? seen.set(key, new Set(row.events.map((x) => x.id))).get(key)!;
      if (ids.has(e.id)) continue;
      ids.add(e.id);
      fresh.push(e);
    }
    if (fresh.length === 0) return 0;
    // Late records (as ingest()): stored events but no projection, or an event older than the folded state.
    const mine = new Map<string, DomainEvent[]>();
    for (const e of fresh) (mine.get(`${e.kind}:${e.recordId}`) ?? mine.set(`${e.kind}:${e.recordId}`, []).get(`${e.kind}:${e.recordId}`)!).push(e);
    const late = new Set<string>();
    for (const [key, list] of mine) {
      const row = byKey.get(key)!;
      const cur = states.get(key) as { hlc?: string } | undefined;
      if ((cur === undefined && row.events.length > 0) || (cur?.hlc !== undefined && list.some((e) => e.hlc < cur.hlc!))) late.add(key);
    }
    for (const key of late) states.set(key, foldRecord(key.slice(0, key.indexOf(':')) as RecordKind, [...byKey.get(key)!.events, ...mine.get(key)!]));
    foldOnto(fresh.filter((e) => !late.has(`${e.kind}:${e.recordId}`)), states);
    for (const e of fresh) byKey.get(`${e.kind}:${e.recordId}`)!.events.push(e);
    await Promise.all([d.table('recordEvents').bulkPut([...byKey.values()]), writeProjections(d, states)]);
    return fresh.length;
  });
}

/** 'page rows': the pull page as one row (its cursor is the key), projections as today. */
export async function ingestPageRow(d: Dexie, batch: DomainEvent[], cursor: number): Promise<number> {
  const tables = ['eventPages', 'org', 'users', 'visits'];
  return d.transaction('rw', tables, async () => {
    if (batch.length === 0 || (await d.table('eventPages').get(cursor))) return 0;
    const keys = [...new Set(batch.map((e) => `${e.kind}:${e.recordId}`))];
    const states = await readProjections(d, keys);
    // Records new to the store that already have events in earlier pages: re-fold those.
    const missing = keys.filter((k) => states.get(k) === undefined);
    const earlier = missing.length > 0 ? ((await d.table('eventPages').where('records').anyOf(missing).toArray()) as EventPageRow[]) : [];
    const fresh = [...batch].sort(byHlc);
    const late = new Set<string>();
    for (const p of earlier) for (const e of p.events) if (missing.includes(`${e.kind}:${e.recordId}`)) late.add(`${e.kind}:${e.recordId}`);
    for (const key of late) {
      const all = [...earlier.flatMap((p) => p.events), ...fresh].filter((e) => `${e.kind}:${e.recordId}` === key);
      states.set(key, foldRecord(key.slice(0, key.indexOf(':')) as RecordKind, all));
    }
    foldOnto(fresh.filter((e) => !late.has(`${e.kind}:${e.recordId}`)), states);
    await Promise.all([d.table('eventPages').put({ cursor, records: keys, events: batch } satisfies EventPageRow), writeProjections(d, states)]);
    return batch.length;
  });
}
