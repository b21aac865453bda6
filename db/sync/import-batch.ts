/**
 * Receiving many bundles at once (a city's stick of every ward's quarter, the hub's uploads):
 * the same guarantees as importing them one by one (import.ts), at a fraction of the cost.
 *
 * - Bundles are applied in groups, one SQLite transaction each, with a savepoint per bundle: a
 *   refused bundle rolls back alone and gets its refusal; the others apply. A crash loses at most
 *   the group in flight, and never part of a bundle.
 * - Files are opened and verified (zip, signature, hashes, rows) in worker threads while the
 *   previous group applies. A worker reads the keys as last committed, so the key it used is
 *   checked again at apply time; any doubt, and any refusal, sends the file through the single
 *   import, which decides, explains and quarantines exactly as it always has.
 * - Statements are prepared once for the whole batch (db/prepared.ts); receipts are signed and written in the
 *   bundle's own savepoint.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Worker } from 'node:worker_threads';
import type { VerifiedBundle } from '../bundle/verify';
import type { SealingKey } from '../keys/key-store';
import { reusingStatements } from '../prepared';
import type { Session } from '../session';
import { ensureKey } from './identity';
import {
  checkAudience,
  importBundle,
  receiveVerified,
  refusedOutcome,
  releasePending,
  rotatedKey,
  sideFolders,
  type ImportOptions,
  type ImportOutcome,
} from './import';
import type { VerifyJob } from './import-worker';
import { READY, verifyFile, type FileVerdict } from './verify-file';
import { lookupTrustedKey } from './trust';
import { startWorker } from '../start-worker';
import { refreshProgressFacts } from '../progress-facts';

export interface BatchOptions extends ImportOptions {
  /** Bundles applied in one transaction. */
  groupSize?: number | undefined;
  /** Threads verifying files; 0 verifies on the importing thread. */
  workers?: number | undefined;
  /** Called after each group is committed, with the number of files done so far. */
  onCommitted?: ((done: number) => void) | undefined;
}

/**
 * Each commit writes every page the group changed and, past the journal's size, copies them into
 * the database: with a quarter from every ward, a few hundred bundles a commit cost half the time
 * of a hundred. The first group is small and each next one at most twice the one before, so
 * the verifying threads, started meanwhile, soon work a group ahead.
 */
const DEFAULT_GROUP = 400;
const FIRST_GROUP = 50;
const BATCH_CACHE_KIB = 256 * 1024;
const FEW_FILES = 8;
const GROUP_BYTES = 16 * 1024 * 1024;

/** The city's age identity goes to the worker so it opens sealed bundles; it stays in this process. */
export function startVerifyWorker(dbPath: string, identities: string[] = []): Worker {
  return startWorker(import.meta.url, 'import-worker', './import-worker.ts', { dbPath, identities });
}

/**
 * Files a worker holds at once: a whole group. This thread answers a worker only between groups
 * (applying one is synchronous work), so a worker holding a few files would sit idle through most
 * of every apply; this thread verifies only what no started worker has taken.
 */
const IN_FLIGHT = 512;

interface Queued {
  job: VerifyJob;
  resolve: (v: FileVerdict) => void;
}

/**
 * Verifies files in worker threads, from one queue: a worker takes files once it has started, and
 * this thread takes them too whenever it would otherwise wait (while the workers start, or when
 * they fall behind). Should a worker fail to start or die, its files are verified here instead.
 */
class Verifiers {
  private readonly workers: Array<{ w: Worker; ready: boolean; broken: boolean; held: Map<number, Queued> }> = [];
  private readonly queue: Queued[] = [];
  private next = 0;

  constructor(
    private readonly s: Session,
    count: number,
    private readonly identities: string[],
  ) {
    for (let i = 0; i < count; i++) {
      let w: Worker;
      try {
        w = startVerifyWorker(s.db.path, identities);
      } catch {
        break;
      }
      const slot = { w, ready: false, broken: false, held: new Map<number, Queued>() };
      this.workers.push(slot);
      w.postMessage(READY);
      w.on('message', (m: { ready: true } | { id: number; verdict: FileVerdict }) => {
        if ('ready' in m) slot.ready = true;
        else {
          const q = slot.held.get(m.id);
          slot.held.delete(m.id);
          q?.resolve(m.verdict);
        }
        this.pump();
      });
      const fail = () => {
        if (slot.broken) return;
        slot.broken = true;
        for (const q of slot.held.values()) this.here(q);
        slot.held.clear();
      };
      w.on('error', fail);
      w.on('exit', fail);
    }
  }

