/**
 * The edges of receiving bundles: what a catalog may carry and point at, receipts and organisation
 * lists that do not hold, quarantine when it cannot be written, long lines, shared evidence,
 * batch imports with an unlocked key, and how bundle files are collected from a stick.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Side } from '../../test/support/sync-fixture';
import { wardOrigin, world } from '../../test/support/trust-world';
import { dumpDatabase } from '../../test/support/temp';
import { CHANGES_NAME, ORGS_NAME, RECEIPTS_NAME, type Manifest } from '../bundle/format';
import { writeBundleFile, type BundleContent } from '../bundle/writer';
import { generateKeyPair, sign } from '../keys/ed25519';
import { PassphraseFileKeyStore, type StoredKey } from '../keys/key-store';
import { newId } from '../session';
import { exportWardBundle } from './export';
import { collectBundleFiles, importBundle, sideFolders } from './import';
import { publishCatalog } from './publish';
import { signReceipt } from './receipts';

type Key = Pick<StoredKey, 'keyId' | 'privateKeyPem'>;
interface Line {
  seq: number;
  table: string;
  row: Record<string, unknown>;
}
const A = 'HP-HAIDUONG';
const STAMP = '2026-10-15T03:00:00.000Z';

let n = 0;
async function forge(dir: string, key: Key, fields: Partial<Manifest>, lines: Line[], extra: BundleContent[] = [], changes?: Buffer): Promise<string> {
  const file = path.join(dir, `edge-${++n}.wpb`);
  const seqs = lines.map((l) => l.seq);
  await writeBundleFile(
    file,
    {
      bundleId: newId(),
      kind: 'changes',
      origin: fields.ownerKind === 'city' ? newId() : wardOrigin(dir),
      owner: A,
      ownerKind: 'ward',
      seqFrom: seqs.length ? Math.min(...seqs) : 0,
      seqTo: seqs.length ? Math.max(...seqs) : 0,
      prevManifestSha256: null,
      createdAt: STAMP,
      keyId: key.keyId,
      counts: { changes: lines.length, blobs: extra.filter((c) => c.path.startsWith('blobs/')).length },
      ...fields,
    },
    [{ path: CHANGES_NAME, data: changes ?? Buffer.from(lines.map((l) => `${JSON.stringify(l)}\n`).join('')) }, ...extra],
    key,
  );
  return file;
}

const catalogFields = { kind: 'catalog', owner: 'HP', ownerKind: 'city' } as const;
const unit = (owner: string, extra: Record<string, unknown> = {}) => ({
  id: newId(),
  owner,
  updated_at: STAMP,
  deleted: 0,
  code: `E${++n}`,
  name: 'Đơn vị',
  ...extra,
});

function rowOf(side: Side, table: string, where: string, ...args: unknown[]): Record<string, unknown> {
  return side.db.sqlite.prepare(`SELECT * FROM "${table}" WHERE ${where} LIMIT 1`).get(...args) as Record<string, unknown>;
}

function cityCatalogRows() {
  const area = { id: newId(), owner: 'HP', updated_at: STAMP, deleted: 0, code: 'TP-1', name: 'Lĩnh vực của thành phố', sort: 1 };
  const indicator = {
    id: newId(),
    owner: 'HP',
    updated_at: STAMP,
    deleted: 0,
    code: 'TP-CT1',
    area_id: area.id,
    name: 'Chỉ tiêu',
    unit: '%',
    is_ratio: 0,
    sort: 1,
  };
  return { area, indicator };
}

describe('what a catalog may carry', () => {
  it("the city sets a target for one ward; the rows point at the city's own catalog", async () => {
    const { dir, ward, cityKey } = await world();
    const { area, indicator } = cityCatalogRows();
    const target = {
      id: newId(),
      owner: 'HP',
      updated_at: STAMP,
      deleted: 0,
      indicator_id: indicator.id,
      year: 2026,
      ward_code: A,
      comparator: '>=',
      target: 90,
    };
    const file = await forge(dir, cityKey, catalogFields, [
      { seq: 3, table: 'indicator_target', row: target },
      { seq: 1, table: 'area', row: area },
      { seq: 2, table: 'indicator', row: indicator },
    ]);
    const r = await importBundle(ward.s, file, {});
    expect(r.status).toBe('applied');
    expect(r.applied).toBe(3);
    expect(rowOf(ward, 'indicator_target', 'id = ?', target.id)).toMatchObject({ ward_code: A, owner: 'HP' });
    // Applied under the city's origin, never the ward's own.
    expect(rowOf(ward, 'change_log', 'row_id = ?', target.id).origin).not.toBe(ward.s.installationId);
  });

  it("a catalog row pointing at the ward's own rows is refused: the city's catalog stands on its own", async () => {
    const { dir, ward, cityKey } = await world();
    const wardArea = rowOf(ward, 'area', 'owner = ?', A);
    const { indicator } = cityCatalogRows();
    const file = await forge(dir, cityKey, catalogFields, [{ seq: 1, table: 'indicator', row: { ...indicator, area_id: wardArea.id } }]);
    const before = dumpDatabase(ward.db);
    const r = await importBundle(ward.s, file, {});
    expect(r.error).toMatchObject({ code: 'bundle.foreign_reference', params: { owner: 'HP', table: 'indicator', column: 'area_id', rowOwner: A } });
    expect(dumpDatabase(ward.db)).toBe(before);
  });

  it('an organisation list or receipts that do not hold are ignored; a receipt not signed by the city or for another ward acknowledges nothing', async () => {
    const { dir, ward, city, cityKey, usb } = await world();
    const b = await exportWardBundle(ward.s, ward.store, { outDir: usb });
    if (b.status !== 'written') throw new Error('expected a bundle');
    const fields = {
      cityCode: 'HP',
      cityKeyId: cityKey.keyId,
      bundleId: b.bundleId,
      manifestSha256: b.manifestSha256,
      origin: ward.s.installationId,
      seqFrom: b.seqFrom,
      seqTo: b.seqTo,
      changes: b.changes,
      appliedAt: STAMP,
    };
    const stranger = generateKeyPair();
    const receipts = [
      signReceipt(cityKey, { ...fields, wardCode: 'HP-TIENLANG' }),
      signReceipt({ privateKeyPem: stranger.privateKeyPem }, { ...fields, wardCode: A }),
    ];
    const orgsBefore = ward.db.sqlite.prepare('SELECT * FROM org ORDER BY code').all();
    const origin = newId();
    const file = await forge(
      dir,
      cityKey,
      { ...catalogFields, origin },
      [{ seq: 1, table: 'unit', row: unit('HP') }],
      [
        { path: ORGS_NAME, data: Buffer.from(JSON.stringify({ code: 'HP-GIA' })) },
        { path: RECEIPTS_NAME, data: Buffer.from(JSON.stringify(receipts)) },
      ],
    );
    const r = await importBundle(ward.s, file, {});
    expect(r.status).toBe('applied');
    expect(r.acknowledged).toEqual([]);
    expect(ward.db.sqlite.prepare('SELECT * FROM org ORDER BY code').all()).toEqual(orgsBefore);
    const notList = await forge(
      dir,
      cityKey,
      { ...catalogFields, origin },
      [{ seq: 2, table: 'unit', row: unit('HP') }],
      [{ path: RECEIPTS_NAME, data: Buffer.from('{}') }],
    );
    expect(await importBundle(ward.s, notList, {})).toMatchObject({ status: 'applied', acknowledged: [] });
    const garbled = await forge(
      dir,
      cityKey,
      { ...catalogFields, origin },
      [{ seq: 3, table: 'unit', row: unit('HP') }],
      [{ path: ORGS_NAME, data: Buffer.from('[') }],
    );
    expect((await importBundle(ward.s, garbled, {})).error).toMatchObject({ code: 'bundle.bad_manifest', params: { reason: ORGS_NAME } });
    expect(city.s.orgCode).toBe('HP');
  });

  it('the same catalog twice is a duplicate, without a receipt', async () => {
    const { ward, city, usb } = await world();
    const cat = await publishCatalog(city.s, city.store, usb);
    expect((await importBundle(ward.s, cat.path, {})).status).toBe('applied');
    const again = await importBundle(ward.s, cat.path, {});
    expect(again).toMatchObject({ status: 'duplicate', receipt: null, bundleId: cat.bundleId, owner: 'HP' });
  });
});

describe('rows and lines', () => {
  it("a ward's own target may name the ward itself; a repeated bundle is answered with the first receipt", async () => {
    const { dir, city, ward, keyA, cityKey, usb } = await world();
    const b = await exportWardBundle(ward.s, ward.store, { outDir: usb });
    if (b.status !== 'written') throw new Error('expected a bundle');
    expect((await importBundle(city.s, b.path, { cityKey })).status).toBe('applied');
    const indicator = rowOf(city, 'indicator', 'owner = ?', A);
    const target = { id: newId(), owner: A, updated_at: STAMP, deleted: 0, indicator_id: indicator.id, year: 2027, ward_code: A, comparator: '>=', target: 95 };
    const file = await forge(dir, keyA, {}, [{ seq: b.seqTo + 1, table: 'indicator_target', row: target }]);
    const first = await importBundle(city.s, file, { cityKey });
    expect(first.status).toBe('applied');
    expect(rowOf(city, 'indicator_target', 'id = ?', target.id).ward_code).toBe(A);
    const again = await importBundle(city.s, file, { cityKey });
    expect(again).toMatchObject({ status: 'duplicate', receipt: first.receipt });
  });

  it('a row longer than one inflated chunk arrives whole; blank lines are skipped; the last line needs no newline', async () => {
    const { dir, city, keyA } = await world();
    const figures = JSON.stringify({ note: 'số liệu '.repeat(40_000) });
    const report = { id: newId(), owner: A, updated_at: STAMP, deleted: 0, period: '2026-Q3', status: 'approved', approved_at: STAMP, figures };
    const u = unit(A);
    const body = Buffer.from(`\n${JSON.stringify({ seq: 1, table: 'report', row: report })}\n\n${JSON.stringify({ seq: 2, table: 'unit', row: u })}`);
    const file = await forge(dir, keyA, { seqFrom: 1, seqTo: 2, counts: { changes: 2, blobs: 0 } }, [], [], body);
    const r = await importBundle(city.s, file, { store: city.store });
    expect(r.status).toBe('applied');
    expect(rowOf(city, 'report', 'id = ?', report.id).figures).toBe(figures);
    expect(rowOf(city, 'unit', 'id = ?', u.id).name).toBe('Đơn vị');
  });

  it('a line over 1 MiB is refused as it inflates, whether or not it ends in the chunk that crosses the limit', async () => {
    const { dir, city, keyA } = await world();
    for (const extra of [10, 300_000]) {
      const line = JSON.stringify({ seq: 1, table: 'unit', row: unit(A, { name: 'a'.repeat(1024 * 1024 + extra) }) });
      const file = await forge(dir, keyA, { seqFrom: 1, seqTo: 1, counts: { changes: 1, blobs: 0 } }, [], [], Buffer.from(`${line}\n`));
      const before = dumpDatabase(city.db);
      const r = await importBundle(city.s, file, { store: city.store, quarantine: false });
      expect(r.error).toMatchObject({ code: 'bundle.row_too_large', params: { limitKb: 1024 } });
      expect(dumpDatabase(city.db)).toBe(before);
    }
  });

  it('a line too many stops the read at once, before a later broken line is looked at', async () => {
    const { dir, city, keyA } = await world();
    const body = Buffer.from(`${JSON.stringify({ seq: 1, table: 'unit', row: unit(A) })}\n{broken\n`);
    const file = await forge(dir, keyA, { seqFrom: 1, seqTo: 1, counts: { changes: 1, blobs: 0 } }, [], [], body);
    expect((await importBundle(city.s, file, { store: city.store })).error).toMatchObject({
      code: 'bundle.bad_manifest',
      params: { reason: 'counts.changes' },
    });
  });

  it('two rows breaking a unique key are refused as a bad row, not as an unexpected error', async () => {
    const { dir, city, keyA } = await world();
    const file = await forge(dir, keyA, {}, [
      { seq: 1, table: 'unit', row: unit(A, { code: 'TRUNG' }) },
      { seq: 2, table: 'unit', row: unit(A, { code: 'TRUNG' }) },
    ]);
    const r = await importBundle(city.s, file, { store: city.store });
    expect(r.error).toMatchObject({ code: 'bundle.bad_row', params: { table: '-' } });
    expect(String(r.error?.params?.reason)).toMatch(/UNIQUE constraint failed: unit\.owner, unit\.code/);
  });

  it('a damaged changes entry that also breaks a rule is called damaged, not blamed on the signer', async () => {
    const { dir, city, keyA } = await world();
    const good = Buffer.from(`${JSON.stringify({ seq: 1, table: 'unit', row: unit(A) })}\n`);
    const bad = Buffer.from(`${JSON.stringify({ seq: 1, table: 'unit', row: unit('HP-KHAC') })}\n`.slice(0, good.length).padEnd(good.length, ' '));
    const manifest = {
      format: 'wardplan-bundle',
      version: 1,
      bundleId: newId(),
      kind: 'changes',
      origin: newId(),
      owner: A,
      ownerKind: 'ward',
      seqFrom: 1,
      seqTo: 1,
      prevManifestSha256: null,
      createdAt: STAMP,
      keyId: keyA.keyId,
      counts: { changes: 1, blobs: 0 },
      entries: [{ path: CHANGES_NAME, sha256: createHash('sha256').update(good).digest('hex'), size: good.length }],
    };
    const bytes = Buffer.from(JSON.stringify(manifest));
    const yazl = (await import('yazl')).default;
    const zip = new yazl.ZipFile();
    zip.addBuffer(bytes, 'manifest.json');
    zip.addBuffer(Buffer.from(sign(keyA.privateKeyPem, bytes)), 'manifest.sig');
    zip.addBuffer(bad, CHANGES_NAME);
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    const file = path.join(dir, 'damaged.wpb');
    fs.writeFileSync(file, Buffer.concat(chunks));
    expect((await importBundle(city.s, file, { store: city.store })).error).toMatchObject({ code: 'bundle.hash_mismatch', params: { entry: CHANGES_NAME } });
  });
});

describe('evidence files', () => {
  it('the same evidence in two bundles is stored once; a blob whose bytes are not its name is refused', async () => {
    const { dir, city, keyA } = await world();
    const data = Buffer.from('%PDF ảnh chụp biên bản');
    const sha = createHash('sha256').update(data).digest('hex');
    const origin = wardOrigin(dir);
    for (const seq of [1, 2]) {
      const file = await forge(dir, keyA, { origin }, [{ seq, table: 'unit', row: unit(A) }], [{ path: `blobs/${sha}`, data }]);
      expect((await importBundle(city.s, file, { store: city.store })).status).toBe('applied');
    }
    expect(fs.readdirSync(path.join(city.db.blobDir, sha.slice(0, 2)))).toEqual([sha]);
    // Listed under the hash of other bytes: the listing matches its name, the bytes do not.
    const other = createHash('sha256').update('khác').digest('hex');
    const yazl = (await import('yazl')).default;
    const lines = Buffer.from(`${JSON.stringify({ seq: 3, table: 'unit', row: unit(A) })}\n`);
    const manifest = {
      format: 'wardplan-bundle',
      version: 1,
      bundleId: newId(),
      kind: 'changes',
      origin,
      owner: A,
      ownerKind: 'ward',
      seqFrom: 3,
      seqTo: 3,
      prevManifestSha256: null,
      createdAt: STAMP,
      keyId: keyA.keyId,
      counts: { changes: 1, blobs: 1 },
      entries: [
        { path: CHANGES_NAME, sha256: createHash('sha256').update(lines).digest('hex'), size: lines.length },
        { path: `blobs/${other}`, sha256: other, size: data.length },
      ],
    };
    const bytes = Buffer.from(JSON.stringify(manifest));
    const zip = new yazl.ZipFile();
    zip.addBuffer(bytes, 'manifest.json');
    zip.addBuffer(Buffer.from(sign(keyA.privateKeyPem, bytes)), 'manifest.sig');
    zip.addBuffer(lines, CHANGES_NAME);
    zip.addBuffer(data, `blobs/${other}`);
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    const file = path.join(dir, 'blob.wpb');
    fs.writeFileSync(file, Buffer.concat(chunks));
    expect((await importBundle(city.s, file, { store: city.store })).error).toMatchObject({
      code: 'bundle.hash_mismatch',
      params: { entry: `blobs/${other}` },
    });
    expect(fs.existsSync(path.join(city.db.blobDir, other.slice(0, 2), other))).toBe(false);
    expect(fs.readdirSync(sideFolders(city.s).incoming)).toEqual([]);
  });
});

describe('keys, quarantine and outcomes', () => {
  it('a batch import signs receipts with the key already unlocked; without key or passphrase nothing is quarantined', async () => {
    const { dir, city, keyA, cityKey } = await world();
    const file = await forge(dir, keyA, {}, [{ seq: 1, table: 'unit', row: unit(A) }]);
    const noStore = await importBundle(city.s, file, {});
    expect(noStore.error?.code).toBe('keys.passphrase_needed');
    const wrong = await importBundle(city.s, file, { store: new PassphraseFileKeyStore(`${city.db.path}.key`, async () => 'sai mật khẩu rồi') });
    expect(wrong.error?.code).toBe('keys.wrong_passphrase_or_corrupt');
    expect(fs.existsSync(sideFolders(city.s).quarantine)).toBe(false);
    const r = await importBundle(city.s, file, { cityKey });
    expect(r.status).toBe('applied');
    expect(r.receipt).toMatchObject({ cityKeyId: cityKey.keyId, wardCode: A });
    const logged = rowOf(city, 'audit_log', 'entity_id = ?', r.bundleId);
    expect(logged).toMatchObject({ action: 'bundle.import', entity: 'bundle' });
    expect(JSON.parse(String(logged.detail))).toEqual({ owner: A, seqFrom: 1, seqTo: 1, applied: 1 });
  });

  it('a refusal names the bundle and its sender when the manifest can be read, and nothing when it cannot', async () => {
    const { dir, city, keyA } = await world();
    const bundleId = newId();
    const file = await forge(dir, keyA, { bundleId }, [{ seq: 1, table: 'unit', row: unit('HP-KHAC') }]);
    expect(await importBundle(city.s, file, { store: city.store })).toMatchObject({
      status: 'refused',
      bundleId,
      owner: A,
      error: { code: 'bundle.not_owner', params: { owner: A, table: 'unit', rowOwner: 'HP-KHAC' } },
    });
    const junk = path.join(dir, 'junk.wpb');
    fs.writeFileSync(junk, 'PK');
    expect(await importBundle(city.s, junk, { store: city.store })).toMatchObject({ status: 'refused', bundleId: null, owner: null });
  });

  it('a folder, a missing file, or a quarantine that cannot be written still give the refusal', async () => {
    const { dir, city } = await world();
    const folder = path.join(dir, 'folder.wpb');
    fs.mkdirSync(folder);
    expect((await importBundle(city.s, folder, { store: city.store })).error?.code).toBe('file.not_found');
    const q = sideFolders(city.s).quarantine;
    expect((await importBundle(city.s, path.join(dir, 'khong-co.wpb'), { store: city.store })).error?.code).toBe('file.not_found');
    const notes = fs.readdirSync(q).map((f) => JSON.parse(fs.readFileSync(path.join(q, f), 'utf8')) as Record<string, unknown>);
    expect(notes).toEqual([
      expect.objectContaining({ size: null, sha256: null, kept: false }),
      expect.objectContaining({ size: null, sha256: null, kept: false }),
    ]);
    expect(notes.map((x) => path.basename(String(x.file))).sort()).toEqual(['folder.wpb', 'khong-co.wpb']);
    fs.rmSync(q, { recursive: true });
    fs.writeFileSync(q, 'không phải thư mục');
    const missing = await importBundle(city.s, path.join(dir, 'khong-co.wpb'), { store: city.store });
    expect(missing.error?.code).toBe('file.not_found');
  });
});

describe('collecting bundle files', () => {
  it('takes .wpb files of a folder in name order, skips dot-files and others, keeps files given by name, refuses a missing path', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'wardplan-collect-'));
    for (const name of ['A.WPB', 'b.wpb', 'c.wpb', '.a.wpb.tmp', '.c.wpb', 'notes.txt']) fs.writeFileSync(path.join(dir, name), 'x');
    const single = path.join(dir, 'notes.txt');
    expect(collectBundleFiles([dir, single])).toEqual([path.join(dir, 'A.WPB'), path.join(dir, 'b.wpb'), path.join(dir, 'c.wpb'), single]);
    const none = path.join(dir, 'none');
    expect(() => collectBundleFiles([none])).toThrow(expect.objectContaining({ code: 'file.not_found', params: { path: none } }));
    fs.rmSync(dir, { recursive: true });
  });
});
