/**
 * On a console that joined by snapshot, a record's older events (its audit trail) arrive in the
 * background. Where a trail is shown before they have, this says so and asks the server for
 * that record's history at once (when online; otherwise the backfill brings it later).
 */
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '@shared/events';
import { db } from '../store';
import { fetchRecordHistory } from './connect';
import { historyIncomplete } from './snapshot';

/** Percent of the older history fetched, or null when it is complete. */
export function useHistoryProgress(): number | null {
  const meta = useLiveQuery(() => db.sync.get('sync'), []);
  if (!historyIncomplete(meta)) return null;
  return Math.floor((meta!.history!.cursor / meta!.history!.upTo) * 100);
}

export function HistoryNotice({ kind, id }: { kind: RecordKind; id: string }) {
  const { t } = useTranslation();
  const progress = useHistoryProgress();
  const incomplete = progress !== null;
  useEffect(() => {
    if (incomplete) fetchRecordHistory(db, kind, id).catch(() => undefined);
  }, [incomplete, kind, id]);
  if (!incomplete) return null;
  return (
    <p className="muted small" data-testid="history-notice">
      {t('sync.historyNotice', { percent: progress })}
    </p>
  );
}
