/**
 * Screenshots of the daily operations, restore request and monthly report screens, against a
 * running server (BASE_URL, default http://127.0.0.1:4792) into SHOTS_DIR (docs/screenshots).
 * The data is recorded once in Indonesian; each screen is then captured in both languages
 * (ops-day-<lang>.png, restore-*-<lang>.png, report-*-<lang>.png; the printed report, always
 * Indonesian, as report-print-id.png).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4792';
const dir = process.env.SHOTS_DIR ?? 'docs/screenshots';
mkdirSync(dir, { recursive: true });
const PASSWORD = 'Rahasia123';

async function both(page: Page, name: string) {
  for (const lang of ['id', 'en'] as const) {
    await page.getByRole('button', { name: lang.toUpperCase(), exact: true }).click();
    await page.waitForTimeout(400);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${dir}/${name}-${lang}.png`, fullPage: true });
  }
  await page.getByRole('button', { name: 'ID', exact: true }).click();
}

async function signInAs(page: Page, username: string) {
  await page.getByRole('button', { name: 'Keluar akun' }).click();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#password').press('Enter');
  await page.getByRole('button', { name: 'Keluar akun' }).waitFor();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
// Tuesday 3 March 2026, 09.30 WITA: a working morning.
await page.clock.install({ time: new Date('2026-03-03T01:30:00.000Z') });
const go = (route: string) => page.evaluate((r) => (location.hash = r), route);
await page.goto(`${base}/?db=shots-ops-${Date.now()}`);
await page.getByLabel(/Nama instansi/).fill('Dinas Komunikasi dan Informatika Kota Makassar');
await page.getByLabel(/^Unit/).fill('Bidang Teknologi Informasi dan Komunikasi');
await page.getByLabel(/Zona waktu/).selectOption('WITA');
await page.getByLabel(/Alamat/).fill('Jl. Jend. Ahmad Yani No. 2, Makassar 90111');
await page.getByLabel(/Nama lengkap/).fill('Andi Pratama');
await page.locator('#password').fill(PASSWORD);
await page.locator('#passwordAgain').fill(PASSWORD);
await page.getByRole('button', { name: /Simpan dan mulai/ }).click();
await page.getByRole('heading', { level: 1 }).first().waitFor();
for (const [name, username, role] of [['Rina Marlina', 'rina', 'officer'], ['Teguh Santoso', 'teguh', 'technician']] as const) {
  await go('/admin/users');
  await page.locator('#u-name').fill(name);
  await page.locator('#u-username').fill(username);
  await page.locator('#u-password').fill(PASSWORD);
  for (const r of ['officer', 'technician'] as const) await page.locator(`#u-roles-${r}`).setChecked(r === role);
  await page.getByRole('button', { name: 'Buat pengguna' }).click();
  await page.getByTestId(`user-${username}`).waitFor();
}
await go('/employees');
await page.locator('#emp-nip').fill('199203032015031002');
await page.locator('#emp-name').fill('Andi Wijaya');
await page.locator('#emp-dept').fill('Bidang Keuangan');
await page.locator('#emp-pos').fill('Analis Keuangan');
await page.getByRole('button', { name: /^Tambah$/ }).click();
await page.getByRole('link', { name: 'Andi Wijaya' }).waitFor();

// The office day, recorded by the technician.
await signInAs(page, 'teguh');
await go('/ops');
const region = (name: string) => page.getByRole('region', { name, exact: true });
const net = region('Pemeriksaan jaringan pagi');
for (const item of ['Koneksi internet', 'Jaringan LAN', 'VPN', 'Server']) await net.getByLabel(`Hasil ${item}`, { exact: true }).selectOption({ label: 'Normal' });
await net.getByLabel('Hasil WiFi').selectOption({ label: 'Bermasalah' });
await net.getByLabel('Catatan WiFi').fill('Access point lantai 2 tidak memancarkan sinyal');
await net.getByRole('button', { name: 'Simpan pemeriksaan' }).click();
await net.getByText('Pemeriksaan jaringan tersimpan.').waitFor();
const dis = region('Gangguan');
await dis.getByLabel('Sistem yang terdampak').fill('WiFi lantai 2');
await dis.getByLabel('Sumber masalah').selectOption({ label: 'Router' });
await dis.getByLabel('Mulai terjadi').fill('2026-03-03T08:40');
await dis.getByLabel('Tindakan perbaikan').fill('Restart access point dan router lantai 2');
await dis.getByRole('button', { name: 'Simpan gangguan' }).click();
const item = page.getByTestId('disruptions').locator('li[data-disruption="WiFi lantai 2"]');
await item.getByLabel('Penyelesaian').fill('Access point diganti dengan unit cadangan');
await item.getByRole('button', { name: 'Tandai selesai' }).click();
await item.getByTestId('duration').waitFor();
const bak = region('Backup harian');
await bak.getByLabel('Hasil Server file harian (Lokal)').selectOption({ label: 'Berhasil' });
await bak.getByLabel('Hasil Database aplikasi (Cloud)').selectOption({ label: 'Gagal' });
await bak.getByLabel('Catatan Database aplikasi (Cloud)').fill('Kuota penyimpanan cloud penuh');
await bak.getByRole('button', { name: 'Simpan hasil backup' }).click();
await bak.getByText('Hasil backup tersimpan.').waitFor();
await both(page, 'ops-day');

// A restore request: recorded at the desk, approved by the IT Manager.
await signInAs(page, 'rina');
await go('/restore');
await page.getByRole('button', { name: 'Catat permintaan' }).click();
await page.getByRole('combobox', { name: 'Pengguna terdampak' }).fill('andi');
await page.getByRole('option', { name: /Andi Wijaya/ }).click();
await page.getByLabel('Jenis data').selectOption('folder');
await page.getByLabel('Lokasi/uraian data').fill('\\\\fileserver\\keuangan\\Laporan 2026');
await page.getByLabel('Tanggal backup').fill('2026-03-02');
await page.getByLabel('Sumber backup').selectOption('local');
await page.getByLabel('Alasan', { exact: true }).selectOption('lost');
await page.getByLabel('Keterangan').fill('Folder terhapus tidak sengaja saat merapikan berkas.');
await page.getByRole('button', { name: 'Simpan permintaan' }).click();
await page.getByTestId('restore-clock').waitFor();
const restoreRoute = new URL(page.url()).hash.slice(1);
await signInAs(page, 'admin');
await go(restoreRoute);
await page.getByLabel('Catatan IT Manager / alasan penolakan').fill('Backup lokal 2 Maret tersedia dan utuh.');
await page.getByRole('button', { name: 'Setujui pemulihan' }).click();
await page.getByTestId('approval-manager').waitFor();
await both(page, 'restore-detail');
await go('/restore');
await page.getByTestId('restore-requests').waitFor();
await both(page, 'restore-list');

// The monthly report of March, two days later (provisional), and its printout.
await page.clock.fastForward('48:00:00');
// Two idle days lock the console (the idle lock): unlock it.
await page.locator('#password').fill(PASSWORD);
await page.locator('#password').press('Enter');
await page.getByRole('button', { name: 'Keluar akun' }).waitFor();
await go('/reports?month=2026-03');
await page.getByRole('heading', { level: 1 }).first().waitFor();
await page.waitForTimeout(1500);
await both(page, 'report');
await go('/print/report/2026-03');
await page.waitForTimeout(1500);
const pdf = '/tmp/report-print-id.pdf';
writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, `${dir}/report-print-id`]);
rmSync(pdf);
await browser.close();
console.log(`screenshots in ${dir}`);
