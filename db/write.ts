/**
 * The one way an owned row is written. Every write lands in the table, the change log (the
 * record that bundles carry) and, for local edits, the audit log, inside the caller's transaction.
 */
import { AppError } from '../shared/errors';
import { foldVi } from '../shared/rules/search-fold';
import { columnsOf, type OwnedTableName } from './owned-tables';
import { prepared } from './prepared';
import type { Session } from './session';

export type Row = Record<string, unknown>;

const upsertCache = new Map<string, string>();

/**
 * An upsert by id. `sameOwner`: an existing row is replaced only if it has the incoming row's
 * owner, so a row from outside can never take over another organisation's row, and the statement
 * says so by changing nothing, without a separate read of every row.
 */
function upsertSql(table: OwnedTableName, sameOwner = false): string {
  const key = `${table}${sameOwner ? ' owned' : ''}`;
  let sql = upsertCache.get(key);
  if (!sql) {
    const cols = columnsOf(table).map((c) => c.name);
    const updates = cols.filter((c) => c !== 'id').map((c) => `"${c}" = excluded."${c}"`);
    sql = `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})
      ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}${sameOwner ? ` WHERE "${table}"."owner" = excluded."owner"` : ''}`;
    upsertCache.set(key, sql);
  }
  return sql;
}

/** Keeps only the table's columns, the schema's default for missing ones, so a row always has one shape. */
export function normaliseRow(table: OwnedTableName, row: Row): Row {
  const out: Row = {};
  for (const c of columnsOf(table)) {
    const v = row[c.name];
    out[c.name] = v === undefined ? c.defaultValue : v;
  }
  return out;
}

export function readRow(s: Session, table: OwnedTableName, id: string): Row | undefined {
  // The table is one of the owned tables' names, so the statements kept are a fixed few.
  return prepared<[string], Row>(s, `SELECT * FROM "${table}" WHERE id = ?`).get(id);
}

function nextSeq(s: Session, origin: string): number {
  const r = s.db.sqlite.prepare('SELECT coalesce(max(seq), 0) + 1 AS n FROM change_log WHERE origin = ?').get(origin) as {
    n: number;
  };
  return r.n;
}

/**
 * Stores the row and keeps derived indexes (task search) in step. Shared by local and remote
 * writes; with `sameOwner` a row owned by someone else is left as it is, and false says so.
 */
function storeRow(s: Session, table: OwnedTableName, row: Row, sameOwner = false): boolean {
  if (s.db.sqlite.prepare(upsertSql(table, sameOwner)).run(row).changes === 0) return false;
  if (table === 'task') {
    // task_search is keyed by task_search_key.rid: deleting by rowid is a lookup, by task_id a scan.
    s.db.sqlite.prepare('INSERT INTO task_search_key (task_id) VALUES (?) ON CONFLICT(task_id) DO NOTHING').run(row.id);
    const { rid } = s.db.sqlite.prepare('SELECT rid FROM task_search_key WHERE task_id = ?').get(row.id) as { rid: number };
    s.db.sqlite.prepare('DELETE FROM task_search WHERE rowid = ?').run(rid);
    if (!row.deleted) {
      const body = [row.content, row.output, row.person, row.timeline].filter(Boolean).join(' ');
      s.db.sqlite.prepare('INSERT INTO task_search (rowid, task_id, body) VALUES (?, ?, ?)').run(rid, row.id, foldVi(body));
    }
  }
  return true;
}

/**
 * A local edit. Refuses rows this installation's organisation does not own: the city's catalog is
 * read-only in a ward's database, and no one edits another ward's rows.
 */
export function saveOwnedRow(s: Session, table: OwnedTableName, input: Row, action: string, why?: Row): Row {
  const id = input.id;
  if (typeof id !== 'string' || id === '') throw new Error(`saveOwnedRow(${table}) without id`);
  const existing = readRow(s, table, id);
  if (existing && existing.owner !== s.orgCode) {
    throw new AppError('owner.read_only', { table, owner: String(existing.owner) });
  }
  const at = s.now();
  const row = normaliseRow(table, { ...existing, ...input, owner: s.orgCode, updated_at: at });
  // After compaction the acknowledged version of a row may live only in its table: keep it before it changes.
  if (existing) {
    s.db.sqlite
      .prepare('UPDATE change_log_acked SET data = ? WHERE table_name = ? AND row_id = ? AND data IS NULL')
      .run(JSON.stringify(normaliseRow(table, existing)), table, id);
  }
  storeRow(s, table, row);
  const seq = nextSeq(s, s.installationId);
  s.db.sqlite
    .prepare('INSERT INTO change_log (origin, seq, table_name, row_id, owner, data, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(s.installationId, seq, table, id, s.orgCode, JSON.stringify(row), at);
  const changed = existing ? diff(existing, row) : undefined;
  audit(s, action, table, id, why ? { ...changed, ...why } : changed, at);
  return row;
}

/**
 * A row that arrived in a verified bundle, at the sender's own sequence number, kept in the
 * sender's change log beside ours so it can be traced. Writes nothing and answers false when the
 * row exists here under another owner (the caller refuses the bundle).
 */
export function applyRemoteRow(s: Session, origin: string, seq: number, table: OwnedTableName, row: Row, at: string): boolean {
  // Our own change log is what our bundles and catalogs carry: nothing from outside may enter it.
  if (origin === s.installationId) throw new AppError('bundle.origin_own', { file: '-', origin, owner: String(row.owner) });
  const normal = normaliseRow(table, row);
  if (!storeRow(s, table, normal, true)) return false;
  s.db.sqlite
    .prepare(
      `INSERT INTO change_log (origin, seq, table_name, row_id, owner, data, at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(origin, seq) DO NOTHING`,
    )
    .run(origin, seq, table, String(normal.id), String(normal.owner), JSON.stringify(normal), at);
  return true;
}

export function audit(s: Session, action: string, entity: string, entityId: string | null, detail?: unknown, at = s.now()): void {
  s.db.sqlite
    .prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)')
    .run(at, s.actor, action, entity, entityId, detail === undefined ? null : JSON.stringify(detail));
}

function diff(before: Row, after: Row): Row {
  const out: Row = {};
  for (const k of Object.keys(after)) {
    if (k === 'updated_at') continue;
    if (before[k] !== after[k]) out[k] = { from: before[k] ?? null, to: after[k] ?? null };
  }
  return out;
}
