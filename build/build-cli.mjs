#!/usr/bin/env node
/**
 * Bundles the command line (and with it the browser host, the hub and the dashboard it starts)
 * into dist/cli, so `wardplan` starts without compiling TypeScript; code that only some commands
 * need is split into chunks loaded by those commands. Runs on `npm ci` through `prepare`.
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

const tmp = `${outDir}.tmp-${process.pid}`;
fs.rmSync(tmp, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  // The batch import's worker threads load their own entry, found beside the chunks (db/sync/import-batch.ts).
  entryPoints: { wardplan: 'cli/main.ts', 'import-worker': 'db/sync/import-worker.ts' },
  outdir: tmp,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Pure-JavaScript packages the start-up path needs (commander, zod, drizzle) are bundled: loading
  // one file instead of hundreds of ES modules is most of the start-up time saved. Native modules,
  // and servers and document libraries only some commands load, stay in node_modules.
  external: EXTERNAL,
  banner: { js: "import { createRequire as __wardplanCreateRequire } from 'node:module';\nconst require = __wardplanCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  loader: { '.json': 'json' },
});
// db/database.ts looks for its migrations beside the module that holds it: here, beside the chunks.
fs.cpSync(path.join(root, 'db', 'migrations'), path.join(tmp, 'migrations'), { recursive: true });
// Swapped in whole, so a launcher never sees half a build.
fs.rmSync(outDir, { recursive: true, force: true });
fs.renameSync(tmp, outDir);
console.log(`cli: ${path.relative(root, path.join(outDir, 'wardplan.mjs'))}`);
