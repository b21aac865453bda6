/**
 * listTasks reads only the progress entries that can decide a task's status (the latest, the final
 * run of 'done', the period's entries): on many random histories, the status, recorded status,
 * percent and last date it gives must equal the shared rule run over every entry of the task.
 */
import { describe, expect, it } from 'vitest';
import { evaluateTaskStatus } from '../../shared/rules/task-status';
import { demoWard } from '../../test/support/temp';
import { rng } from '../../test/support/rng';
import { addTask, listTasks, progressByTask, recordProgress, timelineOf } from './tasks';
import { requirePlan } from './plans';

const STATUSES = ['not_started', 'in_progress', 'done'] as const;
const DAYS = ['2025-12-20', '2026-01-05', '2026-03-31', '2026-04-01', '2026-06-15', '2026-06-30', '2026-07-01', '2026-09-30', '2026-10-15', '2026-12-31'];

describe('the progress a task list reads', () => {
  it('judges every task as the rule does over all its entries, on random histories and days', () => {
    const { s } = demoWard();
    const r = rng(1414);
    const tasks = listTasks(s, { planYear: 2026, asOf: '2026-10-15' });
    for (const t of tasks) {
      const n = Math.floor(r() * 9);
      for (let k = 0; k < n; k++) {
        const status = STATUSES[Math.floor(r() * 3)]!;
        // Few distinct days, so entries often share a date.
        const date = DAYS[Math.floor(r() * DAYS.length)]!;
        recordProgress(s, { taskId: t.id, status, percent: status === 'in_progress' ? 1 + Math.floor(r() * 99) : undefined, date });
      }
    }
    // A date no calendar has, written past the services (an old import): the rule leaves it out.
    const odd = s.db.sqlite.prepare('SELECT id FROM task_progress WHERE deleted = 0 ORDER BY id LIMIT 3').all() as { id: string }[];
    for (const o of odd) s.db.sqlite.prepare("UPDATE task_progress SET date = '2026-02-30' WHERE id = ?").run(o.id);

    const plan = requirePlan(s, 2026);
    const kinds = new Set(tasks.map((t) => timelineOf(t, 2026).kind));
    expect(kinds.has('recurring') && kinds.has('deadline')).toBe(true);
    let compared = 0;
    for (const asOf of [...DAYS, '2026-02-28', '2026-03-01']) {
      const all = progressByTask(s, { planId: plan.id });
      for (const t of listTasks(s, { planYear: 2026, asOf })) {
        const entries = (all.get(t.id) ?? []).filter((p) => p.date <= asOf);
        const last = entries[entries.length - 1];
        expect([t.no, asOf, t.status, t.recordedStatus, t.percent, t.lastProgressDate]).toEqual([
          t.no,
          asOf,
          evaluateTaskStatus({ timeline: timelineOf(t, 2026), progress: entries }, asOf),
          last?.status ?? 'not_started',
          last?.percent ?? 0,
          last?.date ?? null,
        ]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('reads a task in full when an impossible date stands where the status is decided', () => {
    const { s } = demoWard();
    const some = listTasks(s, { planYear: 2026, asOf: '2026-10-15' })[0]!;
    const { id } = addTask(s, {
      planYear: 2026,
      content: 'Số hóa hồ sơ hộ tịch',
      areaCode: some.areaCode,
      leadUnitCode: some.leadUnitCode,
      deadline: '2026-03-31',
    });
    recordProgress(s, { taskId: id, status: 'in_progress', percent: 20, date: '2026-01-05' });
    recordProgress(s, { taskId: id, status: 'done', date: '2026-02-01' });
    const odd = recordProgress(s, { taskId: id, status: 'in_progress', percent: 50, date: '2026-04-20' });
    recordProgress(s, { taskId: id, status: 'done', date: '2026-05-10' });
    s.db.sqlite.prepare("UPDATE task_progress SET date = '2026-04-31' WHERE id = ?").run(odd.id);
    // The rule leaves 30 April's impossible twin out, so the task was done on 1 February, in term.
    const task = listTasks(s, { planYear: 2026, asOf: '2026-10-15' }).find((t) => t.id === id)!;
    expect([task.status, task.recordedStatus, task.lastProgressDate]).toEqual(['done', 'done', '2026-05-10']);
    expect(() => listTasks(s, { planYear: 2031, search: 'hộ tịch' })).toThrow(expect.objectContaining({ code: 'plan.not_found' }));
  });
});
