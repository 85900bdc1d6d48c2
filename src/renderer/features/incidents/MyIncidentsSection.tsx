/**
 * "Menunggu saya": the open incidents whose turn is one of the signed-in user's roles, oldest
 * step first, each with its step clock (working time used against the standard; overdue
 * flagged). Used on the incident list and, after merging, on the "My work" screen.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { currentStepClock } from '../../../shared/domain/incident/clock';
import { stepOf } from '../../../shared/domain/incident/steps';
import { useFormatDateTime, useOrg, useNow as useNowEvery } from '../../app/hooks';
import { navigate } from '../../app/router';
import { useSessionStore } from '../../app/session-store';
import { Empty } from '../../components/ui';
import { dueTitle, useDueText, useWorkCalendar } from '../../components/due';
import { db } from '../../store';
import { incidentsWaitingFor } from '../../store/queries/incidents';
import { formatWorking, standardText } from './format';
import { SeverityBadge } from './badges';
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
      {rows === undefined ? (
        <Empty>{t('common.loading')}</Empty>
      ) : rows.length === 0 ? (
        <Empty>{t('incident.mine.none')}</Empty>
      ) : (
        <table className="table table-click">
          <thead>
            <tr>
              <th>{t('incident.fields.docNo')}</th>
              <th>{t('incident.fields.title')}</th>
              <th>{t('incident.fields.step')}</th>
              <th>{t('incident.mine.clock')}</th>
              <th>{t('incident.fields.stepDueAt')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => {
              const c = currentStepClock(i, org ?? undefined, now);
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
                  <td>
                    <span className="step-no">{i.step}</span> {t(stepOf(i.step).titleKey)}
                    <div className="muted small">{t(`roles.${i.turnRole}`)}</div>
                  </td>
                  <td className="nowrap">
                    {formatWorking(t, c.usedMs)} / {standardText(t, i.step)}
                    {c.overdue && <span className="tag tag-danger">{t('incident.clock.overdue')}</span>}
                  </td>
                  <td className="nowrap" title={dueTitle(dueText(cal, i.stepStartedAt, i.stepDueAt, 'working'))} data-testid="step-due">
                    {fmt(i.stepDueAt)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
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
