/**
 * Indicators (chỉ tiêu): comparator + target, and whether a value meets it.
 */
import { formatNumberEn, formatNumberVi } from './format-vi';
import { isFiniteNumber, roundTo } from './math';
import { formatPeriodCode, parsePeriod, type Period } from './period';

export { roundTo } from './math';

export type Comparator = '>' | '>=' | '=' | '<=' | '<';
export const COMPARATORS: readonly Comparator[] = ['>', '>=', '=', '<=', '<'];

const COMPARATOR_ALIASES: Record<string, Comparator> = {
  '>': '>',
  '>=': '>=',
  '≥': '>=',
  '=>': '>=',
  '=': '=',
  '==': '=',
  '<=': '<=',
  '≤': '<=',
  '=<': '<=',
  '<': '<',
};

/** Accepts what plans and Excel sheets contain, including '≥' and '≤'; anything else → null. */
export function parseComparator(s: string | null | undefined): Comparator | null {
  if (typeof s !== 'string') return null;
  // Stryker disable next-line Regex: removing every space one at a time or in runs gives the same text
  return COMPARATOR_ALIASES[s.replace(/\s+/g, '')] ?? null;
}

/**
 * numerator / denominator as a percentage, unrounded. Multiplies first:
 * 29 / 100 * 100 is 28.999999999999996 in binary, 29 * 100 / 100 is 29.
 * NaN when it cannot be computed (denominator 0 or a non-finite input):
 * validation refuses those values before they are stored, and
 * evaluateIndicator reads NaN as "no data" rather than as a figure.
 */
export function ratioPercent(numerator: number, denominator: number): number {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return NaN;
  return (numerator * 100) / denominator;
}

export type IndicatorOutcome = 'dat' | 'chua_dat' | 'no_data';
export const INDICATOR_OUTCOMES: readonly IndicatorOutcome[] = ['dat', 'chua_dat', 'no_data'];

/**
 * Two numbers closer than this are equal. Relative, because a computed ratio
 * can land on 99.99999999999999 when the officer's data really say 100, yet a
 * real shortfall of 0.01 point must still be 'chưa đạt'.
 */
