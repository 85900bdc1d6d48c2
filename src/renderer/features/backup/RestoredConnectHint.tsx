/** On the connect form of a console restored from a backup: the first connection must be an admin's. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '@renderer/store';
import { restoredMarker } from '@renderer/store/backup';

export function RestoredConnectHint() {
  const { t } = useTranslation();
  const restored = useLiveQuery(() => restoredMarker(db), []);
  if (!restored) return null;
  return (
    <div className="banner banner-info" role="note" data-testid="restored-connect-hint">
      {t('backup.restored.connectHint')}
    </div>
  );
}
