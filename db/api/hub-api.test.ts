/**
 * The ward's network methods through the API, against a real hub on 127.0.0.1: enrolling online
 * (`enroll.send`, `enroll.fetch`) and a send that answers when it is over, reporting its progress
 * on the way (`hub.sendAndWait`), in the host's thread and across the core's message protocol.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubProgress } from '../../shared/api/contract-hub';
import type { CoreToHost, HostToCore } from '../../shared/api/core-protocol';
import { openDatabase } from '../database';
import { loadOrCreateKey } from '../keys/key-store';
import { initCity } from '../services/setup';
import { approveInboxEnrollment } from '../sync/hub-city';
import { clock, keyStoreFor, PASSPHRASE, type Side } from '../../test/support/sync-fixture';
import { startHub, type TestHub } from '../../test/support/hub-fixture';
import { tempDir } from '../../test/support/temp';
import { CoreClient, type CoreChannel } from './core-client';
import { serveCore, type CorePort } from './core-server';
import { WardApi } from './ward-api';

const FAST = { retryDelaysMs: [20, 50, 100], stallTimeoutMs: 5_000 };
const SETUP = { wardCode: 'HP-HAIDUONG', wardName: 'Phường Hải Dương', cityCode: 'HP', cityName: 'Thành phố Hải Phòng', officerName: 'Cán bộ', demo: true };

const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function world(): Promise<{ dir: string; city: Side; hub: TestHub; wardDb: string; api: WardApi }> {
  const dir = tempDir('wardplan-hub-api-');
  const cityDb = openDatabase(path.join(dir, 'city.db'));
  open.push(cityDb);
  const city = { db: cityDb, s: initCity(cityDb, { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' }, clock()), store: keyStoreFor(cityDb.path) };
  const hub = await startHub(city);
  open.push(hub.app);
  const wardDb = path.join(dir, 'ward.db');
  const api = new WardApi({ dbPath: wardDb, keyStore: () => keyStoreFor(wardDb), hubSend: FAST });
  open.push(api);
  expect((await api.call('app.setup', SETUP)).ok).toBe(true);
  return { dir, city, hub, wardDb, api };
}

async function value<T>(p: Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

async function enroll(api: WardApi, city: Side, url: string): Promise<void> {
  const sent = await value<{ id: string }>(api.call('enroll.send', { url }));
  await approveInboxEnrollment(city.s, (await loadOrCreateKey(city.store)).key, sent.id);
  await value(api.call('enroll.fetch', { url }));
}

/** The core's two ends joined in this thread, every message cloned as a port would. */
function joinedCore(dbPath: string): CoreClient {
  let toCore: (m: HostToCore) => void = () => {};
  let toHost: (m: CoreToHost) => void = () => {};
  let exited: (reason: string) => void = () => {};
  const port: CorePort = { send: (m) => queueMicrotask(() => toHost(structuredClone(m))), onMessage: (fn) => (toCore = fn) };
  const channel: CoreChannel = {
    post: (m) => queueMicrotask(() => toCore(structuredClone(m))),
    onMessage: (fn) => (toHost = fn),
    onExit: (fn) => (exited = fn),
    kill: () => exited('closed'),
  };
  serveCore(port);
  return new CoreClient(channel, { dbPath, keys: 'passphrase', hubSend: FAST }, { passphrase: async () => PASSPHRASE });
}

describe('enrolling online through the API', () => {
  it('posts the request, is told to wait, then imports the city’s answer once approved', async () => {
    const { city, hub, api } = await world();
    expect(await api.call('enroll.fetch', { url: hub.url })).toMatchObject({ ok: false, error: { code: 'hub.no_enrollment_request' } });
    expect(await api.call('enroll.send', { url: 'ftp://127.0.0.1/' })).toMatchObject({ ok: false, error: { code: 'hub.bad_address' } });

    const sent = await value<{ id: string; fingerprint: string; status: string }>(api.call('enroll.send', { url: hub.url }));
    const own = await value<{ fingerprint: string }>(api.call('keys.show', {}));
    expect(sent).toMatchObject({ status: 'pending', fingerprint: own.fingerprint });
    expect(await api.call('enroll.fetch', { url: hub.url })).toMatchObject({ ok: false, error: { code: 'hub.enrollment_pending' } });
    // Not enrolled yet: nothing leaves the ward.
    expect(await api.call('hub.sendAndWait', { url: hub.url })).toMatchObject({ ok: false, error: { code: 'hub.not_enrolled' } });

    await approveInboxEnrollment(city.s, (await loadOrCreateKey(city.store)).key, sent.id);
    const answer = await value<{ cityCode: string; wardFingerprint: string }>(api.call('enroll.fetch', { url: hub.url }));
    expect(answer).toMatchObject({ cityCode: 'HP', wardFingerprint: own.fingerprint });
    expect(await value<{ enrolled: boolean }>(api.call('sync.status', {}))).toMatchObject({ enrolled: true });
  });
});

