/** Access requests: newest first, filtered by status; a new request from here. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCESS_STATUSES, type AccessStatus } from '@shared/domain/access/state';
import { db } from '@renderer/store';
import { accessListPage } from '@renderer/store/queries/access';
import { useFormatDateTime } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { useSessionStore } from '@renderer/app/session-store';
import { RecordList } from '@renderer/components/kit/RecordList';
import { AccessStatusBadge } from './parts';
import { StatusFilter } from '@renderer/components/StatusFilter';
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
      <RecordList
        title={t('access.list.title')}
        subtitle={t('access.list.subtitle')}
        actions={
          canSubmit && (
            <button type="button" className="btn btn-primary" onClick={() => navigate('/access/new')}>
              {t('access.list.new')}
            </button>
          )
        }
        filters={
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
        }
        testId="access-requests"
        rows={result?.rows}
        rowKey={(r) => r.id}
        rowHref={(r) => `/access/${r.id}`}
        empty={t('access.list.none')}
        pager={{ page, hasMore: !!result?.hasMore, setPage }}
        columns={[
          { key: 'docNo', header: t('access.fields.docNo'), className: 'mono', link: true, cell: (r) => r.docNo },
          {
            key: 'employee',
            header: t('access.fields.employee'),
            cell: (r) => (
              <>
                {r.employee.name}
                <div className="muted small">{r.employee.department}</div>
              </>
            ),
          },
          { key: 'systems', header: t('access.fields.systems'), cell: (r) => r.items.map((it) => it.system).join(', ') },
          { key: 'submittedAt', header: t('access.fields.submittedAt'), cell: (r) => fmt(r.submittedAt) },
          {
            key: 'status',
            header: t('access.fields.status'),
            cell: (r) => (
              <>
                <AccessStatusBadge request={r} />
                {r.version > 1 && <div className="muted small">{t('access.detail.version', { n: r.version })}</div>}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
