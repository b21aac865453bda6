import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { enrolledPair, keyStoreFor, clock, type Side } from '../../test/support/sync-fixture';
import { dumpDatabase } from '../../test/support/temp';
import { wardOrigin } from '../../test/support/trust-world';
import { openDatabase } from '../database';
import { BUNDLE_FORMAT, BUNDLE_VERSION, CHANGES_NAME, MANIFEST_NAME, SEALED_CHANGES_NAME, SIGNATURE_NAME } from '../bundle/format';
import { readBundleEntries } from '../bundle/reader';
import { writeBundleFile, type BundleContent } from '../bundle/writer';
import { generateKeyPair, keyIdOf } from '../keys/ed25519';
import { loadOrCreateKey } from '../keys/key-store';
import { rotateKey } from '../keys/rotation';
import { createDemoWard } from '../services/demo';
import { setValue } from '../services/indicators';
import { listTasks, recordProgress } from '../services/tasks';
import { attachEvidence } from '../services/evidence';
import { newId } from '../session';
import { cityEnroll, importEnrollmentResponse, revokeWard, writeEnrollmentRequest } from './enroll';
import { exportWardBundle } from './export';
import { importBundle } from './import';
import { publishCatalog } from './publish';
import { cityProgress, cityStatus, wardSyncStatus } from './status';
import { rememberKey } from './identity';

function written(r: Awaited<ReturnType<typeof exportWardBundle>>) {
  if (r.status !== 'written') throw new Error('expected a bundle');
  return r;
}

