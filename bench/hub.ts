/**
 * Benchmark for the city's hub (issue 11). Not a test: it prints figures.
 *
 *   node --import tsx bench/hub.ts
 *
 * Environment: BENCH_WARDS (default 3300), BENCH_IN_FLIGHT (default 50).
 *
 * One city with n enrolled wards, each with its signed quarterly bundle (the fixtures of
 * bench/bundles.ts: part A's demo quarter, renumbered per ward). The same bundles land twice, on
 * two identical copies of the city database:
 *  - folder: `wardplan city import` on the folder, the city's key unlocked once;
 *  - hub: `wardplan hub` in its own process on 127.0.0.1, the bundles uploaded with the ward's
 *    client (tus-js-client, each upload authenticated by its ward's key), 50 in flight.
 * Printed: total time, per-bundle latency percentiles, the hub's peak RSS, the ratio of the two.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/database';
import { uploadBundle } from '../db/hub-client/upload';
import { ensureKey } from '../db/sync/identity';
import { importBundle } from '../db/sync/import';
import type { Session } from '../db/session';
import { copyCity, demoQuarter, keyStoreFor, PASSPHRASE, setupCity } from './bundles';
import { benchTempDir, cleanupTempDirs, fmtBytes, fmtInt, fmtMs, heading, machineLine, nowMs, table } from './stats';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

function peakRss(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_WARDS ?? 3300);
  const inFlight = Number(process.env.BENCH_IN_FLIGHT ?? 50);
  heading(`WardPlan hub benchmark (issue 11): ${fmtInt(n)} wards' quarterly bundles, ${inFlight} uploads in flight`);
  console.log(machineLine());
  const root = benchTempDir('wardplan-bench-hub-');
  const a = await demoQuarter(root, 'monthly');
  const t0 = nowMs();
  const setup = await setupCity(root, n, a.template);
  console.log(`set up ${fmtInt(n)} wards and their bundles in ${fmtMs(nowMs() - t0)} (${fmtBytes(setup.bundleBytes / n)} per bundle)`);
  const folderPath = copyCity(setup, 'city-folder.db');
  const hubPath = copyCity(setup, 'city-hub.db');
  setup.city.db.close();

  // Folder: as `wardplan city import FOLDER` does, one unlock of the city key for the batch.
  const fdb = openDatabase(folderPath, { mustExist: true });
  const fs0: Session = { ...setup.city.s, db: fdb, now: () => new Date().toISOString() };
  const cityKey = await ensureKey(fs0, keyStoreFor(folderPath));
  const folderLat: number[] = [];
  const folderStatus: Record<string, number> = {};
  const f0 = nowMs();
  for (const w of setup.wards) {
    const t = nowMs();
    const r = await importBundle(fs0, w.file, { cityKey });
    folderLat.push(nowMs() - t);
    folderStatus[r.status] = (folderStatus[r.status] ?? 0) + 1;
  }
  const folderMs = nowMs() - f0;
  fdb.close();
  console.log(`folder: ${fmtInt(n)} bundles in ${fmtMs(folderMs)} ${JSON.stringify(folderStatus)}`);

  // Hub: its own process, as the city runs it.
  const child = spawn(
    process.execPath,
    [path.join(repo, 'bin', 'wardplan.mjs'), 'hub', '--db', hubPath, '--port', '0', '--quiet', '--rate-limit', '100000000'],
    {
      cwd: repo,
      env: { ...process.env, WARDPLAN_PASSPHRASE: PASSPHRASE },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    readline.createInterface({ input: child.stderr! }).on('line', (line) => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`hub exited (${code})`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const rssIdle = peakRss(child.pid!);
  const hubLat: number[] = [];
  const hubStatus: Record<string, number> = {};
  let next = 0;
  let retries = 0;
  const h0 = nowMs();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (;;) {
        const w = setup.wards[next++];
        if (!w) return;
        const t = nowMs();
        const r = await uploadBundle({
          base,
          file: w.file,
          key: w.key,
          uploadUrl: null,
          onUploadUrl: () => {},
          onProgress: () => {},
          onAttempt: (k) => void (k > 1 && retries++),
          retryDelaysMs: [500, 1000, 2000, 5000],
          stallTimeoutMs: 120_000,
        });
        hubLat.push(nowMs() - t);
        hubStatus[r.status] = (hubStatus[r.status] ?? 0) + 1;
      }
    }),
  );
  const hubMs = nowMs() - h0;
  const rssPeak = peakRss(child.pid!);
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  console.log(`hub: ${fmtInt(n)} bundles in ${fmtMs(hubMs)} ${JSON.stringify(hubStatus)}; ${retries} retries`);

  const row = (name: string, total: number, lat: number[]) => [
    name,
    fmtMs(total),
    `${fmtInt(Math.round((n / total) * 1000))}/s`,
    fmtMs(pct(lat, 50)),
    fmtMs(pct(lat, 90)),
    fmtMs(pct(lat, 99)),
    fmtMs(Math.max(...lat)),
  ];
  console.log(
    table(
      ['path', 'total', 'bundles/s', 'p50', 'p90', 'p99', 'max'],
      [row('folder (city import)', folderMs, folderLat), row(`hub (${inFlight} in flight)`, hubMs, hubLat)],
      { leftCols: [0] },
    ),
  );
  console.log(`hub / folder: ${(hubMs / folderMs).toFixed(2)}×   (goal ≤ 1.5×; and under 30 s: ${hubMs < 30_000 ? 'yes' : 'no'})`);
  console.log(`hub RSS: ${fmtBytes(rssIdle)} after start, ${fmtBytes(rssPeak)} peak`);
  console.log("Hub latency counts from the upload's creation to the import's answer, including the wait for the one database writer.");
  cleanupTempDirs();
}

main().catch((e) => {
  cleanupTempDirs();
  console.error(e);
  process.exit(1);
});
