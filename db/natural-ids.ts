/**
 * Ids derived from a row's natural key. An indicator value is unique per owner, indicator and
 * period (the database holds it to that with a unique index), so a new value's id can be computed
 * from those instead of drawn at random: a bundle then need not carry it (bundle format 2, the
 * compact rows), and the receiver computes it again.
 *
 * A derived id is a UUID of version 8 (RFC 9562, "custom"): 122 bits of SHA-256 over a fixed
 * namespace, the table, the owner and the key. Random ids are version 4, so the two never meet,
 * and a receiver can hold every version-8 id of such a table to its key: a row whose version-8 id
 * is not the one its owner and key give is refused, so no ward can take the id another ward's
 * value will have, and a tampered id never lands on another row.
 */
import { createHash } from 'node:crypto';
import type { OwnedTableName } from './owned-tables';

/** The columns that, with the owner, make a row unique: only tables with a unique index on them. */
export const NATURAL_KEYS: Readonly<Partial<Record<OwnedTableName, readonly string[]>>> = {
  indicator_value: ['indicator_id', 'period'],
};

const NAMESPACE = 'wardplan-natural-id-1';

/** The id a row of `table` owned by `owner` with this key takes, or null when the table has none or the key is incomplete. */
export function derivedId(table: OwnedTableName, owner: unknown, row: Readonly<Record<string, unknown>>): string | null {
  const key = NATURAL_KEYS[table];
  if (!key || typeof owner !== 'string') return null;
  const parts = [NAMESPACE, table, owner];
  for (const column of key) {
    const v = row[column];
    if (typeof v !== 'string') return null;
    parts.push(v);
  }
  // NUL never occurs in a code, an id or a period, so the parts cannot run into each other.
  const h = createHash('sha256').update(parts.join('\u0000')).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** True for an id of the derived kind (version 8), which must then be the one its row's key gives. */
export function looksDerived(id: unknown): boolean {
  // Stryker disable next-line ConditionalExpression: nothing but a string has a length of 36
  return typeof id === 'string' && id.length === 36 && id[14] === '8';
}

/**
 * Whether a row's id is one its owner may hold: in a table with a natural key, an id of the derived
 * kind only when the row's owner and key give it; any other id as before (values written before
 * ids were derived keep their random ones).
 */
export function idFitsKey(table: OwnedTableName, row: Readonly<Record<string, unknown>>): boolean {
  return !NATURAL_KEYS[table] || !looksDerived(row.id) || row.id === derivedId(table, row.owner, row);
}
