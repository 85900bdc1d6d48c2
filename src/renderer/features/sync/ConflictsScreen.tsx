/** The conflict inbox: events the server refused, with its reason. Nothing is dropped silently. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '../../store';
import { useFormatDateTime, useUserNames } from '../../app/hooks';
import { Empty, PageHeader } from '../../components/ui';
import { linkOf, loadRecordStates, type RecordStates } from './record-label';

const NONE: RecordStates = {};

export function ConflictsScreen() {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const names = useUserNames();
  const rows = useLiveQuery(() => db.events.where('status').equals('rejected').reverse().sortBy('hlc'), []) ?? [];
  const states = useLiveQuery(() => loadRecordStates(db, rows), [rows]) ?? NONE;
  return (
    <div>
      <PageHeader title={t('sync.inbox.title')} subtitle={t('sync.inbox.subtitle')} />
      <section className="card">
        {rows.length === 0 ? (
          <Empty>{t('sync.inbox.none')}</Empty>
        ) : (
          <table className="table" data-testid="conflicts">
            <thead>
              <tr>
                <th>{t('sync.inbox.when')}</th>
                <th>{t('sync.inbox.what')}</th>
                <th>{t('sync.inbox.record')}</th>
                <th>{t('sync.inbox.who')}</th>
                <th>{t('sync.inbox.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => {
                const link = linkOf(states, e);
                return (
                  <tr key={e.id}>
                    <td>{fmt(e.at)}</td>
                    <td>{t(`events.${e.type}`)}</td>
                    <td data-testid="conflict-record">{link.href ? <a href={link.href}>{link.label}</a> : link.label}</td>
                    <td>{names.get(e.actorId) ?? '—'}</td>
                    <td>{t(e.reason ?? 'sync.errors.rejected', e.reasonParams)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
