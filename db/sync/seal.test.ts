/**
 * Sealed bundles (format 2): what a lost stick gives away, who can open a ward's bundle, and
 * origins bound when the city approves an enrollment.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { type Side } from '../../test/support/sync-fixture';
import { dumpDatabase } from '../../test/support/temp';
import { WARD_B, wardOrigin, world, type World } from '../../test/support/trust-world';
import { formatMessage } from '../../shared/i18n/messages';
import { encodeCompact } from '../bundle/compact-rows';
import {
  BLOB_PREFIX,
  CHANGES_NAME,
  DEFAULT_LIMITS,
  MANIFEST_NAME,
  SEALED_BLOB_PREFIX,
  SEALED_CHANGES_NAME,
  SIGNATURE_NAME,
  type CompactEncoding,
  type Manifest,
} from '../bundle/format';
import { openBundle, readBundleEntries } from '../bundle/reader';
import { openPayload, sealPayload } from '../bundle/seal';
import { verifyBundle, type TrustedKeyInfo } from '../bundle/verify';
import { writeBundleFile } from '../bundle/writer';
import { blobPath } from '../blobs';
import { getMeta, setMeta } from '../database';
import { ageRecipientOf, newAgeIdentity } from '../keys/age-identity';
import { makeEnrollmentRequest } from '../keys/documents';
import { type SealingKey } from '../keys/key-store';
import { attachEvidence } from '../services/evidence';
import { listIndicators, setAggregation, setValue } from '../services/indicators';
import { listTasks, recordProgress } from '../services/tasks';
import { derivedId } from '../natural-ids';
import { columnsOf } from '../owned-tables';
import { compactDatabase } from './compact';
import { newId } from '../session';
import { acceptEnrollmentResponse, answerEnrollment, grantEnrollment } from './enroll';
import { exportWardBundle } from './export';
import { importBundle } from './import';
import { importBundles, startVerifyWorker } from './import-batch';
import type { FileVerdict } from './verify-file';
import { resolveRefsFor } from './compact-refs';

const A = 'HP-HAIDUONG';
const STAMP = '2026-10-15T03:00:00.000Z';

function written(r: Awaited<ReturnType<typeof exportWardBundle>>) {
  if (r.status !== 'written') throw new Error('expected a bundle');
  return r;
}

/** Reads a bundle as `reader` would: trusting A's key, opening with `identity`. */
async function readAs(file: string, key: SealingKey, identity: string, reader: Side, stageDir: string | null = null) {
  const archive = await openBundle(file);
  const trusted: TrustedKeyInfo = { keyId: key.keyId, orgCode: A, publicKey: key.publicKey, revokedAt: null };
  try {
    return await verifyBundle(archive, (keyId) => (keyId === key.keyId ? trusted : undefined), stageDir, {
      identities: async () => [identity],
      resolveRef: resolveRefsFor(reader.s),
    });
  } finally {
    archive.close();
  }
}

async function expectRefused(side: Side, file: string, code: string, params: Record<string, unknown> = {}) {
  const before = dumpDatabase(side.db);
  const r = await importBundle(side.s, file, { store: side.store });
  expect(r.status).toBe('refused');
  expect(r.error).toMatchObject({ code, params });
  expect(dumpDatabase(side.db)).toBe(before);
  return r;
}

/** A ward's one-change bundle with `plain` as its compact rows, sealed to the city, signed by A's or B's key. */
async function sealedBundle(w: World, who: 'A' | 'B', plain: Buffer, encoding: CompactEncoding, seq: number): Promise<string> {
  const key = who === 'A' ? w.keyA : w.keyB;
  const sealed = await sealPayload(plain, [await ageRecipientOf(w.cityKey.ageIdentity)]);
  const file = path.join(w.dir, `crafted-${who}-${randomBytes(4).toString('hex')}.wpb`);
  await writeBundleFile(
    file,
    {
      bundleId: newId(),
      kind: 'changes',
      origin: who === 'A' ? wardOrigin(w.dir) : w.wardB.s.installationId,
      owner: who === 'A' ? A : WARD_B,
      ownerKind: 'ward',
      seqFrom: seq,
      seqTo: seq,
      prevManifestSha256: null,
      createdAt: STAMP,
      keyId: key.keyId,
      counts: { changes: 1, blobs: 0 },
      payload: { sealed: 'age-x25519', compression: 'deflate-raw', encoding, inflatedBytes: plain.length },
    },
    [{ path: SEALED_CHANGES_NAME, data: sealed }],
    key,
  );
  return file;
}

