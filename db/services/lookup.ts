import { AppError, type ErrorCode } from '../../shared/errors';
import { getMeta } from '../database';
import type { Session } from '../session';

type CodedTable = 'unit' | 'directive' | 'area' | 'indicator';

/**
 * The organisations whose catalog this session sees: its own first, then its city's.
 * A city sees its own catalog only; wards' rows are reached through their owner explicitly.
 */
export function visibleOwners(s: Session): string[] {
  const city = getMeta(s.db, 'city_code');
  return s.role === 'ward' && city ? [s.orgCode, city] : [s.orgCode];
}

export function findIdByCode(s: Session, table: CodedTable, code: string, owners = visibleOwners(s)): string | undefined {
  const placeholders = owners.map(() => '?').join(', ');
  // Raw SQL: the owners' order of preference is a CASE over however many there are.
  const row = s.db.sqlite
    .prepare<string[], { id: string }>(
      `SELECT id FROM "${table}" WHERE code = ? AND deleted = 0 AND owner IN (${placeholders})
       ORDER BY CASE owner ${owners.map((_, i) => `WHEN ? THEN ${i}`).join(' ')} END LIMIT 1`,
    )
    .get(code, ...owners, ...owners);
  return row?.id;
}

const NOT_FOUND: Record<CodedTable, ErrorCode> = {
  unit: 'unit.not_found',
  directive: 'directive.not_found',
  area: 'area.not_found',
  indicator: 'indicator.not_found',
};

export function requireIdByCode(s: Session, table: CodedTable, code: string): string {
  const id = findIdByCode(s, table, code);
  if (!id) throw new AppError(NOT_FOUND[table], { code });
  return id;
}

export function ownedCodeExists(s: Session, table: CodedTable, code: string): boolean {
  return !!s.db.sqlite.prepare(`SELECT 1 FROM "${table}" WHERE code = ? AND owner = ? AND deleted = 0`).get(code, s.orgCode);
}

/**
 * The id of this organisation's retired row with this code, if any: codes are unique per owner
 * even among tombstones, so adding a retired code again brings the same row back.
 */
export function retiredOwnedId(s: Session, table: CodedTable, code: string): string | undefined {
  return s.db.sqlite.prepare<[string, string], { id: string }>(`SELECT id FROM "${table}" WHERE code = ? AND owner = ? AND deleted = 1`).get(code, s.orgCode)
    ?.id;
}
