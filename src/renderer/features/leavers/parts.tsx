/** Small pieces the leavers screens share: "Berhenti sejak …" and the open items of one leaver. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { EmployeeState } from '@shared/domain/employee/state';
import { formatDay } from '@shared/office-time';
import { useLang, useOrg } from '@renderer/app/hooks';
import { db } from '@renderer/store';
import { resignedSince, type Leaver } from '@renderer/store/queries/leavers';
import './leavers.css';

/** A date in the office's zone and the UI language ("5 Desember 2026"). */
export function useFormatDay(): (iso: string) => string {
  const org = useOrg();
  const lang = useLang();
  return (iso) => formatDay(iso, org?.timeZone ?? 'WIB', lang, 'print');
}

/** The employee's status for the page header: "Berhenti sejak 5 Desember 2026", or "Aktif". */
export function EmployeeStatusBadge({ employee }: { employee: EmployeeState }) {
  const { t } = useTranslation();
  const day = useFormatDay();
  const since = useLiveQuery(() => resignedSince(db, employee), [employee]);
  if (employee.status !== 'resigned') return <span className="status employee-status-active">{t('employee.status.active')}</span>;
  return (
    <span className="status employee-status-resigned" data-testid="employee-status">
      {since ? t('leavers.resignedSince', { date: day(since) }) : t('employee.status.resigned')}
    </span>
  );
}

/** What a leaver still has: each access (with its request) and each asset (with the return form). */
export function LeaverItems({ leaver, canCollect }: { leaver: Leaver; canCollect: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="leaver-items">
      <div>
        <div className="leaver-items-head">{t('leavers.accessToRevoke', { count: leaver.access.length })}</div>
        {leaver.access.length === 0 && leaver.approvedOpen.length === 0 ? (
          <span className="muted small">{t('leavers.nothingLeft')}</span>
        ) : (
          <ul className="leavers-list" data-testid="leaver-access">
            {leaver.access.map(({ request, grant }) => (
              <li key={`${request.id}:${grant.itemId}`}>
                <a href={`#/access/${request.id}`}>{grant.system}</a>: <span className="mono">{grant.account}</span>
              </li>
            ))}
            {leaver.approvedOpen.map((r) => (
              <li key={r.id}>
                <a href={`#/access/${r.id}`}>{r.docNo}</a> <span className="muted small">{t('leavers.approvedOpen')}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <div className="leaver-items-head">{t('leavers.assetsToCollect', { count: leaver.assets.length })}</div>
        {leaver.assets.length === 0 ? (
          <span className="muted small">{t('leavers.nothingLeft')}</span>
        ) : (
          <ul className="leavers-list" data-testid="leaver-assets">
            {leaver.assets.map((a) => (
              <li key={a.id}>
                <a href={`#/assets/${a.id}`} className="mono">
                  {a.tag}
                </a>{' '}
                {a.brand} {a.model}
                {canCollect && a.handoverId && (
                  <>
                    {' '}
                    <a className="btn btn-small" href={`#/handovers/${a.handoverId}/return`}>
                      {t('leavers.collect')}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