describe('a sealed bundle', () => {
  it('is format 2: the manifest stays readable, the changes are sealed and name nothing in clear', async () => {
    const { ward, city, usb } = await world();
    const b = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    const raw = await readBundleEntries(b.path);
    expect([...raw.entries.keys()].sort()).toEqual(['changes.age', 'manifest.json', 'manifest.sig']);
    const manifest = JSON.parse(raw.entries.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ version: 2, owner: A, payload: { sealed: 'age-x25519', compression: 'deflate-raw', encoding: 'wardplan-compact-2' } });
    const task = listTasks(ward.s)[0]!;
    const file = fs.readFileSync(b.path);
    for (const secret of [task.id, task.content.slice(0, 20), getMeta(ward.db, 'officer_name') ?? 'Cán bộ']) {
      expect(file.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    }
    expect((await importBundle(city.s, b.path, { store: city.store })).status).toBe('applied');
  });

  it('opens at the city and at the ward that wrote it, not at another ward, which is told why in Vietnamese and English', async () => {
    const { ward, wardB, city, usb, keyA, keyB, cityKey } = await world();
    const b = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    const atCity = await readAs(b.path, keyA, cityKey.ageIdentity, city);
    const own = await readAs(b.path, keyA, keyA.ageIdentity, ward);
    expect(own.changes).toEqual(atCity.changes);
    expect(atCity.changes).toHaveLength(b.changes);
    const other = readAs(b.path, keyA, keyB.ageIdentity, wardB);
    await expect(other).rejects.toMatchObject({ code: 'bundle.sealed_for_other', params: { file: b.path } });
    // A reader with no age identity at all cannot open it either.
    const archive = await openBundle(b.path);
    await expect(verifyBundle(archive, () => ({ keyId: keyA.keyId, orgCode: A, publicKey: keyA.publicKey, revokedAt: null }), null)).rejects.toMatchObject({
      code: 'bundle.sealed_for_other',
    });
    archive.close();
    const vi = formatMessage('vi', 'bundle.sealed_for_other', { file: b.path });
    const en = formatMessage('en', 'bundle.sealed_for_other', { file: b.path });
    expect(vi).toContain('niêm phong');
    expect(en).toContain('sealed for another receiver');
  });

  it('after the city acknowledged a bundle, the next one names the rows the city holds by a short reference', async () => {
    const { ward, city, usb, keyA } = await world();
    const b1 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect((await importBundle(city.s, b1.path, { store: city.store })).status).toBe('applied');
    ward.db.sqlite.prepare('UPDATE bundle_out SET acknowledged_at = ?, receipt = ?').run(STAMP, '{}');
    const task = listTasks(ward.s)[0]!;
    recordProgress(ward.s, { taskId: task.id, status: 'in_progress', percent: 30, date: '2026-10-20' });
    const b2 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    const sealed = (await readBundleEntries(b2.path)).entries.get(SEALED_CHANGES_NAME)!;
    const plain = (await openPayload(b2.path, sealed, [keyA.ageIdentity], 1 << 20)).toString('utf8');
    expect(plain).toContain(`^${task.id.slice(0, 10)}`);
    expect(plain).not.toContain(task.id.replace(/-/g, ''));
    expect(await importBundle(city.s, b2.path, { store: city.store })).toMatchObject({ status: 'applied', applied: 1 });
    expect(city.db.sqlite.prepare('SELECT percent FROM task_progress WHERE task_id = ? AND percent = 30').get(task.id)).toEqual({ percent: 30 });
  });

  it('still names the rows the city holds by a short reference once the acknowledged history is compacted', async () => {
    const { ward, city, usb, keyA } = await world();
    const b1 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect((await importBundle(city.s, b1.path, { store: city.store })).status).toBe('applied');
    ward.db.sqlite.prepare('UPDATE bundle_out SET acknowledged_at = ?, receipt = ?').run(STAMP, '{}');
    const task = listTasks(ward.s)[0]!;
    recordProgress(ward.s, { taskId: task.id, status: 'in_progress', percent: 30, date: '2026-10-20' });
    expect(compactDatabase(ward.s).changesCompacted).toBeGreaterThan(0);
    const b2 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    const sealed = (await readBundleEntries(b2.path)).entries.get(SEALED_CHANGES_NAME)!;
    const plain = (await openPayload(b2.path, sealed, [keyA.ageIdentity], 1 << 20)).toString('utf8');
    expect(plain).toContain(`^${task.id.slice(0, 10)}`);
    expect(plain).not.toContain(task.id.replace(/-/g, ''));
    expect(await importBundle(city.s, b2.path, { store: city.store })).toMatchObject({ status: 'applied', applied: 1 });
  });

  it('names an indicator of its own by its code while the city holds it unchanged, by the start of its id once it changed', async () => {
    const { ward, city, usb, keyA } = await world();
    const b1 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect((await importBundle(city.s, b1.path, { store: city.store })).status).toBe('applied');
    ward.db.sqlite.prepare('UPDATE bundle_out SET acknowledged_at = ?, receipt = ?').run(STAMP, '{}');
    const ind = listIndicators(ward.s).find((i) => !i.isRatio)!;
    const plainOf = async (file: string) =>
      (await openPayload(file, (await readBundleEntries(file)).entries.get(SEALED_CHANGES_NAME)!, [keyA.ageIdentity], 1 << 20)).toString('utf8');
    setValue(ward.s, { indicatorCode: ind.code, period: '2026-Q3', value: 75 });
    const b2 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    const plain2 = await plainOf(b2.path);
    expect(plain2).toContain(`"@${ind.code}"`);
    expect(plain2).not.toContain(`^${ind.id.slice(0, 10)}`);
    expect(await importBundle(city.s, b2.path, { store: city.store })).toMatchObject({ status: 'applied', applied: 1 });
    const atCity = city.db.sqlite.prepare('SELECT indicator_id AS i FROM indicator_value WHERE owner = ? AND period = ?').pluck();
    expect(atCity.get(A, '2026-Q3')).toBe(ind.id);
    // Changed after the last receipt: the city's copy may not be this one, so the id's start names it.
    const before = ward.db.sqlite.prepare('SELECT aggregation FROM indicator WHERE id = ?').pluck().get(ind.id);
    setAggregation(ward.s, ind.code, before === 'sum' ? 'average' : 'sum');
    setValue(ward.s, { indicatorCode: ind.code, period: '2026-Q4', value: 80 });
    const b3 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    const plain3 = await plainOf(b3.path);
    expect(plain3).toContain(`"^${ind.id.slice(0, 10)}`);
    expect(plain3).not.toContain(`"@${ind.code}"`);
    const r3 = await importBundle(city.s, b3.path, { store: city.store });
    expect(r3.error ?? null).toBeNull();
    expect(r3.status).toBe('applied');
    expect(atCity.get(A, '2026-Q4')).toBe(ind.id);
    // The city resolves a code among the sender's rows and its own only, and only in coded tables.
    const resolve = resolveRefsFor(city.s);
    const indB = city.db.sqlite.prepare('SELECT id FROM indicator WHERE owner = ? AND code = ?').pluck().get(WARD_B, ind.code) as string;
    expect(indB).not.toBe(ind.id);
    expect(resolve('indicator', `@${ind.code}`, A)).toBe(ind.id);
    expect(resolve('indicator', `@${ind.code}`, WARD_B)).toBe(indB);
    expect(resolve('indicator', '@KHONG-CO', A)).toBeUndefined();
    expect(resolve('task', `@${ind.code}`, A)).toBeUndefined();
    expect(resolve('indicator', ind.id.slice(0, 12), A)).toBeUndefined();
    expect(resolve('indicator', `^${ind.id.slice(0, 12)}`, A)).toBe(ind.id);
    expect(resolve('indicator', `^${ind.id.slice(0, 9)}`, A)).toBeUndefined();
  });

  it('carries a new indicator value without its id, which the city computes from the ward, the indicator and the period', async () => {
    const { ward, city, usb, keyA } = await world();
    const ind = listIndicators(ward.s)[0]!;
    const set = setValue(
      ward.s,
      ind.isRatio ? { indicatorCode: ind.code, period: '2026-Q3', numerator: 3, denominator: 4 } : { indicatorCode: ind.code, period: '2026-Q3', value: 75 },
    );
    expect(set.id).toBe(derivedId('indicator_value', A, { indicator_id: ind.id, period: '2026-Q3' }));
    const b = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    const sealed = (await readBundleEntries(b.path)).entries.get(SEALED_CHANGES_NAME)!;
    const plain = (await openPayload(b.path, sealed, [keyA.ageIdentity], 1 << 20)).toString('utf8');
    expect(plain).not.toContain(set.id.replace(/-/g, ''));
    expect((await importBundle(city.s, b.path, { store: city.store })).status).toBe('applied');
    expect(city.db.sqlite.prepare('SELECT owner, period FROM indicator_value WHERE id = ?').get(set.id)).toEqual({ owner: A, period: '2026-Q3' });
  });

  it("refuses a row that takes the id another ward's value derives, or a derived id one digit changed, and nothing changes", async () => {
    const w = await world();
    const indB = w.wardB.db.sqlite.prepare('SELECT id FROM indicator WHERE owner = ? LIMIT 1').pluck().get(WARD_B) as string;
    const key = { indicator_id: indB, period: '2026-Q3' };
    const own = derivedId('indicator_value', WARD_B, key)!;
    const row = (id: string) => ({
      id,
      owner: WARD_B,
      updated_at: STAMP,
      deleted: 0,
      ...key,
      value: 50,
      numerator: null,
      denominator: null,
      note: null,
      by_name: 'x',
    });
    const seq = w.b1.seqTo + 1;
    for (const id of [derivedId('indicator_value', A, key)!, `${own.slice(0, 35)}${own.endsWith('0') ? '1' : '0'}`]) {
      const plain = encodeCompact([{ seq, table: 'indicator_value', row: row(id) }], () => null);
      const file = await sealedBundle(w, 'B', plain, 'wardplan-compact-2', seq);
      await expectRefused(w.city, file, 'bundle.bad_row', { table: 'indicator_value', reason: 'id derived' });
    }
    // Its own derived id it may leave out: the city computes it for the sender, and only for it.
    const plain = encodeCompact([{ seq, table: 'indicator_value', row: row(own) }], () => null);
    expect(plain.toString('utf8')).not.toContain(own.replace(/-/g, ''));
    const file = await sealedBundle(w, 'B', plain, 'wardplan-compact-2', seq);
    expect(await importBundle(w.city.s, file, { store: w.city.store })).toMatchObject({ status: 'applied', applied: 1 });
    expect(w.city.db.sqlite.prepare('SELECT owner FROM indicator_value WHERE id = ?').get(own)).toEqual({ owner: WARD_B });
  });

  it('written before compact rows came in columns (wardplan-compact-1), still imports', async () => {
    const w = await world();
    const id = newId();
    const columns = columnsOf('unit').map((c) => c.name);
    expect(columns).toEqual(['id', 'owner', 'updated_at', 'deleted', 'code', 'name']);
    const plain = Buffer.from(
      [
        JSON.stringify({ u: id.replace(/-/g, '') }),
        JSON.stringify({ s: [A, 'U-CU', 'Đơn vị viết theo cách cũ'] }),
        JSON.stringify({ t: 'unit', c: columns, k: 'sssnss' }),
        JSON.stringify([1, 0, 63, -1, 0, { t: Date.parse(STAMP) }, 0, 1, 2]),
      ].join('\n'),
    );
    const file = await sealedBundle(w, 'A', plain, 'wardplan-compact-1', 1);
    expect(await importBundle(w.city.s, file, { store: w.city.store })).toMatchObject({ status: 'applied', applied: 1 });
    expect(w.city.db.sqlite.prepare('SELECT owner, code, name, updated_at FROM unit WHERE id = ?').get(id)).toEqual({
      owner: A,
      code: 'U-CU',
      name: 'Đơn vị viết theo cách cũ',
      updated_at: STAMP,
    });
  });

  it('naming a payload encoding this version does not know, is refused as from a newer version', async () => {
    const w = await world();
    const plain = encodeCompact([{ seq: 1, table: 'unit', row: { id: newId(), owner: A, updated_at: STAMP, deleted: 0, code: 'U9', name: 'x' } }], () => null);
    const file = await sealedBundle(w, 'A', plain, 'wardplan-compact-9' as CompactEncoding, 1);
    await expectRefused(w.city, file, 'bundle.future_version', { version: '2 (wardplan-compact-9)', supported: 2 });
  });

  it('sealed to another city is refused clearly, and nothing changes', async () => {
    const { ward, city, usb } = await world();
    setMeta(ward.db, 'city_age_recipient', await ageRecipientOf(await newAgeIdentity()));
    const b = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    await expectRefused(city, b.path, 'bundle.sealed_for_other', { file: b.path });
  });

  it('is refused by its signed hash when one bit of the sealed bytes changed, before anything is decrypted', async () => {
    const { ward, city, usb, keyA } = await world();
    const b = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    const raw = await readBundleEntries(b.path);
    const sealed = Buffer.from(raw.entries.get(SEALED_CHANGES_NAME)!);
    sealed[sealed.length - 1]! ^= 1;
    const flipped = path.join(path.dirname(b.path), 'flipped.wpb');
    const zip = new yazl.ZipFile();
    for (const [name, data] of raw.entries) zip.addBuffer(name === SEALED_CHANGES_NAME ? sealed : data, name);
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    fs.writeFileSync(flipped, Buffer.concat(chunks));
    await expectRefused(city, flipped, 'bundle.hash_mismatch', { entry: SEALED_CHANGES_NAME });
    // Even the signer cannot make the city decrypt altered bytes: listed and signed anew, they fail age's own check.
    const m = JSON.parse(raw.entries.get('manifest.json')!.toString('utf8')) as Extract<Manifest, { version: 2 }>;
    const resigned = path.join(path.dirname(b.path), 'resigned.wpb');
    await writeBundleFile(
      resigned,
      {
        bundleId: m.bundleId,
        kind: m.kind,
        origin: m.origin,
        owner: m.owner,
        ownerKind: m.ownerKind,
        seqFrom: m.seqFrom,
        seqTo: m.seqTo,
        prevManifestSha256: m.prevManifestSha256,
        createdAt: m.createdAt,
        keyId: keyA.keyId,
        counts: m.counts,
        payload: m.payload,
      },
      [{ path: SEALED_CHANGES_NAME, data: sealed }],
      keyA,
    );
    await expectRefused(city, resigned, 'bundle.seal_broken');
  });

  it('inflates no further than the size its signed manifest gives the rows', async () => {
    const { dir, city, keyA, cityKey } = await world();
    const unit = { id: newId(), owner: A, updated_at: STAMP, deleted: 0, code: 'U1', name: 'Đơn vị '.repeat(200) };
    const plain = encodeCompact([{ seq: 1, table: 'unit', row: unit }], () => null);
    const sealed = await sealPayload(plain, [await ageRecipientOf(cityKey.ageIdentity)]);
    const file = path.join(dir, 'small-claim.wpb');
    await writeBundleFile(
      file,
      {
        bundleId: newId(),
        kind: 'changes',
        origin: wardOrigin(dir),
        owner: A,
        ownerKind: 'ward',
        seqFrom: 1,
        seqTo: 1,
        prevManifestSha256: null,
        createdAt: STAMP,
        keyId: keyA.keyId,
        counts: { changes: 1, blobs: 0 },
        payload: { sealed: 'age-x25519', compression: 'deflate-raw', encoding: 'wardplan-compact-1', inflatedBytes: 100 },
      },
      [{ path: SEALED_CHANGES_NAME, data: sealed }],
      keyA,
    );
    await expectRefused(city, file, 'bundle.entry_too_large', { entry: SEALED_CHANGES_NAME });
  });

  it('a ward enrolled before sealing writes format 1, which the city still imports', async () => {
    const { ward, city, usb } = await world();
    ward.db.sqlite.prepare("DELETE FROM meta WHERE key = 'city_age_recipient'").run();
    const b = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect([...(await readBundleEntries(b.path)).entries.keys()]).toContain(CHANGES_NAME);
    expect(await importBundle(city.s, b.path, { store: city.store })).toMatchObject({ status: 'applied', applied: b.changes });
  });
});

