/**
 * Backup restore requests (DOMAIN.md §6, SOP 4 step 3-4): recorded by the desk, approved by the
 * IT Manager (never the recorder) and the affected user in either order, refused by either with
 * the reason, performed by the IT team only with both approvals, within 1×24 hours of the
 * request or flagged late; cancelled before completion; every event re-checked by the server's
 * rules; and the monthly report's summary.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '@shared/ids';
import { restoreDocNo } from '@shared/domain/restore/commands';
import { deadlineLeft, type RestoreState } from '@shared/domain/restore/state';
import { restoreSummary } from '@shared/domain/restore/summary';
import { actorOf, testUser, World } from './world';

const OFFICER = testUser('officer', ['officer']);
const TECH = testUser('tech', ['technician']);
const MANAGER = testUser('manager', ['admin']);
const MANAGER2 = testUser('manager2', ['admin']);
const AUDITOR = testUser('auditor', ['auditor']);

async function office() {
  const w = new World([OFFICER, TECH, MANAGER, MANAGER2, AUDITOR]);
  const employee = { id: newId(), nip: '199203032015031002', name: 'Andi Wijaya', department: 'Bidang Keuangan', position: 'Analis Keuangan', email: 'andi@dinas.go.id', status: 'active' };
  await w.ok('employee.create', employee, actorOf(TECH));
  return { w, employee };
}

const request = (w: World, employeeId: string, over: Record<string, unknown> = {}) => ({
  id: newId(),
  employeeId,
  scope: 'folder',
  target: '\\\\fileserver\\keuangan\\Laporan 2026',
  backupDate: '2026-03-01',
  source: 'local',
  reason: 'lost',
  reasonNote: 'Folder terhapus tidak sengaja saat merapikan berkas.',
  requestedAt: new Date(Date.parse(w.now) - 30 * 60_000).toISOString(),
  ...over,
});

const userOk = (w: World, id: string, over: Record<string, unknown> = {}) => ({ id, approved: true, name: 'Andi Wijaya', method: 'phone', confirmedAt: w.now, note: '', ...over });
const perform = (w: World, id: string, over: Record<string, unknown> = {}) => ({
  id,
  startedAt: new Date(Date.parse(w.now) - 60 * 60_000).toISOString(),
  completedAt: w.now,
  restored: 'Folder Laporan 2026 (312 berkas) dari backup lokal 1 Maret',
  verification: 'ok',
  verificationNote: '',
  ...over,
});
const get = (w: World, id: string) => w.get<RestoreState>('restore', id);

describe('restore requests (SOP 4)', () => {
  it('runs request → IT Manager → user → performed within 24 h, and the server accepts every event', async () => {
    const { w, employee } = await office();
    const f = request(w, employee.id);
    await w.ok('restore.request', f, actorOf(OFFICER));
    const r = get(w, f.id);
    expect(r).toMatchObject({ status: 'requested', waitingRole: 'admin', recordedBy: OFFICER.id, employee: { name: 'Andi Wijaya' }, scope: 'folder', source: 'local' });
    expect(r.docNo).toBe(restoreDocNo('TIK', f.id, w.now, 'WIB'));
    expect(r.docNo).toMatch(/^TIK\/RST\/20260302\/[0-9A-F]{5}$/);
    expect(r.dueAt).toBe(new Date(Date.parse(f.requestedAt) + 24 * 3_600_000).toISOString());
    expect(deadlineLeft(r, new Date(w.now))).toBe(23.5 * 3_600_000);

    // Nobody performs before both approvals.
    expect((await w.refused('restore.perform', perform(w, f.id), actorOf(TECH))).message).toBe('restore.errors.wrongState');
    w.advanceHours(1);
    await w.ok('restore.managerDecide', { id: f.id, approved: true, note: 'Backup lokal tersedia.' }, actorOf(MANAGER));
    expect(get(w, f.id)).toMatchObject({ status: 'requested', waitingRole: undefined, manager: { by: MANAGER.id } });
    expect((await w.refused('restore.perform', perform(w, f.id), actorOf(TECH))).message).toBe('restore.errors.wrongState');
    await w.ok('restore.userDecide', userOk(w, f.id), actorOf(OFFICER));
    expect(get(w, f.id)).toMatchObject({ status: 'approved', waitingRole: 'technician', user: { name: 'Andi Wijaya', method: 'phone', recordedBy: OFFICER.id } });

    // Only the IT team performs.
    expect((await w.refused('restore.perform', perform(w, f.id), actorOf(OFFICER))).message).toBe('errors.forbidden');
    w.advanceHours(3);
    await w.ok('restore.perform', perform(w, f.id), actorOf(TECH));
    expect(get(w, f.id)).toMatchObject({ status: 'completed', waitingRole: undefined, late: false, performance: { by: TECH.id, verification: 'ok' } });
    expect(deadlineLeft(get(w, f.id), new Date(w.now))).toBeNull();
    expect((await w.refused('restore.cancel', { id: f.id, reason: 'Tidak jadi' }, actorOf(OFFICER))).message).toBe('restore.errors.wrongState');

    const server = await w.replayOnServer();
    expect(server.get('restore', f.id)).toEqual(get(w, f.id));
  });

  it('takes both approvals in either order: the user first, then the IT Manager', async () => {
    const { w, employee } = await office();
    const f = request(w, employee.id);
    await w.ok('restore.request', f, actorOf(TECH));
    await w.ok('restore.userDecide', userOk(w, f.id, { method: 'signed_form' }), actorOf(TECH));
    expect(get(w, f.id)).toMatchObject({ status: 'requested', waitingRole: 'admin' });
    expect((await w.refused('restore.userDecide', userOk(w, f.id), actorOf(OFFICER))).message).toBe('restore.errors.userDecided');
    await w.ok('restore.managerDecide', { id: f.id, approved: true, note: '' }, actorOf(MANAGER));
    expect(get(w, f.id)).toMatchObject({ status: 'approved', waitingRole: 'technician' });
    expect((await w.refused('restore.managerDecide', { id: f.id, approved: true, note: '' }, actorOf(MANAGER2))).message).toBe('restore.errors.wrongState');
    await w.replayOnServer();
  });

  it('the IT Manager never approves a request they recorded, and only an admin decides as IT Manager', async () => {
    const { w, employee } = await office();
    const f = request(w, employee.id);
    await w.ok('restore.request', f, actorOf(MANAGER));
    expect((await w.refused('restore.managerDecide', { id: f.id, approved: true, note: '' }, actorOf(MANAGER))).message).toBe('restore.errors.ownRequest');
    expect((await w.refused('restore.managerDecide', { id: f.id, approved: true, note: '' }, actorOf(TECH))).message).toBe('errors.forbidden');
    expect((await w.refused('restore.request', request(w, employee.id), actorOf(AUDITOR))).message).toBe('errors.forbidden');
    await w.ok('restore.managerDecide', { id: f.id, approved: true, note: '' }, actorOf(MANAGER2));
    expect((await w.refused('restore.managerDecide', { id: f.id, approved: false, note: 'Berubah pikiran soal ini' }, actorOf(MANAGER2))).message).toBe('restore.errors.managerDecided');
    await w.replayOnServer();
  });

  it('either may refuse, with the reason: the request is closed', async () => {
    const { w, employee } = await office();
    const a = request(w, employee.id);
    await w.ok('restore.request', a, actorOf(OFFICER));
    expect((await w.refused('restore.managerDecide', { id: a.id, approved: false, note: 'tidak' }, actorOf(MANAGER))).message).toBe('restore.errors.refuseReason');
    await w.ok('restore.managerDecide', { id: a.id, approved: false, note: 'Backup tanggal itu sudah terinfeksi ransomware.' }, actorOf(MANAGER));
    expect(get(w, a.id)).toMatchObject({ status: 'refused', waitingRole: undefined, refusal: { party: 'manager', by: MANAGER.id, reason: expect.stringContaining('ransomware') } });
    expect((await w.refused('restore.userDecide', userOk(w, a.id), actorOf(OFFICER))).message).toBe('restore.errors.wrongState');

    const b = request(w, employee.id);
    await w.ok('restore.request', b, actorOf(OFFICER));
    await w.ok('restore.managerDecide', { id: b.id, approved: true, note: '' }, actorOf(MANAGER));
    expect((await w.refused('restore.userDecide', userOk(w, b.id, { approved: false, note: '' }), actorOf(OFFICER))).message).toBe('restore.errors.refuseReason');
    await w.ok('restore.userDecide', userOk(w, b.id, { approved: false, method: 'email', note: 'Berkas sudah saya buat ulang, tidak perlu ditimpa.' }), actorOf(OFFICER));
    expect(get(w, b.id)).toMatchObject({ status: 'refused', refusal: { party: 'user' }, user: { method: 'email' } });
    expect((await w.refused('restore.perform', perform(w, b.id), actorOf(TECH))).message).toBe('restore.errors.wrongState');
    expect((await w.refused('restore.cancel', { id: b.id, reason: 'Tidak jadi' }, actorOf(OFFICER))).message).toBe('restore.errors.wrongState');
    await w.replayOnServer();
  });

  it('a completion after 24 hours is recorded, flagged late; a partial verification needs its note', async () => {
    const { w, employee } = await office();
    const f = request(w, employee.id, { requestedAt: w.now, scope: 'mailbox', source: 'cloud', reason: 'ransomware' });
    await w.ok('restore.request', f, actorOf(OFFICER));
    await w.ok('restore.managerDecide', { id: f.id, approved: true, note: '' }, actorOf(MANAGER));
    await w.ok('restore.userDecide', userOk(w, f.id, { method: 'in_person' }), actorOf(OFFICER));
    w.advanceHours(30);
    expect(deadlineLeft(get(w, f.id), new Date(w.now))).toBe(-6 * 3_600_000);
    expect((await w.refused('restore.perform', perform(w, f.id, { verification: 'partial' }), actorOf(TECH))).message).toBe('restore.errors.partialNote');
    expect((await w.refused('restore.perform', perform(w, f.id, { completedAt: new Date(Date.parse(w.now) + 3_600_000).toISOString() }), actorOf(TECH))).message).toBe('restore.errors.completedFuture');
    expect((await w.refused('restore.perform', perform(w, f.id, { startedAt: w.now, completedAt: new Date(Date.parse(w.now) - 60_000).toISOString() }), actorOf(TECH))).message).toBe('restore.errors.completedBeforeStart');
    await w.ok('restore.perform', perform(w, f.id, { verification: 'partial', verificationNote: 'Dua email lampiran besar tidak kembali.' }), actorOf(MANAGER2));
    expect(get(w, f.id)).toMatchObject({ status: 'completed', late: true, performance: { verification: 'partial', by: MANAGER2.id } });
    await w.replayOnServer();
  });

  it('a request is cancelled with the reason before completion, also once approved', async () => {
    const { w, employee } = await office();
    const a = request(w, employee.id);
    await w.ok('restore.request', a, actorOf(OFFICER));
    expect((await w.refused('restore.cancel', { id: a.id, reason: 'x' }, actorOf(OFFICER))).message).toBe('restore.errors.cancelReason');
    expect((await w.refused('restore.cancel', { id: a.id, reason: 'Berkas ditemukan' }, actorOf(AUDITOR))).message).toBe('errors.forbidden');
    await w.ok('restore.cancel', { id: a.id, reason: 'Berkas ditemukan di folder lain' }, actorOf(OFFICER));
    expect(get(w, a.id)).toMatchObject({ status: 'cancelled', waitingRole: undefined, cancelReason: 'Berkas ditemukan di folder lain', cancelledBy: OFFICER.id });
    expect((await w.refused('restore.managerDecide', { id: a.id, approved: true, note: '' }, actorOf(MANAGER))).message).toBe('restore.errors.wrongState');

    const b = request(w, employee.id);
    await w.ok('restore.request', b, actorOf(OFFICER));
    await w.ok('restore.managerDecide', { id: b.id, approved: true, note: '' }, actorOf(MANAGER));
    await w.ok('restore.userDecide', userOk(w, b.id), actorOf(OFFICER));
    await w.ok('restore.cancel', { id: b.id, reason: 'Pengguna memulihkan sendiri dari OneDrive' }, actorOf(TECH));
    expect(get(w, b.id).status).toBe('cancelled');
    await w.replayOnServer();
  });

  it('checks the times: requested not in the future nor over a week ago, backup not after today, confirmation not before the request', async () => {
    const { w, employee } = await office();
    const later = new Date(Date.parse(w.now) + 3_600_000).toISOString();
    expect((await w.refused('restore.request', request(w, employee.id, { requestedAt: later }), actorOf(OFFICER))).message).toBe('restore.errors.requestedFuture');
    expect((await w.refused('restore.request', request(w, employee.id, { requestedAt: '2026-02-01T01:00:00.000Z' }), actorOf(OFFICER))).message).toBe('restore.errors.requestedTooOld');
    expect((await w.refused('restore.request', request(w, employee.id, { backupDate: '2026-03-05' }), actorOf(OFFICER))).message).toBe('restore.errors.backupFuture');
    expect((await w.refused('restore.request', request(w, employee.id, { employeeId: newId() }), actorOf(OFFICER))).message).toBe('restore.errors.employee');
    expect((await w.refused('restore.request', request(w, employee.id, { scope: 'disk' }), actorOf(OFFICER))).message).toBe('restore.errors.scope');
    const f = request(w, employee.id);
    await w.ok('restore.request', f, actorOf(OFFICER));
    expect((await w.refused('restore.userDecide', userOk(w, f.id, { confirmedAt: '2026-03-01T00:00:00.000Z' }), actorOf(OFFICER))).message).toBe('restore.errors.confirmedBeforeRequest');
    expect((await w.refused('restore.userDecide', userOk(w, f.id, { method: 'whatsapp' }), actorOf(OFFICER))).message).toBe('restore.errors.method');
  });
});

describe('restoreSummary', () => {
  const row = (requestedAt: string, status: RestoreState['status'], late?: boolean) => ({ id: newId(), requestedAt, status, late }) as unknown as RestoreState;
  it('counts the requests of the period by request time: completed within the deadline or late, refused or cancelled', () => {
    const rows = [
      row('2026-02-28T16:59:59.000Z', 'completed', false), // 28 Feb 23:59 WIB: February
      row('2026-02-28T17:00:00.000Z', 'completed', false), // 1 Mar 00:00 WIB
      row('2026-03-10T03:00:00.000Z', 'completed', true),
      row('2026-03-11T03:00:00.000Z', 'completed', false),
      row('2026-03-12T03:00:00.000Z', 'refused'),
      row('2026-03-13T03:00:00.000Z', 'cancelled'),
      row('2026-03-30T03:00:00.000Z', 'approved'),
      row('2026-03-31T16:59:59.999Z', 'requested'),
      row('2026-03-31T17:00:00.000Z', 'completed', true), // 1 Apr WIB
    ];
    expect(restoreSummary(rows, '2026-02-28T17:00:00.000Z', '2026-03-31T17:00:00.000Z')).toEqual({ requested: 7, completed: 3, withinDeadline: 2, late: 1, notDone: 2 });
    expect(restoreSummary([], '2026-02-28T17:00:00.000Z', '2026-03-31T17:00:00.000Z')).toEqual({ requested: 0, completed: 0, withinDeadline: 0, late: 0, notDone: 0 });
  });
});
