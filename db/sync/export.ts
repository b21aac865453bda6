/** The ward writes what the city has not yet acknowledged (or everything) into one signed bundle. */
import path from 'node:path';
import type { ExportResult } from '../../shared/api/sync-types';
import { AppError } from '../../shared/errors';
import { formatPeriodCode, periodContaining } from '../../shared/rules/period';
import { readBlob } from '../blobs';
import { COMPACT_ENCODING, encodeCompact, type PlainChange } from '../bundle/compact-rows';
import { BLOB_PREFIX, bundleFileName, CHANGES_NAME, ROTATION_NAME, SEALED_BLOB_PREFIX, SEALED_CHANGES_NAME } from '../bundle/format';
import { sealPayload } from '../bundle/seal';
import { writeBundleFile, type BundleContent, type ManifestFields } from '../bundle/writer';
import { getMeta } from '../database';
import { ageRecipientOf } from '../keys/age-identity';
import type { OwnedTableName } from '../owned-tables';
import type { KeyStore } from '../keys/key-store';
import { newId, todayIso, type Session } from '../session';
import { audit, normaliseRow, readRow } from '../write';
import { shortRefsFor } from './compact-refs';
import { ensureKey } from './identity';

export type ExportStage = 'collect' | 'blobs' | 'write' | 'done';

export interface ExportOptions {
  outDir: string;
  full?: boolean | undefined;
  onProgress?: ((stage: ExportStage, done: number, total: number) => void) | undefined;
}

interface LogRow {
  seq: number;
  table_name: string;
  data: string;
}

export function sequenceState(s: Session): { maxSeq: number; lastExported: number; lastAcked: number } {
  const one = (sql: string, ...a: unknown[]) => (s.db.sqlite.prepare(sql).get(...a) as { n: number | null }).n ?? 0;
  return {
    maxSeq: one('SELECT max(seq) AS n FROM change_log WHERE origin = ?', s.installationId),
    lastExported: one("SELECT max(seq_to) AS n FROM bundle_out WHERE kind IN ('changes', 'snapshot')"),
    lastAcked: one("SELECT max(seq_to) AS n FROM bundle_out WHERE kind IN ('changes', 'snapshot') AND acknowledged_at IS NOT NULL"),
  };
}

/**
 * The latest change of every row changed in [from, to]: earlier versions of a row add nothing.
 * Acknowledged history that compaction moved out of the change log (db/sync/compact.ts) counts too,
 * its data read back from the row's table where it was left out, so the result is the same bytes
 * as before compaction.
 */
export function compactedChanges(s: Session, from: number, to: number): LogRow[] {
  const logged = s.db.sqlite
    .prepare(
      // CROSS JOIN keeps the grouped subquery in the outer loop: SQLite would otherwise re-run it for
      // every change-log row, which is quadratic on a ward with years of history.
      `SELECT c.seq, c.table_name, c.data
       FROM (SELECT max(seq) AS seq FROM change_log WHERE origin = ? AND seq BETWEEN ? AND ? GROUP BY table_name, row_id) l
       CROSS JOIN change_log c
       WHERE c.origin = ? AND c.seq = l.seq
       ORDER BY c.seq`,
    )
    .all(s.installationId, from, to, s.installationId) as LogRow[];
  const acked = s.db.sqlite
    .prepare(
      `SELECT a.seq, a.table_name, a.row_id, a.data FROM change_log_acked a
       WHERE a.seq BETWEEN ? AND ?
         AND NOT EXISTS (SELECT 1 FROM change_log c WHERE c.origin = ? AND c.table_name = a.table_name AND c.row_id = a.row_id AND c.seq BETWEEN ? AND ?)`,
    )
    .all(from, to, s.installationId, from, to) as Array<LogRow & { row_id: string; data: string | null }>;
  if (acked.length === 0) return logged;
  const tableVersion = (table: OwnedTableName, id: string): string => {
    const row = readRow(s, table, id);
    // The writer fills the data in before it changes such a row; a row missing here means the file was edited by hand.
    if (!row) throw new Error(`change_log_acked names ${table} ${id}, which is not in its table`);
    return JSON.stringify(normaliseRow(table, row));
  };
  const rows = acked.map((a) => ({ seq: a.seq, table_name: a.table_name, data: a.data ?? tableVersion(a.table_name as OwnedTableName, a.row_id) }));
  return [...logged, ...rows].sort((a, b) => a.seq - b.seq);
}

function deliveredBlobs(s: Session): Set<string> {
  const rows = s.db.sqlite
    .prepare('SELECT b.sha256 FROM blob_sent b JOIN bundle_out o ON o.bundle_id = b.bundle_id WHERE o.acknowledged_at IS NOT NULL')
    .all() as { sha256: string }[];
  return new Set(rows.map((r) => r.sha256));
}

