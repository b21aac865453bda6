/**
 * Benchmark for the ward's data core (issue 2, item 8). Not a test: it prints figures.
 *
 *   node --import tsx bench/data-core.ts
 *
 * A ward with ten years of plans (2017–2026): 300 tasks and 50 indicators with targets a year,
 * monthly values, 20 progress entries per task, generated through the real services. Then:
 * database size, change-log rows, wardSummary time, task search time with and without
 * diacritics, and the same summary computed by a plain in-memory pass over the rows.
 */
import path from 'node:path';
import { getMeta } from '../db/database';
import { listIndicators } from '../db/services/indicators';
import { wardSummary } from '../db/services/summary';
import { listTasks, timelineOf } from '../db/services/tasks';
import type { Session } from '../db/session';
import { evaluateIndicator, type Comparator } from '../shared/rules/indicator';
import { parsePeriod, periodRange } from '../shared/rules/period';
import { ftsQuery } from '../db/services/tasks';
import { evaluateTaskStatus, type ProgressEntry, type RecordedStatus, type TaskStatus } from '../shared/rules/task-status';
import type { WardSummary } from '../shared/api/types';
import { generateWard, RARE_PHRASE } from './generate-ward';
import {
  benchTempDir,
  checkpointedSize,
  cleanupTempDirs,
  fmtBytes,
  fmtInt,
  fmtMs,
  fmtRatio,
  heading,
  machineLine,
  repeatSync,
  subheading,
  table,
  timeSync,
} from './stats';

const YEAR = 2026;
const AS_OF = '2026-10-15';
const RUNS = 9;

// ---- the plain in-memory pass -----------------------------------------------------------------

interface YearRows {
  planId: string | null;
  tasks: Array<{
    id: string;
    no: number;
    content: string;
    area_id: string;
    source_directive_id: string | null;
    lead_unit_id: string;
    timeline: string | null;
    deadline: string | null;
  }>;
  areas: Map<string, { code: string; name: string }>;
  directives: Map<string, { code: string; number: string }>;
  units: Map<string, string>;
  progress: Array<{ task_id: string; date: string; status: RecordedStatus; percent: number; created_at: string }>;
  indicators: Array<{ id: string; code: string; owner: string }>;
  targets: Array<{ indicator_id: string; owner: string; ward_code: string; comparator: Comparator; target: number }>;
  values: Array<{ indicator_id: string; period: string; value: number }>;
}

/** One plain SELECT per table, nothing joined, nothing computed. */
function loadYear(s: Session, year: number): YearRows {
  const db = s.db.sqlite;
  const city = getMeta(s.db, 'city_code') ?? '';
  const plan = db.prepare('SELECT id FROM plan WHERE owner = ? AND year = ? AND deleted = 0').get(s.orgCode, year) as { id: string } | undefined;
  const planId = plan?.id ?? null;
  return {
    planId,
    tasks: db
      .prepare('SELECT id, no, content, area_id, source_directive_id, lead_unit_id, timeline, deadline FROM task WHERE plan_id = ? AND deleted = 0')
      .all(planId) as YearRows['tasks'],
    areas: new Map((db.prepare('SELECT id, code, name FROM area').all() as Array<{ id: string; code: string; name: string }>).map((a) => [a.id, a])),
    directives: new Map(
      (db.prepare('SELECT id, code, number FROM directive').all() as Array<{ id: string; code: string; number: string }>).map((d) => [d.id, d]),
    ),
    units: new Map((db.prepare('SELECT id, code FROM unit').all() as Array<{ id: string; code: string }>).map((u) => [u.id, u.code])),
    progress: db
      .prepare('SELECT task_id, date, status, percent, created_at FROM task_progress WHERE deleted = 0 AND task_id IN (SELECT id FROM task WHERE plan_id = ?)')
      .all(planId) as YearRows['progress'],
    indicators: db.prepare('SELECT id, code, owner FROM indicator WHERE deleted = 0 AND owner IN (?, ?)').all(s.orgCode, city) as YearRows['indicators'],
    targets: db
      .prepare('SELECT indicator_id, owner, ward_code, comparator, target FROM indicator_target WHERE year = ? AND deleted = 0')
      .all(year) as YearRows['targets'],
    values: db
      .prepare('SELECT indicator_id, period, value FROM indicator_value WHERE owner = ? AND deleted = 0 AND period >= ? AND period < ?')
      .all(s.orgCode, String(year), String(year + 1)) as YearRows['values'],
  };
}

