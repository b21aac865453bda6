/**
 * Receiving a bundle, at the city (a ward's changes) or at a ward (the city's catalog). Strict:
 * everything is verified before anything is applied, and a bundle applies whole, in one
 * transaction, or not at all. Idempotent: the same bundle twice changes nothing. Order-tolerant:
 * a bundle whose predecessor has not arrived waits, and the status says which sequence is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ApiError } from '../../shared/api/contract';
import type { ImportOutcome } from '../../shared/api/sync-types';
import { AppError } from '../../shared/errors';
import { putBlob } from '../blobs';
import { ROTATION_NAME } from '../bundle/format';
import { readBundleEntries, type RawBundle } from '../bundle/reader';
import { peekManifest, verifyBundle, type TrustedKeyInfo, type VerifiedBundle } from '../bundle/verify';
import { getMeta } from '../database';
import { verifyRotation } from '../keys/rotation';
import type { KeyStore, StoredKey } from '../keys/key-store';
import { keyIdOf } from '../keys/ed25519';
import type { Session } from '../session';
import { upsertOrg } from '../services/setup';
import { applyRemoteRow, audit, readRow } from '../write';
import { toApiError } from '../../shared/api/errors';
import { ensureKey } from './identity';
import { signReceipt, verifyReceipt, type Receipt } from './receipts';

export type { ImportOutcome };
import { lookupTrustedKey, revokeKey, trustKey } from './trust';

export function sideFolders(s: Session): { pending: string; quarantine: string } {
  return { pending: `${s.db.path}.pending`, quarantine: `${s.db.path}.quarantine` };
}


/** A key the city does not know yet, vouched for by a key it does: a rotation statement inside the bundle. */
function rotatedKey(s: Session, raw: RawBundle, keyId: string): TrustedKeyInfo | undefined {
  const m = peekManifest(raw);
  const stmtBytes = raw.entries.get(ROTATION_NAME);
  if (!m || !stmtBytes) return undefined;
  let stmt: { oldKeyId?: string; newKeyId?: string; newPublicKey?: string };
  try {
    stmt = JSON.parse(stmtBytes.toString('utf8')) as typeof stmt;
  } catch {
    return undefined;
  }
  if (stmt.newKeyId !== keyId || !stmt.oldKeyId || !stmt.newPublicKey) return undefined;
  const old = lookupTrustedKey(s, stmt.oldKeyId);
  if (!old || old.revokedAt || old.orgCode !== m.owner || !verifyRotation(stmt, old.publicKey)) return undefined;
  return { keyId, orgCode: old.orgCode, publicKey: stmt.newPublicKey, revokedAt: null };
}

interface OriginState {
  lastSeq: number;
}

function originState(s: Session, origin: string): OriginState {
  const r = s.db.sqlite.prepare('SELECT last_seq AS lastSeq FROM origin_state WHERE origin = ?').get(origin) as OriginState | undefined;
  return r ?? { lastSeq: 0 };
}

function blank(file: string): ImportOutcome {
  return { file, status: 'refused', bundleId: null, owner: null, seqFrom: null, seqTo: null, applied: 0, missing: null, receipt: null, acknowledged: [], error: null, released: [] };
}

function quarantine(s: Session, file: string, error: ApiError): void {
  try {
    const dir = sideFolders(s).quarantine;
    fs.mkdirSync(dir, { recursive: true });
    const stamp = s.now().replace(/[:.]/g, '-');
    const base = `${stamp}_${path.basename(file)}`;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) fs.copyFileSync(file, path.join(dir, base));
    fs.writeFileSync(path.join(dir, `${base}.reason.json`), `${JSON.stringify({ file, at: s.now(), ...error }, null, 2)}\n`);
  } catch {
    // Quarantine is a courtesy for later inspection; failing to keep a copy must not hide the refusal.
  }
}

function checkAudience(s: Session, file: string, v: VerifiedBundle): void {
  const m = v.manifest;
  if (s.role === 'city') {
    if (m.ownerKind !== 'ward') throw new AppError('bundle.wrong_direction', { file });
  } else {
    if (m.ownerKind !== 'city' || m.owner !== getMeta(s.db, 'city_code')) throw new AppError('bundle.wrong_direction', { file });
  }
}

/** Writes the verified rows; throws (and so rolls back) on any row the signer does not own here. */
function applyRows(s: Session, file: string, v: VerifiedBundle, lastSeq: number): number {
  const m = v.manifest;
  let n = 0;
  for (const c of v.changes) {
    if (c.seq <= lastSeq) continue;
    const existing = readRow(s, c.table, String(c.row.id));
    if (existing && existing.owner !== m.owner) {
      throw new AppError('bundle.not_owner', { file, owner: m.owner, table: c.table, rowOwner: String(existing.owner) });
    }
    applyRemoteRow(s, m.origin, c.seq, c.table, c.row, s.now());
    n++;
  }
  return n;
}

