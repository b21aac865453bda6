import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { CityApi } from '../../db/api/city-api';
import { addUser } from '../../db/city/accounts';
import { registerDashboard } from '../dashboard/plugin';
import { enrolledPair, keyStoreFor } from '../../test/support/sync-fixture';
import { startHub } from '../../test/support/hub-fixture';

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
});
