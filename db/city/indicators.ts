/**
 * Indicators across wards: each ward's value for the period against the target that applies to
 * it (its own, else the city's for it, else the city's for all), the ranking, and the city-wide
 * figure. A ratio's city figure is the sum of numerators over the sum of denominators: averaging
 * percentages would weigh a ward of 500 files like one of 50,000.
 */
import type { CityFigure, CityIndicatorRow, IndicatorDetail, IndicatorWardRow } from '../../shared/api/contract-city';
import { evaluateIndicator, parseComparator, ratioPercent, roundTo, type Comparator, type IndicatorOutcome } from '../../shared/rules/indicator';
import { formatPeriodCode, periodsOfYear, comparePeriods } from '../../shared/rules/period';
import { matchesSearch } from '../../shared/rules/search-fold';
import type { Database } from '../database';
import type { indicator } from '../schema';
import type { Session } from '../session';
import { cached, listWards, paginate, periodScope, wardCodesOfGroup, type PeriodScope } from './scope';

type IndicatorRow = typeof indicator.$inferSelect;

type Def = Pick<IndicatorRow, 'code' | 'owner' | 'name' | 'unit' | 'sort'> & { isRatio: boolean };

export interface Cell {
  wardCode: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  comparator: Comparator | null;
  target: number | null;
  outcome: IndicatorOutcome;
}

export interface IndicatorMatrix {
  defs: Def[];
  /** code → the cells of every ward the indicator applies to. */
  cells: Map<string, Cell[]>;
  cityTargets: Map<string, { comparator: Comparator; target: number }>;
}

/**
 * One definition per code for names: the city's when it has one, else the one written first. The
 * codes and their first rows come from the index indicator_live alone; only the chosen rows are
 * read from the table, not 3,300 wards' copies of every definition.
 */
function loadDefs(s: Session): Def[] {
  return s.db.sqlite
    .prepare<[string], [string, string, string, string, number, number]>(
      `WITH pick AS (
           SELECT coalesce((SELECT c.rowid FROM indicator c WHERE c.owner = ? AND c.code = x.code AND c.deleted = 0), min(x.rowid)) AS rid
           FROM indicator x WHERE x.deleted = 0 GROUP BY x.code
         )
         SELECT i.code, i.owner, i.name, i.unit, i.is_ratio, i.sort FROM pick CROSS JOIN indicator i ON i.rowid = pick.rid`,
    )
    .raw()
    .all(s.orgCode)
    .map(([code, owner, name, unit, r, sort]) => ({ code, owner, name, unit, isRatio: r === 1, sort }))
    .sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
}

const withFunctions = new WeakSet<Database>();

/** The indicator rules stay in shared/rules/indicator; SQLite borrows them. */
function lendFunctions(db: Database): void {
  if (withFunctions.has(db)) return;
  db.sqlite.function('wp_outcome', { deterministic: true }, (c: unknown, target: unknown, value: unknown) =>
    evaluateIndicator(c as Comparator, Number(target), typeof value === 'number' ? value : null),
  );
  withFunctions.add(db);
}

/**
 * cells(code, ward, value, numerator, denominator, cmp, target, outcome): each ward's value for the
 * period against the target that applies to it (its own, else the city's for it, else the city's
 * for all). The city's indicator applies to every ward; a ward's own only to itself. Narrowed to one
 * indicator (:code) or one ward (:ward) when asked.
 */
