/**
 * A browser host on a fresh temp database, in a child process: the same code path as
 * `wardplan host`, run through tsx (Playwright's loader cannot import the core's JSON modules).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnHost, type HostProcess } from '../../support/spawn-host';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const PASSPHRASE = 'mật khẩu thử nghiệm e2e';

export interface TestHost extends HostProcess {
  dir: string;
  dbPath: string;
  outDir: string;
  dispose(): Promise<void>;
}

/**
 * `passphraseInApp`: the host gets no passphrase from its environment, so the page asks for it
 * (the way `wardplan host` runs for an officer).
 */
export async function startTestHost(opts: { passphraseInApp?: boolean } = {}): Promise<TestHost> {
  if (!fs.existsSync(path.join(repo, 'dist', 'renderer', 'index.html'))) {
    throw new Error('dist/renderer/index.html is missing: run `npx vite build` (or `npm run build:renderer`) before `playwright test`.');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-e2e-'));
  const dbPath = path.join(dir, 'ward.db');
  const outDir = path.join(dir, 'outbox');
  const host = await spawnHost({ dbPath, outDir, env: { WARDPLAN_PASSPHRASE: opts.passphraseInApp ? '' : PASSPHRASE } });
  return {
    ...host,
    dir,
    dbPath,
    outDir,
    async dispose() {
      await host.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
