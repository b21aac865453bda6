import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoWard, dumpDatabase, fixedClock, tempDir } from '../../test/support/temp';
import { openDatabase } from '../database';
import { PassphraseFileKeyStore } from '../keys/key-store';
import { buildReceivedReportDocx } from '../reports/docx-report';
import { readDocx } from '../reports/docx-text';
import { computeReportFigures } from '../reports/figures-data';
import { cityEnroll, importEnrollmentResponse, writeEnrollmentRequest } from '../sync/enroll';
import { exportWardBundle } from '../sync/export';
import { importBundle } from '../sync/import';
import type { Session } from '../session';
import { setValue } from './indicators';
import { approveReport, getOrCreateReport, getReceivedReport, getReport, listReceivedReports, listReports, markSent, saveNarrative } from './reports';
import { initCity } from './setup';
import { listTasks, recordProgress } from './tasks';

/** Progress and values that give known Q3/2026 figures (judged on 30/09/2026). */
function seedQ3(s: Session): void {
  const id = (no: number) => listTasks(s).find((t) => t.no === no)!.id;
  recordProgress(s, { taskId: id(21), status: 'done', date: '2026-03-10' }); // Quý I, on time
  recordProgress(s, { taskId: id(6), status: 'done', date: '2026-07-20' }); // Quý II, late
  recordProgress(s, { taskId: id(1), status: 'in_progress', percent: 50, date: '2026-08-01' }); // Thường xuyên
  recordProgress(s, { taskId: id(3), status: 'done', date: '2026-09-25' }); // Hằng quý, this quarter's round
  recordProgress(s, { taskId: id(16), status: 'in_progress', percent: 30, date: '2026-09-01' }); // Năm 2026
  recordProgress(s, { taskId: id(7), status: 'in_progress', percent: 60, date: '2026-09-01' }); // Quý III, due on the last day
  setValue(s, { indicatorCode: 'CQ-09', period: '2026-Q3', numerator: 3658476, denominator: 3670241 });
  setValue(s, { indicatorCode: 'CQ-07', period: '2026-M09', value: 87.5 });
  setValue(s, { indicatorCode: 'HT-01', period: '2026-Q3', value: 100 });
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return 'no error';
}

describe('report figures of the demo plan', () => {
  it('counts tasks per directive as of the quarter end, recurring tasks within the quarter', () => {
    const { s } = demoWard();
    seedQ3(s);
    const f = getReport(s, '2026-Q3').figures;
    expect(f.asOf).toBe('2026-09-30');
    expect(f.tasks.total).toEqual({ assigned: 22, done: 3, doneLate: 1, inProgress: 3, notStarted: 15, overdue: 1 });
    const kh359 = f.tasks.byDirective.find((d) => d.code === 'KH359')!;
    expect(kh359).toMatchObject({ number: '359/KH-UBND', assigned: 12, done: 3, doneLate: 1, inProgress: 1, notStarted: 7, overdue: 1 });
    expect(f.tasks.byDirective.reduce((n, d) => n + d.assigned, 0)).toBe(22);
    // The order the plan cites them in (the ward's own order), not by date.
    expect(f.tasks.byDirective.map((d) => d.code)).toEqual(['NQ57', 'KH02', 'KH238', 'KH359', 'QD749']);
    // Quý II not done: overdue; Quý III and "Trước 30/9" are due on the report's day, so still within term.
    expect(f.tasks.overdue.map((t) => [t.no, t.deadline, t.daysOverdue])).toEqual([[22, '2026-06-30', 92]]);
    const ind = (c: string) => f.indicators.rows.find((r) => r.code === c)!;
    expect(ind('CQ-09')).toMatchObject({ value: 99.68, numerator: 3658476, denominator: 3670241, outcome: 'dat', valuePeriod: '2026-Q3' });
    // September's value stands for the quarter when no quarterly value was entered.
    expect(ind('CQ-07')).toMatchObject({ value: 87.5, valuePeriod: '2026-M09', outcome: 'chua_dat', baseline: 85.87 });
    expect(f.indicators).toMatchObject({ total: 19, met: 2, notMet: 1, noData: 16 });
  });

  it('judges a still running year on today, not on 31 December', () => {
    const { s } = demoWard();
    seedQ3(s);
    const year = getReport(s, '2026').figures;
    expect(year.asOf).toBe('2026-10-15');
    // "Hằng quý" done in September counts for the year; "Năm 2026" tasks are not yet late in October.
    // Past their deadline by 15 October: Quý II (22), Quý III (7 under way, 13 not started), Trước 30/9 (20).
    expect(year.tasks.total.overdue).toBe(4);
    expect(year.tasks.overdue.map((t) => t.no).sort((a, b) => a - b)).toEqual([7, 13, 20, 22]);
    expect(year.tasks.overdue.find((t) => t.no === 7)).toMatchObject({ percent: 60, daysOverdue: 15 });
    const h1 = getReport(s, '2026-H1').figures;
    expect(h1.asOf).toBe('2026-06-30');
    // Quý II tasks fall due on 30 June itself, so the half-year report still counts them within term;
    // nothing recorded after 30 June (the July completion of task 6, September's rounds) counts.
    expect(h1.tasks.total).toEqual({ assigned: 22, done: 1, doneLate: 0, inProgress: 0, notStarted: 21, overdue: 0 });
  });

  it('refuses periods that are not reporting periods', () => {
    const { s } = demoWard();
    expect(code(() => getReport(s, '2026-M03'))).toBe('report.bad_period');
    expect(code(() => getOrCreateReport(s, '2026-Q5'))).toBe('report.bad_period');
    expect(code(() => getOrCreateReport(s, '2031'))).toBe('plan.not_found');
  });
});

