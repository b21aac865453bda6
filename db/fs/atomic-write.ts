import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces `filePath` so that a reader (or a machine that lost power, or a USB stick pulled
 * out) sees either the old complete file or the new complete file, never a mix.
 *
 * The temporary file lives in the target's own folder because rename is only atomic within
 * one file system. Failures are rethrown as Node's own errors (with their `code`, e.g.
 * ENOSPC) so each caller can say what the failure means for its own data.
 */
export async function writeFileAtomic(filePath: string, data: Buffer | string, opts: { mode?: number } = {}): Promise<void> {
  const dir = path.dirname(filePath);
  // Dot-prefixed and random, so a leftover never looks like a real bundle or key file and two
  // writers never share one.
  const tempPath = path.join(dir, `.${path.basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

  let created = false;
  try {
    // 'wx' never follows or reuses an existing path; the mode applies from the first byte, so a
    // private key is never readable by others even for an instant.
    const handle = await open(tempPath, 'wx', opts.mode ?? 0o666);
    created = true;
    try {
      // The umask may have narrowed the mode asked for; the caller asked for exactly this one.
      if (opts.mode !== undefined && process.platform !== 'win32') await handle.chmod(opts.mode);
      await handle.writeFile(data);
      // Without this the rename can reach the disk before the data does, and a crash then
      // leaves a complete-looking empty file.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(tempPath, filePath);
    created = false;
  } catch (err) {
    if (created) await unlink(tempPath).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dir);
}

/**
 * On Windows a virus scanner or the search indexer briefly holds files it has just seen, and
 * the rename fails with EPERM/EACCES/EBUSY; a short wait is enough.
 */
async function renameWithRetry(from: string, to: string): Promise<void> {
  const delaysMs = process.platform === 'win32' ? [10, 50, 100, 250, 500] : [];
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const delay = delaysMs[attempt];
      if (delay === undefined || !(code === 'EPERM' || code === 'EACCES' || code === 'EBUSY')) throw err;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Makes the rename itself durable (the new directory entry). Windows cannot open a directory
 * for fsync and some file systems refuse it; the data is already safe, so that is not an error.
 */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort by design (see above).
  }
}
