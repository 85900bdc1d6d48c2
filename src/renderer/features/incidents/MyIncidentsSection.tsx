/**
 * "Menunggu saya": the open incidents whose turn is one of the signed-in user's roles, oldest
 * step first, each with its step clock (working time used against the standard; overdue
 * flagged). Used on the incident list and, after merging, on the "My work" screen.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { currentStepClock } from '@shared/domain/incident/clock';
import { stepOf } from '@shared/domain/incident/steps';
import { useFormatDateTime, useOrg, useNow as useNowEvery } from '@renderer/app/hooks';
import { useSessionStore } from '@renderer/app/session-store';
import { RecordTable } from '@renderer/components/kit/RecordList';
import { dueTitle, useDueText, useWorkCalendar } from '@renderer/components/due';
import { db } from '@renderer/store';
import { incidentsWaitingFor } from '@renderer/store/queries/incidents';
import { formatWorking, standardText } from './format';
import { incidentLeadColumns } from './columns';
import './incidents.css';

/** The step clocks move every 30 s. */
export const useNow = (): Date => useNowEvery(30_000);

export function MyIncidentsSection({ limit = 50, heading = true, plain = false }: { limit?: number; heading?: boolean; plain?: boolean }) {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const org = useOrg();
  const fmt = useFormatDateTime();
  const cal = useWorkCalendar();
  const dueText = useDueText();
  const now = useNow();
  const roles = user?.roles ?? [];
  const rows = useLiveQuery(() => incidentsWaitingFor(db, roles, limit), [roles.join(','), limit]);
  const body = (
    <>
      {heading && <h2 id="my-incidents-title">{t('incident.mine.title')}</h2>}
      <RecordTable
        rows={rows}
        rowKey={(i) => i.id}
        rowHref={(i) => `/incidents/${i.id}`}
        rowClassName={(i) => (currentStepClock(i, org ?? undefined, now).overdue ? 'row-overdue' : undefined)}
        empty={t('incident.mine.none')}
        columns={[
          ...incidentLeadColumns(t),
          {
            key: 'step',
            header: t('incident.fields.step'),
            cell: (i) => (
              <>
                <span className="step-no">{i.step}</span> {t(stepOf(i.step).titleKey)}
                <div className="muted small">{t(`roles.${i.turnRole}`)}</div>
              </>
            ),
          },
          {
            key: 'clock',
            header: t('incident.mine.clock'),
            className: 'nowrap',
            cell: (i) => {
              const c = currentStepClock(i, org ?? undefined, now);
              return (
                <>
                  {formatWorking(t, c.usedMs)} / {standardText(t, i.step)}
                  {c.overdue && <span className="tag tag-danger">{t('incident.clock.overdue')}</span>}
                </>
              );
            },
          },
          {
            key: 'due',
            header: t('incident.fields.stepDueAt'),
            className: 'nowrap',
            cell: (i) => (
              <span title={dueTitle(dueText(cal, i.stepStartedAt, i.stepDueAt, 'working'))} data-testid="step-due">
                {fmt(i.stepDueAt)}
              </span>
            ),
          },
        ]}
      />
    </>
  );
  // On "My work" the section sits inside that screen's own card.
  if (plain) return <div data-testid="my-incidents">{body}</div>;
  return (
    <section className="card" aria-labelledby="my-incidents-title" data-testid="my-incidents">
      {body}
    </section>
  );
}

/** The incidents section of "My work" (features/mywork/sections.ts). */
export function MyWorkIncidents() {
  return <MyIncidentsSection heading={false} plain />;
}
