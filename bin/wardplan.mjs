#!/usr/bin/env node
// Runs the built command line (dist/cli, made by `npm run build:cli`, also on `npm ci`) when it is
// newer than every source file, and the TypeScript sources through tsx otherwise, so an edited
// checkout never runs stale code. Checking about three hundred file times costs a few milliseconds.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist', 'cli', 'wardplan.mjs');
const SOURCES = ['cli', 'db', 'shared', 'server'];

function newestSource(dir, newest) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = newestSource(p, newest);
    else if (/\.(ts|tsx|sql|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function builtIsFresh() {
  if (process.env.WARDPLAN_FROM_SOURCE === '1') return false;
  let builtAt;
  try {
    builtAt = fs.statSync(built).mtimeMs;
  } catch {
    return false;
  }
  let newest = 0;
  for (const d of SOURCES) if (fs.existsSync(path.join(root, d))) newest = newestSource(path.join(root, d), newest);
  return newest <= builtAt;
}

let main;
if (builtIsFresh()) {
  ({ main } = await import(pathToFileURL(built).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv);
