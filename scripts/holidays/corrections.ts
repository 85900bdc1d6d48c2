/**
 * Reviewed corrections to the `date-holidays` data for Indonesia, checked against the official
 * list of each year: the joint decree of three ministers (SKB 3 Menteri: Menteri Agama, Menteri
 * Ketenagakerjaan, Menteri PANRB) "tentang Hari Libur Nasional dan Cuti Bersama". Only what the
 * library gets wrong is listed; every row names its source. Review this table each year when the
 * new SKB is published, then run `npm run holidays`.
 */
import type { HolidayKey } from '../../src/shared/holidays.generated';

export interface DateCorrection {
  key: HolidayKey;
  /** The date the library gives. */
  libraryDate: string;
  /** The official date. */
  date: string;
  source: string;
}

const skb = (year: number) => `SKB 3 Menteri tentang Hari Libur Nasional dan Cuti Bersama Tahun ${year}`;

/** Dates the library computes from the lunar calendar differently from the decree. */
export const DATE_CORRECTIONS: readonly DateCorrection[] = [
  { key: 'idulAdha', libraryDate: '2024-06-16', date: '2024-06-17', source: skb(2024) },
  { key: 'maulid', libraryDate: '2024-09-15', date: '2024-09-16', source: skb(2024) },
  { key: 'idulFitri', libraryDate: '2025-03-30', date: '2025-03-31', source: skb(2025) },
  { key: 'idulFitri', libraryDate: '2025-03-31', date: '2025-04-01', source: skb(2025) },
  { key: 'islamicNewYear', libraryDate: '2025-06-26', date: '2025-06-27', source: skb(2025) },
  { key: 'idulFitri', libraryDate: '2026-03-20', date: '2026-03-21', source: skb(2026) },
  { key: 'idulFitri', libraryDate: '2026-03-21', date: '2026-03-22', source: skb(2026) },
];

/**
 * Corrections that hold every year:
 * - the library names 27 Rajab (Isra Mikraj) "Maulid Nabi Muhammad" (e.g. 16 Jan 2026);
 * - the library has no Easter Sunday (Kebangkitan Yesus Kristus / Paskah), a national holiday
 *   in every SKB since 2024: added two days after Good Friday.
 * The names are the decree's (without the era year, e.g. "Idul Fitri" not "Idul Fitri 1447 H").
 */
export const NAME_SOURCE = skb(2026);

/** The decree's names (id) and their English names, per holiday. */
export const HOLIDAY_NAMES: Record<HolidayKey, { id: string; en: string }> = {
  newYear: { id: 'Tahun Baru Masehi', en: "New Year's Day" },
  israMiraj: { id: 'Isra Mikraj Nabi Muhammad SAW', en: "Isra Mi'raj of the Prophet Muhammad" },
  imlek: { id: 'Tahun Baru Imlek', en: 'Chinese New Year' },
  nyepi: { id: 'Hari Suci Nyepi (Tahun Baru Saka)', en: 'Nyepi (Saka New Year)' },
  idulFitri: { id: 'Idul Fitri', en: 'Eid al-Fitr' },
  goodFriday: { id: 'Wafat Yesus Kristus', en: 'Good Friday' },
  easter: { id: 'Kebangkitan Yesus Kristus (Paskah)', en: 'Easter Sunday' },
  labour: { id: 'Hari Buruh Internasional', en: 'Labour Day' },
  ascension: { id: 'Kenaikan Yesus Kristus', en: 'Ascension Day' },
  waisak: { id: 'Hari Raya Waisak', en: 'Vesak Day' },
  pancasila: { id: 'Hari Lahir Pancasila', en: 'Pancasila Day' },
  idulAdha: { id: 'Idul Adha', en: 'Eid al-Adha' },
  islamicNewYear: { id: 'Tahun Baru Islam (1 Muharam)', en: 'Islamic New Year' },
  independence: { id: 'Proklamasi Kemerdekaan RI', en: 'Independence Day' },
  maulid: { id: 'Maulid Nabi Muhammad SAW', en: 'Birthday of the Prophet Muhammad' },
  christmas: { id: 'Natal', en: 'Christmas Day' },
};
