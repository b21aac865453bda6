#!/usr/bin/env node
/**
 * Bundles the command line (and with it the browser host, the hub and the dashboard it starts)
 * into dist/cli, so `wardplan` starts without compiling TypeScript; code that only some commands
 * need runs, and loads its libraries, only when those commands do. Runs on `npm ci` through `prepare`.
 *
 *   node build/build-cli.mjs [--out DIR]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const outArg = argv.indexOf('--out');
const outDir = outArg >= 0 && argv[outArg + 1] ? path.resolve(argv[outArg + 1]) : path.join(root, 'dist', 'cli');

const EXTERNAL = [
  'better-sqlite3',
  '@node-rs/argon2',
  'electron',
  'docx',
  'exceljs',
  'fastify',
  '@fastify/*',
  '@tus/*',
  'tus-js-client',
  'pino',
  'age-encryption',
  'yauzl',
  'yazl',
  'fast-xml-parser',
  'tsx',
];

/**
 * zod's namespace object re-exports every one of its ~50 message locales, so bundling `z` brings
 * them all (about half of zod's code) into every start-up, though the product formats its own
 * messages and never selects one. They are left out; English, zod's default, stays, since zod
 * imports it on its own.
 */
const withoutZodLocales = {
  name: 'without-zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'without-zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'without-zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

const tmp = `${outDir}.tmp-${process.pid}`;
fs.rmSync(tmp, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  // The core's own entry, for the worker thread the browser host and the hub run it in (db/api/core-client.ts),
  // and the batch import's verifying workers (db/sync/import-batch.ts); both are found beside the bundle.
  entryPoints: { wardplan: 'cli/main.ts', 'core-worker': 'db/api/core-entry.ts', 'import-worker': 'db/sync/import-worker.ts' },
  outdir: tmp,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  // One CommonJS file rather than ES-module chunks: Node 20 resolves and links each ES module on its
  // own, which cost more than the code in them, and a script can be started from V8's code cache
  // (bin/wardplan.mjs keeps one beside the bundle). Modules only some commands import stay
  // uninitialised until those commands run, and so do the packages they require.
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Pure-JavaScript packages the start-up path needs (commander, zod, drizzle) are bundled. Native
  // modules, and servers and document libraries only some commands load, stay in node_modules.
  external: EXTERNAL,
  define: { 'import.meta.url': '__wardplanImportMetaUrl' },
  banner: { js: `"use strict";\nconst __wardplanImportMetaUrl = require('node:url').pathToFileURL(__filename).href;` },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  loader: { '.json': 'json' },
  plugins: [withoutZodLocales],
});
// db/database.ts looks for its migrations beside the module that holds it: here, beside the bundle.
fs.cpSync(path.join(root, 'db', 'migrations'), path.join(tmp, 'migrations'), { recursive: true });
// Swapped in whole, so a launcher never sees half a build.
fs.rmSync(outDir, { recursive: true, force: true });
fs.renameSync(tmp, outDir);
console.log(`cli: ${path.relative(root, path.join(outDir, 'wardplan.cjs'))}`);
