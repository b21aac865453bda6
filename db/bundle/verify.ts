/**
 * Decides whether a bundle can be believed: its manifest, its signer, every entry's hash, and
 * that every row it carries belongs to the organisation that signed it. Nothing is applied here.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { verify } from '../keys/ed25519';
import { CITY_ONLY_TABLES, columnsOf, isOwnedTable, WARD_ONLY_TABLES, type OwnedTableName } from '../owned-tables';
import {
  BLOB_PREFIX,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  CHANGES_NAME,
  changeSchema,
  manifestSchema,
  MANIFEST_NAME,
  ORGS_NAME,
  RECEIPTS_NAME,
  SIGNATURE_NAME,
  type Manifest,
} from './format';
import type { RawBundle } from './reader';

export interface TrustedKeyInfo {
  keyId: string;
  orgCode: string;
  publicKey: string;
  revokedAt: string | null;
}

export interface VerifiedChange {
  seq: number;
  table: OwnedTableName;
  row: Record<string, string | number | null>;
}

export interface VerifiedBundle {
  manifest: Manifest;
  manifestSha256: string;
  changes: VerifiedChange[];
  blobs: Map<string, Buffer>;
  orgs: unknown;
  receipts: unknown;
  signer: TrustedKeyInfo;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Reads the manifest far enough to say who sent it, for messages and quarantine, without trusting it. */
export function peekManifest(raw: RawBundle): Partial<Manifest> | null {
  try {
    const m = raw.entries.get(MANIFEST_NAME);
    return m ? (JSON.parse(m.toString('utf8')) as Partial<Manifest>) : null;
  } catch {
    return null;
  }
}

function parseManifest(file: string, bytes: Buffer | undefined): Manifest {
  if (!bytes) throw new AppError('bundle.not_a_bundle', { file });
  let obj: unknown;
  try {
    obj = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new AppError('bundle.bad_manifest', { file, reason: 'JSON' });
  }
  const o = obj as { format?: unknown; version?: unknown };
  if (!o || typeof o !== 'object' || o.format !== BUNDLE_FORMAT) throw new AppError('bundle.not_a_bundle', { file });
  if (typeof o.version === 'number' && o.version > BUNDLE_VERSION) {
    throw new AppError('bundle.future_version', { file, version: o.version, supported: BUNDLE_VERSION });
  }
  const parsed = manifestSchema.safeParse(obj);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bundle.bad_manifest', { file, reason: `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() });
  }
  const m = parsed.data;
  const kindOk = m.kind === 'catalog' ? m.ownerKind === 'city' : m.ownerKind === 'ward';
  if (!kindOk || m.seqFrom > m.seqTo) throw new AppError('bundle.bad_manifest', { file, reason: 'kind/seq' });
  return m;
}

function checkRow(file: string, m: Manifest, table: OwnedTableName, row: Record<string, unknown>): void {
  if (row.owner !== m.owner) throw new AppError('bundle.not_owner', { file, owner: m.owner, table, rowOwner: String(row.owner) });
  if (m.ownerKind === 'ward' && CITY_ONLY_TABLES.has(table)) throw new AppError('bundle.not_owner', { file, owner: m.owner, table, rowOwner: String(row.owner) });
  if (m.ownerKind === 'city' && WARD_ONLY_TABLES.has(table)) throw new AppError('bundle.not_owner', { file, owner: m.owner, table, rowOwner: String(row.owner) });
  const cols = columnsOf(table);
  const known = new Set(cols.map((c) => c.name));
  for (const k of Object.keys(row)) if (!known.has(k)) throw new AppError('bundle.bad_row', { file, table, reason: `column ${k}` });
  for (const c of cols) {
    const v = row[c.name];
    // A column left out takes the schema's default when it has one; an explicit null never fills a NOT NULL column.
    if (v === undefined && (!c.notNull || c.defaultValue !== null)) continue;
    if (v === null || v === undefined) {
      if (c.notNull) throw new AppError('bundle.bad_row', { file, table, reason: `${c.name} null` });
      continue;
    }
    const ok = c.kind === 'text' ? typeof v === 'string' : c.kind === 'integer' ? Number.isInteger(v) : typeof v === 'number' && Number.isFinite(v);
    if (!ok) throw new AppError('bundle.bad_row', { file, table, reason: `${c.name} type` });
  }
  if (typeof row.id !== 'string' || !/^[0-9a-f-]{36}$/.test(row.id)) throw new AppError('bundle.bad_row', { file, table, reason: 'id' });
}

