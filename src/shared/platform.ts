/**
 * The platform bridge: everything the renderer may ask of the operating system. The desktop
 * implementation (src/renderer/platform/desktop.ts) calls the preload API over IPC; the web
 * implementation (web.ts) uses downloads and window.print(). Components only see this type.
 */
import type { Result } from './result';
import type { DesktopSyncApi, SyncTransport } from './sync/transport';

/** What the preload script exposes as `window.desktop` (one method per IPC channel). */
export interface DesktopApi {
  savePdf(req: SavePdfRequest): Promise<Result<{ path: string } | null>>;
  print(req: PrintRequest): Promise<Result<{ printed: boolean }>>;
  saveFile(req: SaveFileRequest): Promise<Result<{ path: string } | null>>;
  appVersion(): Promise<Result<{ version: string }>>;
  /** The sync transport, which the main process performs (shared/sync/transport.ts). */
  sync: DesktopSyncApi;
}

/** Secrets the main process keeps for itself (src/main/services/secrets.ts): the sync server's
 *  device token. No channel reads them back to the renderer. */
export type SecretName = 'sync-token';

export interface SavePdfRequest {
  /** Suggested file name, e.g. "Formulir-Akses-Ruang-Server-ARS-2026-0001.pdf". */
  fileName: string;
}

export interface PrintRequest {
  /** Show the system print dialog (true) or print to the default printer (false). */
  silent?: boolean;
}

export interface SaveFileRequest {
  fileName: string;
  mimeType: string;
  /** Text content (CSV, JSON) or base64 when `encoding` is 'base64' (XLSX, images). */
  data: string;
  encoding?: 'utf8' | 'base64';
}

/** The renderer's view of the operating system. */
export interface Platform {
  /** 'desktop' inside Electron, 'web' in a browser. For display only; never branch on it. */
  readonly kind: 'desktop' | 'web';
  /** Renders the current print view to a PDF the user saves. Null when cancelled. In the
   *  browser this opens the print dialog, where "Save as PDF" is the destination. */
  savePdf(req: SavePdfRequest): Promise<Result<{ path: string } | null>>;
  /** Prints the current print view through the system dialog. */
  print(req?: PrintRequest): Promise<Result<{ printed: boolean }>>;
  /** Saves an exported file (CSV, XLSX, JSON) where the user chooses. Null when cancelled. */
  saveFile(req: SaveFileRequest): Promise<Result<{ path: string } | null>>;
  /** The application's version. */
  appVersion(): Promise<string>;
  /**
   * Every call to the office's sync server and its poke stream. The transport keeps the device
   * token: desktop, the main process (OS keychain, pinned certificate, Electron's networking);
   * browser, same-origin fetch with the token in the origin's localStorage.
   */
  readonly sync: SyncTransport;
}
