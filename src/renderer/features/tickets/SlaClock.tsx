/** The live SLA clock of a ticket: time left, at risk from 75 % used, breached; paused while the fix awaits confirmation. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { officeCalendar } from '@shared/domain/org/state';
import { hoursMinutes, slaView, type SlaLevel } from '@shared/domain/ticket/sla';
import type { Priority, TicketState, TicketStatus } from '@shared/domain/ticket/state';
import type { WorkCalendar } from '@shared/calendar';
import { useFormatDateTime, useOrg } from '@renderer/app/hooks';
import { DueExplain, dueTitle, useDueText } from '@renderer/components/due';
export { useNow } from '@renderer/app/hooks';
import './tickets.css';

/** The office's working-day calendar, rebuilt only when its settings change. */
export function useOfficeCalendar(): WorkCalendar {
  const org = useOrg();
  return useMemo(() => officeCalendar(org ?? undefined), [org?.timeZone, org?.calendar]); // eslint-disable-line react-hooks/exhaustive-deps
}

/** "2 j 05 m" / "2 h 05 m". */
export function useDuration(): (ms: number) => string {
  const { t } = useTranslation();
  return (ms) => {
    const { hours, minutes } = hoursMinutes(ms);
    return t('ticket.sla.duration', { hours, minutes: String(minutes).padStart(2, '0') });
  };
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return <span className={`prio prio-${priority}`}>{t(`ticket.priority.${priority}`)}</span>;
}

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return <span className={`tstatus tstatus-${status}`}>{t(`ticket.status.${status}`)}</span>;
}

/** "4 jam kerja", "1×24 jam": an SLA target as the SOP says it. */
export function slaTargetText(t: (key: string, o?: Record<string, unknown>) => string, target: { amount: number; unit: string; basis: string }): string {
  return t(`ticket.sla.target.${target.basis}_${target.unit}`, { amount: target.amount });
}

/** Row class for a queue: amber edge at risk, red edge breached. */
export function slaRowClass(level: SlaLevel): string {
  return level === 'breached' ? 'row-breach' : level === 'at_risk' ? 'row-risk' : '';
}

/** The clock: a chip with its level, the time left (or over), and a bar of the budget used. */
export function SlaClock({ ticket, now, cal, big }: { ticket: Pick<TicketState, 'status' | 'sla' | 'clock'>; now: Date; cal: WorkCalendar; big?: boolean }) {
  const { t } = useTranslation();
  const dur = useDuration();
  const fmt = useFormatDateTime();
  const dueText = useDueText();
  const v = slaView(ticket, now, cal);
  // Over the budget shows how far over, also while paused (a late fix awaiting confirmation).
  // On the working basis the time says so ("lewat 19 j 40 m jam kerja").
  const ns = ticket.sla.basis === 'working' ? 'clock' : 'ticket.sla';
  const text = v.level === 'met' ? t(`${ns}.used`, { time: dur(v.usedMs) }) : v.isBreached ? t(`${ns}.over`, { time: dur(-v.leftMs) }) : t(`${ns}.left`, { time: dur(v.leftMs) });
  const why = dueText(cal, ticket.clock.runningSince, ticket.clock.dueAt, ticket.sla.basis);
  const title = `${ticket.clock.dueAt ? t('ticket.sla.dueAt', { due: fmt(ticket.clock.dueAt) }) : t('ticket.sla.targetLabel', { target: slaTargetText(t, ticket.sla) })}\n${dueTitle(why)}`;
  return (
    <div className={`sla sla-${v.level}${v.isBreached ? ' sla-over' : ''}${big ? ' sla-big' : ''}`} data-testid="sla-clock" data-level={v.level} data-basis={ticket.sla.basis} title={title}>
      <div className="sla-line">
        <span className={`sla-chip sla-chip-${v.level}`}>{t(`ticket.sla.level.${v.level}`)}</span>
        <span>{text}</span>
      </div>
      <div className="sla-bar" role="meter" aria-label={t('ticket.sla.usedLabel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(Math.min(1, v.fraction) * 100)}>
        <span style={{ width: `${Math.round(Math.min(1, v.fraction) * 100)}%` }} />
      </div>
      {big && (
        <div className="cell-sub">
          {t('ticket.sla.targetLabel', { target: slaTargetText(t, ticket.sla) })}
          {ticket.clock.dueAt && ` · ${t('ticket.sla.dueAt', { due: fmt(ticket.clock.dueAt) })}`}
        </div>
      )}
      {big && <DueExplain cal={cal} from={ticket.clock.runningSince} due={ticket.clock.dueAt} basis={ticket.sla.basis} />}
    </div>
  );
}
