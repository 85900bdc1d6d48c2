/** Step and procedure clocks: working time used against the SOP's standard, in the office calendar. */
import { durationMs, workingDaysBetween, workingTimeBetween } from '../../calendar';
import { officeCalendar, type OrgState } from '../org/state';
import type { IncidentState } from './state';
import { INCIDENT_TARGET_WORKDAYS, stepOf } from './steps';

export interface StepClock {
  /** Working time spent on the current step so far, ms. */
  usedMs: number;
  /** The standard's lower and upper bound, ms of working time. */
  minMs: number;
  maxMs: number;
  /** Past the deadline (stepDueAt). */
  overdue: boolean;
}

/** The current step's clock at `now`. */
export function currentStepClock(i: IncidentState, org: OrgState | undefined, now: Date): StepClock {
  const cal = officeCalendar(org);
  const s = stepOf(i.step);
  const usedMs = i.status === 'open' ? workingTimeBetween(cal, new Date(i.stepStartedAt), now) : 0;
  return { usedMs, minMs: durationMs(cal, s.standard.min), maxMs: durationMs(cal, s.standard.max), overdue: i.status === 'open' && now.getTime() > Date.parse(i.stepDueAt) };
}

/** A finished step's standard bounds, ms of working time (for "used vs standard" per history row). */
export function standardMs(step: number, org: OrgState | undefined): { minMs: number; maxMs: number } {
  const cal = officeCalendar(org);
  const s = stepOf(step);
  return { minMs: durationMs(cal, s.standard.min), maxMs: durationMs(cal, s.standard.max) };
}

/** Working days from the report to closing (or to now while open), against the 2-5 day target. */
export function procedureDays(i: IncidentState, org: OrgState | undefined, now: Date): { days: number; over: boolean; min: number; max: number } {
  const days = i.workingDays ?? workingDaysBetween(officeCalendar(org), new Date(i.reportedAt), now);
  return { days, over: days > INCIDENT_TARGET_WORKDAYS.max, ...INCIDENT_TARGET_WORKDAYS };
}
