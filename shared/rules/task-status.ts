/**
 * A task's status = what the officer recorded + what the calendar says.
 *
 * Officers record only not_started / in_progress / done; 'overdue' and
 * 'done_late' are never typed by anyone, they follow from the deadline, so a
 * report run on a given day always tells the same story.
 */
import { compareDates, isDateInPeriod, isValidIsoDate, periodContaining, periodRange, type Period } from './period';
import type { Timeline } from './timeline';

export type RecordedStatus = 'not_started' | 'in_progress' | 'done';
export type TaskStatus = 'not_started' | 'in_progress' | 'overdue' | 'done' | 'done_late';

export interface ProgressEntry {
  date: string;
  status: RecordedStatus;
  percent: number;
}

export interface TaskStatusInput {
  timeline: Timeline;
  progress: ProgressEntry[];
}

export const RECORDED_STATUSES: readonly RecordedStatus[] = ['not_started', 'in_progress', 'done'];

/** Column order of the report's statistics table: done first, overdue last. */
export const STATUS_ORDER: readonly TaskStatus[] = ['done', 'done_late', 'in_progress', 'not_started', 'overdue'];

const LABELS: Record<'vi' | 'en', Record<TaskStatus, string>> = {
  vi: {
    done: 'Đã hoàn thành',
    done_late: 'Hoàn thành muộn',
    in_progress: 'Đang thực hiện trong hạn',
    not_started: 'Chưa triển khai',
    overdue: 'Quá hạn',
  },
  en: {
    done: 'Done',
    done_late: 'Done late',
    in_progress: 'In progress within term',
    not_started: 'Not started',
    overdue: 'Overdue',
  },
};

export function taskStatusLabel(status: TaskStatus, lang: 'vi' | 'en'): string {
  return LABELS[lang][status];
}

export function isRecordedStatus(s: unknown): s is RecordedStatus {
  return (RECORDED_STATUSES as readonly unknown[]).includes(s);
}

/** done_late still counts as done when a report totals finished tasks. */
export function isDoneStatus(s: TaskStatus): boolean {
  return s === 'done' || s === 'done_late';
}

/**
 * Entries dated on or before asOf, in date order; entries with the same date
 * keep their array order (the sort is stable), so the later element is
 * treated as the later word. Entries with an impossible date cannot be placed
 * in time and are ignored.
 */
function countedEntries(progress: readonly ProgressEntry[], asOf: string): ProgressEntry[] {
  return progress.filter((entry) => isValidIsoDate(entry.date) && compareDates(entry.date, asOf) <= 0).sort((a, b) => compareDates(a.date, b.date));
}

/**
 * When the task became done: the first entry of the final unbroken run of
 * 'done' entries. Later 'done' entries (a photo added, a note corrected) do
 * not move the completion date; a task reopened and finished again is
 * complete only from the second time.
 */
function completionDate(sorted: readonly ProgressEntry[]): string | null {
  let date: string | null = null;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const e = sorted[i];
    if (!e || e.status !== 'done') break;
    date = e.date;
  }
  return date;
}

/**
 * Tasks without a deadline (recurring, on request) are judged per reporting
 * period: did the work of *this* period happen? A 'done' anywhere in the
 * period means the period's work was done even if a later entry in the same
 * period starts the next round. Other entries show the work under way, except
 * an explicit 'not started' at 0%: reporting that as 'đang thực hiện' would
 * contradict what the officer wrote.
 */
function judgeInPeriod(entries: readonly ProgressEntry[], period: Period): TaskStatus {
  const inPeriod = entries.filter((e) => isDateInPeriod(e.date, period));
  if (inPeriod.some((e) => e.status === 'done')) return 'done';
  const underWay = inPeriod.some((e) => e.status === 'in_progress' || (Number.isFinite(e.percent) && e.percent > 0));
  return underWay ? 'in_progress' : 'not_started';
}

/**
 * The first day from which every entry counts when a task is judged on asOf: the start of the
 * reporting period for recurring and on-request work, none for the others. Before that day only the
 * latest entry, the final unbroken run of 'done' entries and the entry just before that run can
 * change the status, so a reader may leave the other entries out.
 */
export function periodStartFor(timeline: Timeline, asOf: string, period?: Period): string | null {
  if (timeline.kind !== 'recurring' && timeline.kind !== 'on-request') return null;
  return periodRange(period ?? periodContaining('quarter', asOf)).start;
}

export function evaluateTaskStatus(input: TaskStatusInput, asOf: string, period?: Period): TaskStatus {
  if (!isValidIsoDate(asOf)) throw new RangeError(`asOf is not an ISO date: ${String(asOf)}`);
  // Stryker disable next-line ArrayDeclaration: an entry without a real date is left out anyway
  const entries = countedEntries(input.progress ?? [], asOf);
  const latest = entries[entries.length - 1];
  const t = input.timeline;

  if (t.kind === 'recurring' || t.kind === 'on-request') {
    return judgeInPeriod(entries, period ?? periodContaining('quarter', asOf));
  }

  // An unparsed timeline (or a broken deadline) may hide a one-off task, so we
  // keep its recorded status across periods, but can never call it late.
  // Stryker disable next-line ConditionalExpression,StringLiteral: an unparsed timeline has no deadline, so the date test alone sends it here; the kind test is there for the type
  if (t.kind === 'unparsed' || !isValidIsoDate(t.deadline)) {
    return latest?.status ?? 'not_started';
  }

  if (latest?.status === 'done') {
    const doneOn = completionDate(entries) ?? latest.date;
    return compareDates(doneOn, t.deadline) <= 0 ? 'done' : 'done_late';
  }
  // The deadline day itself is still within term.
  if (compareDates(asOf, t.deadline) > 0) return 'overdue';
  return latest?.status ?? 'not_started';
}

export type StatusCounts = Record<TaskStatus, number> & { total: number };

/** Counts per status for the report's statistics row (assigned = total). */
export function countStatuses(statuses: readonly TaskStatus[]): StatusCounts {
  const counts: StatusCounts = { done: 0, done_late: 0, in_progress: 0, not_started: 0, overdue: 0, total: 0 };
  for (const s of statuses) {
    counts[s] += 1;
    counts.total += 1;
  }
  return counts;
}