describe('round trip ward → city → ward', () => {
  it('exports, applies at the city, receipts come back and acknowledge the bundle', async () => {
    const { usb, ward, city } = await enrolledPair();
    setValue(ward.s, { indicatorCode: 'CQ-09', period: '2026-Q3', numerator: 3658476, denominator: 3670241 });
    const t = listTasks(ward.s)[0]!;
    const ev = await attachEvidence(ward.s, { taskId: t.id, fileName: 'bien-ban.pdf', data: Buffer.from('%PDF biên bản họp Ban Chỉ đạo') });

    const b1 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect(b1.fileName).toMatch(/^HP-HAIDUONG_2026-Q4_000001-\d{6}\.wpb$/);
    expect(b1.blobs).toBe(1);
    expect(fs.readdirSync(usb).filter((f) => f.startsWith('.'))).toEqual([]);
    expect((await exportWardBundle(ward.s, ward.store, { outDir: usb })).status).toBe('nothing_new');

    const r = await importBundle(city.s, b1.path, { store: city.store });
    expect(r.status).toBe('applied');
    expect(r.applied).toBe(b1.changes);
    const cityTasks = city.db.sqlite.prepare("SELECT count(*) AS n FROM task WHERE owner = 'HP-HAIDUONG'").get() as { n: number };
    expect(cityTasks.n).toBe(22);
    const value = city.db.sqlite.prepare("SELECT value FROM indicator_value WHERE owner = 'HP-HAIDUONG'").get() as { value: number };
    expect(value.value).toBe(99.68);
    expect(fs.existsSync(path.join(city.db.blobDir, ev.sha256.slice(0, 2), ev.sha256))).toBe(true);

    // The same bundle twice changes nothing and says so.
    const before = dumpDatabase(city.db);
    const again = await importBundle(city.s, b1.path, { store: city.store });
    expect(again.status).toBe('duplicate');
    expect(dumpDatabase(city.db)).toBe(before);

    const progress = cityProgress(city.s, '2026-10-15');
    expect(progress).toEqual([expect.objectContaining({ wardCode: 'HP-HAIDUONG', tasks: 22, overdue: 6, indicatorsMet: 1, indicatorsNoData: 18 })]);
    const st = cityStatus(city.s, '2026-11-01');
    const w = st.wards.find((x) => x.wardCode === 'HP-HAIDUONG')!;
    expect(w.lastSeqApplied).toBe(b1.seqTo);
    expect(w.keys[0]!.fingerprint).toMatch(/^\d{4}( \d{4}){4}$/);
    expect(w.pending).toEqual([]);

    const cat = await publishCatalog(city.s, city.store, usb);
    const back = await importBundle(ward.s, cat.path, {});
    expect(back.status).toBe('applied');
    expect(back.acknowledged).toEqual([b1.bundleId]);
    const ws = wardSyncStatus(ward.s);
    expect(ws.history[0]!.acknowledgedAt).not.toBeNull();
    expect(ws.lastAcknowledgedSeq).toBe(b1.seqTo);

    // Next export starts after the acknowledged range and does not resend the evidence.
    recordProgress(ward.s, { taskId: t.id, status: 'in_progress', percent: 30, date: '2026-10-20' });
    const b2 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect(b2.seqFrom).toBe(b1.seqTo + 1);
    expect(b2.blobs).toBe(0);
    expect((await importBundle(city.s, b2.path, { store: city.store })).status).toBe('applied');
  });

  it('keeps a bundle that arrives before its predecessor pending, says what is missing, and applies both when the gap fills', async () => {
    const { usb, ward, city } = await enrolledPair();
    const b1 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    setValue(ward.s, { indicatorCode: 'CQ-07', period: '2026-Q3', value: 88 });
    // Not acknowledged, so the next bundle would repeat the range: export to a second stick after
    // pretending the first was acknowledged, as happens when the catalog arrived.
    ward.db.sqlite.prepare('UPDATE bundle_out SET acknowledged_at = ? WHERE bundle_id = ?').run('2026-10-16T00:00:00.000Z', b1.bundleId);
    const b2 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    const early = await importBundle(city.s, b2.path, { store: city.store });
    expect(early.status).toBe('pending');
    expect(early.missing).toEqual({ from: 1, to: b1.seqTo });
    expect(cityStatus(city.s).wards[0]!.pending[0]).toMatchObject({ missingFrom: 1, missingTo: b1.seqTo });
    expect((city.db.sqlite.prepare('SELECT count(*) AS n FROM indicator_value').get() as { n: number }).n).toBe(0);
    const late = await importBundle(city.s, b1.path, { store: city.store });
    expect(late.status).toBe('applied');
    expect(late.released.map((x) => x.status)).toEqual(['applied']);
    expect((city.db.sqlite.prepare('SELECT value FROM indicator_value').get() as { value: number }).value).toBe(88);
    expect(cityStatus(city.s).wards[0]!.pending).toEqual([]);
  });

  it('a full snapshot recovers a city that lost everything', async () => {
    const { usb, ward, dir } = await enrolledPair();
    written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    const cityDb = openDatabase(path.join(dir, 'city2.db'));
    const { initCity } = await import('../services/setup');
    const city2 = initCity(cityDb, { cityCode: 'HP', cityName: 'Hải Phòng' }, clock());
    const store2 = keyStoreFor(cityDb.path);
    const req = await writeEnrollmentRequest(ward.s, ward.store, path.join(dir, 'req2.json'));
    await cityEnroll(city2, store2, req.path, path.join(dir, 'res2.json'));
    // The city lost its keys too: only bundles sealed after the ward took its new answer open there.
    importEnrollmentResponse(ward.s, path.join(dir, 'res2.json'));
    const full = written(await exportWardBundle(ward.s, ward.store, { outDir: usb, full: true }));
    expect(full.kind).toBe('snapshot');
    const r = await importBundle(city2, full.path, { store: store2 });
    expect(r.status).toBe('applied');
    expect((cityDb.sqlite.prepare('SELECT count(*) AS n FROM task').get() as { n: number }).n).toBe(22);
  });
});

describe('keys', () => {
  it('a rotated key is accepted on the old key’s word; a revoked key is refused', async () => {
    const { usb, ward, city } = await enrolledPair();
    written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    const rotated = await rotateKey(ward.store);
    rememberKey(ward.s, rotated.key);
    setValue(ward.s, { indicatorCode: 'CQ-07', period: '2026-Q3', value: 90 });
    const b = written(await exportWardBundle(ward.s, ward.store, { outDir: usb, full: true }));
    const r = await importBundle(city.s, b.path, { store: city.store });
    expect(r.status).toBe('applied');
    const keys = city.db.sqlite.prepare('SELECT key_id, revoked_at FROM trusted_key WHERE org_code = ? ORDER BY added_at').all('HP-HAIDUONG') as {
      key_id: string;
      revoked_at: string | null;
    }[];
    expect(keys.find((k) => k.key_id === rotated.key.keyId)?.revoked_at).toBeNull();
    expect(keys.find((k) => k.key_id === rotated.statement.oldKeyId)?.revoked_at).not.toBeNull();

    revokeWard(city.s, 'HP-HAIDUONG', 'Máy bị mất');
    setValue(ward.s, { indicatorCode: 'CQ-07', period: '2026-Q3', value: 91 });
    const c = written(await exportWardBundle(ward.s, ward.store, { outDir: usb, full: true }));
    const refused = await importBundle(city.s, c.path, { store: city.store });
    expect(refused.status).toBe('refused');
    expect(refused.error?.code).toBe('bundle.revoked_key');
  });
});