export async function exportWardBundle(s: Session, store: KeyStore, opts: ExportOptions): Promise<ExportResult> {
  if (s.role !== 'ward') throw new AppError('sync.ward_only');
  const progress = opts.onProgress ?? (() => {});
  const st = sequenceState(s);
  if (st.maxSeq === 0 || (!opts.full && st.maxSeq <= st.lastExported)) return { status: 'nothing_new', lastSeq: st.maxSeq };
  const key = await ensureKey(s, store);

  progress('collect', 0, 1);
  const seqFrom = opts.full ? 1 : st.lastAcked + 1;
  const rows = compactedChanges(s, seqFrom, st.maxSeq);
  const changes = rows.map((r) => ({ seq: r.seq, table: r.table_name as OwnedTableName, row: JSON.parse(r.data) as PlainChange['row'] }));
  progress('collect', 1, 1);

  // Evidence travels once: a file already in a bundle the city acknowledged is not sent again,
  // but one in a bundle that never arrived is.
  const delivered = opts.full ? new Set<string>() : deliveredBlobs(s);
  const wanted = new Set<string>();
  for (const r of rows) {
    if (r.table_name !== 'evidence') continue;
    const row = JSON.parse(r.data) as { sha256: string; deleted: number };
    if (!row.deleted && !delivered.has(row.sha256)) wanted.add(row.sha256);
  }
  // Sealed to the city and to this ward when the enrollment answer named the city's age
  // recipient; a ward enrolled before sealing existed writes format 1 until it enrolls again.
  const cityRecipient = getMeta(s.db, 'city_age_recipient');
  let payload: ManifestFields['payload'];
  let contents: BundleContent[];
  const recipients = cityRecipient ? [cityRecipient, await ageRecipientOf(key.ageIdentity)] : null;
  if (recipients) {
    const plain = encodeCompact(changes, opts.full ? () => null : shortRefsFor(s));
    payload = { sealed: 'age-x25519', compression: 'deflate-raw', encoding: COMPACT_ENCODING, inflatedBytes: plain.length };
    contents = [{ path: SEALED_CHANGES_NAME, data: await sealPayload(plain, recipients) }];
  } else {
    const lines = changes.map((c) => `${JSON.stringify(c)}\n`).join('');
    contents = [{ path: CHANGES_NAME, data: Buffer.from(lines, 'utf8') }];
  }
  // After a rotation the city knows only the old key: the statement signed by it travels along.
  const rotation = key.previous?.[key.previous.length - 1]?.rotation;
  if (rotation && rotation.newKeyId === key.keyId) contents.push({ path: ROTATION_NAME, data: Buffer.from(JSON.stringify(rotation), 'utf8') });
  let i = 0;
  for (const sha of wanted) {
    // Evidence is sealed like the changes, each file on its own, under the hash of its plain bytes,
    // which is what the city checks once it has opened it and what blob_sent remembers.
    const data = readBlob(s.db.blobDir, sha);
    contents.push(recipients ? { path: `${SEALED_BLOB_PREFIX}${sha}`, data: await sealPayload(data, recipients) } : { path: `${BLOB_PREFIX}${sha}`, data });
    progress('blobs', ++i, wanted.size);
  }

  const kind = opts.full ? 'snapshot' : 'changes';
  const period = formatPeriodCode(periodContaining('quarter', todayIso(s.now())));
  const fileName = bundleFileName(s.orgCode, period, seqFrom, st.maxSeq, kind);
  const prev = s.db.sqlite
    .prepare("SELECT manifest_sha256 AS h FROM bundle_out WHERE kind IN ('changes', 'snapshot') ORDER BY created_at DESC, seq_to DESC LIMIT 1")
    .get() as { h: string } | undefined;
  const bundleId = newId();
  progress('write', 0, 1);
  const written = await writeBundleFile(
    path.join(opts.outDir, fileName),
    {
      bundleId,
      kind,
      origin: s.installationId,
      owner: s.orgCode,
      ownerKind: 'ward',
      seqFrom,
      seqTo: st.maxSeq,
      prevManifestSha256: prev?.h ?? null,
      createdAt: s.now(),
      keyId: key.keyId,
      counts: { changes: changes.length, blobs: wanted.size },
      ...(payload ? { payload } : {}),
    },
    contents,
    key,
  );
  s.db.sqlite.transaction(() => {
    s.db.sqlite
      .prepare(
        `INSERT INTO bundle_out (bundle_id, kind, seq_from, seq_to, manifest_sha256, file_name, file_sha256, size, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(bundleId, kind, seqFrom, st.maxSeq, written.manifestSha256, fileName, written.fileSha256, written.size, s.now());
    const sent = s.db.sqlite.prepare(
      'INSERT INTO blob_sent (sha256, bundle_id, at) VALUES (?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET bundle_id = excluded.bundle_id, at = excluded.at',
    );
    for (const sha of wanted) sent.run(sha, bundleId, s.now());
    audit(s, 'bundle.export', 'bundle', bundleId, { fileName, seqFrom, seqTo: st.maxSeq, fileSha256: written.fileSha256 });
  })();
  progress('done', 1, 1);
  return {
    status: 'written',
    path: path.join(opts.outDir, fileName),
    fileName,
    bundleId,
    kind,
    seqFrom,
    seqTo: st.maxSeq,
    changes: changes.length,
    blobs: wanted.size,
    size: written.size,
    fileSha256: written.fileSha256,
    manifestSha256: written.manifestSha256,
  };
}