interface PlainSummary {
  total: number;
  byStatus: Record<TaskStatus, number>;
  byArea: Array<{ code: string; total: number; byStatus: Record<TaskStatus, number> }>;
  byDirective: Array<{ code: string; total: number; byStatus: Record<TaskStatus, number> }>;
  overdue: number[];
  upcoming: number[];
  indicators: { total: number; met: number; notMet: number; noData: number; notMetCodes: string[] };
}

const zero = (): Record<TaskStatus, number> => ({ not_started: 0, in_progress: 0, overdue: 0, done: 0, done_late: 0 });

/** The summary's counts from the rows alone, with the shared rules (timelineOf, evaluateTaskStatus, evaluateIndicator). */
function computePlain(rows: YearRows, s: Session, year: number, asOf: string): PlainSummary {
  const city = getMeta(s.db, 'city_code') ?? '';
  const byTask = new Map<string, typeof rows.progress>();
  for (const p of rows.progress) {
    let l = byTask.get(p.task_id);
    if (!l) byTask.set(p.task_id, (l = []));
    l.push(p);
  }
  const byStatus = zero();
  const areas = new Map<string, PlainSummary['byArea'][number]>();
  const dirs = new Map<string, PlainSummary['byDirective'][number]>();
  const overdue: number[] = [];
  const upcoming: Array<{ no: number; deadline: string }> = [];
  for (const t of rows.tasks) {
    const list = byTask.get(t.id) ?? [];
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
    const progress: ProgressEntry[] = list.map((p) => ({ date: p.date, status: p.status, percent: p.percent }));
    const status = evaluateTaskStatus({ timeline: timelineOf(t, year), progress }, asOf);
    byStatus[status]++;
    const aCode = rows.areas.get(t.area_id)?.code ?? '';
    let a = areas.get(aCode);
    if (!a) areas.set(aCode, (a = { code: aCode, total: 0, byStatus: zero() }));
    a.total++;
    a.byStatus[status]++;
    const dCode = t.source_directive_id ? (rows.directives.get(t.source_directive_id)?.code ?? '') : '';
    let d = dirs.get(dCode);
    if (!d) dirs.set(dCode, (d = { code: dCode, total: 0, byStatus: zero() }));
    d.total++;
    d.byStatus[status]++;
    if (status === 'overdue') overdue.push(t.no);
    if (t.deadline && t.deadline >= asOf && status !== 'done' && status !== 'done_late') upcoming.push({ no: t.no, deadline: t.deadline });
  }
  upcoming.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.no - b.no));

  // Targets: the ward's own, then the city's for this ward, then the city's for all wards.
  const rank = (r: YearRows['targets'][number]) =>
    r.owner === s.orgCode ? 0 : r.owner === city && r.ward_code === s.orgCode ? 1 : r.owner === city && r.ward_code === '' ? 2 : 99;
  const targets = new Map<string, YearRows['targets'][number]>();
  for (const t of rows.targets) {
    if (rank(t) === 99) continue;
    const prev = targets.get(t.indicator_id);
    if (!prev || rank(t) < rank(prev)) targets.set(t.indicator_id, t);
  }
  // Values: the latest period of the year that had started by asOf.
  const latest = new Map<string, { end: string; value: number }>();
  for (const v of rows.values) {
    const p = parsePeriod(v.period);
    if (!p || p.year !== year) continue;
    const r = periodRange(p);
    if (r.start > asOf) continue;
    const prev = latest.get(v.indicator_id);
    if (!prev || r.end > prev.end) latest.set(v.indicator_id, { end: r.end, value: v.value });
  }
  const ind = { total: rows.indicators.length, met: 0, notMet: 0, noData: 0, notMetCodes: [] as string[] };
  for (const i of rows.indicators) {
    const t = targets.get(i.id);
    const v = latest.get(i.id);
    const outcome = t && v ? evaluateIndicator(t.comparator, t.target, v.value) : 'no_data';
    if (outcome === 'dat') ind.met++;
    else if (outcome === 'chua_dat') {
      ind.notMet++;
      ind.notMetCodes.push(i.code);
    } else ind.noData++;
  }
  return {
    total: rows.tasks.length,
    byStatus,
    byArea: [...areas.values()],
    byDirective: [...dirs.values()],
    overdue,
    upcoming: upcoming.slice(0, 5).map((u) => u.no),
    indicators: ind,
  };
}

