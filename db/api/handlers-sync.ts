/** Handlers for keys, enrollment, bundles and backups: the parts of the API that touch files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FileInput } from '../../shared/api/contract';
import { AppError } from '../../shared/errors';
import type { KeyStore } from '../keys/key-store';
import { createBackup, prepareRestore, swapInRestore } from '../services/backup';
import { importEnrollmentResponse, writeEnrollmentRequest } from '../sync/enroll';
import { exportWardBundle } from '../sync/export';
import { importBundle } from '../sync/import';
import { importBundles } from '../sync/import-batch';
import { wardSyncStatus } from '../sync/status';
import type { DatabaseHolder, HandlerGroup } from './database-holder';

/** Gives a handler a real file for what the user picked, and removes it afterwards if it made one. */
export async function withFile<T>(input: FileInput, fn: (file: string) => Promise<T> | T): Promise<T> {
  if ('path' in input) {
    if (!fs.existsSync(input.path)) throw new AppError('file.not_found', { path: input.path });
    return fn(input.path);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-upload-'));
  const file = path.join(dir, path.basename(input.fileName).replace(/[^\w.-]/g, '_') || 'upload');
  fs.writeFileSync(file, Buffer.from(input.contentBase64, 'base64'));
  try {
    return await fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface SyncHostOptions {
  /** Where exports go when the user did not pick a folder (the browser host's outbox). */
  defaultOutDir: () => string;
  keyStore: () => KeyStore;
}

export function createSyncHandlers(holder: DatabaseHolder, host: SyncHostOptions) {
  const s = () => holder.requireSession();
  const outDir = (given: string | undefined) => {
    const dir = given ?? host.defaultOutDir();
    if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true });
    return dir;
  };
  return {
    'keys.show': () => {
      const st = wardSyncStatus(s());
      return { keyId: st.keyId, fingerprint: st.fingerprint, enrolled: st.enrolled, cityFingerprint: st.cityFingerprint };
    },
    'keys.enrollmentRequest': async (i) => {
      const session = s();
      const file = i.outPath ? path.resolve(i.outPath) : path.join(outDir(i.outDir), `${session.orgCode}_dang-ky-khoa.json`);
      return writeEnrollmentRequest(session, host.keyStore(), file);
    },
    'enroll.import': (i) => withFile(i, (file) => importEnrollmentResponse(s(), file)),
    'sync.status': () => wardSyncStatus(s()),
    'sync.export': (i) => exportWardBundle(s(), host.keyStore(), { outDir: outDir(i.outDir), full: i.full }),
    'sync.import': (i) => withFile(i, (file) => importBundle(s(), file, { store: host.keyStore() })),
    'sync.importMany': (i) => importBundles(s(), i.paths, { store: host.keyStore() }),
    'backup.create': (i) => {
      const session = s();
      return createBackup(session.db, session.orgCode, outDir(i.outDir), session.now());
    },
    'backup.restore': (i) =>
      withFile(i, async (file) => {
        const session = s();
        const prepared = await prepareRestore(file);
        const { path: dbPath, blobDir } = session.db;
        const now = session.now();
        holder.close();
        const { previousKeptAt } = swapInRestore(prepared, dbPath, blobDir, now);
        holder.requireSession();
        return { restoredFrom: 'path' in i ? i.path : i.fileName, previousKeptAt };
      }),
  } satisfies HandlerGroup;
}
