/**
 * The 12 steps of SOP Gangguan Keamanan Jaringan (DOMAIN.md §4, source 002) as data: who does
 * each step, its standard time (Mutu Baku), its output document and where it leads. The
 * incident commands enforce this table; the screens and the printed report read it.
 * Standard times are working time in the office calendar (src/shared/calendar.ts).
 */
import type { Duration } from '../../calendar';
import type { Role } from '../../roles';

/** The outcome recorded where a step branches: step 4 (simple/hard) and step 9 (done/not done). */
export const STEP_OUTCOMES = ['simple', 'hard', 'done', 'not_done'] as const;
export type StepOutcome = (typeof STEP_OUTCOMES)[number];

/** The roles that take part in the procedure, in the order the SOP introduces them. */
export const INCIDENT_ROLES = ['officer', 'admin', 'security_lead', 'technician'] as const satisfies readonly Role[];
export type IncidentRole = (typeof INCIDENT_ROLES)[number];

export interface IncidentStep {
  /** 1..12. */
  no: number;
  role: IncidentRole;
  /** i18n key of the step's description (Indonesian and English catalogs). */
  titleKey: string;
  /** The standard time: `min` for display ("1-2 jam"), `max` for the deadline. */
  standard: { min: Duration; max: Duration };
  /** The output document, as the SOP names it (always Indonesian: it is printed). */
  output: string;
  /** The step that follows when the step does not branch; null after the last step. */
  next: number | null;
  /** Where each outcome leads, for the steps that branch. */
  branches?: Partial<Record<StepOutcome, number>>;
}

const w = (amount: number, unit: Duration['unit']): Duration => ({ amount, unit, basis: 'working' });
const range = (min: Duration, max: Duration = min) => ({ min, max });

const REPORT = 'Laporan gangguan keamanan';
const COMPLETION = 'Laporan penyelesaian gangguan';

/** The procedure. Index 0 is step 1. */
export const INCIDENT_STEPS: readonly IncidentStep[] = [
  { no: 1, role: 'officer', titleKey: 'incident.steps.1', standard: range(w(1, 'workdays')), output: 'Dokumen informasi gangguan', next: 2 },
  { no: 2, role: 'admin', titleKey: 'incident.steps.2', standard: range(w(20, 'minutes')), output: 'Disposisi penanganan gangguan', next: 3 },
  { no: 3, role: 'security_lead', titleKey: 'incident.steps.3', standard: range(w(1, 'hours'), w(2, 'hours')), output: REPORT, next: 4 },
  { no: 4, role: 'technician', titleKey: 'incident.steps.4', standard: range(w(1, 'workdays')), output: REPORT, next: null, branches: { simple: 8, hard: 5 } },
  { no: 5, role: 'security_lead', titleKey: 'incident.steps.5', standard: range(w(1, 'hours')), output: REPORT, next: 6 },
  { no: 6, role: 'admin', titleKey: 'incident.steps.6', standard: range(w(1, 'hours'), w(2, 'hours')), output: REPORT, next: 7 },
  {
    no: 7, role: 'technician', titleKey: 'incident.steps.7', standard: range(w(1, 'workdays'), w(2, 'workdays')),
    output: 'Laporan, catatan NOC, bukti sistem keamanan', next: 8,
  },
  { no: 8, role: 'technician', titleKey: 'incident.steps.8', standard: range(w(20, 'minutes')), output: REPORT, next: 9 },
  { no: 9, role: 'security_lead', titleKey: 'incident.steps.9', standard: range(w(1, 'hours')), output: REPORT, next: null, branches: { done: 10, not_done: 7 } },
  { no: 10, role: 'admin', titleKey: 'incident.steps.10', standard: range(w(20, 'minutes')), output: REPORT, next: 11 },
  { no: 11, role: 'security_lead', titleKey: 'incident.steps.11', standard: range(w(1, 'hours'), w(2, 'hours')), output: COMPLETION, next: 12 },
  { no: 12, role: 'officer', titleKey: 'incident.steps.12', standard: range(w(1, 'hours'), w(3, 'hours')), output: COMPLETION, next: null },
];

/** The whole procedure's target: 2-5 working days. */
export const INCIDENT_TARGET_WORKDAYS = { min: 2, max: 5 } as const;

/** A step by number (1..12). Throws on a number outside the procedure. */
export function stepOf(no: number): IncidentStep {
  const s = INCIDENT_STEPS[no - 1];
  if (!s) throw new Error(`no incident step ${no}`);
  return s;
}

/** The outcomes a step accepts: none for a straight step. */
export function outcomesOf(no: number): StepOutcome[] {
  return Object.keys(stepOf(no).branches ?? {}) as StepOutcome[];
}

/**
 * The step after completing `no` with `outcome`: a number, 'closed' after step 12, or
 * undefined when the outcome does not fit the step (missing where it branches, given where it
 * does not).
 */
export function nextStep(no: number, outcome?: StepOutcome): number | 'closed' | undefined {
  const s = stepOf(no);
  if (s.branches) return outcome ? s.branches[outcome] : undefined;
  if (outcome) return undefined;
  return s.next ?? 'closed';
}

/** "1-2 jam" / "1-2 hours": the standard time as the SOP states it, from i18n unit words. */
export function standardLabel(s: IncidentStep, unitWord: (unit: Duration['unit'], amount: number) => string): string {
  const { min, max } = s.standard;
  const amount = min.amount === max.amount ? `${max.amount}` : `${min.amount}-${max.amount}`;
  return `${amount} ${unitWord(max.unit, max.amount)}`;
}
