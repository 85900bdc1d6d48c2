/** The restore request's events (see kind.ts for what a payload schema pins). */
import { z } from 'zod';
import { employeeSnapshotPayload } from '../employee/events';
import { CONFIRM_METHODS, RESTORE_REASONS, RESTORE_SCOPES, RESTORE_SOURCES, VERIFICATIONS } from './state';

/** The affected user's answer as the desk recorded it. */
const userAnswer = z.strictObject({ name: z.string(), method: z.enum(CONFIRM_METHODS), confirmedAt: z.string(), note: z.string() });

export const restoreEvents = {
  'restore.requested': z.strictObject({
    docNo: z.string(),
    employee: employeeSnapshotPayload,
    employeeId: z.string(),
    scope: z.enum(RESTORE_SCOPES),
    target: z.string(),
    backupDate: z.string(),
    source: z.enum(RESTORE_SOURCES),
    reason: z.enum(RESTORE_REASONS),
    reasonNote: z.string(),
    requestedAt: z.string(),
  }),
  'restore.managerApproved': z.strictObject({ note: z.string() }),
  'restore.managerRefused': z.strictObject({ note: z.string() }),
  'restore.userConfirmed': userAnswer,
  'restore.userRefused': userAnswer,
  'restore.performed': z.strictObject({
    startedAt: z.string(),
    completedAt: z.string(),
    restored: z.string(),
    verification: z.enum(VERIFICATIONS),
    verificationNote: z.string(),
  }),
  'restore.cancelled': z.strictObject({ reason: z.string() }),
};
