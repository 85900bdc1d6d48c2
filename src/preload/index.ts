/**
 * The platform bridge on the desktop: exposes `window.desktop` (DesktopApi) to the renderer,
 * one ipcRenderer.invoke per method. ipcRenderer itself is never exposed: a page that got
 * hold of it could call any channel with any arguments. The poke stream main relays arrives
 * through `sync.onEvent`, which hands the listener only `{type}` (never the IPC event, whose
 * `sender` is ipcRenderer). Bundled as one CommonJS file because a sandboxed preload cannot
 * load other chunks.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DesktopApi } from '../shared/platform';
import type { DesktopSyncApi, SyncStreamEvent } from '../shared/sync/transport';
import { Channels, RendererChannels } from '../main/ipc/channels';

const STREAM_EVENTS: readonly SyncStreamEvent[] = ['open', 'poke', 'error'];

const sync: DesktopSyncApi = {
  connection: () => ipcRenderer.invoke(Channels.syncConnection),
  probe: (req) => ipcRenderer.invoke(Channels.syncProbe, req),
  trust: (req) => ipcRenderer.invoke(Channels.syncTrust, req),
  challenge: (req) => ipcRenderer.invoke(Channels.syncChallenge, req),
  signIn: (req) => ipcRenderer.invoke(Channels.syncSignIn, req),
  bootstrap: (req) => ipcRenderer.invoke(Channels.syncBootstrap, req),
  keyProof: (req) => ipcRenderer.invoke(Channels.syncKeyProof, req),
  push: (req) => ipcRenderer.invoke(Channels.syncPush, req),
  pull: (req) => ipcRenderer.invoke(Channels.syncPull, req),
  snapshot: (req) => ipcRenderer.invoke(Channels.syncSnapshot, req),
  history: (req) => ipcRenderer.invoke(Channels.syncHistory, req),
  devices: () => ipcRenderer.invoke(Channels.syncDevices),
  revoke: (req) => ipcRenderer.invoke(Channels.syncRevoke, req),
  audit: (req) => ipcRenderer.invoke(Channels.syncAudit, req),
  putBlob: (req) => ipcRenderer.invoke(Channels.syncPutBlob, req),
  getBlob: (req) => ipcRenderer.invoke(Channels.syncGetBlob, req),
  disconnect: () => ipcRenderer.invoke(Channels.syncDisconnect),
  subscribe: () => ipcRenderer.invoke(Channels.syncSubscribe),
  unsubscribe: () => ipcRenderer.invoke(Channels.syncUnsubscribe),
  onEvent: (listener) => {
    const relay = (_event: IpcRendererEvent, payload: unknown) => {
      const type = (payload as { type?: unknown } | null)?.type;
      if (STREAM_EVENTS.includes(type as SyncStreamEvent)) listener({ type: type as SyncStreamEvent });
    };
    ipcRenderer.on(RendererChannels.syncEvent, relay);
    return () => {
      ipcRenderer.removeListener(RendererChannels.syncEvent, relay);
    };
  },
};

const api: DesktopApi = {
  savePdf: (req) => ipcRenderer.invoke(Channels.savePdf, req),
  print: (req) => ipcRenderer.invoke(Channels.print, req),
  saveFile: (req) => ipcRenderer.invoke(Channels.saveFile, req),
  appVersion: () => ipcRenderer.invoke(Channels.appVersion),
  backupStatus: () => ipcRenderer.invoke(Channels.backupStatus),
  backupChooseFolder: () => ipcRenderer.invoke(Channels.backupChooseFolder),
  backupSetKeep: (req) => ipcRenderer.invoke(Channels.backupSetKeep, req),
  backupWrite: (req) => ipcRenderer.invoke(Channels.backupWrite, req),
  backupSkip: (req) => ipcRenderer.invoke(Channels.backupSkip, req),
  sessionSecretGet: () => ipcRenderer.invoke(Channels.sessionSecretGet),
  sessionSecretPut: (req) => ipcRenderer.invoke(Channels.sessionSecretPut, req),
  sessionSecretClear: () => ipcRenderer.invoke(Channels.sessionSecretClear),
  // The page gets the request's data only, rebuilt here: never the IPC event (its `sender`).
  onBackupDue: (handler) => {
    const listener = (_event: IpcRendererEvent, due: unknown) => handler({ reason: (due as { reason?: unknown } | null)?.reason === 'quit' ? 'quit' : 'daily' });
    ipcRenderer.on(RendererChannels.backupDue, listener);
    return () => {
      ipcRenderer.removeListener(RendererChannels.backupDue, listener);
    };
  },
  sync,
};

contextBridge.exposeInMainWorld('desktop', api);
