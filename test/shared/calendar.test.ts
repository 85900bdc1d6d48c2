import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CALENDAR, addWorkingTime, explainDue, calendarSettingsSchema, dayOff, deadline, isWorkingDay, isWorkingTime, nationalHolidays, parseDaysOff,
  workCalendar, workingDaysBetween, workingTimeBetween, type CalendarSettings,
} from '@shared/calendar';

const H = 3_600_000;
const eightToFour: CalendarSettings = {
  hours: { 1: { start: '08:00', end: '16:00' }, 2: { start: '08:00', end: '16:00' }, 3: { start: '08:00', end: '16:00' }, 4: { start: '08:00', end: '16:00' }, 5: { start: '08:00', end: '16:00' }, 6: null, 7: null },
  extraDaysOff: [],
  ignoredHolidays: [],
};

describe('national holidays (the generated table)', () => {
  it('knows the fixed and the moving holidays of a year', () => {
    const dates = nationalHolidays(2026).map((h) => h.date);
    expect(dates).toContain('2026-01-01');
    expect(dates).toContain('2026-08-17');
    expect(dates).toContain('2026-06-01');
    expect(dates).toContain('2026-12-25');
    // Idul Fitri moves every year.
    expect(nationalHolidays(2026).some((h) => /Idul Fitri/.test(h.name))).toBe(true);
    expect(nationalHolidays(2027).find((h) => /Idul Fitri/.test(h.name))?.date).not.toBe(nationalHolidays(2026).find((h) => /Idul Fitri/.test(h.name))?.date);
  });
});

