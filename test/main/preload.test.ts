import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Channels, RendererChannels } from '../../src/main/ipc/channels';
import type { DesktopApi } from '@shared/platform';
import type { DesktopSyncApi } from '@shared/sync/transport';
import * as electron from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

async function loadPreload(): Promise<DesktopApi> {
  vi.resetModules();
  await import('../../src/preload/index');
  return electron.exposed.get('desktop') as DesktopApi;
}

beforeEach(() => electron.resetElectronMock());

describe('preload bridge', () => {
  it('exposes exactly one object, window.desktop, with the DesktopApi methods and the sync capability', async () => {
    const api = await loadPreload();
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...electron.exposed.keys()]).toEqual(['desktop']);
    expect(Object.keys(api).sort()).toEqual([
      'appVersion', 'backupChooseFolder', 'backupSetKeep', 'backupSkip', 'backupStatus', 'backupWrite', 'onBackupDue', 'print', 'saveFile', 'savePdf', 'sessionSecretClear', 'sessionSecretGet', 'sessionSecretPut', 'sync',
    ]);
    expect(Object.keys(api.sync).sort()).toEqual([
      'audit', 'bootstrap', 'challenge', 'connection', 'devices', 'disconnect', 'getBlob', 'history', 'keyProof', 'onEvent', 'probe', 'pull', 'push', 'putBlob', 'revoke', 'signIn', 'snapshot',
      'subscribe', 'trust', 'unsubscribe',
    ]);
  });

  it('never exposes ipcRenderer or its methods', async () => {
    const api = await loadPreload();
    const values = [...Object.values(api as unknown as Record<string, unknown>), ...Object.values(api.sync as unknown as Record<string, unknown>)].filter((v) => v !== api.sync);
    for (const forbidden of [electron.ipcRenderer, electron.ipcRenderer.invoke, electron.ipcRenderer.on, electron.ipcRenderer.removeListener]) expect(values).not.toContain(forbidden);
    for (const value of values) expect(typeof value).toBe('function');
  });

  it.each([
    ['savePdf', Channels.savePdf, [{ fileName: 'a.pdf' }]],
    ['print', Channels.print, [{ silent: false }]],
    ['saveFile', Channels.saveFile, [{ fileName: 'a.csv', mimeType: 'text/csv', data: 'x' }]],
    ['appVersion', Channels.appVersion, []],
    ['backupStatus', Channels.backupStatus, []],
    ['backupChooseFolder', Channels.backupChooseFolder, []],
    ['backupSetKeep', Channels.backupSetKeep, [{ keep: 3 }]],
    ['backupWrite', Channels.backupWrite, [{ bytes: new Uint8Array([1, 2, 3]) }]],
    ['backupSkip', Channels.backupSkip, [{ reason: 'no-key' }]],
    ['sessionSecretGet', Channels.sessionSecretGet, []],
    ['sessionSecretPut', Channels.sessionSecretPut, [{ secret: 'ab'.repeat(32) }]],
    ['sessionSecretClear', Channels.sessionSecretClear, []],
  ] as const)('%s invokes %s once with its argument and returns the answer', async (method, channel, args) => {
    const api = await loadPreload();
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, data: 'answer' });
    const call = api[method] as (...a: unknown[]) => Promise<unknown>;
    await expect(call(...args)).resolves.toEqual({ ok: true, data: 'answer' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channel, ...args);
  });

  it('forwards main\'s backup requests as plain data, never the IPC event, and unsubscribes', async () => {
    const api = await loadPreload();
    const handler = vi.fn();
    const stop = api.onBackupDue(handler);
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith(RendererChannels.backupDue, expect.any(Function));
    const [listener] = electron.rendererListeners.get(RendererChannels.backupDue)! as unknown as ((event: unknown, due: unknown) => void)[];
    const event = { sender: { send: vi.fn() }, ports: [] };
    listener!(event, { reason: 'quit', extra: 'x' });
    listener!(event, 'nonsense');
    expect(handler.mock.calls).toEqual([[{ reason: 'quit' }], [{ reason: 'daily' }]]);
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(RendererChannels.backupDue, listener);
  });

  it.each([
    ['connection', Channels.syncConnection, []],
    ['probe', Channels.syncProbe, [{ serverUrl: 'https://meja.kantor.lan' }]],
    ['trust', Channels.syncTrust, [{ serverUrl: 'https://meja.kantor.lan', fingerprint: 'AB' }]],
    ['pull', Channels.syncPull, [{ cursor: 0, limit: 10 }]],
    ['devices', Channels.syncDevices, []],
    ['revoke', Channels.syncRevoke, [{ deviceId: 'd' }]],
    ['getBlob', Channels.syncGetBlob, [{ hash: 'f'.repeat(64) }]],
    ['subscribe', Channels.syncSubscribe, []],
    ['unsubscribe', Channels.syncUnsubscribe, []],
  ] as const)('sync.%s invokes %s once with its argument', async (method, channel, args) => {
    const api = await loadPreload();
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, data: 'answer' });
    const call = api.sync[method as keyof DesktopSyncApi] as (...a: unknown[]) => Promise<unknown>;
    await expect(call(...args)).resolves.toEqual({ ok: true, data: 'answer' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channel, ...args);
  });

  it('relays the poke stream as {type} only, drops anything else, and stops when asked', async () => {
    const api = await loadPreload();
    const seen: unknown[] = [];
    const stop = api.sync.onEvent((e) => seen.push(e));
    const [relay] = electron.rendererListeners.get(RendererChannels.syncEvent)!;
    const ipcEvent = { sender: electron.ipcRenderer, senderId: 0 };
    relay!(ipcEvent, { type: 'poke', token: 'leak?' });
    relay!(ipcEvent, { type: 'eval' });
    relay!(ipcEvent, null);
    relay!(ipcEvent, { type: 'open' });
    expect(seen).toEqual([{ type: 'poke' }, { type: 'open' }]);
    stop();
    expect(electron.rendererListeners.get(RendererChannels.syncEvent)).toEqual([]);
  });
});
