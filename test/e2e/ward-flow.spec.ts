/**
 * The ward officer's year in one pass, in Chromium against the browser host on a temp database:
 * first run → demo plan → enrollment with the city → edit a task and attach evidence →
 * indicator values (one refused with its Vietnamese message, then one accepted) → export a
 * bundle → the city imports it → the ward imports the city's catalog → the bundle shows as
 * acknowledged. The city's side runs through the real `wardplan city …` command line.
 * Screenshots of every main screen in both languages go to artifacts/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { cityCli } from './support/city';
import { startTestHost, type TestHost } from './support/host';
import { openScreen, shoot } from './support/screens';

test.describe.configure({ mode: 'serial' });

let host: TestHost;
let page: Page;
let cityDb: string;
const pageErrors: string[] = [];

test.beforeAll(async ({ browser }) => {
  host = await startTestHost();
  cityDb = path.join(host.dir, 'city.db');
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    // A CSP violation or a React error would show here first.
    if (m.type() === 'error') pageErrors.push(m.text());
  });
});

test.afterAll(async () => {
  await page?.close();
  await host?.dispose();
});

test('first run: the demo plan, then the key is made with the enrollment request', async () => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Chào mừng đến với WardPlan' })).toBeVisible();
  await shoot(page, 'vi', 'first-run');
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to WardPlan' })).toBeVisible();
  await shoot(page, 'en', 'first-run');
  await page.getByText('Tiếng Việt', { exact: true }).click();

  await page.getByText('Dùng kế hoạch mẫu (Phường Hải Dương 2026)').click();
  await expect(page.getByLabel('Mã phường/xã')).toHaveValue('HP-HAIDUONG');
  await page.getByLabel('Họ và tên cán bộ phụ trách').fill('Nguyễn Thị Lan');
  await page.getByLabel('Chức vụ').fill('Công chức Văn phòng HĐND và UBND phường');
  await page.getByRole('button', { name: 'Tạo dữ liệu đơn vị' }).click();
  await expect(page.getByText('Đã tạo dữ liệu cho Phường Hải Dương (mã HP-HAIDUONG).')).toBeVisible();

  await page.getByRole('button', { name: 'Ghi yêu cầu đăng ký khóa' }).click();
  const requestPath = (await page.getByTestId('enrollment-request-path').textContent())!.trim();
  expect(path.dirname(requestPath)).toBe(host.outDir);
  expect(fs.existsSync(requestPath)).toBe(true);
  await expect(page.getByTestId('fingerprint')).toHaveText(/^(\d{4}){5}$/);
  await shoot(page, 'vi', 'first-run-key');

  await page.getByRole('button', { name: 'Vào trang Tổng quan' }).click();
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  await expect(page.getByText('Tổng số: 22')).toBeVisible();
});

test('the city enrolls the key; the ward imports the answer on the sync screen', async () => {
  cityCli(['city', 'init', '--db', cityDb, '--city', 'HP', '--name', 'Thành phố Hải Phòng']);
  const request = path.join(host.outDir, 'HP-HAIDUONG_dang-ky-khoa.json');
  const response = path.join(host.dir, 'tra-loi-dang-ky.json');
  cityCli(['city', 'enroll', request, '--db', cityDb, '--out', response]);

  await openScreen(page, 'sync');
  await expect(page.getByText('Chưa đăng ký với thành phố').first()).toBeVisible();
  await page.getByTestId('enroll-response-input').setInputFiles(response);
  await expect(page.getByTestId('enroll-result')).toContainText('Đã nhận giấy chứng nhận khóa từ thành phố (HP)');
  await expect(page.getByText('Đã được thành phố đăng ký').first()).toBeVisible();
});

test('tasks: diacritics-insensitive search, edit a task, record progress with an evidence file', async () => {
  await openScreen(page, 'tasks');
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(22);
  await page.getByRole('searchbox', { name: 'Tìm nhiệm vụ' }).fill('ha tang mang LAN');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Nâng cấp hạ tầng mạng LAN');

  await rows.first().getByRole('button', { name: 'Sửa' }).click();
  const form = page.locator('.ant-drawer').filter({ hasText: 'Sửa nhiệm vụ số 7' });
  await expect(form).toBeVisible();
  await form.getByLabel('Người thực hiện').fill('Trần Văn Bình, công chức Văn phòng');
  await form.getByLabel('Thời gian thực hiện').fill('Trước 15/12/2026');
  await expect(form.getByTestId('timeline-preview')).toHaveText('Hạn hoàn thành: 15/12/2026');
  await shoot(page, 'vi', 'task-form');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form).toBeHidden();

  const detail = page.locator('.ant-drawer').filter({ hasText: 'Nhiệm vụ số 7' });
  await expect(detail).toContainText('Trần Văn Bình, công chức Văn phòng');
  await expect(detail).toContainText('Hạn: 15/12/2026');
  // With a person named, the task now states all six "rõ".
  await expect(rows.first().locator('.ant-tag', { hasText: '✓' })).toBeVisible();

  await detail.getByText('Đang thực hiện', { exact: true }).click();
  await detail.getByLabel('Tiến độ (%)').fill('60');
  await detail.getByLabel('Kết quả, ghi chú').fill('Đã khảo sát hiện trạng mạng LAN, lập dự toán thiết bị.');
  await detail
    .locator('input[type="file"]')
    .first()
    .setInputFiles({
      name: 'bien-ban-khao-sat-mang-LAN.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% biên bản khảo sát\n'),
    });
  await detail.getByRole('button', { name: 'Lưu cập nhật' }).click();
  await expect(detail.getByText('Đã khảo sát hiện trạng mạng LAN, lập dự toán thiết bị.')).toBeVisible();
  await expect(detail.getByTestId('evidence-name')).toHaveText(['bien-ban-khao-sat-mang-LAN.pdf']);
  await expect(detail).toContainText('Minh chứng (1)');
  await shoot(page, 'vi', 'task-detail');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await page.getByRole('searchbox', { name: 'Tìm nhiệm vụ' }).fill('');
  await expect(rows).toHaveCount(22);
});

test('tasks: add a new task from the keyboard-searchable lists', async () => {
  await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  const form = page.locator('.ant-drawer').filter({ hasText: 'Thêm nhiệm vụ' });
  await form.getByLabel('Nội dung nhiệm vụ').fill('Triển khai ký số trên thiết bị di động cho lãnh đạo UBND phường');
  // Typed without accents: the lists find "Chính quyền số" and the unit all the same.
  await form.getByLabel('Lĩnh vực').fill('chinh quyen');
  await page.keyboard.press('Enter');
  await form.getByLabel('Đơn vị chủ trì').fill('van phong');
  await page.keyboard.press('Enter');
  await form.getByLabel('Thời gian thực hiện').fill('Quý IV/2026');
  await expect(form.getByTestId('timeline-preview')).toHaveText('Thực hiện từ 01/10/2026 đến 31/12/2026 (hạn hoàn thành 31/12/2026)');
  await form.getByRole('button', { name: 'Lưu' }).click();
  const detail = page.locator('.ant-drawer').filter({ hasText: 'Nhiệm vụ số 23' });
  await expect(detail).toContainText('Chính quyền số');
  await expect(detail).toContainText('Văn phòng HĐND và UBND phường');
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(23);
});

test('indicators: a numerator above its denominator is refused in Vietnamese, then a valid ratio is Đạt', async () => {
  await openScreen(page, 'indicators');
  await page.getByRole('button', { name: 'Nhập số liệu chỉ tiêu CQ-09' }).click();
  const modal = page.locator('.ant-modal').filter({ hasText: 'Nhập số liệu chỉ tiêu CQ-09' });
  await modal.getByLabel('Số hồ sơ thủ tục hành chính xử lý trực tuyến').fill('3.670.242');
  await modal.getByLabel('Tổng số hồ sơ thủ tục hành chính tiếp nhận').fill('3.670.241');
  await modal.getByRole('button', { name: 'Lưu' }).click();
  await expect(modal.getByTestId('value-error')).toHaveText('Tử số (3.670.242) lớn hơn mẫu số (3.670.241). Kiểm tra lại hai số đã nhập.');
  // Nothing typed is lost when the core refuses.
  await expect(modal.getByLabel('Số hồ sơ thủ tục hành chính xử lý trực tuyến')).toHaveValue('3.670.242');
  await shoot(page, 'vi', 'indicator-entry-refused');

  await modal.getByLabel('Số hồ sơ thủ tục hành chính xử lý trực tuyến').fill('3.658.476');
  await expect(modal.getByTestId('live-value')).toHaveText('99,68%');
  await modal.getByRole('button', { name: 'Lưu' }).click();
  await expect(modal).toBeHidden();
  await expect(page.getByTestId('value-CQ-09')).toContainText('99,68%');
  await expect(page.getByTestId('outcome-CQ-09')).toHaveText('Đạt');

  await page.getByRole('button', { name: 'Biểu đồ chỉ tiêu CQ-09' }).click();
  await expect(page.getByTestId('trend-chart').locator('svg.recharts-surface')).toBeVisible();
  await shoot(page, 'vi', 'indicator-trend');
  await page.keyboard.press('Escape');
});

let bundlePath = '';

test('sync: export a bundle, and the city accepts it', async () => {
  await openScreen(page, 'sync');
  await page.getByRole('button', { name: 'Tạo gói dữ liệu' }).click();
  await expect(page.getByTestId('export-result')).toContainText('Đã tạo gói dữ liệu');
  bundlePath = (await page.getByTestId('export-path').textContent())!.trim();
  expect(path.dirname(bundlePath)).toBe(host.outDir);
  expect(fs.statSync(bundlePath).size).toBeGreaterThan(0);
  await expect(page.getByTestId('bundle-ack')).toHaveText(['Chờ thành phố xác nhận']);

  const imported = cityCli<unknown>(['city', 'import', bundlePath, '--db', cityDb]);
  const outcomes = (Array.isArray(imported) ? imported : [imported]) as Array<{ status: string }>;
  expect(outcomes.map((o) => o.status)).toEqual(['applied']);
});

test('sync: the city catalog brings the receipt and the bundle shows as acknowledged', async () => {
  const usb = path.join(host.dir, 'usb-thanh-pho');
  fs.mkdirSync(usb);
  const published = cityCli<{ path: string }>(['city', 'publish', '--db', cityDb, '--out', usb]);
  await page.getByTestId('import-bundle-input').setInputFiles(published.path);
  const result = page.getByTestId('import-result').first();
  await expect(result).toHaveAttribute('data-status', 'applied');
  await expect(result).toContainText('Thành phố xác nhận đã nhận 1 gói của phường.');
  await expect(page.getByTestId('bundle-ack')).toHaveText([/^Đã xác nhận lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/]);

  // The same catalog again changes nothing and says so.
  await page.getByTestId('import-bundle-input').setInputFiles(published.path);
  await expect(page.getByTestId('import-result').first()).toHaveAttribute('data-status', 'duplicate');
});

test('screenshots of every main screen at 1366×768 in Vietnamese and English', async () => {
  for (const lang of ['vi', 'en'] as const) {
    await openScreen(page, 'settings');
    await page.getByText(lang === 'vi' ? 'Tiếng Việt' : 'English', { exact: true }).click();
    await expect(page.getByRole('heading', { name: lang === 'vi' ? 'Cài đặt' : 'Settings' })).toBeVisible();
    for (const screen of ['overview', 'tasks', 'indicators', 'sync', 'settings']) {
      await openScreen(page, screen);
      await shoot(page, lang, screen);
    }
  }
  // The choice is remembered: a reload comes back in English.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByText('Tiếng Việt', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Cài đặt' })).toBeVisible();
});

test('settings: a backup, then a restore that asks first and keeps the current database', async () => {
  await openScreen(page, 'settings');
  await page.getByRole('button', { name: 'Tạo bản sao lưu' }).click();
  const made = page.getByRole('alert').filter({ hasText: 'Đã tạo bản sao lưu' });
  await expect(made).toBeVisible();
  const backupPath = (await made.locator('code').textContent())!.trim();
  expect(fs.existsSync(backupPath)).toBe(true);

  await page.locator('input[type="file"][accept=".wpbak"]').setInputFiles(backupPath);
  const confirm = page.getByRole('dialog').filter({ hasText: 'Khôi phục từ bản sao lưu này?' });
  await expect(confirm).toContainText('Dữ liệu hiện tại không bị xóa');
  await expect(confirm.getByTestId('backup-preview')).toContainText('Phường Hải Dương (HP-HAIDUONG)');
  await confirm.getByRole('button', { name: 'Khôi phục' }).click();
  const done = page.getByRole('dialog').filter({ hasText: 'Đã khôi phục dữ liệu' });
  await expect(done).toContainText('Dữ liệu trước khi khôi phục được giữ tại:');
  await done.locator('.ant-btn-primary').click();
  await openScreen(page, 'overview');
  await expect(page.getByText('Tổng số: 23')).toBeVisible();
});

test('no script errors or policy violations on the way', () => {
  expect(pageErrors).toEqual([]);
});

test('when the host is gone, a screen says so in Vietnamese and offers to try again', async () => {
  await host.stop();
  await page.evaluate(() => {
    window.location.hash = '#/tasks';
  });
  const alert = page.getByRole('alert').filter({ hasText: 'Không tải được dữ liệu' });
  await expect(alert).toContainText('Không kết nối được với phần xử lý của ứng dụng.');
  await expect(alert.getByRole('button', { name: 'Thử lại' })).toBeVisible();
  await shoot(page, 'vi', 'error-state');
  await alert.getByRole('button', { name: 'Thử lại' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Không tải được dữ liệu' })).toBeVisible();
});
