/** The office day's events (see kind.ts for what a payload schema pins). */
import { z } from 'zod';
import { BACKUP_TARGETS, DISRUPTION_SOURCES, MAINTENANCE_TASKS, NETWORK_ITEMS } from './state';

export const opsdayEvents = {
  'opsday.networkChecked': z.strictObject({ item: z.enum(NETWORK_ITEMS), ok: z.boolean(), note: z.string() }),
  'opsday.disruptionOpened': z.strictObject({ disruptionId: z.string(), source: z.enum(DISRUPTION_SOURCES), system: z.string(), startedAt: z.string(), actions: z.string() }),
  'opsday.disruptionResolved': z.strictObject({ disruptionId: z.string(), resolvedAt: z.string(), resolution: z.string() }),
  'opsday.backupRecorded': z.strictObject({ job: z.string(), target: z.enum(BACKUP_TARGETS), ok: z.boolean(), note: z.string() }),
  'opsday.backupVerified': z.strictObject({ verificationId: z.string(), job: z.string(), restoredTo: z.string(), ok: z.boolean(), note: z.string() }),
  'opsday.maintenanceLogged': z.strictObject({ entryId: z.string(), server: z.string(), tasks: z.array(z.enum(MAINTENANCE_TASKS)), notes: z.string() }),
};
