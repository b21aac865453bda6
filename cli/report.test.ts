/**
 * The document commands end to end: a real process on a real demo database, as an officer or a
 * script runs them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../db/reports/docx-text';
import { tempDir } from '../test/support/temp';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'wardplan.mjs');

let dir = '';
let db = '';

function run(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, WARDPLAN_LANG: 'vi' }, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function json(r: { stdout: string }): Record<string, unknown> {
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

beforeAll(() => {
  dir = tempDir('wardplan-cli-');
  db = path.join(dir, 'ward.db');
  const r = spawnSync(process.execPath, [BIN, 'demo', '--db', db], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});

describe('wardplan report', () => {
  it('writes the quarterly report as DOCX and XLSX', async () => {
    const docx = run('report', '--db', db, '--period', '2026-Q3', '--format', 'docx', '--out', 'bc-q3.docx');
    expect(docx.code, docx.stderr).toBe(0);
    expect(docx.stdout).toContain('Đã ghi báo cáo 2026-Q3 (dự thảo)');
    const doc = await readDocx(fs.readFileSync(path.join(dir, 'bc-q3.docx')));
    const text = doc.paragraphs.join('\n');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Kết quả thực hiện Kế hoạch chuyển đổi số Quý III năm 2026');
    expect(
      doc.tables
        .find((t) => t[0]?.[1] === 'Văn bản chỉ đạo')!
        .at(-1)!
        .slice(1, 3),
    ).toEqual(['Tổng cộng', '22']);

    const xlsx = run('report', '--db', db, '--period', '2026-H1', '--format', 'xlsx', '--out', 'bc-h1.xlsx', '--json');
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(json(xlsx)).toMatchObject({ format: 'xlsx', period: '2026-H1', status: 'draft' });
    const wb = await workbook(path.join(dir, 'bc-h1.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Thống kê nhiệm vụ', 'Chỉ tiêu', 'Nhiệm vụ quá hạn']);
  });

  it('refuses what it cannot do, with the right exit code', () => {
    const month = run('report', '--db', db, '--period', '2026-M03', '--out', 'x.docx', '--json');
    expect(month.code).toBe(1);
    expect(json(month)).toMatchObject({ error: { code: 'report.bad_period' } });
    expect(month.stderr).toContain('Kỳ báo cáo "2026-M03" không hợp lệ');
    expect(run('report', '--db', db, '--period', '2026-Q3', '--format', 'pdf', '--out', 'x.pdf').code).toBe(2);
    const noOut = run('report', '--db', db, '--period', '2026-Q3');
    expect(noOut.code).toBe(1);
    expect(noOut.stderr).toContain('--out');
    const noDb = run('report', '--db', path.join(dir, 'missing.db'), '--period', '2026-Q3', '--out', 'x.docx', '--json');
    expect(json(noDb)).toMatchObject({ error: { code: 'db.not_found' } });
    const badDir = run('report', '--db', db, '--period', '2026-Q3', '--out', path.join(dir, 'no-such-folder', 'x.docx'), '--json');
    expect(json(badDir)).toMatchObject({ error: { code: 'output.write_failed' } });
  });

  it('approves, then refuses edits, then marks the report sent', async () => {
    const narrative = run('report', 'narrative', '--db', db, '--period', '2026-Q3', '--area', 'CQ', '--results', 'Đã triển khai Trợ lý ảo.');
    expect(narrative.code, narrative.stderr).toBe(0);
    const approve = run('report', 'approve', '--db', db, '--period', '2026-Q3', '--by', 'Phạm Thị Thanh Vân', '--doc-number', '45', '--json');
    expect(approve.code, approve.stderr).toBe(0);
    expect(json(approve)).toMatchObject({ period: '2026-Q3', status: 'approved', approvedBy: 'Phạm Thị Thanh Vân', docNumber: '45/BC-UBND' });
    const edit = run('report', 'narrative', '--db', db, '--period', '2026-Q3', '--area', 'CQ', '--results', 'Sửa', '--json');
    expect(edit.code).toBe(1);
    expect(json(edit)).toMatchObject({ error: { code: 'report.frozen' } });
    expect(run('report', 'approve', '--db', db, '--period', '2026-Q3', '--by', 'X').code).toBe(1);
    const show = run('report', 'show', '--db', db, '--period', '2026-Q3');
    expect(show.stdout).toContain('đã phê duyệt');
    expect(show.stdout).toContain('số liệu đã khóa');
    expect(run('report', 'sent', '--db', db, '--period', '2026-Q3').code).toBe(0);
    const out = run('report', '--db', db, '--period', '2026-Q3', '--out', 'bc-q3-approved.docx');
    expect(out.stdout).toContain('(đã gửi)');
    const text = (await readDocx(fs.readFileSync(path.join(dir, 'bc-q3-approved.docx')))).paragraphs.join('\n');
    expect(text).toContain('Số: 45/BC-UBND');
    expect(text).toContain('Đã triển khai Trợ lý ảo.');
  });
});

describe('wardplan plan export / import / template', () => {
  it('exports the plan, and a second import of it is refused row by row', async () => {
    const docx = run('plan', 'export', '--db', db, '--format', 'docx', '--out', 'ke-hoach.docx');
    expect(docx.code, docx.stderr).toBe(0);
    const appendix = (await readDocx(fs.readFileSync(path.join(dir, 'ke-hoach.docx')))).tables.find((t) => t[0]?.[0] === 'STT' && t[0]?.[5] === 'Sản phẩm')!;
    // The header, ten area rows and 22 tasks.
    expect(appendix).toHaveLength(33);
    const xlsx = run('plan', 'export', '--db', db, '--out', 'ke-hoach.xlsx');
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const again = run('plan', 'import', 'ke-hoach.xlsx', '--db', db, '--json');
    expect(again.code).toBe(1);
    const err = json(again).error as { code: string; rows: Array<{ row: number; reasons: Array<{ code: string; message: string }> }> };
    expect(err.code).toBe('plan_import.rows_invalid');
    expect(err.rows).toHaveLength(22);
    // Title rows, a blank row and the header come first; then the first area's row.
    expect(err.rows[0]).toMatchObject({ row: 7, reasons: [{ code: 'plan_import.duplicate_task', message: expect.stringContaining('nhiệm vụ số 1') }] });
    expect(again.stderr).toContain('Dòng 37:');
  });

  it('writes the template, and imports a filled one into a new ward', async () => {
    const fresh = path.join(dir, 'moi.db');
    expect(run('init', '--db', fresh, '--ward', 'HP-MOI', '--name', 'Phường Mới', '--city', 'HP').code).toBe(0);
    expect(run('unit', 'add', '--db', fresh, '--code', 'VP', '--name', 'Văn phòng HĐND và UBND phường').code).toBe(0);
    const t = run('plan', 'template', '--db', fresh, '--out', 'mau.xlsx');
    expect(t.code, t.stderr).toBe(0);
    const wb = await workbook(path.join(dir, 'mau.xlsx'));
    const ws = wb.worksheets[0]!;
    ws.getRow(4).values = [1, 'Triển khai chữ ký số cho cán bộ mới', 'Văn phòng HĐND và UBND phường', '', 'Quý IV/2026', 'Chữ ký số được cấp', 'CQ'];
    ws.getRow(5).values = [2, 'Rà soát trang thiết bị', 'VP', '', 'Trước 30/11/2026', 'Báo cáo rà soát', 'HT'];
    await wb.xlsx.writeFile(path.join(dir, 'mau-da-dien.xlsx'));
    const imported = run('plan', 'import', 'mau-da-dien.xlsx', '--db', fresh, '--year', '2026');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Đã nhập 2 nhiệm vụ vào kế hoạch năm 2026 (kế hoạch mới được tạo).');
    const list = run('tasks', 'list', '--db', fresh, '--json');
    expect((JSON.parse(list.stdout) as Array<{ no: number; deadline: string }>).map((x) => [x.no, x.deadline])).toEqual([
      [1, '2026-12-31'],
      [2, '2026-11-30'],
    ]);
  });
});