function cellsCte(only: { code?: boolean; ward?: boolean }): string {
  const code = (col: string) => (only.code ? ` AND ${col} = :code` : '');
  const ward = (col: string) => (only.ward ? ` AND ${col} = :ward` : '');
  // One indicator: from its few definitions into the index by indicator; every indicator: the
  // whole period's (or year's) range of the index, then each definition through indicator_city,
  // which holds what is read of it. CROSS JOIN keeps either order: left to itself SQLite went
  // through every definition's row in the table and then into the values, at twice the cost.
  const from = (table: string, alias: string) =>
    only.code ? `indicator i CROSS JOIN ${table} ON ${alias}.indicator_id = i.id` : `${table} CROSS JOIN indicator i ON i.id = ${alias}.indicator_id`;
  return `w AS MATERIALIZED (
      SELECT code FROM org WHERE kind = 'ward'${ward('code')}
      UNION SELECT owner FROM origin_state WHERE owner NOT IN (SELECT code FROM org)${ward('owner')}
    ),
    cityc AS MATERIALIZED (SELECT DISTINCT code FROM indicator WHERE deleted = 0 AND owner = :city${code('code')}),
    ap AS (
      SELECT c.code, w.code AS ward FROM cityc c CROSS JOIN w
      UNION ALL
      SELECT DISTINCT i.code, i.owner FROM indicator i
      WHERE i.deleted = 0 AND i.owner <> :city AND i.owner IN (SELECT code FROM w) AND i.code NOT IN (SELECT code FROM cityc)${code('i.code')}
    ),
    v AS MATERIALIZED (
      SELECT v.owner, i.code, v.value, v.numerator, v.denominator FROM ${from('indicator_value v', 'v')}
      WHERE v.period = :period AND v.deleted = 0 AND i.deleted = 0${code('i.code')}${ward('v.owner')}
      GROUP BY v.owner, i.code
    ),
    -- Keyed ward NUL code in one column, so the lookup below uses one index on both.
    tg AS MATERIALIZED (
      SELECT k, min(rank) AS rank, cmp, target FROM (
        SELECT CASE WHEN t.owner <> :city THEN t.owner ELSE t.ward_code END || char(0) || i.code AS k,
          CASE WHEN t.owner <> :city THEN 0 WHEN t.ward_code <> '' THEN 1 ELSE 2 END AS rank, cm.value AS cmp, t.target
        FROM ${from('indicator_target t', 't')} JOIN json_each(:comparators) cm ON cm.key = t.comparator
        WHERE t.year = :year AND t.deleted = 0 AND i.deleted = 0${code('i.code')}
      ) GROUP BY k
    ),
    cells AS (
      SELECT ap.code, ap.ward, v.value, v.numerator, v.denominator,
        coalesce(t1.cmp, t2.cmp) AS cmp, CASE WHEN t1.cmp IS NOT NULL THEN t1.target ELSE t2.target END AS target,
        CASE WHEN coalesce(t1.cmp, t2.cmp) IS NULL OR v.value IS NULL THEN 'no_data'
             ELSE wp_outcome(coalesce(t1.cmp, t2.cmp), CASE WHEN t1.cmp IS NOT NULL THEN t1.target ELSE t2.target END, v.value) END AS outcome
      FROM ap LEFT JOIN v ON v.owner = ap.ward AND v.code = ap.code
      LEFT JOIN tg t1 ON t1.k = ap.ward || char(0) || ap.code
      LEFT JOIN tg t2 ON t2.k = char(0) || ap.code
    )`;
}

function cityTargetsOf(s: Session, scope: PeriodScope): Map<string, { comparator: Comparator; target: number }> {
  const rows = s.db.sqlite
    .prepare<[number, string], [string, string, number]>(
      `SELECT i.code, t.comparator, t.target FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id
       WHERE t.year = ? AND t.deleted = 0 AND i.deleted = 0 AND t.owner = ? AND t.ward_code = ''`,
    )
    .raw()
    .all(scope.year, s.orgCode);
  const out = new Map<string, { comparator: Comparator; target: number }>();
  for (const [code, raw, target] of rows) {
    const comparator = parseComparator(raw);
    if (comparator) out.set(code, { comparator, target });
  }
  return out;
}

/** The cells of every ward and indicator (or of one of either), read in one query. */
export function indicatorMatrix(s: Session, periodCode: string, only: { code?: string; ward?: string } = {}): IndicatorMatrix {
  const scope = periodScope(s, periodCode);
  return cached(s.db, `indicators:${scope.code}:${only.code ?? ''}:${only.ward ?? ''}`, () => {
    lendFunctions(s.db);
    const cells = new Map<string, Cell[]>();
    // Rows as arrays (.raw()): 3,300 wards × every indicator, without an object per row.
    for (const [code, wardCode, value, numerator, denominator, comparator, target, outcome] of s.db.sqlite
      .prepare<MatrixParams, CellTuple>(
        `WITH ${cellsCte({ code: only.code !== undefined, ward: only.ward !== undefined })}
         SELECT code, ward, value, numerator, denominator, cmp, target, outcome FROM cells ORDER BY code, ward`,
      )
      .raw()
      .iterate({ ...matrixParams(s, scope), ...only })) {
      let list = cells.get(code);
      if (!list) cells.set(code, (list = []));
      list.push({ wardCode, value, numerator, denominator, comparator, target, outcome });
    }
    return { defs: loadDefs(s), cells, cityTargets: cityTargetsOf(s, scope) };
  });
}

/** code, ward, value, numerator, denominator, cmp, target, outcome: the columns of `cells`. */
type CellTuple = [string, string, number | null, number | null, number | null, Comparator | null, number | null, IndicatorOutcome];

/** The named parameters of cellsCte; code, ward and grp only when the query is narrowed to them. */
interface MatrixParams {
  city: string;
  period: string;
  year: number;
  comparators: string;
  code?: string;
  ward?: string;
  grp?: string;
}

