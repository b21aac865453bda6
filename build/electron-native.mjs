#!/usr/bin/env node
/**
 * Puts a copy of better-sqlite3 compiled for Electron's ABI in dist/node_modules, where the
 * bundled dist/electron/main.cjs finds it before the root node_modules.
 *
 * Why a copy: one .node file cannot serve both runtimes. The root copy stays built for Node, so
 * the command line, Vitest and the browser host keep working after the desktop app has been
 * started; `electron-builder install-app-deps` would instead flip the root copy back and forth.
 * The installer does not use this copy: electron-builder rebuilds its own (electron-builder.yml).
 *
 * Needs what any native rebuild needs: the internet (Electron headers, or a prebuilt binary) and,
 * when no prebuilt binary fits, a C++ toolchain. Never needed on the machines without Electron.
 *
 *   node build/electron-native.mjs [--force]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODULES = ['better-sqlite3', 'bindings', 'file-uri-to-path'];

function versionOf(name) {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** The compiled file main.cjs will load, once prepared. */
export function electronNativeBinary() {
  return path.join(root, 'dist', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

/** Returns 'cached' or 'built'; throws with the rebuild's own error when it cannot be done. */
export async function prepareElectronNative({ force = false, log = console.log } = {}) {
  const buildPath = path.join(root, 'dist');
  const modulesDir = path.join(buildPath, 'node_modules');
  const stampFile = path.join(modulesDir, '.wardplan-electron-native.json');
  const want = { electron: versionOf('electron'), betterSqlite3: versionOf('better-sqlite3'), platform: process.platform, arch: process.arch };
  if (!force && fs.existsSync(electronNativeBinary()) && fs.existsSync(stampFile)) {
    const have = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    if (JSON.stringify(have) === JSON.stringify(want)) return 'cached';
  }

  log(`better-sqlite3 ${want.betterSqlite3}: building for Electron ${want.electron} in ${path.relative(root, modulesDir)} …`);
  fs.mkdirSync(modulesDir, { recursive: true });
  for (const name of MODULES) {
    const to = path.join(modulesDir, name);
    fs.rmSync(to, { recursive: true, force: true });
    // The Node build output stays behind: the rebuild must not mistake it for an Electron one.
    fs.cpSync(path.join(root, 'node_modules', name), to, {
      recursive: true,
      filter: (src) => path.basename(src) !== 'build' || !src.includes(`${path.sep}better-sqlite3${path.sep}`),
    });
  }
  // @electron/rebuild walks the dependencies of the package.json in buildPath.
  fs.writeFileSync(
    path.join(buildPath, 'package.json'),
    `${JSON.stringify({ name: 'wardplan-electron-native', private: true, dependencies: { 'better-sqlite3': want.betterSqlite3 } }, null, 2)}\n`,
  );

  const { rebuild } = await import(pathToFileURL(path.join(root, 'node_modules', '@electron', 'rebuild', 'lib', 'main.js')).href);
  await rebuild({ buildPath, electronVersion: want.electron, onlyModules: ['better-sqlite3'], force: true });
  if (!fs.existsSync(electronNativeBinary())) throw new Error(`the rebuild finished but ${electronNativeBinary()} is missing`);
  fs.writeFileSync(stampFile, JSON.stringify(want));
  return 'built';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const r = await prepareElectronNative({ force: process.argv.includes('--force') });
    console.log(`better-sqlite3 for Electron: ${r} (${path.relative(root, electronNativeBinary())})`);
  } catch (e) {
    console.error(`Could not build better-sqlite3 for Electron: ${e instanceof Error ? e.message : e}`);
    process.exitCode = 1;
  }
}
