/** The incident register: every incident, newest first (paged), and the "Menunggu saya" tab. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentStepClock, procedureDays } from '../../../shared/domain/incident/clock';
import type { IncidentState } from '../../../shared/domain/incident/state';
import { stepOf } from '../../../shared/domain/incident/steps';
import { useFormatDateTime, useOrg } from '../../app/hooks';
import { navigate, useRoute } from '../../app/router';
import { useSessionStore } from '../../app/session-store';
import { Empty, PageHeader, Pager } from '../../components/ui';
import { db } from '../../store';
import { countWaitingFor, incidentListPage } from '../../store/queries/incidents';
import { IncidentStatusBadge, SeverityBadge } from './badges';
import { formatWorking } from './format';
import { MyIncidentsSection, useNow } from './MyIncidentsSection';
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
    <section className="card">
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
      {!data ? (
        <Empty>{t('common.loading')}</Empty>
      ) : data.rows.length === 0 ? (
        <Empty>{t('incident.list.none')}</Empty>
      ) : (
        <table className="table table-click" data-testid="incident-list">
          <thead>
            <tr>
              <th>{t('incident.fields.docNo')}</th>
              <th>{t('incident.fields.title')}</th>
              <th>{t('incident.fields.category')}</th>
              <th>{t('incident.fields.step')}</th>
              <th>{t('incident.fields.reworkCount')}</th>
              <th>{t('incident.fields.workingDays')}</th>
              <th>{t('incident.fields.reportedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((i) => {
              const c = currentStepClock(i, org ?? undefined, now);
              const d = procedureDays(i, org ?? undefined, now);
              return (
                <tr key={i.id} onClick={() => navigate(`/incidents/${i.id}`)} className={c.overdue ? 'row-overdue' : undefined}>
                  <td className="mono">
                    <a href={`#/incidents/${i.id}`} onClick={(ev) => ev.stopPropagation()}>
                      {i.docNo}
                    </a>
                  </td>
                  <td>
                    {i.title} <SeverityBadge severity={i.severity} />
                  </td>
                  <td>{t(`incident.categories.${i.category}`)}</td>
                  <td>
                    {i.status === 'closed' ? (
                      <IncidentStatusBadge status="closed" />
                    ) : (
                      <>
                        <span className="step-no">{i.step}</span> {t(`roles.${stepOf(i.step).role}`)}
                        <div className="muted small">
                          {formatWorking(t, c.usedMs)}
                          {c.overdue && <span className="tag tag-danger">{t('incident.clock.overdue')}</span>}
                        </div>
                      </>
                    )}
                  </td>
                  <td>{i.reworkCount}</td>
                  <td className={d.over ? 'text-danger' : undefined}>{t('incident.clock.workdays', { days: d.days.toFixed(1) })}</td>
                  <td className="nowrap">{fmt(i.reportedAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pager page={page} hasMore={!!data?.hasMore} setPage={setPage} />
    </section>
  );
}
