/**
 * Reads the "Thời gian thực hiện" column as officers actually write it.
 *
 * The parser is deliberately whole-string: a text is recognised only when all
 * of it fits one known form, otherwise it stays 'unparsed' and is shown as
 * typed. Guessing a deadline from part of a sentence would make a task
 * overdue (or not) on a date nobody wrote.
 */
import { formatDateVi } from './format-vi';
import { foldVi } from './search-fold';
import { isValidDateParts, isValidIsoDate, isValidPeriod, periodLabelEn, periodLabelVi, periodRange, toIsoDate, type Period } from './period';

export type Recurrence = 'continuous' | 'weekly' | 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';

export type Timeline =
  | { kind: 'deadline'; start?: string; deadline: string }
  | { kind: 'recurring'; every: Recurrence }
  | { kind: 'on-request' }
  | { kind: 'unparsed'; text: string };

export const RECURRENCES: readonly Recurrence[] = ['continuous', 'weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly'];

/** Folded (no diacritics, lower case), dashes unified, spaces tidied around '/', trailing punctuation gone. */
function normalise(text: string): string {
  return foldVi(text)
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*\/\s*/g, '/')
    .replace(/[.;:]+$/, '')
    .replace(/\s*[,:]\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------- recurring and on-request ----------

type Unit = 'tuan' | 'thang' | 'quy' | 'qui' | 'nam';

const UNIT_RECURRENCE: Record<Unit, Recurrence> = {
  tuan: 'weekly',
  thang: 'monthly',
  quy: 'quarterly',
  qui: 'quarterly',
  nam: 'yearly',
};

const MONTHS_IN_UNIT: Record<Exclude<Unit, 'tuan'>, number> = { thang: 1, quy: 3, qui: 3, nam: 12 };
const RECURRENCE_BY_MONTHS: Record<number, Recurrence> = { 1: 'monthly', 3: 'quarterly', 6: 'half-yearly', 12: 'yearly' };

/** '6 tháng/lần' and friends: the interval in weeks or months, mapped only where a Recurrence exists for it. */
function recurrenceFromInterval(count: number, unit: Unit): Recurrence | null {
  if (unit === 'tuan') return count === 1 ? 'weekly' : null;
  return RECURRENCE_BY_MONTHS[count * MONTHS_IN_UNIT[unit]] ?? null;
}

function parseRecurrence(text: string): Recurrence | null {
  const s = text.replace(/^thuc hien /, '');
  // 'Hằng ngày' has no Recurrence of its own; judged per reporting period it is the same as ongoing work.
  if (/^(?:thuong xuyen|lien tuc|hang ngay)(?: (?:lien tuc|thuong xuyen))?$/.test(s)) return 'continuous';
  const body = s.replace(/^dinh ky /, '');
  // 'Hằng quý', 'Hàng quý' (both fold to 'hang'), 'Mỗi quý', 'Định kỳ hằng quý'.
  let m = /^(?:hang|moi) (tuan|thang|qu[yi]|nam)$/.exec(body);
  if (m) return UNIT_RECURRENCE[m[1] as Unit];
  // '6 tháng/lần', '6 tháng 1 lần', '6 tháng một lần', 'quý/lần'.
  m = /^(?:(\d{1,2}|mot) )?(tuan|thang|qu[yi]|nam)(?:\/| 1 | mot )lan$/.exec(body);
  if (m) return recurrenceFromInterval(m[1] && m[1] !== 'mot' ? Number(m[1]) : 1, m[2] as Unit);
  // 'Định kỳ 6 tháng', 'Định kỳ quý': only with 'định kỳ', since '6 tháng' alone is a duration.
  if (s.startsWith('dinh ky ')) {
    m = /^(?:(\d{1,2}) )?(tuan|thang|qu[yi]|nam)$/.exec(body);
    if (m) return recurrenceFromInterval(m[1] ? Number(m[1]) : 1, m[2] as Unit);
  }
  return null;
}

const ON_REQUEST = /^(?:thuc hien )?(?:theo|khi co)(?: van ban)? (?:yeu cau|chi dao)\b/;

// ---------- dates and periods ----------

const YEAR_SUFFIX = String.raw`(?:(?:/| ?- ?| nam | )(\d{4}))?`;
const QUARTER = new RegExp(String.raw`^qu[yi] (iv|iii|ii|i|0?[1-4])` + YEAR_SUFFIX + '$');
const MONTH = new RegExp(String.raw`^thang (\d{1,2})` + YEAR_SUFFIX + '$');
const MONTH_BARE = /^(\d{1,2})\/(\d{4})$/;
const HALF = /^(?:6|sau) thang (dau|cuoi)(?: nam)?(?:(?:\/| )(\d{4}))?$/;
const YEAR = /^(?:ca )?nam(?: (\d{4}))?$|^(\d{4})$/;

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function periodTimeline(p: Period): Timeline | null {
  if (!isValidPeriod(p)) return null;
  const { start, end } = periodRange(p);
  return { kind: 'deadline', start, deadline: end };
}

function yearOr(s: string | undefined, planYear: number): number {
  return s === undefined ? planYear : Number(s);
}

function parsePeriodText(s: string, planYear: number): Timeline | null {
  let m = QUARTER.exec(s);
  if (m) {
    // Stryker disable next-line StringLiteral: the group always takes part in a match
    const q = m[1] ?? '';
    return periodTimeline({ kind: 'quarter', year: yearOr(m[2], planYear), index: ROMAN[q] ?? Number(q) });
  }
  m = MONTH.exec(s) ?? MONTH_BARE.exec(s);
  if (m) return periodTimeline({ kind: 'month', year: yearOr(m[2], planYear), index: Number(m[1]) });
  m = HALF.exec(s);
  if (m) return periodTimeline({ kind: 'half', year: yearOr(m[2], planYear), index: m[1] === 'dau' ? 1 : 2 });
  m = YEAR.exec(s);
  if (m) return periodTimeline({ kind: 'year', year: yearOr(m[1] ?? m[2], planYear), index: 1 });
  return null;
}

const DATE_NUMERIC = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?$/;
// The formal style of Nghị định 30: 'ngày 30 tháng 9 năm 2026'.
const DATE_WORDS = /^(\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?$/;

interface LooseDate {
  day: number;
  month: number;
  year?: number;
}

function parseLooseDate(s: string): LooseDate | null {
  const m = DATE_NUMERIC.exec(s) ?? DATE_WORDS.exec(s);
  if (!m) return null;
  const d: LooseDate = { day: Number(m[1]), month: Number(m[2]) };
  if (m[3] !== undefined) d.year = Number(m[3]);
  return d;
}

function isoOf(d: LooseDate, year: number): string | null {
  return isValidDateParts(year, d.month, d.day) ? toIsoDate(year, d.month, d.day) : null;
}

const DATE_PREFIX = /^(?:(?:hoan thanh|thuc hien xong|xong) )?(?:(?:truoc|cham nhat(?: la)?|den|han(?: hoan thanh| chot)?|trong|vao) )?(?:ngay )?/;
const RANGE = /^(?:tu )?(?:ngay )?(.+?) (?:-|den) (?:ngay )?(.+)$|^(?:tu )?(?:ngay )?([^ ]+)-([^ ]+)$/;

function parseDateText(s: string, planYear: number): Timeline | null {
  const single = parseLooseDate(s.replace(DATE_PREFIX, ''));
  if (single) {
    const deadline = isoOf(single, single.year ?? planYear);
    return deadline ? { kind: 'deadline', deadline } : null;
  }
  const r = RANGE.exec(s);
  if (!r) return null;
  // Stryker disable next-line StringLiteral: one of the two alternatives always matched
  const a = parseLooseDate(r[1] ?? r[3] ?? '');
  // Stryker disable next-line StringLiteral: one of the two alternatives always matched
  const b = parseLooseDate(r[2] ?? r[4] ?? '');
  if (!a || !b) return null;
  // 'Từ 01/3 đến 30/6/2026': the start borrows the end's year.
  const endYear = b.year ?? planYear;
  const start = isoOf(a, a.year ?? endYear);
  const deadline = isoOf(b, endYear);
  if (!start || !deadline || start > deadline) return null;
  return { kind: 'deadline', start, deadline };
}

const PERIOD_PREFIX = /^(?:hoan thanh )?(?:trong )?/;

/**
 * Parses one cell of the timeline column. Text without a year ('Quý II',
 * '6 tháng cuối năm', 'Trước 30/9') means the plan's own year.
 */
export function parseTimeline(text: string, planYear: number): Timeline {
  const raw = typeof text === 'string' ? text : '';
  const unparsed: Timeline = { kind: 'unparsed', text: raw.trim() };
  const s = normalise(raw);

  const every = parseRecurrence(s);
  if (every) return { kind: 'recurring', every };
  if (ON_REQUEST.test(s)) return { kind: 'on-request' };

  return parsePeriodText(s.replace(PERIOD_PREFIX, ''), planYear) ?? parseDateText(s, planYear) ?? unparsed;
}

/** The deadline, if the timeline has one. */
export function timelineDeadline(t: Timeline): string | null {
  return t.kind === 'deadline' ? t.deadline : null;
}

/** The reporting period a start..deadline pair covers exactly, so it can be shown as 'Quý III/2026' again. */
export function timelinePeriod(t: Timeline): Period | null {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: only a deadline has a start, and without one no candidate matches; the test is there for the type
  if (t.kind !== 'deadline' || !t.start) return null;
  if (!isValidIsoDate(t.deadline)) return null;
  const year = Number(t.deadline.slice(0, 4));
  const month = Number(t.deadline.slice(5, 7));
  const candidates: Period[] = [
    { kind: 'month', year, index: month },
    { kind: 'quarter', year, index: Math.ceil(month / 3) },
    { kind: 'half', year, index: month <= 6 ? 1 : 2 },
    { kind: 'year', year, index: 1 },
  ];
  for (const p of candidates) {
    const r = periodRange(p);
    if (r.start === t.start && r.end === t.deadline) return p;
  }
  return null;
}

const RECURRENCE_VI: Record<Recurrence, string> = {
  continuous: 'Thường xuyên',
  weekly: 'Hằng tuần',
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  'half-yearly': 'Định kỳ 6 tháng',
  yearly: 'Hằng năm',
};

const RECURRENCE_EN: Record<Recurrence, string> = {
  continuous: 'Ongoing',
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  'half-yearly': 'Every six months',
  yearly: 'Yearly',
};

/** Display text that parseTimeline reads back to the same Timeline. */
export function formatTimelineVi(t: Timeline): string {
  switch (t.kind) {
    case 'recurring':
      return RECURRENCE_VI[t.every];
    case 'on-request':
      return 'Theo yêu cầu';
    case 'unparsed':
      return t.text;
    case 'deadline': {
      const p = timelinePeriod(t);
      if (p) return periodLabelVi(p);
      if (t.start) return `Từ ngày ${formatDateVi(t.start)} đến ngày ${formatDateVi(t.deadline)}`;
      return `Trước ngày ${formatDateVi(t.deadline)}`;
    }
  }
}

export function formatTimelineEn(t: Timeline): string {
  switch (t.kind) {
    case 'recurring':
      return RECURRENCE_EN[t.every];
    case 'on-request':
      return 'On request';
    case 'unparsed':
      return t.text;
    case 'deadline': {
      const p = timelinePeriod(t);
      if (p) return periodLabelEn(p);
      if (t.start) return `From ${t.start} to ${t.deadline}`;
      return `By ${t.deadline}`;
    }
  }
}
