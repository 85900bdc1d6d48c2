/**
 * The access request sections of "My work" (SOP-IT-003): requests waiting for the IT Manager's
 * decision (admins; never those whose current version the user recorded) and approved requests
 * whose accesses the IT team still has to create (technicians, admins), oldest first.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { AccessRequestState } from '@shared/domain/access/state';
import { useFormatDateTime } from '@renderer/app/hooks';
import { db } from '@renderer/store';
import { accessAwaitingDecision, accessAwaitingProvisioning } from '@renderer/store/queries/access';
import { RecordTable } from '@renderer/components/kit/RecordList';

function AccessRows({ rows, empty, testId, since }: { rows: AccessRequestState[] | undefined; empty: string; testId: string; since: (r: AccessRequestState) => string }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  if (rows?.length === 0) return <p className="muted">{empty}</p>;
  return (
    <RecordTable
      testId={testId}
      rows={rows}
      rowKey={(r) => r.id}
      rowHref={(r) => `/access/${r.id}`}
      empty={empty}
      columns={[
        {
          key: 'docNo',
          header: t('access.mywork.docNo'),
          className: 'mono small',
          cell: (r) => (
            <>
              <a href={`#/access/${r.id}`}>{r.docNo}</a>
              {r.version > 1 && <div className="muted small">{t('access.mywork.revision', { n: r.version })}</div>}
            </>
          ),
        },
        {
          key: 'employee',
          header: t('access.mywork.employee'),
          cell: (r) => (
            <>
              {r.employee.name}
              <div className="muted small">{[r.employee.department, r.employee.position].filter(Boolean).join(' · ')}</div>
            </>
          ),
        },
        { key: 'systems', header: t('access.mywork.systems'), cell: (r) => r.items.map((it) => it.system).join(', ') },
        { key: 'since', header: t('access.mywork.waitingSince'), cell: (r) => fmt(since(r)) },
      ]}
    />
  );
}

export function AccessToDecide({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const rows = useLiveQuery(() => accessAwaitingDecision(db, userId), [userId]);
  return <AccessRows rows={rows} empty={t('access.mywork.noneToDecide')} testId="access-decide-rows" since={(r) => r.submittedAt} />;
}

export function AccessToProvision() {
  const { t } = useTranslation();
  const rows = useLiveQuery(() => accessAwaitingProvisioning(db), []);
  return <AccessRows rows={rows} empty={t('access.mywork.noneToProvision')} testId="access-provision-rows" since={(r) => r.decidedAt ?? r.submittedAt} />;
}
