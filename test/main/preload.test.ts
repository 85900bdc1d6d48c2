import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Channels, MainEvents } from '../../src/main/ipc/channels';
import type { DesktopApi } from '../../src/shared/platform';
import * as electron from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

async function loadPreload(): Promise<DesktopApi> {
  vi.resetModules();
  await import('../../src/preload/index');
  return electron.exposed.get('desktop') as DesktopApi;
}

beforeEach(() => electron.resetElectronMock());

describe('preload bridge', () => {
  it('exposes exactly one object, window.desktop, with the DesktopApi methods', async () => {
    const api = await loadPreload();
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...electron.exposed.keys()]).toEqual(['desktop']);
    expect(Object.keys(api).sort()).toEqual([
      'appVersion', 'backupChooseFolder', 'backupSetKeep', 'backupSkip', 'backupStatus', 'backupWrite', 'onBackupDue', 'print', 'readSecret', 'saveFile', 'savePdf', 'writeSecret',
    ]);
  });

  it('never exposes ipcRenderer or its methods', async () => {
    const api = await loadPreload();
    const values = Object.values(api as unknown as Record<string, unknown>);
    expect(values).not.toContain(electron.ipcRenderer);
    expect(values).not.toContain(electron.ipcRenderer.invoke);
    for (const value of values) expect(typeof value).toBe('function');
  });

  it.each([
    ['savePdf', Channels.savePdf, [{ fileName: 'a.pdf' }]],
    ['print', Channels.print, [{ silent: false }]],
    ['saveFile', Channels.saveFile, [{ fileName: 'a.csv', mimeType: 'text/csv', data: 'x' }]],
    ['appVersion', Channels.appVersion, []],
    ['readSecret', Channels.readSecret, [{ name: 'sync-token' }]],
    ['writeSecret', Channels.writeSecret, [{ name: 'sync-token', value: 'tok' }]],
    ['backupStatus', Channels.backupStatus, []],
    ['backupChooseFolder', Channels.backupChooseFolder, []],
    ['backupSetKeep', Channels.backupSetKeep, [{ keep: 3 }]],
    ['backupWrite', Channels.backupWrite, [{ bytes: new Uint8Array([1, 2, 3]) }]],
    ['backupSkip', Channels.backupSkip, [{ reason: 'no-key' }]],
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
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith(MainEvents.backupDue, expect.any(Function));
    const listener = electron.ipcRenderer.on.mock.calls[0]![1] as unknown as (event: unknown, due: unknown) => void;
    const event = { sender: { send: vi.fn() }, ports: [] };
    listener(event, { reason: 'quit', extra: 'x' });
    listener(event, 'nonsense');
    expect(handler.mock.calls).toEqual([[{ reason: 'quit' }], [{ reason: 'daily' }]]);
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(MainEvents.backupDue, listener);
  });
});
