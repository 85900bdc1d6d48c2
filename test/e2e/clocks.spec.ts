/**
 * Clocks that explain themselves, the holiday table, typed dates and one date style (issue 12,
 * items 10, 11, 12 and 20), in Indonesian with the English screens checked for the same items.
 * The e2e office is in WITA; the browser's clock is set with page.clock.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { addEmployee, createUser, goToRoute, openNav, setUpOffice, signIn, signOut } from './pages';
import { recordRestoreRequest } from './helpers/restore';

const SHOTS = 'docs/screenshots';
/** Thursday 24 December 2026, 15:00 WITA: the afternoon before Christmas and a weekend. */
const THU_24_DEC_1500_WITA = new Date('2026-12-24T07:00:00.000Z');
/** Monday 28 December 2026, 14:10 WITA. */
const MON_28_DEC_1410_WITA = new Date('2026-12-28T06:10:00.000Z');

async function lang(page: Page, l: 'ID' | 'EN') {
  await page.getByRole('button', { name: l, exact: true }).click();
}

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function recordTicket(page: Page, subject: string, received?: string) {
  await openNav(page, 'Catat Tiket');
  await page.getByLabel('Saluran').selectOption('phone');
  if (received) await page.getByLabel(/^Diterima pada/).fill(received);
  await page.getByLabel('Nama pelapor').fill('Siti Aminah');
  await page.getByLabel('Unit / bagian').fill('Bagian Keuangan');
  await page.getByLabel('Kontak (telepon atau email)').fill('0812-1111-2222');
  await page.getByLabel('Kategori').selectOption('hardware');
  await page.getByLabel('Prioritas').selectOption('high');
  await page.getByLabel('Ringkasan masalah').fill(subject);
  await page.getByLabel('Uraian masalah').fill('Perangkat tidak dapat digunakan sejak siang.');
  await page.getByRole('button', { name: 'Simpan tiket' }).click();
  await expect(page.getByRole('heading', { name: subject, level: 1 })).toBeVisible();
}

const queueRow = (page: Page, subject: string) => page.getByTestId('ticket-queue').getByRole('row', { name: new RegExp(subject) });

