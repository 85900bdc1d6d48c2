/** The office's events: its profile as set up, and as changed (see kind.ts for what a payload schema pins). */
import { z } from 'zod';
import { officeZoneSchema } from '../../office-time';
import { slaSettingsPayload } from '../ticket/events';

const dayHours = z.strictObject({ start: z.string(), end: z.string() }).nullable();

/** The working calendar as `calendarSettingsSchema` gives it. */
export const calendarPayload = z.strictObject({
  hours: z.strictObject({ 1: dayHours, 2: dayHours, 3: dayHours, 4: dayHours, 5: dayHours, 6: dayHours, 7: dayHours }),
  extraDaysOff: z.array(z.strictObject({ date: z.string(), name: z.string() })),
  ignoredHolidays: z.array(z.string()),
});

/** The profile as `orgProfileSchema` gives it. */
const profile = z.strictObject({
  name: z.string(),
  unit: z.string(),
  address: z.string(),
  city: z.string().optional(),
  logoDataUrl: z.string().optional(),
  timeZone: officeZoneSchema,
  badgePool: z.array(z.string()),
  docPrefix: z.string(),
  idleLockMinutes: z.number(),
  calendar: calendarPayload.optional(),
  sla: slaSettingsPayload.optional(),
  maintenanceMonths: z.record(z.string(), z.number()).optional(),
  accessSystems: z.array(z.string()).optional(),
  backupJobs: z.array(z.string()).optional(),
});

export const orgEvents = {
  /** First run: the whole profile (its first admin is a 'user.created' of the same commit). */
  'org.setUp': profile,
  /** The fields an admin changed. */
  'org.updated': profile.partial(),
};
