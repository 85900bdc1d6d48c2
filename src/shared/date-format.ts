/**
 * Dates and times as people read and type them, defined once for the console, the prints and
 * the exports. One style per context:
 *
 * | context          | date            | date and time            |
 * |------------------|-----------------|--------------------------|
 * | screens          | 5 Okt 2026      | 5 Okt 2026 14.05 WIB     |
 * | printed forms    | 5 Oktober 2026  | 5 Oktober 2026 14.05 WIB |
 * | typed in a field | 05/10/2026      | 05/10/2026 14:05         |
 *
 * (A month is typed "10/2026".)
 *
 * Instants are shown in the office's zone (WIB/WITA/WIT, no daylight saving). Typed values are
 * day/month/year and 24-hour in both UI languages (Indonesian and British English), whatever the
 * browser's locale; the forms still submit "YYYY-MM-DD", "HH:mm" and "YYYY-MM-DDTHH:mm".
 */
import { format, formatDate, formatDateTime, formatTime, localeOf, OFFICE_ZONES, type Lang, type OfficeZone } from './time-zone';

export { formatDate, formatDateTime, formatTime };
export type DateStyle = 'screen' | 'print';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A local calendar date ('YYYY-MM-DD'): "5 Okt 2026" on screens, "5 Oktober 2026" in print. */
export function formatLocalDate(date: string | undefined, lang: Lang, style: DateStyle = 'screen'): string {
  if (!date || !ISO_DATE.test(date)) return date || '—';
  return format(localeOf(lang), { timeZone: 'UTC', day: 'numeric', month: style === 'print' ? 'long' : 'short', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));
}

/** The date of an instant in the office's zone: "5 Okt 2026" / "5 Oktober 2026". */
export function formatDay(iso: string | undefined, zone: OfficeZone, lang: Lang, style: DateStyle = 'screen'): string {
  if (!iso) return '—';
  return format(localeOf(lang), { timeZone: OFFICE_ZONES[zone], day: 'numeric', month: style === 'print' ? 'long' : 'short', year: 'numeric' }).format(new Date(iso));
}

/** "5 Oktober 2026 14.05 WIB" for printed forms. */
export function formatPrintDateTime(iso: string | undefined, zone: OfficeZone, lang: Lang): string {
  if (!iso) return '—';
  return `${formatDay(iso, zone, lang, 'print')} ${formatTime(iso, zone, lang)}`;
}

/** "Okt 2026" / "Oktober 2026" for a month 'YYYY-MM'. */
export function formatMonth(month: string, lang: Lang, style: DateStyle = 'print'): string {
  return format(localeOf(lang), { timeZone: 'UTC', month: style === 'print' ? 'long' : 'short', year: 'numeric' }).format(new Date(`${month}-15T12:00:00Z`));
}

// ---- Typed dates and times ----------------------------------------------------------------

export type InputKind = 'date' | 'time' | 'datetime' | 'month';

/** What the field shows as its placeholder, in the UI language. */
export const INPUT_PATTERNS: Record<Lang, Record<InputKind, string>> = {
  id: { date: 'HH/BB/TTTT', time: 'JJ:MM', datetime: 'HH/BB/TTTT JJ:MM', month: 'BB/TTTT' },
  en: { date: 'DD/MM/YYYY', time: 'HH:MM', datetime: 'DD/MM/YYYY HH:MM', month: 'MM/YYYY' },
};

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso ? iso : undefined;
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
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);
  return kind === 'date' ? next : `${next}${value.slice(10)}`;
}

// ---- Office-local values of instants (WIB/WITA/WIT have no DST) -------------------------------

const OFFSET_MS: Record<OfficeZone, number> = { WIB: 7 * 3_600_000, WITA: 8 * 3_600_000, WIT: 9 * 3_600_000 };

/** The office-local "YYYY-MM-DDTHH:mm" of an instant. */
export function toOfficeInput(iso: string, zone: OfficeZone): string {
  return new Date(new Date(iso).getTime() + OFFSET_MS[zone]).toISOString().slice(0, 16);
}

/** The instant an office-local "YYYY-MM-DDTHH:mm" names; undefined when it is not a valid date and time. */
export function fromOfficeInput(local: string, zone: OfficeZone): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return undefined;
  const ms = Date.parse(`${local}:00.000Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms - OFFSET_MS[zone]).toISOString();
}
