/**
 * Many bundles in one batch: the same outcomes and the same database as importing them one by
 * one, a bad bundle in the middle refused alone, and nothing half-applied when the process dies.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wardOrigin, world, WARD_A, WARD_B } from '../../test/support/trust-world';
import { dumpDatabase } from '../../test/support/temp';
import { CHANGES_NAME, type Manifest } from '../bundle/format';
import { writeBundleFile } from '../bundle/writer';
import { generateKeyPair } from '../keys/ed25519';
import type { StoredKey } from '../keys/key-store';
import { newId } from '../session';
import { importBundle, type ImportOutcome } from './import';
import { importBundles } from './import-batch';

type Key = Pick<StoredKey, 'keyId' | 'privateKeyPem'>;
interface Line {
  seq: number;
  table: string;
  row: Record<string, unknown>;
}
const STAMP = '2026-10-15T03:00:00.000Z';
let n = 0;

/** The bundle ids written, by file, to find each one's receipt. */
const ids = new Map<string, string>();

/**
 * A bundle under the ward's enrolled origin (the city refuses any other for an enrolled ward);
 * the lines' sequence numbers are the caller's, continuing what the city already holds.
 */
async function bundle(dir: string, key: Key, lines: Line[], fields: Partial<Manifest> = {}): Promise<string> {
  const file = path.join(dir, `batch-${String(++n).padStart(3, '0')}.wpb`);
  const seqs = lines.map((l) => l.seq);
  const bundleId = newId();
  ids.set(file, bundleId);
  await writeBundleFile(
    file,
    {
      bundleId,
      kind: 'changes',
      origin: wardOrigin(dir, fields.owner === WARD_B ? 'b.db' : 'ward.db'),
      owner: WARD_A,
      ownerKind: 'ward',
      seqFrom: Math.min(...seqs),
      seqTo: Math.max(...seqs),
      prevManifestSha256: null,
      createdAt: STAMP,
      keyId: key.keyId,
      counts: { changes: lines.length, blobs: 0 },
      ...fields,
    },
    [{ path: CHANGES_NAME, data: Buffer.from(lines.map((l) => `${JSON.stringify(l)}\n`).join('')) }],
    key,
  );
  return file;
}

/** The last sequence number the city holds of a ward's origin: the next bundle starts after it. */
function heldSeq(w: { dir: string; city: { db: { sqlite: { prepare(sql: string): { get(...a: unknown[]): unknown } } } } }, ward = 'ward.db'): number {
  const r = w.city.db.sqlite.prepare('SELECT last_seq AS n FROM origin_state WHERE origin = ?').get(wardOrigin(w.dir, ward)) as { n: number } | undefined;
  return r?.n ?? 0;
}

const unit = (name: string, owner: string = WARD_A) => ({ id: newId(), owner, updated_at: STAMP, deleted: 0, code: `B${++n}`, name });
const units = (name: string, count: number, from: number, owner: string = WARD_A): Line[] =>
  Array.from({ length: count }, (_, i) => ({ seq: from + i, table: 'unit', row: unit(`${name} ${i + 1}`, owner) }));