function parseChanges(file: string, m: Manifest, bytes: Buffer | undefined): VerifiedChange[] {
  if (!bytes) return [];
  const out: VerifiedChange[] = [];
  const lines = bytes.toString('utf8').split('\n');
  for (const line of lines) {
    if (line === '') continue;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      throw new AppError('bundle.bad_row', { file, table: '-', reason: 'JSON' });
    }
    const c = changeSchema.safeParse(obj);
    if (!c.success) throw new AppError('bundle.bad_row', { file, table: '-', reason: c.error.issues[0]?.message ?? 'shape' });
    if (!isOwnedTable(c.data.table)) throw new AppError('bundle.bad_row', { file, table: c.data.table, reason: 'table' });
    if (c.data.seq < m.seqFrom || c.data.seq > m.seqTo) throw new AppError('bundle.bad_row', { file, table: c.data.table, reason: 'seq' });
    checkRow(file, m, c.data.table, c.data.row);
    out.push({ seq: c.data.seq, table: c.data.table, row: c.data.row });
  }
  if (out.length !== m.counts.changes) throw new AppError('bundle.bad_manifest', { file, reason: 'counts.changes' });
  return out;
}

export function verifyBundle(file: string, raw: RawBundle, lookupKey: (keyId: string) => TrustedKeyInfo | undefined): VerifiedBundle {
  const manifestBytes = raw.entries.get(MANIFEST_NAME);
  const m = parseManifest(file, manifestBytes);
  const sig = raw.entries.get(SIGNATURE_NAME);
  if (!sig) throw new AppError('bundle.unsigned', { file });

  const key = lookupKey(m.keyId);
  if (!key) throw new AppError('bundle.unknown_key', { file, keyId: m.keyId, owner: m.owner });
  if (key.orgCode !== m.owner) throw new AppError('bundle.key_owner_mismatch', { file, keyId: m.keyId, owner: m.owner, keyOwner: key.orgCode });
  if (key.revokedAt) throw new AppError('bundle.revoked_key', { file, keyId: m.keyId, owner: m.owner, revokedAt: key.revokedAt });
  if (!verify(key.publicKey, manifestBytes!, sig.toString('utf8').trim())) throw new AppError('bundle.bad_signature', { file, owner: m.owner });

  // From here the manifest is the signer's word: every entry must match it exactly.
  const listed = new Set<string>();
  for (const e of m.entries) {
    if (listed.has(e.path) || e.path === MANIFEST_NAME || e.path === SIGNATURE_NAME) throw new AppError('bundle.bad_manifest', { file, reason: `entry ${e.path}` });
    listed.add(e.path);
    const data = raw.entries.get(e.path);
    if (!data) throw new AppError('bundle.missing_entry', { file, entry: e.path });
    if (data.length !== e.size || sha256(data) !== e.sha256) throw new AppError('bundle.hash_mismatch', { file, entry: e.path });
  }
  for (const name of raw.entries.keys()) {
    if (name !== MANIFEST_NAME && name !== SIGNATURE_NAME && !listed.has(name)) throw new AppError('bundle.unlisted_entry', { file, entry: name });
  }

  const blobs = new Map<string, Buffer>();
  for (const [name, data] of raw.entries) {
    if (!name.startsWith(BLOB_PREFIX)) continue;
    const hash = name.slice(BLOB_PREFIX.length);
    if (sha256(data) !== hash) throw new AppError('bundle.hash_mismatch', { file, entry: name });
    blobs.set(hash, data);
  }
  if (blobs.size !== m.counts.blobs) throw new AppError('bundle.bad_manifest', { file, reason: 'counts.blobs' });

  const parseJson = (name: string): unknown => {
    const b = raw.entries.get(name);
    if (!b) return null;
    try {
      return JSON.parse(b.toString('utf8'));
    } catch {
      throw new AppError('bundle.bad_manifest', { file, reason: name });
    }
  };
  if (m.kind !== 'catalog' && (raw.entries.has(ORGS_NAME) || raw.entries.has(RECEIPTS_NAME))) {
    throw new AppError('bundle.unexpected_entry', { file, entry: ORGS_NAME });
  }
  return {
    manifest: m,
    manifestSha256: sha256(manifestBytes!),
    changes: parseChanges(file, m, raw.entries.get(CHANGES_NAME)),
    blobs,
    orgs: parseJson(ORGS_NAME),
    receipts: parseJson(RECEIPTS_NAME),
    signer: key,
  };
}
