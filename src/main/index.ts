/**
 * Electron main process: one window, the security rules, the IPC handlers. Thin glue: the
 * logic lives in security.ts, window.ts, ipc/handle.ts and services/*, which tests run in Node.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell } from 'electron';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Channels } from './ipc/channels';
import { createRegistrar } from './ipc/handle';
import { applySessionSecurity, hardenWebContents, isAppUrl, type UrlPolicy } from './security';
import type { SaveDeps } from './services/dialog';
import { saveFile, saveFileRequest } from './services/files';
import { savePdf, savePdfRequest } from './services/pdf';
import { print, printRequest } from './services/print';
import type { SecretDeps } from './services/secrets';
import { appVersion, appVersionRequest } from './services/version';
import { registerSyncHandlers } from './sync/ipc';
import { createSyncNetwork } from './sync/network';
import { createMainSyncTransport, type MainSyncTransport } from './sync/transport';
import { mainWindowOptions, menuTemplate } from './window';

// electron-vite sets ELECTRON_RENDERER_URL in `dev`; a packaged app never trusts it.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const policy: UrlPolicy = { rendererDir, devServerUrl };

const openExternal = (url: string): Promise<void> => shell.openExternal(url);

function registerIpc(): MainSyncTransport {
  const handle = createRegistrar({ ipcMain, isAppUrl: (url) => isAppUrl(url, policy) });
  const saveDeps: SaveDeps = {
    showSaveDialog: (owner, options) => {
      const win = BrowserWindow.fromWebContents(owner);
      return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
    },
    writeFile: (path, data) => writeFile(path, data),
    defaultDir: () => app.getPath('documents'),
  };
  const secretDeps: SecretDeps = {
    safeStorage,
    weakBackend: () => process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text',
    dir: () => join(app.getPath('userData'), 'secrets'),
    mkdir: async (path) => {
      await mkdir(path, { recursive: true, mode: 0o700 });
    },
    readFile: (path) => readFile(path),
    writeFile: (path, data) => writeFile(path, data, { mode: 0o600 }),
    unlink: (path) => unlink(path),
  };
  handle(Channels.savePdf, savePdfRequest, (req, event) => savePdf(saveDeps, event.sender, req));
  handle(Channels.print, printRequest, (req, event) => print(event.sender, req));
  handle(Channels.saveFile, saveFileRequest, (req, event) => saveFile(saveDeps, event.sender, req));
  handle(Channels.appVersion, appVersionRequest, () => appVersion(() => app.getVersion()));
  // The sync transport: main talks to the office's server (net.fetch on in-memory sessions whose
  // certificate check is the pin) and keeps the device token; the renderer only asks.
  const sync = createMainSyncTransport({
    network: createSyncNetwork({ fromPartition: (name) => session.fromPartition(name) }),
    secrets: secretDeps,
  });
  registerSyncHandlers(handle, sync);
  return sync;
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(join(rendererDir, 'index.html'));
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  // Every WebContents, including any the app did not mean to create, gets the same rules.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, policy, openExternal));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(() => {
    applySessionSecurity(session.defaultSession, { dev: devServerUrl !== undefined });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isMac: process.platform === 'darwin', isDev: devServerUrl !== undefined })));
    const sync = registerIpc();
    app.on('before-quit', () => sync.close());
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
