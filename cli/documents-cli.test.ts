/**
 * The document settings from the command line, as a real process on a real demo database: the
 * plan's issue date and signer, the drafting unit, a report's own recipients, a supplementary
 * report, and bad input refused with nothing changed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { readDocx, readHeaders } from '../db/reports/docx-text';
import { tempDir } from '../test/support/temp';

const BIN = path.join(fileURLToPath(new URL('..', import.meta.url)), 'bin', 'wardplan.mjs');
let dir = '';

function run(...args: string[]): {
  code: number;
  stdout: string;
  stderr: string;
} {
  const r = spawnSync(process.execPath, [BIN, ...args, '--db', 'ward.db'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, WARDPLAN_LANG: 'vi' },
    timeout: 90_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = tempDir();
  expect(run('demo').code).toBe(0);
}, 120_000);

it('sets the plan’s issue date, recipients and drafting unit, and makes a supplementary report', async () => {
  const bad = run('plan', 'document', '--issued-on', '2026-02-30');
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('2026-02-30');
  expect(run('report', 'settings', '--drafting-unit', 'VHXH').code).toBe(0);
  const issued = run(
    'plan',
    'document',
    '--issued-on',
    '2026-01-05',
    '--signer-name',
    'Phạm Thị Thanh Vân',
    '--signer-title',
    'Chủ tịch',
    '--solutions',
    'Tăng cường kiểm tra.',
  );
  expect(issued.code, issued.stderr).toBe(0);
  expect(issued.stdout).toContain('ban hành ngày 05/01/2026');
  expect(run('plan', 'export', '--out', 'kh.docx').code).toBe(0);
  const plan = (await readDocx(fs.readFileSync(path.join(dir, 'kh.docx')))).paragraphs.join('\n');
  expect(plan).toContain('Hải Dương, ngày 05 tháng 01 năm 2026');
  expect(plan).toContain('IV. GIẢI PHÁP\nTăng cường kiểm tra.');
  expect(plan).toContain('- Lưu: VT, VHXH.');

  const refused = run('report', 'supplement', '--period', '2026-Q3');
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('chưa được phê duyệt');
  expect(run('report', 'body', '--period', '2026-Q3', '--recipient', 'UBND thành phố Hải Phòng;', '--recipient', '- Lưu: VT.').code).toBe(0);
  expect(run('report', 'approve', '--period', '2026-Q3', '--by', 'Phạm Thị Thanh Vân', '--doc-number', '45').code).toBe(0);
  const sup = run('report', 'supplement', '--period', '2026-Q3');
  expect(sup.code, sup.stderr).toBe(0);
  expect(sup.stdout).toContain('báo cáo bổ sung lần 1');
  expect(run('report', '--period', '2026-Q3', '--supplement', '1', '--out', 'bs.docx').code).toBe(0);
  const bytes = fs.readFileSync(path.join(dir, 'bs.docx'));
  expect((await readHeaders(bytes)).every((h) => h.includes('DỰ THẢO'))).toBe(true);
  expect(run('report', '--period', '2026-Q3', '--out', 'q3.docx').code).toBe(0);
  const approved = (await readDocx(fs.readFileSync(path.join(dir, 'q3.docx')))).paragraphs.join('\n');
  // The report's own list, frozen at approval, ending with the drafting unit's line.
  expect(approved).toContain('- UBND thành phố Hải Phòng;\n- Lưu: VT, VHXH.');
  expect(approved).not.toContain('Sở Khoa học và Công nghệ (để báo cáo);');
}, 300_000);
