/**
 * Office time, defined once for the console, the server, the prints and the exports: the three
 * zones of Indonesia (WIB, WITA, WIT — fixed offsets, no daylight saving), the calendar date and
 * the `YYYY-MM-DDTHH:mm` value of an instant in the office's zone and back, and how dates and
 * times are shown and typed. Nothing here reads the zone of the machine it runs on: a browser or
 * server set to UTC or to another zone shows and reads the same office times.
 *
 * | context          | date            | date and time            |
 * |------------------|-----------------|--------------------------|
 * | screens          | 5 Okt 2026      | 5 Okt 2026 14.05 WIB     |
 * | printed forms    | 5 Oktober 2026  | 5 Oktober 2026 14.05 WIB |
 * | typed in a field | 05/10/2026      | 05/10/2026 14:05         |
 *
 * (A month is typed "10/2026".) Typed values are day/month/year and 24-hour in both UI languages
 * (Indonesian and British English), whatever the browser's locale; the forms submit
 * "YYYY-MM-DD", "HH:mm" and "YYYY-MM-DDTHH:mm" (office-local, turned into instants here).
 */
import { z } from 'zod';

// ---- Zones ---------------------------------------------------------------------------------

/** The office's zone by its abbreviation, and the IANA zone Intl formats it with. */
export const OFFICE_ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;
export type OfficeZone = keyof typeof OFFICE_ZONES;
export const officeZoneSchema = z.enum(['WIB', 'WITA', 'WIT']);

/** Hours ahead of UTC, all year round (Indonesia keeps no daylight saving). */
export const OFFICE_ZONE_OFFSET_HOURS: Readonly<Record<OfficeZone, number>> = { WIB: 7, WITA: 8, WIT: 9 };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The zone's offset from UTC in milliseconds. */
export function zoneOffsetMs(zone: OfficeZone): number {
  return OFFICE_ZONE_OFFSET_HOURS[zone] * HOUR_MS;
}

// ---- Calendar dates and office-local values ---------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** True when `date` is a real calendar date written 'YYYY-MM-DD' (no 31 February). */
export function isIsoDate(date: string): boolean {
  const m = ISO_DATE.exec(date);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date;
}

/** The date `n` days after (or before, when negative) a calendar date, both 'YYYY-MM-DD'. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The calendar date (YYYY-MM-DD) of an instant in the office's zone. */
export function localDate(iso: string, zone: OfficeZone): string {
  return new Date(Date.parse(iso) + zoneOffsetMs(zone)).toISOString().slice(0, 10);
}

/** The UTC instant at which a local calendar date (YYYY-MM-DD) starts in the office's zone. */
export function startOfLocalDay(date: string, zone: OfficeZone): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - zoneOffsetMs(zone)).toISOString();
}

/** The office-local "YYYY-MM-DDTHH:mm" of an instant (a date-time field's value). */
export function toOfficeInput(iso: string, zone: OfficeZone): string {
  return new Date(Date.parse(iso) + zoneOffsetMs(zone)).toISOString().slice(0, 16);
}

/**
 * An instant as a file name's stamp, in the office's zone (a file saved at 06:30 WIB carries
 * that day's date, not the day before in UTC): "YYYY-MM-DD", or with the time "YYYYMMDD-HHmm".
 */
export function fileStamp(iso: string, zone: OfficeZone, withTime = false): string {
  const local = toOfficeInput(iso, zone);
  return withTime ? `${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 16).replace(':', '')}` : local.slice(0, 10);
}

/**
 * The instant (ISO 8601, UTC) an office-local "YYYY-MM-DDTHH:mm" names; undefined when it is not
 * a real date and time (empty, another format, 30 February, 24:00).
 */
export function fromOfficeInput(local: string, zone: OfficeZone): string | undefined {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m || !isIsoDate(local.slice(0, 10)) || Number(m[4]) > 23 || Number(m[5]) > 59) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return new Date(ms - zoneOffsetMs(zone)).toISOString();
}

