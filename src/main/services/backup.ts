/**
 * Desk backups on the desktop (docs/shells.md "Desk backups"). The renderer makes the encrypted
 * file (its database lives there, and so does the backup key); main only decides when a backup
 * is due, writes the bytes it is handed into the folder the admin chose, under a name main makes,
 * and keeps the newest backup of each of the last N days.
 *
 * - When: `backupDue()` — a day after the last backup (or at once when there is none), retried
 *   every RETRY_MS while a request fails or goes unanswered; and at quit (index.ts).
 * - Where: the folder is chosen in main's own dialog and kept in userData/backup.json; the
 *   renderer never names a path. Names are `meja-it-backup-YYYYMMDD-HHMMSS.mjbak` in the
 *   machine's local time; only files of that pattern are ever listed or deleted.
 * - What: `backup:write` takes a Uint8Array of at most MAX_BACKUP_BYTES that starts like a
 *   backup file; it is written to a temporary name (0600), then renamed, then the folder is
 *   rotated (`backupsToDelete`).
 */
import { join } from 'node:path';
import { z } from 'zod';
import { BACKUP_FILE_PATTERN, MAX_BACKUP_BYTES, looksLikeBackup } from '../../shared/backup';
import type { BackupFolderStatus } from '../../shared/platform';
import { BridgeFailure } from '../ipc/handle';

export const DAY_MS = 24 * 60 * 60_000;
/** After a failed or unanswered attempt, the next one waits this long. */
export const RETRY_MS = 15 * 60_000;
export const DEFAULT_KEEP = 7;
export const MAX_KEEP = 365;

// ---------------------------------------------------------------------------- settings

/** What main remembers about backups (userData/backup.json). */
export interface BackupSettings {
  folder: string | null;
  keep: number;
  lastBackupAt: string | null;
  lastFile: string | null;
  /** The last attempt that did not end in a file (due time for the retry), and why. */
  lastAttemptAt: string | null;
  lastProblem: string | null;
}

export const DEFAULT_SETTINGS: BackupSettings = { folder: null, keep: DEFAULT_KEEP, lastBackupAt: null, lastFile: null, lastAttemptAt: null, lastProblem: null };

const settingsSchema = z.object({
  folder: z.string().min(1).max(4096).nullable().catch(null),
  keep: z.number().int().min(1).max(MAX_KEEP).catch(DEFAULT_KEEP),
  lastBackupAt: z.string().datetime().nullable().catch(null),
  lastFile: z.string().regex(BACKUP_FILE_PATTERN).nullable().catch(null),
  lastAttemptAt: z.string().datetime().nullable().catch(null),
  lastProblem: z.string().max(100).nullable().catch(null),
});

/** Reads the settings file's text; anything unreadable falls back to the defaults, field by field. */
export function parseSettings(text: string | null, isAbsolute: (p: string) => boolean): BackupSettings {
  if (text === null) return { ...DEFAULT_SETTINGS };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(typeof raw === 'object' && raw ? raw : {}) });
  if (!parsed.success) return { ...DEFAULT_SETTINGS };
  const s = parsed.data;
  return { ...s, folder: s.folder && isAbsolute(s.folder) ? s.folder : null };
}

// ---------------------------------------------------------------------------- schedule and rotation

/**
 * Whether a backup is due at `now`: only with a folder; when none was made yet or the last is a
 * day old; and not within RETRY_MS of an attempt that did not produce one.
 */
export function backupDue(s: Pick<BackupSettings, 'folder' | 'lastBackupAt' | 'lastAttemptAt'>, now: Date): boolean {
  if (!s.folder) return false;
  const t = now.getTime();
  if (s.lastAttemptAt && t - Date.parse(s.lastAttemptAt) < RETRY_MS) return false;
  return !s.lastBackupAt || t - Date.parse(s.lastBackupAt) >= DAY_MS;
}

