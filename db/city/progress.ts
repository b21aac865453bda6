/**
 * Every ward's tasks judged on one day with the ward's own rules (shared/rules/task-status), then
 * counted per directive across wards: the shape of the city's quarterly report.
 *
 * With 3,300 wards the year holds some 70,000 tasks and twice as many progress entries; reading
 * them into JavaScript to judge one by one took longer than a screen may wait. So the rules are
 * written once more in SQL (judgedCte) and SQLite counts; judged.test.ts holds the two writings of
 * the rules to the same answers, case by case. What only JavaScript can read, the free-text
 * timeline ("hằng quý", "khi có yêu cầu") and a directive's number folded to its key, is lent to
 * SQLite as functions.
 */
import type { CityDirectiveRow, CityDirectiveTable, CityTaskRow, DirectiveWardPage, DirectiveWardRow, StatusTally } from '../../shared/api/contract-city';
import { isValidIsoDate } from '../../shared/rules/period';
import type { TaskStatus } from '../../shared/rules/task-status';
import { parseTimeline } from '../../shared/rules/timeline';
import { matchesSearch } from '../../shared/rules/search-fold';
import type { Database } from '../database';
import type { Session } from '../session';
import { cached, listWards, paginate, periodScope, type PeriodScope } from './scope';

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

/**
 * A task without a deadline column, by its timeline text: 'R' judged per period (recurring, on
 * request), its deadline when the text names a real date, else 'U' (kept as recorded, never late).
 */
function timelineDue(text: string, year: number): string {
  const t = parseTimeline(text, year);
  if (t.kind === 'recurring' || t.kind === 'on-request') return 'R';
  return t.kind === 'deadline' && isValidIsoDate(t.deadline) ? t.deadline : 'U';
}

const withFunctions = new WeakSet<Database>();

function lendFunctions(db: Database): void {
  if (withFunctions.has(db)) return;
  db.sqlite.function('wp_timeline_due', { deterministic: true }, (text: unknown, year: unknown) => timelineDue(String(text), Number(year)));
  db.sqlite.function('wp_directive_key', { deterministic: true }, (n: unknown) => directiveKeyOf(typeof n === 'string' ? n : null));
  withFunctions.add(db);
}

/** date(x) IS x: a real calendar date written YYYY-MM-DD, as isValidIsoDate has it (years 1000–9999). */
const VALID_DATE = (col: string) => `(date(${col}) IS ${col} AND ${col} >= '1000')`;

/** The last entry's key, date|created_at|status, in the order entries are judged. */
const LAST_KEY = "max(g.date || '|' || g.created_at || '|' || g.status)";

/**
 * judged(id, owner, did, status): every task of the year of the wards that sent data, judged on
 * :asOf for the period from :start (its end is never before :asOf), as evaluateTaskStatus judges it:
 * - entries dated after :asOf or on no real date do not count; same-day entries in the order written;
 * - recurring and on-request: done if done within the period, in progress if under way in it;
 * - no (real) deadline: the last recorded status;
 * - else done (on or before the deadline: the first entry of the last unbroken run of 'done') or
 *   done late; past the deadline overdue; else the last recorded status.
 *
 * Per task the entries give: the last status (ls), the day done (done_on, when ls is 'done'), the
 * last day done and the last day under way. task_progress_facts keeps these (one row per task,
 * computed again by db/progress-facts.ts as an import commits) for all of a task's entries,
 * which is what counts on :asOf unless some are dated later; a task whose entries were written
 * since then is marked, its facts dated after any day asked, so it is judged from its entries. So `reading` is 'facts' when no task has entries after :asOf
 * (the tasks are then read in one stream), 'facts+entries' when some have (worked out from the
 * entries for those alone), 'entries' when most have (a period long past: from the entries of
 * every task, in one pass). `oneWard` narrows to the ward :owner; `oneDirective` to the tasks
 * citing the directive :key (a real one: tasks citing none are found only by judging all).
 */
