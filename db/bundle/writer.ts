import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { AppError } from '../../shared/errors';
import { sign } from '../keys/ed25519';
import {
  BLOB_PREFIX,
  BUNDLE_FORMAT,
  MANIFEST_NAME,
  SEALED_BLOB_PREFIX,
  SEALED_CHANGES_NAME,
  SIGNATURE_NAME,
  type Manifest,
  type ManifestEntry,
} from './format';

export interface BundleSigner {
  keyId: string;
  privateKeyPem: string;
}

export interface BundleContent {
  path: string;
  data: Buffer;
}

/** The fields a writer gives; with `payload` the bundle is format 2 (sealed compact rows), without it format 1. */
export type ManifestFields = Omit<Extract<Manifest, { version: 1 }>, 'format' | 'version' | 'entries'> & {
  payload?: Extract<Manifest, { version: 2 }>['payload'];
};

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function buildManifest(fields: ManifestFields, contents: BundleContent[]): { manifest: Manifest; bytes: Buffer } {
  const entries: ManifestEntry[] = contents.map((c) => ({ path: c.path, sha256: sha256(c.data), size: c.data.length }));
  const { payload, ...common } = fields;
  const manifest: Manifest = payload
    ? { format: BUNDLE_FORMAT, version: 2, ...common, payload, entries }
    : { format: BUNDLE_FORMAT, version: 1, ...common, entries };
  // One line: readers parse JSON, so the indentation only cost bytes on every bundle.
  return { manifest, bytes: Buffer.from(JSON.stringify(manifest), 'utf8') };
}

/**
 * Writes the bundle under a temporary name in the target folder, flushes it to the device, then
 * renames it: a stick pulled out mid-write leaves only a dot-file that no reader takes for a bundle.
 * Returns the SHA-256 of the file as written, read back from the device.
 */
export async function writeBundleFile(
  target: string,
  fields: ManifestFields,
  contents: BundleContent[],
  signer: BundleSigner,
): Promise<{ manifest: Manifest; manifestSha256: string; fileSha256: string; size: number }> {
  const { manifest, bytes } = buildManifest(fields, contents);
  const signature = sign(signer.privateKeyPem, bytes);
  const zip = new yazl.ZipFile();
  const mtime = new Date(manifest.createdAt);
  // The manifest's createdAt is the bundle's time; the extended timestamp would repeat it in every entry.
  const options = { mtime, forceDosTimestamp: true };
  zip.addBuffer(bytes, MANIFEST_NAME, { ...options, compress: true });
  zip.addBuffer(Buffer.from(signature, 'utf8'), SIGNATURE_NAME, { ...options, compress: false });
  for (const c of contents) {
    // Evidence is mostly PDF and JPEG, already compressed: deflating it again only costs time;
    // anything sealed was compressed before it was encrypted and cannot shrink any further.
    const sealed = c.path === SEALED_CHANGES_NAME || c.path.startsWith(SEALED_BLOB_PREFIX);
    const compress = !sealed && (!c.path.startsWith(BLOB_PREFIX) || c.data.length < 1024 * 1024);
    zip.addBuffer(c.data, c.path, { ...options, compress });
  }
  zip.end();

  const dir = path.dirname(target);
  if (!fs.existsSync(dir)) throw new AppError('bundle.out_dir_missing', { path: dir });
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await pipeline(zip.outputStream, fs.createWriteStream(temp, { flags: 'wx' }));
    const fd = fs.openSync(temp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    try {
      const dfd = fs.openSync(dir, 'r');
      try {
        fs.fsyncSync(dfd);
      } finally {
        fs.closeSync(dfd);
      }
    } catch {
      // Windows cannot open a folder for fsync; its rename is already durable enough.
    }
  } catch (e) {
    fs.rmSync(temp, { force: true });
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new AppError(code === 'ENOSPC' ? 'bundle.disk_full' : 'bundle.write_failed', { path: target, reason: (e as Error).message });
  }
  const written = fs.readFileSync(target);
  return { manifest, manifestSha256: sha256(bytes), fileSha256: sha256(written), size: written.length };
}
