/**
 * Backup and restore of a whole installation: the database (copied with SQLite's online backup,
 * so it is consistent while the app runs) and the evidence files, in one zip (.wpbak).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import BetterSqlite3 from 'better-sqlite3';
import yazl from 'yazl';
import { AppError } from '../../shared/errors';
import type { Database } from '../database';
import { openZip, type ZipReader } from '../fs/zip-read';
import { sha256Hex } from '../blobs';
import type { BackupInfo } from '../../shared/api/contract-lists';

const DB_ENTRY = 'wardplan.db';
const MAX_DB_BYTES = 4 * 1024 * 1024 * 1024;

function stamp(nowIso: string): string {
  return nowIso.replace(/[-:]/g, '').replace('T', '-').slice(0, 13);
}

function listBlobs(blobDir: string): string[] {
  if (!fs.existsSync(blobDir)) return [];
  const out: string[] = [];
  for (const d of fs.readdirSync(blobDir)) {
    const sub = path.join(blobDir, d);
    if (!/^[0-9a-f]{2}$/.test(d) || !fs.statSync(sub).isDirectory()) continue;
    for (const f of fs.readdirSync(sub)) if (/^[0-9a-f]{64}$/.test(f)) out.push(path.join(sub, f));
  }
  return out;
}

export async function createBackup(db: Database, orgCode: string, outDir: string, nowIso: string): Promise<{ path: string; size: number }> {
  if (!fs.existsSync(outDir)) throw new AppError('bundle.out_dir_missing', { path: outDir });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-backup-'));
  try {
    const copy = path.join(work, DB_ENTRY);
    await db.sqlite.backup(copy);
    const zip = new yazl.ZipFile();
    zip.addFile(copy, DB_ENTRY);
    for (const b of listBlobs(db.blobDir)) zip.addFile(b, `files/${path.basename(b)}`, { compress: false });
    zip.end();
    const name = `${orgCode.replace(/[^A-Za-z0-9-]/g, '_')}_sao-luu_${stamp(nowIso)}.wpbak`;
    const target = path.join(outDir, name);
    const temp = path.join(outDir, `.${name}.tmp`);
    try {
      await pipeline(zip.outputStream, fs.createWriteStream(temp));
      const fd = fs.openSync(temp, 'r+');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(temp, target);
    } catch (e) {
      fs.rmSync(temp, { force: true });
      throw new AppError('backup.write_failed', { path: target, reason: (e as Error).message });
    }
    return { path: target, size: fs.statSync(target).size };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A ten-year ward's database with its evidence, with room to spare; beyond it a file is not our backup. */
const MAX_BACKUP_BYTES = 64 * 1024 * 1024 * 1024;
const MAX_BACKUP_ENTRIES = 1_000_000;

/** Unpacks a backup into a folder, refusing any entry that is not the database or an evidence file. */
async function unpack(file: string, into: string): Promise<{ madeAt: string | null }> {
  const notBackup = () => new AppError('backup.not_a_backup', { path: file });
  let zip: ZipReader;
  try {
    zip = await openZip(file, {
      maxEntries: MAX_BACKUP_ENTRIES,
      maxTotalBytes: MAX_BACKUP_BYTES,
      capOf(name) {
        if (name !== DB_ENTRY && !/^files\/[0-9a-f]{64}$/.test(name)) throw notBackup();
        return MAX_DB_BYTES;
      },
    });
  } catch {
    throw notBackup();
  }
  try {
    for (const [name, e] of zip.entries) {
      const dest = path.join(into, name);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      const fd = fs.openSync(dest, 'w');
      try {
        await zip.pipe(name, e.size, (c) => fs.writeSync(fd, c));
      } finally {
        fs.closeSync(fd);
      }
    }
  } catch {
    throw notBackup();
  } finally {
    zip.close();
  }
  // The database copy is written the moment the backup is made: its time is the backup's.
  return { madeAt: zip.entries.get(DB_ENTRY)?.modified.toISOString() ?? null };
}

/**
 * Checks a backup before anything is touched: it must be a WardPlan database of the same role,
 * whole (integrity_check) and its evidence files must match their names.
 */
