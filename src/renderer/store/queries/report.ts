/**
 * The rows of one month for the monthly report (src/shared/report/monthly.ts): tickets by
 * receivedAt, incidents by reportedAt and visits by registeredAt, each one index range over the
 * month; assets all (the device status is a snapshot of the whole inventory). Access requests:
 * the approvals, provisioning and revocations of the month may belong to requests submitted in
 * earlier months (a revocation years later), and resubmission moves `submittedAt` forward, so no
 * index range over submittedAt holds them all: the table is read whole (one row per request,
 * small next to the others). Visits that entered in the month were registered at most a day
 * before it (a visit lasts at most 12 h), so their range starts a day early.
 */
import type { OrgState } from '@shared/domain/org/state';
import { officeCalendar } from '@shared/domain/org/state';
import { monthRange, monthlyReport, type MonthlyReport } from '@shared/report/monthly';
import type { BackupSummary, NetworkSummary, RestoreSummary } from '@shared/report/summaries';
import { backupSummary, networkSummary } from '@shared/domain/ops/summary';
import { restoreSummary } from '@shared/domain/restore/summary';
import type { ConsoleDb } from '../db';

const DAY = 86_400_000;

/** The month's projections, read through the indexes. */
export async function loadMonth(db: ConsoleDb, month: string, org: Pick<OrgState, 'timeZone'>) {
  const { from, to } = monthRange(month, org.timeZone);
  const visitsFrom = new Date(Date.parse(from) - DAY).toISOString();
  const [tickets, incidents, visits, assets, access] = await Promise.all([
    db.tickets.where('receivedAt').between(from, to, true, false).toArray(),
    db.incidents.where('reportedAt').between(from, to, true, false).toArray(),
    db.visits.where('registeredAt').between(visitsFrom, to, true, false).toArray(),
    db.assets.toArray(),
    db.accessRequests.toArray(),
  ]);
  return { tickets, incidents, visits, assets, access };
}

/**
 * The backup, restore and network (morning checks, disruptions) summaries of the month from the daily-operations workflows: the office
 * days of the month (their id is the local date) and the restore requests made in it. A month
 * with no backup result or verification recorded, or no restore request, gives no summary: the
 * report then says there are no records rather than showing zeroes as if measured.
 */
export async function monthSummaries(db: ConsoleDb, month: string, org: Pick<OrgState, 'timeZone'>): Promise<{ backups?: BackupSummary; restores?: RestoreSummary; network?: NetworkSummary }> {
  const { from, to } = monthRange(month, org.timeZone);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const firstDay = `${month}-01`;
  const lastDay = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  const [days, restores] = await Promise.all([
    db.opsDays.where('id').between(firstDay, lastDay, true, true).toArray(),
    db.restores.where('requestedAt').between(from, to, true, false).toArray(),
  ]);
  return {
    backups: days.some((d) => d.backups.length > 0 || d.verifications.length > 0) ? backupSummary(days, firstDay, lastDay) : undefined,
    restores: restores.length > 0 ? restoreSummary(restores, from, to) : undefined,
    network: days.some((d) => Object.keys(d.checks).length > 0 || d.disruptions.length > 0) ? networkSummary(days, firstDay, lastDay) : undefined,
  };
}

/**
 * The monthly report of `month` for the office, at `now`. The backup and restore summaries come
 * from the daily-operations workflows (absent: the report says there are no records).
 */
export async function loadMonthlyReport(
  db: ConsoleDb,
  month: string,
  org: OrgState,
  now: Date,
): Promise<MonthlyReport> {
  const [rows, extra] = await Promise.all([loadMonth(db, month, org), monthSummaries(db, month, org)]);
  return monthlyReport({ month, zone: org.timeZone, calendar: officeCalendar(org), now, maintenanceMonths: org.maintenanceMonths, ...rows, ...extra });
}
