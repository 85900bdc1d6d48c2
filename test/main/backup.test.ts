/**
 * Desk backups in the main process (Node, `electron` mocked): when a backup is due, how the
 * folder is rotated (the newest of each of the last N days, nothing else touched), how a write
 * lands (0600, atomic, name made by main), what the IPC channels refuse, and the quit backup.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Channels, RendererChannels } from '../../src/main/ipc/channels';
import {
  BackupService, backupDue, backupsToDelete, createBackupRequester, DAY_MS, localBackupName, nextBackupDelay, parseSettings, quitBackupGuard, RETRY_MS, startBackupScheduler, type BackupDeps,
} from '../../src/main/services/backup';
import { MAX_BACKUP_BYTES } from '@shared/backup';
import * as electron from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

const HOUR = 60 * 60_000;
const t0 = new Date(2026, 2, 4, 9, 0, 0); // 4 March 2026, 09:00 local
const backupBytes = (n = 64) => new Uint8Array([...new TextEncoder().encode('MEJA-IT-BACKUP\n{"format":"meja-it-backup"}\n'), ...new Uint8Array(n).map((_, i) => i % 256)]);

const dirs: string[] = [];
async function tempDir(prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('schedule (pure)', () => {
  const folder = '/home/admin/Cadangan';
  it('is due only with a folder: at once without a backup, then a day after the last', () => {
    expect(backupDue({ folder: null, lastBackupAt: null, lastAttemptAt: null }, t0)).toBe(false);
    expect(backupDue({ folder, lastBackupAt: null, lastAttemptAt: null }, t0)).toBe(true);
    const last = new Date(t0.getTime() - 23 * HOUR).toISOString();
    expect(backupDue({ folder, lastBackupAt: last, lastAttemptAt: null }, t0)).toBe(false);
    expect(backupDue({ folder, lastBackupAt: last, lastAttemptAt: null }, new Date(t0.getTime() + HOUR))).toBe(true);
    expect(nextBackupDelay({ folder, lastBackupAt: last, lastAttemptAt: null }, t0)).toBe(HOUR);
    expect(nextBackupDelay({ folder, lastBackupAt: null, lastAttemptAt: null }, t0)).toBe(0);
    expect(nextBackupDelay({ folder: null, lastBackupAt: null, lastAttemptAt: null }, t0)).toBeNull();
  });

  it('waits RETRY_MS after an attempt that produced no file', () => {
    const attempt = new Date(t0.getTime() - 5 * 60_000).toISOString();
    expect(backupDue({ folder, lastBackupAt: null, lastAttemptAt: attempt }, t0)).toBe(false);
    expect(nextBackupDelay({ folder, lastBackupAt: null, lastAttemptAt: attempt }, t0)).toBe(RETRY_MS - 5 * 60_000);
    expect(backupDue({ folder, lastBackupAt: null, lastAttemptAt: attempt }, new Date(t0.getTime() + RETRY_MS))).toBe(true);
  });

  it('a clock set back (the last backup "in the future") waits the day from it, never backs up in a loop', () => {
    const future = new Date(t0.getTime() + 2 * HOUR).toISOString();
    expect(backupDue({ folder, lastBackupAt: future, lastAttemptAt: null }, t0)).toBe(false);
    expect(nextBackupDelay({ folder, lastBackupAt: future, lastAttemptAt: null }, t0)).toBe(DAY_MS + 2 * HOUR);
  });

  it('names files by local time, so name order is time order', () => {
    expect(localBackupName(t0)).toBe('meja-it-backup-20260304-090000.mjbak');
    expect(localBackupName(new Date(2026, 11, 31, 23, 59, 58))).toBe('meja-it-backup-20261231-235958.mjbak');
  });

  it('rotation keeps the newest backup of each of the last N days and never touches other files', () => {
    const names = [
      'meja-it-backup-20260301-080000.mjbak',
      'meja-it-backup-20260302-080000.mjbak',
      'meja-it-backup-20260302-170500.mjbak', // quit backup: the newest of the 2nd
      'meja-it-backup-20260303-080000.mjbak',
      'meja-it-backup-20260304-080000.mjbak',
      'meja-it-backup-20260304-120000.mjbak',
      'meja-it-backup-20260304-173000.mjbak',
      'laporan-bulanan.xlsx',
      'meja-it-backup-20260305-080000.mjbak.tmp',
      '.meja-it-backup-20260305-080000.mjbak.tmp',
      'meja-it-backup-2026030-080000.mjbak',
    ];
    expect(backupsToDelete(names, 3).sort()).toEqual([
      'meja-it-backup-20260301-080000.mjbak',
      'meja-it-backup-20260302-080000.mjbak',
      'meja-it-backup-20260304-080000.mjbak',
      'meja-it-backup-20260304-120000.mjbak',
    ]);
    expect(backupsToDelete(names, 1).sort()).toEqual(names.filter((n) => /^meja-it-backup-\d{8}-\d{6}\.mjbak$/.test(n) && n !== 'meja-it-backup-20260304-173000.mjbak').sort());
    expect(backupsToDelete(names, 7)).toEqual(['meja-it-backup-20260304-120000.mjbak', 'meja-it-backup-20260304-080000.mjbak', 'meja-it-backup-20260302-080000.mjbak']);
  });

  it('settings: anything unreadable falls back to the defaults, field by field; a relative folder is dropped', () => {
    expect(parseSettings(null, isAbsolute)).toMatchObject({ folder: null, keep: 7 });
    expect(parseSettings('not json', isAbsolute)).toMatchObject({ folder: null, keep: 7 });
    expect(parseSettings(JSON.stringify({ folder: '/srv/cadangan', keep: 500 }), isAbsolute)).toMatchObject({ folder: '/srv/cadangan', keep: 7 });
    expect(parseSettings(JSON.stringify({ folder: 'relatif/cadangan', keep: 3 }), isAbsolute)).toMatchObject({ folder: null, keep: 3 });
  });
});

describe('the scheduler', () => {
  it('asks for a backup when one is due, records an unanswered request, and re-arms', async () => {
    const timers: { fn: () => void; ms: number }[] = [];
    let due = true;
    const noteProblem = vi.fn(async () => undefined);
    const request = vi.fn(async () => false);
    const s = startBackupScheduler({
      service: { due: async () => due, delay: async () => (due ? 0 : 5 * HOUR), noteProblem },
      request,
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: () => undefined,
      firstCheckMs: 60_000,
    });
    await vi.waitFor(() => expect(timers).toHaveLength(1));
    expect(timers[0]!.ms).toBe(60_000); // the renderer gets a minute to load
    timers[0]!.fn();
    await vi.waitFor(() => expect(timers).toHaveLength(2));
    expect(request).toHaveBeenCalledWith('daily');
    expect(noteProblem).toHaveBeenCalledWith('backup.errors.noAnswer');
    due = false;
    timers[1]!.fn();
    await vi.waitFor(() => expect(timers).toHaveLength(3));
    expect(request).toHaveBeenCalledTimes(1);
    expect(timers[2]!.ms).toBe(HOUR); // capped: the clock may jump
    s.stop();
  });

  it('the requester resolves on the answer, on timeout, and at once without a window', async () => {
    const timers: (() => void)[] = [];
    let window = true;
    const sent: unknown[] = [];
    const r = createBackupRequester({ send: (d) => (sent.push(d), window), setTimer: (fn) => timers.push(fn), clearTimer: () => undefined });
    const answered = r.request('daily');
    r.answered();
    expect(await answered).toBe(true);
    const timedOut = r.request('quit');
    timers.at(-1)!();
    expect(await timedOut).toBe(false);
    window = false;
    expect(await r.request('daily')).toBe(false);
    expect(sent).toEqual([{ reason: 'daily' }, { reason: 'quit' }, { reason: 'daily' }]);
  });

  it('the quit guard holds the first close for the backup, then closes (or quits)', async () => {
    for (const quitting of [false, true]) {
      let answer!: (a: boolean) => void;
      const deps = { configured: () => true, request: vi.fn(() => new Promise<boolean>((r) => (answer = r))), quitting: () => quitting, hide: vi.fn(), close: vi.fn(), quit: vi.fn() };
      const onClose = quitBackupGuard(deps);
      const first = { preventDefault: vi.fn() };
      onClose(first);
      expect(first.preventDefault).toHaveBeenCalled();
      expect(deps.hide).toHaveBeenCalled();
      expect(deps.request).toHaveBeenCalledWith('quit');
      expect(deps.close).not.toHaveBeenCalled();
      answer(true);
      await vi.waitFor(() => expect(quitting ? deps.quit : deps.close).toHaveBeenCalled());
      const second = { preventDefault: vi.fn() };
      onClose(second);
      expect(second.preventDefault).not.toHaveBeenCalled();
    }
    const off = { preventDefault: vi.fn() };
    quitBackupGuard({ configured: () => false, request: vi.fn(), quitting: () => false, hide: vi.fn(), close: vi.fn(), quit: vi.fn() })(off);
    expect(off.preventDefault).not.toHaveBeenCalled();
  });
});

describe('the backup folder (real files)', () => {
  async function service(opts: { folder?: string | null; keep?: number } = {}) {
    const userData = await tempDir('meja-backup-userdata-');
    const folder = opts.folder === undefined ? await tempDir('meja-backup-folder-') : opts.folder;
    let now = t0;
    let choose: string | null = folder;
    const deps: BackupDeps = {
      settingsPath: () => join(userData, 'backup.json'),
      readText: (p) => readFile(p, 'utf8').catch(() => null),
      writeText: (p, text) => writeFile(p, text, { mode: 0o600 }),
      writeFile: (p, data) => writeFile(p, data, { mode: 0o600 }),
      rename: async (a, b) => (await import('node:fs/promises')).rename(a, b),
      unlink: async (p) => (await import('node:fs/promises')).unlink(p),
      readdir: (p) => readdir(p),
      size: async (p) => (await stat(p)).size,
      isAbsolute,
      chooseFolder: async () => choose,
      now: () => now,
    };
    const s = new BackupService(deps);
    if (folder) await s.chooseFolder();
    if (opts.keep) await s.setKeep(opts.keep);
    return { s, folder: folder!, userData, at: (d: Date) => (now = d), choose: (f: string | null) => (choose = f) };
  }

  it('writes the bytes under a name main makes, 0600, and records the backup', async () => {
    const { s, folder, userData } = await service();
    const bytes = backupBytes();
    expect(await s.write(bytes)).toEqual({ file: 'meja-it-backup-20260304-090000.mjbak', at: t0.toISOString() });
    const path = join(folder, 'meja-it-backup-20260304-090000.mjbak');
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(folder)).toEqual(['meja-it-backup-20260304-090000.mjbak']); // no temporary file left
    expect(await s.status()).toMatchObject({ folder, keep: 7, lastBackupAt: t0.toISOString(), lastFile: 'meja-it-backup-20260304-090000.mjbak', lastProblem: null, files: [{ name: 'meja-it-backup-20260304-090000.mjbak', size: bytes.byteLength }] });
    expect(JSON.parse(await readFile(join(userData, 'backup.json'), 'utf8'))).toMatchObject({ folder, lastFile: 'meja-it-backup-20260304-090000.mjbak' });
    expect(await s.due()).toBe(false);
  });

  it('ten days of daily and quit backups keep the newest of the last N days; other files stay', async () => {
    const { s, folder, at } = await service({ keep: 3 });
    await writeFile(join(folder, 'catatan.txt'), 'jangan dihapus');
    for (let day = 0; day < 10; day++) {
      for (const hour of [8, 17]) {
        at(new Date(2026, 2, 1 + day, hour, 0, 0));
        await s.write(backupBytes(8));
      }
    }
    expect((await readdir(folder)).sort()).toEqual(['catatan.txt', 'meja-it-backup-20260308-170000.mjbak', 'meja-it-backup-20260309-170000.mjbak', 'meja-it-backup-20260310-170000.mjbak']);
    // Fewer to keep: the folder is rotated at once.
    await s.setKeep(1);
    expect((await readdir(folder)).sort()).toEqual(['catatan.txt', 'meja-it-backup-20260310-170000.mjbak']);
  });

  it('without a folder, or with one gone, refuses with a reason and remembers the problem', async () => {
    const none = await service({ folder: null });
    await expect(none.s.write(backupBytes())).rejects.toMatchObject({ messageKey: 'backup.errors.noFolder' });
    const { s, folder } = await service();
    await rm(folder, { recursive: true });
    await expect(s.write(backupBytes())).rejects.toMatchObject({ messageKey: 'backup.errors.folderUnavailable' });
    expect(await s.status()).toMatchObject({ lastBackupAt: null, lastProblem: 'backup.errors.folderUnavailable', files: [] });
    expect(await s.due()).toBe(false); // retried after RETRY_MS
  });

  it('a cancelled folder dialog changes nothing', async () => {
    const { s, folder, choose } = await service();
    choose(null);
    expect(await s.chooseFolder()).toBeNull();
    expect((await s.status()).folder).toBe(folder);
  });
});

describe('backup channels through the main process', () => {
  let userData: string;
  let folder: string;
  const own = () => ({ senderFrame: { url: new URL('../../src/renderer/index.html', import.meta.url).href } });

  beforeEach(async () => {
    electron.resetElectronMock();
    userData = await tempDir('meja-main-userdata-');
    folder = await tempDir('meja-main-folder-');
    electron.app.getPath.mockImplementation((name: string) => (name === 'userData' ? userData : '/home/user/Documents'));
    electron.dialog.showOpenDialog.mockImplementation(async () => ({ canceled: false, filePaths: [folder] }));
    vi.resetModules();
    electron.app.isPackaged = true;
    vi.stubEnv('ELECTRON_RENDERER_URL', '');
    await import('../../src/main/index');
    await new Promise((r) => setTimeout(r, 0));
    // A fresh main process per test: its first import (with the sync transport) is slow on a busy machine.
  }, 60_000);
  afterEach(() => vi.unstubAllEnvs());

  const handler = (channel: string) => electron.ipcHandlers.get(channel)!;

  it('the admin chooses the folder in main\'s dialog; a write lands there; bad input is refused', async () => {
    expect(await handler(Channels.backupStatus)(own(), undefined)).toMatchObject({ ok: true, data: { folder: null, keep: 7, files: [] } });
    expect(await handler(Channels.backupChooseFolder)(own(), undefined)).toMatchObject({ ok: true, data: { folder } });
    expect(await handler(Channels.backupSetKeep)(own(), { keep: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'keep' } });
    expect(await handler(Channels.backupSetKeep)(own(), { keep: 5 })).toMatchObject({ ok: true, data: { keep: 5 } });

    const write = handler(Channels.backupWrite);
    const refused = async (req: unknown) => expect(await write(own(), req)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await refused({ bytes: 'TUVKQS1JVC1CQUNLVVA=' }); // a string, not bytes
    await refused({ bytes: new TextEncoder().encode('#!/bin/sh\nrm -rf /\n') }); // not a backup
    await refused({ bytes: backupBytes(), fileName: '../../.bashrc' }); // no names from the renderer
    class Huge extends Uint8Array {
      override get byteLength() {
        return MAX_BACKUP_BYTES + 1;
      }
    }
    await refused({ bytes: new Huge(backupBytes()) });
    expect(await write({ senderFrame: { url: 'https://evil.example/' } }, { bytes: backupBytes() })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await readdir(folder)).toEqual([]);

    const ok = (await write(own(), { bytes: backupBytes() })) as { ok: true; data: { file: string } };
    expect(ok.ok).toBe(true);
    expect(ok.data.file).toMatch(/^meja-it-backup-\d{8}-\d{6}\.mjbak$/);
    expect(await readdir(folder)).toEqual([ok.data.file]);
    expect(await handler(Channels.backupSkip)(own(), { reason: 'because' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('closing the window asks the renderer for a quit backup, writes it, then closes', async () => {
    await handler(Channels.backupChooseFolder)(own(), undefined);
    const win = electron.createdWindows[0]!;
    const onClose = win.listeners.get('close')![0]!;
    const event = { preventDefault: vi.fn() };
    onClose(event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(win.hide).toHaveBeenCalled();
    expect(win.webContents.send).toHaveBeenCalledWith(RendererChannels.backupDue, { reason: 'quit' });
    expect(win.close).not.toHaveBeenCalled();
    // The renderer answers with the bytes.
    expect(await handler(Channels.backupWrite)(own(), { bytes: backupBytes() })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(win.close).toHaveBeenCalled());
    expect((await readdir(folder)).filter((n) => n.endsWith('.mjbak'))).toHaveLength(1);
  });

  it('a renderer without a passphrase skips; the window still closes and the status says why', async () => {
    await handler(Channels.backupChooseFolder)(own(), undefined);
    const win = electron.createdWindows[0]!;
    win.listeners.get('close')![0]!({ preventDefault: vi.fn() });
    expect(await handler(Channels.backupSkip)(own(), { reason: 'no-key' })).toEqual({ ok: true, data: null });
    await vi.waitFor(() => expect(win.close).toHaveBeenCalled());
    expect(await handler(Channels.backupStatus)(own(), undefined)).toMatchObject({ ok: true, data: { lastProblem: 'backup.errors.noKey', lastBackupAt: null } });
  });

  it('without a folder, closing is not held', async () => {
    const win = electron.createdWindows[0]!;
    const event = { preventDefault: vi.fn() };
    win.listeners.get('close')![0]!(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(win.webContents.send).not.toHaveBeenCalled();
  });
});

// Keeps the folder helper honest about temporary files of an interrupted write.
it('an interrupted write leaves no backup-named file behind', async () => {
  const folder = await tempDir('meja-backup-crash-');
  await mkdir(folder, { recursive: true });
  const s = new BackupService({
    settingsPath: () => join(folder, 'settings.json'),
    readText: async () => JSON.stringify({ folder }),
    writeText: async () => undefined,
    writeFile: (p, data) => writeFile(p, data.subarray(0, 10)),
    rename: async () => {
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    },
    unlink: async (p) => (await import('node:fs/promises')).unlink(p),
    readdir: (p) => readdir(p),
    size: async (p) => (await stat(p)).size,
    isAbsolute,
    chooseFolder: async () => null,
    now: () => t0,
  });
  await expect(s.write(backupBytes())).rejects.toMatchObject({ messageKey: 'backup.errors.folderUnavailable' });
  expect(await readdir(folder)).toEqual([]);
});
