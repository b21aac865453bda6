import { describe, expect, it } from 'vitest';
import demoPlan from '../demo/phuong-hai-duong-2026.json';
import {
  aggregateIndicatorValues,
  COMPARATORS,
  baselineChange,
  baselineChangeText,
  changeDirection,
  comparatorText,
  evaluateIndicator,
  indicatorOutcomeLabel,
  parseComparator,
  ratioPercent,
  roundTo,
  targetText,
  type Comparator,
} from './indicator';
import { parsePeriod } from './period';

describe('parseComparator', () => {
  it.each<[string, Comparator]>([
    ['>', '>'],
    ['>=', '>='],
    ['≥', '>='],
    ['=', '='],
    ['<=', '<='],
    ['≤', '<='],
    ['<', '<'],
    [' >= ', '>='],
    ['> =', '>='],
  ])('%j → %s', (s, c) => {
    expect(parseComparator(s)).toBe(c);
  });
  it.each(['', '>>', '!=', 'gt', '≠', '=>='])('%j → null', (s) => {
    expect(parseComparator(s)).toBeNull();
  });
  it('reads every comparator it can print', () => {
    for (const c of COMPARATORS) {
      expect(parseComparator(c)).toBe(c);
      expect(parseComparator(comparatorText(c, 'vi'))).toBe(c);
    }
  });
  it('reads every comparator of the demo plan', () => {
    for (const ind of demoPlan.indicators) expect(parseComparator(ind.comparator)).not.toBeNull();
  });
});

describe('ratioPercent and roundTo', () => {
  it('computes the domain example', () => {
    const p = ratioPercent(3658476, 3670241);
    expect(roundTo(p, 2)).toBe(99.68);
    // Unrounded: the caller chooses the precision.
    expect(p).not.toBe(99.68);
    expect(p).toBeCloseTo(99.679449, 6);
  });
  it('multiplies before dividing so exact ratios stay exact', () => {
    expect(ratioPercent(29, 100)).toBe(29);
    expect(ratioPercent(57, 100)).toBe(57);
    expect(ratioPercent(7, 7)).toBe(100);
    expect(ratioPercent(0, 5)).toBe(0);
  });
  it('is NaN when it cannot be computed', () => {
    expect(ratioPercent(5, 0)).toBeNaN();
    expect(ratioPercent(Number.NaN, 5)).toBeNaN();
    expect(ratioPercent(5, Number.POSITIVE_INFINITY)).toBeNaN();
  });
  it('rounds half away from zero on the written decimal', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(85.875, 2)).toBe(85.88);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(99.994, 2)).toBe(99.99);
    expect(roundTo(99.995, 2)).toBe(100);
    expect(roundTo(1234.5, 0)).toBe(1235);
    expect(roundTo(1e-7, 2)).toBe(0);
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
    expect(roundTo(12, 3)).toBe(12);
  });
  it('refuses silly precision', () => {
    expect(() => roundTo(1, -1)).toThrow(RangeError);
    expect(() => roundTo(1, 1.5)).toThrow(RangeError);
  });
});

