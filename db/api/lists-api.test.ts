/**
 * The ward's lists and corrections through the API, as every host calls them, on a real SQLite
 * file: an empty ward set up from nothing, and the demo ward for corrections. A refused call
 * names what is wrong in Vietnamese and English and leaves the database exactly as it was; a
 * retire writes a tombstone, a change-log row (what the next bundle carries) and an audit row.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult, Method, Output } from '../../shared/api/contract';
import { formatMessage } from '../../shared/i18n/messages';
import { dumpDatabase, fixedClock, tempDir } from '../../test/support/temp';
import { openDatabase } from '../database';
import { PassphraseFileKeyStore, loadOrCreateKey } from '../keys/key-store';
import { createBackup } from '../services/backup';
import { createDemoWard } from '../services/demo';
import { WardApi } from './ward-api';

let api: WardApi;
let dir: string;
let dbPath: string;

afterEach(() => api?.close());

function emptyWard(opts: { passphraseInApp?: boolean } = {}): void {
  dir = tempDir('wardplan-lists-');
  dbPath = path.join(dir, 'ward.db');
  api = new WardApi({ dbPath, now: fixedClock, defaultOutDir: () => path.join(dir, 'outbox'), ...opts });
}

function demo(): void {
  dir = tempDir('wardplan-lists-');
  dbPath = path.join(dir, 'ward.db');
  const db = openDatabase(dbPath);
  createDemoWard(db, { now: fixedClock });
  db.close();
  api = new WardApi({ dbPath, now: fixedClock });
}

async function ok<M extends Method>(method: M, input: unknown): Promise<Output<M>> {
  const r = (await api.call(method, input)) as ApiResult<M>;
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** Refused, with a message in both languages, and nothing written. */
async function refused(method: Method, input: unknown): Promise<string> {
  const before = dumpDatabase(api.holder.requireSession().db);
  const r = await api.call(method, input);
  if (r.ok) throw new Error(`${method} was accepted`);
  for (const lang of ['vi', 'en'] as const) expect(formatMessage(lang, r.error.code, r.error.params)).not.toBe(r.error.code);
  expect(dumpDatabase(api.holder.requireSession().db)).toBe(before);
  return r.error.code;
}

function sql<T>(query: string, ...args: unknown[]): T[] {
  return api.holder
    .requireSession()
    .db.sqlite.prepare(query)
    .all(...args) as T[];
}

async function setUp(): Promise<void> {
  await ok('app.setup', { wardCode: 'HP-ANLAC', wardName: 'Phường An Lạc', cityCode: 'HP', cityName: 'Hải Phòng', officerName: 'Lê Văn Tâm', demo: false });
}

