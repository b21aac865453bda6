/**
 * The city's dashboard in Chromium, served by `wardplan city dashboard` on a city database that
 * imported the demo ward's bundle: sign in, who has reported, per-directive drill-down, a ward's
 * page (its report opened as DOCX), an enrollment uploaded and approved, one sent online to the
 * hub's inbox approved in the same list, the city's key rotated, a target set and the catalog published, the city report downloaded; then a viewer, who sees no administrative screen
 * and whose administrative calls are refused, as are calls without CSRF token or session.
 * Screenshots at 1366×768 go to test-results/city-dashboard/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { expect, test, type Browser, type Download, type Page } from '@playwright/test';
import { PASSPHRASE, repo } from './support/host';

test.describe.configure({ mode: 'serial' });

const SHOTS = path.join(repo, 'test-results', 'city-dashboard');
const ADMIN = { name: 'quantri', password: 'mật khẩu quản trị e2e' };
const VIEWER = { name: 'xem', password: 'mật khẩu người xem e2e' };

let dir: string;
let child: ChildProcess;
let url: string;
let request: string;
let fingerprint: string;
let onlineFingerprint: string;
let page: Page;
const pageErrors: string[] = [];

async function shot(p: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await expect(p.locator('.ant-spin-spinning')).toHaveCount(0);
  await p.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  await p.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function downloadOf(p: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([p.waitForEvent('download'), click()]);
  return { download, bytes: fs.readFileSync(await download.path()) };
}

async function signIn(p: Page, who: { name: string; password: string }): Promise<void> {
  await p.goto(url);
  await p.getByLabel('Tên đăng nhập').fill(who.name);
  await p.getByLabel('Mật khẩu').fill(who.password);
  await p.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(p.getByText('Thành phố Hải Phòng').first()).toBeVisible();
}

async function choosePeriod(p: Page, label: string): Promise<void> {
  await p.getByLabel('Kỳ').click();
  await p.locator('.ant-select-item-option').filter({ hasText: label }).first().click();
}

async function go(p: Page, screen: string): Promise<void> {
  await p.evaluate((s) => (window.location.hash = `#/${s}`), screen);
  await expect(p.locator('.ant-menu-item-selected')).toHaveCount(1);
}

/** A call as the page could make it, to try what the screens do not offer. */
async function rawCall(p: Page, method: string, input: unknown, withCsrf: boolean): Promise<{ status: number; code: string | undefined }> {
  return p.evaluate(
    async ([m, i, csrf]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="wardplan-token"]')?.content ?? '';
      const me = await fetch('../api/city/me', { headers: { 'x-wardplan-token': token } });
      const session = me.ok ? ((await me.json()) as { value: { csrf: string } }).value.csrf : '';
      const res = await fetch('../api/city/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wardplan-token': token, ...(csrf ? { 'x-csrf-token': session } : {}) },
        body: JSON.stringify({ method: m, input: i }),
      });
      const body = (await res.json()) as { error?: { code: string } };
      return { status: res.status, code: body.error?.code };
    },
    [method, input, withCsrf] as const,
  );
}

test.beforeAll(async ({ browser }) => {
  if (!fs.existsSync(path.join(repo, 'dist', 'renderer', 'city', 'index.html'))) throw new Error('run `npm run build:renderer` first');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-city-e2e-'));
  const env = { ...process.env, WARDPLAN_PASSPHRASE: PASSPHRASE, WARDPLAN_LANG: 'vi' };
  const made = spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'test', 'e2e', 'support', 'make-city.ts'), dir], {
    cwd: repo,
    env,
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(made.stderr);
  const info = JSON.parse(made.stdout) as { cityPath: string; request: string; fingerprint: string; onlineFingerprint: string };
  request = info.request;
  fingerprint = info.fingerprint;
  onlineFingerprint = info.onlineFingerprint;
  child = spawn(process.execPath, [path.join(repo, 'bin', 'wardplan.mjs'), 'city', 'dashboard', '--db', info.cityPath, '--out', path.join(dir, 'out')], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/city\/\?token=\S+)/.exec(line);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`dashboard exited ${code}`)));
  });
  page = await (browser as Browser).newPage({ acceptDownloads: true });
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

