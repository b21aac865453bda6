import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on one of the core's entry files. Built, the entry is its own file beside
 * the bundle that asks for it (build/build-cli.mjs), with the bundle's extension. From the sources
 * (tests, development) it is the TypeScript file beside the caller, loaded once tsx's ES-module hooks
 * are registered in the new thread: the hooks of the thread that starts it do not carry over.
 *
 * @param here the caller's `import.meta.url`
 * @param builtName the entry's name in the build, without extension
 * @param sourceFile the entry's TypeScript file, relative to the caller
 */
export function startWorker(here: string, builtName: string, sourceFile: string, workerData?: unknown): Worker {
  const own = new URL(here).pathname;
  if (!own.endsWith('.ts')) return new Worker(new URL(`./${builtName}${path.extname(own)}`, here), { workerData });
  // tsx's ES-module entry, named the way its package exports it (require.resolve would give the CommonJS one).
  const tsxPackage = createRequire(here).resolve('tsx/package.json');
  const tsxApi = (JSON.parse(fs.readFileSync(tsxPackage, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!;
  const tsx = pathToFileURL(path.join(path.dirname(tsxPackage), tsxApi.import.default)).href;
  const entry = new URL(sourceFile, here).href;
  return new Worker(`import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`, { eval: true, workerData });
}
