import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  comparePeriods,
  daysBetween,
  formatPeriodCode,
  isDateInPeriod,
  isLeapYear,
  isPeriodWithin,
  isReportingPeriodCode,
  isReportingYear,
  isValidDateParts,
  isValidPeriod,
  isValidIsoDate,
  parseIsoDate,
  parsePeriod,
  periodContaining,
  periodLabelEn,
  periodLabelVi,
  periodRange,
  periodsOfYear,
  periodsOverlap,
  REPORTING_YEARS,
  shiftPeriod,
  toIsoDate,
  type Period,
} from './period';

const q = (year: number, index: number): Period => ({ kind: 'quarter', year, index });
const m = (year: number, index: number): Period => ({ kind: 'month', year, index });
const h = (year: number, index: number): Period => ({ kind: 'half', year, index });
const y = (year: number): Period => ({ kind: 'year', year, index: 1 });

describe('isValidIsoDate', () => {
  it.each(['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '2026-04-30'])('accepts %s', (s) => {
    expect(isValidIsoDate(s)).toBe(true);
  });
  it.each([
    '2026-02-30',
    '2026-02-29', // 2026 is not a leap year
    '1900-02-29', // divisible by 100, not by 400
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-9-30',
    '26-09-30',
    '30/09/2026',
    '2026-09-30T00:00:00Z',
    ' 2026-09-30',
    '',
  ])('refuses %s', (s) => {
    expect(isValidIsoDate(s)).toBe(false);
  });
  it('refuses non-strings without throwing', () => {
    expect(isValidIsoDate(undefined as unknown as string)).toBe(false);
  });
  it('gives the parts of a valid date', () => {
    expect(parseIsoDate('2026-03-09')).toEqual({ year: 2026, month: 3, day: 9 });
  });
});

describe('addDays / daysBetween / compareDates', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-05-15', 0)).toBe('2026-05-15');
  });
  it('adds a whole year of days exactly, leap or not', () => {
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2000-03-01', 36525)).toBe('2100-03-02');
  });
  it('is not disturbed by the daylight-saving dates of other countries', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });
  it('daysBetween is the inverse of addDays', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2026-09-30', '2026-09-01')).toBe(-29);
  });
  it('refuses invalid input', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 1.5)).toThrow(RangeError);
    expect(() => compareDates('2026-1-1', '2026-01-01')).toThrow(RangeError);
  });
  it('compares', () => {
    expect(compareDates('2026-09-30', '2026-10-01')).toBe(-1);
    expect(compareDates('2026-10-01', '2026-09-30')).toBe(1);
    expect(compareDates('2026-09-30', '2026-09-30')).toBe(0);
    expect(compareDates('2025-12-31', '2026-01-01')).toBe(-1);
  });
});

describe('parsePeriod / formatPeriodCode', () => {
  it.each<[string, Period]>([
    ['2026-Q3', q(2026, 3)],
    ['2026-Q1', q(2026, 1)],
    ['2026-H1', h(2026, 1)],
    ['2026-H2', h(2026, 2)],
    ['2026', y(2026)],
    ['2026-M03', m(2026, 3)],
    ['2026-03', m(2026, 3)],
    ['2026-12', m(2026, 12)],
    ['2026-q4', q(2026, 4)],
    [' 2026-m11 ', m(2026, 11)],
  ])('%s', (code, expected) => {
    expect(parsePeriod(code)).toEqual(expected);
  });

  it.each([
    '2026-Q5',
    '2026-Q0',
    '2026-H3',
    '2026-13',
    '2026-00',
    '2026-M13',
    '2026-M3',
    '2026-3',
    'abc',
    '26-Q1',
    '',
    '2026-Q12',
    '2026Q3',
    '2026-Y1',
    '2026-Q3-01',
  ])('refuses %s', (code) => {
    expect(parsePeriod(code)).toBeNull();
  });

  it('formats canonically and round-trips', () => {
    expect(formatPeriodCode(q(2026, 3))).toBe('2026-Q3');
    expect(formatPeriodCode(h(2026, 1))).toBe('2026-H1');
    expect(formatPeriodCode(y(2026))).toBe('2026');
    expect(formatPeriodCode(m(2026, 3))).toBe('2026-M03');
    expect(formatPeriodCode(parsePeriod('2026-03')!)).toBe('2026-M03');
    for (const kind of ['month', 'quarter', 'half', 'year'] as const) {
      for (const p of periodsOfYear(kind, 2026)) expect(parsePeriod(formatPeriodCode(p))).toEqual(p);
    }
  });

  it('refuses to format an impossible period', () => {
    expect(() => formatPeriodCode(q(2026, 5))).toThrow(RangeError);
    expect(() => formatPeriodCode({ kind: 'year', year: 2026, index: 2 })).toThrow(RangeError);
  });
});

