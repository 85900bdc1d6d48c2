/**
 * The platform bridge on the desktop: exposes `window.desktop` (DesktopApi) to the renderer,
 * one ipcRenderer.invoke per method. ipcRenderer itself is never exposed: a page that got
 * hold of it could call any channel with any arguments. Bundled as one CommonJS file because
 * a sandboxed preload cannot load other chunks.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi } from '../shared/platform';
import { Channels } from '../main/ipc/channels';

const api: DesktopApi = {
  savePdf: (req) => ipcRenderer.invoke(Channels.savePdf, req),
  print: (req) => ipcRenderer.invoke(Channels.print, req),
  saveFile: (req) => ipcRenderer.invoke(Channels.saveFile, req),
  appVersion: () => ipcRenderer.invoke(Channels.appVersion),
  readSecret: (req) => ipcRenderer.invoke(Channels.readSecret, req),
  writeSecret: (req) => ipcRenderer.invoke(Channels.writeSecret, req),
};

contextBridge.exposeInMainWorld('desktop', api);