async function zipOf(entries: Map<string, Buffer>, target: string): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  fs.writeFileSync(target, Buffer.concat(chunks));
  return target;
}

/** A ward's bundle with one attached document that looks like a scanned page: it does not compress. */
async function bundleWithEvidence() {
  const w = await world();
  const marker = 'BIEN-BAN-MAT-So-17/2026-Ho-so-dat-dai';
  const data = Buffer.concat([randomBytes(48 * 1024), Buffer.from(marker, 'utf8'), randomBytes(16 * 1024)]);
  const task = listTasks(w.ward.s)[0]!;
  const { sha256 } = await attachEvidence(w.ward.s, { taskId: task.id, fileName: 'bien-ban.pdf', data });
  const b = written(await exportWardBundle(w.ward.s, w.ward.store, { outDir: w.usb }));
  return { ...w, b, data, marker, sha256, entry: `${SEALED_BLOB_PREFIX}${sha256}` };
}

describe('sealed evidence', () => {
  it('travels sealed: neither the file nor any entry inflated from it shows the document, and the city gets it byte for byte', async () => {
    const { city, b, data, marker, sha256, entry } = await bundleWithEvidence();
    const raw = await readBundleEntries(b.path);
    expect([...raw.entries.keys()].sort()).toEqual([SEALED_CHANGES_NAME, MANIFEST_NAME, SIGNATURE_NAME, entry].sort());
    const manifest = JSON.parse(raw.entries.get(MANIFEST_NAME)!.toString('utf8')) as Manifest;
    const listed = manifest.entries.find((e) => e.path === entry)!;
    expect(listed.sha256).not.toBe(sha256);
    expect(listed.size).toBe(raw.entries.get(entry)!.length);
    const pieces = [Buffer.from(marker, 'utf8'), data.subarray(0, 64), data.subarray(data.length - 64)];
    for (const bytes of [fs.readFileSync(b.path), ...raw.entries.values()]) {
      for (const piece of pieces) expect(bytes.includes(piece)).toBe(false);
    }
    expect(await importBundle(city.s, b.path, { store: city.store })).toMatchObject({ status: 'applied' });
    expect(fs.readFileSync(blobPath(city.db.blobDir, sha256)).equals(data)).toBe(true);
  });

  it('opens at the ward that wrote it, not at another ward', async () => {
    const { dir, ward, wardB, b, data, sha256, keyA, keyB } = await bundleWithEvidence();
    const stage = path.join(dir, 'own-stage');
    const own = await readAs(b.path, keyA, keyA.ageIdentity, ward, stage);
    expect(fs.readFileSync(own.blobs.get(sha256)!).equals(data)).toBe(true);
    await expect(readAs(b.path, keyA, keyB.ageIdentity, wardB, path.join(dir, 'b-stage'))).rejects.toMatchObject({ code: 'bundle.sealed_for_other' });
    expect(fs.existsSync(path.join(dir, 'b-stage', sha256))).toBe(false);
  });

  it("is opened by the batch import's verifying thread with the city's identity, and the batch applies it", async () => {
    const { dir, city, cityKey, b, data, sha256 } = await bundleWithEvidence();
    const stage = path.join(dir, 'worker-stage');
    const worker = startVerifyWorker(city.db.path, [cityKey.ageIdentity]);
    try {
      const verdict = await new Promise<FileVerdict>((resolve, reject) => {
        worker.once('message', (m: { verdict: FileVerdict }) => resolve(m.verdict));
        worker.once('error', reject);
        worker.postMessage({ id: 1, file: b.path, stage });
      });
      expect(verdict.ok).toBe(true);
      expect(fs.readFileSync(path.join(stage, sha256)).equals(data)).toBe(true);
    } finally {
      await worker.terminate();
    }
    const [outcome] = await importBundles(city.s, [b.path], { cityKey, workers: 1 });
    expect(outcome).toMatchObject({ status: 'applied', applied: b.changes });
    expect(fs.readFileSync(blobPath(city.db.blobDir, sha256)).equals(data)).toBe(true);
  });

  it('is refused when, signed by a valid ward key, its opened bytes do not hash to its name', async () => {
    const { city, b, sha256, entry, keyA, cityKey } = await bundleWithEvidence();
    const raw = await readBundleEntries(b.path);
    const m = JSON.parse(raw.entries.get(MANIFEST_NAME)!.toString('utf8')) as Extract<Manifest, { version: 2 }>;
    const swapped = await sealPayload(Buffer.from('một tài liệu khác, không phải biên bản', 'utf8'), [
      await ageRecipientOf(cityKey.ageIdentity),
      await ageRecipientOf(keyA.ageIdentity),
    ]);
    const forged = path.join(path.dirname(b.path), 'swapped-evidence.wpb');
    const { entries: _entries, format: _format, version: _version, ...fields } = m;
    await writeBundleFile(
      forged,
      fields,
      m.entries.map((e) => ({ path: e.path, data: e.path === entry ? swapped : raw.entries.get(e.path)! })),
      keyA,
    );
    const r = await expectRefused(city, forged, 'bundle.sealed_blob_mismatch', { file: forged, entry });
    expect(fs.existsSync(blobPath(city.db.blobDir, sha256))).toBe(false);
    const params = r.error!.params as Record<string, string>;
    expect(formatMessage('vi', 'bundle.sealed_blob_mismatch', params)).toContain(`tệp minh chứng niêm phong ${entry}`);
    expect(formatMessage('en', 'bundle.sealed_blob_mismatch', params)).toContain(`sealed evidence file ${entry} does not match`);
  });

  it('is opened no further than the limit of an evidence file', async () => {
    const { b, entry, keyA } = await bundleWithEvidence();
    const archive = await openBundle(b.path, { ...DEFAULT_LIMITS, maxEntryBytes: 32 * 1024 });
    const trusted: TrustedKeyInfo = { keyId: keyA.keyId, orgCode: A, publicKey: keyA.publicKey, revokedAt: null };
    try {
      await expect(verifyBundle(archive, () => trusted, null, { identities: async () => [keyA.ageIdentity] })).rejects.toMatchObject({
        code: 'bundle.entry_too_large',
        params: { entry },
      });
    } finally {
      archive.close();
    }
  });

  it('travels only sealed in format 2: a signed bundle carrying it in clear is refused', async () => {
    const { city, b, data, sha256, entry, keyA } = await bundleWithEvidence();
    const raw = await readBundleEntries(b.path);
    const m = JSON.parse(raw.entries.get(MANIFEST_NAME)!.toString('utf8')) as Extract<Manifest, { version: 2 }>;
    const clear = path.join(path.dirname(b.path), 'clear-evidence.wpb');
    const { entries: _entries, format: _format, version: _version, ...fields } = m;
    await writeBundleFile(
      clear,
      fields,
      m.entries.map((e) => (e.path === entry ? { path: `${BLOB_PREFIX}${sha256}`, data } : { path: e.path, data: raw.entries.get(e.path)! })),
      keyA,
    );
    await expectRefused(city, clear, 'bundle.unexpected_entry', { entry: `${BLOB_PREFIX}${sha256}` });
  });

  it('is refused by its signed hash when one bit of its sealed bytes changed', async () => {
    const { city, b, sha256, entry } = await bundleWithEvidence();
    const raw = await readBundleEntries(b.path);
    const sealed = Buffer.from(raw.entries.get(entry)!);
    sealed[sealed.length >> 1]! ^= 1;
    const flipped = await zipOf(
      new Map([...raw.entries].map(([n, d]) => [n, n === entry ? sealed : d])),
      path.join(path.dirname(b.path), 'flipped-evidence.wpb'),
    );
    await expectRefused(city, flipped, 'bundle.hash_mismatch', { entry });
    expect(fs.existsSync(blobPath(city.db.blobDir, sha256))).toBe(false);
  });
});

