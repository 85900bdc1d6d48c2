/** The approver's queue: visits awaiting a decision, oldest first. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '../../store';
import { visitsAwaitingApproval } from '../../store/queries/visits';
import { useFormatDateTime, useUserNames } from '../../app/hooks';
import { navigate } from '../../app/router';
import { Empty, PageHeader } from '../../components/ui';

export function ApprovalsScreen() {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const names = useUserNames();
  const rows = useLiveQuery(() => visitsAwaitingApproval(db), []) ?? [];
  return (
    <div>
      <PageHeader title={t('nav.approvals')} subtitle={t('visit.approvals.subtitle')} />
      <section className="card">
        {rows.length === 0 ? (
          <Empty>{t('visit.approvals.none')}</Empty>
        ) : (
          <table className="table table-click">
            <thead>
              <tr>
                <th>{t('visit.fields.visitorName')}</th>
                <th>{t('visit.fields.organisation')}</th>
                <th>{t('visit.fields.purpose')}</th>
                <th>{t('visit.fields.registeredBy')}</th>
                <th>{t('visit.fields.registeredAt')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr key={v.id} onClick={() => navigate(`/visits/${v.id}`)}>
                  <td>
                    <a href={`#/visits/${v.id}`}>{v.visitorName}</a>
                  </td>
                  <td>{v.organisation}</td>
                  <td>{v.purpose}</td>
                  <td>{names.get(v.registeredBy) ?? '—'}</td>
                  <td>{fmt(v.registeredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
