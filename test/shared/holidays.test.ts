import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holidayTableSource } from '../../scripts/holidays/table';
import { DATE_CORRECTIONS } from '../../scripts/holidays/corrections';
import { nationalHolidays, workCalendar, dayOff } from '@shared/calendar';
import { HOLIDAY_YEARS, NATIONAL_HOLIDAYS } from '@shared/holidays.generated';

// The official lists, typed from the decrees (SKB 3 Menteri tentang Hari Libur Nasional dan
// Cuti Bersama Tahun 2025 / Tahun 2026) — national holidays only, not cuti bersama.
const OFFICIAL_2025: [string, RegExp][] = [
  ['2025-01-01', /Tahun Baru Masehi/], ['2025-01-27', /Isra Mikraj/], ['2025-01-29', /Imlek/], ['2025-03-29', /Nyepi/],
  ['2025-03-31', /Idul Fitri/], ['2025-04-01', /Idul Fitri/], ['2025-04-18', /Wafat Yesus Kristus/], ['2025-04-20', /Paskah/],
  ['2025-05-01', /Buruh/], ['2025-05-12', /Waisak/], ['2025-05-29', /Kenaikan Yesus Kristus/], ['2025-06-01', /Pancasila/],
  ['2025-06-06', /Idul Adha/], ['2025-06-27', /Tahun Baru Islam/], ['2025-08-17', /Kemerdekaan/], ['2025-09-05', /Maulid Nabi/],
  ['2025-12-25', /Natal/],
];
const OFFICIAL_2026: [string, RegExp][] = [
  ['2026-01-01', /Tahun Baru Masehi/], ['2026-01-16', /Isra Mikraj/], ['2026-02-17', /Imlek/], ['2026-03-19', /Nyepi/],
  ['2026-03-21', /Idul Fitri/], ['2026-03-22', /Idul Fitri/], ['2026-04-03', /Wafat Yesus Kristus/], ['2026-04-05', /Paskah/],
  ['2026-05-01', /Buruh/], ['2026-05-14', /Kenaikan Yesus Kristus/], ['2026-05-27', /Idul Adha/], ['2026-05-31', /Waisak/],
  ['2026-06-01', /Pancasila/], ['2026-06-16', /Tahun Baru Islam/], ['2026-08-17', /Kemerdekaan/], ['2026-08-25', /Maulid Nabi/],
  ['2026-12-25', /Natal/],
];

describe('the generated national holiday table', () => {
  it.each([
    [2025, OFFICIAL_2025],
    [2026, OFFICIAL_2026],
  ])('matches the official %i list exactly, dates and names', (year, official) => {
    const table = nationalHolidays(year);
    expect(table.map((h) => h.date)).toEqual(official.map(([d]) => d));
    official.forEach(([, name], i) => expect(table[i]!.name).toMatch(name));
  });

  it("names 16 Jan 2026 Isra Mi'raj, not Maulid Nabi, in both languages", () => {
    const cal = workCalendar('WIB');
    expect(dayOff(cal, '2026-01-16')).toMatchObject({ name: 'Isra Mikraj Nabi Muhammad SAW', nameEn: "Isra Mi'raj of the Prophet Muhammad" });
    // Only one Maulid a year (two in a Gregorian year only when the lunar year wraps, never a mislabelled Isra Mikraj).
    for (let y = HOLIDAY_YEARS.first; y <= HOLIDAY_YEARS.last; y++) {
      for (const h of NATIONAL_HOLIDAYS.filter((x) => x.date.startsWith(`${y}-`) && x.key === 'maulid')) expect(h.name).toBe('Maulid Nabi Muhammad SAW');
    }
  });

  it('covers the office years 2024–2035, sorted, each with Easter and the fixed days', () => {
    expect(HOLIDAY_YEARS).toEqual({ first: 2024, last: 2035 });
    const dates = NATIONAL_HOLIDAYS.map((h) => h.date);
    expect([...dates].sort()).toEqual(dates);
    for (let y = 2024; y <= 2035; y++) {
      const keys = NATIONAL_HOLIDAYS.filter((h) => h.date.startsWith(`${y}-`)).map((h) => h.key);
      for (const k of ['newYear', 'easter', 'goodFriday', 'independence', 'christmas', 'idulFitri'] as const) expect(keys).toContain(k);
    }
    expect(nationalHolidays(2040)).toEqual([]);
  });

  it('every correction names its source and is applied', () => {
    for (const c of DATE_CORRECTIONS) {
      expect(c.source).toMatch(/SKB 3 Menteri/);
      expect(NATIONAL_HOLIDAYS.find((h) => h.date === c.date && h.key === c.key)?.source).toBe(c.source);
    }
  });

  it('the checked-in file is what the script generates (run `npm run holidays` after changing it)', () => {
    const file = readFileSync(new URL('../../src/shared/holidays.generated.ts', import.meta.url), 'utf8');
    expect(file).toBe(holidayTableSource());
  });

  it('the console and the server no longer load date-holidays at run time', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.dependencies['date-holidays']).toBeUndefined();
    expect(pkg.devDependencies['date-holidays']).toBeDefined();
    expect(readFileSync(new URL('../../src/shared/calendar.ts', import.meta.url), 'utf8')).not.toMatch(/from 'date-holidays'/);
  });
});
