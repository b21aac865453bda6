/** The city rotates its key from the dashboard; enrolled wards follow on the next catalog. */
import { describe, expect, it } from 'vitest';
import { enrolledPair } from '../../test/support/sync-fixture';
import { exportWardBundle } from '../sync/export';
import { importBundle } from '../sync/import';
import { publishCatalog } from '../sync/publish';
import { cityKeyInfo, rotateCityKey } from './keys';

describe("the city's key rotation", () => {
  it('a ward trusts the new key from the next catalog on, the old one retired; its bundles still arrive', async () => {
    const { usb, ward, city } = await enrolledPair();
    const before = cityKeyInfo(city.s);
    const r = await rotateCityKey(city.s, city.store, 'quantri');
    expect(r.oldKeyId).toBe(before.keyId);
    expect(r.keyId).not.toBe(before.keyId);
    expect(r.fingerprint).not.toBe(before.fingerprint);
    expect(cityKeyInfo(city.s)).toMatchObject({ keyId: r.keyId, rotatedBy: 'quantri' });

    const cat = await publishCatalog(city.s, city.store, usb);
    const back = await importBundle(ward.s, cat.path, {});
    expect(back.status).toBe('applied');
    const keys = ward.s.db.sqlite.prepare("SELECT key_id, revoked_at FROM trusted_key WHERE org_code = 'HP' ORDER BY added_at").all() as Array<{
      key_id: string;
      revoked_at: string | null;
    }>;
    expect(keys.find((k) => k.key_id === r.keyId)?.revoked_at).toBeNull();
    expect(keys.find((k) => k.key_id === r.oldKeyId)?.revoked_at).not.toBeNull();

    // The ward's own key did not change, and the city still takes its bundles.
    const sent = await exportWardBundle(ward.s, ward.store, { outDir: usb, full: true });
    if (sent.status !== 'written') throw new Error('no bundle written');
    expect((await importBundle(city.s, sent.path, { store: city.store })).status).toBe('applied');
  });

  it('a catalog signed by a key the ward never trusted, without the statement, is refused', async () => {
    const { usb, ward, city } = await enrolledPair();
    await rotateCityKey(city.s, city.store, 'quantri');
    // A second rotation: the catalog carries only the last statement, which the ward cannot follow.
    await rotateCityKey(city.s, city.store, 'quantri');
    const cat = await publishCatalog(city.s, city.store, usb);
    const back = await importBundle(ward.s, cat.path, {});
    expect(back.status).toBe('refused');
  });
});
