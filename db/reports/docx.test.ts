/**
 * The generated documents, read back: as DOCX XML (always), and through LibreOffice's PDF export
 * (the same engine officers who lack Word use), whose text and page images are checked and kept
 * under artifacts/reports/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MISSING_OFFICE_TOOLS, pageOrientations, pdfText, savePages, toPdf } from '../../test/support/office';
import { demoWard, tempDir } from '../../test/support/temp';
import type { Session } from '../session';
import { setValue } from '../services/indicators';
import { approveReport, saveNarrative } from '../services/reports';
import { listTasks, recordProgress } from '../services/tasks';
import { buildPlanDocx } from './docx-plan';
import { buildReportDocx } from './docx-report';
import { readDocx } from './docx-text';

const missing = MISSING_OFFICE_TOOLS;
if (missing.length > 0) {
  console.warn(`Skipping the LibreOffice rendering tests: ${missing.join(', ')} not installed (apt-get install libreoffice-writer-nogui poppler-utils).`);
}

function seedQ3(s: Session): void {
  const id = (no: number) => listTasks(s).find((t) => t.no === no)!.id;
  recordProgress(s, { taskId: id(21), status: 'done', date: '2026-03-10' });
  recordProgress(s, { taskId: id(6), status: 'done', date: '2026-07-20' });
  recordProgress(s, { taskId: id(1), status: 'in_progress', percent: 50, date: '2026-08-01' });
  recordProgress(s, { taskId: id(3), status: 'done', date: '2026-09-25' });
  recordProgress(s, { taskId: id(16), status: 'in_progress', percent: 30, date: '2026-09-01' });
  recordProgress(s, { taskId: id(7), status: 'in_progress', percent: 60, date: '2026-09-01' });
  setValue(s, { indicatorCode: 'CQ-09', period: '2026-Q3', numerator: 3658476, denominator: 3670241 });
  setValue(s, { indicatorCode: 'CQ-07', period: '2026-M09', value: 87.5 });
  setValue(s, { indicatorCode: 'HT-01', period: '2026-Q3', value: 100 });
  saveNarrative(s, {
    period: '2026-Q3',
    areaCode: 'HT',
    results: 'Đã nâng cấp 12 máy tính cho Trung tâm Phục vụ hành chính công.\nHoàn thành lắp đặt mạng LAN tầng 2.',
    shortcomings: 'Kinh phí còn hạn chế; một số thiết bị đã cũ.',
    nextTasks: 'Hoàn thành nâng cấp mạng LAN trong Quý IV.',
    proposals: 'Đề nghị thành phố hỗ trợ kinh phí mua sắm thiết bị.',
  });
}

describe('the periodic report DOCX', () => {
  it('holds the official blocks and the computed tables', async () => {
    const { s } = demoWard();
    seedQ3(s);
    const doc = await readDocx(await buildReportDocx(s, '2026-Q3'));
    const text = doc.paragraphs.join('\n');
    for (const expected of [
      'ỦY BAN NHÂN DÂN',
      'PHƯỜNG HẢI DƯƠNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hải Dương, ngày … tháng … năm …',
      'BÁO CÁO',
      'Kết quả thực hiện Kế hoạch chuyển đổi số Quý III năm 2026',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
    ]) {
      expect(text).toContain(expected);
    }
    // A draft is not signed and not dated.
    expect(text).not.toContain('Phạm Thị Thanh Vân');
    expect(text).not.toContain('ngày 15 tháng 10 năm 2026');
    expect(doc.paragraphs.find((p) => p.startsWith('Số:'))).toMatch(/^Số: +\/BC-UBND$/);
    // A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman only.
    // Then the per-task appendix, landscape.
    expect(doc.sections).toEqual([
      { width: 11906, height: 16838, orientation: 'portrait', margins: { top: 1134, bottom: 1134, left: 1701, right: 850 } },
      { width: 16838, height: 11906, orientation: 'landscape', margins: { top: 1701, bottom: 850, left: 1134, right: 1134 } },
    ]);
    expect(doc.fonts).toEqual(['Times New Roman']);
    const stats = doc.tables.find((t) => t[0]?.[1] === 'Văn bản chỉ đạo')!;
    // Two header rows, five directives, the totals row.
    expect(stats).toHaveLength(8);
    expect(stats.at(-1)).toEqual(['', 'Tổng cộng', '22', '3', '1', '3', '15', '1']);
    expect(stats.find((r) => r[1]!.includes('359/KH-UBND'))).toEqual([
      '4',
      'Kế hoạch số 359/KH-UBND ngày 31/12/2025 của UBND thành phố',
      '12',
      '3',
      '1',
      '1',
      '7',
      '1',
    ]);
    const indicators = doc.tables.find((t) => t[0]?.[1] === 'Chỉ tiêu')!;
    expect(indicators).toHaveLength(20);
    expect(indicators[0]).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Chỉ tiêu năm 2026', 'Kết quả năm 2025', 'Kết quả Quý III/2026', 'Đánh giá']);
    expect(indicators.find((r) => r[1] === 'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến')).toEqual([
      '14',
      'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến',
      '%',
      '> 84%',
      '72,2%',
      '99,68%(3.658.476/3.670.241)',
      'Đạt',
    ]);
    const overdue = doc.tables.find((t) => t[0]?.[1] === 'Nội dung nhiệm vụ' && t[0]?.[6] === 'Lý do')!;
    expect(overdue.slice(1).map((r) => [r[0], r[3], r[4], r[6]])).toEqual([['22', '30/06/2026', '92', 'Chưa nêu lý do']]);
  });

  it('carries the approval: number, date of approval and the approver as signer', async () => {
    const { s } = demoWard({ now: () => '2026-11-02T02:00:00.000Z' });
    approveReport(s, { period: '2026-Q3', approvedBy: 'Nguyễn Văn Bình', docNumber: '45', signerTitle: 'Phó Chủ tịch' });
    const text = (await readDocx(await buildReportDocx(s, '2026-Q3'))).paragraphs.join('\n');
    expect(text).toContain('Số: 45/BC-UBND');
    expect(text).toContain('Hải Dương, ngày 02 tháng 11 năm 2026');
    expect(text).toContain('KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH');
    expect(text).toContain('Nguyễn Văn Bình');
  });

  it.skipIf(missing.length > 0)('opens in LibreOffice as an A4 document with the demo plan’s figures', async () => {
    const { s } = demoWard();
    seedQ3(s);
    const dir = tempDir();
    const file = path.join(dir, 'bao-cao-quy-III-2026.docx');
    fs.writeFileSync(file, await buildReportDocx(s, '2026-Q3'));
    const pdf = toPdf(file);
    const text = pdfText(pdf);
    for (const expected of [
      'ỦY BAN NHÂN DÂN PHƯỜNG HẢI DƯƠNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: ',
      'Hải Dương, ngày … tháng … năm …',
      'BÁO CÁO',
      'Kết quả thực hiện Kế hoạch chuyển đổi số Quý III năm 2026',
      'Kế hoạch năm 2026 có 22 nhiệm vụ. Tính đến ngày 30/09/2026, đã hoàn thành 3/22 nhiệm vụ (13,64%)',
      '99,68%',
      '(3.658.476/ 3.670.241)',
      'Đã nâng cấp 12 máy tính cho Trung tâm Phục vụ hành chính công.',
      'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
      '- Hạ tầng số: Kinh phí còn hạn chế; một số thiết bị đã cũ.',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN CHỦ TỊCH',
    ]) {
      expect(text).toContain(expected);
    }
    // Table rows read across only in layout order: the totals row of the statistics per directive.
    expect(pdfText(pdf, { layout: true })).toContain('Tổng cộng 22 3 1 3 15 1');
    const sizes = pageOrientations(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(sizes[0]).toBe('portrait');
    expect(sizes.at(-1)).toBe('landscape');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    // Times New Roman, or the metric-compatible Liberation Serif LibreOffice substitutes for it.
    expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/TimesNewRoman|LiberationSerif/);
    expect(savePages(pdf, 'bao-cao-quy-III-2026').length).toBe(sizes.length);
  }, 150_000);
});

describe('the plan DOCX', () => {
  it('has the appendix task table with one row per task', async () => {
    const { s } = demoWard();
    const doc = await readDocx(await buildPlanDocx(s, 2026));
    const appendix = doc.tables.find((t) => t[0]?.join('|') === 'STT|Nội dung nhiệm vụ|Đơn vị chủ trì|Đơn vị phối hợp|Thời gian thực hiện|Sản phẩm')!;
    const taskRows = appendix.slice(1).filter((r) => /^\d+$/.test(r[0]!));
    expect(taskRows.map((r) => Number(r[0])).sort((a, b) => a - b)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    // Each area that has tasks opens with its Roman-numeral row, the area's name across the row.
    const areaRows = appendix.slice(1).filter((r) => !/^\d+$/.test(r[0]!));
    expect(areaRows.map((r) => r[0])).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'].slice(0, areaRows.length));
    expect(areaRows.every((r) => r.length === 2 && r[1] === r[1]!.toUpperCase())).toBe(true);
    expect(areaRows.length).toBeGreaterThanOrEqual(5);
    expect(appendix.find((r) => r[0] === '7')).toEqual([
      '7',
      'Nâng cấp hạ tầng mạng LAN bảo đảm an toàn thông tin và tốc độ đường truyền cho cơ quan và Trung tâm phục vụ hành chính công',
      'Văn phòng HĐND và UBND phường',
      'Trung tâm Phục vụ hành chính công phường',
      'Quý III/2026',
      'Mạng LAN được nâng cấp',
    ]);
    // The appendix is its own section, on landscape A4 bound on the same (now top) edge.
    expect(doc.sections.map((x) => [x.orientation, x.width, x.height, x.margins.top])).toEqual([
      ['portrait', 11906, 16838, 1134],
      ['landscape', 16838, 11906, 1701],
    ]);
    const text = doc.paragraphs.join('\n');
    expect(text).toContain('Số: 111/KH-UBND');
    expect(text).toContain('KẾ HOẠCH\nChuyển đổi số phường Hải Dương năm 2026');
    expect(text).toContain('Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị');
    expect(text).toContain('DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ PHƯỜNG HẢI DƯƠNG NĂM 2026');
  });

  it.skipIf(missing.length > 0)('opens in LibreOffice with the appendix on landscape pages', async () => {
    const { s } = demoWard();
    const dir = tempDir();
    const file = path.join(dir, 'ke-hoach-2026.docx');
    fs.writeFileSync(file, await buildPlanDocx(s, 2026));
    const pdf = toPdf(file);
    const sizes = pageOrientations(pdf);
    expect(sizes[0]).toBe('portrait');
    expect(sizes.at(-1)).toBe('landscape');
    const text = pdfText(pdf);
    expect(text).toContain('Phụ lục DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ PHƯỜNG HẢI DƯƠNG NĂM 2026');
    expect(text).toContain('Đơn vị phối hợp');
    expect(text).toContain('Dự toán kinh phí được phê duyệt');
    savePages(pdf, 'ke-hoach-2026');
  }, 150_000);
});