/** A bundle signed by `key` with whatever manifest fields and entries a test needs. */
async function craft(
  dir: string,
  key: { keyId: string; privateKeyPem: string },
  fields: Partial<Record<string, unknown>>,
  contents: BundleContent[],
): Promise<string> {
  const file = path.join(dir, `crafted-${newId()}.wpb`);
  await writeBundleFile(
    file,
    {
      bundleId: newId(),
      kind: 'changes',
      // A ward's bundle comes from its own installation, which its enrollment bound at the city.
      origin: fields.ownerKind === 'city' ? newId() : wardOrigin(dir),
      owner: 'HP-HAIDUONG',
      ownerKind: 'ward',
      seqFrom: 1,
      seqTo: 1,
      prevManifestSha256: null,
      createdAt: '2026-10-15T03:00:00.000Z',
      keyId: key.keyId,
      counts: { changes: contents.filter((c) => c.path === CHANGES_NAME).length ? 1 : 0, blobs: 0 },
      ...fields,
    } as Parameters<typeof writeBundleFile>[1],
    contents,
    key,
  );
  return file;
}

function rowChange(table: string, row: Record<string, unknown>): BundleContent {
  return { path: CHANGES_NAME, data: Buffer.from(`${JSON.stringify({ seq: 1, table, row })}\n`) };
}

