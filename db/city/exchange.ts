/**
 * Indicator values of every ward for other systems: DHIS2 dataValueSets JSON and IHE ADX XML
 * (period, org unit and data element by code, renamed through an optional mapping file), and CSV.
 * See docs/interchange.md.
 */
import { interchangeMappingSchema, type InterchangeMapping } from '../../shared/api/contract-city-ops';
import { AppError } from '../../shared/errors';
import type { Period } from '../../shared/rules/period';
import { periodRange } from '../../shared/rules/period';
import { getMeta } from '../database';
import type { Session } from '../session';
import { indicatorMatrix } from './indicators';
import { listWards, periodScope } from './scope';

export { interchangeMappingSchema, type InterchangeMapping };

export function parseMapping(text: string, file: string): InterchangeMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('city.mapping_invalid', { path: file, reason: 'JSON' });
  }
  const r = interchangeMappingSchema.safeParse(raw);
  if (!r.success) throw new AppError('city.mapping_invalid', { path: file, reason: r.error.issues[0]?.path.join('.') || 'format' });
  return r.data;
}

/** DHIS2's period identifiers: 2026Q3, 2026S1, 2026, 202607. */
export function dhis2Period(p: Period): string {
  switch (p.kind) {
    case 'quarter':
      return `${p.year}Q${p.index}`;
    case 'half':
      return `${p.year}S${p.index}`;
    case 'month':
      return `${p.year}${String(p.index).padStart(2, '0')}`;
    case 'year':
      return String(p.year);
  }
}

/** ADX periods are ISO 8601 start/duration: 2026-07-01/P3M. */
export function adxPeriod(p: Period): string {
  const months = { month: 1, quarter: 3, half: 6, year: 12 }[p.kind];
  return `${periodRange(p).start}/${months === 12 ? 'P1Y' : `P${months}M`}`;
}

export interface ExchangeValue {
  wardCode: string;
  wardName: string;
  indicatorCode: string;
  indicatorName: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  comparator: string | null;
  target: number | null;
  outcome: string;
}

export function exchangeValues(s: Session, periodCode: string, mapping: InterchangeMapping = {}): { period: Period; code: string; values: ExchangeValue[] } {
  const scope = periodScope(s, periodCode);
  const m = indicatorMatrix(s, scope.code);
  const names = new Map(listWards(s).map((w) => [w.code, w.name]));
  const skip = new Set(mapping.skip ?? []);
  const values: ExchangeValue[] = [];
  for (const d of m.defs) {
    if (skip.has(d.code)) continue;
    for (const c of m.cells.get(d.code) ?? []) {
      if (c.value === null) continue;
      values.push({
        wardCode: c.wardCode,
        wardName: names.get(c.wardCode) ?? c.wardCode,
        indicatorCode: d.code,
        indicatorName: d.name,
        value: c.value,
        numerator: c.numerator,
        denominator: c.denominator,
        comparator: c.comparator,
        target: c.target,
        outcome: c.outcome,
      });
    }
  }
  values.sort((a, b) => a.wardCode.localeCompare(b.wardCode) || a.indicatorCode.localeCompare(b.indicatorCode));
  return { period: scope.period, code: scope.code, values };
}

const orgUnitOf = (m: InterchangeMapping, ward: string) => m.orgUnits?.[ward] ?? ward;
const elementOf = (m: InterchangeMapping, code: string) => m.dataElements?.[code] ?? code;

/** DHIS2's import format for aggregate data (dataValueSets), with the fields WardPlan fills. */
export interface Dhis2DataValueSet {
  dataSet?: string;
  period: string;
  idScheme: string;
  dataValues: Array<{ dataElement: string; period: string; orgUnit: string; value: string; comment?: string }>;
}

export function dhis2DataValueSet(s: Session, periodCode: string, mapping: InterchangeMapping = {}): Dhis2DataValueSet {
  const x = exchangeValues(s, periodCode, mapping);
  const period = dhis2Period(x.period);
  return {
    ...(mapping.dataSet ? { dataSet: mapping.dataSet } : {}),
    period,
    idScheme: mapping.idScheme ?? 'CODE',
    dataValues: x.values.map((v) => ({
      dataElement: elementOf(mapping, v.indicatorCode),
      period,
      orgUnit: orgUnitOf(mapping, v.wardCode),
      value: String(v.value),
      ...(v.numerator !== null && v.denominator !== null ? { comment: `${v.numerator}/${v.denominator}` } : {}),
    })),
  };
}

function attr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function adxDocument(s: Session, periodCode: string, mapping: InterchangeMapping = {}): string {
  const x = exchangeValues(s, periodCode, mapping);
  const period = adxPeriod(x.period);
  const byWard = new Map<string, ExchangeValue[]>();
  for (const v of x.values) {
    const list = byWard.get(v.wardCode) ?? [];
    list.push(v);
    byWard.set(v.wardCode, list);
  }
  const dataSet = mapping.dataSet ? ` dataSet="${attr(mapping.dataSet)}"` : '';
  const groups = [...byWard.entries()].map(
    ([ward, vs]) =>
      `  <group orgUnit="${attr(orgUnitOf(mapping, ward))}" period="${period}"${dataSet}>\n${vs
        .map((v) => `    <dataValue dataElement="${attr(elementOf(mapping, v.indicatorCode))}" value="${v.value}"/>`)
        .join('\n')}\n  </group>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="${attr(s.now())}">\n${groups.join('\n')}${groups.length ? '\n' : ''}</adx>\n`;
}

function csvField(v: string | number | null): string {
  const t = v === null ? '' : String(v);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export function exchangeCsv(s: Session, periodCode: string, mapping: InterchangeMapping = {}): string {
  const x = exchangeValues(s, periodCode, mapping);
  const head = [
    'org_unit',
    'ward_code',
    'ward_name',
    'data_element',
    'indicator_code',
    'indicator_name',
    'period',
    'value',
    'numerator',
    'denominator',
    'comparator',
    'target',
    'outcome',
  ];
  const lines = x.values.map((v) =>
    [
      orgUnitOf(mapping, v.wardCode),
      v.wardCode,
      v.wardName,
      elementOf(mapping, v.indicatorCode),
      v.indicatorCode,
      v.indicatorName,
      x.code,
      v.value,
      v.numerator,
      v.denominator,
      v.comparator,
      v.target,
      v.outcome,
    ]
      .map(csvField)
      .join(','),
  );
  return `\uFEFF${[head.join(','), ...lines].join('\r\n')}\r\n`;
}

export function exchangeFile(
  s: Session,
  periodCode: string,
  format: 'dhis2' | 'adx' | 'csv',
  mapping: InterchangeMapping = {},
): { data: Buffer; fileName: string } {
  const code = periodScope(s, periodCode).code;
  const base = `chi-tieu_${getMeta(s.db, 'org_code') ?? s.orgCode}_${code}`;
  if (format === 'dhis2')
    return { data: Buffer.from(`${JSON.stringify(dhis2DataValueSet(s, code, mapping), null, 2)}\n`, 'utf8'), fileName: `${base}.dhis2.json` };
  if (format === 'adx') return { data: Buffer.from(adxDocument(s, code, mapping), 'utf8'), fileName: `${base}.adx.xml` };
  return { data: Buffer.from(exchangeCsv(s, code, mapping), 'utf8'), fileName: `${base}.csv` };
}
