/**
 * The ticket's SLA clock, pure. The commands use `startClock`, `pauseClock` and `resumeClock`
 * with the office calendar to put the due instant and the time used into the events; screens
 * use `slaView` to show time left, at risk (75 % used) or breached, live from state + now.
 * The clock runs from reception until resolution, pauses while the user is asked to confirm
 * the fix, and resumes with the time it had left when the user does not confirm.
 */
import { addWorkingTime, durationMs, elapsed, type WorkCalendar } from '../../calendar';
import { DEFAULT_SLA, type Priority, type SlaSettings, type TicketClock, type TicketSla, type TicketState } from './state';

/** Share of the budget used from which a ticket is at risk. */
export const AT_RISK_FRACTION = 0.75;

/** The SLA for a priority under the office's settings, with its budget in ms. */
export function slaFor(cal: WorkCalendar, settings: SlaSettings | undefined, priority: Priority): TicketSla {
  const target = (settings ?? DEFAULT_SLA)[priority];
  const d = { amount: target.amount, unit: target.unit, basis: target.basis };
  return { priority, ...d, budgetMs: durationMs(cal, d) };
}

/** When `leftMs` of the SLA's basis will have passed after `from`; `from` itself when none is left. */
export function dueAfter(cal: WorkCalendar, sla: Pick<TicketSla, 'basis'>, from: Date, leftMs: number): Date {
  if (leftMs <= 0) return from;
  return sla.basis === 'calendar' ? new Date(from.getTime() + leftMs) : addWorkingTime(cal, from, leftMs);
}

/** The clock at reception: running since `receivedAt`, nothing used. */
export function startClock(cal: WorkCalendar, sla: TicketSla, receivedAt: Date): Required<TicketClock> {
  return { usedMs: 0, runningSince: receivedAt.toISOString(), dueAt: dueAfter(cal, sla, receivedAt, sla.budgetMs).toISOString() };
}

/** The same running clock under another SLA (the ticket was reclassified): a new due instant. */
export function retarget(cal: WorkCalendar, clock: TicketClock, sla: TicketSla): TicketClock {
  if (!clock.runningSince) return clock;
  return { ...clock, dueAt: dueAfter(cal, sla, new Date(clock.runningSince), sla.budgetMs - clock.usedMs).toISOString() };
}

/** Time the clock has used by `at` (earlier runs plus the current one), on the SLA's basis. */
export function usedBy(cal: WorkCalendar, sla: Pick<TicketSla, 'basis'>, clock: TicketClock, at: Date): number {
  if (!clock.runningSince) return clock.usedMs;
  return clock.usedMs + elapsed(cal, new Date(clock.runningSince), at, sla.basis);
}

/** Stops the clock at `at` (resolution): the time used so far is kept. */
export function pauseClock(cal: WorkCalendar, sla: TicketSla, clock: TicketClock, at: Date): Pick<TicketClock, 'usedMs'> {
  return { usedMs: usedBy(cal, sla, clock, at) };
}

/** Starts a paused clock again at `at` with the time it had left (none when already breached). */
export function resumeClock(cal: WorkCalendar, sla: TicketSla, clock: TicketClock, at: Date): Required<TicketClock> {
  return { usedMs: clock.usedMs, runningSince: at.toISOString(), dueAt: dueAfter(cal, sla, at, sla.budgetMs - clock.usedMs).toISOString() };
}

/**
 * on_track / at_risk / breached while the clock runs; paused while the fix awaits the user's
 * confirmation; met / missed once closed.
 */
export type SlaLevel = 'on_track' | 'at_risk' | 'breached' | 'paused' | 'met' | 'missed';

export interface SlaView {
  level: SlaLevel;
  usedMs: number;
  budgetMs: number;
  /** Time left on the SLA's basis; negative once breached (how far over). */
  leftMs: number;
  /** usedMs / budgetMs. */
  fraction: number;
  /** Whether the budget is used up (whatever the status). */
  isBreached: boolean;
}

/** The SLA as a person should see it now. */
export function slaView(t: Pick<TicketState, 'status' | 'sla' | 'clock'>, now: Date, cal: WorkCalendar): SlaView {
  const usedMs = usedBy(cal, t.sla, t.clock, now);
  const budgetMs = t.sla.budgetMs;
  const fraction = budgetMs > 0 ? usedMs / budgetMs : 1;
  const isBreached = usedMs >= budgetMs;
  let level: SlaLevel;
  if (t.status === 'closed') level = isBreached ? 'missed' : 'met';
  else if (!t.clock.runningSince) level = 'paused';
  else level = isBreached ? 'breached' : fraction >= AT_RISK_FRACTION ? 'at_risk' : 'on_track';
  return { level, usedMs, budgetMs, leftMs: budgetMs - usedMs, fraction, isBreached };
}

/** Splits a duration for display: days of 24 h are not used, working time is shown in hours. */
export function hoursMinutes(ms: number): { hours: number; minutes: number } {
  const total = Math.floor(Math.abs(ms) / 60_000);
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}
