/**
 * Playwright config for the Electron tests only (the Chromium end-to-end tests against the
 * browser host have their own config). Needs `npm run build` and, for the app to load SQLite,
 * `node build/electron-native.mjs`; without an Electron binary every test skips and says why.
 *
 *   npx playwright test -c test/electron/playwright.electron.config.ts
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { REQUIRE_ELECTRON, whyNoElectron } from './electron-binary';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

// The list reporter shows a skipped test without its reason; say it once, up front.
const reason = whyNoElectron();
if (reason && !REQUIRE_ELECTRON) console.warn(`\nThe Electron tests (app.spec.ts) will skip: ${reason}\n`);

export default defineConfig({
  testDir: here,
  testMatch: /.*\.spec\.ts$/,
  // One Electron at a time: each test starts its own app with its own profile, but two windows
  // fighting for focus make keyboard steps flaky on CI runners.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: process.env.CI ? 1 : 0,
  outputDir: path.join(repo, 'test-results', 'electron'),
  reporter: [['list'], ['html', { outputFolder: path.join(repo, 'playwright-report', 'electron'), open: 'never' }]],
});
