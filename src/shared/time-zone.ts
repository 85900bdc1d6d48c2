/** Indonesia's three time zones and how times are shown in the office's zone. */
import { z } from 'zod';

export const OFFICE_ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;
export type OfficeZone = keyof typeof OFFICE_ZONES;
export const officeZoneSchema = z.enum(['WIB', 'WITA', 'WIT']);

const locales = { id: 'id-ID', en: 'en-GB' } as const;
export type Lang = keyof typeof locales;

/** Intl's locale for a UI language. */
export function localeOf(lang: Lang): string {
  return locales[lang];
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per shape.
const formats = new Map<string, Intl.DateTimeFormat>();
export function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** "5 Okt 2026 14.05 WIB": a date and time in the office's zone, with its abbreviation (screens). */
export function formatDateTime(iso: string | undefined, zone: OfficeZone, lang: Lang): string {
  if (!iso) return '—';
  const date = format(locales[lang], { timeZone: OFFICE_ZONES[zone], day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
  return `${date} ${formatTime(iso, zone, lang)}`;
}

/** "24 November 2026" in the office's zone (printed forms). */
export function formatDate(iso: string, zone: OfficeZone, lang: Lang): string {
  return format(locales[lang], { timeZone: OFFICE_ZONES[zone], day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

/** "14.05 WIB" in the office's zone. */
export function formatTime(iso: string | undefined, zone: OfficeZone, lang: Lang): string {
  if (!iso) return '—';
  const t = format(locales[lang], { timeZone: OFFICE_ZONES[zone], hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
  return `${t} ${zone}`;
}

/** The calendar date (YYYY-MM-DD) of an instant in the office's zone. */
export function localDate(iso: string, zone: OfficeZone): string {
  return format('en-CA', { timeZone: OFFICE_ZONES[zone], year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** The UTC instant at which a local calendar date (YYYY-MM-DD) starts in the office's zone. */
export function startOfLocalDay(date: string, zone: OfficeZone): string {
  const offsetHours = { WIB: 7, WITA: 8, WIT: 9 }[zone];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, -offsetHours)).toISOString();
}
