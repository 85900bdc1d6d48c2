/**
 * Takes screenshots of every screen in both languages against a running `npm run serve`
 * (BASE_URL, default http://127.0.0.1:4780) into SHOTS_DIR (default docs/screenshots).
 * Walks a whole visit: setup, users, register, approve, badge, enter, check-out, archive.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4780';
const dir = process.env.SHOTS_DIR ?? 'docs/screenshots';
mkdirSync(dir, { recursive: true });

async function shot(page: Page, name: string) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel(/Nama pengguna|Username/).fill(username);
  await page.getByLabel(/^Kata sandi$|^Password$/).fill(password);
  await page.getByRole('button', { name: /^Masuk$|^Sign in$/ }).click();
}

async function run(lang: 'id' | 'en') {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: lang === 'id' ? 'id-ID' : 'en-GB', timezoneId: 'Asia/Makassar' });
  const url = `${base}/?db=shots-${lang}-${Date.now()}`;
  await page.goto(url);
  if (lang === 'en') await page.getByRole('button', { name: 'EN' }).click();
  await shot(page, `${lang}-01-setup`);
  await page.getByLabel(/Nama instansi|Agency/).fill('Dinas Komunikasi dan Informatika Kota Makassar');
  await page.getByLabel(/^Unit/).fill('Bidang Teknologi Informasi dan Komunikasi');
  await page.getByLabel(/Zona waktu|time zone/).selectOption('WITA');
  await page.getByLabel(/Alamat|Address/).fill('Jl. Jend. Ahmad Yani No. 2, Makassar 90111');
  await page.getByLabel(/Nama lengkap|Full name/).fill('Andi Pratama');
  await page.locator('#password').fill('Rahasia123');
  await page.locator('#passwordAgain').fill('Rahasia123');
  await page.getByRole('button', { name: /Simpan dan mulai|Save and start/ }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await shot(page, `${lang}-02-board-empty`);
  await page.goto(`${url}#/admin/users`);
  for (const [name, username, role] of [['Sari Wulandari', 'sari', 'approver'], ['Budi Hartono', 'budi', 'officer']] as const) {
    await page.locator('#u-name').fill(name);
    await page.locator('#u-username').fill(username);
    await page.locator('#u-password').fill('Rahasia123');
    await page.locator(`#u-roles-${role}`).check();
    if (role === 'approver') await page.locator('#u-roles-officer').uncheck();
    await page.getByRole('button', { name: /Buat pengguna|Create user/ }).click();
    await page.getByTestId(`user-${username}`).waitFor();
  }
  await shot(page, `${lang}-03-users`);
  await page.goto(`${url}#/admin/settings`);
  await shot(page, `${lang}-04-settings`);
  await page.getByRole('button', { name: /^Keluar akun$|^Sign out$/ }).click();
  await shot(page, `${lang}-05-signin`);
  await signIn(page, 'budi', 'Rahasia123');
  await page.goto(`${url}#/visits/new`);
  await page.getByRole('button', { name: /Simpan dan ajukan|Save and request/ }).click();
  await shot(page, `${lang}-06-register-errors`);
  await page.locator('#visitorName').fill('Rudi Hermawan');
  await page.locator('#organisation').fill('PT Data Nusantara');
  await page.locator('#idNumber').fill('7371011203850001');
  await page.locator('#phone').fill('081234567890');
  await page.locator('#purpose').fill('Penggantian disk RAID server aplikasi');
  await page.locator('#workPlan').fill('Ganti 2 disk yang rusak pada server SIMPEG, rebuild RAID 5, uji layanan.');
  for (const [i, serial] of ['LPT-5CG1234XYZ', 'HDD-WD-7781A'].entries()) {
    const field = page.getByLabel(new RegExp(`^(Nomor seri|Serial number) ${i + 1}$`));
    await field.fill(serial);
    await field.press('Enter');
  }
  await page.getByLabel(/Merek \/ model 1|Brand \/ model 1/).fill('HP EliteBook 840 G8');
  await page.getByLabel(/Merek \/ model 2|Brand \/ model 2/).fill('WD Gold 4TB');
  await page.getByLabel(/^(Jenis perangkat|Device type) 2$/).selectOption('disk');
  await shot(page, `${lang}-07-register-filled`);
  await page.getByRole('button', { name: /Simpan dan ajukan|Save and request/ }).click();
  await page.getByText(/Jejak audit|Audit trail/).waitFor();
  const visitUrl = page.url();
  await shot(page, `${lang}-08-visit-awaiting`);
  await page.getByRole('button', { name: /^Keluar akun$|^Sign out$/ }).click();
  await signIn(page, 'sari', 'Rahasia123');
  await page.goto(`${url}#/approvals`);
  await shot(page, `${lang}-09-approvals`);
  await page.goto(visitUrl);
  await page.getByRole('button', { name: /^Setujui$|^Approve$/ }).click();
  await page.getByRole('button', { name: /^Keluar akun$|^Sign out$/ }).click();
  await signIn(page, 'budi', 'Rahasia123');
  await page.goto(visitUrl);
  await page.getByRole('button', { name: /Serahkan kartu|Issue badge/ }).waitFor();
  await shot(page, `${lang}-10-badge`);
  await page.getByRole('button', { name: /Serahkan kartu|Issue badge/ }).click();
  await page.getByRole('button', { name: /Catat masuk|Record entry/ }).click();
  await page.locator('#checkout-scan').fill('lpt-5cg1234xyz');
  await page.locator('#checkout-scan').press('Enter');
  await page.locator('#checkout-scan').fill('UNKNOWN-999');
  await page.locator('#checkout-scan').press('Enter');
  await shot(page, `${lang}-11-checkout`);
  await page.goto(`${url}#/`);
  await shot(page, `${lang}-12-board-inside`);
  await page.goto(`${url}#/print/evacuation`);
  await shot(page, `${lang}-13-evacuation`);
  await page.goto(visitUrl);
  await page.locator('#checkout-scan').fill('LPT-5CG1234XYZ');
  await page.locator('#checkout-scan').press('Enter');
  await page.getByLabel(/HDD-WD-7781A ditinggal|HDD-WD-7781A stays inside/).check();
  await page.getByLabel(/Alasan HDD|Reason HDD/).fill('Dipasang sebagai pengganti disk rusak');
  await page.locator('#outcome').fill('Server telah diperbaiki dan berfungsi kembali');
  await page.getByLabel(/Kartu akses .* dikembalikan|Badge .* returned/).check();
  await page.getByLabel(/KTP.*dikembalikan|KTP.*handed back/).check();
  await page.getByRole('button', { name: /Catat keluar|Record check-out/ }).click();
  await page.getByRole('button', { name: /^Arsipkan$|^Archive$/ }).click({ timeout: 5000 }).catch(async (e) => {
    await shot(page, `${lang}-error`);
    throw e;
  });
  await page.getByRole('alertdialog').getByRole('button', { name: /^Arsipkan$|^Archive$/ }).click();
  await page.getByText(/diarsipkan: hanya bisa dibaca|archived: read-only/).waitFor();
  await shot(page, `${lang}-14-visit-archived`);
  await page.goto(`${visitUrl.replace('#/visits/', '#/print/visit/')}`);
  await page.getByTestId('visit-form').waitFor();
  await shot(page, `${lang}-15-print-form`);
  await page.goto(`${url}#/visits`);
  await shot(page, `${lang}-16-log`);
  await page.goto(`${url}#/sync/conflicts`);
  await shot(page, `${lang}-17-conflicts`);
  await page.getByRole('button', { name: /^Kunci$|^Lock$/ }).click();
  await shot(page, `${lang}-18-locked`);
  await browser.close();
}

for (const lang of ['id', 'en'] as const) {
  await run(lang).catch(async (e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
console.log(`screenshots in ${dir}`);
