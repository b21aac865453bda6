import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateKey } from '../../db/keys/key-store';
import { generateKeyPair, keyIdOf } from '../../db/keys/ed25519';
import { listTasks, recordProgress } from '../../db/services/tasks';
import { setValue } from '../../db/services/indicators';
import { attachEvidence } from '../../db/services/evidence';
import { revokeWard } from '../../db/sync/enroll';
import { exportWardBundle } from '../../db/sync/export';
import { credentialHeaders, signHubRequest } from '../../db/sync/hub-auth';
import { fetchCatalog, outbox, sendToHub } from '../../db/hub-client/send';
import { uploadBundle, type UploadOptions } from '../../db/hub-client/upload';
import { readBundleEntries } from '../../db/bundle/reader';
import { startFaultyProxy, type FaultyProxy } from '../../test/support/faulty-proxy';
import { cityDigest, enrolledPair, secondWard, startHub, type TestHub } from '../../test/support/hub-fixture';
import type { StoredKey } from '../../db/keys/key-store';
import yazl from 'yazl';

const FAST = { retryDelaysMs: [20, 50, 100, 200, 400], stallTimeoutMs: 5_000 };
const open: Array<{ close(): Promise<unknown> }> = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function hubFor(city: Parameters<typeof startHub>[0], opts: Parameters<typeof startHub>[1] = {}): Promise<TestHub> {
  const hub = await startHub(city, opts);
  open.push(hub.app);
  return hub;
}

function written(r: Awaited<ReturnType<typeof exportWardBundle>>) {
  if (r.status !== 'written') throw new Error('expected a bundle');
  return r;
}

function upload(base: string, file: string, key: StoredKey, extra: Partial<UploadOptions> = {}) {
  return uploadBundle({ base, file, key, uploadUrl: null, onUploadUrl: () => {}, onProgress: () => {}, onAttempt: () => {}, ...FAST, ...extra });
}

