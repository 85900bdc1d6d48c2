/**
 * Screenshots of the ticket screens in both languages against a running server (BASE_URL,
 * default http://127.0.0.1:4793; e.g. `PORT=4793 npx tsx src/server/main.ts` after
 * `npx electron-vite build`) into SHOTS_DIR (default docs/screenshots), named
 * tickets-<screen>-<lang>.png. The browser's clock stands at Monday 9 March 2026 10:30 WITA so
 * the SLA clocks show every state: on track, at risk, breached, paused.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4793';
const dir = process.env.SHOTS_DIR ?? 'docs/screenshots';
const NOW = new Date('2026-03-09T02:30:00.000Z'); // Monday 10:30 WITA
mkdirSync(dir, { recursive: true });

async function shot(page: Page, name: string, lang: string) {
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${dir}/tickets-${name}-${lang}.png`, fullPage: true });
}

async function signIn(page: Page, username: string) {
  await page.getByLabel(/Nama pengguna|Username/).fill(username);
  await page.getByLabel(/^Kata sandi$|^Password$/).fill('Rahasia123');
  await page.getByRole('button', { name: /^Masuk$|^Sign in$/ }).click();
  await page.getByRole('button', { name: /^Keluar akun$|^Sign out$/ }).waitFor();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: /^Keluar akun$|^Sign out$/ }).click();
}

interface T {
  subject: string;
  priority: 'high' | 'medium' | 'low';
  received: string;
  name: string;
  dept: string;
  category: string;
  channel: string;
  serial?: string;
}

async function record(page: Page, url: string, t: T): Promise<string> {
  await page.goto(`${url}#/tickets/new`);
  await page.locator('#channel').selectOption(t.channel);
  await page.locator('#receivedLocal').fill(t.received);
  await page.locator('#requesterName').fill(t.name);
  await page.locator('#requesterDepartment').fill(t.dept);
  await page.locator('#requesterContact').fill('ext. 214');
  await page.locator('#category').selectOption(t.category);
  await page.locator('#priority').selectOption(t.priority);
  if (t.serial) await page.locator('#assetSerial').fill(t.serial);
  await page.locator('#subject').fill(t.subject);
  await page.locator('#description').fill(`${t.subject}. Dilaporkan oleh ${t.name}; pengguna sudah mencoba menyalakan ulang perangkat.`);
  await page.getByRole('button', { name: /Simpan tiket|Save ticket/ }).click();
  await page.getByRole('heading', { level: 1, name: t.subject }).waitFor();
  return page.url();
}

async function click(page: Page, name: RegExp) {
  await page.getByRole('button', { name }).click();
}

async function run(lang: 'id' | 'en') {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: lang === 'id' ? 'id-ID' : 'en-GB', timezoneId: 'Asia/Makassar' });
  await page.clock.setFixedTime(NOW);
  const url = `${base}/?db=shots-tickets-${lang}-${Date.now()}`;
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

  // The calendar: cuti bersama pasted in, then the screen.
  await page.goto(`${url}#/admin/calendar`);
  await page.locator('#off-paste').fill('2026-03-18; Cuti bersama Nyepi\n2026-03-23; Cuti bersama Idul Fitri\n2026-03-24; Cuti bersama Idul Fitri');
  await click(page, /Tambahkan dari daftar|Add from the list/);
  await click(page, /Simpan kalender|Save calendar/);
  await page.getByRole('status').filter({ hasText: /tersimpan|saved/i }).waitFor();
  await shot(page, 'calendar', lang);

  await page.goto(`${url}#/admin/users`);
  for (const [name, username, role] of [['Rahmat Hidayat', 'rahmat', 'technician'], ['Budi Hartono', 'budi', 'officer']] as const) {
    await page.locator('#u-name').fill(name);
    await page.locator('#u-username').fill(username);
    await page.locator('#u-password').fill('Rahasia123');
    await page.locator(`#u-roles-${role}`).check();
    if (role !== 'officer') await page.locator('#u-roles-officer').uncheck();
    await page.getByRole('button', { name: /Buat pengguna|Create user/ }).click();
    await page.getByTestId(`user-${username}`).waitFor();
  }
  await signOut(page);
  await signIn(page, 'budi');

  await page.goto(`${url}#/tickets/new`);
  await page.locator('#requesterNip').fill('1987');
  await page.locator('#assetSerial').fill('??');
  await click(page, /Simpan tiket|Save ticket/);
  await shot(page, 'new-errors', lang);

  const tickets: T[] = [
    { subject: 'Server SIMPEG tidak bisa diakses', priority: 'high', received: '2026-03-06T15:00', name: 'Nurul Aisyah', dept: 'Bagian Kepegawaian', category: 'network', channel: 'helpdesk' },
    { subject: 'Laptop bendahara mati total', priority: 'high', received: '2026-03-09T07:30', name: 'Siti Aminah', dept: 'Bagian Keuangan', category: 'hardware', channel: 'phone', serial: '5CG1234XYZ' },
    { subject: 'Email dinas tidak bisa mengirim', priority: 'medium', received: '2026-03-09T09:15', name: 'Syamsul Bahri', dept: 'Sekretariat', category: 'email', channel: 'email' },
    { subject: 'Printer lantai 2 macet', priority: 'low', received: '2026-03-06T10:00', name: 'Fitri Handayani', dept: 'Bagian Umum', category: 'printer', channel: 'walk_in' },
    { subject: 'Akun SIKD terkunci', priority: 'medium', received: '2026-03-09T08:00', name: 'Irwan Setiawan', dept: 'Bagian Hukum', category: 'account', channel: 'form' },
  ];
  await page.goto(`${url}#/tickets/new`);
  await page.locator('#channel').selectOption('phone');
  await page.locator('#requesterName').fill('Siti Aminah');
  await page.locator('#requesterNip').fill('198701012010012001');
  await page.locator('#requesterDepartment').fill('Bagian Keuangan');
  await page.locator('#requesterContact').fill('0812-1111-2222');
  await page.locator('#assetSerial').fill('5CG1234XYZ');
  await page.locator('#subject').fill('Laptop bendahara mati total');
  await page.locator('#description').fill('Laptop mati total sejak pagi, lampu indikator daya tidak menyala.');
  await page.locator('#priority').selectOption('high');
  await shot(page, 'new', lang);
  const urls: string[] = [];
  for (const t of tickets) urls.push(await record(page, url, t));
  await signOut(page);

  // The technician classifies and works three of them and resolves one.
  await signIn(page, 'rahmat');
  for (const i of [0, 1, 3]) {
    await page.goto(urls[i]!);
    await click(page, /Simpan klasifikasi|Save classification/);
    await page.locator('#assignee').selectOption({ label: 'Rahmat Hidayat' });
    await click(page, /^Tugaskan$|^Assign$/);
    await click(page, /Mulai kerjakan|Start work/);
    await page.locator('#resolution').waitFor();
  }
  await page.goto(urls[3]!);
  await page.locator('#resolution').fill('Roller baki 2 dibersihkan, kertas tidak tersangkut lagi.');
  await click(page, /Tandai selesai|Mark resolved/);
  await page.locator('#confirmedBy').waitFor();
  await page.goto(urls[1]!);
  await page.locator('#comment').fill('Adaptor daya diuji: rusak. Mengambil adaptor cadangan dari gudang.');
  await click(page, /Simpan catatan|Save note/);
  await page.getByText('Adaptor daya diuji').first().waitFor();
  await shot(page, 'detail', lang);
  await page.goto(`${url}#/my-work`);
  await page.getByTestId('mywork-assigned').waitFor();
  await shot(page, 'mywork-technician', lang);
  await page.goto(`${url}#/tickets`);
  await page.getByTestId('ticket-queue').waitFor();
  await shot(page, 'queue', lang);
  await signOut(page);

  await signIn(page, 'budi');
  await page.goto(`${url}#/my-work`);
  await page.getByTestId('mywork-awaiting').waitFor();
  await shot(page, 'mywork-officer', lang);
  await page.goto(urls[3]!);
  await page.locator('#confirmedBy').waitFor();
  await shot(page, 'confirm', lang);
  await browser.close();
}

await run('id');
await run('en');
console.log(`screenshots in ${dir}`);
