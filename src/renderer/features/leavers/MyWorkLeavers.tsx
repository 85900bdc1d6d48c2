/**
 * "Pekerjaan Saya" for the IT team: leavers who still have access to revoke or assets to
 * collect, most recent resignation first, each with what remains and a link to the full list.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Empty } from '@renderer/components/ui';
import { db } from '@renderer/store';
import { leavers } from '@renderer/store/queries/leavers';
import { useFormatDay } from './parts';
import './leavers.css';

export function MyWorkLeavers() {
  const { t } = useTranslation();
  const day = useFormatDay();
  const rows = useLiveQuery(() => leavers(db, { openOnly: true }), []);
  if (!rows) return <Empty>{t('common.loading')}</Empty>;
  if (rows.length === 0) return <p className="muted">{t('leavers.noneOpen')}</p>;
  return (
    <>
      <table className="table" data-testid="mywork-leavers">
        <thead>
          <tr>
            <th>{t('leavers.employee')}</th>
            <th>{t('leavers.since')}</th>
            <th>{t('leavers.accessColumn')}</th>
            <th>{t('leavers.assetsColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((l) => (
            <tr key={l.employee.id}>
              <td>
                <a href={`#/employees/${l.employee.id}`}>{l.employee.name}</a>
                <div className="muted small">{l.employee.department}</div>
              </td>
              <td>{l.since ? day(l.since) : '—'}</td>
              <td>{l.access.length + l.approvedOpen.length === 0 ? '—' : [...l.access.map((a) => a.grant.system), ...l.approvedOpen.map((r) => r.docNo)].join(', ')}</td>
              <td>{l.assets.length === 0 ? '—' : l.assets.map((a) => a.tag).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href="#/leavers">{t('leavers.openList')}</a>
      </p>
    </>
  );
}