describe('evaluateIndicator', () => {
  it('> is strict', () => {
    expect(evaluateIndicator('>', 84, 84.01)).toBe('dat');
    expect(evaluateIndicator('>', 84, 84)).toBe('chua_dat');
    expect(evaluateIndicator('>', 84, 83.99)).toBe('chua_dat');
    // A float that is 84 in all but binary noise is not "more than 84".
    expect(evaluateIndicator('>', 84, 84.00000000000001)).toBe('chua_dat');
  });
  it('>= includes its boundary, even through float noise', () => {
    expect(evaluateIndicator('>=', 100, 100)).toBe('dat');
    expect(evaluateIndicator('>=', 100, 99.99999999999999)).toBe('dat');
    expect(evaluateIndicator('>=', 100, 99.99)).toBe('chua_dat');
    expect(evaluateIndicator('>=', 100, ratioPercent(3670241, 3670241))).toBe('dat');
    // A ratio summed from rounded parts can overshoot or undershoot in the last bit.
    expect(evaluateIndicator('>=', 100, 100 - 1e-12)).toBe('dat');
  });
  it('= with tolerance', () => {
    expect(evaluateIndicator('=', 100, 99.99999999999999)).toBe('dat');
    expect(evaluateIndicator('=', 100, 100.00000000000001)).toBe('dat');
    expect(evaluateIndicator('=', 0.3, 0.1 + 0.2)).toBe('dat');
    expect(evaluateIndicator('=', 100, 99.9)).toBe('chua_dat');
    expect(evaluateIndicator('=', 0, 0.001)).toBe('chua_dat');
  });
  it('<= and <', () => {
    expect(evaluateIndicator('<=', 5, 5)).toBe('dat');
    expect(evaluateIndicator('<=', 5, 5.000000000000001)).toBe('dat');
    expect(evaluateIndicator('<=', 5, 5.01)).toBe('chua_dat');
    expect(evaluateIndicator('<', 5, 4.99)).toBe('dat');
    expect(evaluateIndicator('<', 5, 5)).toBe('chua_dat');
    expect(evaluateIndicator('<', 5, 4.999999999999999)).toBe('chua_dat');
  });
  it('tolerance scales with large numbers but never hides a real difference', () => {
    expect(evaluateIndicator('>=', 3670241, 3670240)).toBe('chua_dat');
    expect(evaluateIndicator('=', 3670241, 3670241.0000000005)).toBe('dat');
  });
  it('no data', () => {
    expect(evaluateIndicator('>', 84, null)).toBe('no_data');
    expect(evaluateIndicator('>', 84, undefined)).toBe('no_data');
    expect(evaluateIndicator('>', 84, Number.NaN)).toBe('no_data');
    expect(evaluateIndicator('>', 84, ratioPercent(1, 0))).toBe('no_data');
    expect(evaluateIndicator('>', Number.NaN, 90)).toBe('no_data');
  });
  it('zero is data, not missing', () => {
    expect(evaluateIndicator('>=', 0, 0)).toBe('dat');
    expect(evaluateIndicator('>', 50, 0)).toBe('chua_dat');
  });
  it('matches the demo plan baselines against their targets', () => {
    // Demo: baseline 85.87 vs target > 89 is not met; 100 vs > 93 is met.
    const byBaseline = demoPlan.indicators
      .filter((i) => i.baseline !== null)
      .map((i) => evaluateIndicator(parseComparator(i.comparator)!, i.target, i.baseline));
    expect(byBaseline).toContain('dat');
    expect(byBaseline).toContain('chua_dat');
  });
  it('labels', () => {
    expect(indicatorOutcomeLabel('dat', 'vi')).toBe('Đạt');
    expect(indicatorOutcomeLabel('chua_dat', 'vi')).toBe('Chưa đạt');
    expect(indicatorOutcomeLabel('chua_dat', 'en')).toBe('Not met');
  });
});

describe('baseline change', () => {
  it('is the difference in points, free of float noise', () => {
    expect(baselineChange(89.5, 85.87)).toBe(3.63);
    expect(baselineChange(72.2, 84)).toBe(-11.8);
    expect(baselineChange(100, 100)).toBe(0);
    expect(baselineChange(0, 0)).toBe(0);
  });
  it('is null without both numbers', () => {
    expect(baselineChange(90, null)).toBeNull();
    expect(baselineChange(null, 85)).toBeNull();
    expect(baselineChange(undefined, 85)).toBeNull();
    expect(baselineChange(Number.NaN, 85)).toBeNull();
  });
  it('says it the way a report does', () => {
    expect(baselineChangeText(89.5, 85.87, 'vi')).toBe('tăng 3,63 điểm so với năm trước');
    expect(baselineChangeText(72.2, 84, 'vi')).toBe('giảm 11,8 điểm so với năm trước');
    expect(baselineChangeText(100, 100, 'vi')).toBe('bằng năm trước');
    // A change too small to show is no change.
    expect(baselineChangeText(85.871, 85.87, 'vi')).toBe('bằng năm trước');
    expect(baselineChangeText(1250, 1200, 'vi', 'hồ sơ')).toBe('tăng 50 hồ sơ so với năm trước');
    expect(baselineChangeText(89.5, 85.87, 'en')).toBe('up 3.63 points on last year');
    expect(baselineChangeText(84, 85, 'en')).toBe('down 1 point on last year');
    expect(baselineChangeText(84, null, 'vi')).toBeNull();
    expect(changeDirection(-0.004)).toBe('same');
    expect(changeDirection(-0.005)).toBe('down');
  });
});

