/**
 * Read queries over the incidents projection. "Waiting for my role" walks
 * [status+turnRole+stepStartedAt] once per role the user holds (oldest step first) and merges;
 * the list pages newest-reported first over reportedAt or [status+reportedAt]. Neither loads
 * the whole table.
 */
import type { IncidentState } from '@shared/domain/incident/state';
import type { Role } from '@shared/roles';
import type { ConsoleDb } from '../db';

export const INCIDENT_PAGE_SIZE = 25;
const MIN = '0000';
const MAX = '9999';

/** Open incidents whose turn is one of these roles, oldest step first (at most `limit`). */
export async function incidentsWaitingFor(db: ConsoleDb, roles: readonly Role[], limit = 50): Promise<IncidentState[]> {
  const lists = await Promise.all(
    [...new Set(roles)].map((r) => db.incidents.where('[status+turnRole+stepStartedAt]').between(['open', r, MIN], ['open', r, MAX]).limit(limit).toArray()),
  );
  return lists
    .flat()
    .sort((a, b) => a.stepStartedAt.localeCompare(b.stepStartedAt))
    .slice(0, limit);
}

/** How many open incidents wait for one of these roles (the nav badge). */
export async function countWaitingFor(db: ConsoleDb, roles: readonly Role[]): Promise<number> {
  const counts = await Promise.all([...new Set(roles)].map((r) => db.incidents.where('[status+turnRole]').equals(['open', r]).count()));
  return counts.reduce((a, b) => a + b, 0);
}

export interface IncidentFilter {
  status?: IncidentState['status'] | '';
}

/** One page of the incident list, newest report first; `hasMore` tells whether another page exists. */
export async function incidentListPage(db: ConsoleDb, f: IncidentFilter, page = 0, size = INCIDENT_PAGE_SIZE): Promise<{ rows: IncidentState[]; hasMore: boolean }> {
  const collection = f.status
    ? db.incidents.where('[status+reportedAt]').between([f.status, MIN], [f.status, MAX]).reverse()
    : db.incidents.orderBy('reportedAt').reverse();
  const rows = await collection.offset(page * size).limit(size + 1).toArray();
  return { rows: rows.slice(0, size), hasMore: rows.length > size };
}