function judgedCte(opts: { reading: Reading; oneWard?: boolean; oneDirective?: boolean }): string {
  const { reading, oneWard = false, oneDirective = false } = opts;
  const owners = oneWard ? '= :owner' : 'IN (SELECT owner FROM origin_state)';
  const tk = `tk AS ${reading === 'facts' ? '' : 'MATERIALIZED '}(
      SELECT t.id, p.owner, t.source_directive_id AS did,
        CASE WHEN coalesce(t.deadline, '') <> '' THEN CASE WHEN ${VALID_DATE('t.deadline')} THEN t.deadline ELSE 'U' END
             WHEN coalesce(t.timeline, '') <> '' THEN wp_timeline_due(t.timeline, p.year)
             ELSE 'U' END AS due${
               reading === 'entries'
                 ? `
      FROM plan p JOIN task t ON t.plan_id = p.id`
                 : `,
        f.last_date, f.last_status AS ls, f.done_on, f.last_done, f.last_active
      FROM plan p JOIN task t ON t.plan_id = p.id LEFT JOIN task_progress_facts f ON f.owner = p.owner AND f.task_id = t.id`
             }
      WHERE p.year = :year AND p.deleted = 0 AND t.deleted = 0 AND p.owner ${owners}${
        oneDirective ? ' AND t.source_directive_id IN (SELECT id FROM directive WHERE deleted = 0 AND wp_directive_key(number) = :key)' : ''
      }
    )`;
  if (reading === 'facts') return `${tk}, jf AS (SELECT id, owner, did, due, ls, done_on, last_done, last_active FROM tk), ${judgedTail(owners)}`;
  const fromFacts = reading === 'facts+entries';
  const entriesOf = fromFacts
    ? ' AND g.task_id IN (SELECT id FROM tk WHERE last_date > :asOf)'
    : oneWard || oneDirective
      ? ' AND g.task_id IN (SELECT id FROM tk)'
      : '';
  return `${tk},
    pa AS MATERIALIZED (
      -- Per task, from its entries up to :asOf: the last entry
      -- (date, then order written) with its status, the last entry not 'done', the first 'done',
      -- the last day done and the last day under way.
      SELECT g.task_id AS id, g.owner,
        -- The status written after date|created_at|, cut out once per task rather than per use.
        substr(${LAST_KEY}, 12 + instr(substr(${LAST_KEY}, 12), '|')) AS ls,
        max(CASE WHEN g.status <> 'done' THEN g.date || '|' || g.created_at END) AS ndk,
        min(CASE WHEN g.status = 'done' THEN g.date || '|' || g.created_at END) AS fdk,
        max(CASE WHEN g.status = 'done' THEN g.date END) AS last_done,
        max(CASE WHEN g.status = 'in_progress' OR g.percent > 0 THEN g.date END) AS last_active
      FROM task_progress g
      WHERE g.deleted = 0 AND g.date <= :asOf AND ${VALID_DATE('g.date')}${entriesOf}
      GROUP BY g.task_id, g.owner
    ),
    jf AS (${
      fromFacts
        ? `
      SELECT id, owner, did, due, ls, done_on, last_done, last_active FROM tk WHERE last_date IS NULL OR last_date <= :asOf
      UNION ALL`
        : ''
    }
      SELECT tk.id, tk.owner, tk.did, tk.due, pa.ls AS ls,
        -- Done on the first day of the last unbroken run of 'done': the first 'done' unless the
        -- task was done, reopened and done again; only then look for the run's start.
        CASE WHEN pa.ls = 'done' THEN
          CASE WHEN pa.ndk IS NULL OR pa.fdk > pa.ndk THEN substr(pa.fdk, 1, 10)
               ELSE (SELECT min(x.date) FROM task_progress x WHERE x.task_id = tk.id AND x.owner = tk.owner AND x.deleted = 0
                       AND x.date <= :asOf AND ${VALID_DATE('x.date')} AND x.date || '|' || x.created_at > pa.ndk) END END AS done_on,
        pa.last_done, pa.last_active
      FROM tk LEFT JOIN pa ON pa.id = tk.id AND pa.owner = tk.owner${fromFacts ? ' WHERE tk.last_date > :asOf' : ''}
    ),
    ${judgedTail(owners)}`;
}

