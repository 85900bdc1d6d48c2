/** What the daily operations records hand to the monthly report (DOMAIN.md §7 "backup status"). */
import type { BackupSummary } from '../../report/summaries';
import type { OpsDayState } from './state';

/**
 * The backups of the days from `from` to `to` (office-local dates 'YYYY-MM-DD', both included):
 * each job's latest result per target on each day is one run; verifications are counted on the
 * day they were recorded. Days outside the period are ignored.
 */
export function backupSummary(days: OpsDayState[], from: string, to: string): BackupSummary {
  const inPeriod = days.filter((d) => d.id >= from && d.id <= to);
  const runs = inPeriod.flatMap((d) => d.backups);
  const verifications = inPeriod.flatMap((d) => d.verifications);
  const succeeded = runs.filter((r) => r.ok).length;
  return {
    daysRecorded: inPeriod.filter((d) => d.backups.length > 0).length,
    runs: runs.length,
    succeeded,
    failed: runs.length - succeeded,
    successRate: runs.length === 0 ? null : succeeded / runs.length,
    verifications: verifications.length,
    verificationsOk: verifications.filter((v) => v.ok).length,
  };
}