export async function prepareRestore(file: string): Promise<{ dir: string; dbFile: string; orgCode: string; madeAt: string | null }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-restore-'));
  try {
    const { madeAt } = await unpack(file, dir);
    const dbFile = path.join(dir, DB_ENTRY);
    if (!fs.existsSync(dbFile)) throw new AppError('backup.not_a_backup', { path: file });
    let orgCode: string | undefined;
    try {
      const check = new BetterSqlite3(dbFile, { readonly: true });
      try {
        const ok = check.pragma('integrity_check', { simple: true });
        const row = check.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'org_code'").get();
        orgCode = ok === 'ok' ? row?.value : undefined;
      } finally {
        check.close();
      }
    } catch {
      orgCode = undefined;
    }
    if (!orgCode) throw new AppError('backup.not_a_backup', { path: file });
    const filesDir = path.join(dir, 'files');
    if (fs.existsSync(filesDir)) {
      for (const f of fs.readdirSync(filesDir)) {
        if (sha256Hex(fs.readFileSync(path.join(filesDir, f))) !== f) throw new AppError('backup.corrupt', { path: file });
      }
    }
    return { dir, dbFile, orgCode, madeAt };
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Replaces the database with a prepared backup. The caller has closed the database. The current
 * file is kept beside it under a dated name, so a restore can itself be undone.
 */
export function swapInRestore(prepared: { dir: string; dbFile: string }, dbPath: string, blobDir: string, nowIso: string): { previousKeptAt: string } {
  const kept = `${dbPath}.truoc-khoi-phuc-${stamp(nowIso)}`;
  try {
    if (fs.existsSync(dbPath)) {
      // The WAL was checkpointed on close; its leftovers must not be replayed over the restored file.
      fs.renameSync(dbPath, kept);
      for (const ext of ['-wal', '-shm']) fs.rmSync(`${dbPath}${ext}`, { force: true });
    }
    fs.copyFileSync(prepared.dbFile, dbPath);
    const filesDir = path.join(prepared.dir, 'files');
    if (fs.existsSync(filesDir)) {
      for (const f of fs.readdirSync(filesDir)) {
        const dest = path.join(blobDir, f.slice(0, 2), f);
        if (!fs.existsSync(dest)) {
          fs.mkdirSync(path.dirname(dest), { recursive: true });
          fs.copyFileSync(path.join(filesDir, f), dest);
        }
      }
    }
    return { previousKeptAt: kept };
  } finally {
    fs.rmSync(prepared.dir, { recursive: true, force: true });
  }
}

/**
 * What a backup holds (whose, from when, how much), read from a checked copy before the officer
 * confirms a restore. Nothing of the current installation is touched.
 */
export async function inspectBackup(file: string, displayName: string, currentOrg: string | null): Promise<BackupInfo> {
  const prepared = await prepareRestore(file);
  try {
    const db = new BetterSqlite3(prepared.dbFile, { readonly: true });
    try {
      // A plain connection, not the app's: the copy is opened read-only and never migrated.
      const meta = (key: string) => db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value;
      const n = (sql: string) => db.prepare<[], { n: number }>(sql).get()!.n;
      const own = (table: string) => n(`SELECT count(*) AS n FROM "${table}" WHERE deleted = 0 AND owner = (SELECT value FROM meta WHERE key = 'org_code')`);
      const role = meta('role') === 'city' ? 'city' : 'ward';
      const orgName = meta(role === 'city' ? 'city_name' : 'ward_name') ?? prepared.orgCode;
      const filesDir = path.join(prepared.dir, 'files');
      return {
        fileName: displayName,
        role,
        orgCode: prepared.orgCode,
        orgName,
        madeAt: prepared.madeAt,
        lastChangeAt: db.prepare<[], { at: string | null }>('SELECT max(at) AS at FROM change_log').get()!.at,
        counts: {
          plans: own('plan'),
          tasks: own('task'),
          progress: own('task_progress'),
          evidence: own('evidence'),
          indicatorValues: own('indicator_value'),
          units: own('unit'),
          files: fs.existsSync(filesDir) ? fs.readdirSync(filesDir).length : 0,
        },
        sameOrg: currentOrg === null || currentOrg === prepared.orgCode,
      };
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(prepared.dir, { recursive: true, force: true });
  }
}
