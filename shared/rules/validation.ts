/**
 * Validation of what officers type. Returns every problem found as an Issue
 * (code + params) instead of throwing, so a form can show them all at once,
 * an Excel import can list them per row, and each host translates the code
 * through shared/i18n/messages-rules.ts.
 */
import { isFiniteNumber } from './math';
import { formatPeriodCode, parsePeriod } from './period';
import { isRecordedStatus } from './task-status';

export interface Issue {
  code: RulesIssueCode;
  params?: Record<string, string | number>;
}

/** Every code this module can return; messages-rules.ts must translate each one (the type checker enforces it). */
export const RULES_ISSUE_CODES = [
  'value.missing',
  'value.not_a_number',
  'value.negative',
  'value.percent_out_of_range',
  'value.both_forms',
  'value.ratio_required',
  'value.plain_required',
  'value.numerator_missing',
  'value.denominator_missing',
  'value.numerator_not_a_number',
  'value.denominator_not_a_number',
  'value.numerator_negative',
  'value.denominator_negative',
  'value.denominator_zero',
  'value.numerator_above_denominator',
  'value.duplicate_period',
  'period.invalid',
  'progress.not_a_number',
  'progress.not_integer',
  'progress.out_of_range',
  'status.invalid',
  'status.done_requires_100',
  'status.not_started_with_progress',
] as const;

export type RulesIssueCode = (typeof RULES_ISSUE_CODES)[number];

function issue(code: RulesIssueCode, params?: Record<string, string | number>): Issue {
  return params ? { code, params } : { code };
}

function present(v: unknown): boolean {
  return v !== null && v !== undefined;
}

/** '%' is the only unit whose values are bounded to 0–100. */
export function isPercentUnit(unit: string | null | undefined): boolean {
  return typeof unit === 'string' && unit.trim() === '%';
}

export interface IndicatorDef {
  unit: string;
  isRatio: boolean;
}

export interface IndicatorValueInput {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

function validateRatioPart(v: number | null | undefined, part: 'numerator' | 'denominator', out: Issue[]): v is number {
  if (!present(v)) {
    out.push(issue(`value.${part}_missing`));
    return false;
  }
  if (!isFiniteNumber(v)) {
    out.push(issue(`value.${part}_not_a_number`));
    return false;
  }
  if (v < 0) {
    out.push(issue(`value.${part}_negative`, { [part]: v }));
    return false;
  }
  return true;
}

/**
 * A ratio indicator is entered as numerator and denominator (the report shows
 * both, and the city re-adds them across wards); a plain one as a single
 * value. Mixing the two would leave it unclear which figure is the truth.
 */
export function validateIndicatorValue(def: IndicatorDef, input: IndicatorValueInput): Issue[] {
  const hasValue = present(input.value);
  const hasNum = present(input.numerator);
  const hasDen = present(input.denominator);
  if (hasValue && (hasNum || hasDen)) return [issue('value.both_forms')];

  if (def.isRatio) {
    if (hasValue) return [issue('value.ratio_required')];
    if (!hasNum && !hasDen) return [issue('value.missing')];
    const out: Issue[] = [];
    const numOk = validateRatioPart(input.numerator, 'numerator', out);
    const denOk = validateRatioPart(input.denominator, 'denominator', out);
    if (denOk && input.denominator === 0) out.push(issue('value.denominator_zero'));
    else if (numOk && denOk && (input.numerator as number) > (input.denominator as number)) {
      out.push(
        issue('value.numerator_above_denominator', {
          numerator: input.numerator as number,
          denominator: input.denominator as number,
        }),
      );
    }
    return out;
  }

  if (hasNum || hasDen) return [issue('value.plain_required')];
  if (!hasValue) return [issue('value.missing')];
  const v = input.value;
  if (!isFiniteNumber(v)) return [issue('value.not_a_number')];
  if (isPercentUnit(def.unit)) {
    return v < 0 || v > 100 ? [issue('value.percent_out_of_range', { value: v })] : [];
  }
  // Plan indicators count things (systems, people, documents, đồng); none can be negative.
  return v < 0 ? [issue('value.negative', { value: v })] : [];
}

export function validatePeriodCode(code: string): Issue[] {
  return parsePeriod(code) ? [] : [issue('period.invalid', { period: String(code ?? '') })];
}

/**
 * One value per indicator and period. Codes are compared the way they mean,
 * not the way they are typed: '2026-03' and '2026-M03' are the same month,
 * 'ht-01 ' is HT-01. Rows reports the 1-based positions in `rows`.
 */
export function findDuplicatePeriodValues(rows: readonly { indicatorCode: string; period: string }[]): Issue[] {
  const groups = new Map<string, { indicatorCode: string; period: string; positions: number[] }>();
  rows.forEach((row, i) => {
    const indicatorCode = String(row.indicatorCode ?? '')
      .trim()
      .toUpperCase();
    const parsed = parsePeriod(row.period);
    const period = parsed
      ? formatPeriodCode(parsed)
      : String(row.period ?? '')
          .trim()
          .toUpperCase();
    const key = `${indicatorCode}\u0000${period}`;
    const g = groups.get(key);
    if (g) g.positions.push(i + 1);
    else groups.set(key, { indicatorCode, period, positions: [i + 1] });
  });
  const out: Issue[] = [];
  for (const g of groups.values()) {
    if (g.positions.length > 1) {
      out.push(
        issue('value.duplicate_period', {
          indicatorCode: g.indicatorCode,
          period: g.period,
          count: g.positions.length,
          rows: g.positions.join(', '),
        }),
      );
    }
  }
  return out;
}

/** Progress is a whole percentage 0..100: officers report 30%, 50%, not 33.3%. */
export function validateProgressPercent(n: number): Issue[] {
  if (!isFiniteNumber(n)) return [issue('progress.not_a_number')];
  if (n < 0 || n > 100) return [issue('progress.out_of_range', { percent: n })];
  if (!Number.isInteger(n)) return [issue('progress.not_integer', { percent: n })];
  return [];
}

/**
 * A recorded status and its percent must not contradict each other: 'done'
 * is 100% (when a percent is given at all), and 'not started' cannot already
 * be partly done. 100% while 'in progress' is allowed: work can be finished
 * but still waiting for acceptance.
 */
export function validateTaskStatusChange(change: { status: string; percent?: number | null }): Issue[] {
  const out: Issue[] = [];
  if (!isRecordedStatus(change.status)) out.push(issue('status.invalid', { status: String(change.status) }));
  if (!present(change.percent)) return out;
  const percentIssues = validateProgressPercent(change.percent as number);
  if (percentIssues.length > 0) return out.concat(percentIssues);
  const percent = change.percent as number;
  if (change.status === 'done' && percent !== 100) out.push(issue('status.done_requires_100', { percent }));
  if (change.status === 'not_started' && percent > 0) out.push(issue('status.not_started_with_progress', { percent }));
  return out;
}
