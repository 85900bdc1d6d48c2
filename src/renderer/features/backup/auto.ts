/**
 * The desktop's automatic backups, renderer side: main asks (daily, at quit — src/main/services/
 * backup.ts); this makes the encrypted file with the console's backup key and hands main the bytes,
 * or tells main why it could not (no passphrase set yet, no office yet). A browser never asks.
 */
import type { Platform } from '@shared/platform';
import { makeBackup } from '@renderer/store/backup';
import type { ConsoleDb } from '@renderer/store/db';

/** Answers main's backup requests until the returned function is called. */
export function startDeskBackups(db: ConsoleDb, platform: Pick<Platform, 'backup'>): () => void {
  if (!platform.backup.scheduled) return () => undefined;
  let running: Promise<void> | null = null;
  return platform.backup.onDue(() => {
    running ??= (async () => {
      try {
        const made = await makeBackup(db);
        if (!made.ok) {
          await platform.backup.skip(made.error.code === 'no-key' ? 'no-key' : 'no-office');
          return;
        }
        await platform.backup.save({ bytes: made.data.bytes, fileName: made.data.fileName });
      } catch (error) {
        console.error('backup failed', error);
        await platform.backup.skip('failed');
      } finally {
        running = null;
      }
    })();
  });
}
