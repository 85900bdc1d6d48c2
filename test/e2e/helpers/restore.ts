/** Page steps of the restore requests (Pemulihan Data) shared by the specs. */
import type { Page } from '@playwright/test';
import { openNav } from '../pages';

/**
 * Opens Pemulihan Data and records, for Andi Wijaya, the request for a folder deleted by accident
 * (restored from the local backup of `backupDate`, typed as the field takes it); saves it.
 */
export async function recordRestoreRequest(page: Page, backupDate: string): Promise<void> {
  await openNav(page, 'Pemulihan Data');
  await page.getByRole('button', { name: 'Catat permintaan' }).click();
  await page.getByRole('combobox', { name: 'Pengguna terdampak' }).fill('andi');
  await page.getByRole('option', { name: /Andi Wijaya/ }).click();
  await page.getByLabel('Jenis data').selectOption('folder');
  await page.getByLabel('Lokasi/uraian data').fill('\\\\fileserver\\keuangan\\Laporan 2026');
  await page.getByLabel('Tanggal backup').fill(backupDate);
  await page.getByLabel('Sumber backup').selectOption('local');
  await page.getByLabel('Alasan', { exact: true }).selectOption('lost');
  await page.getByLabel('Keterangan').fill('Folder terhapus tidak sengaja saat merapikan berkas.');
  await page.getByRole('button', { name: 'Simpan permintaan' }).click();
}
