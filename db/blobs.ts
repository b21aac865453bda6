/** Evidence files stored content-addressed beside the database: <db>.files/ab/abcdef… (SHA-256). */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { writeFileAtomic } from './fs/atomic-write';

export const MAX_EVIDENCE_BYTES = 50 * 1024 * 1024;

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function blobPath(blobDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('blob.bad_hash', { hash: sha256 });
  return path.join(blobDir, sha256.slice(0, 2), sha256);
}

/** Stores bytes under their hash; storing the same file twice keeps one copy. */
export async function putBlob(blobDir: string, data: Buffer): Promise<string> {
  const sha = sha256Hex(data);
  const target = blobPath(blobDir, sha);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, data);
  }
  return sha;
}

export function hasBlob(blobDir: string, sha256: string): boolean {
  return fs.existsSync(blobPath(blobDir, sha256));
}

/** Reads a blob and checks it still has the hash it is filed under (disks do rot). */
export function readBlob(blobDir: string, sha256: string): Buffer {
  const p = blobPath(blobDir, sha256);
  if (!fs.existsSync(p)) throw new AppError('blob.missing', { hash: sha256 });
  const data = fs.readFileSync(p);
  if (sha256Hex(data) !== sha256) throw new AppError('blob.corrupt', { hash: sha256 });
  return data;
}
