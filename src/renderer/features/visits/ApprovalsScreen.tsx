/** The approver's queue: visits awaiting this user's decision (never their own registrations), oldest first. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '../../store';
import { countOwnAwaitingApproval, visitsAwaitingDecisionBy } from '../../store/queries/visits';
import { useSessionStore } from '../../app/session-store';
import type { VisitState } from '../../../shared/domain/visit/state';
import { useFormatDateTime, useUserNames } from '../../app/hooks';
import { navigate } from '../../app/router';
import { Empty, PageHeader } from '../../components/ui';

/** The visits this user may decide, live. */
export function useVisitsToDecide(): VisitState[] | undefined {
  const user = useSessionStore((s) => s.user);
  return useLiveQuery(() => (user ? visitsAwaitingDecisionBy(db, user) : []), [user?.id, user?.roles.join(',')]);
}

export function ApprovalsScreen() {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  // Visits this user registered wait for another approver: said, not listed.
  const own = useLiveQuery(() => (user ? countOwnAwaitingApproval(db, user.id) : 0), [user?.id]) ?? 0;
  return (
    <div>
      <PageHeader title={t('nav.approvals')} subtitle={t('visit.approvals.subtitle')} />
      <section className="card">
        <VisitsToDecide />
        {own > 0 && (
          <p className="muted" data-testid="own-awaiting">
            {t('desk.approvals.ownWaiting', { count: own })}
          </p>
        )}
      </section>
    </div>
  );
}

/** The queue's table (the approvals screen, and the "My work" section of approvers). */
export function VisitsToDecide() {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const names = useUserNames();
  const rows = useVisitsToDecide() ?? [];
  return (
    <>
      {rows.length === 0 ? (
        <Empty>{t('visit.approvals.none')}</Empty>
      ) : (
        <table className="table table-click" data-testid="visits-to-decide">
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
    </>
  );
}
