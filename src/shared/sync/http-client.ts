/**
 * The sync server's HTTP API as one set of calls, shared by both transports: the browser's
 * (window.fetch, src/renderer/platform/web-sync.ts) and the desktop main process's (Electron's
 * net.fetch on the pinned session, src/main/sync/transport.ts). So both send the same requests
 * and map every failure the same way: no answer → SyncError 'offline'; an error answer → its
 * `{error: {code, message}}` (message: an i18n key), with the status and Retry-After.
 * Structural fetch types: src/shared is compiled without the DOM library.
 */
import type { DomainEvent } from '../events';
import {
  SCHEMA_VERSION, type AuthAuditPage, type ChallengeResponse, type DeviceInfo, type PullResponse, type PushResponse, type SignInResponse, type SnapshotResponse, type SyncedEvent,
} from './protocol';
import { SyncError, type AuditPageRequest, type BootstrapInput, type KeyProofInput, type PushInput, type SignInInput, type SnapshotPage } from './transport';
import type { RecordKind } from '../events';

export interface HttpRequestInit {
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface HttpResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type FetchLike = (url: string, init: HttpRequestInit) => Promise<HttpResponse>;

/** Where a call goes: the server's base URL ('' = the page's origin) and, for most calls, the device token. */
export interface Target {
  base: string;
  token?: string | null;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The SyncError of an error answer. */
export async function errorOf(res: HttpResponse): Promise<SyncError> {
  const data = (await res.json().catch(() => ({}))) as { error?: { code?: unknown; message?: unknown; retryAfter?: unknown } } | null;
  const header = Number(res.headers.get('retry-after'));
  const retryAfter = typeof data?.error?.retryAfter === 'number' ? data.error.retryAfter : Number.isFinite(header) && header > 0 ? header : undefined;
  const code = typeof data?.error?.code === 'string' ? data.error.code : `http-${res.status}`;
  const message = typeof data?.error?.message === 'string' ? data.error.message : 'sync.errors.server';
  return new SyncError(code, message, res.status, retryAfter);
}

/** The event as it travels: without the console's local sync annotations. */
export function wireEvent(e: DomainEvent): DomainEvent {
  const { status: _status, reason: _reason, reasonField: _field, ...rest } = e;
  return rest;
}

/**
 * The calls of the sync API over `fetch`. `offline` turns a request that got no answer into the
 * error to throw (the desktop tells a refused certificate apart from an unreachable server).
 */
export function syncHttp(fetch: FetchLike, offline: (error: unknown) => SyncError = () => new SyncError('offline', 'sync.errors.offline')) {
  async function send(target: Target, path: string, init: { method?: 'GET' | 'POST' | 'PUT'; json?: unknown; bytes?: Uint8Array }): Promise<HttpResponse> {
    const method = init.method ?? 'POST';
    const headers: Record<string, string> = {};
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    if (init.bytes !== undefined) headers['content-type'] = 'application/octet-stream';
    if (target.token) headers['authorization'] = `Bearer ${target.token}`;
    const body = init.json !== undefined ? JSON.stringify(init.json) : init.bytes;
    try {
      return await fetch(`${target.base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    } catch (error) {
      throw offline(error);
    }
  }

  async function call<T>(target: Target, path: string, init: { method?: 'GET' | 'POST' | 'PUT'; json?: unknown } = {}): Promise<T> {
    const res = await send(target, path, init);
    if (!res.ok) throw await errorOf(res);
    return (await res.json().catch(() => ({}))) as T;
  }

  const post = <T>(target: Target, path: string, json: unknown) => call<T>(target, path, { json });

  return {
    /** GET /api/health (no token): the server answers at all. */
    health: (t: Target) => call<{ status: string; version?: string }>(t, '/api/health', { method: 'GET' }),
    /** A single-use challenge for this device to sign (src/renderer/sync/enrol.ts signs it). */
    challenge: (t: Target, deviceId: string) => post<ChallengeResponse>(t, '/api/auth/challenge', { schemaVersion: SCHEMA_VERSION, deviceId }),
    /** The answer carries the token: the transport keeps it and hands the renderer `{userId}`. */
    signIn: (t: Target, body: SignInInput) => post<SignInResponse>(t, '/api/auth/sign-in', { schemaVersion: SCHEMA_VERSION, ...body }),
    bootstrap: (t: Target, body: BootstrapInput) => post<SignInResponse>(t, '/api/auth/bootstrap', { schemaVersion: SCHEMA_VERSION, ...body, events: body.events.map(wireEvent) }),
    keyProof: (t: Target, body: KeyProofInput) => post<{ proven: true }>(t, '/api/auth/key-proof', { schemaVersion: SCHEMA_VERSION, ...body }),
    push: (t: Target, body: PushInput) =>
      post<PushResponse>(t, '/api/sync/push', { schemaVersion: SCHEMA_VERSION, deviceId: body.deviceId, events: body.events.map(wireEvent), deviceSignature: body.deviceSignature }),
    pull: (t: Target, page: { cursor: number; limit: number }) => post<PullResponse>(t, '/api/sync/pull', { schemaVersion: SCHEMA_VERSION, cursor: page.cursor, limit: page.limit }),
    snapshot: (t: Target, page: SnapshotPage) => post<SnapshotResponse>(t, '/api/sync/snapshot', { schemaVersion: SCHEMA_VERSION, ...page }),
    history: (t: Target, req: { records: [RecordKind, string][]; upTo: number }) =>
      post<{ events: SyncedEvent[] }>(t, '/api/sync/history', { schemaVersion: SCHEMA_VERSION, records: req.records, upTo: req.upTo }),
    devices: (t: Target) => call<{ devices: DeviceInfo[] }>(t, '/api/devices', { method: 'GET' }),
    revoke: (t: Target, deviceId: string) => post<{ revoked: true }>(t, `/api/devices/${encodeURIComponent(deviceId)}/revoke`, {}),
    /** The server's auth audit log (admins), newest first; `before` pages back. */
    audit: (t: Target, page: AuditPageRequest = {}) => {
      const query: string[] = [];
      if (page.before !== undefined) query.push(`before=${page.before}`);
      if (page.limit !== undefined) query.push(`limit=${page.limit}`);
      return call<AuthAuditPage>(t, `/api/audit${query.length ? `?${query.join('&')}` : ''}`, { method: 'GET' });
    },
    putBlob: async (t: Target, hash: string, bytes: Uint8Array): Promise<{ stored: boolean }> => {
      if (!SHA256_HEX.test(hash)) throw new SyncError('blob-hash', 'sync.errors.blobHash', 400);
      const res = await send(t, `/api/blobs/${hash}`, { method: 'PUT', bytes });
      if (!res.ok) throw await errorOf(res);
      const data = (await res.json().catch(() => ({}))) as { stored?: unknown };
      return { stored: data.stored === true };
    },
    /** The file's bytes, or null when the server does not have it (404). */
    getBlob: async (t: Target, hash: string): Promise<Uint8Array | null> => {
      if (!SHA256_HEX.test(hash)) throw new SyncError('blob-hash', 'sync.errors.blobHash', 400);
      const res = await send(t, `/api/blobs/${hash}`, { method: 'GET' });
      if (res.status === 404) return null;
      if (!res.ok) throw await errorOf(res);
      return new Uint8Array(await res.arrayBuffer());
    },
    /**
     * A short-lived ticket for the poke stream (POST /api/sync/events-ticket, Bearer), so the
     * token never travels in a URL. Null from a server without tickets (404).
     */
    eventsTicket: async (t: Target): Promise<string | null> => {
      const res = await send(t, '/api/sync/events-ticket', { method: 'POST', json: {} });
      if (res.status === 404) return null;
      if (!res.ok) throw await errorOf(res);
      const data = (await res.json().catch(() => ({}))) as { ticket?: unknown };
      if (typeof data.ticket !== 'string' || data.ticket === '') throw new SyncError('malformed', 'sync.errors.server', res.status);
      return data.ticket;
    },
  };
}

export type SyncHttp = ReturnType<typeof syncHttp>;

/** One parsed Server-Sent Events frame. */
export interface SseFrame {
  event: string;
  data: string;
}

/**
 * Splits a text buffer of an SSE stream into complete frames and the unfinished rest
 * (comments such as `: heartbeat` and `retry:` lines are dropped).
 */
export function parseSse(buffer: string): { frames: SseFrame[]; rest: string } {
  const frames: SseFrame[] = [];
  const normalised = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0 || event !== 'message') frames.push({ event, data: data.join('\n') });
  }
  return { frames, rest };
}
