import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoWard, dumpDatabase, fixedClock, tempDir } from '../../test/support/temp';
import { openDatabase } from '../database';
import { blobPath } from '../blobs';
import { applyRemoteRow, saveOwnedRow } from '../write';
import { newId } from '../session';
import { addDirective, addUnit, listAreas } from './catalog';
import { attachEvidence, readEvidence } from './evidence';
import { listIndicators, setValue, valueHistory } from './indicators';
import { addPlan, listPlans, updatePlan } from './plans';
import { initWard } from './setup';
import { wardSummary } from './summary';
import { addTask, getTask, listTasks, recordProgress, updateTask } from './tasks';

describe('demo plan', () => {
  it('loads the ward, its 22 tasks and 19 indicators with targets', () => {
    const { s } = demoWard();
    const sum = wardSummary(s, { asOf: '2026-10-15' });
    expect(sum.ward).toEqual({ code: 'HP-HAIDUONG', name: 'Phường Hải Dương' });
    expect(sum.plan?.docNumber).toBe('111/KH-UBND');
    expect(sum.tasks.total).toBe(22);
    expect(sum.indicators.total).toBe(19);
    expect(sum.indicators.noData).toBe(19);
    expect(listIndicators(s, { year: 2026 }).every((i) => i.target !== null && i.comparator !== null)).toBe(true);
    expect(sum.tasks.byArea.reduce((n, a) => n + a.total, 0)).toBe(22);
    expect(sum.tasks.byDirective.find((d) => d.code === 'NQ57')?.total).toBe(6);
  });

  it('judges deadlines by the calendar: nothing recorded and past Quý II is overdue', () => {
    const { s } = demoWard();
    const sum = wardSummary(s, { asOf: '2026-10-15' });
    // Quý I (21), Quý II (6, 22) and Quý III (7, 13) and "Trước 30/9/2026" (20) have passed.
    expect(sum.tasks.overdue.map((t) => t.no).sort((a, b) => a - b)).toEqual([6, 7, 13, 20, 21, 22]);
    expect(sum.tasks.byStatus.overdue).toBe(6);
    // "Năm 2026" tasks fall due on 31/12/2026: the next deadlines.
    expect(sum.tasks.upcoming.every((t) => t.deadline === '2026-12-31')).toBe(true);
    const early = wardSummary(s, { asOf: '2026-02-01' });
    expect(early.tasks.byStatus.overdue).toBe(0);
  });
});

describe('tasks and progress', () => {
  it('records progress append-only and derives done and done late', () => {
    const { s } = demoWard();
    const t6 = listTasks(s, { asOf: '2026-10-15' }).find((t) => t.no === 6)!;
    recordProgress(s, { taskId: t6.id, status: 'in_progress', percent: 40, date: '2026-05-10' });
    recordProgress(s, { taskId: t6.id, status: 'done', date: '2026-07-20', note: 'Đã nâng cấp 12 máy' });
    const d = getTask(s, t6.id, '2026-10-15');
    expect(d.progress.map((p) => p.percent)).toEqual([40, 100]);
    expect(d.task.status).toBe('done_late');
    const t21 = listTasks(s).find((t) => t.no === 21)!;
    recordProgress(s, { taskId: t21.id, status: 'done', date: '2026-03-01' });
    expect(getTask(s, t21.id, '2026-10-15').task.status).toBe('done');
    // As of before the progress was recorded, the history does not count yet.
    expect(getTask(s, t6.id, '2026-05-01').task.status).toBe('not_started');
  });

  it('adds and edits a task with every "6 rõ" field and re-derives the deadline', () => {
    const { s } = demoWard();
    const { id } = addTask(s, {
      areaCode: 'CQ',
      content: 'Triển khai chữ ký số cho cán bộ mới',
      leadUnitCode: 'VP',
      partnerUnitCodes: ['HCC'],
      timeline: 'Quý IV/2026',
      sourceCode: 'NQ57',
      output: 'Chữ ký số được cấp',
      person: 'Nguyễn Văn A',
      authority: 'Chủ tịch UBND phường',
    });
    let t = getTask(s, id).task;
    expect(t.no).toBe(23);
    expect(t.deadline).toBe('2026-12-31');
    expect(t.sixClearMissing).toEqual([]);
    t = updateTask(s, id, { timeline: 'Trước 15/11/2026', person: '' });
    expect(t.deadline).toBe('2026-11-15');
    expect(t.sixClearMissing).toEqual(['person']);
  });

  it('finds tasks with or without diacritics', () => {
    const { s } = demoWard();
    const withMarks = listTasks(s, { search: 'chuyển đổi số' }).map((t) => t.no);
    const without = listTasks(s, { search: 'chuyen doi so' }).map((t) => t.no);
    expect(withMarks.length).toBeGreaterThan(3);
    expect(without).toEqual(withMarks);
    // "đ" typed as "d": task 19 is about Đài truyền thanh.
    expect(listTasks(s, { search: 'dai truyen thanh' }).map((t) => t.no)).toContain(19);
    expect(listTasks(s, { search: 'xyzkhongco' })).toEqual([]);
    expect(listTasks(s, { search: 'LAN' }).map((t) => t.no)).toContain(7);
  });
});

