/**
 * Screenshots of the asset screens and printouts in both languages, against a running server
 * (BASE_URL, default http://127.0.0.1:4792) into SHOTS_DIR (default docs/screenshots), named
 * assets-<screen>-<lang>.png. Walks employees → assets → import → handover → maintenance →
 * return (a missing charger) → wipe → labels. Printouts are also saved as PDF pages (pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4792';
const dir = process.env.SHOTS_DIR ?? 'docs/screenshots';
mkdirSync(dir, { recursive: true });

async function shot(page: Page, name: string, lang: string) {
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${dir}/assets-${name}-${lang}.png`, fullPage: true });
}

/** The printout as Chromium prints it: PDF → PNG of its first page. */
async function printout(page: Page, name: string, lang: string) {
  await page.waitForTimeout(300);
  const pdf = `/tmp/assets-${name}-${lang}.pdf`;
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, `${dir}/assets-${name}-${lang}`]);
  rmSync(pdf);
}

async function sign(page: Page, testId: string) {
  const pad = page.getByTestId(testId);
  await pad.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 85);
  await page.mouse.down();
  for (const [dx, dy] of [[50, 40], [90, 95], [130, 30], [170, 90], [210, 45], [260, 80], [320, 60]] as const) await page.mouse.move(box.x + dx, box.y + dy, { steps: 5 });
  await page.mouse.up();
}

async function scan(page: Page, selector: string, code: string) {
  await page.locator(selector).fill(code);
  await page.locator(selector).press('Enter');
}

const CSV = [
  'Asset Tag,Serial Number,Model name,Manufacturer,Category,Location,Purchase Date,Status,Checked Out To,Accessories',
  'TIK-PC-0101,MXL4021ABC,ProDesk 400 G9,HP,Desktops,Gedung A lt. 1,2024-03-11,Ready to Deploy,,keyboard KB-4021; mouse MS-4021',
  'TIK-MN-0102,CN0F4KX1,P2422H,Dell,Monitors,Gedung A lt. 1,2024-03-11,Ready to Deploy,',
  'TIK-PR-0103,X4AB012345,L3250,Epson,Printers,Gedung B,15/07/2023,Deployed,Rudi Hartono',
  'TIK-LT-0104,PF3KX9A1,ThinkPad E14,Lenovo,Laptops,Gudang TIK,2024-13-01,Ready to Deploy,',
  'TIK-NW-0105,FOC2231X0AB,Catalyst 1000,Cisco,Networking,Ruang Server,2022-09-30,Ready to Deploy,',
  'TIK-XX-0106,KUL-0001,Kulkas Mini,Sharp,Kulkas,Pantry,2021-01-05,Ready to Deploy,',
].join('\n');

const PERSONNEL = [
  'NIP;Nama;Unit Kerja;Jabatan;Email;Status',
  '198512202011011003;Rudi Hartono;Sekretariat;Pengadministrasi Umum;rudi.hartono@makassarkota.go.id;PNS',
  '199203032015031002;Andi Wijaya;Bidang Aplikasi Informatika;Pranata Komputer;andi.wijaya@makassarkota.go.id;PPPK',
  '1.98807E+17;Nurul Hidayah;Bidang Statistik;Statistisi;nurul@makassarkota.go.id;PNS',
  '199407142019022001;Fitri Ananda;Sekretariat;Arsiparis;fitri@makassarkota.go.id;Pensiun',
].join('\n');

