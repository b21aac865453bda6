/**
 * The ward's summary, task list and indicators read only what they show (the asked year's values,
 * the found tasks' progress): pinned here to the figures they gave when they read everything, on a
 * ward with several progress entries per task (some after the day asked, a task reopened and
 * finished again) and values over three years.
 */
import { describe, expect, it } from 'vitest';
import { demoWard } from '../../test/support/temp';
import type { Session } from '../session';
import { listIndicators, setValue } from './indicators';
import { wardSummary } from './summary';
import { listTasks, recordProgress } from './tasks';

const AS_OF = '2026-10-15';
const STATUSES = ['in_progress', 'done', 'in_progress', 'done', 'not_started'] as const;

function busyWard(): Session {
  const { s } = demoWard();
  for (const t of listTasks(s, { planYear: 2026, asOf: AS_OF })) {
    for (let k = 0; k < 5; k++) {
      const status = STATUSES[(t.no + k) % 5]!;
      const month = String(1 + ((t.no * 3 + k * 2) % 12)).padStart(2, '0');
      recordProgress(s, { taskId: t.id, status, percent: status === 'in_progress' ? 10 * (k + 1) : undefined, date: `2026-${month}-${10 + k}` });
    }
  }
  for (const [i, ind] of listIndicators(s, { year: 2026, asOf: AS_OF }).entries()) {
    const value = (p: string, v: number) =>
      setValue(s, { indicatorCode: ind.code, period: p, ...(ind.isRatio ? { numerator: v, denominator: 100 } : { value: v }) });
    value('2025-Q4', 90 - i);
    value(`2026-M0${1 + (i % 9)}`, 40 + i);
    if (i % 2 === 0) value('2026-Q3', 70 + i);
    if (i % 3 === 0) value('2026-Q4', 5);
    value('2027', 99);
  }
  return s;
}

describe('reads on a busy ward', () => {
  it('the summary gives the same figures as before', () => {
    const s = busyWard();
    const sum = wardSummary(s, { asOf: AS_OF, year: 2026 });
    expect(sum.tasks.byStatus).toEqual(PINNED.byStatus);
    expect(sum.tasks.overdue.map((t) => t.no)).toEqual(PINNED.overdue);
    expect(sum.tasks.upcoming.map((t) => t.no)).toEqual(PINNED.upcoming);
    expect(sum.tasks.byArea.map((a) => [a.code, a.total, a.byStatus.done])).toEqual(PINNED.byArea);
    expect([sum.indicators.met, sum.indicators.notMet, sum.indicators.noData]).toEqual(PINNED.indicators);
    expect(sum.indicators.notMetList.map((i) => [i.code, i.period, i.value])).toEqual(PINNED.notMet);
  });

  it('the task list gives each task the same status, percent and last date as before', () => {
    const s = busyWard();
    const tasks = listTasks(s, { planYear: 2026, asOf: AS_OF });
    expect(tasks.map((t) => [t.no, t.status, t.recordedStatus, t.percent, t.lastProgressDate])).toEqual(PINNED.tasks);
    expect(tasks.filter((t) => t.partnerUnitCodes.length > 0).map((t) => [t.no, t.partnerUnitCodes])).toEqual(PINNED.partners);
    // Earlier in the year the entries after that day count for nothing.
    expect(listTasks(s, { planYear: 2026, asOf: '2026-04-01' }).map((t) => t.status)).toEqual(PINNED.april);
  });

  it('a search gives exactly the items of the whole list that match, and a filter by area the same', () => {
    const s = busyWard();
    const all = listTasks(s, { planYear: 2026, asOf: AS_OF });
    const found = listTasks(s, { planYear: 2026, asOf: AS_OF, search: 'chuyen doi so' });
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(all.length);
    expect(found).toEqual(all.filter((t) => found.some((f) => f.id === t.id)));
    const area = all[0]!.areaCode;
    expect(listTasks(s, { planYear: 2026, asOf: AS_OF, areaCode: area })).toEqual(all.filter((t) => t.areaCode === area));
    expect(listTasks(s, { planYear: 2026, asOf: AS_OF, search: 'khongcotrongkehoach' })).toEqual([]);
  });

  it("indicators take the year's latest started period, or exactly the period asked", () => {
    const s = busyWard();
    expect(listIndicators(s, { year: 2026, asOf: AS_OF }).map((i) => [i.code, i.period, i.value, i.outcome])).toEqual(PINNED.indicatorsYear);
    expect(listIndicators(s, { period: '2025-Q4', asOf: AS_OF }).map((i) => i.value)).toEqual(PINNED.indicators2025);
    expect(listIndicators(s, { year: 2027, asOf: '2027-03-01' }).filter((i) => i.value === 99).length).toBe(PINNED.indicators2027);
  });
});

