/**
 * Receiving a bundle, at the city (a ward's changes) or at a ward (the city's catalog). Strict:
 * everything is verified before anything is applied, and a bundle applies whole, in one
 * transaction, or not at all. Idempotent: the same bundle twice changes nothing. Order-tolerant:
 * a bundle whose predecessor has not arrived waits, and the status says which sequence is missing.
 * Each origin (installation) belongs to one organisation: the one whose key signed the first
 * bundle applied from it; no one else may ever write under it, and no one may write under ours.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ApiError } from '../../shared/api/contract';
import type { ImportOutcome } from '../../shared/api/sync-types';
import { AppError } from '../../shared/errors';
import { blobPath } from '../blobs';
import { DEFAULT_LIMITS, MANIFEST_NAME, type Manifest } from '../bundle/format';
import { openBundle, type BundleArchive } from '../bundle/reader';
import { REFERENCES, referencedIds } from '../bundle/row-rules';
import { peekManifest, verifyBundle, type OpenOptions, type TrustedKeyInfo, type VerifiedBundle } from '../bundle/verify';
import { getMeta } from '../database';
import { verifyRotation } from '../keys/rotation';
import { rotationStatementSchema } from '../keys/schemas';
import type { KeyStore, SealingKey, StoredKey } from '../keys/key-store';
import type { OwnedTableName } from '../owned-tables';
import type { Session } from '../session';
import { upsertOrg } from '../services/setup';
import { applyRemoteRow, audit, readRow } from '../write';
import { toApiError } from '../../shared/api/errors';
import { refreshProgressFacts } from '../progress-facts';
import { resolveRefsFor } from './compact-refs';
import { ensureKey } from './identity';
import { compactAfterAcknowledgement } from './compact';
import { signReceipt, verifyReceipt, type Receipt } from './receipts';

export type { ImportOutcome };
import { lookupTrustedKey, revokeKey, trustKey } from './trust';

export function sideFolders(s: Session): { pending: string; quarantine: string; incoming: string } {
  return { pending: `${s.db.path}.pending`, quarantine: `${s.db.path}.quarantine`, incoming: `${s.db.path}.incoming` };
}

/** A key the city does not know yet, vouched for by a key it does: a rotation statement inside the bundle. */
export function rotatedKey(s: Session, keyId: string, owner: string, statement: Buffer | undefined): TrustedKeyInfo | undefined {
  let json: unknown;
  try {
    // No statement reads as "undefined", which is not JSON either.
    json = JSON.parse(String(statement));
  } catch {
    return undefined;
  }
  const stmt = rotationStatementSchema.safeParse(json);
  if (!stmt.success || stmt.data.newKeyId !== keyId) return undefined;
  const old = lookupTrustedKey(s, stmt.data.oldKeyId);
  if (!old || old.revokedAt || old.orgCode !== owner || !verifyRotation(stmt.data, old.publicKey)) return undefined;
  return { keyId, orgCode: old.orgCode, publicKey: stmt.data.newPublicKey, revokedAt: null };
}

function lastSeqOf(s: Session, origin: string): number {
  const r = s.db.sqlite.prepare('SELECT last_seq AS n FROM origin_state WHERE origin = ?').get(origin) as { n: number } | undefined;
  return r?.n ?? 0;
}

function blank(file: string): ImportOutcome {
  return {
    file,
    status: 'refused',
    bundleId: null,
    owner: null,
    seqFrom: null,
    seqTo: null,
    applied: 0,
    missing: null,
    receipt: null,
    acknowledged: [],
    error: null,
    released: [],
  };
}