async function run(lang: 'id' | 'en') {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: lang === 'id' ? 'id-ID' : 'en-GB', timezoneId: 'Asia/Makassar' });
  const url = `${base}/?db=shots-assets-${lang}-${Date.now()}`;
  const go = (route: string) => page.evaluate((r) => (location.hash = r), route);
  await page.goto(url);
  if (lang === 'en') await page.getByRole('button', { name: 'EN' }).click();
  await page.getByLabel(/Nama instansi|Agency/).fill('Dinas Komunikasi dan Informatika Kota Makassar');
  await page.getByLabel(/^Unit/).fill('Bidang Teknologi Informasi dan Komunikasi');
  await page.getByLabel(/Zona waktu|time zone/).selectOption('WITA');
  await page.getByLabel(/Alamat|Address/).fill('Jl. Jend. Ahmad Yani No. 2, Makassar 90111');
  await page.getByLabel(/Nama lengkap|Full name/).fill('Andi Pratama');
  await page.locator('#password').fill('Rahasia123');
  await page.locator('#passwordAgain').fill('Rahasia123');
  await page.getByRole('button', { name: /Simpan dan mulai|Save and start/ }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await go('/admin/users');
  await page.locator('#u-name').fill('Teguh Santoso');
  await page.locator('#u-username').fill('teguh');
  await page.locator('#u-password').fill('Rahasia123');
  await page.locator('#u-roles-technician').check();
  await page.locator('#u-roles-officer').uncheck();
  await page.getByRole('button', { name: /Buat pengguna|Create user/ }).click();
  await page.getByTestId('user-teguh').waitFor();

  // Employees.
  await go('/employees');
  for (const [nip, name, dept, pos] of [
    ['198703122010012004', 'Siti Rahmawati', 'Bidang Keuangan', 'Analis Anggaran'],
    ['199105052019032011', 'Dewi Lestari', 'Bidang Perencanaan', 'Perencana'],
  ]) {
    await page.locator('#emp-nip').fill(nip);
    await page.locator('#emp-name').fill(name);
    await page.locator('#emp-dept').fill(dept);
    await page.locator('#emp-pos').fill(pos);
    await page.getByRole('button', { name: /^Tambah$|^Add$/ }).click();
    await page.getByRole('link', { name }).waitFor();
  }
  // The rest of the personnel list from the personnel office's file: one NIP Excel turned into a number.
  await go('/employees/import');
  await page.locator('#import-file').setInputFiles({ name: 'daftar-pegawai.csv', mimeType: 'text/csv', buffer: Buffer.from(PERSONNEL) });
  await page.getByTestId('import-summary').waitFor();
  await page.waitForTimeout(500);
  await shot(page, 'employee-import', lang);
  await page.getByRole('button', { name: /Kecualikan semua|Exclude every/ }).click();
  await page.getByTestId('import-submit').click();
  await page.getByTestId('import-done').waitFor();
  await go('/employees');
  await page.getByRole('link', { name: 'Rudi Hartono' }).waitFor();
  await shot(page, 'employees', lang);

  // A new asset: first refused (empty), then filled.
  await go('/assets/new');
  await page.getByRole('button', { name: /Simpan aset|Save asset/ }).click();
  await shot(page, 'form-errors', lang);
  await page.locator('#serial').fill('PF3LZ7Q2');
  await page.locator('#tag').fill('TIK-LT-0001');
  await page.locator('#brand').fill('Lenovo');
  await page.locator('#model').fill('ThinkPad T14 Gen 4');
  await page.locator('#purchaseDate').fill('2025-02-10');
  await page.locator('#warrantyEnd').fill('2028-02-10');
  await page.locator('#location').fill('Gudang TIK lt. 2');
  await scan(page, '#accessory-scan', 'CHG65W-77812');
  await page.getByLabel(/Keterangan 1|Description 1/).fill('Adaptor 65W USB-C');
  await scan(page, '#accessory-scan', 'BAG-2025-0033');
  await page.getByLabel(/Jenis 2|Kind 2/).selectOption('bag');
  await page.getByLabel(/Keterangan 2|Description 2/).fill('Tas ransel 14"');
  await shot(page, 'form', lang);
  await page.getByRole('button', { name: /Simpan aset|Save asset/ }).click();
  await page.getByText(/Jejak audit|Audit trail/).waitFor();
  const assetRoute = new URL(page.url()).hash.slice(1);

  // Import with problems, then resolved.
  await go('/assets/import');
  await page.locator('#import-file').setInputFiles({ name: 'snipeit-export.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByTestId('import-summary').waitFor();
  await page.waitForTimeout(500);
  await shot(page, 'import-preview', lang);
  await page.getByRole('button', { name: /Kecualikan semua|Exclude every/ }).click();
  await page.getByTestId('import-submit').click();
  await page.getByTestId('import-done').waitFor();
  await go('/assets');
  await page.getByTestId('inventory').waitFor();
  await shot(page, 'inventory', lang);

  // Handover of the laptop and the monitor to Siti, signed on screen.
  await go('/handovers/new');
  await page.locator('#h-employee').fill('19');
  await page.getByRole('option').first().waitFor();
  await shot(page, 'handover-picker', lang);
  await page.locator('#h-employee').fill('198703122010012004');
  await page.getByRole('option').first().waitFor();
  await page.locator('#h-employee').press('Enter');
  await scan(page, '#h-scan', 'PF3LZ7Q2');
  await scan(page, '#h-scan', 'TIK-MN-0102');
  await page.locator('#h-email').fill('siti.rahmawati@makassarkota.go.id');
  await page.locator('#h-access').fill('SIMPEG, SIPD, VPN');
  await page.locator('#h-witness').fill('Ir. Rahmat Hidayat');
  await page.locator('#h-witness-title').fill('Kepala Bidang Keuangan');
  await sign(page, 'sig-officer');
  await sign(page, 'sig-employee');
  await shot(page, 'handover', lang);
  await page.getByRole('button', { name: /Serahkan dan cetak|Hand over and print/ }).click();
  await page.getByTestId('handover-doc').waitFor();
  await shot(page, 'bast-preview', lang);
  await printout(page, 'bast-print', lang);

  // Maintenance on the laptop.
  await go(assetRoute);
  await page.getByText(/Jejak audit|Audit trail/).waitFor();
  for (const label of [/Antivirus/, /OS /, /Kata sandi terpasang|Password set/]) await page.getByLabel(label).check();
  await page.locator('#m-notes').fill(lang === 'id' ? 'Kebijakan USB belum diterapkan; dijadwalkan ulang minggu depan.' : 'USB policy not applied yet; rescheduled for next week.');
  await page.getByRole('button', { name: /Simpan pemeliharaan|Save maintenance/ }).click();
  await page.getByTestId('maintenance-history').waitFor();
  await shot(page, 'detail-assigned', lang);
  await go('/assets/maintenance');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot(page, 'maintenance', lang);

  // Return: the charger is missing.
  await go('/employees');
  await page.getByRole('link', { name: 'Siti Rahmawati' }).click();
  await page.getByTestId('held-assets').waitFor();
  await shot(page, 'employee', lang);
  await page.getByRole('link', { name: /^Pengembalian$|^Return$/ }).click();
  await scan(page, '#r-scan', 'PF3LZ7Q2');
  await scan(page, '#r-scan', 'BAG-2025-0033');
  await scan(page, '#r-scan', 'CN0F4KX1');
  await page.getByLabel(/(Hasil pemeriksaan|Check) CHG65W-77812/).selectOption('missing');
  await page.getByLabel(/(Keterangan|Note) CHG65W-77812/).fill(lang === 'id' ? 'Tertinggal di hotel saat dinas luar' : 'Left at a hotel on a work trip');
  await page.locator('#r-witness').fill('Ir. Rahmat Hidayat');
  await sign(page, 'sig-officer');
  await sign(page, 'sig-employee');
  await shot(page, 'return', lang);
  await page.getByRole('button', { name: /Catat pengembalian|Record the return/ }).click();
  await page.getByTestId('handover-doc').waitFor();
  await printout(page, 'return-print', lang);

  // Reissue refused before the wipe, then the wipe.
  await go('/handovers/new');
  await page.locator('#h-employee').fill('199105052019032011');
  await page.getByRole('option').first().waitFor();
  await page.locator('#h-employee').press('Enter');
  await scan(page, '#h-scan', 'PF3LZ7Q2');
  await page.getByRole('alert').first().waitFor();
  await shot(page, 'reissue-refused', lang);
  await go(assetRoute);
  await page.locator('#w-tool').fill('nwipe 0.34');
  await page.locator('#w-verifier').selectOption({ label: 'Teguh Santoso' });
  await shot(page, 'wipe', lang);
  await page.getByRole('button', { name: /Catat wipe|Record wipe/ }).click();
  await page.getByTestId('wipe-history').waitFor();
  await shot(page, 'detail-custody', lang);

  // Labels.
  await go('/assets');
  await page.getByTestId('inventory').waitFor();
  await page.getByRole('button', { name: /Cetak label|Print labels/ }).click();
  await page.getByTestId('labels').waitFor();
  await printout(page, 'labels-print', lang);
  await browser.close();
}

await run('id');
await run('en');
console.log(`screenshots in ${dir}`);
