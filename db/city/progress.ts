/**
 * Every ward's tasks judged on one day with the ward's own rules (shared/rules/task-status), then
 * counted per directive across wards: the shape of the city's quarterly report.
 */
import type { CityDirectiveRow, CityDirectiveTable, CityTaskRow, DirectiveWardPage, StatusTally } from '../../shared/api/contract-city';
import { evaluateTaskStatus, type ProgressEntry, type RecordedStatus, type TaskStatus } from '../../shared/rules/task-status';
import { matchesSearch } from '../../shared/rules/search-fold';
import type { Session } from '../session';
import { timelineOf } from '../services/tasks';
import { cached, listWards, paginate, periodScope, wardCodesOfGroup, type PeriodScope } from './scope';

export interface JudgedTask extends CityTaskRow {
  owner: string;
  directiveKey: string;
  directiveTitle: string;
}

/** Tasks cite directives by the number the ward typed; '57-NQ/TW' and '57-nq/tw ' are one directive. */
export function directiveKeyOf(number: string | null): string {
  return (number ?? '').replace(/\s+/g, '').toUpperCase();
}

export function emptyTally(): StatusTally {
  return { total: 0, done: 0, doneLate: 0, inProgress: 0, notStarted: 0, overdue: 0 };
}

export function addToTally(t: StatusTally, status: TaskStatus): void {
  t.total++;
  if (status === 'done') t.done++;
  else if (status === 'done_late') t.doneLate++;
  else if (status === 'in_progress') t.inProgress++;
  else if (status === 'not_started') t.notStarted++;
  else t.overdue++;
}

interface TaskDbRow {
  id: string;
  owner: string;
  no: number;
  content: string;
  timeline: string | null;
  deadline: string | null;
  year: number;
  dnum: string | null;
  dtitle: string | null;
  area: string;
  lead: string | null;
}

/** All tasks of the period's year, every ward, judged on the period's asOf day. */
export function judgedTasks(s: Session, scope: PeriodScope): JudgedTask[] {
  return cached(s.db, `tasks:${scope.code}:${scope.asOf}`, () => {
    const rows = s.db.sqlite
      .prepare(
        `SELECT t.id, t.owner, t.no, t.content, t.timeline, t.deadline, p.year, d.number AS dnum, d.title AS dtitle, a.name AS area, u.name AS lead
         FROM task t JOIN plan p ON p.id = t.plan_id JOIN area a ON a.id = t.area_id
         LEFT JOIN directive d ON d.id = t.source_directive_id LEFT JOIN unit u ON u.id = t.lead_unit_id
         WHERE t.deleted = 0 AND p.deleted = 0 AND p.year = ?
         ORDER BY t.owner, t.no`,
      )
      .all(scope.year) as TaskDbRow[];
    const progress = new Map<string, ProgressEntry[]>();
    const stmt = s.db.sqlite.prepare(
      `SELECT tp.task_id AS t, tp.date AS d, tp.status AS s, tp.percent AS p
       FROM task_progress tp JOIN task t ON t.id = tp.task_id JOIN plan p ON p.id = t.plan_id
       WHERE tp.deleted = 0 AND p.year = ? AND tp.date <= ?
       ORDER BY tp.task_id, tp.date, tp.created_at`,
    );
    for (const r of stmt.iterate(scope.year, scope.asOf) as IterableIterator<{ t: string; d: string; s: RecordedStatus; p: number }>) {
      let list = progress.get(r.t);
      if (!list) progress.set(r.t, (list = []));
      list.push({ date: r.d, status: r.s, percent: r.p });
    }
    return rows.map((r) => {
      const status = evaluateTaskStatus({ timeline: timelineOf(r, r.year), progress: progress.get(r.id) ?? [] }, scope.asOf, scope.period);
      return {
        id: r.id,
        owner: r.owner,
        no: r.no,
        content: r.content,
        areaName: r.area,
        leadUnit: r.lead ?? '',
        directive: r.dnum?.trim() ?? '',
        directiveKey: directiveKeyOf(r.dnum),
        directiveTitle: r.dtitle ?? '',
        timeline: r.timeline,
        deadline: r.deadline,
        status,
      };
    });
  });
}

export function directiveTable(s: Session, periodCode: string, group?: string): CityDirectiveTable {
  const scope = periodScope(s, periodCode);
  const only = wardCodesOfGroup(listWards(s), group);
  const byKey = new Map<string, CityDirectiveRow & { owners: Set<string> }>();
  const totals = emptyTally();
  const allOwners = new Set<string>();
  for (const t of judgedTasks(s, scope)) {
    if (only && !only.has(t.owner)) continue;
    let row = byKey.get(t.directiveKey);
    if (!row) byKey.set(t.directiveKey, (row = { key: t.directiveKey, number: t.directive, title: t.directiveTitle, wards: 0, ...emptyTally(), owners: new Set() }));
    addToTally(row, t.status);
    addToTally(totals, t.status);
    row.owners.add(t.owner);
    allOwners.add(t.owner);
  }
  const rows = [...byKey.values()]
    .map(({ owners, ...r }) => ({ ...r, wards: owners.size }))
    // Directives by how widely they are cited; tasks citing none last.
    .sort((a, b) => (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0) || b.total - a.total || a.key.localeCompare(b.key));
  return { period: scope.code, asOf: scope.asOf, year: scope.year, rows, totals: { ...totals, wards: allOwners.size } };
}

export function directiveWards(
  s: Session,
  input: { period: string; directive: string; group?: string | undefined; search?: string | undefined; page: number; pageSize: number },
): DirectiveWardPage {
  const scope = periodScope(s, input.period);
  const wards = listWards(s);
  const names = new Map(wards.map((w) => [w.code, w.name]));
  const only = wardCodesOfGroup(wards, input.group);
  const key = directiveKeyOf(input.directive);
  const byWard = new Map<string, StatusTally>();
  for (const t of judgedTasks(s, scope)) {
    if (t.directiveKey !== key || (only && !only.has(t.owner))) continue;
    let tally = byWard.get(t.owner);
    if (!tally) byWard.set(t.owner, (tally = emptyTally()));
    addToTally(tally, t.status);
  }
  const rows = [...byWard.entries()]
    .map(([wardCode, tally]) => ({ wardCode, wardName: names.get(wardCode) ?? wardCode, ...tally }))
    .filter((r) => matchesSearch(`${r.wardCode} ${r.wardName}`, input.search))
    // The wards that need a call first: most overdue, then least done.
    .sort((a, b) => b.overdue - a.overdue || a.done + a.doneLate - (b.done + b.doneLate) || a.wardCode.localeCompare(b.wardCode));
  return { directive: key, total: rows.length, rows: paginate(rows, input.page, input.pageSize) };
}

export function wardTasks(s: Session, input: { period: string; wardCode: string; directive?: string | undefined }): CityTaskRow[] {
  const scope = periodScope(s, input.period);
  const key = input.directive === undefined ? undefined : directiveKeyOf(input.directive);
  return judgedTasks(s, scope)
    .filter((t) => t.owner === input.wardCode && (key === undefined || t.directiveKey === key))
    .map(({ owner: _o, directiveKey: _k, directiveTitle: _t, ...row }) => row);
}
