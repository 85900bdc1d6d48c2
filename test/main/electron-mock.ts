/**
 * A fake `electron` module for tests of the main and preload processes (the binary is not
 * installed here, and tests must not need it). Use in a test file with:
 *   vi.mock('electron', () => import('./electron-mock'));
 * and reset with `resetElectronMock()` in beforeEach. The fakes live on globalThis, so a
 * test that calls vi.resetModules() still sees the same objects as the code under test.
 */
import { vi, type Mock } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
type Fn = Mock<(...args: never[]) => unknown>;

export interface FakeWindow {
  options: unknown;
  loadURL: Fn;
  loadFile: Fn;
  once: Fn;
  /** Registers a window event listener (kept in `listeners`). */
  on: Fn;
  listeners: Map<string, Listener[]>;
  show: Fn;
  hide: Fn;
  close: Fn;
  focus: Fn;
  restore: Fn;
  isMinimized: Fn;
  isDestroyed: Fn;
  /** What main sent to the page (webContents.send). */
  webContents: { send: Fn };
}

/** An Electron Session as the sync transport uses it (session.fromPartition). */
export interface FakeSession {
  partition: string;
  fetch: Mock<(input: string, init?: RequestInit) => Promise<Response>>;
  setCertificateVerifyProc: Mock<(proc: ((request: { hostname: string; certificate: { data: string } }, callback: (result: number) => void) => void) | null) => void>;
  /** The procedure last installed (null when none). */
  verifyProc: ((request: { hostname: string; certificate: { data: string } }, callback: (result: number) => void) => void) | null;
}

export interface ElectronFakes {
  appListeners: Map<string, Listener[]>;
  ipcHandlers: Map<string, Listener>;
  /** ipcRenderer.on listeners, by channel (what the preload subscribed to). */
  rendererListeners: Map<string, Listener[]>;
  /** Every session made with session.fromPartition, in order. */
  partitions: FakeSession[];
  exposed: Map<string, unknown>;
  createdWindows: FakeWindow[];
  BrowserWindow: { new (options: unknown): FakeWindow; getAllWindows: Fn; fromWebContents: Fn };
  app: { isPackaged: boolean; requestSingleInstanceLock: Mock<() => boolean>; quit: Fn; whenReady: Fn; getVersion: Fn; getPath: Fn; on: Fn };
  ipcMain: { handle: Fn };
  ipcRenderer: { invoke: Mock<(...args: unknown[]) => Promise<unknown>>; on: Fn; removeListener: Fn };
  contextBridge: { exposeInMainWorld: Fn };
  session: {
    defaultSession: { webRequest: { onHeadersReceived: Fn }; setPermissionRequestHandler: Fn; setPermissionCheckHandler: Fn };
    /** By default a session whose fetch fails like an unreachable network; tests replace `fetch`. */
    fromPartition: Mock<(partition: string) => FakeSession>;
  };
  net: { fetch: Mock<(input: string, init?: RequestInit) => Promise<Response>> };
  shell: { openExternal: Fn };
  dialog: { showSaveDialog: Fn; showOpenDialog: Fn };
  Menu: { buildFromTemplate: Fn; setApplicationMenu: Fn };
  /** A reversible fake: "encrypts" to the bytes of `enc:` + the text. */
  safeStorage: { isEncryptionAvailable: Mock<() => boolean>; encryptString: Fn; decryptString: Fn; getSelectedStorageBackend: Mock<() => string> };
}

function createFakes(): ElectronFakes {
  const appListeners = new Map<string, Listener[]>();
  const ipcHandlers = new Map<string, Listener>();
  const rendererListeners = new Map<string, Listener[]>();
  const partitions: FakeSession[] = [];
  const exposed = new Map<string, unknown>();
  const createdWindows: FakeBrowserWindow[] = [];

  class FakeBrowserWindow {
    static getAllWindows = vi.fn(() => createdWindows);
    static fromWebContents = vi.fn(() => createdWindows[0] ?? null);
    options: unknown;
    loadURL = vi.fn(async () => undefined);
    loadFile = vi.fn(async () => undefined);
    once = vi.fn();
    listeners = new Map<string, Listener[]>();
    on = vi.fn((event: string, listener: Listener): unknown => {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    });
    show = vi.fn();
    hide = vi.fn();
    close = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => false);
    isDestroyed = vi.fn(() => false);
    webContents = { send: vi.fn() };
    constructor(options: unknown) {
      this.options = options;
      createdWindows.push(this);
    }
  }

  const app = {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getVersion: vi.fn(() => '0.1.0'),
    getPath: vi.fn(() => '/home/user/Documents'),
    on: vi.fn((event: string, listener: Listener): unknown => {
      appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
      return app;
    }),
  };

  const offline = async (): Promise<Response> => {
    throw new TypeError('net::ERR_INTERNET_DISCONNECTED');
  };
  const makeSession = (partition: string): FakeSession => {
    const ses: FakeSession = {
      partition,
      fetch: vi.fn(offline),
      setCertificateVerifyProc: vi.fn((proc) => {
        ses.verifyProc = proc;
      }),
      verifyProc: null,
    };
    partitions.push(ses);
    return ses;
  };

  return {
    appListeners,
    ipcHandlers,
    rendererListeners,
    partitions,
    exposed,
    createdWindows,
    BrowserWindow: FakeBrowserWindow,
    app,
    ipcMain: {
      handle: vi.fn((channel: string, listener: Listener) => {
        ipcHandlers.set(channel, listener);
      }),
    },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, data: null })),
      on: vi.fn((channel: string, listener: Listener) => {
        rendererListeners.set(channel, [...(rendererListeners.get(channel) ?? []), listener]);
      }),
      removeListener: vi.fn((channel: string, listener: Listener) => {
        rendererListeners.set(channel, (rendererListeners.get(channel) ?? []).filter((l) => l !== listener));
      }),
    },
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: unknown) => {
        exposed.set(key, api);
      }),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: vi.fn() },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
      fromPartition: vi.fn(makeSession),
    },
    net: { fetch: vi.fn(offline) },
    shell: { openExternal: vi.fn(async () => undefined) },
    dialog: { showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })), showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })) },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      encryptString: vi.fn((text: string) => Buffer.from(`enc:${text}`, 'utf8')),
      decryptString: vi.fn((data: Buffer) => {
        const text = Buffer.from(data).toString('utf8');
        if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return text.slice(4);
      }),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
    },
  };
}

const store = globalThis as { __mejaElectronFakes?: ElectronFakes };
const fakes: ElectronFakes = (store.__mejaElectronFakes ??= createFakes());

export const { appListeners, ipcHandlers, rendererListeners, partitions, exposed, createdWindows, BrowserWindow, app, ipcMain, ipcRenderer, contextBridge, session, net, shell, dialog, Menu, safeStorage } = fakes;

export function resetElectronMock(): void {
  appListeners.clear();
  ipcHandlers.clear();
  rendererListeners.clear();
  partitions.length = 0;
  exposed.clear();
  createdWindows.length = 0;
  app.isPackaged = false;
  vi.clearAllMocks();
  // Back to the implementations given to vi.fn, for tests that replaced them.
  for (const fn of [app.getPath, dialog.showOpenDialog, session.fromPartition, net.fetch, ipcRenderer.invoke, ...Object.values(fakes.safeStorage)] as Fn[]) fn.mockReset();
}

export default fakes;
