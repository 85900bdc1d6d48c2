/**
 * Backup restore requests (SOP 4) across three users in Chromium: the desk records a user's
 * request (the 1×24 h clock starts), the technician cannot perform it yet (no perform action is
 * offered before both approvals), the IT Manager approves from My work, the desk records the
 * affected user's confirmation, and the technician performs and verifies it two hours later —
 * completed within the deadline.
 */
import { expect, test } from '@playwright/test';
import { addEmployee, createUser, openNav, setUpOffice, signIn, signOut } from './pages';
import { recordRestoreRequest } from './helpers/restore';

const ANDI = { nip: '199203032015031002', name: 'Andi Wijaya', department: 'Bidang Keuangan', position: 'Analis Keuangan' };

test('a restore: requested, not performable before approvals, approved by the IT Manager and the user, performed within 1×24 jam', async ({ page }) => {
  test.setTimeout(150_000);
  await page.clock.install({ time: new Date('2026-03-09T01:00:00.000Z') }); // Senin 08.00 WIB
  await setUpOffice(page);
  await createUser(page, 'Rina Marlina', 'rina', ['officer']);
  await createUser(page, 'Teguh Santoso', 'teguh', ['technician']);
  await addEmployee(page, ANDI);
  await signOut(page);

  // The desk records the request: the deadline clock starts at the request time.
  await signIn(page, 'rina');
  await recordRestoreRequest(page, '2026-03-08');
  const heading = page.getByRole('heading', { level: 1, name: /^Pemulihan .+\/RST\/20260309\// });
  await expect(heading).toBeVisible();
  const docNo = (await heading.textContent())!.replace('Pemulihan ', '');
  await expect(page.locator('.status').first()).toHaveText('Menunggu persetujuan');
  await expect(page.getByTestId('restore-clock')).toHaveText(/^Sisa (24 j 00|23 j 5\d) m$/);
  await expect(page.getByTestId('need-both')).toHaveText('Pemulihan baru dapat dilakukan setelah disetujui IT Manager dan pengguna terkait.');
  await signOut(page);

  // The technician sees it on the list with its clock, but is offered no way to perform it yet.
  await page.clock.fastForward('00:30:00');
  await signIn(page, 'teguh');
  await openNav(page, 'Pemulihan Data');
  const row = page.getByTestId('restore-requests').getByRole('row').filter({ hasText: docNo });
  await expect(row.getByTestId('restore-clock')).toHaveText(/^Sisa 23 j [23]\d m$/);
  await row.getByRole('link', { name: docNo }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Pemulihan ${docNo}` })).toBeVisible();
  await expect(page.getByTestId('need-both')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Catat pemulihan selesai' })).toHaveCount(0);
  await expect(page.getByTestId('perform-card')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Setujui pemulihan' })).toHaveCount(0);
  await openNav(page, 'Pekerjaan Saya');
  await expect(page.getByTestId('mywork-restore-waiting')).toContainText('Tidak ada pemulihan data yang menunggu Anda.');
  await signOut(page);

  // The IT Manager approves from My work.
  await signIn(page, 'admin');
  await openNav(page, 'Pekerjaan Saya');
  const mine = page.getByTestId('mywork-restore-waiting');
  await expect(mine.getByRole('heading', { name: 'Pemulihan data menunggu saya' })).toBeVisible();
  await expect(mine.getByRole('row').filter({ hasText: docNo })).toContainText('Perlu persetujuan IT Manager');
  await mine.getByRole('link', { name: docNo }).click();
  await page.getByLabel('Catatan IT Manager / alasan penolakan').fill('Backup lokal 8 Maret tersedia dan utuh.');
  await page.getByRole('button', { name: 'Setujui pemulihan' }).click();
  await expect(page.getByTestId('approval-manager')).toContainText('Disetujui oleh Andi Pratama');
  await expect(page.locator('.status').first()).toHaveText('Menunggu persetujuan');
  await signOut(page);

  // The desk records the affected user's approval, given by phone.
  await signIn(page, 'rina');
  await openNav(page, 'Pemulihan Data');
  await page.getByTestId('restore-requests').getByRole('link', { name: docNo }).click();
  await page.getByLabel('Nama pengguna (sesuai konfirmasi)').fill('Andi Wijaya');
  await page.getByLabel('Cara konfirmasi').selectOption('phone');
  await page.getByRole('button', { name: 'Catat persetujuan pengguna' }).click();
  await expect(page.getByTestId('approval-user')).toContainText('Dikonfirmasi Andi Wijaya (Telepon)');
  await expect(page.locator('.status').first()).toHaveText('Disetujui, siap dipulihkan');
  await signOut(page);

  // Two hours later the technician performs it from My work and verifies it with the user.
  await page.clock.fastForward('02:00:00');
  await signIn(page, 'teguh');
  await openNav(page, 'Pekerjaan Saya');
  const ready = page.getByTestId('mywork-restore-waiting').getByRole('row').filter({ hasText: docNo });
  await expect(ready).toContainText('Siap dipulihkan');
  await expect(ready.getByTestId('restore-clock')).toHaveText(/^Sisa 21 j \d\d m$/);
  await ready.getByRole('link', { name: docNo }).click();
  await page.getByLabel('Data yang dipulihkan').fill('Folder Laporan 2026 (312 berkas) dari backup lokal 8 Maret.');
  await page.getByLabel('Pengecekan bersama pengguna').selectOption('ok');
  // The end time is not pre-filled: it is typed (here, the start time).
  await page.locator('#completed-at').fill(await page.locator('#started-at').inputValue());
  await page.getByRole('button', { name: 'Catat pemulihan selesai' }).click();
  await expect(page.locator('.status').first()).toHaveText('Selesai');
  await expect(page.getByTestId('restore-clock')).toHaveText('Tepat waktu');
  await expect(page.getByTestId('restore-performed')).toContainText('Dipulihkan oleh Teguh Santoso');
  const trail = page.getByTestId('audit-trail');
  for (const text of ['Permintaan pemulihan dicatat', 'Disetujui IT Manager', 'Disetujui pengguna terkait', 'Pemulihan selesai dilakukan']) await expect(trail).toContainText(text);
  await openNav(page, 'Pemulihan Data');
  await expect(page.getByTestId('restore-requests').getByRole('row').filter({ hasText: docNo })).toContainText('Tepat waktu');
});
