/**
 * Every ward's tasks judged on one day with the ward's own rules (shared/rules/task-status), then
 * counted per directive across wards: the shape of the city's quarterly report.
 */
import type { CityDirectiveRow, CityDirectiveTable, CityTaskRow, DirectiveWardPage, DirectiveWardRow, StatusTally } from '../../shared/api/contract-city';
import { evaluateTaskStatus, type ProgressEntry, type RecordedStatus, type TaskStatus } from '../../shared/rules/task-status';
import { matchesSearch } from '../../shared/rules/search-fold';
import type { Database } from '../database';
import type { Session } from '../session';
import { timelineOf } from '../services/tasks';
import { cached, listWards, paginate, periodScope, wardCodesOfGroup, type PeriodScope } from './scope';

/** A task reduced to what the aggregations count; its text is read only for the one ward shown. */
export interface JudgedTask {
  id: string;
  owner: string;
  directiveKey: string;
  status: TaskStatus;
}

export interface JudgedTasks {
  tasks: JudgedTask[];
  status: Map<string, TaskStatus>;
  /** Directive key → how the first ward citing it wrote its number and title. */
  directives: Map<string, { number: string; title: string }>;
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

interface WardJudged {
  version: string;
  tasks: JudgedTask[];
  directives: Array<[string, { number: string; title: string }]>;
}

/** Per database and judged day: each ward's judged tasks, kept until that ward sends new data. */
const perWard = new WeakMap<Database, Map<string, Map<string, WardJudged>>>();

/**
 * A ward's data changes only when one of its bundles is applied, which moves its origin_state
 * row; so that row is the ward's version, and a new bundle from one ward re-judges that ward only.
 */
function wardVersions(s: Session): Map<string, string> {
  const rows = s.db.sqlite.prepare('SELECT owner, sum(last_seq), max(last_received_at) FROM origin_state GROUP BY owner').raw().all() as Array<
    [string, number, string | null]
  >;
  return new Map(rows.map(([owner, seq, at]) => [owner, `${seq}/${at ?? ''}`]));
}

function judgeWard(s: Session, scope: PeriodScope, owner: string, version: string): WardJudged {
  const directives: WardJudged['directives'] = [];
  const keyOfId = new Map<string, string>();
  for (const [id, number, title] of s.db.sqlite
    .prepare('SELECT id, number, title FROM directive WHERE owner = ? AND deleted = 0')
    .raw()
    .iterate(owner) as IterableIterator<[string, string, string]>) {
    const key = directiveKeyOf(number);
    keyOfId.set(id, key);
    directives.push([key, { number: number.trim(), title }]);
  }
  const rows = s.db.sqlite
    .prepare(
      `SELECT t.id, t.timeline, t.deadline, t.source_directive_id FROM plan p JOIN task t ON t.plan_id = p.id
       WHERE p.owner = ? AND p.year = ? AND p.deleted = 0 AND t.deleted = 0`,
    )
    .raw()
    .all(owner, scope.year) as Array<[string, string | null, string | null, string | null]>;
  const progress = new Map<string, ProgressEntry[]>(rows.map(([id]) => [id, []]));
  for (const [taskId, date, status, percent] of s.db.sqlite
    .prepare('SELECT task_id, date, status, percent FROM task_progress WHERE owner = ? AND deleted = 0 AND date <= ? ORDER BY task_id, date, created_at')
    .raw()
    .iterate(owner, scope.asOf) as IterableIterator<[string, string, RecordedStatus, number]>) {
    progress.get(taskId)?.push({ date, status, percent });
  }
  const tasks = rows.map(([id, timeline, deadline, directiveId]) => ({
    id,
    owner,
    directiveKey: directiveId ? (keyOfId.get(directiveId) ?? '') : '',
    status: evaluateTaskStatus({ timeline: timelineOf({ timeline, deadline }, scope.year), progress: progress.get(id)! }, scope.asOf, scope.period),
  }));
  return { version, tasks, directives };
}

/**
 * All tasks of the period's year, every ward, judged on the period's asOf day with the ward's own
 * rules. Wards whose data did not change since the last question are not read again.
 */
export function judgedTasks(s: Session, scope: PeriodScope): JudgedTasks {
  const key = `${scope.code}:${scope.asOf}`;
  // Every bundle applied grows the change log, which is what `cached` watches; then only the
  // wards whose version moved are read again.
  return cached(s.db, `tasks:${key}`, () => {
    const versions = wardVersions(s);
    let byDb = perWard.get(s.db);
    if (!byDb) perWard.set(s.db, (byDb = new Map()));
    let wards = byDb.get(key);
    if (!wards) {
      // Only the periods being looked at are kept.
      if (byDb.size > 8) byDb.clear();
      byDb.set(key, (wards = new Map()));
    }
    for (const owner of [...wards.keys()]) if (!versions.has(owner)) wards.delete(owner);
    for (const [owner, version] of versions) if (wards.get(owner)?.version !== version) wards.set(owner, judgeWard(s, scope, owner, version));
    const tasks: JudgedTask[] = [];
    const status = new Map<string, TaskStatus>();
    const directives = new Map<string, { number: string; title: string }>();
    for (const w of [...wards.values()]) {
      for (const t of w.tasks) {
        tasks.push(t);
        status.set(t.id, t.status);
      }
      // The number as most wards write it would need a vote; the canonical form (upper case) wins when present.
      for (const [k, d] of w.directives) if (!directives.has(k) || d.number === k) directives.set(k, d);
    }
    return { tasks, status, directives };
  });
}

export function directiveTable(s: Session, periodCode: string, group?: string): CityDirectiveTable {
  const scope = periodScope(s, periodCode);
  return cached(s.db, `directives:${scope.code}:${scope.asOf}:${group ?? ''}`, () => computeDirectiveTable(s, scope, group));
}

function computeDirectiveTable(s: Session, scope: PeriodScope, group: string | undefined): CityDirectiveTable {
  const only = wardCodesOfGroup(listWards(s), group);
  const byKey = new Map<string, CityDirectiveRow & { owners: Set<string> }>();
  const totals = emptyTally();
  const allOwners = new Set<string>();
  const judged = judgedTasks(s, scope);
  for (const t of judged.tasks) {
    if (only && !only.has(t.owner)) continue;
    let row = byKey.get(t.directiveKey);
    if (!row) {
      const d = judged.directives.get(t.directiveKey);
      byKey.set(t.directiveKey, (row = { key: t.directiveKey, number: d?.number ?? '', title: d?.title ?? '', wards: 0, ...emptyTally(), owners: new Set() }));
    }
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
  const key = directiveKeyOf(input.directive);
  const all = cached(s.db, `directive-wards:${scope.code}:${scope.asOf}:${key}:${input.group ?? ''}`, () => directiveWardRows(s, scope, key, input.group));
  const rows = input.search ? all.filter((r) => matchesSearch(`${r.wardCode} ${r.wardName}`, input.search)) : all;
  return { directive: key, total: rows.length, rows: paginate(rows, input.page, input.pageSize) };
}

function directiveWardRows(s: Session, scope: PeriodScope, key: string, group: string | undefined): DirectiveWardRow[] {
  const wards = listWards(s);
  const names = new Map(wards.map((w) => [w.code, w.name]));
  const only = wardCodesOfGroup(wards, group);
  const byWard = new Map<string, StatusTally>();
  for (const t of judgedTasks(s, scope).tasks) {
    if (t.directiveKey !== key || (only && !only.has(t.owner))) continue;
    let tally = byWard.get(t.owner);
    if (!tally) byWard.set(t.owner, (tally = emptyTally()));
    addToTally(tally, t.status);
  }
  return (
    [...byWard.entries()]
      .map(([wardCode, tally]) => ({ wardCode, wardName: names.get(wardCode) ?? wardCode, ...tally }))
      // The wards that need a call first: most overdue, then least done.
      .sort((a, b) => b.overdue - a.overdue || a.done + a.doneLate - (b.done + b.doneLate) || a.wardCode.localeCompare(b.wardCode))
  );
}

export function wardTasks(s: Session, input: { period: string; wardCode: string; directive?: string | undefined }): CityTaskRow[] {
  const scope = periodScope(s, input.period);
  const judged = judgedTasks(s, scope);
  const key = input.directive === undefined ? undefined : directiveKeyOf(input.directive);
  const rows = s.db.sqlite
    .prepare(
      `SELECT t.id, t.no, t.content, t.timeline, t.deadline, d.number AS dnum, a.name AS area, u.name AS lead
       FROM task t JOIN plan p ON p.id = t.plan_id JOIN area a ON a.id = t.area_id
       LEFT JOIN directive d ON d.id = t.source_directive_id LEFT JOIN unit u ON u.id = t.lead_unit_id
       WHERE p.owner = ? AND p.year = ? AND p.deleted = 0 AND t.deleted = 0 ORDER BY t.no`,
    )
    .all(input.wardCode, scope.year) as Array<{
    id: string;
    no: number;
    content: string;
    timeline: string | null;
    deadline: string | null;
    dnum: string | null;
    area: string;
    lead: string | null;
  }>;
  return rows
    .filter((r) => key === undefined || directiveKeyOf(r.dnum) === key)
    .map((r) => ({
      id: r.id,
      no: r.no,
      content: r.content,
      areaName: r.area,
      leadUnit: r.lead ?? '',
      directive: r.dnum?.trim() ?? '',
      timeline: r.timeline,
      deadline: r.deadline,
      status: judged.status.get(r.id) ?? 'not_started',
    }));
}
