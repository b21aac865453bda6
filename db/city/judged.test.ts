/**
 * The city counts task statuses in SQL (db/city/progress.ts); the ward judges them in JavaScript
 * (shared/rules/task-status). Both must tell every task's story the same way: here on a few hundred
 * generated tasks covering deadlines real and impossible, recurring and on-request timelines, text
 * that means nothing, entries after the day judged, on impossible dates, on the same day, reopened.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { initCity } from '../services/setup';
import { newId } from '../session';
import { timelineOf } from '../services/tasks';
import { evaluateTaskStatus, type ProgressEntry, type RecordedStatus } from '../../shared/rules/task-status';
import { tempDir } from '../../test/support/temp';
import { periodScope } from './scope';
import { directiveTable, wardTasks } from './progress';

const NOW = '2026-10-25T03:00:00.000Z';
const TIMELINES = ['Hằng quý', 'Thường xuyên', 'Khi có yêu cầu', 'Quý III/2026', 'Tháng 5/2026', 'Năm 2026', 'trước 30/6/2026', 'làm sau', ''];
const DEADLINES = [null, '', '2026-03-31', '2026-06-30', '2026-09-30', '2026-10-20', '2026-12-31', '2026-02-30', '30/06/2026'];
const DATES = [
  '2026-01-15',
  '2026-03-31',
  '2026-04-01',
  '2026-06-30',
  '2026-07-01',
  '2026-08-15',
  '2026-09-30',
  '2026-10-01',
  '2026-10-24',
  '2026-11-30',
  '2026-02-30',
  '1999-02-29',
];
const STATUSES: RecordedStatus[] = ['not_started', 'in_progress', 'done'];

function rng(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('task statuses counted in SQL', () => {
  it('match evaluateTaskStatus for every generated task, in every period', () => {
    const db = openDatabase(path.join(tempDir('wardplan-judged-'), 'city.db'));
    const s = initCity(db, { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' }, () => NOW);
    const r = rng(7);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
    const at = NOW;
    const q = (sql: string) => db.sqlite.prepare(sql);
    const area = (q('SELECT id FROM area LIMIT 1').get() as { id: string }).id;
    q("INSERT INTO org (code, kind, name, parent_code, updated_at) VALUES ('W1', 'ward', 'Phường Một', 'HP', ?)").run(at);
    q("INSERT INTO origin_state (origin, owner, last_seq, last_received_at) VALUES ('o1', 'W1', 1, ?)").run(at);
    const planId = newId();
    q("INSERT INTO plan (id, owner, updated_at, deleted, year, title, doc_number) VALUES (?, 'W1', ?, 0, 2026, 'Kế hoạch', '1/KH')").run(planId, at);
    const unitId = newId();
    q("INSERT INTO unit (id, owner, updated_at, deleted, code, name) VALUES (?, 'W1', ?, 0, 'VP', 'Văn phòng')").run(unitId, at);
    const tasks: Array<{ id: string; timeline: string | null; deadline: string | null; progress: ProgressEntry[] }> = [];
    db.sqlite.transaction(() => {
      for (let i = 0; i < 400; i++) {
        const id = newId();
        const deadline = pick(DEADLINES);
        const timeline = r() < 0.7 ? pick(TIMELINES) : null;
        q(
          `INSERT INTO task (id, owner, updated_at, deleted, plan_id, no, area_id, content, lead_unit_id, partner_unit_ids, deadline, timeline, created_at)
           VALUES (?, 'W1', ?, 0, ?, ?, ?, 'Nhiệm vụ', ?, '[]', ?, ?, ?)`,
        ).run(id, at, planId, i + 1, area, unitId, deadline, timeline, at);
        const progress: ProgressEntry[] = [];
        const n = Math.floor(r() * 6);
        for (let k = 0; k < n; k++) {
          const e = {
            date: r() < 0.25 && progress.length ? progress[progress.length - 1]!.date : pick(DATES),
            status: pick(STATUSES),
            percent: pick([0, 0, 30, 100]),
          };
          // created_at in writing order: same-day entries keep the order they were written in.
          q(
            `INSERT INTO task_progress (id, owner, updated_at, deleted, task_id, date, status, percent, by_name, created_at)
             VALUES (?, 'W1', ?, 0, ?, ?, ?, ?, 'Cán bộ', ?)`,
          ).run(newId(), at, id, e.date, e.status, e.percent, `2026-10-25T03:00:${String(k).padStart(2, '0')}.000Z`);
          progress.push(e);
        }
        // An entry deleted, and one of another owner, never count.
        q(
          `INSERT INTO task_progress (id, owner, updated_at, deleted, task_id, date, status, percent, by_name, created_at)
           VALUES (?, 'W1', ?, 1, ?, '2026-05-05', 'done', 100, 'Cán bộ', ?)`,
        ).run(newId(), at, id, at);
        tasks.push({ id, timeline, deadline, progress });
      }
    })();
    let checked = 0;
    for (const period of ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-H1', '2026', '2026-08']) {
      const scope = periodScope(s, period);
      const got = new Map(wardTasks(s, { period, wardCode: 'W1' }).map((t) => [t.id, t.status]));
      for (const t of tasks) {
        const want = evaluateTaskStatus({ timeline: timelineOf(t, 2026), progress: t.progress }, scope.asOf, scope.period);
        expect([period, t.deadline, t.timeline, JSON.stringify(t.progress), got.get(t.id)]).toEqual([
          period,
          t.deadline,
          t.timeline,
          JSON.stringify(t.progress),
          want,
        ]);
        checked++;
      }
      // The per-directive table counts the same statuses.
      const table = directiveTable(s, period);
      const counts = [...got.values()].reduce((m, st) => m.set(st, (m.get(st) ?? 0) + 1), new Map<string, number>());
      expect(table.totals).toMatchObject({
        total: tasks.length,
        done: counts.get('done') ?? 0,
        doneLate: counts.get('done_late') ?? 0,
        inProgress: counts.get('in_progress') ?? 0,
        notStarted: counts.get('not_started') ?? 0,
        overdue: counts.get('overdue') ?? 0,
      });
    }
    expect(checked).toBe(2800);
    db.close();
  });
});
