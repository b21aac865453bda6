/**
 * The documents an officer signs without retyping, checked on the DOCX/XLSX XML and on the text
 * of the PDF LibreOffice makes from them, for the demo ward: the draft mark, the report's four
 * sections and appendix, directive labels and order, empty cases, the plan's sections and
 * appendix, recipients, the Excel appendix printed at 11 pt or more, ratio indicators added up
 * over the quarter, and the supplementary report. Page images go to artifacts/reports/.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MISSING_OFFICE_TOOLS, pageCount, pageOrientations, pdfText, renderToPdf, wordHeights } from '../../test/support/office';
import { demoWard, fixedClock, tempDir } from '../../test/support/temp';
import { openDatabase } from '../database';
import { addDirective, addUnit } from '../services/catalog';
import { setDirectiveOrder } from '../services/directive-order';
import { saveDocumentSettings, savePlanDocument } from '../services/documents';
import { setValue } from '../services/indicators';
import { addPlan } from '../services/plans';
import { approveReport, createSupplement, getReport, saveReportBody } from '../services/reports';
import { initWard } from '../services/setup';
import { addTask, listTasks, recordProgress } from '../services/tasks';
import type { Session } from '../session';
import { buildPlanDocx } from './docx-plan';
import { buildReportDocx } from './docx-report';
import { readDocx, readEntry, readHeaders } from './docx-text';
import { buildPlanXlsx } from './xlsx';

const office = MISSING_OFFICE_TOOLS.length === 0;
if (!office) console.warn(`Skipping the LibreOffice checks: ${MISSING_OFFICE_TOOLS.join(', ')} not installed.`);

/** The demo ward in Q3/2026 with some work recorded, a reason for the overdue task and a task due in October. */
function q3Ward(now?: () => string): Session {
  const { s } = demoWard(now ? { now } : {});
  const id = (no: number) => listTasks(s).find((t) => t.no === no)!.id;
  recordProgress(s, { taskId: id(6), status: 'done', date: '2026-07-20' });
  recordProgress(s, { taskId: id(1), status: 'in_progress', percent: 50, date: '2026-08-01', note: 'Đã ban hành kế hoạch kiểm tra' });
  recordProgress(s, { taskId: id(22), status: 'in_progress', percent: 40, date: '2026-09-10', note: 'Chờ hướng dẫn của Sở Nội vụ về tiêu chí thi đua' });
  addTask(s, { planYear: 2026, areaCode: 'HT', content: 'Lắp đặt hệ thống camera giám sát tại bộ phận một cửa', leadUnitCode: 'HCC', timeline: '31/10/2026' });
  // A ratio entered month by month: the quarter is 1.850/2.000, not September's 100 %.
  setValue(s, { indicatorCode: 'CQ-09', period: '2026-M07', numerator: 500, denominator: 600 });
  setValue(s, { indicatorCode: 'CQ-09', period: '2026-M08', numerator: 650, denominator: 700 });
  setValue(s, { indicatorCode: 'CQ-09', period: '2026-M09', numerator: 700, denominator: 700 });
  saveDocumentSettings(s, { draftingUnit: 'VHXH' });
  return s;
}

const APPROVED_AT = () => '2026-11-02T02:00:00.000Z';