describe('origins bound at enrollment', () => {
  it("another ward's key cannot claim an origin the city bound when it approved the ward, even before that ward sent anything", async () => {
    const { dir, city, keyB } = await world();
    const originA = wardOrigin(dir);
    expect(city.db.sqlite.prepare('SELECT org_code FROM origin_registry WHERE origin = ?').get(originA)).toEqual({ org_code: A });
    const unit = { id: newId(), owner: 'HP-TIENLANG', updated_at: STAMP, deleted: 0, code: 'U9', name: 'Đơn vị' };
    const file = path.join(dir, 'claim.wpb');
    await writeBundleFile(
      file,
      {
        bundleId: newId(),
        kind: 'changes',
        origin: originA,
        owner: 'HP-TIENLANG',
        ownerKind: 'ward',
        seqFrom: 1,
        seqTo: 1,
        prevManifestSha256: null,
        createdAt: STAMP,
        keyId: keyB.keyId,
        counts: { changes: 1, blobs: 0 },
      },
      [{ path: CHANGES_NAME, data: Buffer.from(`${JSON.stringify({ seq: 1, table: 'unit', row: unit })}\n`) }],
      keyB,
    );
    await expectRefused(city, file, 'bundle.origin_taken', { origin: originA, originOwner: A });
  });

  it("a request naming another ward's installation is refused before any answer is written", async () => {
    const { dir, city, keyB, cityKey } = await world();
    const request = makeEnrollmentRequest(keyB, {
      wardCode: 'HP-TIENLANG',
      wardName: 'Xã Tiên Lãng',
      officer: { name: 'Vân' },
      installationId: wardOrigin(dir),
    });
    await expect(answerEnrollment(city.s, cityKey, request)).rejects.toMatchObject({
      code: 'sync.enroll_origin_taken',
      params: { ward: 'HP-TIENLANG', originOwner: A },
    });
    const response = {
      type: 'wardplan-enrollment-response' as const,
      v: 1 as const,
      cityCode: 'HP',
      cityName: 'HP',
      cityPublicKey: cityKey.publicKey,
      certificate: null,
    };
    expect(() => grantEnrollment(city.s, request, response)).toThrow(expect.objectContaining({ code: 'sync.enroll_origin_taken' }) as Error);
  });

  it('an enrollment answer whose sealing recipient is not signed by the city is refused, and the ward keeps the one it had', async () => {
    const { ward, city, keyA, cityKey } = await world();
    const request = makeEnrollmentRequest(keyA, { wardCode: A, wardName: 'Phường Hải Dương', officer: { name: 'Vân' }, installationId: ward.s.installationId });
    const answer = await answerEnrollment(city.s, cityKey, request);
    const swapped = { ...answer, cityAgeRecipient: { ...answer.cityAgeRecipient!, recipient: await ageRecipientOf(await newAgeIdentity()) } };
    const before = getMeta(ward.db, 'city_age_recipient');
    expect(() => acceptEnrollmentResponse(ward.s, swapped)).toThrow(expect.objectContaining({ code: 'sync.bad_age_recipient' }) as Error);
    expect(getMeta(ward.db, 'city_age_recipient')).toBe(before);
    acceptEnrollmentResponse(ward.s, answer);
    expect(getMeta(ward.db, 'city_age_recipient')).toBe(await ageRecipientOf(cityKey.ageIdentity));
  });
});
