import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../db/database';
import { createDemoWard } from '../../db/services/demo';
import type { Session } from '../../db/session';

const made: string[] = [];

/** A fresh folder under the system temp dir, removed when the test process ends. */
export function tempDir(prefix = 'wardplan-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

process.on('exit', () => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

/** A fixed "now" so calendar rules give the same answer every day the tests run. */
export const FIXED_NOW = '2026-10-15T03:00:00.000Z';
export const fixedClock = () => FIXED_NOW;

export function demoWard(opts: { now?: () => string } = {}): { db: Database; s: Session; dir: string } {
  const dir = tempDir();
  const db = openDatabase(path.join(dir, 'ward.db'));
  const s = createDemoWard(db, { now: opts.now ?? fixedClock });
  return { db, s, dir };
}

/** Every owned and local table's content, to prove a refused change left nothing behind. */
export function dumpDatabase(db: Database): string {
  const tables = (
    db.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'task_search_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((r) => r.name);
  return tables.map((t) => `${t}:${JSON.stringify(db.sqlite.prepare(`SELECT * FROM "${t}"`).all())}`).join('\n');
}