/** The figures these reads gave on this ward when they read every row (computed once, before they read less). */
const PINNED = {
  byStatus: { not_started: 7, in_progress: 4, overdue: 4, done: 5, done_late: 2 },
  overdue: [6, 7, 20, 21],
  upcoming: [16, 17],
  byArea: [
    ['LD', 4, 2],
    ['TC', 2, 1],
    ['HT', 2, 0],
    ['TT', 3, 0],
    ['CQ', 3, 0],
    ['NL', 1, 1],
    ['DL', 2, 1],
    ['AT', 2, 0],
    ['KT', 2, 0],
    ['KP', 1, 0],
  ],
  indicators: [0, 19, 0],
  notMet: [
    ['HT-01', '2026-Q4', 5],
    ['HT-02', '2026-M02', 41],
    ['HT-03', '2026-Q3', 72],
    ['CQ-01', '2026-Q4', 5],
    ['CQ-02', '2026-Q3', 74],
    ['CQ-03', '2026-M06', 45],
    ['NL-01', '2026-Q4', 5],
    ['NL-02', '2026-M08', 47],
    ['CQ-04', '2026-M09', 48],
    ['CQ-05', '2026-Q4', 5],
    ['CQ-06', '2026-Q3', 80],
    ['CQ-07', '2026-M03', 51],
    ['CQ-08', '2026-Q4', 5],
    ['CQ-09', '2026-M05', 53],
    ['CQ-10', '2026-Q3', 84],
    ['KT-01', '2026-Q4', 5],
    ['KT-02', '2026-Q3', 86],
    ['KT-03', '2026-M09', 57],
    ['CQ-11', '2026-Q4', 5],
  ],
  tasks: [
    [1, 'not_started', 'not_started', 0, '2026-10-13'],
    [2, 'not_started', 'done', 100, '2026-09-11'],
    [3, 'done', 'done', 100, '2026-10-10'],
    [4, 'done', 'done', 100, '2026-09-14'],
    [5, 'done', 'done', 100, '2026-10-13'],
    [6, 'overdue', 'in_progress', 20, '2026-09-11'],
    [7, 'overdue', 'in_progress', 10, '2026-10-10'],
    [8, 'not_started', 'in_progress', 50, '2026-09-14'],
    [9, 'in_progress', 'in_progress', 40, '2026-10-13'],
    [10, 'done', 'done', 100, '2026-09-11'],
    [11, 'done', 'done', 100, '2026-10-10'],
    [12, 'not_started', 'done', 100, '2026-09-14'],
    [13, 'done_late', 'done', 100, '2026-10-13'],
    [14, 'not_started', 'in_progress', 20, '2026-09-11'],
    [15, 'in_progress', 'in_progress', 10, '2026-10-10'],
    [16, 'in_progress', 'in_progress', 50, '2026-09-14'],
    [17, 'in_progress', 'in_progress', 40, '2026-10-13'],
    [18, 'not_started', 'not_started', 0, '2026-09-11'],
    [19, 'not_started', 'not_started', 0, '2026-10-10'],
    [20, 'overdue', 'not_started', 0, '2026-09-14'],
    [21, 'overdue', 'not_started', 0, '2026-10-13'],
    [22, 'done_late', 'done', 100, '2026-09-11'],
  ],
  partners: [
    [1, ['VHXH']],
    [2, ['VP']],
    [3, ['VP', 'HCC']],
    [4, ['VHXH']],
    [5, ['VP', 'HCC', 'KTHTDT']],
    [6, ['KTHTDT']],
    [7, ['HCC']],
    [8, ['VHXH', 'TDP']],
    [9, ['VP', 'VHXH', 'KTHTDT']],
    [10, ['TDP']],
    [11, ['VP', 'VHXH', 'KTHTDT']],
    [12, ['VHXH', 'CA']],
    [13, ['CA']],
    [14, ['VP']],
    [15, ['VHXH', 'KTHTDT', 'HCC']],
    [16, ['VHXH']],
    [17, ['MTTQ', 'TDP']],
    [18, ['VHXH', 'MTTQ']],
    [19, ['VHXH']],
    [20, ['DVSNC', 'MTTQ']],
    [21, ['VHXH']],
    [22, ['VP']],
  ],
  april: [
    'not_started',
    'not_started',
    'not_started',
    'in_progress',
    'not_started',
    'in_progress',
    'not_started',
    'not_started',
    'not_started',
    'not_started',
    'not_started',
    'not_started',
    'not_started',
    'not_started',
    'not_started',
    'in_progress',
    'not_started',
    'not_started',
    'not_started',
    'done',
    'overdue',
    'done',
  ],
  indicatorsYear: [
    ['HT-01', '2026-Q4', 5, 'chua_dat'],
    ['HT-02', '2026-M02', 41, 'chua_dat'],
    ['HT-03', '2026-Q3', 72, 'chua_dat'],
    ['CQ-01', '2026-Q4', 5, 'chua_dat'],
    ['CQ-02', '2026-Q3', 74, 'chua_dat'],
    ['CQ-03', '2026-M06', 45, 'chua_dat'],
    ['NL-01', '2026-Q4', 5, 'chua_dat'],
    ['NL-02', '2026-M08', 47, 'chua_dat'],
    ['CQ-04', '2026-M09', 48, 'chua_dat'],
    ['CQ-05', '2026-Q4', 5, 'chua_dat'],
    ['CQ-06', '2026-Q3', 80, 'chua_dat'],
    ['CQ-07', '2026-M03', 51, 'chua_dat'],
    ['CQ-08', '2026-Q4', 5, 'chua_dat'],
    ['CQ-09', '2026-M05', 53, 'chua_dat'],
    ['CQ-10', '2026-Q3', 84, 'chua_dat'],
    ['KT-01', '2026-Q4', 5, 'chua_dat'],
    ['KT-02', '2026-Q3', 86, 'chua_dat'],
    ['KT-03', '2026-M09', 57, 'chua_dat'],
    ['CQ-11', '2026-Q4', 5, 'chua_dat'],
  ],
  indicators2025: [90, 89, 88, 87, 86, 85, 84, 83, 82, 81, 80, 79, 78, 77, 76, 75, 74, 73, 72],
  indicators2027: 19,
};
