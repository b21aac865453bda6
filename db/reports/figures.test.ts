import { describe, expect, it } from 'vitest';
import type { Period } from '../../shared/rules/period';
import { parseTimeline } from '../../shared/rules/timeline';
import { computeFigures, reportAsOf, type FigureInput, type TaskFact, type ValueFact } from './figures';
import {
  dateLineVi,
  directiveCitation,
  docNumberLine,
  indicatorNumberVi,
  issuingBodyLines,
  normaliseDocNumber,
  periodPhraseVi,
  placeNameOf,
  signerAuthorityLines,
  targetLabelVi,
} from './labels';

const Q3: Period = { kind: 'quarter', year: 2026, index: 3 };
const YEAR: Period = { kind: 'year', year: 2026, index: 1 };

function task(no: number, timeline: string, source: string | null, progress: TaskFact['progress'] = [], area = 'CQ'): TaskFact {
  return {
    no,
    content: `Nhiệm vụ ${no}`,
    areaCode: area,
    leadUnitCode: 'VP',
    leadUnitName: 'Văn phòng',
    sourceCode: source,
    timelineText: timeline,
    timeline: parseTimeline(timeline, 2026),
    progress,
  };
}

function input(period: Period, tasks: TaskFact[], today = '2026-10-15'): FigureInput {
  return {
    period,
    today,
    context: {
      orgCode: 'W',
      orgName: 'Phường Thử',
      cityName: 'Thành phố Thử',
      plan: { year: 2026, title: 'Kế hoạch', docNumber: null, issuedOn: null, issuer: null },
      signer: { title: null, name: null },
    },
    areas: [
      { code: 'HT', name: 'Hạ tầng số' },
      { code: 'CQ', name: 'Chính quyền số' },
    ],
    directives: [
      { code: 'A', number: '1-NQ/TW', issuer: 'Bộ Chính trị', issuedOn: '2024-01-01', title: null },
      { code: 'B', number: '2/KH-UBND', issuer: 'UBND thành phố', issuedOn: '2025-01-01', title: null },
    ],
    tasks,
    indicators: [],
  };
}

describe('task statistics', () => {
  it('judges recurring tasks on the report period: a Q2 round counts for the year, not for Q3', () => {
    const recurring = task(1, 'Hằng quý', 'A', [{ date: '2026-05-02', status: 'done', percent: 100 }]);
    expect(computeFigures(input(Q3, [recurring])).tasks.total).toMatchObject({ done: 0, notStarted: 1 });
    expect(computeFigures(input(YEAR, [recurring])).tasks.total).toMatchObject({ done: 1, notStarted: 0 });
  });

  it('groups by directive in the catalog order, tasks without a known directive last', () => {
    const f = computeFigures(
      input(Q3, [
        task(1, 'Quý I/2026', 'B', [{ date: '2026-04-10', status: 'done', percent: 100 }]),
        task(2, 'Quý II/2026', null),
        task(3, 'Quý IV/2026', 'A', [], 'HT'),
        task(4, 'Trước 15/9/2026', 'B', [{ date: '2026-08-01', status: 'in_progress', percent: 40 }]),
        task(5, 'Năm 2026', 'ZZ'),
      ]),
    );
    expect(f.tasks.byDirective.map((d) => [d.code, d.assigned])).toEqual([
      ['A', 1],
      ['B', 2],
      [null, 2],
    ]);
    expect(f.tasks.byDirective[1]).toMatchObject({ done: 1, doneLate: 1, overdue: 1, number: '2/KH-UBND' });
    expect(f.tasks.total).toEqual({ assigned: 5, done: 1, doneLate: 1, inProgress: 0, notStarted: 2, overdue: 2 });
    expect(f.tasks.byArea.map((a) => [a.code, a.assigned])).toEqual([
      ['HT', 1],
      ['CQ', 4],
    ]);
    expect(f.tasks.overdue.map((t) => [t.no, t.deadline, t.daysOverdue, t.percent])).toEqual([
      [2, '2026-06-30', 92, 0],
      [4, '2026-09-15', 15, 40],
    ]);
  });

  it('ignores progress recorded after the report day', () => {
    const t = task(1, 'Quý III/2026', 'A', [{ date: '2026-10-02', status: 'done', percent: 100 }]);
    // On 30 September nothing had been recorded: the deadline day itself is still within term.
    expect(computeFigures(input(Q3, [t])).tasks.total).toMatchObject({ notStarted: 1, done: 0, overdue: 0 });
  });

  it('judges on the period end, or on today while the period runs', () => {
    expect(reportAsOf(Q3, '2026-10-15')).toBe('2026-09-30');
    expect(reportAsOf(YEAR, '2026-10-15')).toBe('2026-10-15');
    expect(reportAsOf(YEAR, '2027-02-01')).toBe('2026-12-31');
  });
});

