/**
 * Electron main process: one window, the security rules, the IPC handlers. Thin glue: the
 * logic lives in security.ts, window.ts, ipc/handle.ts and services/*, which tests run in Node.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell } from 'electron';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Channels, RendererChannels } from './ipc/channels';
import { createRegistrar } from './ipc/handle';
import { applySessionSecurity, hardenWebContents, isAppUrl, type UrlPolicy } from './security';
import type { SaveDeps } from './services/dialog';
import { saveFile, saveFileRequest } from './services/files';
import { savePdf, savePdfRequest } from './services/pdf';
import { print, printRequest } from './services/print';
import type { SecretDeps } from './services/secrets';
import { appVersion, appVersionRequest } from './services/version';
import { SessionSecrets, sessionSecretNoInput, sessionSecretPutRequest } from './services/session-secret';
import {
  BackupService, backupSetKeepRequest, backupSkipRequest, backupWriteRequest, createBackupRequester, noInput, quitBackupGuard, SKIP_PROBLEMS, startBackupScheduler,
} from './services/backup';
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

const sessionSecrets = new SessionSecrets();

// Desk backups (services/backup.ts): main asks the renderer for the bytes and writes them.
let mainWindow: BrowserWindow | null = null;
let quitting = false;
const backups = new BackupService({
  settingsPath: () => join(app.getPath('userData'), 'backup.json'),
  readText: (path) => readFile(path, 'utf8').catch((error: { code?: string }) => (error?.code === 'ENOENT' ? null : Promise.reject(error))),
  writeText: async (path, text) => {
    await mkdir(app.getPath('userData'), { recursive: true, mode: 0o700 });
    await writeFile(path, text, { mode: 0o600 });
  },
  writeFile: (path, data) => writeFile(path, data, { mode: 0o600 }),
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  readdir: (path) => readdir(path),
  size: async (path) => (await stat(path)).size,
  isAbsolute,
  chooseFolder: async (current) => {
    const options = { title: 'Folder cadangan Meja IT', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[], ...(current ? { defaultPath: current } : {}) };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  now: () => new Date(),
  log: (message, error) => console.error(`[backup] ${message}`, error),
});
const backupRequester = createBackupRequester({
  send: (due) => {
    if (!mainWindow || mainWindow.isDestroyed()) return false;
    mainWindow.webContents.send(RendererChannels.backupDue, due);
    return true;
  },
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
});

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
  // The session secret a reload needs (services/session-secret.ts): per window, memory only.
  handle(Channels.sessionSecretGet, sessionSecretNoInput, (_req, event) => sessionSecrets.get(event.sender));
  handle(Channels.sessionSecretPut, sessionSecretPutRequest, (req, event) => sessionSecrets.put(event.sender, req.secret));
  handle(Channels.sessionSecretClear, sessionSecretNoInput, (_req, event) => sessionSecrets.clear(event.sender));
  handle(Channels.backupStatus, noInput, () => backups.status());
  handle(Channels.backupChooseFolder, noInput, () => backups.chooseFolder());
  handle(Channels.backupSetKeep, backupSetKeepRequest, (req) => backups.setKeep(req.keep));
  handle(Channels.backupWrite, backupWriteRequest, async (req) => {
    try {
      return await backups.write(req.bytes);
    } finally {
      backupRequester.answered();
    }
  });
  handle(Channels.backupSkip, backupSkipRequest, async (req) => {
    try {
      await backups.noteProblem(SKIP_PROBLEMS[req.reason]);
      return null;
    } finally {
      backupRequester.answered();
    }
  });
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
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  // Closing the app writes a last backup first (when a folder is chosen).
  win.on(
    'close',
    quitBackupGuard({
      configured: () => backups.configured(),
      request: (reason) => backupRequester.request(reason),
      quitting: () => quitting,
      hide: () => win.hide(),
      close: () => win.close(),
      quit: () => app.quit(),
    }),
  );
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
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
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(() => {
    applySessionSecurity(session.defaultSession, { dev: devServerUrl !== undefined });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isMac: process.platform === 'darwin', isDev: devServerUrl !== undefined })));
    const sync = registerIpc();
    app.on('before-quit', () => sync.close());
    createWindow();
    // Settings first (the close guard reads them), then the daily schedule.
    void backups.load().then(() =>
      startBackupScheduler({
        service: backups,
        request: (reason) => backupRequester.request(reason),
        setTimer: (fn, ms) => setTimeout(fn, ms),
        clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
      }),
    );
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
