/**
 * Decides whether a bundle can be believed: its manifest and signer first, before any other entry
 * is inflated, then every entry against the manifest's word, inflated with a hard limit of the size
 * it declares, and every row against the rules local writes keep. Nothing is applied here.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { verify } from '../keys/ed25519';
import { CITY_ONLY_TABLES, isOwnedTable, WARD_ONLY_TABLES, type OwnedTableName } from '../owned-tables';
import {
  BLOB_PREFIX,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  CHANGES_NAME,
  changeSchema,
  COMPACT_ENCODINGS,
  manifestSchema,
  MANIFEST_NAME,
  ORGS_NAME,
  RECEIPTS_NAME,
  ROTATION_NAME,
  SEALED_BLOB_PREFIX,
  SEALED_CHANGES_NAME,
  SIGNATURE_NAME,
  type Manifest,
} from './format';
import { decodeCompact, type ResolveRef } from './compact-rows';
import type { BundleArchive } from './reader';
import { idFitsKey } from '../natural-ids';
import { checkBundleRow } from './row-rules';
import { openPayload } from './seal';

export interface TrustedKeyInfo {
  keyId: string;
  orgCode: string;
  publicKey: string;
  revokedAt: string | null;
}

/** The key a bundle names, if this installation believes it; `rotation` is the bundle's rotation statement, if any. */
export type KeyLookup = (keyId: string, owner: string, rotation: Buffer | undefined) => TrustedKeyInfo | undefined;

export interface VerifiedChange {
  seq: number;
  table: OwnedTableName;
  row: Record<string, string | number | null>;
}

export interface VerifiedBundle {
  manifest: Manifest;
  manifestSha256: string;
  changes: VerifiedChange[];
  /** Evidence files by hash, each already written (and checked) in the staging folder. */
  blobs: Map<string, string>;
  orgs: unknown;
  receipts: unknown;
  rotation: unknown;
  signer: TrustedKeyInfo;
}

/** What a reader needs for a sealed (format 2) bundle; a format-1 bundle needs neither. */
export interface OpenOptions {
  /** This installation's age identities, asked for only once the signature and the sealed bytes' hash are checked. */
  identities?: (() => Promise<string[]>) | undefined;
  /** Resolves the short references of compact rows to rows this installation holds. */
  resolveRef?: ResolveRef | undefined;
}

/** A signature is 88 base64 characters; anything much longer is not one. */
const MAX_SIGNATURE_BYTES = 1024;
/** A rotation statement is read before the signature is checked, so it is kept tiny. */
const MAX_ROTATION_BYTES = 64 * 1024;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Reads the manifest far enough to say who sent it, for messages and quarantine, without trusting it. */
export function peekManifest(bytes: Buffer | undefined): Partial<Manifest> | null {
  try {
    return bytes ? (JSON.parse(bytes.toString('utf8')) as Partial<Manifest>) : null;
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
  const o = obj as { format?: unknown; version?: unknown } | null;
  if (!o || o.format !== BUNDLE_FORMAT) throw new AppError('bundle.not_a_bundle', { file });
  if (typeof o.version === 'number' && o.version > BUNDLE_VERSION) {
    throw new AppError('bundle.future_version', { file, version: o.version, supported: BUNDLE_VERSION });
  }
  // A payload encoding this version does not know is a newer writer's, as a higher version would be.
  const encoding = (obj as { payload?: { encoding?: unknown } }).payload?.encoding;
  if (o.version === BUNDLE_VERSION && typeof encoding === 'string' && !(COMPACT_ENCODINGS as readonly string[]).includes(encoding)) {
    throw new AppError('bundle.future_version', { file, version: `${o.version} (${encoding})`, supported: BUNDLE_VERSION });
  }
  const parsed = manifestSchema.safeParse(obj);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('bundle.bad_manifest', { file, reason: `${issue.path.join('.')} ${issue.message}` });
  }
  const m = parsed.data;
  if ((m.kind === 'catalog') !== (m.ownerKind === 'city')) throw new AppError('bundle.bad_manifest', { file, reason: 'kind/ownerKind' });
  if (m.seqFrom > m.seqTo) throw new AppError('bundle.bad_manifest', { file, reason: 'seqFrom > seqTo' });
  // Catalogs are public lists and stay in format 1; only a ward's changes are sealed.
  if (m.version === 2 && m.kind === 'catalog') throw new AppError('bundle.bad_manifest', { file, reason: 'version/kind' });
  return m;
}

