/**
 * Does the browser host keep answering while the core works? A full export of the 10-year ward
 * (bench/generate-ward.ts) runs through the host while a ping — a page request the host answers
 * itself — goes out every 20 ms from another thread; the ping's latency is recorded from the export's start to its end.
 * Once with the core in the host's own thread (as before), once in its worker thread.
 * Goal: every ping answered within 100 ms throughout.
 *
 *   node --import tsx bench/off-thread.ts [years=10]
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { openDatabase } from '../db/database';
import { PassphraseFileKeyStore } from '../db/keys/key-store';
import { initCity } from '../db/services/setup';
import { cityEnroll, importEnrollmentResponse, writeEnrollmentRequest } from '../db/sync/enroll';
import { startBrowserHost, TOKEN_HEADER } from '../server/browser-host';
import { generateWard } from './generate-ward';
import { benchTempDir, cleanupTempDirs, fmtMs, heading, machineLine, nowMs, table } from './stats';

const PASSPHRASE = 'mật khẩu của benchmark';
const GOAL_MS = 100;
const PING_EVERY_MS = 20;
const yearCount = Number(process.argv[2] ?? 10);

/**
 * The pinger runs on a thread of its own: on the host's thread its timer would wait out the same
 * stall it is meant to measure, and the stall would never show.
 */
const PINGER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const pings = [];
let stop = false;
parentPort.on('message', () => (stop = true));
const get = () => new Promise((resolve, reject) => {
  const req = http.get(workerData.url, { agent: false }, (res) => { res.resume(); res.on('end', resolve); });
  req.on('error', reject);
});
(async () => {
  while (!stop) {
    const t = performance.now();
    await get();
    pings.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, workerData.every));
  }
  parentPort.postMessage(pings);
})();
`;

async function pingWhile<T>(url: string, work: Promise<T>): Promise<{ value: T; pings: number[] }> {
  const pinger = new Worker(PINGER, { eval: true, workerData: { url, every: PING_EVERY_MS } });
  const pings = new Promise<number[]>((resolve, reject) => {
    pinger.once('message', resolve);
    pinger.once('error', reject);
  });
  try {
    const value = await work;
    pinger.postMessage('stop');
    return { value, pings: await pings };
  } finally {
    await pinger.terminate();
  }
}

/**
 * One connection per request: a host thread that was stalled past its keep-alive timeout closes idle
 * connections as soon as it wakes, and a request already on its way over one would be reset.
 */
function post(url: string, token: string, body: unknown): Promise<{ ok: boolean; value?: { size?: number }; error?: unknown }> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL('/api/call', url),
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': data.length, [TOKEN_HEADER]: token } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean; value?: { size?: number }; error?: unknown }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

function p95(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

interface Run {
  exportMs: number;
  bytes: number;
  pings: number[];
}

async function exportWithPings(dbPath: string, rendererDir: string, outDir: string, coreInThisThread: boolean): Promise<Run> {
  const host = await startBrowserHost({ dbPath, rendererDir, outDir, passphrase: async () => PASSPHRASE, coreInThisThread });
  try {
    // Opening the database and warming the core are not what is measured.
    const status = await post(host.url, host.token, { method: 'app.status', input: {} });
    if (!status.ok) throw new Error(`app.status: ${JSON.stringify(status.error)}`);
    const t0 = nowMs();
    const { value: r, pings } = await pingWhile(host.url, post(host.url, host.token, { method: 'sync.export', input: { full: true } }));
    const exportMs = nowMs() - t0;
    if (!r.ok) throw new Error(`sync.export: ${JSON.stringify(r.error)}`);
    return { exportMs, bytes: r.value?.size ?? 0, pings };
  } finally {
    await host.close();
  }
}

async function main(): Promise<void> {
  const root = benchTempDir('wardplan-bench-offthread-');
  const years = Array.from({ length: yearCount }, (_, i) => 2026 - yearCount + 1 + i);
  const dbPath = path.join(root, 'ward.db');
  const t = nowMs();
  const g = generateWard(dbPath, { years });
  const genMs = nowMs() - t;
  // A full export is signed by an enrolled ward: enroll it with a city first.
  const city = openDatabase(path.join(root, 'city.db'));
  const cityS = initCity(city, { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' });
  const wardStore = new PassphraseFileKeyStore(`${dbPath}.key`, async () => PASSPHRASE);
  const req = await writeEnrollmentRequest(g.s, wardStore, path.join(root, 'req.json'));
  const res = await cityEnroll(cityS, new PassphraseFileKeyStore(`${city.path}.key`, async () => PASSPHRASE), req.path, path.join(root, 'res.json'));
  importEnrollmentResponse(g.s, res.responsePath);
  g.db.close();
  city.close();

  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>WardPlan</title></head><body></body></html>');

  const before = await exportWithPings(dbPath, rendererDir, path.join(root, 'out-before'), true);
  const after = await exportWithPings(dbPath, rendererDir, path.join(root, 'out-after'), false);

  heading(`The browser host during a full export of the ${yearCount}-year ward (generated in ${fmtMs(genMs)})`);
  console.log(machineLine());
  console.log(`ping: GET / every ${PING_EVERY_MS} ms while sync.export { full: true } runs; goal: every ping ≤ ${GOAL_MS} ms\n`);
  const row = (name: string, r: Run) => [
    name,
    fmtMs(r.exportMs),
    `${(r.bytes / 1048576).toFixed(1)} MiB`,
    String(r.pings.length),
    fmtMs(Math.max(...r.pings)),
    fmtMs(p95(r.pings)),
    Math.max(...r.pings) <= GOAL_MS ? 'yes' : 'no',
  ];
  console.log(
    table(
      ['core', 'export', 'bundle', 'pings', 'max ping', 'p95 ping', `all ≤ ${GOAL_MS} ms`],
      [row('in the host thread (before)', before), row('worker thread (after)', after)],
      { leftCols: [0] },
    ),
  );
}

try {
  await main();
} finally {
  cleanupTempDirs();
}
