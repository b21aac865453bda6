import { and, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { evaluateIndicator, isAggregation, parseComparator, ratioPercent, roundTo, type Aggregation, type Comparator } from '../../shared/rules/indicator';
import { formatPeriodCode, parsePeriod, periodRange, type Period } from '../../shared/rules/period';
import { validateIndicatorValue } from '../../shared/rules/validation';
import { getMeta } from '../database';
import { derivedId } from '../natural-ids';
import { indicator, indicatorTarget, indicatorValue } from '../schema';
import { inTransaction, newId, todayIso, type Session } from '../session';
import { saveOwnedRow } from '../write';
import { ownedCodeExists, requireIdByCode, retiredOwnedId, visibleOwners } from './lookup';
import type { IndicatorItem, ValuePoint } from '../../shared/api/types';
import type { Input } from '../../shared/api/contract';

export interface IndicatorDefInput {
  code: string;
  areaCode: string;
  name: string;
  unit: string;
  isRatio?: boolean | undefined;
  numeratorLabel?: string | null | undefined;
  denominatorLabel?: string | null | undefined;
  note?: string | null | undefined;
  sort?: number | undefined;
  /** How shorter periods' values make a longer one's (see Aggregation); absent: 'latest'. */
  aggregation?: Aggregation | null | undefined;
}

export interface TargetInput {
  indicatorCode: string;
  year: number;
  comparator: string;
  target: number;
  baseline?: number | null | undefined;
  span?: string | null | undefined;
}

export type ValueInput = Input<'values.set'>;

export function addIndicator(s: Session, input: IndicatorDefInput): { id: string } {
  return inTransaction(s, () => {
    if (ownedCodeExists(s, 'indicator', input.code)) throw new AppError('indicator.duplicate', { code: input.code });
    const id = retiredOwnedId(s, 'indicator', input.code) ?? newId();
    saveOwnedRow(
      s,
      'indicator',
      {
        id,
        code: input.code,
        area_id: requireIdByCode(s, 'area', input.areaCode),
        name: input.name,
        unit: input.unit,
        is_ratio: input.isRatio ? 1 : 0,
        numerator_label: input.numeratorLabel ?? null,
        denominator_label: input.denominatorLabel ?? null,
        note: input.note ?? null,
        sort: input.sort ?? 0,
        deleted: 0,
        aggregation: input.aggregation ?? null,
      },
      'indicator.add',
    );
    return { id };
  });
}

/** Sets how an indicator of this organisation's own adds up over a period; the city's are the city's to set. */
export function setAggregation(s: Session, code: string, aggregation: string): { code: string; aggregation: Aggregation } {
  if (!isAggregation(aggregation)) throw new AppError('indicator.bad_aggregation', { value: aggregation });
  return inTransaction(s, () => {
    // This organisation's own row first, then the city's (which it may not change).
    const row = s.db.orm
      .select({ id: indicator.id, owner: indicator.owner })
      .from(indicator)
      .where(and(eq(indicator.code, code), eq(indicator.deleted, 0)))
      .orderBy(desc(sql`${indicator.owner} = ${s.orgCode}`))
      .get();
    if (!row) throw new AppError('indicator.not_found', { code });
    if (row.owner !== s.orgCode) throw new AppError('indicator.not_own', { code });
    saveOwnedRow(s, 'indicator', { id: row.id, aggregation }, 'indicator.aggregation');
    return { code, aggregation };
  });
}

export function setTarget(s: Session, input: TargetInput): { id: string } {
  const comparator = parseComparator(input.comparator);
  if (!comparator) throw new AppError('indicator.bad_comparator', { value: input.comparator });
  if (!Number.isFinite(input.target)) throw new AppError('value.not_a_number', { value: String(input.target) });
  return inTransaction(s, () => {
    const indicatorId = requireIdByCode(s, 'indicator', input.indicatorCode);
    const t = indicatorTarget;
    const existing = s.db.orm
      .select({ id: t.id })
      .from(t)
      .where(and(eq(t.owner, s.orgCode), eq(t.indicatorId, indicatorId), eq(t.year, input.year), eq(t.wardCode, '')))
      .get();
    const id = existing?.id ?? newId();
    saveOwnedRow(
      s,
      'indicator_target',
      {
        id,
        indicator_id: indicatorId,
        year: input.year,
        ward_code: '',
        comparator,
        target: input.target,
        baseline: input.baseline ?? null,
        span: input.span ?? null,
      },
      existing ? 'target.update' : 'target.add',
    );
    return { id };
  });
}

interface TargetRow {
  indicator_id: string;
  owner: string;
  ward_code: string;
  comparator: Comparator;
  target: number;
  baseline: number | null;
}

/** The target that applies to this ward: its own first, then the city's for it, then the city's for all. */
function effectiveTargets(s: Session, year: number): Map<string, TargetRow> {
  const rows = s.db.sqlite
    .prepare('SELECT indicator_id, owner, ward_code, comparator, target, baseline FROM indicator_target WHERE year = ? AND deleted = 0')
    .all(year) as TargetRow[];
  const city = getMeta(s.db, 'city_code');
  const rank = (r: TargetRow): number =>
    r.owner === s.orgCode ? 0 : r.owner === city && r.ward_code === s.orgCode ? 1 : r.owner === city && r.ward_code === '' ? 2 : 99;
  const best = new Map<string, TargetRow>();
  for (const r of rows) {
    if (rank(r) === 99) continue;
    const prev = best.get(r.indicator_id);
    if (!prev || rank(r) < rank(prev)) best.set(r.indicator_id, r);
  }
  return best;
}

interface ValueRow {
  indicator_id: string;
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

function requirePeriod(code: string): Period {
  const p = parsePeriod(code);
  if (!p) throw new AppError('period.invalid', { value: code });
  return p;
}

export function listIndicators(s: Session, opts: { year?: number | undefined; period?: string | undefined; asOf?: string | undefined } = {}): IndicatorItem[] {
  const period = opts.period ? requirePeriod(opts.period) : undefined;
  const asOf = opts.asOf ?? todayIso(s.now());
  const year = period?.year ?? opts.year ?? Number(asOf.slice(0, 4));
  const owners = visibleOwners(s);
  const defs = s.db.sqlite
    .prepare(
      `SELECT i.id, i.code, i.owner, i.name, a.code AS area_code, a.name AS area_name, i.unit, i.is_ratio, i.numerator_label,
         i.denominator_label, i.note FROM indicator i JOIN area a ON a.id = i.area_id
       WHERE i.deleted = 0 AND i.owner IN (${owners.map(() => '?').join(', ')}) ORDER BY i.sort, i.code`,
    )
    .all(...owners) as Array<Record<string, string | number | null>>;
  const targets = effectiveTargets(s, year);
  // Only the asked period's values, or those that name the year (every code of a year carries its
  // digits): ten years of monthly values are not read, let alone parsed, for one year's figures.
  const values = s.db.sqlite
    .prepare(
      `SELECT indicator_id, period, value, numerator, denominator FROM indicator_value WHERE owner = ? AND deleted = 0
       AND ${period ? 'period = ?' : 'instr(period, ?) > 0'}`,
    )
    .all(s.orgCode, period ? formatPeriodCode(period) : String(year)) as ValueRow[];
  const pick = new Map<string, ValueRow>();
  if (period) {
    const code = formatPeriodCode(period);
    for (const v of values) if (v.period === code) pick.set(v.indicator_id, v);
  } else {
    // No period asked: the latest value of the year that had started by asOf.
    const bestEnd = new Map<string, string>();
    for (const v of values) {
      const p = parsePeriod(v.period);
      if (!p || p.year !== year) continue;
      const r = periodRange(p);
      if (r.start > asOf) continue;
      const prev = bestEnd.get(v.indicator_id);
      if (!prev || r.end > prev) {
        bestEnd.set(v.indicator_id, r.end);
        pick.set(v.indicator_id, v);
      }
    }
  }
  return defs.map((d) => {
    const t = targets.get(String(d.id));
    const v = pick.get(String(d.id));
    return {
      id: String(d.id),
      code: String(d.code),
      owner: String(d.owner),
      name: String(d.name),
      areaCode: String(d.area_code),
      areaName: String(d.area_name),
      unit: String(d.unit),
      isRatio: d.is_ratio === 1,
      numeratorLabel: (d.numerator_label as string | null) ?? null,
      denominatorLabel: (d.denominator_label as string | null) ?? null,
      note: (d.note as string | null) ?? null,
      comparator: t?.comparator ?? null,
      target: t?.target ?? null,
      baseline: t?.baseline ?? null,
      targetOwner: t?.owner ?? null,
      period: v?.period ?? (period ? formatPeriodCode(period) : null),
      value: v?.value ?? null,
      numerator: v?.numerator ?? null,
      denominator: v?.denominator ?? null,
      outcome: t && v ? evaluateIndicator(t.comparator, t.target, v.value) : 'no_data',
    };
  });
}

export function setValue(s: Session, input: ValueInput): { id: string; value: number } {
  const period = requirePeriod(input.period);
  return inTransaction(s, () => {
    const indicatorId = requireIdByCode(s, 'indicator', input.indicatorCode);
    const def = s.db.orm.select({ unit: indicator.unit, isRatio: indicator.isRatio }).from(indicator).where(eq(indicator.id, indicatorId)).get()!;
    const issues = validateIndicatorValue(
      { unit: def.unit, isRatio: def.isRatio === 1 },
      { value: input.value ?? null, numerator: input.numerator ?? null, denominator: input.denominator ?? null },
    );
    if (issues.length > 0) throw new AppError(issues[0]!.code, { indicator: input.indicatorCode, ...(issues[0]!.params ?? {}) });
    const value = input.numerator != null && input.denominator != null ? roundTo(ratioPercent(input.numerator, input.denominator), 2) : Number(input.value);
    const code = formatPeriodCode(period);
    // One value per indicator and period: a second entry corrects the first (the change log keeps both).
    const v = indicatorValue;
    const existing = s.db.orm
      .select({ id: v.id })
      .from(v)
      .where(and(eq(v.owner, s.orgCode), eq(v.indicatorId, indicatorId), eq(v.period, code)))
      .get();
    // A new value's id comes from its owner, indicator and period: a bundle need not carry it.
    const id = existing?.id ?? derivedId('indicator_value', s.orgCode, { indicator_id: indicatorId, period: code })!;
    saveOwnedRow(
      s,
      'indicator_value',
      {
        id,
        indicator_id: indicatorId,
        period: code,
        value,
        numerator: input.numerator ?? null,
        denominator: input.denominator ?? null,
        note: input.note ?? null,
        by_name: s.actor,
        deleted: 0,
      },
      existing ? 'value.update' : 'value.set',
    );
    return { id, value };
  });
}

export function valueHistory(s: Session, indicatorCode: string): ValuePoint[] {
  const indicatorId = requireIdByCode(s, 'indicator', indicatorCode);
  const v = indicatorValue;
  const rows = s.db.orm
    .select({ period: v.period, value: v.value, numerator: v.numerator, denominator: v.denominator })
    .from(v)
    .where(and(eq(v.owner, s.orgCode), eq(v.indicatorId, indicatorId), eq(v.deleted, 0)))
    .all();
  return rows
    .map((r) => {
      const p = parsePeriod(r.period);
      return { ...r, end: p ? periodRange(p).end : r.period };
    })
    .sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
}