/** SHA-256 of a file read in slices, so even the largest file accepted costs no memory. */
function fileSha256(file: string): string {
  const hash = createHash('sha256');
  // Stryker disable next-line ArithmeticOperator: any slice size gives the same hash; this one reads a large file quickly
  const buf = Buffer.alloc(1024 * 1024);
  const fd = fs.openSync(file, 'r');
  try {
    for (let n = fs.readSync(fd, buf); n > 0; n = fs.readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Keeps the reason a file was refused, with its size and hash, for later inspection. The file
 * itself is kept only when small; one over the reading limit is not even hashed, since it was
 * refused by its size without being read.
 */
export function quarantine(s: Session, file: string, error: ApiError): void {
  try {
    const dir = sideFolders(s).quarantine;
    fs.mkdirSync(dir, { recursive: true });
    // Stryker disable next-line StringLiteral: any replacement keeps ':' out of the name, which is what matters
    const base = `${s.now().replace(/[:.]/g, '-')}_${path.basename(file)}`;
    const st = fs.statSync(file, { throwIfNoEntry: false });
    const size = st?.isFile() ? st.size : null;
    // Stryker disable next-line EqualityOperator: a file of exactly the limit would have to be read whole (1 GiB) to tell
    const sha256 = size !== null && size <= DEFAULT_LIMITS.maxFileBytes ? fileSha256(file) : null;
    // Stryker disable next-line EqualityOperator: a file of exactly the copy limit (64 MiB) is all that tells
    const kept = size !== null && size <= DEFAULT_LIMITS.maxQuarantineCopyBytes;
    if (kept) fs.copyFileSync(file, path.join(dir, base));
    fs.writeFileSync(path.join(dir, `${base}.reason.json`), `${JSON.stringify({ file, at: s.now(), size, sha256, kept, ...error }, null, 2)}\n`);
  } catch {
    // Quarantine is a courtesy for later inspection; failing to keep a copy must not hide the refusal.
  }
}

export function checkAudience(s: Session, file: string, v: VerifiedBundle): void {
  const m = v.manifest;
  const fromCity = m.ownerKind === 'city';
  if (s.role === 'city' ? fromCity : !fromCity || m.owner !== getMeta(s.db, 'city_code')) throw new AppError('bundle.wrong_direction', { file });
}

/**
 * An origin is this installation's own (never written from outside), bound to another
 * organisation (refused), or new. Origins are bound when the city approves an enrollment that
 * names one, so a new origin is taken from a bundle only for an organisation with none bound yet
 * (enrolled before requests named their installation) or with the bundle that brings a rotated
 * key (a ward moved to a new computer); it is then bound, when the bundle applies, to its signer.
 */
function checkOrigin(s: Session, file: string, m: VerifiedBundle['manifest']): void {
  if (m.origin === s.installationId) throw new AppError('bundle.origin_own', { file, origin: m.origin, owner: m.owner });
  const bound = s.db.sqlite.prepare('SELECT org_code AS org FROM origin_registry WHERE origin = ?').get(m.origin) as { org: string } | undefined;
  if (bound && bound.org !== m.owner) throw new AppError('bundle.origin_taken', { file, origin: m.origin, owner: m.owner, originOwner: bound.org });
  // Asked only for an origin not bound yet: nothing indexes the registry by organisation.
  const others = () => s.db.sqlite.prepare('SELECT 1 FROM origin_registry WHERE org_code = ? LIMIT 1').get(m.owner);
  if (m.ownerKind === 'ward' && !bound && others() && lookupTrustedKey(s, m.keyId))
    throw new AppError('bundle.origin_unknown', { file, origin: m.origin, owner: m.owner });
}

/**
 * Writes the verified rows; throws (and so rolls back) on any row the signer does not own here.
 * The write itself leaves another owner's row as it is (applyRemoteRow), so a row is read only to
 * name its owner in the refusal.
 */
function applyRows(s: Session, file: string, v: VerifiedBundle, lastSeq: number): VerifiedBundle['changes'] {
  const m = v.manifest;
  const applied = v.changes.filter((c) => c.seq > lastSeq);
  const at = s.now();
  for (const c of applied) {
    if (!applyRemoteRow(s, m.origin, c.seq, c.table, c.row, at)) {
      const existing = readRow(s, c.table, String(c.row.id));
      throw new AppError('bundle.not_owner', { file, owner: m.owner, table: c.table, rowOwner: String(existing?.owner) });
    }
  }
  return applied;
}

/** The owner of every row the written rows point at, by table and id: one query per table, not one per reference. */
function ownersOfTargets(s: Session, applied: VerifiedBundle['changes']): Map<string, string> {
  const wanted = new Map<OwnedTableName, Set<string>>();
  for (const c of applied) {
    for (const [column, target] of REFERENCES[c.table]) {
      for (const id of referencedIds(column, c.row[column])) {
        let ids = wanted.get(target);
        if (!ids) wanted.set(target, (ids = new Set()));
        ids.add(id);
      }
    }
  }
  const owners = new Map<string, string>();
  for (const [table, ids] of wanted) {
    const rows = s.db.sqlite.prepare(`SELECT id, owner FROM "${table}" WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...ids])) as {
      id: string;
      owner: string;
    }[];
    for (const r of rows) owners.set(`${table} ${r.id}`, r.owner);
  }
  return owners;
}

/**
 * A row may point only at rows of its own owner or at the city's catalog: a ward's progress on
 * another ward's task would change that ward's figures. Runs after the whole bundle is written,
 * since a bundle may carry a row before the one it points at. A missing target is left to the
 * foreign keys, checked at commit, unless `dangling`: then it is refused here, with the foreign
 * keys' own refusal, after every reference was checked (so the refusal is the one commit would give).
 */
function checkReferences(s: Session, file: string, owner: string, applied: VerifiedBundle['changes'], dangling: boolean): void {
  // Both a city's and a ward's database name the city in city_code.
  const allowed = new Set([owner, getMeta(s.db, 'city_code')]);
  let missing = false;
  const owners = ownersOfTargets(s, applied);
  for (const c of applied) {
    for (const [column, target] of REFERENCES[c.table]) {
      for (const id of referencedIds(column, c.row[column])) {
        const to = owners.get(`${target} ${id}`);
        if (to === undefined) {
          if (column === 'partner_unit_ids') throw new AppError('bundle.dangling_reference', { file, table: c.table, reason: `${column} ${id}` });
          missing = true;
          continue;
        }
        if (!allowed.has(to)) {
          throw new AppError('bundle.foreign_reference', { file, owner, table: c.table, column, target, rowOwner: to });
        }
      }
    }
  }
  if (missing && dangling) throw new AppError('bundle.dangling_reference', { file, table: '-', reason: 'FOREIGN KEY' });
}

const receiptListSchema = z.array(z.unknown());

function acknowledge(s: Session, v: VerifiedBundle): string[] {
  // A ward's bundle carries no receipts: nothing to read (the verifier refuses them there).
  if (v.receipts === null || v.receipts === undefined) return [];
  const list = receiptListSchema.safeParse(v.receipts);
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

const orgsSchema = z.array(
  z.object({ code: z.string().min(1).max(64), kind: z.enum(['city', 'ward']), name: z.string().max(300), parentCode: z.string().nullable() }),
);

/** Moves the verified evidence files from the staging folder into the store (same disk: a rename). */
function adoptBlobs(s: Session, blobs: Map<string, string>): void {
  for (const [hash, staged] of blobs) {
    const target = blobPath(s.db.blobDir, hash);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Stryker disable next-line ConditionalExpression: renaming onto a blob already there replaces the same bytes
    if (!fs.existsSync(target)) fs.renameSync(staged, target);
  }
}

/** SQLite's own walls (foreign keys, CHECK rules, unique keys) turned into the bundle's refusal. */
function constraintError(file: string, e: unknown): unknown {
  const { code, message } = e as { code?: unknown; message?: unknown };
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new AppError('bundle.dangling_reference', { file, table: '-', reason: 'FOREIGN KEY' });
  if (String(code).startsWith('SQLITE_CONSTRAINT')) return new AppError('bundle.bad_row', { file, table: '-', reason: String(message) });
  return e;
}

/** What decides a bundle goes no further (a duplicate, or one waiting for its predecessor), before anything is written. */
function admit(s: Session, file: string, v: VerifiedBundle): { outcome: ImportOutcome } | { lastSeq: number } {
  const m = v.manifest;
  const out: ImportOutcome = { ...blank(file), bundleId: m.bundleId, owner: m.owner, seqFrom: m.seqFrom, seqTo: m.seqTo };
  checkOrigin(s, file, m);
  const seen = s.db.sqlite
    .prepare('SELECT status, receipt, manifest_sha256 AS sha FROM bundle_in WHERE owner = ? AND bundle_id = ?')
    .get(m.owner, m.bundleId) as { status: string; receipt: string | null; sha: string } | undefined;
  if (seen && seen.sha !== v.manifestSha256) throw new AppError('bundle.id_reused', { file, bundleId: m.bundleId, owner: m.owner });
  // Stryker disable next-line ConditionalExpression: JSON.parse(null) is null too
  if (seen?.status === 'applied') return { outcome: { ...out, status: 'duplicate', receipt: seen.receipt ? (JSON.parse(seen.receipt) as Receipt) : null } };
  const lastSeq = lastSeqOf(s, m.origin);
  if (m.seqFrom > lastSeq + 1) {
    // Keep a verified copy and wait: the missing bundle may still be on another stick.
    const dir = sideFolders(s).pending;
    fs.mkdirSync(dir, { recursive: true });
    const stored = path.join(dir, `${m.bundleId}-${v.manifestSha256}.wpb`);
    // Stryker disable next-line ConditionalExpression: copying the same verified file again leaves the same bytes
    if (!fs.existsSync(stored)) fs.copyFileSync(file, stored);
    s.db.sqlite
      .prepare(
        `INSERT INTO bundle_in (bundle_id, origin, owner, kind, seq_from, seq_to, manifest_sha256, prev_manifest_sha256, key_id, status, received_at, stored_path)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT(owner, bundle_id) DO NOTHING`,
      )
      .run(m.bundleId, m.origin, m.owner, m.kind, m.seqFrom, m.seqTo, v.manifestSha256, m.prevManifestSha256, m.keyId, s.now(), stored);
    return { outcome: { ...out, status: 'pending', missing: { from: lastSeq + 1, to: m.seqFrom - 1 } } };
  }
  return { lastSeq };
}

async function importVerified(s: Session, file: string, v: VerifiedBundle, opts: ImportOptions): Promise<ImportOutcome> {
  const a = admit(s, file, v);
  if ('outcome' in a) return a.outcome;
  const cityKey = s.role === 'city' ? (opts.cityKey ?? (await ensureKey(s, opts.store ?? failNoStore()))) : null;
  return applyVerified(s, file, v, a.lastSeq, cityKey);
}

/**
 * Receives a verified bundle with the city's key already at hand (null at a ward), without
 * waiting on anything: inside a caller's transaction its own transaction is a savepoint, so a
 * refused bundle rolls back alone. The foreign keys are only checked when that caller commits, too
 * late to refuse just this bundle, so its rows' references to nothing are refused here instead.
 */
export function receiveVerified(s: Session, file: string, v: VerifiedBundle, cityKey: StoredKey | null): ImportOutcome {
  const a = admit(s, file, v);
  return 'outcome' in a ? a.outcome : applyVerified(s, file, v, a.lastSeq, cityKey, true);
}

function applyVerified(s: Session, file: string, v: VerifiedBundle, lastSeq: number, cityKey: StoredKey | null, dangling = false): ImportOutcome {
  const m = v.manifest;
  const out: ImportOutcome = { ...blank(file), bundleId: m.bundleId, owner: m.owner, seqFrom: m.seqFrom, seqTo: m.seqTo };
  // Blobs first: they are content-addressed, so a copy left by a failed import is harmless.
  adoptBlobs(s, v.blobs);

  const nested = s.db.sqlite.inTransaction;
  const result = s.db.sqlite.transaction(() => {
    s.db.sqlite.prepare('PRAGMA defer_foreign_keys = ON').run();
    if (!lookupTrustedKey(s, m.keyId)) {
      // A rotated key, proven by the old one: trust it from now on and retire the old one.
      // The statement that vouched for the key while it was verified, read again with its schema.
      const stmt = rotationStatementSchema.parse(v.rotation);
      trustKey(s, m.owner, v.signer.publicKey, m.keyId, stmt);
      revokeKey(s, stmt.oldKeyId, 'rotated');
    }
    s.db.sqlite
      .prepare('INSERT INTO origin_registry (origin, org_code, registered_at, key_id) VALUES (?, ?, ?, ?) ON CONFLICT(origin) DO NOTHING')
      .run(m.origin, m.owner, s.now(), m.keyId);
    const rows = applyRows(s, file, v, lastSeq);
    checkReferences(s, file, m.owner, rows, dangling);
    // Only a catalog carries organisations and receipts (the verifier refuses them in a ward's bundle).
    const orgs = orgsSchema.safeParse(v.orgs);
    if (orgs.success) for (const o of orgs.data) upsertOrg(s.db, o.code, o.kind, o.name, o.parentCode, s.now());
    s.db.sqlite
      .prepare(
        `INSERT INTO origin_state (origin, owner, last_seq, last_manifest_sha256, last_received_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(origin) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq), last_manifest_sha256 = excluded.last_manifest_sha256,
           last_received_at = excluded.last_received_at`,
      )
      .run(m.origin, m.owner, m.seqTo, v.manifestSha256, s.now());
    // The receipt names what this bundle really changed here: rows already applied from an earlier bundle are not counted.
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
          changes: rows.length,
          appliedAt: s.now(),
        })
      : null;
    s.db.sqlite
      .prepare(
        `INSERT INTO bundle_in (bundle_id, origin, owner, kind, seq_from, seq_to, manifest_sha256, prev_manifest_sha256, key_id, status, received_at, applied_at, receipt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'applied', ?, ?, ?)
         ON CONFLICT(owner, bundle_id) DO UPDATE SET status = 'applied', applied_at = excluded.applied_at, receipt = excluded.receipt, stored_path = NULL`,
      )
      // Stryker disable next-line ConditionalExpression: a stored "null" reads back as no receipt all the same
      .run(
        m.bundleId,
        m.origin,
        m.owner,
        m.kind,
        m.seqFrom,
        m.seqTo,
        v.manifestSha256,
        m.prevManifestSha256,
        m.keyId,
        s.now(),
        s.now(),
        receipt ? JSON.stringify(receipt) : null,
      );
    const acknowledged = acknowledge(s, v);
    audit(s, 'bundle.import', 'bundle', m.bundleId, { owner: m.owner, seqFrom: m.seqFrom, seqTo: m.seqTo, applied: rows.length });
    // A batch computes the progress facts of its whole group once, as it commits.
    if (!nested) refreshProgressFacts(s.db);
    return { applied: rows.length, receipt, acknowledged };
  });
  let r: ReturnType<typeof result>;
  try {
    r = result.immediate();
  } catch (e) {
    throw constraintError(file, e);
  }
  return { ...out, status: 'applied', applied: r.applied, receipt: r.receipt, acknowledged: r.acknowledged };
}

function failNoStore(): never {
  throw new AppError('keys.passphrase_needed');
}

export async function releasePending(s: Session, origin: string, opts: ImportOptions): Promise<ImportOutcome[]> {
  const out: ImportOutcome[] = [];
  for (;;) {
    const next = s.db.sqlite
      .prepare("SELECT owner, bundle_id, stored_path FROM bundle_in WHERE origin = ? AND status = 'pending' AND seq_from <= ? ORDER BY seq_from LIMIT 1")
      .get(origin, lastSeqOf(s, origin) + 1) as { owner: string; bundle_id: string; stored_path: string } | undefined;
    if (!next) return out;
    const r = await importBundle(s, next.stored_path, { ...opts, quarantine: false });
    // Applied or refused, it waits no longer: a refused one would otherwise block the origin.
    s.db.sqlite.prepare("DELETE FROM bundle_in WHERE owner = ? AND bundle_id = ? AND status = 'pending'").run(next.owner, next.bundle_id);
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
  cityKey?: SealingKey | undefined;
  quarantine?: boolean | undefined;
}

/** A refusal as the caller sees it, the file kept in quarantine for inspection (unless the key was the trouble). */
export function refusedOutcome(s: Session, file: string, e: unknown, opts: ImportOptions, m: Partial<Manifest> | null): ImportOutcome {
  const error = toApiError(e);
  if (opts.quarantine !== false && error.code !== 'keys.passphrase_needed' && error.code !== 'keys.wrong_passphrase_or_corrupt') quarantine(s, file, error);
  return { ...blank(file), bundleId: typeof m?.bundleId === 'string' ? m.bundleId : null, owner: typeof m?.owner === 'string' ? m.owner : null, error };
}

/**
 * How this installation opens a sealed bundle: its own age identity, unlocked only when a bundle
 * is sealed and only after its signature and hash are checked; short references resolved here.
 */
export function openOptionsFor(s: Session, key: () => Promise<SealingKey>): OpenOptions {
  return { identities: async () => [(await key()).ageIdentity], resolveRef: resolveRefsFor(s) };
}

export async function importBundle(s: Session, file: string, opts: ImportOptions = {}): Promise<ImportOutcome> {
  let archive: BundleArchive | null = null;
  const stage = path.join(sideFolders(s).incoming, randomBytes(8).toString('hex'));
  try {
    archive = await openBundle(file);
    const v = await verifyBundle(
      archive,
      (keyId, owner, rotation) => lookupTrustedKey(s, keyId) ?? rotatedKey(s, keyId, owner, rotation),
      stage,
      openOptionsFor(s, async () => opts.cityKey ?? (await ensureKey(s, opts.store ?? failNoStore()))),
    );
    checkAudience(s, file, v);
    const outcome = await importVerified(s, file, v, opts);
    // After a pending or duplicate bundle nothing can be waiting on this origin, so this finds nothing then.
    outcome.released = await releasePending(s, v.manifest.origin, opts);
    // What the city has now signed for leaves the ward's change log (db/sync/compact.ts).
    if (s.role === 'ward' && outcome.acknowledged.length > 0) compactAfterAcknowledgement(s);
    return outcome;
  } catch (e) {
    const m = archive ? peekManifest(await archive.read(MANIFEST_NAME, DEFAULT_LIMITS.maxManifestBytes).catch(() => undefined)) : null;
    return refusedOutcome(s, file, e, opts, m);
  } finally {
    archive?.close();
    fs.rmSync(stage, { recursive: true, force: true });
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