describe('from an empty ward to its first task, through the API only', () => {
  it('creates a plan with every field, units with commas, a directive without number, an indicator with its target', async () => {
    emptyWard();
    await setUp();
    const plan = await ok('plans.add', {
      year: 2026,
      title: 'Kế hoạch chuyển đổi số năm 2026',
      docNumber: '111/KH-UBND',
      issuedOn: '2026-01-15',
      signerName: 'Nguyễn Văn Hùng',
      signerTitle: 'Chủ tịch UBND phường',
      generalGoal: 'Phát triển chính quyền số',
    });
    expect(plan).toMatchObject({
      year: 2026,
      docNumber: '111/KH-UBND',
      issuedOn: '2026-01-15',
      signerName: 'Nguyễn Văn Hùng',
      signerTitle: 'Chủ tịch UBND phường',
    });
    const unit = await ok('units.add', { code: 'KTHTDT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' });
    expect(unit.name).toBe('Phòng Kinh tế, Hạ tầng và Đô thị');
    await ok('units.add', { code: 'VP', name: 'Văn phòng HĐND và UBND' });
    const dir0 = await ok('directives.add', { code: 'TBKL-BCD', issuer: 'Ban Chỉ đạo Trung ương', title: 'Các Thông báo kết luận của Ban Chỉ đạo Trung ương' });
    expect(dir0.number).toBe('');
    await ok('indicators.add', {
      code: 'DVC1',
      areaCode: 'CQ',
      name: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
      unit: '%',
      isRatio: true,
      numeratorLabel: 'Hồ sơ trực tuyến toàn trình',
      denominatorLabel: 'Tổng số hồ sơ',
      target: { year: 2026, comparator: '>=', target: 80, baseline: 55 },
    });
    const ind = (await ok('indicators.list', { year: 2026 })).find((i) => i.code === 'DVC1')!;
    expect(ind).toMatchObject({ comparator: '>=', target: 80, baseline: 55, isRatio: true, targetOwner: 'HP-ANLAC' });
    const task = await ok('tasks.add', {
      planYear: 2026,
      areaCode: 'CQ',
      content: 'Số hóa hồ sơ',
      leadUnitCode: 'KTHTDT',
      partnerUnitCodes: ['VP'],
      sourceCode: 'TBKL-BCD',
    });
    expect((await ok('tasks.get', { id: task.id })).task.partnerUnitCodes).toEqual(['VP']);
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    emptyWard();
    await setUp();
    await ok('plans.add', { year: 2026, title: 'Kế hoạch 2026' });
    await ok('units.add', { code: 'VP', name: 'Văn phòng' });
    expect(await refused('plans.add', { year: 2026, title: 'Lần hai' })).toBe('plan.duplicate');
    expect(await refused('plans.add', { year: 2026, title: '   ' })).toBe('api.bad_input');
    expect(await refused('plans.add', { year: 2027, title: 'x', issuedOn: '15/01/2027' })).toBe('date.format');
    expect(await refused('units.add', { code: 'VP', name: 'Trùng mã' })).toBe('unit.duplicate');
    expect(await refused('units.add', { code: 'có dấu', name: 'Mã sai' })).toBe('catalog.bad_code');
    expect(
      await refused('indicators.add', {
        code: 'X1',
        areaCode: 'CQ',
        name: 'Tỷ lệ',
        unit: '%',
        isRatio: true,
        target: { year: 2026, comparator: '>=', target: 80 },
      }),
    ).toBe('indicator.ratio_labels');
    // The indicator would be valid; its target is not: neither is written.
    expect(await refused('indicators.add', { code: 'X2', areaCode: 'CQ', name: 'Số', unit: 'cái', target: { year: 2026, comparator: '<>', target: 3 } })).toBe(
      'indicator.bad_comparator',
    );
    expect(await refused('indicators.add', { code: 'X3', areaCode: 'ZZ', name: 'Số', unit: 'cái' })).toBe('area.not_found');
    expect(await refused('units.update', { id: '00000000-0000-4000-8000-000000000000', name: 'Không có' })).toBe('unit.not_found');
  });
});

