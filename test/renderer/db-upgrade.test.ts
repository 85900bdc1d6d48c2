import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ConsoleDb, type OpenVisitsRow, type VisitOrgsRow } from '@renderer/store/db';
import { visitsAwaitingApproval, visitsInProgress, visitsInside } from '@renderer/store/queries/visits';

const openRow = async (db: ConsoleDb) => (await db.lists.get('openVisits')) as OpenVisitsRow | undefined;
const v = (id: string, status: string, registeredAt: string) => ({ id, status, registeredAt, nameLower: id, orgLower: 'pt', enteredAt: registeredAt });

describe('schema upgrades', () => {
  it('v3 builds the open-visits row from the visits a v2 database already holds', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(2).stores({
      events: '&id, [kind+recordId], [deviceId+deviceSeq], hlc, status',
      outbox: '++seq, &eventId',
      meta: '&key',
      org: '&id',
      users: '&id, &username',
      visits: '&id, status, nameLower, orgLower, registeredAt, [status+registeredAt], badgeOut',
      sync: '&key',
    });
    await old.table('visits').bulkPut([
      v('a', 'inside', '2026-11-01T01:00:00.000Z'),
      v('b', 'awaiting_approval', '2026-11-02T01:00:00.000Z'),
      v('c', 'archived', '2026-11-03T01:00:00.000Z'),
      v('d', 'approved', '2026-11-01T02:00:00.000Z'),
      v('e', 'checked_out', '2026-11-04T01:00:00.000Z'),
    ]);
    old.close();

    const db = new ConsoleDb(name);
    expect((await openRow(db))?.ids.sort()).toEqual(['a', 'b', 'd']);
    expect((await visitsInside(db)).map((x) => x.id)).toEqual(['a']);
    expect((await visitsAwaitingApproval(db)).map((x) => x.id)).toEqual(['b']);
    expect((await visitsInProgress(db)).map((x) => x.id)).toEqual(['d', 'b']);
  });

  it('writeProjections keeps the open-visits row in step as visits open and close', async () => {
    const db = new ConsoleDb(`lists-${crypto.randomUUID()}`);
    await db.transaction('rw', db.writeTables, () => db.writeProjections([{ kind: 'visit', id: 'x', state: v('x', 'awaiting_approval', '2026-11-01T00:00:00.000Z') }]));
    expect((await openRow(db))?.ids).toEqual(['x']);
    await db.transaction('rw', db.writeTables, () => db.writeProjections([{ kind: 'visit', id: 'x', state: v('x', 'archived', '2026-11-01T00:00:00.000Z') }]));
    expect((await openRow(db))?.ids).toEqual([]);
    await db.transaction('rw', db.writeTables, () => db.writeProjections([{ kind: 'visit', id: 'y', state: { ...v('y', 'inside', '2026-11-01T00:00:00.000Z'), badgeOut: 'B-01' } }]));
    expect((await openRow(db))?.badges).toEqual({ 'B-01': 'y' });
    await db.transaction('rw', db.writeTables, () => db.writeProjections([{ kind: 'visit', id: 'y', state: v('y', 'checked_out', '2026-11-01T00:00:00.000Z') }]));
    expect((await openRow(db))?.badges).toEqual({});
    expect((await db.visits.get('x'))?.status).toBe('archived');
  });

  it('v10 lists the organisations a v9 database already holds, and writeProjections adds new ones', async () => {
    const name = `upgrade-orgs-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(9).stores({
      visits: '&id, status, nameLower, orgLower, registeredAt, [status+registeredAt], badgeOut',
      lists: '&key',
    });
    await old.table('visits').bulkPut([{ ...v('a', 'archived', '2026-11-01T01:00:00.000Z'), orgLower: 'pt telkom' }, { ...v('b', 'archived', '2026-11-02T01:00:00.000Z'), orgLower: 'cv maju' }, { ...v('c', 'inside', '2026-11-02T02:00:00.000Z'), orgLower: 'pt telkom' }]);
    old.close();
    const db = new ConsoleDb(name);
    const orgs = async () => ((await db.lists.get('visitOrgs')) as VisitOrgsRow | undefined)?.orgs;
    expect((await orgs())?.sort()).toEqual(['cv maju', 'pt telkom']);
    await db.transaction('rw', db.writeTables, () => db.writeProjections([{ kind: 'visit', id: 'd', state: { ...v('d', 'awaiting_approval', '2026-11-03T00:00:00.000Z'), orgLower: 'dinas kominfo' } }]));
    expect((await orgs())?.sort()).toEqual(['cv maju', 'dinas kominfo', 'pt telkom']);
  });

  it('v11 lists the ID documents the open visits of a v10 database hold, and writes a new stamp', async () => {
    const name = `upgrade-held-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(10).stores({
      visits: '&id, status, nameLower, orgLower, registeredAt, [status+registeredAt], badgeOut, [orgLower+registeredAt], [nameLower+registeredAt]',
      lists: '&key',
    });
    const card = (id: string, status: string, idHeld: boolean) => ({ ...v(id, status, '2026-11-01T01:00:00.000Z'), idType: 'ktp', idNumber: `73710112038500${id.charCodeAt(0)}`, idHeld });
    await old.table('visits').bulkPut([card('a', 'inside', true), card('b', 'approved', false), card('c', 'archived', false), card('d', 'awaiting_approval', true)]);
    await old.table('lists').bulkPut([
      { key: 'openVisits', ids: ['a', 'b', 'd'], badges: { 'B-01': 'a' } },
      { key: 'writeStamp', stamp: 'before' },
    ]);
    old.close();
    const db = new ConsoleDb(name);
    expect(await openRow(db)).toEqual({ key: 'openVisits', ids: ['a', 'b', 'd'], badges: { 'B-01': 'a' }, held: { a: 'ktp:7371011203850097', d: 'ktp:73710112038500100' } });
    expect((await db.lists.get('writeStamp')) as { stamp: string }).not.toEqual({ key: 'writeStamp', stamp: 'before' });
    // Every row has its name key for the log's name filter (readers never see it).
    expect(await db.visits.where('[nameKey+registeredAt]').between(['a', '0'], ['a', '9']).primaryKeys()).toEqual(['a']);
    expect(Object.keys((await db.visits.get('a'))!)).not.toContain('nameKey');
  });
});
