/**
 * Indicators (chỉ tiêu): comparator + target, and whether a value meets it.
 */
import { formatNumberEn, formatNumberVi } from './format-vi';
import { isFiniteNumber, roundTo } from './math';

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

export function evaluateIndicator(
  comparator: Comparator,
  target: number,
  actual: number | null | undefined,
): IndicatorOutcome {
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
