/** Small pieces the daily operations screen shares: office dates, durations, the saved notice. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { addDays, formatWeekday, type Lang } from '@shared/office-time';
import './ops.css';

/** The `n` dates ending with `date`, oldest first. */
export const daysEnding = (date: string, n: number): string[] => Array.from({ length: n }, (_, i) => addDays(date, i - n + 1));

/** "2 jam 15 menit" from minutes. */
export function formatDuration(minutes: number, t: TFunction): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t('ops.duration.days', { d, h, m });
  if (h > 0) return t('ops.duration.hours', { h, m });
  return t('ops.duration.minutes', { m });
}

/** "Sen, 02/03" for a grid column, in the UI language. */
export function shortDay(date: string, lang: Lang): string {
  return `${formatWeekday(date, lang, 'short')} ${date.slice(8, 10)}/${date.slice(5, 7)}`;
}

export { errorFor, formLevel } from '@renderer/components/kit/form-errors';

export function Saved({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div className="banner banner-ok" role="status">
      {text}
    </div>
  );
}

export function RowError({ message }: { message?: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <div className="field-error" role="alert">
      {t(message)}
    </div>
  );
}
