/** Page steps of the access requests (Permintaan Akses) shared by the specs. */
import type { Page } from '@playwright/test';

/**
 * Fills the open access request form for Andi Wijaya: the employee, the requesting manager and
 * the division head who signed, and the need. The systems are left to the test.
 */
export async function fillAccessRequest(page: Page, need: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Pegawai' }).fill('andi');
  await page.getByRole('option', { name: /Andi Wijaya/ }).click();
  await page.getByLabel('Nama pemohon').fill('Hendra Gunawan');
  await page.getByLabel('Jabatan pemohon').fill('Kepala Sub Bagian Keuangan');
  await page.getByLabel('Nama kepala divisi').fill('Dra. Ratna Sari');
  await page.getByLabel('Jabatan kepala divisi').fill('Kepala Bidang Keuangan');
  await page.getByLabel('Deskripsi kebutuhan').fill(need);
}
