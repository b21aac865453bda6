import { isValidIsoDate } from '../../shared/rules/period';
import { AppError } from '../../shared/errors';
import { getMeta } from '../database';
import { todayIso, type Session } from '../session';
import { listIndicators } from './indicators';
import { findPlan, listPlans } from './plans';
import { listTasks } from './tasks';
import type { GroupCount, StatusCounts, TaskBrief, TaskItem, WardSummary } from '../../shared/api/types';

export function emptyCounts(): StatusCounts {
  return { not_started: 0, in_progress: 0, overdue: 0, done: 0, done_late: 0 };
}

function brief(t: TaskItem): TaskBrief {
  return { id: t.id, no: t.no, content: t.content, areaCode: t.areaCode, leadUnitCode: t.leadUnitCode, deadline: t.deadline, status: t.status };
}

/** Counts tasks by status within groups; pure so it can be checked against a plain pass over rows. */
export function groupTasks(tasks: TaskItem[], key: (t: TaskItem) => { code: string; name: string }): GroupCount[] {
  const groups = new Map<string, GroupCount>();
  for (const t of tasks) {
    const k = key(t);
    let g = groups.get(k.code);
    if (!g) groups.set(k.code, (g = { code: k.code, name: k.name, total: 0, byStatus: emptyCounts() }));
    g.total++;
    g.byStatus[t.status]++;
  }
  return [...groups.values()];
}

export function wardSummary(s: Session, opts: { asOf?: string | undefined; year?: number | undefined; upcomingCount?: number } = {}): WardSummary {
  const asOf = opts.asOf ?? todayIso(s.now());
  if (!isValidIsoDate(asOf)) throw new AppError('date.invalid', { value: asOf });
  const year = opts.year ?? (findPlan(s, Number(asOf.slice(0, 4))) ? Number(asOf.slice(0, 4)) : (listPlans(s)[0]?.year ?? Number(asOf.slice(0, 4))));
  const plan = findPlan(s, year) ?? null;
  const tasks = plan ? listTasks(s, { planYear: year, asOf }) : [];
  const byStatus = emptyCounts();
  for (const t of tasks) byStatus[t.status]++;
  const indicators = listIndicators(s, { year, asOf });
  const upcoming = tasks
    .filter((t) => t.deadline && t.deadline >= asOf && t.status !== 'done' && t.status !== 'done_late')
    .sort((a, b) => (a.deadline! < b.deadline! ? -1 : a.deadline! > b.deadline! ? 1 : a.no - b.no))
    .slice(0, opts.upcomingCount ?? 5);
  return {
    ward: { code: s.orgCode, name: getMeta(s.db, s.role === 'ward' ? 'ward_name' : 'city_name') ?? s.orgCode },
    asOf,
    year,
    plan: plan && { id: plan.id, title: plan.title, docNumber: plan.docNumber, year: plan.year },
    tasks: {
      total: tasks.length,
      byStatus,
      byArea: groupTasks(tasks, (t) => ({ code: t.areaCode, name: t.areaName })),
      byDirective: groupTasks(tasks, (t) => ({ code: t.sourceCode ?? '', name: t.sourceNumber ?? '' })),
      overdue: tasks.filter((t) => t.status === 'overdue').map(brief),
      upcoming: upcoming.map(brief),
    },
    indicators: {
      total: indicators.length,
      met: indicators.filter((i) => i.outcome === 'dat').length,
      notMet: indicators.filter((i) => i.outcome === 'chua_dat').length,
      noData: indicators.filter((i) => i.outcome === 'no_data').length,
      notMetList: indicators
        .filter((i) => i.outcome === 'chua_dat')
        .map((i) => ({ code: i.code, name: i.name, comparator: i.comparator, target: i.target, value: i.value, period: i.period })),
      noDataList: indicators.filter((i) => i.outcome === 'no_data').map((i) => ({ code: i.code, name: i.name })),
    },
  };
}
