/**
 * Incident evidence moving between two consoles (two browser contexts, two IndexedDB databases)
 * through one sync server: the events carry only {hash, name, type, size}; the bytes go by
 * `PUT/GET /api/blobs/:hash` on their own (docs/sync.md "Evidence files").
 *
 * The officer's console reports an incident with a PNG; the security lead's laptop sees the
 * incident, its evidence and downloads exactly the same bytes. Then the laptop loses the network
 * while a PDF is attached (it does not hear of it until it is back, and then gets the file), and
 * loses it again between pulling an attachment and fetching its bytes ("Belum diunduh ke
 * perangkat ini" until it is back online; the top bar says "Luring" meanwhile). A console that
 * joins afterwards (a snapshot) gets every file at once. Like sync.spec.ts, the test runs its own server on an
 * empty PGlite database (only an empty server accepts the first office) on a port the OS picks,
 * so it never collides with another run's E2E_PORT.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { buildServer } from '../../src/server/app';
import { PASSWORD, createUser, goToRoute, openNav, setUpOffice, signIn, signOut, uniqueDb } from './pages';

const BUDI = { name: 'Budi Hartono', username: 'budi' }; // officer, at the desk
const RINA = { name: 'Rina Kusuma', username: 'rina' }; // security lead, on her laptop
const TITLE = 'Ransomware di PC Bagian Keuangan';

let app: FastifyInstance;
let url: string;

test.beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'meja-e2e-evidence-'));
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

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** CRC-32 (PNG chunks). */
function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A real PNG of noise (incompressible, so a few hundred KB): width × height RGB. */
function noisePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) randomBytes(width * 3).copy(raw, y * (width * 3 + 1) + 1); // filter 0 per row
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A minimal PDF with one page and a binary stream of `payload` random bytes. */
function pdfWith(payload: number): Buffer {
  const stream = randomBytes(payload);
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  const add = (b: Buffer) => {
    offsets.push(parts.reduce((n, p) => n + p.length, 0));
    parts.push(b);
  };
  add(Buffer.from('1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n'));
  add(Buffer.from('2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n'));
  add(Buffer.from('3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n'));
  add(Buffer.concat([Buffer.from(`4 0 obj << /Length ${stream.length} >> stream\n`), stream, Buffer.from('\nendstream endobj\n')]));
  const xref = parts.reduce((n, p) => n + p.length, 0);
  const table = ['xref', `0 ${offsets.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${table}\ntrailer << /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** SHA-256 of the bytes this console holds for a file, read straight from its IndexedDB (null: none). */
async function heldHash(page: Page, db: string, hash: string): Promise<string | null> {
  return page.evaluate(
    async ({ name, key }) => {
      const idb = await new Promise<IDBDatabase>((ok, ko) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => ko(req.error);
      });
      try {
        const row = await new Promise<{ data?: Uint8Array<ArrayBuffer> } | undefined>((ok, ko) => {
          const req = idb.transaction('blobs').objectStore('blobs').get(key);
          req.onsuccess = () => ok(req.result as { data?: Uint8Array<ArrayBuffer> } | undefined);
          req.onerror = () => ko(req.error);
        });
        if (!row?.data) return null;
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', row.data));
        return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
      } finally {
        idb.close();
      }
    },
    { name: `meja-it-${db}`, key: hash },
  );
}

/** Clicks "Unduh" on a file of the evidence list and returns the downloaded bytes. */
async function download(page: Page, name: string): Promise<{ filename: string; bytes: Buffer }> {
  const item = page.getByTestId('evidence-list').getByRole('listitem').filter({ hasText: name });
  const [file] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: 'Unduh' }).click()]);
  return { filename: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

test('evidence attached on one console reaches another through the server, also across a lost network', async ({ browser }) => {
  test.setTimeout(180_000);
  const png = noisePng(320, 240); // ~230 KB
  const pdf = pdfWith(300 * 1024);
  const log = Buffer.from('2026-03-02 08:15 enkripsi berkas \\\\keu-fs01\\arsip oleh proses svch0st.exe\n'.repeat(3000));
  expect(png.length).toBeGreaterThan(200 * 1024);

  const desk = await consoleAt(browser);
  const deskDb = uniqueDb('desk');
  const office = await setUpOffice(desk.page, { db: deskDb });
  await createUser(desk.page, BUDI.name, BUDI.username, ['officer']);
  await createUser(desk.page, RINA.name, RINA.username, ['security_lead']);

  const laptop = await consoleAt(browser);
  const laptopDb = uniqueDb('laptop');

  await test.step('the desk sets up the server; the laptop joins the office', async () => {
    await openNav(desk.page, 'Pengaturan');
    const connect = desk.page.getByRole('form', { name: 'Server sinkronisasi' });
    await connect.getByLabel('Nama pengguna').fill(office.admin.username);
    await connect.getByLabel('Kata sandi').fill(PASSWORD);
    await connect.getByRole('button', { name: 'Hubungkan' }).click();
    await expect(desk.page.getByText('Perangkat terhubung ke server.')).toBeVisible({ timeout: 30_000 });
    await expect(desk.page.getByTestId('sync-status')).toContainText('Tersinkron', { timeout: 30_000 });

    await laptop.page.goto(`/?db=${laptopDb}`);
    await laptop.page.getByRole('button', { name: 'Gabung ke server kantor' }).click();
    const join = laptop.page.getByRole('form', { name: 'Gabung ke server kantor' });
    await join.getByLabel('Nama pengguna').fill(RINA.username);
    await join.getByLabel('Kata sandi').fill(PASSWORD);
    await join.getByRole('button', { name: 'Gabung dan unduh data' }).click();
    await signIn(laptop.page, RINA.username);
    await openNav(laptop.page, 'Insiden Keamanan');
    await expect(laptop.page.getByTestId('sync-status')).toContainText('Tersinkron', { timeout: 30_000 });
  });

  let id = '';
  await test.step('the officer reports an incident at the desk with a screenshot (PNG)', async () => {
    await signOut(desk.page);
    await signIn(desk.page, BUDI.username);
    await openNav(desk.page, 'Laporkan Insiden');
    await desk.page.getByLabel('Judul insiden').fill(TITLE);
    await desk.page.getByLabel('Kategori').selectOption('malware');
    await desk.page.getByLabel('Tingkat keparahan').selectOption('high');
    await desk.page.getByLabel('Sistem terdampak').fill('PC Keuangan, file server keu-fs01');
    await desk.page.getByLabel('Uraian kejadian').fill('Berkas di folder arsip berubah ekstensi menjadi .locked dan muncul catatan tebusan.');
    await desk.page.getByLabel('Nama pelapor').fill('Siti Rahma');
    await desk.page.getByLabel('Kontak pelapor').fill('0812-1111-2222');
    await desk.page.getByLabel('Lampirkan berkas bukti').setInputFiles({ name: 'catatan-tebusan.png', mimeType: 'image/png', buffer: png });
    await expect(desk.page.getByTestId('new-evidence')).toContainText('catatan-tebusan.png');
    await desk.page.getByRole('button', { name: 'Simpan laporan' }).click();
    await desk.page.waitForURL(/#\/incidents\/[0-9a-f-]{36}$/);
    id = /#\/incidents\/([0-9a-f-]{36})$/.exec(desk.page.url())![1]!;
    await expect(desk.page.getByTestId('evidence-list')).toContainText('catatan-tebusan.png');
    await expect(desk.page.getByTestId('sync-status')).toHaveText('Tersinkron', { timeout: 20_000 });
  });

  await test.step('the laptop sees the incident and its evidence, and downloads the same bytes', async () => {
    const row = laptop.page.getByRole('row').filter({ hasText: TITLE });
    await expect(row).toBeVisible({ timeout: 15_000 });
    await row.getByRole('link').click();
    await laptop.page.waitForURL(new RegExp(`#/incidents/${id}$`));
    await expect(laptop.page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    const item = laptop.page.getByTestId('evidence-list').getByRole('listitem').filter({ hasText: 'catatan-tebusan.png' });
    await expect(item).toContainText('Budi Hartono');
    await expect(item.getByRole('button', { name: 'Unduh' })).toBeVisible({ timeout: 15_000 });
    const got = await download(laptop.page, 'catatan-tebusan.png');
    expect(got.filename).toBe('catatan-tebusan.png');
    expect(got.bytes.length).toBe(png.length);
    expect(sha256(got.bytes)).toBe(sha256(png));
    expect(await heldHash(laptop.page, laptopDb, sha256(png))).toBe(sha256(png));
  });

  await test.step('the laptop is offline while a PDF is attached: it does not hear of it until it is back', async () => {
    await laptop.context.setOffline(true);
    await expect(laptop.page.getByTestId('sync-status')).toHaveText('Luring');
    await desk.page.getByLabel('Lampirkan berkas bukti').setInputFiles({ name: 'log-antivirus.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect(desk.page.getByTestId('evidence-list').getByRole('listitem')).toHaveCount(2);
    await expect(desk.page.getByTestId('evidence-list')).toContainText('log-antivirus.pdf');
    // Pushed, bytes first (the desk's outbox is empty again).
    await expect(desk.page.getByTestId('sync-status')).toHaveText('Tersinkron', { timeout: 20_000 });
    // The laptop still lists only the screenshot, and holds no bytes of the PDF.
    await expect(laptop.page.getByTestId('evidence-list').getByRole('listitem')).toHaveCount(1);
    expect(await heldHash(laptop.page, laptopDb, sha256(pdf))).toBeNull();

    await laptop.context.setOffline(false);
    const item = laptop.page.getByTestId('evidence-list').getByRole('listitem').filter({ hasText: 'log-antivirus.pdf' });
    await expect(item.getByRole('button', { name: 'Unduh' })).toBeVisible({ timeout: 20_000 });
    await expect(laptop.page.getByTestId('sync-status')).toHaveText('Tersinkron', { timeout: 20_000 });
    expect(await heldHash(laptop.page, laptopDb, sha256(pdf))).toBe(sha256(pdf));
    const got = await download(laptop.page, 'log-antivirus.pdf');
    expect(sha256(got.bytes)).toBe(sha256(pdf));
  });

  await test.step('the network drops between the attachment and its bytes: "Belum diunduh" until it is back', async () => {
    // Hold the laptop's download of the file, so it has the event but not yet the bytes.
    let held!: () => void;
    const requested = new Promise<void>((r) => (held = r));
    await laptop.page.route('**/api/blobs/*', async (route) => {
      if (route.request().method() === 'GET') {
        held();
        await route.abort('internetdisconnected');
      } else await route.continue();
    });
    await desk.page.getByLabel('Lampirkan berkas bukti').setInputFiles({ name: 'log-proses.txt', mimeType: 'text/plain', buffer: log });
    await expect(desk.page.getByTestId('sync-status')).toHaveText('Tersinkron', { timeout: 20_000 });
    const item = laptop.page.getByTestId('evidence-list').getByRole('listitem').filter({ hasText: 'log-proses.txt' });
    await expect(item).toBeVisible({ timeout: 15_000 });
    await requested;
    await laptop.context.setOffline(true);
    await expect(laptop.page.getByTestId('sync-status')).toHaveText('Luring');
    await expect(item).toContainText('Belum diunduh ke perangkat ini');
    await expect(item.getByRole('button', { name: 'Unduh' })).toHaveCount(0);
    expect(await heldHash(laptop.page, laptopDb, sha256(log))).toBeNull();
    // The files it already has still open offline.
    expect(sha256((await download(laptop.page, 'catatan-tebusan.png')).bytes)).toBe(sha256(png));

    await laptop.page.unrouteAll();
    await laptop.context.setOffline(false);
    await expect(item.getByRole('button', { name: 'Unduh' })).toBeVisible({ timeout: 20_000 });
    await expect(item).not.toContainText('Belum diunduh');
    expect(await heldHash(laptop.page, laptopDb, sha256(log))).toBe(sha256(log));
    expect(sha256((await download(laptop.page, 'log-proses.txt')).bytes)).toBe(sha256(log));
  });

  await test.step('a console that joins later (a snapshot) gets every file too', async () => {
    const late = await consoleAt(browser);
    const lateDb = uniqueDb('late');
    await late.page.goto(`/?db=${lateDb}`);
    await late.page.getByRole('button', { name: 'Gabung ke server kantor' }).click();
    const join = late.page.getByRole('form', { name: 'Gabung ke server kantor' });
    await join.getByLabel('Nama pengguna').fill(office.admin.username);
    await join.getByLabel('Kata sandi').fill(PASSWORD);
    await join.getByRole('button', { name: 'Gabung dan unduh data' }).click();
    await signIn(late.page, office.admin.username);
    await goToRoute(late.page, `/incidents/${id}`);
    await expect(late.page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    const list = late.page.getByTestId('evidence-list');
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await expect(list.getByRole('button', { name: 'Unduh' })).toHaveCount(3, { timeout: 15_000 });
    for (const bytes of [png, pdf, log]) expect(await heldHash(late.page, lateDb, sha256(bytes))).toBe(sha256(bytes));
    await late.context.close();
  });

  await desk.context.close();
  await laptop.context.close();
});
