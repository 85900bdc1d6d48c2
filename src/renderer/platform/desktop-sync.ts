/**
 * The sync transport inside Electron: every call goes over IPC to the main process, which
 * performs it with Electron's networking under the pinned certificate and keeps the device
 * token (src/main/sync/). A refusal comes back as a Result and is thrown here as the SyncError
 * the sync client expects (the server's code and i18n key, its status and wait); a rejected IPC
 * call (no handler, window closing) becomes errors.bridge.failed.
 */
import { wireEvent } from '@shared/sync/http-client';
import { SyncError, type DesktopSyncApi, type SyncTransport } from '@shared/sync/transport';
import type { Result } from '@shared/result';

async function unwrap<T>(call: () => Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call();
  } catch {
    throw new SyncError('failed', 'errors.bridge.failed');
  }
  if (result.ok) return result.data;
  const { code, message, params } = result.error;
  const status = typeof params?.['status'] === 'number' ? params['status'] : 0;
  const retryAfter = typeof params?.['retryAfter'] === 'number' ? params['retryAfter'] : undefined;
  throw new SyncError(code, message, status, retryAfter);
}

export function createDesktopSyncTransport(api: DesktopSyncApi): SyncTransport {
  return {
    choosesServer: true,
    connection: () => unwrap(() => api.connection()),
    probe: (serverUrl) => unwrap(() => api.probe({ serverUrl })),
    trust: async (serverUrl, fingerprint) => {
      await unwrap(() => api.trust({ serverUrl, fingerprint }));
    },
    challenge: (serverUrl, deviceId) => unwrap(() => api.challenge({ serverUrl, deviceId })),
    signIn: (serverUrl, body) => unwrap(() => api.signIn({ serverUrl, ...body })),
    // Events cross IPC as they travel: the console's local annotations stay here.
    bootstrap: (serverUrl, body) => unwrap(() => api.bootstrap({ serverUrl, ...body, events: body.events.map(wireEvent) })),
    keyProof: (body) => unwrap(() => api.keyProof(body)),
    push: (body) => unwrap(() => api.push({ ...body, events: body.events.map(wireEvent) })),
    pull: (page) => unwrap(() => api.pull(page)),
    snapshot: (page) => unwrap(() => api.snapshot(page)),
    history: (req) => unwrap(() => api.history(req)),
    devices: () => unwrap(() => api.devices()),
    revoke: (deviceId) => unwrap(() => api.revoke({ deviceId })),
    audit: (page = {}) => unwrap(() => api.audit(page)),
    putBlob: (hash, bytes) => unwrap(() => api.putBlob({ hash, bytes })),
    getBlob: async (hash) => (await unwrap(() => api.getBlob({ hash }))).bytes,
    disconnect: async () => {
      await unwrap(() => api.disconnect());
    },
    subscribe: (listener) => {
      const stop = api.onEvent((event) => listener(event.type));
      let open = true;
      // Main reports 'error' when it cannot open the stream; the client then syncs and says why.
      void unwrap(() => api.subscribe()).catch(() => open && listener('error'));
      return () => {
        open = false;
        stop();
        void unwrap(() => api.unsubscribe()).catch(() => undefined);
      };
    },
  };
}
