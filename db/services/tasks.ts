import { AppError } from '../../shared/errors';
import { isValidIsoDate } from '../../shared/rules/period';
import { foldVi } from '../../shared/rules/search-fold';
import { sixClearMissing } from '../../shared/rules/six-clear';
import { evaluateTaskStatus, periodStartFor, type ProgressEntry, type RecordedStatus, type TaskStatus } from '../../shared/rules/task-status';
import { parseTimeline, type Timeline } from '../../shared/rules/timeline';
import { validateTaskStatusChange } from '../../shared/rules/validation';
import { prepared } from '../prepared';
import { inTransaction, newId, todayIso, type Session } from '../session';
import { readOwned, type OwnedRow } from '../owned-rows';
import { saveOwnedRow } from '../write';
import { requireIdByCode } from './lookup';
import { requirePlan } from './plans';
import type { EvidenceItem, ProgressItem, TaskDetail, TaskItem } from '../../shared/api/types';
import type { Input } from '../../shared/api/contract';

/** What the officer enters, plus the number an imported plan already gives its task. */
export type TaskInput = Input<'tasks.add'> & { no?: number | undefined };

export interface TaskFilter {
  planYear?: number | undefined;
  status?: TaskStatus | undefined;
  areaCode?: string | undefined;
  search?: string | undefined;
  asOf?: string | undefined;
}

/** The deadline a task is judged by: the one given, else what its timeline text says. */
export function timelineOf(row: { timeline: string | null; deadline: string | null }, planYear: number): Timeline {
  if (row.deadline) return { kind: 'deadline', deadline: row.deadline };
  if (row.timeline) return parseTimeline(row.timeline, planYear);
  return { kind: 'unparsed', text: '' };
}

function resolveCodes(s: Session, input: Partial<TaskInput>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (input.areaCode !== undefined) out.area_id = requireIdByCode(s, 'area', input.areaCode);
  if (input.leadUnitCode !== undefined) out.lead_unit_id = requireIdByCode(s, 'unit', input.leadUnitCode);
  if (input.partnerUnitCodes !== undefined) {
    out.partner_unit_ids = JSON.stringify(input.partnerUnitCodes.filter((c) => c.trim() !== '').map((c) => requireIdByCode(s, 'unit', c.trim())));
  }
  if (input.sourceCode !== undefined) out.source_directive_id = input.sourceCode ? requireIdByCode(s, 'directive', input.sourceCode) : null;
  return out;
}

function checkText(input: Partial<TaskInput>): void {
  if (input.content !== undefined && input.content.trim() === '') throw new AppError('task.content_required');
  if (input.deadline && !isValidIsoDate(input.deadline)) throw new AppError('date.invalid', { value: input.deadline });
}

function derivedDeadline(input: Partial<TaskInput>, planYear: number): string | null | undefined {
  if (input.deadline !== undefined && input.deadline !== null && input.deadline !== '') return input.deadline;
  if (input.timeline !== undefined) {
    const t = input.timeline ? parseTimeline(input.timeline, planYear) : null;
    return t?.kind === 'deadline' ? t.deadline : null;
  }
  return undefined;
}

export function addTask(s: Session, input: TaskInput): { id: string } {
  checkText(input);
  return inTransaction(s, () => {
    const plan = requirePlan(s, input.planYear);
    const refs = resolveCodes(s, input);
    const no =
      input.no ??
      s.db.sqlite.prepare<[string], { n: number }>('SELECT coalesce(max(no), 0) + 1 AS n FROM task WHERE plan_id = ? AND deleted = 0').get(plan.id)!.n;
    const id = newId();
    saveOwnedRow(
      s,
      'task',
      {
        id,
        plan_id: plan.id,
        no,
        content: input.content.trim(),
        partner_unit_ids: '[]',
        ...refs,
        person: input.person ?? null,
        partner_note: input.partnerNote?.trim() || null,
        timeline: input.timeline ?? null,
        deadline: derivedDeadline(input, plan.year) ?? null,
        output: input.output ?? null,
        authority: input.authority ?? null,
        created_at: s.now(),
      },
      'task.add',
    );
    return { id };
  });
}