async function zipOf(list: Array<[string, Buffer]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of list) zip.addBuffer(data, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('the hub receives bundles over the network', () => {
  it('accepts an upload, imports it as the USB path does, and the ward gets its receipt back', async () => {
    const { ward, city } = await enrolledPair();
    const hub = await hubFor(city);
    const stages: string[] = [];
    const r = await sendToHub(ward.s, ward.store, hub.url, { ...FAST, onProgress: (p) => stages.push(p.stage) });
    expect(r.sent).toHaveLength(1);
    expect(r.sent[0]).toMatchObject({ status: 'applied', seqFrom: 1, error: null });
    expect(r.sent[0]!.message.vi).toContain('Thành phố đã nhận gói');
    expect(r.sent[0]!.message.en).toContain('The city received bundle');
    expect(r.sent[0]!.receipt?.wardCode).toBe('HP-HAIDUONG');
    expect((city.db.sqlite.prepare("SELECT count(*) AS n FROM task WHERE owner = 'HP-HAIDUONG'").get() as { n: number }).n).toBe(22);
    expect(r.acknowledged).toEqual([r.exported]);
    expect(r.catalogError).toBeNull();
    expect(stages).toEqual(expect.arrayContaining(['export', 'upload', 'catalog']));
    expect(outbox(ward.s).map((o) => o.status)).toEqual(['acknowledged']);
    // Nothing of the bundle stays in the upload area once imported.
    expect(fs.readdirSync(`${city.db.path}.uploads`)).toEqual([]);
    // And a second send with nothing new sends nothing.
    const again = await sendToHub(ward.s, ward.store, hub.url, FAST);
    expect(again).toMatchObject({ exported: null, sent: [] });
  });

  it('offline, sending exports nothing, so the USB export still finds the changes', async () => {
    const { ward, usb } = await enrolledPair();
    // A port nothing listens on: a city whose line is down.
    await expect(sendToHub(ward.s, ward.store, 'http://127.0.0.1:9', { ...FAST, stallTimeoutMs: 2_000 })).rejects.toMatchObject({ code: 'hub.unreachable' });
    expect(outbox(ward.s)).toEqual([]);
    expect((await exportWardBundle(ward.s, ward.store, { outDir: usb })).status).toBe('written');
  });

  it('the same bundle twice is a quiet no-op', async () => {
    const { ward, city, usb } = await enrolledPair();
    const hub = await hubFor(city);
    const b = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    const key = (await loadOrCreateKey(ward.store)).key;
    expect((await upload(hub.url, b.path, key)).status).toBe('applied');
    const before = cityDigest(city.db);
    const second = await upload(hub.url, b.path, key);
    expect(second.status).toBe('duplicate');
    expect(second.error).toBeNull();
    expect(cityDigest(city.db)).toBe(before);
  });

  it('a bundle that arrives before its predecessor waits as pending and names the missing range', async () => {
    const { ward, city, usb } = await enrolledPair();
    const hub = await hubFor(city);
    const key = (await loadOrCreateKey(ward.store)).key;
    const b1 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    setValue(ward.s, { indicatorCode: 'CQ-07', period: '2026-Q3', value: 88 });
    ward.db.sqlite.prepare('UPDATE bundle_out SET acknowledged_at = ? WHERE bundle_id = ?').run('2026-10-16T00:00:00.000Z', b1.bundleId);
    const b2 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    const early = await upload(hub.url, b2.path, key);
    expect(early).toMatchObject({ status: 'pending', missing: { from: 1, to: b1.seqTo } });
    expect(early.message.en).toContain(`sequence 1–${b1.seqTo} missing`);
    expect((city.db.sqlite.prepare('SELECT count(*) AS n FROM indicator_value').get() as { n: number }).n).toBe(0);
    expect((await upload(hub.url, b1.path, key)).status).toBe('applied');
    expect((city.db.sqlite.prepare('SELECT value FROM indicator_value').get() as { value: number }).value).toBe(88);
  });

  it('refuses tampered, truncated, unsigned and unknown- or revoked-key uploads, with the reason, applying nothing', async () => {
    const { ward, city, usb, dir } = await enrolledPair();
    const hub = await hubFor(city);
    const key = (await loadOrCreateKey(ward.store)).key;
    const good = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    const bytes = fs.readFileSync(good.path);
    const before = cityDigest(city.db);

    const truncated = path.join(dir, 'truncated.wpb');
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const t = await upload(hub.url, truncated, key);
    expect(t).toMatchObject({ status: 'refused', error: { code: 'bundle.truncated' } });
    expect(t.message.vi).toContain('Thành phố từ chối gói');
    expect(t.message.vi).not.toContain('.uploads');

    const raw = await readBundleEntries(good.path);
    const tampered = path.join(dir, 'tampered.wpb');
    fs.writeFileSync(
      tampered,
      await zipOf(
        // One bit of the sealed changes: the signed hash no longer matches.
        [...raw.entries.entries()].map(([n, d]) => [n, n === 'changes.age' ? Buffer.concat([d.subarray(0, -1), Buffer.from([d[d.length - 1]! ^ 1])]) : d]),
      ),
    );
    expect((await upload(hub.url, tampered, key)).error?.code).toBe('bundle.hash_mismatch');

    const unsigned = path.join(dir, 'unsigned.wpb');
    fs.writeFileSync(unsigned, await zipOf([...raw.entries.entries()].filter(([n]) => n !== 'manifest.sig')));
    const u = await upload(hub.url, unsigned, key);
    expect(u.status).toBe('refused');
    expect(u.error?.code).toMatch(/^bundle\.(unsigned|missing_entry|bad_signature)$/);
    expect(cityDigest(city.db)).toBe(before);

    // A key the city never enrolled cannot even start an upload.
    const pair = generateKeyPair();
    const stranger: StoredKey = {
      keyId: keyIdOf(pair.publicKey),
      publicKey: pair.publicKey,
      privateKeyPem: pair.privateKeyPem,
      createdAt: new Date().toISOString(),
    };
    await expect(upload(hub.url, good.path, stranger)).rejects.toMatchObject({ code: 'hub.unknown_key' });

    // Revoked: refused before anything is stored, and the ward's outbox says so with the reason.
    revokeWard(city.s, 'HP-HAIDUONG', 'máy bị mất');
    setValue(ward.s, { indicatorCode: 'CQ-07', period: '2026-Q3', value: 71 });
    await expect(sendToHub(ward.s, ward.store, hub.url, FAST)).rejects.toMatchObject({ code: 'hub.revoked_key' });
    const refused = outbox(ward.s).filter((o) => o.status === 'refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.lastError?.code).toBe('hub.revoked_key');
    expect(cityDigest(city.db)).not.toBe(before); // only the revocation itself
    expect((city.db.sqlite.prepare('SELECT count(*) AS n FROM bundle_in').get() as { n: number }).n).toBe(0);
    expect(fs.readdirSync(`${city.db.path}.uploads`)).toEqual([]);
  });

  it('an upload cut at 50 random byte offsets resumes each time and lands exactly once', async () => {
    const { ward, city, usb } = await enrolledPair();
    // Incompressible evidence, so the bundle is large enough to cut 50 times.
    const t = listTasks(ward.s)[0]!;
    await attachEvidence(ward.s, { taskId: t.id, fileName: 'anh-hien-truong.jpg', data: (await import('node:crypto')).randomBytes(400_000) });
    const hub = await hubFor(city);
    const b = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    let seed = 4242;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const CUTS = 50;
    let cuts = 0;
    // Each cut lets the headers through plus a random slice of at most 1/(2·CUTS) of the bundle, so all 50 fall inside it.
    const proxy: FaultyProxy = await startFaultyProxy(hub.port, () =>
      cuts < CUTS ? (cuts++, { kind: 'cut', afterBytes: 900 + rand(Math.floor(b.size / (2 * CUTS))) }) : { kind: 'pass' },
    );
    open.push(proxy);
    const key = (await loadOrCreateKey(ward.store)).key;
    const urls = new Set<string>();
    const out = await upload(proxy.url, b.path, key, { retryDelaysMs: Array.from({ length: CUTS + 20 }, () => 5), onUploadUrl: (u) => urls.add(u) });
    expect(out.status).toBe('applied');
    expect(proxy.faults.cut).toBe(CUTS);
    expect((city.db.sqlite.prepare('SELECT count(*) AS n FROM bundle_in WHERE bundle_id = ?').get(b.bundleId) as { n: number }).n).toBe(1);
    expect((city.db.sqlite.prepare('SELECT count(*) AS n FROM hub_upload').get() as { n: number }).n).toBe(1);
    expect((city.db.sqlite.prepare("SELECT count(*) AS n FROM change_log WHERE owner = 'HP-HAIDUONG'").get() as { n: number }).n).toBe(b.changes);
    // Resumed, not restarted: every attempt continued the one upload the hub created first.
    expect(urls.size).toBe(1);
    expect([...urls][0]).toMatch(new RegExp(`/${out.uploadId}$`));
  });

  it('after the app restarts mid-upload, the send resumes the same upload from where it stopped', async () => {
    const { ward, city } = await enrolledPair();
    const t = listTasks(ward.s)[0]!;
    await attachEvidence(ward.s, { taskId: t.id, fileName: 'bien-ban.pdf', data: (await import('node:crypto')).randomBytes(300_000) });
    const hub = await hubFor(city);
    // The line dies for good after 120 kB: every attempt of this run is cut, as when the office loses power.
    const proxy = await startFaultyProxy(hub.port, () => ({ kind: 'cut', afterBytes: 120_000 }));
    open.push(proxy);
    await expect(sendToHub(ward.s, ward.store, proxy.url, { retryDelaysMs: [10], stallTimeoutMs: 5_000 })).rejects.toMatchObject({ code: 'hub.send_failed' });
    const kept = ward.db.sqlite.prepare('SELECT upload_url, status FROM hub_send').get() as { upload_url: string | null; status: string };
    expect(kept.status).toBe('waiting');
    expect(kept.upload_url).toMatch(/\/v1\/uploads\/[0-9a-f]{32}$/);
    expect(outbox(ward.s)[0]!.lastError?.code).toBe('hub.send_failed');
    // "Restart": the same database opened afresh, the line back (straight to the hub: the proxy stood for the broken line).
    const dbPath = ward.db.path;
    ward.db.close();
    const { openDatabase } = await import('../../db/database');
    const { sessionFor } = await import('../../db/session');
    const reopened = openDatabase(dbPath, { mustExist: true });
    const s = sessionFor(reopened);
    const direct = kept.upload_url!.replace(proxy.url, hub.url);
    reopened.sqlite.prepare('UPDATE hub_send SET upload_url = ?').run(direct);
    const r = await sendToHub(s, ward.store, hub.url, FAST);
    expect(r.sent.map((o) => o.status)).toEqual(['applied']);
    // The upload begun before the restart is the one that finished: resumed, not begun again.
    expect(r.sent[0]!.uploadId).toBe(/([0-9a-f]{32})$/.exec(kept.upload_url!)![1]);
    expect(outbox(s)[0]!.status).toBe('acknowledged');
    reopened.close();
  });

  it('through a line that drops, stalls and slows, every bundle arrives once', async () => {
    const { ward, city } = await enrolledPair();
    const hub = await hubFor(city);
    const plan = [
      { kind: 'cut', afterBytes: 300 },
      { kind: 'stall', afterBytes: 200 },
      { kind: 'slow', chunkBytes: 4096, delayMs: 2 },
      { kind: 'cut', afterBytes: 800 },
      { kind: 'stall', afterBytes: 600 },
      { kind: 'slow', chunkBytes: 1024, delayMs: 1 },
      { kind: 'cut', afterBytes: 1500 },
    ] as const;
    let faults = 0;
    const proxy = await startFaultyProxy(hub.port, () => (faults < 24 ? plan[faults++ % plan.length]! : { kind: 'pass' }));
    open.push(proxy);
    const t = listTasks(ward.s)[0]!;
    const sentIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      recordProgress(ward.s, { taskId: t.id, status: 'in_progress', percent: 10 + i * 10, date: '2026-10-20' });
      const r = await sendToHub(ward.s, ward.store, proxy.url, { retryDelaysMs: Array.from({ length: 30 }, () => 10), stallTimeoutMs: 300 });
      for (const o of r.sent) sentIds.push(o.bundleId!);
    }
    // Connections are kept alive between requests, so the count of faults depends on how many the
    // client opened; every kind must have struck at least once.
    expect(proxy.faults.cut).toBeGreaterThan(0);
    expect(proxy.faults.stall).toBeGreaterThan(0);
    expect(proxy.faults.slow).toBeGreaterThan(0);
    const ids = outbox(ward.s).map((o) => o.bundleId);
    expect(new Set(sentIds)).toEqual(new Set(ids));
    const rows = city.db.sqlite.prepare("SELECT bundle_id, status FROM bundle_in WHERE owner = 'HP-HAIDUONG'").all() as { bundle_id: string; status: string }[];
    expect(rows.map((r) => r.bundle_id).sort()).toEqual([...ids].sort());
    expect(rows.every((r) => r.status === 'applied')).toBe(true);
    const outcomes = city.db.sqlite.prepare('SELECT outcome FROM hub_upload').all() as { outcome: string }[];
    expect(outcomes.map((o) => (JSON.parse(o.outcome) as { status: string }).status).sort()).toEqual(ids.map(() => 'applied'));
    const last = (ward.db.sqlite.prepare('SELECT max(seq) AS n FROM change_log WHERE origin = ?').get(ward.s.installationId) as { n: number }).n;
    expect((city.db.sqlite.prepare('SELECT last_seq AS n FROM origin_state WHERE origin = ?').get(ward.s.installationId) as { n: number }).n).toBe(last);
  });
});

describe('catalog and receipts for one ward', () => {
  it('each ward gets only its own receipts, and no ward can ask as another', async () => {
    const { ward, city, dir } = await enrolledPair();
    const hub = await hubFor(city);
    const other = await secondWard(dir, city, hub.url);
    const a = await sendToHub(ward.s, ward.store, hub.url, FAST);
    const b = await sendToHub(other.s, other.store, hub.url, FAST);
    expect(a.sent[0]?.status).toBe('applied');
    expect(b.sent[0]?.status).toBe('applied');
    expect(b.acknowledged).toEqual([b.exported]);

    const keyA = (await loadOrCreateKey(ward.store)).key;
    const keyB = (await loadOrCreateKey(other.store)).key;
    const receiptsOf = async (headers: Record<string, string>) => {
      const res = await fetch(`${hub.url}/v1/catalog`, { headers });
      if (!res.ok) return { status: res.status, body: (await res.json()) as { error: { code: string } } };
      const file = path.join(dir, `cat-${Date.now()}.wpb`);
      fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      const raw = await readBundleEntries(file);
      return { status: res.status, receipts: JSON.parse(raw.entries.get('receipts.json')!.toString('utf8')) as Array<{ wardCode: string }> };
    };
    const forA = await receiptsOf(credentialHeaders(signHubRequest(keyA, 'catalog', '')));
    expect(forA.status).toBe(200);
    expect(forA.receipts!.map((r) => r.wardCode)).toEqual(['HP-HAIDUONG']);

    // Ward A claims ward B's key id but can only sign with its own key.
    const forged = { ...signHubRequest(keyA, 'catalog', ''), keyId: keyB.keyId };
    const denied = await receiptsOf(credentialHeaders(forged));
    expect(denied.status).toBe(403);
    expect(denied.body!.error.code).toBe('hub.bad_signature');
    // No credentials at all, or a stale signature: nothing either.
    expect((await receiptsOf({})).status).toBe(401);
    const stale = await receiptsOf(credentialHeaders(signHubRequest(keyA, 'catalog', '', new Date(Date.now() - 3600_000))));
    expect(stale.body!.error.code).toBe('hub.stale_request');
    // A signature made for an upload is not a catalog request.
    const wrongPurpose = await receiptsOf(credentialHeaders(signHubRequest(keyA, 'upload', '')));
    expect(wrongPurpose.status).toBe(403);

    // And the ward's own fetch marks what the city acknowledged.
    expect(await fetchCatalog(ward.s, ward.store, hub.url)).toEqual([]);
    expect(outbox(ward.s)[0]!.status).toBe('acknowledged');
  });
});

describe('the hub itself', () => {
  it('answers health and version, sets security headers, and never shows a stack', async () => {
    const { city } = await enrolledPair();
    const hub = await hubFor(city);
    const health = await fetch(`${hub.url}/v1/health`);
    expect(await health.json()).toEqual({ ok: true });
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await (await fetch(`${hub.url}/v1/version`)).json()).toMatchObject({ product: 'wardplan-hub', api: 1, bundleFormat: 2, city: 'HP' });
    const bad = await fetch(`${hub.url}/v1/enrollments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"x"' });
    const text = await bad.text();
    expect(bad.status).toBe(400);
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
    const junk = await fetch(`${hub.url}/v1/enrollments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"x"}' });
    expect(((await junk.json()) as { error: { code: string } }).error.code).toBe('keys.bad_enrollment_request');
  });

  it('cleans abandoned uploads out of the upload area', async () => {
    const { ward, city } = await enrolledPair();
    const key = (await loadOrCreateKey(ward.store)).key;
    const first = await startHub(city);
    const c = signHubRequest(key, 'upload', '5000');
    const meta = [
      `keyId ${Buffer.from(c.keyId).toString('base64')}`,
      `at ${Buffer.from(c.at).toString('base64')}`,
      `sig ${Buffer.from(c.signature).toString('base64')}`,
    ].join(',');
    const res = await fetch(`${first.url}/v1/uploads`, {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '5000', 'Upload-Metadata': meta },
    });
    expect(res.status).toBe(201);
    await first.app.close();
    const uploads = `${city.db.path}.uploads`;
    expect(fs.readdirSync(uploads).length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 20));
    // A hub that keeps unfinished uploads for 10 ms: the one above is long abandoned.
    await hubFor(city, { limits: { expirationMs: 10 } });
    expect(fs.readdirSync(uploads)).toEqual([]);
    expect(city.db.sqlite.prepare('SELECT count(*) AS n FROM hub_upload').get()).toEqual({ n: 0 });
  });

  it('limits uploads in flight per ward and the size of an upload', async () => {
    const { ward, city } = await enrolledPair();
    const hub = await hubFor(city, { limits: { maxInFlightPerWard: 2, maxUploadBytes: 2 * 1024 * 1024 } });
    const key = (await loadOrCreateKey(ward.store)).key;
    const create = (size: number) => {
      const c = signHubRequest(key, 'upload', String(size));
      const meta = [
        `keyId ${Buffer.from(c.keyId).toString('base64')}`,
        `at ${Buffer.from(c.at).toString('base64')}`,
        `sig ${Buffer.from(c.signature).toString('base64')}`,
      ].join(',');
      return fetch(`${hub.url}/v1/uploads`, { method: 'POST', headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': String(size), 'Upload-Metadata': meta } });
    };
    expect((await create(1000)).status).toBe(201);
    expect((await create(1000)).status).toBe(201);
    const third = await create(1000);
    expect(third.status).toBe(429);
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('hub.too_many_uploads');
    const big = await create(3_000_000);
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string; message: { vi: string } } }).error.message.vi).toContain('giới hạn 2 MB');
  });
});
