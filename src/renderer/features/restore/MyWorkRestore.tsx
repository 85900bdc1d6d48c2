/**
 * The "My work" section of restore requests (SOP 4): as IT Manager, the requests waiting for
 * the manager's approval (not those the user recorded); as the IT team, the requests approved
 * by both and not yet restored. Oldest request first, each with its live 1×24 h deadline.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime, useNow } from '@renderer/app/hooks';
import { useSessionStore } from '@renderer/app/session-store';
import { db } from '@renderer/store';
import { restoresWaitingFor } from '@renderer/store/queries/restore';
import { RecordTable } from '@renderer/components/kit/RecordList';
import { DeadlineClock } from './parts';

export function MyWorkRestore({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const now = useNow();
  const roles = useSessionStore((s) => s.user?.roles) ?? [];
  const rows = useLiveQuery(() => restoresWaitingFor(db, { id: userId, roles }), [userId, roles.join(',')]);
  if (rows?.length === 0) return <p className="muted">{t('restore.mywork.none')}</p>;
  return (
    <RecordTable
      testId="restore-mywork-rows"
      rows={rows}
      rowKey={(r) => r.id}
      rowHref={(r) => `/restore/${r.id}`}
      empty={t('restore.mywork.none')}
      columns={[
        {
          key: 'docNo',
          header: t('restore.fields.docNo'),
          className: 'mono small',
          cell: (r) => (
            <>
              <a href={`#/restore/${r.id}`}>{r.docNo}</a>
              <div className="muted small">{t(r.status === 'approved' ? 'restore.mywork.toPerform' : 'restore.mywork.toApprove')}</div>
            </>
          ),
        },
        { key: 'employee', header: t('restore.fields.employee'), cell: (r) => r.employee.name },
        {
          key: 'target',
          header: t('restore.fields.target'),
          cell: (r) => (
            <>
              {t(`restore.scope.${r.scope}`)}
              <div className="muted small">{r.target}</div>
            </>
          ),
        },
        { key: 'requestedAt', header: t('restore.fields.requestedAt'), cell: (r) => fmt(r.requestedAt) },
        { key: 'deadline', header: t('restore.fields.deadline'), cell: (r) => <DeadlineClock r={r} now={now} /> },
      ]}
    />
  );
}