describe('refusals: nothing of a refused bundle is applied, and each says what to do', () => {
  async function setup() {
    const pair = await enrolledPair();
    const good = written(await exportWardBundle(pair.ward.s, pair.ward.store, { outDir: pair.usb }));
    const wardKey = (await loadOrCreateKey(pair.ward.store)).key;
    return { ...pair, good, wardKey };
  }

  async function expectRefused(city: Side, file: string, code: string) {
    const before = dumpDatabase(city.db);
    const r = await importBundle(city.s, file, { store: city.store });
    expect(r.status).toBe('refused');
    expect(r.error?.code).toBe(code);
    // Only the quarantine note may differ: no data, no state.
    expect(dumpDatabase(city.db)).toBe(before);
    const q = fs.readdirSync(`${city.db.path}.quarantine`).filter((f) => f.endsWith('.reason.json'));
    expect(q.length).toBeGreaterThan(0);
  }

  it('refuses a wrong signature', async () => {
    const { good, city, dir } = await setup();
    const raw = await readBundleEntries(good.path);
    const zip = new yazl.ZipFile();
    for (const [name, data] of raw.entries) zip.addBuffer(name === SIGNATURE_NAME ? Buffer.from(generateSig()) : data, name);
    zip.end();
    const file = path.join(dir, 'badsig.wpb');
    fs.writeFileSync(file, await streamToBuffer(zip.outputStream));
    await expectRefused(city, file, 'bundle.bad_signature');
  });

  it('refuses an unknown key', async () => {
    const { city, dir } = await setup();
    const stranger = generateKeyPair();
    const file = await craft(dir, { keyId: keyIdOf(stranger.publicKey), privateKeyPem: stranger.privateKeyPem }, {}, [
      rowChange('unit', unitRow('HP-HAIDUONG')),
    ]);
    await expectRefused(city, file, 'bundle.unknown_key');
  });

  it('refuses a broken hash', async () => {
    const { good, city, dir } = await setup();
    const raw = await readBundleEntries(good.path);
    const zip = new yazl.ZipFile();
    // One bit of the sealed changes: refused by the signed hash before anything is decrypted.
    for (const [name, data] of raw.entries) {
      const changed = name === SEALED_CHANGES_NAME ? Buffer.concat([data.subarray(0, 200), Buffer.from([data[200]! ^ 1]), data.subarray(201)]) : data;
      zip.addBuffer(changed, name);
    }
    zip.end();
    const file = path.join(dir, 'hash.wpb');
    fs.writeFileSync(file, await streamToBuffer(zip.outputStream));
    await expectRefused(city, file, 'bundle.hash_mismatch');
  });

  it('refuses a row the signer does not own', async () => {
    const { city, dir, wardKey } = await setup();
    const file = await craft(dir, wardKey, {}, [rowChange('unit', unitRow('HP-OTHERWARD'))]);
    await expectRefused(city, file, 'bundle.not_owner');
  });

  it('refuses an attempt to take over a row another owner has', async () => {
    const { city, dir, wardKey } = await setup();
    const cityArea = city.db.sqlite.prepare("SELECT * FROM area WHERE owner = 'HP' LIMIT 1").get() as Record<string, unknown>;
    const file = await craft(dir, wardKey, {}, [rowChange('area', { ...cityArea, owner: 'HP-HAIDUONG', name: 'Chiếm quyền' })]);
    await expectRefused(city, file, 'bundle.not_owner');
  });

  it('refuses a row with a required column set to null, or of the wrong type', async () => {
    const { city, dir, wardKey } = await setup();
    const nullName = await craft(dir, wardKey, {}, [rowChange('unit', { ...unitRow('HP-HAIDUONG'), name: null })]);
    await expectRefused(city, nullName, 'bundle.bad_row');
    const badType = await craft(dir, wardKey, {}, [rowChange('unit', { ...unitRow('HP-HAIDUONG'), deleted: 'không' })]);
    await expectRefused(city, badType, 'bundle.bad_row');
  });

  it('refuses a ward bundle carrying a city-only table', async () => {
    const { city, dir, wardKey } = await setup();
    const row = { id: newId(), owner: 'HP-HAIDUONG', updated_at: '2026-10-15T03:00:00.000Z', deleted: 0, period: '2026-Q4', due_on: '2026-12-15', title: 'x' };
    const file = await craft(dir, wardKey, {}, [rowChange('reporting_deadline', row)]);
    await expectRefused(city, file, 'bundle.not_owner');
  });

  it('refuses a format version from the future', async () => {
    const { city, dir, wardKey } = await setup();
    const file = path.join(dir, 'future.wpb');
    const manifest = Buffer.from(JSON.stringify({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION + 1, keyId: wardKey.keyId }));
    fs.writeFileSync(
      file,
      await zipOf([
        [MANIFEST_NAME, manifest],
        [SIGNATURE_NAME, Buffer.from('x')],
      ]),
    );
    await expectRefused(city, file, 'bundle.future_version');
  });

  it('refuses a file that is not a bundle, and an empty one', async () => {
    const { city, dir } = await setup();
    const file = path.join(dir, 'notes.wpb');
    fs.writeFileSync(file, 'Biên bản họp — không phải gói đồng bộ'.repeat(10));
    await expectRefused(city, file, 'bundle.not_a_bundle');
    const empty = path.join(dir, 'empty.wpb');
    fs.writeFileSync(empty, '');
    await expectRefused(city, empty, 'bundle.not_a_bundle');
  });

  it('refuses an entry path that climbs out of its folder', async () => {
    const { good, city, dir } = await setup();
    // yazl will not write such a name, so rename an entry of the same length inside the zip bytes.
    const raw = await readBundleEntries(good.path);
    const evil = '../../../etc/passwd' + 'x'.repeat(64 + 6 - 19);
    const zipBytes = await zipOf([...raw.entries.entries(), [`blobs/${'a'.repeat(64)}`, Buffer.from('x')]]);
    const patched = Buffer.from(
      zipBytes
        .toString('latin1')
        .split(`blobs/${'a'.repeat(64)}`)
        .join(evil),
      'latin1',
    );
    const file = path.join(dir, 'climb.wpb');
    fs.writeFileSync(file, patched);
    await expectRefused(city, file, 'bundle.bad_path');
  });

  it('refuses an oversize entry (zip bomb) without inflating it all', async () => {
    const { city, dir, wardKey } = await setup();
    // An 80 MB "evidence file" of zeros compresses to under a hundred kilobytes.
    const big = Buffer.alloc(80 * 1024 * 1024);
    const { createHash } = await import('node:crypto');
    const name = `blobs/${createHash('sha256').update(big).digest('hex')}`;
    // Written by hand: WardPlan's own writer stores large evidence uncompressed.
    const signed = await readBundleEntries(await craft(dir, wardKey, {}, [rowChange('unit', unitRow('HP-HAIDUONG'))]));
    const file = path.join(dir, 'bomb.wpb');
    fs.writeFileSync(file, await zipOf([...signed.entries.entries(), [name, big]]));
    expect(fs.statSync(file).size).toBeLessThan(5 * 1024 * 1024);
    await expectRefused(city, file, 'bundle.entry_too_large');
  });

  it('refuses an entry the manifest does not list', async () => {
    const { good, city, dir } = await setup();
    const raw = await readBundleEntries(good.path);
    const file = path.join(dir, 'extra.wpb');
    fs.writeFileSync(file, await zipOf([...raw.entries.entries(), [`blobs/${'b'.repeat(64)}`, Buffer.from('thêm')]]));
    await expectRefused(city, file, 'bundle.unlisted_entry');
  });

  it('a catalog cannot change a ward-owned row at the ward', async () => {
    const { ward, dir } = await setup();
    const cityKeyRow = ward.db.sqlite.prepare("SELECT key_id FROM trusted_key WHERE org_code = 'HP'").get() as { key_id: string };
    // The city's key signs a catalog that tries to rewrite one of the ward's tasks.
    const cityStore = keyStoreFor(path.join(dir, 'city.db'));
    const cityKey = (await loadOrCreateKey(cityStore)).key;
    expect(cityKey.keyId).toBe(cityKeyRow.key_id);
    const task = ward.db.sqlite.prepare('SELECT * FROM task LIMIT 1').get() as Record<string, unknown>;
    const forged = await craft(dir, cityKey, { kind: 'catalog', owner: 'HP', ownerKind: 'city' }, [
      rowChange('task', { ...task, owner: 'HP', content: 'Sửa trái phép' }),
    ]);
    const before = dumpDatabase(ward.db);
    const r = await importBundle(ward.s, forged, {});
    expect(r.status).toBe('refused');
    expect(r.error?.code).toBe('bundle.not_owner');
    expect(dumpDatabase(ward.db)).toBe(before);
    // And a city row dressed as the ward's own is refused too: the existing owner decides.
    const area = ward.db.sqlite.prepare("SELECT * FROM area WHERE owner = 'HP-HAIDUONG' LIMIT 1").get() as Record<string, unknown>;
    const takeover = await craft(dir, cityKey, { kind: 'catalog', owner: 'HP', ownerKind: 'city' }, [rowChange('area', { ...area, owner: 'HP', name: 'x' })]);
    expect((await importBundle(ward.s, takeover, {})).error?.code).toBe('bundle.not_owner');
  });
});

