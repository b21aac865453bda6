/**
 * Years, periods and dates out of range are refused at the API boundary, for every host, with a
 * message naming the field; nothing is stored.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDatabase, fixedClock, tempDir } from '../../test/support/temp';
import { openDatabase } from '../database';
import { createDemoWard } from '../services/demo';
import { formatMessage } from '../../shared/i18n/messages';
import { WardApi } from './ward-api';

let api: WardApi;
let dbPath: string;

beforeEach(() => {
  dbPath = path.join(tempDir('wardplan-api-bounds-'), 'ward.db');
  const db = openDatabase(dbPath);
  createDemoWard(db, { now: fixedClock });
  db.close();
  api = new WardApi({ dbPath, now: fixedClock });
});

afterEach(() => api.close());

function dump(): string {
  const db = openDatabase(dbPath, { mustExist: true });
  try {
    return dumpDatabase(db);
  } finally {
    db.close();
  }
}

describe('bounds at the API boundary', () => {
  it('refuses a period of year 9999 or 1999, and stores nothing', async () => {
    const before = dump();
    for (const period of ['9999-Q4', '1999-M12', '2101']) {
      const r = await api.call('values.set', { indicatorCode: 'CT01', period, value: 5 });
      expect(r).toEqual({ ok: false, error: { code: 'period.year_range', params: { field: 'period' } } });
    }
    expect((await api.call('values.set', { indicatorCode: 'CT01', period: '2026-Q5', value: 5 })).ok).toBe(false);
    expect(formatMessage('vi', 'period.year_range', { field: 'period' })).toBe('Năm của kỳ ở trường "period" phải từ 2000 đến 2100, ví dụ 2026-Q3.');
    expect(dump()).toBe(before);
    // The edges themselves are periods like any other.
    for (const period of ['2000-Q1', '2100-M12']) expect((await api.call('indicators.list', { period })).ok).toBe(true);
  });

  it('refuses a year outside 2000–2100 wherever a year is asked for', async () => {
    for (const [method, input, field] of [
      ['summary.get', { year: -1 }, 'year'],
      ['summary.get', { year: 2101 }, 'year'],
      ['indicators.list', { year: 1999 }, 'year'],
      ['tasks.list', { planYear: 20260 }, 'planYear'],
      ['plans.add', { year: 2026.5, title: 'x' }, 'year'],
    ] as const) {
      expect(await api.call(method, input as never), `${method} ${JSON.stringify(input)}`).toEqual({
        ok: false,
        error: { code: 'year.range', params: { field } },
      });
    }
    expect((await api.call('summary.get', { year: 2100 })).ok).toBe(true);
    expect((await api.call('summary.get', { year: 2000 })).ok).toBe(true);
  });

  it('refuses a date that has the shape but is not in the calendar', async () => {
    for (const asOf of ['2026-02-30', '2026-13-01', '2026-00-10']) {
      expect(await api.call('summary.get', { asOf })).toEqual({ ok: false, error: { code: 'date.format', params: { field: 'asOf' } } });
    }
    expect((await api.call('summary.get', { asOf: '2028-02-29' })).ok).toBe(true);
  });
});
