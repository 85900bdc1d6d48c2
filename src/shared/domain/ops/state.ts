/**
 * Daily operations (DOMAIN.md §6, SOP Tim IT SOP 3 "Manajemen Jaringan dan Server" and SOP 4
 * "Backup dan Restore Data"): one record per office day, its id the calendar date
 * ('YYYY-MM-DD') in the office's zone, so two consoles recording the same day add events to
 * the same record and the fold merges them. A day holds the morning network check (internet,
 * LAN, WiFi, VPN, servers: OK or a problem with a note; the latest check of an item counts,
 * the events keep the history), the disruptions that started that day (source, affected
 * system, actions, resolution and its time — resolved later stays on its start day), the
 * daily backup results per job and target, the weekly verification of a backup, and the
 * weekly server maintenance log.
 */
import { z } from 'zod';
import { isIsoDate } from '../../office-time';

export const NETWORK_ITEMS = ['internet', 'lan', 'wifi', 'vpn', 'servers'] as const;
export type NetworkItem = (typeof NETWORK_ITEMS)[number];

export const DISRUPTION_SOURCES = ['isp', 'router', 'switch', 'userDevice', 'power', 'other'] as const;
export type DisruptionSource = (typeof DISRUPTION_SOURCES)[number];

export const BACKUP_TARGETS = ['local', 'cloud'] as const;
export type BackupTarget = (typeof BACKUP_TARGETS)[number];

export const MAINTENANCE_TASKS = ['updates', 'diskSpace', 'logsReviewed', 'servicesRestarted', 'hardwareChecked'] as const;
export type MaintenanceTask = (typeof MAINTENANCE_TASKS)[number];

/** The backup jobs an office runs when it has not set its own list. */
export const DEFAULT_BACKUP_JOBS = ['Server file harian', 'Database aplikasi', 'Email kantor'] as const;

/** The office's list of backup jobs. */
export function backupJobs(org: { backupJobs?: readonly string[] } | undefined): readonly string[] {
  return org?.backupJobs && org.backupJobs.length > 0 ? org.backupJobs : DEFAULT_BACKUP_JOBS;
}

export interface NetworkCheck {
  item: NetworkItem;
  ok: boolean;
  note: string;
  at: string;
  by: string;
}

export interface Disruption {
  id: string;
  source: DisruptionSource;
  /** The affected system or service ("Internet lantai 2", "Server file"…). */
  system: string;
  startedAt: string;
  /** What was done, as recorded when opened and when resolved. */
  actions: string;
  openedAt: string;
  openedBy: string;
  resolvedAt?: string;
  resolution?: string;
  resolvedBy?: string;
  /** Minutes from start to resolution. */
  minutes?: number;
}

export interface BackupRun {
  job: string;
  target: BackupTarget;
  ok: boolean;
  note: string;
  at: string;
  by: string;
}

export interface BackupVerification {
  id: string;
  job: string;
  /** Where the backup was restored for the test (a test server, a folder…). */
  restoredTo: string;
  ok: boolean;
  note: string;
  at: string;
  by: string;
}

export interface MaintenanceEntry {
  id: string;
  server: string;
  tasks: MaintenanceTask[];
  notes: string;
  at: string;
  by: string;
}

export interface OpsDayState {
  /** The office-local date, 'YYYY-MM-DD'. */
  id: string;
  /** The latest check of each item. */
  checks: Partial<Record<NetworkItem, NetworkCheck>>;
  disruptions: Disruption[];
  /** Disruptions not resolved yet (indexed: the screen lists them from every day). */
  openDisruptions: number;
  /** The latest result of each job and target. */
  backups: BackupRun[];
  verifications: BackupVerification[];
  maintenance: MaintenanceEntry[];
  createdAt: string;
  updatedAt: string;
  hlc: string;
}

/** An empty day, as the first event of a day finds it. */
export function emptyDay(id: string, at: string, hlc: string): OpsDayState {
  return { id, checks: {}, disruptions: [], openDisruptions: 0, backups: [], verifications: [], maintenance: [], createdAt: at, updatedAt: at, hlc };
}

/** Minutes between two instants, rounded down. */
export const minutesBetween = (from: string, to: string): number => Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 60_000));

export const opsDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ops.errors.date')
  .refine(isIsoDate, 'ops.errors.date');

const isoSchema = (message: string) => z.string().refine((s) => !Number.isNaN(Date.parse(s)), message);

export const networkCheckSchema = z.object({
  item: z.enum(NETWORK_ITEMS, { error: 'ops.errors.item' }),
  ok: z.boolean({ error: 'ops.errors.result' }),
  note: z.string().trim().max(500, 'ops.errors.tooLong'),
});

export const disruptionOpenSchema = z.object({
  disruptionId: z.string().min(1),
  source: z.enum(DISRUPTION_SOURCES, { error: 'ops.errors.source' }),
  system: z.string().trim().min(2, 'ops.errors.system').max(120, 'ops.errors.tooLong'),
  startedAt: isoSchema('ops.errors.startedAt'),
  actions: z.string().trim().max(1000, 'ops.errors.tooLong'),
});

export const disruptionResolveSchema = z.object({
  disruptionId: z.string().min(1),
  resolvedAt: isoSchema('ops.errors.resolvedAt'),
  resolution: z.string().trim().min(5, 'ops.errors.resolution').max(1000, 'ops.errors.tooLong'),
});

export const backupRunSchema = z.object({
  job: z.string().trim().min(1, 'ops.errors.job').max(80, 'ops.errors.tooLong'),
  target: z.enum(BACKUP_TARGETS, { error: 'ops.errors.target' }),
  ok: z.boolean({ error: 'ops.errors.result' }),
  note: z.string().trim().max(500, 'ops.errors.tooLong'),
});

export const verificationSchema = z.object({
  verificationId: z.string().min(1),
  job: z.string().trim().min(1, 'ops.errors.job').max(80, 'ops.errors.tooLong'),
  restoredTo: z.string().trim().min(2, 'ops.errors.restoredTo').max(120, 'ops.errors.tooLong'),
  ok: z.boolean({ error: 'ops.errors.result' }),
  note: z.string().trim().max(500, 'ops.errors.tooLong'),
});

export const maintenanceSchema = z.object({
  entryId: z.string().min(1),
  server: z.string().trim().min(2, 'ops.errors.server').max(80, 'ops.errors.tooLong'),
  tasks: z
    .array(z.enum(MAINTENANCE_TASKS, { error: 'ops.errors.tasks' }))
    .min(1, 'ops.errors.tasks')
    .refine((l) => new Set(l).size === l.length, 'ops.errors.tasks'),
  notes: z.string().trim().max(1000, 'ops.errors.tooLong'),
});
