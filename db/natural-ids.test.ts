import { describe, expect, it } from 'vitest';
import { derivedId, idFitsKey, looksDerived } from './natural-ids';

const A = 'HP-HAIDUONG';
const B = 'HP-TIENLANG';
const IND = '5c0d9a7e-1f2b-4c3d-9e8f-0a1b2c3d4e5f';
const key = { indicator_id: IND, period: '2026-Q3' };

describe('ids derived from a natural key', () => {
  it('are version-8 UUIDs, the same for the same owner and key, different for any other', () => {
    const id = derivedId('indicator_value', A, key)!;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Fixed for ever: a ward and its city compute it apart, in different versions of WardPlan.
    expect(id).toBe(derivedId('indicator_value', A, { ...key }));
    expect(new Set([id, derivedId('indicator_value', B, key), derivedId('indicator_value', A, { ...key, period: '2026-Q4' })]).size).toBe(3);
    expect(derivedId('indicator_value', A, { ...key, indicator_id: IND.replace('5c', '5d') })).not.toBe(id);
    // The parts are kept apart: moving a character from one to the next gives another id.
    expect(derivedId('indicator_value', 'HP-HAIDUONG2', { indicator_id: '026', period: 'Q3' })).not.toBe(
      derivedId('indicator_value', 'HP-HAIDUONG', { indicator_id: '2026', period: 'Q3' }),
    );
    expect(id).toBe('7883373f-eb48-8ce0-a917-8872908bf86a');
  });

  it('exist only for a table with a natural key and a whole key', () => {
    expect(derivedId('task', A, key)).toBeNull();
    expect(derivedId('indicator_value', null, key)).toBeNull();
    expect(derivedId('indicator_value', A, { indicator_id: IND })).toBeNull();
    expect(derivedId('indicator_value', A, { period: '2026-Q3' })).toBeNull();
    expect(derivedId('indicator_value', A, { indicator_id: IND, period: 3 })).toBeNull();
  });

  it('hold a row to its key: a derived id must be the one its owner and key give; random ids stay as they are', () => {
    const id = derivedId('indicator_value', A, key)!;
    expect(looksDerived(id)).toBe(true);
    expect(looksDerived(IND)).toBe(false);
    expect(looksDerived(`${id}0`)).toBe(false);
    expect(looksDerived(7)).toBe(false);
    expect(idFitsKey('indicator_value', { id, owner: A, ...key })).toBe(true);
    expect(idFitsKey('indicator_value', { id: IND, owner: B, ...key })).toBe(true);
    // Another ward taking A's id, A's id moved to another period, or one digit changed: refused.
    expect(idFitsKey('indicator_value', { id, owner: B, ...key })).toBe(false);
    expect(idFitsKey('indicator_value', { id, owner: A, ...key, period: '2026-Q4' })).toBe(false);
    expect(idFitsKey('indicator_value', { id: `${id.slice(0, 35)}${id.endsWith('0') ? '1' : '0'}`, owner: A, ...key })).toBe(false);
    // Tables without a natural key are not concerned.
    expect(idFitsKey('task', { id, owner: B })).toBe(true);
  });
});
