import { describe, expect, it } from 'vitest';
import type { Period } from './period';
import {
  STATUS_ORDER,
  countStatuses,
  evaluateTaskStatus,
  isDoneStatus,
  isRecordedStatus,
  taskStatusLabel,
  type ProgressEntry,
  type TaskStatus,
} from './task-status';
import type { Timeline } from './timeline';

const byQ3: Timeline = { kind: 'deadline', start: '2026-07-01', deadline: '2026-09-30' };
const continuous: Timeline = { kind: 'recurring', every: 'continuous' };
const quarterly: Timeline = { kind: 'recurring', every: 'quarterly' };
const onRequest: Timeline = { kind: 'on-request' };
const unparsed: Timeline = { kind: 'unparsed', text: 'Theo tiến độ' };
const Q2: Period = { kind: 'quarter', year: 2026, index: 2 };
const Q3: Period = { kind: 'quarter', year: 2026, index: 3 };
const H1: Period = { kind: 'half', year: 2026, index: 1 };

const e = (date: string, status: ProgressEntry['status'], percent?: number): ProgressEntry => ({
  date,
  status,
  percent: percent ?? (status === 'done' ? 100 : status === 'in_progress' ? 50 : 0),
});

describe('deadline tasks', () => {
  it('not started, no entries: not_started before the deadline, overdue the day after', () => {
    expect(evaluateTaskStatus({ timeline: byQ3, progress: [] }, '2026-08-01')).toBe('not_started');
    expect(evaluateTaskStatus({ timeline: byQ3, progress: [] }, '2026-09-30')).toBe('not_started');
    expect(evaluateTaskStatus({ timeline: byQ3, progress: [] }, '2026-10-01')).toBe('overdue');
  });

  it('in progress within term, overdue after the deadline', () => {
    const progress = [e('2026-07-15', 'in_progress')];
    expect(evaluateTaskStatus({ timeline: byQ3, progress }, '2026-09-30')).toBe('in_progress');
    expect(evaluateTaskStatus({ timeline: byQ3, progress }, '2026-10-01')).toBe('overdue');
  });

  it('done on the deadline day is done, the day after is done_late', () => {
    expect(evaluateTaskStatus({ timeline: byQ3, progress: [e('2026-09-30', 'done')] }, '2026-12-31')).toBe('done');
    expect(evaluateTaskStatus({ timeline: byQ3, progress: [e('2026-10-01', 'done')] }, '2026-12-31')).toBe('done_late');
  });

  it('ignores entries dated after asOf', () => {
    const progress = [e('2026-07-10', 'in_progress'), e('2026-10-05', 'done')];
    // On 2 October the late completion has not happened yet: still overdue.
    expect(evaluateTaskStatus({ timeline: byQ3, progress }, '2026-10-02')).toBe('overdue');
    expect(evaluateTaskStatus({ timeline: byQ3, progress }, '2026-10-05')).toBe('done_late');
    expect(evaluateTaskStatus({ timeline: byQ3, progress }, '2026-07-09')).toBe('not_started');
  });

  it('the latest entry by date wins, whatever the array order', () => {
    const progress = [e('2026-09-20', 'done'), e('2026-08-01', 'in_progress')];
    expect(evaluateTaskStatus({ timeline: byQ3, progress }, '2026-12-31')).toBe('done');
    const reopened = [e('2026-09-25', 'in_progress'), e('2026-09-20', 'done')];
    expect(evaluateTaskStatus({ timeline: byQ3, progress: reopened }, '2026-09-28')).toBe('in_progress');
    expect(evaluateTaskStatus({ timeline: byQ3, progress: reopened }, '2026-10-01')).toBe('overdue');
  });

  it('on the same date the later array element wins', () => {
    const doneLast = [e('2026-09-10', 'in_progress'), e('2026-09-10', 'done')];
    const doneFirst = [e('2026-09-10', 'done'), e('2026-09-10', 'in_progress')];
    expect(evaluateTaskStatus({ timeline: byQ3, progress: doneLast }, '2026-09-15')).toBe('done');
    expect(evaluateTaskStatus({ timeline: byQ3, progress: doneFirst }, '2026-09-15')).toBe('in_progress');
  });

  it('a later done entry (an update) does not move the completion date', () => {
    const progress = [e('2026-09-20', 'done'), e('2026-10-05', 'done')];
    expect(evaluateTaskStatus({ timeline: byQ3, progress }, '2026-12-31')).toBe('done');
  });

  it('a task reopened and finished again after the deadline is done late', () => {
    const progress = [e('2026-09-20', 'done'), e('2026-09-25', 'in_progress'), e('2026-10-05', 'done')];
    expect(evaluateTaskStatus({ timeline: byQ3, progress }, '2026-12-31')).toBe('done_late');
  });

  it('a recorded not_started after earlier progress is taken as recorded', () => {
    const progress = [e('2026-07-10', 'in_progress'), e('2026-08-10', 'not_started')];
    expect(evaluateTaskStatus({ timeline: byQ3, progress }, '2026-08-15')).toBe('not_started');
  });

  it('a deadline task ignores the reporting period: done in Q3 stays done in a Q4 report', () => {
    const progress = [e('2026-08-01', 'done')];
    const Q4: Period = { kind: 'quarter', year: 2026, index: 4 };
    expect(evaluateTaskStatus({ timeline: byQ3, progress }, '2026-12-31', Q4)).toBe('done');
  });

  it('ignores entries with impossible dates', () => {
    const progress = [e('2026-02-30', 'done')];
    expect(evaluateTaskStatus({ timeline: byQ3, progress }, '2026-12-31')).toBe('overdue');
  });

  it('refuses an invalid asOf', () => {
    expect(() => evaluateTaskStatus({ timeline: byQ3, progress: [] }, '30/09/2026')).toThrow(RangeError);
  });
});