describe('report lifecycle', () => {
  it('keeps one draft per period and the narrative per area', () => {
    const { s } = demoWard();
    const a = getOrCreateReport(s, '2026-q3');
    const b = getOrCreateReport(s, '2026-Q3');
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ period: '2026-Q3', status: 'draft', owner: 'HP-HAIDUONG' });
    saveNarrative(s, { period: '2026-Q3', areaCode: 'CQ', results: 'Đã triển khai Trợ lý ảo.', shortcomings: 'Thiếu kinh phí.' });
    // Saving one box keeps the others.
    saveNarrative(s, { period: '2026-Q3', areaCode: 'CQ', proposals: 'Đề nghị hỗ trợ.' });
    const r = getReport(s, '2026-Q3');
    expect(r.narratives).toHaveLength(10);
    expect(r.narratives.find((n) => n.areaCode === 'CQ')).toMatchObject({
      areaName: 'Chính quyền số',
      results: 'Đã triển khai Trợ lý ảo.',
      shortcomings: 'Thiếu kinh phí.',
      nextTasks: '',
      proposals: 'Đề nghị hỗ trợ.',
    });
    expect(r.figuresFrozen).toBe(false);
    expect(listReports(s).map((x) => [x.period, x.status])).toEqual([['2026-Q3', 'draft']]);
    expect(code(() => saveNarrative(s, { period: '2026-Q3', areaCode: 'XX', results: 'x' }))).toBe('area.not_found');
    expect(code(() => saveNarrative(s, { period: '2026-Q3', areaCode: 'CQ', results: 'x'.repeat(20_001) }))).toBe('report.text_too_long');
  });

  it('freezes on approval: the narrative cannot change and the figures stay as approved', () => {
    const { s, db } = demoWard();
    seedQ3(s);
    saveNarrative(s, { period: '2026-Q3', areaCode: 'HT', results: 'Đã nâng cấp 12 máy tính.' });
    const approved = approveReport(s, { period: '2026-Q3', approvedBy: 'Phạm Thị Thanh Vân', docNumber: '45' });
    expect(approved).toMatchObject({
      status: 'approved',
      approvedBy: 'Phạm Thị Thanh Vân',
      approvedAt: '2026-10-15T03:00:00.000Z',
      docNumber: '45/BC-UBND',
      figuresFrozen: true,
    });
    expect(approved.figures.context.signer).toEqual({ title: 'Chủ tịch', name: 'Phạm Thị Thanh Vân' });

    const before = dumpDatabase(db);
    expect(code(() => saveNarrative(s, { period: '2026-Q3', areaCode: 'HT', results: 'Sửa lại' }))).toBe('report.frozen');
    expect(code(() => approveReport(s, { period: '2026-Q3', approvedBy: 'Người khác' }))).toBe('report.already_approved');
    expect(dumpDatabase(db)).toBe(before);

    // The data moves on after approval; the approved report does not.
    setValue(s, { indicatorCode: 'CQ-09', period: '2026-Q3', value: null, numerator: 2000, denominator: 2500 });
    recordProgress(s, { taskId: listTasks(s).find((t) => t.no === 22)!.id, status: 'done', date: '2026-09-01' });
    const later = getReport(s, '2026-Q3');
    expect(later.figuresFrozen).toBe(true);
    expect(later.figures).toEqual(approved.figures);
    expect(later.figures.indicators.rows.find((r) => r.code === 'CQ-09')!.value).toBe(99.68);
    const live = computeReportFigures(s, { kind: 'quarter', year: 2026, index: 3 });
    expect(live.indicators.rows.find((r) => r.code === 'CQ-09')).toMatchObject({ value: 80, outcome: 'chua_dat' });
    expect(live.tasks.total.overdue).toBe(0);
    expect(later.narratives.find((n) => n.areaCode === 'HT')!.results).toBe('Đã nâng cấp 12 máy tính.');
  });

  it('needs an approver, and goes approved → sent once', () => {
    const { s } = demoWard();
    expect(code(() => approveReport(s, { period: '2026-Q3', approvedBy: '  ' }))).toBe('report.approver_required');
    expect(code(() => markSent(s, '2026-Q3'))).toBe('report.not_approved');
    getOrCreateReport(s, '2026-Q3');
    expect(code(() => markSent(s, '2026-Q3'))).toBe('report.not_approved');
    approveReport(s, { period: '2026-Q3', approvedBy: 'Nguyễn Văn B', signerTitle: 'Phó Chủ tịch' });
    const sent = markSent(s, '2026-Q3');
    expect(sent).toMatchObject({ status: 'sent', sentAt: '2026-10-15T03:00:00.000Z' });
    expect(markSent(s, '2026-Q3')).toEqual(sent);
    expect(getReport(s, '2026-Q3')).toMatchObject({ status: 'sent', figuresFrozen: true });
    expect(getReport(s, '2026-Q3').figures.context.signer).toEqual({ title: 'Phó Chủ tịch', name: 'Nguyễn Văn B' });
    expect(code(() => saveNarrative(s, { period: '2026-Q3', areaCode: 'CQ', results: 'x' }))).toBe('report.frozen');
  });

  it('writes every change through the change log, so it travels', () => {
    const { s, db } = demoWard();
    saveNarrative(s, { period: '2026-Q3', areaCode: 'CQ', results: 'Kết quả' });
    approveReport(s, { period: '2026-Q3', approvedBy: 'Phạm Thị Thanh Vân' });
    const logged = db.sqlite
      .prepare("SELECT table_name, json_extract(data, '$.status') AS status FROM change_log WHERE table_name IN ('report', 'report_narrative') ORDER BY seq")
      .all() as Array<{ table_name: string; status: string | null }>;
    expect(logged.map((l) => `${l.table_name}:${l.status ?? ''}`)).toEqual(['report:draft', 'report_narrative:', 'report:approved']);
  });
});

