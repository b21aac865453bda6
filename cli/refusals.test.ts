/**
 * Bad input on the command line: each refusal says what is wrong in its own words (never the
 * "unexpected error" message) and changes nothing, not even a file left behind.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase, tempDir } from '../test/support/temp';
import { openDatabase } from '../db/database';

const BIN = path.resolve(__dirname, '../bin/wardplan.mjs');
const PASSPHRASE = 'mật khẩu của thành phố';
const UNEXPECTED = /ngoài dự kiến|unexpected/i;

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, WARDPLAN_LANG: 'vi', WARDPLAN_PASSPHRASE: PASSPHRASE, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function dump(file: string): string {
  const db = openDatabase(file, { mustExist: true });
  try {
    return dumpDatabase(db);
  } finally {
    db.close();
  }
}

describe('refusals on the command line', () => {
  const dir = tempDir('wardplan-cli-refusals-');
  const city = path.join(dir, 'city.db');
  const ward = path.join(dir, 'ward.db');

  beforeAll(() => {
    expect(run(['city', 'init', '--db', city, '--city', 'HP', '--name', 'Thành phố Hải Phòng']).code).toBe(0);
    expect(run(['demo', '--db', ward]).code).toBe(0);
  });

  it('a refused bundle in `city import` prints its own reason only', () => {
    const usb = path.join(dir, 'usb');
    fs.mkdirSync(usb);
    fs.writeFileSync(path.join(usb, 'P-HD_0001.wpb'), 'not a zip at all');
    const before = dump(city);
    const r = run(['city', 'import', usb, '--db', city]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ P-HD_0001.wpb:');
    expect(`${r.out}${r.err}`).not.toMatch(UNEXPECTED);
    expect(r.err).toBe('');
    expect(dump(city)).toBe(before);
  });

  it('--as-of that is not a date says so, on every command that takes it', () => {
    for (const args of [
      ['city', 'status', '--db', city, '--as-of', 'hôm qua'],
      ['city', 'progress', '--db', city, '--as-of', '2026-02-30'],
      ['summary', '--db', ward, '--as-of', '30/09/2026'],
      ['tasks', 'list', '--db', ward, '--as-of', 'x'],
    ]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toContain('ở --as-of không phải là ngày. Nhập ngày dạng YYYY-MM-DD');
      expect(r.err).not.toMatch(UNEXPECTED);
    }
    expect(run(['city', 'status', '--db', city, '--as-of', '2026-09-30']).code).toBe(0);
  });

  it('years and periods outside 2000–2100 are refused with the value named', () => {
    const before = dump(ward);
    const year = run(['summary', '--db', ward, '--year', '-1']);
    expect(year.code).toBe(1);
    expect(year.err).toContain('"-1" ở --year không phải là năm hợp lệ. Nhập năm bằng 4 chữ số, từ 2000 đến 2100');
    const plan = run(['plan', 'add', '--db', ward, '--year', '12026', '--title', 'Kế hoạch'], { WARDPLAN_LANG: 'en' });
    expect(plan.err).toContain('"12026" given to --year is not a valid year. Write a four-digit year from 2000 to 2100');
    const period = run(['value', 'set', 'CT01', '--db', ward, '--period', '9999-Q4', '--value', '5']);
    expect(period.code).toBe(1);
    expect(period.err).toContain('"9999-Q4" ở --period không phải là kỳ hợp lệ');
    expect(run(['indicators', 'list', '--db', ward, '--period', '2026-Q5']).err).toContain('"2026-Q5" ở --period');
    expect(run(['report', '--db', ward, '--period', '1999-Q4', '--out', path.join(dir, 'r.docx')]).err).toContain('"1999-Q4" ở --period');
    expect(fs.existsSync(path.join(dir, 'r.docx'))).toBe(false);
    expect(dump(ward)).toBe(before);
  });

  it('host refuses a port that is not a whole number from 0 to 65535', () => {
    for (const port of ['50%', '8e3', '65536', '-1', '80.5', '']) {
      const r = run(['host', '--db', ward, '--port', port]);
      expect(r.code, port).toBe(1);
      expect(r.err).toContain(`"${port}" ở --port không phải là cổng hợp lệ. Nhập số nguyên từ 1 đến 65535`);
    }
  });

  it('city init refused for its passphrase leaves no database and no key behind', () => {
    for (const [passphrase, message] of [
      ['ngắn quá', 'Cụm mật khẩu quá ngắn: cần ít nhất 10 ký tự'],
      ['        ', 'Cụm mật khẩu chỉ có dấu cách'],
      [' '.repeat(12), 'Cụm mật khẩu chỉ có dấu cách'],
      ['123456789', 'Cụm mật khẩu quá ngắn: cần ít nhất 10 ký tự'],
    ] as const) {
      const file = path.join(dir, 'refused-city.db');
      const r = run(['city', 'init', '--db', file, '--city', 'HP', '--name', 'Hải Phòng'], { WARDPLAN_PASSPHRASE: passphrase });
      expect(r.code, JSON.stringify(passphrase)).toBe(1);
      expect(r.err).toContain(message);
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('refused-city'))).toEqual([]);
    }
  });

  it('city init refused after the database was made removes what it made, and only that', () => {
    // A damaged key file already there: the key cannot be opened once the database exists.
    fs.writeFileSync(path.join(dir, 'bad-city.db.key'), 'not a key');
    const r = run(['city', 'init', '--db', path.join(dir, 'bad-city.db'), '--city', 'HP', '--name', 'Hải Phòng']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Không mở được tệp khóa');
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('bad-city'))).toEqual(['bad-city.db.key']);
  });
});
