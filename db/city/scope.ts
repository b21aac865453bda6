/**
 * What every city aggregation shares: the period asked for, the day it is judged on, the list of
 * wards (with their group), and a cache that lives exactly as long as the data does.
 */
import { AppError } from '../../shared/errors';
import { formatPeriodCode, parsePeriod, periodRange, type Period } from '../../shared/rules/period';
import type { Database } from '../database';
import type { org, wardInfo } from '../schema';
import { todayIso, type Session } from '../session';

export interface PeriodScope {
  period: Period;
  code: string;
  year: number;
  start: string;
  end: string;
  /** The period's last day, or today while the period is still running. */
  asOf: string;
}

export function periodScope(s: Session, code: string): PeriodScope {
  const period = parsePeriod(code);
  if (!period) throw new AppError('period.invalid', { value: code });
  const { start, end } = periodRange(period);
  const today = todayIso(s.now());
  return { period, code: formatPeriodCode(period), year: period.year, start, end, asOf: today < end ? (today < start ? start : today) : end };
}

export type WardRef = Pick<typeof org.$inferSelect, 'code' | 'name'> & { group: (typeof wardInfo.$inferSelect)['wardGroup'] };

/** Wards in the city's list, plus any ward that sent data without being listed. */
export function listWards(s: Session): WardRef[] {
  return s.db.sqlite
    .prepare<[], WardRef>(
      `SELECT w.code, w.name, i.ward_group AS "group" FROM (
         SELECT code, name FROM org WHERE kind = 'ward'
         UNION SELECT DISTINCT owner, owner FROM origin_state WHERE owner NOT IN (SELECT code FROM org)
       ) w LEFT JOIN ward_info i ON i.ward_code = w.code ORDER BY w.code`,
    )
    .all();
}

export function wardCodesOfGroup(wards: WardRef[], group: string | undefined): Set<string> | null {
  if (!group) return null;
  return new Set(wards.filter((w) => w.group === group).map((w) => w.code));
}

/**
 * The change log only grows, and every row a ward's bundle brings is appended to it, so its
 * largest rowid changes whenever anything the aggregations read changes.
 */
function dataVersion(db: Database): string {
  // Asked before every cached answer: two plain aggregate statements, typed where they are written.
  const r = db.sqlite.prepare<[], { v: number | null }>('SELECT max(rowid) AS v FROM change_log').get()!;
  const k = db.sqlite.prepare<[], { n: number; u: string | null }>('SELECT count(*) AS n, max(updated_at) AS u FROM ward_info').get()!;
  return `${r.v ?? 0}/${k.n}/${k.u ?? ''}`;
}

const caches = new WeakMap<Database, { version: string; entries: Map<string, unknown> }>();

/** Computes once per data version: a second screen asking the same question answers at once. */
export function cached<T>(db: Database, key: string, compute: () => T): T {
  const version = dataVersion(db);
  let c = caches.get(db);
  if (!c || c.version !== version) caches.set(db, (c = { version, entries: new Map() }));
  if (c.entries.has(key)) return c.entries.get(key) as T;
  const value = compute();
  // A handful of periods and screens at most; keep memory bounded all the same.
  if (c.entries.size > 64) c.entries.clear();
  c.entries.set(key, value);
  return value;
}

export function paginate<T>(rows: T[], page: number, pageSize: number): T[] {
  return rows.slice((page - 1) * pageSize, page * pageSize);
}