describe('reports reach the city in a bundle', () => {
  it('lists and opens the approved report with its frozen figures and narrative', async () => {
    const { s: ward, dir } = demoWard();
    const cityDb = openDatabase(path.join(tempDir(), 'city.db'));
    const city = initCity(cityDb, { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' }, fixedClock);
    const passphrase = async () => 'một cụm mật khẩu thử nghiệm';
    const wardKeys = new PassphraseFileKeyStore(path.join(dir, 'ward.key'), passphrase);
    const cityKeys = new PassphraseFileKeyStore(path.join(dir, 'city.key'), passphrase);
    await writeEnrollmentRequest(ward, wardKeys, path.join(dir, 'request.json'));
    await cityEnroll(city, cityKeys, path.join(dir, 'request.json'), path.join(dir, 'response.json'));
    importEnrollmentResponse(ward, path.join(dir, 'response.json'));

    seedQ3(ward);
    saveNarrative(ward, { period: '2026-Q3', areaCode: 'CQ', results: 'Triển khai Trợ lý ảo tại Bộ phận một cửa.' });
    saveNarrative(ward, { period: '2026-H1', areaCode: 'CQ', results: 'Bản nháp 6 tháng.' });
    const approved = approveReport(ward, { period: '2026-Q3', approvedBy: 'Phạm Thị Thanh Vân', docNumber: '45' });
    const out = await exportWardBundle(ward, wardKeys, { outDir: dir });
    expect(out.status).toBe('written');
    if (out.status !== 'written') return;
    const outcome = await importBundle(city, out.path, { store: cityKeys });
    expect(outcome.error).toBeNull();
    expect(outcome.status).toBe('applied');

    const received = listReceivedReports(city);
    expect(received.map((r) => [r.owner, r.orgName, r.period, r.status, r.docNumber])).toEqual([
      ['HP-HAIDUONG', 'Phường Hải Dương', '2026-Q3', 'approved', '45/BC-UBND'],
    ]);
    expect(listReceivedReports(city, { includeDrafts: true }).map((r) => r.period)).toEqual(['2026-Q3', '2026-H1']);
    const opened = getReceivedReport(city, 'HP-HAIDUONG', '2026-Q3');
    expect(opened.figures).toEqual(approved.figures);
    expect(opened.narratives).toEqual([
      { areaCode: 'CQ', areaName: 'Chính quyền số', results: 'Triển khai Trợ lý ảo tại Bộ phận một cửa.', shortcomings: '', nextTasks: '', proposals: '' },
    ]);
    expect(getReceivedReport(city, 'HP-HAIDUONG', '2026-H1').figures).toBeNull();

    // The city can print what it received, exactly as the ward approved it.
    const doc = await readDocx(await buildReceivedReportDocx(city, 'HP-HAIDUONG', '2026-Q3'));
    const text = doc.paragraphs.join('\n');
    expect(text).toContain('Số: 45/BC-UBND');
    expect(text).toContain('PHƯỜNG HẢI DƯƠNG');
    expect(text).toContain('Triển khai Trợ lý ảo tại Bộ phận một cửa.');
    expect(text).toContain('1. Lãnh đạo, chỉ đạo, điều hành; kiểm tra, giám sát');
    expect(doc.tables.find((t) => t[0]?.[1] === 'Văn bản chỉ đạo')!.at(-1)).toEqual(['', 'Tổng cộng', '22', '3', '1', '3', '15', '1']);
    await expect(buildReceivedReportDocx(city, 'HP-HAIDUONG', '2026-H1')).rejects.toMatchObject({ code: 'report.not_approved' });
    expect(code(() => getReceivedReport(city, 'HP-OTHER', '2026-Q3'))).toBe('report.not_found');

    // What a ward sent is read through the figures' schema, not trusted: a figure of the wrong kind is
    // named with its place, and a newer format asks for an update rather than being misread.
    const setFigures = (f: unknown) => city.db.sqlite.prepare('UPDATE report SET figures = ? WHERE id = ?').run(JSON.stringify(f), opened.id);
    setFigures({ ...approved.figures, tasks: { ...approved.figures.tasks, total: { ...approved.figures.tasks.total, done: 'nhiều' } } });
    expect(() => getReceivedReport(city, 'HP-HAIDUONG', '2026-Q3')).toThrow(
      expect.objectContaining({
        code: 'report.figures_invalid',
        params: { period: '2026-Q3', reason: 'tasks.total.done Invalid input: expected number, received string' },
      }),
    );
    setFigures({ ...approved.figures, indicators: { ...approved.figures.indicators, rows: [{ code: 'CQ-09' }] } });
    expect(code(() => getReceivedReport(city, 'HP-HAIDUONG', '2026-Q3'))).toBe('report.figures_invalid');
    setFigures({ ...approved.figures, version: 2 });
    expect(() => getReceivedReport(city, 'HP-HAIDUONG', '2026-Q3')).toThrow(
      expect.objectContaining({ code: 'report.figures_unsupported', params: { version: '2' } }),
    );
  });
});