describe('recurring and on-request tasks: judged per period, never overdue', () => {
  it('a done entry in the period makes it done', () => {
    const progress = [e('2026-05-10', 'done')];
    expect(evaluateTaskStatus({ timeline: continuous, progress }, '2026-06-30', Q2)).toBe('done');
  });

  it('a done in an earlier period does not count for this one', () => {
    const progress = [e('2026-05-10', 'done')];
    expect(evaluateTaskStatus({ timeline: continuous, progress }, '2026-09-30', Q3)).toBe('not_started');
  });

  it('any other entry in the period means in progress', () => {
    expect(evaluateTaskStatus({ timeline: quarterly, progress: [e('2026-08-01', 'in_progress', 30)] }, '2026-09-30', Q3)).toBe('in_progress');
    // Recorded 'not started' but with some percent: work has begun.
    expect(evaluateTaskStatus({ timeline: quarterly, progress: [e('2026-08-01', 'not_started', 20)] }, '2026-09-30', Q3)).toBe('in_progress');
  });

  it('an explicit not_started at 0% in the period stays not_started', () => {
    expect(evaluateTaskStatus({ timeline: quarterly, progress: [e('2026-08-01', 'not_started')] }, '2026-09-30', Q3)).toBe('not_started');
    const progress = [e('2026-07-05', 'in_progress', 10), e('2026-08-01', 'not_started')];
    expect(evaluateTaskStatus({ timeline: quarterly, progress }, '2026-09-30', Q3)).toBe('in_progress');
  });

  it('a done earlier in the period stands even if a later entry starts the next round', () => {
    const progress = [e('2026-07-20', 'done'), e('2026-09-01', 'in_progress', 10)];
    expect(evaluateTaskStatus({ timeline: quarterly, progress }, '2026-09-30', Q3)).toBe('done');
  });

  it('entries after asOf do not count even inside the period', () => {
    const progress = [e('2026-09-20', 'done')];
    expect(evaluateTaskStatus({ timeline: quarterly, progress }, '2026-08-31', Q3)).toBe('not_started');
  });

  it('is never overdue, however late asOf is', () => {
    for (const timeline of [continuous, quarterly, onRequest]) {
      expect(evaluateTaskStatus({ timeline, progress: [] }, '2030-01-01')).toBe('not_started');
    }
  });

  it('without a period, judges the quarter containing asOf', () => {
    const progress = [e('2026-06-30', 'done'), e('2026-07-01', 'in_progress')];
    expect(evaluateTaskStatus({ timeline: continuous, progress }, '2026-06-30')).toBe('done');
    expect(evaluateTaskStatus({ timeline: continuous, progress }, '2026-08-15')).toBe('in_progress');
    expect(evaluateTaskStatus({ timeline: continuous, progress: [e('2026-06-30', 'done')] }, '2026-07-01')).toBe('not_started');
  });

  it('a longer period takes in all its entries', () => {
    const progress = [e('2026-02-01', 'done')];
    expect(evaluateTaskStatus({ timeline: continuous, progress }, '2026-06-30', H1)).toBe('done');
    expect(evaluateTaskStatus({ timeline: continuous, progress }, '2026-06-30', Q2)).toBe('not_started');
  });

  it('on-request tasks follow the same rule', () => {
    const progress = [e('2026-04-02', 'done')];
    expect(evaluateTaskStatus({ timeline: onRequest, progress }, '2026-06-30', Q2)).toBe('done');
    expect(evaluateTaskStatus({ timeline: onRequest, progress }, '2026-09-30', Q3)).toBe('not_started');
  });
});

