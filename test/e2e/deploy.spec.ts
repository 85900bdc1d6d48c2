/**
 * The office server as an office deploys it (README "Memasang server kantor"):
 *   - `TLS=self-signed`: a console in Chromium opens the server over HTTPS, trusting exactly the
 *     certificate whose SPKI hash the server printed (--ignore-certificate-errors-spki-list; a
 *     browser without it refuses the certificate), sets up the office, connects and syncs; the
 *     address typed as http:// is redirected to https://;
 *   - a browser that opens the server by a LAN name over plain HTTP (not a secure context: no
 *     WebCrypto) gets the bilingual explanation instead of a sign-in that cannot work.
 * The HTTPS server is src/server/main.ts in a child process on its own DATA_DIR and port, the
 * way `npm run serve` runs it; the plain one is the suite's usual web server.
 */
import { chromium, expect, test, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import config from '../../playwright.config';
import { openNav, PASSWORD, setUpOffice, uniqueDb } from './pages';

const PORT = Number(process.env['E2E_PORT'] ?? 4791);
const BASE_ARGS = config.use?.launchOptions?.args ?? [];
const EXECUTABLE = config.use?.launchOptions?.executablePath;

interface HttpsServer {
  child: ChildProcess;
  url: string;
  fingerprint: string;
  spki: string;
}

/** Starts the server with TLS=self-signed and reads what it prints: its address, fingerprint and SPKI hash. */
async function startHttpsServer(): Promise<HttpsServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'meja-e2e-deploy-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, WEB_ROOT: resolve('out/renderer'), TLS: 'self-signed' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`the HTTPS server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Meja IT: (https:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolvePromise({
        child,
        url,
        fingerprint: /sidik jari SHA-256 sertifikat:\n\s+([0-9A-F:]+)/.exec(output)![1]!,
        spki: /--ignore-certificate-errors-spki-list\): (\S+)/.exec(output)![1]!,
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the HTTPS server exited (${code}):\n${output}`));
    });
  });
}

function launch(extraArgs: string[]): Promise<Browser> {
  return chromium.launch({ executablePath: EXECUTABLE, args: [...BASE_ARGS, ...extraArgs] });
}

test.describe('over HTTPS with the self-signed certificate', () => {
  let server: HttpsServer;
  let browser: Browser | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startHttpsServer();
  });

  test.afterAll(async () => {
    await browser?.close();
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
    }
  });

  test('a console trusting the printed key hash sets up the office, connects and syncs', async () => {
    test.setTimeout(150_000);
    // Without the key hash the browser refuses the self-signed certificate.
    const strict = await launch([]);
    try {
      const page = await strict.newPage();
      await expect(page.goto(`${server.url}/api/health`)).rejects.toThrow(/ERR_CERT/);
    } finally {
      await strict.close();
    }

    browser = await launch([`--ignore-certificate-errors-spki-list=${server.spki}`]);
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    const office = await setUpOffice(page, { db: uniqueDb('https') });
    expect(await page.evaluate(() => window.isSecureContext && !!crypto.subtle)).toBe(true);
    expect(new URL(page.url()).protocol).toBe('https:');
    // The page's own connection is to the certificate the server printed.
    const health = await page.evaluate(() => fetch('/api/health').then((r) => r.json() as Promise<unknown>));
    expect(health).toMatchObject({ status: 'ok', tls: { fingerprint: server.fingerprint, spki: server.spki } });

    // In a browser the desk connects to the server it was served from (https://…): there is no
    // address to type (the browser's sync transport is same-origin only).
    await openNav(page, 'Pengaturan');
    const connect = page.getByRole('form', { name: 'Server sinkronisasi' });
    await expect(connect.getByLabel('Alamat server')).toHaveCount(0);
    await connect.getByLabel('Nama pengguna').fill(office.admin.username);
    await connect.getByLabel('Kata sandi').fill(PASSWORD);
    await connect.getByRole('button', { name: 'Hubungkan' }).click();
    await expect(page.getByText('Perangkat terhubung ke server.')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('sync-status')).toContainText('Tersinkron', { timeout: 30_000 });
    await expect(page.getByTestId('devices')).toContainText('Perangkat ini');

    // The address typed without https:// (plain HTTP on the same port) is sent on to https://.
    const typed = await context.newPage();
    await typed.goto(`${server.url.replace(/^https:/, 'http:')}/?db=${uniqueDb('typed')}`);
    expect(new URL(typed.url()).protocol).toBe('https:');
    await expect(typed.getByRole('heading', { name: 'Pengaturan awal Meja IT' })).toBeVisible();
    await context.close();
  });
});

test.describe('over plain HTTP by a LAN name', () => {
  test('shows the bilingual explanation instead of the console', async () => {
    const browser = await launch(['--host-resolver-rules=MAP kantor.lan 127.0.0.1']);
    try {
      const page = await browser.newPage({ locale: 'id-ID' });
      await page.goto(`http://kantor.lan:${PORT}/?db=${uniqueDb('lan')}`);
      expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
      await expect(page.getByTestId('insecure-context')).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Buka Meja IT lewat https://' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Open Meja IT over https://' })).toBeVisible();
      await expect(page.getByText(/sidik jari SHA-256/)).toBeVisible();
      await expect(page.getByText(/SHA-256 fingerprint/)).toBeVisible();
      const links = page.getByRole('link', { name: `https://kantor.lan:${PORT}/` });
      await expect(links).toHaveCount(2);
      await expect(links.first()).toHaveAttribute('href', new RegExp(`^https://kantor\\.lan:${PORT}/\\?db=lan-`));
      // No form that would do nothing.
      await expect(page.getByRole('heading', { name: 'Pengaturan awal Meja IT' })).toHaveCount(0);
      await expect(page.getByRole('button')).toHaveCount(0);
    } finally {
      await browser.close();
    }
  });
});
