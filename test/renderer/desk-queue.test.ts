/**
 * The server-room desk's store questions: the approvals queue lists only the visits the
 * signed-in user may decide (separation of duties) and counts the same, and the store answers
 * "which open visit holds this card" from the open-visits row, so commit() refuses a second
 * registration of a held card and writes nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { dexieLookups } from '@renderer/store/commit';
import { countAwaitingDecisionBy, countOwnAwaitingApproval, visitsAwaitingApproval, visitsAwaitingDecisionBy } from '@renderer/store/queries/visits';
import { deleteTestDbs, openOffice } from '../fixtures/office';
import type { TestCommand } from '../fixtures/signing';
import type { Actor } from '@shared/roles';

afterEach(deleteTestDbs);

/** Monday 2 March 2026, 08.00 WIB: an officer who may also approve, an officer, an approver. */
async function office() {
  const o = await openOffice({ people: ['officerApprover', 'officer', 'approver'], profile: { badgePool: ['B-01', 'B-02'] }, at: '2026-03-02T01:00:00.000Z' });
  return { o, db: o.db, both: o.officerApprover, officer: o.officer, approver: o.approver };
}

const visit = (idNumber: string, visitorName = 'Rudi Hermawan') =>
  ({
    type: 'visit.register',
    input: {
      id: crypto.randomUUID(), visitorName, idType: 'ktp', idNumber, organisation: 'PT Data Nusantara', phone: '081234567890',
      purpose: 'Penggantian disk', workPlan: 'Mengganti disk yang rusak', plannedMinutes: 60, devices: [],
    },
  }) as const satisfies TestCommand;

const asUser = (a: Actor) => ({ id: a.userId, roles: a.roles });

describe('the approvals queue', () => {
  it('lists and counts only the visits this user may decide, never their own registrations', async () => {
    const { o, db, both, officer, approver } = await office();
    const own = visit('3171011203850001', 'Registered by Budi');
    const other = visit('3171011203850002', 'Registered by Rina');
    await o.must(both, own);
    await o.must(officer, other);

    // Both registered at the same instant (the tests' clock): the index orders such ties by id.
    const names = async (p: Promise<{ visitorName: string }[]>) => (await p).map((v) => v.visitorName).sort();
    expect(await names(visitsAwaitingApproval(db))).toEqual(['Registered by Budi', 'Registered by Rina']);
    // Budi registered one: he may decide only Rina's.
    expect((await visitsAwaitingDecisionBy(db, asUser(both))).map((v) => v.visitorName)).toEqual(['Registered by Rina']);
    // Sari registered neither: both are hers to decide.
    expect(await names(visitsAwaitingDecisionBy(db, asUser(approver)))).toEqual(['Registered by Budi', 'Registered by Rina']);
    // An officer decides nothing.
    expect(await visitsAwaitingDecisionBy(db, asUser(officer))).toEqual([]);
    // The nav count and the "your own registrations" line count the same, from the index.
    expect(await countAwaitingDecisionBy(db, asUser(both))).toBe(1);
    expect(await countAwaitingDecisionBy(db, asUser(approver))).toBe(2);
    expect(await countAwaitingDecisionBy(db, asUser(officer))).toBe(0);
    expect(await countOwnAwaitingApproval(db, both.userId)).toBe(1);
    expect(await countOwnAwaitingApproval(db, approver.userId)).toBe(0);

    // And every visit listed is one the domain lets that user decide.
    for (const v of await visitsAwaitingDecisionBy(db, asUser(both))) {
      expect((await o.commit(both, { type: 'visit.decide', input: { id: v.id, approved: true } })).ok).toBe(true);
    }
    expect(await visitsAwaitingDecisionBy(db, asUser(both))).toEqual([]);
    expect(await countAwaitingDecisionBy(db, asUser(both))).toBe(0);
    expect(await countOwnAwaitingApproval(db, both.userId)).toBe(1);
    const refused = await o.commit(both, { type: 'visit.decide', input: { id: own.input.id, approved: true } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'self-approval' } });
  });
});

describe('one held card, one open visit (the store)', () => {
  it('finds the open visit holding a card, and commit() refuses a second registration, writing nothing', async () => {
    const { o, db, officer, approver } = await office();
    const first = visit('3171011203850001');
    await o.must(officer, first);
    expect(await dexieLookups(db).idDocumentHolder('ktp', '3171011203850001')).toBe(first.input.id);
    expect(await dexieLookups(db).idDocumentHolder('sim', '3171011203850001')).toBeUndefined();

    const events = await db.events.count();
    const again = await o.commit(officer, visit('3171 0112 0385 0001', 'Rudi H.'));
    expect(again).toMatchObject({ ok: false, error: { code: 'id-held', field: 'idNumber', params: { visitId: first.input.id, name: 'Rudi Hermawan' } } });
    expect(await db.events.count()).toBe(events);

    // Refused: the card goes back, and the same card may come in again.
    await o.must(approver, { type: 'visit.decide', input: { id: first.input.id, approved: false, reason: 'Tidak ada surat tugas' } });
    expect(await dexieLookups(db).idDocumentHolder('ktp', '3171011203850001')).toBeUndefined();
    await o.must(officer, visit('3171011203850001'));
  });
});
