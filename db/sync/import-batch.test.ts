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
import { REFERENCES } from '../bundle/row-rules';
import { writeBundleFile } from '../bundle/writer';
import { generateKeyPair } from '../keys/ed25519';
import type { StoredKey } from '../keys/key-store';
import { OWNED_TABLE_NAMES } from '../owned-tables';
import { newId } from '../session';
import { importBundle, type ImportOutcome } from './import';
import { importBundles } from './import-batch';
import { exportWardBundle } from './export';
import { listTasks, recordProgress } from '../services/tasks';

type Key = Pick<StoredKey, 'keyId' | 'privateKeyPem'>;
interface Line {
  seq: number;
  table: string;
  row: Record<string, unknown>;
}
const STAMP = '2026-10-15T03:00:00.000Z';
let n = 0;

async function bundle(dir: string, key: Key, lines: Line[], fields: Partial<Manifest> = {}): Promise<string> {
  const file = path.join(dir, `batch-${String(++n).padStart(3, '0')}.wpb`);
  const seqs = lines.map((l) => l.seq);
  await writeBundleFile(
    file,
    {
      bundleId: newId(),
      kind: 'changes',
      // The installation the city bound to ward A when it approved its enrollment.
      origin: wardOrigin(dir),
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

const unit = (name: string) => ({ id: newId(), owner: WARD_A, updated_at: STAMP, deleted: 0, code: `B${++n}`, name });
/** `count` units under sequence numbers from `from` on: one origin's bundles follow one another. */
const units = (name: string, count: number, from = 1): Line[] =>
  Array.from({ length: count }, (_, i) => ({ seq: from + i, table: 'unit', row: unit(`${name} ${i + 1}`) }));

describe('a batch of bundles', () => {
  it('applies exactly as one by one; a forged bundle and a dangling one in the middle are refused alone, with their reasons', async () => {
    const one = await world();
    const other = await world();
    const forger = generateKeyPair();
    const progress = {
      ...{ id: newId(), owner: WARD_A, updated_at: STAMP, deleted: 0, task_id: newId(), date: '2026-09-30', status: 'in_progress', percent: 10 },
      ...{ note: null, by_name: 'Cán bộ', created_at: STAMP },
    };
    const files = [
      await bundle(one.dir, one.keyA, units('Tổ một', 3)),
      await bundle(one.dir, one.keyA, units('Tổ hai', 2, 4)),
      // Signed by someone else under ward A's key id.
      await bundle(one.dir, { keyId: one.keyA.keyId, privateKeyPem: forger.privateKeyPem }, units('Giả mạo', 2, 6)),
      // Progress on a task the city has never seen: only the foreign keys catch it.
      await bundle(one.dir, one.keyA, [...units('Treo', 1, 6), { seq: 7, table: 'task_progress', row: progress }]),
      // The refused ones advanced nothing, so this one follows the second.
      await bundle(one.dir, one.keyA, units('Tổ ba', 4, 6)),
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
    const first = await bundle(one.dir, one.keyA, units('Đầu', 2));
    const second = await bundle(one.dir, one.keyA, [{ seq: 3, table: 'unit', row: unit('Sau') }]);
    // Ward B's next bundle, from its own installation: nothing of ward A's holds it back.
    const fromB = await bundle(one.dir, one.keyB, [{ seq: one.b1.seqTo + 1, table: 'unit', row: { ...unit('Khác'), owner: WARD_B } }], {
      owner: WARD_B,
      origin: wardOrigin(one.dir, 'b.db'),
    });
    const files = [second, fromB, first, first];
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

  it('in one group: a bundle may point at what an earlier one created; a take-over, a foreign and a dangling reference between them are refused alone', async () => {
    const one = await world();
    const other = await world();
    const bUnit = (one.city.db.sqlite.prepare('SELECT id FROM unit WHERE owner = ? LIMIT 1').get(WARD_B) as { id: string }).id;
    const bArea = (one.city.db.sqlite.prepare('SELECT id FROM area WHERE owner = ? LIMIT 1').get(WARD_B) as { id: string }).id;
    const area = { id: newId(), owner: WARD_A, updated_at: STAMP, deleted: 0, code: `KV${++n}`, name: 'Khu vực mới', sort: 0 };
    const indicator = (areaId: string, code: string) => ({
      ...{ id: newId(), owner: WARD_A, updated_at: STAMP, deleted: 0, code, area_id: areaId, name: `Chỉ tiêu ${code}`, unit: '%' },
      ...{ is_ratio: 0, numerator_label: null, denominator_label: null, note: null, sort: 0, aggregation: null },
    });
    const files = [
      await bundle(one.dir, one.keyA, [{ seq: 1, table: 'area', row: area }]),
      // Ward B's unit, claimed by ward A under B's id: the upsert must leave it as it is.
      await bundle(one.dir, one.keyA, [...units('Tiếp', 1, 2), { seq: 3, table: 'unit', row: { ...unit('Chiếm'), id: bUnit } }]),
      await bundle(one.dir, one.keyA, [{ seq: 2, table: 'indicator', row: indicator(bArea, 'CT-NGOAI') }]),
      await bundle(one.dir, one.keyA, [{ seq: 2, table: 'indicator', row: indicator(newId(), 'CT-TREO') }]),
      // The area the first bundle of this group created, a savepoint ago.
      await bundle(one.dir, one.keyA, [{ seq: 2, table: 'indicator', row: indicator(area.id, 'CT-MOI') }]),
    ];
    const at = () => '2026-10-16T03:00:00.000Z';
    const batch = await importBundles({ ...one.city.s, now: at }, files, { cityKey: one.cityKey, groupSize: 10, workers: 0 });
    expect(batch.map((o) => o.status)).toEqual(['applied', 'refused', 'refused', 'refused', 'applied']);
    expect(batch.map((o) => o.error?.code ?? null)).toEqual([null, 'bundle.not_owner', 'bundle.foreign_reference', 'bundle.dangling_reference', null]);
    expect(batch[1]!.error?.params).toMatchObject({ owner: WARD_A, table: 'unit', rowOwner: WARD_B });
    expect(one.city.db.sqlite.prepare('SELECT owner FROM unit WHERE id = ?').get(bUnit)).toEqual({ owner: WARD_B });
    // Nothing of a refused bundle stays, not even its first row.
    expect(one.city.db.sqlite.prepare("SELECT count(*) AS n FROM unit WHERE name LIKE 'Tiếp%'").get()).toEqual({ n: 0 });
    expect(one.city.db.sqlite.prepare('SELECT area_id FROM indicator WHERE owner = ? AND code = ?').get(WARD_A, 'CT-MOI')).toEqual({ area_id: area.id });

    const single: ImportOutcome[] = [];
    for (const f of files) single.push(await importBundle({ ...other.city.s, now: at }, f, { cityKey: other.cityKey }));
    expect(batch).toEqual(single);
    expect(dumpDatabase(one.city.db)).toBe(dumpDatabase(other.city.db));
  });

  it("leaves every task's progress facts computed as it commits, as importing one by one does", async () => {
    const one = await world();
    const other = await world();
    const usb = path.join(one.dir, 'facts');
    fs.mkdirSync(usb);
    const exported = async () => {
      const r = await exportWardBundle(one.ward.s, one.ward.store, { outDir: usb });
      if (r.status !== 'written') throw new Error('expected a bundle');
      return r.path;
    };
    const tasks = listTasks(one.ward.s, { planYear: 2026, asOf: '2026-09-01' }).slice(0, 3);
    const files = [await exported()];
    for (const [date, status, percent] of [
      ['2026-08-10', 'in_progress', 40],
      ['2026-09-20', 'done', 100],
    ] as const) {
      for (const t of tasks) recordProgress(one.ward.s, { taskId: t.id, status, percent, date });
      files.push(await exported());
    }
    const at = () => '2026-10-16T03:00:00.000Z';
    const batch = await importBundles({ ...one.city.s, now: at }, files, { cityKey: one.cityKey, groupSize: 2, workers: 0 });
    expect(batch.map((o) => o.status)).toEqual(['applied', 'applied', 'applied']);
    const facts = one.city.db.sqlite.prepare('SELECT task_id, last_date, last_status, done_on FROM task_progress_facts WHERE owner = ? ORDER BY task_id');
    const want = tasks
      .map((t) => ({ task_id: t.id, last_date: '2026-09-20', last_status: 'done', done_on: '2026-09-20' }))
      .sort((a, b) => (a.task_id < b.task_id ? -1 : 1));
    expect(facts.all(WARD_A)).toEqual(want);
    for (const f of files) await importBundle({ ...other.city.s, now: at }, f, { cityKey: other.cityKey });
    expect(
      other.city.db.sqlite.prepare('SELECT task_id, last_date, last_status, done_on FROM task_progress_facts WHERE owner = ? ORDER BY task_id').all(WARD_A),
    ).toEqual(want);
    expect(dumpDatabase(one.city.db)).toBe(dumpDatabase(other.city.db));
  });

  it("checks every foreign key of the tables a bundle writes: each is among the references refused in the bundle's own savepoint", async () => {
    const one = await world();
    for (const table of OWNED_TABLE_NAMES) {
      const keys = one.city.db.sqlite.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { from: string; table: string }[];
      const checked = REFERENCES[table].map(([column, target]) => `${column}>${target}`);
      for (const k of keys) expect(checked).toContain(`${k.from}>${k.table}`);
    }
  });

  it('killed part way, leaves every bundle either wholly applied or not at all, and a second run completes it', async () => {
    const w = await world();
    const origin = wardOrigin(w.dir);
    const files: string[] = [];
    for (let i = 0; i < 12; i++) files.push(await bundle(w.dir, w.keyA, units(`Lô ${i}`, 5, i * 5 + 1)));
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
        "SELECT count(*) AS n FROM bundle_in b WHERE b.origin = ? AND b.seq_from = ? AND b.seq_to = ? AND b.status = 'applied' AND b.receipt IS NOT NULL AND b.bundle_id IN (SELECT entity_id FROM audit_log WHERE action = 'bundle.import') AND (SELECT count(*) FROM change_log c JOIN unit u ON u.id = c.row_id WHERE c.origin = b.origin AND c.seq BETWEEN b.seq_from AND b.seq_to AND u.name LIKE ?) = 5",
        origin,
        i * 5 + 1,
        i * 5 + 5,
        `Lô ${i} %`,
      ).n;
      expect([rows, receipts]).toSatisfy(([r, k]: number[]) => (r === 5 && k === 1) || (r === 0 && k === 0));
      applied.push(rows === 5);
    }
    expect(applied.slice(0, 2)).toEqual([true, true]);
    // What was committed is a run from the start, and the origin advanced by exactly that much.
    const done = applied.filter(Boolean).length;
    expect(applied).toEqual(applied.map((_, i) => i < done));
    expect(q<{ last_seq: number }>('SELECT last_seq FROM origin_state WHERE origin = ?', origin).last_seq).toBe(done * 5);

    const again = await importBundles(sessionFor(db), files, { cityKey: w.cityKey, groupSize: 5 });
    expect(again.map((o) => o.status)).toEqual(applied.map((a) => (a ? 'duplicate' : 'applied')));
    expect(q<{ n: number }>("SELECT count(*) AS n FROM unit WHERE name LIKE 'Lô %'").n).toBe(60);
    db.close();
  });
});