describe('periodRange', () => {
  it('gives first and last day', () => {
    expect(periodRange(q(2026, 3))).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(periodRange(q(2026, 4))).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodRange(h(2026, 1))).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(periodRange(h(2026, 2))).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(periodRange(y(2026))).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(periodRange(m(2026, 4))).toEqual({ start: '2026-04-01', end: '2026-04-30' });
  });
  it('knows February in leap and common years', () => {
    expect(periodRange(m(2026, 2)).end).toBe('2026-02-28');
    expect(periodRange(m(2024, 2)).end).toBe('2024-02-29');
    expect(periodRange(m(2100, 2)).end).toBe('2100-02-28');
    expect(periodRange(m(2000, 2)).end).toBe('2000-02-29');
  });
});

describe('labels', () => {
  it('Vietnamese', () => {
    expect(periodLabelVi(m(2026, 3))).toBe('Tháng 3/2026');
    expect(periodLabelVi(q(2026, 3))).toBe('Quý III/2026');
    expect(periodLabelVi(q(2026, 4))).toBe('Quý IV/2026');
    expect(periodLabelVi(h(2026, 1))).toBe('6 tháng đầu năm 2026');
    expect(periodLabelVi(h(2026, 2))).toBe('6 tháng cuối năm 2026');
    expect(periodLabelVi(y(2026))).toBe('Năm 2026');
  });
  it('English', () => {
    expect(periodLabelEn(m(2026, 3))).toBe('March 2026');
    expect(periodLabelEn(m(2026, 12))).toBe('December 2026');
    expect(periodLabelEn(q(2026, 3))).toBe('Q3 2026');
    expect(periodLabelEn(h(2026, 1))).toBe('H1 2026');
    expect(periodLabelEn(y(2026))).toBe('Year 2026');
  });
});

describe('periodContaining / isDateInPeriod / overlap / order', () => {
  it('finds the period of a date at its edges', () => {
    expect(periodContaining('quarter', '2026-09-30')).toEqual(q(2026, 3));
    expect(periodContaining('quarter', '2026-10-01')).toEqual(q(2026, 4));
    expect(periodContaining('quarter', '2026-01-01')).toEqual(q(2026, 1));
    expect(periodContaining('half', '2026-06-30')).toEqual(h(2026, 1));
    expect(periodContaining('half', '2026-07-01')).toEqual(h(2026, 2));
    expect(periodContaining('month', '2024-02-29')).toEqual(m(2024, 2));
    expect(periodContaining('year', '2026-05-05')).toEqual(y(2026));
    expect(() => periodContaining('quarter', '2026-02-30')).toThrow(RangeError);
  });
  it('includes both ends of a period', () => {
    expect(isDateInPeriod('2026-07-01', q(2026, 3))).toBe(true);
    expect(isDateInPeriod('2026-09-30', q(2026, 3))).toBe(true);
    expect(isDateInPeriod('2026-06-30', q(2026, 3))).toBe(false);
    expect(isDateInPeriod('2026-10-01', q(2026, 3))).toBe(false);
    expect(isDateInPeriod('2025-08-01', q(2026, 3))).toBe(false);
  });
  it('overlap and containment', () => {
    expect(periodsOverlap(q(2026, 3), h(2026, 2))).toBe(true);
    expect(periodsOverlap(q(2026, 2), h(2026, 2))).toBe(false);
    expect(periodsOverlap(m(2026, 6), q(2026, 2))).toBe(true);
    expect(periodsOverlap(y(2025), q(2026, 1))).toBe(false);
    expect(isPeriodWithin(m(2026, 6), q(2026, 2))).toBe(true);
    expect(isPeriodWithin(q(2026, 2), m(2026, 6))).toBe(false);
    expect(isPeriodWithin(q(2026, 2), q(2026, 2))).toBe(true);
  });
  it('orders chronologically, shorter first on the same start', () => {
    const sorted = [y(2026), q(2026, 1), h(2026, 1), m(2026, 1), q(2025, 4), m(2026, 2)].sort(comparePeriods);
    expect(sorted.map(formatPeriodCode)).toEqual(['2025-Q4', '2026-M01', '2026-Q1', '2026-H1', '2026', '2026-M02']);
    expect(comparePeriods(q(2026, 1), q(2026, 1))).toBe(0);
  });
  it('shifts across years', () => {
    expect(shiftPeriod(q(2026, 1), -1)).toEqual(q(2025, 4));
    expect(shiftPeriod(q(2026, 4), 1)).toEqual(q(2027, 1));
    expect(shiftPeriod(m(2026, 3), -15)).toEqual(m(2024, 12));
    expect(shiftPeriod(h(2026, 2), 3)).toEqual(h(2028, 1));
    expect(shiftPeriod(y(2026), -1)).toEqual(y(2025));
  });
});