describe('draft and approved report', () => {
  it('marks every page of a draft DỰ THẢO, with no date and no signer; the approved copy has neither mark nor blanks', async () => {
    const s = q3Ward(APPROVED_AT);
    const draft = await buildReportDocx(s, '2026-Q3');
    const draftHeaders = await readHeaders(draft);
    // Both sections (body and appendix) have a first-page and an every-page header, all marked.
    expect(draftHeaders.length).toBeGreaterThanOrEqual(4);
    expect(draftHeaders.every((h) => h.includes('DỰ THẢO'))).toBe(true);
    const draftText = (await readDocx(draft)).paragraphs.join('\n');
    expect(draftText).toContain('Hải Dương, ngày … tháng … năm …');
    expect(draftText).not.toContain('Phạm Thị Thanh Vân');

    approveReport(s, { period: '2026-Q3', approvedBy: 'Phạm Thị Thanh Vân', docNumber: '45' });
    // Work recorded after approval does not change the signed copy.
    recordProgress(s, { taskId: listTasks(s).find((t) => t.no === 22)!.id, status: 'done', date: '2026-11-01' });
    const approved = await buildReportDocx(s, '2026-Q3');
    expect((await readHeaders(approved)).some((h) => h.includes('DỰ THẢO'))).toBe(false);
    const doc = await readDocx(approved);
    const text = doc.paragraphs.join('\n');
    expect(text).toContain('Hải Dương, ngày 02 tháng 11 năm 2026');
    expect(text).toContain('Số: 45/BC-UBND');
    expect(text).toContain('Phạm Thị Thanh Vân');
    const stats = doc.tables.find((t) => t[0]?.[1] === 'Văn bản chỉ đạo')!;
    expect(stats.at(-1)).toEqual(['', 'Tổng cộng', '23', '1', '1', '1', '19', '2']);

    if (!office) return;
    const d = renderToPdf(draft, 'q3-2026-du-thao.docx');
    const a = renderToPdf(approved, 'q3-2026-da-duyet.docx');
    const n = pageCount(d.pdf);
    for (let p = 1; p <= n; p++) expect(pdfText(d.pdf, { page: p })).toContain('DỰ THẢO');
    expect(pdfText(d.pdf)).not.toContain('Phạm Thị Thanh Vân');
    expect(pdfText(a.pdf)).not.toContain('DỰ THẢO');
    expect(pdfText(a.pdf)).toContain('Hải Dương, ngày 02 tháng 11 năm 2026');
    expect(pdfText(a.pdf, { layout: true })).toContain('Tổng cộng 23 1 1 1 19 2');
  }, 120_000);
});

describe('the report body', () => {
  it('has sections I–IV written from the data, the officer’s edits, overdue reasons, tasks due next month and the progress appendix', async () => {
    const s = q3Ward();
    const r = getReport(s, '2026-Q3');
    expect(r.bodySuggested.results).toContain('Kế hoạch năm 2026 có 23 nhiệm vụ. Tính đến ngày 30/09/2026, đã hoàn thành 1/23 nhiệm vụ');
    expect(r.bodySuggested.nextTasks).toContain('Tập trung hoàn thành 2 nhiệm vụ quá hạn và 1 nhiệm vụ đến hạn trong tháng 10/2026.');
    saveReportBody(s, { period: '2026-Q3', proposals: 'Đề nghị UBND thành phố hỗ trợ kinh phí mua sắm thiết bị.' });
    const bytes = await buildReportDocx(s, '2026-Q3');
    const doc = await readDocx(bytes);
    const text = doc.paragraphs.join('\n');
    for (const h of ['I. KẾT QUẢ THỰC HIỆN', 'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN', 'III. NHIỆM VỤ TRỌNG TÂM QUÝ TỚI', 'IV. KIẾN NGHỊ, ĐỀ XUẤT']) expect(text).toContain(h);
    expect(text.indexOf('II. TỒN TẠI')).toBeLessThan(text.indexOf('III. NHIỆM VỤ'));
    expect(text).toContain('Đề nghị UBND thành phố hỗ trợ kinh phí mua sắm thiết bị.');
    const overdue = doc.tables.find((t) => t[0]?.[6] === 'Lý do')!;
    expect(overdue.find((x) => x[0] === '22')![6]).toBe('Chờ hướng dẫn của Sở Nội vụ về tiêu chí thi đua');
    expect(overdue.filter((x) => x[6] === 'Chưa nêu lý do')).toHaveLength(1);
    expect(text).toContain('Nhiệm vụ đến hạn trong tháng 10/2026:');
    const due = doc.tables.find((t) => t[0]?.join('|') === 'STT|Nội dung nhiệm vụ|Đơn vị chủ trì|Thời hạn|Tiến độ')!;
    expect(due.slice(1).map((x) => [x[1], x[3]])).toEqual([['Lắp đặt hệ thống camera giám sát tại bộ phận một cửa', '31/10/2026']]);
    const appendix = doc.tables.find((t) => t[0]?.join('|') === 'STT|Nội dung nhiệm vụ|Đơn vị chủ trì|Thời gian thực hiện|Tình trạng|Tiến độ, kết quả mới nhất')!;
    expect(appendix.filter((x) => /^\d+$/.test(x[0]!))).toHaveLength(23);
    expect(appendix.find((x) => x[0] === '1')).toEqual([
      '1',
      expect.any(String),
      expect.any(String),
      'Thường xuyên',
      'Đang thực hiện trong hạn',
      '50%. Đã ban hành kế hoạch kiểm tra',
    ]);
    expect(appendix.find((x) => x[0] === 'I')).toEqual(['I', 'LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH; KIỂM TRA, GIÁM SÁT']);
    expect(text).toContain('TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ QUÝ III NĂM 2026');

    if (!office) return;
    const { pdf } = renderToPdf(bytes, 'q3-2026-noi-dung.docx');
    const pdfAll = pdfText(pdf);
    for (const h of ['I. KẾT QUẢ THỰC HIỆN', 'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN', 'III. NHIỆM VỤ TRỌNG TÂM QUÝ TỚI', 'IV. KIẾN NGHỊ, ĐỀ XUẤT']) expect(pdfAll).toContain(h);
    expect(pdfAll).toContain('Phụ lục TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ QUÝ III NĂM 2026');
    expect(pdfAll).toContain('Chờ hướng dẫn của Sở Nội vụ');
    expect(pdfAll).toContain('Nhiệm vụ đến hạn trong tháng 10/2026');
    const orientation = pageOrientations(pdf);
    expect(orientation[0]).toBe('portrait');
    expect(orientation.at(-1)).toBe('landscape');
  }, 120_000);
});

