import { AppError } from '../../shared/errors';
import { getMeta, setMeta, type Database } from '../database';
import { newId, sessionFor, type Session, systemClock } from '../session';
import { saveOwnedRow } from '../write';
import type { Profile } from '../../shared/api/types';
import type { Input } from '../../shared/api/contract';

/** The ten areas (lĩnh vực) of a digital-transformation plan, so a new ward can start at once. */
export const STANDARD_AREAS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'LD', name: 'Lãnh đạo, chỉ đạo, điều hành; kiểm tra, giám sát' },
  { code: 'TC', name: 'Thể chế, chính sách số' },
  { code: 'HT', name: 'Hạ tầng số' },
  { code: 'NL', name: 'Nhân lực số' },
  { code: 'DL', name: 'Dữ liệu số' },
  { code: 'AT', name: 'An toàn, an ninh mạng' },
  { code: 'CQ', name: 'Chính quyền số' },
  { code: 'KT', name: 'Kinh tế số và xã hội số' },
  { code: 'TT', name: 'Nâng cao nhận thức, tuyên truyền, truyền thông' },
  { code: 'KP', name: 'Kinh phí thực hiện' },
];

export interface WardInit {
  wardCode: string;
  wardName: string;
  cityCode: string;
  cityName: string;
  officerName?: string | undefined;
  officerTitle?: string | undefined;
}

function assertFresh(db: Database): void {
  if (getMeta(db, 'role')) throw new AppError('db.already_initialised', { path: db.path, org: getMeta(db, 'org_code') ?? '' });
}

function writeIdentity(db: Database, role: 'ward' | 'city', orgCode: string, extra: Record<string, string | undefined>): void {
  setMeta(db, 'role', role);
  setMeta(db, 'installation_id', newId());
  setMeta(db, 'org_code', orgCode);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') setMeta(db, k, v);
}

export function upsertOrg(db: Database, code: string, kind: 'city' | 'ward', name: string, parent: string | null, at: string): void {
  db.sqlite
    .prepare(
      `INSERT INTO org (code, kind, name, parent_code, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(code) DO UPDATE SET kind = excluded.kind, name = excluded.name, parent_code = excluded.parent_code, updated_at = excluded.updated_at`,
    )
    .run(code, kind, name, parent, at);
}

function seedStandardAreas(s: Session): void {
  STANDARD_AREAS.forEach((a, i) => saveOwnedRow(s, 'area', { id: newId(), code: a.code, name: a.name, sort: i + 1 }, 'area.add'));
}

export function initWard(db: Database, input: WardInit, now: () => string = systemClock): Session {
  return db.sqlite
    .transaction(() => {
      assertFresh(db);
      const at = now();
      writeIdentity(db, 'ward', input.wardCode, {
        ward_name: input.wardName,
        city_code: input.cityCode,
        city_name: input.cityName,
        officer_name: input.officerName,
        officer_title: input.officerTitle,
        created_at: at,
      });
      upsertOrg(db, input.cityCode, 'city', input.cityName, null, at);
      upsertOrg(db, input.wardCode, 'ward', input.wardName, input.cityCode, at);
      const s = sessionFor(db, { now });
      seedStandardAreas(s);
      return s;
    })
    .immediate();
}

export function initCity(db: Database, input: { cityCode: string; cityName: string }, now: () => string = systemClock): Session {
  return db.sqlite
    .transaction(() => {
      assertFresh(db);
      const at = now();
      writeIdentity(db, 'city', input.cityCode, { city_code: input.cityCode, city_name: input.cityName, created_at: at });
      upsertOrg(db, input.cityCode, 'city', input.cityName, null, at);
      const s = sessionFor(db, { now });
      seedStandardAreas(s);
      return s;
    })
    .immediate();
}

export function getProfile(s: Session): Profile {
  const m = (k: string) => getMeta(s.db, k) ?? null;
  return {
    role: s.role,
    orgCode: s.orgCode,
    orgName: (s.role === 'ward' ? m('ward_name') : m('city_name')) ?? s.orgCode,
    cityCode: m('city_code') ?? '',
    cityName: m('city_name') ?? '',
    officerName: m('officer_name'),
    officerTitle: m('officer_title'),
    installationId: s.installationId,
  };
}

export function updateProfile(s: Session, input: Input<'profile.update'>): Profile {
  s.db.sqlite.transaction(() => {
    if (input.orgName) {
      setMeta(s.db, s.role === 'ward' ? 'ward_name' : 'city_name', input.orgName);
      s.db.sqlite.prepare('UPDATE org SET name = ?, updated_at = ? WHERE code = ?').run(input.orgName, s.now(), s.orgCode);
    }
    if (input.officerName !== undefined) setMeta(s.db, 'officer_name', input.officerName);
    if (input.officerTitle !== undefined) setMeta(s.db, 'officer_title', input.officerTitle);
  })();
  return getProfile(s);
}
