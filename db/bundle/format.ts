/**
 * Bundle formats 1 and 2 (docs/bundle-format.md is the reference a city can write its own reader from).
 * A bundle is a zip file with the extension .wpb holding:
 *   manifest.json   what the bundle is, who made it, and the SHA-256 and size of every other entry
 *   manifest.sig    base64 Ed25519 signature over the exact bytes of manifest.json
 *   changes.jsonl   (format 1) one change per line: {"seq":n,"table":"task","row":{...}}
 *   changes.age     (format 2) the changes in compact rows, compressed, then sealed with age to the
 *                   city and to the ward itself
 *   orgs.json       (catalog only) the city's list of wards
 *   receipts.json   (catalog only) the city's signed receipts for bundles it applied
 *   rotation.json   (after a key rotation) the statement by which the old key vouches for the new
 *   blobs/<sha256>  (format 1) evidence files, named by the SHA-256 of their bytes
 *   sealed-blobs/<sha256>  (format 2) each evidence file compressed and sealed like the changes,
 *                   named by the SHA-256 of its plain bytes; the manifest lists the sealed bytes
 */
import { z } from 'zod';

export const BUNDLE_FORMAT = 'wardplan-bundle';
/** The newest format this version reads; a ward's bundle is written in it, a catalog in format 1. */
export const BUNDLE_VERSION = 2;
export const BUNDLE_EXTENSION = '.wpb';

export const MANIFEST_NAME = 'manifest.json';
export const SIGNATURE_NAME = 'manifest.sig';
export const CHANGES_NAME = 'changes.jsonl';
export const SEALED_CHANGES_NAME = 'changes.age';
export const ORGS_NAME = 'orgs.json';
export const RECEIPTS_NAME = 'receipts.json';
export const ROTATION_NAME = 'rotation.json';
export const BLOB_PREFIX = 'blobs/';
export const SEALED_BLOB_PREFIX = 'sealed-blobs/';

/** Limits that stop a hostile or broken file before it costs memory or disk. */
export interface BundleLimits {
  /** Checked on the file's size alone: a larger file is neither read nor copied. */
  maxFileBytes: number;
  maxEntries: number;
  /** Any entry but the manifest and the changes: evidence files are at most 50 MB when attached. */
  maxEntryBytes: number;
  /** The changes of a whole ward's history (a ten-year snapshot is about 30 MB) with room to grow. */
  maxChangesBytes: number;
  /** Everything inflated from one file together. */
  maxTotalBytes: number;
  maxManifestBytes: number;
  /** orgs.json, receipts.json and rotation.json are read whole into memory, so they are kept small. */
  maxJsonEntryBytes: number;
  /** One line of changes.jsonl: the longest row (a report's narrative) with room to spare. */
  maxLineBytes: number;
  maxChanges: number;
  /** A refused file is kept in quarantine only up to this size; larger ones leave just their reason and hash. */
  maxQuarantineCopyBytes: number;
}

export const DEFAULT_LIMITS: BundleLimits = {
  maxFileBytes: 1024 * 1024 * 1024,
  maxEntries: 20_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxChangesBytes: 96 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxManifestBytes: 4 * 1024 * 1024,
  maxJsonEntryBytes: 32 * 1024 * 1024,
  maxLineBytes: 1024 * 1024,
  maxChanges: 500_000,
  maxQuarantineCopyBytes: 64 * 1024 * 1024,
};

/**
 * The most a sealed entry may take for plain bytes of a given size: deflate's stored blocks add a
 * few bytes per block when nothing compresses, and age adds 16 bytes per 64 KiB chunk and a
 * header per recipient.
 */
export function sealedBytesCap(plainBytes: number): number {
  return plainBytes + Math.ceil(plainBytes / 1024) + 64 * 1024;
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const entrySchema = z.strictObject({
  path: z.string().min(1).max(200),
  sha256: sha256Hex,
  size: z.number().int().nonnegative(),
});

const manifestV1Schema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(1),
  bundleId: z.string().uuid(),
  kind: z.enum(['changes', 'snapshot', 'catalog']),
  origin: z.string().uuid(),
  owner: z.string().min(1).max(64),
  ownerKind: z.enum(['ward', 'city']),
  seqFrom: z.number().int().nonnegative(),
  seqTo: z.number().int().nonnegative(),
  prevManifestSha256: sha256Hex.nullable(),
  createdAt: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  counts: z.strictObject({ changes: z.number().int().nonnegative(), blobs: z.number().int().nonnegative() }),
  entries: z.array(entrySchema).max(DEFAULT_LIMITS.maxEntries),
});

/** The compact row encodings this version reads (db/bundle/compact-rows.ts); it writes the last. */
export const COMPACT_ENCODINGS = ['wardplan-compact-1', 'wardplan-compact-2'] as const;
export type CompactEncoding = (typeof COMPACT_ENCODINGS)[number];

/** How the payload of a format-2 bundle was made, in the order a reader undoes it. */
export const payloadSchema = z.strictObject({
  sealed: z.literal('age-x25519'),
  compression: z.literal('deflate-raw'),
  encoding: z.enum(COMPACT_ENCODINGS),
  /** The size of the encoded rows: the inflater stops at the first byte beyond it. */
  inflatedBytes: z.number().int().nonnegative().max(DEFAULT_LIMITS.maxChangesBytes),
});

const manifestV2Schema = manifestV1Schema.extend({ version: z.literal(2), payload: payloadSchema });

export const manifestSchema = z.discriminatedUnion('version', [manifestV1Schema, manifestV2Schema]);

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = z.infer<typeof entrySchema>;

export const changeSchema = z.strictObject({
  seq: z.number().int().positive(),
  table: z.string(),
  row: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type Change = z.infer<typeof changeSchema>;

/** The only names an entry may have: anything else (../x, /etc, C:\, blobs/../..) is refused. */
export function isAllowedEntryName(name: string): boolean {
  return (
    name === MANIFEST_NAME ||
    name === SIGNATURE_NAME ||
    name === CHANGES_NAME ||
    name === SEALED_CHANGES_NAME ||
    name === ORGS_NAME ||
    name === RECEIPTS_NAME ||
    name === ROTATION_NAME ||
    /^(sealed-)?blobs\/[0-9a-f]{64}$/.test(name)
  );
}

/** True when a name would leave the folder it is unpacked into. */
export function climbsOut(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  return n.startsWith('/') || /^[A-Za-z]:/.test(n) || n.split('/').some((part) => part === '..');
}

/**
 * A file name that FAT32 and every Windows version accept and a person can read:
 * HP-HAIDUONG_2026-Q4_000001-000120.wpb
 */
export function bundleFileName(owner: string, period: string, seqFrom: number, seqTo: number, kind: Manifest['kind']): string {
  const safeOwner = owner.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 40);
  const pad = (n: number) => String(n).padStart(6, '0');
  const tag = kind === 'catalog' ? 'catalog' : kind === 'snapshot' ? 'full' : period;
  return `${safeOwner}_${tag}_${pad(seqFrom)}-${pad(seqTo)}${BUNDLE_EXTENSION}`;
}
