import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/temp';
import type { HubProgress } from '../shared/api/contract-hub';
import { uploadLine } from './commands-hub';
import { cliText } from './texts';

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

describe("the hub from the command line, as the issue's done-when check runs it", () => {
  // Every step is a fresh process; on a busy machine that takes a while.
  it('a ward enrolls online, sends its bundle, and appears in city status', { timeout: 300_000 }, async () => {
    const dir = tempDir('wardplan-cli-hub-');
    const ward = path.join(dir, 'ward.db');
    const city = path.join(dir, 'city.db');
    expect(run('demo', '--db', ward).code).toBe(0);
    expect(run('city', 'init', '--db', city, '--city', 'HP', '--name', 'Thành phố Hải Phòng').code).toBe(0);

    const hub = spawn(process.execPath, [BIN, 'hub', '--db', city, '--port', '0', '--quiet'], { env: ENV, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: hub.stderr! }).on('line', (line) => {
          const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line);
          if (m) resolve(m[1]!);
        });
        hub.once('exit', (code) => reject(new Error(`hub exited ${code}`)));
      });
      const sent = json<{ id: string; fingerprint: string }>('enroll', 'send', '--hub', url, '--db', ward);
      const pending = json<Array<{ id: string; wardCode: string; fingerprint: string }>>('city', 'enroll-pending', '--db', city);
      expect(pending).toEqual([expect.objectContaining({ id: sent.id, wardCode: 'HP-HAIDUONG', fingerprint: sent.fingerprint })]);
      // The request's state in the officer's language, not the API's word for it.
      expect(run('city', 'enroll-pending', '--db', city).out).toContain('đang chờ duyệt');
      const inEnglish = run('city', 'enroll-pending', '--db', city, '--lang', 'en').out;
      expect(inEnglish).toContain('waiting for a decision');
      expect(inEnglish).not.toMatch(/\bpending\b/);
      // Not approved yet: the ward is told to wait, and nothing is sent.
      const early = run('bundle', 'send', '--hub', url, '--db', ward);
      expect(early.code).toBe(1);
      expect(early.err).toContain('chưa được thành phố đăng ký');
      expect(json<{ status: string }>('city', 'approve', sent.id, '--db', city).status).toBe('approved');
      expect(json<{ cityCode: string }>('enroll', 'fetch', '--hub', url, '--db', ward).cityCode).toBe('HP');

      const r = run('bundle', 'send', '--hub', url, '--db', ward);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('Thành phố đã nhận gói');
      expect(r.out).toContain('1 gói đã được thành phố xác nhận');
      const status = json<{ wards: Array<{ wardCode: string; lastSeqApplied: number }> }>('city', 'status', '--db', city);
      expect(status.wards).toEqual([expect.objectContaining({ wardCode: 'HP-HAIDUONG' })]);
      expect(status.wards[0]!.lastSeqApplied).toBeGreaterThan(0);
      expect(run('bundle', 'send', '--hub', url, '--db', ward).out).toContain('Không có gói nào chờ gửi');
      expect(run('bundle', 'send', '--hub', url, '--db', ward, '--lang', 'en').out).toBe('Nothing waiting to send.\n');
      expect(json<{ exported: null; sent: unknown[]; catalogError: null }>('bundle', 'send', '--hub', url, '--db', ward)).toMatchObject({
        exported: null,
        sent: [],
        catalogError: null,
      });
    } finally {
      hub.kill('SIGTERM');
    }
  });
});

describe('the line a send rewrites on the terminal', () => {
  const at: HubProgress = {
    running: true,
    stage: 'upload',
    bundleId: '0f6c2a9e-1111-4222-8333-444455556666',
    bytesSent: 4096,
    bytesTotal: 10240,
    attempt: 2,
    startedAt: null,
    finishedAt: null,
    error: null,
  };
  it('shows the bundle, the bytes and the attempt in the language asked for, and only while uploading', () => {
    expect(uploadLine(at, { t: (k, p) => cliText('vi', k, p) })).toBe('0f6c2a9e 4096/10240 byte, lần 2');
    expect(uploadLine(at, { t: (k, p) => cliText('en', k, p) })).toBe('0f6c2a9e 4096/10240 bytes, attempt 2');
    expect(uploadLine({ ...at, stage: 'catalog' }, { t: (k, p) => cliText('en', k, p) })).toBeNull();
  });
});
