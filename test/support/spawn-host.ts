/**
 * Starts the browser host as a child process (test/support/run-host.ts through tsx) and waits until it
 * listens: for the end-to-end tests and the renderer benchmark, which need it out of process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface HostProcess {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function spawnHost(opts: { dbPath: string; outDir?: string; env?: NodeJS.ProcessEnv }): Promise<HostProcess> {
  const args = ['--import', 'tsx', path.join(repo, 'test', 'support', 'run-host.ts'), '--db', opts.dbPath];
  if (opts.outDir) args.push('--out', opts.outDir);
  const child = spawn(process.execPath, args, { cwd: repo, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', (line) => {
      const info = JSON.parse(line) as { url: string; port: number; pid: number };
      resolve({ ...info, child, stop });
    });
    child.once('exit', (code) => reject(new Error(`the browser host exited (${code}) before listening:\n${stderr}`)));
  });
}
