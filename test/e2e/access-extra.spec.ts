/**
 * The access request pieces outside the access screens (SOP-IT-003), end to end in Chromium:
 * the admin edits the office's list of systems (defaults shown, a duplicate refused with the
 * schema's message, the saved list shown again), the employee page has its "Akses sistem" card
 * with the link to request access, and "My work" has the two access sections. The printed form
 * itself is checked in test/renderer/access-print.test.tsx; its end-to-end test needs the
 * request form screens, which create the requests.
 */
import { expect, test } from '@playwright/test';
import { openNav, setUpOffice } from './pages';

const SITI = { nip: '198703122010012004', name: 'Siti Rahmawati', department: 'Bidang Keuangan', position: 'Analis Anggaran' };

test('settings list of systems, the employee access card and the My work sections', async ({ page }) => {
  await setUpOffice(page);

  await test.step('the office list of systems: defaults, a duplicate refused, saved', async () => {
    await openNav(page, 'Pengaturan');
    const card = page.getByRole('form', { name: 'Daftar sistem untuk permintaan akses' });
    const box = card.getByLabel('Sistem (satu per baris)');
    await expect(box).toHaveValue(/^Jaringan internal & internet\nEmail\nVPN\n/);
    await expect(card.getByText('Kantor ini masih memakai daftar bawaan.')).toBeVisible();
    await box.fill('SIMPEG\nSRIKANDI\nsimpeg');
    await card.getByRole('button', { name: 'Simpan daftar sistem' }).click();
    await expect(card.getByRole('alert')).toHaveText('Ada nama sistem yang sama dua kali.');
    await box.fill('SIMPEG\nSRIKANDI\n\nEmail dinas');
    await card.getByRole('button', { name: 'Simpan daftar sistem' }).click();
    await expect(card.getByRole('status')).toHaveText('Perubahan tersimpan.');
    await expect(card.getByText('Kantor ini masih memakai daftar bawaan.')).toBeHidden();
    await openNav(page, 'Pegawai');
    await openNav(page, 'Pengaturan');
    await expect(page.getByRole('form', { name: 'Daftar sistem untuk permintaan akses' }).getByLabel('Sistem (satu per baris)')).toHaveValue('SIMPEG\nSRIKANDI\nEmail dinas');
  });

  await test.step('the employee page: no requests yet, a link to request access', async () => {
    await openNav(page, 'Pegawai');
    const form = page.getByRole('form', { name: 'Tambah pegawai' });
    await form.getByLabel('NIP').fill(SITI.nip);
    await form.getByLabel('Nama', { exact: true }).fill(SITI.name);
    await form.getByLabel('Unit kerja').fill(SITI.department);
    await form.getByLabel('Jabatan').fill(SITI.position);
    await form.getByRole('button', { name: 'Tambah' }).click();
    await page.getByTestId('employees').getByRole('link', { name: SITI.name }).click();
    const card = page.getByTestId('employee-access');
    await expect(card.getByRole('heading', { name: 'Akses sistem' })).toBeVisible();
    await expect(card.getByText('Belum ada permintaan akses untuk pegawai ini.')).toBeVisible();
    await expect(card.getByRole('link', { name: 'Ajukan akses' })).toHaveAttribute('href', /^#\/access\/new\?employee=[0-9a-f-]{36}$/);
  });

  await test.step('My work: the two access sections for an admin', async () => {
    await openNav(page, 'Pekerjaan Saya');
    await expect(page.getByTestId('mywork-access-decide').getByRole('heading', { name: 'Permintaan akses menunggu keputusan' })).toBeVisible();
    await expect(page.getByText('Tidak ada permintaan akses yang menunggu keputusan Anda.')).toBeVisible();
    await expect(page.getByTestId('mywork-access-provision').getByRole('heading', { name: 'Akses yang harus dibuatkan' })).toBeVisible();
    await expect(page.getByText('Tidak ada akses yang menunggu dibuatkan.')).toBeVisible();
  });
});
