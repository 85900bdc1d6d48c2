/** HTTP calls to the sync server. Every failure becomes a SyncError with a code and an i18n key. */
import type { DomainEvent } from '../../shared/events';
import {
  SCHEMA_VERSION, type PullResponse, type PushResponse, type SignInResponse, type SnapshotResponse, type SyncedEvent,
} from '../../shared/sync/protocol';
import type { RecordKind } from '../../shared/events';

export class SyncError extends Error {
  constructor(
    readonly code: string,
    readonly messageKey: string,
    readonly status = 0,
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
  const data = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  if (!res.ok) throw new SyncError(data.error?.code ?? `http-${res.status}`, data.error?.message ?? 'sync.errors.server', res.status);
  return data as T;
}

export const api = {
  signIn: (url: string, body: { username: string; password: string; deviceId: string; deviceName: string }) =>
    call<SignInResponse>(url, '/api/auth/sign-in', { schemaVersion: SCHEMA_VERSION, ...body }),
  bootstrap: (url: string, body: { deviceId: string; deviceName: string; events: DomainEvent[] }) =>
    call<SignInResponse>(url, '/api/auth/bootstrap', { schemaVersion: SCHEMA_VERSION, ...body }),
  push: (url: string, token: string, deviceId: string, events: DomainEvent[]) =>
    call<PushResponse>(url, '/api/sync/push', { schemaVersion: SCHEMA_VERSION, deviceId, events: events.map(wire) }, token),
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
};

/** The event as it travels: without the local sync annotations. */
function wire(e: DomainEvent): DomainEvent {
  const { status: _status, reason: _reason, reasonField: _field, ...rest } = e;
  return rest;
}
