import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { isValidIsoDate } from '../../shared/rules/period';
import { area, directive, unit } from '../schema';
import { inTransaction, newId, type Session } from '../session';
import { saveOwnedRow } from '../write';
import { ownedCodeExists, retiredOwnedId, visibleOwners } from './lookup';
import type { AreaRow, DirectiveRow, UnitRow } from '../../shared/api/types';

function requireCode(code: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/.test(code)) throw new AppError('catalog.bad_code', { code });
}

export function listUnits(s: Session): UnitRow[] {
  return s.db.orm
    .select({ id: unit.id, owner: unit.owner, code: unit.code, name: unit.name })
    .from(unit)
    .where(and(eq(unit.deleted, 0), inArray(unit.owner, visibleOwners(s))))
    .orderBy(unit.code)
    .all();
}

export function addUnit(s: Session, input: { code: string; name: string }): UnitRow {
  requireCode(input.code);
  return inTransaction(s, () => {
    if (ownedCodeExists(s, 'unit', input.code)) throw new AppError('unit.duplicate', { code: input.code });
    const id = retiredOwnedId(s, 'unit', input.code) ?? newId();
    const name = input.name.trim();
    saveOwnedRow(s, 'unit', { id, code: input.code, name, deleted: 0 }, 'unit.add');
    return { id, owner: s.orgCode, code: input.code, name };
  });
}

export function listDirectives(s: Session): DirectiveRow[] {
  const d = directive;
  return s.db.orm
    .select({ id: d.id, owner: d.owner, code: d.code, number: d.number, issuedOn: d.issuedOn, issuer: d.issuer, title: d.title })
    .from(d)
    .where(and(eq(d.deleted, 0), inArray(d.owner, visibleOwners(s))))
    .orderBy(d.issuedOn, d.code)
    .all();
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
  // A ward and its city both list the standard areas: show each code once, the ward's own first.
  const rows: AreaRow[] = s.db.orm
    .select({ id: area.id, owner: area.owner, code: area.code, name: area.name, sort: area.sort })
    .from(area)
    .where(and(eq(area.deleted, 0), inArray(area.owner, visibleOwners(s))))
    .orderBy(area.sort, area.code)
    .all();
  const seen = new Map<string, AreaRow>();
  for (const r of rows) {
    const prev = seen.get(r.code);
    if (!prev || (prev.owner !== s.orgCode && r.owner === s.orgCode)) seen.set(r.code, r);
  }
  return [...seen.values()].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
}

export function upsertAreaByCode(s: Session, input: { code: string; name: string; sort: number }): string {
  const existing = s.db.orm
    .select({ id: area.id })
    .from(area)
    .where(and(eq(area.owner, s.orgCode), eq(area.code, input.code)))
    .get();
  const id = existing?.id ?? newId();
  saveOwnedRow(s, 'area', { id, code: input.code, name: input.name, sort: input.sort, deleted: 0 }, existing ? 'area.update' : 'area.add');
  return id;
}