test('item 10: every due time says its basis (clock hours by default) and what a working-hours clock skipped', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(THU_24_DEC_1500_WITA);
  await setUpOffice(page);

  // By default the SOP's "High 4 jam" is clock hours: due at 19.00 the same day, nothing skipped.
  await recordTicket(page, 'Printer keuangan macet');
  const explain = page.getByTestId('due-explain');
  await expect(page.getByTestId('sla-clock')).toContainText('Target: 4 jam · Batas: 24 Des 2026 19.00 WITA');
  await expect(explain).toHaveText('Dihitung dalam jam kalender (berjalan siang-malam, termasuk akhir pekan dan hari libur).');

  // The office chooses working hours for High on Kalender & SLA (an org.update event).
  await openNav(page, 'Kalender & SLA');
  await page.locator('#sla-high-basis').selectOption('working');
  await page.getByRole('button', { name: 'Simpan kalender & SLA' }).click();
  await expect(page.getByText('Perubahan tersimpan.')).toBeVisible();

  // A High ticket now: 1 h on Thursday, Christmas and the weekend skipped, due Monday 10.30.
  await recordTicket(page, 'Server absensi mati');
  await expect(page.getByTestId('sla-clock')).toContainText('Target: 4 jam kerja · Batas: 28 Des 2026 10.30 WITA');
  await expect(explain).toHaveText('Dihitung dalam jam kerja. Tidak dihitung: Natal 25 Des; Sabtu–Minggu 26–27 Des; di luar jam kerja.');
  await shot(page, 'clocks-ticket-due-id');

  // An incident step's deadline (the SOP's standard times are working time) says the same.
  await openNav(page, 'Laporkan Insiden');
  await page.getByLabel('Judul insiden').fill('Email phishing ke bagian keuangan');
  await page.getByLabel('Kategori').selectOption('phishing');
  await page.getByLabel('Tingkat keparahan').selectOption('medium');
  await page.getByLabel('Sistem terdampak').fill('Email kantor');
  await page.getByLabel('Uraian kejadian').fill('Tiga pegawai menerima email berisi tautan login palsu.');
  await page.getByLabel('Nama pelapor').fill('Siti Aminah');
  await page.getByRole('button', { name: 'Simpan laporan' }).click();
  await page.waitForURL(/#\/incidents\/[0-9a-f-]{36}$/);
  const incidentUrl = page.url();
  await expect(page.getByTestId('clock-figures')).toContainText('28 Des 2026 15.00 WITA');
  await expect(page.getByTestId('clock-figures').getByTestId('due-explain')).toHaveText('Dihitung dalam jam kerja. Tidak dihitung: Natal 25 Des; Sabtu–Minggu 26–27 Des; di luar jam kerja.');
  await shot(page, 'clocks-incident-due-id');

  // Queues: the explanation is the clock's tooltip; the first ticket kept its due time.
  await openNav(page, 'Antrian Tiket');
  await expect(queueRow(page, 'Printer keuangan macet').getByTestId('sla-clock')).toHaveAttribute('title', /Batas: 24 Des 2026 19\.00 WITA\nDihitung dalam jam kalender/);
  await expect(queueRow(page, 'Server absensi mati').getByTestId('sla-clock')).toHaveAttribute('title', 'Batas: 28 Des 2026 10.30 WITA\nDihitung dalam jam kerja.\nTidak dihitung: Natal 25 Des; Sabtu–Minggu 26–27 Des; di luar jam kerja.');

  // Monday 14.10: the working-hours clock says its overrun is working time; the clock-hours one does not.
  await page.clock.setFixedTime(MON_28_DEC_1410_WITA);
  await openNav(page, 'Kalender & SLA');
  await openNav(page, 'Antrian Tiket');
  await expect(queueRow(page, 'Server absensi mati')).toContainText('lewat 3 j 40 m jam kerja');
  await expect(queueRow(page, 'Printer keuangan macet')).toContainText('lewat 91 j 10 m');
  await expect(queueRow(page, 'Printer keuangan macet')).not.toContainText('jam kerja');

  // The same in English.
  await lang(page, 'EN');
  await expect(queueRow(page, 'Server absensi mati')).toContainText('3 h 40 m working time over');
  await expect(queueRow(page, 'Server absensi mati').getByTestId('sla-clock')).toHaveAttribute('title', /Counted in working hours\.\nNot counted: Christmas Day 25 Dec; Saturday–Sunday 26–27 Dec; outside working hours\./);
  await queueRow(page, 'Server absensi mati').getByRole('link').first().click();
  await expect(explain).toHaveText('Counted in working hours. Not counted: Christmas Day 25 Dec; Saturday–Sunday 26–27 Dec; outside working hours.');
  await shot(page, 'clocks-ticket-due-en');
  await page.goto(incidentUrl);
  await expect(page.getByTestId('clock-figures').getByTestId('due-explain')).toContainText('Counted in working hours. Not counted: Christmas Day 25 Dec');
  await shot(page, 'clocks-incident-due-en');
  await lang(page, 'ID');
});

test('item 11: the shipped holiday table names Isra Mikraj, has the official 2026 dates, can still be corrected, and date-holidays is not in the console', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(THU_24_DEC_1500_WITA);
  await setUpOffice(page);
  await openNav(page, 'Kalender & SLA');
  const table = page.getByTestId('national-holidays');
  await expect(page.getByTestId('holiday-year')).toHaveText('2026');
  await expect(table.getByRole('row', { name: /16 Jan 2026/ })).toContainText('Isra Mikraj Nabi Muhammad SAW');
  await expect(table.getByRole('row', { name: /Jan 2026/ }).filter({ hasText: 'Maulid' })).toHaveCount(0);
  await expect(table.getByRole('row', { name: /Maulid/ })).toContainText('25 Agu 2026');
  await expect(table.getByRole('row', { name: /Idul Fitri/ })).toHaveText([/21 Mar 2026/, /22 Mar 2026/]);
  await expect(table.getByRole('row', { name: /Paskah/ })).toContainText('5 Apr 2026');
  await expect(table.getByRole('row')).toHaveCount(18); // header + 17 days, as in the SKB 3 Menteri
  // The admin can still correct it: ignore a holiday, add a day off.
  await table.getByRole('row', { name: /Isra Mikraj/ }).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Simpan kalender & SLA' }).click();
  await expect(page.getByText('Perubahan tersimpan.')).toBeVisible();
  await openNav(page, 'Antrian Tiket');
  await openNav(page, 'Kalender & SLA');
  await expect(table.getByRole('row', { name: /Isra Mikraj/ }).getByRole('checkbox')).toBeChecked();
  await shot(page, 'clocks-holidays-id');

  await lang(page, 'EN');
  await expect(table.getByRole('row', { name: /16 Jan 2026/ })).toContainText("Isra Mi'raj of the Prophet Muhammad");
  await expect(table.getByRole('row', { name: /25 Dec 2026/ })).toContainText('Christmas Day');
  await shot(page, 'clocks-holidays-en');
  // Past the table's years the screen says so.
  for (let i = 0; i < 10; i++) await page.getByRole('button', { name: 'Next year' }).click();
  await expect(page.getByTestId('holiday-year')).toHaveText('2036');
  await expect(page.getByText('The built-in table covers 2024–2035.')).toBeVisible();
  await lang(page, 'ID');

  // The console's bundle carries the table, not the library (its data names Isra Mi'raj "Laylat al-Mi'raj").
  const dir = 'out/renderer/assets';
  const js = readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(`${dir}/${f}`, 'utf8')).join('\n');
  expect(js).toContain('Isra Mikraj Nabi Muhammad SAW');
  expect(js).not.toContain("Laylat al-Mi'raj");
  expect(js).not.toContain('date-holidays-parser');
});

