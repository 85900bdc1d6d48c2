/**
 * The platform bridge on the desktop: exposes `window.desktop` (DesktopApi) to the renderer,
 * one ipcRenderer.invoke per method. ipcRenderer itself is never exposed: a page that got
 * hold of it could call any channel with any arguments. Bundled as one CommonJS file because
 * a sandboxed preload cannot load other chunks.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi } from '../shared/platform';
import { Channels, MainEvents } from '../main/ipc/channels';

const api: DesktopApi = {
  savePdf: (req) => ipcRenderer.invoke(Channels.savePdf, req),
  print: (req) => ipcRenderer.invoke(Channels.print, req),
  saveFile: (req) => ipcRenderer.invoke(Channels.saveFile, req),
  appVersion: () => ipcRenderer.invoke(Channels.appVersion),
  readSecret: (req) => ipcRenderer.invoke(Channels.readSecret, req),
  writeSecret: (req) => ipcRenderer.invoke(Channels.writeSecret, req),
  backupStatus: () => ipcRenderer.invoke(Channels.backupStatus),
  backupChooseFolder: () => ipcRenderer.invoke(Channels.backupChooseFolder),
  backupSetKeep: (req) => ipcRenderer.invoke(Channels.backupSetKeep, req),
  backupWrite: (req) => ipcRenderer.invoke(Channels.backupWrite, req),
  backupSkip: (req) => ipcRenderer.invoke(Channels.backupSkip, req),
  // The page gets the request's data only, rebuilt here: never the IPC event (its `sender`).
  onBackupDue: (handler) => {
    const listener = (_event: unknown, due: unknown) => handler({ reason: (due as { reason?: unknown } | null)?.reason === 'quit' ? 'quit' : 'daily' });
    ipcRenderer.on(MainEvents.backupDue, listener);
    return () => {
      ipcRenderer.removeListener(MainEvents.backupDue, listener);
    };
  },
};

contextBridge.exposeInMainWorld('desktop', api);