export function updateTask(s: Session, id: string, patch: Partial<Omit<TaskInput, 'planYear'>>): TaskItem {
  checkText(patch);
  return inTransaction(s, () => {
    const existing = requireTaskRow(s, id);
    const planYear = s.db.sqlite.prepare<[string], { year: number }>('SELECT year FROM plan WHERE id = ?').get(existing.planId)!.year;
    const row: Record<string, unknown> = { id, ...resolveCodes(s, patch) };
    if (patch.content !== undefined) row.content = patch.content.trim();
    for (const k of ['person', 'output', 'authority', 'timeline', 'no'] as const) if (patch[k] !== undefined) row[k] = patch[k];
    if (patch.partnerNote !== undefined) row.partner_note = patch.partnerNote?.trim() || null;
    // A new timeline re-derives the deadline unless one is given explicitly.
    const deadline = derivedDeadline(patch, planYear);
    if (deadline !== undefined) row.deadline = deadline;
    saveOwnedRow(s, 'task', row, 'task.update');
    return getTask(s, id).task;
  });
}

function requireTaskRow(s: Session, id: string): OwnedRow<'task'> {
  const row = readOwned(s, 'task', id);
  if (!row || row.deleted || row.owner !== s.orgCode) throw new AppError('task.not_found', { id });
  return row;
}

export type ProgressInput = Input<'tasks.progress'>;

export function recordProgress(s: Session, input: ProgressInput): { id: string } {
  if (input.date !== undefined && !isValidIsoDate(input.date)) throw new AppError('date.invalid', { value: input.date });
  const percent = input.percent ?? (input.status === 'done' ? 100 : input.status === 'not_started' ? 0 : undefined);
  return inTransaction(s, () => {
    requireTaskRow(s, input.taskId);
    const last = s.db.sqlite
      .prepare<[string], { percent: number }>('SELECT percent FROM task_progress WHERE task_id = ? AND deleted = 0 ORDER BY date DESC, created_at DESC LIMIT 1')
      .get(input.taskId);
    const finalPercent = percent ?? last?.percent ?? 0;
    const issues = validateTaskStatusChange({ status: input.status, percent: finalPercent });
    if (issues.length > 0) throw new AppError(issues[0]!.code, issues[0]!.params ?? {});
    const id = newId();
    saveOwnedRow(
      s,
      'task_progress',
      {
        id,
        task_id: input.taskId,
        date: input.date ?? todayIso(s.now()),
        status: input.status,
        percent: finalPercent,
        note: input.note ?? null,
        by_name: s.actor,
        created_at: s.now(),
      },
      'task.progress',
    );
    return { id };
  });
}

interface RawTask {
  id: string;
  plan_id: string;
  plan_year: number;
  no: number;
  content: string;
  area_code: string;
  area_name: string;
  lead_code: string;
  lead_name: string;
  partner_unit_ids: string;
  partner_note: string | null;
  timeline: string | null;
  deadline: string | null;
  source_code: string | null;
  source_number: string | null;
  output: string | null;
  person: string | null;
  authority: string | null;
  evidence_count: number;
}

const TASK_SELECT = `SELECT t.id, t.plan_id, p.year AS plan_year, t.no, t.content, a.code AS area_code, a.name AS area_name,
    u.code AS lead_code, u.name AS lead_name, t.partner_unit_ids, t.partner_note, t.timeline, t.deadline, d.code AS source_code,
    d.number AS source_number, t.output, t.person, t.authority,
    (SELECT count(*) FROM evidence e WHERE e.task_id = t.id AND e.deleted = 0) AS evidence_count
  FROM task t JOIN plan p ON p.id = t.plan_id JOIN area a ON a.id = t.area_id JOIN unit u ON u.id = t.lead_unit_id
  LEFT JOIN directive d ON d.id = t.source_directive_id`;

/** A progress entry as the task lists read it. */
interface EntryRow {
  task_id: string;
  date: string;
  status: RecordedStatus;
  percent: number;
}

/** The codes of the partner units these tasks name, and of no others: a city holds thousands of units. */
function unitCodes(s: Session, tasks: RawTask[]): Map<string, string> {
  const ids = new Set<string>();
  for (const t of tasks) if (t.partner_unit_ids !== '[]') for (const id of JSON.parse(t.partner_unit_ids) as string[]) ids.add(id);
  if (ids.size === 0) return new Map();
  const rows = prepared<[string], { id: string; code: string }>(s, 'SELECT id, code FROM unit WHERE id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify([...ids]),
  );
  return new Map(rows.map((r) => [r.id, r.code]));
}