function acknowledge(s: Session, v: VerifiedBundle): string[] {
  const list = z.array(z.unknown()).safeParse(v.receipts);
  if (!list.success) return [];
  const done: string[] = [];
  for (const obj of list.data) {
    const r = verifyReceipt(obj, v.signer.publicKey);
    if (!r || r.wardCode !== s.orgCode) continue;
    const res = s.db.sqlite
      .prepare('UPDATE bundle_out SET acknowledged_at = ?, receipt = ? WHERE bundle_id = ? AND manifest_sha256 = ? AND acknowledged_at IS NULL')
      .run(r.appliedAt, JSON.stringify(r), r.bundleId, r.manifestSha256);
    if (res.changes > 0) done.push(r.bundleId);
  }
  return done;
}

const orgsSchema = z.array(z.object({ code: z.string().min(1).max(64), kind: z.enum(['city', 'ward']), name: z.string().max(300), parentCode: z.string().nullable() }));

async function importVerified(s: Session, file: string, raw: RawBundle, v: VerifiedBundle, opts: ImportOptions): Promise<ImportOutcome> {
  const m = v.manifest;
  const out: ImportOutcome = { ...blank(file), bundleId: m.bundleId, owner: m.owner, seqFrom: m.seqFrom, seqTo: m.seqTo };
  const seen = s.db.sqlite.prepare("SELECT status, receipt FROM bundle_in WHERE bundle_id = ?").get(m.bundleId) as { status: string; receipt: string | null } | undefined;
  if (seen?.status === 'applied') {
    return { ...out, status: 'duplicate', receipt: seen.receipt ? (JSON.parse(seen.receipt) as Receipt) : null };
  }
  const state = originState(s, m.origin);
  if (m.kind === 'changes' && m.seqFrom > state.lastSeq + 1) {
    // Keep a verified copy and wait: the missing bundle may still be on another stick.
    const dir = sideFolders(s).pending;
    fs.mkdirSync(dir, { recursive: true });
    const stored = path.join(dir, `${m.bundleId}.wpb`);
    if (!fs.existsSync(stored)) fs.copyFileSync(file, stored);
    s.db.sqlite
      .prepare(
        `INSERT INTO bundle_in (bundle_id, origin, owner, kind, seq_from, seq_to, manifest_sha256, prev_manifest_sha256, key_id, status, received_at, stored_path)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT(bundle_id) DO NOTHING`,
      )
      .run(m.bundleId, m.origin, m.owner, m.kind, m.seqFrom, m.seqTo, v.manifestSha256, m.prevManifestSha256, m.keyId, s.now(), stored);
    return { ...out, status: 'pending', missing: { from: state.lastSeq + 1, to: m.seqFrom - 1 } };
  }

  const cityKey = s.role === 'city' ? (opts.cityKey ?? (await ensureKey(s, opts.store ?? failNoStore()))) : null;
  // Blobs first: they are content-addressed, so a copy left by a failed import is harmless.
  for (const data of v.blobs.values()) await putBlob(s.db.blobDir, data);

  const result = s.db.sqlite.transaction(() => {
    s.db.sqlite.pragma('defer_foreign_keys = ON');
    if (!lookupTrustedKey(s, m.keyId)) {
      // A rotated key, proven by the old one: trust it from now on and retire the old one.
      const stmt = JSON.parse(raw.entries.get(ROTATION_NAME)!.toString('utf8')) as { oldKeyId: string };
      trustKey(s, m.owner, v.signer.publicKey, keyIdOf(v.signer.publicKey), stmt);
      revokeKey(s, stmt.oldKeyId, 'rotated');
    }
    const applied = applyRows(s, file, v, state.lastSeq);
    if (m.kind === 'catalog') {
      const orgs = orgsSchema.safeParse(v.orgs ?? []);
      if (orgs.success) for (const o of orgs.data) upsertOrg(s.db, o.code, o.kind, o.name, o.parentCode, s.now());
    }
    s.db.sqlite
      .prepare(
        `INSERT INTO origin_state (origin, owner, last_seq, last_manifest_sha256, last_received_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(origin) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq), last_manifest_sha256 = excluded.last_manifest_sha256,
           last_received_at = excluded.last_received_at`,
      )
      .run(m.origin, m.owner, m.seqTo, v.manifestSha256, s.now());
    const receipt = cityKey
      ? signReceipt(cityKey, {
          cityCode: s.orgCode,
          cityKeyId: cityKey.keyId,
          wardCode: m.owner,
          bundleId: m.bundleId,
          manifestSha256: v.manifestSha256,
          origin: m.origin,
          seqFrom: m.seqFrom,
          seqTo: m.seqTo,
          changes: m.counts.changes,
          appliedAt: s.now(),
        })
      : null;
    s.db.sqlite
      .prepare(
        `INSERT INTO bundle_in (bundle_id, origin, owner, kind, seq_from, seq_to, manifest_sha256, prev_manifest_sha256, key_id, status, received_at, applied_at, receipt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'applied', ?, ?, ?)
         ON CONFLICT(bundle_id) DO UPDATE SET status = 'applied', applied_at = excluded.applied_at, receipt = excluded.receipt, stored_path = NULL`,
      )
      .run(m.bundleId, m.origin, m.owner, m.kind, m.seqFrom, m.seqTo, v.manifestSha256, m.prevManifestSha256, m.keyId, s.now(), s.now(), receipt ? JSON.stringify(receipt) : null);
    const acknowledged = m.kind === 'catalog' ? acknowledge(s, v) : [];
    audit(s, 'bundle.import', 'bundle', m.bundleId, { owner: m.owner, seqFrom: m.seqFrom, seqTo: m.seqTo, applied });
    return { applied, receipt, acknowledged };
  });
  let r: ReturnType<typeof result>;
  try {
    r = result.immediate();
  } catch (e) {
    if (e instanceof Error && /FOREIGN KEY/i.test(e.message)) throw new AppError('bundle.dangling_reference', { file });
    throw e;
  }
  return { ...out, status: 'applied', applied: r.applied, receipt: r.receipt, acknowledged: r.acknowledged };
}