describe('unparsed timelines: no deadline, recorded status kept across periods', () => {
  it('is never overdue', () => {
    expect(evaluateTaskStatus({ timeline: unparsed, progress: [] }, '2030-01-01')).toBe('not_started');
    expect(evaluateTaskStatus({ timeline: unparsed, progress: [e('2026-01-10', 'in_progress')] }, '2030-01-01')).toBe('in_progress');
  });
  it('a done task stays done in later periods, and is never done late', () => {
    const progress = [e('2026-02-01', 'done')];
    expect(evaluateTaskStatus({ timeline: unparsed, progress }, '2026-09-30', Q3)).toBe('done');
  });
});

describe('labels and order', () => {
  it('uses the terms of the domain', () => {
    expect(taskStatusLabel('done', 'vi')).toBe('Đã hoàn thành');
    expect(taskStatusLabel('done_late', 'vi')).toBe('Hoàn thành muộn');
    expect(taskStatusLabel('in_progress', 'vi')).toBe('Đang thực hiện trong hạn');
    expect(taskStatusLabel('not_started', 'vi')).toBe('Chưa triển khai');
    expect(taskStatusLabel('overdue', 'vi')).toBe('Quá hạn');
    expect(taskStatusLabel('overdue', 'en')).toBe('Overdue');
  });
  it('STATUS_ORDER lists every status once, with a label in both languages', () => {
    const all: TaskStatus[] = ['not_started', 'in_progress', 'overdue', 'done', 'done_late'];
    expect([...STATUS_ORDER].sort()).toEqual([...all].sort());
    for (const s of STATUS_ORDER) {
      expect(taskStatusLabel(s, 'vi')).toMatch(/\S/);
      expect(taskStatusLabel(s, 'en')).toMatch(/\S/);
    }
    expect(STATUS_ORDER[0]).toBe('done');
    expect(STATUS_ORDER[STATUS_ORDER.length - 1]).toBe('overdue');
  });
  it('counts statuses for the report table', () => {
    const c = countStatuses(['done', 'done_late', 'overdue', 'done', 'not_started']);
    expect(c).toEqual({ done: 2, done_late: 1, in_progress: 0, not_started: 1, overdue: 1, total: 5 });
    expect(isDoneStatus('done_late')).toBe(true);
    expect(isDoneStatus('overdue')).toBe(false);
  });
});

