/** "Who is inside now", one glance from anywhere: overstays flagged, IDs held and badges out. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { isOverstay, minutesInside } from '@shared/domain/visit/state';
import { db } from '@renderer/store';
import { visitsInProgress, visitsInside } from '@renderer/store/queries/visits';
import { useFormatDateTime, useNow, useUserNames } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { PageHeader, StatusBadge } from '@renderer/components/ui';
import { RecordTable } from '@renderer/components/kit/RecordList';
import { useSessionStore } from '@renderer/app/session-store';
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
        <RecordTable
          testId="inside-table"
          rows={inside}
          rowKey={(v) => v.id}
          rowHref={(v) => `/visits/${v.id}`}
          rowClassName={(v) => (isOverstay(v, now) ? 'row-alert' : '')}
          empty={t('visit.board.nobodyInside')}
          columns={[
            { key: 'name', header: t('visit.fields.visitorName'), link: true, cell: (v) => v.visitorName },
            { key: 'organisation', header: t('visit.fields.organisation'), cell: (v) => v.organisation },
            { key: 'badge', header: t('visit.fields.badge'), className: 'mono', cell: (v) => v.badge },
            { key: 'escort', header: t('visit.fields.escort'), cell: (v) => names.get(v.escortId ?? '') ?? '—' },
            { key: 'enteredAt', header: t('visit.fields.enteredAt'), cell: (v) => fmt(v.enteredAt) },
            {
              key: 'duration',
              header: t('visit.board.duration'),
              cell: (v) => (
                <>
                  {t('visit.board.minutesOf', { used: minutesInside(v, now), planned: v.plannedMinutes })}
                  {isOverstay(v, now) && <span className="status status-overstay">{t('visit.board.overstay')}</span>}
                </>
              ),
            },
          ]}
        />
      </section>
      {waiting.length > 0 && (
        <section className="card">
          <h2>{t('visit.board.atDesk')}</h2>
          <RecordTable
            rows={waiting}
            rowKey={(v) => v.id}
            rowHref={(v) => `/visits/${v.id}`}
            empty={null}
            columns={[
              { key: 'name', header: t('visit.fields.visitorName'), link: true, cell: (v) => v.visitorName },
              { key: 'organisation', header: t('visit.fields.organisation'), cell: (v) => v.organisation },
              {
                key: 'status',
                header: t('visit.fields.status'),
                cell: (v) => (
                  <>
                    <StatusBadge status={v.status} />
                    {v.badgeOut && <span className="tag">{v.badgeOut}</span>}
                  </>
                ),
              },
              { key: 'registeredAt', header: t('visit.fields.registeredAt'), cell: (v) => fmt(v.registeredAt) },
            ]}
          />
        </section>
      )}
    </div>
  );
}