describe('indicator values for a period', () => {
  const v = (period: string, value: number) => ({ period, value, numerator: null, denominator: null });

  it("prefers the period's own value, else combines the values inside it by the indicator's rule", () => {
    const ind = (code: string, values: ValueFact[], extra: object = {}) => ({
      code, name: code, areaCode: 'CQ', unit: '%', comparator: '>=' as const, target: 80, baseline: null, values, ...extra,
    });
    const r = (period: string, numerator: number, denominator: number) => ({ period, value: (numerator * 100) / denominator, numerator, denominator });
    const f = computeFigures({
      ...input(Q3, []),
      indicators: [
        ind('OWN', [v('2026-M09', 1), v('2026-Q3', 2), v('2026-M08', 3)]),
        ind('LATEST', [v('2026-M07', 1), v('2026-M09', 2), v('2026-M08', 3)]),
        ind('SUM', [v('2026-M07', 1), v('2026-M09', 2), v('2026-M08', 3)], { aggregation: 'sum' }),
        ind('RATIO', [r('2026-M07', 90, 100), r('2026-M08', 60, 100), r('2026-M09', 99, 100)], { isRatio: true }),
        ind('NONE', [v('2026-M10', 1), v('2025-Q3', 2), v('2026', 3)]),
      ],
    });
    const by = new Map(f.indicators.rows.map((x) => [x.code, x]));
    expect(by.get('OWN')).toMatchObject({ value: 2, valuePeriod: '2026-Q3' });
    expect(by.get('LATEST')).toMatchObject({ value: 2, valuePeriod: '2026-M09' });
    expect(by.get('SUM')).toMatchObject({ value: 6, valuePeriod: '2026-Q3', valueComplete: true });
    // 249/300, not September's 99%: below the target of 80%.
    expect(by.get('RATIO')).toMatchObject({ value: 83, numerator: 249, denominator: 300, outcome: 'dat' });
    expect(by.get('NONE')).toMatchObject({ value: null, outcome: 'no_data' });
  });

  it('says đạt / chưa đạt / chưa có số liệu against the comparator', () => {
    const base = { name: 'x', areaCode: 'CQ', unit: '%', baseline: 72.2 };
    const f = computeFigures({
      ...input(Q3, []),
      indicators: [
        { ...base, code: 'A', comparator: '>', target: 84, values: [v('2026-Q3', 99.68)] },
        { ...base, code: 'B', comparator: '>', target: 89, values: [v('2026-M09', 89)] },
        { ...base, code: 'C', comparator: '>=', target: 100, values: [] },
        { ...base, code: 'D', comparator: null, target: null, values: [v('2026-Q3', 5)] },
      ],
    });
    expect(f.indicators.rows.map((r) => r.outcome)).toEqual(['dat', 'chua_dat', 'no_data', 'no_data']);
    expect(f.indicators).toMatchObject({ total: 4, met: 1, notMet: 1, noData: 2 });
  });
});

describe('the words of an official document', () => {
  it('writes the place and date as Nghị định 30 does', () => {
    expect(dateLineVi('Hải Dương', '2026-10-15')).toBe('Hải Dương, ngày 15 tháng 10 năm 2026');
    expect(dateLineVi('Hải Dương', '2026-01-05')).toBe('Hải Dương, ngày 05 tháng 01 năm 2026');
    expect(dateLineVi('Hải Dương', '2026-03-09')).toBe('Hải Dương, ngày 09 tháng 3 năm 2026');
    expect(placeNameOf('Phường Hải Dương')).toBe('Hải Dương');
    expect(placeNameOf('Đặc khu Bạch Long Vĩ')).toBe('Bạch Long Vĩ');
    expect(issuingBodyLines('Phường Hải Dương')).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG HẢI DƯƠNG']);
  });

  it('names the number, the signer and the directives', () => {
    expect(docNumberLine('45/BC-UBND', 'BC-UBND')).toBe('Số: 45/BC-UBND');
    expect(docNumberLine(null, 'BC-UBND')).toMatch(/^Số: +\/BC-UBND$/);
    expect(normaliseDocNumber(' 45 ', 'BC-UBND')).toBe('45/BC-UBND');
    expect(normaliseDocNumber('12/BC-VP', 'BC-UBND')).toBe('12/BC-VP');
    expect(signerAuthorityLines('Chủ tịch')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(signerAuthorityLines('Phó Chủ tịch')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(directiveCitation({ number: '57-NQ/TW', issuer: 'Bộ Chính trị', issuedOn: '2024-12-22' })).toBe(
      'Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị',
    );
    expect(directiveCitation({ number: '749/QĐ-TTg', issuer: null, issuedOn: null })).toBe('Quyết định số 749/QĐ-TTg');
    expect(periodPhraseVi(Q3)).toBe('Quý III năm 2026');
    expect(periodPhraseVi({ kind: 'half', year: 2026, index: 1 })).toBe('6 tháng đầu năm 2026');
  });

  it('formats figures the Vietnamese way', () => {
    expect(indicatorNumberVi(99.68, '%')).toBe('99,68%');
    expect(indicatorNumberVi(1050, 'triệu đồng')).toBe('1.050');
    expect(targetLabelVi('>=', 100, '%')).toBe('≥ 100%');
  });
});