describe('working-day calendar', () => {
  it('a 1-working-day step started Friday 16:00 WITA before a holiday Monday ends Tuesday at closing', () => {
    const cal = workCalendar('WITA', eightToFour);
    expect(isWorkingDay(cal, '2026-06-01')).toBe(false); // Hari Lahir Pancasila, a Monday
    const start = new Date('2026-05-29T16:00:00+08:00'); // Friday 16:00 WITA, at closing
    const due = deadline(cal, start, { amount: 1, unit: 'workdays', basis: 'working' });
    expect(due.toISOString()).toBe(new Date('2026-06-02T16:00:00+08:00').toISOString());
    // One hour before closing on Friday: 1 h on Friday, the other 7 h on Tuesday.
    expect(deadline(cal, new Date('2026-05-29T15:00:00+08:00'), { amount: 1, unit: 'workdays', basis: 'working' }).toISOString()).toBe(
      new Date('2026-06-02T15:00:00+08:00').toISOString(),
    );
  });

  it('a deadline across the year end skips New Year and the weekend', () => {
    const cal = workCalendar('WIB', eightToFour);
    const start = new Date('2026-12-31T14:00:00+07:00'); // Thursday
    expect(addWorkingTime(cal, start, 4 * H).toISOString()).toBe(new Date('2027-01-04T10:00:00+07:00').toISOString());
    expect(workingTimeBetween(cal, start, new Date('2027-01-04T10:00:00+07:00'))).toBe(4 * H);
  });

  it('cuti bersama added by an admin is a day off; an ignored national holiday is a working day', () => {
    const withCuti = workCalendar('WIB', { ...eightToFour, extraDaysOff: [{ date: '2026-12-24', name: 'Cuti bersama Natal' }] });
    expect(dayOff(withCuti, '2026-12-24')).toEqual({ date: '2026-12-24', name: 'Cuti bersama Natal', kind: 'extra' });
    const start = new Date('2026-12-23T15:00:00+07:00'); // Wednesday
    // 1 h on the 23rd; the 24th is cuti bersama, the 25th Christmas, then the weekend: Monday 28th.
    expect(addWorkingTime(withCuti, start, 2 * H).toISOString()).toBe(new Date('2026-12-28T09:00:00+07:00').toISOString());
    const ignoring = workCalendar('WIB', { ...eightToFour, ignoredHolidays: ['2026-12-25'] });
    expect(isWorkingDay(ignoring, '2026-12-25')).toBe(true);
  });

  it('counts only working hours between two instants, in the office zone', () => {
    const wib = workCalendar('WIB', eightToFour);
    const wit = workCalendar('WIT', eightToFour);
    const from = new Date('2026-11-23T01:00:00Z'); // Monday 08:00 WIB, 10:00 WIT
    const to = new Date('2026-11-23T09:00:00Z'); // Monday 16:00 WIB, 18:00 WIT
    expect(workingTimeBetween(wib, from, to)).toBe(8 * H);
    expect(workingTimeBetween(wit, from, to)).toBe(6 * H);
    expect(workingTimeBetween(wib, to, from)).toBe(0);
    // A whole week: five days of eight hours.
    expect(workingDaysBetween(wib, new Date('2026-11-23T00:00:00+07:00'), new Date('2026-11-30T00:00:00+07:00'))).toBe(5);
    expect(isWorkingTime(wib, new Date('2026-11-23T07:59:00+07:00'))).toBe(false);
    expect(isWorkingTime(wib, new Date('2026-11-23T08:00:00+07:00'))).toBe(true);
    expect(isWorkingTime(wib, new Date('2026-11-28T10:00:00+07:00'))).toBe(false); // Saturday
  });

  it('a start before opening counts from the opening; calendar time runs day and night', () => {
    const cal = workCalendar('WIB', eightToFour);
    const early = new Date('2026-11-24T06:00:00+07:00');
    expect(deadline(cal, early, { amount: 4, unit: 'hours', basis: 'working' }).toISOString()).toBe(new Date('2026-11-24T12:00:00+07:00').toISOString());
    expect(deadline(cal, early, { amount: 4, unit: 'hours', basis: 'calendar' }).toISOString()).toBe(new Date('2026-11-24T10:00:00+07:00').toISOString());
    expect(deadline(cal, early, { amount: 1, unit: 'workdays', basis: 'calendar' }).toISOString()).toBe(new Date('2026-11-25T06:00:00+07:00').toISOString());
    expect(deadline(cal, early, { amount: 0, unit: 'hours', basis: 'working' }).toISOString()).toBe(early.toISOString());
  });

  it('uses the default government hours (Friday until 16:30) and refuses a calendar with no working time', () => {
    const cal = workCalendar('WIB', DEFAULT_CALENDAR);
    expect(addWorkingTime(cal, new Date('2026-11-27T16:00:00+07:00'), 30 * 60_000).toISOString()).toBe(new Date('2026-11-27T16:30:00+07:00').toISOString());
    const closed = workCalendar('WIB', { ...eightToFour, hours: { 1: null, 2: null, 3: null, 4: null, 5: null, 6: null, 7: null } });
    expect(() => addWorkingTime(closed, new Date(), H)).toThrow();
  });

  it('validates settings with i18n messages', () => {
    const bad = calendarSettingsSchema.safeParse({ ...eightToFour, hours: { ...eightToFour.hours, 1: { start: '16:00', end: '08:00' } } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('calendar.errors.endBeforeStart');
    expect(calendarSettingsSchema.safeParse({ ...eightToFour, extraDaysOff: [{ date: '24-12-2026', name: 'x' }] }).error?.issues[0]?.message).toBe('calendar.errors.date');
  });

  it('reads pasted cuti bersama lines and reports the unreadable ones', () => {
    const { days, bad } = parseDaysOff('2026-03-18; Cuti bersama Idul Fitri\n19/03/2026, Cuti bersama Nyepi\n\n2026-02-30 nope\nhello');
    expect(days).toEqual([
      { date: '2026-03-18', name: 'Cuti bersama Idul Fitri' },
      { date: '2026-03-19', name: 'Cuti bersama Nyepi' },
    ]);
    expect(bad).toEqual([4, 5]);
  });
});

describe('explaining a due time (basis and what was skipped)', () => {
  const cal = workCalendar('WIB', DEFAULT_CALENDAR);
  it('on clock hours nothing is skipped', () => {
    const from = new Date('2026-12-24T08:00:00Z'); // Thursday 15:00 WIB
    const due = deadline(cal, from, { amount: 4, unit: 'hours', basis: 'calendar' });
    expect(due.toISOString()).toBe('2026-12-24T12:00:00.000Z');
    expect(explainDue(cal, from, due, 'calendar')).toEqual({ basis: 'calendar', skipped: [], afterHours: false });
  });

  it('a High ticket on working hours, Thursday afternoon before Christmas and the weekend: Natal 25 Des; Sabtu–Minggu; evenings', () => {
    const from = new Date('2026-12-24T08:00:00Z'); // Thursday 15:00 WIB, closes 16:00
    const due = deadline(cal, from, { amount: 4, unit: 'hours', basis: 'working' });
    expect(due.toISOString()).toBe(new Date('2026-12-28T10:30:00+07:00').toISOString()); // 1 h Thu + 3 h Mon from 07:30
    const x = explainDue(cal, from, due, 'working');
    expect(x.basis).toBe('working');
    expect(x.afterHours).toBe(true);
    expect(x.skipped).toEqual([
      { kind: 'holiday', date: '2026-12-25', name: 'Natal', nameEn: 'Christmas Day', national: true },
      { kind: 'closed', from: '2026-12-26', to: '2026-12-27', weekdays: [6, 7] },
    ]);
  });

  it('names cuti bersama the admin added, and a holiday on a weekend by its name', () => {
    const withCuti = workCalendar('WIB', { ...DEFAULT_CALENDAR, extraDaysOff: [{ date: '2026-03-20', name: 'Cuti bersama Idul Fitri' }] });
    const from = new Date('2026-03-18T08:00:00Z'); // Wednesday 15:00 WIB
    const due = deadline(withCuti, from, { amount: 4, unit: 'hours', basis: 'working' });
    const x = explainDue(withCuti, from, due, 'working');
    expect(x.skipped.map((s) => (s.kind === 'holiday' ? `${s.date} ${s.name}` : `${s.from}..${s.to}`))).toEqual([
      '2026-03-19 Hari Suci Nyepi (Tahun Baru Saka)',
      '2026-03-20 Cuti bersama Idul Fitri',
      '2026-03-21 Idul Fitri',
      '2026-03-22 Idul Fitri',
    ]);
    expect(x.skipped[1]).toMatchObject({ national: false });
  });

  it('within one working morning nothing is skipped', () => {
    const from = new Date('2026-12-28T01:00:00Z'); // Monday 08:00 WIB
    const due = deadline(cal, from, { amount: 2, unit: 'hours', basis: 'working' });
    expect(explainDue(cal, from, due, 'working')).toEqual({ basis: 'working', skipped: [], afterHours: false });
  });
});