describe('edges a changed rule would cross', () => {
  it('done and done late are done; nothing else is', () => {
    expect(isDoneStatus('done')).toBe(true);
    expect(isDoneStatus('done_late')).toBe(true);
    expect(isDoneStatus('in_progress')).toBe(false);
    expect(isDoneStatus('not_started')).toBe(false);
  });

  it('labels every status in English too', () => {
    expect(['done', 'done_late', 'in_progress', 'not_started'].map((s) => taskStatusLabel(s as TaskStatus, 'en'))).toEqual([
      'Done',
      'Done late',
      'In progress within term',
      'Not started',
    ]);
  });

  it('a task done on its deadline day is done, one day later is done late', () => {
    expect(evaluateTaskStatus({ timeline: byQ3, progress: [e('2026-09-30', 'done')] }, '2026-12-31')).toBe('done');
    expect(evaluateTaskStatus({ timeline: byQ3, progress: [e('2026-10-01', 'done')] }, '2026-12-31')).toBe('done_late');
    expect(evaluateTaskStatus({ timeline: byQ3, progress: [e('2026-09-30', 'in_progress')] }, '2026-09-30')).toBe('in_progress');
    expect(evaluateTaskStatus({ timeline: byQ3, progress: [] }, '2026-10-01')).toBe('overdue');
    expect(evaluateTaskStatus({ timeline: byQ3, progress: [] }, '2026-09-30')).toBe('not_started');
  });

  it('an entry dated on the as-of day counts, one after it does not', () => {
    expect(evaluateTaskStatus({ timeline: unparsed, progress: [e('2026-05-05', 'in_progress')] }, '2026-05-05')).toBe('in_progress');
    expect(evaluateTaskStatus({ timeline: unparsed, progress: [e('2026-05-06', 'in_progress')] }, '2026-05-05')).toBe('not_started');
    expect(evaluateTaskStatus({ timeline: unparsed, progress: [e('2026-02-30', 'done'), e('2026-05-01', 'in_progress')] }, '2026-12-31')).toBe('in_progress');
    expect(() => evaluateTaskStatus({ timeline: unparsed, progress: [] }, '2026-02-30')).toThrow(RangeError);
  });

  it('entries of one day keep their order; entries out of order are sorted by date', () => {
    const sameDay = [e('2026-05-05', 'done'), e('2026-05-05', 'in_progress')];
    expect(evaluateTaskStatus({ timeline: unparsed, progress: sameDay }, '2026-12-31')).toBe('in_progress');
    expect(evaluateTaskStatus({ timeline: unparsed, progress: [...sameDay].reverse() }, '2026-12-31')).toBe('done');
    expect(evaluateTaskStatus({ timeline: unparsed, progress: [e('2026-06-01', 'done'), e('2026-05-01', 'in_progress')] }, '2026-12-31')).toBe('done');
    // Done in time and noted again later stays in time; done, reopened and done again after the deadline is late.
    expect(evaluateTaskStatus({ timeline: byQ3, progress: [e('2026-09-01', 'done'), e('2026-11-01', 'done')] }, '2026-12-31')).toBe('done');
    expect(
      evaluateTaskStatus({ timeline: byQ3, progress: [e('2026-09-01', 'done'), e('2026-10-01', 'in_progress'), e('2026-11-01', 'done')] }, '2026-12-31'),
    ).toBe('done_late');
  });

  it('a broken deadline keeps the recorded status and is never late', () => {
    const broken: Timeline = { kind: 'deadline', deadline: '2026-02-30' };
    expect(evaluateTaskStatus({ timeline: broken, progress: [] }, '2027-01-01')).toBe('not_started');
    expect(evaluateTaskStatus({ timeline: broken, progress: [e('2026-01-01', 'in_progress')] }, '2027-01-01')).toBe('in_progress');
  });

  it('per period: 1% of work is under way, 0% not started is not, outside the period nothing counts', () => {
    expect(evaluateTaskStatus({ timeline: quarterly, progress: [e('2026-08-01', 'not_started', 1)] }, '2026-09-30', Q3)).toBe('in_progress');
    expect(evaluateTaskStatus({ timeline: quarterly, progress: [e('2026-08-01', 'not_started', 0)] }, '2026-09-30', Q3)).toBe('not_started');
    expect(evaluateTaskStatus({ timeline: quarterly, progress: [e('2026-08-01', 'not_started', Number.NaN)] }, '2026-09-30', Q3)).toBe('not_started');
    expect(evaluateTaskStatus({ timeline: onRequest, progress: [e('2026-06-30', 'done')] }, '2026-09-30', Q3)).toBe('not_started');
    expect(evaluateTaskStatus({ timeline: onRequest, progress: [e('2026-07-01', 'done'), e('2026-07-02', 'in_progress')] }, '2026-09-30', Q3)).toBe('done');
    // Without a period, the quarter of the as-of day.
    expect(evaluateTaskStatus({ timeline: continuous, progress: [e('2026-06-30', 'done')] }, '2026-06-30')).toBe('done');
    expect(evaluateTaskStatus({ timeline: continuous, progress: [e('2026-06-30', 'done')] }, '2026-07-01')).toBe('not_started');
    expect(evaluateTaskStatus({ timeline: continuous, progress: undefined as unknown as ProgressEntry[] }, '2026-07-01')).toBe('not_started');
  });

  it('counts nothing as all zeros', () => {
    expect(countStatuses([])).toEqual({ done: 0, done_late: 0, in_progress: 0, not_started: 0, overdue: 0, total: 0 });
    expect(countStatuses(['in_progress', 'in_progress'])).toMatchObject({ in_progress: 2, total: 2 });
  });
});

describe('recorded statuses and the order of one day', () => {
  it('only the three recorded statuses are recorded ones', () => {
    expect(['not_started', 'in_progress', 'done', 'overdue', 'done_late', 42, null].map(isRecordedStatus)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('several entries on one day: the last one written is the latest word', () => {
    const day = '2026-05-05';
    for (const order of [
      ['in_progress', 'done', 'not_started', 'in_progress', 'done'],
      ['done', 'not_started', 'done', 'in_progress', 'in_progress', 'not_started'],
      ['not_started', 'done', 'in_progress', 'done', 'not_started', 'in_progress', 'done'],
    ] as const) {
      const progress = order.map((s) => e(day, s));
      expect(evaluateTaskStatus({ timeline: unparsed, progress }, '2026-12-31'), order.join(' ')).toBe(order[order.length - 1]);
    }
  });

  it('in progress at 0% is still under way in its period', () => {
    expect(evaluateTaskStatus({ timeline: quarterly, progress: [e('2026-08-01', 'in_progress', 0)] }, '2026-09-30', Q3)).toBe('in_progress');
    expect(() => evaluateTaskStatus({ timeline: quarterly, progress: [] }, '30/09/2026')).toThrow('asOf is not an ISO date: 30/09/2026');
  });
});
