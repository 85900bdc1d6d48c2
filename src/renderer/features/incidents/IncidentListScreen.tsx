/** The incident register: every incident, newest first (paged), and the "Menunggu saya" tab. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentStepClock, procedureDays } from '@shared/domain/incident/clock';
import type { IncidentState } from '@shared/domain/incident/state';
import { stepOf } from '@shared/domain/incident/steps';
import { useFormatDateTime, useOrg } from '@renderer/app/hooks';
import { useRoute } from '@renderer/app/router';
import { useSessionStore } from '@renderer/app/session-store';
import { PageHeader } from '@renderer/components/ui';
import { RecordList } from '@renderer/components/kit/RecordList';
import { db } from '@renderer/store';
import { countWaitingFor, incidentListPage } from '@renderer/store/queries/incidents';
import { IncidentStatusBadge } from './badges';
import { formatWorking } from './format';
import { MyIncidentsSection, useNow } from './MyIncidentsSection';
import { incidentLeadColumns } from './columns';
import './incidents.css';
import { can } from '@shared/domain/can';

export function IncidentListScreen() {
  const { t } = useTranslation();
  const route = useRoute();
  const tab = new URLSearchParams(route.split('?')[1] ?? '').get('tab') === 'mine' ? 'mine' : 'all';
  const user = useSessionStore((s) => s.user);
  const roles = user?.roles ?? [];
  const waiting = useLiveQuery(() => countWaitingFor(db, roles), [roles.join(',')]) ?? 0;
  const canReport = can(user, 'incident.report');
  return (
    <div>
      <PageHeader
        title={t('incident.list.title')}
        subtitle={t('incident.list.subtitle')}
        actions={
          canReport && (
            <a className="btn btn-primary" href="#/incidents/new">
              {t('incident.list.report')}
            </a>
          )
        }
      />
      <nav className="tabs" aria-label={t('incident.list.tabs')}>
        <a href="#/incidents" className={tab === 'all' ? 'active' : ''} aria-current={tab === 'all' ? 'page' : undefined}>
          {t('incident.list.all')}
        </a>
        <a href="#/incidents?tab=mine" className={tab === 'mine' ? 'active' : ''} aria-current={tab === 'mine' ? 'page' : undefined} data-testid="tab-mine">
          {t('incident.mine.title')}
          {waiting > 0 && <span className="nav-count">{waiting}</span>}
        </a>
      </nav>
      {tab === 'mine' ? <MyIncidentsSection heading={false} /> : <AllIncidents />}
    </div>
  );
}

function AllIncidents() {
  const { t } = useTranslation();
  const org = useOrg();
  const fmt = useFormatDateTime();
  const now = useNow();
  const [status, setStatus] = useState<'' | IncidentState['status']>('');
  const [page, setPage] = useState(0);
  const data = useLiveQuery(() => incidentListPage(db, { status }, page), [status, page]);
  return (
    <RecordList
      filters={
        <div className="inline-form" style={{ marginBottom: '0.75rem' }}>
          <div className="field">
            <label htmlFor="incident-status">{t('incident.fields.status')}</label>
            <select
              id="incident-status"
              value={status}
              onChange={(e) => {
                setStatus(e.target.value as typeof status);
                setPage(0);
              }}
            >
              <option value="">{t('incident.list.anyStatus')}</option>
              <option value="open">{t('incident.status.open')}</option>
              <option value="closed">{t('incident.status.closed')}</option>
            </select>
          </div>
        </div>
      }
      testId="incident-list"
      rows={data?.rows}
      rowKey={(i) => i.id}
      rowHref={(i) => `/incidents/${i.id}`}
      rowClassName={(i) => (currentStepClock(i, org ?? undefined, now).overdue ? 'row-overdue' : undefined)}
      empty={t('incident.list.none')}
      pager={{ page, hasMore: !!data?.hasMore, setPage }}
      columns={[
        ...incidentLeadColumns(t),
        { key: 'category', header: t('incident.fields.category'), cell: (i) => t(`incident.categories.${i.category}`) },
        {
          key: 'step',
          header: t('incident.fields.step'),
          cell: (i) => {
            if (i.status === 'closed') return <IncidentStatusBadge status="closed" />;
            const c = currentStepClock(i, org ?? undefined, now);
            return (
              <>
                <span className="step-no">{i.step}</span> {t(`roles.${stepOf(i.step).role}`)}
                <div className="muted small">
                  {formatWorking(t, c.usedMs)}
                  {c.overdue && <span className="tag tag-danger">{t('incident.clock.overdue')}</span>}
                </div>
              </>
            );
          },
        },
        { key: 'rework', header: t('incident.fields.reworkCount'), cell: (i) => i.reworkCount },
        {
          key: 'days',
          header: t('incident.fields.workingDays'),
          className: (i) => (procedureDays(i, org ?? undefined, now).over ? 'text-danger' : undefined),
          cell: (i) => t('incident.clock.workdays', { days: procedureDays(i, org ?? undefined, now).days.toFixed(1) }),
        },
        { key: 'reportedAt', header: t('incident.fields.reportedAt'), className: 'nowrap', cell: (i) => fmt(i.reportedAt) },
      ]}
    />
  );
}
