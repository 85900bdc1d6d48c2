/**
 * The monthly management report (DOMAIN.md §7, SOP Tim IT 6 "Dokumentasi dan Laporan"): support
 * requests, device status, security incidents, access requests, server-room visits and backups
 * of one calendar month in the office's time zone. Pure: the screen, the print and the
 * spreadsheet all show what `monthlyReport()` returns for the rows the store hands it.
 *
 * - Month: [first day 00:00, first day of the next month 00:00) local time (WIB/WITA/WIT).
 * - Tickets: those received in the month. SLA met/breached is what the commands stored at the
 *   (latest) resolution (`slaMet`); a ticket whose clock still runs (or was reopened) counts as
 *   breached once its budget is used up at the report's reference time, else as pending.
 * - Devices: status and category of every asset as they are when the report is made (the
 *   projection keeps no status history); maintenance visits recorded in the month; assets
 *   overdue for maintenance at the reference time (the month's end, or now while it runs),
 *   rebuilt from the chain of custody and the maintenance log, so a visit made after the month
 *   does not hide that the asset was overdue at its end.
 * - Incidents: those reported in the month; working days from report to closing (stored at
 *   closing with the office calendar) and the step-9 → step-7 rework loops.
 * - Backups and restores, the morning network checks and the disruptions come from the
 *   daily-operations workflows as summaries; absent = no records.
 */
import { ACCESS_STATUSES } from '../domain/access/state';
import type { AccessRequestState } from '../domain/access/state';
import { ASSET_CATEGORIES, ASSET_STATUSES, maintenanceDue, type AssetCategory, type AssetState, type AssetStatus } from '../domain/asset/state';
import { INCIDENT_SEVERITIES, type IncidentSeverity, type IncidentState } from '../domain/incident/state';
import { INCIDENT_TARGET_WORKDAYS } from '../domain/incident/steps';
import { slaView } from '../domain/ticket/sla';
import { PRIORITIES, TICKET_CATEGORIES, isRunning, type Priority, type TicketCategory, type TicketState } from '../domain/ticket/state';
import type { VisitState } from '../domain/visit/state';
import type { WorkCalendar } from '../calendar';
import { startOfLocalDay, type OfficeZone } from '../office-time';
import type { BackupSummary, NetworkSummary, RestoreSummary } from './summaries';

export type Month = string;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for 'YYYY-MM'. */
export function isMonth(s: string): boolean {
  return MONTH_RE.test(s);
}

/** The month after 'YYYY-MM'. */
export function nextMonth(month: Month): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before 'YYYY-MM'. */
export function previousMonth(month: Month): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month's instants [from, to) in the office's zone, as ISO strings (UTC). */
export function monthRange(month: Month, zone: OfficeZone): { from: string; to: string } {
  return { from: startOfLocalDay(`${month}-01`, zone), to: startOfLocalDay(`${nextMonth(month)}-01`, zone) };
}

/** The month whose report is due now: the one before the current local month. */
export function reportMonthFor(localDate: string): Month {
  return previousMonth(localDate.slice(0, 7));
}

