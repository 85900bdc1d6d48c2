/**
 * The platform bridge inside Electron: every call goes to the preload's `window.desktop`.
 * The main process already answers with a Result; this layer only turns a rejected IPC call
 * (no handler, window closing) into a Result too, so callers never need try/catch.
 */
import { fail, ok, type Result } from '@shared/result';
import type { DesktopApi, Platform } from '@shared/platform';
import { BUILD_VERSION } from './build-info';
import { createDesktopSyncTransport } from './desktop-sync';

async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch {
    return fail('failed', 'errors.bridge.failed');
  }
}

export function createDesktopPlatform(api: DesktopApi): Platform {
  return {
    kind: 'desktop',
    savePdf: (req) => settle(() => api.savePdf(req)),
    print: (req) => settle(() => api.print(req ?? {})),
    saveFile: (req) => settle(() => api.saveFile(req)),
    appVersion: async () => {
      const result = await settle(() => api.appVersion());
      return result.ok ? result.data.version : BUILD_VERSION;
    },
    sync: createDesktopSyncTransport(api.sync),
    // Main writes the file into the folder the admin chose, under a name main makes.
    backup: {
      scheduled: true,
      save: async (req) => {
        const r = await settle(() => api.backupWrite({ bytes: req.bytes }));
        return r.ok ? ok({ file: r.data.file }) : r;
      },
      status: () => settle(() => api.backupStatus()),
      chooseFolder: () => settle(() => api.backupChooseFolder()),
      setKeep: (keep) => settle(() => api.backupSetKeep({ keep })),
      onDue: (handler) => api.onBackupDue(handler),
      skip: (reason) => settle(() => api.backupSkip({ reason })),
    },
    // Main keeps this window's session secret in memory (src/main/services/session-secret.ts).
    sessionSecret: {
      get: async () => {
        const r = await settle(() => api.sessionSecretGet());
        return r.ok ? r.data.secret : null;
      },
      put: async (secret) => (await settle(() => api.sessionSecretPut({ secret }))).ok,
      clear: async () => {
        await settle(() => api.sessionSecretClear());
      },
    },
  };
}
