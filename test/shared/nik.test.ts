import { describe, expect, it } from 'vitest';
import { checkNik, maskIdNumber, normaliseNik } from '@shared/validators/nik';
import { ID_TYPES, idNumberProblem, normaliseIdNumber, type IdType } from '@shared/validators/id-document';

/** Builds an NIK from its parts: PPKKCC + DDMMYY + SSSS. */
const nik = (dd: string, mm: string, yy: string, region = '317101', serial = '0001'): string => `${region}${dd}${mm}${yy}${serial}`;

describe('checkNik', () => {
  it('reads the birth date and sex of a man', () => {
    expect(checkNik('3171011203850001')).toEqual({ ok: true, birthDate: { year2: 85, month: 3, day: 12 }, sex: 'male' });
  });

  it('reads a woman’s birth day as the day minus 40', () => {
    expect(checkNik('3171015203850002')).toEqual({ ok: true, birthDate: { year2: 85, month: 3, day: 12 }, sex: 'female' });
  });

  it('accepts the extremes of the day ranges for both sexes', () => {
    expect(checkNik(nik('01', '01', '90'))).toMatchObject({ ok: true, sex: 'male', birthDate: { day: 1 } });
    expect(checkNik(nik('31', '12', '90'))).toMatchObject({ ok: true, sex: 'male', birthDate: { day: 31, month: 12 } });
    expect(checkNik(nik('41', '01', '90'))).toMatchObject({ ok: true, sex: 'female', birthDate: { day: 1 } });
    expect(checkNik(nik('71', '12', '90'))).toMatchObject({ ok: true, sex: 'female', birthDate: { day: 31 } });
  });

  it('refuses 15 and 17 digits', () => {
    expect(checkNik('317101120385000')).toEqual({ ok: false, reason: 'length' });
    expect(checkNik('31710112038500011')).toEqual({ ok: false, reason: 'length' });
  });

  it('refuses letters and other punctuation', () => {
    expect(checkNik('317101120385000A')).toEqual({ ok: false, reason: 'not-digits' });
    expect(checkNik('KTP3171011203850')).toEqual({ ok: false, reason: 'not-digits' });
    expect(checkNik('3171-0112-0385-0001')).toEqual({ ok: false, reason: 'not-digits' });
  });

  it('refuses an empty number, also when it is only spaces and dots', () => {
    expect(checkNik('')).toEqual({ ok: false, reason: 'empty' });
    expect(checkNik('  . . ')).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    ['day 32', nik('32', '03', '85')],
    ['day 00', nik('00', '03', '85')],
    ['day 40 (neither a man’s nor a woman’s day)', nik('40', '03', '85')],
    ['month 13', nik('12', '13', '85')],
    ['month 00', nik('12', '00', '85')],
    ['30 February', nik('30', '02', '85')],
    ['29 February in a non-leap year', nik('29', '02', '85')],
    ['31 April', nik('31', '04', '85')],
    ['female day 72 (= 32)', nik('72', '03', '85')],
    ['female 69 February in a non-leap year (= 29)', nik('69', '02', '85')],
  ])('refuses an impossible birth date: %s', (_label, value) => {
    expect(checkNik(value)).toEqual({ ok: false, reason: 'birth-date' });
  });

  it('accepts 29 February in a leap year, and in year 00 (2000)', () => {
    expect(checkNik(nik('29', '02', '84'))).toEqual({ ok: true, birthDate: { year2: 84, month: 2, day: 29 }, sex: 'male' });
    expect(checkNik(nik('69', '02', '84'))).toEqual({ ok: true, birthDate: { year2: 84, month: 2, day: 29 }, sex: 'female' });
    expect(checkNik(nik('29', '02', '00'))).toMatchObject({ ok: true, birthDate: { year2: 0, month: 2, day: 29 } });
  });

  it('refuses region codes 00 (province, regency or district) and provinces below 11', () => {
    expect(checkNik(nik('12', '03', '85', '007101'))).toEqual({ ok: false, reason: 'region' });
    expect(checkNik(nik('12', '03', '85', '107101'))).toEqual({ ok: false, reason: 'region' });
    expect(checkNik(nik('12', '03', '85', '310001'))).toEqual({ ok: false, reason: 'region' });
    expect(checkNik(nik('12', '03', '85', '317100'))).toEqual({ ok: false, reason: 'region' });
    expect(checkNik(nik('12', '03', '85', '110101'))).toMatchObject({ ok: true });
  });

  it('refuses serial 0000', () => {
    expect(checkNik(nik('12', '03', '85', '317101', '0000'))).toEqual({ ok: false, reason: 'serial' });
    expect(checkNik(nik('12', '03', '85', '317101', '9999'))).toMatchObject({ ok: true });
  });

  it('ignores spaces and dots', () => {
    const expected = checkNik('3171011203850001');
    expect(checkNik('3171 0112 0385 0001')).toEqual(expected);
    expect(checkNik('31.71.01.120385.0001')).toEqual(expected);
    expect(checkNik(' 3171011203850001 ')).toEqual(expected);
    expect(normaliseNik('31.71 01.120385 0001')).toBe('3171011203850001');
  });
});