const MONTH_NAMES = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/** "November 2026" (id and en spell month names the same way here only by chance: use the table). */
export function monthName(month: Month, lang: 'id' | 'en'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[lang][m - 1]} ${y}`;
}

export interface SlaCounts {
  total: number;
  met: number;
  breached: number;
  /** Still within its SLA and not yet resolved. */
  pending: number;
}

export interface TicketSection extends SlaCounts {
  byPriority: Record<Priority, SlaCounts>;
  byCategory: Record<TicketCategory, number>;
  /** Resolved or closed by the reference time. */
  resolved: number;
  closed: number;
  /** Still open (new, classified, in progress). */
  open: number;
  /** Tickets whose fix the user did not confirm at least once. */
  reopened: number;
  /** met / (met + breached), or null when no ticket has an outcome yet. */
  metRate: number | null;
}

export interface AssetSection {
  total: number;
  byStatus: Record<AssetStatus, number>;
  byCategory: Record<AssetCategory, number>;
  /** Maintenance visits recorded in the month. */
  maintenanceDone: number;
  /** Distinct assets maintained in the month. */
  assetsMaintained: number;
  /** Assets assigned at the reference time and past their maintenance date then. */
  maintenanceOverdue: number;
  /** Assigned assets due within 14 days of the reference time. */
  maintenanceDueSoon: number;
}

export interface IncidentSection {
  total: number;
  closed: number;
  open: number;
  bySeverity: Record<IncidentSeverity, number>;
  /** Average working days from report to closing of the closed ones (null when none closed). */
  avgWorkingDays: number | null;
  maxWorkingDays: number | null;
  /** Closed within the SOP's 5 working days / later. */
  withinTarget: number;
  overTarget: number;
  /** Step 9 → 7 loops, all incidents of the month together. */
  reworkLoops: number;
  /** Incidents with at least one loop. */
  withRework: number;
  /** Closed incidents by working days: up to 2, over 2 up to 5, over 5. */
  daysBuckets: { upTo2: number; upTo5: number; over5: number };
}

export interface AccessSection {
  /** Forms submitted (first submissions and resubmissions) in the month. */
  submitted: number;
  returned: number;
  approved: number;
  /** Accesses created (grants) in the month. */
  provisioned: number;
  revoked: number;
  /** Requests submitted in the month by their status now. */
  byStatus: Record<(typeof ACCESS_STATUSES)[number], number>;
}

export interface VisitSection {
  registered: number;
  approved: number;
  refused: number;
  cancelled: number;
  /** Visitors who entered the server room in the month. */
  entered: number;
}

export interface MonthlyReport {
  month: Month;
  zone: OfficeZone;
  /** The month's range [from, to), ISO (UTC). */
  from: string;
  to: string;
  generatedAt: string;
  /** The instant snapshots are taken at: the month's end, or `now` while the month runs. */
  asOf: string;
  /** False while the month is not over (the figures are provisional). */
  complete: boolean;
  tickets: TicketSection;
  assets: AssetSection;
  incidents: IncidentSection;
  access: AccessSection;
  visits: VisitSection;
  /** Null: no backup records for the month. */
  backups: BackupSummary | null;
  /** Null: no restore records for the month. */
  restores: RestoreSummary | null;
  /** Null: no morning check or disruption recorded in the month. */
  network: NetworkSummary | null;
}

export interface MonthlyReportInput {
  month: Month;
  zone: OfficeZone;
  calendar: WorkCalendar;
  tickets: readonly TicketState[];
  assets: readonly AssetState[];
  incidents: readonly IncidentState[];
  access: readonly AccessRequestState[];
  visits: readonly VisitState[];
  now: Date | string;
  /** The office's maintenance interval per category (OrgState.maintenanceMonths). */
  maintenanceMonths?: Partial<Record<string, number>>;
  backups?: BackupSummary;
  restores?: RestoreSummary;
  network?: NetworkSummary;
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The SLA outcome of a ticket at `at`. */
export function slaOutcome(t: TicketState, at: Date, cal: WorkCalendar): 'met' | 'breached' | 'pending' {
  if (!isRunning(t.status) && t.slaMet !== undefined) return t.slaMet ? 'met' : 'breached';
  return slaView(t, at, cal).isBreached ? 'breached' : 'pending';
}

/**
 * The maintenance schedule of an asset at `at`: its current one when the asset was already
 * assigned and last maintained by then, else rebuilt from the custody entry open at `at` and
 * the last maintenance of that custody before `at`.
 */
export function maintenanceAt(
  a: Pick<AssetState, 'status' | 'maintBase' | 'category' | 'custody' | 'maintenance'>,
  settings: Partial<Record<string, number>> | undefined,
  at: string,
): ReturnType<typeof maintenanceDue> {
  if (a.status === 'assigned' && a.maintBase && a.maintBase <= at) return maintenanceDue(a, settings, at);
  const held = a.custody.find((c) => c.from <= at && (!c.to || c.to > at));
  if (!held) return null;
  const base = a.maintenance.reduce((b, m) => (m.at >= held.from && m.at <= at && m.at > b ? m.at : b), held.from);
  return maintenanceDue({ status: 'assigned', maintBase: base, category: a.category }, settings, at);
}

export function monthlyReport(input: MonthlyReportInput): MonthlyReport {
  const { month, zone, calendar } = input;
  if (!isMonth(month)) throw new Error(`not a month: ${month}`);
  const { from, to } = monthRange(month, zone);
  const now = typeof input.now === 'string' ? input.now : input.now.toISOString();
  const complete = now >= to;
  const asOf = complete ? to : now;
  const inMonth = (iso: string | undefined): iso is string => !!iso && iso >= from && iso < to;
  const upToAsOf = (iso: string | undefined): iso is string => !!iso && iso < asOf;

  // Support requests.
  const byPriority = Object.fromEntries(PRIORITIES.map((p) => [p, { total: 0, met: 0, breached: 0, pending: 0 }])) as Record<Priority, SlaCounts>;
  const tickets: TicketSection = { total: 0, met: 0, breached: 0, pending: 0, byPriority, byCategory: zeroes(TICKET_CATEGORIES), resolved: 0, closed: 0, open: 0, reopened: 0, metRate: null };
  for (const t of input.tickets) {
    if (!inMonth(t.receivedAt)) continue;
    const outcome = slaOutcome(t, new Date(asOf), calendar);
    tickets.total++;
    tickets[outcome]++;
    byPriority[t.priority].total++;
    byPriority[t.priority][outcome]++;
    tickets.byCategory[t.category]++;
    if (t.status === 'closed') tickets.closed++;
    if (t.status === 'resolved' || t.status === 'closed') tickets.resolved++;
    else tickets.open++;
    if (t.reopenCount > 0) tickets.reopened++;
  }
  const decided = tickets.met + tickets.breached;
  tickets.metRate = decided > 0 ? tickets.met / decided : null;

  // Device status.
  const assets: AssetSection = { total: 0, byStatus: zeroes(ASSET_STATUSES), byCategory: zeroes(ASSET_CATEGORIES), maintenanceDone: 0, assetsMaintained: 0, maintenanceOverdue: 0, maintenanceDueSoon: 0 };
  for (const a of input.assets) {
    if (!upToAsOf(a.createdAt)) continue;
    assets.total++;
    assets.byStatus[a.status]++;
    assets.byCategory[a.category]++;
    const done = a.maintenance.filter((m) => inMonth(m.at)).length;
    assets.maintenanceDone += done;
    if (done > 0) assets.assetsMaintained++;
    const due = maintenanceAt(a, input.maintenanceMonths, asOf);
    if (due?.state === 'overdue') assets.maintenanceOverdue++;
    else if (due?.state === 'due') assets.maintenanceDueSoon++;
  }

  // Security incidents.
  const incidents: IncidentSection = {
    total: 0, closed: 0, open: 0, bySeverity: zeroes(INCIDENT_SEVERITIES), avgWorkingDays: null, maxWorkingDays: null,
    withinTarget: 0, overTarget: 0, reworkLoops: 0, withRework: 0, daysBuckets: { upTo2: 0, upTo5: 0, over5: 0 },
  };
  const days: number[] = [];
  for (const i of input.incidents) {
    if (!inMonth(i.reportedAt)) continue;
    incidents.total++;
    incidents.bySeverity[i.severity]++;
    incidents.reworkLoops += i.reworkCount;
    if (i.reworkCount > 0) incidents.withRework++;
    if (i.status === 'closed' && upToAsOf(i.closedAt) && i.workingDays !== undefined) {
      incidents.closed++;
      days.push(i.workingDays);
      if (i.workingDays <= INCIDENT_TARGET_WORKDAYS.max) incidents.withinTarget++;
      else incidents.overTarget++;
      if (i.workingDays <= 2) incidents.daysBuckets.upTo2++;
      else if (i.workingDays <= 5) incidents.daysBuckets.upTo5++;
      else incidents.daysBuckets.over5++;
    } else incidents.open++;
  }
  if (days.length > 0) {
    incidents.avgWorkingDays = round1(days.reduce((a, b) => a + b, 0) / days.length);
    incidents.maxWorkingDays = round1(Math.max(...days));
  }

  // Access requests: what happened in the month, whenever the request was first made.
  const access: AccessSection = { submitted: 0, returned: 0, approved: 0, provisioned: 0, revoked: 0, byStatus: zeroes(ACCESS_STATUSES) };
  for (const r of input.access) {
    access.submitted += r.versions.filter((v) => inMonth(v.at)).length + (inMonth(r.submittedAt) ? 1 : 0);
    access.returned += r.versions.filter((v) => inMonth(v.returnedAt)).length + (r.status === 'returned' && inMonth(r.decidedAt) ? 1 : 0);
    if ((r.status === 'approved' || r.status === 'provisioned') && inMonth(r.decidedAt)) access.approved++;
    access.provisioned += r.grants.filter((g) => inMonth(g.grantedAt)).length;
    access.revoked += r.grants.filter((g) => inMonth(g.revokedAt)).length;
    if (inMonth(r.submittedAt)) access.byStatus[r.status]++;
  }

  // Server-room visits.
  const visits: VisitSection = { registered: 0, approved: 0, refused: 0, cancelled: 0, entered: 0 };
  for (const v of input.visits) {
    if (inMonth(v.registeredAt)) {
      visits.registered++;
      if (v.decision?.approved) visits.approved++;
      else if (v.decision && !v.decision.approved) visits.refused++;
      if (v.status === 'cancelled') visits.cancelled++;
    }
    if (inMonth(v.enteredAt)) visits.entered++;
  }

  return {
    month, zone, from, to, generatedAt: now, asOf, complete,
    tickets, assets, incidents, access, visits,
    backups: input.backups ?? null,
    restores: input.restores ?? null,
    network: input.network ?? null,
  };
}