describe('a send that answers when it is over', () => {
  it('reports export, every upload step and the catalog, then answers what the hub said', async () => {
    const { city, hub, api } = await world();
    await enroll(api, city, hub.url);
    const events: HubProgress[] = [];
    const r = await value<{ exported: string; sent: Array<{ status: string; bundleId: string }>; acknowledged: string[]; catalogError: unknown }>(
      api.call('hub.sendAndWait', { url: hub.url }, { onProgress: (e) => events.push(e as HubProgress) }),
    );
    expect(r.sent).toEqual([expect.objectContaining({ status: 'applied', bundleId: r.exported })]);
    expect(r.acknowledged).toEqual([r.exported]);
    expect(r.catalogError).toBeNull();

    expect([...new Set(events.map((e) => e.stage))]).toEqual(['export', 'upload', 'catalog']);
    expect(events.every((e) => e.running)).toBe(true);
    const uploads = events.filter((e) => e.stage === 'upload');
    expect(uploads.every((e) => e.bundleId === r.exported && e.bytesSent <= e.bytesTotal && e.attempt >= 1)).toBe(true);
    expect(uploads.at(-1)!.bytesSent).toBe(uploads.at(-1)!.bytesTotal);
    expect(uploads.at(-1)!.bytesTotal).toBeGreaterThan(0);

    // The address was for this send only; the outbox shows the send over, as the screen reads it.
    expect(await value(api.call('hub.getAddress', {}))).toEqual({ url: null });
    const box = await value<{ items: Array<{ status: string }>; progress: HubProgress }>(api.call('hub.outbox', {}));
    expect(box.items.map((i) => i.status)).toEqual(['acknowledged']);
    expect(box.progress).toMatchObject({ running: false, stage: 'done', error: null });
    // Nothing new: nothing sent, and no progress past the export.
    const again: HubProgress[] = [];
    expect(await value(api.call('hub.sendAndWait', { url: hub.url }, { onProgress: (e) => again.push(e as HubProgress) }))).toMatchObject({
      exported: null,
      sent: [],
    });
    expect(again.some((e) => e.stage === 'upload')).toBe(false);
  });

  it('uses the saved address when given none, and says when there is none', async () => {
    const { city, hub, api } = await world();
    await enroll(api, city, hub.url);
    expect(await api.call('hub.sendAndWait', {})).toMatchObject({ ok: false, error: { code: 'hub.no_address' } });
    expect(await api.call('hub.sendAndWait', { url: 'not an address' })).toMatchObject({ ok: false, error: { code: 'hub.bad_address' } });
    await value(api.call('hub.setAddress', { url: hub.url }));
    expect(await value<{ sent: unknown[] }>(api.call('hub.sendAndWait', {}))).toMatchObject({ sent: [expect.objectContaining({ status: 'applied' })] });
  });

  it('carries the progress across the core’s message protocol, before the answer', async () => {
    const { city, hub, api, wardDb } = await world();
    await enroll(api, city, hub.url);
    api.close();
    const core = joinedCore(wardDb);
    open.push(core);
    const seen: string[] = [];
    const r = await core.call('hub.sendAndWait', { url: hub.url }, { onProgress: (e) => seen.push((e as HubProgress).stage ?? '') });
    expect(r).toMatchObject({ ok: true, value: { sent: [expect.objectContaining({ status: 'applied' })] } });
    expect(seen).toContain('upload');
    expect(seen.at(-1)).toBe('catalog');
    // A call that asked for no progress is answered the same, with no report to anyone.
    expect(await core.call('hub.sendAndWait', { url: hub.url })).toMatchObject({ ok: true, value: { sent: [] } });
  });
});
