import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Channels } from '../../src/main/ipc/channels';
import * as electron from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

const ready = () => new Promise((resolve) => setTimeout(resolve, 0));

async function startMain(env: { devUrl?: string; packaged?: boolean } = {}) {
  vi.resetModules();
  electron.app.isPackaged = env.packaged ?? false;
  if (env.devUrl) vi.stubEnv('ELECTRON_RENDERER_URL', env.devUrl);
  else vi.stubEnv('ELECTRON_RENDERER_URL', '');
  await import('../../src/main/index');
  await ready();
}

beforeEach(() => electron.resetElectronMock());
afterEach(() => vi.unstubAllEnvs());

describe('main process', () => {
  it('creates one secure window and loads the built renderer', async () => {
    await startMain({ packaged: true });
    expect(electron.createdWindows).toHaveLength(1);
    const win = electron.createdWindows[0]!;
    const options = win.options as { webPreferences: Record<string, unknown> } & Record<string, unknown>;
    expect(options).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 700, title: 'Meja IT' });
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(options.webPreferences['preload'])).toMatch(/out[\\/]preload[\\/]index\.cjs$|src[\\/]preload[\\/]index\.cjs$/);
    expect(win.loadFile).toHaveBeenCalledWith(expect.stringMatching(/renderer[\\/]index\.html$/));
    expect(win.loadURL).not.toHaveBeenCalled();
  });

  it('loads the dev server in development', async () => {
    await startMain({ devUrl: 'http://localhost:5173' });
    expect(electron.createdWindows[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173');
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', async () => {
    await startMain({ devUrl: 'https://evil.example', packaged: true });
    expect(electron.createdWindows[0]!.loadURL).not.toHaveBeenCalled();
    expect(electron.createdWindows[0]!.loadFile).toHaveBeenCalled();
  });

  it('registers every IPC channel and applies session security', async () => {
    await startMain();
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(Object.values(Channels).sort());
    expect(electron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.appListeners.get('web-contents-created')).toHaveLength(1);
  });

  it('answers app:get-version for the app page and refuses others', async () => {
    await startMain({ packaged: true });
    const handler = electron.ipcHandlers.get(Channels.appVersion)!;
    // The main module resolves ../renderer from its own file: out/renderer when built,
    // src/renderer when run from source as here.
    const ownPage = new URL('../../src/renderer/index.html', import.meta.url).href;
    expect(await handler({ senderFrame: { url: ownPage } }, undefined)).toEqual({ ok: true, data: { version: '0.1.0' } });
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('offers no channel that reads or writes a secret: the token stays in main', async () => {
    await startMain();
    // The session channels hold the page's own per-window session secret, which the page made
    // and may read back (test/main/session-secret.test.ts); no channel touches main's secrets.
    expect([...electron.ipcHandlers.keys()].filter((c) => /secret|token/i.test(c) && !c.startsWith('session:'))).toEqual([]);
  });

  it('quits when another instance holds the lock', async () => {
    electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await startMain();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.createdWindows).toHaveLength(0);
  });
});