function matrixParams(s: Session, scope: PeriodScope): MatrixParams {
  // The few ways the year's targets write their comparators, read by parseComparator once each
  // rather than once per target; a comparator it cannot read leaves the target out.
  const comparators: Record<string, string> = {};
  for (const [raw] of s.db.sqlite
    .prepare<[number], [string]>('SELECT DISTINCT comparator FROM indicator_target WHERE year = ? AND deleted = 0')
    .raw()
    .all(scope.year)) {
    const c = parseComparator(raw);
    if (c) comparators[raw] = c;
  }
  return { city: s.orgCode, period: scope.code, year: scope.year, comparators: JSON.stringify(comparators) };
}

/** What the city figure is made of: the wards' numerators and denominators (both known), or values. */
interface FigureSums {
  pairs: number;
  numerator: number;
  denominator: number;
  values: number;
  valueSum: number;
}

function figureSums(cells: Array<Pick<Cell, 'value' | 'numerator' | 'denominator'>>): FigureSums {
  const sums: FigureSums = { pairs: 0, numerator: 0, denominator: 0, values: 0, valueSum: 0 };
  for (const c of cells) {
    if (c.value === null) continue;
    sums.values++;
    sums.valueSum += c.value;
    if (c.numerator !== null && c.denominator !== null) {
      sums.pairs++;
      sums.numerator += c.numerator;
      sums.denominator += c.denominator;
    }
  }
  return sums;
}

export function cityFigure(def: { isRatio: boolean; unit: string }, cells: Array<Pick<Cell, 'value' | 'numerator' | 'denominator'>>): CityFigure {
  return cityFigureOf(def, figureSums(cells));
}

function cityFigureOf(def: { isRatio: boolean; unit: string }, sums: FigureSums): CityFigure {
  if (def.isRatio) {
    const v = ratioPercent(sums.numerator, sums.denominator);
    return {
      value: Number.isFinite(v) ? roundTo(v, 2) : null,
      numerator: sums.pairs ? sums.numerator : null,
      denominator: sums.pairs ? sums.denominator : null,
      method: 'ratio',
      wardsWithData: sums.pairs,
    };
  }
  if (sums.values === 0) return { value: null, numerator: null, denominator: null, method: def.unit.trim() === '%' ? 'mean' : 'sum', wardsWithData: 0 };
  // A percentage typed directly has no denominator to weigh by: the plain mean is all there is.
  if (def.unit.trim() === '%')
    return { value: roundTo(sums.valueSum / sums.values, 2), numerator: null, denominator: null, method: 'mean', wardsWithData: sums.values };
  return { value: roundTo(sums.valueSum, 2), numerator: null, denominator: null, method: 'sum', wardsWithData: sums.values };
}

interface Counted extends FigureSums {
  wards: number;
  met: number;
  notMet: number;
  noData: number;
}

function countCells(cells: Cell[]): Counted {
  return {
    ...figureSums(cells),
    wards: cells.length,
    met: cells.filter((c) => c.outcome === 'dat').length,
    notMet: cells.filter((c) => c.outcome === 'chua_dat').length,
    noData: cells.filter((c) => c.outcome === 'no_data').length,
  };
}

function summarise(def: Def, counted: Counted, cityTarget: { comparator: Comparator; target: number } | undefined): CityIndicatorRow {
  const city = cityFigureOf(def, counted);
  return {
    code: def.code,
    name: def.name,
    unit: def.unit,
    isRatio: def.isRatio,
    wards: counted.wards,
    met: counted.met,
    notMet: counted.notMet,
    noData: counted.noData,
    city,
    cityComparator: cityTarget?.comparator ?? null,
    cityTarget: cityTarget?.target ?? null,
    cityOutcome: cityTarget ? evaluateIndicator(cityTarget.comparator, cityTarget.target, city.value) : 'no_data',
  };
}

