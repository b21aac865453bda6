/**
 * Reports and plan files, in Chromium against the browser host on a temp database with the demo
 * plan: the Q3/2026 report previewed (22 tasks, the indicator table with Đạt / Chưa đạt), a
 * narrative written (one save refused, nothing lost), approved and frozen, downloaded as DOCX and
 * marked sent; then a plan sheet with a bad row previewed with its error, and the template filled
 * with one good row imported. Screenshots go to artifacts/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { startTestHost, type TestHost } from './support/host';
import { openScreen, shoot } from './support/screens';
import { pageApi } from './support/page-api';

test.describe.configure({ mode: 'serial' });

let host: TestHost;
let page: Page;
const pageErrors: string[] = [];

const api = <T>(method: string, input: unknown): Promise<T> => pageApi<T>(page, method, input);

async function downloadOf(click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { download, bytes: fs.readFileSync(file) };
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test.beforeAll(async ({ browser }) => {
  host = await startTestHost();
  page = await browser.newPage({ acceptDownloads: true });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
});

test.afterAll(async () => {
  await page?.close();
  await host?.dispose();
});

test('first run with the demo plan, and two Q3 indicator values', async () => {
  await page.goto(host.url);
  await page.getByText('Dùng kế hoạch mẫu (Phường Hải Dương 2026)').click();
  await page.getByLabel('Họ và tên cán bộ phụ trách').fill('Nguyễn Thị Lan');
  await page.getByRole('button', { name: 'Tạo dữ liệu đơn vị' }).click();
  await page.getByRole('button', { name: 'Để sau, vào trang Tổng quan' }).click();
  await expect(page.getByText('Tổng số: 22')).toBeVisible();
  // One indicator met and one not, so the report's table shows both outcomes.
  await api('values.set', { indicatorCode: 'CQ-09', period: '2026-Q3', numerator: 3658476, denominator: 3670241 });
  await api('values.set', { indicatorCode: 'CQ-07', period: '2026-Q3', value: 87.5 });
});

test('reports: Quý III/2026 previews 22 tasks, the directives and the indicator table', async () => {
  await openScreen(page, 'reports');
  await expect(page.getByRole('heading', { name: 'Báo cáo định kỳ' })).toBeVisible();
  const pick = async (label: string) => {
    await page.getByLabel('Kỳ báo cáo').click();
    await page.locator('.ant-select-item-option', { hasText: label }).click();
  };
  // Another period first, so that picking Quý III is a real change whatever today's date is.
  await pick('Quý II/2026');
  await expect(page).toHaveURL(/#\/reports\?period=2026-Q2$/);
  await expect(page.getByText('Số liệu tính đến ngày 30/06/2026')).toBeVisible();
  await pick('Quý III/2026');
  await expect(page).toHaveURL(/#\/reports\?period=2026-Q3$/);
  await expect(page.getByTestId('report-status')).toHaveText('Dự thảo');
  await expect(page.getByText('Số liệu tính đến ngày 30/09/2026')).toBeVisible();
  await expect(page.getByTestId('figure-assigned')).toContainText('22');
  const directives = page.getByTestId('directive-table');
  await expect(directives).toContainText('359/KH-UBND');
  await expect(directives.getByTestId('total-assigned')).toHaveText('22');
  await shoot(page, 'vi', 'reports');

  await page.getByRole('tab', { name: 'Chỉ tiêu (19)' }).click();
  const indicators = page.getByTestId('indicator-figure-table');
  await expect(indicators.locator('tbody tr.ant-table-row')).toHaveCount(19);
  await expect(page.getByTestId('figure-outcome-CQ-09')).toHaveText('Đạt');
  await expect(page.getByTestId('figure-outcome-CQ-07')).toHaveText('Chưa đạt');
  await expect(page.getByTestId('figure-outcome-HT-01')).toHaveText('Chưa có số liệu');
  await expect(indicators).toContainText('99,68%');
  await shoot(page, 'vi', 'reports-indicators');

  await page.getByRole('tab', { name: /^Nhiệm vụ quá hạn/ }).click();
  await expect(page.getByTestId('overdue-table')).toBeVisible();
});

test('reports: a narrative for one area, a refused save that loses nothing, then saved', async () => {
  await page.getByRole('tab', { name: 'Nội dung theo lĩnh vực' }).click();
  await page
    .getByTestId('narratives')
    .getByRole('button', { name: /Chính quyền số \(CQ\)/ })
    .click();
  const area = page.getByTestId('narrative-CQ');
  await expect(area).toBeVisible();
  const results = area.getByLabel('Kết quả đạt được — Chính quyền số');
  await results.fill('100% hồ sơ công việc được xử lý trên môi trường mạng.\nCấp chữ ký số cho toàn bộ cán bộ.');
  await expect(page.getByTestId('narrative-state-CQ')).toHaveText('Chưa lưu');

  // Longer than the core accepts: refused with the reason, and every word typed is still there.
  const tooLong = 'Khó khăn về thiết bị. '.repeat(1000);
  const shortcomings = area.getByLabel('Tồn tại, hạn chế và nguyên nhân — Chính quyền số');
  await shortcomings.fill(tooLong);
  await area.getByRole('button', { name: 'Lưu nội dung lĩnh vực Chính quyền số' }).click();
  await expect(area.getByRole('alert')).toContainText('quá dài');
  await expect(shortcomings).toHaveValue(tooLong);
  await expect(page.getByTestId('narrative-state-CQ')).toHaveText('Chưa lưu');

  await shortcomings.fill('Một số máy tính đã cũ, cấu hình thấp.');
  await area.getByLabel('Đề xuất, kiến nghị — Chính quyền số').fill('Đề nghị thành phố hỗ trợ kinh phí thay thế máy tính.');
  // Ctrl+Enter saves the area from the keyboard.
  await area.getByLabel('Đề xuất, kiến nghị — Chính quyền số').press('Control+Enter');
  await expect(page.getByTestId('narrative-saved-CQ')).toBeVisible();
  await expect(page.getByTestId('narrative-state-CQ')).toHaveText('Đã viết 3/4 mục');
  await expect(area.getByRole('alert')).toHaveCount(0);
  await shoot(page, 'vi', 'reports-narrative');
});

test('reports: approve with the signer and number, and the report is frozen', async () => {
  await page.getByRole('button', { name: /Phê duyệt$/ }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: 'Phê duyệt báo cáo Quý III/2026' });
  await expect(dialog).toContainText('được khóa lại và không sửa được nữa');
  await expect(dialog.getByLabel('Người phê duyệt (lãnh đạo ký báo cáo)')).toHaveValue('Phạm Thị Thanh Vân');
  await dialog.getByLabel('Số văn bản').fill('45');
  await shoot(page, 'vi', 'reports-approve');
  await dialog.getByRole('button', { name: 'Phê duyệt và khóa báo cáo' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('report-status')).toHaveText('Đã phê duyệt');
  await expect(page.getByTestId('report-frozen')).toContainText('Báo cáo đã được phê duyệt và khóa');
  await expect(page.getByTestId('report-approval')).toContainText('Phạm Thị Thanh Vân phê duyệt lúc');
  await expect(page.getByText('Số: 45/BC-UBND')).toBeVisible();
  await expect(page.getByRole('button', { name: /Phê duyệt$/ })).toHaveCount(0);
  // Nothing can be typed any more; what was written is shown as text.
  const narratives = page.getByTestId('narratives');
  await expect(narratives.locator('textarea')).toHaveCount(0);
  await expect(page.getByTestId('narrative-CQ')).toContainText('Đề nghị thành phố hỗ trợ kinh phí thay thế máy tính.');
  await expect(page.getByText('Số liệu đã được khóa khi phê duyệt.')).toBeVisible();
  await shoot(page, 'vi', 'reports-approved');
});

test('reports: download the approved report as DOCX and Excel, then mark it sent', async () => {
  const docx = await downloadOf(() => page.getByRole('button', { name: 'Tải DOCX' }).click());
  expect(docx.download.suggestedFilename()).toBe('bao-cao-quy-III-2026.docx');
  expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const result = page.getByTestId('document-result');
  await expect(result).toContainText('Đã tải xuống tệp bao-cao-quy-III-2026.docx');
  const hostCopy = (await result.getByTestId('document-path').textContent())!.trim();
  expect(hostCopy).toBe(path.join(host.outDir, 'bao-cao-quy-III-2026.docx'));
  expect(fs.readFileSync(hostCopy).equals(docx.bytes)).toBe(true);

  const xlsx = await downloadOf(() => page.getByRole('button', { name: 'Tải Excel' }).click());
  expect(xlsx.download.suggestedFilename()).toBe('bao-cao-quy-III-2026.xlsx');
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  await page.getByRole('button', { name: 'Đánh dấu đã gửi' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: 'Đánh dấu báo cáo Quý III/2026 đã gửi?' });
  await confirm.getByRole('button', { name: 'Xác nhận đã gửi' }).click();
  await expect(page.getByTestId('report-status')).toHaveText('Đã gửi');
  await expect(page.getByTestId('report-approval')).toContainText('Đã gửi lúc');
});

test('reports in English', async () => {
  await openScreen(page, 'settings');
  await page.getByText('English', { exact: true }).click();
  await openScreen(page, 'reports');
  await expect(page.getByRole('heading', { name: 'Periodic reports' })).toBeVisible();
  await expect(page.getByTestId('report-status')).toHaveText('Sent');
  await page.getByRole('tab', { name: 'Narrative by area' }).click();
  await expect(page.getByTestId('narrative-CQ')).toContainText('Proposals and recommendations');
  await shoot(page, 'en', 'reports');
  await openScreen(page, 'plan-files');
  await expect(page.getByRole('heading', { name: 'Plan import & export' })).toBeVisible();
  await shoot(page, 'en', 'plan-files');
  await openScreen(page, 'settings');
  await page.getByText('Tiếng Việt', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Cài đặt' })).toBeVisible();
});

const HEADER = ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện', 'Sản phẩm', 'Lĩnh vực', 'Văn bản căn cứ'];

test('plan import: a sheet with a bad row shows it in the preview, and nothing is imported until chosen', async () => {
  await openScreen(page, 'plan-files');
  await expect(page.getByRole('heading', { name: 'Nhập, xuất kế hoạch' })).toBeVisible();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  ws.addRow(HEADER);
  ws.addRow([1, 'Số hóa hồ sơ lưu trữ của phường', 'Phòng Không Tồn Tại', '', 'Quý IV/2026', 'Kho hồ sơ số', 'CQ', '']);
  ws.addRow([2, '', 'VP', 'HCC', 'Quý IV/2026', 'Báo cáo', 'CQ', '']);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await page.getByTestId('plan-sheet-input').setInputFiles({ name: 'ke-hoach-co-loi.xlsx', mimeType: XLSX_MIME, buffer });
  await expect(page.getByTestId('import-summary')).toContainText('2 nhiệm vụ: 1 dòng không lỗi, 1 dòng có lỗi');
  await expect(page.getByTestId('check-3')).toContainText('Nội dung nhiệm vụ đang để trống.');
  // An unknown lead unit is no error: it is proposed for creation, and the import waits for the officer's choice.
  await expect(page.getByTestId('import-proposed')).toContainText('Phòng Không Tồn Tại');
  await expect(page.getByRole('button', { name: /Nhập tất cả/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Chỉ nhập 1 dòng không lỗi' })).toBeEnabled();
  await shoot(page, 'vi', 'plan-import-errors');
  expect(await api<unknown[]>('tasks.list', { planYear: 2026 })).toHaveLength(22);
});

test('plan import: the template filled with one good row imports one task', async () => {
  const template = await downloadOf(() => page.getByRole('button', { name: 'Tải tệp mẫu (.xlsx)' }).click());
  expect(template.download.suggestedFilename()).toBe('mau-nhap-ke-hoach.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template.bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Phụ lục nhiệm vụ')!;
  ws.getRow(ws.rowCount + 1).values = [
    '1',
    'Số hóa hồ sơ lưu trữ của phường giai đoạn 2020-2025',
    'Văn phòng HĐND và UBND phường',
    'HCC; CA',
    'Quý IV/2026',
    'Kho hồ sơ lưu trữ số',
    'CQ',
    '57-NQ/TW',
    'Trần Văn Bình',
    'Chủ tịch UBND phường',
  ];
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await page.getByTestId('plan-sheet-input').setInputFiles({ name: 'ke-hoach-quy-IV.xlsx', mimeType: XLSX_MIME, buffer });
  await expect(page.getByTestId('import-summary')).toContainText('1 nhiệm vụ: 1 dòng không lỗi, 0 dòng có lỗi');
  await expect(page.getByTestId('import-proposed')).toHaveCount(0);
  await page.getByRole('button', { name: 'Nhập tất cả 1 nhiệm vụ' }).click();
  const done = page.getByTestId('import-done');
  await expect(done).toContainText('Đã nhập 1 nhiệm vụ vào kế hoạch năm 2026.');
  await shoot(page, 'vi', 'plan-import-done');

  await done.getByRole('button', { name: 'Mở danh sách nhiệm vụ' }).click();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(23);
  await expect(page.locator('.ant-table-tbody')).toContainText('Số hóa hồ sơ lưu trữ của phường giai đoạn 2020-2025');
});

test('plan export: the plan as DOCX from the plan files screen', async () => {
  await openScreen(page, 'plan-files');
  const docx = await downloadOf(() => page.getByRole('button', { name: 'Xuất kế hoạch (DOCX)' }).click());
  expect(docx.download.suggestedFilename()).toBe('ke-hoach-chuyen-doi-so-2026.docx');
  expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});

test('no script errors or policy violations on the way', () => {
  expect(pageErrors).toEqual([]);
});
