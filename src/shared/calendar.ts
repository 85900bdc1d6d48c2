/**
 * The office's working-day calendar: its time zone (WIB, WITA or WIT — fixed offsets, no
 * daylight saving), working hours per weekday, weekends, Indonesia's national holidays (from
 * the maintained `date-holidays` data) and the year's cuti bersama days an admin adds. Pure
 * functions answer "deadline = start + duration" (calendar or working time) and "working time
 * elapsed between two instants". Everything is computed on local dates in the office's zone.
 */
import { z } from 'zod';
import { HOLIDAY_YEARS, NATIONAL_HOLIDAYS } from './holidays.generated';
import { isIsoDate, zoneOffsetMs, type OfficeZone } from './office-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'calendar.errors.time');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'calendar.errors.date');

/** One weekday's working hours, "08:00"–"16:00"; null = not a working day. */
export const dayHoursSchema = z
  .object({ start: hhmm, end: hhmm })
  .refine((h) => h.end > h.start, { message: 'calendar.errors.endBeforeStart', path: ['end'] })
  .nullable();

/** The calendar settings an admin edits. Weekdays are ISO: 1 = Monday … 7 = Sunday. */
export const calendarSettingsSchema = z.object({
  hours: z.object({
    1: dayHoursSchema, 2: dayHoursSchema, 3: dayHoursSchema, 4: dayHoursSchema, 5: dayHoursSchema, 6: dayHoursSchema, 7: dayHoursSchema,
  }),
  /** Cuti bersama and other office-wide days off, added or imported by an admin each year. */
  extraDaysOff: z.array(z.object({ date: isoDate, name: z.string().trim().min(1, 'calendar.errors.name').max(120, 'calendar.errors.name') })).max(200),
  /** National holidays the office works anyway (or whose date the government moved). */
  ignoredHolidays: z.array(isoDate).max(100),
});
export type CalendarSettings = z.infer<typeof calendarSettingsSchema>;
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A common government schedule: Monday–Thursday 07:30–16:00, Friday 07:30–16:30. */
export const DEFAULT_CALENDAR: CalendarSettings = {
  hours: {
    1: { start: '07:30', end: '16:00' },
    2: { start: '07:30', end: '16:00' },
    3: { start: '07:30', end: '16:00' },
    4: { start: '07:30', end: '16:00' },
    5: { start: '07:30', end: '16:30' },
    6: null,
    7: null,
  },
  extraDaysOff: [],
  ignoredHolidays: [],
};

export interface DayOff {
  date: string;
  name: string;
  /** The English name of a national holiday (days off an admin adds have one name). */
  nameEn?: string;
  kind: 'national' | 'extra';
}

const nationalCache = new Map<number, DayOff[]>();

/** The years the national holiday table covers (outside them an admin adds the days off). */
export const NATIONAL_HOLIDAY_YEARS = HOLIDAY_YEARS;