describe('edges a changed rule would cross', () => {
  it('lists every period of a year, the last included', () => {
    expect(periodsOfYear('quarter', 2026).map(formatPeriodCode)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodsOfYear('month', 2026)).toHaveLength(12);
    expect(periodsOfYear('month', 2026).at(-1)).toEqual(m(2026, 12));
    expect(periodsOfYear('half', 2026)).toEqual([h(2026, 1), h(2026, 2)]);
    expect(periodsOfYear('year', 2026)).toEqual([y(2026)]);
    expect(() => periodsOfYear('quarter', 99)).toThrow(RangeError);
  });

  it('counts days exactly before 2000 and after 2099, across centuries and eras of 400 years', () => {
    expect(addDays('1999-12-31', 1)).toBe('2000-01-01');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('1600-01-01', -1)).toBe('1599-12-31');
    expect(addDays('1601-03-01', -1)).toBe('1601-02-28');
    expect(addDays('2400-02-29', 1)).toBe('2400-03-01');
    expect(addDays('1970-01-01', 0)).toBe('1970-01-01');
    expect(daysBetween('1970-01-01', '2000-01-01')).toBe(10957);
    expect(daysBetween('1899-12-31', '1900-03-01')).toBe(60);
    expect(daysBetween('2099-12-31', '2200-01-01')).toBe(36525);
    expect(daysBetween('1000-01-01', '9999-12-31')).toBe(3287181);
    for (let month = 1; month <= 12; month++) {
      for (const year of [1899, 1900, 1996, 2000, 2100, 2399, 2400]) {
        const first = toIsoDate(year, month, 1);
        const last = addDays(first, month === 12 ? 30 : daysBetween(first, toIsoDate(year, month + 1, 1)) - 1);
        expect(addDays(last, 1).slice(8), `${first}`).toBe('01');
        expect(addDays(addDays(first, -1), 1)).toBe(first);
      }
    }
    expect(() => addDays('0999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('knows the leap years of the Gregorian calendar', () => {
    expect([1900, 2000, 2024, 2026, 2100, 2400].map(isLeapYear)).toEqual([false, true, true, false, false, true]);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('1000-01-01')).toBe(true);
    expect(isValidIsoDate('0999-12-31')).toBe(false);
    expect(isValidIsoDate('9999-12-31')).toBe(true);
  });

  it('accepts plan and report years from 2000 to 2100 only', () => {
    expect(REPORTING_YEARS).toEqual({ min: 2000, max: 2100 });
    expect([1999, 2000, 2026, 2100, 2101, 2026.5, -1, Number.NaN].map(isReportingYear)).toEqual([false, true, true, true, false, false, false, false]);
    expect(isReportingPeriodCode('2026-Q3')).toBe(true);
    expect(isReportingPeriodCode('2000-M01')).toBe(true);
    expect(isReportingPeriodCode('2100')).toBe(true);
    for (const bad of ['9999-Q4', '1999-Q4', '2101-H1', '2026-Q5', 'Q3/2026', '']) expect(isReportingPeriodCode(bad), bad).toBe(false);
  });
});

describe('what each check refuses, and how it says so', () => {
  it('date parts must be whole numbers', () => {
    expect(isValidDateParts(2026, 1, 1)).toBe(true);
    expect(isValidDateParts(2026.5, 1, 1)).toBe(false);
    expect(isValidDateParts(2026, 1.5, 1)).toBe(false);
    expect(isValidDateParts(2026, 1, 1.5)).toBe(false);
    expect(parseIsoDate(['2026-09-30'] as unknown as string)).toBeNull();
    expect(isValidIsoDate({ toString: () => '2026-09-30' } as unknown as string)).toBe(false);
  });

  it('names the bad value in every RangeError', () => {
    expect(() => toIsoDate(2026, 2, 30)).toThrow('Not a calendar date: 2026-2-30');
    expect(() => addDays('2026-13-01', 1)).toThrow('Not an ISO date (YYYY-MM-DD): 2026-13-01');
    expect(() => addDays('2026-02-01', 1.5)).toThrow('Whole days only: 1.5');
    expect(() => formatPeriodCode(q(2026, 5))).toThrow('Not a valid period: {"kind":"quarter","year":2026,"index":5}');
    expect(() => periodContaining('week' as never, '2026-01-01')).toThrow('Unknown period kind: week');
    expect(() => shiftPeriod(q(2026, 1), 1.5)).toThrow('Whole steps only: 1.5');
  });

  it('a period needs a kind, a four-digit year and an index of its kind', () => {
    expect(isValidPeriod(null as unknown as Period)).toBe(false);
    expect(isValidPeriod({ kind: 'week', year: 2026, index: 1 } as unknown as Period)).toBe(false);
    expect(isValidPeriod(y(1000))).toBe(true);
    expect(isValidPeriod(y(999))).toBe(false);
    expect(isValidPeriod(y(9999))).toBe(true);
    expect(isValidPeriod(y(10000))).toBe(false);
    expect(isValidPeriod(y(2026.5))).toBe(false);
  });

  it('overlap and containment, whichever comes first', () => {
    expect(periodsOverlap(q(2026, 1), y(2025))).toBe(false);
    expect(periodsOverlap(y(2026), q(2026, 4))).toBe(true);
    expect(isPeriodWithin(h(2026, 1), q(2026, 2))).toBe(false);
    expect(isPeriodWithin(q(2026, 2), h(2026, 1))).toBe(true);
    expect(isPeriodWithin(q(2026, 3), h(2026, 1))).toBe(false);
  });
});
