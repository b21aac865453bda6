/**
 * The built renderer on the desktop app's code path, where no Electron binary exists: Debian's
 * Chromium loads dist/renderer through main's own app:// handler (with its CSP), and
 * `window.wardplan` is the preload's six functions wired to main's IPC handlers, trusted sender
 * included. main is the real bundle, on a stand-in Electron (stand-in-main.ts), with real SQLite.
 *
 * What it cannot show, app.spec.ts does in a real Electron: contextIsolation, the sandbox, the
 * real preload, the native dialogs, safeStorage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, expect, test, type Browser } from '@playwright/test';
import type { WardplanBridge } from '../../shared/api/bridge-types';
import { CHANNELS } from '../../electron/channels';
import { startStandInMain, type StandInMain } from './stand-in-main';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const rendererDir = path.join(repo, 'dist', 'renderer');

test.skip(
  !fs.existsSync(CHROMIUM),
  `No Chromium at ${CHROMIUM} (set CHROMIUM_PATH); this test drives the renderer through the Electron bridge without Electron.`,
);

let main: StandInMain;
let browser: Browser;
let site: { url: string; close(): Promise<void> };

test.beforeAll(async () => {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` first.');
  main = await startStandInMain({ rendererDir });
  site = await main.serveOverHttp();
  browser = await chromium.launch({ executablePath: CHROMIUM });
});

test.afterAll(async () => {
  await browser?.close();
  await site?.close();
  main?.quit();
  if (main) fs.rmSync(main.dir, { recursive: true, force: true });
});

test('first run → key → overview, through the Electron bridge and the app:// CSP', async ({}, testInfo) => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));

  // The preload's shape, each member one IPC channel, as electron/preload.ts builds it.
  await page.exposeFunction('__wardplanIpc', (channel: string, args: unknown[]) => main.invoke(channel, main.trustedEvent(), ...args));
  await page.addInitScript((ch: typeof CHANNELS) => {
    const ipc = (channel: string, args: unknown[]) =>
      (window as unknown as { __wardplanIpc(c: string, a: unknown[]): Promise<never> }).__wardplanIpc(channel, args);
    const bridge: WardplanBridge = {
      host: 'electron',
      call: (method, input) => ipc(ch.call, [method, input]),
      pickFolder: () => ipc(ch.pickFolder, []),
      pickFile: (filters) => ipc(ch.pickFile, [filters]),
      saveFile: (name, filters) => ipc(ch.saveFile, [name, filters]),
      openEvidence: (id) => ipc(ch.openEvidence, [id]),
    };
    (window as unknown as { wardplan: WardplanBridge }).wardplan = bridge;
  }, CHANNELS);

  await page.goto(`${site.url}/index.html`);
  const officer = page.locator('#officerName');
  await expect(officer).toBeVisible({ timeout: 30_000 });
  await page.locator('label', { has: page.locator('input[type="radio"][value="demo"]') }).click();
  await officer.fill('Nguyễn Thị Lan');
  await page.locator('form button[type="submit"]').click();
  await expect(officer).toHaveCount(0, { timeout: 30_000 });

  // The enrollment request asks for a folder (the USB stick): the "native dialog" answers it.
  const usb = path.join(main.dir, 'usb');
  fs.mkdirSync(usb);
  main.state.dialogAnswers.push(usb);
  const keyStep = page.locator('main .ant-card button');
  await keyStep.first().click();
  await expect(page.getByTestId('enrollment-request-path')).toContainText(usb);
  expect(main.state.dialogs.at(-1)?.options.properties).toContain('openDirectory');
  const keyFile = JSON.parse(fs.readFileSync(path.join(path.dirname(main.dbPath), 'wardplan.key'), 'utf8')) as { sealed?: string };
  expect(keyFile.sealed).toBe('os');
  await keyStep.last().click();

  await expect(page.getByTestId(/^count-/).first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('overview-bridge-vi.png') });
  expect(problems).toEqual([]);
});