test('item 12: dates and times are typed dd/mm/yyyy and 24-hour in both languages, refused at the field when unreadable', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(THU_24_DEC_1500_WITA);
  await setUpOffice(page);
  const natives = page.locator('input[type="date"], input[type="time"], input[type="datetime-local"], input[type="month"]');

  await openNav(page, 'Catat Tiket');
  const received = page.getByLabel(/^Diterima pada/);
  await expect(received).toHaveAttribute('type', 'text');
  await expect(received).toHaveAttribute('placeholder', 'HH/BB/TTTT JJ:MM');
  await expect(received).toHaveValue('24/12/2026 15:00');
  await expect(natives).toHaveCount(0);
  // Unreadable: refused at the field with the format, and what was typed stays.
  await received.fill('31/02/2026 10:00');
  await received.press('Tab');
  await expect(page.getByText('Tanggal dan jam tidak terbaca. Tulis HH/BB/TTTT JJ:MM (24 jam), misalnya 05/10/2026 14:05.')).toBeVisible();
  await expect(received).toHaveValue('31/02/2026 10:00');
  await expect(received).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'clocks-date-input-id');
  // Day first and 24 hours, a dot accepted: tidied on leaving the field; the ticket is received at 09.00.
  await received.fill('24/12/2026 9.00');
  await received.press('Tab');
  await expect(received).toHaveValue('24/12/2026 09:00');
  await expect(page.getByText(/tidak terbaca/)).toHaveCount(0);
  await page.getByLabel('Saluran').selectOption('phone');
  await page.getByLabel('Nama pelapor').fill('Siti Aminah');
  await page.getByLabel('Unit / bagian').fill('Bagian Keuangan');
  await page.getByLabel('Kontak (telepon atau email)').fill('0812-1111-2222');
  await page.getByLabel('Kategori').selectOption('hardware');
  await page.getByLabel('Prioritas').selectOption('low');
  await page.getByLabel('Ringkasan masalah').fill('Mouse ruang rapat rusak');
  await page.getByLabel('Uraian masalah').fill('Kursor tidak bergerak sejak pagi.');
  await page.getByRole('button', { name: 'Simpan tiket' }).click();
  await expect(page.getByRole('heading', { name: 'Mouse ruang rapat rusak', level: 1 })).toBeVisible();
  await expect(page.getByText('24 Des 2026 09.00 WITA').first()).toBeVisible();

  // Working hours: 24-hour text fields, arrow keys step a minute.
  await openNav(page, 'Kalender & SLA');
  const start = page.getByLabel('Jam masuk Senin');
  await expect(start).toHaveValue('07:30');
  await expect(start).toHaveAttribute('placeholder', 'JJ:MM');
  await start.press('ArrowUp');
  await expect(start).toHaveValue('07:31');
  await expect(natives).toHaveCount(0);

  // Other screens with dates: none is a native (browser-locale) input.
  await openNav(page, 'Log Kunjungan');
  await expect(page.getByLabel('Dari tanggal')).toHaveAttribute('placeholder', 'HH/BB/TTTT');
  await expect(natives).toHaveCount(0);
  for (const route of ['/incidents/new', '/restore/new', '/assets/new', '/ops', '/reports']) {
    await goToRoute(page, route);
    await expect(page.locator('input').first()).toBeVisible();
    await expect(natives, route).toHaveCount(0);
  }

  // English: the same formats (British), the message in English.
  await openNav(page, 'Catat Tiket');
  await lang(page, 'EN');
  const receivedEn = page.getByLabel(/^Received at/);
  await expect(receivedEn).toHaveAttribute('placeholder', 'DD/MM/YYYY HH:MM');
  await receivedEn.fill('12/31/2026 07:30 PM');
  await receivedEn.press('Tab');
  await expect(page.getByText('Date and time not recognised. Type DD/MM/YYYY HH:MM (24-hour), e.g. 05/10/2026 14:05.')).toBeVisible();
  await shot(page, 'clocks-date-input-en');
  await lang(page, 'ID');
});

