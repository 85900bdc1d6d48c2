/**
 * Backup restore requests (DOMAIN.md §6, SOP 4 "Backup dan Restore Data" step 3-4): data is
 * restored only with the approval of the IT manager **and** the affected user, and within 1×24
 * hours of the request. The desk records the request (whose data, what, from which backup, why);
 * the IT Manager (admin, never the recorder) approves or refuses; the user's own approval (or
 * refusal) is recorded by the desk as the user gave it (in person, by phone, by email or on a
 * signed form); with both, the IT team performs the restore and verifies it with the user. A
 * completion after the 24 hours is accepted and flagged late.
 */
import { z } from 'zod';

export const RESTORE_DEADLINE_HOURS = 24;
const HOUR = 3_600_000;

export const RESTORE_SCOPES = ['files', 'folder', 'database', 'mailbox'] as const;
export type RestoreScope = (typeof RESTORE_SCOPES)[number];
export const RESTORE_SOURCES = ['local', 'cloud'] as const;
export type RestoreSource = (typeof RESTORE_SOURCES)[number];
export const RESTORE_REASONS = ['lost', 'corrupted', 'ransomware', 'hardware', 'other'] as const;
export type RestoreReason = (typeof RESTORE_REASONS)[number];
/** How the affected user gave their answer. */
export const CONFIRM_METHODS = ['in_person', 'phone', 'email', 'signed_form'] as const;
export type ConfirmMethod = (typeof CONFIRM_METHODS)[number];
export const VERIFICATIONS = ['ok', 'partial'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

/** requested: waiting for one or both approvals; approved: both given, the IT team's move. */
export const RESTORE_STATUSES = ['requested', 'approved', 'completed', 'refused', 'cancelled'] as const;
export type RestoreStatus = (typeof RESTORE_STATUSES)[number];

export interface ManagerDecision {
  by: string;
  at: string;
  note: string;
}

/** The affected user's answer, as the desk recorded it. */
export interface UserDecision {
  /** The user's name as they confirmed it. */
  name: string;
  method: ConfirmMethod;
  /** When the user gave it. */
  at: string;
  note: string;
  recordedBy: string;
  recordedAt: string;
}

export interface RestorePerformance {
  startedAt: string;
  completedAt: string;
  /** What was restored (files, folders, database, mailbox items). */
  restored: string;
  verification: Verification;
  verificationNote: string;
  by: string;
  recordedAt: string;
}

export interface RestoreState {
  id: string;
  /** PREFIX/RST/YYYYMMDD/XXXXX. */
  docNo: string;
  employeeId: string;
  /** The affected user as at the request. */
  employee: { name: string; nip: string; department: string; position: string };
  scope: RestoreScope;
  /** Path or description of what to restore. */
  target: string;
  /** The backup to restore from: its date (YYYY-MM-DD) and where it is kept. */
  backupDate: string;
  source: RestoreSource;
  reason: RestoreReason;
  reasonNote: string;
  /** When the user asked; the 1×24 h deadline runs from here. */
  requestedAt: string;
  dueAt: string;
  /** Who recorded the request: they may not approve it as IT Manager. */
  recordedBy: string;
  status: RestoreStatus;
  manager?: ManagerDecision;
  user?: UserDecision;
  /** Who refused (the IT Manager or the user), why. */
  refusal?: { party: 'manager' | 'user'; reason: string; by: string; at: string };
  performance?: RestorePerformance;
  /** Completed later than 24 hours after the request. */
  late?: boolean;
  cancelReason?: string;
  cancelledBy?: string;
  cancelledAt?: string;
  /** Whose move it is: 'admin' while the IT Manager has not decided, 'technician' once both approved. Indexed with requestedAt. */
  waitingRole?: 'admin' | 'technician';
  createdAt: string;
  updatedAt: string;
  hlc: string;
}

/** The deadline of a request made at `requestedAt`. */
export const restoreDueAt = (requestedAt: string): string => new Date(Date.parse(requestedAt) + RESTORE_DEADLINE_HOURS * HOUR).toISOString();

/** Whether a restore completed at `completedAt` missed its 1×24 h deadline. */
export const isLate = (requestedAt: string, completedAt: string): boolean => Date.parse(completedAt) > Date.parse(restoreDueAt(requestedAt));

/** The deadline clock: time left (negative: overdue), or null once the request is closed. */
export function deadlineLeft(r: Pick<RestoreState, 'status' | 'dueAt'>, now: Date): number | null {
  if (r.status !== 'requested' && r.status !== 'approved') return null;
  return Date.parse(r.dueAt) - now.getTime();
}

const iso = (key: string) => z.string().datetime({ offset: true, error: key });

export const restoreRequestSchema = z.object({
  employeeId: z.string().min(1, 'restore.errors.employee'),
  scope: z.enum(RESTORE_SCOPES, { error: 'restore.errors.scope' }),
  target: z.string().trim().min(3, 'restore.errors.target').max(500, 'restore.errors.tooLong'),
  backupDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'restore.errors.backupDate'),
  source: z.enum(RESTORE_SOURCES, { error: 'restore.errors.source' }),
  reason: z.enum(RESTORE_REASONS, { error: 'restore.errors.reason' }),
  reasonNote: z.string().trim().max(1000, 'restore.errors.tooLong'),
  requestedAt: iso('restore.errors.requestedAt'),
});
export type RestoreRequestForm = z.infer<typeof restoreRequestSchema>;

export const restorePerformSchema = z.object({
  startedAt: iso('restore.errors.startedAt'),
  completedAt: iso('restore.errors.completedAt'),
  restored: z.string().trim().min(3, 'restore.errors.restored').max(1000, 'restore.errors.tooLong'),
  verification: z.enum(VERIFICATIONS, { error: 'restore.errors.verification' }),
  verificationNote: z.string().trim().max(1000, 'restore.errors.tooLong'),
});
