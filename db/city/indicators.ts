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
import type { Session } from '../session';
import { cached, listWards, paginate, periodScope, wardCodesOfGroup, type WardRef } from './scope';

interface Def {
  code: string;
  owner: string;
  name: string;
  unit: string;
  isRatio: boolean;
  sort: number;
}

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

function loadDefs(s: Session): Def[] {
  return (
    s.db.sqlite.prepare('SELECT code, owner, name, unit, is_ratio, sort FROM indicator WHERE deleted = 0 ORDER BY sort, code').raw().all() as Array<
      [string, string, string, string, number, number]
    >
  ).map(([code, owner, name, unit, r, sort]) => ({ code, owner, name, unit, isRatio: r === 1, sort }));
}

/** One pass over the period's values and the year's targets, every ward and indicator at once. */
export function indicatorMatrix(s: Session, periodCode: string): IndicatorMatrix {
  const scope = periodScope(s, periodCode);
  return cached(s.db, `indicators:${scope.code}`, () => {
    const city = s.orgCode;
    const wards = listWards(s);
    const defs = loadDefs(s);
    const values = new Map<string, { value: number; numerator: number | null; denominator: number | null }>();
    for (const [owner, code, value, numerator, denominator] of s.db.sqlite
      .prepare(
        `SELECT v.owner, i.code, v.value, v.numerator, v.denominator FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
         WHERE v.period = ? AND v.deleted = 0 AND i.deleted = 0`,
      )
      .raw()
      .iterate(scope.code) as IterableIterator<[string, string, number, number | null, number | null]>) {
      values.set(`${owner}\u0000${code}`, { value, numerator, denominator });
    }
    // rank 0: the ward's own target; 1: the city's for that ward; 2: the city's for every ward.
    const targets = new Map<string, { rank: number; comparator: Comparator; target: number }>();
    const cityTargets = new Map<string, { comparator: Comparator; target: number }>();
    for (const [owner, ward, code, rawComparator, target] of s.db.sqlite
      .prepare(
        `SELECT t.owner, t.ward_code, i.code, t.comparator, t.target FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id
         WHERE t.year = ? AND t.deleted = 0 AND i.deleted = 0`,
      )
      .raw()
      .iterate(scope.year) as IterableIterator<[string, string, string, string, number]>) {
      const comparator = parseComparator(rawComparator);
      if (!comparator) continue;
      const rank = owner !== city ? 0 : ward ? 1 : 2;
      const key = `${owner !== city ? owner : ward}\u0000${code}`;
      const prev = targets.get(key);
      if (!prev || rank < prev.rank) targets.set(key, { rank, comparator, target });
      if (rank === 2) cityTargets.set(code, { comparator, target });
    }
    const owners = new Map<string, Set<string>>();
    for (const d of defs) {
      let set = owners.get(d.code);
      if (!set) owners.set(d.code, (set = new Set()));
      set.add(d.owner);
    }
    const cells = new Map<string, Cell[]>();
    for (const [code, set] of owners) {
      // The city's indicator applies to every ward; a ward's own only to itself.
      const applies: WardRef[] = set.has(city) ? wards : wards.filter((w) => set.has(w.code));
      cells.set(
        code,
        applies.map((w) => {
          const v = values.get(`${w.code}\u0000${code}`);
          const t = targets.get(`${w.code}\u0000${code}`) ?? targets.get(`\u0000${code}`);
          return {
            wardCode: w.code,
            value: v?.value ?? null,
            numerator: v?.numerator ?? null,
            denominator: v?.denominator ?? null,
            comparator: t?.comparator ?? null,
            target: t?.target ?? null,
            outcome: t && v ? evaluateIndicator(t.comparator, t.target, v.value) : 'no_data',
          };
        }),
      );
    }
    // One definition per code for names: the city's when it has one.
    const byCode = new Map<string, Def>();
    for (const d of defs) if (!byCode.has(d.code) || d.owner === city) byCode.set(d.code, d);
    return { defs: [...byCode.values()].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code)), cells, cityTargets };
  });
}