function tolerance(a: number, b: number): number {
  return 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function evaluateIndicator(comparator: Comparator, target: number, actual: number | null | undefined): IndicatorOutcome {
  if (!isFiniteNumber(actual)) return 'no_data';
  if (!Number.isFinite(target) || !COMPARATORS.includes(comparator)) return 'no_data';
  const eps = tolerance(target, actual);
  const diff = actual - target;
  let met: boolean;
  switch (comparator) {
    case '>':
      met = diff > eps;
      break;
    case '>=':
      met = diff >= -eps;
      break;
    case '=':
      met = Math.abs(diff) <= eps;
      break;
    case '<=':
      met = diff <= eps;
      break;
    case '<':
      met = diff < -eps;
      break;
  }
  return met ? 'dat' : 'chua_dat';
}

const OUTCOME_LABELS: Record<'vi' | 'en', Record<IndicatorOutcome, string>> = {
  vi: { dat: 'Đạt', chua_dat: 'Chưa đạt', no_data: 'Chưa có số liệu' },
  en: { dat: 'Met', chua_dat: 'Not met', no_data: 'No data' },
};

export function indicatorOutcomeLabel(outcome: IndicatorOutcome, lang: 'vi' | 'en'): string {
  return OUTCOME_LABELS[lang][outcome];
}

/**
 * actual − baseline in the indicator's own unit (points for a percentage),
 * or null when either is missing. Float noise is cleaned (89.5 − 85.87 is
 * 3.6300000000000097 in binary) so equal values compare as equal.
 */
export function baselineChange(actual: number | null | undefined, baseline: number | null | undefined): number | null {
  if (!isFiniteNumber(actual) || !isFiniteNumber(baseline)) return null;
  return roundTo(actual - baseline, 10);
}

export type ChangeDirection = 'up' | 'down' | 'same';

export function changeDirection(change: number, decimals = 2): ChangeDirection {
  // Judged on the shown precision, so the text never says 'tăng 0' or 'giảm 0'.
  const r = roundTo(change, decimals);
  return r > 0 ? 'up' : r < 0 ? 'down' : 'same';
}

/**
 * The phrase a report uses after an indicator's value:
 * 'tăng 3,63 điểm so với năm trước', 'giảm 2 điểm ...', 'bằng năm trước'.
 * For a percentage the difference is in points ('điểm'); for other units the
 * unit is named ('tăng 5 hệ thống ...'). Null without both numbers.
 */
export function baselineChangeText(
  actual: number | null | undefined,
  baseline: number | null | undefined,
  lang: 'vi' | 'en',
  // Stryker disable next-line StringLiteral: '%' and '' both mean a percentage here
  unit = '%',
): string | null {
  const change = baselineChange(actual, baseline);
  if (change === null) return null;
  const dir = changeDirection(change);
  const u = unit.trim();
  const isPercent = u === '%' || u === '';
  if (lang === 'vi') {
    if (dir === 'same') return 'bằng năm trước';
    const amount = formatNumberVi(Math.abs(change));
    const what = isPercent ? 'điểm' : u;
    return `${dir === 'up' ? 'tăng' : 'giảm'} ${amount} ${what} so với năm trước`;
  }
  if (dir === 'same') return 'unchanged on last year';
  const amount = formatNumberEn(Math.abs(change));
  const what = isPercent ? (Math.abs(change) === 1 ? 'point' : 'points') : u;
  return `${dir === 'up' ? 'up' : 'down'} ${amount} ${what} on last year`;
}

const SYMBOLS: Record<Comparator, string> = { '>': '>', '>=': '≥', '=': '=', '<=': '≤', '<': '<' };

const WORDS: Record<'vi' | 'en', Record<Comparator, string>> = {
  vi: { '>': 'lớn hơn', '>=': 'không thấp hơn', '=': 'bằng', '<=': 'không vượt quá', '<': 'nhỏ hơn' },
  en: { '>': 'more than', '>=': 'at least', '=': 'exactly', '<=': 'at most', '<': 'less than' },
};

/** '≥' by default (the symbols read the same in both languages); style 'words' gives 'không thấp hơn' / 'at least'. */
export function comparatorText(c: Comparator, lang: 'vi' | 'en', style: 'symbol' | 'words' = 'symbol'): string {
  return style === 'symbol' ? SYMBOLS[c] : WORDS[lang][c];
}

/** '> 84%', '≥ 100%', '≥ 3.500 hồ sơ' (English: '≥ 3,500 hồ sơ'). */
export function targetText(c: Comparator, target: number, unit: string, lang: 'vi' | 'en'): string {
  const n = lang === 'vi' ? formatNumberVi(target) : formatNumberEn(target);
  const u = unit.trim();
  return `${SYMBOLS[c]} ${n}${u === '%' || u === '' ? u : ` ${u}`}`;
}

// ---- values of shorter periods make a longer one's ---------------------------------------------

/**
 * How an indicator's values of shorter periods make the value of a longer one, set in the
 * indicator's definition:
 * - 'latest': the most recent value inside the period (a stock: "số hệ thống đang vận hành");
 * - 'sum': the values added up (a flow: "số hồ sơ tiếp nhận");
 * - 'average': the mean, weighted by the months each value covers.
 * A ratio indicator always adds numerators and denominators, whatever the rule says, because
 * the quarter's ratio is not the mean of the months' ratios.
 */
export type Aggregation = 'latest' | 'sum' | 'average';
export const AGGREGATIONS: readonly Aggregation[] = ['latest', 'sum', 'average'];

export function isAggregation(x: unknown): x is Aggregation {
  return typeof x === 'string' && (AGGREGATIONS as readonly string[]).includes(x);
}

export interface PeriodValue {
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export interface AggregatedValue {
  value: number;
  numerator: number | null;
  denominator: number | null;
  /** The periods whose values were used, oldest first. */
  parts: string[];
  /** Whether those periods cover the whole period asked for. */
  complete: boolean;
}

function childPeriods(p: Period): Period[] {
  switch (p.kind) {
    case 'year':
      return [1, 2].map((index) => ({ kind: 'half', year: p.year, index }));
    case 'half':
      return [1, 2].map((i) => ({ kind: 'quarter', year: p.year, index: (p.index - 1) * 2 + i }));
    case 'quarter':
      return [1, 2, 3].map((i) => ({ kind: 'month', year: p.year, index: (p.index - 1) * 3 + i }));
    case 'month':
      return [];
  }
}

const MONTHS: Record<Period['kind'], number> = { month: 1, quarter: 3, half: 6, year: 12 };

interface Partial_ extends AggregatedValue {
  months: number;
}

/**
 * The value of `period` from values entered for it or for periods inside it. A value entered for
 * the period itself wins; otherwise its halves, quarters or months are combined by the rule, each
 * of them taken whole when it has its own value, so a year made of Q1–Q2 and July–December mixes
 * them without counting a month twice. null: no value inside the period.
 */
export function aggregateIndicatorValues(
  values: readonly PeriodValue[],
  period: Period,
  rule: { isRatio: boolean; aggregation: Aggregation | null },
): AggregatedValue | null {
  const byCode = new Map<string, PeriodValue>();
  for (const v of values) {
    const p = parsePeriod(v.period);
    if (p) byCode.set(formatPeriodCode(p), v);
  }
  const walk = (p: Period): Partial_ | null => {
    const code = formatPeriodCode(p);
    const own = byCode.get(code);
    if (own) return { value: own.value, numerator: own.numerator, denominator: own.denominator, parts: [code], complete: true, months: MONTHS[p.kind] };
    const kids = childPeriods(p)
      .map(walk)
      .filter((k): k is Partial_ => k !== null);
    if (kids.length === 0) return null;
    const months = kids.reduce((n, k) => n + k.months, 0);
    const parts = kids.flatMap((k) => k.parts);
    const complete = months === MONTHS[p.kind] && kids.every((k) => k.complete);
    if (rule.isRatio && kids.every((k) => k.numerator !== null && k.denominator !== null)) {
      const numerator = kids.reduce((n, k) => n + k.numerator!, 0);
      const denominator = kids.reduce((n, k) => n + k.denominator!, 0);
      const value = roundTo(ratioPercent(numerator, denominator), 2);
      if (Number.isFinite(value)) return { value, numerator, denominator, parts, complete, months };
    }
    const aggregation = rule.isRatio ? 'latest' : (rule.aggregation ?? 'latest');
    if (aggregation === 'sum')
      return {
        value: roundTo(
          kids.reduce((n, k) => n + k.value, 0),
          10,
        ),
        numerator: null,
        denominator: null,
        parts,
        complete,
        months,
      };
    if (aggregation === 'average') {
      const value = roundTo(kids.reduce((n, k) => n + k.value * k.months, 0) / months, 10);
      return { value, numerator: null, denominator: null, parts, complete, months };
    }
    const last = kids[kids.length - 1]!;
    return { ...last, complete: last.complete && complete };
  };
  const r = walk(period);
  if (!r) return null;
  return { value: r.value, numerator: r.numerator, denominator: r.denominator, parts: r.parts, complete: r.complete };
}
