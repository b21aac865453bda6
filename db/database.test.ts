import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/temp';
import { defaultMigrationsFolder, getMeta, openDatabase } from './database';
import { initWard } from './services/setup';

function tableNames(db: ReturnType<typeof openDatabase>): string[] {
  return (db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

/** A copy of the migrations folder holding only the first `n` migrations: an earlier version's schema. */
function migrationsUpTo(n: number): string {
  const src = defaultMigrationsFolder();
  const dst = tempDir('wardplan-mig-');
  const journal = JSON.parse(fs.readFileSync(path.join(src, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  fs.mkdirSync(path.join(dst, 'meta'));
  const kept = journal.entries.slice(0, n);
  fs.writeFileSync(path.join(dst, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  for (const e of kept) fs.copyFileSync(path.join(src, `${e.tag}.sql`), path.join(dst, `${e.tag}.sql`));
  return dst;
}

const journalSize = (JSON.parse(fs.readFileSync(path.join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries
  .length;

describe('database', () => {
  it('migrates an empty file to the full schema with WAL and foreign keys on', () => {
    const db = openDatabase(path.join(tempDir(), 'a.db'));
    expect(tableNames(db)).toEqual(expect.arrayContaining(['task', 'task_progress', 'change_log', 'audit_log', 'indicator_value', 'task_search']));
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('opening again applies nothing twice and keeps the data', () => {
    const file = path.join(tempDir(), 'b.db');
    const db = openDatabase(file);
    initWard(db, { wardCode: 'W1', wardName: 'Phường Một', cityCode: 'C', cityName: 'Thành phố' });
    db.close();
    const again = openDatabase(file);
    expect(getMeta(again, 'org_code')).toBe('W1');
    const applied = again.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(journalSize);
    again.close();
  });

  it.each(Array.from({ length: journalSize - 1 }, (_, i) => i + 1))('upgrades a database made by the first %i migration(s)', (n) => {
    const file = path.join(tempDir(), 'old.db');
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(n) });
    initWard(old, { wardCode: 'W2', wardName: 'Xã Hai', cityCode: 'C', cityName: 'Tỉnh' });
    const areas = (old.sqlite.prepare('SELECT count(*) AS n FROM area').get() as { n: number }).n;
    old.close();
    const now = openDatabase(file);
    expect((now.sqlite.prepare('SELECT count(*) AS n FROM area').get() as { n: number }).n).toBe(areas);
    expect(tableNames(now)).toContain('task_search');
    now.close();
  });

  it('re-keys search rows written before task_search_key existed, so search and re-indexing still work', () => {
    const file = path.join(tempDir(), 'fts.db');
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(2) });
    // What the earlier version wrote: search rows keyed only by task_id.
    old.sqlite.prepare('INSERT INTO task_search (task_id, body) VALUES (?, ?)').run('t-1', 'chuyen doi so cap phuong');
    old.sqlite.prepare('INSERT INTO task_search (task_id, body) VALUES (?, ?)').run('t-2', 'nang cap mang lan');
    old.close();
    const db = openDatabase(file);
    const hit = (q: string) =>
      (db.sqlite.prepare('SELECT task_id FROM task_search WHERE task_search MATCH ?').all(q) as { task_id: string }[]).map((r) => r.task_id);
    expect(hit('"chuyen"*')).toEqual(['t-1']);
    const keys = db.sqlite.prepare('SELECT k.task_id FROM task_search_key k JOIN task_search f ON f.rowid = k.rid ORDER BY k.task_id').all();
    expect(keys).toEqual([{ task_id: 't-1' }, { task_id: 't-2' }]);
    db.close();
  });

  it('refuses a missing database when it must exist, and creates nothing', () => {
    const file = path.join(tempDir(), 'missing.db');
    expect(() => openDatabase(file, { mustExist: true })).toThrow(expect.objectContaining({ code: 'db.not_found' }));
    expect(fs.existsSync(file)).toBe(false);
  });
});
