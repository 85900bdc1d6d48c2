/**
 * The "My work" section of restore requests (SOP 4): as IT Manager, the requests waiting for
 * the manager's approval (not those the user recorded); as the IT team, the requests approved
 * by both and not yet restored. Oldest request first, each with its live 1×24 h deadline.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime, useNow } from '@renderer/app/hooks';
import { useSessionStore } from '@renderer/app/session-store';
import { Empty } from '@renderer/components/ui';
import { db } from '@renderer/store';
import { restoresWaitingFor } from '@renderer/store/queries/restore';
import { DeadlineClock } from './parts';

export function MyWorkRestore({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const now = useNow();
  const roles = useSessionStore((s) => s.user?.roles) ?? [];
  const rows = useLiveQuery(() => restoresWaitingFor(db, { id: userId, roles }), [userId, roles.join(',')]);
  if (!rows) return <Empty>{t('common.loading')}</Empty>;
  if (rows.length === 0) return <p className="muted">{t('restore.mywork.none')}</p>;
  return (
    <table className="table" data-testid="restore-mywork-rows">
      <thead>
        <tr>
          <th>{t('restore.fields.docNo')}</th>
          <th>{t('restore.fields.employee')}</th>
          <th>{t('restore.fields.target')}</th>
          <th>{t('restore.fields.requestedAt')}</th>
          <th>{t('restore.fields.deadline')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="mono small">
              <a href={`#/restore/${r.id}`}>{r.docNo}</a>
              <div className="muted small">{t(r.status === 'approved' ? 'restore.mywork.toPerform' : 'restore.mywork.toApprove')}</div>
            </td>
            <td>{r.employee.name}</td>
            <td>
              {t(`restore.scope.${r.scope}`)}
              <div className="muted small">{r.target}</div>
            </td>
            <td>{fmt(r.requestedAt)}</td>
            <td>
              <DeadlineClock r={r} now={now} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
