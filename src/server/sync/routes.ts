/**
 * The sync API over HTTP (ARCHITECTURE.md "Sync", docs/sync.md):
 *   POST /api/auth/challenge   a single-use challenge for a device to sign (2 min)
 *   POST /api/auth/bootstrap   first device on an empty server, with its key's proof → token
 *   POST /api/auth/sign-in     username + password + the device key's proof → token for this device
 *   POST /api/auth/key-proof   upgrade: a pre-signing user proves their password for their first key (throttled like sign-in)
 *                              (throttled per username and per address: 429 + Retry-After)
 *   POST /api/sync/push        Bearer + the device key's signature; this device's events, in deviceSeq order
 *   POST /api/sync/pull        Bearer; events past a cursor, in server order
 *   POST /api/sync/snapshot    Bearer; a fresh console's first sync: projection rows as of a version
 *   POST /api/sync/history     Bearer; the events of some records up to a version
 *   POST /api/sync/events-ticket  Bearer; a single-use ticket for the poke stream (60 s)
 *   GET  /api/sync/events      ?ticket=; Server-Sent Events: 'poke' when new events commit
 *   GET  /api/devices          Bearer, admin; enrolled devices
 *   POST /api/devices/:id/revoke  Bearer, admin; revokes a device's token at once
 *   GET  /api/audit            Bearer, admin; the auth audit log, newest first (?before=&limit=)
 *   PUT/GET /api/blobs/:hash  Bearer; evidence files, content-addressed (./blobs.ts)
 * Every error is `{ error: { code, message } }` with an i18n key as message.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import {
  auditQuerySchema, bootstrapRequestSchema, challengeRequestSchema, historyRequestSchema, keyProofRequestSchema, MAX_COMMAND_PUSH_BYTES, MAX_PUSH_BYTES, MAX_PUSH_EVENTS, pullRequestSchema, pushRequestSchema, SCHEMA_VERSION, signInRequestSchema,
  snapshotRequestSchema,
} from '../../shared/sync/protocol';
import { DbClosedError } from '../db/db';
import { MAX_COMMAND_EVENTS } from '../../shared/sync/replay';
import { ApiError, apiErrors, type AuthedDevice, type SyncService } from './service';
import { blobRoutes } from './blobs';

/** Seconds between SSE heartbeat comments (keeps proxies from closing an idle stream). */
export const HEARTBEAT_MS = 15_000;

export interface SyncRoutesOptions {
  heartbeatMs?: number;
  /** Extra headers for hijacked (SSE) responses, which skip onSend hooks. */
  headers?: Readonly<Record<string, string>>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** 426 for a client of another schema version, before anything else is looked at. */
function checkVersion(body: unknown): void {
  const version = (body as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version !== SCHEMA_VERSION) throw apiErrors.updateRequired();
}

/** Validates a body with its schema (400 when it does not fit, 426 for another schema version). */
function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === null || typeof body !== 'object') throw apiErrors.malformed();
  checkVersion(body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw apiErrors.malformed();
  if ((parsed.data as { schemaVersion: number }).schemaVersion !== SCHEMA_VERSION) throw apiErrors.updateRequired();
  return parsed.data;
}

/**
 * A sign-in or bootstrap with no device proof at all comes from a console older than device
 * keys: it is told to update (426), like any console of another schema version.
 */
function requireDeviceProof(body: unknown): void {
  const b = body as Record<string, unknown> | null;
  if (b && typeof b === 'object' && b['devicePublicKey'] === undefined && b['challenge'] === undefined && b['deviceSignature'] === undefined) {
    throw apiErrors.updateRequired();
  }
}

/** Checks events beyond their schema: lower-case ids (they are hashed), real dates, no NUL. */
function checkEvents(events: { id: string; deviceId: string; at: string }[], deviceId: string): void {
  for (const e of events) {
    if (!UUID.test(e.id) || e.deviceId !== deviceId || Number.isNaN(Date.parse(e.at))) throw apiErrors.malformed();
  }
  if (holdsNul(events)) throw apiErrors.malformed();
}

/** Whether any string (value or key) anywhere in a parsed JSON value holds a NUL character. */
function holdsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v !== null && typeof v === 'object') {
      for (const k in v) {
        if (k.includes('\u0000')) return true;
        stack.push((v as Record<string, unknown>)[k]);
      }
    }
  }
  return false;
}

const bearer = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
};

/** Sends an error in the API's shape. */
export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  if (error.retryAfter !== undefined) {
    reply.header('retry-after', String(error.retryAfter));
    return reply.code(error.status).send({ error: { code: error.code, message: error.messageKey, retryAfter: error.retryAfter } });
  }
  return reply.code(error.status).send({ error: { code: error.code, message: error.messageKey } });
}

/** Maps anything thrown to an ApiError (unknown errors are logged and become a 500). */
export function toApiError(request: FastifyRequest, error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DbClosedError) return apiErrors.unavailable();
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (status === 413) return apiErrors.tooLarge();
  if (typeof status === 'number' && status >= 400 && status < 500) return new ApiError(status, 'malformed', 'sync.errors.malformed');
  request.log.error(error);
  return apiErrors.server();
}

