import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppError } from '../shared/errors';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface Database {
  sqlite: BetterSqlite3.Database;
  orm: Orm;
  /** Absolute path of the database file. */
  path: string;
  /** Folder beside the database where evidence files live under their SHA-256. */
  blobDir: string;
  close(): void;
}

export interface OpenOptions {
  /** Refuse to create a new file: for every command that works on an existing ward. */
  mustExist?: boolean;
  /** Where the migrations are; the Electron build passes its own, the rest use the source tree. */
  migrationsFolder?: string;
}

export function defaultMigrationsFolder(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export function blobDirFor(dbPath: string): string {
  return `${dbPath}.files`;
}

export function openDatabase(dbPath: string, opts: OpenOptions = {}): Database {
  const abs = path.resolve(dbPath);
  if (opts.mustExist && !fs.existsSync(abs)) throw new AppError('db.not_found', { path: abs });
  if (!fs.existsSync(path.dirname(abs))) throw new AppError('db.folder_missing', { path: path.dirname(abs) });
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(abs);
    // WAL keeps readers working during writes and survives a crash mid-transaction;
    // synchronous=FULL because an officer's day of work matters more than write speed.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
  } catch (e) {
    throw new AppError('db.cannot_open', { path: abs, reason: (e as Error).message });
  }
  const orm = drizzle(sqlite, { schema });
  try {
    migrate(orm, { migrationsFolder: opts.migrationsFolder ?? defaultMigrationsFolder() });
  } catch (e) {
    sqlite.close();
    throw new AppError('db.migration_failed', { path: abs, reason: (e as Error).message });
  }
  const blobDir = blobDirFor(abs);
  return {
    sqlite,
    orm,
    path: abs,
    blobDir,
    close() {
      if (sqlite.open) sqlite.close();
    },
  };
}

export function getMeta(db: Database, key: string): string | undefined {
  const row = db.sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Database, key: string, value: string): void {
  db.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
