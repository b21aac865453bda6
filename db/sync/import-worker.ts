/**
 * A worker thread of a batch import: opens and verifies bundle files (zip, signature, hashes,
 * rows) while the importing thread applies the ones verified before. It reads the database
 * (trusted keys) through a read-only connection of its own and never writes to it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { blobDirFor } from '../database';
import * as schema from '../schema';
import { sessionFor } from '../session';
import { READY, verifyFile } from './verify-file';

export interface VerifyJob {
  id: number;
  file: string;
  stage: string;
}

const { dbPath, identities } = workerData as { dbPath: string; identities: string[] };
const sqlite = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
const s = sessionFor({ sqlite, orm: drizzle(sqlite, { schema }), path: dbPath, blobDir: blobDirFor(dbPath), close: () => sqlite.close() });

parentPort!.on('message', (job: VerifyJob | typeof READY) => {
  if (job === READY) {
    parentPort!.postMessage({ ready: true });
    return;
  }
  void verifyFile(s, job.file, job.stage, identities).then((verdict) => parentPort!.postMessage({ id: job.id, verdict }));
});
