/**
 * The built command line (build/build-cli.mjs) as bin/wardplan.mjs runs it: without tsx, from
 * V8's code cache after the first call, and without the document and server libraries for the
 * commands that do not use them. The core's worker entry for the servers is built beside it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let root: string;
let out: string;
let db: string;

/** A copy of the launcher over a bundle built into a temp folder laid out as a checkout without sources. */
function wardplan(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [path.join(root, 'bin', 'wardplan.mjs'), ...args], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    encoding: 'utf8',
  });
}

/** The packages a command loaded, from node_modules: what it cost to start. */
function packagesLoadedBy(args: string[]): string[] {
  const probe = path.join(root, 'probe.cjs');
  fs.writeFileSync(
    probe,
    `process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(Object.keys(require.cache).filter((k) => k.includes('node_modules')).map((k) => { const p = k.split('node_modules/').pop().split('/'); return p[0].startsWith('@') ? p[0] + '/' + p[1] : p[0]; }))));`,
  );
  const r = spawnSync(process.execPath, ['--require', probe, path.join(root, 'bin', 'wardplan.mjs'), ...args], { encoding: 'utf8' });
  const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '));
  if (!line) throw new Error(`no probe output: ${r.stderr}`);
  return JSON.parse(line.slice('LOADED '.length)) as string[];
}

beforeAll(() => {
  root = tempDir('wardplan-cli-bundle-');
  out = path.join(root, 'dist', 'cli');
  execFileSync(process.execPath, [path.join(repo, 'build', 'build-cli.mjs'), '--out', out], { stdio: 'pipe' });
  fs.mkdirSync(path.join(root, 'bin'));
  fs.copyFileSync(path.join(repo, 'bin', 'wardplan.mjs'), path.join(root, 'bin', 'wardplan.mjs'));
  // The packages left outside the bundle are found as an installed app finds them: in node_modules above it.
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'junction');
  db = path.join(root, 'demo.db');
  expect(wardplan(['demo', '--db', db]).status).toBe(0);
}, 120_000);

describe('the built command line', () => {
  it('answers --help and reads a database, then starts from the code cache it left beside the bundle', () => {
    expect(wardplan(['--help']).stdout).toContain('summary');
    const caches = fs.readdirSync(out).filter((f) => f.endsWith('.cache'));
    expect(caches).toHaveLength(1);
    const summary = wardplan(['summary', '--db', db, '--json']);
    expect(JSON.parse(summary.stdout)).toMatchObject({ ward: { code: expect.any(String) } });
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.cache'))).toEqual(caches);
  });

  it('refuses bad input through the API schema, in English when asked', () => {
    // zod's checks work in the bundle, which leaves out zod's message locales.
    const refused = wardplan(['task', 'delete', '--db', db, '--lang', 'en', 'not-a-uuid']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('"id"');
  });

  it('loads no document, spreadsheet or server library for a command that does not use one', () => {
    for (const args of [['--help'], ['summary', '--db', db]]) {
      const loaded = packagesLoadedBy(args);
      expect(loaded, args.join(' ')).toContain('better-sqlite3');
      for (const heavy of ['docx', 'exceljs', 'fastify', '@fastify/helmet', '@tus/server', 'tsx', 'fast-xml-parser'])
        expect(loaded, `${args.join(' ')}: ${heavy}`).not.toContain(heavy);
    }
  });

  it('builds the core entry the browser host and the hub run in a worker thread, with its migrations', () => {
    expect(fs.existsSync(path.join(out, 'core-worker.cjs'))).toBe(true);
    expect(fs.readdirSync(path.join(out, 'migrations')).some((f) => f.endsWith('.sql'))).toBe(true);
  });
});
