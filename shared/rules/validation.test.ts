import { describe, expect, it } from 'vitest';
import { rulesMessagesEn, rulesMessagesVi } from '../i18n/messages-rules';
import {
  RULES_ISSUE_CODES,
  findDuplicatePeriodValues,
  isPercentUnit,
  validateIndicatorValue,
  validatePeriodCode,
  validateProgressPercent,
  validateTaskStatusChange,
  type Issue,
} from './validation';

const percent = { unit: '%', isRatio: false };
const ratio = { unit: '%', isRatio: true };
const count = { unit: 'hệ thống', isRatio: false };
const codes = (issues: Issue[]) => issues.map((i) => i.code);

describe('validateIndicatorValue: ratios', () => {
  it('accepts a good ratio, including 0 and equal parts', () => {
    expect(validateIndicatorValue(ratio, { numerator: 3658476, denominator: 3670241 })).toEqual([]);
    expect(validateIndicatorValue(ratio, { numerator: 0, denominator: 10 })).toEqual([]);
    expect(validateIndicatorValue(ratio, { numerator: 10, denominator: 10, value: null })).toEqual([]);
  });
  it('numerator above denominator, with both numbers in the params', () => {
    expect(validateIndicatorValue(ratio, { numerator: 3670242, denominator: 3670241 })).toEqual([
      { code: 'value.numerator_above_denominator', params: { numerator: 3670242, denominator: 3670241 } },
    ]);
  });
  it('denominator zero', () => {
    expect(codes(validateIndicatorValue(ratio, { numerator: 0, denominator: 0 }))).toEqual(['value.denominator_zero']);
    // Zero denominator is reported once, not also as numerator > denominator.
    expect(codes(validateIndicatorValue(ratio, { numerator: 5, denominator: 0 }))).toEqual(['value.denominator_zero']);
  });
  it('needs both parts', () => {
    expect(codes(validateIndicatorValue(ratio, { numerator: 5 }))).toEqual(['value.denominator_missing']);
    expect(codes(validateIndicatorValue(ratio, { denominator: 5, numerator: null }))).toEqual(['value.numerator_missing']);
    expect(codes(validateIndicatorValue(ratio, {}))).toEqual(['value.missing']);
  });
  it('refuses negative parts, each reported', () => {
    expect(validateIndicatorValue(ratio, { numerator: -1, denominator: -5 })).toEqual([
      { code: 'value.numerator_negative', params: { numerator: -1 } },
      { code: 'value.denominator_negative', params: { denominator: -5 } },
    ]);
  });
  it('refuses NaN and Infinity', () => {
    expect(codes(validateIndicatorValue(ratio, { numerator: Number.NaN, denominator: 5 }))).toEqual(['value.numerator_not_a_number']);
    expect(codes(validateIndicatorValue(ratio, { numerator: 5, denominator: Number.POSITIVE_INFINITY }))).toEqual(['value.denominator_not_a_number']);
  });
  it('a ratio typed as a single value is refused with a pointer to the right form', () => {
    expect(codes(validateIndicatorValue(ratio, { value: 99.68 }))).toEqual(['value.ratio_required']);
  });
  it('never both forms at once', () => {
    expect(codes(validateIndicatorValue(ratio, { value: 99.68, numerator: 1, denominator: 2 }))).toEqual(['value.both_forms']);
    expect(codes(validateIndicatorValue(percent, { value: 50, denominator: 2 }))).toEqual(['value.both_forms']);
  });
});

