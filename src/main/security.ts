/**
 * Security policy of the Electron shell: which URLs count as the app's own, what a window
 * may open or navigate to, the Content-Security-Policy and the permission answers. Pure
 * helpers (Electron objects are passed in) so tests can feed them hostile input.
 */
import type { Event, HandlerDetails, Session, WebContents } from 'electron';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRY_BOOT_CSP_SOURCE } from '../shared/entry-boot';

export interface UrlPolicy {
  /** Absolute directory of the built renderer (out/renderer). */
  rendererDir: string;
  /** The electron-vite dev server (ELECTRON_RENDERER_URL), only when not packaged. */
  devServerUrl?: string;
}

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for the app's own pages: a file:// URL inside the renderer directory, or a page of the
 * dev server's origin. Everything else (other origins, other local files, file URLs with a
 * host, which are UNC shares on Windows) is foreign. IPC handlers refuse foreign senders.
 */
export function isAppUrl(url: unknown, policy: UrlPolicy): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol === 'file:') {
    if (parsed.host !== '') return false;
    let filePath: string;
    try {
      // Rejects encoded separators (%2F) and other ambiguous forms.
      filePath = fileURLToPath(parsed);
    } catch {
      return false;
    }
    const rel = relative(resolve(policy.rendererDir), resolve(filePath));
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  }
  if (policy.devServerUrl && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) {
    const dev = parseUrl(policy.devServerUrl);
    return dev !== null && dev.origin === parsed.origin;
  }
  return false;
}

/**
 * The URL to hand to the operating system, or null. Only http(s) URLs without credentials
 * leave the app: file:, javascript:, smb:, custom schemes could run programs or leak
 * credentials, so they are refused. Returns the re-serialised URL, never the raw string.
 */
export function safeExternalUrl(url: unknown): string | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

/** Window-open handler: never opens an Electron window; safe links go to the browser. */
export function createWindowOpenHandler(openExternal: (url: string) => Promise<void> | void) {
  return (details: Pick<HandlerDetails, 'url'>): { action: 'deny' } => {
    const external = safeExternalUrl(details.url);
    if (external) void Promise.resolve(openExternal(external)).catch(() => undefined);
    return { action: 'deny' };
  };
}

/** will-navigate / will-redirect listener: the window only ever shows the app's own pages. */
export function createNavigationGuard(policy: UrlPolicy) {
  return (event: Pick<Event, 'preventDefault'>, url: string): void => {
    if (!isAppUrl(url, policy)) event.preventDefault();
  };
}

/** Applies the window-open and navigation rules to a WebContents (every one the app creates). */
export function hardenWebContents(contents: WebContents, policy: UrlPolicy, openExternal: (url: string) => Promise<void> | void): void {
  contents.setWindowOpenHandler(createWindowOpenHandler(openExternal));
  const guard = createNavigationGuard(policy);
  contents.on('will-navigate', (event, url) => guard(event, url));
  contents.on('will-redirect', (event, url) => guard(event, url));
  // No <webview>: it would be a second, unhardened browser inside the app.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

const baseCsp: Record<string, string[]> = {
  'default-src': ["'self'"],
  // The one inline script: index.html's first-screen script, by its hash (shared/entry-boot.ts).
  'script-src': ["'self'", ENTRY_BOOT_CSP_SOURCE],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  // The renderer talks to no server: the main process performs the sync requests (src/main/sync).
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The Content-Security-Policy of the desktop window. connect-src is the page's own origin only:
 * the sync server is reached by the main process, never by the page. In development only, the Vite dev server needs an inline React-refresh preamble and
 * a WebSocket for hot reload, so `dev` relaxes exactly those two directives.
 */
export function contentSecurityPolicy(opts: { dev?: boolean } = {}): string {
  const directives = { ...baseCsp };
  if (opts.dev) {
    directives['script-src'] = ["'self'", "'unsafe-inline'"];
    directives['connect-src'] = [...(directives['connect-src'] ?? []), 'ws://127.0.0.1:*', 'ws://localhost:*'];
  }
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Permission checks: all denied except writing plain text to the clipboard (copy buttons). */
export function isPermissionAllowed(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}

/**
 * Session-wide rules: a CSP header on every response, and every permission request (camera,
 * geolocation, notifications, ...) refused: the console needs none of them.
 * Responses loaded from file:// may not pass through webRequest, so the renderer's
 * index.html should carry the same policy in a <meta http-equiv> tag.
 */
export function applySessionSecurity(ses: Session, opts: { dev?: boolean } = {}): void {
  const csp = contentSecurityPolicy(opts);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [csp];
    headers['X-Content-Type-Options'] = ['nosniff'];
    callback({ responseHeaders: headers });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}
