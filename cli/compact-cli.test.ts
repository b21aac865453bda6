import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompactResult } from '../shared/api/contract-compact';
import { openDatabase } from '../db/database';
import { tempDir } from '../test/support/temp';

const BIN = path.resolve(__dirname, '../bin/wardplan.mjs');
const ENV = { ...process.env, WARDPLAN_PASSPHRASE: 'mật khẩu của phường', WARDPLAN_LANG: 'vi' };

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: ENV });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('wardplan db compact', () => {
  it('compacts what the city acknowledged and says so in Vietnamese or English', () => {
    const dir = tempDir('wardplan-cli-compact-');
    const ward = path.join(dir, 'ward.db');
    const usb = path.join(dir, 'usb');
    fs.mkdirSync(usb);
    expect(run('demo', '--db', ward).code).toBe(0);

    const nothing = run('db', 'compact', '--db', ward);
    expect(nothing.code, nothing.err).toBe(0);
    expect(nothing.out).toContain('Không có gì mới để thu gọn');

    const exp = run('bundle', 'export', '--db', ward, '--out', usb, '--json');
    expect(exp.code, exp.err).toBe(0);
    const { bundleId, seqTo } = JSON.parse(exp.out) as { bundleId: string; seqTo: number };
    // The receipt's effect, as importing the city's catalog records it.
    const db = openDatabase(ward);
    db.sqlite.prepare("UPDATE bundle_out SET acknowledged_at = '2026-10-20T02:00:00.000Z', receipt = '{}' WHERE bundle_id = ?").run(bundleId);
    db.close();

    const vi = run('db', 'compact', '--db', ward);
    expect(vi.code, vi.err).toBe(0);
    expect(vi.out).toMatch(
      /^Đã thu gọn \d+ thay đổi thành phố đã xác nhận: giữ bản mới nhất của \d+ dòng, bỏ \d+ bản cũ\. Các thay đổi thành phố chưa xác nhận được giữ nguyên\. Tệp: [\d,]+ MB → [\d,]+ MB/,
    );
    const again = run('db', 'compact', '--db', ward, '--lang', 'en', '--json');
    const r = JSON.parse(again.out) as CompactResult;
    expect(r.changesCompacted).toBe(0);
    expect(r.compactedThrough).toBeGreaterThan(0);
    expect(r.compactedThrough).toBeLessThan(seqTo);
    expect(run('db', 'compact', '--db', ward, '--lang', 'en').out).toContain('Nothing new to compact: the city has acknowledged no further changes.');
  });

  it('refuses a database that does not exist, in the chosen language, and creates nothing', () => {
    const dir = tempDir('wardplan-cli-compact-');
    const missing = path.join(dir, 'khong-co.db');
    const vi = run('db', 'compact', '--db', missing);
    expect(vi.code).toBe(1);
    expect(vi.err).toContain('Lỗi:');
    expect(vi.err).toContain(missing);
    const en = run('db', 'compact', '--db', missing, '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.err).toContain('Error:');
    expect(fs.existsSync(missing)).toBe(false);
  });
});
