import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ConsoleDb } from '@renderer/store/db';
import { visitLogPage, type VisitFilter } from '@renderer/store/queries/visits';
import type { VisitState } from '@shared/domain/visit/state';

/** A small office's visit log, deterministic (a linear congruential generator). */
function visits(n: number): VisitState[] {
  let seed = 7;
  const rnd = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % k);
  const names = ['sri wahyuni', 'sri mulyani', 'budi santoso', 'siti aminah', 'srikandi', 'agus salim', 'dewi lestari'];
  const orgs = ['pt telkom indonesia', 'telkomsel', 'pt fiberstar', 'cv maju jaya', 'dinas kominfo', 'pt lintasarta', 'biznet', 'icon+', 'pt moratel'];
  const statuses = ['archived', 'archived', 'archived', 'checked_out', 'inside', 'awaiting_approval'] as const;
  const start = Date.parse('2026-09-01T00:00:00.000Z');
  return Array.from({ length: n }, (_, i) => {
    const name = names[rnd(names.length)]!;
    const org = orgs[rnd(orgs.length)]!;
    // Several visits share a time, so ties are broken by id.
    const registeredAt = new Date(start + rnd(90) * 86_400_000 + rnd(4) * 3_600_000).toISOString();
    return { id: `v-${String(i).padStart(4, '0')}`, status: statuses[rnd(statuses.length)]!, registeredAt, nameLower: name, orgLower: org } as unknown as VisitState;
  });
}

/** What the page must hold: every visit that passes the filter, newest first (ties: id descending). */
function expected(all: VisitState[], f: VisitFilter, page: number, size: number): { ids: string[]; hasMore: boolean } {
  const from = f.from ?? '0000';
  const to = f.to ?? '9999';
  const name = f.name?.toLowerCase() ?? '';
  const org = f.organisation?.toLowerCase() ?? '';
  const hits = all
    .filter((v) => v.registeredAt >= from && v.registeredAt < to && (!name || v.nameLower.startsWith(name)) && (!org || v.orgLower.includes(org)) && (!f.status || v.status === f.status))
    .sort((a, b) => b.registeredAt.localeCompare(a.registeredAt) || b.id.localeCompare(a.id));
  return { ids: hits.slice(page * size, (page + 1) * size).map((v) => v.id), hasMore: hits.length > (page + 1) * size };
}

describe('the visit log page', () => {
  it('answers every filter from its index exactly as a scan of all visits would, page by page', async () => {
    const db = new ConsoleDb(`log-${crypto.randomUUID()}`);
    const all = visits(600);
    await db.transaction('rw', db.writeTables, () => db.writeProjections(all.map((v) => ({ kind: 'visit' as const, id: v.id, state: v }))));
    const range = { from: '2026-10-01T00:00:00.000Z', to: '2026-10-31T00:00:00.000Z' };
    const filters: VisitFilter[] = [
      {},
      range,
      { ...range, organisation: 'fiberstar' },
      { ...range, organisation: 'Telkom' },
      { ...range, organisation: 'pt', status: 'archived' },
      { organisation: 'telkom', status: 'inside' },
      { ...range, name: 'sri' },
      { ...range, name: 'Sri', status: 'archived' },
      // A name with each status, a prefix shorter than the name key (the name index's keys), longer ones.
      { ...range, name: 'sri', status: 'inside' },
      { ...range, name: 'sri', status: 'checked_out', organisation: 'telkom' },
      { name: 's', status: 'awaiting_approval' },
      { name: 'srikandi', status: 'archived' },
      { ...range, name: 'tidak ada', status: 'archived' },
      { ...range, name: 'sr' },
      { name: 'Sri W', status: 'archived' },
      { ...range, name: 'srikandi', organisation: 'telkom' },
      { name: 'sri', organisation: 'telkom' },
      { ...range, status: 'archived' },
      { ...range, organisation: 'tidak ada' },
      // Matches more than 8 organisations: the date-range scan.
      { ...range, organisation: 'e' },
      { ...range, organisation: 'a', status: 'archived' },
    ];
    // The rows the store keeps: each with its name key, which no reader sees.
    expect(await db.visits.get(all[0]!.id)).toEqual(all[0]);
    for (const f of filters) {
      for (const page of [0, 1, 2]) {
        const got = await visitLogPage(db, f, page, 10);
        const want = expected(all, f, page, 10);
        // Rows of equal registration time may come in either order from the range scans.
        expect({ ids: got.rows.map((v) => v.id).sort(), hasMore: got.hasMore }, JSON.stringify({ f, page })).toEqual({ ids: [...want.ids].sort(), hasMore: want.hasMore });
      }
    }
  });
});
