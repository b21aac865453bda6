/**
 * The documents an officer signs, in Chromium against the browser host with the demo plan: the
 * plan document's issue date, signer and sections set in the drawer; the Q3/2026 report's
 * sections I–IV pre-filled from the figures, edited and saved; after approval, a supplementary
 * report made and downloaded as a marked draft.
 */
import fs from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { readDocx, readHeaders } from '../../db/reports/docx-text';
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
  return { download, bytes: fs.readFileSync(await download.path()) };
}

test.beforeAll(async ({ browser }) => {
  host = await startTestHost();
  page = await browser.newPage({ acceptDownloads: true });
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

test.afterAll(async () => {
  await page?.close();
  await host?.dispose();
});

test('the plan document: issue date, signer and solutions set in the drawer', async () => {
  await page.goto(host.url);
  await page.getByText('Dùng kế hoạch mẫu (Phường Hải Dương 2026)').click();
  await page.getByLabel('Họ và tên cán bộ phụ trách').fill('Nguyễn Thị Lan');
  await page.getByRole('button', { name: 'Tạo dữ liệu đơn vị' }).click();
  await page.getByRole('button', { name: 'Để sau, vào trang Tổng quan' }).click();
  await openScreen(page, 'reports');
  await page.getByTestId('open-plan-document').click();
  const drawer = page.getByTestId('plan-document-drawer');
  await expect(drawer).toContainText('Chưa có ngày ban hành');
  await drawer.getByTestId('plan-issued-on').click();
  await page.keyboard.type('05/01/2026');
  await page.keyboard.press('Enter');
  await drawer.getByTestId('plan-solutions').fill('Tăng cường kiểm tra, đôn đốc việc thực hiện các nhiệm vụ.');
  await drawer.getByTestId('drafting-unit').fill('VHXH');
  await drawer.getByTestId('doc-settings-save').click();
  await expect(page.getByText('Đã lưu thiết lập văn bản.')).toBeVisible();
  await drawer.getByTestId('plan-doc-save').click();
  await expect(drawer).toContainText('Đã ban hành ngày 05/01/2026.');
  const doc = await api<{
    plan: { issuedOn: string; signerName: string };
    solutions: string;
    draftingUnit: string;
  }>('planDocument.get', { year: 2026 });
  expect(doc).toMatchObject({
    plan: { issuedOn: '2026-01-05', signerName: 'Phạm Thị Thanh Vân' },
    solutions: 'Tăng cường kiểm tra, đôn đốc việc thực hiện các nhiệm vụ.',
    draftingUnit: 'VHXH',
  });
  await shoot(page, 'vi', 'plan-document');
  await page.keyboard.press('Escape');
});

test('report sections I–IV: suggested from the figures, edited and saved', async () => {
  await page.goto(`${host.url}#/reports?period=2026-Q3`);
  // A fresh load, so the report reads the drafting unit just saved.
  await page.reload();
  await page.getByRole('tab', { name: 'Nội dung I–IV, nơi nhận' }).click();
  await expect(page.getByTestId('report-body-results')).toHaveValue(/Kế hoạch năm 2026 có 22 nhiệm vụ/);
  await expect(page.getByTestId('report-recipients')).toHaveValue(/Sở Khoa học và Công nghệ/);
  await expect(page.getByTestId('report-body-editor')).toContainText('Lưu: VT, VHXH.');
  await page.getByTestId('report-body-proposals').fill('Đề nghị UBND thành phố hỗ trợ kinh phí mua sắm thiết bị.');
  await page.getByTestId('report-body-save').click();
  await expect(page.getByText('Đã lưu nội dung báo cáo.')).toBeVisible();
  const r = await api<{ body: { proposals: string } }>('reports.get', {
    period: '2026-Q3',
  });
  expect(r.body.proposals).toBe('Đề nghị UBND thành phố hỗ trợ kinh phí mua sắm thiết bị.');
  await shoot(page, 'vi', 'report-body');
});

test('a supplementary report after approval, downloaded as a marked draft', async () => {
  await api('reports.approve', {
    period: '2026-Q3',
    approvedBy: 'Phạm Thị Thanh Vân',
    docNumber: '45',
  });
  await page.reload();
  await page.getByTestId('create-supplement').click();
  await expect(page.getByText('Đã lập báo cáo bổ sung lần 1 (dự thảo).')).toBeVisible();
  await expect(page.getByTestId('report-supplements')).toContainText('Bổ sung lần 1');
  await expect(page.getByTestId('report-status')).toHaveText('Dự thảo');
  const docx = await downloadOf(() => page.getByRole('button', { name: 'Tải DOCX' }).click());
  expect(docx.download.suggestedFilename()).toBe('bao-cao-bo-sung-1-quy-III-2026-du-thao.docx');
  expect((await readHeaders(docx.bytes)).every((h) => h.includes('DỰ THẢO'))).toBe(true);
  expect((await readDocx(docx.bytes)).paragraphs.join('\n')).toContain('báo cáo bổ sung Báo cáo số 45/BC-UBND');
  expect(pageErrors).toEqual([]);
});
