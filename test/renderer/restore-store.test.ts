/**
 * Restore requests in the store (fake-indexeddb, SOP 4): "My work" lists, oldest request first,
 * the requests waiting for the IT Manager (admins; never those they recorded) and those approved
 * by both waiting for the IT team; the list is newest first and filters by status; finished
 * requests leave the queues.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleDb } from '../../src/renderer/store/db';
import { commitAs, type TestCommand } from '../fixtures/signing';
import { restoreListPage, restoresWaitingFor } from '../../src/renderer/store/queries/restore';
import type { RestoreState } from '../../src/shared/domain/restore/state';
import type { PasswordHash } from '../../src/shared/domain/user/state';
import { hashPassword } from '../../src/shared/password';
import type { Actor } from '../../src/shared/roles';

let password: PasswordHash;
beforeAll(async () => {
  password = await hashPassword('Rahasia123', 1000);
});
const opened: ConsoleDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const ADMIN = crypto.randomUUID();
const TECH = crypto.randomUUID();
const OFFICER = crypto.randomUUID();
const admin: Actor = { userId: ADMIN, roles: ['admin'] };
const tech: Actor = { userId: TECH, roles: ['technician'] };
const officer: Actor = { userId: OFFICER, roles: ['officer'] };
let t = Date.parse('2026-03-09T01:00:00.000Z');
const now = () => new Date(t);

async function must(db: ConsoleDb, actor: Actor, command: TestCommand) {
  const r = await commitAs(db, actor, command, now);
  if (!r.ok) throw new Error(`${command.type} refused: ${r.error.message}`);
}

async function office() {
  const db = new ConsoleDb(`test-${crypto.randomUUID()}`);
  opened.push(db);
  t = Date.parse('2026-03-09T01:00:00.000Z');
  await must(db, admin, {
    type: 'org.setUp',
    input: {
      profile: { name: 'Dinas Komunikasi dan Informatika', unit: 'Bidang TIK', address: 'Jl. Merdeka No. 1, Bandung', timeZone: 'WIB', badgePool: ['B-01'], docPrefix: 'TIK', idleLockMinutes: 15 },
      admin: { id: ADMIN, username: 'kepala.tik', displayName: 'Kepala Bidang TIK', roles: ['admin'], password },
    },
  });
  await must(db, admin, { type: 'user.create', input: { id: TECH, username: 'rahmat', displayName: 'Rahmat', roles: ['technician'], password } });
  await must(db, admin, { type: 'user.create', input: { id: OFFICER, username: 'budi', displayName: 'Budi', roles: ['officer'], password } });
  const andi = crypto.randomUUID();
  await must(db, tech, { type: 'employee.create', input: { id: andi, nip: '199203032015031002', name: 'Andi Wijaya', department: 'Bidang Keuangan', position: 'Analis', email: '', status: 'active' } });
  return { db, andi };
}

const request = (employeeId: string, minutesAgo: number) => ({
  type: 'restore.request' as const,
  input: {
    id: crypto.randomUUID(), employeeId, scope: 'files' as const, target: 'D:\\Dokumen\\Anggaran.xlsx', backupDate: '2026-03-08', source: 'cloud' as const, reason: 'corrupted' as const,
    reasonNote: '', requestedAt: new Date(t - minutesAgo * 60_000).toISOString(),
  },
});
const ids = (rows: RestoreState[]) => rows.map((r) => r.id);

describe('restore requests in the store', () => {
  it('queues oldest first: the IT Manager’s approvals (not their own requests), then the IT team’s restores', async () => {
    const { db, andi } = await office();
    const a = request(andi, 30);
    const b = request(andi, 90);
    const own = request(andi, 120);
    await must(db, officer, a);
    await must(db, officer, b);
    await must(db, admin, own);
    const me = { id: ADMIN, roles: ['admin'] };
    expect(ids(await restoresWaitingFor(db, me))).toEqual([b.input.id, a.input.id]);
    expect(await restoresWaitingFor(db, { id: TECH, roles: ['technician'] })).toEqual([]);
    expect(await restoresWaitingFor(db, { id: OFFICER, roles: ['officer'] })).toEqual([]);

    t += 60_000;
    await must(db, admin, { type: 'restore.managerDecide', input: { id: a.input.id, approved: true, note: '' } });
    expect(ids(await restoresWaitingFor(db, me))).toEqual([b.input.id]);
    expect(await restoresWaitingFor(db, { id: TECH, roles: ['technician'] })).toEqual([]);
    await must(db, officer, { type: 'restore.userDecide', input: { id: a.input.id, approved: true, name: 'Andi Wijaya', method: 'email', confirmedAt: now().toISOString(), note: '' } });
    expect(ids(await restoresWaitingFor(db, { id: TECH, roles: ['technician'] }))).toEqual([a.input.id]);
    // An admin is also in the IT team: both queues, oldest request first.
    expect(ids(await restoresWaitingFor(db, me))).toEqual([b.input.id, a.input.id]);

    t += 60_000;
    await must(db, tech, { type: 'restore.perform', input: { id: a.input.id, startedAt: new Date(t - 30_000).toISOString(), completedAt: now().toISOString(), restored: 'Anggaran.xlsx versi 8 Maret', verification: 'ok', verificationNote: '' } });
    expect(await restoresWaitingFor(db, { id: TECH, roles: ['technician'] })).toEqual([]);

    expect(ids((await restoreListPage(db, '')).rows)).toEqual([a.input.id, b.input.id, own.input.id]);
    expect(ids((await restoreListPage(db, 'completed')).rows)).toEqual([a.input.id]);
    expect(ids((await restoreListPage(db, 'requested')).rows)).toEqual([b.input.id, own.input.id]);
  });
});
