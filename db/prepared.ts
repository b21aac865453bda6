/**
 * Statements prepared once per connection. Preparing costs more than running a short statement,
 * so code that runs a statement thousands of times (a search list read on every keystroke, a
 * city importing every ward's quarter) keeps it. Only SQL written in the code is kept this way,
 * never SQL built from input, so the cache holds a fixed, small set.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Session } from './session';

const byConnection = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement<unknown[]>>>();

export function preparedOn(db: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement<unknown[]> {
  let byText = byConnection.get(db);
  if (!byText) byConnection.set(db, (byText = new Map()));
  let st = byText.get(sql);
  if (!st) byText.set(sql, (st = db.prepare(sql)));
  return st;
}

/**
 * The statement for this SQL, typed as the caller reads it, as `prepare<P, R>` types a statement:
 * the cache holds statements of every shape, so the type is the caller's word, like better-sqlite3's.
 */
export function prepared<P extends unknown[] = unknown[], R = unknown>(s: Session, sql: string): BetterSqlite3.Statement<P, R> {
  return preparedOn(s.db.sqlite, sql) as unknown as BetterSqlite3.Statement<P, R>;
}

/**
 * A session whose connection keeps every statement it prepares: code written for one call (a single
 * import) run thousands of times in a row. Meant for the length of such a run; the statements are
 * the connection's own cache above, so they outlive it only as the fixed set that code prepares.
 */
export function reusingStatements(s: Session): Session {
  const db = s.db.sqlite;
  const prepare = (sql: string) => preparedOn(db, sql);
  const bound = new Map<PropertyKey, unknown>();
  const sqlite = new Proxy(db, {
    get(target, key) {
      if (key === 'prepare') return prepare;
      const v: unknown = Reflect.get(target, key, target);
      if (typeof v !== 'function') return v;
      let f = bound.get(key);
      if (!f) bound.set(key, (f = (v as (...a: unknown[]) => unknown).bind(target)));
      return f;
    },
  });
  return { ...s, db: { ...s.db, sqlite } };
}