test.afterAll(async () => {
  await page?.close();
  if (child && child.exitCode === null) {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('signs in and sees who has reported for Q3/2026', async () => {
  await page.goto(url);
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill(ADMIN.name);
  await page.getByLabel('Mật khẩu').fill('sai mật khẩu');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText('Sai tên đăng nhập hoặc mật khẩu');
  await shot(page, '01-sign-in');
  await page.getByLabel('Mật khẩu').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByText('Thành phố Hải Phòng').first()).toBeVisible();
  await choosePeriod(page, 'Quý III/2026');
  await expect(page.getByRole('heading', { name: /Tình hình báo cáo — Quý III\/2026/ })).toBeVisible();
  const table = page.locator('.ant-table-tbody');
  await expect(table.getByText('Phường Hải Dương')).toBeVisible();
  await expect(table.locator('tr', { hasText: 'Phường An Biên' }).getByText('Chưa đăng ký')).toBeVisible();
  await expect(table.locator('tr', { hasText: 'Phường An Biên' }).getByRole('link', { name: /0912 345 678/ })).toHaveAttribute('href', 'tel:0912345678');
  await expect(page.getByTestId('count-not_enrolled')).toContainText('2');
  await shot(page, '02-completeness');
  // The list of wards yet to report, one click away.
  await page.getByTestId('count-not_enrolled').click();
  await expect(table.locator('tr.ant-table-row')).toHaveCount(2);
  await page.getByTestId('count-not_enrolled').click();
});

test('per-directive table drills down to wards, then to tasks', async () => {
  await go(page, 'directives');
  const row = page.locator('.ant-table-row', { hasText: '57-NQ/TW' }).first();
  await expect(row).toBeVisible();
  await row.click();
  const wards = page.locator('.ant-card', { hasText: 'Các phường, xã thực hiện 57-NQ/TW' });
  await wards.locator('.ant-table-row', { hasText: 'Phường Hải Dương' }).click();
  const tasks = page.locator('.ant-card', { hasText: 'Nhiệm vụ của Phường Hải Dương' });
  await expect(tasks.locator('.ant-table-row').first()).toBeVisible();
  await expect(tasks.locator('.ant-tag').first()).toBeVisible();
  await tasks.scrollIntoViewIfNeeded();
  await shot(page, '03-directives-drilldown');
  await tasks.getByRole('button', { name: 'Mở trang phường, xã' }).click();
});

test("a ward's page: tasks, indicators, the report it sent as DOCX, its key and bundles", async () => {
  await expect(page.getByRole('heading', { name: 'Phường, xã' })).toBeVisible();
  await expect(page.getByText('Cụm Hải Dương')).toBeVisible();
  await shot(page, '04-ward-page');
  await page.getByRole('tab', { name: /Chỉ tiêu/ }).click();
  await expect(page.getByRole('tabpanel').getByRole('row', { name: /CQ-09 .*99,68% Đạt/ })).toBeVisible();
  await page.getByRole('tab', { name: /Báo cáo đã gửi/ }).click();
  const { download, bytes } = await downloadOf(page, () => page.getByRole('button', { name: 'Mở DOCX' }).click());
  expect(download.suggestedFilename()).toBe('Bao-cao_HP-HAIDUONG_2026-Q3.docx');
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  await page.getByRole('tab', { name: 'Khóa ký' }).click();
  await expect(page.getByTestId('fingerprint')).toHaveCount(1);
  await shot(page, '05-ward-keys');
});

test('indicators across wards, with the city-wide figure and a chart', async () => {
  await go(page, 'indicators');
  const row = page.locator('.ant-table-row', { hasText: 'CQ-09' }).first();
  await expect(row).toContainText('99,68%');
  await row.click();
  await expect(page.getByTestId('indicator-chart').locator('svg').first()).toBeVisible();
  await shot(page, '06-indicators');
});

test('an enrollment request is uploaded, read back and approved', async () => {
  await go(page, 'enrollment');
  await page.locator('input[type=file]').setInputFiles(request);
  const row = page.locator('.ant-table-row', { hasText: 'Phường An Biên' });
  await expect(row).toContainText('Chờ duyệt');
  await expect(row.getByTestId('fingerprint')).toContainText(fingerprint.split(' ')[0]!);
  await shot(page, '07-enrollment-pending');
  await row.getByRole('button', { name: 'Duyệt' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('fingerprint')).toBeVisible();
  await shot(page, '08-enrollment-confirm');
  const { download, bytes } = await downloadOf(page, () => dialog.getByRole('button', { name: 'Duyệt' }).click());
  expect(download.suggestedFilename()).toBe('HP-ANBIEN_tra-loi-dang-ky.json');
  expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ type: 'wardplan-enrollment-response', cityCode: 'HP' });
  await expect(row).toContainText('Đã duyệt');
});

test("a request sent online to the hub's inbox is in the same list, read back and approved", async () => {
  await go(page, 'enrollment');
  const row = page.locator('.ant-table-row', { hasText: 'Đặc khu Cát Hải' });
  await expect(row).toContainText('Qua mạng');
  await expect(row).toContainText('Chờ duyệt');
  await expect(row.getByTestId('fingerprint')).toContainText(onlineFingerprint.split(' ')[0]!);
  await row.getByRole('button', { name: 'Duyệt' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('fingerprint')).toContainText(onlineFingerprint.split(' ')[1]!);
  await dialog.getByRole('button', { name: 'Duyệt' }).click();
  await expect(page.getByText('Phường lấy trả lời qua mạng')).toBeVisible();
  await expect(row).toContainText('Đã duyệt');
  await shot(page, '08b-enrollment-online-approved');
});

test("the city's key is rotated by the administrator", async () => {
  await go(page, 'enrollment');
  const card = page.getByTestId('city-key');
  const before = (await card.getByTestId('fingerprint').innerText()).replace(/\s+/g, ' ');
  await card.getByRole('button', { name: 'Đổi khóa' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('phát hành danh mục');
  await shot(page, '08c-key-rotate-confirm');
  await dialog.getByRole('button', { name: 'Đổi khóa' }).click();
  await expect(page.getByText('Đã đổi khóa')).toBeVisible();
  await expect(card).toContainText('Đổi lần cuối');
  await expect(card).toContainText(ADMIN.name);
  expect((await card.getByTestId('fingerprint').innerText()).replace(/\s+/g, ' ')).not.toBe(before);
  await shot(page, '08d-key-rotated');
});

test('a city target is set and the catalog published', async () => {
  await go(page, 'catalog');
  await page.getByLabel('Chỉ tiêu', { exact: true }).fill('CQ-09');
  await page.locator('.ant-select-item-option', { hasText: 'CQ-09' }).first().click();
  await page.getByLabel('Chỉ tiêu giao').fill('95');
  await page.getByRole('button', { name: 'Giao chỉ tiêu' }).click();
  await expect(page.locator('.ant-table-row', { hasText: 'CQ-09' })).toContainText('Mọi phường, xã: ≥ 95%');
  const { download, bytes } = await downloadOf(page, () => page.getByRole('button', { name: 'Phát hành danh mục' }).click());
  expect(download.suggestedFilename()).toMatch(/\.wpb$/);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  await shot(page, '09-catalog');
});

test('the city report downloads as DOCX', async () => {
  await go(page, 'report');
  const { download, bytes } = await downloadOf(page, () => page.getByRole('button', { name: 'Tải báo cáo DOCX' }).click());
  expect(download.suggestedFilename()).toBe('Bao-cao-thanh-pho_HP_2026-Q3.docx');
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  await shot(page, '10-city-report');
  await go(page, 'users');
  await expect(page.locator('.ant-table-row', { hasText: 'enrollment.approve' }).first()).toBeVisible();
  await expect(page.locator('.ant-table-row', { hasText: 'key.rotate' }).first()).toBeVisible();
  await shot(page, '11-users-audit');
  expect(pageErrors).toEqual([]);
});

test('a viewer reads but cannot reach administrative actions; calls without CSRF token or session are refused', async ({ browser }) => {
  const ctx = await browser.newContext({ acceptDownloads: true });
  const viewer = await ctx.newPage();
  await signIn(viewer, VIEWER);
  await expect(viewer.getByText('Chỉ xem')).toBeVisible();
  for (const item of ['Đăng ký khóa', 'Danh mục', 'Tài khoản']) await expect(viewer.getByRole('menuitem', { name: item })).toHaveCount(0);
  await viewer.evaluate(() => (window.location.hash = '#/enrollment'));
  await expect(viewer.getByRole('heading', { name: /Tình hình báo cáo/ })).toBeVisible();
  await shot(viewer, '12-viewer');
  expect(await rawCall(viewer, 'city.catalog.publish', {}, true)).toEqual({ status: 403, code: 'auth.admin_only' });
  expect(await rawCall(viewer, 'city.users.add', { name: 'lau', role: 'admin', password: 'mật khẩu lẻn vào' }, true)).toEqual({
    status: 403,
    code: 'auth.admin_only',
  });
  expect(await rawCall(viewer, 'city.overview', {}, false)).toEqual({ status: 403, code: 'auth.csrf' });
  await ctx.clearCookies();
  expect(await rawCall(viewer, 'city.overview', {}, true)).toEqual({ status: 401, code: 'auth.no_session' });
  await ctx.close();
});
