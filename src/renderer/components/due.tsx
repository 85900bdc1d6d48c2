/**
 * Says how a due time was counted: on clock hours or working hours, and on working hours what
 * the clock skipped ("Natal 25 Des; Sabtu–Minggu 26–27 Des; di luar jam kerja"). Used by the
 * ticket and incident screens (a line under the due time) and their queues (the tooltip).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { officeCalendar } from '@shared/domain/org/state';
import { explainDue, type Duration, type SkippedSpan, type WorkCalendar } from '@shared/calendar';
import { formatDayMonth, formatWeekday, type Lang } from '@shared/office-time';
import { useLang, useOrg } from '../app/hooks';
import './due.css';

/** The office's working-day calendar, rebuilt only when its settings change. */
export function useWorkCalendar(): WorkCalendar {
  const org = useOrg();
  return useMemo(() => officeCalendar(org ?? undefined), [org?.timeZone, org?.calendar]); // eslint-disable-line react-hooks/exhaustive-deps
}

function spanText(s: SkippedSpan, lang: Lang): string {
  if (s.kind === 'holiday') return `${lang === 'en' && s.nameEn ? s.nameEn : s.name} ${formatDayMonth(s.date, lang)}`;
  if (s.from === s.to) return `${formatWeekday(s.from, lang)} ${formatDayMonth(s.from, lang)}`;
  const sameMonth = s.from.slice(0, 7) === s.to.slice(0, 7);
  const days = sameMonth ? `${Number(s.from.slice(8))}–${formatDayMonth(s.to, lang)}` : `${formatDayMonth(s.from, lang)} – ${formatDayMonth(s.to, lang)}`;
  return `${formatWeekday(s.from, lang)}–${formatWeekday(s.to, lang)} ${days}`;
}

export interface DueText {
  basis: Duration['basis'];
  /** "Dihitung dalam jam kerja." */
  basisText: string;
  /** "Tidak dihitung: Natal 25 Des; Sabtu–Minggu 26–27 Des." or '' (clock hours, or nothing skipped). */
  skippedText: string;
}

/** The explanation of a due time counted from `from`, as text in the UI language. */
export function useDueText(): (cal: WorkCalendar, from: string | undefined, due: string | undefined, basis: Duration['basis']) => DueText {
  const { t } = useTranslation();
  const lang = useLang();
  return (cal, from, due, basis) => {
    const x = from && due ? explainDue(cal, new Date(from), new Date(due), basis) : { basis, skipped: [], afterHours: false };
    const parts = x.skipped.slice(0, 8).map((s) => spanText(s, lang));
    if (x.skipped.length > 8) parts.push('…');
    if (x.afterHours) parts.push(t('clock.afterHours'));
    return { basis, basisText: t(`clock.basis.${basis}`), skippedText: parts.length ? t('clock.skipped', { list: parts.join('; ') }) : '' };
  };
}

/** The explanation as a tooltip: one line for the basis, one for what was skipped. */
export function dueTitle(text: DueText): string {
  return [text.basisText, text.skippedText].filter(Boolean).join('\n');
}

/** The explanation as a line under a due time. */
export function DueExplain({ cal, from, due, basis }: { cal: WorkCalendar; from?: string; due?: string; basis: Duration['basis'] }) {
  const text = useDueText()(cal, from, due, basis);
  return (
    <div className="cell-sub due-explain" data-testid="due-explain" data-basis={basis}>
      {text.basisText}
      {text.skippedText && ` ${text.skippedText}`}
    </div>
  );
}
