/** Identity documents a visitor may leave at the desk, each with its own number check. */
import { z } from 'zod';
import { checkNik, normaliseNik } from './nik';

export const ID_TYPES = ['ktp', 'sim', 'passport', 'employee_card', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const idTypeSchema = z.enum(ID_TYPES);

/**
 * Checks a document number for its type. Returns the i18n key of the problem, or null.
 * KTP: a valid NIK. SIM: 12-14 digits. Passport: a letter and 6-8 more letters/digits
 * (Indonesian passports are one letter and seven digits). Others: 3-30 letters, digits, "-", "/", ".".
 */
export function idNumberProblem(type: IdType, raw: string): string | null {
  const value = raw.trim();
  if (value === '') return 'visit.errors.idNumberRequired';
  switch (type) {
    case 'ktp': {
      const r = checkNik(value);
      return r.ok ? null : `visit.errors.nik.${r.reason}`;
    }
    case 'sim':
      return /^\d{12,14}$/.test(value.replace(/[\s-]/g, '')) ? null : 'visit.errors.simFormat';
    case 'passport':
      return /^[A-Za-z][A-Za-z0-9]{6,8}$/.test(value) ? null : 'visit.errors.passportFormat';
    default:
      return /^[A-Za-z0-9][A-Za-z0-9\-/. ]{2,29}$/.test(value) ? null : 'visit.errors.idFormat';
  }
}

/** Normalises a document number for storage. */
export function normaliseIdNumber(type: IdType, raw: string): string {
  if (type === 'ktp') return normaliseNik(raw);
  if (type === 'sim') return raw.replace(/[\s-]/g, '');
  if (type === 'passport') return raw.trim().toUpperCase();
  return raw.trim();
}