describe('validateIndicatorValue: plain values', () => {
  it('a percentage lies in 0..100, both ends included', () => {
    expect(validateIndicatorValue(percent, { value: 0 })).toEqual([]);
    expect(validateIndicatorValue(percent, { value: 100 })).toEqual([]);
    expect(validateIndicatorValue(percent, { value: 85.87 })).toEqual([]);
    expect(validateIndicatorValue(percent, { value: 100.01 })).toEqual([{ code: 'value.percent_out_of_range', params: { value: 100.01 } }]);
    expect(codes(validateIndicatorValue(percent, { value: -0.5 }))).toEqual(['value.percent_out_of_range']);
  });
  it("'%' with spaces is still a percentage", () => {
    expect(codes(validateIndicatorValue({ unit: ' % ', isRatio: false }, { value: 120 }))).toEqual(['value.percent_out_of_range']);
  });
  it('other units are not capped at 100 but cannot be negative', () => {
    expect(validateIndicatorValue(count, { value: 3500 })).toEqual([]);
    expect(validateIndicatorValue(count, { value: -3 })).toEqual([{ code: 'value.negative', params: { value: -3 } }]);
  });
  it('needs a finite value', () => {
    expect(codes(validateIndicatorValue(percent, {}))).toEqual(['value.missing']);
    expect(codes(validateIndicatorValue(percent, { value: null }))).toEqual(['value.missing']);
    expect(codes(validateIndicatorValue(percent, { value: Number.NaN }))).toEqual(['value.not_a_number']);
    expect(codes(validateIndicatorValue(count, { value: Number.NEGATIVE_INFINITY }))).toEqual(['value.not_a_number']);
    expect(codes(validateIndicatorValue(count, { value: '12' as unknown as number }))).toEqual(['value.not_a_number']);
  });
  it('a plain indicator typed as a ratio is refused', () => {
    expect(codes(validateIndicatorValue(count, { numerator: 1, denominator: 2 }))).toEqual(['value.plain_required']);
  });
});

describe('findDuplicatePeriodValues', () => {
  it('no issue when each indicator has one value per period', () => {
    expect(
      findDuplicatePeriodValues([
        { indicatorCode: 'HT-01', period: '2026-Q1' },
        { indicatorCode: 'HT-01', period: '2026-Q2' },
        { indicatorCode: 'HT-02', period: '2026-Q1' },
        // A month and the quarter containing it are different periods.
        { indicatorCode: 'HT-01', period: '2026-M01' },
      ]),
    ).toEqual([]);
  });
  it('reports each duplicated pair once with positions', () => {
    expect(
      findDuplicatePeriodValues([
        { indicatorCode: 'HT-01', period: '2026-Q1' },
        { indicatorCode: 'HT-02', period: '2026-Q1' },
        { indicatorCode: 'HT-01', period: '2026-Q1' },
        { indicatorCode: 'HT-01', period: '2026-Q1' },
      ]),
    ).toEqual([{ code: 'value.duplicate_period', params: { indicatorCode: 'HT-01', period: '2026-Q1', count: 3, rows: '1, 3, 4' } }]);
  });
  it('compares by meaning: month spellings, case and spaces', () => {
    const issues = findDuplicatePeriodValues([
      { indicatorCode: 'HT-01', period: '2026-03' },
      { indicatorCode: 'ht-01 ', period: '2026-M03' },
    ]);
    expect(issues).toEqual([{ code: 'value.duplicate_period', params: { indicatorCode: 'HT-01', period: '2026-M03', count: 2, rows: '1, 2' } }]);
  });
  it('still catches duplicates of an unreadable period code', () => {
    expect(
      codes(
        findDuplicatePeriodValues([
          { indicatorCode: 'A', period: 'Q3' },
          { indicatorCode: 'A', period: 'q3' },
        ]),
      ),
    ).toEqual(['value.duplicate_period']);
  });
  it('validatePeriodCode', () => {
    expect(validatePeriodCode('2026-Q3')).toEqual([]);
    expect(validatePeriodCode('2026-Q5')).toEqual([{ code: 'period.invalid', params: { period: '2026-Q5' } }]);
  });
});

