/**
 * Read queries over assets, employees and handover documents. Each picks the index that narrows
 * the most (a tag/serial prefix on the multiEntry `keys`, else [status+category], status or
 * category, else tag order), filters the rest on that cursor and stops when the page is full.
 */
import { addMonths, ASSET_CATEGORIES, DUE_SOON_DAYS, maintenanceDue, maintenanceMonths, tagKey, type AssetCategory, type AssetState, type AssetStatus } from '@shared/domain/asset/state';
import type { EmployeeState } from '@shared/domain/employee/state';
import type { HandoverState } from '@shared/domain/handover/state';
import { normaliseSerial } from '@shared/validators/serial';
import type { ConsoleDb } from '../db';

export interface InventoryFilter {
  /** Tag or serial prefix (a scanner types the whole serial), or brand/model prefix. */
  q?: string;
  status?: AssetStatus | '';
  category?: AssetCategory | '';
  location?: string;
}

export const ASSET_PAGE_SIZE = 25;

/** The asset with exactly this serial (device or accessory) or tag: what a scanner finds. */
export async function assetByCode(db: ConsoleDb, raw: string): Promise<AssetState | undefined> {
  const code = normaliseSerial(raw);
  if (!code) return undefined;
  return db.assets.where('keys').anyOf([`S:${code}`, tagKey(raw)]).first();
}

/** One page of the inventory, in tag order (search results: matches first by key). */
export async function inventoryPage(db: ConsoleDb, f: InventoryFilter, page = 0, size = ASSET_PAGE_SIZE): Promise<{ rows: AssetState[]; hasMore: boolean }> {
  const q = normaliseSerial(f.q ?? '');
  const loc = f.location?.trim().toLowerCase() ?? '';
  const rest = (a: AssetState) => (!f.status || a.status === f.status) && (!f.category || a.category === f.category) && (!loc || a.locationLower.startsWith(loc));
  if (q) {
    const byKey = db.assets.where('keys').startsWithAnyOf([`S:${q}`, `T:${q}`]).distinct().filter(rest);
    const rows = await byKey.offset(page * size).limit(size + 1).toArray();
    if (rows.length === 0 && page === 0) {
      const text = (f.q ?? '').trim().toLowerCase();
      const byText = await db.assets.where('textLower').startsWith(text).filter(rest).limit(size + 1).toArray();
      return { rows: byText.slice(0, size), hasMore: byText.length > size };
    }
    return { rows: rows.slice(0, size), hasMore: rows.length > size };
  }
  if (loc) {
    // Location prefix: with status and category, one range of [status+category+locationLower];
    // otherwise the locationLower range, filtered by the rest, stopping when the page is full.
    const collection =
      f.status && f.category
        ? db.assets.where('[status+category+locationLower]').between([f.status, f.category, loc], [f.status, f.category, `${loc}\uffff`])
        : db.assets.where('locationLower').startsWith(loc).filter(rest);
    const rows = await collection.offset(page * size).limit(size + 1).toArray();
    return { rows: rows.slice(0, size), hasMore: rows.length > size };
  }
  let collection;
  if (f.status && f.category) collection = db.assets.where('[status+category]').equals([f.status, f.category]);
  else if (f.status) collection = db.assets.where('status').equals(f.status);
  else if (f.category) collection = db.assets.where('category').equals(f.category);
  else collection = db.assets.orderBy('tag');
  const rows = await collection.offset(page * size).limit(size + 1).toArray();
  return { rows: rows.slice(0, size), hasMore: rows.length > size };
}

/** Counts by status, for the inventory's summary. */
export async function statusCounts(db: ConsoleDb): Promise<Record<AssetStatus, number>> {
  const statuses = ['in_stock', 'assigned', 'maintenance', 'awaiting_wipe', 'retired', 'lost'] as const;
  const counts = await Promise.all(statuses.map((s) => db.assets.where('status').equals(s).count()));
  return Object.fromEntries(statuses.map((s, i) => [s, counts[i]])) as Record<AssetStatus, number>;
}

export interface DueRow {
  asset: AssetState;
  dueAt: string;
  state: 'due' | 'overdue';
}

/**
 * Assigned assets whose maintenance is overdue or due within DUE_SOON_DAYS, soonest first.
 * Reads only [category+maintBase] below each category's cutoff (maintBase is set only while
 * an asset is assigned).
 */
export async function maintenanceDueList(db: ConsoleDb, settings: Partial<Record<string, number>> | undefined, now: string): Promise<DueRow[]> {
  const horizon = new Date(Date.parse(now) + DUE_SOON_DAYS * 86_400_000).toISOString();
  const lists = await Promise.all(
    ASSET_CATEGORIES.map((c) => db.assets.where('[category+maintBase]').between([c, ''], [c, addMonths(horizon, -maintenanceMonths(settings, c))], true, true).toArray()),
  );
  const out: DueRow[] = [];
  for (const a of lists.flat()) {
    const due = maintenanceDue(a, settings, now);
    if (due && due.state !== 'ok') out.push({ asset: a, dueAt: due.dueAt, state: due.state });
  }
  return out.sort((x, y) => x.dueAt.localeCompare(y.dueAt));
}

/** Assets awaiting their data wipe. */
export function awaitingWipe(db: ConsoleDb, limit = 200): Promise<AssetState[]> {
  return db.assets.where('status').equals('awaiting_wipe').limit(limit).toArray();
}

/** Employees by name prefix or NIP prefix, name order. */
export async function employeesPage(db: ConsoleDb, q: string, page = 0, size = ASSET_PAGE_SIZE): Promise<{ rows: EmployeeState[]; hasMore: boolean }> {
  const text = q.trim();
  const collection = !text ? db.employees.orderBy('nameLower') : /^\d+$/.test(text) ? db.employees.where('keys').startsWith(`N:${text}`) : db.employees.where('nameLower').startsWith(text.toLowerCase());
  const rows = await collection.offset(page * size).limit(size + 1).toArray();
  return { rows: rows.slice(0, size), hasMore: rows.length > size };
}

/** Assets an employee holds now. */
export function assetsHeldBy(db: ConsoleDb, employeeId: string): Promise<AssetState[]> {
  return db.assets.where('holderId').equals(employeeId).toArray();
}

/** An employee's handover and return documents, newest first. */
export async function documentsOf(db: ConsoleDb, employeeId: string): Promise<HandoverState[]> {
  return (await db.handovers.where('employeeId').equals(employeeId).toArray()).sort((a, b) => b.at.localeCompare(a.at));
}
