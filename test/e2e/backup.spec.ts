/**
 * Desk backups end to end (docs/shells.md "Desk backups"): a desk connected to its server goes
 * offline and registers visits; the admin downloads a backup; the desk's disk "dies" (its browser
 * context is closed). A new browser profile restores the backup — a wrong passphrase first, which
 * is refused — and, once an admin connects it, the unsent visits reach the server exactly once
 * and appear on a second console. The test runs its own server on an empty PGlite database.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServer } from '../../src/server/app';
import { BUDI, createUser, openNav, PASSWORD, registerVisit, setUpOffice, signIn, signOut, uniqueDb, visitData } from './pages';

const PASSPHRASE = 'meja depan lantai dua';

let app: FastifyInstance;
let url: string;
let downloads: string;

test.beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'meja-e2e-backup-'));
  downloads = await mkdtemp(join(tmpdir(), 'meja-e2e-backup-files-'));
  app = await buildServer({ webRoot: resolve('out/renderer'), dataDir, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(async () => {
  await app?.close();
});

async function consoleAt(browser: Browser) {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', acceptDownloads: true });
  return { context, page: await context.newPage() };
}

async function connect(page: Page, username: string) {
  await openNav(page, 'Pengaturan');
  const form = page.getByRole('form', { name: 'Server sinkronisasi' });
  await form.getByLabel('Nama pengguna').fill(username);
  await form.getByLabel('Kata sandi').fill(PASSWORD);
  await form.getByRole('button', { name: 'Hubungkan' }).click();
  await expect(page.getByText('Perangkat terhubung ke server.')).toBeVisible({ timeout: 30_000 });
}

/** The server's events of one device, in chain order. */
const serverEvents = async (deviceId: string) =>
  app.syncDb.query<{ id: string; type: string; status: string }>(`SELECT id, type, status FROM events WHERE device_id = $1 ORDER BY device_seq`, [deviceId]);

