/**
 * Restore requests in the store (fake-indexeddb, SOP 4): "My work" lists, oldest request first,
 * the requests waiting for the IT Manager (admins; never those they recorded) and those approved
 * by both waiting for the IT team; the list is newest first and filters by status; finished
 * requests leave the queues.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteTestDbs, employeeInput, openOffice, type TestClock } from '../fixtures/office';
import { restoreListPage, restoresWaitingFor } from '@renderer/store/queries/restore';
import type { RestoreState } from '@shared/domain/restore/state';

afterEach(deleteTestDbs);

/** The IT Manager, an officer, a technician and one employee. */
async function office() {
  const o = await openOffice({ people: ['officer', 'technician'] });
  const andi = employeeInput('Andi Wijaya', '199203032015031002', { department: 'Bidang Keuangan', position: 'Analis' });
  await o.must(o.technician, { type: 'employee.create', input: andi });
  return { o, db: o.db, andi: andi.id };
}

const request = (clock: TestClock, employeeId: string, minutesAgo: number) => ({
  type: 'restore.request' as const,
  input: {
    id: crypto.randomUUID(), employeeId, scope: 'files' as const, target: 'D:\\Dokumen\\Anggaran.xlsx', backupDate: '2026-03-08', source: 'cloud' as const, reason: 'corrupted' as const,
    reasonNote: '', requestedAt: new Date(clock.ms - minutesAgo * 60_000).toISOString(),
  },
});
const ids = (rows: RestoreState[]) => rows.map((r) => r.id);

describe('restore requests in the store', () => {
  it('queues oldest first: the IT Manager’s approvals (not their own requests), then the IT team’s restores', async () => {
    const { o, db, andi } = await office();
    const { admin, officer, technician: tech } = o;
    const [ADMIN, TECH, OFFICER] = [admin.userId, tech.userId, officer.userId];
    const a = request(o.clock, andi, 30);
    const b = request(o.clock, andi, 90);
    const own = request(o.clock, andi, 120);
    await o.must(officer, a);
    await o.must(officer, b);
    await o.must(admin, own);
    const me = { id: ADMIN, roles: ['admin'] };
    expect(ids(await restoresWaitingFor(db, me))).toEqual([b.input.id, a.input.id]);
    expect(await restoresWaitingFor(db, { id: TECH, roles: ['technician'] })).toEqual([]);
    expect(await restoresWaitingFor(db, { id: OFFICER, roles: ['officer'] })).toEqual([]);

    o.clock.advance(1);
    await o.must(admin, { type: 'restore.managerDecide', input: { id: a.input.id, approved: true, note: '' } });
    expect(ids(await restoresWaitingFor(db, me))).toEqual([b.input.id]);
    expect(await restoresWaitingFor(db, { id: TECH, roles: ['technician'] })).toEqual([]);
    await o.must(officer, { type: 'restore.userDecide', input: { id: a.input.id, approved: true, name: 'Andi Wijaya', method: 'email', confirmedAt: o.clock.iso, note: '' } });
    expect(ids(await restoresWaitingFor(db, { id: TECH, roles: ['technician'] }))).toEqual([a.input.id]);
    // An admin is also in the IT team: both queues, oldest request first.
    expect(ids(await restoresWaitingFor(db, me))).toEqual([b.input.id, a.input.id]);

    o.clock.advance(1);
    await o.must(tech, { type: 'restore.perform', input: { id: a.input.id, startedAt: new Date(o.clock.ms - 30_000).toISOString(), completedAt: o.clock.iso, restored: 'Anggaran.xlsx versi 8 Maret', verification: 'ok', verificationNote: '' } });
    expect(await restoresWaitingFor(db, { id: TECH, roles: ['technician'] })).toEqual([]);

    expect(ids((await restoreListPage(db, '')).rows)).toEqual([a.input.id, b.input.id, own.input.id]);
    expect(ids((await restoreListPage(db, 'completed')).rows)).toEqual([a.input.id]);
    expect(ids((await restoreListPage(db, 'requested')).rows)).toEqual([b.input.id, own.input.id]);
  });
});