/** Indonesia's national public holidays of a year, from the generated table (empty outside its years). */
export function nationalHolidays(year: number): DayOff[] {
  let list = nationalCache.get(year);
  if (!list) {
    list = NATIONAL_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`)).map((h) => ({ date: h.date, name: h.name, nameEn: h.nameEn, kind: 'national' as const }));
    nationalCache.set(year, list);
  }
  return list;
}

/** A calendar ready for the functions below. Build it once per settings change. */
export interface WorkCalendar {
  zone: OfficeZone;
  settings: CalendarSettings;
  /** Local date → why the office is closed. */
  daysOff(year: number): Map<string, DayOff>;
}

export function workCalendar(zone: OfficeZone, settings: CalendarSettings = DEFAULT_CALENDAR): WorkCalendar {
  const byYear = new Map<number, Map<string, DayOff>>();
  const ignored = new Set(settings.ignoredHolidays);
  return {
    zone,
    settings,
    daysOff(year) {
      let map = byYear.get(year);
      if (!map) {
        map = new Map();
        for (const h of nationalHolidays(year)) if (!ignored.has(h.date) && !map.has(h.date)) map.set(h.date, h);
        for (const d of settings.extraDaysOff) if (d.date.startsWith(`${year}-`)) map.set(d.date, { ...d, kind: 'extra' });
        byYear.set(year, map);
      }
      return map;
    },
  };
}

const offset = (cal: WorkCalendar) => zoneOffsetMs(cal.zone);
const pad = (n: number) => String(n).padStart(2, '0');
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** The local day containing an instant: its date, weekday and midnight (as an epoch ms). */
function localDay(cal: WorkCalendar, ms: number): { date: string; year: number; weekday: Weekday; midnight: number } {
  const local = new Date(ms + offset(cal));
  const y = local.getUTCFullYear(), m = local.getUTCMonth(), d = local.getUTCDate();
  const midnight = Date.UTC(y, m, d) - offset(cal);
  return { date: `${y}-${pad(m + 1)}-${pad(d)}`, year: y, weekday: (((local.getUTCDay() + 6) % 7) + 1) as Weekday, midnight };
}

/** Why the office is closed on a local date ('YYYY-MM-DD'), if it is a holiday or day off. */
export function dayOff(cal: WorkCalendar, date: string): DayOff | undefined {
  return cal.daysOff(Number(date.slice(0, 4))).get(date);
}

/** The working window [start, end) of the local day containing `ms`, or null on a day off. */
function window(cal: WorkCalendar, ms: number): { day: ReturnType<typeof localDay>; open: number; close: number } | { day: ReturnType<typeof localDay>; open: null; close: null } {
  const day = localDay(cal, ms);
  const hours = cal.settings.hours[day.weekday];
  if (!hours || cal.daysOff(day.year).has(day.date)) return { day, open: null, close: null };
  return { day, open: day.midnight + minutesOf(hours.start) * MINUTE, close: day.midnight + minutesOf(hours.end) * MINUTE };
}

/** True when the local date is a working day (a weekday with hours, not a holiday or day off). */
export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 12) - offset(cal);
  return window(cal, ms).open !== null;
}

/** True when the office is open at that instant. */
export function isWorkingTime(cal: WorkCalendar, at: Date): boolean {
  const w = window(cal, at.getTime());
  return w.open !== null && at.getTime() >= w.open && at.getTime() < w.close;
}

// No office is closed for ten years in a row: a guard against a calendar with no working hours.
const MAX_DAYS_SCANNED = 3700;

/**
 * The instant when `durationMs` of working time has passed after `start`. Time outside working
 * hours, on weekends, holidays and days off does not count; a start outside working hours
 * counts from the next opening. Throws when the calendar has no working time at all.
 */
export function addWorkingTime(cal: WorkCalendar, start: Date, durationMs: number): Date {
  let t = start.getTime();
  let left = durationMs;
  if (left <= 0) return new Date(t);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    const w = window(cal, t);
    if (w.open !== null) {
      if (t < w.open) t = w.open;
      if (t < w.close) {
        const available = w.close - t;
        if (left <= available) return new Date(t + left);
        left -= available;
      }
    }
    t = w.day.midnight + DAY;
  }
  throw new Error('calendar has no working time');
}

/** Working time (ms) between two instants; 0 when `to` is not after `from`. */
export function workingTimeBetween(cal: WorkCalendar, from: Date, to: Date): number {
  let t = from.getTime();
  const end = to.getTime();
  let total = 0;
  for (let i = 0; t < end && i < MAX_DAYS_SCANNED * 2; i++) {
    const w = window(cal, t);
    if (w.open !== null) {
      const a = Math.max(t, w.open);
      const b = Math.min(end, w.close);
      if (b > a) total += b - a;
    }
    t = w.day.midnight + DAY;
  }
  return total;
}

/** The length of a standard working day (Monday's hours, or the first working weekday's). */
export function workingDayMs(cal: WorkCalendar): number {
  for (const d of [1, 2, 3, 4, 5, 6, 7] as const) {
    const h = cal.settings.hours[d];
    if (h) return (minutesOf(h.end) - minutesOf(h.start)) * MINUTE;
  }
  return 8 * HOUR;
}

/** A duration as the SOPs state them: "20 minutes", "4 hours", "1 working day", "1×24 hours". */
export interface Duration {
  amount: number;
  unit: 'minutes' | 'hours' | 'workdays';
  /** 'working': only working time counts; 'calendar': the clock runs day and night. */
  basis: 'working' | 'calendar';
}

const unitMs = (cal: WorkCalendar, unit: Duration['unit']) => (unit === 'minutes' ? MINUTE : unit === 'hours' ? HOUR : workingDayMs(cal));

/** The duration in ms of working (or calendar) time. A working day is one standard day's hours. */
export function durationMs(cal: WorkCalendar, d: Duration): number {
  if (d.basis === 'calendar' && d.unit === 'workdays') return d.amount * DAY;
  return d.amount * unitMs(cal, d.unit);
}

/** deadline = start + duration, in working or calendar time. */
export function deadline(cal: WorkCalendar, start: Date, d: Duration): Date {
  const ms = durationMs(cal, d);
  return d.basis === 'calendar' ? new Date(start.getTime() + ms) : addWorkingTime(cal, start, ms);
}

/** Time spent between two instants on the duration's basis (working or calendar). */
export function elapsed(cal: WorkCalendar, from: Date, to: Date, basis: Duration['basis']): number {
  return basis === 'calendar' ? Math.max(0, to.getTime() - from.getTime()) : workingTimeBetween(cal, from, to);
}

/** Working days elapsed between two instants (fractional: working time / a standard day). */
export function workingDaysBetween(cal: WorkCalendar, from: Date, to: Date): number {
  return workingTimeBetween(cal, from, to) / workingDayMs(cal);
}

/** The local date ('YYYY-MM-DD') of an instant in the office's zone. */
export function localDate(cal: WorkCalendar, at: Date): string {
  return localDay(cal, at.getTime()).date;
}

/**
 * Reads cuti bersama lines an admin pastes or imports: "2026-03-18; Cuti bersama Idul Fitri"
 * (also "," or tab separated, or "18/03/2026 …"). Returns the days and the lines it could not read.
 */
export function parseDaysOff(text: string): { days: { date: string; name: string }[]; bad: number[] } {
  const days: { date: string; name: string }[] = [];
  const bad: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = /^(\d{4})-(\d{2})-(\d{2})\s*[;,\t]?\s*(.*)$/.exec(line) ?? null;
    const dmy = m ? null : /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*[;,\t]?\s*(.*)$/.exec(line);
    const [y, mo, d, name] = m ? [m[1], m[2], m[3], m[4]] : dmy ? [dmy[3], pad(Number(dmy[2])), pad(Number(dmy[1])), dmy[4]] : [];
    const date = `${y}-${mo}-${d}`;
    if (!y || !isIsoDate(date)) {
      bad.push(i + 1);
      return;
    }
    days.push({ date, name: name?.trim() || 'Cuti bersama' });
  });
  return { days, bad };
}

/** A closed stretch a working-time clock skipped: a named day off, or weekdays without hours. */
export type SkippedSpan =
  | { kind: 'holiday'; date: string; name: string; nameEn?: string; national: boolean }
  | { kind: 'closed'; from: string; to: string; weekdays: Weekday[] };

/** Why a due time is where it is: the basis it was counted on and what it skipped. */
export interface DueExplanation {
  basis: Duration['basis'];
  /** Days off and closed weekdays between the start and the due time (working basis only). */
  skipped: SkippedSpan[];
  /** Evenings, nights or mornings outside working hours were skipped (working basis only). */
  afterHours: boolean;
}

/**
 * Explains a due time counted from `from` on a basis: on clock hours nothing is skipped; on
 * working hours the days off (by name), the closed weekdays (grouped, "Sabtu–Minggu") and any
 * time outside working hours between `from` and `due`.
 */
export function explainDue(cal: WorkCalendar, from: Date, due: Date, basis: Duration['basis']): DueExplanation {
  const out: DueExplanation = { basis, skipped: [], afterHours: false };
  if (basis === 'calendar' || due.getTime() <= from.getTime()) return out;
  const a = from.getTime(), b = due.getTime();
  let t = a;
  for (let i = 0; t < b && i < MAX_DAYS_SCANNED; i++) {
    const w = window(cal, t);
    const dayStart = Math.max(a, w.day.midnight), dayEnd = Math.min(b, w.day.midnight + DAY);
    const off = cal.daysOff(w.day.year).get(w.day.date);
    if (off) {
      out.skipped.push({ kind: 'holiday', date: off.date, name: off.name, ...(off.nameEn ? { nameEn: off.nameEn } : {}), national: off.kind === 'national' });
    } else if (w.open === null) {
      const last = out.skipped.at(-1);
      const prev = localDay(cal, w.day.midnight - DAY).date;
      if (last?.kind === 'closed' && last.to === prev) {
        last.to = w.day.date;
        last.weekdays.push(w.day.weekday);
      } else out.skipped.push({ kind: 'closed', from: w.day.date, to: w.day.date, weekdays: [w.day.weekday] });
    } else {
      const inside = Math.max(0, Math.min(dayEnd, w.close) - Math.max(dayStart, w.open));
      if (dayEnd - dayStart > inside) out.afterHours = true;
    }
    t = w.day.midnight + DAY;
  }
  return out;
}