  verify(file: string, stage: string): Promise<FileVerdict> {
    return new Promise((resolve) => {
      this.queue.push({ job: { id: this.next++, file, stage }, resolve });
      this.pump();
    });
  }

  /** Hands queued files to every started worker with room; without any live worker, verifies them here. */
  private pump(): void {
    if (this.workers.every((x) => x.broken)) {
      for (let q = this.queue.shift(); q; q = this.queue.shift()) this.here(q);
      return;
    }
    for (const x of this.workers) {
      while (x.ready && !x.broken && x.held.size < IN_FLIGHT && this.queue.length > 0) {
        const q = this.queue.shift()!;
        x.held.set(q.job.id, q);
        x.w.postMessage(q.job);
      }
    }
  }

  private here(q: Queued): Promise<void> {
    return verifyFile(this.s, q.job.file, q.job.stage, this.identities).then(q.resolve);
  }

  /** Every verdict asked for, this thread verifying queued files itself rather than waiting idle. */
  async all(verdicts: Array<Promise<FileVerdict>>): Promise<FileVerdict[]> {
    for (let q = this.queue.shift(); q; q = this.queue.shift()) await this.here(q);
    return Promise.all(verdicts);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((x) => x.w.terminate()));
  }
}

interface Staged {
  file: string;
  stage: string;
  verdict: Promise<FileVerdict>;
}

/**
 * The key the worker verified with, as the database holds it now: a rotation or revocation
 * applied in the meantime could change the answer, and then the single import decides.
 */
function keyStillHolds(s: Session, v: VerifiedBundle): boolean {
  const m = v.manifest;
  const rotation = v.rotation === null || v.rotation === undefined ? undefined : Buffer.from(JSON.stringify(v.rotation));
  const key = lookupTrustedKey(s, m.keyId) ?? rotatedKey(s, m.keyId, m.owner, rotation);
  return !!key && !key.revokedAt && key.orgCode === m.owner && key.publicKey === v.signer.publicKey;
}

/**
 * The origins with a bundle waiting, as the group's transaction starts: only a bundle of one of
 * them, or of an origin whose bundle went to wait in this group, can release anything.
 */
function waitingOrigins(s: Session): Set<string> {
  const rows = s.db.sqlite.prepare("SELECT DISTINCT origin FROM bundle_in WHERE status = 'pending'").all() as { origin: string }[];
  return new Set(rows.map((r) => r.origin));
}

function releaseDue(s: Session, origin: string): boolean {
  return !!s.db.sqlite
    .prepare(
      `SELECT 1 FROM bundle_in WHERE origin = ? AND status = 'pending'
       AND seq_from <= (SELECT coalesce(max(last_seq), 0) + 1 FROM origin_state WHERE origin = ?) LIMIT 1`,
    )
    .get(origin, origin);
}

/**
 * Files in groups of at most `size`, and of at most GROUP_BYTES of bundle files (one may be
 * larger alone): two groups are held in memory at once, verified rows and all, and a few wards'
 * ten-year snapshots weigh as much as thousands of quarters.
 */
