/** Restore requests: newest first, filtered by status, each with its live 1×24 h deadline clock. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESTORE_STATUSES, type RestoreStatus } from '@shared/domain/restore/state';
import { db } from '@renderer/store';
import { restoreListPage } from '@renderer/store/queries/restore';
import { useFormatDateTime, useNow } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { useSessionStore } from '@renderer/app/session-store';
import { RecordList } from '@renderer/components/kit/RecordList';
import { DeadlineClock, RestoreStatusBadge } from './parts';
import { StatusFilter } from '@renderer/components/StatusFilter';
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
      <RecordList
        title={t('restore.list.title')}
        subtitle={t('restore.list.subtitle')}
        actions={
          canRecord && (
            <button type="button" className="btn btn-primary" onClick={() => navigate('/restore/new')}>
              {t('restore.list.new')}
            </button>
          )
        }
        filters={
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
        }
        testId="restore-requests"
        rows={result?.rows}
        rowKey={(r) => r.id}
        rowHref={(r) => `/restore/${r.id}`}
        empty={t('restore.list.none')}
        pager={{ page, hasMore: !!result?.hasMore, setPage }}
        columns={[
          { key: 'docNo', header: t('restore.fields.docNo'), className: 'mono', link: true, cell: (r) => r.docNo },
          {
            key: 'employee',
            header: t('restore.fields.employee'),
            cell: (r) => (
              <>
                {r.employee.name}
                <div className="muted small">{r.employee.department}</div>
              </>
            ),
          },
          {
            key: 'target',
            header: t('restore.fields.target'),
            cell: (r) => (
              <>
                {t(`restore.scope.${r.scope}`)} · {t(`restore.source.${r.source}`)}
                <div className="muted small">{r.target}</div>
              </>
            ),
          },
          { key: 'requestedAt', header: t('restore.fields.requestedAt'), cell: (r) => fmt(r.requestedAt) },
          {
            key: 'status',
            header: t('restore.fields.status'),
            cell: (r) => (
              <>
                <RestoreStatusBadge status={r.status} />
                {r.status === 'requested' && (r.manager || r.user) && <div className="muted small">{r.manager ? t('restore.list.managerOk') : t('restore.list.userOk')}</div>}
              </>
            ),
          },
          { key: 'deadline', header: t('restore.fields.deadline'), cell: (r) => <DeadlineClock r={r} now={now} /> },
        ]}
      />
    </div>
  );
}
