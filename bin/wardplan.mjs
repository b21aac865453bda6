#!/usr/bin/env node
// Runs the built command line (dist/cli, made by `npm run build:cli`, also on `npm ci`) when it is
// newer than every source file, and the TypeScript sources through tsx otherwise, so an edited
// checkout never runs stale code. Checking about three hundred file times costs a few milliseconds.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist', 'cli', 'wardplan.cjs');
const SOURCES = ['cli', 'db', 'shared', 'server'];

function newestSource(dir, newest) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = newestSource(p, newest);
    else if (/\.(ts|tsx|sql|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** The build's file facts when it is fresh, else null. */
function freshBuild() {
  if (process.env.WARDPLAN_FROM_SOURCE === '1') return null;
  let stat;
  try {
    stat = fs.statSync(built);
  } catch {
    return null;
  }
  let newest = 0;
  for (const d of SOURCES) if (fs.existsSync(path.join(root, d))) newest = newestSource(path.join(root, d), newest);
  return newest <= stat.mtimeMs ? stat : null;
}

/**
 * Loads the bundle as a script with V8's code cache, kept beside it, so a call after the first
 * skips compiling it. The cache is named after the bundle's size and time: V8 checks little more
 * than the length of the source, so a rebuilt bundle must never meet an old cache. A cache that
 * cannot be written (a read-only install) only costs the time it would have saved.
 */
function loadBuilt(stat) {
  const source = fs.readFileSync(built, 'utf8');
  const cacheFile = `${built}.${stat.size}-${Math.trunc(stat.mtimeMs)}.cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: built, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(built), module, built, path.dirname(built));
  const saveCache = () => {
    if (cachedData && !script.cachedDataRejected) return;
    try {
      // After the command ran, so the functions it compiled are in the cache too; written whole or not at all.
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {
      // Read-only install: start without a cache.
    }
  };
  return { main: module.exports.main, saveCache };
}

const stat = freshBuild();
if (stat) {
  const { main, saveCache } = loadBuilt(stat);
  process.exitCode = await main(process.argv);
  saveCache();
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../cli/main.ts');
  process.exitCode = await main(process.argv);
}
