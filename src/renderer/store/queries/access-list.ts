/** The access request list: newest first, by status from [status+submittedAt], one page at a time. */
import Dexie from 'dexie';
import type { AccessRequestState, AccessStatus } from '../../../shared/domain/access/state';
import type { ConsoleDb } from '../db';

export const ACCESS_PAGE_SIZE = 25;

export async function accessListPage(db: ConsoleDb, status: AccessStatus | '', page = 0, size = ACCESS_PAGE_SIZE): Promise<{ rows: AccessRequestState[]; hasMore: boolean }> {
  const collection = status
    ? db.accessRequests.where('[status+submittedAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]).reverse()
    : db.accessRequests.orderBy('submittedAt').reverse();
  const rows = await collection.offset(page * size).limit(size + 1).toArray();
  return { rows: rows.slice(0, size), hasMore: rows.length > size };
}
