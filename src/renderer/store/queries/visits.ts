/**
 * Read queries over the visits projection. Each uses the index that narrows the most: a name
 * prefix (its first letters and the registration time in one key, so only the visits of those
 * letters in the date range are read; a prefix shorter than that walks the name index's keys), else the few organisations the typed text matches (one newest-first range each),
 * else status with the date range, else the date range alone; the remaining filters run on that
 * narrowed cursor, and a page stops reading as soon as it is full.
 */
import { mayDecideVisit, type VisitState, type VisitStatus } from '@shared/domain/visit/state';
import type { ConsoleDb, OpenVisitsRow, VisitOrgsRow } from '../db';
import { VISIT_NAME_KEY_LENGTH, visitNameKey } from '../visit-name-key';

export interface VisitFilter {
  /** ISO instants bounding registeredAt (from inclusive, to exclusive). */
  from?: string;
  to?: string;
  name?: string;
  organisation?: string;
  status?: VisitStatus | '';
}

export const PAGE_SIZE = 25;
const MIN = '0000';
const MAX = '9999';

/** Every visit not finished yet (awaiting approval, approved, inside), via the open-visits row. */
export async function openVisits(db: ConsoleDb): Promise<VisitState[]> {
  const ids = ((await db.lists.get('openVisits')) as OpenVisitsRow | undefined)?.ids ?? [];
  return (await db.visits.bulkGet(ids)).filter((v): v is VisitState => !!v);
}

/** Who is inside the server room right now, longest inside first. */
export async function visitsInside(db: ConsoleDb): Promise<VisitState[]> {
  const rows = (await openVisits(db)).filter((v) => v.status === 'inside');
  return rows.sort((a, b) => (a.enteredAt ?? '').localeCompare(b.enteredAt ?? ''));
}

/** The visits awaiting approval, oldest first: one range of the [status+registeredAt] index. */
function awaitingApproval(db: ConsoleDb) {
  return db.visits.where('[status+registeredAt]').between(['awaiting_approval', MIN], ['awaiting_approval', MAX]);
}

/** Visits waiting for an approver, oldest first. */
export function visitsAwaitingApproval(db: ConsoleDb): Promise<VisitState[]> {
  return awaitingApproval(db).toArray();
}

/**
 * The approvals queue of one user: visits awaiting approval that this user may decide (an
 * approver who did not register them: separation of duties), oldest first. The nav count and
 * "My work" count the same list.
 */
export async function visitsAwaitingDecisionBy(db: ConsoleDb, user: { id: string; roles: readonly string[] }): Promise<VisitState[]> {
  if (!user.roles.includes('approver')) return [];
  return awaitingApproval(db)
    .filter((v) => mayDecideVisit(v, user))
    .toArray();
}

/** How many visits awaiting approval this user may decide: the approvals nav count. */
export function countAwaitingDecisionBy(db: ConsoleDb, user: { id: string; roles: readonly string[] }): Promise<number> {
  if (!user.roles.includes('approver')) return Promise.resolve(0);
  return awaitingApproval(db)
    .filter((v) => mayDecideVisit(v, user))
    .count();
}

/** How many visits this user registered still await approval (by another approver). */
export function countOwnAwaitingApproval(db: ConsoleDb, userId: string): Promise<number> {
  return awaitingApproval(db)
    .filter((v) => v.registeredBy === userId)
    .count();
}

/** Visits whose visitors are at the desk: awaiting approval or approved (badge or not), oldest first. */
export async function visitsInProgress(db: ConsoleDb): Promise<VisitState[]> {
  return (await openVisits(db)).filter((v) => v.status !== 'inside').sort((a, b) => a.registeredAt.localeCompare(b.registeredAt));
}

/** Visitors whose name starts with the given text (case-insensitive). */
export function visitsByNamePrefix(db: ConsoleDb, prefix: string, limit = PAGE_SIZE): Promise<VisitState[]> {
  return db.visits.where('nameLower').startsWith(prefix.trim().toLowerCase()).limit(limit).toArray();
}

