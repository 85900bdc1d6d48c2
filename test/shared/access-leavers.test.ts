/**
 * Leavers and system access (issue 12, items 18-19): no step that gives access — approving,
 * resubmitting, recording the account — goes through once the employee is marked "Berhenti",
 * on the console or in the server's replay; a request whose every access was revoked reads
 * "revoked"; an approved request a leaver can no longer receive is closed once nothing it gave
 * is in force; the employee record keeps when the resignation was recorded.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '@shared/ids';
import { shownAccessStatus, type AccessRequestState } from '@shared/domain/access/state';
import type { EmployeeState } from '@shared/domain/employee/state';
import type { DomainEvent } from '@shared/events';
import { actorOf, testUser, World } from './world';

const OFFICER = testUser('officer', ['officer']);
const TECH = testUser('tech', ['technician']);
const MANAGER = testUser('manager', ['admin']);

async function office() {
  const w = new World([OFFICER, TECH, MANAGER]);
  const employee = { id: newId(), nip: '199203032015031002', name: 'Andi Wijaya', department: 'Bidang Keuangan', position: 'Analis Keuangan', email: '', status: 'active' };
  await w.ok('employee.create', employee, actorOf(TECH));
  return { w, employee };
}

const form = (employeeId: string) => ({
  id: newId(),
  employeeId,
  requester: { name: 'Hendra Gunawan', position: 'Kepala Sub Bagian Keuangan' },
  divisionHead: { name: 'Dra. Ratna Sari', position: 'Kepala Bidang Keuangan' },
  need: 'Pegawai baru di Sub Bagian Keuangan: perlu email dinas dan HRIS untuk cuti.',
  items: [
    { system: 'Email', level: 'write', scope: 'Kotak surat pribadi' },
    { system: 'HRIS', level: 'read', scope: 'Modul cuti' },
  ],
});

const req = (w: World, id: string) => w.get<AccessRequestState>('access', id);
const resign = (w: World, id: string) => w.ok('employee.update', { id, status: 'resigned' }, actorOf(TECH));

describe('no new access for a resigned employee (item 18)', () => {
  it('refuses recording the account once the employee has resigned after approval, naming the employee', async () => {
    const { w, employee } = await office();
    const f = form(employee.id);
    await w.ok('access.submit', f, actorOf(OFFICER));
    await w.ok('access.decide', { id: f.id, approved: true, note: '' }, actorOf(MANAGER));
    const [email, hris] = req(w, f.id).items;
    await w.ok('access.grant', { id: f.id, itemId: email!.id, account: 'andi.wijaya', note: '' }, actorOf(TECH));
    await resign(w, employee.id);
    expect(await w.refused('access.grant', { id: f.id, itemId: hris!.id, account: 'andi.w', note: '' }, actorOf(TECH))).toMatchObject({
      code: 'employee-resigned',
      message: 'access.errors.employeeResignedStep',
      params: { name: 'Andi Wijaya' },
    });
    expect(req(w, f.id)).toMatchObject({ status: 'approved', activeGrants: 1 });
    await w.replayOnServer();
  });

  it('refuses approving and resubmitting for a resigned employee; sending back still works', async () => {
    const { w, employee } = await office();
    const f = form(employee.id);
    await w.ok('access.submit', f, actorOf(OFFICER));
    await resign(w, employee.id);
    expect((await w.refused('access.decide', { id: f.id, approved: true, note: '' }, actorOf(MANAGER))).message).toBe('access.errors.employeeResignedStep');
    await w.ok('access.decide', { id: f.id, approved: false, note: 'Pegawai sudah berhenti, permintaan tidak diproses.' }, actorOf(MANAGER));
    expect((await w.refused('access.revise', { ...form(employee.id), id: f.id }, actorOf(OFFICER))).message).toBe('access.errors.employeeResignedStep');
    await w.ok('access.cancel', { id: f.id, reason: 'Pegawai berhenti' }, actorOf(OFFICER));
    await w.replayOnServer();
  });

  it('the server refuses a grant made offline on a console that had not yet heard of the resignation', async () => {
    // Desk A approves and resigns the employee; desk B (the "server" here) replays a grant
    // recorded after the resignation in HLC order: the same rule refuses it.
    const { w, employee } = await office();
    const f = form(employee.id);
    await w.ok('access.submit', f, actorOf(OFFICER));
    await w.ok('access.decide', { id: f.id, approved: true, note: '' }, actorOf(MANAGER));
    const itemId = req(w, f.id).items[0]!.id;
    const server = await w.replayOnServer();
    // A console that has not heard of the resignation grants; the server has.
    const grant = await w.ok('access.grant', { id: f.id, itemId, account: 'andi.wijaya', note: '' }, actorOf(TECH));
    await server.ok('employee.update', { id: employee.id, status: 'resigned' }, actorOf(TECH));
    const sent = w.events.slice(-grant.length) as DomainEvent[];
    const verdict = await server.replay(JSON.parse(JSON.stringify(sent)) as DomainEvent[]);
    expect(verdict).toMatchObject({ ok: false, error: { message: 'access.errors.employeeResignedStep' } });
  });
});

describe('leavers: revoked requests and closing what cannot be given (item 19)', () => {
  it('a provisioned request whose every access is revoked reads "revoked"', async () => {
    const { w, employee } = await office();
    const f = form(employee.id);
    await w.ok('access.submit', f, actorOf(OFFICER));
    await w.ok('access.decide', { id: f.id, approved: true, note: '' }, actorOf(MANAGER));
    for (const it of req(w, f.id).items) await w.ok('access.grant', { id: f.id, itemId: it.id, account: `andi-${it.system}`, note: '' }, actorOf(TECH));
    expect(req(w, f.id).status).toBe('provisioned');
    await resign(w, employee.id);
    const [email, hris] = req(w, f.id).items;
    await w.ok('access.revoke', { id: f.id, itemId: email!.id, reason: 'Pegawai berhenti' }, actorOf(TECH));
    expect(req(w, f.id)).toMatchObject({ status: 'provisioned', activeGrants: 1 });
    await w.ok('access.revoke', { id: f.id, itemId: hris!.id, reason: 'Pegawai berhenti' }, actorOf(TECH));
    expect(req(w, f.id)).toMatchObject({ status: 'revoked', activeGrants: 0, waitingRole: undefined });
    expect((await w.refused('access.revoke', { id: f.id, itemId: hris!.id, reason: 'Pegawai berhenti' }, actorOf(TECH))).message).toBe('access.errors.wrongState');
    const server = await w.replayOnServer();
    expect(server.get<AccessRequestState>('access', f.id).status).toBe('revoked');
  });

  it('shownAccessStatus reads "revoked" for a projection folded before the status existed', () => {
    const grant = { itemId: 'a', system: 'Email', level: 'read' as const, account: 'x', note: '', grantedAt: '2026-01-01T00:00:00Z', grantedBy: 'u' };
    expect(shownAccessStatus({ status: 'provisioned', grants: [{ ...grant, revokedAt: '2026-02-01T00:00:00Z' }] })).toBe('revoked');
    expect(shownAccessStatus({ status: 'provisioned', grants: [grant] })).toBe('provisioned');
    expect(shownAccessStatus({ status: 'approved', grants: [] })).toBe('approved');
  });

  it("closes an approved request of a leaver only after what it gave is revoked, and only the IT team", async () => {
    const { w, employee } = await office();
    const f = form(employee.id);
    await w.ok('access.submit', f, actorOf(OFFICER));
    await w.ok('access.decide', { id: f.id, approved: true, note: '' }, actorOf(MANAGER));
    const email = req(w, f.id).items[0]!;
    await w.ok('access.grant', { id: f.id, itemId: email.id, account: 'andi.wijaya', note: '' }, actorOf(TECH));
    // Still in service: an approved request is not withdrawn.
    expect((await w.refused('access.cancel', { id: f.id, reason: 'Tidak jadi' }, actorOf(TECH))).message).toBe('access.errors.wrongState');
    await resign(w, employee.id);
    expect((await w.refused('access.cancel', { id: f.id, reason: 'Pegawai berhenti' }, actorOf(OFFICER))).message).toBe('errors.forbidden');
    expect(await w.refused('access.cancel', { id: f.id, reason: 'Pegawai berhenti' }, actorOf(TECH))).toMatchObject({ message: 'access.errors.revokeFirst', params: { count: 1 } });
    await w.ok('access.revoke', { id: f.id, itemId: email.id, reason: 'Pegawai berhenti' }, actorOf(TECH));
    await w.ok('access.cancel', { id: f.id, reason: 'Pegawai berhenti' }, actorOf(TECH));
    expect(req(w, f.id)).toMatchObject({ status: 'cancelled', waitingRole: undefined, activeGrants: 0 });
    await w.replayOnServer();
  });

  it('the employee keeps when the resignation was recorded; back in service clears it', async () => {
    const { w, employee } = await office();
    expect(w.get<EmployeeState>('employee', employee.id).resignedAt).toBeUndefined();
    w.advanceHours(3);
    await resign(w, employee.id);
    const at = w.get<EmployeeState>('employee', employee.id).resignedAt;
    expect(at).toBe(w.now);
    w.advanceHours(1);
    await w.ok('employee.update', { id: employee.id, position: 'Staf' }, actorOf(TECH));
    expect(w.get<EmployeeState>('employee', employee.id).resignedAt).toBe(at);
    await w.ok('employee.update', { id: employee.id, status: 'active' }, actorOf(TECH));
    expect(w.get<EmployeeState>('employee', employee.id).resignedAt).toBeUndefined();
  });
});