function grouped(files: string[], size: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const f of files) {
    const b = fs.statSync(f, { throwIfNoEntry: false })?.size ?? 0;
    const limit = Math.min(size, FIRST_GROUP * 2 ** Math.min(groups.length, 16));
    if (current.length > 0 && (current.length >= limit || bytes + b > GROUP_BYTES)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += b;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Every file imported, in the order given, with the same outcomes as importing them one by one. */
export async function importBundles(session: Session, files: string[], opts: BatchOptions = {}): Promise<ImportOutcome[]> {
  if (files.length === 0) return [];
  let cityKey: SealingKey | null = null;
  if (session.role === 'city') {
    try {
      cityKey = opts.cityKey ?? (opts.store ? await ensureKey(session, opts.store) : null);
    } catch {
      cityKey = null;
    }
    // Without the key no receipt can be signed: each file gets the single import's refusal.
    if (!cityKey) {
      const out: ImportOutcome[] = [];
      for (const f of files) out.push(await importBundle(session, f, opts));
      return out;
    }
  }
  const single: ImportOptions = { ...opts, cityKey: cityKey ?? undefined };
  const s = reusingStatements(session);
  const groupSize = Math.max(1, opts.groupSize ?? DEFAULT_GROUP);
  // One thread is left to apply; on a single core the verifying still overlaps the disk. A few
  // files are verified here: starting a thread would cost more than it saves.
  const workerCount = opts.workers ?? (files.length < FEW_FILES ? 0 : Math.min(4, Math.max(1, os.availableParallelism() - 1)));
  const verifiers = new Verifiers(s, workerCount, cityKey?.ageIdentity ? [cityKey.ageIdentity] : []);
  const incoming = sideFolders(s).incoming;
  const stageOf = (file: string): Staged => {
    const stage = path.join(incoming, randomBytes(8).toString('hex'));
    return { file, stage, verdict: verifiers.verify(file, stage) };
  };
  const groups = grouped(files, groupSize);

  const out: ImportOutcome[] = [];
  // Each bundle touches a few pages of every index it writes to, anywhere in a large city's
  // database: a page cache that holds the indexes saves reading them again for every group.
  const cacheSize = s.db.sqlite.pragma('cache_size', { simple: true }) as number;
  s.db.sqlite.pragma(`cache_size = ${-BATCH_CACHE_KIB}`);
  // A bundle's savepoint keeps the pages it changes as they were, to roll back to: in memory
  // rather than in a temporary file. A crash needs none of it (the group's transaction is lost whole).
  const tempStore = s.db.sqlite.pragma('temp_store', { simple: true }) as number;
  s.db.sqlite.pragma('temp_store = MEMORY');
  try {
    let ahead = groups[0]!.map(stageOf);
    for (let g = 0; g < groups.length; g++) {
      const current = ahead;
      const verdicts = await verifiers.all(current.map((x) => x.verdict));
      // The next group verifies while this one applies.
      ahead = g + 1 < groups.length ? groups[g + 1]!.map(stageOf) : [];
      await applyGroup(s, current, verdicts, cityKey, single, out);
      opts.onCommitted?.(out.length);
    }
  } finally {
    s.db.sqlite.pragma(`cache_size = ${cacheSize}`);
    s.db.sqlite.pragma(`temp_store = ${tempStore}`);
    await verifiers.close();
  }
  return out;
}

async function applyGroup(
  s: Session,
  group: Staged[],
  verdicts: FileVerdict[],
  cityKey: SealingKey | null,
  opts: ImportOptions,
  out: ImportOutcome[],
): Promise<void> {
  const db = s.db.sqlite;
  // Outcomes of the bundles applied since the last commit, by their place in `out`, should the commit fail.
  let open: number[] | null = null;
  let waiting = new Set<string>();
  const begin = () => {
    if (open) return;
    db.exec('BEGIN IMMEDIATE');
    open = [];
    waiting = waitingOrigins(s);
  };
  const commit = async () => {
    if (!open) return;
    const inGroup: number[] = open;
    open = null;
    try {
      refreshProgressFacts(s.db);
      db.exec('COMMIT');
    } catch {
      // Never expected (each bundle's rows were checked in its savepoint), but should SQLite
      // still refuse the commit, the group is rolled back and each file decided on its own.
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const i of inGroup) out[i] = await importBundle(s, out[i]!.file, opts);
    }
  };
  try {
    for (let i = 0; i < group.length; i++) {
      const { file, stage } = group[i]!;
      const verdict = verdicts[i]!;
      if (!verdict.ok || !keyStillHolds(s, verdict.v)) {
        fs.rmSync(stage, { recursive: true, force: true });
        await commit();
        out.push(await importBundle(s, file, opts));
        continue;
      }
      const v = verdict.v;
      begin();
      let outcome: ImportOutcome;
      try {
        checkAudience(s, file, v);
        outcome = receiveVerified(s, file, v, cityKey);
      } catch (e) {
        outcome = refusedOutcome(s, file, e, opts, v.manifest);
      } finally {
        // Only evidence files are staged; a bundle without any left nothing to remove.
        if (v.blobs.size > 0) fs.rmSync(stage, { recursive: true, force: true });
      }
      out.push(outcome);
      if (outcome.status !== 'refused') open!.push(out.length - 1);
      if (outcome.status === 'pending') waiting.add(v.manifest.origin);
      if (outcome.status === 'applied' && waiting.has(v.manifest.origin) && releaseDue(s, v.manifest.origin)) {
        // Bundles that waited for this one apply now, before anything after it, as they would one by one.
        await commit();
        outcome.released = await releasePending(s, v.manifest.origin, opts);
      }
    }
    await commit();
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}