describe('edit and retire', () => {
  it('a retire is a tombstone with a change-log row and an audit row, and refuses what is still in use', async () => {
    emptyWard();
    await setUp();
    await ok('plans.add', { year: 2026, title: 'Kế hoạch 2026' });
    const used = await ok('units.add', { code: 'VP', name: 'Văn phòng' });
    const spare = await ok('units.add', { code: 'TMP', name: 'Đơn vị nhập nhầm' });
    await ok('tasks.add', { areaCode: 'CQ', content: 'Nhiệm vụ', leadUnitCode: 'VP' });
    expect(await refused('units.retire', { id: used.id })).toBe('unit.in_use');
    const renamed = await ok('units.update', { id: spare.id, name: 'Phòng Văn hóa, Khoa học và Thông tin' });
    expect(renamed.name).toBe('Phòng Văn hóa, Khoa học và Thông tin');
    await ok('units.retire', { id: spare.id });
    expect((await ok('units.list', {})).map((u) => u.code)).toEqual(['VP']);
    const [row] = sql<{ deleted: number }>('SELECT deleted FROM unit WHERE id = ?', spare.id);
    expect(row!.deleted).toBe(1);
    const log = sql<{ data: string }>("SELECT data FROM change_log WHERE table_name = 'unit' AND row_id = ? ORDER BY seq", spare.id);
    expect(log.map((l) => (JSON.parse(l.data) as { deleted: number }).deleted)).toEqual([0, 0, 1]);
    const audit = sql<{ action: string; actor: string }>('SELECT action, actor FROM audit_log WHERE entity_id = ? ORDER BY id', spare.id);
    expect(audit).toEqual([
      { action: 'unit.add', actor: 'Lê Văn Tâm' },
      { action: 'unit.update', actor: 'Lê Văn Tâm' },
      { action: 'unit.retire', actor: 'Lê Văn Tâm' },
    ]);
    // The code is free again once retired.
    await ok('units.add', { code: 'TMP', name: 'Đơn vị mới' });
  });

  it('edits a plan field by field and refuses to delete a plan that has tasks', async () => {
    emptyWard();
    await setUp();
    const p = await ok('plans.add', { year: 2026, title: 'Kế hoạch 2026' });
    const edited = await ok('plans.update', { id: p.id, patch: { signerName: 'Nguyễn Văn Hùng', issuedOn: '2026-01-15' } });
    expect(edited).toMatchObject({ title: 'Kế hoạch 2026', signerName: 'Nguyễn Văn Hùng', issuedOn: '2026-01-15' });
    await ok('units.add', { code: 'VP', name: 'Văn phòng' });
    const t = await ok('tasks.add', { areaCode: 'CQ', content: 'Nhiệm vụ', leadUnitCode: 'VP' });
    expect(await refused('plans.retire', { id: p.id })).toBe('plan.has_tasks');
    await ok('tasks.delete', { id: t.id, reason: 'Nhập nhầm' });
    await ok('plans.retire', { id: p.id });
    expect(await ok('plans.list', {})).toEqual([]);
  });

  it('edits a directive (number removed) and an indicator with a new target for the year', async () => {
    demo();
    const d = (await ok('directives.list', {}))[0]!;
    const edited = await ok('directives.update', { id: d.id, patch: { number: null } });
    expect(edited.number).toBe('');
    expect(await refused('directives.retire', { id: d.id })).toBe('directive.in_use');
    const ind = (await ok('indicators.list', { year: 2026 }))[0]!;
    await ok('indicators.update', { id: ind.id, patch: { name: 'Tên mới', target: { year: 2026, comparator: '>=', target: 95 } } });
    const after = (await ok('indicators.list', { year: 2026 })).find((i) => i.id === ind.id)!;
    expect(after).toMatchObject({ name: 'Tên mới', target: 95 });
    await ok('indicators.retire', { id: ind.id });
    expect((await ok('indicators.list', { year: 2026 })).some((i) => i.id === ind.id)).toBe(false);
    expect(sql<{ deleted: number }>('SELECT deleted FROM indicator_target WHERE indicator_id = ?', ind.id).every((r) => r.deleted === 1)).toBe(true);
  });
});

