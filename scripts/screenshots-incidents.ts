/**
 * Screenshots of the incident screens and printouts in both languages against a running
 * server (BASE_URL, default http://127.0.0.1:4794) into SHOTS_DIR (default docs/screenshots),
 * named incidents-<screen>-<lang>.png. Walks one incident: the report form (errors, filled),
 * the hard branch, a rework loop 9 → 7, "Menunggu saya", closing, both printouts.
 * Run: npx electron-vite build && PORT=4794 npx tsx src/server/main.ts & npx tsx scripts/screenshots-incidents.ts
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4794';
const dir = process.env.SHOTS_DIR ?? 'docs/screenshots';
mkdirSync(dir, { recursive: true });
const PW = 'Rahasia123';

async function shot(page: Page, name: string, lang: string) {
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${dir}/incidents-${name}-${lang}.png`, fullPage: true });
}

async function signIn(page: Page, username: string) {
  await page.getByLabel(/Nama pengguna|Username/).fill(username);
  await page.getByLabel(/^Kata sandi$|^Password$/).fill(PW);
  await page.getByRole('button', { name: /^Masuk$|^Sign in$/ }).click();
  await page.getByRole('button', { name: /^Keluar akun$|^Sign out$/ }).waitFor();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: /^Keluar akun$|^Sign out$/ }).click();
  await page.getByLabel(/Nama pengguna|Username/).waitFor();
}

async function complete(page: Page, step: number, note: string, outcome?: RegExp) {
  const panel = page.getByTestId('turn-panel');
  await panel.getByText(new RegExp(`(Langkah|Step) ${step} (dari|of) 12`)).waitFor();
  if (outcome) await panel.getByRole('radio', { name: outcome }).check();
  await panel.locator('#step-note').fill(note);
  await panel.getByRole('button', { name: new RegExp(`(Selesaikan langkah|Complete step) ${step}$`) }).click();
  await page.getByTestId('step-history').getByText(note).waitFor();
}

async function run(lang: 'id' | 'en') {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: lang === 'id' ? 'id-ID' : 'en-GB', timezoneId: 'Asia/Makassar' });
  const url = `${base}/?db=shots-inc-${lang}-${Date.now()}`;
  await page.goto(url);
  if (lang === 'en') await page.getByRole('button', { name: 'EN' }).click();
  await page.getByLabel(/Nama instansi|Agency/).fill('Dinas Komunikasi dan Informatika Kota Makassar');
  await page.getByLabel(/^Unit/).fill('Bidang Teknologi Informasi dan Komunikasi');
  await page.getByLabel(/Zona waktu|time zone/).selectOption('WITA');
  await page.getByLabel(/Alamat|Address/).fill('Jl. Jend. Ahmad Yani No. 2, Makassar 90111');
  await page.getByLabel(/Nama lengkap|Full name/).fill('Andi Pratama');
  await page.locator('#password').fill(PW);
  await page.locator('#passwordAgain').fill(PW);
  await page.getByRole('button', { name: /Simpan dan mulai|Save and start/ }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.goto(`${url}#/admin/users`);
  // Budi works as officer, technician and security lead on a small team; Rina checks results.
  for (const [name, username, roles] of [['Budi Hartono', 'budi', ['officer', 'technician', 'security_lead', 'admin']], ['Rina Kusuma', 'rina', ['security_lead']]] as const) {
    await page.locator('#u-name').fill(name);
    await page.locator('#u-username').fill(username);
    await page.locator('#u-password').fill(PW);
    for (const r of ['officer', 'technician', 'security_lead', 'admin', 'approver', 'auditor']) await page.locator(`#u-roles-${r}`).setChecked((roles as readonly string[]).includes(r));
    await page.getByRole('button', { name: /Buat pengguna|Create user/ }).click();
    await page.getByTestId(`user-${username}`).waitFor();
  }
  await signOut(page);
  await signIn(page, 'budi');
  // The helpdesk ticket the incident is escalated from.
  await page.goto(`${url}#/tickets/new`);
  await page.locator('#requesterName').fill('Siti Rahma');
  await page.locator('#requesterDepartment').fill('Bagian Umum');
  await page.locator('#requesterContact').fill('0812-1111-2222');
  await page.locator('#category').selectOption('network');
  await page.locator('#priority').selectOption('high');
  await page.locator('#subject').fill('VPN tidak bisa dipakai, akun terkunci');
  await page.locator('#description').fill('Sejak pagi semua akun VPN terkunci setelah banyak percobaan login.');
  await page.getByRole('button', { name: /Simpan tiket|Save ticket/ }).click();
  await page.getByRole('button', { name: /Eskalasi ke insiden keamanan|Escalate to a security incident/ }).click();
  await page.locator('#title').waitFor();
  await page.getByRole('button', { name: /Simpan laporan|Save report/ }).click();
  await shot(page, 'new-errors', lang);
  await page.locator('#title').fill('Serangan brute force ke VPN kantor');
  await page.locator('#category').selectOption('intrusion');
  await page.locator('#severity').selectOption('high');
  await page.locator('#affectedSystems').fill('VPN kantor, Active Directory');
  await page.locator('#description').fill('4.123 percobaan login gagal ke VPN dari 203.0.113.7 sejak pukul 07.10 WITA.');
  await page.locator('#reporterName').fill('Siti Rahma');
  await page.locator('#reporterContact').fill('0812-1111-2222');
  await page.locator('#evidence').setInputFiles({ name: 'log-vpn.txt', mimeType: 'text/plain', buffer: Buffer.from('login gagal\n'.repeat(500)) });
  await page.getByTestId('new-evidence').waitFor();
  await shot(page, 'new-filled', lang);
  await page.getByRole('button', { name: /Simpan laporan|Save report/ }).click();
  await page.waitForURL(/#\/incidents\/[0-9a-f-]{36}$/);
  const incidentUrl = page.url();
  await shot(page, 'detail-step1', lang);
  await complete(page, 1, 'Laporan dicatat, diteruskan ke Kepala Bidang TIK');
  await complete(page, 2, 'Segera tangani, prioritas tinggi');
  await complete(page, 3, 'Tim teknis: blokir IP dan periksa log AD');
  await page.getByTestId('turn-panel').getByRole('radio').first().waitFor();
  await shot(page, 'detail-step4-branch', lang);
  await complete(page, 4, 'Serangan terdistribusi, perlu konsultasi', /^(Sulit|Hard)/);
  await complete(page, 5, 'Dikonsultasikan dengan Kabid');
  await complete(page, 6, 'Aktifkan MFA VPN dan geo-blocking');
  await complete(page, 7, 'Geo-blocking aktif, MFA untuk 40 akun');
  await complete(page, 8, 'Hasil dilaporkan ke Kasi Keamanan');
  await signOut(page);
  await signIn(page, 'rina');
  await page.goto(`${url}#/incidents?tab=mine`);
  await page.getByTestId('my-incidents').getByRole('link').first().waitFor();
  await shot(page, 'mine', lang);
  await page.goto(incidentUrl);
  await complete(page, 9, 'Masih ada login dari IP lain di rentang yang sama', /^(Belum tuntas|Not done)/);
  await shot(page, 'detail-rework', lang);
  await signOut(page);
  await signIn(page, 'budi');
  await page.goto(incidentUrl);
  await complete(page, 7, 'Rentang 203.0.113.0/24 diblokir');
  await complete(page, 8, 'Perbaikan ulang dilaporkan');
  await signOut(page);
  await signIn(page, 'rina');
  await page.goto(incidentUrl);
  await complete(page, 9, 'Tidak ada lagi login gagal selama 2 jam', /^(Tuntas|Done)/);
  await signOut(page);
  await signIn(page, 'budi');
  await page.goto(incidentUrl);
  await complete(page, 10, 'Laporan penyelesaian diterima');
  await page.locator('#violation-person').fill('Andi Wijaya');
  await page.locator('#violation-rule').fill('SOP Penggunaan Jaringan Tahap 2 butir 3: berbagi akun VPN');
  await page.getByRole('button', { name: /Catat pelanggaran|Record violation/ }).last().click();
  await page.getByTestId('violation').waitFor();
  await page.locator('[id^="sanction-"]').fill('Teguran tertulis pertama');
  await page.getByRole('button', { name: /Tetapkan sanksi|Decide sanction/ }).click();
  await page.getByTestId('violation').getByText('Teguran tertulis pertama').waitFor();
  await page.getByRole('button', { name: /^Ubah$|^Edit$/ }).click();
  await page.locator('#analysis-actions').fill('Blokir rentang IP, MFA wajib untuk VPN, reset kata sandi 40 akun');
  await page.locator('#analysis-rootCause').fill('Kata sandi akun VPN bocor dan dipakai bersama');
  await page.locator('#analysis-mitigation').fill('MFA dan geo-blocking permanen');
  await page.locator('#analysis-lessonsLearned').fill('Sosialisasi larangan berbagi akun');
  await page.getByRole('button', { name: /^Simpan$|^Save$/ }).click();
  await complete(page, 11, 'Tim teknis diberi tahu penanganan selesai');
  await complete(page, 12, 'Pelapor (Siti Rahma) diberi tahu melalui telepon');
  await page.getByTestId('closed-summary').waitFor();
  await shot(page, 'detail-closed', lang);
  await page.goto(`${url}#/incidents`);
  await page.getByTestId('incident-list').waitFor();
  await shot(page, 'list', lang);
  await page.goto(incidentUrl.replace('#/incidents/', '#/print/incident/'));
  await page.getByTestId('incident-report').waitFor();
  await shot(page, 'print-report', lang);
  await page.goto(incidentUrl.replace('#/incidents/', '#/print/incident-completion/'));
  await page.getByTestId('incident-completion').waitFor();
  await shot(page, 'print-completion', lang);
  await browser.close();
}

for (const lang of ['id', 'en'] as const) await run(lang);
console.log(`screenshots in ${dir}`);
