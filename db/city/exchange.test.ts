/** Exchange files for other systems, from the hand-counted three-ward city. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { threeWardCity, type ThreeWardCity } from '../../test/support/city-fixture';
import { adxDocument, adxPeriod, dhis2DataValueSet, dhis2Period, exchangeCsv, parseMapping } from './exchange';
import { parsePeriod } from '../../shared/rules/period';

let c: ThreeWardCity;
beforeAll(async () => {
  c = await threeWardCity();
}, 60_000);

/** The shape DHIS2's /api/dataValueSets accepts (docs.dhis2.org, "Data values"): checked field by field. */
function checkDataValueSet(x: unknown): string[] {
  const problems: string[] = [];
  if (typeof x !== 'object' || x === null) return ['not an object'];
  const o = x as Record<string, unknown>;
  const allowedTop = new Set([
    'dataSet',
    'completeDate',
    'period',
    'orgUnit',
    'attributeOptionCombo',
    'dataValues',
    'idScheme',
    'dataElementIdScheme',
    'orgUnitIdScheme',
  ]);
  for (const k of Object.keys(o)) if (!allowedTop.has(k)) problems.push(`unknown field ${k}`);
  if (!Array.isArray(o.dataValues)) return [...problems, 'dataValues is not an array'];
  const allowed = new Set([
    'dataElement',
    'period',
    'orgUnit',
    'categoryOptionCombo',
    'attributeOptionCombo',
    'value',
    'storedBy',
    'created',
    'lastUpdated',
    'comment',
    'followup',
  ]);
  o.dataValues.forEach((v: Record<string, unknown>, i) => {
    for (const k of Object.keys(v)) if (!allowed.has(k)) problems.push(`dataValues[${i}].${k} unknown`);
    for (const k of ['dataElement', 'period', 'orgUnit', 'value']) if (typeof v[k] !== 'string' || v[k] === '') problems.push(`dataValues[${i}].${k} missing`);
    if (typeof v.period === 'string' && !/^\d{4}(Q[1-4]|S[12]|\d{2})?$/.test(v.period)) problems.push(`dataValues[${i}].period ${v.period}`);
  });
  return problems;
}

describe('DHIS2 dataValueSets', () => {
  it('has the published shape: one value per ward and indicator with data, by code', () => {
    const set = dhis2DataValueSet(c.city.s, '2026-Q3');
    expect(checkDataValueSet(set)).toEqual([]);
    expect(set).toMatchObject({ period: '2026Q3', idScheme: 'CODE' });
    const values = (set.dataValues as Array<{ dataElement: string; orgUnit: string; value: string; comment?: string }>).map((v) => [
      v.orgUnit,
      v.dataElement,
      v.value,
      v.comment ?? null,
    ]);
    expect(values).toEqual([
      ['W1', 'CQ-09', '90', '90/100'],
      ['W1', 'HT-01', '3', null],
      ['W2', 'CQ-09', '85', '170/200'],
      ['W2', 'HT-01', '5', null],
    ]);
  });

  it('renames through a mapping file, leaves out skipped indicators, and refuses a bad mapping', () => {
    const mapping = parseMapping(
      JSON.stringify({ dataSet: 'pBOMPrpg1QX', idScheme: 'UID', orgUnits: { W1: 'DiszpKrYNg8' }, dataElements: { 'CQ-09': 'fbfJHSPpUQD' }, skip: ['HT-01'] }),
      'map.json',
    );
    const set = dhis2DataValueSet(c.city.s, '2026-Q3', mapping);
    expect(checkDataValueSet(set)).toEqual([]);
    expect(set.dataSet).toBe('pBOMPrpg1QX');
    expect((set.dataValues as Array<{ orgUnit: string; dataElement: string }>).map((v) => [v.orgUnit, v.dataElement])).toEqual([
      ['DiszpKrYNg8', 'fbfJHSPpUQD'],
      ['W2', 'fbfJHSPpUQD'],
    ]);
    expect(() => parseMapping('{"orgUnits": {"W1": 5}}', 'x.json')).toThrow(/city.mapping_invalid/);
    expect(() => parseMapping('{"unknown": 1}', 'x.json')).toThrow(/city.mapping_invalid/);
  });

  it('names periods the way DHIS2 and ADX do', () => {
    expect(['2026-Q3', '2026-H1', '2026', '2026-07'].map((p) => dhis2Period(parsePeriod(p)!))).toEqual(['2026Q3', '2026S1', '2026', '202607']);
    expect(['2026-Q3', '2026-H2', '2026', '2026-07'].map((p) => adxPeriod(parsePeriod(p)!))).toEqual([
      '2026-07-01/P3M',
      '2026-07-01/P6M',
      '2026-01-01/P1Y',
      '2026-07-01/P1M',
    ]);
  });
});

describe('ADX', () => {
  it('is well-formed XML in the ADX namespace, one group per ward', () => {
    const xml = adxDocument(c.city.s, '2026-Q3', { dataSet: 'NQ57 & "KH"' });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'group' || name === 'dataValue' }).parse(xml) as {
      adx: { xmlns: string; group: Array<{ orgUnit: string; period: string; dataSet: string; dataValue: Array<{ dataElement: string; value: string }> }> };
    };
    expect(doc.adx.xmlns).toBe('urn:ihe:qrph:adx:2015');
    expect(doc.adx.group.map((g) => [g.orgUnit, g.period, g.dataSet, g.dataValue.length])).toEqual([
      ['W1', '2026-07-01/P3M', 'NQ57 & "KH"', 2],
      ['W2', '2026-07-01/P3M', 'NQ57 & "KH"', 2],
    ]);
  });
});

describe('CSV', () => {
  it('one line per value with numerator, denominator and outcome', () => {
    const lines = exchangeCsv(c.city.s, '2026-Q3')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'org_unit,ward_code,ward_name,data_element,indicator_code,indicator_name,period,value,numerator,denominator,comparator,target,outcome',
    );
    expect(lines).toHaveLength(5);
    expect(lines[3]).toBe('W2,W2,Phường Bạch Đằng,CQ-09,CQ-09,Tỷ lệ hồ sơ TTHC xử lý trực tuyến,2026-Q3,85,170,200,>=,90,chua_dat');
  });
});