describe('comparator and target text', () => {
  it('symbols', () => {
    expect(COMPARATORS.map((c) => comparatorText(c, 'vi'))).toEqual(['>', '≥', '=', '≤', '<']);
    expect(comparatorText('>=', 'en')).toBe('≥');
  });
  it('words', () => {
    expect(comparatorText('>=', 'vi', 'words')).toBe('không thấp hơn');
    expect(comparatorText('<', 'en', 'words')).toBe('less than');
  });
  it('targets', () => {
    expect(targetText('>', 84, '%', 'vi')).toBe('> 84%');
    expect(targetText('>=', 99.5, '%', 'vi')).toBe('≥ 99,5%');
    expect(targetText('>=', 3500, 'hồ sơ', 'vi')).toBe('≥ 3.500 hồ sơ');
    expect(targetText('>=', 3500, 'hồ sơ', 'en')).toBe('≥ 3,500 hồ sơ');
  });
});

describe('aggregateIndicatorValues', () => {
  const Q3 = parsePeriod('2026-Q3')!;
  const H2 = parsePeriod('2026-H2')!;
  const YEAR = parsePeriod('2026')!;
  const ratio = (period: string, numerator: number, denominator: number) => ({
    period,
    value: roundTo((numerator * 100) / denominator, 2),
    numerator,
    denominator,
  });
  const plain = (period: string, value: number) => ({ period, value, numerator: null, denominator: null });

  it('adds a ratio’s monthly numerators and denominators into the quarter, the half and the year', () => {
    const months = [ratio('2026-M07', 90, 100), ratio('2026-M08', 10, 100), ratio('2026-M09', 299, 300)];
    const q = aggregateIndicatorValues(months, Q3, { isRatio: true, aggregation: null })!;
    expect([q.numerator, q.denominator, q.value, q.complete]).toEqual([399, 500, 79.8, true]);
    expect(q.parts).toEqual(['2026-M07', '2026-M08', '2026-M09']);
    // Not the latest month's 99,67%, nor the mean of the three ratios.
    const year = aggregateIndicatorValues([ratio('2026-Q1', 50, 100), ratio('2026-Q2', 50, 100), ...months], YEAR, { isRatio: true, aggregation: 'latest' })!;
    expect([year.numerator, year.denominator, year.value, year.complete]).toEqual([499, 700, 71.29, false]);
    const half = aggregateIndicatorValues([...months, ratio('2026-Q4', 1, 100)], H2, { isRatio: true, aggregation: null })!;
    expect([half.numerator, half.denominator, half.complete]).toEqual([400, 600, true]);
  });

  it('takes a period’s own value before its parts', () => {
    const values = [ratio('2026-M07', 90, 100), ratio('2026-Q3', 3658476, 3670241)];
    expect(aggregateIndicatorValues(values, Q3, { isRatio: true, aggregation: null })).toEqual({
      value: 99.68,
      numerator: 3658476,
      denominator: 3670241,
      parts: ['2026-Q3'],
      complete: true,
    });
  });

  it('follows the rule of a plain indicator: latest, sum or average', () => {
    const values = [plain('2026-M07', 10), plain('2026-M08', 20), plain('2026-M09', 60)];
    expect(aggregateIndicatorValues(values, Q3, { isRatio: false, aggregation: 'latest' })?.value).toBe(60);
    expect(aggregateIndicatorValues(values, Q3, { isRatio: false, aggregation: null })?.value).toBe(60);
    expect(aggregateIndicatorValues(values, Q3, { isRatio: false, aggregation: 'sum' })?.value).toBe(90);
    expect(aggregateIndicatorValues(values, Q3, { isRatio: false, aggregation: 'average' })?.value).toBe(30);
    // A quarter counts three months in a yearly average.
    const mixed = [plain('2026-Q1', 10), plain('2026-M04', 40)];
    expect(aggregateIndicatorValues(mixed, YEAR, { isRatio: false, aggregation: 'average' })?.value).toBe(17.5);
    expect(aggregateIndicatorValues(mixed, YEAR, { isRatio: false, aggregation: 'sum' })).toMatchObject({ value: 50, complete: false });
  });

  it('has nothing when no value falls inside the period', () => {
    expect(aggregateIndicatorValues([plain('2026-M10', 1), plain('2025-Q3', 2), plain('2026', 3)], Q3, { isRatio: false, aggregation: 'sum' })).toBeNull();
  });
});

