/** The city's commands from the command line: accounts, the city report, exchange files. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { threeWardCity, type ThreeWardCity } from '../test/support/city-fixture';

const BIN = path.resolve(__dirname, '../bin/wardplan.mjs');

function run(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, WARDPLAN_LANG: 'vi', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let c: ThreeWardCity;
beforeAll(async () => {
  c = await threeWardCity();
}, 60_000);

describe('city commands', () => {
  it('adds the first administrator with a password from the environment, never from an argument', () => {
    const ok = run(
      { WARDPLAN_USER_PASSWORD: 'mật khẩu quản trị 1' },
      'city',
      'user',
      'add',
      '--db',
      c.dbPath,
      '--name',
      'quantri',
      '--role',
      'admin',
      '--json',
    );
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ name: 'quantri', role: 'admin', disabled: false });
    const noPassword = run({ WARDPLAN_USER_PASSWORD: '' }, 'city', 'user', 'add', '--db', c.dbPath, '--name', 'khac', '--role', 'viewer');
    expect(noPassword.code).toBe(1);
    expect(noPassword.err).toContain('WARDPLAN_USER_PASSWORD');
    expect(run({}, 'city', 'user', 'add', '--db', c.dbPath, '--name', 'x', '--role', 'admin', '--password', 'abc').code).toBe(2);
    const short = run({ WARDPLAN_USER_PASSWORD: 'ngắn' }, 'city', 'user', 'add', '--db', c.dbPath, '--name', 'khac', '--role', 'viewer');
    expect(short.err).toContain('ít nhất 10 ký tự');
    // The last administrator cannot be disabled: the city would lock itself out.
    const last = run({}, 'city', 'user', 'disable', '--db', c.dbPath, '--name', 'quantri');
    expect(last.code).toBe(1);
    expect(last.err).toContain('quản trị viên cuối cùng');
    expect(run({ WARDPLAN_USER_PASSWORD: 'mật khẩu mới 12345' }, 'city', 'user', 'passwd', '--db', c.dbPath, '--name', 'quantri').code).toBe(0);
  });

  it('writes the city report as DOCX, XLSX and CSV', () => {
    const dir = path.dirname(c.dbPath);
    for (const [format, extra] of [
      ['docx', []],
      ['xlsx', []],
      ['csv', ['--table', 'directives']],
    ] as const) {
      const out = path.join(dir, `bao-cao.${format}`);
      const r = run({}, 'city', 'report', '--db', c.dbPath, '--period', '2026-Q3', '--format', format, ...extra, '--out', out);
      expect(r.code, r.err).toBe(0);
      const bytes = fs.readFileSync(out);
      if (format === 'csv') expect(bytes.toString('utf8')).toContain('57-NQ/TW');
      else expect(bytes.subarray(0, 2).toString()).toBe('PK');
    }
    const month = run({}, 'city', 'report', '--db', c.dbPath, '--period', '2026-07', '--out', path.join(dir, 'x.docx'));
    expect(month.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'x.docx'))).toBe(false);
  });

  it('exports DHIS2, ADX and CSV files', () => {
    const dir = path.dirname(c.dbPath);
    const dhis2 = path.join(dir, 'v.json');
    expect(run({}, 'city', 'export', '--db', c.dbPath, '--period', '2026-Q3', '--format', 'dhis2', '--out', dhis2).code).toBe(0);
    expect((JSON.parse(fs.readFileSync(dhis2, 'utf8')) as { dataValues: unknown[] }).dataValues).toHaveLength(4);
    const adx = path.join(dir, 'v.xml');
    expect(run({}, 'city', 'export', '--db', c.dbPath, '--period', '2026-Q3', '--format', 'adx', '--out', adx).code).toBe(0);
    expect(XMLValidator.validate(fs.readFileSync(adx, 'utf8'))).toBe(true);
    const badMap = path.join(dir, 'map.json');
    fs.writeFileSync(badMap, '{"orgUnits": []}');
    const refused = run(
      {},
      'city',
      'export',
      '--db',
      c.dbPath,
      '--period',
      '2026-Q3',
      '--format',
      'csv',
      '--mapping',
      badMap,
      '--out',
      path.join(dir, 'v.csv'),
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('docs/interchange.md');
  });
});