/** Milliseconds until backupDue() may next be true (0: now; null: never, no folder). */
export function nextBackupDelay(s: Pick<BackupSettings, 'folder' | 'lastBackupAt' | 'lastAttemptAt'>, now: Date): number | null {
  if (!s.folder) return null;
  const t = now.getTime();
  const dueAt = Math.max(s.lastBackupAt ? Date.parse(s.lastBackupAt) + DAY_MS : t, s.lastAttemptAt ? Date.parse(s.lastAttemptAt) + RETRY_MS : t);
  return Math.max(0, dueAt - t);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The name of a backup written at `at`, in the machine's local time (name order = time order). */
export function localBackupName(at: Date): string {
  return `meja-it-backup-${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}.mjbak`;
}

/**
 * The backups to delete so that the newest of each of the `keep` most recent days remains.
 * Only names of the backup pattern are considered; anything else in the folder is never touched.
 */
export function backupsToDelete(names: readonly string[], keep: number): string[] {
  const ours = names.filter((n) => BACKUP_FILE_PATTERN.test(n)).sort().reverse();
  const days = new Set<string>();
  const remove: string[] = [];
  for (const name of ours) {
    const day = name.slice('meja-it-backup-'.length, 'meja-it-backup-'.length + 8);
    if (days.has(day) || days.size >= keep) remove.push(name);
    else days.add(day);
  }
  return remove;
}

// ---------------------------------------------------------------------------- files

export interface BackupDeps {
  /** userData/backup.json */
  settingsPath: () => string;
  readText: (path: string) => Promise<string | null>;
  writeText: (path: string, text: string) => Promise<void>;
  /** Writes a new file readable by its owner only (0600). */
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
  unlink: (path: string) => Promise<void>;
  readdir: (path: string) => Promise<string[]>;
  size: (path: string) => Promise<number>;
  isAbsolute: (path: string) => boolean;
  /** The folder dialog; null when cancelled. */
  chooseFolder: (current: string | null) => Promise<string | null>;
  now: () => Date;
  log?: (message: string, error?: unknown) => void;
}

export const backupWriteRequest = z.strictObject({
  bytes: z
    .instanceof(Uint8Array)
    .refine((b) => b.byteLength <= MAX_BACKUP_BYTES, 'bytes: too large')
    .refine((b) => looksLikeBackup(b), 'bytes: not a backup'),
});
export const backupSetKeepRequest = z.strictObject({ keep: z.number().int().min(1).max(MAX_KEEP) });
export const backupSkipRequest = z.strictObject({ reason: z.enum(['no-key', 'no-office', 'failed']) });
/** The message a skip leaves in the status. */
export const SKIP_PROBLEMS = { 'no-key': 'backup.errors.noKey', 'no-office': 'backup.errors.noOffice', failed: 'backup.errors.failed' } as const;
export const noInput = z.undefined();

/** The backup service: settings, status, writes and rotation. One per app. */
export class BackupService {
  private settings: BackupSettings | null = null;
  /** Writes one at a time: a quit backup never interleaves with a daily one. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: BackupDeps) {}

  /** A folder is chosen (after load(); false before). */
  configured(): boolean {
    return !!this.settings?.folder;
  }

  async load(): Promise<BackupSettings> {
    if (!this.settings) {
      let text: string | null = null;
      try {
        text = await this.deps.readText(this.deps.settingsPath());
      } catch (error) {
        this.deps.log?.('backup settings unreadable', error);
      }
      this.settings = parseSettings(text, this.deps.isAbsolute);
    }
    return this.settings;
  }

  private async save(patch: Partial<BackupSettings>): Promise<BackupSettings> {
    const next = { ...(await this.load()), ...patch };
    this.settings = next;
    await this.deps.writeText(this.deps.settingsPath(), JSON.stringify(next, null, 2));
    return next;
  }

  /** The backups in the folder, newest first (empty when the folder cannot be read). */
  private async files(folder: string | null): Promise<{ name: string; size: number }[]> {
    if (!folder) return [];
    try {
      const names = (await this.deps.readdir(folder)).filter((n) => BACKUP_FILE_PATTERN.test(n)).sort().reverse();
      return await Promise.all(names.map(async (name) => ({ name, size: await this.deps.size(join(folder, name)).catch(() => 0) })));
    } catch {
      return [];
    }
  }

  async status(): Promise<BackupFolderStatus> {
    const s = await this.load();
    return { folder: s.folder, keep: s.keep, lastBackupAt: s.lastBackupAt, lastFile: s.lastFile, lastProblem: s.lastProblem, files: await this.files(s.folder) };
  }

  /** Whether a backup is due now (the scheduler's question). */
  async due(): Promise<boolean> {
    return backupDue(await this.load(), this.deps.now());
  }

  async delay(): Promise<number | null> {
    return nextBackupDelay(await this.load(), this.deps.now());
  }

  async chooseFolder(): Promise<BackupFolderStatus | null> {
    const current = (await this.load()).folder;
    const chosen = await this.deps.chooseFolder(current);
    if (!chosen) return null;
    if (!this.deps.isAbsolute(chosen)) throw new BridgeFailure('backup.errors.folderUnavailable');
    // A new folder: the next check backs up at once.
    await this.save({ folder: chosen, lastAttemptAt: null, lastProblem: null });
    return this.status();
  }

  async setKeep(keep: number): Promise<BackupFolderStatus> {
    await this.save({ keep });
    const s = await this.load();
    if (s.folder) await this.rotate(s.folder, keep).catch((error) => this.deps.log?.('backup rotation failed', error));
    return this.status();
  }

  /** Records an attempt that produced no file (the renderer skipped it, or it went unanswered). */
  async noteProblem(problem: string): Promise<void> {
    await this.save({ lastAttemptAt: this.deps.now().toISOString(), lastProblem: problem });
  }

  private async rotate(folder: string, keep: number): Promise<void> {
    for (const name of backupsToDelete(await this.deps.readdir(folder), keep)) await this.deps.unlink(join(folder, name));
  }

  /** Writes a backup into the folder and rotates. Throws BridgeFailure with the reason. */
  write(bytes: Uint8Array): Promise<{ file: string; at: string }> {
    const run = this.queue.then(() => this.writeNow(bytes));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeNow(bytes: Uint8Array): Promise<{ file: string; at: string }> {
    const s = await this.load();
    if (!s.folder) throw new BridgeFailure('backup.errors.noFolder');
    const at = this.deps.now();
    const name = localBackupName(at);
    const path = join(s.folder, name);
    const tmp = join(s.folder, `.${name}.tmp`);
    try {
      await this.deps.writeFile(tmp, bytes);
      await this.deps.rename(tmp, path);
    } catch (error) {
      this.deps.log?.('backup write failed', error);
      await this.deps.unlink(tmp).catch(() => undefined);
      await this.noteProblem('backup.errors.folderUnavailable').catch(() => undefined);
      throw new BridgeFailure('backup.errors.folderUnavailable');
    }
    await this.save({ lastBackupAt: at.toISOString(), lastFile: name, lastAttemptAt: null, lastProblem: null });
    try {
      await this.rotate(s.folder, s.keep);
    } catch (error) {
      // The backup is written; an old one that could not be deleted is tried again next time.
      this.deps.log?.('backup rotation failed', error);
    }
    return { file: name, at: at.toISOString() };
  }
}

// ---------------------------------------------------------------------------- scheduler

export interface SchedulerDeps {
  service: Pick<BackupService, 'due' | 'delay' | 'noteProblem'>;
  /** Asks the renderer for a backup; resolves when it was written or skipped (true) or not answered in time (false). */
  request: (reason: 'daily' | 'quit') => Promise<boolean>;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  /** The longest wait between checks (the clock may jump: sleep, a corrected time). */
  maxWaitMs?: number;
  /** The first check waits at least this long: the renderer must have loaded to answer. */
  firstCheckMs?: number;
}

/**
 * Runs the daily backups: checks when the next one may be due (at most every `maxWaitMs`, one
 * hour by default; the first check a minute after start), asks the renderer when it is, and
 * checks again. An unanswered request is
 * recorded as a problem, which delays the retry by RETRY_MS.
 */
export function startBackupScheduler(deps: SchedulerDeps): { stop: () => void; check: () => Promise<void> } {
  const maxWait = deps.maxWaitMs ?? 60 * 60_000;
  let first = deps.firstCheckMs ?? 60_000;
  let timer: unknown;
  let stopped = false;
  let running: Promise<void> | null = null;
  const arm = async () => {
    if (stopped) return;
    const delay = await deps.service.delay();
    if (stopped) return;
    timer = deps.setTimer(() => void check(), Math.max(first, Math.min(delay ?? maxWait, maxWait)));
    first = 0;
  };
  const check = (): Promise<void> => {
    running ??= (async () => {
      try {
        if (await deps.service.due()) {
          const answered = await deps.request('daily');
          if (!answered) await deps.service.noteProblem('backup.errors.noAnswer');
        }
      } finally {
        running = null;
        await arm();
      }
    })();
    return running;
  };
  void arm();
  return {
    stop: () => {
      stopped = true;
      if (timer !== undefined) deps.clearTimer(timer);
    },
    check,
  };
}

// ---------------------------------------------------------------------------- asking the renderer

/** How long the renderer may take to make a backup main asked for. */
export const REQUEST_TIMEOUT_MS = { daily: 5 * 60_000, quit: 60_000 } as const;

export interface RequesterDeps {
  /** Sends `backup:due` to the window's renderer; false when there is no window to ask. */
  send: (due: { reason: 'daily' | 'quit' }) => boolean;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
}

/**
 * One request at a time to the renderer: `request()` resolves true when the renderer answers
 * (`answered()`, called by the write and skip handlers), false on timeout or with no window.
 */
export function createBackupRequester(deps: RequesterDeps) {
  let pending: ((answered: boolean) => void) | null = null;
  return {
    request(reason: 'daily' | 'quit'): Promise<boolean> {
      pending?.(false);
      return new Promise<boolean>((resolve) => {
        const settle = (answered: boolean) => {
          if (pending !== settle) return;
          pending = null;
          deps.clearTimer(timer);
          resolve(answered);
        };
        pending = settle;
        const timer = deps.setTimer(() => settle(false), REQUEST_TIMEOUT_MS[reason]);
        if (!deps.send({ reason })) settle(false);
      });
    },
    /** The renderer answered (a backup written or skipped). */
    answered(): void {
      pending?.(true);
    },
  };
}

export interface QuitBackupDeps {
  /** A folder is chosen (settings already loaded). */
  configured: () => boolean;
  request: (reason: 'quit') => Promise<boolean>;
  /** The app is quitting (before-quit was seen), not just this window closing. */
  quitting: () => boolean;
  hide: () => void;
  close: () => void;
  quit: () => void;
}

/**
 * The window's `close` listener: when backups are configured, the first close is held (the
 * window hides) while the renderer makes the quit backup, then the window closes — or the app
 * quits, when that is what started it. A second close goes through.
 */
export function quitBackupGuard(deps: QuitBackupDeps): (event: { preventDefault: () => void }) => void {
  let done = false;
  return (event) => {
    if (done || !deps.configured()) return;
    event.preventDefault();
    done = true;
    deps.hide();
    void deps
      .request('quit')
      .catch(() => false)
      .then(() => (deps.quitting() ? deps.quit() : deps.close()));
  };
}