describe('directive labels and order', () => {
  it('cites a directive with no number once, without repeating its issuer, and lists directives in the order set', async () => {
    const s = q3Ward();
    addDirective(s, { code: 'TBKL', number: 'Thông báo kết luận của Ban Chỉ đạo Trung ương', issuer: 'Ban Chỉ đạo Trung ương', title: 'Kết luận về chuyển đổi số' });
    addTask(s, { planYear: 2026, areaCode: 'CQ', content: 'Thực hiện kết luận của Ban Chỉ đạo', leadUnitCode: 'VP', timeline: 'Quý IV/2026', sourceCode: 'TBKL' });
    setDirectiveOrder(s, ['KH359', 'TBKL']);
    const doc = await readDocx(await buildReportDocx(s, '2026-Q3'));
    const stats = doc.tables.find((t) => t[0]?.[1] === 'Văn bản chỉ đạo')!;
    const labels = stats.slice(2, -1).map((r) => r[1]);
    expect(labels[0]).toBe('Kế hoạch số 359/KH-UBND ngày 31/12/2025 của UBND thành phố');
    expect(labels[1]).toBe('Thông báo kết luận của Ban Chỉ đạo Trung ương');
    expect(labels.join('\n')).not.toMatch(/Văn bản số|của Ban Chỉ đạo Trung ương của/);
    const plan = (await readDocx(await buildPlanDocx(s, 2026))).paragraphs.join('\n');
    expect(plan.indexOf('Căn cứ Kế hoạch số 359/KH-UBND')).toBeLessThan(plan.indexOf('Căn cứ Thông báo kết luận của Ban Chỉ đạo Trung ương về'));
    expect(plan.indexOf('Căn cứ Thông báo kết luận')).toBeLessThan(plan.indexOf('Căn cứ Nghị quyết số 57-NQ/TW'));
  });
});

describe('empty cases', () => {
  it('words a plan with no indicators and no tasks properly, in the DOCX and in the PDF', async () => {
    const db = openDatabase(path.join(tempDir(), 'empty.db'));
    const s = initWard(db, { wardCode: 'HP-MOI', wardName: 'Phường Mới', cityCode: 'HP', cityName: 'Thành phố Hải Phòng' }, fixedClock);
    addUnit(s, { code: 'VP', name: 'Văn phòng HĐND và UBND phường' });
    addPlan(s, { year: 2026, title: 'Kế hoạch chuyển đổi số năm 2026' });
    const bytes = await buildReportDocx(s, '2026-Q3');
    const doc = await readDocx(bytes);
    const text = doc.paragraphs.join('\n');
    expect(text).toContain('Kế hoạch năm 2026 chưa có nhiệm vụ nào.');
    expect(text).toContain('Kế hoạch năm 2026 không đặt chỉ tiêu cụ thể.');
    expect(text).toContain('Không có kiến nghị, đề xuất.');
    expect(text).not.toMatch(/0\/0/);
    // No empty tables: only the header block and the signature block are tables.
    expect(doc.tables.filter((t) => t[0]?.[0] === 'STT')).toEqual([]);
    // A ward with indicators but no values yet says so instead of an empty cell.
    const demo = demoWard().s;
    const demoDoc = await readDocx(await buildReportDocx(demo, '2026-Q1'));
    expect(demoDoc.paragraphs.join('\n')).toContain('Kỳ này chưa có số liệu của chỉ tiêu nào.');
    expect(demoDoc.tables.find((t) => t[0]?.[1] === 'Chỉ tiêu')![1]!.slice(5)).toEqual(['–', 'Chưa có số liệu']);

    if (!office) return;
    const pdf = pdfText(renderToPdf(bytes, 'phuong-moi-q3-2026.docx').pdf);
    expect(pdf).toContain('không đặt chỉ tiêu cụ thể');
    expect(pdf).not.toMatch(/0\/0/);
  }, 120_000);
});