describe('progress and status', () => {
  it('validateProgressPercent', () => {
    expect(validateProgressPercent(0)).toEqual([]);
    expect(validateProgressPercent(100)).toEqual([]);
    expect(validateProgressPercent(55)).toEqual([]);
    expect(validateProgressPercent(101)).toEqual([{ code: 'progress.out_of_range', params: { percent: 101 } }]);
    expect(codes(validateProgressPercent(-1))).toEqual(['progress.out_of_range']);
    expect(validateProgressPercent(33.3)).toEqual([{ code: 'progress.not_integer', params: { percent: 33.3 } }]);
    expect(codes(validateProgressPercent(Number.NaN))).toEqual(['progress.not_a_number']);
    expect(codes(validateProgressPercent(null as unknown as number))).toEqual(['progress.not_a_number']);
  });
  it('done means 100% when a percent is given', () => {
    expect(validateTaskStatusChange({ status: 'done', percent: 100 })).toEqual([]);
    expect(validateTaskStatusChange({ status: 'done' })).toEqual([]);
    expect(validateTaskStatusChange({ status: 'done', percent: null })).toEqual([]);
    expect(validateTaskStatusChange({ status: 'done', percent: 90 })).toEqual([{ code: 'status.done_requires_100', params: { percent: 90 } }]);
  });
  it('not started cannot be partly done; in progress may be at 0 or 100', () => {
    expect(validateTaskStatusChange({ status: 'not_started', percent: 0 })).toEqual([]);
    expect(codes(validateTaskStatusChange({ status: 'not_started', percent: 20 }))).toEqual(['status.not_started_with_progress']);
    expect(validateTaskStatusChange({ status: 'in_progress', percent: 0 })).toEqual([]);
    expect(validateTaskStatusChange({ status: 'in_progress', percent: 100 })).toEqual([]);
  });
  it('percent problems come before status/percent agreement', () => {
    expect(codes(validateTaskStatusChange({ status: 'done', percent: 150 }))).toEqual(['progress.out_of_range']);
    expect(codes(validateTaskStatusChange({ status: 'in_progress', percent: 12.5 }))).toEqual(['progress.not_integer']);
  });
  it('refuses statuses that are computed, not recorded', () => {
    expect(validateTaskStatusChange({ status: 'overdue' })).toEqual([{ code: 'status.invalid', params: { status: 'overdue' } }]);
    expect(codes(validateTaskStatusChange({ status: 'done_late', percent: 100 }))).toEqual(['status.invalid']);
  });
});