// ---- Shown dates and times --------------------------------------------------------------------

const locales = { id: 'id-ID', en: 'en-GB' } as const;
export type Lang = keyof typeof locales;
export type DateStyle = 'screen' | 'print';

/** Intl's locale for a UI language. */
export function localeOf(lang: Lang): string {
  return locales[lang];
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per shape.
const formats = new Map<string, Intl.DateTimeFormat>();
function intl(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locales[lang], options)));
  return f;
}

/** Noon UTC of a calendar date: formatted in UTC, it is that date in every locale. */
const noonOf = (date: string) => new Date(`${date}T12:00:00Z`);
const monthWidth = (style: DateStyle) => (style === 'print' ? 'long' : 'short');

/** "14.05 WIB" (id) / "14:05 WIB" (en) in the office's zone. */
export function formatTime(iso: string | undefined, zone: OfficeZone, lang: Lang): string {
  if (!iso) return '—';
  const t = intl(lang, { timeZone: OFFICE_ZONES[zone], hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
  return `${t} ${zone}`;
}

/** The date of an instant in the office's zone: "5 Okt 2026" on screens, "5 Oktober 2026" in print. */
export function formatDay(iso: string | undefined, zone: OfficeZone, lang: Lang, style: DateStyle = 'screen'): string {
  if (!iso) return '—';
  return intl(lang, { timeZone: OFFICE_ZONES[zone], day: 'numeric', month: monthWidth(style), year: 'numeric' }).format(new Date(iso));
}

/** "5 Okt 2026 14.05 WIB": a date and time in the office's zone, with its abbreviation (screens). */
export function formatDateTime(iso: string | undefined, zone: OfficeZone, lang: Lang): string {
  if (!iso) return '—';
  return `${formatDay(iso, zone, lang)} ${formatTime(iso, zone, lang)}`;
}

/** "5 Oktober 2026 14.05 WIB" for printed forms. */
export function formatPrintDateTime(iso: string | undefined, zone: OfficeZone, lang: Lang): string {
  if (!iso) return '—';
  return `${formatDay(iso, zone, lang, 'print')} ${formatTime(iso, zone, lang)}`;
}

/** A calendar date ('YYYY-MM-DD'): "5 Okt 2026" on screens, "5 Oktober 2026" in print; anything else as it is. */
export function formatLocalDate(date: string | undefined, lang: Lang, style: DateStyle = 'screen'): string {
  if (!date || !ISO_DATE.test(date)) return date || '—';
  return intl(lang, { timeZone: 'UTC', day: 'numeric', month: monthWidth(style), year: 'numeric' }).format(noonOf(date));
}

/** "25 Des" / "25 Dec": a calendar date without its year. */
export function formatDayMonth(date: string, lang: Lang): string {
  return intl(lang, { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(noonOf(date));
}

/** "Senin" / "Monday" (long) or "Sen" / "Mon" (short): the weekday of a calendar date. */
export function formatWeekday(date: string, lang: Lang, width: 'long' | 'short' = 'long'): string {
  return intl(lang, { timeZone: 'UTC', weekday: width }).format(noonOf(date));
}

/** "Okt 2026" / "Oktober 2026" for a month 'YYYY-MM'. */
export function formatMonth(month: string, lang: Lang, style: DateStyle = 'print'): string {
  return intl(lang, { timeZone: 'UTC', month: monthWidth(style), year: 'numeric' }).format(new Date(`${month}-15T12:00:00Z`));
}

// ---- Typed dates and times ----------------------------------------------------------------

export type InputKind = 'date' | 'time' | 'datetime' | 'month';

/** What the field shows as its placeholder, in the UI language. */
export const INPUT_PATTERNS: Record<Lang, Record<InputKind, string>> = {
  id: { date: 'HH/BB/TTTT', time: 'JJ:MM', datetime: 'HH/BB/TTTT JJ:MM', month: 'BB/TTTT' },
  en: { date: 'DD/MM/YYYY', time: 'HH:MM', datetime: 'DD/MM/YYYY HH:MM', month: 'MM/YYYY' },
};

function validDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2199) return undefined;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** "05/10/2026", "5-10-2026", "5.10.26" or "2026-10-05" → '2026-10-05'; undefined when not a real date. */
export function parseDateText(text: string): string | undefined {
  const s = text.trim();
  const iso = ISO_DATE.exec(s);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{2}|\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!dmy) return undefined;
  const y = dmy[3]!.length === 2 ? 2000 + Number(dmy[3]) : Number(dmy[3]);
  return validDate(y, Number(dmy[2]), Number(dmy[1]));
}

/** "7:30", "07.30", "0730" or "14:05" → 'HH:mm' (24-hour); undefined otherwise. */
export function parseTimeText(text: string): string | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2})|(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]), min = Number(m[2] ?? m[3] ?? '0');
  if (h > 23 || min > 59) return undefined;
  return `${pad(h)}:${pad(min)}`;
}

