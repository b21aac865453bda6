import { randomUUID } from 'node:crypto';
import { AppError } from '../shared/errors';
import { getMeta, type Database } from './database';

export type Role = 'ward' | 'city';

/**
 * Who is acting on which database. Every service takes one; the hosts build it once at start-up.
 * `clock` is injectable so tests and the demo can pin "today".
 */
export interface Session {
  db: Database;
  role: Role;
  /** This installation's id: the origin of every change it writes. */
  installationId: string;
  /** The organisation this installation speaks for (ward or city code): the owner of what it writes. */
  orgCode: string;
  actor: string;
  now(): string;
}

export function newId(): string {
  return randomUUID();
}

export function systemClock(): string {
  return new Date().toISOString();
}

/**
 * An instant as Vietnam's wall clock shows it (UTC+7, no daylight saving), 'YYYY-MM-DDTHH:mm'.
 * The officer's calendar is Vietnam's: a change at 06:00 local time on 1 October belongs to
 * 1 October, not to 30 September UTC.
 */
export function vietnamTime(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 16);
}

export function todayIso(nowIso: string): string {
  return vietnamTime(nowIso).slice(0, 10);
}

/** Opens a session on an initialised database; refuses one that was never initialised. */
export function sessionFor(db: Database, opts: { actor?: string; now?: () => string } = {}): Session {
  const role = getMeta(db, 'role') as Role | undefined;
  const installationId = getMeta(db, 'installation_id');
  const orgCode = getMeta(db, 'org_code');
  if (!role || !installationId || !orgCode) throw new AppError('db.not_initialised', { path: db.path });
  return {
    db,
    role,
    installationId,
    orgCode,
    actor: opts.actor ?? getMeta(db, 'officer_name') ?? orgCode,
    now: opts.now ?? systemClock,
  };
}

/** Runs fn in one transaction (IMMEDIATE, so two writers never interleave). */
export function inTransaction<T>(s: Session, fn: () => T): T {
  return s.db.sqlite.transaction(fn).immediate();
}
