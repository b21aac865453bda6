/**
 * Benchmark for importing a ward's own plan appendix (issue 8, item 2). Not a test: it prints figures.
 *
 *   node --import tsx bench/plan-import.ts            (BENCH_RUNS=5 by default)
 *
 * Officer-style appendices (title rows, merged two-row header, numbering and section rows, full
 * unit names, generic partners) built from the ward fixture, at its own 22 tasks and repeated to
 * 528 tasks; each as XLSX and as DOCX: the preview (read, header, rows, matching) and the import
 * into a fresh ward with its 9 units and 5 directives created (one transaction).
 */
import path from 'node:path';
import { openDatabase } from '../db/database';
import { applyImport } from '../db/plan-import/apply';
import { previewFile } from '../db/plan-import/preview';
import { initWard } from '../db/services/setup';
import { loadFixture, officerDocx, officerPlan, officerXlsx, type FixtureWard } from '../test/support/officer-files';
import { benchTempDir, cleanupTempDirs, fmtBytes, fmtMs, heading, machineLine, repeatAsync, table } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function scaled(times: number): FixtureWard {
  const f = loadFixture();
  const tasks = Array.from({ length: times }, (_, k) =>
    f.tasks.map((t) => ({ ...t, no: k * f.tasks.length + t.no, content: k === 0 ? t.content : `${t.content} (đợt ${k + 1})` })),
  ).flat();
  return { ...f, tasks };
}

function freshWard(dir: string, n: number) {
  const db = openDatabase(path.join(dir, `ward-${n}.db`));
  return initWard(db, { wardCode: 'HP-MOI', wardName: 'Phường Mới', cityCode: 'HP', cityName: 'Thành phố Hải Phòng', officerName: 'Cán bộ' });
}

async function main(): Promise<void> {
  heading('Plan import: officer-style appendices');
  console.log(machineLine());
  const dir = benchTempDir('wardplan-bench-import-');
  const rows: string[][] = [];
  let n = 0;
  for (const times of [1, 24]) {
    const plan = officerPlan(scaled(times));
    for (const [kind, build] of [
      ['xlsx', officerXlsx],
      ['docx', officerDocx],
    ] as const) {
      const buffer = await build(plan);
      const name = `phu-luc.${kind}`;
      const preview = await repeatAsync(RUNS, () => previewFile(freshWard(dir, n++), { buffer, name }, 2026, { H: 'ignore' }));
      const apply = await repeatAsync(RUNS, () =>
        applyImport(freshWard(dir, n++), { year: 2026, file: { buffer, name }, mapping: { H: 'ignore' }, createMissing: true, onlyValid: false }),
      );
      rows.push([kind, String(plan.tasks.length), fmtBytes(buffer.length), fmtMs(preview.median), fmtMs(apply.median), String(apply.last.imported)]);
    }
  }
  console.log(table(['file', 'tasks', 'size', 'preview (median)', 'import (median)', 'imported'], rows, { leftCols: [0] }));
  cleanupTempDirs();
}

await main();
