/**
 * The core in Electron's utility process, in a real Electron: main keeps answering while the core
 * writes a backup, the core is a process of its own, and quitting ends it. The message protocol
 * itself is tested without Electron (db/api/core-client.test.ts, test/unit/electron-main.test.ts).
 *
 * Skips, saying why, where no Electron binary is installed or Linux has no display; set
 * WARDPLAN_REQUIRE_ELECTRON=1 to make those skips failures. Prerequisites: `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import type { WardplanBridge } from '../../shared/api/bridge-types';
import { electronBinary, REQUIRE_ELECTRON, whyNoElectron } from './electron-binary';

/** The page's bridge, as the preload exposes it (written out in each page function: they run in the page). */
type PageWindow = { wardplan: WardplanBridge };

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = electronBinary();
const reason = whyNoElectron();
test.skip(reason !== null && !REQUIRE_ELECTRON, reason ?? '');

test.beforeAll(() => {
  if (reason) throw new Error(reason);
  for (const f of ['dist/electron/main.cjs', 'dist/electron/core.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!fs.existsSync(path.join(repo, f))) throw new Error(`${f} is missing: run \`npm run build\` first.`);
  }
  execFileSync(process.execPath, [path.join(repo, 'build', 'electron-native.mjs')], { cwd: repo, stdio: 'inherit' });
});

test('main answers while the core, in its own utility process, writes a backup; quitting ends the core', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-electron-core-'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  Object.assign(env, { WARDPLAN_DB: path.join(dir, 'ward', 'wardplan.db'), WARDPLAN_USER_DATA: path.join(dir, 'profile') });
  const app = await electron.launch({ executablePath: binary!, args: [repo], cwd: repo, env });
  try {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const core = await app.evaluate(({ app: a }) => a.getAppMetrics().filter((m) => m.type === 'Utility' && m.serviceName === 'WardPlan core').length);
    expect(core).toBe(1);

    const setup = await page.evaluate(() =>
      (window as unknown as PageWindow).wardplan.call('app.setup', {
        wardCode: 'HP-X',
        wardName: 'Phường X',
        cityCode: 'HP',
        cityName: 'Hải Phòng',
        officerName: 'A',
        demo: true,
      }),
    );
    expect(setup.ok).toBe(true);

    const order: string[] = [];
    const backup = page.evaluate(() => (window as unknown as PageWindow).wardplan.call('backup.create', {})).then((r) => (order.push('backup'), r));
    const pong = await app.evaluate(() => 'pong');
    order.push(pong);
    expect((await backup).ok).toBe(true);
    expect(order).toEqual(['pong', 'backup']);

    const pid = await app.evaluate(({ app: a }) => a.getAppMetrics().find((m) => m.type === 'Utility' && m.serviceName === 'WardPlan core')?.pid ?? 0);
    await app.close();
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    expect(alive).toBe(false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
