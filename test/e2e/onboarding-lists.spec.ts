/**
 * A ward that has never used WardPlan, from an empty database to its first report and bundle,
 * through the page only, in Chromium against the browser host: first run with "Bắt đầu trống",
 * the key's passphrase asked in the page, the year's plan created from the empty task screen,
 * units (one name with commas), a directive without number and an indicator with its target in
 * Danh mục, a task, a refused percent, one progress entry with evidence opened back, one indicator
 * value, the quarterly report as DOCX, a signed bundle, and a restore previewed before it runs.
 * Screenshots of every new screen at 1366×768 go to test-results/onboarding/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { officerXlsx } from '../support/officer-files';
import { repo, startTestHost, type TestHost } from './support/host';
import { openScreen } from './support/screens';

test.describe.configure({ mode: 'serial' });

const SHOTS = path.join(repo, 'test-results', 'onboarding');
const PASSPHRASE = 'cụm mật khẩu của phường An Lạc';
// The host runs on the real clock: the plan is for this year on Vietnam's calendar.
const YEAR = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();

let host: TestHost;
let page: Page;
const pageErrors: string[] = [];
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function shoot(name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function downloadOf(click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download, bytes: fs.readFileSync((await download.path())!) };
}

/** An antd Select inside a form: typed (accents optional) and picked with Enter, as from the keyboard. */
async function choose(scope: ReturnType<Page['locator']>, label: string, typed: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).fill(typed);
  await page.keyboard.press('Enter');
}

