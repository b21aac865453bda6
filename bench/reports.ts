/**
 * Benchmark for the periodic report (issue 5, item 8). Not a test: it prints figures.
 *
 *   node --import tsx bench/reports.ts            (BENCH_RUNS=7 by default)
 *
 * The annual report (figures computed from the database, then the DOCX written) for
 *   A. the demo ward (22 tasks, 19 indicators), with a year of progress and monthly values, and
 *   B. a generated ward with 300 tasks and 50 indicators with monthly values (bench/generate-ward.ts).
 * Median of several runs after a warm-up, split into figures and DOCX, with the DOCX size; the
 * report's XLSX and the plan's DOCX for comparison.
 */
import path from 'node:path';
import { openDatabase } from '../db/database';
import { buildPlanDocx } from '../db/reports/docx-plan';
import { renderReportDocx } from '../db/reports/docx-report';
import { computeReportFigures } from '../db/reports/figures-data';
import { writeReportXlsx } from '../db/reports/xlsx';
import { createDemoWard } from '../db/services/demo';
import { listIndicators, setValue } from '../db/services/indicators';
import { getReport, saveNarrative } from '../db/services/reports';
import { listTasks, recordProgress } from '../db/services/tasks';
import { inTransaction, todayIso, type Session } from '../db/session';
import { parsePeriod } from '../shared/rules/period';
import { generateWard } from './generate-ward';
import { benchTempDir, cleanupTempDirs, fmtBytes, fmtMs, heading, machineLine, repeatAsync, repeatSync, table } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const YEAR = parsePeriod('2026')!;

/** A year of the demo ward's follow-up: progress on every task, monthly values, narrative in every area. */
function seedDemoYear(s: Session): void {
  inTransaction(s, () => {
    listTasks(s).forEach((t, i) => {
      recordProgress(s, { taskId: t.id, status: 'in_progress', percent: 30, date: '2026-04-15' });
      if (i % 3 !== 2) recordProgress(s, { taskId: t.id, status: 'done', date: i % 2 ? '2026-06-20' : '2026-11-30' });
    });
    for (const ind of listIndicators(s, { year: 2026 })) {
      for (let m = 1; m <= 12; m++) {
        const period = `2026-M${String(m).padStart(2, '0')}`;
        if (ind.isRatio) setValue(s, { indicatorCode: ind.code, period, numerator: 800 + m * 10, denominator: 1000 });
        else setValue(s, { indicatorCode: ind.code, period, value: Math.min(100, 70 + m * 2.5) });
      }
    }
    for (const area of ['LD', 'TC', 'HT', 'NL', 'DL', 'AT', 'CQ', 'KT', 'TT', 'KP']) {
      saveNarrative(s, {
        period: '2026',
        areaCode: area,
        results: 'Hoàn thành các nhiệm vụ trọng tâm theo kế hoạch; duy trì vận hành ổn định các hệ thống thông tin.\n'.repeat(3),
        shortcomings: 'Kinh phí còn hạn chế; nhân lực chuyên trách còn thiếu.',
        nextTasks: 'Tiếp tục triển khai các nhiệm vụ năm 2027.',
        proposals: 'Đề nghị thành phố hỗ trợ kinh phí và đào tạo.',
      });
    }
  });
}

interface Row {
  name: string;
  tasks: number;
  indicators: number;
  values: number;
  figures: number;
  docx: number;
  total: number;
  docxBytes: number;
  xlsx: number;
  xlsxBytes: number;
  planDocx: number;
  planDocxBytes: number;
}

async function measure(name: string, s: Session): Promise<Row> {
  const narratives = getReport(s, '2026').narratives;
  const date = todayIso(s.now());
  const figures = repeatSync(RUNS, () => computeReportFigures(s, YEAR));
  const f = figures.last;
  const docx = await repeatAsync(RUNS, () =>
    renderReportDocx({ figures: f, narratives, docNumber: null, date, draft: false, recipients: [], draftingUnit: '' }),
  );
  // What the officer waits for: figures and document together.
  const total = await repeatAsync(RUNS, () =>
    renderReportDocx({ figures: computeReportFigures(s, YEAR), narratives, docNumber: null, date, draft: false, recipients: [], draftingUnit: '' }),
  );
  const xlsx = await repeatAsync(RUNS, () => writeReportXlsx(f));
  const plan = await repeatAsync(RUNS, () => buildPlanDocx(s, 2026));
  const values = (s.db.sqlite.prepare('SELECT count(*) AS n FROM indicator_value WHERE deleted = 0').get() as { n: number }).n;
  return {
    name,
    tasks: f.tasks.total.assigned,
    indicators: f.indicators.total,
    values,
    figures: figures.median,
    docx: docx.median,
    total: total.median,
    docxBytes: total.last.length,
    xlsx: xlsx.median,
    xlsxBytes: xlsx.last.length,
    planDocx: plan.median,
    planDocxBytes: plan.last.length,
  };
}

async function main(): Promise<void> {
  heading('Annual report (figures + DOCX)');
  console.log(machineLine());
  console.log(`median of ${RUNS} runs after one warm-up`);

  const demoDb = openDatabase(path.join(benchTempDir('bench-reports-'), 'demo.db'));
  const demo = createDemoWard(demoDb, { now: () => '2027-01-10T03:00:00.000Z' });
  seedDemoYear(demo);

  const t0 = performance.now();
  const big = generateWard(path.join(benchTempDir('bench-reports-'), 'big.db'), { years: [2026], tasksPerYear: 300, indicators: 50, today: '2026-12-31' });
  const genMs = performance.now() - t0;
  seedNarrative(big.s);
  console.log(
    `generated ward: ${big.counts.tasks} tasks, ${big.counts.progress} progress entries, ${big.counts.indicators} indicators, ${big.counts.values} values in ${fmtMs(genMs)}`,
  );

  const rows = [await measure('demo ward', demo), await measure('generated ward', big.s)];
  console.log();
  console.log(
    table(
      ['ward', 'tasks', 'indicators', 'values', 'figures', 'DOCX', 'figures + DOCX', 'DOCX size', 'XLSX', 'XLSX size', 'plan DOCX', 'plan size'],
      rows.map((r) => [
        r.name,
        r.tasks,
        r.indicators,
        r.values,
        fmtMs(r.figures),
        fmtMs(r.docx),
        fmtMs(r.total),
        fmtBytes(r.docxBytes),
        fmtMs(r.xlsx),
        fmtBytes(r.xlsxBytes),
        fmtMs(r.planDocx),
        fmtBytes(r.planDocxBytes),
      ]),
    ),
  );
  demoDb.close();
  big.db.close();
  cleanupTempDirs();
}

function seedNarrative(s: Session): void {
  inTransaction(s, () => {
    for (const area of ['LD', 'HT', 'CQ', 'KT']) {
      saveNarrative(s, {
        period: '2026',
        areaCode: area,
        results: 'Kết quả đạt được trong năm.',
        shortcomings: 'Tồn tại, hạn chế.',
        nextTasks: 'Nhiệm vụ năm tới.',
        proposals: 'Đề xuất.',
      });
    }
  });
}

await main();
