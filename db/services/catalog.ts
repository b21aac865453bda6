import { AppError } from '../../shared/errors';
import { isValidIsoDate } from '../../shared/rules/period';
import { inTransaction, newId, type Session } from '../session';
import { saveOwnedRow } from '../write';
import { ownedCodeExists, retiredOwnedId, visibleOwners } from './lookup';
import type { AreaRow, DirectiveRow, UnitRow } from '../../shared/api/types';

function inOwners(s: Session): { sql: string; args: string[] } {
  const owners = visibleOwners(s);
  return { sql: `owner IN (${owners.map(() => '?').join(', ')})`, args: owners };
}

function requireCode(code: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/.test(code)) throw new AppError('catalog.bad_code', { code });
}

export function listUnits(s: Session): UnitRow[] {
  const o = inOwners(s);
  return s.db.sqlite.prepare(`SELECT id, owner, code, name FROM unit WHERE deleted = 0 AND ${o.sql} ORDER BY code`).all(...o.args) as UnitRow[];
}

export function addUnit(s: Session, input: { code: string; name: string }): UnitRow {
  requireCode(input.code);
  return inTransaction(s, () => {
    if (ownedCodeExists(s, 'unit', input.code)) throw new AppError('unit.duplicate', { code: input.code });
    const row = saveOwnedRow(
      s,
      'unit',
      { id: retiredOwnedId(s, 'unit', input.code) ?? newId(), code: input.code, name: input.name.trim(), deleted: 0 },
      'unit.add',
    );
    return { id: String(row.id), owner: s.orgCode, code: input.code, name: String(row.name) };
  });
}

export function listDirectives(s: Session): DirectiveRow[] {
  const o = inOwners(s);
  return s.db.sqlite
    .prepare(`SELECT id, owner, code, number, issued_on AS issuedOn, issuer, title FROM directive WHERE deleted = 0 AND ${o.sql} ORDER BY issued_on, code`)
    .all(...o.args) as DirectiveRow[];
}

export function addDirective(
  s: Session,
  input: { code: string; number?: string | null | undefined; date?: string | null | undefined; issuer: string; title: string; sort?: number | undefined },
): DirectiveRow {
  requireCode(input.code);
  if (input.date && !isValidIsoDate(input.date)) throw new AppError('date.invalid', { value: input.date });
  return inTransaction(s, () => {
    if (ownedCodeExists(s, 'directive', input.code)) throw new AppError('directive.duplicate', { code: input.code });
    const id = retiredOwnedId(s, 'directive', input.code) ?? newId();
    // A group of documents without a single number is stored with '' (the column is NOT NULL).
    const number = (input.number ?? '').trim();
    const issuer = input.issuer.trim();
    const title = input.title.trim();
    saveOwnedRow(
      s,
      'directive',
      { id, code: input.code, number, issued_on: input.date ?? null, issuer, title, sort: input.sort ?? 0, deleted: 0 },
      'directive.add',
    );
    return { id, owner: s.orgCode, code: input.code, number, issuedOn: input.date ?? null, issuer, title };
  });
}

export function listAreas(s: Session): AreaRow[] {
  const o = inOwners(s);
  // A ward and its city both list the standard areas: show each code once, the ward's own first.
  const rows = s.db.sqlite
    .prepare(`SELECT id, owner, code, name, sort FROM area WHERE deleted = 0 AND ${o.sql} ORDER BY sort, code`)
    .all(...o.args) as AreaRow[];
  const seen = new Map<string, AreaRow>();
  for (const r of rows) {
    const prev = seen.get(r.code);
    if (!prev || (prev.owner !== s.orgCode && r.owner === s.orgCode)) seen.set(r.code, r);
  }
  return [...seen.values()].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
}

export function upsertAreaByCode(s: Session, input: { code: string; name: string; sort: number }): string {
  const existing = s.db.sqlite.prepare('SELECT id FROM area WHERE owner = ? AND code = ?').get(s.orgCode, input.code) as { id: string } | undefined;
  const id = existing?.id ?? newId();
  saveOwnedRow(s, 'area', { id, code: input.code, name: input.name, sort: input.sort, deleted: 0 }, existing ? 'area.update' : 'area.add');
  return id;
}