describe('a pulled USB stick and random damage', () => {
  it('never accepts a file cut at any 1/50th of its length', async () => {
    const { good, city, dir } = await (async () => {
      const p = await enrolledPair();
      const t = listTasks(p.ward.s)[0]!;
      await attachEvidence(p.ward.s, { taskId: t.id, fileName: 'anh.jpg', data: Buffer.alloc(20000, 7) });
      return { ...p, good: written(await exportWardBundle(p.ward.s, p.ward.store, { outDir: p.usb })) };
    })();
    const bytes = fs.readFileSync(good.path);
    const before = dumpDatabase(city.db);
    const codes = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const cut = Math.floor((bytes.length * i) / 50);
      const file = path.join(dir, `cut-${i}.wpb`);
      fs.writeFileSync(file, bytes.subarray(0, cut));
      const r = await importBundle(city.s, file, { store: city.store, quarantine: false });
      expect(r.status, `cut at ${cut}`).toBe('refused');
      codes.add(r.error!.code);
    }
    expect(dumpDatabase(city.db)).toBe(before);
    expect([...codes].every((c) => ['bundle.truncated', 'bundle.not_a_bundle'].includes(c))).toBe(true);
    expect((await importBundle(city.s, good.path, { store: city.store })).status).toBe('applied');
  });

  it('fuzz: thousands of damaged bundles, none accepted with altered content, none crashes the reader', async () => {
    const { good, city, dir } = await (async () => {
      const p = await enrolledPair();
      setValue(p.ward.s, { indicatorCode: 'CQ-07', period: '2026-Q3', value: 88.1 });
      return { ...p, good: written(await exportWardBundle(p.ward.s, p.ward.store, { outDir: p.usb })) };
    })();
    const original = await readBundleEntries(good.path);
    const bytes = fs.readFileSync(good.path);
    let seed = 12345;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const entries = [...original.entries.entries()];
    const file = path.join(dir, 'fuzz.wpb');
    const before = dumpDatabase(city.db);
    let accepted = 0;
    const N = 2000;
    for (let i = 0; i < N; i++) {
      let data: Buffer;
      const mode = i % 4;
      if (mode < 2) {
        data = Buffer.from(bytes);
        const flips = 1 + rand(4);
        for (let f = 0; f < flips; f++) {
          const at = rand(data.length);
          data[at] = data[at]! ^ (1 << rand(8));
        }
      } else {
        // Entries removed, reordered or duplicated.
        const list = [...entries];
        const op = rand(3);
        if (op === 0) list.splice(rand(list.length), 1);
        else if (op === 1) list.reverse();
        else list.push(list[rand(list.length)]!);
        data = await zipOf(list);
      }
      fs.writeFileSync(file, data);
      const { openBundle } = await import('../bundle/reader');
      const { verifyBundle } = await import('../bundle/verify');
      const { lookupTrustedKey } = await import('./trust');
      let archive;
      try {
        archive = await openBundle(file);
      } catch (e) {
        expect((e as { code?: string }).code, `mutation ${i}`).toMatch(/^bundle\.|^file\./);
        continue;
      }
      try {
        await verifyBundle(archive, (id) => lookupTrustedKey(city.s, id), null);
      } catch (e) {
        expect((e as { code?: string }).code, `mutation ${i}`).toMatch(/^bundle\./);
        continue;
      } finally {
        archive.close();
      }
      const raw = await readBundleEntries(file);
      // Verified: then every byte of every entry must be the original's (damage only in zip
      // bookkeeping such as timestamps, or a harmless reordering).
      accepted++;
      expect([...raw.entries.keys()].sort()).toEqual([...original.entries.keys()].sort());
      for (const [k, v] of raw.entries) expect(v.equals(original.entries.get(k)!), `entry ${k} of mutation ${i}`).toBe(true);
    }
    expect(accepted).toBeLessThan(N);
    expect(dumpDatabase(city.db)).toBe(before);
    // A sample through the full import path as well, which must refuse or apply the genuine content only.
    for (let i = 0; i < 40; i++) {
      const data = Buffer.from(bytes);
      const at = rand(data.length);
      data[at] = data[at]! ^ 0xff;
      fs.writeFileSync(file, data);
      const r = await importBundle(city.s, file, { store: city.store, quarantine: false });
      expect(['refused', 'applied', 'duplicate']).toContain(r.status);
    }
    // Two thousand bundles read and verified: room for a machine busy with other work.
  }, 180_000);
});

