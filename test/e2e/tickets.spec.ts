/**
 * Helpdesk tickets in Chromium: a High ticket whose SLA clock runs out (the browser's clock is
 * controlled with page.clock), the whole life of a ticket across roles, refusals that write
 * nothing, and the calendar & SLA settings with cuti bersama pasted in.
 */
import { expect, test, type Page } from '@playwright/test';
import { createUser, goToRoute, openNav, setUpOffice, signIn, signOut } from './pages';

/** Monday 9 March 2026, 11:50 WITA (the e2e office is in WITA; Monday hours 07:30–16:00). */
const MONDAY_1150_WITA = new Date('2026-03-09T03:50:00.000Z');

async function recordTicket(page: Page, t: { subject: string; priority: 'high' | 'medium' | 'low'; received?: string; serial?: string }) {
  await openNav(page, 'Catat Tiket');
  await expect(page.getByRole('heading', { name: 'Catat Tiket', level: 1 })).toBeVisible();
  await page.getByLabel('Saluran').selectOption('phone');
  if (t.received) await page.getByLabel(/^Diterima pada/).fill(t.received);
  await page.getByLabel('Nama pelapor').fill('Siti Aminah');
  await page.getByLabel('NIP (opsional)').fill('198701012010012001');
  await page.getByLabel('Unit / bagian').fill('Bagian Keuangan');
  await page.getByLabel('Kontak (telepon atau email)').fill('0812-1111-2222');
  await page.getByLabel('Kategori').selectOption('hardware');
  await page.getByLabel('Prioritas').selectOption(t.priority);
  if (t.serial) {
    // A scanner types the serial and Enter: focus moves on, nothing is submitted.
    await page.getByLabel('Nomor seri perangkat (opsional)').fill(t.serial);
    await page.getByLabel('Nomor seri perangkat (opsional)').press('Enter');
    await expect(page.getByLabel('Ringkasan masalah')).toBeFocused();
  }
  await page.getByLabel('Ringkasan masalah').fill(t.subject);
  await page.getByLabel('Uraian masalah').fill('Laptop mati total sejak pagi, indikator daya tidak menyala.');
  await page.getByRole('button', { name: 'Simpan tiket' }).click();
  await expect(page.getByRole('heading', { name: t.subject, level: 1 })).toBeVisible();
}