describe('every retire and removal is a tombstone, a change-log row and an audit row', () => {
  it('for a directive, an indicator, a plan, a task, its progress and its evidence', async () => {
    emptyWard();
    await setUp();
    const plan = await ok('plans.add', { year: 2027, title: 'Kế hoạch 2027' });
    await ok('plans.add', { year: 2026, title: 'Kế hoạch 2026' });
    await ok('units.add', { code: 'VP', name: 'Văn phòng' });
    const directive = await ok('directives.add', { code: 'D1', issuer: 'UBND', title: 'Văn bản nhập nhầm' });
    const indicator = await ok('indicators.add', {
      code: 'I1',
      areaCode: 'CQ',
      name: 'Số hồ sơ',
      unit: 'hồ sơ',
      target: { year: 2026, comparator: '>=', target: 10 },
    });
    const task = await ok('tasks.add', { planYear: 2026, areaCode: 'CQ', content: 'Nhiệm vụ', leadUnitCode: 'VP' });
    const progress = await ok('tasks.progress', { taskId: task.id, status: 'in_progress', percent: 10 });
    const file = await ok('tasks.attach', { taskId: task.id, fileName: 'x.pdf', contentBase64: Buffer.from('x').toString('base64') });
    const cases: Array<[Method, Record<string, unknown>, string, string, string]> = [
      ['directives.retire', { id: directive.id }, 'directive', directive.id, 'directive.retire'],
      ['indicators.retire', { id: indicator.id }, 'indicator', indicator.id, 'indicator.retire'],
      ['plans.retire', { id: plan.id }, 'plan', plan.id, 'plan.retire'],
      ['evidence.remove', { id: file.id, reason: 'Nhầm tệp' }, 'evidence', file.id, 'evidence.remove'],
      ['progress.remove', { id: progress.id }, 'task_progress', progress.id, 'progress.remove'],
      ['tasks.delete', { id: task.id }, 'task', task.id, 'task.delete'],
    ];
    for (const [method, input, table, id, action] of cases) {
      await ok(method, input);
      expect(sql<{ deleted: number }>(`SELECT deleted FROM "${table}" WHERE id = ?`, id)[0]!.deleted).toBe(1);
      const last = sql<{ data: string }>('SELECT data FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY seq DESC LIMIT 1', table, id)[0]!;
      expect((JSON.parse(last.data) as { deleted: number }).deleted).toBe(1);
      const audit = sql<{ action: string; actor: string; at: string }>(
        'SELECT action, actor, at FROM audit_log WHERE entity_id = ? ORDER BY id DESC LIMIT 1',
        id,
      )[0]!;
      expect(audit).toEqual({ action, actor: 'Lê Văn Tâm', at: fixedClock() });
      // A second retire finds nothing to retire, and writes nothing.
      expect(await refused(method, input)).toMatch(/\.not_found$/);
    }
    expect(sql<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'evidence.remove'")[0]!.detail).toContain('Nhầm tệp');
  });
});

describe('corrections of a task, its progress and its evidence', () => {
  it('corrects and removes progress, removes evidence, deletes a task; the history keeps who, when and what', async () => {
    demo();
    const task = (await ok('tasks.list', {}))[0]!;
    const p1 = await ok('tasks.progress', { taskId: task.id, status: 'in_progress', percent: 40, date: '2026-05-10' });
    const p2 = await ok('tasks.progress', { taskId: task.id, status: 'in_progress', percent: 90, date: '2026-06-10' });
    const file = await ok('tasks.attach', {
      taskId: task.id,
      progressId: p2.id,
      fileName: 'bien-ban.pdf',
      contentBase64: Buffer.from('%PDF-1.4 biên bản').toString('base64'),
    });
    const wrong = await ok('tasks.attach', { taskId: task.id, fileName: 'nham.docx', contentBase64: Buffer.from('nhầm tệp').toString('base64') });

    expect(await refused('progress.correct', { id: p1.id, percent: 140 })).toBe('progress.out_of_range');
    expect(await refused('tasks.progress', { taskId: task.id, status: 'in_progress', percent: -5 })).toBe('progress.out_of_range');
    expect(await refused('progress.correct', { id: p1.id, status: 'done', percent: 50 })).toBe('status.done_requires_100');
    await ok('progress.correct', { id: p1.id, percent: 45, note: 'Sửa số liệu', reason: 'Gõ nhầm' });
    let d = await ok('tasks.get', { id: task.id });
    expect(d.progress.map((p) => p.percent)).toEqual([45, 90]);

    const got = await ok('evidence.get', { id: file.id });
    expect(Buffer.from(got.contentBase64, 'base64').toString()).toBe('%PDF-1.4 biên bản');
    expect(got).toMatchObject({ fileName: 'bien-ban.pdf', sha256: file.sha256 });

    await ok('evidence.remove', { id: wrong.id, reason: 'Đính kèm nhầm' });
    await ok('progress.remove', { id: p2.id });
    d = await ok('tasks.get', { id: task.id });
    expect(d.progress.map((p) => p.percent)).toEqual([45]);
    // The file attached to the removed entry went with it.
    expect(d.evidence).toEqual([]);
    expect(d.task.percent).toBe(45);

    const history = await ok('tasks.history', { id: task.id });
    const removed = history.find((h) => h.action === 'evidence.remove' && h.subject === 'nham.docx')!;
    expect(removed).toMatchObject({ actor: 'Cán bộ chuyên trách CNTT', reason: 'Đính kèm nhầm', at: fixedClock() });
    const corrected = history.find((h) => h.action === 'progress.correct')!;
    expect(corrected.reason).toBe('Gõ nhầm');
    expect(corrected.changes).toContainEqual({ field: 'percent', from: '40', to: '45' });

    await ok('tasks.delete', { id: task.id });
    expect(await refused('tasks.get', { id: task.id })).toBe('task.not_found');
    expect((await ok('tasks.list', {})).length).toBe(21);
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM task_progress WHERE task_id = ? AND deleted = 0', task.id)[0]!.n).toBe(0);
  });

  it('saves a verified copy of an evidence file and refuses one whose bytes changed on disk', async () => {
    demo();
    const task = (await ok('tasks.list', {}))[0]!;
    const file = await ok('tasks.attach', { taskId: task.id, fileName: 'ảnh hiện trường.jpg', contentBase64: Buffer.from('jpeg bytes').toString('base64') });
    const out = path.join(dir, 'ban-sao.jpg');
    const copy = await ok('evidence.saveCopy', { id: file.id, outPath: out });
    expect(copy.path).toBe(out);
    expect(fs.readFileSync(out, 'utf8')).toBe('jpeg bytes');
    const blob = path.join(`${dbPath}.files`, file.sha256.slice(0, 2), file.sha256);
    fs.writeFileSync(blob, 'altered');
    expect(await refused('evidence.get', { id: file.id })).toBe('blob.corrupt');
  });
});

describe('the key passphrase typed in the app', () => {
  it('asks before the key is made, refuses a short or blank one, then keeps it for the session', async () => {
    emptyWard({ passphraseInApp: true });
    await setUp();
    expect(await ok('keys.passphraseState', {})).toEqual({ asksInApp: true, unlocked: false, keyExists: false });
    const needed = await api.call('keys.enrollmentRequest', {});
    expect(needed.ok ? null : needed.error.code).toBe('keys.passphrase_needed');
    for (const bad of ['', 'ngan']) {
      const r = await api.call('keys.unlock', { passphrase: bad });
      expect(r.ok ? null : r.error.code).toBe('keys.passphrase_too_short');
    }
    expect(await ok('keys.unlock', { passphrase: 'cụm mật khẩu dài' })).toMatchObject({ unlocked: true, keyExists: false });
    await ok('keys.enrollmentRequest', {});
    expect(fs.existsSync(`${dbPath}.key`)).toBe(true);
  });

  it('checks the passphrase against an existing key file', async () => {
    emptyWard({ passphraseInApp: true });
    await setUp();
    await loadOrCreateKey(new PassphraseFileKeyStore(`${dbPath}.key`, async () => 'đúng mật khẩu rồi'));
    const r = await api.call('keys.unlock', { passphrase: 'sai mật khẩu rồi' });
    expect(r.ok ? null : r.error.code).toBe('keys.wrong_passphrase_or_corrupt');
    expect((await ok('keys.passphraseState', {})).unlocked).toBe(false);
    expect(await ok('keys.unlock', { passphrase: 'đúng mật khẩu rồi' })).toEqual({ asksInApp: true, unlocked: true, keyExists: true });
    expect((await ok('keys.enrollmentRequest', {})).keyId).toBeTruthy();
  });
});

describe('backup inspection before a restore', () => {
  it('shows the backup’s ward, date and counts without touching the current data', async () => {
    demo();
    const task = (await ok('tasks.list', {}))[0]!;
    await ok('tasks.progress', { taskId: task.id, status: 'in_progress', percent: 30 });
    await ok('tasks.attach', { taskId: task.id, fileName: 'a.pdf', contentBase64: Buffer.from('a').toString('base64') });
    const s = api.holder.requireSession();
    const b = await createBackup(s.db, s.orgCode, dir, fixedClock());
    const before = dumpDatabase(s.db);
    const info = await ok('backup.inspect', { path: b.path });
    expect(info).toMatchObject({
      fileName: path.basename(b.path),
      role: 'ward',
      orgCode: 'HP-HAIDUONG',
      orgName: 'Phường Hải Dương',
      sameOrg: true,
      counts: { plans: 1, tasks: 22, progress: 1, evidence: 1, files: 1 },
    });
    expect(info.madeAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(info.lastChangeAt).toBe(fixedClock());
    expect(dumpDatabase(s.db)).toBe(before);
    const notBackup = path.join(dir, 'khong-phai.wpbak');
    fs.writeFileSync(notBackup, 'not a zip');
    const r = await api.call('backup.inspect', { path: notBackup });
    expect(r.ok ? null : r.error.code).toBe('backup.not_a_backup');
  });
});
