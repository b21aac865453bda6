/**
 * Reads a bundle file's entries with every structural check, before anything is trusted:
 * size limits (zip bombs), entry names (no climbing out), duplicates, truncation. It decides
 * nothing about signatures or owners; verify.ts does.
 */
import fs from 'node:fs';
import yauzl from 'yauzl';
import { AppError } from '../../shared/errors';
import { CHANGES_NAME, climbsOut, DEFAULT_LIMITS, isAllowedEntryName, MANIFEST_NAME, type BundleLimits } from './format';

export interface RawBundle {
  entries: Map<string, Buffer>;
  fileSize: number;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true, decodeStrings: true }, (err, zip) => {
      if (err || !zip) reject(err ?? new Error('no zip'));
      else resolve(zip);
    });
  });
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

function structuralError(file: string, e: unknown): AppError {
  if (e instanceof AppError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (/relative path|absolute path|invalid characters/i.test(msg)) return new AppError('bundle.bad_path', { file, entry: msg });
  if (/end of central directory|truncated|unexpected EOF|invalid comment length|not enough bytes/i.test(msg) && looksLikeZipStart(file)) {
    return new AppError('bundle.truncated', { file });
  }
  if (/end of central directory|invalid signature|not a zip/i.test(msg)) return new AppError('bundle.not_a_bundle', { file });
  return new AppError('bundle.corrupt', { file, reason: msg });
}

export async function readBundleEntries(file: string, limits: BundleLimits = DEFAULT_LIMITS): Promise<RawBundle> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('file.not_found', { path: file });
  }
  if (!stat.isFile()) throw new AppError('file.not_found', { path: file });
  if (stat.size > limits.maxFileBytes) throw new AppError('bundle.too_large', { file, limitMb: Math.round(limits.maxFileBytes / 1048576) });
  if (stat.size < 22) throw new AppError(stat.size >= 4 && looksLikeZipStart(file) ? 'bundle.truncated' : 'bundle.not_a_bundle', { file });

  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (e) {
    throw structuralError(file, e);
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new AppError('bundle.too_many_entries', { file, limit: limits.maxEntries });
  }

  const entries = new Map<string, Buffer>();
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (e: unknown) => {
        zip.close();
        reject(e);
      };
      zip.on('error', fail);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (climbsOut(name)) return fail(new AppError('bundle.bad_path', { file, entry: name }));
        if (!isAllowedEntryName(name)) return fail(new AppError('bundle.unexpected_entry', { file, entry: name }));
        if (entries.has(name)) return fail(new AppError('bundle.duplicate_entry', { file, entry: name }));
        const cap = name === MANIFEST_NAME ? limits.maxManifestBytes : name === CHANGES_NAME ? limits.maxChangesBytes : limits.maxEntryBytes;
        if (entry.uncompressedSize > cap) return fail(new AppError('bundle.entry_too_large', { file, entry: name, limitMb: Math.round(cap / 1048576) }));
        if (total + entry.uncompressedSize > limits.maxTotalBytes) return fail(new AppError('bundle.too_large', { file, limitMb: Math.round(limits.maxTotalBytes / 1048576) }));
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return fail(err ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (c: Buffer) => {
            size += c.length;
            // The declared size can lie; count what actually comes out of the inflater.
            if (size > cap || total + size > limits.maxTotalBytes) {
              stream.destroy();
              fail(new AppError('bundle.entry_too_large', { file, entry: name, limitMb: Math.round(cap / 1048576) }));
              return;
            }
            chunks.push(c);
          });
          stream.on('error', fail);
          stream.on('end', () => {
            total += size;
            entries.set(name, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  } catch (e) {
    throw structuralError(file, e);
  }
  return { entries, fileSize: stat.size };
}