/**
 * Each task's progress entries in date order; with `upTo`, only those dated on or before it (the
 * later ones count for nothing on that day). Entries written in the same instant keep the order they
 * were written in, whichever way the tasks were picked.
 */
export function progressByTask(s: Session, scope: { planId: string } | { taskIds: string[] }, upTo?: string): Map<string, ProgressEntry[]> {
  const tasks = 'planId' in scope ? 'SELECT id FROM task WHERE plan_id = ?' : 'SELECT value FROM json_each(?)';
  const rows = s.db.sqlite
    .prepare<string[], EntryRow>(
      `SELECT task_id, date, status, percent FROM task_progress WHERE deleted = 0 AND task_id IN (${tasks})
       ${upTo === undefined ? '' : 'AND date <= ?'} ORDER BY date, created_at, rowid`,
    )
    .all('planId' in scope ? scope.planId : JSON.stringify(scope.taskIds), ...(upTo === undefined ? [] : [upTo]));
  const map = new Map<string, ProgressEntry[]>();
  for (const r of rows) {
    let list = map.get(r.task_id);
    if (!list) map.set(r.task_id, (list = []));
    list.push({ date: r.date, status: r.status, percent: r.percent });
  }
  return map;
}

/*
 * Per task, the entries from the date of its latest entry that is not 'done' (on or before the day
 * asked), or from its period start (periodStartFor) if that is earlier; all of them if every entry is
 * 'done'. That holds the latest entry, the final run of 'done' entries and the entry just before it:
 * the status cannot depend on the entries left out. Each task costs a walk back along its index to
 * that date, not a read of its whole history.
 */
const DECISIVE_PROGRESS = `WITH asked(task_id, since) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@tasks)),
  bounded(task_id, from_date) AS (
    SELECT task_id, min(coalesce(since, last_not_done), last_not_done) FROM (
      SELECT task_id, since, coalesce((SELECT q.date FROM task_progress q WHERE q.task_id = asked.task_id AND q.deleted = 0 AND q.date <= @asOf
        AND q.status <> 'done' ORDER BY q.date DESC LIMIT 1), '') AS last_not_done FROM asked))
  SELECT p.task_id, p.date, p.status, p.percent FROM bounded JOIN task_progress p ON p.task_id = bounded.task_id
  WHERE p.date >= bounded.from_date AND p.date <= @asOf AND p.deleted = 0 ORDER BY p.date, p.created_at, p.rowid`;

/**
 * The progress entries that decide each task's status on asOf, in date order. The selection assumes
 * real calendar dates; a task with an impossible date among them is read in full, as the rule
 * leaves such entries out and the ones before them may then count.
 */
function decisiveProgress(s: Session, tasks: { id: string; timeline: Timeline }[], asOf: string): Map<string, ProgressEntry[]> {
  if (tasks.length === 0) return new Map();
  const asked = JSON.stringify(tasks.map((t) => [t.id, periodStartFor(t.timeline, asOf)]));
  const rows = prepared<[{ tasks: string; asOf: string }], EntryRow>(s, DECISIVE_PROGRESS).all({
    tasks: asked,
    asOf,
  });
  const map = new Map<string, ProgressEntry[]>();
  const unplaced = new Set<string>();
  for (const r of rows) {
    if (!isValidIsoDate(r.date)) unplaced.add(r.task_id);
    let list = map.get(r.task_id);
    if (!list) map.set(r.task_id, (list = []));
    list.push({ date: r.date, status: r.status, percent: r.percent });
  }
  if (unplaced.size > 0) {
    const full = progressByTask(s, { taskIds: [...unplaced] }, asOf);
    for (const id of unplaced) map.set(id, full.get(id) ?? []);
  }
  return map;
}

