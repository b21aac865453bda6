/** Screenshots of the main screens at 1366×768 for people to look at (artifacts/ is git-ignored). */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { repo } from './host';

export const SHOTS_DIR = path.join(repo, 'artifacts', 'screenshots');

export async function shoot(page: Page, lang: 'vi' | 'en', screen: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  // No spinner left: what the officer sees once the screen has loaded.
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  // Drawers and dialogs fade in; a picture taken halfway shows neither screen properly.
  // Endless ones (a spinner, an active progress bar) never finish and are left out.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  await page.screenshot({ path: path.join(SHOTS_DIR, `${lang}-${screen}.png`) });
}

/** Goes to a screen by its menu entry, as a user would, and waits for its data. */
export async function openScreen(page: Page, key: string): Promise<void> {
  await page.evaluate((k) => {
    window.location.hash = `#/${k}`;
  }, key);
  await expect(page.locator('.ant-menu-item-selected')).toHaveCount(1);
  await expect(page.locator('main [role="status"]')).toHaveCount(0);
}