describe('the plan document', () => {
  it('prints the officer’s sections, its appendix with area rows on pages numbered from 1, and the issue date and signer once issued', async () => {
    const { s } = demoWard();
    savePlanDocument(s, {
      year: 2026,
      issuedOn: '2026-01-05',
      signerName: 'Phạm Thị Thanh Vân',
      signerTitle: 'Chủ tịch',
      objectives: '100% cán bộ, công chức sử dụng thành thạo chữ ký số.',
      solutions: 'Tăng cường kiểm tra, đôn đốc việc thực hiện các nhiệm vụ.',
      recipients: ['UBND thành phố Hải Phòng (để báo cáo);', 'Các phòng, ban thuộc UBND phường;'],
    });
    saveDocumentSettings(s, { draftingUnit: 'VHXH' });
    const bytes = await buildPlanDocx(s, 2026);
    const doc = await readDocx(bytes);
    const text = doc.paragraphs.join('\n');
    for (const h of ['I. KẾT QUẢ THỰC HIỆN NĂM 2025', 'II. MỤC TIÊU', 'III. NHIỆM VỤ', 'IV. GIẢI PHÁP', 'V. KINH PHÍ THỰC HIỆN', 'VI. TỔ CHỨC THỰC HIỆN']) expect(text).toContain(h);
    expect(text).toContain('- 100% các phòng, ban, đơn vị và cán bộ, công chức đã được cấp chữ ký số.');
    expect(text).toContain('Tăng cường kiểm tra, đôn đốc việc thực hiện các nhiệm vụ.');
    expect(text).toContain('Hải Dương, ngày 05 tháng 01 năm 2026');
    expect(text).toContain('Phạm Thị Thanh Vân');
    expect(text).toContain('- Lưu: VT, VHXH.');
    expect(text).toContain('(Kèm theo Kế hoạch số 111/KH-UBND ngày 05/01/2026 của Ủy ban nhân dân phường Hải Dương)');
    expect((await readHeaders(bytes)).some((h) => h.includes('DỰ THẢO'))).toBe(false);
    // The appendix section restarts its page numbers.
    const sects = [...(await readEntry(bytes, 'word/document.xml')).matchAll(/<w:sectPr[ >][\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sects).toHaveLength(2);
    expect(sects[0]).not.toMatch(/w:pgNumType[^>]*w:start/);
    expect(sects[1]).toMatch(/<w:pgNumType [^>]*w:start="1"/);
    const appendix = doc.tables.find((t) => t[0]?.[0] === 'STT' && t[0]?.[5] === 'Sản phẩm')!;
    const areaRows = appendix.filter((r) => /^[IVX]+$/.test(r[0]!));
    expect(areaRows[0]).toEqual(['I', 'LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH; KIỂM TRA, GIÁM SÁT']);
    expect(areaRows.map((r) => r[0])).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'].slice(0, areaRows.length));

    if (!office) return;
    const { pdf } = renderToPdf(bytes, 'kh2026-ban-hanh.docx');
    const all = pdfText(pdf);
    expect(all).not.toContain('DỰ THẢO');
    expect(all).toContain('IV. GIẢI PHÁP');
    expect(all).toContain('I LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH; KIỂM TRA, GIÁM SÁT');
    expect(all).toContain('Lưu: VT, VHXH.');
    const orient = pageOrientations(pdf);
    const first = orient.indexOf('landscape');
    // The appendix's first page is unnumbered and its second says 2, whatever the body's length.
    expect(first).toBeGreaterThan(1);
    expect(orient.length).toBeGreaterThan(first + 1);
    expect(pdfText(pdf, { page: first + 2 }).trim()).toMatch(/^2 /);
  }, 120_000);
});

describe('the plan as an Excel appendix', () => {
  it.skipIf(!office)('prints landscape with title rows, the plan’s number, area rows and text at 11 pt or more', async () => {
    const { s } = demoWard();
    const bytes = await buildPlanXlsx(s, 2026);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Phụ lục nhiệm vụ')!.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, scale: 100 });
    const { pdf } = renderToPdf(bytes, 'kh2026-phu-luc.xlsx');
    const text = pdfText(pdf);
    expect(text).toContain('DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ PHƯỜNG HẢI DƯƠNG NĂM 2026');
    expect(text).toContain('111/KH-UBND');
    expect(text).toContain('LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH; KIỂM TRA, GIÁM SÁT');
    expect(text).toContain('Văn phòng HĐND và UBND phường');
    expect(pageOrientations(pdf).every((o) => o === 'landscape')).toBe(true);
    // Word boxes of 12 pt text are about 13–14 pt high; a sheet squeezed to fit would print near 7 pt.
    const body = wordHeights(pdf).filter((w) => /^[\p{L}]{3,}$/u.test(w.word));
    const sorted = body.map((w) => w.height).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    expect(median).toBeGreaterThanOrEqual(11);
    // The task sheet's header row repeats on each of its pages (the indicator sheet follows).
    const pages = [...Array(pageCount(pdf)).keys()].map((i) => pdfText(pdf, { page: i + 1 }));
    const taskPages = pages.slice(0, pages.findIndex((t) => t.includes('CHỈ TIÊU CHUYỂN ĐỔI SỐ')));
    expect(taskPages.length).toBeGreaterThan(1);
    for (const t of taskPages) for (const h of ['STT', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Sản phẩm', 'Văn bản căn cứ']) expect(t).toContain(h);
  }, 120_000);
});

describe('ratio indicators over a quarter', () => {
  it('adds the months’ numerators and denominators', async () => {
    const s = q3Ward();
    const doc = await readDocx(await buildReportDocx(s, '2026-Q3'));
    const row = doc.tables.find((t) => t[0]?.[1] === 'Chỉ tiêu')!.find((r) => r[1] === 'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến')!;
    expect(row[5]).toBe('92,5%(1.850/2.000)');
    expect(row[6]).toBe('Đạt');
  });
});

describe('the supplementary report', () => {
  it('is refused before approval, then made as a new draft that refers to the approved report', async () => {
    const s = q3Ward(APPROVED_AT);
    expect(() => createSupplement(s, '2026-Q3')).toThrow(expect.objectContaining({ code: 'report.supplement_needs_approved' }));
    approveReport(s, { period: '2026-Q3', approvedBy: 'Phạm Thị Thanh Vân', docNumber: '45' });
    const sup = createSupplement(s, '2026-Q3');
    expect([sup.supplement, sup.status, sup.figuresFrozen]).toEqual([1, 'draft', false]);
    // Asking again returns the open draft rather than a second one.
    expect(createSupplement(s, '2026-Q3').supplement).toBe(1);
    saveReportBody(s, { period: '2026-Q3', supplement: 1, results: 'Bổ sung kết quả nhiệm vụ số 22 đã hoàn thành ngày 01/11/2026.' });
    const bytes = await buildReportDocx(s, '2026-Q3', { supplement: 1 });
    const text = (await readDocx(bytes)).paragraphs.join('\n');
    expect(text).toContain('Bổ sung kết quả thực hiện Kế hoạch chuyển đổi số Quý III năm 2026');
    expect(text).toContain('báo cáo bổ sung Báo cáo số 45/BC-UBND ngày 02/11/2026');
    expect(text).toContain('Bổ sung kết quả nhiệm vụ số 22 đã hoàn thành ngày 01/11/2026.');
    expect((await readHeaders(bytes)).every((h) => h.includes('DỰ THẢO'))).toBe(true);
    // The original stays as approved.
    expect(getReport(s, '2026-Q3').status).toBe('approved');

    if (!office) return;
    const pdf = pdfText(renderToPdf(bytes, 'q3-2026-bo-sung-1.docx').pdf);
    expect(pdf).toContain('Bổ sung kết quả thực hiện Kế hoạch chuyển đổi số Quý III năm 2026');
    expect(pdf).toContain('DỰ THẢO');
  }, 120_000);
});