export async function syncRoutes(app: FastifyInstance, service: SyncService, options: SyncRoutesOptions = {}): Promise<void> {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const streams = new Map<ServerResponse, { deviceId: string }>();

  const authed = (request: FastifyRequest): Promise<AuthedDevice> => service.authenticate(bearer(request));
  await blobRoutes(app, service);

  app.post('/api/auth/challenge', async (request) => {
    const body = parse(challengeRequestSchema, request.body);
    return service.challenge(body.deviceId.toLowerCase());
  });

  app.post('/api/auth/bootstrap', async (request) => {
    checkVersion(request.body);
    requireDeviceProof(request.body);
    const body = parse(bootstrapRequestSchema, request.body);
    checkEvents(body.events, body.deviceId);
    return service.bootstrap(body, request.ip);
  });

  app.post('/api/auth/sign-in', async (request) => {
    checkVersion(request.body);
    requireDeviceProof(request.body);
    const body = parse(signInRequestSchema, request.body);
    return service.signIn(body, request.ip);
  });

  app.post('/api/auth/key-proof', async (request) => {
    const body = parse(keyProofRequestSchema, request.body);
    return service.keyProof(body, request.ip);
  });

  app.post('/api/sync/push', { bodyLimit: MAX_COMMAND_PUSH_BYTES }, async (request) => {
    const raw = request.body as { events?: { cmd?: { id?: unknown } }[] } | null;
    // Beyond the usual limits only one command alone (clients never split a command).
    const big = Number(request.headers['content-length'] ?? 0) > MAX_PUSH_BYTES || (raw && Array.isArray(raw.events) && raw.events.length > MAX_PUSH_EVENTS);
    if (big && !(raw && Array.isArray(raw.events) && raw.events.length <= MAX_COMMAND_EVENTS && raw.events.every((e) => e?.cmd?.id !== undefined && e.cmd.id === raw.events![0]!.cmd!.id))) throw apiErrors.tooLarge();
    checkVersion(request.body);
    const device = await authed(request);
    const body = parse(pushRequestSchema, request.body);
    if (body.deviceId !== device.id) throw apiErrors.deviceMismatch();
    checkEvents(body.events, body.deviceId);
    // A token is valid only with its device: the batch must be signed by the device's key.
    await service.checkPushSignature(device, body);
    return service.push(device, body);
  });

  app.post('/api/sync/pull', async (request) => {
    checkVersion(request.body);
    await authed(request);
    const body = parse(pullRequestSchema, request.body);
    return service.pull(body);
  });

  app.post('/api/sync/snapshot', async (request, reply) => {
    checkVersion(request.body);
    await authed(request);
    const json = await service.snapshotJson(parse(snapshotRequestSchema, request.body));
    return reply.type('application/json; charset=utf-8').send(json);
  });

  app.post('/api/sync/history', async (request) => {
    checkVersion(request.body);
    await authed(request);
    const body = parse(historyRequestSchema, request.body);
    return { events: await service.recordEvents(body.records.map(([kind, id]) => ({ kind, id })), body.upTo) };
  });

  app.get('/api/devices', async (request) => {
    const device = await authed(request);
    return { devices: await service.listDevices(device) };
  });

  app.post<{ Params: { id: string } }>('/api/devices/:id/revoke', async (request) => {
    const device = await authed(request);
    const id = request.params.id.toLowerCase();
    await service.revoke(device, id, request.ip);
    for (const [res, s] of streams) if (s.deviceId === id) res.end();
    return { revoked: true };
  });

  app.get('/api/audit', async (request) => {
    const device = await authed(request);
    const query = auditQuerySchema.safeParse(request.query ?? {});
    if (!query.success) throw apiErrors.malformed();
    return service.auditLog(device, query.data.before, query.data.limit);
  });

  // Pokes: one SSE stream per online client. A commit on any instance (LISTEN/NOTIFY on
  // PostgreSQL) reaches every stream; the stream's device is re-checked on each heartbeat, so
  // a device revoked on another instance is cut off within one heartbeat.
  // An EventSource cannot send an Authorization header, and a token in a URL ends up in access
  // logs and proxies: the client trades its token (Bearer) for a ticket, good once within 60 s,
  // and opens the stream with that. A `?token=` is refused.
  app.post('/api/sync/events-ticket', async (request) => service.eventTicket(await authed(request)));

  app.get<{ Querystring: { ticket?: string; token?: string } }>('/api/sync/events', async (request, reply) => {
    if (request.query.token !== undefined) throw apiErrors.unauthorized();
    const ticket = typeof request.query.ticket === 'string' ? request.query.ticket : undefined;
    const device = ticket !== undefined ? await service.redeemEventTicket(ticket) : await authed(request);
    await service.db.ready();
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...options.headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    streams.set(res, { deviceId: device.id });
    res.write(`retry: 5000\nevent: poke\ndata: ${JSON.stringify({ version: await service.currentVersion().catch(() => 0) })}\n\n`);
    const timer = setInterval(() => {
      service.authenticateDevice(device.id).then(
        () => res.write(`: heartbeat\n\n`),
        () => res.end(),
      );
    }, heartbeatMs);
    const done = () => {
      clearInterval(timer);
      streams.delete(res);
    };
    res.on('close', done);
    res.on('error', done);
  });

  const unsubscribe = service.db.subscribe((version) => {
    const frame = `event: poke\ndata: ${JSON.stringify({ version })}\n\n`;
    for (const res of streams.keys()) res.write(frame);
  });

  app.addHook('preClose', async () => {
    unsubscribe();
    // End every stream and its connection, or close() would wait for the clients to hang up.
    for (const res of streams.keys()) res.end(() => res.socket?.destroy());
    streams.clear();
  });
}