test('item 20: one date style, a restore end that is typed and checked, one verification wording, network figures in the monthly report', async ({ page }) => {
  test.setTimeout(240_000);
  await page.clock.install({ time: new Date('2026-03-02T00:00:00.000Z') }); // Monday 2 March 2026, 08.00 WITA
  await setUpOffice(page);
  await createUser(page, 'Teguh Santoso', 'teguh', ['technician']);
  await addEmployee(page, { nip: '199203032015031002', name: 'Andi Wijaya', department: 'Bidang Keuangan', position: 'Analis Keuangan' });
  await signOut(page);

  // The technician records a restore request; the backup date is typed day first.
  await signIn(page, 'teguh');
  await recordRestoreRequest(page, '01/03/2026');
  await expect(page.getByRole('heading', { level: 1, name: /^Pemulihan / })).toBeVisible();
  await expect(page.getByText('1 Mar 2026 · ')).toBeVisible();
  const restoreUrl = page.url();
  await signOut(page);
  await page.clock.fastForward('01:00:00'); // 09.00 WITA (signed out: the idle lock has nothing to lock)

  // The IT Manager approves, the desk records the user's confirmation.
  await signIn(page, 'admin');
  await page.goto(restoreUrl);
  await page.getByLabel('Catatan IT Manager / alasan penolakan').fill('Backup lokal 1 Maret tersedia.');
  await page.getByRole('button', { name: 'Setujui pemulihan' }).click();
  await expect(page.getByTestId('approval-manager')).toContainText('Disetujui oleh Andi Pratama');
  await page.getByLabel('Nama pengguna (sesuai konfirmasi)').fill('Andi Wijaya');
  await page.getByLabel('Cara konfirmasi').selectOption('phone');
  await page.getByRole('button', { name: 'Catat persetujuan pengguna' }).click();
  await expect(page.getByTestId('perform-card')).toBeVisible();

  // Recording the restore: the start is now, the end is empty and must be typed, not before the start.
  const perform = page.getByTestId('perform-card');
  await expect(page.locator('#completed-at')).toHaveValue('');
  await page.locator('#started-at').fill('02/03/2026 08:30');
  await page.getByLabel('Data yang dipulihkan').fill('Folder Laporan 2026 (312 berkas).');
  await page.getByLabel('Pengecekan bersama pengguna').selectOption('ok');
  await page.getByRole('button', { name: 'Catat pemulihan selesai' }).click();
  await expect(perform.getByText('Isi waktu selesai pemulihan.')).toBeVisible();
  await page.locator('#completed-at').fill('02/03/2026 08:15');
  await page.getByRole('button', { name: 'Catat pemulihan selesai' }).click();
  await expect(perform.getByText('Waktu selesai tidak boleh sebelum waktu mulai.')).toBeVisible();
  await expect(page.locator('#completed-at')).toHaveValue('02/03/2026 08:15');
  await shot(page, 'clocks-restore-perform-id');
  await lang(page, 'EN');
  await expect(perform.getByText('Fill in when the restore is finished; not before the start.')).toHaveCount(0); // the error shows instead of the hint
  await shot(page, 'clocks-restore-perform-en');
  await lang(page, 'ID');
  await page.locator('#completed-at').fill('02/03/2026 09:00');
  await page.getByRole('button', { name: 'Catat pemulihan selesai' }).click();
  await expect(page.locator('.status').first()).toHaveText('Selesai');

  // Operations: the day in the screen style, a morning check, a disruption and the weekly verification.
  await openNav(page, 'Operasional hari ini');
  await expect(page.locator('p.subtitle')).toContainText('2 Mar 2026');
  const net = page.getByRole('region', { name: 'Pemeriksaan jaringan pagi' });
  for (const item of ['Koneksi internet', 'Jaringan LAN', 'VPN', 'Server']) await net.getByLabel(`Hasil ${item}`, { exact: true }).selectOption({ label: 'Normal' });
  await net.getByLabel('Hasil WiFi').selectOption({ label: 'Bermasalah' });
  await net.getByLabel('Catatan WiFi').fill('Access point lantai 2 mati');
  await net.getByRole('button', { name: 'Simpan pemeriksaan' }).click();
  await expect(net.getByText('Pemeriksaan jaringan tersimpan.')).toBeVisible();
  const dis = page.getByRole('region', { name: 'Gangguan' });
  await dis.getByLabel('Sistem yang terdampak').fill('WiFi lantai 2');
  await dis.getByLabel('Sumber masalah').selectOption({ label: 'Router' });
  await dis.getByLabel('Mulai terjadi').fill('02/03/2026 08:15');
  await dis.getByLabel('Tindakan perbaikan').fill('Restart access point');
  await dis.getByRole('button', { name: 'Simpan gangguan' }).click();
  const item = page.getByTestId('disruptions').locator('li[data-disruption="WiFi lantai 2"]');
  await item.getByLabel('Penyelesaian').fill('Access point diganti unit cadangan');
  await item.getByLabel('Selesai pada').fill('02/03/2026 09:00');
  await item.getByRole('button', { name: 'Tandai selesai' }).click();
  await expect(item.getByTestId('duration')).toHaveText('45 menit');
  const ver = page.getByRole('region', { name: 'Verifikasi backup mingguan' });
  await ver.getByLabel('Pekerjaan yang diverifikasi').selectOption('Database aplikasi');
  await ver.getByLabel('Di-restore ke').fill('Server uji VM-TEST');
  await ver.getByLabel('Hasil verifikasi').selectOption({ label: 'Data utuh' });
  await ver.getByRole('button', { name: 'Simpan verifikasi' }).click();
  await expect(page.getByTestId('verifications')).toContainText('Data utuh');
  await expect(ver.getByText('Verifikasi terakhir: 2 Mar 2026')).toBeVisible();
  await shot(page, 'clocks-ops-id');

  // The monthly report (March, provisional): the network section, and the verification in the same words.
  await goToRoute(page, '/reports');
  await expect(page.getByLabel('Bulan laporan')).toHaveValue('02/2026'); // the report due now: last month, typed month first
  await page.getByLabel('Bulan laporan').fill('03/2026');
  const network = page.getByTestId('report-network');
  await expect(network.getByRole('heading', { name: 'Jaringan dan Gangguan' })).toBeVisible();
  const figure = (label: string) => network.locator('table.report-facts tr', { has: page.getByRole('rowheader', { name: label, exact: true }) }).locator('td');
  await expect(figure('Hari dengan pengecekan jaringan pagi')).toHaveText('1');
  await expect(figure('Pengecekan yang menemukan masalah')).toHaveText('1');
  await expect(figure('Gangguan tercatat')).toHaveText('1');
  await expect(figure('Gangguan selesai ditangani')).toHaveText('1');
  await expect(figure('Rata-rata lama penanganan (menit)')).toHaveText('45');
  await expect(network.locator('table.report-table tr', { has: page.getByRole('rowheader', { name: 'WiFi', exact: true }) }).locator('td')).toHaveText(['0', '1']);
  await expect(page.getByTestId('report-backups')).toContainText('Verifikasi dengan data utuh');
  await shot(page, 'clocks-report-network-id');
  // In the XLSX export.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor XLSX' }).click()]);
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const sheet = wb.getWorksheet('Jaringan')!;
  const rows = new Map<string, unknown[]>();
  sheet.eachRow((row) => {
    const [label, ...rest] = (row.values as unknown[]).slice(1);
    if (typeof label === 'string') rows.set(label, rest);
  });
  expect(rows.get('Gangguan tercatat')).toEqual([1]);
  expect(rows.get('WiFi')).toEqual([0, 1]);
  // In print.
  await page.getByRole('button', { name: 'Cetak / PDF' }).click();
  await expect(page.getByTestId('report-doc')).toContainText('Jaringan dan Gangguan');
  await expect(page.getByTestId('report-doc')).toContainText('Gangguan tercatat');
  await page.getByRole('button', { name: 'Kembali' }).click();

  // English: the same screens.
  await lang(page, 'EN');
  await expect(network.getByRole('heading', { name: 'Network and Disruptions' })).toBeVisible();
  await expect(page.getByTestId('report-backups')).toContainText('Verifications with data intact');
  await shot(page, 'clocks-report-network-en');
  await goToRoute(page, '/ops');
  await expect(page.locator('p.subtitle')).toContainText('2 Mar 2026');
  await expect(page.getByTestId('verifications')).toContainText('Data intact');
  await shot(page, 'clocks-ops-en');
  await lang(page, 'ID');
});
