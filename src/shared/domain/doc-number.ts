/**
 * Document numbers of the office's forms: PREFIX/CODE/YYYYMMDD/XXXXX — the office's prefix, the
 * form's code (ARS visit, BAST/BAPB handover/return, IMP the holders an inventory import named, TKT ticket, INS incident, PAS access
 * request, RST restore), the date in the office's zone, and the last five hex digits of the
 * record's id (unique enough within a day, and the same on every console without a counter).
 */
import { localDate, type OfficeZone } from '../office-time';

export type DocCode = 'ARS' | 'BAST' | 'BAPB' | 'IMP' | 'TKT' | 'INS' | 'PAS' | 'RST';

export function docNumber(prefix: string, code: DocCode, id: string, at: string, zone: OfficeZone): string {
  return `${prefix}/${code}/${localDate(at, zone).replaceAll('-', '')}/${id.replaceAll('-', '').slice(-5).toUpperCase()}`;
}
