#!/usr/bin/env node
/**
 * Bundles the Electron main process, the core it runs in a utility process, and the preload into dist/electron and copies the migrations
 * into dist/migrations. Needs no Electron binary, so it runs (and is checked) on every machine.
 *
 *   node build/build-electron.mjs [--watch] [--out DIR]
 *
 * --out DIR writes DIR/electron and DIR/migrations instead of dist/…: the unit test that runs
 * the bundled main against a stand-in Electron builds into a temp folder with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const outArg = argv.indexOf('--out');
const distDir = outArg >= 0 && argv[outArg + 1] ? path.resolve(argv[outArg + 1]) : path.join(root, 'dist');
const outDir = path.join(distDir, 'electron');
const watch = argv.includes('--watch');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const electronMajor = Number.parseInt(JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version, 10);

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 39 ships Node 22; targeting it keeps modern syntax untranspiled.
  target: 'node22',
  sourcemap: 'linked',
  // Names stay readable in the logs' stack traces; the size saved would be a few hundred KB.
  minify: false,
  legalComments: 'none',
  logLevel: outArg >= 0 ? 'warning' : 'info',
  // electron is provided by the runtime; better-sqlite3 is native and must be loaded from
  // node_modules (rebuilt for Electron's ABI, unpacked from the asar) rather than inlined.
  external: ['electron', 'better-sqlite3'],
  define: {
    // db/database.ts finds its migrations through import.meta.url, which a CJS bundle does not
    // have. main.ts always passes migrationsFolder, so this only keeps the unused default from
    // throwing if it is ever reached; it then points beside the bundle.
    'import.meta.url': '__wardplanImportMetaUrl',
    'process.env.NODE_ENV': '"production"',
  },
  // "use strict" first: a banner placed before esbuild's own directive would turn strict mode off.
  banner: { js: `"use strict";\nconst __wardplanImportMetaUrl = require('node:url').pathToFileURL(__filename).href;` },
  loader: { '.json': 'json' },
};

const builds = [
  // core.cjs: the core, which main runs in a utility process (electron/core-process.ts).
  { ...common, entryPoints: { main: 'electron/main.ts', core: 'db/api/core-entry.ts' }, outdir: outDir, outExtension: { '.js': '.cjs' } },
  {
    ...common,
    // A sandboxed preload may require only 'electron' (and a few Node built-ins): everything else is inlined.
    external: ['electron'],
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: {},
    entryPoints: { preload: 'electron/preload.ts' },
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    platform: 'browser',
    target: `chrome${electronMajor >= 39 ? 142 : 120}`,
  },
];

function copyMigrations() {
  const from = path.join(root, 'db', 'migrations');
  const to = path.join(distDir, 'migrations');
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
  const count = fs.readdirSync(to).filter((f) => f.endsWith('.sql')).length;
  console.log(`migrations: ${count} copied to ${path.relative(root, to)}`);
}

/** A sandboxed preload that requires anything but electron fails only at run time, in the page; catch it here. */
function checkPreload() {
  const code = fs.readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
  const required = [...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  const bad = required.filter((r) => r !== 'electron');
  if (bad.length) throw new Error(`preload.cjs requires ${bad.join(', ')}; a sandboxed preload may only require 'electron'`);
}

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
copyMigrations();

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('watching electron/ … (Ctrl+C to stop)');
} else {
  for (const b of builds) await esbuild.build(b);
  checkPreload();
  console.log(`electron: main.cjs, core.cjs and preload.cjs for ${pkg.name} ${pkg.version} in ${path.relative(root, outDir)}`);
}