describe('a batch of bundles', () => {
  it('applies exactly as one by one; a forged bundle and a dangling one in the middle are refused alone, with their reasons', async () => {
    const one = await world();
    const other = await world();
    const forger = generateKeyPair();
    const progress = {
      ...{ id: newId(), owner: WARD_A, updated_at: STAMP, deleted: 0, task_id: newId(), date: '2026-09-30', status: 'in_progress', percent: 10 },
      ...{ note: null, by_name: 'Cán bộ', created_at: STAMP },
    };
    const at0 = heldSeq(one);
    const files = [
      await bundle(one.dir, one.keyA, units('Tổ một', 3, at0 + 1)),
      await bundle(one.dir, one.keyA, units('Tổ hai', 2, at0 + 4)),
      // Signed by someone else under ward A's key id.
      await bundle(one.dir, { keyId: one.keyA.keyId, privateKeyPem: forger.privateKeyPem }, units('Giả mạo', 2, at0 + 6)),
      // Progress on a task the city has never seen: only the foreign keys catch it.
      await bundle(one.dir, one.keyA, [...units('Treo', 1, at0 + 6), { seq: at0 + 7, table: 'task_progress', row: progress }]),
      await bundle(one.dir, one.keyA, units('Tổ ba', 4, at0 + 6)),
    ];
    // One instant for both: a refusal found sooner reads the clock fewer times, and nothing else may differ.
    const at = () => '2026-10-16T03:00:00.000Z';
    const batch = await importBundles({ ...one.city.s, now: at }, files, { cityKey: one.cityKey, groupSize: 10, workers: 1 });
    expect(batch.map((o) => o.status)).toEqual(['applied', 'applied', 'refused', 'refused', 'applied']);
    expect(batch[2]!.error?.code).toBe('bundle.bad_signature');
    expect(batch[3]!.error).toMatchObject({ code: 'bundle.dangling_reference' });
    expect(batch.map((o) => o.applied)).toEqual([3, 2, 0, 0, 4]);
    expect(batch[4]!.receipt).toMatchObject({ wardCode: WARD_A, changes: 4 });
    const names = (one.city.db.sqlite.prepare("SELECT name FROM unit WHERE owner = ? AND code LIKE 'B%' ORDER BY name").all(WARD_A) as { name: string }[]).map(
      (r) => r.name,
    );
    expect(names).toEqual(['Tổ ba 1', 'Tổ ba 2', 'Tổ ba 3', 'Tổ ba 4', 'Tổ hai 1', 'Tổ hai 2', 'Tổ một 1', 'Tổ một 2', 'Tổ một 3']);
    expect(fs.readdirSync(`${one.city.db.path}.quarantine`).filter((f) => f.endsWith('.reason.json'))).toHaveLength(2);

    const single: ImportOutcome[] = [];
    for (const f of files) single.push(await importBundle({ ...other.city.s, now: at }, f, { cityKey: other.cityKey }));
    expect(batch).toEqual(single);
    expect(dumpDatabase(one.city.db)).toBe(dumpDatabase(other.city.db));
  });

  it('verified on its own thread, in groups of two, a bundle that arrives before its predecessor waits and is released by it', async () => {
    const one = await world();
    const other = await world();
    const at0 = heldSeq(one);
    const first = await bundle(one.dir, one.keyA, units('Đầu', 2, at0 + 1));
    const second = await bundle(one.dir, one.keyA, [{ seq: at0 + 3, table: 'unit', row: unit('Sau') }]);
    // Another ward's, independent of ward A's order.
    const otherWard = await bundle(one.dir, one.keyB, units('Khác', 1, heldSeq(one, 'b.db') + 1, WARD_B), { owner: WARD_B });
    const files = [second, otherWard, first, first];
    const batch = await importBundles(one.city.s, files, { cityKey: one.cityKey, groupSize: 2, workers: 0 });
    expect(batch.map((o) => o.status)).toEqual(['pending', 'applied', 'applied', 'duplicate']);
    expect(batch[2]!.released.map((o) => o.status)).toEqual(['applied']);
    const single: ImportOutcome[] = [];
    for (const f of files) single.push(await importBundle(other.city.s, f, { cityKey: other.cityKey }));
    // A released bundle is read from each city's own waiting folder.
    const here = (o: ImportOutcome[]) => o.map((x) => ({ ...x, released: x.released.map((r) => ({ ...r, file: path.basename(r.file) })) }));
    expect(here(batch)).toEqual(here(single));
    expect(dumpDatabase(one.city.db)).toBe(dumpDatabase(other.city.db));
  });

  it('killed part way, leaves every bundle either wholly applied or not at all, and a second run completes it', async () => {
    const w = await world();
    const files: string[] = [];
    const at0 = heldSeq(w);
    for (let i = 0; i < 12; i++) files.push(await bundle(w.dir, w.keyA, units(`Lô ${i}`, 5, at0 + 1 + 5 * i)));
    w.city.db.close();
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/support/import-batch-child.ts'), w.city.db.path, ...files], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const committed = await new Promise<number>((resolve) => {
      child.stdout.setEncoding('utf8');
      // Killed as soon as the first group is committed, while the next ones are under way.
      child.stdout.once('data', (d: string) => {
        child.kill('SIGKILL');
        resolve(Number(d.split('\n')[0]));
      });
    });
    await new Promise((r) => child.once('exit', r));
    expect(committed).toBe(2);

    const { openDatabase } = await import('../database');
    const { sessionFor } = await import('../session');
    const db = openDatabase(w.city.db.path);
    const q = <T>(sql: string, ...a: unknown[]) => db.sqlite.prepare(sql).get(...a) as T;
    const applied: boolean[] = [];
    for (let i = 0; i < 12; i++) {
      const rows = q<{ n: number }>('SELECT count(*) AS n FROM unit WHERE name LIKE ?', `Lô ${i} %`).n;
      const receipts = q<{ n: number }>(
        "SELECT count(*) AS n FROM bundle_in b WHERE b.bundle_id = ? AND b.status = 'applied' AND b.receipt IS NOT NULL AND b.bundle_id IN (SELECT entity_id FROM audit_log WHERE action = 'bundle.import')",
        ids.get(files[i]!),
      ).n;
      expect([rows, receipts]).toSatisfy(([r, k]: number[]) => (r === 5 && k === 1) || (r === 0 && k === 0));
      applied.push(rows === 5);
    }
    expect(applied.slice(0, 2)).toEqual([true, true]);
    // One origin: what was applied is a prefix, and the city's sequence number says exactly how far.
    const done = applied.filter(Boolean).length;
    expect(applied).toEqual(applied.map((_, i) => i < done));
    expect(q<{ n: number }>('SELECT last_seq AS n FROM origin_state WHERE origin = ?', wardOrigin(w.dir)).n).toBe(at0 + 5 * done);

    const again = await importBundles(sessionFor(db), files, { cityKey: w.cityKey, groupSize: 5 });
    expect(again.map((o) => o.status)).toEqual(applied.map((a) => (a ? 'duplicate' : 'applied')));
    expect(q<{ n: number }>("SELECT count(*) AS n FROM unit WHERE name LIKE 'Lô %'").n).toBe(60);
    db.close();
  });
});