function toItem(r: RawTask, timeline: Timeline, progress: ProgressEntry[], asOf: string, codes: Map<string, string>): TaskItem {
  const upTo = progress.filter((p) => p.date <= asOf);
  const last = upTo[upTo.length - 1];
  return {
    id: r.id,
    planId: r.plan_id,
    planYear: r.plan_year,
    no: r.no,
    content: r.content,
    areaCode: r.area_code,
    areaName: r.area_name,
    leadUnitCode: r.lead_code,
    leadUnitName: r.lead_name,
    partnerUnitCodes: (JSON.parse(r.partner_unit_ids) as string[]).map((id) => codes.get(id) ?? id),
    partnerNote: r.partner_note,
    timeline: r.timeline,
    deadline: r.deadline,
    sourceCode: r.source_code,
    sourceNumber: r.source_number,
    output: r.output,
    person: r.person,
    authority: r.authority,
    status: evaluateTaskStatus({ timeline, progress }, asOf),
    recordedStatus: last?.status ?? 'not_started',
    percent: last?.percent ?? 0,
    lastProgressDate: last?.date ?? null,
    sixClearMissing: sixClearMissing({
      content: r.content,
      leadUnit: r.lead_code,
      person: r.person,
      timeline: r.timeline,
      deadline: r.deadline,
      output: r.output,
      authority: r.authority,
    }),
    evidenceCount: r.evidence_count,
  };
}

/** Builds an FTS5 query from what the officer typed: every word must match, as a prefix. */
export function ftsQuery(text: string): string | null {
  const words = foldVi(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' AND ');
}

/**
 * The id of the plan a list reads: requirePlan's answer, by one prepared statement when the year is
 * given, since a search asks on every keystroke and the full plan row is not shown.
 */
function listedPlanId(s: Session, year: number | undefined): string {
  if (year === undefined) return requirePlan(s).id;
  const row = prepared<[string, number], { id: string }>(s, 'SELECT id FROM plan WHERE owner = ? AND year = ? AND deleted = 0').get(s.orgCode, year);
  if (!row) throw new AppError('plan.not_found', { year });
  return row.id;
}

export function listTasks(s: Session, filter: TaskFilter = {}): TaskItem[] {
  const planId = listedPlanId(s, filter.planYear);
  const asOf = filter.asOf ?? todayIso(s.now());
  if (!isValidIsoDate(asOf)) throw new AppError('date.invalid', { value: asOf });
  const where = ['t.plan_id = ?', 't.deleted = 0'];
  const args: unknown[] = [planId];
  if (filter.areaCode) {
    where.push('a.code = ?');
    args.push(filter.areaCode);
  }
  const searching = filter.search !== undefined && filter.search.trim() !== '';
  if (searching) {
    const q = ftsQuery(filter.search!);
    if (q === null) return [];
    where.push('t.id IN (SELECT task_id FROM task_search WHERE task_search MATCH ?)');
    args.push(q);
  }
  const rows = prepared<unknown[], RawTask>(s, `${TASK_SELECT} WHERE ${where.join(' AND ')} ORDER BY t.no`).all(...args);
  const found = rows.map((r) => ({ id: r.id, timeline: timelineOf(r, r.plan_year) }));
  const progress = decisiveProgress(s, found, asOf);
  const codes = unitCodes(s, rows);
  const items = rows.map((r, i) => toItem(r, found[i]!.timeline, progress.get(r.id) ?? [], asOf, codes));
  return filter.status ? items.filter((t) => t.status === filter.status) : items;
}

export function getTask(s: Session, id: string, asOf?: string): TaskDetail {
  const r = s.db.sqlite.prepare(`${TASK_SELECT} WHERE t.id = ? AND t.deleted = 0`).get(id) as RawTask | undefined;
  if (!r) throw new AppError('task.not_found', { id });
  const progress = s.db.sqlite
    .prepare(
      `SELECT id, date, status, percent, note, by_name AS byName, created_at AS createdAt FROM task_progress
       WHERE task_id = ? AND deleted = 0 ORDER BY date, created_at`,
    )
    .all(id) as ProgressItem[];
  const evidence = s.db.sqlite
    .prepare(
      `SELECT id, sha256, file_name AS fileName, size, progress_id AS progressId, note, added_at AS addedAt FROM evidence
       WHERE task_id = ? AND deleted = 0 ORDER BY added_at`,
    )
    .all(id) as EvidenceItem[];
  const task = toItem(r, timelineOf(r, r.plan_year), progressByTask(s, { taskIds: [id] }).get(id) ?? [], asOf ?? todayIso(s.now()), unitCodes(s, [r]));
  return { task, progress, evidence };
}
