/**
 * Trustworthy events (issue 10) in Chromium: every event is signed by its actor, and what the
 * console shows of it.
 *
 * - A file bundle forged with the project's own (unkeyed) hashes — an event's payload changed,
 *   a new admin claimed in the admin's name with a signature made for something else or with a
 *   key the admin never held, an event with its signature stripped, an event shaped like one
 *   from before signing — is refused with a clear message and writes nothing, not even the
 *   honest events it also carries; the honest bundle imports.
 * - A password changed on one console reaches another console through the office server: that
 *   console locks, the old password is refused there, the new one signs in, and the new key
 *   signs what the user does there.
 * - An admin's reset is a one-time password: the next sign-in shows only the forced change.
 * - A visit's audit trail names who signed each step.
 *
 * The two tests that need an office server start their own on an empty PGlite database (only
 * an empty server accepts the first office), on a port the OS picks. Passwords cost a PBKDF2
 * each (600k iterations), so the tests sign in only where the story needs it.
 */
import { expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServer } from '../../src/server/app';
import { canonicalJson, sha256Hex } from '@shared/hash';
import { contentHash, eventHash, type DomainEvent } from '@shared/events';
import { keyIdOf, signedMessage } from '@shared/signing';
import {
  alertWith,
  approveVisit,
  BUDI,
  createUser,
  goToRoute,
  openNav,
  PASSWORD,
  registerVisit,
  SARI,
  setUpOffice,
  setUpOfficeWithUsers,
  signIn,
  signOut,
  uniqueDb,
  visitData,
} from './pages';

const FORGED = 'Bundel berisi tanda tangan yang tidak sah (dipalsukan atau diubah); tidak ada yang diimpor.';
const UNSIGNED = 'Bundel berisi peristiwa tanpa tanda tangan (dibuat sebelum pembaruan atau diubah); tidak ada yang diimpor. Sinkronkan lewat server kantor.';
const WRONG = 'Nama pengguna atau kata sandi salah.';
const PASSWORD_CHANGED = 'Kata sandi diganti. Tanda tangan Anda kini memakai kunci baru.';

interface Console {
  context: BrowserContext;
  page: Page;
}

const test = base.extend<{ office: { url: string; open: () => Promise<Console> } }>({
  /** An empty office server of this test's own, and a way to open consoles (browser contexts) on it. */
  office: async ({ browser }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'meja-e2e-trust-'));
    const app: FastifyInstance = await buildServer({ webRoot: resolve('out/renderer'), dataDir, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const opened: BrowserContext[] = [];
    await use({ url, open: async () => openConsole(browser, url, opened) });
    for (const c of opened) await c.close();
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  },
});

async function openConsole(browser: Browser, url: string, opened: BrowserContext[]): Promise<Console> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', acceptDownloads: true });
  opened.push(context);
  return { context, page: await context.newPage() };
}

