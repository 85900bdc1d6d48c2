/** Display helpers for incident clocks: working durations and the SOP's standard times. */
import type { TFunction } from 'i18next';
import type { Duration } from '@shared/calendar';
import { standardLabel, stepOf } from '@shared/domain/incident/steps';

/** "2 j 15 m" / "2 h 15 m" (working time). Days are shown as working days of the office. */
export function formatWorking(t: TFunction, ms: number, dayMs = 8.5 * 3_600_000): string {
  const minutes = Math.round(ms / 60_000);
  if (ms >= dayMs * 2) return t('incident.clock.days', { n: Math.round((ms / dayMs) * 10) / 10 });
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? t('incident.clock.hoursMinutes', { h, m }) : t('incident.clock.minutes', { m });
}

/** "1-2 jam" / "1-2 hours": a step's standard time in the UI language. */
export function standardText(t: TFunction, step: number): string {
  return standardLabel(stepOf(step), (unit: Duration['unit'], amount: number) => t(`incident.units.${unit}`, { count: amount }));
}

/** "1.2 MB" / "340 KB". */
export function formatBytes(size: number): string {
  return size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(size / 1024))} KB`;
}
