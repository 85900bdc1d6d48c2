/** The sync state, always visible in the top bar: phase, pending count, last sync, conflicts. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '../store';
import { useFormatDateTime } from '../app/hooks';
import { useSyncStore } from './sync-store';
import { useHistoryProgress } from './HistoryNotice';

export function SyncStatus() {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const phase = useSyncStore((s) => s.phase);
  const lastSyncedAt = useSyncStore((s) => s.lastSyncedAt);
  const problem = useSyncStore((s) => s.problem);
  const pending = useLiveQuery(() => db.outbox.count(), []) ?? 0;
  const conflicts = useLiveQuery(() => db.events.where('status').equals('rejected').count(), []) ?? 0;
  const history = useHistoryProgress();
  const title = [problem ? t(problem) : '', lastSyncedAt ? t('sync.lastSynced', { at: fmt(lastSyncedAt) }) : ''].filter(Boolean).join(' · ');
  return (
    <div className={`sync-status sync-${phase}`} data-testid="sync-status" title={title} role="status">
      <span className="sync-dot" aria-hidden />
      <span>{t(`sync.phase.${phase}`)}</span>
      {pending > 0 && phase !== 'not-connected' && <span className="sync-pending">{t('sync.pending', { count: pending })}</span>}
      {history !== null && (
        <span className="sync-pending" title={t('sync.historyTitle')}>
          {t('sync.history', { percent: history })}
        </span>
      )}
      {conflicts > 0 && (
        <a href="#/sync/conflicts" className="sync-conflicts">
          {t('sync.conflicts', { count: conflicts })}
        </a>
      )}
    </div>
  );
}
