/**
 * The desktop app end to end, in a real Electron: the hardened shell, then first run → demo
 * plan → overview, a restart that keeps the data, and the single-instance lock.
 *
 * Skips, saying why, where no Electron binary is installed (these machines: the download is
 * blocked) or Linux has no display. Set WARDPLAN_REQUIRE_ELECTRON=1 (the Windows CI does) to
 * turn those skips into failures, so a broken install cannot pass as "skipped".
 *
 * Prerequisites: `npm run build`; better-sqlite3 for Electron is prepared on first use
 * (build/electron-native.mjs, needs the internet once).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary, REQUIRE_ELECTRON, whyNoElectron } from './electron-binary';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = electronBinary();
const reason = whyNoElectron();
test.skip(reason !== null && !REQUIRE_ELECTRON, reason ?? '');

test.beforeAll(() => {
  if (reason) throw new Error(reason);
  for (const f of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!fs.existsSync(path.join(repo, f))) throw new Error(`${f} is missing: run \`npm run build\` first.`);
  }
  // The root better-sqlite3 is built for Node; main.cjs loads the Electron build in dist/node_modules.
  execFileSync(process.execPath, [path.join(repo, 'build', 'electron-native.mjs')], { cwd: repo, stdio: 'inherit' });
});

interface Profile {
  dir: string;
  db: string;
  env: Record<string, string>;
}

function newProfile(): Profile {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-electron-'));
  const db = path.join(dir, 'ward', 'wardplan.db');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  Object.assign(env, { WARDPLAN_DB: db, WARDPLAN_USER_DATA: path.join(dir, 'profile'), LANG: 'vi_VN.UTF-8' });
  return { dir, db, env };
}

async function launch(profile: Profile): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: binary!,
    // The repository folder: Electron reads package.json "main" (dist/electron/main.cjs), so the
    // app's name and version are WardPlan's, as when installed.
    args: [repo],
    cwd: repo,
    env: profile.env,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

test.describe('WardPlan desktop', () => {
  let profile: Profile;

  test.beforeEach(() => {
    profile = newProfile();
  });

  test.afterEach(() => {
    fs.rmSync(profile.dir, { recursive: true, force: true });
  });

  test('the window is the hardened shell with only the typed bridge', async () => {
    const { app, page } = await launch(profile);
    try {
      expect(page.url()).toBe('app://wardplan/index.html');

      const shell = await app.evaluate(({ BrowserWindow, app: electronApp }) => {
        const windows = BrowserWindow.getAllWindows();
        const w = windows[0]!;
        return { count: windows.length, size: w.getSize(), min: w.getMinimumSize(), name: electronApp.getName(), packaged: electronApp.isPackaged };
      });
      expect(shell).toMatchObject({ count: 1, name: 'wardplan', packaged: false });
      expect(shell.min[0]).toBeLessThanOrEqual(1024);
      expect(shell.size[0]).toBeLessThanOrEqual(1366);

      const bridge = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown> & { wardplan: Record<string, unknown> };
        return {
          keys: Object.keys(w.wardplan).sort(),
          host: w.wardplan.host,
          require: typeof w.require,
          process: typeof w.process,
          ipc: typeof w.ipcRenderer,
          buffer: typeof w.Buffer,
        };
      });
      expect(bridge).toEqual({
        keys: ['call', 'host', 'openEvidence', 'pickFile', 'pickFolder', 'saveFile'],
        host: 'electron',
        require: 'undefined',
        process: 'undefined',
        ipc: 'undefined',
        buffer: 'undefined',
      });

      const calls = await page.evaluate(async () => {
        const api = (window as unknown as { wardplan: { call(m: string, i: unknown): Promise<{ ok: boolean; error?: { code: string } }> } }).wardplan;
        return { status: await api.call('app.status', {}), bad: await api.call('tasks.get', { id: 'not-a-uuid' }), unknown: await api.call('no.such', {}) };
      });
      expect(calls.status.ok).toBe(true);
      expect(calls.bad.error?.code).toBe('api.bad_input');
      expect(calls.unknown.error?.code).toBe('api.unknown_method');

      const blocked = await page.evaluate(async () => {
        let evalRan = false;
        try {
          evalRan = (0, eval)('true');
        } catch {
          evalRan = false;
        }
        let fetched = false;
        try {
          await fetch('https://example.com/');
          fetched = true;
        } catch {
          fetched = false;
        }
        const popup = window.open('https://example.com/');
        return { evalRan, fetched, popup: popup !== null };
      });
      expect(blocked).toEqual({ evalRan: false, fetched: false, popup: false });

      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toMatch(/^app:\/\/wardplan\//);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    } finally {
      await app.close();
    }
  });

  test('first run → demo plan → overview, kept across a restart', async ({}, testInfo) => {
    let { app, page } = await launch(profile);
    try {
      // Structural selectors (field ids, radio values, test ids): they hold in both languages.
      const officer = page.locator('#officerName');
      await expect(officer).toBeVisible({ timeout: 30_000 });
      await page.screenshot({ path: testInfo.outputPath('first-run-vi.png') });
      await page.locator('label', { has: page.locator('input[type="radio"][value="demo"]') }).click();
      await officer.fill('Nguyễn Thị Lan');
      await page.locator('form button[type="submit"]').click();
      await expect(officer).toHaveCount(0, { timeout: 30_000 });

      // The key step: writing the enrollment request makes the key, sealed by safeStorage. Only
      // where the OS really protects it (Windows DPAPI; a Linux keyring, not "basic_text").
      const keyStep = page.locator('main .ant-card button');
      const osProtects = await app.evaluate(
        ({ safeStorage }) => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
      );
      if (osProtects) {
        const usb = path.join(profile.dir, 'usb');
        fs.mkdirSync(usb);
        await app.evaluate(({ dialog }, dir) => {
          dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [dir] })) as unknown as typeof dialog.showOpenDialog;
        }, usb);
        await keyStep.first().click();
        await expect(page.getByTestId('enrollment-request-path')).toContainText(usb);
        const keyFile = JSON.parse(fs.readFileSync(path.join(path.dirname(profile.db), 'wardplan.key'), 'utf8')) as { sealed?: string };
        expect(keyFile.sealed).toBe('os');
      }
      await keyStep.last().click();

      const overview = page.getByTestId(/^count-/).first();
      await expect(overview).toBeVisible({ timeout: 30_000 });
      await page.screenshot({ path: testInfo.outputPath('overview-vi.png') });
      await testInfo.attach('overview-vi', { path: testInfo.outputPath('overview-vi.png'), contentType: 'image/png' });
      expect(fs.existsSync(profile.db)).toBe(true);
    } finally {
      await app.close();
    }
    // A clean shutdown closed SQLite, which folds the WAL back into the database file.
    expect(fs.existsSync(`${profile.db}-wal`)).toBe(false);

    ({ app, page } = await launch(profile));
    try {
      const status = await page.evaluate(() =>
        (window as unknown as { wardplan: { call(m: string, i: unknown): Promise<{ ok: boolean; value?: { initialized: boolean } }> } }).wardplan.call(
          'app.status',
          {},
        ),
      );
      expect(status).toMatchObject({ ok: true, value: { initialized: true } });
      await expect(page.getByTestId(/^count-/).first()).toBeVisible({ timeout: 30_000 });
    } finally {
      await app.close();
    }
  });

  test('a second start hands over to the running app and exits', async () => {
    const { app } = await launch(profile);
    try {
      const second = spawn(binary!, [repo], { cwd: repo, env: profile.env, stdio: 'ignore' });
      const code = await new Promise<number | null>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the second instance did not exit within 20 s')), 20_000);
        second.on('exit', (c) => {
          clearTimeout(timer);
          resolve(c);
        });
      });
      expect(code).toBe(0);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    } finally {
      await app.close();
    }
  });
});
