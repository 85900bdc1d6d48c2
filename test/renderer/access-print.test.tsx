// @vitest-environment jsdom
/**
 * The access request printout and the access pieces of other screens (jsdom, fake-indexeddb),
 * from states folded by commit(): the form is in Indonesian whatever the UI language, with the
 * document number, revision, employee, systems with what was created, the return reason and the
 * four signature blocks; "My work" lists what waits for a decision or for the IT team; the
 * employee page lists requests and warns when a resigned employee still has access; the
 * settings card shows the default list and the profile schema's messages.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import i18n from '@renderer/i18n';
import { db } from '@renderer/store';
import { commitAs, testKey, type TestCommand } from '../fixtures/signing';
import { useSessionStore } from '@renderer/app/session-store';
import { AccessRequestTemplate, type PrintUser } from '@renderer/features/access/print/AccessRequestTemplate';
import { AccessToDecide, AccessToProvision } from '@renderer/features/access/MyWorkAccess';
import { AccessSystemsCard, checkSystems, parseSystems } from '@renderer/features/access/AccessSystemsCard';
import { EmployeeDetailScreen } from '@renderer/features/assets/EmployeesScreen';
import { ORG_ID, type OrgState } from '@shared/domain/org/state';
import type { AccessLevel, AccessRequestState } from '@shared/domain/access/state';
import type { PasswordHash, UserState } from '@shared/domain/user/state';
import { hashPassword } from '@shared/password';
import type { Actor } from '@shared/roles';

const ADMIN = crypto.randomUUID();
const ADMIN2 = crypto.randomUUID();
const TECH = crypto.randomUUID();
const OFFICER = crypto.randomUUID();
const admin: Actor = { userId: ADMIN, roles: ['admin'] };
const admin2: Actor = { userId: ADMIN2, roles: ['admin'] };
const tech: Actor = { userId: TECH, roles: ['technician'] };
const officer: Actor = { userId: OFFICER, roles: ['officer'] };
const EMPLOYEE = crypto.randomUUID();

let password: PasswordHash;
let t = Date.parse('2026-03-09T01:00:00.000Z'); // Monday 08:00 WIB
const now = () => new Date(t);
async function must(actor: Actor, command: TestCommand) {
  const r = await commitAs(db, actor, command, now);
  if (!r.ok) throw new Error(`${command.type} refused: ${r.error.message}`);
}

beforeAll(async () => {
  password = await hashPassword('Rahasia123', 1000);
});
beforeEach(async () => {
  t = Date.parse('2026-03-09T01:00:00.000Z');
  await must(admin, {
    type: 'org.setUp',
    input: {
      profile: { name: 'Dinas Komunikasi dan Informatika', unit: 'Bidang TIK', address: 'Jl. Merdeka No. 1, Bandung', timeZone: 'WIB', badgePool: ['B-01'], docPrefix: 'TIK', idleLockMinutes: 15 },
      admin: { id: ADMIN, username: 'kepala.tik', displayName: 'Kepala Bidang TIK', roles: ['admin'], password, nip: '197501012000031001' },
    },
  });
  await must(admin, { type: 'user.create', input: { id: ADMIN2, username: 'wakil', displayName: 'Yusuf Manajer', roles: ['admin'], password } });
  await must(admin, { type: 'user.create', input: { id: TECH, username: 'rahmat', displayName: 'Rahmat Hidayat', roles: ['technician'], password, nip: '198805052015031003' } });
  await must(admin, { type: 'user.create', input: { id: OFFICER, username: 'budi', displayName: 'Budi Santoso', roles: ['officer'], password } });
  await must(tech, { type: 'employee.create', input: { id: EMPLOYEE, nip: '199203032015031002', name: 'Andi Wijaya', department: 'Bidang Keuangan', position: 'Analis Keuangan', email: '', status: 'active' } });
});
afterEach(async () => {
  cleanup();
  useSessionStore.setState({ user: null, key: null });
  await i18n.changeLanguage('id');
  await Promise.all(db.tables.map((x) => x.clear()));
});
afterAll(() => db.close());

const form = (id: string, systems: string[]) => ({
  id,
  employeeId: EMPLOYEE,
  requester: { name: 'Hendra Gunawan', position: 'Kepala Sub Bagian Keuangan' },
  divisionHead: { name: 'Dra. Ratna Sari', position: 'Kepala Bidang Keuangan' },
  need: 'Pegawai baru di Sub Bagian Keuangan: perlu email dinas, VPN untuk kerja dari rumah, dan HRIS untuk cuti.',
  items: systems.map((system, i) => ({ system, level: (i === 0 ? 'write' : 'read') as AccessLevel, scope: `Cakupan ${system}` })),
});
const RETURN_REASON = 'VPN hanya untuk pejabat struktural; hapus VPN atau lampirkan alasan.';

/** Submitted, sent back, revised without VPN, approved, Email created then revoked, HRIS created. */
async function provisioned(): Promise<AccessRequestState> {
  const id = crypto.randomUUID();
  await must(officer, { type: 'access.submit', input: form(id, ['Email', 'VPN', 'HRIS']) });
  t += 3_600_000;
  await must(admin, { type: 'access.decide', input: { id, approved: false, note: RETURN_REASON } });
  t += 3_600_000;
  const { employeeId: _, ...revised } = form(id, ['Email', 'HRIS']);
  await must(officer, { type: 'access.revise', input: revised });
  t += 3_600_000;
  await must(admin, { type: 'access.decide', input: { id, approved: true, note: 'Sesuai kebutuhan jabatan.' } });
  const items = (await db.accessRequests.get(id))!.items;
  t += 3_600_000;
  await must(tech, { type: 'access.grant', input: { id, itemId: items[0]!.id, account: 'andi.wijaya@dinas.go.id', note: 'Kuota 10 GB' } });
  await must(tech, { type: 'access.grant', input: { id, itemId: items[1]!.id, account: 'andi.w', note: '' } });
  t += 24 * 3_600_000;
  await must(tech, { type: 'access.revoke', input: { id, itemId: items[0]!.id, reason: 'Pindah ke email grup' } });
  return (await db.accessRequests.get(id))!;
}