describe('messages', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

  it('every code has a Vietnamese and an English message, and no message is orphaned', () => {
    for (const code of RULES_ISSUE_CODES) {
      expect(rulesMessagesVi[code], code).toMatch(/\S/);
      expect(rulesMessagesEn[code], code).toMatch(/\S/);
    }
    expect(Object.keys(rulesMessagesVi).sort()).toEqual([...RULES_ISSUE_CODES].sort());
    expect(Object.keys(rulesMessagesEn).sort()).toEqual([...RULES_ISSUE_CODES].sort());
  });

  it('both languages use the same placeholders', () => {
    for (const code of RULES_ISSUE_CODES) {
      expect(placeholders(rulesMessagesEn[code]), code).toEqual(placeholders(rulesMessagesVi[code]));
    }
  });

  it('each message says what is wrong and what to do (two sentences at least)', () => {
    for (const msg of [...Object.values(rulesMessagesVi), ...Object.values(rulesMessagesEn)]) {
      expect(msg.split(/[.:]\s/).length, msg).toBeGreaterThanOrEqual(2);
    }
  });

  it('every code actually returned is translated, and its params fill every placeholder', () => {
    const returned: Issue[] = [
      ...validateIndicatorValue(ratio, { value: 1, numerator: 1 }),
      ...validateIndicatorValue(ratio, { value: 1 }),
      ...validateIndicatorValue(ratio, {}),
      ...validateIndicatorValue(ratio, { numerator: null, denominator: 0 }),
      ...validateIndicatorValue(ratio, { numerator: 6, denominator: 5 }),
      ...validateIndicatorValue(ratio, { numerator: -6, denominator: -5 }),
      ...validateIndicatorValue(ratio, { numerator: Number.NaN, denominator: Number.NaN }),
      ...validateIndicatorValue(ratio, { numerator: 1 }),
      ...validateIndicatorValue(percent, { value: 101 }),
      ...validateIndicatorValue(percent, { value: Number.NaN }),
      ...validateIndicatorValue(count, { value: -1 }),
      ...validateIndicatorValue(count, { numerator: 1, denominator: 2 }),
      ...findDuplicatePeriodValues([
        { indicatorCode: 'X', period: '2026' },
        { indicatorCode: 'X', period: '2026' },
      ]),
      ...validatePeriodCode('nope'),
      ...validateProgressPercent(Number.NaN),
      ...validateProgressPercent(1.5),
      ...validateProgressPercent(-1),
      ...validateTaskStatusChange({ status: 'x' }),
      ...validateTaskStatusChange({ status: 'done', percent: 50 }),
      ...validateTaskStatusChange({ status: 'not_started', percent: 50 }),
    ];
    const seen = new Set(returned.map((i) => i.code));
    // The inputs above reach every code, so a new code without a case here fails.
    expect([...seen].sort()).toEqual([...RULES_ISSUE_CODES].sort());
    for (const issue of returned) {
      const vi = (rulesMessagesVi as Record<string, string>)[issue.code];
      const en = (rulesMessagesEn as Record<string, string>)[issue.code];
      expect(vi, issue.code).toBeDefined();
      expect(en, issue.code).toBeDefined();
      for (const p of placeholders(vi ?? '')) expect(issue.params ?? {}, `${issue.code} {{${p}}}`).toHaveProperty(p);
    }
  });

  it('the Vietnamese example from the brief reads as intended once filled', () => {
    const [issue] = validateIndicatorValue(ratio, { numerator: 12, denominator: 10 });
    const filled = rulesMessagesVi['value.numerator_above_denominator'].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(issue?.params?.[k]));
    expect(filled).toBe('Tử số (12) lớn hơn mẫu số (10). Kiểm tra lại hai số đã nhập.');
  });
});