/** As the signed-in admin of a console set up here: connects it to the (empty) server, which takes its office. */
async function connect(page: Page, username: string): Promise<void> {
  await openNav(page, 'Pengaturan');
  const form = page.getByRole('form', { name: 'Server sinkronisasi' });
  await form.getByLabel('Nama pengguna').fill(username);
  await form.getByLabel('Kata sandi').fill(PASSWORD);
  await form.getByRole('button', { name: 'Hubungkan' }).click();
  await expect(page.getByText('Perangkat terhubung ke server.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('sync-status')).toContainText('Tersinkron', { timeout: 30_000 });
}

/** A new console joins the office from its first-run screen and downloads its data; the sign-in screen follows. */
async function joinOffice(page: Page, username: string): Promise<void> {
  await page.goto(`/?db=${uniqueDb('join')}`);
  await page.getByRole('button', { name: 'Gabung ke server kantor' }).click();
  const form = page.getByRole('form', { name: 'Gabung ke server kantor' });
  await form.getByLabel('Nama pengguna').fill(username);
  await form.getByLabel('Kata sandi').fill(PASSWORD);
  await form.getByRole('button', { name: 'Gabung dan unduh data' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk ke konsol' })).toBeVisible({ timeout: 30_000 });
}

// ---- File bundles, as the test (an attacker with a text editor and the project's code) sees them.

interface BundleFile {
  format: string;
  schemaVersion: number;
  officeId: string;
  deviceId: string;
  createdAt: string;
  eventsSha256: string;
  events: DomainEvent[];
}

/**
 * The bundle with these events, each event's hash and the bundle's checksum recomputed as the
 * bundle code does (unkeyed SHA-256): a forgery only a signature can catch.
 */
function reseal(bundle: BundleFile, events: DomainEvent[]): Buffer {
  const sealed = events.map((e) => ({ ...e, hash: eventHash(e) }));
  return Buffer.from(JSON.stringify({ ...bundle, events: sealed, eventsSha256: sha256Hex(canonicalJson(sealed)) }));
}

/**
 * The event signed — correctly, over its content hash as the console signs — with a fresh
 * Ed25519 key that `by` never held (an attacker's own key, put in someone else's name).
 */
function signWithOwnKey(e: DomainEvent, by: string): DomainEvent {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  return { ...e, sig: { by, key: keyIdOf(raw), sig: sign(null, signedMessage(contentHash(e)), privateKey).toString('hex') } };
}

const bundlePanel = (page: Page) => page.getByRole('region', { name: 'Bundel berkas' });

/** Settings → Bundel berkas → Ekspor semua: the downloaded bundle. */
async function exportAll(page: Page): Promise<BundleFile> {
  await openNav(page, 'Pengaturan');
  const panel = bundlePanel(page);
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Ekspor semua', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^meja-it-bundel-\d{8}-\d{4}\.json$/);
  const bundle = JSON.parse(await readFile(await download.path(), 'utf8')) as BundleFile;
  await expect(panel.getByRole('status')).toHaveText(`${bundle.events.length} peristiwa diekspor.`);
  return bundle;
}

/** Settings → Bundel berkas → Impor bundel…; returns the panel, whose message is fresh (the screen was just opened). */
async function importFile(page: Page, name: string, bytes: Buffer) {
  await openNav(page, 'Pengaturan');
  const panel = bundlePanel(page);
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(panel.getByRole('status')).toHaveCount(0);
  await panel.getByLabel('Impor bundel…').setInputFiles({ name, mimeType: 'application/json', buffer: bytes });
  return panel;
}

/** Admin → Pengguna shows exactly these usernames. */
async function expectUsers(page: Page, usernames: string[]): Promise<void> {
  await openNav(page, 'Pengguna');
  await expect(page.getByTestId(`user-${usernames[0]}`)).toBeVisible();
  await expect(page.locator('li[data-testid^="user-"]')).toHaveCount(usernames.length);
  for (const u of usernames) await expect(page.getByTestId(`user-${u}`)).toBeVisible();
}

test('a forged bundle is refused with a clear message and writes nothing; the honest one imports', async ({ office }) => {
  test.setTimeout(180_000);
  const DEWI = { name: 'Dewi Lestari', username: 'dewi' };

  // Head office: the admin sets up the office on the server room desk and connects it.
  const desk = await office.open();
  await setUpOffice(desk.page, { db: uniqueDb('desk') });
  await connect(desk.page, 'admin');

  // A second building's console joins the same office; the admin works there too.
  const annex = await office.open();
  await joinOffice(annex.page, 'admin');
  await signIn(annex.page, 'admin');
  await expectUsers(annex.page, ['admin']);

  // The desk loses the network; the admin creates a user there and carries the change over as a file.
  const bundle = await test.step('the desk, offline, creates a user and exports a bundle', async () => {
    await desk.context.setOffline(true);
    await expect(desk.page.getByTestId('sync-status')).toHaveText('Luring');
    await createUser(desk.page, DEWI.name, DEWI.username, ['officer']);
    return exportAll(desk.page);
  });

  const dewi = bundle.events.find((e) => e.type === 'user.created' && e.payload['username'] === DEWI.username);
  const admin = bundle.events.find((e) => e.type === 'org.setUp');
  expect(dewi, 'the bundle carries the new user').toBeDefined();
  expect(admin).toBeDefined();
  // One signed event, one command, signed by the admin who created the user.
  expect(dewi!.cmd).toEqual({ id: dewi!.id, i: 0, n: 1 });
  expect(dewi!.command?.type).toBe('user.create');
  expect(dewi!.sig?.by).toBe(admin!.actorId);
  expect(dewi!.actorId).toBe(admin!.actorId);
  // The test's resealing is the bundle code's own: unchanged events give the same hashes.
  const same = JSON.parse(reseal(bundle, bundle.events).toString('utf8')) as BundleFile;
  expect(same.eventsSha256).toBe(bundle.eventsSha256);
  expect(same.events.map((e) => e.hash)).toEqual(bundle.events.map((e) => e.hash));

  const withDewi = (change: (e: DomainEvent) => DomainEvent) => bundle.events.map((e) => (e.id === dewi!.id ? change(e) : e));
  /** A new admin "Penyusup", in the admin's name, made from Dewi's event on a device nobody enrolled. */
  const intruder = (): DomainEvent => {
    const id = randomUUID();
    const userId = randomUUID();
    const input = dewi!.command!.input as Record<string, unknown>;
    const changes = { username: 'penyusup', displayName: 'Penyusup', roles: ['admin'] };
    return {
      ...dewi!,
      id,
      recordId: userId,
      payload: { ...dewi!.payload, ...changes },
      cmd: { id, i: 0, n: 1 },
      command: { type: 'user.create', input: { ...input, id: userId, ...changes } },
      deviceId: randomUUID(),
      deviceSeq: 1,
      prevHash: '',
      hash: '',
    };
  };

  const forgeries: { what: string; file: Buffer; message: string }[] = [
    {
      // (a) Dewi made an admin on the way: payload and command changed, hashes recomputed; the admin's signature no longer fits.
      what: 'a payload changed after signing',
      file: reseal(
        bundle,
        withDewi((e) => ({ ...e, payload: { ...e.payload, roles: ['admin'] }, command: { type: e.command!.type, input: { ...(e.command!.input as object), roles: ['admin'] } } })),
      ),
      message: FORGED,
    },
    {
      // (b) A new admin in the admin's name, carrying a real signature of the admin's made over another event.
      what: "a new admin claimed in the admin's name",
      file: reseal(bundle, [...bundle.events, intruder()]),
      message: FORGED,
    },
    {
      // (c) The same, properly signed — with the attacker's own key, which the admin never held.
      what: 'a new admin signed with a key the admin never held',
      file: reseal(bundle, [...bundle.events, signWithOwnKey(intruder(), admin!.actorId)]),
      message: FORGED,
    },
    {
      // (d) The same with no signature at all.
      what: 'an event with its signature stripped',
      file: reseal(bundle, [...bundle.events, (({ sig: _sig, ...rest }) => rest)(intruder())]),
      message: FORGED,
    },
    {
      // (e) Shaped like an event from before signing (no command, no signature).
      what: 'an event shaped like one from before signing',
      file: reseal(bundle, [...bundle.events, (({ sig: _sig, cmd: _cmd, command: _command, ...rest }) => rest)(intruder())]),
      message: UNSIGNED,
    },
  ];

  for (const [i, forgery] of forgeries.entries()) {
    await test.step(`refused: ${forgery.what}`, async () => {
      const panel = await importFile(annex.page, `meja-it-bundel-palsu-${i + 1}.json`, forgery.file);
      await expect(alertWith(panel, forgery.message)).toBeVisible();
      await expect(panel.getByRole('alert')).toHaveText(forgery.message);
      // Nothing written: not the intruder, and not even the honest user the bundle also carries.
      await expectUsers(annex.page, ['admin']);
    });
  }

  await test.step('nothing reached the conflict inbox either', async () => {
    await goToRoute(annex.page, '/sync/conflicts');
    await expect(annex.page.getByText('Tidak ada konflik.')).toBeVisible();
    await expect(annex.page.getByTestId('sync-status')).toContainText('Tersinkron');
    await expect(annex.page.getByTestId('sync-status')).not.toContainText('konflik');
  });

  await test.step('the honest bundle imports: the new user, as an officer', async () => {
    const panel = await importFile(annex.page, 'meja-it-bundel.json', Buffer.from(JSON.stringify(bundle)));
    await expect(panel.getByRole('status')).toHaveText(`1 dari ${bundle.events.length} peristiwa baru diimpor.`);
    await expectUsers(annex.page, ['admin', DEWI.username]);
    const row = annex.page.getByTestId(`user-${DEWI.username}`);
    await expect(row).toContainText(DEWI.name);
    await expect(row).toContainText('Petugas IT Server');
    await expect(row).not.toContainText('Admin');
  });
});

test('a password changed on one console: after sync the other console asks again, refuses the old one and signs in with the new', async ({ office }) => {
  test.setTimeout(180_000);
  const NEW_PASSWORD = 'BaruSekali456';

  // The desk: the office, an officer, connected to the server.
  const desk = await office.open();
  await setUpOffice(desk.page, { db: uniqueDb('desk') });
  await createUser(desk.page, BUDI.name, BUDI.username, BUDI.roles);
  await connect(desk.page, 'admin');

  // Budi's laptop joins and he signs in there.
  const laptop = await office.open();
  await joinOffice(laptop.page, BUDI.username);
  await signIn(laptop.page, BUDI.username);

  await test.step('at the desk, Budi changes his password from the name chip', async () => {
    await signOut(desk.page);
    await signIn(desk.page, BUDI.username);
    await desk.page.getByRole('link', { name: BUDI.name, exact: true }).click();
    await expect(desk.page.getByRole('heading', { level: 1, name: 'Ganti kata sandi' })).toBeVisible();
    await desk.page.getByLabel('Kata sandi saat ini').fill(PASSWORD);
    await desk.page.getByLabel('Kata sandi baru', { exact: true }).fill(NEW_PASSWORD);
    await desk.page.getByLabel('Ulangi kata sandi baru').fill(NEW_PASSWORD);
    await desk.page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    // Soft: the rest of the story still runs when the confirmation is missing (it goes with the
    // screen when the console navigates home after the change).
    await expect.soft(desk.page.getByRole('status').filter({ hasText: PASSWORD_CHANGED })).toBeVisible();
    // The desk goes on with the new key: still signed in, not locked, and the change is pushed.
    await expect(desk.page.getByRole('heading', { name: 'Konsol terkunci' })).toHaveCount(0);
    await expect(desk.page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();
    await expect(desk.page.getByTestId('sync-status')).toHaveText('Tersinkron', { timeout: 20_000 });
  });

  await test.step('the laptop hears of it and locks: the old key no longer signs', async () => {
    await expect(laptop.page.getByRole('heading', { name: 'Konsol terkunci' })).toBeVisible({ timeout: 20_000 });
    await laptop.page.getByRole('button', { name: 'Ganti pengguna' }).click();
    await expect(laptop.page.getByRole('heading', { name: 'Masuk ke konsol' })).toBeVisible();
  });

  await test.step('on the laptop the old password is refused and the new one signs in', async () => {
    await laptop.page.getByLabel('Nama pengguna').fill(BUDI.username);
    await laptop.page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
    await laptop.page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect(alertWith(laptop.page, WRONG)).toBeVisible({ timeout: 20_000 });
    await signIn(laptop.page, BUDI.username, NEW_PASSWORD);
  });

  await test.step('what Budi does on the laptop is signed with the new key and accepted by the server', async () => {
    const visit = visitData({ visitorName: 'Rudi Kunci Baru' });
    await registerVisit(laptop.page, visit);
    await expect(laptop.page.getByTestId('audit-trail').getByTestId('signature').first()).toHaveText(`Ditandatangani ${BUDI.name}`);
    await expect(laptop.page.getByTestId('sync-status')).toHaveText('Tersinkron', { timeout: 20_000 });
    // …and it reaches the desk, signed by him.
    await openNav(desk.page, 'Log Kunjungan');
    await expect(desk.page.getByRole('link', { name: visit.visitorName })).toBeVisible({ timeout: 20_000 });
  });
});

test("an admin's reset forces a change at the next sign-in, and only that", async ({ page }) => {
  test.setTimeout(120_000);
  const ONE_TIME = 'Sementara123';
  const OWN = 'PilihanBudi789';
  await setUpOffice(page);
  await createUser(page, BUDI.name, BUDI.username, BUDI.roles);

  await test.step('the admin sets a new password for Budi', async () => {
    const row = page.getByTestId(`user-${BUDI.username}`);
    await row.getByRole('button', { name: 'Ubah', exact: true }).click();
    await row.getByLabel('Kata sandi baru').fill(ONE_TIME);
    await row.getByRole('button', { name: 'Atur ulang kata sandi' }).click();
    await expect(row.getByLabel('Kata sandi baru')).toHaveValue('', { timeout: 20_000 });
    await expect(row.getByRole('alert')).toHaveCount(0);
    await signOut(page);
  });

  await test.step("Budi's old password no longer works; the one-time one shows only the forced change", async () => {
    await page.getByLabel('Nama pengguna').fill(BUDI.username);
    await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect(alertWith(page, WRONG)).toBeVisible({ timeout: 20_000 });
    await signIn(page, BUDI.username, ONE_TIME);
    await expect(page.getByRole('heading', { level: 1, name: 'Ganti kata sandi sekali pakai' })).toBeVisible();
    await expect(page.getByText('Admin telah mengatur ulang kata sandi Anda. Pilih kata sandi Anda sendiri sebelum melanjutkan.')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toHaveCount(0);
    // No way round it by address either.
    await goToRoute(page, '/visits/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Ganti kata sandi sekali pakai' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Daftarkan pengunjung ruang server' })).toHaveCount(0);
  });

  await test.step('after choosing his own password Budi reaches the normal console', async () => {
    await page.getByLabel('Kata sandi saat ini').fill(ONE_TIME);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(OWN);
    await page.getByLabel('Ulangi kata sandi baru').fill(OWN);
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'Ganti kata sandi sekali pakai' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: BUDI.name, exact: true })).toBeVisible();
  });

  await test.step('the one-time password is spent; his own signs straight in', async () => {
    await signOut(page);
    await page.getByLabel('Nama pengguna').fill(BUDI.username);
    await page.getByLabel('Kata sandi', { exact: true }).fill(ONE_TIME);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect(alertWith(page, WRONG)).toBeVisible({ timeout: 20_000 });
    await signIn(page, BUDI.username, OWN);
    await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Ganti kata sandi sekali pakai' })).toHaveCount(0);
  });
});

test('the audit trail shows who signed each step', async ({ page }) => {
  test.setTimeout(120_000);
  const visit = visitData({ visitorName: 'Rudi Jejak Tanda Tangan' });
  await setUpOfficeWithUsers(page, [BUDI, SARI]);

  await signIn(page, BUDI.username);
  const id = await registerVisit(page, visit);
  await signOut(page);
  await signIn(page, SARI.username);
  await approveVisit(page, id, visit.visitorName);

  const trail = page.getByTestId('audit-trail');
  const registered = trail.getByRole('listitem').filter({ hasText: /^Didaftarkan, identitas ditahan/ });
  const approved = trail.getByRole('listitem').filter({ hasText: /^Disetujui/ });
  await expect(registered).toHaveCount(1);
  await expect(registered.getByTestId('signature')).toHaveText(`Ditandatangani ${BUDI.name}`);
  await expect(approved).toHaveCount(1);
  await expect(approved.getByTestId('signature')).toHaveText(`Ditandatangani ${SARI.name}`);
  // Every step of the visit is signed by the one who did it; none is from before signing.
  const signatures = trail.getByTestId('signature');
  expect(await signatures.count()).toBeGreaterThanOrEqual(2);
  for (const s of await signatures.all()) await expect(s).toHaveText(new RegExp(`^Ditandatangani (${BUDI.name}|${SARI.name})$`));
  await expect(trail).not.toContainText('sebelum penandatanganan');
});
