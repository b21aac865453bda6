/**
 * Sending over the network, in Chromium against the browser host: the ward sets the city's hub
 * address in Settings, the Sync screen says when the hub cannot be reached (USB still one click
 * away), then "Gửi lên thành phố" sends to a hub started here (through a loopback proxy that
 * slows the line, so the progress can be seen), and the city's answer and receipt appear.
 * The city's side runs through the real `wardplan city …` and `wardplan hub` commands.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { expect, test, type Page } from '@playwright/test';
import { startFaultyProxy, type FaultyProxy } from '../support/faulty-proxy';
import { cityCli } from './support/city';
import { PASSPHRASE, repo, startTestHost, type TestHost } from './support/host';
import { openScreen, shoot } from './support/screens';
import { pageApi } from './support/page-api';

test.describe.configure({ mode: 'serial' });

let host: TestHost;
let page: Page;
let hub: { child: ChildProcess; port: number };
let proxy: FaultyProxy;
let cityDb: string;
const pageErrors: string[] = [];

const api = <T>(method: string, input: unknown): Promise<T> => pageApi<T>(page, method, input);

/** `wardplan hub` on a free port; it prints its address once it listens. */
function startHubProcess(db: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [path.join(repo, 'bin', 'wardplan.mjs'), 'hub', '--db', db, '--port', '0', '--quiet'], {
    cwd: repo,
    env: { ...process.env, WARDPLAN_PASSPHRASE: PASSPHRASE, WARDPLAN_LANG: 'vi' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stderr! }).on('line', (line) => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.once('exit', (code) => reject(new Error(`wardplan hub exited (${code}) before listening`)));
  });
}

test.beforeAll(async ({ browser }) => {
  host = await startTestHost();
  cityDb = path.join(host.dir, 'city.db');
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
});

test.afterAll(async () => {
  await page?.close();
  await proxy?.close();
  if (hub && hub.child.exitCode === null) {
    await new Promise<void>((resolve) => {
      hub.child.once('exit', () => resolve());
      hub.child.kill('SIGTERM');
    });
  }
  await host?.dispose();
});

test('an enrolled demo ward, and a city with its hub running', async () => {
  await page.goto(host.url);
  await api('app.setup', {
    wardCode: 'HP-HAIDUONG',
    wardName: 'Phường Hải Dương',
    cityCode: 'HP',
    cityName: 'Thành phố Hải Phòng',
    officerName: 'Nguyễn Thị Lan',
    demo: true,
  });
  const req = await api<{ path: string }>('keys.enrollmentRequest', {});
  cityCli(['city', 'init', '--db', cityDb, '--city', 'HP', '--name', 'Thành phố Hải Phòng']);
  const res = path.join(host.dir, 'tra-loi.json');
  cityCli(['city', 'enroll', req.path, '--db', cityDb, '--out', res]);
  await api('enroll.import', { path: res });
  // Three megabytes of photographs, so the upload takes long enough over the slowed line to be watched.
  const tasks = await api<Array<{ id: string }>>('tasks.list', {});
  await api('tasks.attach', { taskId: tasks[0]!.id, fileName: 'anh-hien-truong.jpg', contentBase64: crypto.randomBytes(3 * 1024 * 1024).toString('base64') });
  hub = await startHubProcess(cityDb);
  proxy = await startFaultyProxy(hub.port, () => ({ kind: 'slow', chunkBytes: 16 * 1024, delayMs: 15 }));
});

test('offline: the Sync screen says so and the USB path stays one click away', async () => {
  await page.reload();
  await openScreen(page, 'settings');
  // A port nothing listens on: the hub of a city whose line is down.
  await page.getByTestId('hub-address').fill('http://127.0.0.1:9');
  await page.getByTestId('hub-address-save').click();
  await expect(page.getByTestId('hub-address-check')).toContainText('Không kết nối được máy chủ thành phố');
  await openScreen(page, 'sync');
  await expect(page.getByTestId('hub-offline')).toContainText('Không kết nối được máy chủ thành phố');
  await expect(page.getByTestId('hub-send')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Tạo gói dữ liệu' })).toBeEnabled();
  await shoot(page, 'vi', 'sync-hub-offline');
});

test('"Gửi lên thành phố" sends with progress, then shows the city\'s receipt', async () => {
  await openScreen(page, 'settings');
  await page.getByTestId('hub-address').fill(proxy.url);
  await page.getByTestId('hub-address-save').click();
  await expect(page.getByTestId('hub-address-check')).toContainText('Kết nối được');
  await openScreen(page, 'sync');
  await expect(page.getByTestId('hub-online')).toBeVisible();
  await page.getByTestId('hub-send').click();
  await expect(page.getByTestId('hub-progress')).toContainText('Đang gửi gói lên thành phố');
  await shoot(page, 'vi', 'sync-hub-sending');
  await expect(page.getByTestId('hub-answer')).toContainText('Thành phố đã nhận gói', { timeout: 90_000 });
  await expect(page.getByTestId('hub-answer')).toContainText('HP');
  await expect(page.getByTestId('outbox-status').first()).toHaveText('Thành phố đã xác nhận');
  await expect(page.getByTestId('bundle-ack').first()).toContainText('Đã xác nhận');
  await shoot(page, 'vi', 'sync-hub-sent');
  const status = cityCli<{ wards: Array<{ wardCode: string; lastSeqApplied: number }> }>(['city', 'status', '--db', cityDb]);
  expect(status.wards[0]).toMatchObject({ wardCode: 'HP-HAIDUONG' });
  expect(status.wards[0]!.lastSeqApplied).toBeGreaterThan(0);
  expect(proxy.faults.slow).toBeGreaterThan(0);
  expect(pageErrors).toEqual([]);
});