export function cityFigure(def: { isRatio: boolean; unit: string }, cells: Array<Pick<Cell, 'value' | 'numerator' | 'denominator'>>): CityFigure {
  const withData = cells.filter((c) => c.value !== null);
  if (def.isRatio) {
    const pairs = withData.filter((c) => c.numerator !== null && c.denominator !== null);
    const numerator = pairs.reduce((n, c) => n + c.numerator!, 0);
    const denominator = pairs.reduce((n, c) => n + c.denominator!, 0);
    const v = ratioPercent(numerator, denominator);
    return {
      value: Number.isFinite(v) ? roundTo(v, 2) : null,
      numerator: pairs.length ? numerator : null,
      denominator: pairs.length ? denominator : null,
      method: 'ratio',
      wardsWithData: pairs.length,
    };
  }
  if (withData.length === 0) return { value: null, numerator: null, denominator: null, method: def.unit.trim() === '%' ? 'mean' : 'sum', wardsWithData: 0 };
  const sum = withData.reduce((n, c) => n + c.value!, 0);
  // A percentage typed directly has no denominator to weigh by: the plain mean is all there is.
  if (def.unit.trim() === '%')
    return { value: roundTo(sum / withData.length, 2), numerator: null, denominator: null, method: 'mean', wardsWithData: withData.length };
  return { value: roundTo(sum, 2), numerator: null, denominator: null, method: 'sum', wardsWithData: withData.length };
}

function summarise(def: Def, cells: Cell[], cityTarget: { comparator: Comparator; target: number } | undefined): CityIndicatorRow {
  const city = cityFigure(def, cells);
  return {
    code: def.code,
    name: def.name,
    unit: def.unit,
    isRatio: def.isRatio,
    wards: cells.length,
    met: cells.filter((c) => c.outcome === 'dat').length,
    notMet: cells.filter((c) => c.outcome === 'chua_dat').length,
    noData: cells.filter((c) => c.outcome === 'no_data').length,
    city,
    cityComparator: cityTarget?.comparator ?? null,
    cityTarget: cityTarget?.target ?? null,
    cityOutcome: cityTarget ? evaluateIndicator(cityTarget.comparator, cityTarget.target, city.value) : 'no_data',
  };
}

export function cityIndicators(s: Session, input: { period: string; group?: string | undefined }): { period: string; rows: CityIndicatorRow[] } {
  const scope = periodScope(s, input.period);
  return cached(s.db, `city-indicators:${scope.code}:${input.group ?? ''}`, () => {
    const m = indicatorMatrix(s, scope.code);
    const only = wardCodesOfGroup(listWards(s), input.group);
    return {
      period: scope.code,
      rows: m.defs.map((d) =>
        summarise(
          d,
          (m.cells.get(d.code) ?? []).filter((c) => !only || only.has(c.wardCode)),
          m.cityTargets.get(d.code),
        ),
      ),
    };
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
    const m = indicatorMatrix(s, scope.code);
    const def = m.defs.find((x) => x.code === input.code);
    const wards = listWards(s);
    const byCode = new Map(wards.map((w) => [w.code, w]));
    const only = wardCodesOfGroup(wards, input.group);
    const cells = (m.cells.get(input.code) ?? []).filter((c) => !only || only.has(c.wardCode));
    const indicator = def
      ? summarise(def, cells, m.cityTargets.get(def.code))
      : summarise({ code: input.code, owner: '', name: input.code, unit: '', isRatio: false, sort: 0 }, [], undefined);
    const usual = m.cityTargets.get(input.code)?.comparator ?? cells.find((c) => c.comparator)?.comparator ?? null;
    const all = rankCells(cells, usual).map((c): IndicatorWardRow => ({
      ...c,
      wardName: byCode.get(c.wardCode)?.name ?? c.wardCode,
      group: byCode.get(c.wardCode)?.group ?? null,
    }));
    // The same kind of period through the year, up to the one asked: the chart's x axis. One query
    // over the values, not one matrix per period.
    const periods = periodsOfYear(scope.period.kind, scope.year)
      .filter((p) => comparePeriods(p, scope.period) <= 0)
      .map(formatPeriodCode);
    const byPeriod = new Map<string, Array<Pick<Cell, 'value' | 'numerator' | 'denominator'>>>(periods.map((p) => [p, []]));
    for (const [owner, period, value, numerator, denominator] of s.db.sqlite
      .prepare(
        `SELECT v.owner, v.period, v.value, v.numerator, v.denominator FROM indicator i JOIN indicator_value v ON v.indicator_id = i.id
         WHERE i.code = ? AND i.deleted = 0 AND v.deleted = 0 AND v.period IN (${periods.map(() => '?').join(', ')})`,
      )
      .raw()
      .iterate(input.code, ...periods) as IterableIterator<[string, string, number, number | null, number | null]>) {
      if (!only || only.has(owner)) byPeriod.get(period)?.push({ value, numerator, denominator });
    }
    const series = periods.map((period) => ({ period, value: def ? cityFigure(def, byPeriod.get(period)!).value : null }));
    return { indicator, all, series };
  });
  const ranked = input.search ? d.all.filter((r) => matchesSearch(`${r.wardCode} ${r.wardName}`, input.search)) : d.all;
  return { indicator: d.indicator, total: ranked.length, rows: paginate(ranked, input.page, input.pageSize), series: d.series };
}
