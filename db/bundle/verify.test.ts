/** The verifier on its own, with keys held in memory: what it hands on and what it refuses. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp';
import { generateKeyPair, keyIdOf, sign } from '../keys/ed25519';
import { newId } from '../session';
import { CHANGES_NAME, DEFAULT_LIMITS, ROTATION_NAME, type Manifest } from './format';
import { openBundle, readBundleEntries } from './reader';
import { peekManifest, verifyBundle, type TrustedKeyInfo } from './verify';
import { writeBundleFile, type BundleContent } from './writer';

const pair = generateKeyPair();
const key = { keyId: keyIdOf(pair.publicKey), privateKeyPem: pair.privateKeyPem };
const trusted: TrustedKeyInfo = { keyId: key.keyId, orgCode: 'HP-HAIDUONG', publicKey: pair.publicKey, revokedAt: null };
const STAMP = '2026-10-15T03:00:00.000Z';
const unit = () => ({ id: newId(), owner: 'HP-HAIDUONG', updated_at: STAMP, deleted: 0, code: 'VP', name: 'Văn phòng' });

async function bundle(fields: Partial<Manifest>, contents: BundleContent[]): Promise<string> {
  const file = path.join(tempDir('wardplan-verify-'), 'b.wpb');
  await writeBundleFile(
    file,
    {
      bundleId: newId(),
      kind: 'changes',
      origin: newId(),
      owner: 'HP-HAIDUONG',
      ownerKind: 'ward',
      seqFrom: 1,
      seqTo: 1,
      prevManifestSha256: null,
      createdAt: STAMP,
      keyId: key.keyId,
      counts: { changes: 1, blobs: 0 },
      ...fields,
    },
    contents,
    key,
  );
  return file;
}

const changes = (...rows: unknown[]) => ({
  path: CHANGES_NAME,
  data: Buffer.from(rows.map((row, i) => `${JSON.stringify({ seq: i + 1, table: 'unit', row })}\n`).join('')),
});

async function verifyFile(
  file: string,
  lookup: (id: string, owner: string, rotation: Buffer | undefined) => TrustedKeyInfo | undefined = () => trusted,
  stage: string | null = null,
) {
  const archive = await openBundle(file);
  try {
    return await verifyBundle(archive, lookup, stage);
  } finally {
    archive.close();
  }
}

async function rezip(file: string, change: (name: string, data: Buffer) => Buffer): Promise<string> {
  const raw = await readBundleEntries(file);
  const zip = new yazl.ZipFile();
  for (const [name, data] of raw.entries) zip.addBuffer(change(name, data), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  const out = `${file}.re.wpb`;
  fs.writeFileSync(out, Buffer.concat(chunks));
  return out;
}

describe('verifyBundle', () => {
  it('hands on the changes and checks evidence without keeping it when no staging folder is given; stages it when one is', async () => {
    const data = Buffer.from('%PDF biên bản');
    const sha = createHash('sha256').update(data).digest('hex');
    const row = unit();
    const file = await bundle({ counts: { changes: 1, blobs: 1 } }, [changes(row), { path: `blobs/${sha}`, data }]);
    const v = await verifyFile(file);
    expect(v.changes).toEqual([{ seq: 1, table: 'unit', row }]);
    expect(v.blobs.size).toBe(0);
    expect(v.signer).toBe(trusted);
    expect([v.orgs, v.receipts, v.rotation]).toEqual([null, null, null]);
    const stage = path.join(tempDir('wardplan-stage-'), 'deep', 'stage');
    const staged = await verifyFile(file, () => trusted, stage);
    expect([...staged.blobs.keys()]).toEqual([sha]);
    expect(fs.readFileSync(staged.blobs.get(sha)!).equals(data)).toBe(true);
    expect(fs.readdirSync(stage)).toEqual([sha]);
  });

  it('an empty catalog covers 0–0', async () => {
    const file = await bundle({ kind: 'catalog', ownerKind: 'city', seqFrom: 0, seqTo: 0, counts: { changes: 0, blobs: 0 } }, [
      { path: CHANGES_NAME, data: Buffer.alloc(0) },
    ]);
    const v = await verifyFile(file, () => ({ ...trusted }));
    expect(v.changes).toEqual([]);
  });

  it('gives the lookup the owner and the rotation statement, and believes only the key it answers with', async () => {
    const statement = Buffer.from('{"type":"wardplan-key-rotation"}');
    const file = await bundle({}, [changes(unit()), { path: ROTATION_NAME, data: statement }]);
    const seen: unknown[] = [];
    await verifyFile(file, (id, owner, rotation) => {
      seen.push(id, owner, rotation?.toString());
      return trusted;
    });
    expect(seen).toEqual([key.keyId, 'HP-HAIDUONG', statement.toString()]);
    const plain = await bundle({}, [changes(unit())]);
    await verifyFile(plain, (_id, _owner, rotation) => {
      expect(rotation).toBeUndefined();
      return trusted;
    });
    await expect(verifyFile(plain, () => undefined)).rejects.toMatchObject({ code: 'bundle.unknown_key', params: { keyId: key.keyId, owner: 'HP-HAIDUONG' } });
    await expect(verifyFile(plain, () => ({ ...trusted, orgCode: 'HP-TIENLANG' }))).rejects.toMatchObject({
      code: 'bundle.key_owner_mismatch',
      params: { keyId: key.keyId, owner: 'HP-HAIDUONG', keyOwner: 'HP-TIENLANG' },
    });
    await expect(verifyFile(plain, () => ({ ...trusted, revokedAt: STAMP }))).rejects.toMatchObject({
      code: 'bundle.revoked_key',
      params: { revokedAt: STAMP },
    });
    const other = generateKeyPair();
    await expect(verifyFile(plain, () => ({ ...trusted, publicKey: other.publicKey }))).rejects.toMatchObject({
      code: 'bundle.bad_signature',
      params: { owner: 'HP-HAIDUONG' },
    });
  });

  it('accepts a signature followed by a line break, as an editor would save it', async () => {
    const file = await rezip(await bundle({}, [changes(unit())]), (name, data) => (name === 'manifest.sig' ? Buffer.from(`${data.toString()}\r\n`) : data));
    await expect(verifyFile(file)).resolves.toBeTruthy();
  });

  it('tells a manifest that is not WardPlan’s, null, or has a version that is not a number', async () => {
    const base = await bundle({}, [changes(unit())]);
    const withManifest = (text: string) => rezip(base, (name, data) => (name === 'manifest.json' ? Buffer.from(text) : data));
    const nullManifest = await withManifest('null');
    await expect(verifyFile(nullManifest)).rejects.toMatchObject({ code: 'bundle.not_a_bundle', params: { file: nullManifest } });
    await expect(verifyFile(await withManifest('{"format":"other"}'))).rejects.toMatchObject({ code: 'bundle.not_a_bundle' });
    await expect(verifyFile(await withManifest('{"format":"wardplan-bundle","version":"2"}'))).rejects.toMatchObject({ code: 'bundle.bad_manifest' });
    await expect(verifyFile(await withManifest('{"format":"wardplan-bundle","version":3}'))).rejects.toMatchObject({
      code: 'bundle.future_version',
      params: { version: 3, supported: 2 },
    });
  });

  it('a signed manifest listing a second copy of itself or of its signature is refused', async () => {
    const lines = changes(unit()).data;
    const entry = { path: CHANGES_NAME, sha256: createHash('sha256').update(lines).digest('hex'), size: lines.length };
    for (const extra of ['manifest.sig']) {
      const manifest = {
        format: 'wardplan-bundle',
        version: 1,
        bundleId: newId(),
        kind: 'changes',
        origin: newId(),
        owner: 'HP-HAIDUONG',
        ownerKind: 'ward',
        seqFrom: 1,
        seqTo: 1,
        prevManifestSha256: null,
        createdAt: STAMP,
        keyId: key.keyId,
        counts: { changes: 1, blobs: 0 },
        entries: [entry, { ...entry, path: extra }],
      };
      const bytes = Buffer.from(JSON.stringify(manifest));
      const zip = new yazl.ZipFile();
      zip.addBuffer(bytes, 'manifest.json');
      zip.addBuffer(Buffer.from(sign(key.privateKeyPem, bytes)), 'manifest.sig');
      zip.addBuffer(lines, CHANGES_NAME);
      zip.end();
      const chunks: Buffer[] = [];
      for await (const c of zip.outputStream) chunks.push(c as Buffer);
      const file = path.join(tempDir('wardplan-verify-'), 'self.wpb');
      fs.writeFileSync(file, Buffer.concat(chunks));
      await expect(verifyFile(file)).rejects.toMatchObject({ code: 'bundle.bad_manifest', params: { reason: `entry ${extra}` } });
    }
  });
});

describe('limits and reasons', () => {
  it('the line limit of the manifest is inclusive; a nested field is named by its path', async () => {
    const file = await bundle({}, [changes(unit())]);
    const archive = await openBundle(file, { ...DEFAULT_LIMITS, maxChanges: 1 });
    try {
      await expect(verifyBundle(archive, () => trusted, null)).resolves.toBeTruthy();
    } finally {
      archive.close();
    }
    const two = await bundle({ seqTo: 2, counts: { changes: 2, blobs: 0 } }, [changes(unit(), unit())]);
    const small = await openBundle(two, { ...DEFAULT_LIMITS, maxChanges: 1 });
    try {
      await expect(verifyBundle(small, () => trusted, null)).rejects.toMatchObject({ code: 'bundle.bad_manifest', params: { reason: 'counts.changes' } });
    } finally {
      small.close();
    }
    const base = await bundle({}, [changes(unit())]);
    const negative = await rezip(base, (name, data) => (name === 'manifest.json' ? Buffer.from(data.toString().replace('"changes":1', '"changes":-1')) : data));
    await expect(verifyFile(negative)).rejects.toMatchObject({ code: 'bundle.bad_manifest', params: { reason: expect.stringMatching(/^counts\.changes \S/) } });
  });
});

describe('lines and listings', () => {
  const limited = async (file: string, limits: Partial<typeof DEFAULT_LIMITS>) => {
    const archive = await openBundle(file, { ...DEFAULT_LIMITS, ...limits });
    try {
      return await verifyBundle(archive, () => trusted, null);
    } finally {
      archive.close();
    }
  };
  const line = (row: unknown) => JSON.stringify({ seq: 1, table: 'unit', row });

  it('a line of exactly the limit passes, with or without its newline; a longer last line without newline is refused', async () => {
    const text = line(unit());
    const exact = { maxLineBytes: Buffer.byteLength(text) };
    await expect(limited(await bundle({}, [{ path: CHANGES_NAME, data: Buffer.from(`${text}\n`) }]), exact)).resolves.toBeTruthy();
    await expect(limited(await bundle({}, [{ path: CHANGES_NAME, data: Buffer.from(text) }]), exact)).resolves.toBeTruthy();
    await expect(limited(await bundle({}, [{ path: CHANGES_NAME, data: Buffer.from(text) }]), { maxLineBytes: exact.maxLineBytes - 1 })).rejects.toMatchObject({
      code: 'bundle.row_too_large',
    });
  });

  it('reports the first broken line, not a later one', async () => {
    const first = JSON.stringify({ seq: 1, table: 'unit', row: { ...unit(), owner: 'HP-KHAC' } });
    const second = JSON.stringify({ seq: 2, table: 'nope', row: unit() });
    const file = await bundle({ seqTo: 2, counts: { changes: 2, blobs: 0 } }, [{ path: CHANGES_NAME, data: Buffer.from(`${first}\n${second}\n`) }]);
    await expect(verifyFile(file)).rejects.toMatchObject({ code: 'bundle.not_owner', params: { file, rowOwner: 'HP-KHAC' } });
  });

  it('an entry the signed manifest does not list is refused; a catalog without changes carries none', async () => {
    const file = await rezip(await bundle({}, [changes(unit())]), (_name, data) => data);
    const raw = await readBundleEntries(file);
    const zip = new yazl.ZipFile();
    for (const [name, data] of raw.entries) zip.addBuffer(data, name);
    zip.addBuffer(Buffer.from('x'), `blobs/${'c'.repeat(64)}`);
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    const extra = `${file}.extra.wpb`;
    fs.writeFileSync(extra, Buffer.concat(chunks));
    await expect(verifyFile(extra)).rejects.toMatchObject({ code: 'bundle.unlisted_entry', params: { file: extra, entry: `blobs/${'c'.repeat(64)}` } });
    const bare = await bundle({ kind: 'catalog', ownerKind: 'city', seqFrom: 0, seqTo: 0, counts: { changes: 0, blobs: 0 } }, []);
    expect((await verifyFile(bare)).changes).toEqual([]);
  });

  it.skipIf(!fs.existsSync('/proc/self/fd'))('closes every staged evidence file, kept or refused', async () => {
    const data = Buffer.from('%PDF');
    const sha = createHash('sha256').update(data).digest('hex');
    const file = await bundle({ counts: { changes: 1, blobs: 1 } }, [changes(unit()), { path: `blobs/${sha}`, data }]);
    const stage = path.join(tempDir('wardplan-stage-'), 's');
    const openInStage = () =>
      fs.readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(stage);
        } catch {
          return false;
        }
      });
    await verifyFile(file, () => trusted, stage);
    expect(fs.readdirSync(stage)).toEqual([sha]);
    expect(openInStage()).toEqual([]);
  });
});

describe('peekManifest', () => {
  it('reads what a manifest claims, or nothing', () => {
    expect(peekManifest(undefined)).toBeNull();
    expect(peekManifest(Buffer.from('{'))).toBeNull();
    expect(peekManifest(Buffer.from('{"owner":"HP-HAIDUONG"}'))).toEqual({ owner: 'HP-HAIDUONG' });
  });
});
