import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CityApi, type CityActor } from './city-api';
import { WardApi } from './ward-api';
import type { CityInput, CityMethod, CityOutput } from '../../shared/api/contract-city';
import { tempDir } from '../../test/support/temp';
import { clock, keyStoreFor } from '../../test/support/sync-fixture';

const admin: CityActor = { name: 'quantri', role: 'admin' };
const viewer: CityActor = { name: 'xem', role: 'viewer' };

/** The city's operations as API methods: what the command line and the dashboard both call. */
describe('the city operations through CityApi', () => {
  it('creates the city, enrolls a ward from its request file, imports its bundle and reports on it', async () => {
    const dir = tempDir('wardplan-city-ops-');
    const cityDb = path.join(dir, 'city.db');
    const now = clock();
    const city = new CityApi({ dbPath: cityDb, now, keyStore: () => keyStoreFor(cityDb) });
    const wardDb = path.join(dir, 'ward.db');
    const ward = new WardApi({ dbPath: wardDb, now, keyStore: () => keyStoreFor(wardDb) });
    try {
      const made = await city.call('city.init', { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' }, admin);
      expect(made).toMatchObject({ ok: true, value: { city: 'HP' } });
      const again = await city.call('city.init', { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' }, admin);
      expect(again).toMatchObject({ ok: false, error: { code: 'db.exists' } });

      expect(
        (await ward.call('app.setup', { wardCode: 'demo', wardName: 'demo', cityCode: 'demo', cityName: 'demo', officerName: 'Cán bộ', demo: true })).ok,
      ).toBe(true);
      const request = path.join(dir, 'request.json');
      const response = path.join(dir, 'response.json');
      expect((await ward.call('keys.enrollmentRequest', { outPath: request })).ok).toBe(true);
      // A viewer may look but not enroll, import or create.
      expect(await city.call('city.enroll', { requestPath: request, responsePath: response }, viewer)).toMatchObject({
        ok: false,
        error: { code: 'auth.admin_only' },
      });
      expect(fs.existsSync(response)).toBe(false);
      const enrolled = await city.call('city.enroll', { requestPath: request, responsePath: response }, admin);
      expect(enrolled).toMatchObject({ ok: true, value: { wardCode: 'HP-HAIDUONG', responsePath: response } });
      expect((await ward.call('enroll.import', { path: response })).ok).toBe(true);

      const usb = path.join(dir, 'usb');
      fs.mkdirSync(usb);
      expect((await ward.call('sync.export', { outDir: usb, full: true })).ok).toBe(true);
      const value = async <M extends CityMethod>(method: M, input: CityInput<M>, actor: CityActor): Promise<CityOutput<M>> => {
        const r = await city.call(method, input, actor);
        if (!r.ok) throw new Error(`${method}: ${r.error.code}`);
        return r.value as CityOutput<M>;
      };
      expect((await value('city.import', { paths: [usb] }, admin)).map((o) => o.status)).toEqual(['applied']);

      const status = await value('city.status', { asOf: '2026-10-15' }, viewer);
      expect(status.wards.map((w) => [w.wardCode, w.lastSeqApplied > 0])).toEqual([['HP-HAIDUONG', true]]);
      const progress = await value('city.progress', { asOf: '2026-10-15' }, viewer);
      expect(progress.map((r) => [r.wardCode, r.tasks])).toEqual([['HP-HAIDUONG', 22]]);
      expect(await city.call('city.reports.received', {}, viewer)).toEqual({ ok: true, value: [] });
      expect(await city.call('city.inbox', { all: true }, viewer)).toEqual({ ok: true, value: [] });
      expect(await city.call('city.inbox.refuse', { id: 'no-such-request' }, admin)).toMatchObject({ ok: false, error: { code: 'hub.enrollment_not_found' } });
      const backups = path.join(dir, 'backups');
      fs.mkdirSync(backups);
      expect(await city.call('city.backup', { outDir: backups }, viewer)).toMatchObject({ ok: false, error: { code: 'auth.admin_only' } });
      const backup = await value('city.backup', { outDir: backups }, admin);
      expect(fs.statSync(backup.path).size).toBe(backup.size);
      expect(await city.call('city.status', { asOf: '15/10/2026' }, viewer)).toMatchObject({ ok: false, error: { code: 'date.format' } });
    } finally {
      city.close();
      ward.close();
    }
  });

  it('leaves no database behind when the key cannot be made', async () => {
    const dir = tempDir('wardplan-city-ops-');
    const cityDb = path.join(dir, 'city.db');
    const city = new CityApi({ dbPath: cityDb });
    try {
      expect(await city.call('city.init', { cityCode: 'HP', cityName: 'Hải Phòng' }, admin)).toMatchObject({ ok: false, error: { code: 'city.no_key_store' } });
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      city.close();
    }
  });
});
