import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { ENTRY_BOOT_CSP_SOURCE } from '../../src/shared/entry-boot';
import {
  applySessionSecurity,
  contentSecurityPolicy,
  createNavigationGuard,
  createWindowOpenHandler,
  hardenWebContents,
  isAppUrl,
  safeExternalUrl,
} from '../../src/main/security';

const policy = { rendererDir: '/opt/meja-it/out/renderer' };
const devPolicy = { ...policy, devServerUrl: 'http://localhost:5173' };

describe('isAppUrl', () => {
  it.each([
    'file:///opt/meja-it/out/renderer/index.html',
    'file:///opt/meja-it/out/renderer/index.html#/tickets/T-1',
    'file:///opt/meja-it/out/renderer/assets/index-abc.js?v=1',
  ])('accepts the app page %s', (url) => expect(isAppUrl(url, policy)).toBe(true));

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', { url: 'file:///opt/meja-it/out/renderer/index.html' }],
    ['empty', ''],
    ['garbage', 'not a url'],
    ['another origin', 'https://evil.example/'],
    ['the dev server when not in dev', 'http://localhost:5173/'],
    ['another local file', 'file:///etc/passwd'],
    ['a sibling directory with the same prefix', 'file:///opt/meja-it/out/renderer-evil/index.html'],
    ['the renderer directory itself', 'file:///opt/meja-it/out/renderer'],
    ['dot-dot traversal', 'file:///opt/meja-it/out/renderer/../main/index.js'],
    ['encoded traversal', 'file:///opt/meja-it/out/renderer/%2e%2e/%2e%2e/secret'],
    ['an encoded separator', 'file:///opt/meja-it/out/renderer/..%2F..%2Fsecret'],
    ['a file URL with a host (UNC share)', 'file://attacker/opt/meja-it/out/renderer/index.html'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,hi'],
    ['a huge URL', `file:///opt/meja-it/out/renderer/${'a'.repeat(10_000)}`],
  ])('refuses %s', (_name, url) => expect(isAppUrl(url, policy)).toBe(false));

  it('accepts the dev server origin only when configured', () => {
    expect(isAppUrl('http://localhost:5173/#/visits', devPolicy)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', devPolicy)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', devPolicy)).toBe(false);
    expect(isAppUrl('http://localhost.evil.example:5173/', devPolicy)).toBe(false);
    expect(isAppUrl('http://user@localhost:5173/', devPolicy)).toBe(true);
  });
});

describe('safeExternalUrl', () => {
  it.each([
    ['https://www.bssn.go.id/panduan', 'https://www.bssn.go.id/panduan'],
    ['http://intranet.local/wiki', 'http://intranet.local/wiki'],
    ['HTTPS://Example.COM', 'https://example.com/'],
  ])('passes %s as its parsed form', (url, expected) => expect(safeExternalUrl(url)).toBe(expected));

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox',
    'https://user:pass@example.com/',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(safeExternalUrl(url)).toBeNull());

  it('refuses non-strings', () => {
    expect(safeExternalUrl(undefined)).toBeNull();
    expect(safeExternalUrl({ href: 'https://example.com' })).toBeNull();
  });
});

describe('window.open', () => {
  it('always denies and opens only http(s) URLs externally', () => {
    const openExternal = vi.fn(async () => undefined);
    const handler = createWindowOpenHandler(openExternal);
    expect(handler({ url: 'https://example.com/a b' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/a%20b');
    openExternal.mockClear();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://x/y', 'about:blank']) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('survives openExternal rejecting', async () => {
    const handler = createWindowOpenHandler(() => Promise.reject(new Error('no browser')));
    expect(handler({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
  });
});

describe('navigation', () => {
  it('blocks navigation away from the app and allows the app itself', () => {
    const guard = createNavigationGuard(policy);
    const blocked = { preventDefault: vi.fn() };
    guard(blocked, 'https://evil.example/phish');
    expect(blocked.preventDefault).toHaveBeenCalled();
    const fileBlocked = { preventDefault: vi.fn() };
    guard(fileBlocked, 'file:///home/user/Downloads/evil.html');
    expect(fileBlocked.preventDefault).toHaveBeenCalled();
    const allowed = { preventDefault: vi.fn() };
    guard(allowed, 'file:///opt/meja-it/out/renderer/index.html#/assets');
    expect(allowed.preventDefault).not.toHaveBeenCalled();
  });

  it('hardenWebContents wires the handlers and refuses webviews', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => unknown) | undefined;
    const contents = {
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
      on: (name: string, l: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(name, l),
    } as unknown as WebContents;
    const openExternal = vi.fn();
    hardenWebContents(contents, policy, openExternal);

    expect(openHandler?.({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('http://example.com/');
    for (const name of ['will-navigate', 'will-redirect']) {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)?.(event, 'https://evil.example/');
      expect(event.preventDefault).toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});

describe('session security', () => {
  it('builds the production CSP', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    // Scripts from the app's own origin, and inline only index.html's first-screen script, by its hash.
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]{43}=';/);
    expect(csp).toContain(`script-src 'self' ${ENTRY_BOOT_CSP_SOURCE};`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data: blob:");
    // The page reaches no server: main performs the sync requests.
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toContain('http:');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('ws:');
  });

  it('relaxes only script-src and connect-src for the dev server', () => {
    const csp = contentSecurityPolicy({ dev: true });
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain('ws://localhost:*');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('sets the CSP header on responses, replacing any other, and denies permissions', () => {
    let onHeaders: ((details: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | undefined;
    let onRequest: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
    let onCheck: ((wc: unknown, permission: string) => boolean) | undefined;
    const ses = {
      webRequest: { onHeadersReceived: (l: typeof onHeaders) => (onHeaders = l) },
      setPermissionRequestHandler: (h: typeof onRequest) => (onRequest = h),
      setPermissionCheckHandler: (h: typeof onCheck) => (onCheck = h),
    } as unknown as Session;
    applySessionSecurity(ses);

    const cb = vi.fn();
    onHeaders?.({ responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } }, cb);
    const headers = cb.mock.calls[0]?.[0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy()]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);

    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'unknown']) {
      const granted = vi.fn();
      onRequest?.({}, permission, granted);
      expect(granted).toHaveBeenCalledWith(false);
      expect(onCheck?.({}, permission)).toBe(false);
    }
  });
});