describe('edges a changed rule would cross', () => {
  it('a count of 0 is a figure like any other', () => {
    expect(validateIndicatorValue(count, { value: 0 })).toEqual([]);
    expect(validateIndicatorValue(count, { value: -0.01 })).toEqual([{ code: 'value.negative', params: { value: -0.01 } }]);
    expect(validateIndicatorValue({ unit: '', isRatio: false }, { value: 250 })).toEqual([]);
    expect(validateIndicatorValue({ unit: '%%', isRatio: false }, { value: 250 })).toEqual([]);
  });

  it('ratio parts: zero numerator, a numerator equal to the denominator, and one just above', () => {
    expect(validateIndicatorValue(ratio, { numerator: 0, denominator: 1 })).toEqual([]);
    expect(validateIndicatorValue(ratio, { numerator: 7, denominator: 7 })).toEqual([]);
    expect(validateIndicatorValue(ratio, { numerator: 7.5, denominator: 7 })).toEqual([
      { code: 'value.numerator_above_denominator', params: { numerator: 7.5, denominator: 7 } },
    ]);
    expect(validateIndicatorValue(ratio, { numerator: 5, denominator: -1 })).toEqual([{ code: 'value.denominator_negative', params: { denominator: -1 } }]);
    expect(validateIndicatorValue(ratio, { numerator: -1, denominator: 0 })).toEqual([
      { code: 'value.numerator_negative', params: { numerator: -1 } },
      { code: 'value.denominator_zero' },
    ]);
    expect(validateIndicatorValue(ratio, { numerator: Number.NaN, denominator: Number.NaN })).toEqual([
      { code: 'value.numerator_not_a_number' },
      { code: 'value.denominator_not_a_number' },
    ]);
    expect(validateIndicatorValue(ratio, { numerator: 1, denominator: 2, value: undefined })).toEqual([]);
    expect(validateIndicatorValue(ratio, { value: 5 })).toEqual([{ code: 'value.ratio_required' }]);
    expect(validateIndicatorValue(count, { numerator: 1 })).toEqual([{ code: 'value.plain_required' }]);
    expect(validateIndicatorValue(count, { denominator: 1 })).toEqual([{ code: 'value.plain_required' }]);
    expect(validateIndicatorValue(count, { value: 1, numerator: 1 })).toEqual([{ code: 'value.both_forms' }]);
    expect(validateIndicatorValue(count, {})).toEqual([{ code: 'value.missing' }]);
  });

  it('period codes and duplicates', () => {
    expect(validatePeriodCode('2026-Q4')).toEqual([]);
    expect(validatePeriodCode('2026-Q5')).toEqual([{ code: 'period.invalid', params: { period: '2026-Q5' } }]);
    expect(validatePeriodCode(undefined as unknown as string)).toEqual([{ code: 'period.invalid', params: { period: '' } }]);
    expect(
      findDuplicatePeriodValues([
        { indicatorCode: 'A', period: '2026-Q1' },
        { indicatorCode: 'A', period: '2026-Q2' },
      ]),
    ).toEqual([]);
    expect(
      findDuplicatePeriodValues([
        { indicatorCode: ' ht-01', period: 'x' },
        { indicatorCode: 'B', period: '2026' },
        { indicatorCode: 'HT-01 ', period: ' X ' },
        { indicatorCode: 'HT-01', period: 'x' },
      ]),
    ).toEqual([{ code: 'value.duplicate_period', params: { indicatorCode: 'HT-01', period: 'X', count: 3, rows: '1, 3, 4' } }]);
    expect(
      findDuplicatePeriodValues([
        { indicatorCode: undefined as unknown as string, period: undefined as unknown as string },
        { indicatorCode: '', period: '' },
      ]),
    ).toEqual([{ code: 'value.duplicate_period', params: { indicatorCode: '', period: '', count: 2, rows: '1, 2' } }]);
  });

  it('status and percent', () => {
    expect(validateProgressPercent(Number.POSITIVE_INFINITY)).toEqual([{ code: 'progress.not_a_number' }]);
    expect(validateProgressPercent(-1)).toEqual([{ code: 'progress.out_of_range', params: { percent: -1 } }]);
    expect(validateTaskStatusChange({ status: 'hacked', percent: 100 })).toEqual([{ code: 'status.invalid', params: { status: 'hacked' } }]);
    expect(validateTaskStatusChange({ status: 'hacked', percent: 150 })).toEqual([
      { code: 'status.invalid', params: { status: 'hacked' } },
      { code: 'progress.out_of_range', params: { percent: 150 } },
    ]);
    expect(validateTaskStatusChange({ status: 'not_started', percent: 1 })).toEqual([{ code: 'status.not_started_with_progress', params: { percent: 1 } }]);
    expect(validateTaskStatusChange({ status: 'done', percent: 0 })).toEqual([{ code: 'status.done_requires_100', params: { percent: 0 } }]);
    expect(validateTaskStatusChange({ status: 'in_progress', percent: 50 })).toEqual([]);
  });
});

describe('one problem per cause', () => {
  it('a part that is missing or not a number is not also compared', () => {
    expect(validateIndicatorValue(ratio, { numerator: 5, denominator: null })).toEqual([{ code: 'value.denominator_missing' }]);
    expect(validateIndicatorValue(ratio, { numerator: Number.POSITIVE_INFINITY, denominator: 5 })).toEqual([{ code: 'value.numerator_not_a_number' }]);
    expect(isPercentUnit(null)).toBe(false);
    expect(isPercentUnit(undefined)).toBe(false);
    expect(isPercentUnit(' % ')).toBe(true);
  });
});
