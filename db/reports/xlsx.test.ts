import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { demoWard, dumpDatabase, fixedClock, tempDir } from '../../test/support/temp';
import { openDatabase } from '../database';
import { addDirective, addUnit } from '../services/catalog';
import { DEMO_PLAN } from '../services/demo';
import { setValue } from '../services/indicators';
import { addPlan } from '../services/plans';
import { initWard } from '../services/setup';
import { listTasks } from '../services/tasks';
import type { Session } from '../session';
import { isPlanImportError, type RowProblem } from './errors';
import { buildPlanXlsx, buildReportXlsx, importPlanSheet, parsePlanSheet, planSheetContext, writePlanTemplate } from './xlsx';
import { columnPixels, MAX_PRINT_PX } from './xlsx-common';

/** A new ward that knows the demo's units and directives but has no plan yet. */
function freshWard(): Session {
  const db = openDatabase(path.join(tempDir(), 'fresh.db'));
  const s = initWard(db, { wardCode: 'HP-MOI', wardName: 'Phường Mới', cityCode: 'HP', cityName: 'Thành phố Hải Phòng' }, fixedClock);
  for (const u of DEMO_PLAN.units) addUnit(s, u);
  for (const d of DEMO_PLAN.directives) addDirective(s, { code: d.code, number: d.number, date: d.date, issuer: d.issuer, title: d.title });
  return s;
}

