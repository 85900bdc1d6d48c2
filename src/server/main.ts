/**
 * Starts the Meja IT server: `npm run serve` (builds the renderer first). Configuration from
 * the environment: PORT (4780), HOST (127.0.0.1), DATA_DIR (./data), WEB_ROOT (out/renderer),
 * DATABASE_URL (a PostgreSQL server for the sync store; else embedded PGlite in DATA_DIR/pglite),
 * TLS_CERT + TLS_KEY (PEM files: serve HTTPS) or TLS=self-signed (a certificate made in
 * DATA_DIR/tls on the first start; TLS_HOSTS adds names to it). README "Memasang server kantor".
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './app';
import { prepareDataDir, tightenDataDir } from './data-dir';
import { describeTls, loadTls, TlsConfigError, type TlsMaterial } from './tls';

export const DEFAULT_PORT = 4780;
export const DEFAULT_HOST = '127.0.0.1';

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a number from 0 to 65535, got "${value}".`);
    process.exit(1);
  }
  return port;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

async function main(): Promise<void> {
  const port = parsePort(process.env['PORT']);
  const host = process.env['HOST'] || DEFAULT_HOST;
  const dataDir = resolve(process.env['DATA_DIR'] || './data');
  const webRoot = resolve(process.env['WEB_ROOT'] || fileURLToPath(new URL('../../out/renderer', import.meta.url)));

  if (!existsSync(join(webRoot, 'index.html'))) {
    console.error(
      `Meja IT: the web build is missing (${join(webRoot, 'index.html')}).\n` +
        'Run `npm run serve`, which builds the console first and then starts the server.\n' +
        'Meja IT: hasil build web belum ada. Jalankan `npm run serve` (build lalu jalankan server).',
    );
    process.exit(1);
  }
  // Owner-only from here on: umask 077 for every file the server (and PGlite) creates.
  const { foreign } = prepareDataDir(dataDir);
  if (foreign.length > 0) {
    console.warn(
      `Meja IT: DATA_DIR (${dataDir}) also holds other files (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}); its permissions are left as they are. Give the server a folder of its own.\n` +
        'Meja IT: DATA_DIR berisi berkas lain; izin foldernya tidak diubah. Gunakan folder khusus untuk server.',
    );
  }

  let tls: TlsMaterial | null;
  try {
    tls = loadTls(process.env, dataDir);
  } catch (error) {
    if (!(error instanceof TlsConfigError)) throw error;
    console.error(`Meja IT: ${error.message}\nMeja IT: pengaturan TLS salah — lihat README "Memasang server kantor".`);
    process.exit(1);
  }
  if (tls) for (const line of describeTls(tls)) console.log(line);

  const databaseUrl = process.env['DATABASE_URL'] || undefined;
  const app = await buildServer({
    webRoot,
    dataDir,
    databaseUrl,
    logger: { level: 'warn' },
    ...(tls ? { https: { key: tls.key, cert: tls.cert, fingerprint: tls.fingerprint, spki: tls.spki } } : {}),
  });
  console.log(`Meja IT: sync storage ${app.syncDb.label}${databaseUrl ? '' : ' — set DATABASE_URL to use a PostgreSQL server'}`);
  await app.syncDb.ready();
  // A first start's initdb ran under the umask already; this catches anything made otherwise.
  tightenDataDir(dataDir);
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  console.log(`Meja IT: ${tls ? 'https' : 'http'}://${shownHost}:${actualPort}`);
  if (!tls && !isLoopback(host)) {
    console.warn(
      'Meja IT: serving plain HTTP beyond this machine: passwords and device tokens cross the network in clear, and browsers on other PCs cannot sign in. Set TLS=self-signed or TLS_CERT/TLS_KEY.\n' +
        'Meja IT: server melayani HTTP biasa ke jaringan: kata sandi terkirim tanpa enkripsi dan peramban di PC lain tidak dapat masuk. Pasang TLS=self-signed atau TLS_CERT/TLS_KEY.',
    );
  }

  const stop = (): void => {
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Meja IT: the server could not start.', error);
  process.exit(1);
});
