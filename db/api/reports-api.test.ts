/**
 * The report, document and plan-sheet methods through the API as every host calls them: a method
 * name and untrusted arguments, checked by the contract's schemas, against a real demo database.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, Method, Output } from '../../shared/api/contract';
import { dumpDatabase, fixedClock, tempDir } from '../../test/support/temp';
import { openDatabase } from '../database';
import { readDocx } from '../reports/docx-text';
import { createDemoWard } from '../services/demo';
import { planFileName, reportFileName } from '../../shared/api/document-names';
import { WardApi } from './ward-api';

let api: WardApi;
let dir: string;
let outDir: string;
let dbPath: string;

beforeEach(() => {
  dir = tempDir('wardplan-api-');
  dbPath = path.join(dir, 'ward.db');
  outDir = path.join(dir, 'outbox');
  const db = openDatabase(dbPath);
  createDemoWard(db, { now: fixedClock });
  db.close();
  api = new WardApi({ dbPath, now: fixedClock, defaultOutDir: () => outDir });
});

afterEach(() => api.close());

async function ok<M extends Method>(method: M, input: unknown): Promise<Output<M>> {
  const r = (await api.call(method, input)) as ApiResult<M>;
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

async function refused(method: Method, input: unknown): Promise<{ code: string; params: Record<string, string | number> }> {
  const r = await api.call(method, input);
  if (r.ok) throw new Error(`${method} was accepted: ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}

function docText(c: { paragraphs: string[]; tables: string[][][] }): string {
  return [...c.paragraphs, ...c.tables.flat(2)].join('\n');
}

const HEADER = ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện', 'Sản phẩm', 'Lĩnh vực', 'Văn bản căn cứ'];

async function sheetBase64(rows: ExcelJS.CellValue[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('reports through the API', () => {
  it('previews a period with no saved report, then saves narrative, approves, freezes and marks sent', async () => {
    expect(await ok('reports.list', {})).toEqual([]);
    const preview = await ok('reports.get', { period: '2026-Q3' });
    expect(preview).toMatchObject({ id: null, period: '2026-Q3', periodLabel: 'Quý III/2026', status: 'draft', figuresFrozen: false });
    expect(preview.figures.tasks.total.assigned).toBe(22);
    expect(preview.figures.asOf).toBe('2026-09-30');
    expect(preview.figures.indicators.total).toBe(19);
    expect(preview.narratives).toHaveLength(10);

    const saved = await ok('reports.saveNarrative', { period: '2026-Q3', areaCode: 'CQ', results: '  Cấp chữ ký số cho 100% cán bộ.  ' });
    expect(saved).toMatchObject({ areaCode: 'CQ', results: 'Cấp chữ ký số cho 100% cán bộ.', shortcomings: '' });
    // One box at a time: saving another part keeps the first.
    await ok('reports.saveNarrative', { period: '2026-Q3', areaCode: 'CQ', proposals: 'Đề nghị thành phố hỗ trợ thiết bị.' });
    const draft = await ok('reports.get', { period: '2026-Q3' });
    expect(draft.narratives.find((n) => n.areaCode === 'CQ')).toMatchObject({
      results: 'Cấp chữ ký số cho 100% cán bộ.',
      proposals: 'Đề nghị thành phố hỗ trợ thiết bị.',
    });
    expect((await ok('reports.list', {})).map((r) => [r.period, r.status])).toEqual([['2026-Q3', 'draft']]);

    expect((await refused('reports.markSent', { period: '2026-Q3' })).code).toBe('report.not_approved');
    expect((await refused('reports.approve', { period: '2026-Q3', approvedBy: '   ' })).code).toBe('report.approver_required');

    const approved = await ok('reports.approve', { period: '2026-Q3', approvedBy: 'Phạm Thị Thanh Vân', docNumber: '45', signerTitle: 'Chủ tịch' });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'Phạm Thị Thanh Vân', docNumber: '45/BC-UBND', figuresFrozen: true });
    expect(approved.approvedAt).toBe(fixedClock());

    const frozen = await refused('reports.saveNarrative', { period: '2026-Q3', areaCode: 'CQ', results: 'sửa sau khi duyệt' });
    expect(frozen).toMatchObject({ code: 'report.frozen', params: { period: '2026-Q3', approvedBy: 'Phạm Thị Thanh Vân' } });
    expect((await refused('reports.approve', { period: '2026-Q3', approvedBy: 'Người khác' })).code).toBe('report.already_approved');

    const sent = await ok('reports.markSent', { period: '2026-Q3' });
    expect(sent).toMatchObject({ period: '2026-Q3', status: 'sent', sentAt: fixedClock() });
    expect((await ok('reports.get', { period: '2026-Q3' })).status).toBe('sent');
  });

  it('refuses bad input with a message code, before any service runs', async () => {
    expect(await refused('reports.get', { period: '2026-Q5' })).toMatchObject({ code: 'period.format', params: { field: 'period' } });
    // A month is a period, but not a report's.
    expect(await refused('reports.get', { period: '2026-M03' })).toMatchObject({ code: 'report.bad_period', params: { value: '2026-M03' } });
    expect(await refused('documents.report', { period: '2026-Q3', format: 'pdf' })).toMatchObject({ code: 'api.bad_input', params: { field: 'format' } });
    expect(await refused('documents.plan', { format: 'odt' })).toMatchObject({ code: 'api.bad_input', params: { field: 'format' } });
    expect(await refused('reports.saveNarrative', { period: '2026-Q3' })).toMatchObject({ code: 'api.bad_input', params: { field: 'areaCode' } });
    expect((await refused('reports.saveNarrative', { period: '2026-Q3', areaCode: 'ZZ', results: 'x' })).code).toBe('area.not_found');
    expect((await refused('reports.saveNarrative', { period: '2026-Q3', areaCode: 'CQ', results: 'x'.repeat(20_001) })).code).toBe('report.text_too_long');
    expect((await refused('reports.get', { period: '2031-Q1' })).code).toBe('plan.not_found');
    expect((await refused('plan.checkSheet', { fileName: 'x.xlsx' })).code).toBe('api.bad_input');
    // Nothing was written by any of it.
    expect(await ok('reports.list', {})).toEqual([]);
    expect(fs.existsSync(outDir)).toBe(false);
  });
});

describe('documents through the API', () => {
  it('writes the report as DOCX and XLSX into the default folder, named without diacritics, and returns the bytes', async () => {
    const docx = await ok('documents.report', { period: '2026-Q3', format: 'docx' });
    // Still a draft, and the name says so.
    expect(docx.fileName).toBe('bao-cao-quy-III-2026-du-thao.docx');
    expect(docx.path).toBe(path.join(outDir, docx.fileName));
    const onDisk = fs.readFileSync(docx.path);
    expect(onDisk.subarray(0, 2).toString()).toBe('PK');
    expect(Buffer.from(docx.contentBase64, 'base64').equals(onDisk)).toBe(true);
    expect(docx.size).toBe(onDisk.length);
    const text = docText(await readDocx(onDisk));
    expect(text).toContain('Quý III');

    await ok('reports.approve', { period: '2026-Q3', approvedBy: 'Phạm Thị Thanh Vân' });
    const xlsx = await ok('documents.report', { period: '2026-Q3', format: 'xlsx' });
    expect(xlsx.fileName).toBe('bao-cao-quy-III-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Thống kê nhiệm vụ', 'Chỉ tiêu', 'Nhiệm vụ quá hạn']);

    expect((await ok('documents.report', { period: '2026-H1', format: 'docx' })).fileName).toBe('bao-cao-6-thang-dau-nam-2026-du-thao.docx');
    expect((await ok('documents.report', { period: '2026', format: 'xlsx' })).fileName).toBe('bao-cao-nam-2026-du-thao.xlsx');
  });

  it('writes exactly where the save dialog pointed, leaving no temporary file', async () => {
    const chosen = path.join(dir, 'USB', 'Báo cáo quý 3.docx');
    fs.mkdirSync(path.dirname(chosen));
    const r = await ok('documents.report', { period: '2026-Q3', format: 'docx', outPath: chosen });
    expect(r.path).toBe(chosen);
    expect(r.fileName).toBe('Báo cáo quý 3.docx');
    expect(fs.readdirSync(path.dirname(chosen))).toEqual(['Báo cáo quý 3.docx']);
    const missing = await refused('documents.report', { period: '2026-Q3', format: 'docx', outPath: path.join(dir, 'no-such-folder', 'x.docx') });
    expect(missing.code).toBe('output.write_failed');
  });

  it("writes the plan as DOCX and XLSX, and the import template with the ward's catalog", async () => {
    const docx = await ok('documents.plan', { format: 'docx' });
    expect(docx.fileName).toBe('ke-hoach-chuyen-doi-so-2026.docx');
    expect(docText(await readDocx(fs.readFileSync(docx.path)))).toContain('Nâng cấp hạ tầng mạng LAN');
    const xlsx = await ok('documents.plan', { format: 'xlsx', year: 2026 });
    expect(xlsx.fileName).toBe('ke-hoach-chuyen-doi-so-2026.xlsx');
    expect((await refused('documents.plan', { format: 'xlsx', year: 2030 })).code).toBe('plan.not_found');

    const template = await ok('documents.planTemplate', {});
    expect(template.fileName).toBe('mau-nhap-ke-hoach.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(template.path) as unknown as ArrayBuffer);
    const catalog = wb.getWorksheet('Danh mục')!;
    const codes: string[] = [];
    catalog.eachRow((row) => codes.push(String(row.getCell(2).value)));
    expect(codes).toContain('HCC');
  });
});

describe('document file names', () => {
  it('names every report and plan file in plain ASCII a USB stick and an e-mail client keep', () => {
    expect(reportFileName('2026-Q3', 'docx', 'approved')).toBe('bao-cao-quy-III-2026.docx');
    expect(reportFileName('2026-H2', 'docx', 'sent')).toBe('bao-cao-6-thang-cuoi-nam-2026.docx');
    expect(reportFileName('2026', 'xlsx', 'draft')).toBe('bao-cao-nam-2026-du-thao.xlsx');
    expect(planFileName(2026, 'xlsx')).toBe('ke-hoach-chuyen-doi-so-2026.xlsx');
    for (const period of ['2026-Q1', '2026-H1', '2026-M03', 'lạ']) expect(reportFileName(period, 'docx', 'draft')).toMatch(/^[A-Za-z0-9.-]+$/);
  });
});

describe('plan sheets through the API', () => {
  it('a bad sheet: every bad row with its reasons from check, a refusal from import, and nothing imported', async () => {
    const first = openDatabase(dbPath, { mustExist: true });
    const before = dumpDatabase(first);
    first.close();
    const contentBase64 = await sheetBase64([
      [1, 'Số hóa hồ sơ lưu trữ của phường', 'Phòng Không Tồn Tại', '', 'Quý IV/2026', 'Kho hồ sơ số', 'CQ', ''],
      [2, '', 'VP', '', 'Quý IV/2026', '', 'CQ', ''],
      [3, 'Một dòng đúng', 'VP', '', 'Quý IV/2026', '', 'CQ', ''],
    ]);
    const check = await ok('plan.checkSheet', { fileName: 'ke-hoach.xlsx', contentBase64 });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.year).toBe(2026);
    expect(check.problems).toEqual([
      { row: 2, reasons: [{ code: 'plan_import.lead_unknown', params: { value: 'Phòng Không Tồn Tại' } }] },
      { row: 3, reasons: [{ code: 'plan_import.content_required', params: {} }] },
    ]);

    const imported = await refused('plan.importSheet', { fileName: 'ke-hoach.xlsx', contentBase64 });
    expect(imported).toEqual({ code: 'plan_import.bad_rows', params: { count: 2, rows: '2, 3' } });
    expect((await ok('tasks.list', { planYear: 2026 })).length).toBe(22);
    api.close();
    const after = openDatabase(dbPath, { mustExist: true });
    expect(dumpDatabase(after)).toBe(before);
    after.close();
  });

  it('a good sheet, by bytes or by path: checked, then imported after the existing tasks', async () => {
    const contentBase64 = await sheetBase64([
      [1, 'Số hóa hồ sơ lưu trữ của phường', 'Văn phòng HĐND và UBND phường', 'HCC; CA', 'Quý IV/2026', 'Kho hồ sơ số', 'CQ', '57-NQ/TW'],
    ]);
    expect(await ok('plan.checkSheet', { fileName: 'ke-hoach.xlsx', contentBase64, year: 2026 })).toEqual({ ok: true, rows: 1, year: 2026 });
    const file = path.join(dir, 'ke-hoach.xlsx');
    fs.writeFileSync(file, Buffer.from(contentBase64, 'base64'));
    expect(await ok('plan.importSheet', { path: file })).toEqual({ imported: 1, year: 2026, planCreated: false });
    const tasks = await ok('tasks.list', { planYear: 2026 });
    expect(tasks).toHaveLength(23);
    expect(tasks.find((t) => t.no === 23)).toMatchObject({
      content: 'Số hóa hồ sơ lưu trữ của phường',
      leadUnitCode: 'VP',
      partnerUnitCodes: ['HCC', 'CA'],
      sourceCode: 'NQ57',
    });
    // The same sheet again would double the task: refused by name.
    const again = await ok('plan.checkSheet', { path: file });
    expect(again).toMatchObject({ ok: false, problems: [{ row: 2, reasons: [{ code: 'plan_import.duplicate_task', params: { no: 23 } }] }] });
  });

  it('a file that is not a workbook, or that is missing, is refused as a whole with its own message', async () => {
    expect((await refused('plan.checkSheet', { fileName: 'ghi-chu.xlsx', contentBase64: Buffer.from('không phải Excel').toString('base64') })).code).toBe(
      'plan_import.not_xlsx',
    );
    expect((await refused('plan.checkSheet', { path: path.join(dir, 'khong-co.xlsx') })).code).toBe('file.not_found');
    expect((await refused('plan.checkSheet', { fileName: 'trong.xlsx', contentBase64: await sheetBase64([]) })).code).toBe('plan_import.empty');
  });
});
