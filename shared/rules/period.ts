/**
 * Calendar dates and reporting periods.
 *
 * Dates are ISO 'YYYY-MM-DD' strings and every computation works on y/m/d
 * integers: a Date object would bring the machine's timezone with it, and an
 * officer's PC set to UTC+7 would otherwise turn '2026-09-30' into the 29th.
 */

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** month 1-12, quarter 1-4, half 1-2, year always 1 */
  index: number;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half', 'year'];

/** Months per period, which is all the arithmetic below needs to know about a kind. */
const MONTHS_IN: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };
const COUNT_IN_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1 };

// Four-digit years only: a two-digit year ('26') is exactly the ambiguity we refuse to guess.
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

/**
 * The years a plan, a report or a figure may belong to. Dates themselves may be older (a decree
 * of 1998 is still cited); a plan year of 9999 or −1 is a typo that would otherwise be stored.
 */
export const REPORTING_YEARS = { min: 2000, max: 2100 } as const;

export function isReportingYear(year: number): boolean {
  return Number.isInteger(year) && year >= REPORTING_YEARS.min && year <= REPORTING_YEARS.max;
}

/** A period code naming a period of a reporting year: '2026-Q3' yes, '9999-Q4' and '2026-Q5' no. */
export function isReportingPeriodCode(code: string): boolean {
  const p = parsePeriod(code);
  return p !== null && isReportingYear(p.year);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDateParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parts of a real calendar date, or null: '2026-02-30' and '2026-9-30' are both refused. */
export function parseIsoDate(s: string): DateParts | null {
  if (typeof s !== 'string') return null;
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidDateParts(year, month, day) ? { year, month, day } : null;
}

export function isValidIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function toIsoDate(year: number, month: number, day: number): string {
  if (!isValidDateParts(year, month, day)) {
    throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  }
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function requireDate(s: string): DateParts {
  const p = parseIsoDate(s);
  if (!p) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${String(s)}`);
  return p;
}

// Howard Hinnant's days-from-civil: exact integer arithmetic, so adding days
// never goes through a Date and never meets daylight saving or a timezone.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): DateParts {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Whole days only: ${n}`);
  const { year, month, day } = requireDate(date);
  const r = civilFromDays(daysFromCivil(year, month, day) + n);
  return toIsoDate(r.year, r.month, r.day);
}

/** Days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  const pa = requireDate(a);
  const pb = requireDate(b);
  return daysFromCivil(pb.year, pb.month, pb.day) - daysFromCivil(pa.year, pa.month, pa.day);
}

/** -1, 0 or 1. Valid ISO dates sort as strings; we still refuse invalid ones so a typo cannot sort silently. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  requireDate(a);
  requireDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isValidPeriod(p: Period): boolean {
  if (!p || !PERIOD_KINDS.includes(p.kind)) return false;
  if (!Number.isInteger(p.year) || p.year < MIN_YEAR || p.year > MAX_YEAR) return false;
  return Number.isInteger(p.index) && p.index >= 1 && p.index <= COUNT_IN_YEAR[p.kind];
}

function requirePeriod(p: Period): void {
  if (!isValidPeriod(p)) throw new RangeError(`Not a valid period: ${JSON.stringify(p)}`);
}

const PERIOD_CODE = /^(\d{4})(?:-(?:([QH])(\d)|M?(\d{2})))?$/;

/**
 * '2026-Q3', '2026-H1', '2026', '2026-M03' or '2026-03'. Case and surrounding
 * spaces are forgiven (codes come from Excel sheets too); anything else is null.
 */
export function parsePeriod(code: string): Period | null {
  if (typeof code !== 'string') return null;
  const m = PERIOD_CODE.exec(code.trim().toUpperCase());
  if (!m) return null;
  const year = Number(m[1]);
  let p: Period;
  if (m[2] === 'Q') p = { kind: 'quarter', year, index: Number(m[3]) };
  else if (m[2] === 'H') p = { kind: 'half', year, index: Number(m[3]) };
  else if (m[4] !== undefined) p = { kind: 'month', year, index: Number(m[4]) };
  else p = { kind: 'year', year, index: 1 };
  return isValidPeriod(p) ? p : null;
}

export function formatPeriodCode(p: Period): string {
  requirePeriod(p);
  switch (p.kind) {
    case 'month':
      return `${p.year}-M${pad2(p.index)}`;
    case 'quarter':
      return `${p.year}-Q${p.index}`;
    case 'half':
      return `${p.year}-H${p.index}`;
    case 'year':
      return String(p.year);
  }
}

function firstMonth(p: Period): number {
  return (p.index - 1) * MONTHS_IN[p.kind] + 1;
}

export function periodRange(p: Period): { start: string; end: string } {
  requirePeriod(p);
  const m1 = firstMonth(p);
  const m2 = m1 + MONTHS_IN[p.kind] - 1;
  return { start: toIsoDate(p.year, m1, 1), end: toIsoDate(p.year, m2, daysInMonth(p.year, m2)) };
}

export const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

const MONTH_NAMES_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function periodLabelVi(p: Period): string {
  requirePeriod(p);
  switch (p.kind) {
    case 'month':
      return `Tháng ${p.index}/${p.year}`;
    case 'quarter':
      return `Quý ${ROMAN_QUARTERS[p.index - 1]}/${p.year}`;
    case 'half':
      return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    case 'year':
      return `Năm ${p.year}`;
  }
}

export function periodLabelEn(p: Period): string {
  requirePeriod(p);
  switch (p.kind) {
    case 'month':
      return `${MONTH_NAMES_EN[p.index - 1]} ${p.year}`;
    case 'quarter':
      return `Q${p.index} ${p.year}`;
    case 'half':
      return `H${p.index} ${p.year}`;
    case 'year':
      return `Year ${p.year}`;
  }
}

export function periodContaining(kind: PeriodKind, date: string): Period {
  if (!PERIOD_KINDS.includes(kind)) throw new RangeError(`Unknown period kind: ${String(kind)}`);
  const { year, month } = requireDate(date);
  return { kind, year, index: Math.floor((month - 1) / MONTHS_IN[kind]) + 1 };
}

export function isDateInPeriod(date: string, p: Period): boolean {
  const { start, end } = periodRange(p);
  return compareDates(date, start) >= 0 && compareDates(date, end) <= 0;
}

export function periodsOverlap(a: Period, b: Period): boolean {
  const ra = periodRange(a);
  const rb = periodRange(b);
  // Stryker disable next-line EqualityOperator: a period starts on a 1st and ends on a 28th–31st, so no start equals an end
  return ra.start <= rb.end && rb.start <= ra.end;
}

/** a lies entirely inside b (a period contains itself). */
export function isPeriodWithin(a: Period, b: Period): boolean {
  const ra = periodRange(a);
  const rb = periodRange(b);
  return ra.start >= rb.start && ra.end <= rb.end;
}

/**
 * Chronological by start; on the same start the shorter period first, so a
 * report lists 'Tháng 1' before 'Quý I' before '6 tháng đầu năm' before 'Năm'.
 */
export function comparePeriods(a: Period, b: Period): -1 | 0 | 1 {
  const ra = periodRange(a);
  const rb = periodRange(b);
  // Stryker disable next-line EqualityOperator: the values differ here, so < and <= agree
  if (ra.start !== rb.start) return ra.start < rb.start ? -1 : 1;
  // Stryker disable next-line EqualityOperator: the values differ here, so < and <= agree
  if (ra.end !== rb.end) return ra.end < rb.end ? -1 : 1;
  return 0;
}

/** The period n steps later (negative: earlier), crossing years: Q1/2026 − 1 = Q4/2025. */
export function shiftPeriod(p: Period, n: number): Period {
  requirePeriod(p);
  if (!Number.isInteger(n)) throw new RangeError(`Whole steps only: ${n}`);
  const count = COUNT_IN_YEAR[p.kind];
  const flat = p.year * count + (p.index - 1) + n;
  const shifted: Period = { kind: p.kind, year: Math.floor(flat / count), index: (((flat % count) + count) % count) + 1 };
  requirePeriod(shifted);
  return shifted;
}

/** Every period of one kind in a year, in order (e.g. the four quarters of 2026). */
export function periodsOfYear(kind: PeriodKind, year: number): Period[] {
  const out: Period[] = [];
  for (let index = 1; index <= COUNT_IN_YEAR[kind]; index++) out.push({ kind, year, index });
  out.forEach(requirePeriod);
  return out;
}
