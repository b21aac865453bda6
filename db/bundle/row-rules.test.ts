import { describe, expect, it } from 'vitest';
import { checkBundleRow } from './row-rules';

const STAMP = '2026-10-20T03:00:00.000Z';
const ID = '0b6f7a36-3c55-4b7e-9a55-1d1f0e6a1c01';
const owned = { id: ID, owner: 'P01', updated_at: STAMP, deleted: 0 };

describe('bundle rows checked against the schema', () => {
  it('gives a column left out the default the schema names', () => {
    const r = checkBundleRow('indicator_target', { ...owned, indicator_id: ID, year: 2026, comparator: '>=', target: 1 });
    expect(r).toEqual({ ok: true, row: expect.objectContaining({ ward_code: '', deleted: 0 }) });
  });

  it('refuses a column the schema requires and the row leaves out, naming it', () => {
    const r = checkBundleRow('unit', { ...owned, code: 'VH' });
    expect(r).toMatchObject({ ok: false, problem: expect.stringMatching(/^name /) });
  });

  it('refuses a column the table does not have, by name, before any other problem', () => {
    expect(checkBundleRow('unit', { ...owned, code: '', name: 'x', extra: 1 })).toEqual({ ok: false, problem: 'column extra' });
  });

  it('checks a value against the enum the schema declares', () => {
    const base = { ...owned, task_id: ID, date: '2026-10-20', percent: 10, by_name: 'x', created_at: STAMP };
    expect(checkBundleRow('task_progress', { ...base, status: 'in_progress' }).ok).toBe(true);
    expect(checkBundleRow('task_progress', { ...base, status: 'hacked' })).toMatchObject({ ok: false, problem: expect.stringMatching(/^status /) });
  });

  it('accepts null only where the schema allows it', () => {
    const plan = { ...owned, year: 2026, title: 'Kế hoạch' };
    expect(checkBundleRow('plan', { ...plan, doc_number: null }).ok).toBe(true);
    expect(checkBundleRow('plan', { ...plan, title: null })).toMatchObject({ ok: false, problem: expect.stringMatching(/^title /) });
  });

  it('keeps the rules the schema cannot say: lengths, ranges, ratios', () => {
    const value = { ...owned, indicator_id: ID, period: '2026-Q3', value: 5, by_name: 'x' };
    expect(checkBundleRow('indicator_value', value).ok).toBe(true);
    expect(checkBundleRow('indicator_value', { ...value, numerator: 1 })).toEqual({ ok: false, problem: 'denominator ratio' });
    expect(checkBundleRow('unit', { ...owned, code: 'VH', name: 'x'.repeat(501) })).toMatchObject({ ok: false, problem: expect.stringMatching(/^name /) });
  });
});
