/**
 * Accounts of the city's staff for the dashboard: Argon2id password hashes, sign-in with a
 * lock-out after repeated failures, browser sessions whose cookie token is stored only as a hash,
 * and a CSRF token per session. Every administrative change leaves an audit row.
 */
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, count, eq, gt, isNull, max, min } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { CityRole, CityUserRow } from '../../shared/api/contract-city';
import { cityLoginAttempt, cityUser, cityWebSession } from '../schema';
import { inTransaction, type Session } from '../session';
import { audit } from '../write';

/** 5 failures within 15 minutes lock the account for the rest of those 15 minutes. */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
export const SESSION_TTL_MS = 8 * 3600_000;
export const MIN_PASSWORD_LENGTH = 10;

/** Argon2id (algorithm 2) with the OWASP-recommended memory and time cost. */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** Verified against when the name is unknown, so a wrong name costs as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

export interface SignedIn {
  token: string;
  csrf: string;
  user: CityUserRow;
}

type UserDbRow = typeof cityUser.$inferSelect;

function toRow(u: UserDbRow): CityUserRow {
  return { id: u.id, name: u.name, role: u.role, createdAt: u.createdAt, disabled: u.disabledAt !== null };
}

function checkName(name: string): string {
  const n = name.trim();
  if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(n)) throw new AppError('auth.bad_user_name', { name });
  return n;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('auth.password_too_short', { min: MIN_PASSWORD_LENGTH });
  if (password.length > 1024) throw new AppError('auth.password_too_long');
}

function findUser(s: Session, name: string): UserDbRow | undefined {
  return s.db.orm.select().from(cityUser).where(eq(cityUser.name, name.trim())).get();
}

function requireUser(s: Session, name: string): UserDbRow {
  const u = findUser(s, name);
  if (!u) throw new AppError('auth.no_such_user', { name });
  return u;
}

function as(s: Session, actor: string): Session {
  return { ...s, actor };
}

export function listUsers(s: Session): CityUserRow[] {
  return s.db.orm.select().from(cityUser).orderBy(cityUser.name).all().map(toRow);
}

export function countAdmins(s: Session): number {
  return s.db.orm
    .select({ n: count() })
    .from(cityUser)
    .where(and(eq(cityUser.role, 'admin'), isNull(cityUser.disabledAt)))
    .get()!.n;
}

