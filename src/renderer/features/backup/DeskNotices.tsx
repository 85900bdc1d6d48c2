/**
 * Notices about this console's data, under the top bar: a console restored from a backup that
 * has not re-connected yet; the browser's refusal of persistent storage (admins, once); and, where
 * backups are not automatic, the daily reminder to download one while events are unsent.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { useSessionStore } from '@renderer/app/session-store';
import { platform } from '@renderer/platform';
import { db } from '@renderer/store';
import { backupKey, makeBackup, restoredMarker } from '@renderer/store/backup';
import { usePersistStore } from './persist';
import { localDay, reminderDue, reminderKey } from './reminder';

function RestoredNotice() {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const restored = useLiveQuery(async () => ((await db.sync.get('sync')) ? await restoredMarker(db) : undefined), []);
  if (!restored) return null;
  return (
    <div className="banner banner-info" role="status" data-testid="restored-notice">
      {t('backup.restored.notice', { at: fmt(restored.backupCreatedAt) })}
    </div>
  );
}

function StorageNotice() {
  const { t } = useTranslation();
  const due = usePersistStore((s) => s.noticeDue);
  const dismiss = usePersistStore((s) => s.dismiss);
  const admin = useSessionStore((s) => s.user?.roles.includes('admin') ?? false);
  if (!due || !admin) return null;
  return (
    <div className="banner banner-error" role="status" data-testid="storage-notice">
      {t('backup.storage.notice')}{' '}
      <button type="button" className="btn btn-small" onClick={dismiss}>
        {t('backup.storage.dismiss')}
      </button>
    </div>
  );
}

const readReminder = (name: string): string | null => {
  try {
    return localStorage.getItem(reminderKey(name));
  } catch {
    return null;
  }
};

/** Databases whose reminder showed in this page's life: it stays up until dismissed, though today is now marked. */
const shownThisSession = new Set<string>();

function BackupReminder() {
  const { t } = useTranslation();
  const pending = useLiveQuery(() => db.outbox.count(), []) ?? 0;
  const hasKey = useLiveQuery(async () => !!(await backupKey(db)), []);
  const admin = useSessionStore((s) => s.user?.roles.includes('admin') ?? false);
  const [dismissed, setDismissed] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const due = reminderDue({ scheduled: platform.backup.scheduled, pending, lastReminded: readReminder(db.name), now: new Date() });
  useEffect(() => {
    if (!due) return;
    // Reminded for today as soon as it shows: a reload later today does not show it again.
    shownThisSession.add(db.name);
    try {
      localStorage.setItem(reminderKey(db.name), localDay(new Date()));
    } catch {
      // Storage blocked: it shows again on the next load, which is harmless.
    }
  }, [due]);
  const dismiss = () => {
    shownThisSession.delete(db.name);
    setDismissed(true);
  };
  if (dismissed || pending === 0 || hasKey === undefined || !(due || shownThisSession.has(db.name))) return null;
  const download = async () => {
    const made = await makeBackup(db);
    if (!made.ok) return setMessage(t(made.error.message));
    const saved = await platform.backup.save({ bytes: made.data.bytes, fileName: made.data.fileName });
    if (!saved.ok) return setMessage(t(saved.error.message));
    dismiss();
  };
  return (
    <div className="banner banner-info backup-reminder" role="status" data-testid="backup-reminder">
      {t('backup.reminder.text', { count: pending })}{' '}
      {hasKey ? (
        <button type="button" className="btn btn-small btn-primary" onClick={download}>
          {t('backup.download')}
        </button>
      ) : admin ? (
        <button type="button" className="btn btn-small" onClick={() => navigate('/admin/settings')}>
          {t('backup.reminder.setUp')}
        </button>
      ) : (
        <span>{t('backup.reminder.askAdmin')}</span>
      )}{' '}
      <button type="button" className="btn btn-small" onClick={dismiss}>
        {t('backup.reminder.later')}
      </button>
      {message && <div className="field-error">{message}</div>}
    </div>
  );
}

export function DeskNotices() {
  return (
    <>
      <RestoredNotice />
      <StorageNotice />
      <BackupReminder />
    </>
  );
}
