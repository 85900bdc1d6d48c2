/**
 * Two consoles (two browser contexts, two IndexedDB databases) on one sync server: a visit
 * registered in one appears in the other without a reload, pushed by the server's poke.
 * The test runs its own server on an empty PGlite database, because only an empty server
 * accepts the first office.
 */
import { expect, test, type Browser } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServer } from '../../src/server/app';
import { BUDI, SARI, createUser, openNav, registerVisit, setUpOffice, signIn, signOut, uniqueDb, visitData, PASSWORD } from './pages';

let app: FastifyInstance;
let url: string;

test.beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'meja-e2e-sync-'));
  app = await buildServer({ webRoot: resolve('out/renderer'), dataDir, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(async () => {
  await app?.close();
});

async function consoleAt(browser: Browser) {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  return { context, page: await context.newPage() };
}

test('a visit registered on one console appears on another without a reload', async ({ browser }) => {
  test.setTimeout(120_000);
  const desk = await consoleAt(browser);
  const office = await setUpOffice(desk.page, { db: uniqueDb('desk') });
  await createUser(desk.page, BUDI.name, BUDI.username, BUDI.roles);
  await createUser(desk.page, SARI.name, SARI.username, SARI.roles);

  // The front desk connects: it bootstraps the empty server with its office.
  await openNav(desk.page, 'Pengaturan');
  const connect = desk.page.getByRole('form', { name: 'Server sinkronisasi' });
  await connect.getByLabel('Nama pengguna').fill(office.admin.username);
  await connect.getByLabel('Kata sandi').fill(PASSWORD);
  await connect.getByRole('button', { name: 'Hubungkan' }).click();
  await expect(desk.page.getByText('Perangkat terhubung ke server.')).toBeVisible({ timeout: 30_000 });
  await expect(desk.page.getByTestId('sync-status')).toContainText('Tersinkron', { timeout: 30_000 });
  await expect(desk.page.getByTestId('devices')).toContainText('Perangkat ini');

  // The approver's laptop joins the office from its first-run screen.
  const laptop = await consoleAt(browser);
  await laptop.page.goto(`/?db=${uniqueDb('laptop')}`);
  await laptop.page.getByRole('button', { name: 'Gabung ke server kantor' }).click();
  const join = laptop.page.getByRole('form', { name: 'Gabung ke server kantor' });
  await join.getByLabel('Nama pengguna').fill(SARI.username);
  await join.getByLabel('Kata sandi').fill(PASSWORD);
  await join.getByRole('button', { name: 'Gabung dan unduh data' }).click();
  await signIn(laptop.page, SARI.username);
  await openNav(laptop.page, 'Menunggu Persetujuan');
  await expect(laptop.page.getByText('Tidak ada kunjungan yang menunggu persetujuan.')).toBeVisible();

  // The officer registers a visitor at the desk…
  await signOut(desk.page);
  await signIn(desk.page, BUDI.username);
  const visit = visitData({ visitorName: 'Rudi Sinkron Hermawan' });
  await registerVisit(desk.page, visit);

  // …and it shows on the laptop, which was not reloaded.
  await expect(laptop.page.getByRole('link', { name: visit.visitorName })).toBeVisible({ timeout: 10_000 });
  await expect(laptop.page.getByTestId('sync-status')).toContainText('Tersinkron');

  // The approver approves on the laptop; the desk sees it without a reload.
  await laptop.page.getByRole('link', { name: visit.visitorName }).click();
  await laptop.page.getByRole('button', { name: 'Setujui' }).click();
  await expect(desk.page.getByText('Disetujui oleh Sari Wulandari')).toBeVisible({ timeout: 10_000 });

  await desk.context.close();
  await laptop.context.close();
});
