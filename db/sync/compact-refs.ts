/**
 * Both ends of the short references in compact rows (db/bundle/compact-rows.ts). The ward writes
 * the start of an id instead of the whole id only for a row the city already holds (one of the
 * city's own, or one of the ward's that a bundle created that the city's signed receipt says it applied), and only as long
 * a start as no other row of that table on the ward shares. The city looks it up among the rows
 * of that ward and its own, so other wards' rows can never make it ambiguous.
 */
import type { ResolveRef, ShortRef } from '../bundle/compact-rows';
import { getMeta } from '../database';
import type { OwnedTableName } from '../owned-tables';
import type { Session } from '../session';

/** 40 bits: a clash with a city row the ward has not seen yet is a chance in a trillion per reference. */
const MIN_PREFIX = 10;

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

export function shortRefsFor(s: Session): ShortRef {
  const city = getMeta(s.db, 'city_code');
  // A signed receipt, not just a mark, proves the city applied a bundle.
  const proven =
    (s.db.sqlite.prepare("SELECT max(seq_to) AS n FROM bundle_out WHERE kind IN ('changes', 'snapshot') AND receipt IS NOT NULL").get() as { n: number | null })
      .n ?? 0;
  const sorted = new Map<OwnedTableName, string[]>();
  const idsOf = (table: OwnedTableName) => {
    let ids = sorted.get(table);
    if (!ids) sorted.set(table, (ids = s.db.sqlite.prepare(`SELECT id FROM "${table}" ORDER BY id`).pluck().all() as string[]));
    return ids;
  };
  // Compaction (db/sync/compact.ts) moves acknowledged history out of the change log, keeping one
  // entry per row in change_log_acked: either place shows the row went out in a bundle.
  const firstSeq = s.db.sqlite.prepare(
    `SELECT min(n) AS n FROM (
       SELECT min(seq) AS n FROM change_log WHERE origin = ? AND table_name = ? AND row_id = ?
       UNION ALL SELECT seq FROM change_log_acked WHERE table_name = ? AND row_id = ?)`,
  );
  return (table, id) => {
    const owner = (s.db.sqlite.prepare(`SELECT owner FROM "${table}" WHERE id = ?`).get(id) as { owner: string } | undefined)?.owner;
    const created = (firstSeq.get(s.installationId, table, id, table, id) as { n: number | null }).n;
    const held = owner === city || (owner === s.orgCode && created !== null && created <= proven);
    if (!held) return null;
    const ids = idsOf(table);
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ids[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    const clash = Math.max(lo > 0 ? commonPrefix(ids[lo - 1]!, id) : 0, lo + 1 < ids.length ? commonPrefix(ids[lo + 1]!, id) : 0);
    return id.slice(0, Math.max(MIN_PREFIX, clash + 1));
  };
}

/** The city's side: a range scan on the primary key, limited to the sender's rows and the city's. */
export function resolveRefsFor(s: Session): ResolveRef {
  const city = getMeta(s.db, 'city_code');
  return (table, prefix, owner) => {
    // A shorter start than any writer uses could only be an attempt to match whatever is there.
    if (prefix.length < MIN_PREFIX) return undefined;
    const ids = s.db.sqlite
      .prepare(`SELECT id FROM "${table}" WHERE id >= ? AND id < ? AND owner IN (?, ?) LIMIT 2`)
      .pluck()
      .all(prefix, `${prefix}\uffff`, owner, city) as string[];
    return ids.length === 1 ? ids[0] : undefined;
  };
}
