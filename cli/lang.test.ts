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
/** Commander's own English: its headings, placeholders, option notes and error wording. */
const COMMANDER_ENGLISH =
  /Usage:|Options:|Commands:|Arguments:|\[options\]|\[command\]|\(choices:|\(default:|display help|error:|unknown (option|command)|missing required|not specified|argument missing|Did you mean/;

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
      expect(vi.out, spec.name).toContain(`Cách dùng: wardplan ${spec.name}`);
      expect(vi.out.match(COMMANDER_ENGLISH)?.[0], `${spec.name}: ${vi.out}`).toBeUndefined();
    }
  });

  it('gives Commander’s headings and usage errors in Vietnamese by default, in English when asked', async () => {
    const vi = await run('--help');
    expect(vi.code).toBe(0);
    expect(vi.out).toMatch(/^Cách dùng: wardplan \[tuỳ chọn\] \[lệnh\]\n/);
    expect(vi.out).toMatch(/^Tuỳ chọn:$/m);
    expect(vi.out).toMatch(/^Lệnh:$/m);
    expect(vi.out).toMatch(/^ {2}db +cơ sở dữ liệu$/m);
    expect(vi.out.match(COMMANDER_ENGLISH)?.[0], vi.out).toBeUndefined();
    const options = await run('report', 'show', '--help');
    expect(options.out).toContain('(chọn một trong: "vi", "en")');
    expect(options.out.match(COMMANDER_ENGLISH)?.[0], options.out).toBeUndefined();

    const en = await run('report', 'show', '--help', '--lang', 'en');
    expect(en.out).toMatch(/^Usage: wardplan report show \[options\]\n/);
    expect(en.out).toMatch(/^Options:$/m);
    expect(en.out).toContain('(choices: "vi", "en")');

    // Each kind of usage error Commander finds, told by the command line alone, on one line.
    const mistakes: Array<[string[], string, string]> = [
      [['unit', 'list', '--db', 'x.db', '--bogus'], 'không có tuỳ chọn --bogus', 'unknown option --bogus'],
      [['unit', 'list', '--db', 'x.db', '--jsn'], 'không có tuỳ chọn --jsn (có phải ý bạn là --json?)', 'unknown option --jsn (did you mean --json?)'],
      [['unitt'], 'không có lệnh unitt (có phải ý bạn là unit?)', 'unknown command unitt (did you mean unit?)'],
      [['unit', 'update', '--db', 'x.db', '--name', 'Văn phòng'], 'thiếu tham số code', 'missing required argument code'],
      [['unit', 'add', '--db', 'x.db', '--name', 'Văn phòng'], 'thiếu tuỳ chọn bắt buộc --code <code>', 'required option --code <code> not given'],
      [['unit', 'add', '--db', 'x.db', '--code'], 'tuỳ chọn --code <code> cần có giá trị', 'option --code <code> needs a value'],
      [['unit', 'list', '--db', 'x.db', '--lang', 'fr'], 'tuỳ chọn --lang <lang> không nhận giá trị "fr"; chọn một trong: vi, en', ''],
      [['unit', 'list', '--db', 'x.db', 'extra'], 'thừa tham số: lệnh nhận 0, đã nhập 1', 'too many arguments: the command takes 0, got 1'],
    ];
    for (const [args, viDetail, enDetail] of mistakes) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toBe(`Lệnh chưa đúng: ${viDetail}. Xem "wardplan --help".\n`);
      if (!enDetail) continue;
      // From the environment: an option added last would be taken as the value a mistake left out.
      process.env.WARDPLAN_LANG = 'en';
      const e = await run(...args).finally(() => delete process.env.WARDPLAN_LANG);
      expect(e.err, args.join(' ')).toBe(`The command is not right: ${enDetail}. See "wardplan --help".\n`);
    }
    // A group's name alone shows the group's help, then says what is missing.
    const group = await run('unit');
    expect(group.code).toBe(2);
    expect(group.err).toContain('Lệnh:\n  add [tuỳ chọn]');
    expect(group.err).toMatch(/Lệnh chưa đúng: thiếu tên lệnh; các lệnh có thể dùng ở trên\. Xem "wardplan --help"\.\n$/);
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
