/**
 * The city's catalog as the dashboard edits it: targets for every ward or for one, on indicators
 * the city owns. An indicator the wards already use is adopted into the city's catalog (same code,
 * name, unit and area) the first time the city sets a target for it.
 */
import { AppError } from '../../shared/errors';
import { eq } from 'drizzle-orm';
import type { CatalogView, CityInput } from '../../shared/api/contract-city';
import { parseComparator } from '../../shared/rules/indicator';
import { addIndicator } from '../services/indicators';
import { findIdByCode } from '../services/lookup';
import { org, wardInfo } from '../schema';
import { inTransaction, newId, type Session } from '../session';
import { audit, saveOwnedRow } from '../write';

type WardInfoRow = typeof wardInfo.$inferSelect;

export function catalogView(s: Session, year: number): CatalogView {
  const defs = s.db.sqlite
    .prepare(
      `SELECT i.code, i.name, i.unit, a.name AS areaName, i.owner = ? AS own FROM indicator i JOIN area a ON a.id = i.area_id
       WHERE i.deleted = 0 ORDER BY i.owner = ? DESC, i.sort, i.code`,
    )
    .all(s.orgCode, s.orgCode) as Array<{ code: string; name: string; unit: string; areaName: string }>;
  const seen = new Set<string>();
  const indicators: CatalogView['indicators'] = [];
  const targets = s.db.sqlite
    .prepare(
      `SELECT i.code, t.ward_code AS wardCode, t.comparator, t.target FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id
       WHERE t.owner = ? AND t.year = ? AND t.deleted = 0 ORDER BY t.ward_code`,
    )
    .all(s.orgCode, year) as Array<{ code: string; wardCode: string; comparator: string; target: number }>;
  for (const d of defs) {
    if (seen.has(d.code)) continue;
    seen.add(d.code);
    indicators.push({ ...d, targets: targets.filter((t) => t.code === d.code).map(({ code: _c, ...t }) => t) });
  }
  const last = s.db.sqlite.prepare("SELECT max(created_at) AS at, max(seq_to) AS seq FROM bundle_out WHERE kind = 'catalog'").get() as {
    at: string | null;
    seq: number | null;
  };
  const changes = s.db.sqlite.prepare('SELECT count(*) AS n FROM change_log WHERE origin = ? AND seq > ?').get(s.installationId, last.seq ?? 0) as {
    n: number;
  };
  const wards = s.db.sqlite.prepare("SELECT code, name FROM org WHERE kind = 'ward' ORDER BY code").all() as CatalogView['wards'];
  return { year, indicators, wards, lastPublishedAt: last.at, changesSincePublish: changes.n };
}

function adoptIndicator(s: Session, code: string): string {
  const own = findIdByCode(s, 'indicator', code, [s.orgCode]);
  if (own) return own;
  const ward = s.db.sqlite
    .prepare(
      `SELECT i.name, i.unit, i.is_ratio, i.numerator_label, i.denominator_label, i.sort, a.code AS area FROM indicator i JOIN area a ON a.id = i.area_id
       WHERE i.code = ? AND i.deleted = 0 ORDER BY i.owner LIMIT 1`,
    )
    .get(code) as
    { name: string; unit: string; is_ratio: number; numerator_label: string | null; denominator_label: string | null; sort: number; area: string } | undefined;
  if (!ward) throw new AppError('indicator.not_found', { code });
  if (!findIdByCode(s, 'area', ward.area, [s.orgCode])) throw new AppError('area.not_found', { code: ward.area });
  return addIndicator(s, {
    code,
    areaCode: ward.area,
    name: ward.name,
    unit: ward.unit,
    isRatio: ward.is_ratio === 1,
    numeratorLabel: ward.numerator_label,
    denominatorLabel: ward.denominator_label,
    sort: ward.sort,
  }).id;
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
    if (input.wardCode && !s.db.sqlite.prepare("SELECT 1 FROM org WHERE code = ? AND kind = 'ward'").get(input.wardCode)) {
      throw new AppError('city.ward_not_found', { ward: input.wardCode });
    }
    const indicatorId = adoptIndicator(as, input.indicatorCode);
    const existing = s.db.sqlite
      .prepare('SELECT id FROM indicator_target WHERE owner = ? AND indicator_id = ? AND year = ? AND ward_code = ?')
      .get(s.orgCode, indicatorId, input.year, input.wardCode) as { id: string } | undefined;
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