describe('indicators', () => {
  it('computes ratios and judges đạt / chưa đạt against the target', () => {
    const { s } = demoWard();
    const r = setValue(s, { indicatorCode: 'CQ-09', period: '2026-Q3', numerator: 3658476, denominator: 3670241 });
    expect(r.value).toBe(99.68);
    setValue(s, { indicatorCode: 'CQ-07', period: '2026-Q3', value: 88.5 });
    setValue(s, { indicatorCode: 'HT-01', period: '2026-Q3', value: 100 });
    const byCode = new Map(listIndicators(s, { period: '2026-Q3' }).map((i) => [i.code, i]));
    expect(byCode.get('CQ-09')?.outcome).toBe('dat');
    expect(byCode.get('CQ-07')?.outcome).toBe('chua_dat');
    expect(byCode.get('HT-01')?.outcome).toBe('dat');
    expect(byCode.get('KT-01')?.outcome).toBe('no_data');
    const sum = wardSummary(s, { asOf: '2026-10-15' });
    expect([sum.indicators.met, sum.indicators.notMet, sum.indicators.noData]).toEqual([2, 1, 16]);
  });

  it('keeps one value per indicator and period: a second entry corrects the first', () => {
    const { s } = demoWard();
    setValue(s, { indicatorCode: 'CQ-07', period: '2026-Q1', value: 80 });
    setValue(s, { indicatorCode: 'CQ-07', period: '2026-Q2', value: 86 });
    setValue(s, { indicatorCode: 'CQ-07', period: '2026-Q1', value: 81 });
    expect(valueHistory(s, 'CQ-07').map((v) => [v.period, v.value])).toEqual([
      ['2026-Q1', 81],
      ['2026-Q2', 86],
    ]);
  });

  it.each([
    ['a percentage above 100', { indicatorCode: 'CQ-07', period: '2026-Q3', value: 101 }, 'value.percent_out_of_range'],
    ['a numerator above its denominator', { indicatorCode: 'CQ-09', period: '2026-Q3', numerator: 11, denominator: 10 }, 'value.numerator_above_denominator'],
    ['an unknown indicator', { indicatorCode: 'XX-99', period: '2026-Q3', value: 5 }, 'indicator.not_found'],
    ['a malformed period', { indicatorCode: 'CQ-07', period: '2026-Q5', value: 5 }, 'period.invalid'],
  ])('refuses %s and writes nothing', (_, input, code) => {
    const { s, db } = demoWard();
    const before = dumpDatabase(db);
    expect(() => setValue(s, input)).toThrow(expect.objectContaining({ code }));
    expect(dumpDatabase(db)).toBe(before);
  });
});

