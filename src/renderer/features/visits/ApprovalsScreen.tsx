/** The approver's queue: visits awaiting this user's decision (never their own registrations), oldest first. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '@renderer/store';
import { countOwnAwaitingApproval, visitsAwaitingDecisionBy } from '@renderer/store/queries/visits';
import { useSessionStore } from '@renderer/app/session-store';
import type { VisitState } from '@shared/domain/visit/state';
import { useFormatDateTime, useUserNames } from '@renderer/app/hooks';
import { PageHeader } from '@renderer/components/ui';
import { RecordTable } from '@renderer/components/kit/RecordList';

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
  return (
    <RecordTable
      testId="visits-to-decide"
      rows={useVisitsToDecide()}
      rowKey={(v) => v.id}
      rowHref={(v) => `/visits/${v.id}`}
      empty={t('visit.approvals.none')}
      columns={[
        { key: 'name', header: t('visit.fields.visitorName'), link: true, cell: (v) => v.visitorName },
        { key: 'organisation', header: t('visit.fields.organisation'), cell: (v) => v.organisation },
        { key: 'purpose', header: t('visit.fields.purpose'), cell: (v) => v.purpose },
        { key: 'registeredBy', header: t('visit.fields.registeredBy'), cell: (v) => names.get(v.registeredBy) ?? '—' },
        { key: 'registeredAt', header: t('visit.fields.registeredAt'), cell: (v) => fmt(v.registeredAt) },
      ]}
    />
  );
}
