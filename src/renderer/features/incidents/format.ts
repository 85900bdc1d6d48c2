/** Display helpers for incident clocks: working durations and the SOP's standard times. */
import type { TFunction } from 'i18next';
import type { Duration } from '../../../shared/calendar';
import { standardLabel, stepOf } from '../../../shared/domain/incident/steps';
import type { OfficeZone } from '../../../shared/time-zone';

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

const OFFSET: Record<OfficeZone, string> = { WIB: '+07:00', WITA: '+08:00', WIT: '+09:00' };
const OFFSET_MS: Record<OfficeZone, number> = { WIB: 7 * 3_600_000, WITA: 8 * 3_600_000, WIT: 9 * 3_600_000 };

/** An instant as a datetime-local value ("2026-03-02T08:30") in the office's zone. */
export function toLocalInput(iso: string, zone: OfficeZone): string {
  return new Date(Date.parse(iso) + OFFSET_MS[zone]).toISOString().slice(0, 16);
}

/** A datetime-local value typed in the office's zone, as an ISO instant with its offset. */
export function fromLocalInput(value: string, zone: OfficeZone): string {
  return `${value}:00${OFFSET[zone]}`;
}

/** "1.2 MB" / "340 KB". */
export function formatBytes(size: number): string {
  return size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(size / 1024))} KB`;
}
