/** Restore requests: newest first, filtered by status, each with its live 1×24 h deadline clock. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESTORE_STATUSES, type RestoreStatus } from '../../../shared/domain/restore/state';
import { db } from '../../store';
import { restoreListPage } from '../../store/queries/restore';
import { useFormatDateTime, useNow } from '../../app/hooks';
import { navigate } from '../../app/router';
import { useSessionStore } from '../../app/session-store';
import { Empty, PageHeader, Pager } from '../../components/ui';
import { DeadlineClock, RestoreStatusBadge } from './parts';
import { StatusFilter } from '../../components/StatusFilter';
import { can } from '@shared/domain/can';

export function RestoreListScreen() {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const now = useNow();
  const me = useSessionStore((s) => s.user);
  const canRecord = can(me, 'restore.request');
  const [status, setStatus] = useState<RestoreStatus | ''>('');
  const [page, setPage] = useState(0);
  const result = useLiveQuery(() => restoreListPage(db, status, page), [status, page]);
  return (
    <div>
      <PageHeader
        title={t('restore.list.title')}
        subtitle={t('restore.list.subtitle')}
        actions={
          canRecord && (
            <button type="button" className="btn btn-primary" onClick={() => navigate('/restore/new')}>
              {t('restore.list.new')}
            </button>
          )
        }
      />
      <section className="card">
        <StatusFilter
          id="restore-status"
          label={t('restore.list.status')}
          allLabel={t('restore.list.all')}
          statuses={RESTORE_STATUSES}
          statusLabel={(s) => t(`restore.status.${s}`)}
          value={status}
          onChange={(s) => {
            setPage(0);
            setStatus(s);
          }}
        />
        {!result ? (
          <Empty>{t('common.loading')}</Empty>
        ) : result.rows.length === 0 ? (
          <Empty>{t('restore.list.none')}</Empty>
        ) : (
          <table className="table table-click" data-testid="restore-requests">
            <thead>
              <tr>
                <th>{t('restore.fields.docNo')}</th>
                <th>{t('restore.fields.employee')}</th>
                <th>{t('restore.fields.target')}</th>
                <th>{t('restore.fields.requestedAt')}</th>
                <th>{t('restore.fields.status')}</th>
                <th>{t('restore.fields.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id} onClick={() => navigate(`/restore/${r.id}`)}>
                  <td className="mono">
                    <a href={`#/restore/${r.id}`}>{r.docNo}</a>
                  </td>
                  <td>
                    {r.employee.name}
                    <div className="muted small">{r.employee.department}</div>
                  </td>
                  <td>
                    {t(`restore.scope.${r.scope}`)} · {t(`restore.source.${r.source}`)}
                    <div className="muted small">{r.target}</div>
                  </td>
                  <td>{fmt(r.requestedAt)}</td>
                  <td>
                    <RestoreStatusBadge status={r.status} />
                    {r.status === 'requested' && (r.manager || r.user) && (
                      <div className="muted small">{r.manager ? t('restore.list.managerOk') : t('restore.list.userOk')}</div>
                    )}
                  </td>
                  <td>
                    <DeadlineClock r={r} now={now} />
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
