import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { CityApi } from '../../db/api/city-api';
import { addUser } from '../../db/city/accounts';
import { registerDashboard } from '../dashboard/plugin';
import { enrolledPair, keyStoreFor } from '../../test/support/sync-fixture';
import { startHub } from '../../test/support/hub-fixture';
import { sendToHub } from '../../db/hub-client/send';
import { listTasks, recordProgress } from '../../db/services/tasks';
import { ownKeyInfo } from '../../db/sync/identity';

/** `wardplan hub --dashboard`: the city's staff reach the dashboard on the hub's own port, beside the wards' endpoints. */
describe('the hub with the dashboard mounted', () => {
  let app: FastifyInstance | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('serves both: the wards still upload, staff sign in and call the city API with the CSRF token', async () => {
    const { city } = await enrolledPair();
    await addUser(city.s, { name: 'admin', role: 'admin', password: 'mật khẩu đủ dài 2026' }, 'test');
    const hub = await startHub(city, {}, (a) =>
      registerDashboard(a, { api: new CityApi({ dbPath: city.db.path, keyStore: () => keyStoreFor(city.db.path) }) }),
    );
    app = hub.app;

    expect((await fetch(`${hub.url}/v1/health`)).status).toBe(200);
    expect((await fetch(`${hub.url}/api/city/me`)).status).toBe(401);

    const wrong = await fetch(`${hub.url}/api/city/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'admin', password: 'sai' }),
    });
    expect(wrong.status).toBe(401);
    const login = await fetch(`${hub.url}/api/city/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'admin', password: 'mật khẩu đủ dài 2026' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { value } = (await login.json()) as { value: { csrf: string } };

    const call = (csrf?: string) =>
      fetch(`${hub.url}/api/city/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
        body: JSON.stringify({ method: 'city.overview', input: {} }),
      });
    expect((await call()).status).toBe(403);
    const ok = await call(value.csrf);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('after an administrator rotates the city key on the dashboard, the hub signs with the new key and the ward follows it', async () => {
    const { city, ward } = await enrolledPair();
    await addUser(city.s, { name: 'admin', role: 'admin', password: 'mật khẩu đủ dài 2026' }, 'test');
    // The hub unlocks the key from its store, as `wardplan hub` does, not from a key handed to it.
    const hub = await startHub(city, { cityKey: undefined, keyStore: city.store }, (a) =>
      registerDashboard(a, { api: new CityApi({ dbPath: city.db.path, keyStore: () => keyStoreFor(city.db.path) }) }),
    );
    app = hub.app;
    const fast = { retryDelaysMs: [20, 50, 100], stallTimeoutMs: 5_000 };
    const before = ownKeyInfo(city.s)!.keyId;
    expect((await sendToHub(ward.s, ward.store, hub.url, fast)).catalogError).toBeNull();

    const login = await fetch(`${hub.url}/api/city/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'admin', password: 'mật khẩu đủ dài 2026' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { value } = (await login.json()) as { value: { csrf: string } };
    const rotated = await fetch(`${hub.url}/api/city/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': value.csrf },
      body: JSON.stringify({ method: 'city.keys.rotate', input: {} }),
    });
    const after = ((await rotated.json()) as { value: { keyId: string } }).value.keyId;
    expect(after).not.toBe(before);

    // The next send: its receipt and the catalog come signed by the new key, which the ward now trusts.
    const t = listTasks(ward.s)[0]!;
    recordProgress(ward.s, { taskId: t.id, status: 'in_progress', percent: 40, date: '2026-10-20' });
    const r = await sendToHub(ward.s, ward.store, hub.url, fast);
    expect(r.catalogError).toBeNull();
    expect(r.acknowledged).toHaveLength(1);
    const trusted = ward.s.db.sqlite.prepare("SELECT key_id, revoked_at FROM trusted_key WHERE org_code = 'HP'").all() as Array<{
      key_id: string;
      revoked_at: string | null;
    }>;
    expect(trusted.find((k) => k.key_id === after)?.revoked_at).toBeNull();
    expect(trusted.find((k) => k.key_id === before)?.revoked_at).not.toBeNull();
    const receipt = city.db.sqlite.prepare("SELECT receipt FROM bundle_in WHERE status = 'applied' ORDER BY applied_at DESC LIMIT 1").get() as {
      receipt: string;
    };
    expect((JSON.parse(receipt.receipt) as { cityKeyId: string }).cityKeyId).toBe(after);
  });
});
