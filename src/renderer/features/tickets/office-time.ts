/** Converts between instants and the office-local "YYYY-MM-DDTHH:mm" of datetime-local inputs (WIB/WITA/WIT have no DST). */
import type { OfficeZone } from '../../../shared/time-zone';

const OFFSET_MS: Record<OfficeZone, number> = { WIB: 7 * 3_600_000, WITA: 8 * 3_600_000, WIT: 9 * 3_600_000 };

/** The office-local input value of an instant. */
export function toOfficeInput(iso: string, zone: OfficeZone): string {
  return new Date(new Date(iso).getTime() + OFFSET_MS[zone]).toISOString().slice(0, 16);
}

/** The instant an office-local input value names; undefined when it is not a valid date and time. */
export function fromOfficeInput(local: string, zone: OfficeZone): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return undefined;
  const ms = Date.parse(`${local}:00.000Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms - OFFSET_MS[zone]).toISOString();
}
