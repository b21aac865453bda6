import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/temp';

const BIN = path.resolve(__dirname, '../bin/wardplan.mjs');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, WARDPLAN_LANG: 'vi' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function json<T>(args: string[]): T {
  return JSON.parse(execFileSync(process.execPath, [BIN, ...args, '--json'], { encoding: 'utf8' })) as T;
}

describe('wardplan lists from the command line', () => {
  it('sets up a ward’s lists, edits and retires them, and corrects a task', () => {
    const db = path.join(tempDir('wardplan-cli-lists-'), 'w.db');
    expect(run(['init', '--db', db, '--ward', 'HP-ANLAC', '--name', 'Phường An Lạc']).code).toBe(0);
    expect(run(['plan', 'add', '--db', db, '--year', '2026', '--title', 'Kế hoạch 2026']).code).toBe(0);
    const plan = json<{ signerName: string; issuedOn: string }>([
      'plan',
      'update',
      '2026',
      '--db',
      db,
      '--signer',
      'Nguyễn Văn Hùng',
      '--issued-on',
      '2026-01-15',
    ]);
    expect(plan).toMatchObject({ signerName: 'Nguyễn Văn Hùng', issuedOn: '2026-01-15' });
    expect(run(['unit', 'add', '--db', db, '--code', 'KT', '--name', 'Phòng Kinh tế, Hạ tầng và Đô thị']).code).toBe(0);
    expect(run(['unit', 'add', '--db', db, '--code', 'X', '--name', 'Nhầm']).code).toBe(0);
    expect(run(['unit', 'retire', 'X', '--db', db]).code).toBe(0);
    expect(run(['unit', 'list', '--db', db]).out).toBe('KT         Phòng Kinh tế, Hạ tầng và Đô thị\n');
    expect(
      run([
        'directive',
        'add',
        '--db',
        db,
        '--code',
        'TBKL',
        '--issuer',
        'Ban Chỉ đạo Trung ương',
        '--title',
        'Các Thông báo kết luận của Ban Chỉ đạo Trung ương',
      ]).code,
    ).toBe(0);
    const bad = run([
      'indicator',
      'add',
      '--db',
      db,
      '--code',
      'I1',
      '--area',
      'CQ',
      '--name',
      'Số hồ sơ',
      '--unit',
      'hồ sơ',
      '--year',
      '2026',
      '--comparator',
      '<>',
      '--target',
      '10',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Phép so sánh "<>" không hợp lệ');
    expect(
      run([
        'indicator',
        'add',
        '--db',
        db,
        '--code',
        'I1',
        '--area',
        'CQ',
        '--name',
        'Số hồ sơ',
        '--unit',
        'hồ sơ',
        '--year',
        '2026',
        '--comparator',
        '>=',
        '--target',
        '10',
      ]).code,
    ).toBe(0);
    const ind = json<Array<{ code: string; target: number }>>(['indicators', 'list', '--db', db, '--year', '2026']);
    expect(ind).toMatchObject([{ code: 'I1', target: 10 }]);
    const task = json<{ id: string }>(['task', 'add', '--db', db, '--area', 'CQ', '--content', 'Số hóa hồ sơ', '--lead', 'KT', '--source', 'TBKL']);
    const p = json<{ id: string }>(['task', 'update', task.id, '--db', db, '--status', 'in_progress', '--percent', '30']);
    const refused = run(['progress', 'correct', p.id, '--db', db, '--percent', '130']);
    expect(refused.code).toBe(1);
    expect(run(['progress', 'correct', p.id, '--db', db, '--percent', '35', '--reason', 'Gõ nhầm']).code).toBe(0);
    expect(run(['task', 'history', task.id, '--db', db]).out).toContain('percent: 30 → 35');
    expect(run(['task', 'delete', task.id, '--db', db]).code).toBe(0);
    expect(json<unknown[]>(['tasks', 'list', '--db', db])).toEqual([]);
  });
});
