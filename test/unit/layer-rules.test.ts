import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The layer rules must actually refuse: each case builds a tiny tree with the project's folder names,
 * cruises it with the project's own rules and expects the named rule to fire (and none on the clean tree).
 */
const repo = path.resolve(__dirname, '../..');
const depcruise = path.join(repo, 'node_modules', '.bin', 'depcruise');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function cruise(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-layers-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } }));
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), body);
  }
  const roots = [...new Set(Object.keys(files).map((f) => f.split('/')[0]!))];
  try {
    execFileSync(depcruise, [...roots, '--config', path.join(repo, '.dependency-cruiser.cjs'), '--output-type', 'err'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? '') + String((e as { stderr?: string }).stderr ?? '');
  }
}

describe('layer rules', () => {
  it('accept imports from the specific to the general', () => {
    expect(
      cruise({
        'shared/a.ts': 'export const a = 1;\n',
        'db/b.ts': "import { a } from '../shared/a';\nexport const b = a;\n",
        'server/c.ts': "import { b } from '../db/b';\nexport const c = b;\n",
        'renderer/d.ts': "import { a } from '../shared/a';\nexport const d = a;\n",
      }),
    ).toBe('');
  });

  it.each([
    ['renderer-only-shared', { 'db/b.ts': 'export const b = 1;\n', 'renderer/d.ts': "import { b } from '../db/b';\nexport const d = b;\n" }],
    ['renderer-no-node', { 'renderer/d.ts': "import fs from 'node:fs';\nexport const d = fs;\n" }],
    ['shared-is-pure', { 'shared/a.ts': "import path from 'node:path';\nexport const a = path;\n" }],
    ['db-is-the-core', { 'cli/x.ts': 'export const x = 1;\n', 'db/b.ts': "import { x } from '../cli/x';\nexport const b = x;\n" }],
    ['server-is-a-host', { 'cli/x.ts': 'export const x = 1;\n', 'server/c.ts': "import { x } from '../cli/x';\nexport const c = x;\n" }],
    ['electron-is-a-host', { 'server/c.ts': 'export const c = 1;\n', 'electron/m.ts': "import { c } from '../server/c';\nexport const m = c;\n" }],
    [
      'test-support-only-in-tests',
      { 'test/support/t.ts': 'export const t = 1;\n', 'db/b.ts': "import { t } from '../test/support/t';\nexport const b = t;\n" },
    ],
    ['no-circular', { 'db/a.ts': "import { b } from './b';\nexport const a = () => b;\n", 'db/b.ts': "import { a } from './a';\nexport const b = () => a;\n" }],
  ])('refuse %s', (rule, files) => {
    expect(cruise(files)).toContain(rule);
  });
});
