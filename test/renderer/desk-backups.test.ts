/**
 * The console's side of desk backups, apart from the store: persistent storage asked once, the
 * refusal notice once, the browser's once-a-day reminder while events are unsent, and the answer
 * to the desktop's backup requests (fake-indexeddb, a fake platform).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ensurePersistentStorage, persistNoticeDue, PERSIST_ASKED_KEY, PERSIST_NOTICE_KEY } from '@renderer/features/backup/persist';
import { localDay, reminderDue } from '@renderer/features/backup/reminder';
import { startDeskBackups } from '@renderer/features/backup/auto';
import { ConsoleDb } from '@renderer/store/db';
import { setBackupPassphrase } from '@renderer/store/backup';
import { openBackup } from '@shared/backup';
import { newId } from '@shared/ids';
import { ok } from '@shared/result';
import type { BackupCapability, BackupDue } from '@shared/platform';
import { openOffice } from '../fixtures/office';

function memoryKv() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('persistent storage', () => {
  it('is asked for once; a refusal is remembered and its notice shows until dismissed', async () => {
    const kv = memoryKv();
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => false) };
    expect(await ensurePersistentStorage(storage, kv)).toBe('refused');
    expect(await ensurePersistentStorage(storage, kv)).toBe('refused');
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(kv.items.get(PERSIST_ASKED_KEY)).toBeTruthy();
    expect(persistNoticeDue('refused', kv)).toBe(true);
    kv.setItem(PERSIST_NOTICE_KEY, 'x');
    expect(persistNoticeDue('refused', kv)).toBe(false);
    expect(persistNoticeDue('granted', memoryKv())).toBe(false);
  });

  it('reports a grant, an origin already persistent, and a browser without the API', async () => {
    expect(await ensurePersistentStorage({ persisted: async () => false, persist: async () => true }, memoryKv())).toBe('granted');
    const persist = vi.fn(async () => true);
    expect(await ensurePersistentStorage({ persisted: async () => true, persist }, memoryKv())).toBe('granted');
    expect(persist).not.toHaveBeenCalled();
    expect(await ensurePersistentStorage(undefined, memoryKv())).toBe('unsupported');
    expect(await ensurePersistentStorage({}, memoryKv())).toBe('unsupported');
  });
});

describe('the browser reminder', () => {
  const now = new Date(2026, 2, 4, 10, 0, 0);
  it('reminds once a day, only where backups are not automatic and events are unsent', () => {
    expect(reminderDue({ scheduled: false, pending: 3, lastReminded: null, now })).toBe(true);
    expect(reminderDue({ scheduled: false, pending: 3, lastReminded: localDay(now), now })).toBe(false);
    expect(reminderDue({ scheduled: false, pending: 3, lastReminded: '2026-03-03', now })).toBe(true);
    expect(reminderDue({ scheduled: false, pending: 0, lastReminded: null, now })).toBe(false);
    expect(reminderDue({ scheduled: true, pending: 3, lastReminded: null, now })).toBe(false);
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe("answering the desktop's backup requests", () => {
  function fakeBackup() {
    let due: ((d: BackupDue) => void) | undefined;
    const backup: BackupCapability = {
      scheduled: true,
      save: vi.fn(async (req: { bytes: Uint8Array; fileName: string }) => ok({ file: req.fileName })),
      status: vi.fn(async () => ok(null)),
      chooseFolder: vi.fn(async () => ok(null)),
      setKeep: vi.fn(),
      onDue: vi.fn((handler: (d: BackupDue) => void) => {
        due = handler;
        return () => (due = undefined);
      }),
      skip: vi.fn(async () => ok(null)),
    };
    return { backup, ask: (reason: BackupDue['reason']) => due?.({ reason }) };
  }

  it('skips with the reason until a passphrase and an office exist, then hands main the encrypted bytes', async () => {
    const db = new ConsoleDb(`auto-${newId()}`);
    const { backup, ask } = fakeBackup();
    const stop = startDeskBackups(db, { backup });
    ask('daily');
    await vi.waitFor(() => expect(backup.skip).toHaveBeenCalledWith('no-key'));
    await setBackupPassphrase(db, 'frasa-sandi-kantor-1');
    ask('daily');
    await vi.waitFor(() => expect(backup.skip).toHaveBeenCalledWith('no-office'));
    await openOffice({ db });
    ask('quit');
    await vi.waitFor(() => expect(backup.save).toHaveBeenCalledTimes(1));
    const [req] = (backup.save as ReturnType<typeof vi.fn>).mock.calls[0] as [{ bytes: Uint8Array; fileName: string }];
    expect(req.fileName).toMatch(/^meja-it-backup-\d{8}-\d{6}\.mjbak$/);
    const opened = await openBackup(req.bytes, 'frasa-sandi-kantor-1');
    expect(opened.ok && opened.data.content.events.map((e) => e.type)).toEqual(['org.setUp', 'user.created']);
    stop();
    expect(backup.onDue).toHaveBeenCalledTimes(1);
    db.close();
  });

  it('a browser is never asked', () => {
    const onDue = vi.fn();
    startDeskBackups(new ConsoleDb(`auto-${newId()}`), { backup: { scheduled: false, onDue } as unknown as BackupCapability });
    expect(onDue).not.toHaveBeenCalled();
  });
});
