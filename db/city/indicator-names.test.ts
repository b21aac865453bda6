/**
 * Which definition names an indicator across wards: the city's when it has one, else the one
 * written first, whichever ward wrote it, and never a deleted one.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { initCity } from '../services/setup';
import { newId } from '../session';
import { tempDir } from '../../test/support/temp';
import { cityIndicators } from './indicators';

const NOW = '2026-10-25T03:00:00.000Z';

describe('indicator names across wards', () => {
  it('come from the city, else from the first definition still in use', () => {
    const db = openDatabase(path.join(tempDir('wardplan-indicator-names-'), 'city.db'));
    const s = initCity(db, { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' }, () => NOW);
    const q = (sql: string) => db.sqlite.prepare(sql);
    const area = (q('SELECT id FROM area LIMIT 1').get() as { id: string }).id;
    let seq = 0;
    const define = (owner: string, name: string, deleted = 0) => {
      const id = newId();
      q(`INSERT INTO indicator (id, owner, updated_at, deleted, code, area_id, name, unit, is_ratio, sort) VALUES (?, ?, ?, ?, 'CT-01', ?, ?, '%', 1, 1)`).run(
        id,
        owner,
        NOW,
        deleted,
        area,
        name,
      );
      // The aggregations are kept until the change log grows, as a bundle's import makes it.
      q("INSERT INTO change_log (origin, seq, table_name, row_id, owner, data, at) VALUES ('o', ?, 'indicator', ?, ?, '{}', ?)").run(++seq, id, owner, NOW);
    };
    const nameOf = () => cityIndicators(s, { period: '2026-Q3' }).rows.find((r) => r.code === 'CT-01')?.name;
    for (const w of ['W1', 'W2', 'W3']) q("INSERT INTO org (code, kind, name, parent_code, updated_at) VALUES (?, 'ward', ?, 'HP', ?)").run(w, w, NOW);

    define('W3', 'Tên đã xoá', 1);
    define('W2', 'Tên phường Hai');
    define('W1', 'Tên phường Một');
    expect(nameOf()).toBe('Tên phường Hai');
    define('HP', 'Tên của thành phố');
    expect(nameOf()).toBe('Tên của thành phố');
    db.close();
  });
});
