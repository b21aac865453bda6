/**
 * The plan import on real files: officer-style XLSX and DOCX appendices built from the ward fixture
 * (test/support/officer-files.ts), read into real ward databases.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { fixedClock, tempDir } from '../../test/support/temp';
import { loadFixture, officerDocx, officerPlan, officerXlsx, type OfficerTask } from '../../test/support/officer-files';
import { isErrorCode } from '../../shared/i18n/messages';
import { openDatabase } from '../database';
import type { Session } from '../session';
import { addDirective, addUnit, listDirectives, listUnits } from '../services/catalog';
import { initWard } from '../services/setup';
import { listTasks } from '../services/tasks';
import { applyImport } from './apply';
import { AreaBook, directiveNumberIn } from './catalog';
import { fieldOfHeader, isNumberingRow } from './header';
import { previewFile, previewRows } from './preview';
import { AppError } from '../../shared/errors';
import { isImportRowsError } from './errors';

const fixture = loadFixture();
const unitName = new Map(fixture.units.map((u) => [u.code, u.name]));

function freshWard(opts: { withCatalog?: boolean } = {}): Session {
  const db = openDatabase(path.join(tempDir('wardplan-import-'), 'ward.db'));
  const s = initWard(db, { wardCode: 'HP-MOI', wardName: 'Phường Mới', cityCode: 'HP', cityName: 'Thành phố Hải Phòng', officerName: 'Cán bộ' }, fixedClock);
  if (opts.withCatalog) {
    for (const u of fixture.units) addUnit(s, u);
    for (const d of fixture.directives) addDirective(s, d);
  }
  return s;
}

/** Everything an import could write, so a refused import can be shown to have written nothing. */
function written(s: Session): Record<string, number> {
  const n = (sql: string) => (s.db.sqlite.prepare(sql).get() as { n: number }).n;
  return {
    units: n('SELECT count(*) AS n FROM unit'),
    directives: n('SELECT count(*) AS n FROM directive'),
    plans: n('SELECT count(*) AS n FROM plan'),
    tasks: n('SELECT count(*) AS n FROM task'),
    changes: n('SELECT count(*) AS n FROM change_log'),
    meta: n('SELECT count(*) AS n FROM meta'),
  };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** The imported tasks say what the officer's file said, in the ward's own units and areas. */
function expectTasksMatch(s: Session, tasks: OfficerTask[]): void {
  const got = listTasks(s, { planYear: 2026 });
  expect(got).toHaveLength(tasks.length);
  const units = new Map(listUnits(s).map((u) => [u.code, u.name]));
  for (const want of tasks) {
    const t = got.find((x) => x.no === want.no)!;
    expect(t, `task ${want.no}`).toBeDefined();
    expect(t.content).toBe(want.content);
    expect(t.areaCode).toBe(want.areaCode);
    expect(t.leadUnitName).toBe(want.leadName);
    expect(t.partnerUnitCodes.map((c) => units.get(c)).sort()).toEqual(want.partnerCodes.map((c) => unitName.get(c)).sort());
    expect(t.partnerNote).toBe(want.partnerNote);
    expect(t.timeline).toBe(want.timeline);
    expect(t.sourceNumber).toBe(want.sourceNumber);
    expect(t.output).toBe(want.product);
  }
}

const plan = officerPlan();

describe('an officer-style Excel appendix', () => {
  it('is read past its title rows, two-row merged header, numbering row and section rows', async () => {
    const s = freshWard();
    const p = await previewFile(s, { buffer: await officerXlsx(plan), name: 'phu-luc.xlsx' }, 2026);
    expect(p.kind).toBe('xlsx');
    expect(p.headerRows).toEqual([5, 6]);
    expect(p.columns.map((c) => c.field)).toEqual(['no', 'content', 'output', 'lead', 'partners', 'timeline', 'source', null]);
    expect(p.unmapped).toEqual(['H']);
    // The numbering row (7) and the ten section rows are no tasks.
    expect(p.rows).toHaveLength(22);
    expect(p.rows.some((r) => r.row === 7)).toBe(false);
    expect(p.sections.map((x) => x.areaCode)).toEqual(['LD', 'TC', 'HT', 'NL', 'DL', 'AT', 'CQ', 'KT', 'TT', 'KP']);
    expect(p.sections[0]).toMatchObject({ row: 8, text: 'I. LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH…' });
    for (const r of p.rows) expect(r.task.areaCode, `row ${r.row}`).toBe(plan.tasks.find((t) => t.no === r.task.no)!.areaCode);
    expect(p.counts).toMatchObject({ rows: 22, valid: 22, withErrors: 0 });
  });

  it('keeps unit names with commas whole, and group partners as text', async () => {
    const s = freshWard();
    const p = await previewFile(s, { buffer: await officerXlsx(plan), name: 'phu-luc.xlsx' }, 2026);
    const names = p.proposedUnits.map((u) => u.name).sort();
    expect(names).toEqual(fixture.units.map((u) => u.name).sort());
    const task = (no: number) => p.rows.find((r) => r.task.no === no)!;
    // "Văn phòng..., Trung tâm..., Phòng Kinh tế, Hạ tầng và Đô thị" split at the commas between units only.
    expect(task(5).task.partnerUnitNames).toEqual([
      'Văn phòng HĐND và UBND phường',
      'Trung tâm Phục vụ hành chính công phường',
      'Phòng Kinh tế, Hạ tầng và Đô thị',
    ]);
    expect(task(6).task.partnerUnitNames).toEqual(['Phòng Kinh tế, Hạ tầng và Đô thị']);
    expect(task(6).task.partnerNote).toBe('Các doanh nghiệp viễn thông');
    expect(task(9).task.partnerNote).toBe('Các phòng, ban, đơn vị có liên quan');
    expect(task(9).warnings.map((w) => w.code)).toContain('plan_import.partner_text');
    expect(task(9).errors).toEqual([]);
  });

  it('keeps an undatable timeline as written, with a warning and no deadline', async () => {
    const s = freshWard();
    const p = await previewFile(s, { buffer: await officerXlsx(plan), name: 'phu-luc.xlsx' }, 2026);
    const t17 = p.rows.find((r) => r.task.no === 17)!;
    expect(t17.task).toMatchObject({ timeline: 'Theo kế hoạch của thành phố', deadline: null });
    expect(t17.warnings).toContainEqual({ code: 'plan_import.timeline_undated', params: { value: 'Theo kế hoạch của thành phố' } });
    expect(t17.errors).toEqual([]);
    expect(p.rows.find((r) => r.task.no === 6)!.task.deadline).toBe('2026-06-30');
  });

  it('asks for the unknown column, then for confirming new units, and writes nothing until both are given', async () => {
    const s = freshWard();
    const buffer = await officerXlsx(plan);
    const before = written(s);
    const unmapped = await refusal(applyImport(s, { year: 2026, file: { buffer, name: 'phu-luc.xlsx' }, createMissing: true, onlyValid: false }));
    expect(unmapped.code).toBe('plan_import.unmapped_columns');
    expect(unmapped.params).toMatchObject({ columns: 'H', example: 'H=ignore' });
    const missing = await refusal(
      applyImport(s, { year: 2026, file: { buffer, name: 'phu-luc.xlsx' }, mapping: { H: 'ignore' }, createMissing: false, onlyValid: false }),
    );
    expect(missing.code).toBe('plan_import.missing_refs');
    expect(String(missing.params.names)).toContain('"Phòng Kinh tế, Hạ tầng và Đô thị"');
    expect(written(s)).toEqual(before);

    const r = await applyImport(s, { year: 2026, file: { buffer, name: 'phu-luc.xlsx' }, mapping: { H: 'ignore' }, createMissing: true, onlyValid: false });
    expect(r).toMatchObject({ year: 2026, planCreated: true, imported: 22, skipped: 0, mappingRemembered: true });
    expect(r.createdUnits).toHaveLength(9);
    expect(r.createdDirectives.map((d) => d.number).sort()).toEqual(['02-KH/BCĐTW', '238/KH-UBND', '359/KH-UBND', '57-NQ/TW', '749/QĐ-TTg']);
    expectTasksMatch(s, plan.tasks);
    expect(listDirectives(s).find((d) => d.number === '57-NQ/TW')).toMatchObject({ issuer: 'Bộ Chính trị' });

    // The next file of the same shape needs no mapping: the header's fingerprint recalls it.
    const again = await previewFile(s, { buffer, name: 'phu-luc-2.xlsx' }, 2027);
    expect(again.unmapped).toEqual([]);
    expect(again.columns.find((c) => c.column === 'H')).toMatchObject({ field: 'ignore', how: 'remembered' });
    expect(again.proposedUnits).toEqual([]);
  });

  it('splits commas at the units a ward already has, and matches units and directives by name or number', async () => {
    const s = freshWard({ withCatalog: true });
    const p = await previewFile(s, { buffer: await officerXlsx(plan), name: 'phu-luc.xlsx' }, 2026, { H: 'ignore' });
    expect(p.proposedUnits).toEqual([]);
    expect(p.proposedDirectives).toEqual([]);
    for (const r of p.rows) {
      const want = fixture.tasks.find((t) => t.no === r.task.no)!;
      expect(r.task.leadUnitCode).toBe(want.lead);
      expect([...r.task.partnerUnitCodes].sort()).toEqual([...want.partners].sort());
      expect(r.task.sourceCode).toBe(want.source);
    }
  });

  it('maps a column the officer names, in place of the header words', async () => {
    const s = freshWard({ withCatalog: true });
    const p = await previewFile(s, { buffer: await officerXlsx(plan), name: 'phu-luc.xlsx' }, 2026, { H: 'person', C: 'ignore' });
    expect(p.columns.find((c) => c.column === 'H')).toMatchObject({ field: 'person', how: 'mapping' });
    expect(p.rows.find((r) => r.task.no === 2)!.task).toMatchObject({ person: 'Đã giao tại cuộc họp tháng 1', output: null });
  });
});

describe('the same appendix as a Word table', () => {
  it('finds the task table after the motto table and reads merged cells (gridSpan, vMerge)', async () => {
    const s = freshWard();
    const buffer = await officerDocx(plan);
    const p = await previewFile(s, { buffer, name: 'ke-hoach.docx' }, 2026);
    expect(p).toMatchObject({ kind: 'docx', table: 'Bảng 2', headerRows: [1, 2], unmapped: ['H'] });
    expect(p.columns.slice(3, 5).map((c) => c.header)).toEqual(['Đơn vị thực hiện Chủ trì', 'Đơn vị thực hiện Phối hợp']);
    expect(p.sections.map((x) => x.areaCode)).toEqual(['LD', 'TC', 'HT', 'NL', 'DL', 'AT', 'CQ', 'KT', 'TT', 'KP']);
    const r = await applyImport(s, { year: 2026, file: { buffer, name: 'ke-hoach.docx' }, mapping: { H: 'ignore' }, createMissing: true, onlyValid: false });
    expect(r.imported).toBe(22);
    expectTasksMatch(s, plan.tasks);
  });
});

describe('rows edited in the preview', () => {
  it('imports all or nothing, or only the rows without errors', async () => {
    const s = freshWard({ withCatalog: true });
    const p = await previewFile(s, { buffer: await officerXlsx(plan), name: 'phu-luc.xlsx' }, 2026, { H: 'ignore' });
    const rows = p.rows.map((r) => ({ row: r.row, values: { ...r.values } }));
    rows[0]!.values.content = '';
    rows[1]!.values.area = 'Không có lĩnh vực này';
    rows[2]!.values.timeline = 'Quý IV/2026';
    const edited = previewRows(s, rows, 2026);
    expect(edited.rows[0]!.errors.map((e) => e.code)).toEqual(['plan_import.content_required']);
    expect(edited.rows[1]!.errors.map((e) => e.code)).toEqual(['plan_import.area_unknown']);
    expect(edited.rows[2]!.task.deadline).toBe('2026-12-31');

    const before = written(s);
    const all = await applyImport(s, { year: 2026, rows, createMissing: false, onlyValid: false }).catch((e: unknown) => e);
    expect(isImportRowsError(all)).toBe(true);
    if (isImportRowsError(all)) expect(all.rows.map((r) => r.row)).toEqual([rows[0]!.row, rows[1]!.row]);
    expect(written(s)).toEqual(before);

    const some = await applyImport(s, { year: 2026, rows, createMissing: false, onlyValid: true });
    expect(some).toMatchObject({ imported: 20, skipped: 2, planCreated: true });
    const tasks = listTasks(s, { planYear: 2026 });
    expect(tasks.find((t) => t.content === plan.tasks[2]!.content)?.timeline).toBe('Quý IV/2026');
    // A second import of the same rows is refused: every row is already in the plan.
    const dup = previewRows(s, rows.slice(2), 2026);
    expect(dup.rows.every((r) => r.errors.some((e) => e.code === 'plan_import.duplicate_task'))).toBe(true);
  });
});

describe("WardPlan's own exports, today's and with full names", () => {
  it('reads area, unit and directive names written in full under title rows', async () => {
    const s = freshWard({ withCatalog: true });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục nhiệm vụ');
    ws.getRow(1).values = ['UBND PHƯỜNG HẢI DƯƠNG'];
    ws.getRow(2).values = ['PHỤ LỤC NHIỆM VỤ KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026'];
    ws.mergeCells(2, 1, 2, 8);
    ws.getRow(4).values = ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện', 'Sản phẩm', 'Lĩnh vực', 'Văn bản căn cứ'];
    const area = new Map(fixture.areas.map((a) => [a.code, a.name]));
    const dir = new Map(fixture.directives.map((d) => [d.code, d]));
    fixture.tasks.forEach((t, i) => {
      const d = dir.get(t.source)!;
      ws.getRow(5 + i).values = [
        t.no,
        t.content,
        unitName.get(t.lead)!,
        t.partners.map((c) => unitName.get(c)).join('; '),
        t.timeline,
        t.product,
        area.get(t.area)!,
        `${d.number} ngày ${d.date.split('-').reverse().join('/')} của ${d.issuer} về ${d.title}`,
      ];
    });
    const p = await previewFile(s, { buffer: Buffer.from(await wb.xlsx.writeBuffer()), name: 'export.xlsx' }, 2026);
    expect(p.headerRows).toEqual([4]);
    expect(p.proposedUnits).toEqual([]);
    expect(p.proposedDirectives).toEqual([]);
    expect(p.counts.valid).toBe(22);
    for (const r of p.rows) {
      const want = fixture.tasks.find((t) => t.no === r.task.no)!;
      expect([r.task.areaCode, r.task.leadUnitCode, r.task.sourceCode]).toEqual([want.area, want.lead, want.source]);
    }
  });
});

async function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(entries)) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

