/** Access requests: newest first, filtered by status; a new request from here. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCESS_STATUSES, type AccessStatus } from '../../../shared/domain/access/state';
import { db } from '../../store';
import { accessListPage } from '../../store/queries/access';
import { useFormatDateTime } from '../../app/hooks';
import { navigate } from '../../app/router';
import { useSessionStore } from '../../app/session-store';
import { Empty, PageHeader, Pager } from '../../components/ui';
import { AccessStatusBadge } from './parts';
import { StatusFilter } from '../../components/StatusFilter';
import { can } from '@shared/domain/can';

export function AccessListScreen() {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const me = useSessionStore((s) => s.user);
  const canSubmit = can(me, 'access.submit');
  const [status, setStatus] = useState<AccessStatus | ''>('');
  const [page, setPage] = useState(0);
  const result = useLiveQuery(() => accessListPage(db, status, page), [status, page]);
  return (
    <div>
      <PageHeader
        title={t('access.list.title')}
        subtitle={t('access.list.subtitle')}
        actions={
          canSubmit && (
            <button type="button" className="btn btn-primary" onClick={() => navigate('/access/new')}>
              {t('access.list.new')}
            </button>
          )
        }
      />
      <section className="card">
        <StatusFilter
          id="access-status"
          label={t('access.list.status')}
          allLabel={t('access.list.all')}
          statuses={ACCESS_STATUSES}
          statusLabel={(s) => t(`access.status.${s}`)}
          value={status}
          onChange={(s) => {
            setPage(0);
            setStatus(s);
          }}
        />
        {!result ? (
          <Empty>{t('common.loading')}</Empty>
        ) : result.rows.length === 0 ? (
          <Empty>{t('access.list.none')}</Empty>
        ) : (
          <table className="table table-click" data-testid="access-requests">
            <thead>
              <tr>
                <th>{t('access.fields.docNo')}</th>
                <th>{t('access.fields.employee')}</th>
                <th>{t('access.fields.systems')}</th>
                <th>{t('access.fields.submittedAt')}</th>
                <th>{t('access.fields.status')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id} onClick={() => navigate(`/access/${r.id}`)}>
                  <td className="mono">
                    <a href={`#/access/${r.id}`}>{r.docNo}</a>
                  </td>
                  <td>
                    {r.employee.name}
                    <div className="muted small">{r.employee.department}</div>
                  </td>
                  <td>{r.items.map((it) => it.system).join(', ')}</td>
                  <td>{fmt(r.submittedAt)}</td>
                  <td>
                    <AccessStatusBadge request={r} />
                    {r.version > 1 && <div className="muted small">{t('access.detail.version', { n: r.version })}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager page={page} hasMore={!!result?.hasMore} setPage={setPage} />
      </section>
    </div>
  );
}