/** "05/10/2026 14:05" → '2026-10-05T14:05'; undefined otherwise. */
export function parseDateTimeText(text: string): string | undefined {
  const m = /^(\S+)(?:\s+|T)(\S+)$/.exec(text.trim());
  if (!m) return undefined;
  const d = parseDateText(m[1]!), t = parseTimeText(m[2]!);
  return d && t ? `${d}T${t}` : undefined;
}

/** "03/2026", "3-2026" or "2026-03" → '2026-03'; undefined otherwise. */
export function parseMonthText(text: string): string | undefined {
  const s = text.trim();
  const ym = /^(\d{4})-(\d{1,2})$/.exec(s);
  const my = ym ? null : /^(\d{1,2})[/.\-\s](\d{4})$/.exec(s);
  const [y, m] = ym ? [Number(ym[1]), Number(ym[2])] : my ? [Number(my[2]), Number(my[1])] : [0, 0];
  return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 ? `${y}-${pad(m)}` : undefined;
}

/** Parses typed text of a kind into the value the form submits. */
export function parseInputText(kind: InputKind, text: string): string | undefined {
  return kind === 'date' ? parseDateText(text) : kind === 'time' ? parseTimeText(text) : kind === 'month' ? parseMonthText(text) : parseDateTimeText(text);
}

/** The text a field shows for a submitted value ('2026-10-05' → '05/10/2026'); the value itself when it is not one. */
export function inputText(kind: InputKind, value: string | undefined): string {
  if (!value) return '';
  const dateText = (d: string) => (ISO_DATE.test(d) ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : undefined);
  if (kind === 'date') return dateText(value) ?? value;
  if (kind === 'time') return value;
  if (kind === 'month') return /^\d{4}-\d{2}$/.test(value) ? `${value.slice(5, 7)}/${value.slice(0, 4)}` : value;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value);
  return m ? `${dateText(m[1]!)} ${m[2]}` : value;
}

/** Moves a value by a step (arrow keys): a day for dates and date-times, a minute for times, a month for months. */
export function stepValue(kind: InputKind, value: string, by: number): string | undefined {
  if (kind === 'month') {
    if (!/^\d{4}-\d{2}$/.test(value)) return undefined;
    const n = Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7)) - 1 + by;
    return `${Math.floor(n / 12)}-${pad((n % 12) + 1)}`;
  }
  if (kind === 'time') {
    if (!/^\d{2}:\d{2}$/.test(value)) return undefined;
    const total = (((Number(value.slice(0, 2)) * 60 + Number(value.slice(3)) + by) % 1440) + 1440) % 1440;
    return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
  }
  const date = value.slice(0, 10);
  if (!ISO_DATE.test(date)) return undefined;
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10);
  return kind === 'date' ? next : `${next}${value.slice(10)}`;
}
