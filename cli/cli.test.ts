import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { dumpDatabase, tempDir } from '../test/support/temp';

const BIN = path.resolve(__dirname, '../bin/wardplan.mjs');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, WARDPLAN_LANG: 'vi', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function json<T>(args: string[]): T {
  return JSON.parse(execFileSync(process.execPath, [BIN, ...args, '--json'], { encoding: 'utf8' })) as T;
}

function dump(file: string): string {
  const db = openDatabase(file, { mustExist: true });
  try {
    return dumpDatabase(db);
  } finally {
    db.close();
  }
}

describe('wardplan command line', () => {
  const dir = tempDir('wardplan-cli-');
  const db = path.join(dir, 'x.db');

  it('demo then summary prints the demo ward with its 22 tasks and 19 indicators', () => {
    expect(run(['demo', '--db', db]).code).toBe(0);
    const s = json<{ ward: { code: string }; tasks: { total: number }; indicators: { total: number } }>(['summary', '--db', db, '--as-of', '2026-10-15']);
    expect(s.ward.code).toBe('HP-HAIDUONG');
    expect(s.tasks.total).toBe(22);
    expect(s.indicators.total).toBe(19);
  });

  it('adds a task, records progress, attaches evidence, sets values', () => {
    const id = run([
      'task',
      'add',
      '--db',
      db,
      '--area',
      'CQ',
      '--content',
      'Triển khai ký số cho cán bộ mới',
      '--lead',
      'VP',
      '--partners',
      'HCC,VHXH',
      '--timeline',
      'Quý IV/2026',
      '--source',
      'NQ57',
      '--output',
      'Chữ ký số',
      '--person',
      'Nguyễn Văn A',
      '--authority',
      'Chủ tịch UBND phường',
    ]);
    expect(id.code).toBe(0);
    const taskId = id.out.trim();
    expect(taskId).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      run(['task', 'update', taskId, '--db', db, '--status', 'in_progress', '--percent', '40', '--date', '2026-10-10', '--note', 'Đã lập danh sách']).code,
    ).toBe(0);
    const file = path.join(dir, 'Quyết định.pdf');
    fs.writeFileSync(file, '%PDF-1.4 quyết định');
    expect(run(['task', 'attach', taskId, file, '--db', db]).out).toMatch(/sha256:[0-9a-f]{64}/);
    expect(run(['value', 'set', 'CQ-09', '--db', db, '--period', '2026-Q3', '--num', '3.658.476', '--den', '3670241']).out).toContain('99,68%');
    const tasks = json<Array<{ id: string; status: string; evidenceCount: number }>>([
      'tasks',
      'list',
      '--db',
      db,
      '--search',
      'ky so cho can bo moi',
      '--as-of',
      '2026-10-15',
    ]);
    expect(tasks.map((t) => [t.id, t.status, t.evidenceCount])).toEqual([[taskId, 'in_progress', 1]]);
    const inds = json<Array<{ code: string; outcome: string }>>(['indicators', 'list', '--db', db, '--period', '2026-Q3']);
    expect(inds.find((i) => i.code === 'CQ-09')?.outcome).toBe('dat');
  });

  it.each([
    ['an unknown unit', ['task', 'add', '--area', 'CQ', '--content', 'x', '--lead', 'KHONGCO'], 'Không có đơn vị mã "KHONGCO"'],
    ['a value out of range', ['value', 'set', 'CQ-07', '--period', '2026-Q3', '--value', '120'], '0'],
    ['a numerator above its denominator', ['value', 'set', 'CQ-09', '--period', '2026-Q3', '--num', '11', '--den', '10'], 'Tử số (11) lớn hơn mẫu số (10)'],
    ['a malformed period', ['value', 'set', 'CQ-07', '--period', '2026-Q7', '--value', '5'], '2026-Q3'],
    ['a malformed date', ['summary', '--as-of', '31/12/2026'], 'YYYY-MM-DD'],
    ['an unknown indicator', ['value', 'set', 'ZZ-01', '--period', '2026-Q3', '--value', '5'], 'ZZ-01'],
    ['a not-a-number value', ['value', 'set', 'CQ-07', '--period', '2026-Q3', '--value', 'nhiều'], 'nhiều'],
  ])('refuses %s with a clear message and leaves the database as it was', (_, args, fragment) => {
    const before = dump(db);
    const r = run([...args, '--db', db]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/^Lỗi: /);
    expect(r.err).toContain(fragment);
    expect(dump(db)).toBe(before);
  });

  it('refuses a missing database without creating it, in the language asked for', () => {
    const missing = path.join(dir, 'khong-co.db');
    const r = run(['summary', '--db', missing, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('not found');
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('starts an empty ward and builds its catalog and plan', () => {
    const w = path.join(dir, 'empty.db');
    expect(run(['init', '--db', w, '--ward', 'HP-TIENLANG', '--name', 'Xã Tiên Lãng']).code).toBe(0);
    expect(run(['init', '--db', w, '--ward', 'HP-TIENLANG', '--name', 'Xã Tiên Lãng']).code).toBe(1);
    expect(run(['unit', 'add', '--db', w, '--code', 'VP', '--name', 'Văn phòng']).code).toBe(0);
    expect(
      run(['directive', 'add', '--db', w, '--code', 'NQ57', '--number', '57-NQ/TW', '--date', '2024-12-22', '--issuer', 'Bộ Chính trị', '--title', 'Đột phá'])
        .code,
    ).toBe(0);
    expect(run(['plan', 'add', '--db', w, '--year', '2026', '--title', 'Kế hoạch CĐS 2026', '--number', '12/KH-UBND']).code).toBe(0);
    expect(
      run(['task', 'add', '--db', w, '--area', 'DL', '--content', 'Số hóa hồ sơ', '--lead', 'VP', '--deadline', '2026-06-30', '--source', 'NQ57']).code,
    ).toBe(0);
    const s = json<{ tasks: { total: number; byStatus: { overdue: number } } }>(['summary', '--db', w, '--as-of', '2026-07-01']);
    expect(s.tasks.total).toBe(1);
    expect(s.tasks.byStatus.overdue).toBe(1);
    expect(run(['--help']).out).toContain('wardplan');
  });

  it('a usage error exits with 2', () => {
    expect(run(['value', 'set', 'CQ-07', '--db', db]).code).toBe(2);
  });
});
