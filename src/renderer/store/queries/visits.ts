/**
 * Read queries over the visits projection. Each uses the index that narrows the most: a name
 * prefix, else status with the date range, else the date range alone; the remaining filters
 * run on that narrowed cursor, and a page stops reading as soon as it is full.
 */
import { mayDecideVisit, type VisitState, type VisitStatus } from '../../../shared/domain/visit/state';
import type { ConsoleDb } from '../db';

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
  const ids = (await db.lists.get('openVisits'))?.ids ?? [];
  return (await db.visits.bulkGet(ids)).filter((v): v is VisitState => !!v);
}

/** Who is inside the server room right now, longest inside first. */
export async function visitsInside(db: ConsoleDb): Promise<VisitState[]> {
  const rows = (await openVisits(db)).filter((v) => v.status === 'inside');
  return rows.sort((a, b) => (a.enteredAt ?? '').localeCompare(b.enteredAt ?? ''));
}

/** Visits waiting for an approver, oldest first. */
export async function visitsAwaitingApproval(db: ConsoleDb): Promise<VisitState[]> {
  return (await openVisits(db)).filter((v) => v.status === 'awaiting_approval').sort((a, b) => a.registeredAt.localeCompare(b.registeredAt));
}

/**
 * The approvals queue of one user: visits awaiting approval that this user may decide (an
 * approver who did not register them: separation of duties), oldest first. The nav count and
 * "My work" count the same list.
 */
export async function visitsAwaitingDecisionBy(db: ConsoleDb, user: { id: string; roles: readonly string[] }): Promise<VisitState[]> {
  if (!user.roles.includes('approver')) return [];
  return (await visitsAwaitingApproval(db)).filter((v) => mayDecideVisit(v, user));
}

/** Visits whose visitors are at the desk: awaiting approval or approved (badge or not), oldest first. */
export async function visitsInProgress(db: ConsoleDb): Promise<VisitState[]> {
  return (await openVisits(db)).filter((v) => v.status !== 'inside').sort((a, b) => a.registeredAt.localeCompare(b.registeredAt));
}

/** Visitors whose name starts with the given text (case-insensitive). */
export function visitsByNamePrefix(db: ConsoleDb, prefix: string, limit = PAGE_SIZE): Promise<VisitState[]> {
  return db.visits.where('nameLower').startsWith(prefix.trim().toLowerCase()).limit(limit).toArray();
}

/** One page of the visit log, newest first; `hasMore` tells whether another page exists. */
export async function visitLogPage(db: ConsoleDb, f: VisitFilter, page = 0, size = PAGE_SIZE): Promise<{ rows: VisitState[]; hasMore: boolean }> {
  const from = f.from ?? MIN;
  const to = f.to ?? MAX;
  const name = f.name?.trim().toLowerCase() ?? '';
  const org = f.organisation?.trim().toLowerCase() ?? '';
  const inRange = (v: VisitState) => v.registeredAt >= from && v.registeredAt < to;
  let collection;
  if (name) {
    collection = db.visits.where('nameLower').startsWith(name).filter((v) => inRange(v) && (!f.status || v.status === f.status) && (!org || v.orgLower.includes(org)));
  } else if (f.status) {
    collection = db.visits.where('[status+registeredAt]').between([f.status, from], [f.status, to], true, false).reverse();
    if (org) collection = collection.filter((v) => v.orgLower.includes(org));
  } else {
    collection = db.visits.where('registeredAt').between(from, to, true, false).reverse();
    if (org) collection = collection.filter((v) => v.orgLower.includes(org));
  }
  if (name) {
    // The name index yields name order: take every match, then page newest first.
    const all = (await collection.toArray()).sort((a, b) => b.registeredAt.localeCompare(a.registeredAt));
    return { rows: all.slice(page * size, (page + 1) * size), hasMore: all.length > (page + 1) * size };
  }
  const rows = await collection.offset(page * size).limit(size + 1).toArray();
  return { rows: rows.slice(0, size), hasMore: rows.length > size };
}