export async function addUser(s: Session, input: { name: string; role: CityRole; password: string }, actor: string): Promise<CityUserRow> {
  const name = checkName(input.name);
  checkPassword(input.password);
  if (findUser(s, name)) throw new AppError('auth.user_exists', { name });
  const passwordHash = await hash(input.password, ARGON2);
  return inTransaction(s, () => {
    if (findUser(s, name)) throw new AppError('auth.user_exists', { name });
    const at = s.now();
    const r = s.db.sqlite
      .prepare('INSERT INTO city_user (name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(name, input.role, passwordHash, at, at);
    audit(as(s, actor), 'user.add', 'city_user', String(r.lastInsertRowid), { name, role: input.role });
    return toRow(requireUser(s, name));
  });
}

export async function setPassword(s: Session, name: string, password: string, actor: string): Promise<CityUserRow> {
  checkPassword(password);
  requireUser(s, name);
  const passwordHash = await hash(password, ARGON2);
  return inTransaction(s, () => {
    const u = requireUser(s, name);
    s.db.sqlite.prepare('UPDATE city_user SET password_hash = ?, updated_at = ? WHERE id = ?').run(passwordHash, s.now(), u.id);
    // A new password signs out every browser that used the old one.
    s.db.sqlite.prepare('DELETE FROM city_web_session WHERE user_id = ?').run(u.id);
    audit(as(s, actor), 'user.passwd', 'city_user', String(u.id), { name: u.name });
    return toRow(requireUser(s, name));
  });
}

export function disableUser(s: Session, name: string, actor: string): CityUserRow {
  return inTransaction(s, () => {
    const u = requireUser(s, name);
    if (u.role === 'admin' && u.disabledAt === null && countAdmins(s) <= 1) throw new AppError('auth.last_admin', { name: u.name });
    s.db.sqlite.prepare('UPDATE city_user SET disabled_at = ?, updated_at = ? WHERE id = ?').run(s.now(), s.now(), u.id);
    s.db.sqlite.prepare('DELETE FROM city_web_session WHERE user_id = ?').run(u.id);
    audit(as(s, actor), 'user.disable', 'city_user', String(u.id), { name: u.name });
    return toRow(requireUser(s, name));
  });
}

function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Failures since the later of (window start, last success). */
function recentFailures(s: Session, name: string, nowMs: number): { count: number; oldest: string | null } {
  const since = new Date(nowMs - LOCKOUT_WINDOW_MS).toISOString();
  const a = cityLoginAttempt;
  const lastOk = s.db.orm
    .select({ at: max(a.at) })
    .from(a)
    .where(and(eq(a.userName, name), eq(a.ok, 1)))
    .get()!;
  const from = lastOk.at && lastOk.at > since ? lastOk.at : since;
  const r = s.db.orm
    .select({ n: count(), oldest: min(a.at) })
    .from(a)
    .where(and(eq(a.userName, name), eq(a.ok, 0), gt(a.at, from)))
    .get()!;
  return { count: r.n, oldest: r.oldest };
}

export async function signIn(s: Session, name: string, password: string): Promise<SignedIn> {
  const key = name.trim();
  const nowMs = Date.parse(s.now());
  const failures = recentFailures(s, key, nowMs);
  if (failures.count >= LOCKOUT_FAILURES) {
    const until = Date.parse(failures.oldest!) + LOCKOUT_WINDOW_MS;
    throw new AppError('auth.locked', { minutes: Math.max(1, Math.ceil((until - nowMs) / 60_000)) });
  }
  const u = findUser(s, key);
  decoyHash ??= hash(crypto.randomBytes(16).toString('hex'), ARGON2);
  const ok = u ? await verify(u.passwordHash, password) : (await verify(await decoyHash, password), false);
  const usable = ok && u !== undefined && u.disabledAt === null;
  return (
    inTransaction(s, () => {
      s.db.sqlite.prepare('INSERT INTO city_login_attempt (user_name, at, ok) VALUES (?, ?, ?)').run(key, s.now(), usable ? 1 : 0);
      if (!usable || !u) {
        // Committed even though the sign-in fails: the failure must count towards the lock-out.
        return null;
      }
      const token = crypto.randomBytes(32).toString('base64url');
      const csrf = crypto.randomBytes(32).toString('base64url');
      s.db.sqlite.prepare('DELETE FROM city_web_session WHERE expires_at < ?').run(s.now());
      s.db.sqlite
        .prepare('INSERT INTO city_web_session (token_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
        .run(tokenHash(token), u.id, csrf, s.now(), new Date(nowMs + SESSION_TTL_MS).toISOString());
      audit(as(s, u.name), 'user.sign_in', 'city_user', String(u.id));
      return { token, csrf, user: toRow(u) };
    }) ?? failSignIn(s, key, nowMs)
  );
}

function failSignIn(s: Session, name: string, nowMs: number): never {
  const f = recentFailures(s, name, nowMs);
  if (f.count >= LOCKOUT_FAILURES) throw new AppError('auth.locked', { minutes: Math.ceil(LOCKOUT_WINDOW_MS / 60_000) });
  throw new AppError('auth.bad_credentials', { left: LOCKOUT_FAILURES - f.count });
}

/** The signed-in user behind a cookie token, or null when it is unknown, expired or disabled. */
export function sessionOf(s: Session, token: string | undefined): { user: CityUserRow; csrf: string } | null {
  if (!token || token.length > 200) return null;
  const r = s.db.orm
    .select({ user: cityUser, csrf: cityWebSession.csrf, expiresAt: cityWebSession.expiresAt })
    .from(cityWebSession)
    .innerJoin(cityUser, eq(cityUser.id, cityWebSession.userId))
    .where(eq(cityWebSession.tokenHash, tokenHash(token)))
    .get();
  if (!r || r.user.disabledAt !== null || r.expiresAt <= s.now()) return null;
  return { user: toRow(r.user), csrf: r.csrf };
}

export function signOut(s: Session, token: string | undefined): void {
  if (!token) return;
  s.db.sqlite.prepare('DELETE FROM city_web_session WHERE token_hash = ?').run(tokenHash(token));
}
