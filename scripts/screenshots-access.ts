/**
 * Screenshots of the access request screens in both languages, against a running server
 * (BASE_URL, default http://127.0.0.1:4792) into SHOTS_DIR (default docs/screenshots), named
 * access-<screen>-<lang>.png: the form refused empty, filled, the IT Manager's decision, the
 * returned form, the revision, the provisioned request with one access revoked, the list, and
 * the printed form (first page, via pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4792';
const dir = process.env.SHOTS_DIR ?? 'docs/screenshots';
mkdirSync(dir, { recursive: true });
const PASSWORD = 'Rahasia123';

async function shot(page: Page, name: string, lang: string) {
  await page.waitForTimeout(250);
  // A full-page capture keeps the scroll offset, which would draw the sticky sidebar lower down.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${dir}/access-${name}-${lang}.png`, fullPage: true });
}

async function signInAs(page: Page, username: string) {
  await page.getByRole('button', { name: /^(Keluar akun|Sign out)$/ }).click();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#password').press('Enter');
  await page.getByRole('button', { name: /^(Keluar akun|Sign out)$/ }).waitFor();
}

async function run(lang: 'id' | 'en') {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: lang === 'id' ? 'id-ID' : 'en-GB', timezoneId: 'Asia/Makassar' });
  const go = (route: string) => page.evaluate((r) => (location.hash = r), route);
  await page.goto(`${base}/?db=shots-access-${lang}-${Date.now()}`);
  if (lang === 'en') await page.getByRole('button', { name: 'EN' }).click();
  await page.getByLabel(/Nama instansi|Agency/).fill('Dinas Komunikasi dan Informatika Kota Makassar');
  await page.getByLabel(/^Unit/).fill('Bidang Teknologi Informasi dan Komunikasi');
  await page.getByLabel(/Zona waktu|time zone/).selectOption('WITA');
  await page.getByLabel(/Alamat|Address/).fill('Jl. Jend. Ahmad Yani No. 2, Makassar 90111');
  await page.getByLabel(/Nama lengkap|Full name/).fill('Andi Pratama');
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#passwordAgain').fill(PASSWORD);
  await page.getByRole('button', { name: /Simpan dan mulai|Save and start/ }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  for (const [name, username, role] of [['Rina Marlina', 'rina', 'officer'], ['Teguh Santoso', 'teguh', 'technician']] as const) {
    await go('/admin/users');
    await page.locator('#u-name').fill(name);
    await page.locator('#u-username').fill(username);
    await page.locator('#u-password').fill(PASSWORD);
    for (const r of ['officer', 'technician'] as const) await page.locator(`#u-roles-${r}`).setChecked(r === role);
    await page.getByRole('button', { name: /Buat pengguna|Create user/ }).click();
    await page.getByTestId(`user-${username}`).waitFor();
  }
  await go('/employees');
  for (const [nip, name, dept, pos] of [
    ['199203032015031002', 'Andi Wijaya', 'Bidang Keuangan', 'Analis Keuangan'],
    ['198703122010012004', 'Siti Rahmawati', 'Sekretariat', 'Arsiparis'],
  ]) {
    await page.locator('#emp-nip').fill(nip);
    await page.locator('#emp-name').fill(name);
    await page.locator('#emp-dept').fill(dept);
    await page.locator('#emp-pos').fill(pos);
    await page.getByRole('button', { name: /^Tambah$|^Add$/ }).click();
    await page.getByRole('link', { name }).waitFor();
  }

  await signInAs(page, 'rina');
  await go('/access/new');
  await page.getByRole('button', { name: /Ajukan ke IT Manager|Submit to the IT Manager/ }).click();
  await page.getByRole('alert').first().waitFor();
  await shot(page, 'form-errors', lang);
  await page.locator('#access-employee').fill('1992');
  await page.getByRole('option').first().waitFor();
  await page.locator('#access-employee').press('Enter');
  await page.locator('#req-name').fill('Hendra Gunawan');
  await page.locator('#req-pos').fill('Kepala Sub Bagian Keuangan');
  await page.locator('#head-name').fill('Dra. Ratna Sari');
  await page.locator('#head-pos').fill('Kepala Bidang Keuangan');
  await page.locator('#need').fill('Pegawai baru di Sub Bagian Keuangan: email dinas, VPN untuk kerja dari rumah, HRIS untuk cuti dan absensi.');
  const row = (s: string) => page.locator('.access-system-row').filter({ hasText: s });
  await row('Email').getByRole('checkbox').check();
  await row('Email').locator('select').selectOption('write');
  await row('Email').locator('input[type=text], input:not([type])').last().fill('Kotak surat pribadi');
  await row('VPN').getByRole('checkbox').check();
  await row('HRIS').getByRole('checkbox').check();
  await row('HRIS').locator('input:not([type])').fill('Modul cuti dan absensi');
  await shot(page, 'form', lang);
  await page.getByRole('button', { name: /Ajukan ke IT Manager|Submit to the IT Manager/ }).click();
  await page.getByTestId('access-items').waitFor();
  const route = new URL(page.url()).hash.slice(1);

  await signInAs(page, 'admin');
  await go(route);
  await page.locator('#decision-note').waitFor();
  await shot(page, 'decision', lang);
  await page.locator('#decision-note').fill('VPN hanya untuk pejabat struktural; hapus VPN dari formulir.');
  await page.getByRole('button', { name: /Kembalikan untuk revisi|Return for revision/ }).click();
  await page.getByTestId('return-reason').waitFor();

  await signInAs(page, 'rina');
  await go(`${route}/revise`);
  await row('VPN').getByRole('checkbox').uncheck();
  await shot(page, 'revise', lang);
  await page.getByRole('button', { name: /Ajukan ulang revisi|Resubmit the revision/ }).click();
  await page.getByTestId('access-versions').waitFor();

  await signInAs(page, 'admin');
  await go(route);
  await page.getByRole('button', { name: /^(Setujui|Approve)$/ }).click();
  await page.getByRole('button', { name: /Catat diberikan|Record as given/ }).first().waitFor();

  await signInAs(page, 'teguh');
  await go(route);
  await page.getByRole('textbox', { name: /^(Akun|Account for) Email$/ }).fill('andi.wijaya@makassarkota.go.id');
  await page.locator('tr[data-system="Email"]').getByRole('button', { name: /Catat diberikan|Record as given/ }).click();
  await page.locator('tr[data-system="Email"]').getByText('andi.wijaya@makassarkota.go.id').waitFor();
  await shot(page, 'provisioning', lang);
  await page.getByRole('textbox', { name: /^(Akun|Account for) HRIS$/ }).fill('andi.w');
  await page.locator('tr[data-system="HRIS"]').getByRole('button', { name: /Catat diberikan|Record as given/ }).click();
  await page.locator('tr[data-system="HRIS"]').getByRole('button', { name: /^(Cabut|Revoke)$/ }).click();
  await page.locator('tr[data-system="HRIS"]').getByRole('textbox').fill('Modul cuti dipindah ke aplikasi e-Kinerja');
  await page.getByRole('button', { name: /Cabut akses|Revoke access/ }).click();
  await page.locator('tr[data-system="HRIS"] .revoked').waitFor();
  await shot(page, 'detail', lang);
  await go('/access');
  await page.getByTestId('access-requests').waitFor();
  await shot(page, 'list', lang);

  await go(`/print${route}`);
  {
    await page.getByTestId('access-doc').waitFor();
    await page.waitForTimeout(300);
    const pdf = `/tmp/access-print-${lang}.pdf`;
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, `${dir}/access-print-${lang}`]);
    rmSync(pdf);
  }
  await browser.close();
}

await run('id');
await run('en');
console.log(`screenshots in ${dir}`);
