/**
 * The city's aggregations against a case counted by hand (test/support/city-fixture.ts):
 *
 *   W1  57-NQ/TW: done (20/6 ≤ 30/6), done late (10/7 > 30/6);  02-KH: in progress
 *   W2  57-NQ/TW: overdue (due 15/9, nothing recorded);        02-KH: not started (done only on 5/10)
 *   W3  "57-nq/tw ": in progress;                              no directive: done
 *   W4  listed, never enrolled
 *
 *   CQ-09 (ratio, ≥ 90%): W1 90/100 = 90% đạt, W2 170/200 = 85% chưa đạt, W3 no data;
 *         city = (90 + 170) / (100 + 200) = 86.67%, not the mean of 90 and 85 (87.5).
 *   HT-01 (count, ≥ 4): W1 3 chưa đạt, W2 5 đạt; city = 3 + 5 = 8.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { threeWardCity, type ThreeWardCity } from '../../test/support/city-fixture';
import { completeness } from './completeness';
import { cityIndicators, indicatorDetail } from './indicators';
import { directiveTable, directiveWards, wardTasks } from './progress';
import { wardPage } from './ward-page';
import { listTasks, recordProgress } from '../services/tasks';
import { exportWardBundle } from '../sync/export';
import { importBundle } from '../sync/import';
import { cityReportFigures } from './report-data';
import { directiveRowsOf } from './report-docx';

let c: ThreeWardCity;
beforeAll(async () => {
  c = await threeWardCity();
}, 60_000);

describe('completeness for 2026-Q3 (due 20/10)', () => {
  it('tells on time, late, waiting and never enrolled apart', () => {
    c.setNow('2026-10-15T03:00:00.000Z');
    const page = completeness(c.city.s, { period: '2026-Q3', page: 1, pageSize: 50 });
    expect(page.dueOn).toBe('2026-10-20');
    expect(Object.fromEntries(page.rows.map((r) => [r.wardCode, r.status]))).toEqual({ W1: 'on_time', W2: 'waiting', W3: 'late', W4: 'not_enrolled' });
    expect(page.counts).toEqual({ on_time: 1, late: 1, overdue: 0, waiting: 1, not_enrolled: 1, total: 4 });
    const w1 = page.rows.find((r) => r.wardCode === 'W1')!;
    expect(w1.lastBundleAt).not.toBeNull();
    expect(w1.lastReceiptAt).not.toBeNull();
    expect(w1.activeKeys).toBe(1);
    expect(w1.contact.name).toBeNull();
  });

  it('after the due date a ward without a report is overdue; filters and pages', () => {
    c.setNow('2026-10-25T03:00:00.000Z');
    const page = completeness(c.city.s, { period: '2026-Q3', status: 'overdue', page: 1, pageSize: 50 });
    expect(page.rows.map((r) => r.wardCode)).toEqual(['W2']);
    expect(completeness(c.city.s, { period: '2026-Q3', search: 'bach', page: 1, pageSize: 50 }).rows.map((r) => r.wardCode)).toEqual(['W2', 'W4']);
    const paged = completeness(c.city.s, { period: '2026-Q3', page: 2, pageSize: 3 });
    expect(paged.total).toBe(4);
    expect(paged.rows.map((r) => r.wardCode)).toEqual(['W4']);
    c.setNow('2026-10-15T03:00:00.000Z');
  });
});

describe('per-directive table for 2026-Q3 (judged on 30/9)', () => {
  it('counts each directive across wards, numbers written differently counted as one', () => {
    const t = directiveTable(c.city.s, '2026-Q3');
    expect(t.asOf).toBe('2026-09-30');
    const byKey = Object.fromEntries(
      t.rows.map((r) => [
        r.key,
        { wards: r.wards, total: r.total, done: r.done, doneLate: r.doneLate, inProgress: r.inProgress, notStarted: r.notStarted, overdue: r.overdue },
      ]),
    );
    expect(byKey).toEqual({
      '57-NQ/TW': { wards: 3, total: 4, done: 1, doneLate: 1, inProgress: 1, notStarted: 0, overdue: 1 },
      '02-KH/BCĐTW': { wards: 2, total: 2, done: 0, doneLate: 0, inProgress: 1, notStarted: 1, overdue: 0 },
      '': { wards: 1, total: 1, done: 1, doneLate: 0, inProgress: 0, notStarted: 0, overdue: 0 },
    });
    expect(t.rows.map((r) => r.key)).toEqual(['57-NQ/TW', '02-KH/BCĐTW', '']);
    expect(t.totals).toEqual({ wards: 3, total: 7, done: 2, doneLate: 1, inProgress: 2, notStarted: 1, overdue: 1 });
  });

  it("drills down to wards (most overdue first) and to a ward's tasks", () => {
    const w = directiveWards(c.city.s, { period: '2026-Q3', directive: '57-nq/tw', page: 1, pageSize: 50 });
    expect(w.rows.map((r) => [r.wardCode, r.total, r.overdue])).toEqual([
      ['W2', 1, 1],
      ['W3', 1, 0],
      ['W1', 2, 0],
    ]);
    const tasks = wardTasks(c.city.s, { period: '2026-Q3', wardCode: 'W1', directive: '57-NQ/TW' });
    expect(tasks.map((t) => t.status)).toEqual(['done', 'done_late']);
  });

  it("a later period judges on a later day: W2's October work counts in Q4", () => {
    c.setNow('2026-12-31T03:00:00.000Z');
    const t = directiveTable(c.city.s, '2026-Q4');
    expect(t.rows.find((r) => r.key === '02-KH/BCĐTW')).toMatchObject({ done: 1, inProgress: 1, notStarted: 0 });
    c.setNow('2026-10-15T03:00:00.000Z');
  });
});

describe('indicators across wards for 2026-Q3', () => {
  it('city-wide ratio is the sum of numerators over the sum of denominators', () => {
    const rows = cityIndicators(c.city.s, { period: '2026-Q3' }).rows;
    const cq = rows.find((r) => r.code === 'CQ-09')!;
    expect(cq.city).toEqual({ value: 86.67, numerator: 260, denominator: 300, method: 'ratio', wardsWithData: 2 });
    expect([cq.wards, cq.met, cq.notMet, cq.noData]).toEqual([3, 1, 1, 1]);
    const ht = rows.find((r) => r.code === 'HT-01')!;
    expect(ht.city).toMatchObject({ value: 8, method: 'sum', wardsWithData: 2 });
    expect([ht.met, ht.notMet, ht.noData]).toEqual([1, 1, 1]);
  });

  it('ranks wards by value, wards without data last and unranked; the chart runs Q1..Q3', () => {
    const d = indicatorDetail(c.city.s, { period: '2026-Q3', code: 'CQ-09', page: 1, pageSize: 50 });
    expect(d.rows.map((r) => [r.rank, r.wardCode, r.value, r.outcome])).toEqual([
      [1, 'W1', 90, 'dat'],
      [2, 'W2', 85, 'chua_dat'],
      [null, 'W3', null, 'no_data'],
    ]);
    expect(d.series.map((p) => [p.period, p.value])).toEqual([
      ['2026-Q1', null],
      ['2026-Q2', null],
      ['2026-Q3', 86.67],
    ]);
  });
});

describe("a ward's page", () => {
  it('shows its plan, tasks, indicators, reports, key and bundles', () => {
    const p = wardPage(c.city.s, { period: '2026-Q3', wardCode: 'W1' });
    expect(p.plan).toMatchObject({ year: 2026, docNumber: '10/KH-UBND' });
    expect(p.tally).toEqual({ total: 3, done: 1, doneLate: 1, inProgress: 1, notStarted: 0, overdue: 0 });
    expect(p.indicators.map((i) => [i.code, i.outcome])).toEqual([
      ['CQ-09', 'dat'],
      ['HT-01', 'chua_dat'],
    ]);
    expect(p.reports).toEqual([expect.objectContaining({ period: '2026-Q3', status: 'approved' })]);
    expect(p.reports[0]!.receivedAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
    expect(p.keys).toHaveLength(1);
    expect(p.bundles).toEqual([expect.objectContaining({ status: 'applied', receipt: true })]);
    expect(() => wardPage(c.city.s, { period: '2026-Q3', wardCode: 'NOPE' })).toThrow(/city.ward_not_found/);
  });
});

describe("the city report's figures", () => {
  it('its per-directive table has the counts the wards entered, with a totals row', () => {
    const f = cityReportFigures(c.city.s, '2026-Q3');
    expect(directiveRowsOf(f)).toEqual([
      ['1', '57-NQ/TW - Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia', '3', '4', '2', '1', '1', '0', '1'],
      ['2', '02-KH/BCĐTW - Kế hoạch thực hiện năm 2026', '2', '2', '0', '0', '1', '1', '0'],
      ['3', 'Nhiệm vụ khác (không nêu văn bản chỉ đạo)', '1', '1', '1', '0', '0', '0', '0'],
      ['', 'Tổng cộng', '3', '7', '3', '1', '2', '1', '1'],
    ]);
    expect(f.completeness).toMatchObject({ on_time: 1, late: 1, waiting: 1, not_enrolled: 1, total: 4 });
    expect(f.wards.map((w) => [w.wardCode, w.tally.total, w.indicatorsMet, w.indicators])).toEqual([
      ['W1', 3, 1, 2],
      ['W2', 2, 1, 2],
      ['W3', 2, 0, 2],
      ['W4', 0, 0, 0],
    ]);
  });
});

// Last: it changes the city's data.
describe('incremental updates', () => {
  it('a new bundle from one ward changes its counts at once', async () => {
    const before = directiveTable(c.city.s, '2026-Q3');
    expect(before.rows.find((r) => r.key === '57-NQ/TW')).toMatchObject({ done: 1, overdue: 1 });
    const w2 = c.wards.W2!;
    const task = listTasks(w2.s).find((t) => t.sourceCode === 'NQ57')!;
    recordProgress(w2.s, { taskId: task.id, status: 'done', date: '2026-09-10' });
    const b = await exportWardBundle(w2.s, w2.store, { outDir: c.usb });
    if (b.status !== 'written') throw new Error('no bundle');
    expect((await importBundle(c.city.s, b.path, { store: c.city.store })).status).toBe('applied');
    const after = directiveTable(c.city.s, '2026-Q3');
    expect(after.rows.find((r) => r.key === '57-NQ/TW')).toMatchObject({ done: 2, overdue: 0 });
    expect(after.totals).toMatchObject({ total: 7, done: 3, overdue: 0 });
  });
});
