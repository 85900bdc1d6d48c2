/** The office's profile and settings (one record, id 'org'). */
import { z } from 'zod';
import { officeZoneSchema, type OfficeZone } from '../../office-time';
import { slaSettingsSchema, type SlaSettings } from '../ticket/state';
import { calendarSettingsSchema, DEFAULT_CALENDAR, workCalendar, type CalendarSettings, type WorkCalendar } from '../../calendar';

export const ORG_ID = 'org';

export interface OrgState {
  id: typeof ORG_ID;
  name: string;
  unit: string;
  address: string;
  /** The city printed before the date of signed documents ("Makassar, 1 Desember 2026"); see officeCity. */
  city?: string;
  /** A small image as a data: URL, printed on the letterhead. */
  logoDataUrl?: string;
  timeZone: OfficeZone;
  /** Server-room badge numbers the desk may issue. */
  badgePool: string[];
  /** Prefix of document numbers, e.g. "TIK". */
  docPrefix: string;
  /** Minutes of inactivity before the console locks. */
  idleLockMinutes: number;
  /** Working hours and days off for SLA clocks and incident steps; DEFAULT_CALENDAR when unset. */
  calendar?: CalendarSettings;
  /** Ticket follow-up time per priority; DEFAULT_SLA when unset. */
  sla?: SlaSettings;
  /** Months between maintenance visits per asset category (SOP 2; default 3). */
  maintenanceMonths?: Partial<Record<string, number>>;
  /** Systems access can be requested for (SOP-IT-003); DEFAULT_ACCESS_SYSTEMS when unset. */
  accessSystems?: string[];
  /** Backup jobs whose daily results are recorded (SOP 4); DEFAULT_BACKUP_JOBS when unset. */
  backupJobs?: string[];
  updatedAt: string;
  /** The HLC of the last event folded in. */
  hlc: string;
}

/**
 * The office's city for the place-and-date line of its documents: the profile's city, or else
 * the address's last part without its postal code ("…, Makassar 90111" → "Makassar").
 */
export function officeCity(org: Pick<OrgState, 'city' | 'address'>): string {
  if (org.city?.trim()) return org.city.trim();
  const last = org.address.split(/[,\n]/).map((s) => s.trim()).filter(Boolean).at(-1) ?? '';
  return last.replace(/\b\d{5}\b/g, '').replace(/\s+/g, ' ').trim();
}

/** The editable profile fields, validated with i18n-key messages. */
export const orgProfileSchema = z.object({
  name: z.string().trim().min(3, 'setup.errors.orgName').max(120, 'setup.errors.orgName'),
  unit: z.string().trim().max(120, 'setup.errors.tooLong'),
  address: z.string().trim().min(5, 'setup.errors.address').max(300, 'setup.errors.tooLong'),
  city: z.string().trim().max(60, 'setup.errors.tooLong').optional(),
  logoDataUrl: z
    .string()
    .max(300_000, 'setup.errors.logoTooBig')
    .regex(/^data:image\/(png|jpeg|svg\+xml);base64,/, 'setup.errors.logoType')
    .optional(),
  timeZone: officeZoneSchema,
  badgePool: z
    .array(z.string().trim().min(1).max(20))
    .min(1, 'setup.errors.badgePool')
    .max(500, 'setup.errors.badgePool')
    .refine((list) => new Set(list).size === list.length, 'setup.errors.badgeDuplicate'),
  docPrefix: z.string().trim().regex(/^[A-Za-z0-9.-]{1,20}$/, 'setup.errors.docPrefix'),
  idleLockMinutes: z.number().int('setup.errors.idleLock').min(1, 'setup.errors.idleLock').max(240, 'setup.errors.idleLock'),
  calendar: calendarSettingsSchema.optional(),
  sla: slaSettingsSchema.optional(),
  maintenanceMonths: z.record(z.string(), z.number().int('asset.errors.interval').min(1, 'asset.errors.interval').max(24, 'asset.errors.interval')).optional(),
  accessSystems: z
    .array(z.string().trim().min(1, 'access.errors.system').max(60, 'access.errors.tooLong'))
    .min(1, 'access.errors.systemsEmpty')
    .max(100, 'access.errors.systemsTooMany')
    .refine((list) => new Set(list.map((s) => s.toLowerCase())).size === list.length, 'access.errors.systemsDuplicate')
    .optional(),
  backupJobs: z
    .array(z.string().trim().min(1, 'ops.errors.job').max(80, 'ops.errors.tooLong'))
    .min(1, 'ops.errors.jobsEmpty')
    .max(50, 'ops.errors.jobsTooMany')
    .refine((list) => new Set(list.map((s) => s.toLowerCase())).size === list.length, 'ops.errors.jobsDuplicate')
    .optional(),
});
export type OrgProfile = z.infer<typeof orgProfileSchema>;

/**
 * Reads a badge pool as typed by an admin: "B-01..B-20, TAMU-1" expands ranges whose ends
 * share a prefix and differ in their trailing number, keeping the zero padding.
 */
export function parseBadgePool(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,;\n]+/).map((p) => p.trim()).filter(Boolean)) {
    const range = /^(.*?)(\d+)\s*(?:\.\.|–|-{2})\s*\1?(\d+)$/.exec(part);
    if (range) {
      const [, prefix = '', from = '', to = ''] = range;
      const a = Number(from), b = Number(to);
      if (b >= a && b - a < 500) {
        for (let n = a; n <= b; n++) out.push(`${prefix}${String(n).padStart(from.length, '0')}`);
        continue;
      }
    }
    out.push(part);
  }
  return out;
}

/** The office's working-day calendar (its zone, hours, holidays and cuti bersama). */
export function officeCalendar(org: Pick<OrgState, 'timeZone' | 'calendar'> | undefined): WorkCalendar {
  return workCalendar(org?.timeZone ?? 'WIB', org?.calendar ?? DEFAULT_CALENDAR);
}
