/**
 * Read queries over the restore requests projection (SOP 4): the list newest first (by status
 * from [status+requestedAt]), and whose move it is, oldest first ([waitingRole+requestedAt];
 * `waitingRole` is unset once nobody in IT has to act, so closed requests are not in the index).
 */
import Dexie from 'dexie';
import type { RestoreState, RestoreStatus } from '@shared/domain/restore/state';
import type { ConsoleDb } from '../db';

export const RESTORE_PAGE_SIZE = 25;

export async function restoreListPage(db: ConsoleDb, status: RestoreStatus | '', page = 0, size = RESTORE_PAGE_SIZE): Promise<{ rows: RestoreState[]; hasMore: boolean }> {
  const collection = status
    ? db.restores.where('[status+requestedAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]).reverse()
    : db.restores.orderBy('requestedAt').reverse();
  const rows = await collection.offset(page * size).limit(size + 1).toArray();
  return { rows: rows.slice(0, size), hasMore: rows.length > size };
}

const waitingFor = (db: ConsoleDb, role: 'admin' | 'technician') => db.restores.where('[waitingRole+requestedAt]').between([role, Dexie.minKey], [role, Dexie.maxKey]);

/**
 * What waits for this user, oldest request first: as IT Manager (admins) the requests without
 * the manager's decision, except those they recorded; as the IT team (technicians, admins) the
 * requests approved by both and not yet performed.
 */
export async function restoresWaitingFor(db: ConsoleDb, user: { id: string; roles: readonly string[] }, limit = 50): Promise<RestoreState[]> {
  const admin = user.roles.includes('admin');
  const it = admin || user.roles.includes('technician');
  const [toApprove, toPerform] = await Promise.all([
    admin ? waitingFor(db, 'admin').filter((r) => r.recordedBy !== user.id).limit(limit).toArray() : [],
    it ? waitingFor(db, 'technician').limit(limit).toArray() : [],
  ]);
  return [...toApprove, ...toPerform].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt)).slice(0, limit);
}
