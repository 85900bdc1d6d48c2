/**
 * What the daily-operations workflows hand to the monthly report (DOMAIN.md §7 "backup status:
 * success rate, verifications, restores"). The operations side computes them from its records;
 * the report only shows them.
 */

/** The morning network checks and the disruptions of one period (SOP 3), from the office days. */
export interface NetworkSummary {
  /** Days of the period with a morning check recorded (any item). */
  daysChecked: number;
  /** Item checks recorded (each item's latest check on each day). */
  checks: number;
  /** Of which found a problem. */
  problems: number;
  /** Per item (internet, lan, wifi, vpn, servers): checks found normal / with a problem. */
  byItem: Record<string, { ok: number; problem: number }>;
  /** Disruptions recorded on the period's days. */
  disruptions: number;
  resolved: number;
  /** Not resolved (yet). */
  open: number;
  /** Per source (isp, router, switch, userDevice, power, other). */
  bySource: Record<string, number>;
  /** Minutes from start to resolution of the resolved ones: average and longest; null when none. */
  avgMinutes: number | null;
  maxMinutes: number | null;
}

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
