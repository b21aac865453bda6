/**
 * Opens a bundle file with every structural check, before anything is trusted: the file's size
 * (by stat, without reading it), the entry names (no climbing out), duplicates, truncation and
 * the sizes the zip declares. Nothing is inflated on opening: verify.ts reads the manifest and
 * its signature first, then inflates each entry with a hard limit, aborting at the first byte
 * over it (zip bombs). It decides nothing about signatures or owners; verify.ts does.
 */
import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import { openZip, ZipLimitError, type ZipReader } from '../fs/zip-read';
import {
  CHANGES_NAME,
  climbsOut,
  DEFAULT_LIMITS,
  isAllowedEntryName,
  MANIFEST_NAME,
  ORGS_NAME,
  RECEIPTS_NAME,
  ROTATION_NAME,
  SEALED_BLOB_PREFIX,
  SEALED_CHANGES_NAME,
  sealedBytesCap,
  type BundleLimits,
} from './format';

export interface RawBundle {
  entries: Map<string, Buffer>;
  fileSize: number;
}

export interface BundleArchive {
  file: string;
  fileSize: number;
  limits: BundleLimits;
  /** Entry names in the archive with the uncompressed sizes its directory declares. */
  sizes: Map<string, number>;
  /**
   * Inflates one entry, handing on each chunk, and stops at the first byte beyond `cap` or beyond
   * the limit for the whole file. Resolves to the number of bytes inflated.
   */
  pipe(name: string, cap: number, onChunk: (chunk: Buffer) => void): Promise<number>;
  /** The whole entry (at most `cap` bytes), or undefined when the archive has none of that name. */
  read(name: string, cap: number): Promise<Buffer | undefined>;
  close(): void;
}

/** The most an entry of this name may inflate to. */
export function capOf(name: string, limits: BundleLimits): number {
  if (name === MANIFEST_NAME) return limits.maxManifestBytes;
  if (name === CHANGES_NAME || name === SEALED_CHANGES_NAME) return limits.maxChangesBytes;
  if (name === ORGS_NAME || name === RECEIPTS_NAME || name === ROTATION_NAME) return limits.maxJsonEntryBytes;
  if (name.startsWith(SEALED_BLOB_PREFIX)) return sealedBytesCap(limits.maxEntryBytes);
  return limits.maxEntryBytes;
}

function looksLikeZipStart(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const n = fs.readSync(fd, head, 0, 4, 0);
    return n === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    fs.closeSync(fd);
  }
}

const mb = (n: number) => Math.round(n / 1048576);
/** Files up to this size are read whole before the zip is parsed: at most this much memory, once per file open. */
const SMALL_FILE_BYTES = 1024 * 1024;

function structuralError(file: string, e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof ZipLimitError) {
    if (e.kind === 'entries') return new AppError('bundle.too_many_entries', { file, limit: e.limit });
    if (e.kind === 'duplicate') return new AppError('bundle.duplicate_entry', { file, entry: e.entry });
    if (e.kind === 'entry') return new AppError('bundle.entry_too_large', { file, entry: e.entry, limitMb: mb(e.limit) });
    return new AppError('bundle.too_large', { file, limitMb: mb(e.limit) });
  }
  const msg = e instanceof Error ? e.message : String(e);
  if (/relative path|absolute path|invalid characters/i.test(msg)) return new AppError('bundle.bad_path', { file, entry: msg });
  if (/end of central directory|truncated|unexpected EOF|invalid comment length|not enough bytes/i.test(msg) && looksLikeZipStart(file)) {
    return new AppError('bundle.truncated', { file });
  }
  if (/end of central directory|invalid signature|not a zip/i.test(msg)) return new AppError('bundle.not_a_bundle', { file });
  return new AppError('bundle.corrupt', { file, reason: msg });
}

export async function openBundle(file: string, limits: BundleLimits = DEFAULT_LIMITS): Promise<BundleArchive> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('file.not_found', { path: file });
  }
  if (!stat.isFile()) throw new AppError('file.not_found', { path: file });
  if (stat.size > limits.maxFileBytes) throw new AppError('bundle.too_large', { file, limitMb: mb(limits.maxFileBytes) });
  if (stat.size < 22) throw new AppError(stat.size >= 4 && looksLikeZipStart(file) ? 'bundle.truncated' : 'bundle.not_a_bundle', { file });

  // Only the central directory is read here: names and declared sizes, no inflating. A small file
  // (a ward's quarter) is read once into memory instead of in a few reads per entry.
  let zip: ZipReader;
  try {
    zip = await openZip(stat.size <= SMALL_FILE_BYTES ? fs.readFileSync(file) : file, {
      maxEntries: limits.maxEntries,
      maxTotalBytes: limits.maxTotalBytes,
      capOf(name) {
        if (climbsOut(name)) throw new AppError('bundle.bad_path', { file, entry: name });
        if (!isAllowedEntryName(name)) throw new AppError('bundle.unexpected_entry', { file, entry: name });
        return capOf(name, limits);
      },
    });
  } catch (e) {
    throw structuralError(file, e);
  }
  return {
    file,
    fileSize: stat.size,
    limits,
    sizes: new Map([...zip.entries].map(([name, e]) => [name, e.size])),
    pipe: (name, cap, onChunk) => zip.pipe(name, cap, onChunk).catch((e: unknown) => Promise.reject(structuralError(file, e))),
    read: (name, cap) => zip.read(name, cap).catch((e: unknown) => Promise.reject(structuralError(file, e))),
    close: () => zip.close(),
  };
}

/** Every entry of a bundle, inflated within the limits: for tools and tests that rework a bundle's parts. */
export async function readBundleEntries(file: string, limits: BundleLimits = DEFAULT_LIMITS): Promise<RawBundle> {
  const archive = await openBundle(file, limits);
  try {
    const entries = new Map<string, Buffer>();
    for (const name of archive.sizes.keys()) entries.set(name, (await archive.read(name, capOf(name, limits)))!);
    return { entries, fileSize: archive.fileSize };
  } finally {
    archive.close();
  }
}
