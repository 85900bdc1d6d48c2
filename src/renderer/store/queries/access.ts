/**
 * Read queries over the access requests projection (SOP-IT-003): whose move it is, oldest first
 * ([waitingRole+submittedAt]; `waitingRole` is unset once nobody has to act, so finished
 * requests are not in the index), one employee's requests (`employeeId`), and the list page
 * ([status+submittedAt] / submittedAt, newest first).
 */
import Dexie from 'dexie';
import type { AccessRequestState, AccessStatus } from '@shared/domain/access/state';
import type { ConsoleDb } from '../db';

export const ACCESS_PAGE = 50;
const MIN = '0000';
const MAX = '9999';

function waitingFor(db: ConsoleDb, role: 'admin' | 'technician') {
  return db.accessRequests.where('[waitingRole+submittedAt]').between([role, MIN], [role, MAX]);
}

/**
 * Requests waiting for the IT Manager's decision, oldest first — without those whose current
 * version the user recorded, since nobody decides on their own version.
 */
export function accessAwaitingDecision(db: ConsoleDb, userId: string, limit = ACCESS_PAGE): Promise<AccessRequestState[]> {
  return waitingFor(db, 'admin')
    .filter((r) => r.submittedBy !== userId)
    .limit(limit)
    .toArray();
}

/**
 * Approved requests whose accesses the IT team still has to create, oldest first — without those
 * of employees who have left meanwhile: nothing may be granted to them any more (the command
 * refuses it), so their requests are closed from the leavers list instead.
 */
export async function accessAwaitingProvisioning(db: ConsoleDb, limit = ACCESS_PAGE): Promise<AccessRequestState[]> {
  const resigned = new Set(await db.employees.where('status').equals('resigned').primaryKeys());
  return waitingFor(db, 'technician')
    .filter((r) => !resigned.has(r.employeeId))
    .limit(limit)
    .toArray();
}

/** One employee's access requests, newest first. */
export async function accessRequestsOf(db: ConsoleDb, employeeId: string): Promise<AccessRequestState[]> {
  const rows = await db.accessRequests.where('employeeId').equals(employeeId).toArray();
  return rows.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
}

/** The access request list: newest first, by status from [status+submittedAt], one page at a time. */
export const ACCESS_PAGE_SIZE = 25;

export async function accessListPage(db: ConsoleDb, status: AccessStatus | '', page = 0, size = ACCESS_PAGE_SIZE): Promise<{ rows: AccessRequestState[]; hasMore: boolean }> {
  const collection = status
    ? db.accessRequests.where('[status+submittedAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]).reverse()
    : db.accessRequests.orderBy('submittedAt').reverse();
  const rows = await collection.offset(page * size).limit(size + 1).toArray();
  return { rows: rows.slice(0, size), hasMore: rows.length > size };
}
