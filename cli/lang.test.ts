/**
 * `--lang en` gives English for every command's help, for normal output and for errors;
 * Vietnamese stays the default. Runs the command line in this process (the same `main` the
 * `wardplan` launcher calls) on a ward whose own data is written without accents, so any
 * Vietnamese letter in the output can only come from the command line itself.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/temp';
import { COMMANDS, main } from './main';
import { cliVi } from './texts';

/** Letters only Vietnamese uses (any accented vowel, đ). */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  process.stdout.write = ((s: string | Uint8Array) => ((out += String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => ((err += String(s)), true)) as typeof process.stderr.write;
  try {
    const code = await main(['node', 'wardplan', ...args]);
    return { code, out, err };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

const saved = { lang: process.env.WARDPLAN_LANG, passphrase: process.env.WARDPLAN_PASSPHRASE };
beforeAll(() => {
  delete process.env.WARDPLAN_LANG;
  process.env.WARDPLAN_PASSPHRASE = 'a passphrase long enough for the key';
});
afterAll(() => {
  for (const [k, v] of [
    ['WARDPLAN_LANG', saved.lang],
    ['WARDPLAN_PASSPHRASE', saved.passphrase],
  ] as const)
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

describe('every command speaks the language asked for', () => {
  it('prints every command’s help in English with --lang en, and in Vietnamese by default', async () => {
    const names = ['', ...new Set(COMMANDS.flatMap((c) => c.name.split(' ').map((_, i, w) => w.slice(0, i + 1).join(' '))))];
    expect(names.length).toBeGreaterThan(60);
    for (const name of names) {
      const words = name ? name.split(' ') : [];
      const en = await run(...words, '--help', '--lang', 'en');
      expect(en.code, name).toBe(0);
      expect(en.out, name).toContain('Usage: wardplan');
      expect(en.out.match(VIETNAMESE)?.[0], `${name}: ${en.out}`).toBeUndefined();
    }
    for (const spec of COMMANDS) {
      const vi = await run(...spec.name.split(' '), '--help');
      expect(vi.out, spec.name).toContain(cliVi[spec.help!]);
    }
  });

  it('prints results and refusals in English with --lang en, and in Vietnamese by default', async () => {
    const dir = tempDir('wardplan-lang-');
    const db = path.join(dir, 'ward.db');
    const en = (...args: string[]) => run(...args, '--db', db, '--lang', 'en');
    const outputs = [
      await en('init', '--ward', 'HP-TEST', '--name', 'Test Ward', '--city', 'HP', '--city-name', 'Hai Phong', '--officer', 'Officer'),
      await en('unit', 'add', '--code', 'VP', '--name', 'Office'),
      await en('unit', 'list'),
      await en('plan', 'add', '--year', '2026', '--title', 'Plan 2026'),
      await en('task', 'add', '--area', 'CQ', '--content', 'Digital signatures', '--lead', 'VP', '--deadline', '2026-03-31'),
      await en('tasks', 'list', '--as-of', '2026-10-15'),
      await en('summary', '--as-of', '2026-10-15'),
      await en('indicators', 'list', '--period', '2026-Q3'),
      await en('report', 'show', '--period', '2026-Q3'),
      // The default recipients are lines of the Vietnamese document itself, so the test gives its own.
      await en('report', 'settings', '--drafting-unit', 'VP', '--report-recipient', 'City office', '--plan-recipient', 'City office'),
      await en('keys', 'show'),
      await en('bundle', 'status'),
      await en('plan', 'template', '--out', path.join(dir, 'template.xlsx')),
    ];
    for (const r of outputs) {
      expect(r.code, r.err).toBe(0);
      expect(r.out.match(VIETNAMESE)?.[0], r.out).toBeUndefined();
    }
    expect(outputs[6]!.out).toContain('Tasks: 1');
    expect(outputs[6]!.out).toContain('Overdue:');

    const refusals = [
      await en('summary', '--as-of', '2026-02-30'),
      await en('unit', 'add', '--code', 'VP', '--name', 'Office again'),
      await en('report', 'approve', '--period', '2026-M03', '--by', 'Chair'),
      await en('task', 'add', '--area', 'CQ'),
      await run('summary', '--db', path.join(dir, 'missing.db'), '--lang', 'en'),
    ];
    for (const r of refusals) {
      expect(r.code).toBeGreaterThan(0);
      expect(r.err).toMatch(/(^|\n)(Error: |The command is not right: )/);
      expect(r.err.match(VIETNAMESE)?.[0], r.err).toBeUndefined();
    }

    const vi = await run('summary', '--db', db, '--as-of', '2026-10-15');
    expect(vi.out).toContain('Nhiệm vụ: 1');
    expect(vi.out).toContain('Quá hạn:');
    const refused = await run('summary', '--db', db, '--as-of', '2026-02-30');
    expect(refused.err).toMatch(/^Lỗi: /);
    process.env.WARDPLAN_LANG = 'en';
    try {
      expect((await run('summary', '--db', db, '--as-of', '2026-10-15')).out).toContain('Tasks: 1');
    } finally {
      delete process.env.WARDPLAN_LANG;
    }
  });
});