test.beforeAll(async ({ browser }) => {
  host = await startTestHost({ passphraseInApp: true });
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

test('first run: an empty ward, and the key passphrase asked in the page', async () => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Chào mừng đến với WardPlan' })).toBeVisible();
  await page.getByText('Bắt đầu trống').click();
  await page.getByLabel('Mã phường/xã').fill('HP-ANLAC');
  await page.getByLabel('Tên phường/xã').fill('Phường An Lạc');
  await page.getByLabel('Mã tỉnh/thành phố').fill('HP');
  await page.getByLabel('Tên tỉnh/thành phố').fill('Thành phố Hải Phòng');
  await page.getByLabel('Họ và tên cán bộ phụ trách').fill('Lê Văn Tâm');
  await page.getByRole('button', { name: 'Tạo dữ liệu đơn vị' }).click();
  await expect(page.getByText('Đã tạo dữ liệu cho Phường An Lạc (mã HP-ANLAC).')).toBeVisible();

  await page.getByRole('button', { name: 'Ghi yêu cầu đăng ký khóa' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: 'Đặt cụm mật khẩu bảo vệ khóa ký' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Cụm mật khẩu', { exact: true }).fill('ngắn');
  await dialog.getByLabel('Nhập lại cụm mật khẩu').fill('ngắn');
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('Cụm mật khẩu cần ít nhất 8 ký tự.');
  await dialog.getByLabel('Cụm mật khẩu', { exact: true }).fill(PASSPHRASE);
  await dialog.getByLabel('Nhập lại cụm mật khẩu').fill(`${PASSPHRASE}!`);
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('Hai lần nhập không giống nhau.');
  await dialog.getByLabel('Nhập lại cụm mật khẩu').fill(PASSPHRASE);
  await shoot('passphrase-dialog');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('fingerprint')).toHaveText(/^(\d{4}){5}$/);
  // The passphrase never reached the disk in clear; the key file is sealed with it.
  const keyFile = fs.readFileSync(`${host.dbPath}.key`, 'utf8');
  expect(keyFile).not.toContain(PASSPHRASE);
  await page.getByRole('button', { name: 'Vào trang Tổng quan' }).click();
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
});

test('the task screen offers to create the year’s plan right there', async () => {
  await openScreen(page, 'tasks');
  await expect(page.getByText(`Chưa có kế hoạch năm ${YEAR}`)).toBeVisible();
  await expect(page.getByText('wardplan plan add')).toHaveCount(0);
  await shoot('tasks-no-plan');
  await page.getByRole('button', { name: 'Tạo kế hoạch năm' }).click();
  const modal = page.getByRole('dialog').filter({ hasText: 'Tạo kế hoạch năm' });
  await expect(modal.getByLabel('Năm', { exact: true })).toHaveValue(String(YEAR));
  await modal.getByLabel('Tên kế hoạch').fill(`Kế hoạch chuyển đổi số năm ${YEAR} của Phường An Lạc`);
  // The limit is shown as a counter, matching the core's.
  await expect(modal).toContainText(/\d+ \/ 500/);
  await modal.getByLabel('Số, ký hiệu').fill('111/KH-UBND');
  await modal.getByLabel('Ngày ban hành').fill(`15/01/${YEAR}`);
  await page.keyboard.press('Tab');
  await modal.getByLabel('Chức vụ người ký').fill('Chủ tịch UBND phường');
  await modal.getByLabel('Mục tiêu chung').fill('Phát triển chính quyền số, kinh tế số và xã hội số trên địa bàn phường.');
  await modal.getByLabel('Người ký', { exact: true }).fill('Nguyễn Văn Hùng');
  await shoot('plan-form');
  // Enter in a single-line field saves the dialog.
  await page.keyboard.press('Enter');
  await expect(modal).toBeHidden();
  await expect(page.getByText(`Đã tạo kế hoạch năm ${YEAR}.`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kế hoạch & nhiệm vụ' })).toBeVisible();
  await expect(page.getByText(`Kế hoạch chuyển đổi số năm ${YEAR} của Phường An Lạc`)).toBeVisible();
  await expect(page.getByText(/^Chưa có đơn vị nào\./)).toBeVisible();
  await expect(page.getByTestId('year-select')).toContainText(String(YEAR));
});

test('Danh mục: units (one with commas), a directive without number, an indicator with its target', async () => {
  await openScreen(page, 'lists');
  await expect(page.getByRole('heading', { name: 'Danh mục của phường' })).toBeVisible();
  await expect(page.getByTestId('plans')).toContainText('111/KH-UBND');
  await expect(page.getByTestId('plans')).toContainText('Chủ tịch UBND phường Nguyễn Văn Hùng');
  await shoot('lists-plans');

  // Another year's plan: the year picker reaches it, and a plan with no tasks can be deleted.
  await page.getByTestId('plans-add').click();
  const other = page.getByRole('dialog').filter({ hasText: 'Tạo kế hoạch năm' });
  await other.getByLabel('Năm', { exact: true }).fill(String(YEAR - 1));
  await other.getByLabel('Tên kế hoạch').fill(`Kế hoạch chuyển đổi số năm ${YEAR - 1}`);
  await page.keyboard.press('Enter');
  await expect(other).toBeHidden();
  await expect(page.getByTestId('year-select')).toContainText(String(YEAR - 1));
  await openScreen(page, 'tasks');
  await expect(page.getByText(`Kế hoạch chuyển đổi số năm ${YEAR - 1}`, { exact: true })).toBeVisible();
  await page.getByTestId('year-select').click();
  await page.locator('.ant-select-item-option', { hasText: String(YEAR) }).click();
  await expect(page.getByText(`Kế hoạch chuyển đổi số năm ${YEAR} của Phường An Lạc`)).toBeVisible();
  await openScreen(page, 'lists');
  await page
    .getByTestId('plans')
    .locator('tr.ant-table-row', { hasText: `năm ${YEAR - 1}` })
    .getByRole('button', { name: 'Xóa' })
    .click();
  const sure = page.getByRole('dialog').filter({ hasText: `Xóa kế hoạch năm ${YEAR - 1}?` });
  await expect(sure.getByRole('button', { name: 'Không, giữ lại' })).toBeFocused();
  await sure.getByRole('button', { name: 'Xóa' }).click();
  await expect(page.getByTestId('plans').locator('tr.ant-table-row')).toHaveCount(1);
  await expect(page.getByTestId('year-select')).toContainText(String(YEAR));

  await page.getByRole('tab', { name: 'Đơn vị' }).click();
  await page.getByTestId('units-add').click();
  let modal = page.getByRole('dialog').filter({ hasText: 'Thêm đơn vị' });
  await modal.getByLabel('Mã', { exact: true }).fill('KTHTDT');
  await modal.getByLabel('Tên đơn vị').fill('Phòng Kinh tế, Hạ tầng và Đô thị');
  await page.keyboard.press('Enter');
  await expect(modal).toBeHidden();
  await page.getByTestId('units-add').click();
  modal = page.getByRole('dialog').filter({ hasText: 'Thêm đơn vị' });
  await modal.getByLabel('Mã', { exact: true }).fill('VP');
  await modal.getByLabel('Tên đơn vị').fill('Văn phòng HĐND và UBND phường');
  // Esc with something typed asks first, with "keep editing" focused: a second key press loses nothing.
  await page.keyboard.press('Escape');
  const discard = page.getByRole('dialog').filter({ hasText: 'Bỏ các thay đổi chưa lưu?' });
  await expect(discard.getByRole('button', { name: 'Tiếp tục nhập' })).toBeFocused();
  await shoot('discard-confirm');
  await page.keyboard.press('Enter');
  await expect(discard).toBeHidden();
  await expect(modal.getByLabel('Tên đơn vị')).toHaveValue('Văn phòng HĐND và UBND phường');
  await modal.getByRole('button', { name: 'Lưu' }).click();
  await expect(modal).toBeHidden();
  const units = page.getByTestId('units');
  await expect(units.locator('tr.ant-table-row')).toHaveCount(2);
  await expect(units).toContainText('Phòng Kinh tế, Hạ tầng và Đô thị');
  await shoot('lists-units');

  await page.getByRole('tab', { name: 'Văn bản căn cứ' }).click();
  await page.getByTestId('directives-add').click();
  modal = page.getByRole('dialog').filter({ hasText: 'Thêm văn bản căn cứ' });
  await modal.getByLabel('Mã', { exact: true }).fill('TBKL-BCD');
  await modal.getByLabel('Cơ quan ban hành').fill('Ban Chỉ đạo Trung ương');
  await modal.getByLabel('Trích yếu').fill('Các Thông báo kết luận của Ban Chỉ đạo Trung ương');
  await shoot('directive-form');
  await modal.getByRole('button', { name: 'Lưu' }).click();
  await expect(modal).toBeHidden();
  const directiveRow = page.getByTestId('directives').locator('tr.ant-table-row');
  // Named by its title alone: no number, and the issuer the title already names is not repeated.
  await expect(directiveRow.locator('td').nth(1)).toHaveText('Các Thông báo kết luận của Ban Chỉ đạo Trung ương');
  await shoot('lists-directives');

  await page.getByRole('tab', { name: 'Chỉ tiêu' }).click();
  await page.getByTestId('indicators-add').click();
  modal = page.getByRole('dialog').filter({ hasText: 'Thêm chỉ tiêu' });
  await modal.getByLabel('Mã', { exact: true }).fill('AL-01');
  await choose(modal, 'Lĩnh vực', 'chinh quyen');
  await modal.getByLabel('Tên chỉ tiêu').fill('Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình');
  await modal.getByText('Tính theo tỷ lệ (tử số / mẫu số)').click();
  await modal.getByLabel('Tử số là').fill('Số hồ sơ xử lý trực tuyến toàn trình');
  await modal.getByLabel('Mẫu số là').fill('Tổng số hồ sơ tiếp nhận');
  await modal.getByLabel('Mức chỉ tiêu').fill('tám mươi');
  await modal.getByRole('button', { name: 'Lưu' }).click();
  await expect(modal).toContainText('Không đọc được số này. Nhập số, ví dụ 80 hoặc 85,5.');
  await modal.getByLabel('Mức chỉ tiêu').fill('80');
  await modal.getByLabel('Số liệu năm trước (mốc)').fill('55,5');
  await shoot('indicator-form');
  await modal.getByRole('button', { name: 'Lưu' }).click();
  await expect(modal).toBeHidden();
  const indicatorRow = page.getByTestId('indicators').locator('tr.ant-table-row');
  await expect(indicatorRow).toHaveCount(1);
  await expect(indicatorRow).toContainText('80');
  await shoot('lists-indicators');
});

test('a task: a deadline outside the year is questioned, a percent out of range is refused, evidence opens back', async () => {
  await openScreen(page, 'tasks');
  await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  const form = page.locator('.ant-drawer').filter({ hasText: 'Thêm nhiệm vụ' });
  await form.getByLabel('Nội dung nhiệm vụ').fill('Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực');
  await choose(form, 'Lĩnh vực', 'chinh quyen');
  await choose(form, 'Đơn vị chủ trì', 'kinh te');
  await choose(form, 'Văn bản căn cứ', 'thong bao ket luan');
  await form.getByLabel('Thời gian thực hiện').fill(`Quý IV/${YEAR + 1}`);
  await form.getByRole('button', { name: 'Lưu' }).click();
  const warn = page.getByRole('dialog').filter({ hasText: `Hạn hoàn thành không thuộc năm ${YEAR}` });
  await expect(warn.getByRole('button', { name: 'Sửa lại thời gian' })).toBeFocused();
  await shoot('task-deadline-warning');
  await warn.getByRole('button', { name: 'Sửa lại thời gian' }).click();
  await form.getByLabel('Thời gian thực hiện').fill(`Quý IV/${YEAR}`);
  await form.getByRole('button', { name: 'Lưu' }).click();

  const detail = page.locator('.ant-drawer').filter({ hasText: 'Nhiệm vụ số 1' });
  await expect(detail).toContainText('Phòng Kinh tế, Hạ tầng và Đô thị');
  await detail.getByText('Đang thực hiện', { exact: true }).click();
  await detail.getByLabel('Tiến độ (%)').fill('140');
  await detail.getByRole('button', { name: 'Lưu cập nhật' }).click();
  await expect(detail).toContainText('Tiến độ phải là số nguyên từ 0 đến 100.');
  // Refused, never clamped: what was typed is still there to fix.
  await expect(detail.getByLabel('Tiến độ (%)')).toHaveValue('140');
  await detail.getByLabel('Tiến độ (%)').fill('40');
  await detail.getByLabel('Kết quả, ghi chú').fill('Đã số hóa 1.250 hồ sơ của năm trước.');
  const evidence = Buffer.from('%PDF-1.4\n% biên bản kiểm tra số hóa\n');
  await detail.locator('input[type="file"]').first().setInputFiles({ name: 'bien-ban-so-hoa.pdf', mimeType: 'application/pdf', buffer: evidence });
  await detail.getByRole('button', { name: 'Lưu cập nhật' }).click();
  await expect(page.getByText('Đã lưu cập nhật tiến độ.')).toBeVisible();
  await expect(detail.getByTestId('evidence-name')).toHaveText(['bien-ban-so-hoa.pdf']);

  const opened = await downloadOf(() => detail.getByTestId('evidence-name').click());
  expect(opened.download.suggestedFilename()).toBe('bien-ban-so-hoa.pdf');
  expect(opened.bytes.equals(evidence)).toBe(true);
  await expect(detail.getByTestId('task-history')).toContainText('Đính kèm minh chứng');

  // A wrong percent is corrected, and a file attached by mistake removed: the history keeps both.
  await detail.getByTestId('progress-entry').getByRole('button', { name: 'Sửa' }).click();
  const correct = page.getByRole('dialog').filter({ hasText: 'Sửa lần cập nhật ngày' });
  await correct.getByLabel('Tiến độ (%)').fill('45');
  await correct.getByLabel('Lý do (không bắt buộc)').fill('Gõ nhầm số');
  await page.keyboard.press('Enter');
  await expect(correct).toBeHidden();
  await expect(detail.getByTestId('progress-entry')).toContainText('45%');
  await detail
    .locator('input[type="file"]')
    .last()
    .setInputFiles({ name: 'tep-nham.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('nhầm') });
  await detail.getByRole('button', { name: 'Đính kèm', exact: true }).click();
  await expect(detail.getByTestId('evidence-name')).toHaveText(['bien-ban-so-hoa.pdf', 'tep-nham.docx']);
  await detail.getByRole('listitem').filter({ hasText: 'tep-nham.docx' }).getByRole('button', { name: 'Gỡ' }).click();
  const removal = page.getByRole('dialog').filter({ hasText: 'Gỡ tệp "tep-nham.docx"?' });
  await expect(removal.getByRole('button', { name: 'Không, giữ lại' })).toBeFocused();
  await removal.getByRole('button', { name: 'Gỡ' }).click();
  await expect(detail.getByTestId('evidence-name')).toHaveText(['bien-ban-so-hoa.pdf']);
  const history = detail.getByTestId('task-history');
  await expect(history).toContainText('Gỡ minh chứng — tep-nham.docx · Lê Văn Tâm');
  await expect(history).toContainText('Sửa tiến độ');
  await expect(history).toContainText('Lý do: Gõ nhầm số');
  await expect(history).toContainText('Tiến độ (%): 40 → 45');
  await history.scrollIntoViewIfNeeded();
  await shoot('task-detail-evidence');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
});

test('one indicator value and the quarterly report as DOCX', async () => {
  await openScreen(page, 'indicators');
  await page.getByRole('button', { name: 'Nhập số liệu chỉ tiêu AL-01' }).click();
  const modal = page.locator('.ant-modal').filter({ hasText: 'Nhập số liệu chỉ tiêu AL-01' });
  await modal.getByLabel('Số hồ sơ xử lý trực tuyến toàn trình').fill('850');
  await modal.getByLabel('Tổng số hồ sơ tiếp nhận').fill('1.000');
  await page.keyboard.press('Enter');
  await expect(modal).toBeHidden();
  await expect(page.getByTestId('value-AL-01')).toContainText('85%');
  await expect(page.getByTestId('outcome-AL-01')).toHaveText('Đạt');

  await openScreen(page, 'reports');
  await expect(page.getByRole('heading', { name: 'Báo cáo định kỳ' })).toBeVisible();
  const docx = await downloadOf(() => page.getByRole('button', { name: 'Tải DOCX' }).click());
  expect(docx.download.suggestedFilename()).toMatch(/^bao-cao-quy-[IV]+-\d{4}(-du-thao)?\.docx$/);
  expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});

test('a signed bundle, with the key unlocked once for the session', async () => {
  await openScreen(page, 'sync');
  await page.getByRole('button', { name: 'Tạo gói dữ liệu' }).click();
  await expect(page.getByTestId('export-result')).toContainText('Đã tạo gói dữ liệu');
  const bundlePath = (await page.getByTestId('export-path').textContent())!.trim();
  expect(path.dirname(bundlePath)).toBe(host.outDir);
  expect(fs.statSync(bundlePath).size).toBeGreaterThan(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('restore shows the backup’s ward, date and counts first, then every screen shows the restored data', async () => {
  await openScreen(page, 'settings');
  await page.getByRole('button', { name: 'Tạo bản sao lưu' }).click();
  const made = page.getByRole('alert').filter({ hasText: 'Đã tạo bản sao lưu' });
  const backupPath = (await made.locator('code').textContent())!.trim();

  // A change after the backup, which the restore takes back.
  await openScreen(page, 'lists');
  await page.getByRole('tab', { name: 'Đơn vị' }).click();
  await page.getByTestId('units-add').click();
  const modal = page.getByRole('dialog').filter({ hasText: 'Thêm đơn vị' });
  await modal.getByLabel('Mã', { exact: true }).fill('TAM');
  await modal.getByLabel('Tên đơn vị').fill('Đơn vị nhập sau bản sao lưu');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('units').locator('tr.ant-table-row')).toHaveCount(3);

  await openScreen(page, 'settings');
  await page.locator('input[type="file"][accept=".wpbak"]').setInputFiles(backupPath);
  const confirm = page.getByRole('dialog').filter({ hasText: 'Khôi phục từ bản sao lưu này?' });
  const preview = confirm.getByTestId('backup-preview');
  await expect(preview).toContainText('Phường An Lạc (HP-ANLAC)');
  await expect(preview).toContainText('1 kế hoạch, 1 nhiệm vụ, 1 lần cập nhật tiến độ, 1 minh chứng (2 tệp), 1 số liệu chỉ tiêu, 2 đơn vị');
  await expect(confirm.getByRole('button', { name: 'Hủy' })).toBeFocused();
  await shoot('restore-preview');
  await confirm.getByRole('button', { name: 'Khôi phục' }).click();
  const done = page.getByRole('dialog').filter({ hasText: 'Đã khôi phục dữ liệu' });
  await expect(done).toContainText('Dữ liệu trước khi khôi phục được giữ tại:');
  await done.locator('.ant-btn-primary').click();
  await openScreen(page, 'lists');
  await page.getByRole('tab', { name: 'Đơn vị' }).click();
  await expect(page.getByTestId('units').locator('tr.ant-table-row')).toHaveCount(2);
});

test('the ward’s own Excel appendix: its missing units created, its tasks imported, then sent in a new bundle', async () => {
  await openScreen(page, 'plan-files');
  await page.getByLabel('Vào kế hoạch năm').fill(String(YEAR));
  await page.getByTestId('plan-sheet-input').setInputFiles({ name: 'phu-luc-ke-hoach.xlsx', mimeType: XLSX_MIME, buffer: await officerXlsx() });
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping).toContainText('Ghi chú');
  await mapping.getByTestId('map-H').click();
  await page.locator('.ant-select-item-option', { hasText: 'Bỏ qua' }).click();
  await mapping.getByRole('button', { name: 'Áp dụng cách gán cột' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('22 nhiệm vụ: 22 dòng không lỗi, 0 dòng có lỗi');
  await expect(page.getByTestId('import-proposed')).toContainText('Đơn vị');
  await shoot('import-preview');
  await page.getByRole('button', { name: 'Nhập tất cả 22 nhiệm vụ' }).click();
  const done = page.getByTestId('import-done');
  await expect(done).toContainText(`Đã nhập 22 nhiệm vụ vào kế hoạch năm ${YEAR}.`);
  await expect(done).toContainText(/Đã tạo \d+ đơn vị/);

  await openScreen(page, 'sync');
  await page.getByRole('button', { name: 'Tạo gói dữ liệu' }).click();
  await expect(page.getByTestId('export-result')).toContainText('Đã tạo gói dữ liệu');
});

test('the new screens in English', async () => {
  await openScreen(page, 'settings');
  await page.getByText('English', { exact: true }).click();
  await openScreen(page, 'lists');
  await expect(page.getByRole('heading', { name: 'The ward’s lists' })).toBeVisible();
  await page.getByRole('tab', { name: 'Indicators' }).click();
  await expect(page.getByTestId('indicators')).toContainText('Target for');
  await shoot('en-lists-indicators');
  await page.getByTestId('indicators').getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('dialog').filter({ hasText: 'Edit indicator AL-01' })).toBeVisible();
  await shoot('en-indicator-form');
  await page.keyboard.press('Escape');
  await openScreen(page, 'settings');
  await page.getByText('Tiếng Việt', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Cài đặt' })).toBeVisible();
});

test('no script errors or policy violations on the way', () => {
  expect(pageErrors).toEqual([]);
});
