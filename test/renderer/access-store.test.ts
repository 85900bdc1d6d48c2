/**
 * Access requests in the store (fake-indexeddb, SOP-IT-003): "My work" lists requests waiting
 * for a decision oldest first without the user's own version, approved requests waiting for the
 * IT team, and each employee's requests newest first; finished requests leave both queues.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteTestDbs, employeeInput, openOffice } from '../fixtures/office';
import { accessAwaitingDecision, accessAwaitingProvisioning, accessRequestsOf } from '@renderer/store/queries/access';
import type { AccessRequestState } from '@shared/domain/access/state';
import type { Command } from '@shared/domain/registry';

afterEach(deleteTestDbs);

/** Two IT Managers, an officer at the desk, a technician; two employees. */
async function office() {
  const o = await openOffice({ people: ['admin2', 'officer', 'technician'] });
  const andi = employeeInput('Andi Wijaya', '199203032015031002', { department: 'Bidang Keuangan', position: 'Analis Keuangan' });
  const siti = employeeInput('Siti Rahmawati', '198701012010011001', { department: 'Sekretariat', position: 'Arsiparis' });
  for (const e of [andi, siti]) await o.must(o.technician, { type: 'employee.create', input: e });
  return { o, db: o.db, andi: andi.id, siti: siti.id };
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
    const { o, db, andi, siti } = await office();
    const { admin, officer, technician: tech } = o;
    const [ADMIN, ADMIN2] = [admin.userId, o.admin2.userId];
    const a = submit(andi, ['Email', 'VPN']);
    const b = submit(siti, ['HRIS']);
    const own = submit(siti, ['CCTV']);
    await o.must(officer, a);
    o.clock.advance(1);
    await o.must(officer, b);
    o.clock.advance(1);
    await o.must(admin, own); // recorded by the IT Manager: someone else decides it
    expect(ids(await accessAwaitingDecision(db, ADMIN))).toEqual([a.input.id, b.input.id]);
    expect(ids(await accessAwaitingDecision(db, ADMIN2))).toEqual([a.input.id, b.input.id, own.input.id]);
    expect(await accessAwaitingProvisioning(db)).toEqual([]);

    await o.must(admin, { type: 'access.decide', input: { id: a.input.id, approved: true, note: '' } });
    await o.must(admin, { type: 'access.decide', input: { id: b.input.id, approved: false, note: 'Lengkapi tanda tangan kepala divisi.' } });
    expect(ids(await accessAwaitingDecision(db, ADMIN))).toEqual([]);
    expect(ids(await accessAwaitingProvisioning(db))).toEqual([a.input.id]);

    const items = (await db.accessRequests.get(a.input.id))!.items;
    await o.must(tech, { type: 'access.grant', input: { id: a.input.id, itemId: items[0]!.id, account: 'andi.wijaya', note: '' } });
    expect(ids(await accessAwaitingProvisioning(db))).toEqual([a.input.id]);
    await o.must(tech, { type: 'access.grant', input: { id: a.input.id, itemId: items[1]!.id, account: 'vpn-andi', note: '' } });
    expect(await accessAwaitingProvisioning(db)).toEqual([]);

    // The revised form is back in the decision queue, as a new version recorded by the officer.
    o.clock.advance(1);
    await o.must(officer, { type: 'access.revise', input: { ...b.input, id: b.input.id } as never });
    expect(ids(await accessAwaitingDecision(db, ADMIN))).toEqual([b.input.id]);

    expect(ids(await accessRequestsOf(db, siti))).toEqual([b.input.id, own.input.id]);
    expect((await accessRequestsOf(db, andi)).map((r) => [r.status, r.activeGrants])).toEqual([['provisioned', 2]]);
  });
});
