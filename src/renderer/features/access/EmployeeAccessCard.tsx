/**
 * An employee's system access (SOP-IT-003) on the employee page: the requests with their
 * status and the accesses still in force, a warning when a resigned employee still has any,
 * and — for the IT team — a link to request access for an active employee.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { activeGrantsOf, type AccessRequestState } from '@shared/domain/access/state';
import type { EmployeeState } from '@shared/domain/employee/state';
import { useLang, useOrg } from '@renderer/app/hooks';
import { useSessionStore } from '@renderer/app/session-store';
import { Empty } from '@renderer/components/ui';
import { db } from '@renderer/store';
import { accessRequestsOf } from '@renderer/store/queries/access';
import './employee-access.css';
import { AccessStatusBadge } from './parts';
import { formatDay } from '@shared/office-time';
import { can } from '@shared/domain/can';

/** The employee's access requests, live; undefined while loading. */
export function useEmployeeAccess(employeeId: string): AccessRequestState[] | undefined {
  return useLiveQuery(() => accessRequestsOf(db, employeeId), [employeeId]);
}

/** How many accesses are still in force over these requests. */
export const accessInForce = (rows: readonly AccessRequestState[]): number => rows.reduce((n, r) => n + activeGrantsOf(r).length, 0);

/** The banner next to the assets-to-collect warning: a resigned employee still has access. */
export function ResignedAccessWarning({ employee, requests }: { employee: EmployeeState; requests: AccessRequestState[] | undefined }) {
  const { t } = useTranslation();
  const count = accessInForce(requests ?? []);
  if (employee.status !== 'resigned' || count === 0) return null;
  return (
    <div className="banner banner-error" role="status" data-testid="resigned-access">
      {t('access.employee.resignedActive', { count })}
    </div>
  );
}

export function EmployeeAccessCard({ employee, requests }: { employee: EmployeeState; requests: AccessRequestState[] | undefined }) {
  const { t } = useTranslation();
  const org = useOrg();
  const lang = useLang();
  const me = useSessionStore((s) => s.user);
  const canRequest = can(me, 'access.submit') && employee.status === 'active';
  const date = (iso: string) => formatDay(iso, org?.timeZone ?? 'WIB', lang); // screens: "5 Okt 2026"
  return (
    <section className="card" aria-labelledby="employee-access-title" data-testid="employee-access">
      <div className="card-top">
        <h2 id="employee-access-title">{t('access.employee.title')}</h2>
        {canRequest && (
          <a className="btn btn-small" href={`#/access/new?employee=${encodeURIComponent(employee.id)}`}>
            {t('access.employee.request')}
          </a>
        )}
      </div>
      {requests === undefined ? (
        <Empty>{t('common.loading')}</Empty>
      ) : requests.length === 0 ? (
        <Empty>{t('access.employee.none')}</Empty>
      ) : (
        <table className="table" data-testid="employee-access-requests">
          <thead>
            <tr>
              <th>{t('access.employee.docNo')}</th>
              <th>{t('access.employee.status')}</th>
              <th>{t('access.employee.submittedAt')}</th>
              <th>{t('access.employee.inForce')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => {
              const active = activeGrantsOf(r);
              return (
                <tr key={r.id}>
                  <td className="mono small">
                    <a href={`#/access/${r.id}`}>{r.docNo}</a>
                  </td>
                  <td>
                    <AccessStatusBadge request={r} />
                  </td>
                  <td>{date(r.submittedAt)}</td>
                  <td>
                    {active.length === 0 ? (
                      <span className="muted">{t('access.employee.noneInForce')}</span>
                    ) : (
                      <ul className="access-grants">
                        {active.map((g) => (
                          <li key={g.itemId}>
                            <strong>{g.system}</strong>: <span className="mono">{g.account}</span> <span className="muted small">({t('access.employee.since', { date: date(g.grantedAt) })})</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The employee page's notice (slot `employeeNotices`): a resigned employee still holds access. */
export function EmployeeAccessNotice({ employee }: { employee: EmployeeState }) {
  return <ResignedAccessWarning employee={employee} requests={useEmployeeAccess(employee.id)} />;
}

/** The employee page's card (slot `employeeCards`): the access requests and what is in force. */
export function EmployeeAccessSection({ employee }: { employee: EmployeeState }) {
  return <EmployeeAccessCard employee={employee} requests={useEmployeeAccess(employee.id)} />;
}
