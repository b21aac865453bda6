/**
 * `wardplan plan import` as an officer runs it: a real process, real files, real databases.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/temp';
import { officerXlsx } from '../test/support/officer-files';
import { parseMapping } from './commands-plan-import';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'wardplan.mjs');

let dir = '';

function run(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, WARDPLAN_LANG: 'vi' }, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface Task {
  no: number;
  content: string;
  areaCode: string;
  leadUnitName: string;
  partnerUnitCodes: string[];
  partnerNote: string | null;
  timeline: string | null;
  deadline: string | null;
  sourceNumber: string | null;
  output: string | null;
  authority: string | null;
}

/** The tasks with their units by name: codes differ between wards, names are what the plan says. */
function tasksOf(db: string): unknown[] {
  const units = new Map((JSON.parse(run('unit', 'list', '--db', db, '--json').stdout) as Array<{ code: string; name: string }>).map((u) => [u.code, u.name]));
  const r = run('tasks', 'list', '--db', db, '--json');
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as Task[]).map((t) => ({
    no: t.no,
    content: t.content,
    area: t.areaCode,
    lead: t.leadUnitName,
    partners: t.partnerUnitCodes.map((c) => units.get(c)),
    timeline: t.timeline,
    deadline: t.deadline,
    source: t.sourceNumber,
    output: t.output,
    authority: t.authority,
  }));
}

function fresh(name: string): string {
  const db = path.join(dir, name);
  const r = run('init', '--db', db, '--ward', 'HP-MOI', '--name', 'Phường Mới', '--city', 'HP');
  expect(r.code, r.stderr).toBe(0);
  return db;
}

beforeAll(() => {
  dir = tempDir('wardplan-plan-import-');
  const r = spawnSync(process.execPath, [BIN, 'demo', '--db', path.join(dir, 'demo.db')], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});

describe('wardplan plan import', () => {
  it('brings a plan exported from the demo ward into a freshly initialised ward: the same 22 tasks', () => {
    const demo = path.join(dir, 'demo.db');
    expect(run('plan', 'export', '--db', demo, '--format', 'xlsx', '--out', 'ke-hoach.xlsx').code).toBe(0);
    const db = fresh('moi.db');

    const refused = run('plan', 'import', 'ke-hoach.xlsx', '--db', db, '--year', '2026');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Chưa có trong danh mục của phường');
    expect(refused.stderr).toContain('--create-missing');

    const r = run('plan', 'import', 'ke-hoach.xlsx', '--db', db, '--year', '2026', '--create-missing');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Đã nhập 22 nhiệm vụ vào kế hoạch năm 2026 (kế hoạch mới được tạo).');
    expect(r.stdout).toContain('Đã tạo 9 đơn vị, 5 văn bản căn cứ.');
    const got = tasksOf(db);
    expect(got).toHaveLength(22);
    expect(got).toEqual(tasksOf(demo));
  });

  it('previews with --dry-run and writes nothing; remembers a --map for the next file of that shape', async () => {
    fs.writeFileSync(path.join(dir, 'phu-luc.xlsx'), await officerXlsx());
    const db = fresh('dry.db');
    const before = fs.readFileSync(db);
    const dry = run('plan', 'import', 'phu-luc.xlsx', '--db', db, '--year', '2026', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Bảng "Phụ lục", tiêu đề ở dòng 5, 6; kế hoạch năm 2026 (sẽ được tạo)');
    expect(dry.stdout).toContain('Dòng 8: mục "I. LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH…" → LD');
    expect(dry.stdout).toContain('+ PKTHTDT: Phòng Kinh tế, Hạ tầng và Đô thị');
    expect(dry.stdout).toContain('Thời gian "Theo kế hoạch của thành phố" không có mốc ngày');
    expect(dry.stdout).toContain('Chưa nhận ra cột H: thêm --map "H=ignore"');
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    expect(JSON.parse(run('tasks', 'list', '--db', db, '--json').stdout)).toMatchObject({ error: { code: 'plan.none' } });

    const unmapped = run('plan', 'import', 'phu-luc.xlsx', '--db', db, '--year', '2026', '--create-missing');
    expect(unmapped.code).toBe(1);
    expect(unmapped.stderr).toContain('Chưa nhận ra cột H (H: "Ghi chú")');

    const ok = run('plan', 'import', 'phu-luc.xlsx', '--db', db, '--year', '2026', '--create-missing', '--map', 'H=ignore', '--json');
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ imported: 22, planCreated: true, mappingRemembered: true });
    const next = run('plan', 'import', 'phu-luc.xlsx', '--db', db, '--year', '2027', '--dry-run', '--json');
    expect(JSON.parse(next.stdout)).toMatchObject({ unmapped: [], year: 2027 });
  });

  it('refuses bad files and bad mappings with a clear message, writing nothing', () => {
    const db = fresh('bad.db');
    const before = fs.readFileSync(db);
    fs.writeFileSync(path.join(dir, 'ghi-chu.txt'), 'STT;Nội dung nhiệm vụ;Đơn vị chủ trì\n');
    const txt = run('plan', 'import', 'ghi-chu.txt', '--db', db, '--year', '2026', '--json');
    expect(txt.code).toBe(1);
    expect(JSON.parse(txt.stdout)).toMatchObject({ error: { code: 'plan_import.not_office' } });
    expect(txt.stderr).toContain('không phải tệp Excel (.xlsx) hay Word (.docx)');
    const en = run('plan', 'import', 'ghi-chu.txt', '--db', db, '--year', '2026', '--lang', 'en');
    expect(en.stderr).toContain('is not an Excel (.xlsx) or Word (.docx) file');
    const map = run('plan', 'import', 'phu-luc.xlsx', '--db', db, '--year', '2026', '--map', 'H=ghichu');
    expect(map.code).toBe(1);
    expect(map.stderr).toContain('Không đọc được cách gán cột "H=ghichu"');
    expect(run('plan', 'import', 'khong-co.xlsx', '--db', db).code).toBe(1);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });

  it('reads --map pairs', () => {
    expect(parseMapping('c=lead, D=partners,H=ignore')).toEqual({ C: 'lead', D: 'partners', H: 'ignore' });
    expect(() => parseMapping('C=chu tri')).toThrow();
    expect(() => parseMapping(',')).toThrow();
  });
});
