/**
 * Compaction: the ward's history the city has acknowledged leaves the change log.
 *
 * Everything at or below the last acknowledged sequence number reached the city and was signed
 * for, so no changes bundle will carry it again; only a full (snapshot) export still needs the
 * latest version of each of those rows, with its sequence number. That version moves to
 * `change_log_acked` (one entry per row), its data left out while the row in its table is exactly
 * that version. Earlier versions go: the audit log's changed fields already say what each change
 * did. What the city has not acknowledged stays in the change log untouched, and so does the
 * origin's last change, which is where the next sequence number comes from.
 *
 * The move is one transaction: a crash leaves either the old log or the compacted one. VACUUM
 * (itself atomic) follows only when it gives back a worthwhile share of the file.
 */
import fs from 'node:fs';
import type { CompactResult } from '../../shared/api/contract-compact';
import { AppError } from '../../shared/errors';
import { max } from 'drizzle-orm';
import { OWNED_TABLE_NAMES, type OwnedTableName } from '../owned-tables';
import { changeLogAcked, type changeLog } from '../schema';
import { inTransaction, type Session } from '../session';
import { audit, normaliseRow, readRow } from '../write';
import { sequenceState } from './export';

export type CompactStage = 'collect' | 'move' | 'vacuum' | 'done';

export interface CompactOptions {
  onStage?: ((stage: CompactStage) => void) | undefined;
}

/** VACUUM rewrites the whole file: worth it only when at least this much, and this share of it, is free. */
const VACUUM_MIN_FREE_BYTES = 4 * 1024 * 1024;
const VACUUM_MIN_FREE_SHARE = 0.2;

type LogEntry = Pick<typeof changeLog.$inferSelect, 'seq' | 'tableName' | 'rowId' | 'data'>;

function fileBytes(s: Session): number {
  s.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return fs.statSync(s.db.path).size;
}

/** Moves acknowledged history out of the change log (ward only); returns how many entries it touched. */
function moveAcknowledged(s: Session, stage: (st: CompactStage) => void): Omit<CompactResult, 'vacuumed' | 'bytesBefore' | 'bytesAfter'> {
  const db = s.db.sqlite;
  const compactedBefore =
    s.db.orm
      .select({ n: max(changeLogAcked.seq) })
      .from(changeLogAcked)
      .get()!.n ?? 0;
  const none = { compactedThrough: compactedBefore, changesCompacted: 0, rowsKept: 0, versionsRemoved: 0 };
  if (s.role !== 'ward') return none;
  const st = sequenceState(s);
  // The origin's last change stays: every reader takes the next sequence number from the change log.
  const through = Math.min(st.lastAcked, st.maxSeq - 1);
  if (through <= compactedBefore) return none;
  return inTransaction(s, () => {
    // A plain statement: a ward's whole acknowledged history, read in about two thirds of the time drizzle's row mapping takes.
    const entries = db
      .prepare<[string, number], LogEntry>(
        'SELECT seq, table_name AS tableName, row_id AS rowId, data FROM change_log WHERE origin = ? AND seq <= ? ORDER BY seq',
      )
      .all(s.installationId, through);
    if (entries.length === 0) return none;
    const latest = new Map<string, LogEntry>();
    for (const e of entries) latest.set(`${e.tableName}\u0000${e.rowId}`, e);
    stage('collect');
    const newer = db.prepare('SELECT 1 FROM change_log WHERE origin = ? AND table_name = ? AND row_id = ? AND seq > ? LIMIT 1');
    const owned = (name: string): name is OwnedTableName => (OWNED_TABLE_NAMES as readonly string[]).includes(name);
    const keep = db.prepare(
      `INSERT INTO change_log_acked (table_name, row_id, seq, data) VALUES (?, ?, ?, ?)
       ON CONFLICT(table_name, row_id) DO UPDATE SET seq = excluded.seq, data = excluded.data`,
    );
    for (const e of latest.values()) {
      let data: string | null = e.data;
      // The data is left out only when the table gives back exactly these bytes; a version a later,
      // unacknowledged change has already replaced is kept whole.
      const table = e.tableName;
      if (owned(table) && !newer.get(s.installationId, table, e.rowId, through)) {
        // Compared in the writer's own form (normaliseRow).
        const row = readRow(s, table, e.rowId);
        if (row && JSON.stringify(normaliseRow(table, row)) === e.data) data = null;
      }
      keep.run(table, e.rowId, e.seq, data);
    }
    stage('move');
    db.prepare('DELETE FROM change_log WHERE origin = ? AND seq <= ?').run(s.installationId, through);
    const result = {
      compactedThrough: through,
      changesCompacted: entries.length,
      rowsKept: latest.size,
      versionsRemoved: entries.length - latest.size,
    };
    audit(s, 'db.compact', 'database', null, result);
    return result;
  });
}

/** Compacts acknowledged history, then gives the space back when that pays. */
export function compactDatabase(s: Session, opts: CompactOptions = {}): CompactResult {
  const stage = opts.onStage ?? (() => {});
  if (s.db.sqlite.inTransaction) throw new AppError('db.compact_busy');
  const bytesBefore = fileBytes(s);
  const moved = moveAcknowledged(s, stage);
  const pageSize = s.db.sqlite.pragma('page_size', { simple: true }) as number;
  const free = (s.db.sqlite.pragma('freelist_count', { simple: true }) as number) * pageSize;
  const vacuumed = free >= VACUUM_MIN_FREE_BYTES && free >= VACUUM_MIN_FREE_SHARE * bytesBefore;
  if (vacuumed) {
    stage('vacuum');
    s.db.sqlite.exec('VACUUM');
  }
  const bytesAfter = fileBytes(s);
  stage('done');
  return { ...moved, vacuumed, bytesBefore, bytesAfter };
}

/**
 * After a sync the city acknowledged. A failure here changes nothing (the move is one transaction)
 * and must not turn an import that applied into one that seems to have failed: the next
 * acknowledged sync, or `wardplan db compact`, tries again.
 */
export function compactAfterAcknowledgement(s: Session): CompactResult | null {
  try {
    return compactDatabase(s);
  } catch {
    return null;
  }
}
