/** The city's side, driven through the real command line as the city's officer would. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { PASSPHRASE, repo } from './host';

export function cityCli<T = unknown>(args: string[]): T {
  const out = execFileSync(process.execPath, [path.join(repo, 'bin', 'wardplan.mjs'), ...args, '--json'], {
    cwd: repo,
    env: { ...process.env, WARDPLAN_PASSPHRASE: PASSPHRASE, WARDPLAN_LANG: 'vi' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out) as T;
}