function checkRow(file: string, m: Manifest, table: OwnedTableName, row: Record<string, unknown>): void {
  const notOwner = () => new AppError('bundle.not_owner', { file, owner: m.owner, table, rowOwner: String(row.owner) });
  if (row.owner !== m.owner) throw notOwner();
  if ((m.ownerKind === 'ward' ? CITY_ONLY_TABLES : WARD_ONLY_TABLES).has(table)) throw notOwner();
  const checked = checkBundleRow(table, row);
  if (!checked.ok) throw new AppError('bundle.bad_row', { file, table, reason: checked.problem });
  // An id derived from a natural key must be the one this owner and key give: no ward can take the
  // id another ward's row will have, and a changed id cannot land on another row.
  if (!idFitsKey(table, checked.row)) throw new AppError('bundle.bad_row', { file, table, reason: 'id derived' });
  const wardCode = checked.row.ward_code;
  // A ward sets targets for itself only; the city may set them for any ward.
  if (table === 'indicator_target' && m.ownerKind === 'ward' && wardCode !== '' && wardCode !== m.owner) {
    throw new AppError('bundle.bad_row', { file, table, reason: 'ward_code' });
  }
}

/**
 * Splits changes.jsonl as it inflates. A line longer than the limit or a line too many aborts at
 * once; a line that breaks a rule is remembered and reported only once the entry's hash is known
 * to match, so a damaged file is called damaged rather than blamed on its signer.
 */
function changesParser(file: string, m: Manifest, maxLineBytes: number) {
  const changes: VerifiedChange[] = [];
  const seqs = new Set<number>();
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let problem: unknown = null;
  let count = 0;
  const line = (bytes: Buffer) => {
    if (bytes.length === 0) return;
    if (++count > m.counts.changes) throw new AppError('bundle.bad_manifest', { file, reason: 'counts.changes' });
    if (problem) return;
    try {
      let obj: unknown;
      try {
        obj = JSON.parse(bytes.toString('utf8'));
      } catch {
        throw new AppError('bundle.bad_row', { file, table: '-', reason: 'JSON' });
      }
      const c = changeSchema.safeParse(obj);
      if (!c.success) throw new AppError('bundle.bad_row', { file, table: '-', reason: c.error.issues[0]!.message });
      const { seq, table, row } = c.data;
      if (!isOwnedTable(table)) throw new AppError('bundle.bad_row', { file, table, reason: 'table' });
      if (seq < m.seqFrom || seq > m.seqTo || seqs.has(seq)) throw new AppError('bundle.bad_row', { file, table, reason: `seq ${seq}` });
      seqs.add(seq);
      checkRow(file, m, table, row);
      changes.push({ seq, table, row });
    } catch (e) {
      problem = e;
    }
  };
  const tooLong = () => new AppError('bundle.row_too_large', { file, limitKb: Math.round(maxLineBytes / 1024) });
  return {
    push(chunk: Buffer) {
      let start = 0;
      for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
        const part = chunk.subarray(start, nl);
        if (pendingBytes + part.length > maxLineBytes) throw tooLong();
        line(Buffer.concat([...pending, part]));
        pending = [];
        pendingBytes = 0;
        start = nl + 1;
      }
      const rest = chunk.subarray(start);
      pendingBytes += rest.length;
      if (pendingBytes > maxLineBytes) throw tooLong();
      pending.push(rest);
    },
    finish(): VerifiedChange[] {
      line(Buffer.concat(pending));
      if (problem) throw problem;
      return changes;
    },
  };
}

/** The manifest, its signature and its signer: read and checked before any other entry is inflated. */
async function verifyHead(archive: BundleArchive, lookupKey: KeyLookup) {
  const file = archive.file;
  const manifestBytes = await archive.read(MANIFEST_NAME, archive.limits.maxManifestBytes);
  const m = parseManifest(file, manifestBytes);
  const sig = await archive.read(SIGNATURE_NAME, MAX_SIGNATURE_BYTES);
  if (!sig) throw new AppError('bundle.unsigned', { file });
  const rotation = await archive.read(ROTATION_NAME, MAX_ROTATION_BYTES);
  const key = lookupKey(m.keyId, m.owner, rotation);
  if (!key) throw new AppError('bundle.unknown_key', { file, keyId: m.keyId, owner: m.owner });
  if (key.orgCode !== m.owner) throw new AppError('bundle.key_owner_mismatch', { file, keyId: m.keyId, owner: m.owner, keyOwner: key.orgCode });
  if (key.revokedAt) throw new AppError('bundle.revoked_key', { file, keyId: m.keyId, owner: m.owner, revokedAt: key.revokedAt });
  if (!verify(key.publicKey, manifestBytes!, sig.toString('utf8').trim())) throw new AppError('bundle.bad_signature', { file, owner: m.owner });
  return { m, manifestSha256: sha256(manifestBytes!), key };
}

