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
import { commands, folds, type Command, type StateOf } from '../../shared/domain/registry';
import type { CommandHandler } from '../../shared/domain/types';
import { ORG_ID } from '../../shared/domain/org/state';
import type { VisitState, VisitStatus } from '../../shared/domain/visit/state';
import { eventHash, type DomainEvent, type RecordKind } from '../../shared/events';
import { formatHlc, tickHlc } from '../../shared/hlc';
import { newId } from '../../shared/ids';
import { fail, ok, type Failure, type Result } from '../../shared/result';
import type { Actor } from '../../shared/roles';
import { deviceMeta, dexieLookups } from '../store/commit';
import type { Table } from 'dexie';
import type { ConsoleDb } from '../store/db';
import { PAGE_SIZE } from '../store/queries/visits';

class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.code);
  }
}

export async function commitParallel(db: ConsoleDb, actor: Actor, command: Command, clock: () => Date = () => new Date()): Promise<Result<DomainEvent[]>> {
  const handler = commands[command.type] as unknown as CommandHandler<unknown, unknown>;
  if (!handler) return fail('unknown-command', 'errors.invalidInput');
  const parsed = handler.input.safeParse(command.input);
  if (!parsed.success) return fail('invalid-input', 'errors.invalidInput');
  const recordId = handler.recordId(parsed.data);
  try {
    const events = await db.transaction('rw', db.writeTables, async () => {
      const now = clock();
      // Change 1: the reads every command needs, in parallel.
      const [state, org, head] = await Promise.all([db.projection(handler.kind).get(recordId), db.org.get(ORG_ID), db.meta.get('device')]);
      const decided = await handler.decide(parsed.data, { actor, now: now.toISOString(), state, org, lookups: dexieLookups(db) });
      if (!decided.ok) throw new Refusal(decided.error);
      if (decided.data.length === 0) return [];
      const meta = head ?? (await deviceMeta(db));
      let { seq, lastHash, hlc } = meta;
      const states = new Map<string, unknown>([[`${handler.kind}:${recordId}`, state]]);
      const touched = new Map<string, { kind: RecordKind; state: unknown }>();
      const out: DomainEvent[] = [];
      for (const draft of decided.data) {
        hlc = tickHlc(hlc, now.getTime());
        seq += 1;
        const unsigned = { ...draft, id: newId(), actorId: actor.userId, deviceId: meta.deviceId, deviceSeq: seq, hlc: formatHlc(hlc), at: now.toISOString(), prevHash: lastHash };
        const e: DomainEvent = { ...unsigned, hash: eventHash(unsigned) };
        lastHash = e.hash;
        out.push(e);
        const key = `${e.kind}:${e.recordId}`;
        const prev = states.has(key) ? states.get(key) : await db.projection(e.kind).get(e.recordId);
        const next = (folds[e.kind] as (s: unknown, ev: DomainEvent) => unknown)(prev, e);
        states.set(key, next);
        touched.set(key, { kind: e.kind, state: next });
      }
      // Change 2: the writes queued together (IndexedDB runs them in order, in this transaction).
      await Promise.all([
        db.events.bulkAdd(out),
        db.outbox.bulkAdd(out.map((e) => ({ eventId: e.id }))),
        ...[...touched.values()].map(({ kind, state: s }) => db.projection(kind).put(s as StateOf[typeof kind])),
        db.meta.put({ ...meta, seq, lastHash, hlc }),
      ]);
      return out;
    });
    return ok(events);
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.failure };
    throw e;
  }
}

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