describe('status for the city', () => {
  it('lists every enrolled ward, whether it has reported this quarter', async () => {
    const { city } = await enrolledPair();
    const st = cityStatus(city.s, '2026-10-20');
    expect(st.quarter).toBe('2026-Q4');
    expect(st.wards.map((w) => [w.wardCode, w.lastSeqApplied, w.receivedThisQuarter, w.reportedThisQuarter])).toEqual([['HP-HAIDUONG', 0, false, false]]);
  });
});

describe('a second ward cannot speak for the first', () => {
  it('a bundle signed by ward B claiming to be ward A is refused', async () => {
    const { city, dir } = await enrolledPair();
    const dbB = openDatabase(path.join(dir, 'b.db'));
    const sB = (() => {
      const s = createDemoWard(dbB, { now: clock() });
      // Rename B so it is a different ward of the same city.
      dbB.sqlite.prepare("UPDATE meta SET value = 'HP-TIENLANG' WHERE key = 'org_code'").run();
      return { ...s, orgCode: 'HP-TIENLANG' };
    })();
    const storeB = keyStoreFor(dbB.path);
    const req = await writeEnrollmentRequest(sB, storeB, path.join(dir, 'reqB.json'));
    await cityEnroll(city.s, city.store, req.path, path.join(dir, 'resB.json'));
    importEnrollmentResponse(sB, path.join(dir, 'resB.json'));
    const keyB = (await loadOrCreateKey(storeB)).key;
    const forged = await craft(dir, keyB, { owner: 'HP-HAIDUONG' }, [rowChange('unit', unitRow('HP-HAIDUONG'))]);
    const r = await importBundle(city.s, forged, { store: city.store });
    expect(r.error?.code).toBe('bundle.key_owner_mismatch');
  });
});

function unitRow(owner: string): Record<string, unknown> {
  return { id: newId(), owner, updated_at: '2026-10-15T03:00:00.000Z', deleted: 0, code: `U${Math.floor(Math.random() * 1e6)}`, name: 'Đơn vị thử' };
}

function generateSig(): string {
  return Buffer.alloc(64, 1).toString('base64');
}

async function streamToBuffer(s: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function zipOf(list: Array<[string, Buffer]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  // yazl writes duplicate names as given, which is what the duplicate-entry case needs.
  for (const [name, data] of list) zip.addBuffer(data, name);
  zip.end();
  return streamToBuffer(zip.outputStream);
}