function comparable(s: Session) {
  return listTasks(s, { planYear: 2026 }).map((t) => ({
    no: t.no,
    content: t.content,
    lead: t.leadUnitCode,
    partners: t.partnerUnitCodes,
    timeline: t.timeline,
    deadline: t.deadline,
    output: t.output,
    source: t.sourceCode,
    area: t.areaCode,
    authority: t.authority,
  }));
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

const HEADER = ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện', 'Sản phẩm', 'Lĩnh vực', 'Văn bản căn cứ'];

async function sheet(rows: ExcelJS.CellValue[][], header: string[] = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  ws.addRow(['PHỤ LỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026']);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('plan appendix as XLSX', () => {
  it('round-trips: export, then import into a fresh ward, gives the same tasks', async () => {
    const { s } = demoWard();
    const file = await buildPlanXlsx(s, 2026);
    const target = freshWard();
    const result = await importPlanSheet(target, file, { year: 2026 });
    expect(result).toMatchObject({ year: 2026, planCreated: true, imported: 22 });
    expect(comparable(target)).toEqual(comparable(s));
    // Partners whose names hold commas ("Phòng Kinh tế, Hạ tầng và Đô thị") came back whole.
    expect(comparable(target).find((t) => t.no === 5)!.partners).toEqual(['VP', 'HCC', 'KTHTDT']);
  });

  it('prints as an official appendix: title rows with the plan’s number, names not codes, area rows, repeated header', async () => {
    const { s } = demoWard();
    const wb = await load(await buildPlanXlsx(s, 2026));
    const tasks = wb.getWorksheet('Phụ lục nhiệm vụ')!;
    expect(tasks.getCell('A1').value).toBe('Phụ lục');
    expect(tasks.getCell('A2').value).toBe('DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ PHƯỜNG HẢI DƯƠNG NĂM 2026');
    expect(tasks.getCell('A3').value).toBe('(Kèm theo Kế hoạch số 111/KH-UBND ngày      /      / của Ủy ban nhân dân phường Hải Dương)');
    expect((tasks.getRow(5).values as unknown[]).slice(1, 8)).toEqual([
      'STT',
      'Nội dung nhiệm vụ',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Thời gian thực hiện',
      'Sản phẩm',
      'Văn bản căn cứ',
    ]);
    expect(tasks.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(tasks.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printArea: 'A1:G37' });
    expect(tasks.pageSetup.printTitlesRow).toBe('5:5');
    // The first area's row, then its tasks; names, not codes.
    expect([tasks.getCell('A6').value, tasks.getCell('B6').value]).toEqual(['I', 'LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH; KIỂM TRA, GIÁM SÁT']);
    expect(tasks.getCell('B6').font).toMatchObject({ bold: true });
    const row7 = [...Array(10).keys()].map((i) => tasks.getRow(7).getCell(i + 1).value);
    expect(row7[0]).toBe(1);
    expect(row7[2]).toBe('Ban Chỉ đạo phát triển KHCN, ĐMST, CĐS và Đề án 06 phường');
    expect(row7[7]).toBe('Lãnh đạo, chỉ đạo, điều hành; kiểm tra, giám sát');
    const cited = [...Array(tasks.rowCount).keys()].map((i) => tasks.getRow(i + 1).getCell(7).value).filter((v) => typeof v === 'string' && v.startsWith('Nghị quyết'));
    expect(cited).toContain('Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị');
    expect(tasks.getCell('B7').alignment).toMatchObject({ wrapText: true });
    // Every cell at 11 pt or more.
    tasks.eachRow((row) => row.eachCell((c) => expect(c.font?.size ?? 0).toBeGreaterThanOrEqual(11)));
    const indicators = wb.getWorksheet('Chỉ tiêu')!;
    const cq07 = indicators.getRow(17);
    expect(cq07.getCell(8).value).toBe('CQ-07');
    expect(cq07.getCell(3).value).toBe('Chính quyền số');
    expect(cq07.getCell(6).value).toBe(89);
    expect(cq07.getCell(7)).toMatchObject({ value: 85.87, numFmt: '0.00"%"' });
  });

  it('sets column widths so the printed columns fit a landscape A4 page at 100 %', async () => {
    const { s } = demoWard();
    const wb = await load(await buildPlanXlsx(s, 2026));
    for (const ws of wb.worksheets) {
      const printed = Number(/^A1:([A-Z])/.exec(ws.pageSetup.printArea ?? '')![1]!.charCodeAt(0) - 64);
      const px = [...Array(printed).keys()].reduce((n, i) => n + columnPixels(ws.getColumn(i + 1).width ?? 8), 0);
      expect(px).toBeLessThanOrEqual(MAX_PRINT_PX);
      expect(ws.pageSetup.scale).toBe(100);
    }
  });

  it('writes a report’s tables with number formats', async () => {
    const { s } = demoWard();
    setValue(s, { indicatorCode: 'CQ-09', period: '2026-Q3', numerator: 3658476, denominator: 3670241 });
    const wb = await load(await buildReportXlsx(s, '2026-Q3'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Thống kê nhiệm vụ', 'Chỉ tiêu', 'Nhiệm vụ quá hạn']);
    const stats = wb.getWorksheet('Thống kê nhiệm vụ')!;
    const total = stats.getRow(stats.rowCount);
    expect(total.getCell(2).value).toBe('Tổng cộng');
    expect(total.getCell(3).value).toBe(22);
    expect(total.getCell(2).font?.bold).toBe(true);
    const ind = wb.getWorksheet('Chỉ tiêu')!;
    const row = ind.getRow(19);
    expect(row.getCell(12).value).toBe('CQ-09');
    expect(row.getCell(7)).toMatchObject({ value: 99.68, numFmt: '0.00"%"' });
    expect(row.getCell(10)).toMatchObject({ value: 3658476, numFmt: '#,##0' });
    expect(row.getCell(9).value).toBe('Đạt');
    const overdue = wb.getWorksheet('Nhiệm vụ quá hạn')!;
    // Nothing recorded in the demo: Quý I and Quý II tasks are overdue on 30 September.
    expect(overdue.rowCount - 5).toBe(3);
    expect(overdue.getCell('E6')).toMatchObject({ numFmt: 'dd/mm/yyyy' });
    expect((overdue.getCell('E6').value as Date).toISOString().slice(0, 10)).toBe('2026-03-31');
  });
});

describe('importing a plan sheet', () => {
  it('refuses a sheet with bad rows whole, naming every bad row and reason, importing nothing', async () => {
    const s = freshWard();
    addPlan(s, { year: 2026, title: 'Kế hoạch chuyển đổi số năm 2026' });
    const file = await sheet([
      [1, 'Nhiệm vụ đúng', 'VP', 'HCC', 'Quý III/2026', 'Sản phẩm', 'CQ', '57-NQ/TW'],
      [2, 'Nhiệm vụ giao cho đơn vị lạ', 'Phòng Không Tồn Tại', '', 'Năm 2026', '', 'CQ', ''],
      [3, '', 'VP', '', '', '', 'HT', ''],
      [4, 'Ngày không có thật', 'VP', '', '31/2/2026', '', 'HT', ''],
      [5, 'Nhiều lỗi', 'VHXH', 'HCC; Phòng Ma', 'Quý V', '', 'ZZ', '999/KH-XYZ'],
      [6, 'Thiếu chủ trì và lĩnh vực', '', '', '', '', '', ''],
    ]);
    const before = dumpDatabase(s.db);
    let problems: RowProblem[] = [];
    await importPlanSheet(s, file, { year: 2026 }).catch((e: unknown) => {
      if (!isPlanImportError(e)) throw e;
      expect(e.code).toBe('plan_import.bad_rows');
      expect(e.params).toEqual({ count: 5, rows: '4, 5, 6, 7, 8' });
      problems = e.rows;
    });
    expect(problems.map((p) => [p.row, p.reasons.map((r) => r.code)])).toEqual([
      [4, ['plan_import.lead_unknown']],
      [5, ['plan_import.content_required']],
      [6, ['plan_import.timeline_invalid']],
      [7, ['plan_import.partner_unknown', 'plan_import.timeline_invalid', 'plan_import.area_unknown', 'plan_import.source_unknown']],
      [8, ['plan_import.lead_required', 'plan_import.area_required']],
    ]);
    expect(problems[0]!.reasons[0]!.params).toEqual({ value: 'Phòng Không Tồn Tại' });
    expect(problems[2]!.reasons[0]!.params).toEqual({ value: '31/2/2026' });
    expect(problems[3]!.reasons[0]!.params).toEqual({ value: 'Phòng Ma' });
    expect(dumpDatabase(s.db)).toBe(before);
  });

  it('reads sheets as offices keep them: names or codes, area headings, dates typed as dates', async () => {
    const s = freshWard();
    const file = await sheet(
      [
        ['I', 'HẠ TẦNG SỐ', '', '', '', ''],
        [1, 'Nâng cấp mạng LAN', 'văn phòng hđnd và ubnd phường', 'Phòng Kinh tế, Hạ tầng và Đô thị, Công an phường', new Date(Date.UTC(2026, 8, 30)), 'Mạng LAN'],
        [2, 'Rà soát thiết bị', 'VP', 'HCC\nVHXH', 'Quý II', 'Báo cáo rà soát'],
        ['II', 'Chính quyền số', '', '', '', ''],
        [3, 'Triển khai Trợ lý ảo', 'VP', '', 'Thường xuyên', ''],
      ],
      ['TT', 'Nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn hoàn thành', 'Sản phẩm'],
    );
    const result = await importPlanSheet(s, file, { year: 2026 });
    expect(result).toMatchObject({ imported: 3, numbers: [1, 2, 3], planCreated: true });
    expect(comparable(s).map((t) => [t.no, t.area, t.lead, t.partners, t.deadline])).toEqual([
      [1, 'HT', 'VP', ['KTHTDT', 'CA'], '2026-09-30'],
      [2, 'HT', 'VP', ['HCC', 'VHXH'], '2026-06-30'],
      [3, 'CQ', 'VP', [], null],
    ]);
    // Importing the same sheet again would double the plan: refused, row by row.
    const again = await importPlanSheet(s, file, { year: 2026 }).catch((e: unknown) => e);
    expect(isPlanImportError(again) && again.rows.map((r) => [r.row, r.reasons[0]!.code, r.reasons[0]!.params])).toEqual([
      [4, 'plan_import.duplicate_task', { no: 1 }],
      [5, 'plan_import.duplicate_task', { no: 2 }],
      [7, 'plan_import.duplicate_task', { no: 3 }],
    ]);
  });

  it('numbers on after the plan’s last task when the plan already has tasks', async () => {
    const { s } = demoWard();
    const file = await sheet([[1, 'Nhiệm vụ bổ sung', 'VP', '', 'Quý IV/2026', 'Sản phẩm', 'CQ', 'NQ57']]);
    expect(await importPlanSheet(s, file)).toMatchObject({ year: 2026, planCreated: false, numbers: [23] });
    expect(listTasks(s).find((t) => t.no === 23)).toMatchObject({ sourceCode: 'NQ57', deadline: '2026-12-31' });
  });

  it('tells an unreadable file, a sheet without the appendix header, and an empty one apart', async () => {
    const s = freshWard();
    const ctx = planSheetContext(s, 2026);
    const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code);
    expect(await codeOf(parsePlanSheet(Buffer.from('not a workbook'), ctx))).toBe('plan_import.not_xlsx');
    expect(await codeOf(parsePlanSheet(await sheet([[1, 'x']], ['A', 'B', 'C']), ctx))).toBe('plan_import.no_header');
    expect(await codeOf(parsePlanSheet(await sheet([]), ctx))).toBe('plan_import.empty');
  });
});

describe('the plan template', () => {
  it('is the appendix layout with a hint and one example row that is never imported', async () => {
    const s = freshWard();
    const template = await writePlanTemplate({ units: DEMO_PLAN.units, directives: DEMO_PLAN.directives });
    const wb = await load(template);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toContain('Mỗi dòng một nhiệm vụ');
    expect((ws.getRow(2).values as unknown[]).slice(1, 7)).toEqual(['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện', 'Sản phẩm']);
    expect(ws.getCell('A3').value).toBe('VD');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(wb.getWorksheet('Danh mục')!.rowCount).toBe(1 + 10 + 9 + 7);
    const ctx = planSheetContext(s, 2026);
    await expect(parsePlanSheet(template, ctx)).rejects.toMatchObject({ code: 'plan_import.empty' });

    // The officer fills a row under the example: that row, and only it, is imported.
    ws.getRow(4).values = [1, 'Số hóa hồ sơ hộ tịch', 'HCC', 'VP', 'Năm 2026', 'Hồ sơ được số hóa', 'DL', '02-KH/BCĐTW'];
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const parsed = await parsePlanSheet(filled, ctx);
    expect(parsed).toMatchObject({ ok: true, rows: [{ row: 4, content: 'Số hóa hồ sơ hộ tịch', leadUnitCode: 'HCC', sourceCode: 'KH02', areaCode: 'DL' }] });
  });
});
