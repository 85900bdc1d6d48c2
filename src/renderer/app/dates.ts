/** The screens' date styles (src/shared/office-time.ts) in the office's zone and the UI language. */
import { useMemo } from 'react';
import { formatDateTime, formatDay, formatLocalDate } from '@shared/office-time';
import { useLang, useOrg } from './hooks';

export interface ScreenDates {
  /** "5 Okt 2026 14.05 WIB" */
  dateTime: (iso?: string) => string;
  /** "5 Okt 2026", the day of an instant in the office's zone. */
  day: (iso?: string) => string;
  /** "5 Okt 2026", a calendar date 'YYYY-MM-DD'. */
  date: (date?: string) => string;
}

export function useScreenDates(): ScreenDates {
  const org = useOrg();
  const lang = useLang();
  const zone = org?.timeZone ?? 'WIB';
  return useMemo(() => ({ dateTime: (iso) => formatDateTime(iso, zone, lang), day: (iso) => formatDay(iso, zone, lang), date: (d) => formatLocalDate(d, lang) }), [zone, lang]);
}
