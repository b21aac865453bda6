/**
 * Both ends of the short references in compact rows (db/bundle/compact-rows.ts). The ward writes
 * the start of an id instead of the whole id only for a row the city already holds (one of the
 * city's own, or one of the ward's that a bundle created that the city's signed receipt says it applied), and only as long
 * a start as no other row of that table on the ward shares. The city looks it up among the rows
 * of that ward and its own, so other wards' rows can never make it ambiguous.
 *
 * A row of the ward's own that has a code (a unit, directive, area or indicator) is named by its
 * code instead, as a report names an indicator, when the city's copy is certainly the ward's
 * current one: the row has not changed since the last bundle the city signed a receipt for, so
 * its code there is the code here. The city looks a code up among that ward's rows only (codes are
 * unique per owner, and the city's own catalog often uses the same ones). A city row is never
 * named by code: the city may have renamed it since its last catalog.
 */
import type { ResolveRef, ShortRef } from '../bundle/compact-rows';
import { and, inArray, isNotNull, max } from 'drizzle-orm';
import { getMeta } from '../database';
import { readRow } from '../write';
import { bundleOut } from '../schema';
import type { OwnedTableName } from '../owned-tables';
import type { Session } from '../session';

/** 40 bits: a clash with a city row the ward has not seen yet is a chance in a trillion per reference. */
const MIN_PREFIX = 10;
const PREFIX_MARK = '^';
const CODE_MARK = '@';
/** Tables with a code unique per owner (a unique index on owner and code). */
const CODED: ReadonlySet<OwnedTableName> = new Set(['unit', 'directive', 'area', 'indicator']);

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

export function shortRefsFor(s: Session): ShortRef {
  const city = getMeta(s.db, 'city_code');
  // A signed receipt, not just a mark, proves the city applied a bundle.
  const o = bundleOut;
  const proven =
    s.db.orm
      .select({ n: max(o.seqTo) })
      .from(o)
      .where(and(inArray(o.kind, ['changes', 'snapshot']), isNotNull(o.receipt)))
      .get()!.n ?? 0;
  const sorted = new Map<OwnedTableName, string[]>();
  const idsOf = (table: OwnedTableName) => {
    let ids = sorted.get(table);
    if (!ids) sorted.set(table, (ids = s.db.sqlite.prepare<[], string>(`SELECT id FROM "${table}" ORDER BY id`).pluck().all()));
    return ids;
  };
  // Raw statements, typed: asked once per reference a bundle writes, and the table is the caller's.
  // Compaction (db/sync/compact.ts) moves acknowledged history out of the change log, keeping one
  // entry per row in change_log_acked: either place shows the row went out in a bundle.
  const seqs = s.db.sqlite.prepare<[string, string, string, string, string], { first: number | null; last: number | null }>(
    `SELECT min(first) AS first, max(last) AS last FROM (
       SELECT min(seq) AS first, max(seq) AS last FROM change_log WHERE origin = ? AND table_name = ? AND row_id = ?
       UNION ALL SELECT seq, seq FROM change_log_acked WHERE table_name = ? AND row_id = ?)`,
  );
  return (table, id) => {
    const row = readRow(s, table, id);
    const { first, last } = seqs.get(s.installationId, table, id, table, id)!;
    const own = row?.owner === s.orgCode;
    if (!row || (row.owner !== city && !(own && first !== null && first <= proven))) return null;
    if (own && CODED.has(table) && last! <= proven) return `${CODE_MARK}${String(row.code)}`;
    const ids = idsOf(table);
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ids[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    const clash = Math.max(lo > 0 ? commonPrefix(ids[lo - 1]!, id) : 0, lo + 1 < ids.length ? commonPrefix(ids[lo + 1]!, id) : 0);
    return `${PREFIX_MARK}${id.slice(0, Math.max(MIN_PREFIX, clash + 1))}`;
  };
}

/** The city's side: a range scan on the primary key among the sender's rows and the city's, or a code among the sender's own. */
export function resolveRefsFor(s: Session): ResolveRef {
  const city = getMeta(s.db, 'city_code');
  return (table, ref, owner) => {
    const key = ref.slice(1);
    let ids: string[];
    if (ref.startsWith(CODE_MARK) && CODED.has(table)) {
      ids = s.db.sqlite.prepare<[string, string], string>(`SELECT id FROM "${table}" WHERE code = ? AND owner = ?`).pluck().all(key, owner);
    } else if (ref.startsWith(PREFIX_MARK) && key.length >= MIN_PREFIX) {
      // A shorter start than any writer uses could only be an attempt to match whatever is there.
      ids = s.db.sqlite
        .prepare<[string, string, string, string | undefined], string>(`SELECT id FROM "${table}" WHERE id >= ? AND id < ? AND owner IN (?, ?) LIMIT 2`)
        .pluck()
        .all(key, `${key}\uffff`, owner, city);
    } else return undefined;
    return ids.length === 1 ? ids[0] : undefined;
  };
}
