/**
 * NIK (Nomor Induk Kependudukan), the number on a KTP: 16 digits —
 * 2 province, 2 regency, 2 district, then DDMMYY of birth (DD + 40 for women), then 4 serial.
 */

export type NikCheck =
  | { ok: true; birthDate: { year2: number; month: number; day: number }; sex: 'male' | 'female' }
  | { ok: false; reason: 'empty' | 'not-digits' | 'length' | 'region' | 'birth-date' | 'serial' };

/** Days in a month for a two-digit year; a 00 year counts as a leap year (2000). */
function daysInMonth(month: number, year2: number): number {
  if (month === 2) return year2 % 4 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Validates an NIK and reads the birth date and sex it encodes. Spaces and dots are ignored. */
export function checkNik(raw: string): NikCheck {
  const nik = raw.replace(/[\s.]/g, '');
  if (nik === '') return { ok: false, reason: 'empty' };
  if (!/^\d+$/.test(nik)) return { ok: false, reason: 'not-digits' };
  if (nik.length !== 16) return { ok: false, reason: 'length' };
  const province = Number(nik.slice(0, 2));
  if (province < 11 || province > 99 || nik.slice(2, 4) === '00' || nik.slice(4, 6) === '00') return { ok: false, reason: 'region' };
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const year2 = Number(nik.slice(10, 12));
  const sex = day > 40 ? 'female' : 'male';
  if (sex === 'female') day -= 40;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month, year2)) return { ok: false, reason: 'birth-date' };
  if (nik.slice(12) === '0000') return { ok: false, reason: 'serial' };
  return { ok: true, birthDate: { year2, month, day }, sex };
}

/** Normalises an NIK for storage: digits only. */
export const normaliseNik = (raw: string): string => raw.replace(/[\s.]/g, '');

/** Shows only the last four digits: "************1234". */
export function maskIdNumber(idNumber: string): string {
  const tail = idNumber.slice(-4);
  return `${'•'.repeat(Math.max(0, idNumber.length - 4))}${tail}`;
}