describe('maskIdNumber', () => {
  it('shows only the last four characters and keeps the length', () => {
    const masked = maskIdNumber('3171011203850001');
    expect(masked).toHaveLength(16);
    expect(masked.endsWith('0001')).toBe(true);
    expect(masked.slice(0, 12)).not.toMatch(/[0-9]/);
    expect(new Set(masked.slice(0, 12)).size).toBe(1);
    expect(masked).not.toContain('317101');
  });

  it('shows short numbers whole', () => {
    expect(maskIdNumber('1234')).toBe('1234');
    expect(maskIdNumber('12')).toBe('12');
  });
});

describe('idNumberProblem', () => {
  const cases: Record<IdType, { valid: string[]; invalid: [string, string][] }> = {
    ktp: {
      valid: ['3171011203850001', '3171 0152 0385 0002'],
      invalid: [
        ['317101120385000', 'visit.errors.nik.length'],
        ['317101120385000X', 'visit.errors.nik.not-digits'],
        ['3171013203850001', 'visit.errors.nik.birth-date'],
        ['0071011203850001', 'visit.errors.nik.region'],
        ['3171011203850000', 'visit.errors.nik.serial'],
      ],
    },
    sim: {
      valid: ['123456789012', '12345678901234', '1234-5678-9012', '1234 5678 9012 34'],
      invalid: [
        ['12345678901', 'visit.errors.simFormat'],
        ['123456789012345', 'visit.errors.simFormat'],
        ['12345678901A', 'visit.errors.simFormat'],
      ],
    },
    passport: {
      valid: ['A1234567', 'c1234567', 'AB123456', 'X123456', 'X12345678'],
      invalid: [
        ['12345678', 'visit.errors.passportFormat'],
        ['A12345', 'visit.errors.passportFormat'],
        ['A123456789', 'visit.errors.passportFormat'],
        ['A 1234567', 'visit.errors.passportFormat'],
      ],
    },
    employee_card: {
      valid: ['NIP-1987/01', '198701012010011001', 'KP 12.34'],
      invalid: [
        ['AB', 'visit.errors.idFormat'],
        ['-ABC', 'visit.errors.idFormat'],
        ['A'.repeat(31), 'visit.errors.idFormat'],
        ['KP#123', 'visit.errors.idFormat'],
      ],
    },
    other: {
      valid: ['ABC', 'KITAS/2024-0001', 'A'.repeat(30)],
      invalid: [
        ['A!', 'visit.errors.idFormat'],
        ['/123', 'visit.errors.idFormat'],
        ['nomor@kantor', 'visit.errors.idFormat'],
      ],
    },
  };

  it('covers every ID type', () => {
    expect(Object.keys(cases).sort()).toEqual([...ID_TYPES].sort());
  });

  for (const type of ID_TYPES) {
    it(`${type}: accepts valid numbers`, () => {
      for (const v of cases[type].valid) expect(idNumberProblem(type, v), v).toBeNull();
    });

    it(`${type}: refuses invalid numbers with the type’s key`, () => {
      for (const [v, key] of cases[type].invalid) expect(idNumberProblem(type, v), v).toBe(key);
    });

    it(`${type}: refuses an empty number as required`, () => {
      expect(idNumberProblem(type, '')).toBe('visit.errors.idNumberRequired');
      expect(idNumberProblem(type, '   ')).toBe('visit.errors.idNumberRequired');
    });
  }

  it('normalises numbers for storage per type', () => {
    expect(normaliseIdNumber('ktp', '3171 0112.0385 0001')).toBe('3171011203850001');
    expect(normaliseIdNumber('sim', '1234-5678 9012')).toBe('123456789012');
    expect(normaliseIdNumber('passport', ' c1234567 ')).toBe('C1234567');
    expect(normaliseIdNumber('other', '  KITAS/1 ')).toBe('KITAS/1');
  });
});
