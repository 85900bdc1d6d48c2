/**
 * The platform bridge in a browser: the print dialog stands in for "save as PDF" and
 * printing, exported files are downloads, and the sync transport is same-origin fetch with the
 * device token in the origin's localStorage (./web-sync.ts; a browser offers nothing better to
 * a page). Browser APIs are injectable for tests.
 */
import { fail, ok, type Result } from '@shared/result';
import type { Platform } from '@shared/platform';
import { BUILD_VERSION } from './build-info';
import { createWebSyncTransport, type WebSyncDeps } from './web-sync';

export interface WebPlatformDeps {
  /** Opens the print dialog and returns when it closes (window.print()). */
  print?: () => void;
  /** Hands a file to the browser's download manager. */
  download?: (blob: Blob, fileName: string) => void;
  /** The document whose title names the PDF in Chromium's "Save as PDF". */
  document?: Pick<Document, 'title'>;
  version?: string;
  /** The sync transport's browser seams (origin, fetch, token storage, EventSource). */
  sync?: WebSyncDeps;
  /** Where the tab keeps its session secret (window.sessionStorage). */
  sessionStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** The tab's session secret in sessionStorage: per tab, gone when the tab closes. */
export const SESSION_SECRET_KEY = 'meja-it.session-secret';

/** sessionStorage, or nothing where the page may not use it (then no session survives a reload). */
function tabStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

/** Downloads through a temporary <a download> element. */
export function anchorDownload(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function decodeBase64(data: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(data);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

export function createWebPlatform(deps: WebPlatformDeps = {}): Platform {
  const printDialog = deps.print ?? (() => window.print());
  const download = deps.download ?? anchorDownload;
  const doc = deps.document ?? (typeof document === 'undefined' ? undefined : document);

  const runPrint = (title?: string): Result<null> => {
    const previous = doc?.title;
    try {
      if (doc && title) doc.title = title;
      printDialog();
      return ok(null);
    } catch {
      return fail('failed', 'errors.bridge.failed');
    } finally {
      if (doc && previous !== undefined) doc.title = previous;
    }
  };

  return {
    kind: 'web',
    // The browser cannot tell whether the user saved or cancelled: data is always null.
    savePdf: async (req) => runPrint(req.fileName.replace(/\.pdf$/i, '')),
    print: async () => {
      const result = runPrint();
      return result.ok ? ok({ printed: true }) : result;
    },
    // A download has no path the page may know; the file name stands in for it.
    saveFile: async (req) => {
      let body: BlobPart;
      if (req.encoding === 'base64') {
        const bytes = decodeBase64(req.data);
        if (!bytes) return fail('invalid-input', 'errors.bridge.invalid-input', { field: 'data' });
        body = bytes;
      } else {
        body = req.data;
      }
      try {
        download(new Blob([body], { type: req.mimeType }), req.fileName);
        return ok({ path: req.fileName });
      } catch {
        return fail('failed', 'errors.bridge.failed');
      }
    },
    appVersion: async () => deps.version ?? BUILD_VERSION,
    sync: createWebSyncTransport(deps.sync),
    // A page can only download: no folder, no schedule (the top bar reminds instead).
    backup: {
      scheduled: false,
      save: async (req) => {
        try {
          download(new Blob([req.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), req.fileName);
          return ok({ file: req.fileName });
        } catch {
          return fail('failed', 'errors.bridge.failed');
        }
      },
      status: async () => ok(null),
      chooseFolder: async () => fail('unsupported', 'errors.bridge.failed'),
      setKeep: async () => fail('unsupported', 'errors.bridge.failed'),
      onDue: () => () => undefined,
      skip: async () => ok(null),
    },
    sessionSecret: webSessionSecret(deps.sessionStorage ?? tabStorage()),
  };
}

/** The web shell's holder of the session secret: the tab's sessionStorage. */
export function webSessionSecret(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined): Platform['sessionSecret'] {
  return {
    get: async () => {
      try {
        const s = storage?.getItem(SESSION_SECRET_KEY) ?? null;
        return s && /^[0-9a-f]{64}$/.test(s) ? s : null;
      } catch {
        return null;
      }
    },
    put: async (secret) => {
      try {
        if (!storage) return false;
        storage.setItem(SESSION_SECRET_KEY, secret);
        return true;
      } catch {
        return false;
      }
    },
    clear: async () => {
      try {
        storage?.removeItem(SESSION_SECRET_KEY);
      } catch {
        // nothing kept
      }
    },
  };
}
