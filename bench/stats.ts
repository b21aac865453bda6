/**
 * Small helpers the benchmarks share: timing, medians, human-readable sizes and plain text tables.
 * Benchmarks print figures; they are not tests and assert nothing beyond "same result: yes/no".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export function nowMs(): number {
  return performance.now();
}

export function timeSync<T>(fn: () => T): { ms: number; value: T } {
  const t = nowMs();
  const value = fn();
  return { ms: nowMs() - t, value };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = nowMs();
  const value = await fn();
  return { ms: nowMs() - t, value };
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs fn `warmup` times untimed, then `runs` times, and returns the median and the spread. */
export function repeatSync<T>(runs: number, fn: () => T, warmup = 1): { median: number; min: number; max: number; runs: number; last: T } {
  let last!: T;
  for (let i = 0; i < warmup; i++) last = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = nowMs();
    last = fn();
    times.push(nowMs() - t);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs, last };
}

export async function repeatAsync<T>(
  runs: number,
  fn: () => Promise<T>,
  warmup = 1,
): Promise<{ median: number; min: number; max: number; runs: number; last: T }> {
  let last!: T;
  for (let i = 0; i < warmup; i++) last = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = nowMs();
    last = await fn();
    times.push(nowMs() - t);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs, last };
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms >= 60_000) return `${(ms / 60_000).toFixed(2)} min`;
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function fmtBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(2)} GiB`;
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(2)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function fmtRatio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '-';
  const r = a / b;
  return r >= 100 ? `${r.toFixed(0)}x` : r >= 10 ? `${r.toFixed(1)}x` : `${r.toFixed(2)}x`;
}

/** A plain text table: first column left-aligned, the rest right-aligned unless told otherwise. */
export function table(headers: string[], rows: Array<Array<string | number>>, opts: { leftCols?: number[] } = {}): string {
  const left = new Set(opts.leftCols ?? [0]);
  const cells = [headers, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? fmtInt(c) : c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - [...c].length));
        return left.has(i) ? c + pad : pad + c;
      })
      .join('  ')
      .trimEnd();
  const sep = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(cells[0]!), sep, ...cells.slice(1).map(line)].join('\n');
}

export function heading(text: string): void {
  console.log(`\n${text}\n${'='.repeat([...text].length)}`);
}

export function subheading(text: string): void {
  console.log(`\n${text}\n${'-'.repeat([...text].length)}`);
}

/** A fresh folder under the system temp dir; `cleanup()` removes every folder made here. */
const made: string[] = [];
export function benchTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  while (made.length) fs.rmSync(made.pop()!, { recursive: true, force: true });
}

/** File size of a SQLite database after folding the WAL back into it. */
export function checkpointedSize(sqlite: { pragma(s: string): unknown }, file: string): number {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return fs.statSync(file).size;
}

export function machineLine(): string {
  const cpus = os.cpus();
  return `Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} x ${cpus[0]?.model.trim() ?? 'cpu'}, ${fmtBytes(os.totalmem())} RAM, load avg ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
}
