/**
 * System access requests (DOMAIN.md §5, SOP-IT-003): submitted by the desk for an active
 * employee, approved or sent back by the IT Manager (never a version they recorded), revised and
 * resubmitted with every version kept, provisioned item by item by the IT team, revoked when
 * the employee leaves; every event re-checked by the server's rules.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '@shared/ids';
import { accessDocNo } from '@shared/domain/access/commands';
import { activeGrantsOf, type AccessRequestState } from '@shared/domain/access/state';
import { actorOf, testUser, TEST_ORG, World } from './world';

const OFFICER = testUser('officer', ['officer']);
const TECH = testUser('tech', ['technician']);
const MANAGER = testUser('manager', ['admin']);
const MANAGER2 = testUser('manager2', ['admin']);
const AUDITOR = testUser('auditor', ['auditor']);
const APPROVER = testUser('approver', ['approver']);

async function office() {
  const w = new World([OFFICER, TECH, MANAGER, MANAGER2, AUDITOR, APPROVER]);
  const employee = { id: newId(), nip: '199203032015031002', name: 'Andi Wijaya', department: 'Bidang Keuangan', position: 'Analis Keuangan', email: 'andi@dinas.go.id', status: 'active' };
  await w.ok('employee.create', employee, actorOf(TECH));
  return { w, employee };
}

const form = (employeeId: string, over: Record<string, unknown> = {}) => ({
  id: newId(),
  employeeId,
  requester: { name: 'Hendra Gunawan', position: 'Kepala Sub Bagian Keuangan' },
  divisionHead: { name: 'Dra. Ratna Sari', position: 'Kepala Bidang Keuangan' },
  need: 'Pegawai baru di Sub Bagian Keuangan: perlu email dinas, VPN untuk kerja dari rumah, dan HRIS untuk cuti.',
  items: [
    { system: 'Email', level: 'write', scope: 'Kotak surat pribadi' },
    { system: 'VPN', level: 'read', scope: 'Profil staf' },
    { system: 'HRIS', level: 'read', scope: 'Modul cuti dan absensi' },
  ],
  ...over,
});

const req = (w: World, id: string) => w.get<AccessRequestState>('access', id);

describe('access requests (SOP-IT-003)', () => {
  it('runs submit → sent back → revised → approved → provisioned item by item → revoked, and the server accepts every event', async () => {
    const { w, employee } = await office();
    const f = form(employee.id);
    await w.ok('access.submit', f, actorOf(OFFICER));
    const r1 = req(w, f.id);
    expect(r1).toMatchObject({ status: 'submitted', waitingRole: 'admin', version: 1, employee: { name: 'Andi Wijaya', nip: '199203032015031002' } });
    expect(r1.docNo).toBe(accessDocNo('TIK', f.id, w.now, 'WIB'));
    expect(r1.docNo).toMatch(/^TIK\/PAS\/20260302\/[0-9A-F]{5}$/);
    expect(r1.items.every((it) => it.id)).toBe(true);

    // The IT Manager sends it back: HRIS is not needed with write access to anything else.
    await w.ok('access.decide', { id: f.id, approved: false, note: 'VPN hanya untuk pejabat struktural; hapus VPN atau lampirkan alasan.' }, actorOf(MANAGER));
    expect(req(w, f.id)).toMatchObject({ status: 'returned', waitingRole: undefined, returnedReason: expect.stringContaining('VPN hanya') });
    // Only a returned form is revised; the revision is version 2 and version 1 is kept with its reason.
    await w.ok('access.revise', { ...form(employee.id), id: f.id, items: f.items.filter((it) => it.system !== 'VPN') }, actorOf(OFFICER));
    const r2 = req(w, f.id);
    expect(r2).toMatchObject({ status: 'submitted', version: 2, returnedReason: undefined });
    expect(r2.items.map((it) => it.system)).toEqual(['Email', 'HRIS']);
    expect(r2.versions).toHaveLength(1);
    expect(r2.versions[0]).toMatchObject({ n: 1, by: OFFICER.id, returnedBy: MANAGER.id, returnedReason: expect.stringContaining('VPN') });
    expect(r2.versions[0]!.items.map((it) => it.system)).toEqual(['Email', 'VPN', 'HRIS']);

    w.advanceHours(2);
    await w.ok('access.decide', { id: f.id, approved: true, note: '' }, actorOf(MANAGER));
    expect(req(w, f.id)).toMatchObject({ status: 'approved', waitingRole: 'technician', decidedBy: MANAGER.id });

    // The IT team records what it created, item by item; the last one completes the request.
    const [email, hris] = req(w, f.id).items;
    await w.ok('access.grant', { id: f.id, itemId: email!.id, account: 'andi.wijaya@dinas.go.id', note: 'Kuota 10 GB' }, actorOf(TECH));
    expect(req(w, f.id)).toMatchObject({ status: 'approved', activeGrants: 1 });
    expect((await w.refused('access.grant', { id: f.id, itemId: email!.id, account: 'lagi', note: '' }, actorOf(TECH))).message).toBe('access.errors.alreadyGranted');
    await w.ok('access.grant', { id: f.id, itemId: hris!.id, account: 'andi.w', note: '' }, actorOf(MANAGER2));
    expect(req(w, f.id)).toMatchObject({ status: 'provisioned', waitingRole: undefined, activeGrants: 2 });

    // The employee resigns: each access is revoked, with the reason.
    await w.ok('access.revoke', { id: f.id, itemId: email!.id, reason: 'Pegawai berhenti per 1 April' }, actorOf(TECH));
    expect(activeGrantsOf(req(w, f.id)).map((g) => g.system)).toEqual(['HRIS']);
    expect((await w.refused('access.revoke', { id: f.id, itemId: email!.id, reason: 'dua kali' }, actorOf(TECH))).message).toBe('access.errors.alreadyRevoked');
    expect(req(w, f.id)).toMatchObject({ activeGrants: 1 });

    const server = await w.replayOnServer();
    expect(server.get('access', f.id)).toEqual(req(w, f.id));
  });

  it('nobody approves a version they recorded themselves, and only the IT Manager decides', async () => {
    const { w, employee } = await office();
    const f = form(employee.id);
    await w.ok('access.submit', f, actorOf(MANAGER));
    expect((await w.refused('access.decide', { id: f.id, approved: true, note: '' }, actorOf(MANAGER))).message).toBe('access.errors.ownRequest');
    for (const u of [OFFICER, TECH, AUDITOR, APPROVER]) expect((await w.refused('access.decide', { id: f.id, approved: true, note: '' }, actorOf(u))).message).toBe('errors.forbidden');
    // Sending back needs a reason.
    expect(await w.refused('access.decide', { id: f.id, approved: false, note: 'tidak' }, actorOf(MANAGER2))).toMatchObject({ message: 'access.errors.returnReason', field: 'note' });
    await w.ok('access.decide', { id: f.id, approved: false, note: 'Lengkapi tanda tangan kepala divisi.' }, actorOf(MANAGER2));
    // The revision recorded by MANAGER2 can now be approved by MANAGER, not by MANAGER2.
    await w.ok('access.revise', { ...form(employee.id), id: f.id }, actorOf(MANAGER2));
    expect((await w.refused('access.decide', { id: f.id, approved: true, note: '' }, actorOf(MANAGER2))).message).toBe('access.errors.ownRequest');
    await w.ok('access.decide', { id: f.id, approved: true, note: 'Sesuai kebutuhan jabatan.' }, actorOf(MANAGER));
  });

  it('refuses bad forms with i18n keys: unknown system, a system twice, no items, a resigned employee', async () => {
    const { w, employee } = await office();
    expect(await w.refused('access.submit', form(employee.id, { items: [{ system: 'Netflix', level: 'read', scope: '' }] }), actorOf(OFFICER))).toMatchObject({ message: 'access.errors.unknownSystem', field: 'items.0.system' });
    expect(await w.refused('access.submit', form(employee.id, { items: [{ system: 'Email', level: 'read', scope: '' }, { system: 'email', level: 'write', scope: '' }] }), actorOf(OFFICER))).toMatchObject({ message: 'access.errors.systemTwice', field: 'items.1.system' });
    expect((await w.refused('access.submit', form(employee.id, { items: [] }), actorOf(OFFICER))).message).toBe('access.errors.noItems');
    expect((await w.refused('access.submit', form(employee.id, { need: 'perlu' }), actorOf(OFFICER))).message).toBe('access.errors.need');
    expect((await w.refused('access.submit', form(employee.id, { items: [{ system: 'Email', level: 'root', scope: '' }] }), actorOf(OFFICER))).message).toBe('access.errors.level');
    expect((await w.refused('access.submit', form(employee.id), actorOf(AUDITOR))).message).toBe('errors.forbidden');
    expect((await w.refused('access.submit', form('nobody'), actorOf(OFFICER))).message).toBe('access.errors.employee');
    await w.ok('employee.update', { id: employee.id, status: 'resigned' }, actorOf(TECH));
    expect(await w.refused('access.submit', form(employee.id), actorOf(OFFICER))).toMatchObject({ message: 'access.errors.employeeResigned', params: { name: 'Andi Wijaya' } });
  });

  it("checks systems against the office's own list when it has one", async () => {
    const w = new World([OFFICER, TECH, MANAGER], { ...TEST_ORG, accessSystems: ['SIMPEG', 'SIPD', 'SRIKANDI', 'Email dinas'] });
    const employee = { id: newId(), nip: '198701012010011001', name: 'Siti Rahmawati', department: 'Sekretariat', position: 'Arsiparis', email: '', status: 'active' };
    await w.ok('employee.create', employee, actorOf(TECH));
    expect((await w.refused('access.submit', form(employee.id), actorOf(OFFICER))).message).toBe('access.errors.unknownSystem');
    await w.ok('access.submit', form(employee.id, { items: [{ system: 'srikandi', level: 'write', scope: 'Naskah dinas' }] }), actorOf(OFFICER));
  });

  it('grants only on an approved request, cancels only before approval', async () => {
    const { w, employee } = await office();
    const f = form(employee.id);
    await w.ok('access.submit', f, actorOf(OFFICER));
    const itemId = req(w, f.id).items[0]!.id;
    expect((await w.refused('access.grant', { id: f.id, itemId, account: 'andi', note: '' }, actorOf(TECH))).message).toBe('access.errors.wrongState');
    await w.ok('access.decide', { id: f.id, approved: true, note: '' }, actorOf(MANAGER));
    expect((await w.refused('access.grant', { id: f.id, itemId, account: 'andi', note: '' }, actorOf(OFFICER))).message).toBe('errors.forbidden');
    expect((await w.refused('access.grant', { id: f.id, itemId: 'x', account: 'andi', note: '' }, actorOf(TECH))).message).toBe('access.errors.noSuchItem');
    expect((await w.refused('access.cancel', { id: f.id, reason: 'Tidak jadi' }, actorOf(OFFICER))).message).toBe('access.errors.wrongState');
    const g = form(employee.id);
    await w.ok('access.submit', g, actorOf(OFFICER));
    await w.ok('access.cancel', { id: g.id, reason: 'Pegawai batal dimutasi' }, actorOf(OFFICER));
    expect(req(w, g.id)).toMatchObject({ status: 'cancelled', cancelReason: 'Pegawai batal dimutasi', waitingRole: undefined });
    expect((await w.refused('access.revise', { ...form(employee.id), id: g.id }, actorOf(OFFICER))).message).toBe('access.errors.wrongState');
    await w.replayOnServer();
  });
});
