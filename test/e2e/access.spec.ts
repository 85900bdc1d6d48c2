/**
 * System access requests (SOP-IT-003) across four users in Chromium: the desk records the
 * manager's signed form (an empty form refused field by field, nothing saved), the IT Manager
 * sends it back with the reason, the desk revises it (version 2, version 1 kept), the IT
 * Manager approves, the IT team records each account created, and an access is revoked.
 */
import { expect, test, type Page } from '@playwright/test';
import { addEmployee, alertWith, createUser, openNav, pdfContains, pdfText, setUpOffice, signIn, signOut } from './pages';
import { fillAccessRequest } from './helpers/access';

const ANDI = { nip: '199203032015031002', name: 'Andi Wijaya', department: 'Bidang Keuangan', position: 'Analis Keuangan' };

const system = (page: Page, name: string) => page.locator('.access-system-row').filter({ hasText: name });

test('an access request: refused empty, returned, revised, approved, provisioned, one access revoked', async ({ page }) => {
  test.setTimeout(120_000);
  await setUpOffice(page);
  await createUser(page, 'Rina Marlina', 'rina', ['officer']);
  await createUser(page, 'Teguh Santoso', 'teguh', ['technician']);
  await addEmployee(page, ANDI);
  await signOut(page);

  // The desk records the form; an empty one is refused field by field and nothing is saved.
  await signIn(page, 'rina');
  await openNav(page, 'Ajukan Akses');
  await page.getByRole('button', { name: 'Ajukan ke IT Manager' }).click();
  await expect(alertWith(page, 'Pilih pegawai yang akan diberi akses.')).toBeVisible();
  await expect(alertWith(page, 'Isi nama pemohon')).toBeVisible();
  await expect(alertWith(page, 'Isi nama kepala divisi yang menandatangani.')).toBeVisible();
  await expect(alertWith(page, 'Jelaskan kebutuhan akses')).toBeVisible();
  await fillAccessRequest(page, 'Pegawai baru: email dinas, VPN untuk kerja dari rumah, HRIS untuk cuti dan absensi.');
  await page.getByRole('button', { name: 'Ajukan ke IT Manager' }).click();
  await expect(page.getByTestId('items-error')).toHaveText('Pilih paling sedikit satu sistem.');
  // What was typed is still there.
  await expect(page.getByLabel('Nama pemohon')).toHaveValue('Hendra Gunawan');
  await system(page, 'Email').getByRole('checkbox').check();
  await page.getByLabel('Tingkat akses Email').selectOption('write');
  await page.getByLabel('Cakupan Email').fill('Kotak surat pribadi');
  await system(page, 'VPN').getByRole('checkbox').check();
  await system(page, 'HRIS').getByRole('checkbox').check();
  await page.getByLabel('Cakupan HRIS').fill('Modul cuti dan absensi');
  await page.getByRole('button', { name: 'Ajukan ke IT Manager' }).click();
  const heading = page.getByRole('heading', { level: 1, name: /^Permintaan akses .+\/PAS\// });
  await expect(heading).toBeVisible();
  const docNo = (await heading.textContent())!.replace('Permintaan akses ', '');
  await expect(page.locator('.status').first()).toHaveText('Menunggu keputusan');
  await expect(page.getByText('Menunggu analisa dan keputusan IT Manager.')).toBeVisible();
  await signOut(page);

  // The IT Manager sends it back; a reason is required.
  await signIn(page, 'admin');
  await openNav(page, 'Permintaan Akses');
  await page.getByTestId('access-requests').getByRole('link', { name: docNo }).click();
  await page.getByRole('button', { name: 'Kembalikan untuk revisi' }).click();
  await expect(alertWith(page, 'Tuliskan alasan pengembalian')).toBeVisible();
  await page.getByLabel('Catatan / alasan').fill('VPN hanya untuk pejabat struktural; hapus VPN dari formulir.');
  await page.getByRole('button', { name: 'Kembalikan untuk revisi' }).click();
  await expect(page.getByTestId('return-reason')).toContainText('VPN hanya untuk pejabat struktural');
  await expect(page.locator('.status').first()).toHaveText('Dikembalikan untuk revisi');
  await signOut(page);

  // The desk revises: VPN removed; resubmitted as revision 2.
  await signIn(page, 'rina');
  await openNav(page, 'Permintaan Akses');
  await page.getByTestId('access-requests').getByRole('link', { name: docNo }).click();
  await page.getByRole('button', { name: 'Revisi formulir' }).click();
  await expect(page.getByTestId('return-reason')).toContainText('VPN hanya');
  await expect(system(page, 'Email').getByRole('checkbox')).toBeChecked();
  await expect(page.getByLabel('Tingkat akses Email')).toHaveValue('write');
  await system(page, 'VPN').getByRole('checkbox').uncheck();
  await page.getByRole('button', { name: 'Ajukan ulang revisi' }).click();
  await expect(page.getByText('Revisi ke-2')).toBeVisible();
  await expect(page.getByTestId('access-versions')).toContainText('Versi 1 — Email (Baca dan ubah), VPN (Baca saja), HRIS (Baca saja)');
  await expect(page.getByTestId('access-items').locator('tbody tr')).toHaveCount(2);
  await signOut(page);

  // Approved by the IT Manager.
  await signIn(page, 'admin');
  await openNav(page, 'Permintaan Akses');
  await page.getByTestId('access-requests').getByRole('link', { name: docNo }).click();
  await page.getByRole('button', { name: 'Setujui' }).click();
  await expect(page.locator('.status').first()).toHaveText('Disetujui, sedang dibuatkan');
  await signOut(page);

  // The IT team records each account; then revokes HRIS.
  await signIn(page, 'teguh');
  await openNav(page, 'Permintaan Akses');
  await page.getByLabel('Status').selectOption({ label: 'Disetujui, sedang dibuatkan' });
  await page.getByTestId('access-requests').getByRole('link', { name: docNo }).click();
  const items = page.getByTestId('access-items');
  await items.locator('tr[data-system="Email"]').getByRole('button', { name: 'Catat diberikan' }).click();
  await expect(alertWith(items, 'Isi akun atau akses yang dibuat.')).toBeVisible();
  await page.getByLabel('Akun Email').fill('andi.wijaya@makassarkota.go.id');
  await page.getByLabel('Catatan Email').fill('Kuota 10 GB');
  await items.locator('tr[data-system="Email"]').getByRole('button', { name: 'Catat diberikan' }).click();
  await expect(items.locator('tr[data-system="Email"]')).toContainText('andi.wijaya@makassarkota.go.id');
  await page.getByLabel('Akun HRIS').fill('andi.w');
  await items.locator('tr[data-system="HRIS"]').getByRole('button', { name: 'Catat diberikan' }).click();
  await expect(page.locator('.status').first()).toHaveText('Selesai diberikan');
  await items.locator('tr[data-system="HRIS"]').getByRole('button', { name: 'Cabut' }).click();
  await page.getByLabel('Alasan pencabutan HRIS').fill('Modul cuti dipindah ke aplikasi e-Kinerja');
  await page.getByRole('button', { name: 'Cabut akses' }).click();
  await expect(items.locator('tr[data-system="HRIS"]')).toContainText('Dicabut Teguh Santoso');
  // Every step is in the audit trail.
  const trail = page.getByTestId('audit-trail');
  for (const e of ['Permintaan akses diajukan', 'Dikembalikan untuk revisi', 'Formulir direvisi dan diajukan ulang', 'Disetujui IT Manager', 'Akses diberikan', 'Akses dicabut']) await expect(trail).toContainText(e);

  // The printed form, read back from Chromium's PDF.
  await page.getByRole('button', { name: 'Cetak formulir' }).click();
  await expect(page.getByTestId('access-doc')).toBeVisible();
  const text = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
  for (const phrase of ['FORMULIR PERMINTAAN AKSES SISTEM INFORMASI', docNo, ANDI.name, ANDI.nip, 'Email', 'andi.wijaya@makassarkota.go.id', 'HRIS', 'Revisi ke-2', 'VPN hanya untuk pejabat struktural', 'Hendra Gunawan', 'Dra. Ratna Sari', 'Andi Pratama', 'Teguh Santoso']) {
    expect(pdfContains(text, phrase), phrase).toBe(true);
  }

  // The employee's page lists the access still in force.
  await page.goBack();
  await openNav(page, 'Pegawai');
  await page.getByTestId('employees').getByRole('link', { name: ANDI.name }).click();
  const card = page.getByRole('region', { name: 'Akses sistem' });
  await expect(card).toContainText('andi.wijaya@makassarkota.go.id');
  await expect(card).not.toContainText('HRIS');
});