test('backup while offline, restore in a new profile, unsent visits reach the server exactly once', async ({ browser }) => {
  test.setTimeout(240_000);
  const desk = await consoleAt(browser);
  const office = await setUpOffice(desk.page, { db: uniqueDb('desk') });
  // A console whose records have not reached any server: the top bar reminds (once a day) to download a backup.
  const reminder = desk.page.getByTestId('backup-reminder');
  await expect(reminder).toContainText('belum terkirim ke server');
  await expect(reminder.getByRole('button', { name: 'Atur cadangan' })).toBeVisible();
  await reminder.getByRole('button', { name: 'Nanti' }).click();
  await expect(reminder).toHaveCount(0);

  await createUser(desk.page, BUDI.name, BUDI.username, BUDI.roles);
  await connect(desk.page, office.admin.username);
  await expect(desk.page.getByTestId('sync-status')).toContainText('Tersinkron', { timeout: 30_000 });

  // The admin sets the backup passphrase (a short one is refused).
  const panel = desk.page.getByTestId('backup-panel');
  await expect(panel.getByTestId('storage-persistence')).toContainText('Penyimpanan persisten');
  await panel.getByLabel('Frasa sandi', { exact: true }).fill('pendek');
  await panel.getByLabel('Ulangi frasa sandi').fill('pendek');
  await panel.getByRole('button', { name: 'Simpan frasa sandi' }).click();
  await expect(panel.getByText('Frasa sandi cadangan minimal 12 karakter.')).toBeVisible();
  await panel.getByLabel('Frasa sandi', { exact: true }).fill(PASSPHRASE);
  await panel.getByLabel('Ulangi frasa sandi').fill(PASSPHRASE);
  await panel.getByRole('button', { name: 'Simpan frasa sandi' }).click();
  await expect(panel.getByText('Frasa sandi cadangan disimpan.')).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByTestId('backup-passphrase-state')).toContainText('diatur pada');
  const deviceId = await desk.page.evaluate(async (name) => {
    const open = indexedDB.open(`meja-it-${name}`);
    const db = await new Promise<IDBDatabase>((res, rej) => ((open.onsuccess = () => res(open.result)), (open.onerror = () => rej(open.error))));
    const row = await new Promise<{ deviceId: string }>((res) => {
      const req = db.transaction('meta').objectStore('meta').get('device');
      req.onsuccess = () => res(req.result as { deviceId: string });
    });
    db.close();
    return row.deviceId;
  }, office.db);
  const pushedBefore = await serverEvents(deviceId);
  expect(pushedBefore.length).toBeGreaterThan(0);

  // The network goes; the officer registers two visitors at the desk.
  await signOut(desk.page);
  await desk.context.setOffline(true);
  await signIn(desk.page, BUDI.username);
  const visitors = ['Rina Cadangan Marlina', 'Joko Cadangan Santoso'];
  // Each with their own card: the desk holds one card for one open visit.
  for (const [i, visitorName] of visitors.entries()) await registerVisit(desk.page, visitData({ visitorName, idNumber: `317101120385010${i + 1}` }));
  await expect(desk.page.getByTestId('sync-status')).toContainText('Luring', { timeout: 40_000 });
  await expect(desk.page.getByTestId('sync-status')).toContainText('2 menunggu');

  // The admin downloads a backup before the disk dies.
  await signOut(desk.page);
  await signIn(desk.page, office.admin.username);
  await openNav(desk.page, 'Pengaturan');
  await expect(panel).toContainText('2 catatan belum terkirim ke server.');
  const [download] = await Promise.all([desk.page.waitForEvent('download'), panel.getByRole('button', { name: 'Unduh cadangan' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^meja-it-backup-\d{8}-\d{6}\.mjbak$/);
  const file = join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  await expect(panel.getByText(/^Cadangan diunduh: /)).toBeVisible();
  expect((await readFile(file)).subarray(0, 15).toString('utf8')).toBe('MEJA-IT-BACKUP\n');
  expect(await serverEvents(deviceId)).toEqual(pushedBefore);
  await desk.context.close(); // the desk's disk dies

  // A new browser profile: the first-run screen offers the restore.
  const fresh = await consoleAt(browser);
  await fresh.page.goto(`/?db=${uniqueDb('restored')}`);
  await fresh.page.getByRole('button', { name: 'Pulihkan dari cadangan' }).click();
  const form = fresh.page.getByRole('form', { name: 'Pulihkan dari cadangan' });
  await form.getByLabel('Berkas cadangan').setInputFiles(file);
  await form.getByLabel('Frasa sandi cadangan').fill('frasa yang salah sekali');
  await form.getByRole('button', { name: 'Pulihkan' }).click();
  await expect(form.getByRole('alert')).toHaveText('Frasa sandi cadangan salah.', { timeout: 20_000 });
  await form.getByLabel('Frasa sandi cadangan').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Pulihkan' }).click();

  // Restored: the office's users sign in here; the console says to connect it first.
  await signIn(fresh.page, office.admin.username);
  await expect(fresh.page.getByTestId('restored-notice')).toBeVisible();
  await expect(fresh.page.getByTestId('sync-status')).toContainText('Belum terhubung ke server');
  await openNav(fresh.page, 'Pengaturan');
  await expect(fresh.page.getByTestId('backup-panel')).toContainText('2 catatan belum terkirim ke server.');
  await expect(fresh.page.getByTestId('restored-connect-hint')).toBeVisible();
  await expect(fresh.page.getByTestId('backup-passphrase-state')).toContainText('diatur pada');
  await connect(fresh.page, office.admin.username);
  await expect(fresh.page.getByTestId('sync-status')).toContainText('Tersinkron', { timeout: 30_000 });
  await expect(fresh.page.getByTestId('sync-status')).not.toContainText('menunggu');
  await expect(fresh.page.getByTestId('restored-notice')).toHaveCount(0);

  // The server got the two visits, once each, accepted, right after what it had.
  const after = await serverEvents(deviceId);
  expect(after.slice(0, pushedBefore.length)).toEqual(pushedBefore);
  const added = after.slice(pushedBefore.length);
  expect(added.map((e) => [e.type, e.status])).toEqual([
    ['visit.registered', 'accepted'],
    ['visit.registered', 'accepted'],
  ]);
  const [{ n }] = (await app.syncDb.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type = 'visit.registered'`)) as [{ n: number }];
  expect(n).toBe(2);
  const [{ d }] = (await app.syncDb.query<{ d: number }>(`SELECT count(*)::int AS d FROM auth_audit WHERE event = 'device-key-replaced' AND device_id = $1`, [deviceId])) as [{ d: number }];
  expect(d).toBe(1);

  // A second console joining the office sees each visitor once.
  const laptop = await consoleAt(browser);
  await laptop.page.goto(`/?db=${uniqueDb('laptop')}`);
  await laptop.page.getByRole('button', { name: 'Gabung ke server kantor' }).click();
  const joinForm = laptop.page.getByRole('form', { name: 'Gabung ke server kantor' });
  await joinForm.getByLabel('Nama pengguna').fill(office.admin.username);
  await joinForm.getByLabel('Kata sandi').fill(PASSWORD);
  await joinForm.getByRole('button', { name: 'Gabung dan unduh data' }).click();
  await signIn(laptop.page, office.admin.username);
  await openNav(laptop.page, 'Log Kunjungan');
  for (const visitorName of visitors) await expect(laptop.page.getByRole('link', { name: visitorName })).toHaveCount(1);

  await fresh.context.close();
  await laptop.context.close();
});
