/**
 * Office time (src/shared/office-time.ts): the three zones with their fixed offsets, office-local
 * dates and date-time field values both ways, the date styles in Indonesian and English, the
 * typed formats — and the same answers whatever zone the machine itself runs in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays, fileStamp, formatDateTime, formatDay, formatDayMonth, formatLocalDate, formatMonth, formatPrintDateTime, formatTime, formatWeekday, fromOfficeInput, INPUT_PATTERNS, inputText, isIsoDate,
  localDate, OFFICE_ZONE_OFFSET_HOURS, OFFICE_ZONES, parseDateText, parseDateTimeText, parseMonthText, parseTimeText, startOfLocalDay, stepValue, toOfficeInput, zoneOffsetMs, type OfficeZone,
} from '@shared/office-time';

const at = '2026-10-05T07:05:00.000Z'; // 14.05 WIB, 15.05 WITA, 16.05 WIT

describe('one date style per context, in both languages', () => {
  it('screens: "5 Okt 2026" and "5 Okt 2026 14.05 WIB"', () => {
    expect(formatLocalDate('2026-10-05', 'id')).toBe('5 Okt 2026');
    expect(formatLocalDate('2026-10-05', 'en')).toBe('5 Oct 2026');
    expect(formatDay(at, 'WIB', 'id')).toBe('5 Okt 2026');
    expect(formatDateTime(at, 'WIB', 'id')).toBe('5 Okt 2026 14.05 WIB');
    expect(formatDateTime(at, 'WITA', 'en')).toBe('5 Oct 2026 15:05 WITA');
  });
  it('printed forms: "5 Oktober 2026"', () => {
    expect(formatLocalDate('2026-10-05', 'id', 'print')).toBe('5 Oktober 2026');
    expect(formatLocalDate('2026-10-05', 'en', 'print')).toBe('5 October 2026');
    expect(formatPrintDateTime(at, 'WIT', 'id')).toBe('5 Oktober 2026 16.05 WIT');
    expect(formatMonth('2026-10', 'id')).toBe('Oktober 2026');
  });
  it('the office zone decides the day', () => {
    expect(formatDay('2026-10-05T17:30:00.000Z', 'WIB', 'id')).toBe('6 Okt 2026'); // 00.30 WIB the next day
    expect(formatLocalDate(undefined, 'id')).toBe('—');
  });
});

describe('typed dates and times: dd/mm/yyyy and 24-hour', () => {
  it('shows the format as placeholder in each language', () => {
    expect(INPUT_PATTERNS.id).toEqual({ date: 'HH/BB/TTTT', time: 'JJ:MM', datetime: 'HH/BB/TTTT JJ:MM', month: 'BB/TTTT' });
    expect(INPUT_PATTERNS.en).toEqual({ date: 'DD/MM/YYYY', time: 'HH:MM', datetime: 'DD/MM/YYYY HH:MM', month: 'MM/YYYY' });
  });
  it('reads day first, whatever the separator', () => {
    expect(parseDateText('05/10/2026')).toBe('2026-10-05');
    expect(parseDateText('5-10-2026')).toBe('2026-10-05');
    expect(parseDateText('5.10.26')).toBe('2026-10-05');
    expect(parseDateText('05102026')).toBe('2026-10-05');
    expect(parseDateText('2026-10-05')).toBe('2026-10-05');
    expect(parseDateText('10/05/2026')).toBe('2026-05-10'); // never month first
  });
  it('refuses what is not a date', () => {
    for (const bad of ['31/02/2026', '00/10/2026', '5/13/2026', 'besok', '5/10', '']) expect(parseDateText(bad)).toBeUndefined();
  });
  it('reads times in 24 hours, with a colon or a dot', () => {
    expect(parseTimeText('7:30')).toBe('07:30');
    expect(parseTimeText('07.30')).toBe('07:30');
    expect(parseTimeText('1405')).toBe('14:05');
    expect(parseTimeText('14')).toBe('14:00');
    for (const bad of ['24:00', '7:60', '07:30 PM', 'x']) expect(parseTimeText(bad)).toBeUndefined();
  });
  it('reads a date and a time together', () => {
    expect(parseDateTimeText('05/10/2026 14:05')).toBe('2026-10-05T14:05');
    expect(parseDateTimeText('5/10/2026 7.30')).toBe('2026-10-05T07:30');
    expect(parseDateTimeText('05/10/2026')).toBeUndefined();
  });
  it('reads a month, month first', () => {
    expect(parseMonthText('10/2026')).toBe('2026-10');
    expect(parseMonthText('3-2026')).toBe('2026-03');
    expect(parseMonthText('2026-03')).toBe('2026-03');
    expect(parseMonthText('13/2026')).toBeUndefined();
    expect(inputText('month', '2026-03')).toBe('03/2026');
    expect(stepValue('month', '2026-12', 1)).toBe('2027-01');
    expect(stepValue('month', '2026-01', -1)).toBe('2025-12');
  });
  it('shows the submitted values as typed text and back', () => {
    expect(inputText('date', '2026-10-05')).toBe('05/10/2026');
    expect(inputText('datetime', '2026-10-05T14:05')).toBe('05/10/2026 14:05');
    expect(inputText('time', '07:30')).toBe('07:30');
    expect(inputText('date', '')).toBe('');
  });
  it('arrow keys move by a day or a minute', () => {
    expect(stepValue('date', '2026-12-31', 1)).toBe('2027-01-01');
    expect(stepValue('datetime', '2026-03-01T08:00', -1)).toBe('2026-02-28T08:00');
    expect(stepValue('time', '00:00', -1)).toBe('23:59');
  });
  it('office-local values are zone aware (no DST)', () => {
    expect(toOfficeInput(at, 'WIB')).toBe('2026-10-05T14:05');
    expect(toOfficeInput(at, 'WIT')).toBe('2026-10-05T16:05');
    expect(fromOfficeInput('2026-10-05T14:05', 'WIB')).toBe(at);
    expect(fromOfficeInput('2026-10-05T15:05', 'WITA')).toBe(at);
    expect(fromOfficeInput('05/10/2026 14:05', 'WIB')).toBeUndefined();
  });
});

describe("fileStamp: a saved file is named by the office's day, not UTC", () => {
  it("early in the morning it is already today's date (UTC is still yesterday)", () => {
    const early = '2026-12-01T23:30:00.000Z'; // 06.30 WIB on 2 December
    expect(fileStamp(early, 'WIB')).toBe('2026-12-02');
    expect(fileStamp(early, 'WIB', true)).toBe('20261202-0630');
    expect(fileStamp(early, 'WIT', true)).toBe('20261202-0830');
    // 23.30 WIB on 1 December is 00.30 WITA on 2 December.
    const late = '2026-12-01T16:30:00.000Z';
    expect(fileStamp(late, 'WIB')).toBe('2026-12-01');
    expect(fileStamp(late, 'WITA')).toBe('2026-12-02');
  });
});

describe('zones: WIB, WITA and WIT at fixed offsets', () => {
  const zones: OfficeZone[] = ['WIB', 'WITA', 'WIT'];
  it('each zone is UTC+7, +8 and +9, matching its IANA zone all year (no daylight saving)', () => {
    expect(OFFICE_ZONE_OFFSET_HOURS).toEqual({ WIB: 7, WITA: 8, WIT: 9 });
    expect(OFFICE_ZONES).toEqual({ WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' });
    // Every month of a year, at midnight UTC: the IANA zone's wall clock is UTC + the fixed offset.
    for (const zone of zones) {
      expect(zoneOffsetMs(zone)).toBe(OFFICE_ZONE_OFFSET_HOURS[zone] * 3_600_000);
      for (let month = 1; month <= 12; month++) {
        const iso = `2026-${String(month).padStart(2, '0')}-15T00:00:00.000Z`;
        const wall = new Intl.DateTimeFormat('en-GB', { timeZone: OFFICE_ZONES[zone], hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
        expect(Number(wall), `${zone} ${iso}`).toBe(OFFICE_ZONE_OFFSET_HOURS[zone]);
        expect(toOfficeInput(iso, zone).slice(11, 13)).toBe(wall);
      }
    }
  });
  it('the calendar date of an instant and the instant a date starts', () => {
    expect(localDate('2026-10-05T16:59:00.000Z', 'WIB')).toBe('2026-10-05');
    expect(localDate('2026-10-05T17:00:00.000Z', 'WIB')).toBe('2026-10-06'); // 00.00 WIB
    expect(localDate('2026-10-05T15:00:00.000Z', 'WIT')).toBe('2026-10-06');
    expect(localDate('2026-12-31T16:30:00.000Z', 'WITA')).toBe('2027-01-01');
    expect(startOfLocalDay('2026-10-06', 'WIB')).toBe('2026-10-05T17:00:00.000Z');
    expect(startOfLocalDay('2026-10-06', 'WITA')).toBe('2026-10-05T16:00:00.000Z');
    expect(startOfLocalDay('2026-01-01', 'WIT')).toBe('2025-12-31T15:00:00.000Z');
    for (const zone of zones) expect(localDate(startOfLocalDay('2026-03-01', zone), zone)).toBe('2026-03-01');
  });
  it('calendar dates: real ones only, and days added across months and years', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-5', '05/10/2026', '']) expect(isIsoDate(bad), bad).toBe(false);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-09', -6)).toBe('2026-03-03');
  });
});

describe('date-time fields: office-local values and instants, both ways', () => {
  it('an instant becomes the office wall clock, and the wall clock the same instant, in every zone', () => {
    const instants = ['2026-03-02T01:00:00.000Z', '2026-12-31T16:59:00.000Z', '2027-01-01T00:00:00.000Z'];
    for (const zone of ['WIB', 'WITA', 'WIT'] as const) for (const iso of instants) expect(fromOfficeInput(toOfficeInput(iso, zone), zone)).toBe(iso);
    expect(toOfficeInput('2026-12-31T16:59:00.000Z', 'WIB')).toBe('2026-12-31T23:59');
    expect(toOfficeInput('2026-12-31T16:59:00.000Z', 'WITA')).toBe('2027-01-01T00:59');
    expect(fromOfficeInput('2027-01-01T00:30', 'WIT')).toBe('2026-12-31T15:30:00.000Z');
  });
  it('accepts an instant written with an offset and answers in UTC', () => {
    expect(toOfficeInput('2026-03-02T08:30:00+07:00', 'WIB')).toBe('2026-03-02T08:30');
    expect(toOfficeInput('2026-03-02T08:30:00+07:00', 'WIT')).toBe('2026-03-02T10:30');
    expect(fromOfficeInput('2026-03-02T08:30', 'WIB')).toBe('2026-03-02T01:30:00.000Z');
  });
  it('refuses what is not a real office date and time (no silent roll-over to another day)', () => {
    for (const bad of ['', '2026-02-30T08:00', '2026-03-02T24:00', '2026-03-02T07:60', '2026-03-02 08:00', '2026-03-02T8:00', '2026-03-02T08:00:00', '2026-03-02T08:00+07:00']) {
      expect(fromOfficeInput(bad, 'WIB'), bad).toBeUndefined();
    }
  });
});

describe('the machine\'s own zone changes nothing', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
  const answers = () => ({
    toInput: toOfficeInput('2026-10-05T07:05:00.000Z', 'WIB'),
    fromInput: fromOfficeInput('2026-10-05T14:05', 'WIB'),
    fromInputWit: fromOfficeInput('2026-10-05T00:30', 'WIT'),
    date: localDate('2026-10-05T17:30:00.000Z', 'WIB'),
    start: startOfLocalDay('2026-10-06', 'WITA'),
    shown: formatDateTime('2026-10-05T07:05:00.000Z', 'WIB', 'id'),
    printed: formatPrintDateTime('2026-10-05T16:30:00.000Z', 'WIB', 'en'),
    calendarDate: formatLocalDate('2026-10-05', 'id'),
    weekday: formatWeekday('2026-10-05', 'id'),
    next: addDays('2026-10-31', 1),
    step: stepValue('datetime', '2026-03-29T02:30', 1), // the night Europe moves its clocks
  });
  it('in UTC, in WIT (Asia/Jayapura) and in a zone with daylight saving, the answers are the office\'s', () => {
    const expected = {
      toInput: '2026-10-05T14:05', fromInput: '2026-10-05T07:05:00.000Z', fromInputWit: '2026-10-04T15:30:00.000Z', date: '2026-10-06', start: '2026-10-05T16:00:00.000Z',
      shown: '5 Okt 2026 14.05 WIB', printed: '5 October 2026 23:30 WIB', calendarDate: '5 Okt 2026', weekday: 'Senin', next: '2026-11-01', step: '2026-03-30T02:30',
    };
    for (const tz of ['UTC', 'Asia/Jayapura', 'Europe/Berlin', 'America/Los_Angeles']) {
      process.env.TZ = tz;
      // Node applies a TZ change at once: the process's own wall clock really moved.
      expect(new Date('2026-01-15T00:00:00.000Z').getTimezoneOffset(), tz).toBe({ UTC: 0, 'Asia/Jayapura': -540, 'Europe/Berlin': -60, 'America/Los_Angeles': 480 }[tz]);
      expect(answers(), tz).toEqual(expected);
    }
  });
});

describe('shown dates and times in Indonesian and English', () => {
  const at = '2026-12-24T09:05:00.000Z'; // Thursday 16.05 WIB
  it('times: a dot in Indonesian, a colon in English, always with the zone', () => {
    expect(formatTime(at, 'WIB', 'id')).toBe('16.05 WIB');
    expect(formatTime(at, 'WIB', 'en')).toBe('16:05 WIB');
    expect(formatTime(at, 'WITA', 'id')).toBe('17.05 WITA');
    expect(formatTime(at, 'WIT', 'en')).toBe('18:05 WIT');
    expect(formatTime(undefined, 'WIB', 'id')).toBe('—');
  });
  it('dates on screens and in print, and the date-time of a late evening in the next zone', () => {
    expect(formatDay(at, 'WIB', 'id')).toBe('24 Des 2026');
    expect(formatDay(at, 'WIB', 'en')).toBe('24 Dec 2026');
    expect(formatDay(at, 'WIB', 'id', 'print')).toBe('24 Desember 2026');
    expect(formatDay(at, 'WIB', 'en', 'print')).toBe('24 December 2026');
    expect(formatDateTime('2026-12-24T15:30:00.000Z', 'WIT', 'id')).toBe('25 Des 2026 00.30 WIT');
    expect(formatDateTime('2026-12-24T15:30:00.000Z', 'WIB', 'en')).toBe('24 Dec 2026 22:30 WIB');
    expect(formatPrintDateTime(at, 'WITA', 'en')).toBe('24 December 2026 17:05 WITA');
    expect(formatDateTime(undefined, 'WIB', 'id')).toBe('—');
    expect(formatPrintDateTime(undefined, 'WIB', 'id')).toBe('—');
  });
  it('weekdays, day and month, months', () => {
    expect(formatWeekday('2026-12-24', 'id')).toBe('Kamis');
    expect(formatWeekday('2026-12-24', 'en')).toBe('Thursday');
    expect(formatWeekday('2026-12-24', 'id', 'short')).toBe('Kam');
    expect(formatWeekday('2026-12-24', 'en', 'short')).toBe('Thu');
    expect(formatDayMonth('2026-12-25', 'id')).toBe('25 Des');
    expect(formatDayMonth('2026-12-25', 'en')).toBe('25 Dec');
    expect(formatMonth('2026-03', 'id', 'screen')).toBe('Mar 2026');
    expect(formatMonth('2026-03', 'en')).toBe('March 2026');
    expect(formatLocalDate('not a date', 'id')).toBe('not a date');
  });
});
