/**
 * The city counts task statuses in SQL (db/city/progress.ts); the ward judges them in JavaScript
 * (shared/rules/task-status). Both must tell every task's story the same way: here on a few hundred
 * generated tasks covering deadlines real and impossible, recurring and on-request timelines, text
 * that means nothing, entries after the day judged, on impossible dates, on the same day, reopened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openDatabase, type Database } from '../database';
import { initCity } from '../services/setup';
import { newId, sessionFor } from '../session';
import { timelineOf } from '../services/tasks';
import { evaluateTaskStatus, type ProgressEntry, type RecordedStatus } from '../../shared/rules/task-status';
import { tempDir } from '../../test/support/temp';
import { periodScope } from './scope';
import { directiveTable, wardTasks } from './progress';
import { FACTS_UNKNOWN, refreshProgressFacts } from '../progress-facts';

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

interface Entry extends ProgressEntry {
  id: string;
  createdAt: string;
}

interface GeneratedTask {
  id: string;
  timeline: string | null;
  deadline: string | null;
  progress: Entry[];
}

const q = (db: Database, sql: string) => db.sqlite.prepare(sql);

function insertEntry(db: Database, taskId: string, e: Entry, deleted = 0): void {
  q(
    db,
    `INSERT INTO task_progress (id, owner, updated_at, deleted, task_id, date, status, percent, by_name, created_at)
     VALUES (?, 'W1', ?, ?, ?, ?, ?, ?, 'Cán bộ', ?)`,
  ).run(e.id, NOW, deleted, taskId, e.date, e.status, e.percent, e.createdAt);
}

/** One ward's 400 tasks with up to five entries each, and the generator that made them, to change them later. */
/** A ward's tasks and entries written straight into a city; `refreshed`: their facts computed, as an import leaves them. */
function generatedWard(refreshed = true): { file: string; tasks: GeneratedTask[]; r: () => number } {
  const file = path.join(tempDir('wardplan-judged-'), 'city.db');
  const db = openDatabase(file);
  initCity(db, { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' }, () => NOW);
  const r = rng(7);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const at = NOW;
  const area = (q(db, 'SELECT id FROM area LIMIT 1').get() as { id: string }).id;
  q(db, "INSERT INTO org (code, kind, name, parent_code, updated_at) VALUES ('W1', 'ward', 'Phường Một', 'HP', ?)").run(at);
  q(db, "INSERT INTO origin_state (origin, owner, last_seq, last_received_at) VALUES ('o1', 'W1', 1, ?)").run(at);
  const planId = newId();
  q(db, "INSERT INTO plan (id, owner, updated_at, deleted, year, title, doc_number) VALUES (?, 'W1', ?, 0, 2026, 'Kế hoạch', '1/KH')").run(planId, at);
  const unitId = newId();
  q(db, "INSERT INTO unit (id, owner, updated_at, deleted, code, name) VALUES (?, 'W1', ?, 0, 'VP', 'Văn phòng')").run(unitId, at);
  const tasks: GeneratedTask[] = [];
  db.sqlite.transaction(() => {
    for (let i = 0; i < 400; i++) {
      const id = newId();
      const deadline = pick(DEADLINES);
      const timeline = r() < 0.7 ? pick(TIMELINES) : null;
      q(
        db,
        `INSERT INTO task (id, owner, updated_at, deleted, plan_id, no, area_id, content, lead_unit_id, partner_unit_ids, deadline, timeline, created_at)
         VALUES (?, 'W1', ?, 0, ?, ?, ?, 'Nhiệm vụ', ?, '[]', ?, ?, ?)`,
      ).run(id, at, planId, i + 1, area, unitId, deadline, timeline, at);
      const progress: Entry[] = [];
      const n = Math.floor(r() * 6);
      for (let k = 0; k < n; k++) {
        // created_at in writing order: same-day entries keep the order they were written in.
        const e: Entry = {
          id: newId(),
          date: r() < 0.25 && progress.length ? progress[progress.length - 1]!.date : pick(DATES),
          status: pick(STATUSES),
          percent: pick([0, 0, 30, 100]),
          createdAt: `2026-10-25T03:00:${String(k).padStart(2, '0')}.000Z`,
        };
        insertEntry(db, id, e);
        progress.push(e);
      }
      // An entry deleted never counts.
      insertEntry(db, id, { id: newId(), date: '2026-05-05', status: 'done', percent: 100, createdAt: at }, 1);
      tasks.push({ id, timeline, deadline, progress });
    }
  })();
  if (refreshed) refreshProgressFacts(db);
  db.close();
  return { file, tasks, r };
}

/**
 * Every task judged by SQL (a ward's task list and the per-directive table, read afresh from the
 * file) as evaluateTaskStatus judges it, in periods whose day judged falls before, among and after
 * the entries: asked on 25/10/2026, when some entries are dated later, and in January 2027, when
 * none is.
 */
function expectSameJudgement(file: string, tasks: GeneratedTask[]): void {
  const db = openDatabase(file, { mustExist: true });
  const now = sessionFor(db, { now: () => NOW });
  const nextYear = sessionFor(db, { now: () => '2027-01-15T03:00:00.000Z' });
  let checked = 0;
  for (const [s, period] of [
    ...['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-H1', '2026', '2026-08'].map((p) => [now, p] as const),
    [nextYear, '2026-Q4'] as const,
    [nextYear, '2026'] as const,
  ]) {
    const scope = periodScope(s, period);
    const got = new Map(wardTasks(s, { period, wardCode: 'W1' }).map((t) => [t.id, t.status]));
    expect(got.size).toBe(tasks.length);
    for (const t of tasks) {
      const progress = t.progress.map(({ date, status, percent }) => ({ date, status, percent }));
      const want = evaluateTaskStatus({ timeline: timelineOf(t, 2026), progress }, scope.asOf, scope.period);
      expect([period, t.deadline, t.timeline, JSON.stringify(progress), got.get(t.id)]).toEqual([
        period,
        t.deadline,
        t.timeline,
        JSON.stringify(progress),
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
  expect(checked).toBe(9 * tasks.length);
  db.close();
}

/** The tasks whose facts the triggers marked unknown. */
function marked(file: string): number {
  const db = openDatabase(file, { mustExist: true });
  const n = (q(db, 'SELECT count(*) AS n FROM task_progress_facts WHERE last_date = ?').get(FACTS_UNKNOWN) as { n: number }).n;
  db.close();
  return n;
}

/** Computes the marked tasks' facts as an import does, answering how many. */
function refreshed(file: string): number {
  const db = openDatabase(file, { mustExist: true });
  const n = refreshProgressFacts(db);
  db.close();
  return n;
}

/** The facts as the triggers and refreshProgressFacts left them, and as migration 0013's backfill makes them from the entries now stored. */
function factsKeptAndRebuilt(file: string): { kept: unknown[]; rebuilt: unknown[] } {
  const db = openDatabase(file, { mustExist: true });
  const read = () => q(db, 'SELECT * FROM task_progress_facts ORDER BY owner, task_id').all();
  const kept = read();
  const migration = fs.readFileSync(path.join(defaultMigrationsFolder(), '0013_task_progress_facts.sql'), 'utf8');
  const backfill = migration.split('--> statement-breakpoint').pop()!;
  db.sqlite.transaction(() => {
    db.sqlite.exec('DELETE FROM task_progress_facts');
    db.sqlite.exec(backfill);
  })();
  const rebuilt = read();
  db.close();
  return { kept, rebuilt };
}

describe('task statuses counted in SQL', () => {
  it('match evaluateTaskStatus for every generated task, in every period', () => {
    const { file, tasks } = generatedWard(false);
    // Every task with entries is marked: judged from its entries.
    expect(marked(file)).toBe(tasks.length);
    expectSameJudgement(file, tasks);
    expect(refreshed(file)).toBe(tasks.length);
    expect(marked(file)).toBe(0);
    // From the facts.
    expectSameJudgement(file, tasks);
    const { kept, rebuilt } = factsKeptAndRebuilt(file);
    expect(kept.length).toBeGreaterThan(300);
    expect(kept).toEqual(rebuilt);
  });

  it('still match after entries are changed, moved, deleted and added and tasks are deleted', () => {
    const { file, tasks, r } = generatedWard();
    const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
    const db = openDatabase(file, { mustExist: true });
    let later = 0;
    // A time after every entry written so far: entries written now come last among the same day's.
    const nextCreated = () => {
      const n = later++;
      return `2026-10-26T04:${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}.000Z`;
    };
    const withEntries = () => tasks.filter((t) => t.progress.length > 0);
    const ward = db.sqlite.transaction(() => {
      for (let i = 0; i < 60; i++) {
        // Changed in place: status, date, percent (the order written is kept).
        const t = pick(withEntries());
        const e = pick(t.progress);
        e.status = pick(STATUSES);
        e.date = pick(DATES);
        e.percent = pick([0, 30, 100]);
        q(db, 'UPDATE task_progress SET status = ?, date = ?, percent = ? WHERE id = ?').run(e.status, e.date, e.percent, e.id);
        t.progress.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
      }
      for (let i = 0; i < 40; i++) {
        // Deleted as a ward deletes: the row stays, marked deleted.
        const t = pick(withEntries());
        const e = t.progress.splice(Math.floor(r() * t.progress.length), 1)[0]!;
        q(db, 'UPDATE task_progress SET deleted = 1 WHERE id = ?').run(e.id);
      }
      for (let i = 0; i < 30; i++) {
        // Removed from the table altogether.
        const t = pick(withEntries());
        const e = t.progress.splice(Math.floor(r() * t.progress.length), 1)[0]!;
        q(db, 'DELETE FROM task_progress WHERE id = ?').run(e.id);
      }
      for (let i = 0; i < 30; i++) {
        // Moved to another task: both tasks' facts change.
        const from = pick(withEntries());
        const to = pick(tasks);
        if (from === to) continue;
        const e = from.progress.splice(Math.floor(r() * from.progress.length), 1)[0]!;
        e.createdAt = nextCreated();
        to.progress.push(e);
        q(db, 'UPDATE task_progress SET task_id = ?, created_at = ? WHERE id = ?').run(to.id, e.createdAt, e.id);
      }
      const upsert = q(
        db,
        `INSERT INTO task_progress (id, owner, updated_at, deleted, task_id, date, status, percent, note, by_name, created_at)
         VALUES (@id, 'W1', @at, 0, @taskId, @date, @status, @percent, @note, 'Cán bộ', @createdAt)
         ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, deleted = excluded.deleted, task_id = excluded.task_id, date = excluded.date,
           status = excluded.status, percent = excluded.percent, note = excluded.note, created_at = excluded.created_at`,
      );
      for (let i = 0; i < 60; i++) {
        // Written as a bundle writes: sent again unchanged, with a new note, changed, or new.
        const t = pick(tasks);
        const kind = i % 4;
        if (kind < 3 && t.progress.length) {
          const e = pick(t.progress);
          if (kind === 2) {
            e.status = pick(STATUSES);
            e.percent = pick([0, 30, 100]);
          }
          upsert.run({ ...e, taskId: t.id, at: NOW, note: kind === 1 ? 'Ghi chú' : null });
        } else {
          const e: Entry = { id: newId(), date: pick(DATES), status: pick(STATUSES), percent: pick([0, 30, 100]), createdAt: nextCreated() };
          t.progress.push(e);
          upsert.run({ ...e, taskId: t.id, at: NOW, note: null });
        }
      }
      for (let i = 0; i < 20; i++) {
        // A task deleted as a ward deletes it; then one removed with its entries.
        const t = tasks.splice(Math.floor(r() * tasks.length), 1)[0]!;
        q(db, 'UPDATE task SET deleted = 1 WHERE id = ?').run(t.id);
      }
      const gone = tasks.splice(0, 1)[0]!;
      q(db, 'DELETE FROM task_progress WHERE task_id = ?').run(gone.id);
      q(db, 'DELETE FROM task WHERE id = ?').run(gone.id);
      return gone.id;
    });
    const gone = ward();
    const factsOfGone = () => {
      const db = openDatabase(file, { mustExist: true });
      const rows = q(db, 'SELECT last_date FROM task_progress_facts WHERE task_id = ?').all(gone);
      db.close();
      return rows;
    };
    db.close();
    expect(factsOfGone()).toEqual([{ last_date: FACTS_UNKNOWN }]);
    // Some tasks marked, the rest from their facts.
    const changed = marked(file);
    expect(changed).toBeGreaterThan(50);
    expect(changed).toBeLessThan(tasks.length);
    expectSameJudgement(file, tasks);
    expect(refreshed(file)).toBe(changed);
    expect(factsOfGone()).toEqual([]);
    expectSameJudgement(file, tasks);
    const { kept, rebuilt } = factsKeptAndRebuilt(file);
    expect(kept).toEqual(rebuilt);
  });
});
