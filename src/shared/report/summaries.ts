/**
 * What the daily-operations workflows hand to the monthly report (DOMAIN.md §7 "backup status:
 * success rate, verifications, restores"). The operations side computes them from its records;
 * the report only shows them.
 */

/** Backups of one period (daily automatic backups, local and cloud, and their weekly verification). */
export interface BackupSummary {
  /** Days of the period with at least one backup result recorded. */
  daysRecorded: number;
  /** Backup runs recorded (each job on each day, local or cloud). */
  runs: number;
  succeeded: number;
  failed: number;
  /** succeeded / runs, or null when nothing was recorded. */
  successRate: number | null;
  /** Weekly verifications (a backup restored on a test target and checked). */
  verifications: number;
  verificationsOk: number;
}

/** Restore requests of one period (approved by the IT manager and the affected user, done within 1×24 h). */
export interface RestoreSummary {
  requested: number;
  completed: number;
  /** Completed within 24 hours of the request. */
  withinDeadline: number;
  /** Completed later than 24 hours after the request. */
  late: number;
  /** Refused or cancelled. */
  notDone: number;
}
