/**
 * The city's catalog as the dashboard edits it: targets for every ward or for one, on indicators
 * the city owns. An indicator the wards already use is adopted into the city's catalog (same code,
 * name, unit and area) the first time the city sets a target for it.
 */
import { AppError } from '../../shared/errors';
import { and, count, eq, gt, max } from 'drizzle-orm';
import type { CatalogView, CityInput } from '../../shared/api/contract-city';
import { parseComparator } from '../../shared/rules/indicator';
import { addIndicator } from '../services/indicators';
import { findIdByCode } from '../services/lookup';
import { area, bundleOut, changeLog, indicator, indicatorTarget, org, wardInfo } from '../schema';
import { inTransaction, newId, type Session } from '../session';
import { audit, saveOwnedRow } from '../write';

type WardInfoRow = typeof wardInfo.$inferSelect;
type IndicatorRow = typeof indicator.$inferSelect;
type AreaRow = typeof area.$inferSelect;

export function catalogView(s: Session, year: number): CatalogView {
  // Every ward's copy of every definition (tens of thousands of rows in a large city), the city's own
  // first: a plain statement, spared drizzle's row mapping; only the first of each code is kept.
  const defs = s.db.sqlite
    .prepare<[string], Pick<IndicatorRow, 'code' | 'name' | 'unit'> & { areaName: AreaRow['name'] }>(
      `SELECT i.code, i.name, i.unit, a.name AS areaName FROM indicator i JOIN area a ON a.id = i.area_id
       WHERE i.deleted = 0 ORDER BY i.owner = ? DESC, i.sort, i.code`,
    )
    .all(s.orgCode);
  const i = indicator;
  const seen = new Set<string>();
  const indicators: CatalogView['indicators'] = [];
  const t = indicatorTarget;
  const targets = s.db.orm
    .select({ code: i.code, wardCode: t.wardCode, comparator: t.comparator, target: t.target })
    .from(t)
    .innerJoin(i, eq(i.id, t.indicatorId))
    .where(and(eq(t.owner, s.orgCode), eq(t.year, year), eq(t.deleted, 0)))
    .orderBy(t.wardCode)
    .all();
  for (const d of defs) {
    if (seen.has(d.code)) continue;
    seen.add(d.code);
    indicators.push({ ...d, targets: targets.filter((t) => t.code === d.code).map(({ code: _c, ...t }) => t) });
  }
  const o = bundleOut;
  const last = s.db.orm
    .select({ at: max(o.createdAt), seq: max(o.seqTo) })
    .from(o)
    .where(eq(o.kind, 'catalog'))
    .get()!;
  const changes = s.db.orm
    .select({ n: count() })
    .from(changeLog)
    .where(and(eq(changeLog.origin, s.installationId), gt(changeLog.seq, last.seq ?? 0)))
    .get()!;
  const wards = s.db.orm.select({ code: org.code, name: org.name }).from(org).where(eq(org.kind, 'ward')).orderBy(org.code).all();
  return { year, indicators, wards, lastPublishedAt: last.at, changesSincePublish: changes.n };
}

function adoptIndicator(s: Session, code: string): string {
  const own = findIdByCode(s, 'indicator', code, [s.orgCode]);
  if (own) return own;
  const i = indicator;
  const ward = s.db.orm
    .select({
      name: i.name,
      unit: i.unit,
      isRatio: i.isRatio,
      numeratorLabel: i.numeratorLabel,
      denominatorLabel: i.denominatorLabel,
      sort: i.sort,
      area: area.code,
    })
    .from(i)
    .innerJoin(area, eq(area.id, i.areaId))
    .where(and(eq(i.code, code), eq(i.deleted, 0)))
    .orderBy(i.owner)
    .limit(1)
    .get();
  if (!ward) throw new AppError('indicator.not_found', { code });
  if (!findIdByCode(s, 'area', ward.area, [s.orgCode])) throw new AppError('area.not_found', { code: ward.area });
  const { area: areaCode, isRatio, ...def } = ward;
  return addIndicator(s, { code, areaCode, ...def, isRatio: isRatio === 1 }).id;
}

export function setCityTarget(
  s: Session,
  input: { indicatorCode: string; year: number; wardCode: string; comparator: string; target: number },
  actor: string,
): { id: string } {
  const comparator = parseComparator(input.comparator);
  if (!comparator) throw new AppError('indicator.bad_comparator', { value: input.comparator });
  const as = { ...s, actor };
  return inTransaction(as, () => {
    if (
      input.wardCode &&
      !s.db.orm
        .select({ code: org.code })
        .from(org)
        .where(and(eq(org.code, input.wardCode), eq(org.kind, 'ward')))
        .get()
    ) {
      throw new AppError('city.ward_not_found', { ward: input.wardCode });
    }
    const indicatorId = adoptIndicator(as, input.indicatorCode);
    const t = indicatorTarget;
    const existing = s.db.orm
      .select({ id: t.id })
      .from(t)
      .where(and(eq(t.owner, s.orgCode), eq(t.indicatorId, indicatorId), eq(t.year, input.year), eq(t.wardCode, input.wardCode)))
      .get();
    const id = existing?.id ?? newId();
    saveOwnedRow(
      as,
      'indicator_target',
      { id, indicator_id: indicatorId, year: input.year, ward_code: input.wardCode, comparator, target: input.target, baseline: null, span: null, deleted: 0 },
      existing ? 'target.update' : 'target.add',
    );
    return { id };
  });
}

export function setWardInfo(s: Session, input: CityInput<'city.wards.setInfo'>, actor: string): { wardCode: string } {
  return inTransaction(s, () => {
    if (!s.db.orm.select({ code: org.code }).from(org).where(eq(org.code, input.wardCode)).get()) {
      throw new AppError('city.ward_not_found', { ward: input.wardCode });
    }
    const cur = s.db.orm.select().from(wardInfo).where(eq(wardInfo.wardCode, input.wardCode)).get();
    // A field left out keeps what the city typed before; an empty one clears it.
    const pick = (v: string | null | undefined, k: keyof WardInfoRow) => (v === undefined ? (cur?.[k] ?? null) : v || null);
    s.db.sqlite
      .prepare(
        `INSERT OR REPLACE INTO ward_info (ward_code, ward_group, contact_name, contact_title, contact_phone, contact_email, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.wardCode,
        pick(input.group, 'wardGroup'),
        pick(input.contactName, 'contactName'),
        pick(input.contactTitle, 'contactTitle'),
        pick(input.contactPhone, 'contactPhone'),
        pick(input.contactEmail, 'contactEmail'),
        s.now(),
      );
    audit({ ...s, actor }, 'ward.info', 'ward_info', input.wardCode, input);
    return { wardCode: input.wardCode };
  });
}
