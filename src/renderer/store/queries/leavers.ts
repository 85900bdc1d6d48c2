/**
 * Leavers: employees marked "Berhenti" and what they still have — accesses in force (SOP-IT-003)
 * and assets to collect (SOP 2). Resigned employees come from the `status` index; each one's
 * requests from `employeeId` and assets from `holderId`, so the list costs one index range
 * plus two small lookups per leaver, however many employees the office has.
 */
import { activeGrantsOf, type AccessGrant, type AccessRequestState } from '@shared/domain/access/state';
import type { AssetState } from '@shared/domain/asset/state';
import type { EmployeeState } from '@shared/domain/employee/state';
import type { ConsoleDb } from '../db';
import { accessRequestsOf } from './access';

export interface LeaverAccess {
  request: AccessRequestState;
  grant: AccessGrant;
}

export interface Leaver {
  employee: EmployeeState;
  /** When the resignation was recorded; undefined when no event says (an imported list). */
  since: string | undefined;
  /** Accesses still in force, request by request. */
  access: LeaverAccess[];
  /** Approved requests whose remaining items can no longer be given: to close. */
  approvedOpen: AccessRequestState[];
  /** Assets still assigned to them. */
  assets: AssetState[];
}

/** Whether anything remains to revoke, close or collect. */
export const leaverHasOpenItems = (l: Pick<Leaver, 'access' | 'approvedOpen' | 'assets'>): boolean => l.access.length > 0 || l.approvedOpen.length > 0 || l.assets.length > 0;

/**
 * When the employee's resignation was recorded: the fold keeps it; a projection folded before
 * it did is answered from the employee's own events (the last one that set 'resigned').
 */
export async function resignedSince(db: ConsoleDb, employee: EmployeeState): Promise<string | undefined> {
  if (employee.status !== 'resigned') return undefined;
  if (employee.resignedAt) return employee.resignedAt;
  const events = await db.events.where('[kind+recordId]').equals(['employee', employee.id]).toArray();
  let since: string | undefined;
  for (const e of events.sort((a, b) => a.hlc.localeCompare(b.hlc))) {
    const status = (e.payload as { status?: unknown }).status;
    if (status === 'resigned' && since === undefined) since = e.at;
    else if (status === 'active') since = undefined;
  }
  return since;
}

/** One leaver's open items. */
export async function leaverOf(db: ConsoleDb, employee: EmployeeState): Promise<Leaver> {
  const [since, requests, assets] = await Promise.all([resignedSince(db, employee), accessRequestsOf(db, employee.id), db.assets.where('holderId').equals(employee.id).toArray()]);
  return {
    employee,
    since,
    access: requests.flatMap((request) => activeGrantsOf(request).map((grant) => ({ request, grant }))),
    approvedOpen: requests.filter((r) => r.status === 'approved'),
    assets: assets.sort((a, b) => a.tag.localeCompare(b.tag)),
  };
}

/** Every resigned employee with what remains, most recent resignation first; `openOnly` keeps those with something left. */
export async function leavers(db: ConsoleDb, opts: { openOnly?: boolean } = {}): Promise<Leaver[]> {
  const resigned = await db.employees.where('status').equals('resigned').toArray();
  const rows = await Promise.all(resigned.map((e) => leaverOf(db, e)));
  return rows
    .filter((l) => !opts.openOnly || leaverHasOpenItems(l))
    .sort((a, b) => (b.since ?? '').localeCompare(a.since ?? '') || a.employee.name.localeCompare(b.employee.name));
}
