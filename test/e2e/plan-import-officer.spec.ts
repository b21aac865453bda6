/**
 * A ward that has never used WardPlan brings in its plan through the UI: first run with an empty
 * ward, then the officer's own Excel appendix (title rows, merged two-row header, numbering row,
 * section rows, an unknown "Ghi chú" column) is previewed, its unknown column mapped, a row
 * corrected in place, the missing units and directives created, and all 22 tasks imported.
 * Screenshots at 1366×768 go to test-results/.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { officerXlsx } from '../support/officer-files';
import { repo, startTestHost, type TestHost } from './support/host';
import { openScreen } from './support/screens';
import { pageApi } from './support/page-api';

test.describe.configure({ mode: 'serial' });

let host: TestHost;
let page: Page;
const pageErrors: string[] = [];
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const api = <T>(method: string, input: unknown): Promise<T> => pageApi<T>(page, method, input);

async function shot(name: string): Promise<void> {
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  await page.screenshot({ path: path.join(repo, 'test-results', `plan-import-officer-${name}.png`) });
}

test.beforeAll(async ({ browser }) => {
  host = await startTestHost();
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
});

test.afterAll(async () => {
  await page?.close();
  await host?.dispose();
});

test('an empty ward', async () => {
  await page.goto(host.url);
  await page.getByText('Bắt đầu trống').click();
  await page.getByLabel('Mã phường/xã').fill('HP-MOI');
  await page.getByLabel('Tên phường/xã').fill('Phường Mới');
  await page.getByLabel('Mã tỉnh/thành phố').fill('HP');
  await page.getByLabel('Tên tỉnh/thành phố').fill('Thành phố Hải Phòng');
  await page.getByLabel('Họ và tên cán bộ phụ trách').fill('Nguyễn Thị Lan');
  await page.getByRole('button', { name: 'Tạo dữ liệu đơn vị' }).click();
  await expect(page.getByText('Đã tạo dữ liệu cho Phường Mới (mã HP-MOI).')).toBeVisible();
  await page.getByRole('button', { name: 'Để sau, vào trang Tổng quan' }).click();
  expect(await api<unknown[]>('units.list', {})).toEqual([]);
  expect(await api<unknown[]>('plans.list', {})).toEqual([]);
});

test("the officer's Excel appendix: mapped, previewed, corrected and imported with its new units", async () => {
  await openScreen(page, 'plan-files');
  await page.getByLabel('Vào kế hoạch năm').fill('2026');
  await page.getByTestId('plan-sheet-input').setInputFiles({ name: 'phu-luc-ke-hoach-2026.xlsx', mimeType: XLSX_MIME, buffer: await officerXlsx() });
  await expect(page.getByTestId('import-found')).toContainText('Tệp "phu-luc-ke-hoach-2026.xlsx": Phụ lục, dòng tiêu đề 5, 6.');

  // The "Ghi chú" column is unknown: the import waits for the officer to say what it holds.
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping).toContainText('Ghi chú');
  await expect(page.getByRole('button', { name: /Nhập tất cả/ })).toBeDisabled();
  await shot('mapping');
  await mapping.getByTestId('map-H').click();
  await page.locator('.ant-select-item-option', { hasText: 'Bỏ qua' }).click();
  await mapping.getByRole('button', { name: 'Áp dụng cách gán cột' }).click();
  await expect(mapping).toHaveCount(0);

  await expect(page.getByTestId('import-summary')).toContainText('22 nhiệm vụ: 22 dòng không lỗi, 0 dòng có lỗi');
  await expect(page.getByTestId('import-summary')).toContainText('Kế hoạch năm 2026 chưa có; sẽ được tạo khi nhập.');
  const proposed = page.getByTestId('import-proposed');
  await expect(proposed).toContainText('Đơn vị (9)');
  await expect(proposed).toContainText('Phòng Kinh tế, Hạ tầng và Đô thị');
  await expect(proposed).toContainText('Văn bản căn cứ (5)');

  // Section rows gave every task its area; the first task is under "I. LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH…".
  const first = page.locator('[data-testid="import-preview"] tr[data-row="9"]');
  await expect(first).toContainText('LD');
  await expect(first).toContainText('Ban Chỉ đạo phát triển KHCN, ĐMST, CĐS và Đề án 06 phường');

  // A correction in place: the content of row 9 emptied is an error, then written again.
  await page.getByTestId('cell-9-content').click();
  const box = page.locator('[data-testid="import-preview"] textarea');
  await box.fill('');
  await box.press('Enter');
  await expect(page.getByTestId('import-summary')).toContainText('22 nhiệm vụ: 21 dòng không lỗi, 1 dòng có lỗi');
  await expect(page.getByTestId('check-9')).toContainText('Nội dung nhiệm vụ đang để trống.');
  await expect(page.getByRole('button', { name: 'Chỉ nhập 21 dòng không lỗi' })).toBeEnabled();
  await expect(page.getByRole('button', { name: /Nhập tất cả/ })).toBeDisabled();
  await shot('preview-error');
  await page.getByTestId('cell-9-content').click();
  await box.fill('Tăng cường vai trò lãnh đạo, chỉ đạo của Ban Chỉ đạo về chuyển đổi số');
  await box.press('Enter');
  await expect(page.getByTestId('import-summary')).toContainText('22 nhiệm vụ: 22 dòng không lỗi, 0 dòng có lỗi');
  await expect(page.getByTestId('import-found')).toContainText('đã sửa trong bản xem trước');
  await shot('preview');

  await page.getByRole('button', { name: 'Nhập tất cả 22 nhiệm vụ' }).click();
  const done = page.getByTestId('import-done');
  await expect(done).toContainText('Đã nhập 22 nhiệm vụ vào kế hoạch năm 2026.');
  await expect(done).toContainText('Kế hoạch năm 2026 chưa có nên đã được tạo mới.');
  await expect(done).toContainText('Đã tạo 9 đơn vị, 5 văn bản căn cứ');
  await shot('done');

  const tasks = await api<
    Array<{ no: number; content: string; areaCode: string; leadUnitName: string; partnerNote: string | null; timeline: string | null; deadline: string | null }>
  >('tasks.list', { planYear: 2026 });
  expect(tasks).toHaveLength(22);
  expect(tasks.find((t) => t.no === 1)).toMatchObject({ content: 'Tăng cường vai trò lãnh đạo, chỉ đạo của Ban Chỉ đạo về chuyển đổi số', areaCode: 'LD' });
  expect(tasks.find((t) => t.no === 9)).toMatchObject({ areaCode: 'CQ', partnerNote: 'Các phòng, ban, đơn vị có liên quan' });
  expect(tasks.find((t) => t.no === 17)).toMatchObject({ timeline: 'Theo kế hoạch của thành phố', deadline: null });
  expect((await api<Array<{ name: string }>>('units.list', {})).map((u) => u.name)).toContain('Phòng Kinh tế, Hạ tầng và Đô thị');

  await done.getByRole('button', { name: 'Mở danh sách nhiệm vụ' }).click();
  await expect(page.locator('.ant-table-tbody')).toContainText('Tăng cường vai trò lãnh đạo, chỉ đạo của Ban Chỉ đạo về chuyển đổi số');
  await shot('tasks');
});

test('a file that is not a plan is refused with a message, and nothing changes', async () => {
  await openScreen(page, 'plan-files');
  await page.getByTestId('plan-sheet-input').setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải bảng') });
  const error = page.getByTestId('import-error');
  await expect(error).toContainText('Không đọc được tệp. Chưa ghi gì vào dữ liệu.');
  await expect(error).toContainText('Tệp "ghi-chu.txt" không phải tệp Excel (.xlsx) hay Word (.docx).');
  await shot('bad-file');
  expect(await api<unknown[]>('tasks.list', { planYear: 2026 })).toHaveLength(22);
});

test('no script errors or policy violations on the way', () => {
  expect(pageErrors).toEqual([]);
});