/** The service's summary reduced to the same shape, so the two can be compared exactly. */
function fromService(w: WardSummary): PlainSummary {
  return {
    total: w.tasks.total,
    byStatus: { ...zero(), ...w.tasks.byStatus },
    byArea: w.tasks.byArea.map((g) => ({ code: g.code, total: g.total, byStatus: { ...zero(), ...g.byStatus } })),
    byDirective: w.tasks.byDirective.map((g) => ({ code: g.code, total: g.total, byStatus: { ...zero(), ...g.byStatus } })),
    overdue: w.tasks.overdue.map((t) => t.no),
    upcoming: w.tasks.upcoming.map((t) => t.no),
    indicators: {
      total: w.indicators.total,
      met: w.indicators.met,
      notMet: w.indicators.notMet,
      noData: w.indicators.noData,
      notMetCodes: w.indicators.notMetList.map((i) => i.code),
    },
  };
}

function canonical(x: PlainSummary): string {
  const byCode = <T extends { code: string }>(a: T[]) => [...a].sort((p, q) => (p.code < q.code ? -1 : p.code > q.code ? 1 : 0));
  const order = (o: Record<TaskStatus, number>) => [o.not_started, o.in_progress, o.overdue, o.done, o.done_late];
  return JSON.stringify({
    total: x.total,
    byStatus: order(x.byStatus),
    byArea: byCode(x.byArea).map((g) => [g.code, g.total, order(g.byStatus)]),
    byDirective: byCode(x.byDirective).map((g) => [g.code, g.total, order(g.byStatus)]),
    overdue: [...x.overdue].sort((a, b) => a - b),
    upcoming: x.upcoming,
    indicators: { ...x.indicators, notMetCodes: [...x.indicators.notMetCodes].sort() },
  });
}

// ---- the run --------------------------------------------------------------------------------

