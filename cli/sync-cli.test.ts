import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/temp';

const BIN = path.resolve(__dirname, '../bin/wardplan.mjs');
const ENV = { ...process.env, WARDPLAN_PASSPHRASE: 'mật khẩu của phường', WARDPLAN_LANG: 'vi' };

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: ENV });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function json<T>(...args: string[]): T {
  const r = run(...args, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as T;
}

describe('sync from the command line, as the issue describes it', () => {
  it('demo ward enrolled with a new city: export, city import and status, catalog back, acknowledged', () => {
    const dir = tempDir('wardplan-cli-sync-');
    const ward = path.join(dir, 'ward.db');
    const city = path.join(dir, 'city.db');
    const usb = path.join(dir, 'usb');
    fs.mkdirSync(usb);

    expect(run('demo', '--db', ward).code).toBe(0);
    const req = json<{ fingerprint: string }>('enroll-request', '--db', ward, '--out', path.join(dir, 'req.json'));
    expect(json<{ fingerprint: string }>('keys', 'show', '--db', ward).fingerprint).toBe(req.fingerprint);
    const cityInit = json<{ fingerprint: string }>('city', 'init', '--db', city, '--city', 'HP', '--name', 'Thành phố Hải Phòng');
    const enrolled = json<{ fingerprint: string; wardCode: string }>(
      'city',
      'enroll',
      path.join(dir, 'req.json'),
      '--db',
      city,
      '--out',
      path.join(dir, 'res.json'),
    );
    expect(enrolled).toMatchObject({ fingerprint: req.fingerprint, wardCode: 'HP-HAIDUONG' });
    expect(json<{ cityFingerprint: string }>('enroll', 'import', path.join(dir, 'res.json'), '--db', ward).cityFingerprint).toBe(cityInit.fingerprint);

    const exp = json<{ status: string; path: string; seqTo: number }>('bundle', 'export', '--db', ward, '--out', usb);
    expect(exp.status).toBe('written');
    expect(json<{ status: string }>('bundle', 'export', '--db', ward, '--out', usb).status).toBe('nothing_new');
    const verify = run('bundle', 'verify', exp.path, '--db', city);
    expect(verify.code).toBe(0);
    expect(verify.out).toContain('Hợp lệ');
    // The ward proves what it sent: its own sealed bundle verifies on its own database.
    const own = run('bundle', 'verify', exp.path, '--db', ward);
    expect(own.code, own.out).toBe(0);
    expect(own.out).toContain('Hợp lệ');

    const imported = json<Array<{ status: string; applied: number }>>('city', 'import', usb, '--db', city);
    expect(imported.map((x) => x.status)).toEqual(['applied']);
    const again = run('city', 'import', usb, '--db', city);
    expect(again.code).toBe(0);
    expect(again.out).toContain('đã được nhận trước đây');

    const status = json<{ wards: Array<{ wardCode: string; lastSeqApplied: number; keys: Array<{ fingerprint: string }>; pending: unknown[] }> }>(
      'city',
      'status',
      '--db',
      city,
    );
    expect(status.wards[0]).toMatchObject({ wardCode: 'HP-HAIDUONG', lastSeqApplied: exp.seqTo, pending: [] });
    expect(status.wards[0]!.keys[0]!.fingerprint).toBe(req.fingerprint);

    const cat = json<{ path: string; receipts: number }>('city', 'publish', '--db', city, '--out', usb);
    expect(cat.receipts).toBe(1);
    const back = json<{ status: string; acknowledged: string[] }>('bundle', 'import', cat.path, '--db', ward);
    expect(back.status).toBe('applied');
    expect(back.acknowledged).toHaveLength(1);
    const st = json<{ history: Array<{ acknowledgedAt: string | null }>; lastAcknowledgedSeq: number }>('bundle', 'status', '--db', ward);
    expect(st.lastAcknowledgedSeq).toBe(exp.seqTo);
    expect(st.history[0]!.acknowledgedAt).not.toBeNull();

    // An approved report travels in the next bundle; the city lists and opens it.
    expect(run('report', 'approve', '--db', ward, '--period', '2026-Q3', '--by', 'Phạm Thị Thanh Vân').code).toBe(0);
    const b2 = json<{ status: string; path: string }>('bundle', 'export', '--db', ward, '--out', usb);
    expect(b2.status).toBe('written');
    expect(json<Array<{ status: string }>>('city', 'import', b2.path, '--db', city).map((x) => x.status)).toEqual(['applied']);
    const reports = json<Array<{ owner: string; period: string; status: string }>>('city', 'reports', '--db', city);
    expect(reports).toEqual([expect.objectContaining({ owner: 'HP-HAIDUONG', period: '2026-Q3', status: 'approved' })]);
    const docx = path.join(dir, 'bao-cao.docx');
    expect(run('city', 'reports', '--db', city, '--ward', 'HP-HAIDUONG', '--period', '2026-Q3', '--out', docx).code).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');

    // A damaged copy is refused, exits non-zero and says why; the city keeps it in quarantine.
    const bad = path.join(dir, 'hong.wpb');
    const bytes = fs.readFileSync(exp.path);
    fs.writeFileSync(bad, bytes.subarray(0, bytes.length - 100));
    const refused = run('city', 'import', bad, '--db', city);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('bị cắt dở');
    expect(fs.readdirSync(`${city}.quarantine`).some((f) => f.endsWith('.reason.json'))).toBe(true);
    const v = run('bundle', 'verify', bad, '--db', city);
    expect(v.code).toBe(1);
  }, 300_000); // about twenty command-line runs in a row: slow on a loaded two-core machine, never a hang

  it('never takes the passphrase from the command line', () => {
    const r = spawnSync(process.execPath, [BIN, 'keys', 'show', '--passphrase', 'x', '--db', 'x.db'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
  });
});