/** judged from jf, then each task's directive key (jk). */
function judgedTail(owners: string): string {
  return `judged AS MATERIALIZED (
      SELECT id, owner, did,
        CASE
          WHEN due = 'R' THEN CASE WHEN last_done >= :start THEN 'done' WHEN last_active >= :start THEN 'in_progress' ELSE 'not_started' END
          WHEN due = 'U' THEN coalesce(ls, 'not_started')
          WHEN ls = 'done' THEN CASE WHEN done_on <= due THEN 'done' ELSE 'done_late' END
          WHEN :asOf > due THEN 'overdue'
          ELSE coalesce(ls, 'not_started')
        END AS status
      FROM jf
    ),
    dk AS MATERIALIZED (SELECT d.id, d.owner, wp_directive_key(d.number) AS dkey FROM directive d WHERE d.deleted = 0 AND d.owner ${owners}),
    jk AS (SELECT j.id, j.owner, j.status, coalesce(dk.dkey, '') AS dkey FROM judged j LEFT JOIN dk ON dk.id = j.did AND dk.owner = j.owner)`;
}

/** How the tasks are best judged on a day: see judgedCte. */
type Reading = 'facts' | 'facts+entries' | 'entries';

/**
 * From the facts alone when no task has entries dated after :asOf; with the entries of those that
 * have, unless they are more than half (a period long past), then from the entries of all.
 */
function readingOn(s: Session, asOf: string): Reading {
  const r = s.db.sqlite.prepare('SELECT count(*) AS n, coalesce(sum(last_date > ?), 0) AS later FROM task_progress_facts').get(asOf) as {
    n: number;
    later: number;
  };
  return r.later === 0 ? 'facts' : r.later * 2 <= r.n ? 'facts+entries' : 'entries';
}

/** The tally of the rows grouped, in the shape of StatusTally. */
const TALLY_COLUMNS = `count(*) AS total, sum(status = 'done') AS done, sum(status = 'done_late') AS doneLate,
  sum(status = 'in_progress') AS inProgress, sum(status = 'not_started') AS notStarted, sum(status = 'overdue') AS overdue`;

/** The tallies of TALLY_COLUMNS added up. */
const TALLY_SUMS = `coalesce(sum(total), 0) AS total, sum(done) AS done, sum(doneLate) AS doneLate,
  sum(inProgress) AS inProgress, sum(notStarted) AS notStarted, sum(overdue) AS overdue`;

const IN_GROUP = `owner IN (SELECT ward_code FROM ward_info WHERE ward_group = :grp)`;

function params(scope: PeriodScope, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { year: scope.year, asOf: scope.asOf, start: scope.start, ...extra };
}

function tallyOf(r: StatusTally): StatusTally {
  return {
    total: r.total,
    done: r.done ?? 0,
    doneLate: r.doneLate ?? 0,
    inProgress: r.inProgress ?? 0,
    notStarted: r.notStarted ?? 0,
    overdue: r.overdue ?? 0,
  };
}

/** Each ward's tally over all its tasks of the year, judged for the period (the city report's appendix). */
export function wardTallies(s: Session, scope: PeriodScope): Map<string, StatusTally> {
  return cached(s.db, `ward-tallies:${scope.code}:${scope.asOf}`, () => {
    lendFunctions(s.db);
    const rows = s.db.sqlite
      .prepare(`WITH ${judgedCte({ reading: readingOn(s, scope.asOf) })} SELECT owner, ${TALLY_COLUMNS} FROM judged GROUP BY owner`)
      .all(params(scope)) as Array<StatusTally & { owner: string }>;
    return new Map(rows.map((r) => [r.owner, tallyOf(r)]));
  });
}

interface DirectiveNames {
  /** Directive key → how the wards citing it write its number and title: the canonical form (upper case) when some ward writes it so, else the most usual. */
  byKey: Map<string, { number: string; title: string }>;
  /** Each way of writing a number (trimmed) → its key, as JSON for SQLite's json_each. */
  keysJson: string;
}

function directiveNames(s: Session): DirectiveNames {
  // The key depends on the number alone, so the few ways of writing it are keyed here rather
  // than every ward's copy in SQLite.
  const rows = s.db.sqlite
    .prepare(
      `SELECT trim(number) AS number, title, count(*) AS n FROM directive
       WHERE deleted = 0 AND owner IN (SELECT owner FROM origin_state) GROUP BY trim(number), title ORDER BY n DESC, number, title`,
    )
    .all() as Array<{ number: string; title: string }>;
  const byKey = new Map<string, { number: string; title: string }>();
  const keys: Record<string, string> = {};
  for (const r of rows) {
    const k = directiveKeyOf(r.number);
    keys[r.number] = k;
    if (!byKey.has(k) || (r.number === k && byKey.get(k)!.number !== k)) byKey.set(k, { number: r.number, title: r.title });
  }
  return { byKey, keysJson: JSON.stringify(keys) };
}