test('a High ticket received at 08:00 is at risk by 11:50 and breached after 12:00, live, in the queue, the ticket and My work', async ({ page }) => {
  // The browser's wall clock stands at 11:50 WITA (timers keep running, so the screens tick).
  await page.clock.setFixedTime(MONDAY_1150_WITA);
  await setUpOffice(page);
  await recordTicket(page, { subject: 'Laptop bendahara mati', priority: 'high', received: '2026-03-09T08:00', serial: 'pf 2abc12' });

  const clock = page.getByTestId('sla-clock');
  await expect(clock).toHaveAttribute('data-level', 'at_risk');
  await expect(clock).toContainText('Berisiko');
  await expect(clock).toContainText('sisa 0 j 10 m');
  await expect(page.getByText('PF2ABC12')).toBeVisible();
  await expect(page.getByText(/^TIK\/TKT\/20260309\//)).toBeVisible();

  await openNav(page, 'Antrian Tiket');
  const row = page.getByTestId('ticket-queue').getByRole('row', { name: /Laptop bendahara mati/ });
  await expect(row.getByTestId('sla-clock')).toHaveAttribute('data-level', 'at_risk');
  await expect(row).toHaveClass(/row-risk/);

  // At 12:02 (the queue's clocks tick without a reload): 4 working hours used, and 2 minutes over.
  await page.clock.setFixedTime(new Date(MONDAY_1150_WITA.getTime() + 12 * 60_000));
  await expect(row.getByTestId('sla-clock')).toHaveAttribute('data-level', 'breached', { timeout: 20_000 }); // the clocks tick every 15 s
  await expect(row).toContainText('Terlewati');
  await expect(row).toContainText('lewat 0 j 02 m');
  await expect(row).toHaveClass(/row-breach/);

  await openNav(page, 'Pekerjaan Saya');
  const unclassified = page.getByTestId('mywork-unclassified');
  await expect(unclassified.getByRole('row', { name: /Laptop bendahara mati/ }).getByTestId('sla-clock')).toHaveAttribute('data-level', 'breached');

  await unclassified.getByRole('link', { name: 'Laptop bendahara mati' }).click();
  await expect(page.getByTestId('sla-clock')).toContainText('lewat 0 j 02 m');
  await expect(page.getByTestId('sla-clock')).toContainText('Target: 4 jam'); // the SOP's clock hours by default

  // Escalation opens the incident form (the incidents workflow) with this ticket named.
  const ticketId = (await page.evaluate(() => location.hash)).split('/').pop()!;
  await page.getByRole('button', { name: 'Eskalasi ke insiden keamanan' }).click();
  await expect(page).toHaveURL(new RegExp(`#/incidents/new\\?ticket=${ticketId}$`));
});

test('a ticket goes from reception to closure across roles; refusals keep what was typed and write nothing', async ({ page }) => {
  await setUpOffice(page);
  await createUser(page, 'Rahmat Hidayat', 'rahmat', ['technician']);
  await createUser(page, 'Budi Hartono', 'budi', ['officer']);
  await signOut(page);
  await signIn(page, 'budi');

  // A bad NIP and a bad serial are refused on their fields; nothing is recorded.
  await openNav(page, 'Catat Tiket');
  await page.getByLabel('Nama pelapor').fill('Siti Aminah');
  await page.getByLabel('NIP (opsional)').fill('12345');
  await page.getByLabel('Nomor seri perangkat (opsional)').fill('!!');
  await page.getByRole('button', { name: 'Simpan tiket' }).click();
  await expect(page.getByText('NIP harus 18 digit angka.')).toBeVisible();
  await expect(page.getByText(/Nomor seri tidak valid/)).toBeVisible();
  await expect(page.getByLabel('Nama pelapor')).toHaveValue('Siti Aminah');
  // A reception time in the future is refused by the command, shown on its field.
  await page.getByLabel('NIP (opsional)').fill('');
  await page.getByLabel('Nomor seri perangkat (opsional)').fill('');
  await page.getByLabel('Unit / bagian').fill('Bagian Umum');
  await page.getByLabel('Kontak (telepon atau email)').fill('ext 204');
  await page.getByLabel('Ringkasan masalah').fill('Printer lantai 2 macet');
  await page.getByLabel('Uraian masalah').fill('Kertas selalu tersangkut di baki 2.');
  await page.getByLabel(/^Diterima pada/).fill('2099-01-01T08:00');
  await page.getByRole('button', { name: 'Simpan tiket' }).click();
  await expect(page.getByText('Waktu diterima tidak boleh di masa depan.')).toBeVisible();
  await goToRoute(page, '/tickets?tab=all');
  await expect(page.getByText('Belum ada tiket.')).toBeVisible();

  await recordTicket(page, { subject: 'Printer keuangan macet', priority: 'medium' });
  await expect(page.getByText('Menunggu klasifikasi oleh tim teknis.')).toBeVisible();
  const ticketUrl = await page.evaluate(() => location.hash);
  await signOut(page);

  // The technician: My work lists it unclassified; classify High, take it, start, resolve.
  await signIn(page, 'rahmat');
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link').first()).toHaveText('Pekerjaan Saya');
  await openNav(page, 'Pekerjaan Saya');
  await page.getByTestId('mywork-unclassified').getByRole('link', { name: 'Printer keuangan macet' }).click();
  await page.locator('#cl-priority').selectOption('high');
  await page.getByRole('button', { name: 'Simpan klasifikasi' }).click();
  await expect(page.getByText('Terklasifikasi')).toBeVisible();
  await page.getByLabel('Petugas teknis').selectOption({ label: 'Rahmat Hidayat' });
  await page.getByRole('button', { name: 'Tugaskan', exact: true }).click();
  await page.getByRole('button', { name: 'Mulai kerjakan' }).click();
  await expect(page.locator('.tstatus')).toHaveText('Dikerjakan');
  await openNav(page, 'Pekerjaan Saya');
  await expect(page.getByTestId('mywork-assigned').getByRole('row', { name: /Printer keuangan macet/ })).toBeVisible();
  await goToRoute(page, ticketUrl.slice(1));
  await page.getByRole('button', { name: 'Tandai selesai' }).click();
  await expect(page.getByText('Tulis apa yang dilakukan untuk menyelesaikan (minimal 5 karakter).')).toBeVisible();
  await page.getByLabel('Penyelesaian').fill('Roller baki 2 dibersihkan dan diganti.');
  await page.getByRole('button', { name: 'Tandai selesai' }).click();
  await expect(page.locator('.tstatus')).toHaveText('Menunggu konfirmasi');
  await expect(page.getByTestId('sla-clock')).toHaveAttribute('data-level', 'paused');
  await signOut(page);

  // The officer records the user's answer: first "not fixed" (a reason is required), then fixed.
  await signIn(page, 'budi');
  await openNav(page, 'Pekerjaan Saya');
  await page.getByTestId('mywork-awaiting').getByRole('link', { name: 'Printer keuangan macet' }).click();
  await page.getByRole('button', { name: 'Belum beres — kembalikan' }).click();
  await expect(page.getByText('Tulis apa yang masih bermasalah (minimal 5 karakter).')).toBeVisible();
  await page.getByLabel('Catatan', { exact: true }).first().fill('Masih macet di baki 2');
  await page.getByRole('button', { name: 'Belum beres — kembalikan' }).click();
  await expect(page.locator('.tstatus')).toHaveText('Dikerjakan');
  await expect(page.getByText('Masih macet di baki 2')).toBeVisible();
  await signOut(page);

  await signIn(page, 'rahmat');
  await goToRoute(page, ticketUrl.slice(1));
  await page.getByLabel('Penyelesaian').fill('Baki 2 diganti unit baru.');
  await page.getByRole('button', { name: 'Tandai selesai' }).click();
  await expect(page.locator('.tstatus')).toHaveText('Menunggu konfirmasi');
  await signOut(page);

  await signIn(page, 'budi');
  await goToRoute(page, ticketUrl.slice(1));
  await page.getByLabel('Cara konfirmasi').selectOption('in_person');
  await page.getByRole('button', { name: 'Sudah beres — tutup tiket' }).click();
  await expect(page.locator('.tstatus')).toHaveText('Ditutup');
  await expect(page.getByTestId('sla-clock')).toHaveAttribute('data-level', 'met');
  await expect(page.getByText(/Siti Aminah \(Langsung\), dicatat oleh Budi Hartono/)).toBeVisible();
  const history = page.locator('.timeline');
  for (const e of ['Tiket dicatat', 'Diklasifikasi', 'Ditugaskan', 'Mulai dikerjakan', 'Belum beres, dikembalikan', 'Dikonfirmasi pengguna, ditutup']) await expect(history).toContainText(e);
  // The escalation button leads to the incident form with the ticket named.
  await expect(page.getByRole('button', { name: 'Eskalasi ke insiden keamanan' })).toHaveCount(0);
});

test('the admin sets working hours, ignores a holiday, pastes cuti bersama and saves the SLA basis', async ({ page }) => {
  await page.clock.setFixedTime(MONDAY_1150_WITA);
  await setUpOffice(page);
  await openNav(page, 'Kalender & SLA');
  await expect(page.getByTestId('holiday-year')).toHaveText('2026');
  await expect(page.getByTestId('national-holidays')).toContainText('Idul Fitri');
  await page.getByTestId('national-holidays').getByRole('row', { name: /Nyepi/ }).getByRole('checkbox').check();

  await page.getByLabel('Tempel daftar').fill('2026-03-23; Cuti bersama Idul Fitri\nbukan tanggal\n24/03/2026; Cuti bersama Idul Fitri');
  await page.getByRole('button', { name: 'Tambahkan dari daftar' }).click();
  // The unreadable line is named at the pasted list itself.
  await expect(page.locator('.field').filter({ has: page.getByLabel('Tempel daftar') }).getByRole('alert')).toHaveText(/Baris berikut tidak terbaca: 2/);
  await expect(page.getByLabel('Tempel daftar')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('days-off')).toHaveCount(0);
  await page.getByLabel('Tempel daftar').fill('2026-03-23; Cuti bersama Idul Fitri\n24/03/2026; Cuti bersama Idul Fitri');
  await page.getByRole('button', { name: 'Tambahkan dari daftar' }).click();
  await expect(page.getByTestId('days-off').getByRole('row')).toHaveCount(3);

  // Closing before opening is refused on its field and nothing is saved.
  await page.getByLabel('Jam pulang Jumat').fill('07:00');
  await page.getByRole('button', { name: 'Simpan kalender & SLA' }).click();
  await expect(page.getByText('Jam pulang harus setelah jam masuk.')).toBeVisible();
  await page.getByLabel('Jam pulang Jumat').fill('16:30');
  await page.locator('#sla-medium-basis').selectOption('working');
  await page.getByRole('button', { name: 'Simpan kalender & SLA' }).click();
  await expect(page.getByText('Perubahan tersimpan.')).toBeVisible();

  // Back from another screen: what was saved is what the form shows, and Medium is 1 working day.
  await openNav(page, 'Antrian Tiket');
  await openNav(page, 'Kalender & SLA');
  await expect(page.getByTestId('days-off').getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('national-holidays').getByRole('row', { name: /Nyepi/ }).getByRole('checkbox')).toBeChecked();
  await expect(page.locator('#sla-medium-basis')).toHaveValue('working');
  await openNav(page, 'Catat Tiket');
  await expect(page.getByLabel('Prioritas').locator('option', { hasText: 'Sedang' })).toHaveText('Sedang — 1 hari kerja');
});
