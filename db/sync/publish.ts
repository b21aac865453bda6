/** The city writes its catalog (and its receipts) into one signed bundle that every ward imports. */
import path from 'node:path';
import { count, desc, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { bundleFileName, CHANGES_NAME, ORGS_NAME, RECEIPTS_NAME, ROTATION_NAME } from '../bundle/format';
import { writeBundleFile } from '../bundle/writer';
import type { KeyStore, StoredKey } from '../keys/key-store';
import { WARD_ONLY_TABLES, OWNED_TABLE_NAMES } from '../owned-tables';
import { bundleOut, org } from '../schema';
import { newId, type Session } from '../session';
import { audit } from '../write';
import { ensureKey } from './identity';

export interface PublishResult {
  path: string;
  fileName: string;
  bundleId: string;
  changes: number;
  receipts: number;
  wards: number;
  size: number;
  fileSha256: string;
}

export interface PublishOptions {
  /**
   * Only this ward's receipts: what the hub hands to one ward, so no ward learns what another sent.
   * The catalog rows themselves are the city's own and go to every ward alike.
   */
  forWard?: string | undefined;
  /** The city's key, already unlocked (the hub holds it for its whole run). */
  key?: StoredKey | undefined;
}

/**
 * The catalog's rows are few, so they always travel whole; receipts travel until the ward has shown
 * it holds them (openReceipts): a ward that missed any number of catalogs loses nothing.
 */
export async function publishCatalog(s: Session, store: KeyStore | null, outDir: string, opts: PublishOptions = {}): Promise<PublishResult> {
  if (s.role !== 'city') throw new AppError('sync.city_only');
  const key = opts.key ?? (store ? await ensureKey(s, store) : failNoKey());
  const lines: string[] = [];
  let maxSeq = 0;
  for (const table of OWNED_TABLE_NAMES) {
    if (WARD_ONLY_TABLES.has(table)) continue;
    const rows = s.db.sqlite
      .prepare<[string, string, string, string], { seq: number; data: string }>(
        // CROSS JOIN: the grouped subquery runs once, not once per change-log row (see compactedChanges).
        `SELECT c.seq, c.data
         FROM (SELECT max(seq) AS seq FROM change_log WHERE origin = ? AND table_name = ? GROUP BY row_id) l
         CROSS JOIN change_log c
         WHERE c.origin = ? AND c.seq = l.seq AND c.owner = ?
         ORDER BY c.seq`,
      )
      // Only the city's own rows: the catalog never repeats anything that came from a ward.
      .all(s.installationId, table, s.installationId, s.orgCode);
    for (const r of rows) {
      lines.push(JSON.stringify({ seq: r.seq, table, row: JSON.parse(r.data) as unknown }));
      maxSeq = Math.max(maxSeq, r.seq);
    }
  }
  const orgs = s.db.orm.select({ code: org.code, kind: org.kind, name: org.name, parentCode: org.parentCode }).from(org).orderBy(org.kind, org.code).all();
  const receipts = openReceipts(s, opts.forWard);
  const catalogs = eq(bundleOut.kind, 'catalog');
  const prev = s.db.orm.select({ h: bundleOut.manifestSha256 }).from(bundleOut).where(catalogs).orderBy(desc(bundleOut.createdAt)).limit(1).get();
  const published = s.db.orm.select({ n: count() }).from(bundleOut).where(catalogs).get()!.n;
  const bundleId = newId();
  const fileName = bundleFileName(s.orgCode, 'catalog', published + 1, maxSeq, 'catalog');
  const written = await writeBundleFile(
    path.join(outDir, fileName),
    {
      bundleId,
      kind: 'catalog',
      origin: s.installationId,
      owner: s.orgCode,
      ownerKind: 'city',
      seqFrom: maxSeq === 0 ? 0 : 1,
      seqTo: maxSeq,
      prevManifestSha256: prev?.h ?? null,
      createdAt: s.now(),
      keyId: key.keyId,
      counts: { changes: lines.length, blobs: 0 },
    },
    [
      { path: CHANGES_NAME, data: Buffer.from(lines.length ? `${lines.join('\n')}\n` : '', 'utf8') },
      { path: ORGS_NAME, data: Buffer.from(JSON.stringify(orgs), 'utf8') },
      { path: RECEIPTS_NAME, data: Buffer.from(JSON.stringify(receipts), 'utf8') },
      ...rotationContent(key),
    ],
    key,
  );
  s.db.sqlite.transaction(() => {
    s.db.sqlite
      .prepare(
        `INSERT INTO bundle_out (bundle_id, kind, seq_from, seq_to, manifest_sha256, file_name, file_sha256, size, created_at)
         VALUES (?, 'catalog', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(bundleId, maxSeq === 0 ? 0 : 1, maxSeq, written.manifestSha256, fileName, written.fileSha256, written.size, s.now());
    audit(s, 'catalog.publish', 'bundle', bundleId, { fileName, receipts: receipts.length });
  })();
  return {
    path: path.join(outDir, fileName),
    fileName,
    bundleId,
    changes: lines.length,
    receipts: receipts.length,
    wards: orgs.filter((o) => o.kind === 'ward').length,
    size: written.size,
    fileSha256: written.fileSha256,
  };
}

/**
 * After the city rotated its key the wards know only the old one: the statement by which the old
 * key vouches for the new travels with every catalog, as it does in a ward's bundles.
 */
function rotationContent(key: StoredKey): Array<{ path: string; data: Buffer }> {
  const rotation = key.previous?.[key.previous.length - 1]?.rotation;
  return rotation && rotation.newKeyId === key.keyId ? [{ path: ROTATION_NAME, data: Buffer.from(JSON.stringify(rotation), 'utf8') }] : [];
}

/**
 * The receipts a catalog carries: those the ward has not yet shown it holds. A ward's changes
 * bundle starts right after the last sequence number the city acknowledged to it, so a later bundle
 * from the same origin that starts beyond a receipt's range proves the ward has that receipt (or a
 * later one covering the same range); until then the receipt travels in every catalog, however
 * many the ward misses. A snapshot starts at 1 and proves nothing.
 */
export function openReceipts(s: Session, forWard?: string): unknown[] {
  const sql = (ward: string) => `SELECT r.receipt FROM bundle_in r
     WHERE r.status = 'applied' AND r.receipt IS NOT NULL ${ward}
       AND NOT EXISTS (SELECT 1 FROM bundle_in l WHERE l.origin = r.origin AND l.seq_from > r.seq_to)
     ORDER BY r.applied_at`;
  const rows = forWard
    ? s.db.sqlite.prepare<[string], { receipt: string }>(sql('AND r.owner = ?')).all(forWard)
    : s.db.sqlite.prepare<[], { receipt: string }>(sql('')).all();
  // Passed on as the city signed them: the ward checks each against the city's key.
  return rows.map((r): unknown => JSON.parse(r.receipt));
}

function failNoKey(): never {
  throw new AppError('keys.passphrase_needed');
}
