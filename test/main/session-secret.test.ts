/**
 * The desktop's holder of the session secret (issue 12 item 5): main keeps each window's secret
 * in memory, filed under the sending WebContents; the IPC input is validated (64 hex digits,
 * nothing else), only the app's own page is answered, one window never reads another's, and a
 * destroyed window's secret is forgotten. Electron is mocked as in main-process.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Channels } from '../../src/main/ipc/channels';
import { SessionSecrets, sessionSecretPutRequest } from '../../src/main/services/session-secret';
import * as electron from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

const SECRET = 'ab'.repeat(32);

async function startMain() {
  vi.resetModules();
  electron.app.isPackaged = true;
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  await import('../../src/main/index');
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => electron.resetElectronMock());
afterEach(() => vi.unstubAllEnvs());

/** A window's page as the IPC event names it: its frame's URL and its WebContents. */
function windowPage(id: number, url = new URL('../../src/renderer/index.html', import.meta.url).href) {
  const destroyed: (() => void)[] = [];
  return {
    event: { senderFrame: { url }, sender: { id, once: (name: string, l: () => void) => name === 'destroyed' && destroyed.push(l) } },
    destroy: () => destroyed.forEach((l) => l()),
  };
}

describe('session secret in main', () => {
  it('keeps a window its own secret, per window, until cleared or the window is destroyed', async () => {
    await startMain();
    const call = (channel: string, w: ReturnType<typeof windowPage>, raw?: unknown) => electron.ipcHandlers.get(channel)!(w.event, raw);
    const a = windowPage(1);
    const b = windowPage(2);
    expect(await call(Channels.sessionSecretGet, a)).toEqual({ ok: true, data: { secret: null } });
    expect(await call(Channels.sessionSecretPut, a, { secret: SECRET })).toEqual({ ok: true, data: null });
    expect(await call(Channels.sessionSecretGet, a)).toEqual({ ok: true, data: { secret: SECRET } });
    // Another window sees nothing of it.
    expect(await call(Channels.sessionSecretGet, b)).toEqual({ ok: true, data: { secret: null } });
    expect(await call(Channels.sessionSecretClear, a)).toEqual({ ok: true, data: null });
    expect(await call(Channels.sessionSecretGet, a)).toEqual({ ok: true, data: { secret: null } });
    await call(Channels.sessionSecretPut, a, { secret: SECRET });
    a.destroy();
    expect(await call(Channels.sessionSecretGet, a)).toEqual({ ok: true, data: { secret: null } });
  });

  it('validates the input and answers only the app page', async () => {
    await startMain();
    const call = (channel: string, w: ReturnType<typeof windowPage>, raw?: unknown) => electron.ipcHandlers.get(channel)!(w.event, raw);
    const a = windowPage(1);
    for (const bad of [undefined, { secret: 'AB'.repeat(32) }, { secret: 'ab'.repeat(31) }, { secret: SECRET, extra: 1 }, 'ab'.repeat(32)])
      expect(await call(Channels.sessionSecretPut, a, bad)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call(Channels.sessionSecretGet, a, { any: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const evil = windowPage(3, 'https://evil.example/');
    expect(await call(Channels.sessionSecretPut, evil, { secret: SECRET })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(Channels.sessionSecretGet, evil)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('the service alone: one destroy listener per window, size counts windows holding a secret', () => {
    const s = new SessionSecrets();
    const once = vi.fn();
    s.put({ id: 5, once }, SECRET);
    s.put({ id: 5, once }, 'cd'.repeat(32));
    expect(once).toHaveBeenCalledTimes(1);
    expect(s.get({ id: 5 })).toEqual({ secret: 'cd'.repeat(32) });
    expect(s.size).toBe(1);
    expect(sessionSecretPutRequest.safeParse({ secret: SECRET }).success).toBe(true);
  });
});