describe('bad files', () => {
  it('are refused with a message in both languages, and nothing is written', async () => {
    const s = freshWard();
    const good = await officerXlsx(plan);
    const noTable = new ExcelJS.Workbook();
    noTable.addWorksheet('Ghi chú').getRow(1).values = ['Danh sách cán bộ tham gia tập huấn'];
    const headerOnly = new ExcelJS.Workbook();
    headerOnly.addWorksheet('Phụ lục').getRow(1).values = ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì'];
    const cases: Array<[string, Buffer, string]> = [
      ['trong.xlsx', Buffer.alloc(0), 'plan_import.file_empty'],
      ['ghi-chu.txt', Buffer.from('STT;Nội dung nhiệm vụ;Đơn vị chủ trì\n1;Một việc;VP\n'), 'plan_import.not_office'],
      ['cu.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), 'plan_import.legacy_office'],
      ['hong.xlsx', good.subarray(0, Math.floor(good.length / 2)), 'plan_import.corrupt'],
      ['khac.zip', await zipOf({ 'readme.txt': 'không phải Excel' }), 'plan_import.not_office'],
      ['khong-bang.xlsx', Buffer.from(await noTable.xlsx.writeBuffer()), 'plan_import.no_table'],
      ['chi-tieu-de.xlsx', Buffer.from(await headerOnly.xlsx.writeBuffer()), 'plan_import.no_tasks'],
    ];
    const before = written(s);
    for (const [name, buffer, code] of cases) {
      const e = await refusal(applyImport(s, { year: 2026, file: { buffer, name }, createMissing: true, onlyValid: true }));
      expect(e.code, name).toBe(code);
      expect(isErrorCode(code), code).toBe(true);
      if (code !== 'plan_import.corrupt') expect(e.params.name).toBe(name);
    }
    expect(written(s)).toEqual(before);
  });
});

describe('the rules, one by one', () => {
  it('knows columns by their header words, in any case and without diacritics', () => {
    expect(fieldOfHeader('Đơn vị thực hiện Chủ trì')).toBe('lead');
    expect(fieldOfHeader('ĐƠN VỊ THỰC HIỆN PHỐI HỢP')).toBe('partners');
    expect(fieldOfHeader('don vi chu tri')).toBe('lead');
    expect(fieldOfHeader('Thoi gian hoan thanh')).toBe('timeline');
    expect(fieldOfHeader('Sản phẩm đầu ra')).toBe('output');
    expect(fieldOfHeader('TT')).toBe('no');
    expect(fieldOfHeader('Ghi chú')).toBeNull();
    expect(isNumberingRow(['(1)', '(2)', '(3)', '', '(5)'])).toBe(true);
    expect(isNumberingRow(['1', 'Triển khai chữ ký số', 'VP'])).toBe(false);
  });

  it('matches section headings to areas loosely but never ambiguously', () => {
    const areas = new AreaBook(fixture.areas);
    expect(areas.find('LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH…')?.code).toBe('LD');
    expect(areas.find('KINH TẾ SỐ, XÃ HỘI SỐ')?.code).toBe('KT');
    expect(areas.find('PHÁT TRIỂN HẠ TẦNG SỐ')?.code).toBe('HT');
    expect(areas.find('an toan, an ninh mang')?.code).toBe('AT');
    expect(areas.find('cq')?.code).toBe('CQ');
    expect(areas.find('SỐ')).toBeNull();
    expect(areas.find('Công tác thi đua khen thưởng')).toBeNull();
  });

  it('finds a directive cited by its title alone, and a row with only a number is no task', async () => {
    const s = freshWard({ withCatalog: true });
    addDirective(s, {
      code: 'TBKL',
      number: 'Các Thông báo kết luận',
      issuer: 'Ban Chỉ đạo Trung ương',
      title: 'Các Thông báo kết luận của Ban Chỉ đạo Trung ương',
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    ws.addRow(['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Lĩnh vực', 'Văn bản căn cứ']);
    ws.addRow([1, 'Triển khai các kết luận', 'VP', 'CQ', 'Thực hiện Các Thông báo kết luận của Ban Chỉ đạo Trung ương']);
    ws.addRow([2, '', '', '', '']);
    const p = await previewFile(s, { buffer: Buffer.from(await wb.xlsx.writeBuffer()), name: 'x.xlsx' }, 2026);
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]!.task.sourceCode).toBe('TBKL');
    expect(p.proposedDirectives).toEqual([]);
  });

  it('reads a directive number out of a citation', () => {
    expect(directiveNumberIn('Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị')).toBe('57-NQ/TW');
    expect(directiveNumberIn('Quyết định 749/QĐ-TTg')).toBe('749/QĐ-TTg');
    expect(directiveNumberIn('Kế hoạch số 02-KH/BCĐTW.')).toBe('02-KH/BCĐTW');
    expect(directiveNumberIn('Các Thông báo kết luận của Ban Chỉ đạo Trung ương')).toBeNull();
    expect(directiveNumberIn('ngày 22/12/2024')).toBeNull();
  });
});
