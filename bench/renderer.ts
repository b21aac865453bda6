/**
 * The renderer as an officer meets it: how much the built app weighs, how long from navigation
 * to an overview that answers clicks (demo plan, and a ward with ten years of plans), and how
 * much memory the browser host takes.
 *
 *   npx vite build && node --import tsx bench/renderer.ts [--runs 5] [--skip-big]
 *
 * "Interactive" = the overview's status counts are on screen (the summary arrived and React
 * committed it) and the main thread has come back to a timer: the first moment a click is
 * handled. Each run is a fresh browser context (cold cache, as when the app is first opened).
 * A second series runs with the CPU slowed 4× to stand in for the wards' old PCs.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { openDatabase } from '../db/database';
import { createDemoWard } from '../db/services/demo';
import { spawnHost, type HostProcess } from '../test/support/spawn-host';
import { generateWard } from './generate-ward';
import { benchTempDir, cleanupTempDirs, fmtBytes, fmtMs, heading, machineLine, median, subheading, table } from './stats';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'skip-big': { type: 'boolean', default: false } } });
const RUNS = Number(args.runs);
const repo = path.resolve(import.meta.dirname, '..');
const dist = path.join(repo, 'dist', 'renderer');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

// ---- built size ----------------------------------------------------------------------------

interface Asset {
  name: string;
  raw: number;
  gzip: number;
  initial: boolean;
}

/** Files the first page load fetches: the entry script, its preloaded chunks and the CSS. */
function initialAssets(): Set<string> {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  return new Set([...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!));
}

function builtAssets(): Asset[] {
  const initial = initialAssets();
  return fs
    .readdirSync(path.join(dist, 'assets'))
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => {
      const data = fs.readFileSync(path.join(dist, 'assets', f));
      return { name: f, raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length, initial: initial.has(`assets/${f}`) };
    })
    .sort((a, b) => b.raw - a.raw);
}

function printSizes(assets: Asset[]): void {
  heading('Renderer build (dist/renderer)');
  const sum = (xs: Asset[], k: 'raw' | 'gzip') => xs.reduce((n, a) => n + a[k], 0);
  const js = assets.filter((a) => a.name.endsWith('.js'));
  const css = assets.filter((a) => a.name.endsWith('.css'));
  const first = assets.filter((a) => a.initial);
  console.log(
    table(
      ['', 'files', 'raw', 'gzip'],
      [
        ['JavaScript, all chunks', js.length, fmtBytes(sum(js, 'raw')), fmtBytes(sum(js, 'gzip'))],
        ['CSS (antd styles are CSS-in-JS, inside the JS)', css.length, fmtBytes(sum(css, 'raw')), fmtBytes(sum(css, 'gzip'))],
        ['loaded by index.html before the first screen', first.length, fmtBytes(sum(first, 'raw')), fmtBytes(sum(first, 'gzip'))],
      ],
    ),
  );
  subheading('Largest chunks');
  console.log(
    table(
      ['file', 'raw', 'gzip', 'first load'],
      assets.slice(0, 8).map((a) => [a.name, fmtBytes(a.raw), fmtBytes(a.gzip), a.initial ? 'yes' : '']),
    ),
  );
}

// ---- time to an interactive overview -------------------------------------------------------

/** Runs in the page before any script: notes when the overview's counts appear, then when a timer runs. */
const PROBE = `
  window.__wp = {};
  new MutationObserver((_, obs) => {
    if (window.__wp.shown || !document.querySelector('[data-testid="count-done"]')) return;
    window.__wp.shown = performance.now();
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__wp.interactive = performance.now(); }, 0));
  }).observe(document, { childList: true, subtree: true });
`;

async function timeOverview(browser: Browser, url: string, cpuSlowdown: number): Promise<{ shown: number; interactive: number }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    if (cpuSlowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    }
    await page.addInitScript(PROBE);
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __wp: { interactive?: number } }).__wp.interactive !== undefined, undefined, { timeout: 120_000 });
    return await page.evaluate(() => (window as unknown as { __wp: { shown: number; interactive: number } }).__wp);
  } finally {
    await context.close();
  }
}

/** Resident and peak memory of the host process, from /proc (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return null;
  }
}

interface WardResult {
  label: string;
  normal: number[];
  slow: number[];
  shown: number[];
  idle: { rss: number; peak: number } | null;
  after: { rss: number; peak: number } | null;
}

async function measureWard(browser: Browser, label: string, dbPath: string): Promise<WardResult> {
  let host: HostProcess | null = null;
  try {
    host = await spawnHost({ dbPath, env: { WARDPLAN_PASSPHRASE: 'bench-passphrase' } });
    const idle = memoryOf(host.pid);
    // One untimed load, so the host's first database open and SQLite's page cache are not billed to run 1.
    await timeOverview(browser, host.url, 1);
    const normal: number[] = [];
    const shown: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await timeOverview(browser, host.url, 1);
      normal.push(r.interactive);
      shown.push(r.shown);
    }
    const slow: number[] = [];
    for (let i = 0; i < RUNS; i++) slow.push((await timeOverview(browser, host.url, 4)).interactive);
    return { label, normal, slow, shown, idle, after: memoryOf(host.pid) };
  } finally {
    await host?.stop();
  }
}

// ---- main ----------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('dist/renderer is missing: run `npx vite build` first.');
  console.log(machineLine());
  printSizes(builtAssets());

  const dir = benchTempDir('wardplan-bench-renderer-');
  const demoPath = path.join(dir, 'demo.db');
  const demo = openDatabase(demoPath);
  createDemoWard(demo);
  demo.close();

  const wards: Array<[string, string]> = [['demo plan (22 tasks, 19 indicators)', demoPath]];
  if (!args['skip-big']) {
    const bigPath = path.join(dir, 'ten-years.db');
    const t = performance.now();
    const g = generateWard(bigPath);
    g.db.close();
    console.log(
      `\nGenerated the 10-year ward in ${fmtMs(performance.now() - t)}: ${g.counts.plans} plans, ${g.counts.tasks} tasks, ` +
        `${g.counts.progress} progress entries, ${g.counts.indicators} indicators, ${g.counts.values} values; ${fmtBytes(fs.statSync(bigPath).size)}.`,
    );
    wards.push(['10-year ward (300 tasks and 50 indicators a year)', bigPath]);
  }

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results: WardResult[] = [];
  try {
    for (const [label, file] of wards) results.push(await measureWard(browser, label, file));
  } finally {
    await browser.close();
  }

  heading(`Navigation → interactive overview, Chromium ${browser.version()}, 1366×768, median of ${RUNS} (cold cache)`);
  console.log(
    table(
      ['ward', 'counts shown', 'interactive', 'min–max', 'interactive, CPU 4× slower'],
      results.map((r) => [
        r.label,
        fmtMs(median(r.shown)),
        fmtMs(median(r.normal)),
        `${fmtMs(Math.min(...r.normal))}–${fmtMs(Math.max(...r.normal))}`,
        fmtMs(median(r.slow)),
      ]),
    ),
  );
  heading('Browser host process memory (node + tsx, one database open)');
  console.log(
    table(
      ['ward', 'RSS at start', 'RSS after the runs', 'peak RSS'],
      results.map((r) => [r.label, r.idle ? fmtBytes(r.idle.rss) : 'n/a', r.after ? fmtBytes(r.after.rss) : 'n/a', r.after ? fmtBytes(r.after.peak) : 'n/a']),
    ),
  );
}

try {
  await main();
} finally {
  cleanupTempDirs();
}
