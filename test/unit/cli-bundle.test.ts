/**
 * The built command line (build/build-cli.mjs): it runs without tsx, every command starts without
 * the document and server libraries (only the commands that use them load them), and the core's
 * worker entry for the browser host is built beside it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let out: string;

/** The packages and chunks loaded before any command runs: the static imports reachable from the entry. */
function startupClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const walk = (f: string) => {
    if (files.has(f)) return;
    files.add(f);
    const src = fs.readFileSync(path.join(out, f), 'utf8');
    for (const m of src.matchAll(/^(?:import|export)\s[^;]*?from\s+"([^"]+)"|^import\s+"([^"]+)"/gms)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith('./')) walk(spec.slice(2));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  walk(entry);
  return { files, packages };
}

beforeAll(() => {
  const dir = tempDir('wardplan-cli-bundle-');
  out = path.join(dir, 'cli');
  // The packages left outside the bundle are found as an installed app finds them: in node_modules above it.
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  execFileSync(process.execPath, [path.join(repo, 'build', 'build-cli.mjs'), '--out', out], { stdio: 'pipe' });
}, 120_000);

describe('the built command line', () => {
  it('loads no document, spreadsheet or server library before a command asks for one', () => {
    const { packages } = startupClosure('wardplan.mjs');
    for (const heavy of ['docx', 'exceljs', 'fastify', '@fastify/helmet', '@tus/server', 'tsx', 'fast-xml-parser'])
      expect(packages.has(heavy), heavy).toBe(false);
    expect(packages.has('better-sqlite3')).toBe(true);
  });

  it('answers --help and reads a database without tsx', () => {
    const env = { ...process.env, NODE_OPTIONS: '' };
    const help = execFileSync(
      process.execPath,
      [
        '-e',
        `import(${JSON.stringify(path.join(out, 'wardplan.mjs'))}).then(async (m) => { process.exitCode = await m.main(['node', 'wardplan', '--help']); })`,
      ],
      { env, encoding: 'utf8' },
    );
    expect(help).toContain('summary');
    const db = path.join(path.dirname(out), 'demo.db');
    const run = (args: string[]) =>
      execFileSync(
        process.execPath,
        [
          '-e',
          `import(${JSON.stringify(path.join(out, 'wardplan.mjs'))}).then(async (m) => { process.exitCode = await m.main(['node', 'wardplan', ...${JSON.stringify(args)}]); })`,
        ],
        { env, encoding: 'utf8' },
      );
    run(['demo', '--db', db]);
    expect(JSON.parse(run(['summary', '--db', db, '--json']))).toMatchObject({ ward: { code: expect.any(String) } });
    // A refusal by the API's schema: zod's checks work in the bundle, which leaves out its message locales.
    const refused = spawnSync(
      process.execPath,
      [
        '-e',
        `import(${JSON.stringify(path.join(out, 'wardplan.mjs'))}).then(async (m) => { process.exitCode = await m.main(['node', 'wardplan', 'task', 'delete', '--db', ${JSON.stringify(db)}, '--lang', 'en', 'not-a-uuid']); })`,
      ],
      { env, encoding: 'utf8' },
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('"id"');
  });

  it('builds the core entry the browser host runs in a worker thread, with its migrations', () => {
    expect(fs.existsSync(path.join(out, 'core-worker.mjs'))).toBe(true);
    expect(fs.readdirSync(path.join(out, 'migrations')).some((f) => f.endsWith('.sql'))).toBe(true);
  });
});
