/**
 * The computed sections of a periodic report: task statistics per source directive and per area,
 * overdue tasks, and the indicator table.
 *
 * Pure: it works on plain facts read from the database (./figures-data.ts), so the same figures
 * come out on the ward's machine, in the UI preview and in a test, and an approved report can
 * store them as JSON and show them unchanged years later.
 */
import { aggregateIndicatorValues, evaluateIndicator, type Aggregation, type Comparator } from '../../shared/rules/indicator';
import { daysBetween, daysInMonth, formatPeriodCode, periodLabelVi, periodRange, toIsoDate, type Period } from '../../shared/rules/period';
import { evaluateTaskStatus, type ProgressEntry, type TaskStatus } from '../../shared/rules/task-status';
import type { Timeline } from '../../shared/rules/timeline';

export { FIGURES_VERSION } from '../../shared/api/report-types';
export type { AreaTally, DirectiveTally, DueTask, IndicatorFigure, OverdueTask, ReportContext, ReportFigures, StatusTally, TaskProgressRow } from '../../shared/api/report-types';
import {
  FIGURES_VERSION,
  type AreaTally,
  type DirectiveTally,
  type DueTask,
  type IndicatorFigure,
  type OverdueTask,
  type ReportContext,
  type ReportFigures,
  type StatusTally,
  type TaskProgressRow,
} from '../../shared/api/report-types';

// ---- input facts -------------------------------------------------------------------------------

export interface TaskFact {
  no: number;
  content: string;
  areaCode: string;
  leadUnitCode: string;
  leadUnitName: string;
  sourceCode: string | null;
  timelineText: string | null;
  timeline: Timeline;
  progress: ProgressEntry[];
  /** Progress notes with their dates, oldest first: the latest by the report's day is the task's "reason". */
  notes?: Array<{ date: string; note: string }>;
}

export interface DirectiveFact {
  code: string;
  number: string;
  issuer: string | null;
  issuedOn: string | null;
  title: string | null;
}

