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
  /** Desk backups (src/main/services/backup.ts). */
  backupStatus(): Promise<Result<BackupFolderStatus>>;
  backupChooseFolder(): Promise<Result<BackupFolderStatus | null>>;
  backupSetKeep(req: { keep: number }): Promise<Result<BackupFolderStatus>>;
  backupWrite(req: { bytes: Uint8Array }): Promise<Result<{ file: string; at: string }>>;
  backupSkip(req: { reason: BackupSkipReason }): Promise<Result<null>>;
  /** Main asks for a backup (daily, at quit); returns the unsubscribe. */
  onBackupDue(handler: (due: BackupDue) => void): () => void;
  /** The session secret of this window, kept in main's memory (src/main/services/session-secret.ts). */
  sessionSecretGet(): Promise<Result<{ secret: string | null }>>;
  sessionSecretPut(req: { secret: string }): Promise<Result<null>>;
  sessionSecretClear(): Promise<Result<null>>;
}

/**
 * Where a tab keeps the secret its signed-in session is sealed under (see
 * src/renderer/app/session-vault.ts and docs/sync.md "Staying signed in across a reload"):
 * never on disk for long, never shared with another tab or window. Browser: the tab's
 * sessionStorage. Desktop: the main process's memory, per window. The secret is 32 random
 * bytes as 64 hex digits.
 */
export interface SessionSecretCapability {
  get(): Promise<string | null>;
  /** False when the shell could not keep it (the session then is not kept across a reload). */
  put(secret: string): Promise<boolean>;
  clear(): Promise<void>;
}

/** Why a backup main asked for was not made. */
export type BackupSkipReason = 'no-key' | 'no-office' | 'failed';

/** What main asks the renderer for: a backup, because a day has passed or the app is closing. */
export interface BackupDue {
  reason: 'daily' | 'quit';
}

/** The desktop's backup folder and schedule, as Settings shows them. */
export interface BackupFolderStatus {
  /** The folder the admin chose; null until then (no automatic backups). */
  folder: string | null;
  /** How many daily backups are kept (the newest of each day). */
  keep: number;
  lastBackupAt: string | null;
  lastFile: string | null;
  /** Why the last attempt failed (an i18n key or a skip reason), null after a success. */
  lastProblem: string | null;
  /** The backups in the folder, newest first. */
  files: { name: string; size: number }[];
}

/** Desk backups through the shell (docs/shells.md "Desk backups"). */
export interface BackupCapability {
  /** True where the shell writes backups to a folder by itself (desktop: daily and at quit). */
  readonly scheduled: boolean;
  /** Browser: downloads the file. Desktop: writes it to the backup folder now and rotates. */
  save(req: { bytes: Uint8Array; fileName: string }): Promise<Result<{ file: string }>>;
  /** Desktop: the folder, the schedule and the files kept; null in a browser. */
  status(): Promise<Result<BackupFolderStatus | null>>;
  /** Desktop: the admin chooses the folder (null when cancelled). */
  chooseFolder(): Promise<Result<BackupFolderStatus | null>>;
  /** Desktop: how many daily backups to keep (1–365). */
  setKeep(keep: number): Promise<Result<BackupFolderStatus>>;
  /** Desktop: main asks for a backup; the handler makes it and saves it (or skips). Returns the unsubscribe. */
  onDue(handler: (due: BackupDue) => void): () => void;
  /** Desktop: tells main the backup it asked for could not be made. */
  skip(reason: BackupSkipReason): Promise<Result<null>>;
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
  /** Desk backups: downloads in a browser, a folder written daily and at quit on the desktop. */
  readonly backup: BackupCapability;
  /** The per-tab secret a session is sealed under to survive a reload. */
  readonly sessionSecret: SessionSecretCapability;
}
