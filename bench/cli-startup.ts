/**
 * How long a `wardplan` call takes to start, against `node -e 0`: the built command line
 * (dist/cli) and the TypeScript sources through tsx, for `--help` and for `summary` on the demo
 * ward. Runs alternate so a busy machine slows every variant alike. Goal: built ≤ 3× `node -e 0`.
 *
 *   node --import tsx bench/cli-startup.ts [runs=5]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, nowMs } from './stats';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repo, 'bin', 'wardplan.mjs');
const runs = Number(process.argv[2] ?? 5);

execFileSync(process.execPath, [path.join(repo, 'build', 'build-cli.mjs')], { stdio: 'inherit' });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-bench-cli-'));
const db = path.join(dir, 'demo.db');
execFileSync(process.execPath, [bin, 'demo', '--db', db], { stdio: 'ignore' });

const variants: Array<{ name: string; args: string[]; env?: NodeJS.ProcessEnv }> = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'wardplan --help (built)', args: [bin, '--help'] },
  { name: 'wardplan summary (built)', args: [bin, 'summary', '--db', db] },
  { name: 'wardplan --help (tsx)', args: [bin, '--help'], env: { WARDPLAN_FROM_SOURCE: '1' } },
  { name: 'wardplan summary (tsx)', args: [bin, 'summary', '--db', db], env: { WARDPLAN_FROM_SOURCE: '1' } },
];
const times = new Map(variants.map((v) => [v.name, [] as number[]]));
for (let i = 0; i < runs + 1; i++) {
  for (const v of variants) {
    const t = nowMs();
    const r = spawnSync(process.execPath, v.args, { env: { ...process.env, ...v.env }, stdio: 'ignore' });
    const ms = nowMs() - t;
    if (r.status !== 0) throw new Error(`${v.name} exited ${r.status}`);
    if (i > 0) times.get(v.name)!.push(ms); // the first round warms the file cache
  }
}
const base = median(times.get('node -e 0')!);
console.log(`Command-line start-up, median of ${runs} alternated runs (${os.cpus().length} cores)`);
for (const v of variants) {
  const m = median(times.get(v.name)!);
  console.log(`${v.name.padEnd(28)} ${m.toFixed(0).padStart(6)} ms  ${(m / base).toFixed(2)}× node -e 0`);
}
fs.rmSync(dir, { recursive: true, force: true });