/** The signed listing against the archive's directory, before anything listed is inflated. */
function checkListing(archive: BundleArchive, m: Manifest): void {
  const file = archive.file;
  const listed = new Set<string>();
  // Each format carries its changes and its evidence under one kind of name only.
  const otherPayload = m.version === 2 ? CHANGES_NAME : SEALED_CHANGES_NAME;
  const blobPrefix = m.version === 2 ? SEALED_BLOB_PREFIX : BLOB_PREFIX;
  const otherBlobPrefix = m.version === 2 ? BLOB_PREFIX : SEALED_BLOB_PREFIX;
  let blobs = 0;
  for (const e of m.entries) {
    if (listed.has(e.path) || e.path === MANIFEST_NAME || e.path === SIGNATURE_NAME)
      throw new AppError('bundle.bad_manifest', { file, reason: `entry ${e.path}` });
    listed.add(e.path);
    if (e.path === otherPayload || e.path.startsWith(otherBlobPrefix) || (m.kind !== 'catalog' && (e.path === ORGS_NAME || e.path === RECEIPTS_NAME)))
      throw new AppError('bundle.unexpected_entry', { file, entry: e.path });
    if (!archive.sizes.has(e.path)) throw new AppError('bundle.missing_entry', { file, entry: e.path });
    const isBlob = e.path.startsWith(blobPrefix);
    // A sealed file is named by its plain hash, checked once it is opened; the manifest lists the sealed bytes.
    if (archive.sizes.get(e.path) !== e.size || (isBlob && m.version === 1 && e.path !== `${BLOB_PREFIX}${e.sha256}`))
      throw new AppError('bundle.hash_mismatch', { file, entry: e.path });
    if (isBlob) blobs++;
  }
  for (const name of archive.sizes.keys()) {
    if (name !== MANIFEST_NAME && name !== SIGNATURE_NAME && !listed.has(name)) throw new AppError('bundle.unlisted_entry', { file, entry: name });
  }
  if (blobs !== m.counts.blobs) throw new AppError('bundle.bad_manifest', { file, reason: 'counts.blobs' });
  if (m.counts.changes > archive.limits.maxChanges) throw new AppError('bundle.bad_manifest', { file, reason: 'counts.changes' });
}

/**
 * The sequence rule: a bundle's range ends at the last change it carries, so an origin's state
 * only ever advances by what was really sent. A ward's bundle carries at least one change; an
 * empty catalog covers nothing (0–0).
 */
function checkRange(file: string, m: Manifest, changes: VerifiedChange[]): void {
  if (changes.length !== m.counts.changes) throw new AppError('bundle.bad_manifest', { file, reason: 'counts.changes' });
  const last = changes.reduce((max, c) => Math.max(max, c.seq), 0);
  if (last !== m.seqTo || (m.ownerKind === 'ward' && last === 0)) throw new AppError('bundle.bad_range', { file, seqFrom: m.seqFrom, seqTo: m.seqTo, last });
}

async function unseal(
  file: string,
  m: Manifest,
  limits: BundleArchive['limits'],
  sealed: { payload: Extract<Manifest, { version: 2 }>['payload']; bytes: Buffer },
  identities: string[],
  open: OpenOptions,
): Promise<VerifiedChange[]> {
  const plain = await openPayload(file, sealed.bytes, identities, Math.min(sealed.payload.inflatedBytes, limits.maxChangesBytes));
  const parser = changesParser(file, m, limits.maxLineBytes);
  const resolve = open.resolveRef ?? (() => undefined);
  decodeCompact(file, m.owner, plain, limits.maxLineBytes, resolve, (c) => parser.push(Buffer.from(`${JSON.stringify(c)}\n`, 'utf8')), sealed.payload.encoding);
  return parser.finish();
}

/** Writes an opened evidence file into the staging folder under its hash, flushed before it takes that name. */
function stageBlob(stageDir: string, sha: string, data: Buffer): string {
  fs.mkdirSync(stageDir, { recursive: true });
  const target = path.join(stageDir, sha);
  const fd = fs.openSync(`${target}.part`, 'w');
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(`${target}.part`, target);
  return target;
}