const org = async () => (await db.org.get(ORG_ID)) as OrgState;
const people = async () => new Map<string, PrintUser>((await db.users.toArray()).map((u) => [u.id, { name: u.displayName, nip: u.nip }]));
const signIn = async (id: string) => useSessionStore.setState({ user: (await db.users.get(id)) as UserState, key: (await testKey(id)).key });

describe('access request printout', () => {
  it('prints a provisioned, once-returned request in Indonesian even with the UI in English', async () => {
    await i18n.changeLanguage('en');
    const r = await provisioned();
    render(<AccessRequestTemplate org={await org()} request={r} users={await people()} printedAt="2026-03-10T09:00:00.000Z" printedBy="Budi Santoso" />);
    const doc = screen.getByTestId('access-doc');
    const text = doc.textContent ?? '';
    expect(within(doc).getByRole('heading', { level: 1 }).textContent).toBe('FORMULIR PERMINTAAN AKSES SISTEM INFORMASI');
    expect(text).toContain('(Supporting tools) — mengacu SOP-IT-003');
    expect(r.docNo).toMatch(/^TIK\/PAS\/20260309\/[0-9A-F]{5}$/);
    expect(text).toContain(`Nomor: ${r.docNo} · Revisi ke-2`);
    for (const s of ['Andi Wijaya', '199203032015031002', 'Bidang Keuangan', 'Analis Keuangan', 'Hendra Gunawan', 'Kepala Sub Bagian Keuangan', 'Dra. Ratna Sari']) expect(text).toContain(s);
    expect(text).toContain('Tanggal pengajuan');
    expect(text).toContain('9 Maret 2026'); // the revision, 11:00 WIB the same day
    // The systems table: level in Indonesian, the accounts created, who created them, the revocation.
    const rows = within(doc).getAllByRole('row').filter((row) => row.closest('table')?.classList.contains('access-items'));
    const headers = within(rows[0]!).getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual(['No', 'Sistem', 'Tingkat akses', 'Cakupan', 'Akun/akses yang dibuat', 'Diberikan oleh/tanggal', 'Dicabut']);
    const cells = (i: number) => within(rows[i]!).getAllByRole('cell').map((td) => td.textContent);
    expect(cells(1)).toEqual(['1', 'Email', 'Baca dan ubah', 'Cakupan Email', 'andi.wijaya@dinas.go.idKuota 10 GB', 'Rahmat Hidayat, 9 Maret 2026', '10 Maret 2026 oleh Rahmat Hidayat: Pindah ke email grup']);
    expect(cells(2)).toEqual(['2', 'HRIS', 'Baca saja', 'Cakupan HRIS', 'andi.w', 'Rahmat Hidayat, 9 Maret 2026', '']);
    expect(text).toContain('Pegawai baru di Sub Bagian Keuangan');
    // The decision, and version 1's return with its reason.
    expect(text).toContain('☒ Disetujui');
    expect(text).toContain('Sesuai kebutuhan jabatan.');
    expect(text).toContain(`Versi 1 dikembalikan pada 9 Maret 2026 oleh Kepala Bidang TIK: ${RETURN_REASON}`);
    // Signatures: the requester, the division head, the IT Manager who decided, the IT team who created.
    const sigs = [...doc.querySelectorAll('.access-signatures .sig-box')].map((b) => b.textContent);
    expect(sigs).toEqual([
      'Pemohon (Manager/Penanggung jawab departemen)( Hendra Gunawan )',
      'Kepala Divisi (menyetujui pengajuan)( Dra. Ratna Sari )',
      'IT Manager (menganalisis dan memutuskan)( Kepala Bidang TIK )NIP. 197501012000031001',
      'Tim IT (pelaksana)( Rahmat Hidayat )NIP. 198805052015031003',
    ]);
    // Printed forms write the month in full (one date style per context).
    expect(text).toContain('Dicetak 10 Maret 2026 16.00 WIB');
  });

  it('prints a returned request with the reason, and blank decision signatures before anyone decides', async () => {
    const id = crypto.randomUUID();
    await must(officer, { type: 'access.submit', input: form(id, ['Email', 'VPN']) });
    const submitted = (await db.accessRequests.get(id))!;
    const { unmount } = render(<AccessRequestTemplate org={await org()} request={submitted} users={await people()} printedAt="2026-03-09T02:00:00.000Z" printedBy="Budi Santoso" />);
    let text = screen.getByTestId('access-doc').textContent ?? '';
    expect(text).not.toContain('Revisi ke-');
    expect(text).toContain('(Belum diputuskan)');
    expect(text).toContain('IT Manager (menganalisis dan memutuskan)( ............................................ )');
    unmount();

    t += 3_600_000;
    await must(admin, { type: 'access.decide', input: { id, approved: false, note: RETURN_REASON } });
    const returned = (await db.accessRequests.get(id))!;
    render(<AccessRequestTemplate org={await org()} request={returned} users={await people()} printedAt="2026-03-09T03:00:00.000Z" printedBy="Budi Santoso" />);
    text = screen.getByTestId('access-doc').textContent ?? '';
    expect(text).toContain('☒ Dikembalikan untuk revisi');
    expect(text).toContain(`Alasan${RETURN_REASON}`);
    expect(text).toContain('Nama/tanggalKepala Bidang TIK, 9 Maret 2026');
    expect(text).toContain('VPN');
  });
});