export interface ValueFact {
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export interface IndicatorFact {
  code: string;
  name: string;
  areaCode: string;
  unit: string;
  comparator: Comparator | null;
  target: number | null;
  baseline: number | null;
  isRatio?: boolean;
  aggregation?: Aggregation | null;
  values: ValueFact[];
}

export interface FigureInput {
  period: Period;
  /** Today in the ward's calendar (YYYY-MM-DD). */
  today: string;
  context: ReportContext;
  /** In the order the report lists them. */
  areas: Array<{ code: string; name: string }>;
  /** In the order the report lists them. */
  directives: DirectiveFact[];
  tasks: TaskFact[];
  indicators: IndicatorFact[];
}

// ---- computation -------------------------------------------------------------------------------

export function emptyTally(): StatusTally {
  return { assigned: 0, done: 0, doneLate: 0, inProgress: 0, notStarted: 0, overdue: 0 };
}

function add(t: StatusTally, status: TaskStatus): void {
  t.assigned++;
  switch (status) {
    case 'done':
      t.done++;
      break;
    case 'done_late':
      t.done++;
      t.doneLate++;
      break;
    case 'in_progress':
      t.inProgress++;
      break;
    case 'not_started':
      t.notStarted++;
      break;
    case 'overdue':
      t.overdue++;
      break;
  }
}

/**
 * A report judges the calendar on the period's last day; while the period is still running it
 * judges on today, so a task due next month is not reported overdue before its deadline comes.
 */
export function reportAsOf(period: Period, today: string): string {
  const { end } = periodRange(period);
  return today < end ? today : end;
}

function lastPercent(progress: ProgressEntry[], asOf: string): number {
  let percent = 0;
  let date = '';
  for (const p of progress) {
    if (p.date <= asOf && p.date >= date) {
      percent = p.percent;
      date = p.date;
    }
  }
  return percent;
}

function lastNote(notes: TaskFact['notes'], asOf: string): string | null {
  let out: string | null = null;
  for (const n of notes ?? []) if (n.date <= asOf && n.note.trim() !== '') out = n.note.trim();
  return out;
}

/** The calendar month after the one holding `date`: what "due next month" means in a report. */
export function nextMonthRange(date: string): { start: string; end: string } {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return { start: toIsoDate(ny, nm, 1), end: toIsoDate(ny, nm, daysInMonth(ny, nm)) };
}

/**
 * The value a report shows for an indicator: the one entered for the report's own period, else
 * the shorter periods' values inside it combined by the indicator's rule (a ratio adds its
 * numerators and denominators; see aggregateIndicatorValues).
 */
function indicatorFigure(ind: IndicatorFact, period: Period): IndicatorFigure {
  const v = aggregateIndicatorValues(ind.values, period, { isRatio: ind.isRatio ?? false, aggregation: ind.aggregation ?? null });
  const outcome = v && ind.comparator && ind.target !== null ? evaluateIndicator(ind.comparator, ind.target, v.value) : 'no_data';
  return {
    code: ind.code,
    name: ind.name,
    areaCode: ind.areaCode,
    unit: ind.unit,
    comparator: ind.comparator,
    target: ind.target,
    baseline: ind.baseline,
    value: v?.value ?? null,
    numerator: v?.numerator ?? null,
    denominator: v?.denominator ?? null,
    valuePeriod: !v ? null : v.parts.length === 1 ? v.parts[0]! : formatPeriodCode(period),
    valueParts: v?.parts ?? [],
    valueComplete: v?.complete ?? false,
    outcome,
  };
}

export function computeFigures(input: FigureInput): ReportFigures {
  const { period } = input;
  const range = periodRange(period);
  const asOf = reportAsOf(period, input.today);

  const total = emptyTally();
  const byDirective = new Map<string | null, DirectiveTally>();
  const byArea = new Map<string, AreaTally>();
  const directiveOf = new Map(input.directives.map((d) => [d.code, d]));
  const overdue: OverdueTask[] = [];
  const dueNext: DueTask[] = [];
  const taskRows: TaskProgressRow[] = [];
  const next = nextMonthRange(asOf);

  for (const t of input.tasks) {
    // Recurring tasks are judged on the work of this period, not of the quarter holding asOf.
    const status = evaluateTaskStatus({ timeline: t.timeline, progress: t.progress }, asOf, period);
    add(total, status);
    const d = t.sourceCode ? directiveOf.get(t.sourceCode) : undefined;
    const dKey = d ? d.code : null;
    let dt = byDirective.get(dKey);
    if (!dt) {
      dt = { ...emptyTally(), code: dKey, number: d?.number ?? null, issuer: d?.issuer ?? null, issuedOn: d?.issuedOn ?? null, title: d?.title ?? null };
      byDirective.set(dKey, dt);
    }
    add(dt, status);
    let at = byArea.get(t.areaCode);
    if (!at) {
      at = { ...emptyTally(), code: t.areaCode, name: input.areas.find((a) => a.code === t.areaCode)?.name ?? t.areaCode };
      byArea.set(t.areaCode, at);
    }
    add(at, status);
    if (status === 'overdue' && t.timeline.kind === 'deadline') {
      overdue.push({
        no: t.no,
        content: t.content,
        areaCode: t.areaCode,
        leadUnitCode: t.leadUnitCode,
        leadUnitName: t.leadUnitName,
        timeline: t.timelineText,
        deadline: t.timeline.deadline,
        daysOverdue: daysBetween(t.timeline.deadline, asOf),
        percent: lastPercent(t.progress, asOf),
        note: lastNote(t.notes, asOf),
      });
    }
    const done = status === 'done' || status === 'done_late';
    if (!done && t.timeline.kind === 'deadline' && t.timeline.deadline >= next.start && t.timeline.deadline <= next.end) {
      dueNext.push({ no: t.no, content: t.content, leadUnitName: t.leadUnitName, timeline: t.timelineText, deadline: t.timeline.deadline, percent: lastPercent(t.progress, asOf) });
    }
    taskRows.push({
      no: t.no,
      content: t.content,
      areaCode: t.areaCode,
      leadUnitName: t.leadUnitName,
      timeline: t.timelineText,
      status,
      percent: lastPercent(t.progress, asOf),
      note: lastNote(t.notes, asOf),
    });
  }

  const directiveOrder = new Map<string | null, number>(input.directives.map((d, i) => [d.code, i]));
  const areaOrder = new Map(input.areas.map((a, i) => [a.code, i]));
  const order = (m: Map<string | null, number>, k: string | null) => (k === null ? Number.MAX_SAFE_INTEGER : (m.get(k) ?? Number.MAX_SAFE_INTEGER - 1));

  const rows = input.indicators.map((i) => indicatorFigure(i, period));
  return {
    version: FIGURES_VERSION,
    period: formatPeriodCode(period),
    periodLabel: periodLabelVi(period),
    start: range.start,
    end: range.end,
    asOf,
    context: input.context,
    areas: input.areas,
    tasks: {
      total,
      byDirective: [...byDirective.values()].sort((a, b) => order(directiveOrder, a.code) - order(directiveOrder, b.code)),
      byArea: [...byArea.values()].sort((a, b) => order(areaOrder, a.code) - order(areaOrder, b.code)),
      overdue: overdue.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.no - b.no)),
      dueNext: dueNext.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.no - b.no)),
      rows: taskRows.sort((a, b) => a.no - b.no),
    },
    indicators: {
      rows,
      total: rows.length,
      met: rows.filter((r) => r.outcome === 'dat').length,
      notMet: rows.filter((r) => r.outcome === 'chua_dat').length,
      noData: rows.filter((r) => r.outcome === 'no_data').length,
    },
  };
}
