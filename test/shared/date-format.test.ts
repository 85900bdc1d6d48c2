import { describe, expect, it } from 'vitest';
import {
  formatDateTime, formatDay, formatLocalDate, formatMonth, formatPrintDateTime, fromOfficeInput, INPUT_PATTERNS, inputText, parseDateText, parseDateTimeText, parseMonthText,
  parseTimeText, stepValue, toOfficeInput,
} from '../../src/shared/date-format';

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