describe('access in other screens', () => {
  it('My work: the decision queue leaves out the user’s own version; the IT team sees approved requests', async () => {
    const mine = crypto.randomUUID();
    const theirs = crypto.randomUUID();
    await must(officer, { type: 'access.submit', input: form(theirs, ['Email']) });
    t += 60_000;
    await must(admin, { type: 'access.submit', input: form(mine, ['VPN']) });
    await signIn(ADMIN);
    render(<AccessToDecide userId={ADMIN} />);
    const table = await screen.findByTestId('access-decide-rows');
    const links = within(table).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([`#/access/${theirs}`]);
    expect(within(table).getByText('Andi Wijaya')).toBeTruthy();
    expect(within(table).getByText('Email')).toBeTruthy();
    expect(within(table).getByText(/^0?9 Mar 2026,? 08[.:]00 WIB$/)).toBeTruthy();
    cleanup();

    await must(admin2, { type: 'access.decide', input: { id: mine, approved: true, note: '' } });
    render(<AccessToProvision />);
    const provision = await screen.findByTestId('access-provision-rows');
    expect(within(provision).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([`#/access/${mine}`]);
    expect(within(provision).getByText('VPN')).toBeTruthy();
  });

  it('the employee page lists the requests and the accesses in force, and warns when a resigned employee keeps them', async () => {
    const r = await provisioned();
    await signIn(TECH);
    const { unmount } = render(<EmployeeDetailScreen id={EMPLOYEE} />);
    // The access card and the warning are the access feature's pieces on the page (slots), loaded on first use.
    const card = await screen.findByTestId('employee-access', {}, { timeout: 10_000 });
    expect(within(card).getByRole('heading', { name: 'Akses sistem' })).toBeTruthy();
    expect((await within(card).findByRole('link', { name: r.docNo })).getAttribute('href')).toBe(`#/access/${r.id}`);
    expect(within(card).getByText('Selesai diberikan')).toBeTruthy();
    expect(within(card).getByText('andi.w')).toBeTruthy();
    expect(within(card).queryByText('andi.wijaya@dinas.go.id')).toBeNull(); // revoked
    expect(within(card).getByRole('link', { name: 'Ajukan akses' }).getAttribute('href')).toBe(`#/access/new?employee=${EMPLOYEE}`);
    expect(screen.queryByTestId('resigned-access')).toBeNull();
    unmount();

    await must(tech, { type: 'employee.update', input: { id: EMPLOYEE, status: 'resigned' } });
    render(<EmployeeDetailScreen id={EMPLOYEE} />);
    expect((await screen.findByTestId('resigned-access', {}, { timeout: 10_000 })).textContent).toBe('Pegawai ini sudah berhenti tetapi masih memiliki 1 akses sistem aktif: cabut aksesnya.');
    expect(within(await screen.findByTestId('employee-access')).queryByRole('link', { name: 'Ajukan akses' })).toBeNull();
  });

  it('settings: shows the default list, refuses a duplicate with the schema’s message, saves the office’s list', async () => {
    expect(parseSystems(' SIMPEG \n\n SRIKANDI\r\n')).toEqual(['SIMPEG', 'SRIKANDI']);
    expect(checkSystems([])).toEqual({ key: 'access.errors.systemsEmpty' });
    expect(checkSystems(['A', 'x'.repeat(61)])).toEqual({ key: 'access.errors.tooLong', line: 2 });
    await signIn(ADMIN);
    render(<AccessSystemsCard org={await org()} />);
    const box = screen.getByLabelText<HTMLTextAreaElement>('Sistem (satu per baris)');
    expect(box.value.split('\n')).toEqual(['Jaringan internal & internet', 'Email', 'VPN', 'CCTV', 'Data Center', 'Accurate', 'ERP', 'Tracy', 'CL', 'HRIS']);
    expect(screen.getByText('Kantor ini masih memakai daftar bawaan.')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'SIMPEG\nsimpeg' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan daftar sistem' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Ada nama sistem yang sama dua kali.');
    fireEvent.change(box, { target: { value: 'SIMPEG\nSRIKANDI\n\nEmail dinas ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan daftar sistem' }));
    await waitFor(async () => expect((await org()).accessSystems).toEqual(['SIMPEG', 'SRIKANDI', 'Email dinas']));
    expect(await screen.findByText('Tersimpan.', { exact: false })).toBeTruthy();
  });
});