export function cityIndicators(s: Session, input: { period: string; group?: string | undefined }): { period: string; rows: CityIndicatorRow[] } {
  const scope = periodScope(s, input.period);
  return cached(s.db, `city-indicators:${scope.code}:${input.group ?? ''}`, () => {
    lendFunctions(s.db);
    // Counted by SQLite: 3,300 wards × every indicator never become objects here.
    const rows = s.db.sqlite
      .prepare<MatrixParams, Counted & { code: string }>(
        `WITH ${cellsCte({})}
         SELECT code, count(*) AS wards, sum(outcome = 'dat') AS met, sum(outcome = 'chua_dat') AS notMet, sum(outcome = 'no_data') AS noData,
           sum(value IS NOT NULL AND numerator IS NOT NULL AND denominator IS NOT NULL) AS pairs,
           total(CASE WHEN value IS NOT NULL AND denominator IS NOT NULL THEN numerator END) AS numerator,
           total(CASE WHEN value IS NOT NULL AND numerator IS NOT NULL THEN denominator END) AS denominator,
           count(value) AS "values", total(value) AS valueSum
         FROM cells ${input.group ? 'WHERE ward IN (SELECT ward_code FROM ward_info WHERE ward_group = :grp)' : ''} GROUP BY code`,
      )
      .all({ ...matrixParams(s, scope), ...(input.group ? { grp: input.group } : {}) });
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const none: Counted = { wards: 0, met: 0, notMet: 0, noData: 0, pairs: 0, numerator: 0, denominator: 0, values: 0, valueSum: 0 };
    const cityTargets = cityTargetsOf(s, scope);
    return { period: scope.code, rows: loadDefs(s).map((d) => summarise(d, byCode.get(d.code) ?? none, cityTargets.get(d.code))) };
  });
}

/** Higher is better unless the target is a ceiling (< or ≤). Ties share a rank (1, 2, 2, 4). */
export function rankCells(cells: Cell[], comparator: Comparator | null): Array<Cell & { rank: number | null }> {
  const lowerIsBetter = comparator === '<' || comparator === '<=';
  const sorted = [...cells].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? a.wardCode.localeCompare(b.wardCode) : 1) : -1;
    return (lowerIsBetter ? a.value - b.value : b.value - a.value) || a.wardCode.localeCompare(b.wardCode);
  });
  let rank = 0;
  return sorted.map((c, i) => {
    if (c.value === null) return { ...c, rank: null };
    if (i === 0 || sorted[i - 1]!.value !== c.value) rank = i + 1;
    return { ...c, rank };
  });
}

export function indicatorDetail(
  s: Session,
  input: { period: string; code: string; group?: string | undefined; search?: string | undefined; page: number; pageSize: number },
): IndicatorDetail {
  const scope = periodScope(s, input.period);
  const d = cached(s.db, `detail:${scope.code}:${input.code}:${input.group ?? ''}`, () => {
    const m = indicatorMatrix(s, scope.code, { code: input.code });
    const def = m.defs.find((x) => x.code === input.code);
    const wards = listWards(s);
    const byCode = new Map(wards.map((w) => [w.code, w]));
    const only = wardCodesOfGroup(wards, input.group);
    const cells = (m.cells.get(input.code) ?? []).filter((c) => !only || only.has(c.wardCode));
    const indicator = def
      ? summarise(def, countCells(cells), m.cityTargets.get(def.code))
      : summarise({ code: input.code, owner: '', name: input.code, unit: '', isRatio: false, sort: 0 }, countCells([]), undefined);
    const usual = m.cityTargets.get(input.code)?.comparator ?? cells.find((c) => c.comparator)?.comparator ?? null;
    const all = rankCells(cells, usual).map((c): IndicatorWardRow => ({
      ...c,
      wardName: byCode.get(c.wardCode)?.name ?? c.wardCode,
      group: byCode.get(c.wardCode)?.group ?? null,
    }));
    // The same kind of period through the year, up to the one asked: the chart's x axis. One query
    // over the values, not one matrix per period; from the indicator's definitions into the values
    // (CROSS JOIN keeps that order), not through every value of those periods.
    const periods = periodsOfYear(scope.period.kind, scope.year)
      .filter((p) => comparePeriods(p, scope.period) <= 0)
      .map(formatPeriodCode);
    const byPeriod = new Map<string, Array<Pick<Cell, 'value' | 'numerator' | 'denominator'>>>(periods.map((p) => [p, []]));
    for (const [owner, period, value, numerator, denominator] of s.db.sqlite
      .prepare<string[], [string, string, number, number | null, number | null]>(
        `SELECT v.owner, v.period, v.value, v.numerator, v.denominator FROM indicator i CROSS JOIN indicator_value v ON v.indicator_id = i.id
         WHERE i.code = ? AND i.deleted = 0 AND v.deleted = 0 AND v.period IN (${periods.map(() => '?').join(', ')})`,
      )
      .raw()
      .iterate(input.code, ...periods)) {
      if (!only || only.has(owner)) byPeriod.get(period)?.push({ value, numerator, denominator });
    }
    const series = periods.map((period) => ({ period, value: def ? cityFigure(def, byPeriod.get(period)!).value : null }));
    return { indicator, all, series };
  });
  const ranked = input.search ? d.all.filter((r) => matchesSearch(`${r.wardCode} ${r.wardName}`, input.search)) : d.all;
  return { indicator: d.indicator, total: ranked.length, rows: paginate(ranked, input.page, input.pageSize), series: d.series };
}
