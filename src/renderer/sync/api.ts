/** HTTP calls to the sync server. Every failure becomes a SyncError with a code and an i18n key. */
import type { DomainEvent } from '../../shared/events';
import {
  SCHEMA_VERSION, type AuthAuditPage, type ChallengeResponse, type PullResponse, type PushResponse, type SignInResponse, type SnapshotResponse, type SyncedEvent,
} from '../../shared/sync/protocol';
import type { DeviceProof } from '../../shared/sync/device-auth';
import type { RecordKind } from '../../shared/events';

export class SyncError extends Error {
  constructor(
    readonly code: string,
    readonly messageKey: string,
    readonly status = 0,
    /** Seconds to wait before trying again (a throttled sign-in: 429 with Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(code);
  }
}

/** A device enrolled on the server, as an admin sees it. */
export interface DeviceInfo {
  id: string;
  name: string;
  userId: string;
  createdAt: string;
  lastSeenAt?: string | null;
  revokedAt?: string | null;
  /** False for a device enrolled before device keys that has not signed in since. */
  hasKey?: boolean;
}

async function call<T>(serverUrl: string, path: string, body: unknown, token?: string, method = 'POST'): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${serverUrl}${path}`, {
      method,
      headers: { ...(method === 'GET' ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: method === 'GET' ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new SyncError('offline', 'sync.errors.offline');
  }
  const data = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; retryAfter?: unknown } };
  if (!res.ok) {
    const header = Number(res.headers.get('retry-after'));
    const retryAfter = typeof data.error?.retryAfter === 'number' ? data.error.retryAfter : Number.isFinite(header) && header > 0 ? header : undefined;
    throw new SyncError(data.error?.code ?? `http-${res.status}`, data.error?.message ?? 'sync.errors.server', res.status, retryAfter);
  }
  return data as T;
}

export const api = {
  /** A single-use challenge for this device to sign (./enrol.ts signs it). */
  challenge: (url: string, deviceId: string) => call<ChallengeResponse>(url, '/api/auth/challenge', { schemaVersion: SCHEMA_VERSION, deviceId }),
  signIn: (url: string, body: { username: string; password: string; deviceId: string; deviceName: string; replaceKey?: boolean } & DeviceProof) =>
    call<SignInResponse>(url, '/api/auth/sign-in', { schemaVersion: SCHEMA_VERSION, ...body }),
  bootstrap: (url: string, body: { deviceId: string; deviceName: string; events: DomainEvent[] } & DeviceProof) =>
    call<SignInResponse>(url, '/api/auth/bootstrap', { schemaVersion: SCHEMA_VERSION, ...body }),
  /** `deviceSignature`: the device key's signature over the batch (shared/sync/device-auth.ts signPush). */
  push: (url: string, token: string, deviceId: string, events: DomainEvent[], deviceSignature: string) =>
    call<PushResponse>(url, '/api/sync/push', { schemaVersion: SCHEMA_VERSION, deviceId, events: events.map(wire), deviceSignature }, token),
  pull: (url: string, token: string, cursor: number, limit = 1000) => call<PullResponse>(url, '/api/sync/pull', { schemaVersion: SCHEMA_VERSION, cursor, limit }, token),
  snapshot: (url: string, token: string, page: { asOf?: number; after?: [RecordKind, string]; limit: number }) =>
    call<SnapshotResponse>(url, '/api/sync/snapshot', { schemaVersion: SCHEMA_VERSION, ...page }, token),
  history: (url: string, token: string, records: [RecordKind, string][], upTo: number) =>
    call<{ events: SyncedEvent[] }>(url, '/api/sync/history', { schemaVersion: SCHEMA_VERSION, records, upTo }, token),
  /** Proves a user's password to the server for the key they enrol when upgrading (user.enrolKey). */
  keyProof: (url: string, body: { username: string; password: string; publicKey: string }) =>
    call<{ proven: true }>(url, '/api/auth/key-proof', { schemaVersion: SCHEMA_VERSION, ...body }),
  devices: (url: string, token: string) => call<{ devices: DeviceInfo[] }>(url, '/api/devices', undefined, token, 'GET'),
  revoke: (url: string, token: string, deviceId: string) => call<{ revoked: true }>(url, `/api/devices/${encodeURIComponent(deviceId)}/revoke`, {}, token),
  /** The server's auth audit log (admins), newest first; `before` pages back. */
  audit: (url: string, token: string, page: { before?: number; limit?: number } = {}) => {
    const query = new URLSearchParams();
    if (page.before !== undefined) query.set('before', String(page.before));
    if (page.limit !== undefined) query.set('limit', String(page.limit));
    const qs = query.toString();
    return call<AuthAuditPage>(url, `/api/audit${qs ? `?${qs}` : ''}`, undefined, token, 'GET');
  },
};

/** The event as it travels: without the local sync annotations. */
function wire(e: DomainEvent): DomainEvent {
  const { status: _status, reason: _reason, reasonField: _field, ...rest } = e;
  return rest;
}
