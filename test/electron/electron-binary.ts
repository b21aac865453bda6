/** Whether a real Electron can run here, and if not, the sentence that says why. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The binary `npm install` would have put in node_modules/electron/dist, or null. */
export function electronBinary(): string | null {
  const pathFile = path.join(repo, 'node_modules', 'electron', 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const exe = path.join(repo, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

export function whyNoElectron(): string | null {
  if (!electronBinary()) {
    return 'No Electron binary at node_modules/electron/dist (its download is blocked on this machine). Run the Electron tests on a machine with the internet after `node node_modules/electron/install.js`; see docs/release.md, "Testing the desktop app".';
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'No display (DISPLAY and WAYLAND_DISPLAY are unset). Run under `xvfb-run -a`; see docs/release.md.';
  }
  return null;
}

/** Set in the Windows CI: a missing binary must fail the run there, not pass as skipped. */
export const REQUIRE_ELECTRON = process.env.WARDPLAN_REQUIRE_ELECTRON === '1';