describe('edges a changed rule would cross', () => {
  it('a count indicator at 0 is a figure: met by ≤ 0, = 0 and ≥ 0, not by > 0', () => {
    expect(evaluateIndicator('>=', 0, 0)).toBe('dat');
    expect(evaluateIndicator('<=', 0, 0)).toBe('dat');
    expect(evaluateIndicator('=', 0, 0)).toBe('dat');
    expect(evaluateIndicator('>', 0, 0)).toBe('chua_dat');
    expect(evaluateIndicator('<', 0, 0)).toBe('chua_dat');
    expect(evaluateIndicator('<', 1, 0)).toBe('dat');
    expect(evaluateIndicator('>', 0, 1)).toBe('dat');
  });

  it('every comparator on both sides of its target, by the smallest shortfall that counts', () => {
    const cases: Array<[Comparator, number, number, string]> = [
      ['>', 84, 84.01, 'dat'],
      ['>', 84, 84, 'chua_dat'],
      ['>=', 100, 99.99, 'chua_dat'],
      ['>=', 100, 100, 'dat'],
      ['=', 100, 100.01, 'chua_dat'],
      ['=', 100, 99.99, 'chua_dat'],
      ['<=', 5, 5, 'dat'],
      ['<=', 5, 5.01, 'chua_dat'],
      ['<', 5, 4.99, 'dat'],
      ['<', 5, 5, 'chua_dat'],
    ];
    for (const [c, target, actual, outcome] of cases) expect(evaluateIndicator(c, target, actual), `${actual} ${c} ${target}`).toBe(outcome);
    // Binary noise of a computed ratio is not a shortfall, for large figures too.
    expect(evaluateIndicator('>=', 100, ratioPercent(29, 29) - 1e-12)).toBe('dat');
    expect(evaluateIndicator('=', 3_000_000, 3_000_000.001)).toBe('dat');
    expect(evaluateIndicator('>', 3_000_000, 3_000_000.001)).toBe('chua_dat');
    expect(evaluateIndicator('=', 3_000_000, 3_000_000.1)).toBe('chua_dat');
  });

  it('no data without a finite figure, target or known comparator', () => {
    expect(evaluateIndicator('>=', 100, null)).toBe('no_data');
    expect(evaluateIndicator('>=', 100, undefined)).toBe('no_data');
    expect(evaluateIndicator('>=', 100, Number.NaN)).toBe('no_data');
    expect(evaluateIndicator('>=', Number.NaN, 5)).toBe('no_data');
    expect(evaluateIndicator('~' as Comparator, 100, 100)).toBe('no_data');
    expect(ratioPercent(1, 0)).toBeNaN();
    expect(ratioPercent(Number.NaN, 5)).toBeNaN();
    expect(ratioPercent(5, Number.POSITIVE_INFINITY)).toBeNaN();
    expect(ratioPercent(0, 5)).toBe(0);
  });

  it('reads comparators as sheets write them', () => {
    expect(['>', '>=', '≥', '=>', '=', '==', '<=', '≤', '=<', '<', ' > = '].map(parseComparator)).toEqual([
      '>',
      '>=',
      '>=',
      '>=',
      '=',
      '=',
      '<=',
      '<=',
      '<=',
      '<',
      '>=',
    ]);
    expect(parseComparator('!=')).toBeNull();
    expect(parseComparator(undefined)).toBeNull();
  });

  it('change on last year, in both languages, at the shown precision', () => {
    expect(changeDirection(0.004)).toBe('same');
    expect(changeDirection(-0.004)).toBe('same');
    expect(changeDirection(0.005)).toBe('up');
    expect(changeDirection(-0.005)).toBe('down');
    expect(changeDirection(0.4, 0)).toBe('same');
    expect(baselineChange(5, null)).toBeNull();
    expect(baselineChange(undefined, 5)).toBeNull();
    expect(baselineChange(Number.NaN, 5)).toBeNull();
    expect(baselineChange(5, Number.POSITIVE_INFINITY)).toBeNull();
    expect(baselineChange(89.5, 85.87)).toBe(3.63);
    expect(baselineChangeText(89.5, 85.87, 'vi')).toBe('tăng 3,63 điểm so với năm trước');
    expect(baselineChangeText(84, 85, 'vi', '')).toBe('giảm 1 điểm so với năm trước');
    expect(baselineChangeText(12, 7, 'vi', ' hệ thống ')).toBe('tăng 5 hệ thống so với năm trước');
    expect(baselineChangeText(7, 7, 'vi')).toBe('bằng năm trước');
    expect(baselineChangeText(7, 7, 'en')).toBe('unchanged on last year');
    expect(baselineChangeText(86, 85, 'en')).toBe('up 1 point on last year');
    expect(baselineChangeText(84, 85, 'en', '')).toBe('down 1 point on last year');
    expect(baselineChangeText(87.5, 85, 'en')).toBe('up 2.5 points on last year');
    expect(baselineChangeText(1500, 3500, 'en', 'hồ sơ')).toBe('down 2,000 hồ sơ on last year');
    expect(baselineChangeText(null, 3500, 'en')).toBeNull();
  });

  it('labels and target texts', () => {
    expect(indicatorOutcomeLabel('dat', 'vi')).toBe('Đạt');
    expect(indicatorOutcomeLabel('chua_dat', 'en')).toBe('Not met');
    expect(indicatorOutcomeLabel('no_data', 'vi')).toBe('Chưa có số liệu');
    expect(COMPARATORS.map((c) => comparatorText(c, 'vi'))).toEqual(['>', '≥', '=', '≤', '<']);
    expect(COMPARATORS.map((c) => comparatorText(c, 'vi', 'words'))).toEqual(['lớn hơn', 'không thấp hơn', 'bằng', 'không vượt quá', 'nhỏ hơn']);
    expect(COMPARATORS.map((c) => comparatorText(c, 'en', 'words'))).toEqual(['more than', 'at least', 'exactly', 'at most', 'less than']);
    expect(targetText('>', 84, '%', 'vi')).toBe('> 84%');
    expect(targetText('>=', 3500, ' hồ sơ ', 'vi')).toBe('≥ 3.500 hồ sơ');
    expect(targetText('<=', 3500, '', 'en')).toBe('≤ 3,500');
    expect(targetText('<', 1.5, 'ngày', 'en')).toBe('< 1.5 ngày');
  });
});

