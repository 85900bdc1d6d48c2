/**
 * The browser's backup reminder: where no shell writes backups by itself, the top bar reminds
 * once a day to download one while this console holds events the server has not received
 * (the outbox is not empty). The day is the machine's local date; the last reminder is kept in
 * localStorage per database.
 */
export const reminderKey = (dbName: string): string => `meja-it.backup-reminder.${dbName}`;

/** The machine's local date, YYYY-MM-DD. */
export function localDay(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Whether to remind now: backups are not automatic, events are unsent, and not reminded today yet. */
export function reminderDue(o: { scheduled: boolean; pending: number; lastReminded: string | null; now: Date }): boolean {
  return !o.scheduled && o.pending > 0 && o.lastReminded !== localDay(o.now);
}
