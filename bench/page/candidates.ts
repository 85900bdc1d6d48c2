/**
 * Candidate changes to src/renderer/store, measured by the benchmark beside the current code
 * on the same database. Nothing here is used by the console: these are experiments whose
 * figures say whether a change to src/ is worth making (docs/benchmarks.md has the results).
 *
 *  - commitParallel(): commit() with its independent IndexedDB requests issued together — the
 *    three reads (record, org, device chain head) in one Promise.all, and the four writes
 *    (events, outbox, projection, chain head) queued without awaiting each. Same validation,
 *    same events, same transaction; each await saved is one round trip to the browser process.
 *  - the open-visits row (insideFromOpenSet() and friends): see below.
 */
import type { VisitState, VisitStatus } from '@shared/domain/visit/state';
import { commitAs } from './keys';
import type { Table } from 'dexie';
import type { ConsoleDb } from '@renderer/store/db';

/** Adopted: commit() now issues its reads and writes together; kept as a name for the bench's comparison. */
export const commitParallel = commitAs;

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

