/**
 * Access requests in the store (fake-indexeddb, SOP-IT-003): "My work" lists requests waiting
 * for a decision oldest first without the user's own version, approved requests waiting for the
 * IT team, and each employee's requests newest first; finished requests leave both queues.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleDb } from '../../src/renderer/store/db';
import { commitAs, type TestCommand } from '../fixtures/signing';
import { accessAwaitingDecision, accessAwaitingProvisioning, accessRequestsOf } from '../../src/renderer/store/queries/access';
import type { AccessRequestState } from '../../src/shared/domain/access/state';
import type { Command } from '../../src/shared/domain/registry';
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
const ADMIN2 = crypto.randomUUID();
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
  await must(db, admin, { type: 'user.create', input: { id: ADMIN2, username: 'wakil', displayName: 'Wakil Kepala', roles: ['admin'], password } });
  await must(db, admin, { type: 'user.create', input: { id: TECH, username: 'rahmat', displayName: 'Rahmat', roles: ['technician'], password } });
  await must(db, admin, { type: 'user.create', input: { id: OFFICER, username: 'budi', displayName: 'Budi', roles: ['officer'], password } });
  const andi = crypto.randomUUID();
  const siti = crypto.randomUUID();
  await must(db, tech, { type: 'employee.create', input: { id: andi, nip: '199203032015031002', name: 'Andi Wijaya', department: 'Bidang Keuangan', position: 'Analis Keuangan', email: '', status: 'active' } });
  await must(db, tech, { type: 'employee.create', input: { id: siti, nip: '198701012010011001', name: 'Siti Rahmawati', department: 'Sekretariat', position: 'Arsiparis', email: '', status: 'active' } });
  return { db, andi, siti };
}

const submit = (employeeId: string, systems: string[]): Command & { input: { id: string } } => ({
  type: 'access.submit',
  input: {
    id: crypto.randomUUID(),
    employeeId,
    requester: { name: 'Hendra Gunawan', position: 'Kepala Sub Bagian Keuangan' },
    divisionHead: { name: 'Dra. Ratna Sari', position: 'Kepala Bidang Keuangan' },
    need: 'Pegawai baru: perlu akses sesuai tugas jabatan.',
    items: systems.map((system) => ({ system, level: 'read', scope: '' })),
  },
});
const ids = (rows: AccessRequestState[]) => rows.map((r) => r.id);

describe('access requests in the store', () => {
  it('queues requests for the decision oldest first, never the user’s own, then for the IT team until every access is created', async () => {
    const { db, andi, siti } = await office();
    const a = submit(andi, ['Email', 'VPN']);
    const b = submit(siti, ['HRIS']);
    const own = submit(siti, ['CCTV']);
    await must(db, officer, a);
    t += 60_000;
    await must(db, officer, b);
    t += 60_000;
    await must(db, admin, own); // recorded by the IT Manager: someone else decides it
    expect(ids(await accessAwaitingDecision(db, ADMIN))).toEqual([a.input.id, b.input.id]);
    expect(ids(await accessAwaitingDecision(db, ADMIN2))).toEqual([a.input.id, b.input.id, own.input.id]);
    expect(await accessAwaitingProvisioning(db)).toEqual([]);

    await must(db, admin, { type: 'access.decide', input: { id: a.input.id, approved: true, note: '' } });
    await must(db, admin, { type: 'access.decide', input: { id: b.input.id, approved: false, note: 'Lengkapi tanda tangan kepala divisi.' } });
    expect(ids(await accessAwaitingDecision(db, ADMIN))).toEqual([]);
    expect(ids(await accessAwaitingProvisioning(db))).toEqual([a.input.id]);

    const items = (await db.accessRequests.get(a.input.id))!.items;
    await must(db, tech, { type: 'access.grant', input: { id: a.input.id, itemId: items[0]!.id, account: 'andi.wijaya', note: '' } });
    expect(ids(await accessAwaitingProvisioning(db))).toEqual([a.input.id]);
    await must(db, tech, { type: 'access.grant', input: { id: a.input.id, itemId: items[1]!.id, account: 'vpn-andi', note: '' } });
    expect(await accessAwaitingProvisioning(db)).toEqual([]);

    // The revised form is back in the decision queue, as a new version recorded by the officer.
    t += 60_000;
    await must(db, officer, { type: 'access.revise', input: { ...b.input, id: b.input.id } as never });
    expect(ids(await accessAwaitingDecision(db, ADMIN))).toEqual([b.input.id]);

    expect(ids(await accessRequestsOf(db, siti))).toEqual([b.input.id, own.input.id]);
    expect((await accessRequestsOf(db, andi)).map((r) => [r.status, r.activeGrants])).toEqual([['provisioned', 2]]);
  });
});