describe('refusals leave the database as it was', () => {
  it.each([
    ['an unknown lead unit', (s: Parameters<typeof addTask>[0]) => addTask(s, { areaCode: 'CQ', content: 'x', leadUnitCode: 'NOPE' }), 'unit.not_found'],
    ['an unknown area', (s: Parameters<typeof addTask>[0]) => addTask(s, { areaCode: 'ZZ', content: 'x', leadUnitCode: 'VP' }), 'area.not_found'],
    [
      'a bad deadline',
      (s: Parameters<typeof addTask>[0]) => addTask(s, { areaCode: 'CQ', content: 'x', leadUnitCode: 'VP', deadline: '2026-02-30' }),
      'date.invalid',
    ],
    ['a duplicate unit', (s: Parameters<typeof addTask>[0]) => addUnit(s, { code: 'VP', name: 'Trùng' }), 'unit.duplicate'],
    ['a second plan for a year', (s: Parameters<typeof addTask>[0]) => addPlan(s, { year: 2026, title: 'Trùng' }), 'plan.duplicate'],
    [
      'a partner list with one unknown unit',
      (s: Parameters<typeof addTask>[0]) => addTask(s, { areaCode: 'CQ', content: 'x', leadUnitCode: 'VP', partnerUnitCodes: ['HCC', 'NOPE'] }),
      'unit.not_found',
    ],
  ])('refuses %s', (_, fn, code) => {
    const { s, db } = demoWard();
    const before = dumpDatabase(db);
    expect(() => fn(s)).toThrow(expect.objectContaining({ code }));
    expect(dumpDatabase(db)).toBe(before);
  });

  it('refuses a progress percent above 100 and a done with less than 100', () => {
    const { s, db } = demoWard();
    const t = listTasks(s)[0]!;
    const before = dumpDatabase(db);
    expect(() => recordProgress(s, { taskId: t.id, status: 'in_progress', percent: 120 })).toThrow();
    expect(() => recordProgress(s, { taskId: t.id, status: 'done', percent: 50 })).toThrow();
    expect(dumpDatabase(db)).toBe(before);
  });
});

