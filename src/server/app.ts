/**
 * The HTTP server of the browser shell: the API under /api and the renderer build as static
 * files, with the same security headers on every response. buildServer() does not listen,
 * so tests drive it with fastify.inject(); src/server/main.ts starts it.
 */
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { readFileSync } from 'node:fs';
import type { Server as HttpsServer } from 'node:https';
import { extname } from 'node:path';
import type { Db } from './db/db';
import { openDb } from './db/index';
import { redirectPlainHttp } from './plain-http';
import { sendError, syncRoutes, toApiError } from './sync/routes';
import { SyncService, type SyncHooks } from './sync/service';
import { ENTRY_BOOT_CSP_SOURCE } from '../shared/entry-boot';

export interface ServerOptions {
  /** The renderer build (out/renderer), served at /. */
  webRoot: string;
  /** Where the server keeps its data (the sync store). */
  dataDir: string;
  /** Reported by /api/health; defaults to package.json's version. */
  version?: string;
  logger?: FastifyServerOptions['logger'];
  /**
   * The sync store. When omitted the server opens its own — PostgreSQL at `databaseUrl` if
   * given (main.ts passes DATABASE_URL), else PGlite in dataDir/pglite — and closes it when the
   * server closes. A Db passed in belongs to the caller, who closes it.
   */
  db?: Db;
  databaseUrl?: string;
  /** Test seams of the sync service. */
  syncHooks?: SyncHooks;
  /** Milliseconds between SSE heartbeats (15 s). */
  heartbeatMs?: number;
  /**
   * Serve HTTPS with this key and certificate (PEM; ./tls.ts loadTls). `fingerprint` is shown
   * by /api/health so a console can compare it with the one the server printed.
   */
  https?: { key: string; cert: string; fingerprint: string; spki: string };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The sync store this server uses. */
    syncDb: Db;
  }
}

/**
 * Same as the desktop CSP, except that a browser only talks to the server it came from. The one
 * inline script allowed is index.html's first-screen script, by its hash (shared/entry-boot.ts).
 */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${ENTRY_BOOT_CSP_SOURCE}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The console needs none of these powerful features (the barcode scanner is a keyboard, the
 * signature pad a canvas), so no page of the server, nor anything framed in it, may ask.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'bluetooth=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': WEB_CONTENT_SECURITY_POLICY,
  'permissions-policy': PERMISSIONS_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** package.json's version (src/server and out/server both sit two levels below the root). */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    if (typeof pkg.version === 'string') return pkg.version;
  } catch {
    // fall through
  }
  return process.env['npm_package_version'] ?? '0.0.0';
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const version = options.version ?? packageVersion();
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
    ...(options.https ? { https: { key: options.https.key, cert: options.https.cert } } : {}),
  }) as unknown as FastifyInstance;
  // A browser given the address without https:// tries plain HTTP on this port: redirect it.
  if (options.https) redirectPlainHttp(app.server as unknown as HttpsServer, SECURITY_HEADERS);

  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    return payload;
  });

  const tls = options.https ? { fingerprint: options.https.fingerprint, spki: options.https.spki } : null;
  app.get('/api/health', async () => ({ status: 'ok', version, time: new Date().toISOString(), tls }));

  const db = options.db ?? openDb({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  app.decorate('syncDb', db);
  if (!options.db) app.addHook('onClose', async () => db.close());
  app.setErrorHandler((error, request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/')) return sendError(reply, toApiError(request, error));
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status !== 'number' || status >= 500) request.log.error(error);
    return reply
      .code(typeof status === 'number' && status >= 400 ? status : 500)
      .type('text/plain; charset=utf-8')
      .send(typeof status === 'number' && status < 500 ? 'Bad request' : 'Server error');
  });
  await syncRoutes(app, new SyncService(db, options.syncHooks), { heartbeatMs: options.heartbeatMs, headers: SECURITY_HEADERS });

  await app.register(fastifyStatic, {
    root: options.webRoot,
    index: ['index.html'],
    // Hashed assets may be cached; index.html must be revalidated so a new build is picked up.
    setHeaders: (reply, path) => {
      if (path.endsWith('.html')) reply.header('cache-control', 'no-cache');
    },
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/')) {
      return reply.code(404).send({ error: { code: 'not-found', message: 'errors.api.not-found' } });
    }
    // Client-side routes (no file extension) get the app; a missing asset stays a 404.
    if ((request.method === 'GET' || request.method === 'HEAD') && extname(path) === '') {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });

  return app;
}