describe('the tolerance, at its exact edge', () => {
  it('a difference of exactly the tolerance counts as equal', () => {
    // Around 0 the tolerance is 1e-9.
    expect(evaluateIndicator('>', 0, 1e-9)).toBe('chua_dat');
    expect(evaluateIndicator('>=', 0, -1e-9)).toBe('dat');
    expect(evaluateIndicator('=', 0, 1e-9)).toBe('dat');
    expect(evaluateIndicator('<=', 0, 1e-9)).toBe('dat');
    expect(evaluateIndicator('<', 0, -1e-9)).toBe('chua_dat');
    expect(evaluateIndicator('>=', 90, 95)).toBe('dat');
    expect(evaluateIndicator('>=', 95, 90)).toBe('chua_dat');
    expect(evaluateIndicator('>=', 100, '100' as unknown as number)).toBe('no_data');
    expect(baselineChange('5' as unknown as number, 3)).toBeNull();
  });
});

describe('roundTo at its limits', () => {
  it('passes infinities through and takes 0 to 20 whole decimals only', () => {
    expect(roundTo(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(roundTo(Number.NEGATIVE_INFINITY, 2)).toBe(Number.NEGATIVE_INFINITY);
    expect(roundTo(1.25, 20)).toBe(1.25);
    expect(roundTo(1.5, 0)).toBe(2);
    expect(() => roundTo(1, 21)).toThrow('decimals must be an integer 0..20: 21');
    expect(() => roundTo(1, -1)).toThrow('decimals must be an integer 0..20: -1');
    expect(() => roundTo(1, 1.5)).toThrow(RangeError);
  });
});
