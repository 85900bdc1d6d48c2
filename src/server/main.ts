/**
 * Starts the Meja IT server: `npm run serve` (builds the renderer first). Configuration from
 * the environment: PORT (4780), HOST (127.0.0.1), DATA_DIR (./data), WEB_ROOT (out/renderer),
 * DATABASE_URL (a PostgreSQL server for the sync store; else embedded PGlite in DATA_DIR/pglite).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './app';

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
  mkdirSync(dataDir, { recursive: true });

  const databaseUrl = process.env['DATABASE_URL'] || undefined;
  const app = await buildServer({ webRoot, dataDir, databaseUrl, logger: { level: 'warn' } });
  console.log(`Meja IT: sync storage ${app.syncDb.label}${databaseUrl ? '' : ' — set DATABASE_URL to use a PostgreSQL server'}`);
  await app.syncDb.ready();
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  console.log(`Meja IT: http://${shownHost}:${actualPort}`);

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
