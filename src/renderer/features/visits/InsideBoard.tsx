/** "Who is inside now", one glance from anywhere: overstays flagged, IDs held and badges out. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { isOverstay, minutesInside } from '../../../shared/domain/visit/state';
import { db } from '../../store';
import { visitsInProgress, visitsInside } from '../../store/queries/visits';
import { useFormatDateTime, useNow, useUserNames } from '../../app/hooks';
import { navigate } from '../../app/router';
import { Empty, PageHeader, StatusBadge } from '../../components/ui';
import { useSessionStore } from '../../app/session-store';
import { can } from '@shared/domain/can';

export function InsideBoard() {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const names = useUserNames();
  const user = useSessionStore((s) => s.user);
  const now = useNow(30_000);
  const inside = useLiveQuery(() => visitsInside(db), []) ?? [];
  const waiting = useLiveQuery(() => visitsInProgress(db), []) ?? [];
  const overstays = inside.filter((v) => isOverstay(v, now)).length;
  const idsHeld = inside.length + waiting.length;

  return (
    <div>
      <PageHeader
        title={t('visit.board.title')}
        subtitle={t('visit.board.subtitle')}
        actions={
          <>
            <button type="button" className="btn" onClick={() => navigate('/print/evacuation')}>
              {t('visit.board.printEvacuation')}
            </button>
            {can(user, 'visit.checkOut') && (
              <button type="button" className="btn btn-primary" onClick={() => navigate('/visits/new')}>
                {t('nav.register')}
              </button>
            )}
          </>
        }
      />
      <div className="stats">
        <div className="stat" data-testid="stat-inside">
          <div className="stat-value">{inside.length}</div>
          <div className="stat-label">{t('visit.board.insideNow')}</div>
        </div>
        <div className={`stat${overstays ? ' stat-alert' : ''}`}>
          <div className="stat-value">{overstays}</div>
          <div className="stat-label">{t('visit.board.overstays')}</div>
        </div>
        <div className="stat">
          <div className="stat-value">{idsHeld}</div>
          <div className="stat-label">{t('visit.board.idsHeld')}</div>
        </div>
        <div className="stat">
          <div className="stat-value">{waiting.length}</div>
          <div className="stat-label">{t('visit.board.atDesk')}</div>
        </div>
      </div>
      <section className="card">
        <h2>{t('visit.board.insideNow')}</h2>
        {inside.length === 0 ? (
          <Empty>{t('visit.board.nobodyInside')}</Empty>
        ) : (
          <table className="table table-click" data-testid="inside-table">
            <thead>
              <tr>
                <th>{t('visit.fields.visitorName')}</th>
                <th>{t('visit.fields.organisation')}</th>
                <th>{t('visit.fields.badge')}</th>
                <th>{t('visit.fields.escort')}</th>
                <th>{t('visit.fields.enteredAt')}</th>
                <th>{t('visit.board.duration')}</th>
              </tr>
            </thead>
            <tbody>
              {inside.map((v) => {
                const over = isOverstay(v, now);
                return (
                  <tr key={v.id} className={over ? 'row-alert' : ''} onClick={() => navigate(`/visits/${v.id}`)}>
                    <td>
                      <a href={`#/visits/${v.id}`}>{v.visitorName}</a>
                    </td>
                    <td>{v.organisation}</td>
                    <td className="mono">{v.badge}</td>
                    <td>{names.get(v.escortId ?? '') ?? '—'}</td>
                    <td>{fmt(v.enteredAt)}</td>
                    <td>
                      {t('visit.board.minutesOf', { used: minutesInside(v, now), planned: v.plannedMinutes })}
                      {over && <span className="status status-overstay">{t('visit.board.overstay')}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      {waiting.length > 0 && (
        <section className="card">
          <h2>{t('visit.board.atDesk')}</h2>
          <table className="table table-click">
            <thead>
              <tr>
                <th>{t('visit.fields.visitorName')}</th>
                <th>{t('visit.fields.organisation')}</th>
                <th>{t('visit.fields.status')}</th>
                <th>{t('visit.fields.registeredAt')}</th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((v) => (
                <tr key={v.id} onClick={() => navigate(`/visits/${v.id}`)}>
                  <td>
                    <a href={`#/visits/${v.id}`}>{v.visitorName}</a>
                  </td>
                  <td>{v.organisation}</td>
                  <td>
                    <StatusBadge status={v.status} />
                    {v.badgeOut && <span className="tag">{v.badgeOut}</span>}
                  </td>
                  <td>{fmt(v.registeredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