function parseJson(file: string, name: string, bytes: Buffer | undefined): unknown {
  if (!bytes) return null;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new AppError('bundle.bad_manifest', { file, reason: name });
  }
}

/**
 * Verifies a bundle. Evidence files are written to `stageDir` as they inflate (so they never sit
 * in memory) and named by their hash once it matches; the caller moves them into the store or
 * removes the folder. Without a folder they are only checked.
 */
export async function verifyBundle(archive: BundleArchive, lookupKey: KeyLookup, stageDir: string | null, open: OpenOptions = {}): Promise<VerifiedBundle> {
  const file = archive.file;
  const { m, manifestSha256, key } = await verifyHead(archive, lookupKey);
  checkListing(archive, m);

  let ids: string[] | null = null;
  const identities = async () => {
    if (!open.identities) throw new AppError('bundle.sealed_for_other', { file });
    return (ids ??= await open.identities());
  };
  const small = new Map<string, Buffer>();
  const blobs = new Map<string, string>();
  let changes: VerifiedChange[] = [];
  let sealed: { payload: Extract<Manifest, { version: 2 }>['payload']; bytes: Buffer } | null = null;
  for (const e of m.entries) {
    const hash = createHash('sha256');
    let onChunk: (c: Buffer) => void;
    let finish: () => unknown;
    let fd: number | null = null;
    if (e.path === SEALED_CHANGES_NAME && m.version === 2) {
      // Decrypted only once the signed hash of the sealed bytes matched, then inflated with a hard
      // limit and decoded into the same lines as format 1, so one set of row checks serves both.
      const chunks: Buffer[] = [];
      const payload = m.payload;
      onChunk = (c) => chunks.push(c);
      finish = () => (sealed = { payload, bytes: Buffer.concat(chunks) });
    } else if (e.path === CHANGES_NAME) {
      const parser = changesParser(file, m, archive.limits.maxLineBytes);
      onChunk = (c) => parser.push(c);
      finish = () => (changes = parser.finish());
    } else if (e.path.startsWith(SEALED_BLOB_PREFIX)) {
      // Opened only once the signed hash of its sealed bytes matched, one file at a time, inflated no
      // further than an evidence file may be, and staged only if its plain bytes hash to its name.
      const chunks: Buffer[] = [];
      const plainSha = e.path.slice(SEALED_BLOB_PREFIX.length);
      onChunk = (c) => chunks.push(c);
      finish = async () => {
        const bytes = Buffer.concat(chunks);
        chunks.length = 0;
        const plain = await openPayload(file, bytes, await identities(), archive.limits.maxEntryBytes, e.path);
        if (sha256(plain) !== plainSha) throw new AppError('bundle.sealed_blob_mismatch', { file, entry: e.path });
        if (stageDir !== null) blobs.set(plainSha, stageBlob(stageDir, plainSha, plain));
      };
    } else if (e.path.startsWith(BLOB_PREFIX) && stageDir === null) {
      onChunk = () => {};
      finish = () => {};
    } else if (e.path.startsWith(BLOB_PREFIX)) {
      fs.mkdirSync(stageDir!, { recursive: true });
      const target = path.join(stageDir!, e.sha256);
      const out = (fd = fs.openSync(`${target}.part`, 'w'));
      onChunk = (c) => fs.writeSync(out, c);
      finish = () => {
        fs.fsyncSync(out);
        fs.renameSync(`${target}.part`, target);
        blobs.set(e.sha256, target);
      };
    } else {
      const chunks: Buffer[] = [];
      onChunk = (c) => chunks.push(c);
      finish = () => small.set(e.path, Buffer.concat(chunks));
    }
    try {
      await archive.pipe(e.path, e.size, (c) => {
        hash.update(c);
        onChunk(c);
      });
      if (hash.digest('hex') !== e.sha256) throw new AppError('bundle.hash_mismatch', { file, entry: e.path });
      await finish();
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
  }
  if (sealed) changes = await unseal(file, m, archive.limits, sealed, await identities(), open);
  checkRange(file, m, changes);
  return {
    manifest: m,
    manifestSha256,
    changes,
    blobs,
    orgs: parseJson(file, ORGS_NAME, small.get(ORGS_NAME)),
    receipts: parseJson(file, RECEIPTS_NAME, small.get(RECEIPTS_NAME)),
    rotation: parseJson(file, ROTATION_NAME, small.get(ROTATION_NAME)),
    signer: key,
  };
}