/** Above this many organisations matching the typed text, the filter is not selective: scan the date range instead. */
const ORG_INDEX_MAX = 8;
/** Visits read per request while a name's candidates are checked against the other filters. */
const CHUNK = 50;

const newestFirst = (a: VisitState, b: VisitState) => b.registeredAt.localeCompare(a.registeredAt) || b.id.localeCompare(a.id);

/** One page of the visit log, newest first; `hasMore` tells whether another page exists. */
export async function visitLogPage(db: ConsoleDb, f: VisitFilter, page = 0, size = PAGE_SIZE): Promise<{ rows: VisitState[]; hasMore: boolean }> {
  const from = f.from ?? MIN;
  const to = f.to ?? MAX;
  const name = f.name?.trim().toLowerCase() ?? '';
  const org = f.organisation?.trim().toLowerCase() ?? '';
  const want = (page + 1) * size + 1;
  const pageOf = (rows: VisitState[]) => ({ rows: rows.slice(page * size, (page + 1) * size), hasMore: rows.length > (page + 1) * size });
  const others = (v: VisitState) => (!f.status || v.status === f.status) && (!org || v.orgLower.includes(org));
  if (name.length >= VISIT_NAME_KEY_LENGTH) {
    // One contiguous range of [nameKey+registeredAt]: the visits whose names start with the
    // same letters, registered in the range, newest first; read until the page is full.
    const key = visitNameKey(name);
    const rows = await db.visits
      .where('[nameKey+registeredAt]')
      .between([key, from], [key, to], true, false)
      .reverse()
      .filter((v) => v.nameLower.startsWith(name) && others(v))
      .limit(want)
      .toArray();
    return pageOf(rows);
  }
  if (name) {
    // A shorter prefix: the [nameLower+registeredAt] keys alone (no visit read) give every visit
    // whose name starts with the text and when it was registered; those in the range are read
    // newest first, a chunk at a time, until the page is full.
    const hits: { at: string; id: string }[] = [];
    await db.visits
      .where('[nameLower+registeredAt]')
      .between([name, MIN], [`${name}\uffff`, MAX], true, true)
      .eachKey((key, cursor) => {
        const at = (key as [string, string])[1];
        if (at >= from && at < to) hits.push({ at, id: cursor.primaryKey as string });
      });
    hits.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
    const rows: VisitState[] = [];
    for (let i = 0; i < hits.length && rows.length < want; i += CHUNK) {
      const chunk = await db.visits.bulkGet(hits.slice(i, i + CHUNK).map((h) => h.id));
      for (const v of chunk) if (v && others(v)) rows.push(v);
    }
    return pageOf(rows);
  }
  if (org) {
    const known = ((await db.lists.get('visitOrgs')) as VisitOrgsRow | undefined)?.orgs;
    const orgs = known?.filter((o) => o.includes(org));
    if (orgs && orgs.length <= ORG_INDEX_MAX) {
      const read = async (o: string) => {
        const range = () => db.visits.where('[orgLower+registeredAt]').between([o, from], [o, to], true, false).reverse();
        if (!f.status) return range().limit(want).toArray();
        // A few pages' worth usually holds a page of the wanted status; else filter the range.
        const first = await range().limit(4 * want).toArray();
        const hits = first.filter((v) => v.status === f.status);
        if (hits.length >= want || first.length < 4 * want) return hits;
        return range().filter((v) => v.status === f.status).limit(want).toArray();
      };
      return pageOf((await Promise.all(orgs.map(read))).flat().sort(newestFirst));
    }
  }
  let collection;
  if (f.status) {
    collection = db.visits.where('[status+registeredAt]').between([f.status, from], [f.status, to], true, false).reverse();
    if (org) collection = collection.filter((v) => v.orgLower.includes(org));
  } else {
    collection = db.visits.where('registeredAt').between(from, to, true, false).reverse();
    if (org) collection = collection.filter((v) => v.orgLower.includes(org));
  }
  const rows = await collection.offset(page * size).limit(size + 1).toArray();
  return { rows: rows.slice(0, size), hasMore: rows.length > size };
}