function failNoStore(): never {
  throw new AppError('keys.passphrase_needed');
}

async function releasePending(s: Session, origin: string, opts: ImportOptions): Promise<ImportOutcome[]> {
  const out: ImportOutcome[] = [];
  for (;;) {
    const state = originState(s, origin);
    const next = s.db.sqlite
      .prepare("SELECT bundle_id, stored_path FROM bundle_in WHERE origin = ? AND status = 'pending' AND seq_from <= ? ORDER BY seq_from LIMIT 1")
      .get(origin, state.lastSeq + 1) as { bundle_id: string; stored_path: string } | undefined;
    if (!next) return out;
    const r = await importBundle(s, next.stored_path, { ...opts, quarantine: false });
    if (r.status !== 'applied') {
      s.db.sqlite.prepare('DELETE FROM bundle_in WHERE bundle_id = ?').run(next.bundle_id);
      out.push(r);
      continue;
    }
    fs.rmSync(next.stored_path, { force: true });
    out.push(r);
  }
}

export interface ImportOptions {
  store?: KeyStore | undefined;
  /**
   * The city's key, already unlocked: a batch import signs every receipt with it instead of running
   * scrypt again for each bundle (which would be most of the time per bundle).
   */
  cityKey?: StoredKey | undefined;
  quarantine?: boolean | undefined;
}

export async function importBundle(s: Session, file: string, opts: ImportOptions = {}): Promise<ImportOutcome> {
  let raw: RawBundle | null = null;
  try {
    raw = await readBundleEntries(file);
    const bundleRaw = raw;
    const v = verifyBundle(file, raw, (keyId) => lookupTrustedKey(s, keyId) ?? rotatedKey(s, bundleRaw, keyId));
    checkAudience(s, file, v);
    const outcome = await importVerified(s, file, raw, v, opts);
    if (outcome.status === 'applied') outcome.released = await releasePending(s, v.manifest.origin, opts);
    return outcome;
  } catch (e) {
    const error = toApiError(e);
    if (opts.quarantine !== false && error.code !== 'keys.passphrase_needed' && error.code !== 'keys.wrong_passphrase_or_corrupt') quarantine(s, file, error);
    const m = raw ? peekManifest(raw) : null;
    return { ...blank(file), bundleId: typeof m?.bundleId === 'string' ? m.bundleId : null, owner: typeof m?.owner === 'string' ? m.owner : null, error };
  }
}

/** Every bundle file in the given files and folders (a USB stick's root, say), oldest sequence first. */
export function collectBundleFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new AppError('file.not_found', { path: p });
    if (fs.statSync(p).isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (name.toLowerCase().endsWith('.wpb') && !name.startsWith('.')) files.push(path.join(p, name));
      }
    } else files.push(p);
  }
  return files;
}