function tableSizes(s: Session): Array<{ name: string; bytes: number }> | null {
  try {
    return s.db.sqlite.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as Array<{
      name: string;
      bytes: number;
    }>;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  heading('WardPlan data core benchmark (issue 2, item 8)');
  console.log(machineLine());
  const dir = benchTempDir('wardplan-bench-core-');
  const dbPath = path.join(dir, 'ward.db');

  subheading('1. Generating the ward through the real services');
  console.log('10 plans (2017–2026), 300 tasks a year, 50 indicators with a target every year, monthly values,');
  console.log(`20 progress entries per task; "today" = ${AS_OF}, so 2026 has values for Jan–Sep and progress up to today.`);
  console.log('One transaction per year (inTransaction around addPlan/setTarget/addTask/recordProgress/setValue).');
  const g = generateWard(dbPath, { onYear: (y, ms) => process.stdout.write(`  ${y}: ${fmtMs(ms)}\n`) });
  const { s, db } = g;
  const count = (sql: string) => (db.sqlite.prepare(sql).get() as { n: number }).n;
  const size = checkpointedSize(db.sqlite, db.path);
  const rows: Array<[string, number]> = [
    ['plan', count('SELECT count(*) AS n FROM plan')],
    ['task', count('SELECT count(*) AS n FROM task')],
    ['task_progress', count('SELECT count(*) AS n FROM task_progress')],
    ['indicator', count('SELECT count(*) AS n FROM indicator')],
    ['indicator_target', count('SELECT count(*) AS n FROM indicator_target')],
    ['indicator_value', count('SELECT count(*) AS n FROM indicator_value')],
    ['unit / directive / area', count('SELECT (SELECT count(*) FROM unit) + (SELECT count(*) FROM directive) + (SELECT count(*) FROM area) AS n')],
    ['change_log', count('SELECT count(*) AS n FROM change_log')],
    ['audit_log', count('SELECT count(*) AS n FROM audit_log')],
  ];
  console.log();
  console.log(table(['table', 'rows'], rows));
  console.log();
  console.log(
    table(
      ['figure', 'value'],
      [
        ['generation time (all 10 years, incl. opening and migrating)', fmtMs(g.totalMs)],
        ['per year, first / last', `${fmtMs(g.yearMs.get(2017)!)} / ${fmtMs(g.yearMs.get(2026)!)}`],
        ['service calls per second (approx.)', fmtInt((g.counts.tasks + g.counts.progress + g.counts.values + g.counts.targets) / (g.totalMs / 1000))],
        ['database file after wal_checkpoint(TRUNCATE)', `${fmtBytes(size)} (${fmtInt(size)} bytes)`],
        ['change-log rows', fmtInt(rows.find((r) => r[0] === 'change_log')![1])],
        ['bytes per change-log row (whole file / rows)', fmtInt(size / rows.find((r) => r[0] === 'change_log')![1])],
      ],
    ),
  );
  const sizes = tableSizes(s);
  if (sizes) {
    const top = sizes.slice(0, 8);
    console.log('\nWhere the bytes are (dbstat, largest 8 b-trees):');
    console.log(
      table(
        ['table or index', 'size', 'share'],
        top.map((t) => [t.name, fmtBytes(t.bytes), `${((100 * t.bytes) / size).toFixed(1)}%`]),
      ),
    );
  }

  subheading(`2. wardSummary for ${YEAR} as of ${AS_OF} (median of ${RUNS} runs after 1 warm-up)`);
  const svc = repeatSync(RUNS, () => wardSummary(s, { year: YEAR, asOf: AS_OF }));
  const svcTasks = repeatSync(RUNS, () => listTasks(s, { planYear: YEAR, asOf: AS_OF }));
  const svcInd = repeatSync(RUNS, () => listIndicators(s, { year: YEAR, asOf: AS_OF }));
  const sum = svc.last;
  console.log(
    table(
      ['call', 'median', 'min', 'max'],
      [
        ['wardSummary', fmtMs(svc.median), fmtMs(svc.min), fmtMs(svc.max)],
        ['  of which listTasks (300 tasks, the progress entries that decide them)', fmtMs(svcTasks.median), fmtMs(svcTasks.min), fmtMs(svcTasks.max)],
        ['  of which listIndicators (50 indicators)', fmtMs(svcInd.median), fmtMs(svcInd.min), fmtMs(svcInd.max)],
      ],
    ),
  );
  console.log(
    `result: ${sum.tasks.total} tasks — not started ${sum.tasks.byStatus.not_started}, in progress ${sum.tasks.byStatus.in_progress}, overdue ${sum.tasks.byStatus.overdue}, done ${sum.tasks.byStatus.done}, done late ${sum.tasks.byStatus.done_late}; ` +
      `${sum.indicators.total} indicators — met ${sum.indicators.met}, not met ${sum.indicators.notMet}, no data ${sum.indicators.noData}`,
  );

  subheading(`3. Task search in the ${YEAR} plan: listTasks({ search }) (median of ${RUNS} runs)`);
  const queries: Array<[string, string]> = [
    ['chuyen doi so', 'without diacritics'],
    ['chuyển đổi số', 'with diacritics'],
    ['bưu điện', `rare phrase ("${RARE_PHRASE}")`],
    ['buu dien', 'rare, without diacritics'],
    ['', 'no search (whole plan), for reference'],
  ];
  const ftsAll = db.sqlite.prepare('SELECT count(*) AS n FROM task_search WHERE task_search MATCH ?');
  const searchRows = queries.map(([q, what]) => {
    const r = repeatSync(RUNS, () => listTasks(s, { planYear: YEAR, asOf: AS_OF, search: q }));
    const fq = ftsQuery(q);
    const fts = fq ? repeatSync(RUNS, () => ftsAll.get(fq) as { n: number }) : null;
    return [
      q === '' ? '(none)' : `"${q}"`,
      what,
      fmtInt(r.last.length),
      fq ? fmtInt(fts!.last.n) : '-',
      fmtMs(r.median),
      fts ? fmtMs(fts.median) : '-',
      fts ? fmtMs(r.median - fts.median) : '-',
    ];
  });
  console.log(
    table(['query', 'what', 'hits 2026', 'FTS hits, 10 yrs', 'listTasks', 'FTS MATCH alone', 'above the match (goal ≤ 2 ms)'], searchRows, {
      leftCols: [0, 1],
    }),
  );
  const same = searchRows[0]![2] === searchRows[1]![2];
  console.log(`"chuyen doi so" and "chuyển đổi số" find the same tasks: ${same ? 'yes' : 'no'}`);

  subheading(`4. The same summary by a plain in-memory pass (median of ${RUNS} runs)`);
  console.log("Plain SELECTs of the year's tasks, their progress, the areas/directives, the indicators, the year's targets and");
  console.log("the year's values; then counts by status / area / directive, overdue, next deadlines and indicator outcomes in JS");
  console.log('with the shared rules (timelineOf, evaluateTaskStatus, parsePeriod/periodRange, evaluateIndicator).');
  const loaded = timeSync(() => loadYear(s, YEAR)).value;
  const compute = repeatSync(RUNS, () => computePlain(loaded, s, YEAR, AS_OF));
  const loadOnly = repeatSync(RUNS, () => loadYear(s, YEAR));
  const both = repeatSync(RUNS, () => computePlain(loadYear(s, YEAR), s, YEAR, AS_OF));
  const sameResult = canonical(compute.last) === canonical(fromService(sum)) && canonical(both.last) === canonical(fromService(sum));
  console.log();
  console.log(
    table(
      ['way', 'median', 'service / this'],
      [
        ['wardSummary (service)', fmtMs(svc.median), '1.00x'],
        ['in-memory: load (plain SELECTs) + compute', fmtMs(both.median), fmtRatio(svc.median, both.median)],
        ['in-memory: compute only (rows already in arrays)', fmtMs(compute.median), fmtRatio(svc.median, compute.median)],
        ['  (load alone)', fmtMs(loadOnly.median), fmtRatio(svc.median, loadOnly.median)],
      ],
    ),
  );
  console.log(`wardSummary / in-memory load + compute: ${fmtRatio(svc.median, both.median)} (goal ≤ 1.50x)`);
  console.log(
    `rows in the pass: ${fmtInt(loaded.tasks.length)} tasks, ${fmtInt(loaded.progress.length)} progress entries, ${fmtInt(loaded.values.length)} values of ${YEAR}, ${fmtInt(loaded.targets.length)} targets`,
  );
  console.log(
    `same result: ${sameResult ? 'yes' : 'no'} (status counts, by area, by directive, overdue tasks, next 5 deadlines, indicators met / not met / no data)`,
  );
  if (!sameResult) {
    console.log('  service :', canonical(fromService(sum)));
    console.log('  in-mem  :', canonical(compute.last));
  }

  db.close();
  cleanupTempDirs();
}

main().catch((e) => {
  cleanupTempDirs();
  console.error(e);
  process.exit(1);
});
