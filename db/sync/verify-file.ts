/**
 * One bundle file opened and verified, for a batch import, on whichever thread does it: the key
 * decision is the same as a single import's, read from the database as last committed.
 */
import fs from 'node:fs';
import { openBundle, type BundleArchive } from '../bundle/reader';
import { verifyBundle, type VerifiedBundle } from '../bundle/verify';
import type { Session } from '../session';
import { resolveRefsFor } from './compact-refs';
import { rotatedKey } from './import';
import { lookupTrustedKey } from './trust';

/** Asked of a verifying worker once started: its answer says it is loaded, and files are sent from then on. */
export const READY = 'ready?';

/** A refusal carries no reason here: the file goes through the single import again, which names it and keeps it in quarantine. */
export type FileVerdict = { ok: true; v: VerifiedBundle } | { ok: false };

/** @param identities the city's age identity, to open sealed bundles (format 2) */
export async function verifyFile(s: Session, file: string, stage: string, identities: string[]): Promise<FileVerdict> {
  let archive: BundleArchive | null = null;
  try {
    archive = await openBundle(file);
    const v = await verifyBundle(archive, (keyId, owner, rotation) => lookupTrustedKey(s, keyId) ?? rotatedKey(s, keyId, owner, rotation), stage, {
      identities: async () => identities,
      resolveRef: resolveRefsFor(s),
    });
    return { ok: true, v };
  } catch {
    fs.rmSync(stage, { recursive: true, force: true });
    return { ok: false };
  } finally {
    archive?.close();
  }
}