export function directiveTable(s: Session, periodCode: string, group?: string): CityDirectiveTable {
  const scope = periodScope(s, periodCode);
  return cached(s.db, `directives:${scope.code}:${scope.asOf}:${group ?? ''}`, () => computeDirectiveTable(s, scope, group));
}

function computeDirectiveTable(s: Session, scope: PeriodScope, group: string | undefined): CityDirectiveTable {
  lendFunctions(s.db);
  const where = group ? `WHERE ${IN_GROUP}` : '';
  const names = directiveNames(s);
  // Counted once per ward and directive (some 20,000 rows rather than 70,000 tasks), then per
  // directive key and for the whole city from those counts: the tasks are judged and read once,
  // and each directive cited is looked up once by its id for the way its number is written.
  const grouped = s.db.sqlite
    .prepare(
      `WITH ${judgedCte({ reading: readingOn(s, scope.asOf) })},
       byd AS MATERIALIZED (SELECT owner, did, ${TALLY_COLUMNS} FROM judged ${where} GROUP BY owner, did),
       nk AS MATERIALIZED (SELECT key AS number, value AS dkey FROM json_each(:keys)),
       bk AS MATERIALIZED (
         SELECT coalesce(nk.dkey, '') AS dkey, b.* FROM byd b
         LEFT JOIN directive d ON d.id = b.did AND d.owner = b.owner AND d.deleted = 0 LEFT JOIN nk ON nk.number = trim(d.number))
       SELECT dkey, ${TALLY_SUMS}, count(DISTINCT owner) AS wards FROM bk GROUP BY dkey
       UNION ALL SELECT NULL, ${TALLY_SUMS}, count(DISTINCT owner) FROM bk`,
    )
    .all(params(scope, { keys: names.keysJson, ...(group ? { grp: group } : {}) })) as Array<StatusTally & { dkey: string | null; wards: number }>;
  const totalsRow = grouped.find((r) => r.dkey === null)!;
  const rows: CityDirectiveRow[] = grouped
    .filter((r) => r.dkey !== null)
    .map((r) => ({
      key: r.dkey!,
      number: names.byKey.get(r.dkey!)?.number ?? '',
      title: names.byKey.get(r.dkey!)?.title ?? '',
      wards: r.wards,
      ...tallyOf(r),
    }))
    // Directives by how widely they are cited; tasks citing none last.
    .sort((a, b) => (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0) || b.total - a.total || a.key.localeCompare(b.key));
  return { period: scope.code, asOf: scope.asOf, year: scope.year, rows, totals: { ...tallyOf(totalsRow), wards: totalsRow.total ? totalsRow.wards : 0 } };
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
  lendFunctions(s.db);
  const names = new Map(listWards(s).map((w) => [w.code, w.name]));
  const rows = s.db.sqlite
    .prepare(
      `WITH ${judgedCte({ reading: readingOn(s, scope.asOf), oneDirective: key !== '' })} SELECT owner, ${TALLY_COLUMNS} FROM jk WHERE dkey = :key ${group ? `AND ${IN_GROUP}` : ''} GROUP BY owner`,
    )
    .all(params(scope, group ? { key, grp: group } : { key })) as Array<StatusTally & { owner: string }>;
  return (
    rows
      .map((r) => ({ wardCode: r.owner, wardName: names.get(r.owner) ?? r.owner, ...tallyOf(r) }))
      // The wards that need a call first: most overdue, then least done.
      .sort((a, b) => b.overdue - a.overdue || a.done + a.doneLate - (b.done + b.doneLate) || a.wardCode.localeCompare(b.wardCode))
  );
}

export function wardTasks(s: Session, input: { period: string; wardCode: string; directive?: string | undefined }): CityTaskRow[] {
  const scope = periodScope(s, input.period);
  lendFunctions(s.db);
  const status = new Map(
    s.db.sqlite
      .prepare<[Record<string, unknown>], [string, TaskStatus]>(`WITH ${judgedCte({ reading: 'facts+entries', oneWard: true })} SELECT id, status FROM judged`)
      .raw()
      .all(params(scope, { owner: input.wardCode })),
  );
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
      status: status.get(r.id) ?? 'not_started',
    }));
}