describe('change log', () => {
  it('stays gapless and in order over many changes, and its last entry per row is the row', () => {
    const { s, db } = demoWard();
    const tasks = listTasks(s);
    for (let i = 0; i < 300; i++) {
      const t = tasks[i % tasks.length]!;
      if (i % 3 === 0) recordProgress(s, { taskId: t.id, status: 'in_progress', percent: i % 100, date: '2026-06-01' });
      else if (i % 3 === 1) updateTask(s, t.id, { output: `Sản phẩm ${i}` });
      else setValue(s, { indicatorCode: 'CQ-07', period: `2026-M${String((i % 12) + 1).padStart(2, '0')}`, value: i % 100 });
      if (i === 150) {
        // A refused write in the middle must not leave a hole in the sequence.
        expect(() => setValue(s, { indicatorCode: 'CQ-07', period: '2026-Q1', value: 500 })).toThrow();
      }
    }
    const seqs = (db.sqlite.prepare('SELECT seq FROM change_log WHERE origin = ? ORDER BY seq').all(s.installationId) as { seq: number }[]).map((r) => r.seq);
    expect(seqs[0]).toBe(1);
    expect(seqs.every((n, i) => n === i + 1)).toBe(true);
    const last = db.sqlite
      .prepare(`SELECT table_name, row_id, data FROM change_log c WHERE seq = (SELECT max(seq) FROM change_log WHERE row_id = c.row_id AND origin = c.origin)`)
      .all() as { table_name: string; row_id: string; data: string }[];
    for (const l of last) {
      const row = db.sqlite.prepare(`SELECT * FROM "${l.table_name}" WHERE id = ?`).get(l.row_id);
      expect(JSON.parse(l.data)).toEqual(row);
    }
    const audits = (db.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    expect(audits).toBe(seqs.length);
  });
});

describe('ownership', () => {
  it('keeps the city catalog read-only in a ward database', () => {
    const { s } = demoWard();
    const cityAreaId = newId();
    s.db.sqlite.transaction(() =>
      applyRemoteRow(
        s,
        'city-installation',
        1,
        'area',
        { id: cityAreaId, owner: 'HP', updated_at: fixedClock(), deleted: 0, code: 'XX', name: 'Lĩnh vực thành phố', sort: 99 },
        fixedClock(),
      ),
    )();
    expect(() => s.db.sqlite.transaction(() => saveOwnedRow(s, 'area', { id: cityAreaId, name: 'Sửa trái phép' }, 'area.update'))()).toThrow(
      expect.objectContaining({ code: 'owner.read_only' }),
    );
    expect(listAreas(s).find((a) => a.code === 'XX')?.name).toBe('Lĩnh vực thành phố');
  });
});

describe('evidence', () => {
  it('stores files content-addressed beside the database, once', async () => {
    const { s, db, dir } = demoWard();
    const t = listTasks(s)[0]!;
    const bytes = Buffer.from('%PDF-1.4 quyết định số 12/QĐ-UBND');
    const a = await attachEvidence(s, { taskId: t.id, fileName: '..\\..\\Quyết định 12.pdf', data: bytes });
    const b = await attachEvidence(s, { taskId: t.id, fileName: 'copy.pdf', data: bytes });
    expect(a.sha256).toBe(b.sha256);
    const file = blobPath(db.blobDir, a.sha256);
    expect(file.startsWith(dir)).toBe(true);
    expect(fs.readFileSync(file)).toEqual(bytes);
    expect(readEvidence(s, a.id)).toEqual({ fileName: 'Quyết định 12.pdf', data: bytes });
    expect(getTask(s, t.id).evidence).toHaveLength(2);
    fs.writeFileSync(file, 'rotted');
    expect(() => readEvidence(s, a.id)).toThrow(expect.objectContaining({ code: 'blob.corrupt' }));
  });
});

describe('plans', () => {
  it('an edit changes only the fields given', () => {
    const { s } = demoWard();
    const plan = listPlans(s)[0]!;
    const edited = updatePlan(s, plan.id, { signerName: 'Nguyễn Văn B' });
    expect(edited).toEqual({ ...plan, signerName: 'Nguyễn Văn B' });
    expect(() => updatePlan(s, newId(), { title: 'x' })).toThrow(expect.objectContaining({ code: 'plan.not_found' }));
  });
});

describe('a ward started empty', () => {
  it('has the standard areas and takes units, directives, a plan and a task', () => {
    const db = openDatabase(path.join(tempDir(), 'w.db'));
    const s = initWard(db, { wardCode: 'HP-XA', wardName: 'Xã Thử', cityCode: 'HP', cityName: 'Hải Phòng' }, fixedClock);
    expect(listAreas(s).map((a) => a.code)).toEqual(['LD', 'TC', 'HT', 'NL', 'DL', 'AT', 'CQ', 'KT', 'TT', 'KP']);
    addUnit(s, { code: 'VP', name: 'Văn phòng' });
    addDirective(s, { code: 'NQ57', number: '57-NQ/TW', date: '2024-12-22', issuer: 'Bộ Chính trị', title: 'Đột phá' });
    addPlan(s, { year: 2026, title: 'Kế hoạch CĐS 2026' });
    const { id } = addTask(s, { areaCode: 'CQ', content: 'Số hóa hồ sơ', leadUnitCode: 'VP', timeline: 'Thường xuyên', sourceCode: 'NQ57' });
    expect(getTask(s, id).task.status).toBe('not_started');
    expect(wardSummary(s, { asOf: '2026-12-31' }).tasks.byStatus.overdue).toBe(0);
  });
});
