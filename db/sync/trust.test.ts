/**
 * Attacks by an insider: a ward with its own valid, enrolled key signs bundles with the project's
 * own writer and tries to write for another ward, for the city, or values no local write allows.
 * Each must be refused with its reason, change nothing, and leave the honest ward's bundles working.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { type Side } from '../../test/support/sync-fixture';
import { wardOrigin, world } from '../../test/support/trust-world';
import { dumpDatabase } from '../../test/support/temp';
import { formatMessage } from '../../shared/i18n/messages';
import { CHANGES_NAME, ORGS_NAME, RECEIPTS_NAME, ROTATION_NAME, type Manifest } from '../bundle/format';
import { readBundleEntries } from '../bundle/reader';
import { writeBundleFile, type BundleContent } from '../bundle/writer';
import { generateKeyPair, keyIdOf } from '../keys/ed25519';
import { type StoredKey } from '../keys/key-store';
import { rotateKey } from '../keys/rotation';
import { listTasks, recordProgress, updateTask } from '../services/tasks';
import { newId } from '../session';
import { revokeWard } from './enroll';
import { exportWardBundle } from './export';
import { importBundle, sideFolders } from './import';
import { publishCatalog } from './publish';
import { trustKey } from './trust';

type Key = Pick<StoredKey, 'keyId' | 'privateKeyPem'>;
interface Line {
  seq: number;
  table: string;
  row: Record<string, unknown>;
}

const A = 'HP-HAIDUONG';
const B = 'HP-TIENLANG';
const STAMP = '2026-10-15T03:00:00.000Z';

function written(r: Awaited<ReturnType<typeof exportWardBundle>>) {
  if (r.status !== 'written') throw new Error('expected a bundle');
  return r;
}

let forged = 0;
/** A bundle signed by `key` with the project's own writer: counts, range and entries made to fit unless overridden. */
async function forge(dir: string, key: Key, fields: Partial<Manifest>, lines: Line[], extra: BundleContent[] = []): Promise<string> {
  const file = path.join(dir, `forged-${++forged}.wpb`);
  const seqs = lines.map((l) => l.seq);
  const contents: BundleContent[] = [{ path: CHANGES_NAME, data: Buffer.from(lines.map((l) => `${JSON.stringify(l)}\n`).join('')) }, ...extra];
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
    contents,
    key,
  );
  return file;
}

function unitRow(owner: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: newId(), owner, updated_at: STAMP, deleted: 0, code: `U${forged}`, name: 'Đơn vị thử', ...extra };
}

function rowOf(side: Side, table: string, where: string, ...args: unknown[]): Record<string, unknown> {
  const r = side.db.sqlite.prepare(`SELECT * FROM "${table}" WHERE ${where} LIMIT 1`).get(...args) as Record<string, unknown> | undefined;
  if (!r) throw new Error(`no ${table} row`);
  return r;
}

function count(side: Side, sql: string, ...args: unknown[]): number {
  return (side.db.sqlite.prepare(sql).get(...args) as { n: number }).n;
}

/** Refused with exactly this reason, a message in both languages, and nothing changed but the quarantine note. */
async function expectRefused(side: Side, file: string, code: string, params: Record<string, unknown> = {}) {
  const before = dumpDatabase(side.db);
  const r = await importBundle(side.s, file, { store: side.store });
  expect(r.status).toBe('refused');
  expect(r).toMatchObject({ acknowledged: [], released: [] });
  expect(r.error?.code).toBe(code);
  expect(r.error?.params).toMatchObject(params);
  expect(r.applied).toBe(0);
  for (const lang of ['vi', 'en'] as const) {
    const text = formatMessage(lang, r.error!.code, r.error!.params);
    expect(text).not.toMatch(/\{\{|Something unexpected|ngoài dự kiến/);
  }
  expect(dumpDatabase(side.db)).toBe(before);
  return r;
}

describe('origins belong to the organisation that signs for them', () => {
  it("a ward cannot write under another ward's origin, even to jump its sequence to 2^53−1; the real ward's next bundle still applies", async () => {
    const { dir, city, keyA, wardB, b1 } = await world();
    const originB = rowOf(city, 'origin_registry', 'org_code = ?', B).origin as string;
    expect(originB).toBe(wardB.s.installationId);
    const file = await forge(dir, keyA, { origin: originB, seqFrom: b1.seqTo + 1 }, [{ seq: Number.MAX_SAFE_INTEGER, table: 'unit', row: unitRow(A) }]);
    await expectRefused(city, file, 'bundle.origin_taken', { origin: originB, owner: A, originOwner: B });

    const t = listTasks(wardB.s)[0]!;
    recordProgress(wardB.s, { taskId: t.id, status: 'done', percent: 100, date: '2026-10-20' });
    wardB.db.sqlite.prepare('UPDATE bundle_out SET acknowledged_at = ?').run(STAMP);
    const b2 = written(await exportWardBundle(wardB.s, wardB.store, { outDir: path.join(dir, 'usb') }));
    const r = await importBundle(city.s, b2.path, { store: city.store });
    expect(r.status).toBe('applied');
    expect(r.applied).toBe(1);
    expect(r.receipt).toMatchObject({ wardCode: B, changes: 1, seqFrom: b2.seqFrom, seqTo: b2.seqTo });
    expect(rowOf(city, 'origin_state', 'origin = ?', originB).last_seq).toBe(b2.seqTo);
  });

  it("a ward bundle under the city's own origin is refused, and the city's catalog still reaches every ward", async () => {
    const { dir, city, ward, keyA, usb } = await world();
    const file = await forge(dir, keyA, { origin: city.s.installationId }, [{ seq: 1, table: 'unit', row: unitRow(A) }]);
    await expectRefused(city, file, 'bundle.origin_own', { origin: city.s.installationId, owner: A });
    // Refused outright, not kept as pending for a gap that would never fill.
    const later = await forge(dir, keyA, { origin: city.s.installationId }, [{ seq: 5, table: 'unit', row: unitRow(A) }]);
    await expectRefused(city, later, 'bundle.origin_own', { origin: city.s.installationId });
    // Nor can a ward take over one of the city's rows by sending it as its own.
    const cityArea = rowOf(city, 'area', 'owner = ?', 'HP');
    const takeover = await forge(dir, keyA, {}, [{ seq: 1, table: 'area', row: { ...cityArea, owner: A, name: 'Chiếm quyền' } }]);
    await expectRefused(city, takeover, 'bundle.not_owner', { owner: A, table: 'area', rowOwner: 'HP' });
    const cat = await publishCatalog(city.s, city.store, usb);
    const r = await importBundle(ward.s, cat.path, {});
    expect(r.status).toBe('applied');
  });

  it('binds a new origin to the first signer only for a ward enrolled before requests named their installation', async () => {
    const { dir, city, keyA } = await world();
    const origin = newId();
    const file = await forge(dir, keyA, { origin }, [{ seq: 1, table: 'unit', row: unitRow(A) }]);
    // Enrolled with its installation id: another origin is not taken on a bundle's word.
    await expectRefused(city, file, 'bundle.origin_unknown', { origin, owner: A });
    city.db.sqlite.prepare('DELETE FROM origin_registry WHERE org_code = ?').run(A);
    expect((await importBundle(city.s, file, { store: city.store })).status).toBe('applied');
    expect(rowOf(city, 'origin_registry', 'origin = ?', origin)).toMatchObject({ org_code: A, key_id: keyA.keyId });
  });

  it('the sequence only advances by what a bundle carries: a range past its last change, or an empty ward bundle, is refused', async () => {
    const { dir, city, keyA } = await world();
    const origin = newId();
    const past = await forge(dir, keyA, { origin, seqTo: Number.MAX_SAFE_INTEGER }, [{ seq: 1, table: 'unit', row: unitRow(A) }]);
    await expectRefused(city, past, 'bundle.bad_range', { seqFrom: 1, seqTo: Number.MAX_SAFE_INTEGER, last: 1 });
    const empty = await forge(dir, keyA, { origin, seqFrom: 0, seqTo: 0 }, []);
    await expectRefused(city, empty, 'bundle.bad_range', { seqFrom: 0, seqTo: 0, last: 0 });
    expect(count(city, 'SELECT count(*) AS n FROM origin_state WHERE origin = ?', origin)).toBe(0);
  });

  it("a bundle id another ward used first does not block the real ward's bundle; reusing one's own id for other content is refused", async () => {
    const { dir, city, keyA, wardB, usb } = await world();
    const t = listTasks(wardB.s)[0]!;
    recordProgress(wardB.s, { taskId: t.id, status: 'in_progress', percent: 40, date: '2026-10-20' });
    wardB.db.sqlite.prepare('UPDATE bundle_out SET acknowledged_at = ?').run(STAMP);
    const real = written(await exportWardBundle(wardB.s, wardB.store, { outDir: usb }));
    const squat = await forge(dir, keyA, { bundleId: real.bundleId }, [{ seq: 1, table: 'unit', row: unitRow(A) }]);
    expect((await importBundle(city.s, squat, { store: city.store })).status).toBe('applied');
    const r = await importBundle(city.s, real.path, { store: city.store });
    expect(r.status).toBe('applied');
    expect(r.applied).toBe(1);

    const again = await forge(dir, keyA, { bundleId: real.bundleId }, [{ seq: 2, table: 'unit', row: unitRow(A) }]);
    await expectRefused(city, again, 'bundle.id_reused', { bundleId: real.bundleId, owner: A });
  });
});

describe('a ward never changes another ward through references', () => {
  it("progress on another ward's task, or a task in another ward's plan, is refused; B's figures stay as they were", async () => {
    const { dir, city, keyA } = await world();
    const taskB = rowOf(city, 'task', 'owner = ?', B);
    const planB = rowOf(city, 'plan', 'owner = ?', B);
    const done = () => count(city, "SELECT count(*) AS n FROM task_progress WHERE task_id = ? AND status = 'done'", taskB.id);
    const before = done();
    const progress = {
      id: newId(),
      owner: A,
      updated_at: STAMP,
      deleted: 0,
      task_id: taskB.id,
      date: '2026-10-20',
      status: 'done',
      percent: 100,
      note: null,
      by_name: 'x',
      created_at: STAMP,
    };
    const f1 = await forge(dir, keyA, {}, [{ seq: 1, table: 'task_progress', row: progress }]);
    await expectRefused(city, f1, 'bundle.foreign_reference', { owner: A, table: 'task_progress', column: 'task_id', target: 'task', rowOwner: B });
    const task = { ...taskB, id: newId(), owner: A, plan_id: planB.id };
    const f2 = await forge(dir, keyA, {}, [{ seq: 1, table: 'task', row: task }]);
    await expectRefused(city, f2, 'bundle.foreign_reference', { table: 'task', column: 'plan_id', target: 'plan', rowOwner: B });
    expect(done()).toBe(before);
  });

  it('a partner unit of another ward is refused too, and one that exists nowhere is a dangling reference', async () => {
    const { dir, city, ward, keyA, usb } = await world();
    const b = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect((await importBundle(city.s, b.path, { store: city.store })).status).toBe('applied');
    const taskA = rowOf(city, 'task', 'owner = ?', A);
    const unitB = rowOf(city, 'unit', 'owner = ?', B);
    const next = { seqFrom: b.seqTo + 1 };
    const other = await forge(dir, keyA, next, [{ seq: b.seqTo + 1, table: 'task', row: { ...taskA, partner_unit_ids: JSON.stringify([unitB.id]) } }]);
    await expectRefused(city, other, 'bundle.foreign_reference', { column: 'partner_unit_ids', target: 'unit', rowOwner: B });
    const ghost = newId();
    const none = await forge(dir, keyA, next, [{ seq: b.seqTo + 1, table: 'task', row: { ...taskA, partner_unit_ids: JSON.stringify([ghost]) } }]);
    await expectRefused(city, none, 'bundle.dangling_reference', { table: 'task', reason: `partner_unit_ids ${ghost}` });
  });

  it("pointing at the city's catalog is allowed; pointing at nothing is refused by the foreign keys", async () => {
    const { dir, city, ward, keyA, usb } = await world();
    const b = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect((await importBundle(city.s, b.path, { store: city.store })).status).toBe('applied');
    const taskA = rowOf(city, 'task', 'owner = ?', A);
    const cityArea = rowOf(city, 'area', 'owner = ?', 'HP');
    const seq = b.seqTo + 1;
    const ok = await forge(dir, keyA, { seqFrom: seq }, [
      { seq, table: 'task', row: { ...taskA, area_id: cityArea.id, content: 'Theo lĩnh vực của thành phố' } },
    ]);
    expect((await importBundle(city.s, ok, { store: city.store })).status).toBe('applied');
    expect(rowOf(city, 'task', 'id = ?', taskA.id).area_id).toBe(cityArea.id);
    const dangling = await forge(dir, keyA, { seqFrom: seq + 1 }, [{ seq: seq + 1, table: 'task', row: { ...taskA, plan_id: newId() } }]);
    await expectRefused(city, dangling, 'bundle.dangling_reference', { table: '-', reason: 'FOREIGN KEY' });
  });
});

describe('rows pass the rules local writes keep', () => {
  const progress = (extra: Record<string, unknown>) => ({
    id: newId(),
    owner: A,
    updated_at: STAMP,
    deleted: 0,
    task_id: newId(),
    date: '2026-10-20',
    status: 'in_progress',
    percent: 50,
    note: null,
    by_name: 'Cán bộ',
    created_at: STAMP,
    ...extra,
  });
  const value = (extra: Record<string, unknown>) => ({
    id: newId(),
    owner: A,
    updated_at: STAMP,
    deleted: 0,
    indicator_id: newId(),
    period: '2026-Q3',
    value: 10,
    numerator: null,
    denominator: null,
    note: null,
    by_name: 'Cán bộ',
    ...extra,
  });
  const cases: Array<[string, string, Record<string, unknown>, RegExp]> = [
    ['status "hacked"', 'task_progress', progress({ status: 'hacked' }), /^status /],
    ['percent 999999999999', 'task_progress', progress({ percent: 999999999999 }), /^percent /],
    ['percent 1.5', 'task_progress', progress({ percent: 1.5 }), /^percent /],
    ['deleted 7', 'task_progress', progress({ deleted: 7 }), /^deleted /],
    ['a date that does not exist', 'task_progress', progress({ date: '2026-02-30' }), /^date date$/],
    ['period "NOT-A-PERIOD"', 'indicator_value', value({ period: 'NOT-A-PERIOD' }), /^period period$/],
    ['period 9999-Q4', 'indicator_value', value({ period: '9999-Q4' }), /^period period$/],
    ['value −1e308', 'indicator_value', value({ value: -1e308 }), /^value /],
    ['denominator 0', 'indicator_value', value({ numerator: 0, denominator: 0 }), /^denominator /],
    ['a numerator without denominator', 'indicator_value', value({ numerator: 3 }), /^denominator ratio$/],
    ['an id of 36 dashes', 'task_progress', progress({ id: '-'.repeat(36) }), /^id id$/],
    ['a number in a text column', 'task_progress', progress({ note: 5 }), /^note /],
    ['a text too long for its column', 'task_progress', progress({ note: 'x'.repeat(4001) }), /^note /],
    ['an unknown column', 'task_progress', progress({ hacked: 1 }), /^column hacked$/],
    ['a required column null', 'task_progress', progress({ by_name: null }), /^by_name /],
    ['a malformed reference id', 'task_progress', progress({ task_id: 'not-an-id' }), /^task_id id$/],
    [
      'a comparator "!="',
      'indicator_target',
      { id: newId(), owner: A, updated_at: STAMP, deleted: 0, indicator_id: newId(), year: 2026, comparator: '!=', target: 1 },
      /^comparator /,
    ],
    [
      'a target for another ward',
      'indicator_target',
      { id: newId(), owner: A, updated_at: STAMP, deleted: 0, indicator_id: newId(), year: 2026, ward_code: B, comparator: '>=', target: 1 },
      /^ward_code$/,
    ],
    [
      'partner units that are not a list of ids',
      'task',
      {
        id: newId(),
        owner: A,
        updated_at: STAMP,
        plan_id: newId(),
        no: 1,
        area_id: newId(),
        content: 'x',
        lead_unit_id: newId(),
        partner_unit_ids: '[1]',
        created_at: STAMP,
      },
      /^partner_unit_ids unit ids$/,
    ],
    [
      'partner units that are not JSON',
      'task',
      {
        id: newId(),
        owner: A,
        updated_at: STAMP,
        plan_id: newId(),
        no: 1,
        area_id: newId(),
        content: 'x',
        lead_unit_id: newId(),
        partner_unit_ids: '[',
        created_at: STAMP,
      },
      /^partner_unit_ids unit ids$/,
    ],
  ];
  it.each(cases)('refuses %s', async (_name, table, row, reason) => {
    const { dir, city, keyA } = await world();
    const file = await forge(dir, keyA, {}, [{ seq: 1, table, row }]);
    const r = await expectRefused(city, file, 'bundle.bad_row', { table });
    expect(String(r.error!.params!.reason)).toMatch(reason);
  });

  it('the database refuses such values on its own too (CHECK rules of migration 0003)', async () => {
    const { city } = await world();
    const taskB = rowOf(city, 'task', 'owner = ?', B);
    const insert = city.db.sqlite.prepare(
      'INSERT INTO task_progress (id, owner, updated_at, deleted, task_id, date, status, percent, by_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const base = [newId(), B, STAMP, 0, taskB.id, '2026-10-20', 'done', 100, 'x', STAMP] as unknown[];
    const tryWith = (i: number, v: unknown) => () => insert.run(...base.map((x, j) => (j === i ? v : x)));
    expect(tryWith(6, 'hacked')).toThrow(/CHECK constraint failed: task_progress/);
    expect(tryWith(7, 101)).toThrow(/CHECK constraint failed/);
    expect(tryWith(3, 7)).toThrow(/CHECK constraint failed/);
    expect(tryWith(0, '-'.repeat(36))).toThrow(/CHECK constraint failed/);
    expect(() => city.db.sqlite.prepare('UPDATE task_progress SET percent = 999 WHERE owner = ?').run(B)).not.toThrow();
    const id = newId();
    tryWith(0, id)();
    expect(() => city.db.sqlite.prepare('UPDATE task_progress SET percent = 999 WHERE id = ?').run(id)).toThrow(/CHECK constraint failed/);
  });

  it('fuzz: random values inside correctly signed bundles are applied only when every rule holds', async () => {
    const { dir, city, ward, keyA, usb } = await world();
    const b = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect((await importBundle(city.s, b.path, { store: city.store })).status).toBe('applied');
    const taskA = rowOf(city, 'task', 'owner = ?', A);
    let seed = 4242;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 16) % n;
    const pick = <T>(list: T[]): T => list[rand(list.length)]!;
    const values: unknown[] = [
      0,
      1,
      7,
      -1,
      100,
      101,
      1.5,
      -1e308,
      1e308,
      999999999999,
      '',
      'done',
      'hacked',
      '2026-13-01',
      '2026-10-20',
      null,
      '-'.repeat(36),
      'x'.repeat(5000),
    ];
    const columns = ['status', 'percent', 'deleted', 'date', 'note', 'by_name', 'created_at', 'id'];
    let seq = b.seqTo;
    let applied = 0;
    for (let i = 0; i < 40; i++) {
      const row: Record<string, unknown> = {
        id: newId(),
        owner: A,
        updated_at: STAMP,
        deleted: 0,
        task_id: taskA.id,
        date: '2026-10-20',
        status: 'in_progress',
        percent: 50,
        note: null,
        by_name: 'x',
        created_at: STAMP,
      };
      row[pick(columns)] = pick(values);
      const file = await forge(dir, keyA, { seqFrom: seq + 1 }, [{ seq: seq + 1, table: 'task_progress', row }]);
      const before = count(city, 'SELECT count(*) AS n FROM task_progress');
      const r = await importBundle(city.s, file, { store: city.store, quarantine: false });
      if (r.status === 'applied') {
        seq++;
        applied++;
      } else expect(r.error?.code, `${JSON.stringify(r.error)} ${JSON.stringify(row)}`).toBe('bundle.bad_row');
      expect(count(city, 'SELECT count(*) AS n FROM task_progress')).toBe(before + (r.status === 'applied' ? 1 : 0));
    }
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThan(40);
    const bad = count(
      city,
      "SELECT count(*) AS n FROM task_progress WHERE status NOT IN ('not_started','in_progress','done') OR percent NOT BETWEEN 0 AND 100 OR deleted NOT IN (0,1) OR length(id) <> 36",
    );
    expect(bad).toBe(0);
  });
});

describe('what the verifier refuses in a correctly signed bundle', () => {
  it('change lines outside the range, twice the same sequence, an unknown table, a line that is not JSON or not a change', async () => {
    const { dir, city, keyA } = await world();
    const outside = await forge(dir, keyA, { seqFrom: 1, seqTo: 1 }, [
      { seq: 1, table: 'unit', row: unitRow(A) },
      { seq: 2, table: 'unit', row: unitRow(A) },
    ]);
    await expectRefused(city, outside, 'bundle.bad_row', { table: 'unit', reason: 'seq 2' });
    const below = await forge(dir, keyA, { seqFrom: 2, seqTo: 2 }, [
      { seq: 1, table: 'unit', row: unitRow(A) },
      { seq: 2, table: 'unit', row: unitRow(A) },
    ]);
    await expectRefused(city, below, 'bundle.bad_row', { table: 'unit', reason: 'seq 1' });
    const twice = await forge(dir, keyA, {}, [
      { seq: 1, table: 'unit', row: unitRow(A) },
      { seq: 1, table: 'unit', row: unitRow(A) },
    ]);
    await expectRefused(city, twice, 'bundle.bad_row', { reason: 'seq 1' });
    const table = await forge(dir, keyA, {}, [{ seq: 1, table: 'org', row: unitRow(A) }]);
    await expectRefused(city, table, 'bundle.bad_row', { table: 'org', reason: 'table' });
    const notJson = path.join(dir, 'notjson.wpb');
    await writeBundleFile(
      notJson,
      manifestFields(keyA, { counts: { changes: 1, blobs: 0 } }),
      [{ path: CHANGES_NAME, data: Buffer.from('{"seq":1,\n') }],
      keyA,
    );
    await expectRefused(city, notJson, 'bundle.bad_row', { table: '-', reason: 'JSON' });
    const shape = path.join(dir, 'shape.wpb');
    await writeBundleFile(
      shape,
      manifestFields(keyA, { counts: { changes: 1, blobs: 0 } }),
      [{ path: CHANGES_NAME, data: Buffer.from('{"seq":1,"table":"unit"}') }],
      keyA,
    );
    await expectRefused(city, shape, 'bundle.bad_row', { table: '-' });
  });

  it('a backwards range, a catalog claiming a ward owner, a changes bundle claiming the city', async () => {
    const { dir, city, keyA } = await world();
    const back = await forge(dir, keyA, { seqFrom: 5, seqTo: 1 }, [{ seq: 1, table: 'unit', row: unitRow(A) }]);
    await expectRefused(city, back, 'bundle.bad_manifest', { reason: 'seqFrom > seqTo' });
    const catalog = await forge(dir, keyA, { kind: 'catalog' }, [{ seq: 1, table: 'unit', row: unitRow(A) }]);
    await expectRefused(city, catalog, 'bundle.bad_manifest', { reason: 'kind/ownerKind' });
    const cityKind = await forge(dir, keyA, { ownerKind: 'city' }, [{ seq: 1, table: 'unit', row: unitRow(A) }]);
    await expectRefused(city, cityKind, 'bundle.bad_manifest', { reason: 'kind/ownerKind' });
    const badField = await forge(dir, keyA, { bundleId: 'not-a-uuid' }, [{ seq: 1, table: 'unit', row: unitRow(A) }]);
    await expectRefused(city, badField, 'bundle.bad_manifest', { reason: 'bundleId Invalid UUID' });
  });

  it('orgs or receipts smuggled into a ward bundle', async () => {
    const { dir, city, keyA } = await world();
    for (const name of [ORGS_NAME, RECEIPTS_NAME]) {
      const file = await forge(dir, keyA, {}, [{ seq: 1, table: 'unit', row: unitRow(A) }], [{ path: name, data: Buffer.from('[]') }]);
      await expectRefused(city, file, 'bundle.unexpected_entry', { entry: name });
    }
  });

  it('a blob not named by its hash, a blob count or change count that does not match', async () => {
    const { dir, city, keyA } = await world();
    const data = Buffer.from('%PDF biên bản');
    const wrongName = `blobs/${'a'.repeat(64)}`;
    const misnamed = await forge(dir, keyA, {}, [{ seq: 1, table: 'unit', row: unitRow(A) }], [{ path: wrongName, data }]);
    await expectRefused(city, misnamed, 'bundle.hash_mismatch', { entry: wrongName });
    const sha = createHash('sha256').update(data).digest('hex');
    const blobs = await forge(dir, keyA, { counts: { changes: 1, blobs: 2 } }, [{ seq: 1, table: 'unit', row: unitRow(A) }], [{ path: `blobs/${sha}`, data }]);
    await expectRefused(city, blobs, 'bundle.bad_manifest', { reason: 'counts.blobs' });
    const fewer = await forge(dir, keyA, { counts: { changes: 2, blobs: 0 } }, [{ seq: 1, table: 'unit', row: unitRow(A) }]);
    await expectRefused(city, fewer, 'bundle.bad_manifest', { reason: 'counts.changes' });
    const more = await forge(dir, keyA, { counts: { changes: 1, blobs: 0 } }, [
      { seq: 1, table: 'unit', row: unitRow(A) },
      { seq: 2, table: 'unit', row: unitRow(A) },
    ]);
    await expectRefused(city, more, 'bundle.bad_manifest', { reason: 'counts.changes' });
    const tooMany = await forge(dir, keyA, { counts: { changes: 500_001, blobs: 0 } }, [{ seq: 1, table: 'unit', row: unitRow(A) }]);
    await expectRefused(city, tooMany, 'bundle.bad_manifest', { reason: 'counts.changes' });
  });

  it('a correctly named blob travels into the store; its hash is checked as it inflates', async () => {
    const { dir, city, keyA } = await world();
    const data = Buffer.from('%PDF biên bản họp');
    const sha = createHash('sha256').update(data).digest('hex');
    const file = await forge(dir, keyA, {}, [{ seq: 1, table: 'unit', row: unitRow(A) }], [{ path: `blobs/${sha}`, data }]);
    expect((await importBundle(city.s, file, { store: city.store })).status).toBe('applied');
    expect(fs.readFileSync(path.join(city.db.blobDir, sha.slice(0, 2), sha)).equals(data)).toBe(true);
    expect(fs.readdirSync(sideFolders(city.s).incoming)).toEqual([]);
  });

  it('duplicate entries, a listed entry that is missing, an entry listed twice, a size that differs', async () => {
    const { dir, city, keyA } = await world();
    const good = await forge(dir, keyA, {}, [{ seq: 1, table: 'unit', row: unitRow(A) }]);
    const raw = await readBundleEntries(good);
    const entries = [...raw.entries.entries()];
    const dup = path.join(dir, 'dup.wpb');
    fs.writeFileSync(dup, await zipOf([...entries, entries.find(([n]) => n === CHANGES_NAME)!]));
    await expectRefused(city, dup, 'bundle.duplicate_entry', { entry: CHANGES_NAME });
    const missing = path.join(dir, 'missing.wpb');
    fs.writeFileSync(missing, await zipOf(entries.filter(([n]) => n !== CHANGES_NAME)));
    await expectRefused(city, missing, 'bundle.missing_entry', { entry: CHANGES_NAME });

    const lines = Buffer.from(`${JSON.stringify({ seq: 1, table: 'unit', row: unitRow(A) })}\n`);
    const sha = createHash('sha256').update(lines).digest('hex');
    const twice = path.join(dir, 'twice.wpb');
    const entry = { path: CHANGES_NAME, sha256: sha, size: lines.length };
    await writeSigned(twice, keyA, { entries: [entry, entry] }, [[CHANGES_NAME, lines]]);
    await expectRefused(city, twice, 'bundle.bad_manifest', { reason: `entry ${CHANGES_NAME}` });
    const sized = path.join(dir, 'sized.wpb');
    await writeSigned(sized, keyA, { entries: [{ ...entry, size: lines.length + 1 }] }, [[CHANGES_NAME, lines]]);
    await expectRefused(city, sized, 'bundle.hash_mismatch', { entry: CHANGES_NAME });
    const manifestListed = path.join(dir, 'listed.wpb');
    await writeSigned(manifestListed, keyA, { entries: [entry, { path: 'manifest.json', sha256: sha, size: 1 }] }, [[CHANGES_NAME, lines]]);
    await expectRefused(city, manifestListed, 'bundle.bad_manifest', { reason: 'entry manifest.json' });
    const hashed = path.join(dir, 'hashed.wpb');
    await writeSigned(hashed, keyA, { entries: [{ ...entry, sha256: 'b'.repeat(64) }] }, [[CHANGES_NAME, lines]]);
    await expectRefused(city, hashed, 'bundle.hash_mismatch', { entry: CHANGES_NAME });
  });

  it('a manifest without signature, one that is not JSON, a signature that does not verify', async () => {
    const { dir, city, keyA } = await world();
    const good = await forge(dir, keyA, {}, [{ seq: 1, table: 'unit', row: unitRow(A) }]);
    const entries = [...(await readBundleEntries(good)).entries.entries()];
    const unsigned = path.join(dir, 'unsigned.wpb');
    fs.writeFileSync(unsigned, await zipOf(entries.filter(([n]) => n !== 'manifest.sig')));
    await expectRefused(city, unsigned, 'bundle.unsigned');
    const garbled = path.join(dir, 'garbled.wpb');
    fs.writeFileSync(garbled, await zipOf(entries.map(([n, d]) => [n, n === 'manifest.json' ? Buffer.from('{') : d])));
    await expectRefused(city, garbled, 'bundle.bad_manifest', { reason: 'JSON' });
    const other = path.join(dir, 'other.wpb');
    fs.writeFileSync(other, await zipOf(entries.map(([n, d]) => [n, n === 'manifest.json' ? Buffer.from(d.toString().replace('"seqTo":1', '"seqTo":2')) : d])));
    await expectRefused(city, other, 'bundle.bad_signature', { owner: A });
    const noManifest = path.join(dir, 'nomanifest.wpb');
    fs.writeFileSync(noManifest, await zipOf(entries.filter(([n]) => n !== 'manifest.json')));
    await expectRefused(city, noManifest, 'bundle.not_a_bundle');
  });
});

describe('who a bundle is for', () => {
  it("a ward's bundle fed to another ward, a catalog signed by a ward, a city bundle claiming to be a ward's changes", async () => {
    const { dir, city, ward, wardB, keyA, b1, cityKey } = await world();
    await expectRefused(ward, b1.path, 'bundle.unknown_key', { owner: B });
    const catalogByWard = await forge(dir, keyA, { kind: 'catalog', ownerKind: 'city' }, [{ seq: 1, table: 'unit', row: unitRow(A) }]);
    await expectRefused(city, catalogByWard, 'bundle.wrong_direction');
    const changesByCity = await forge(dir, cityKey, { owner: 'HP' }, [{ seq: 1, table: 'unit', row: unitRow('HP') }]);
    await expectRefused(wardB, changesByCity, 'bundle.wrong_direction');
  });

  it('a catalog from a city the ward is not enrolled with', async () => {
    const { dir, ward } = await world();
    const other = generateKeyPair();
    const otherKey = { keyId: keyIdOf(other.publicKey), privateKeyPem: other.privateKeyPem };
    ward.db.sqlite.transaction(() => trustKey(ward.s, 'HN', other.publicKey, otherKey.keyId, {}))();
    const file = await forge(dir, otherKey, { kind: 'catalog', owner: 'HN', ownerKind: 'city' }, [{ seq: 1, table: 'unit', row: unitRow('HN') }]);
    await expectRefused(ward, file, 'bundle.wrong_direction');
  });
});

describe('the catalog at a ward', () => {
  it("is applied only to the city's rows, never into the ward's own change log, and brings the organisation list", async () => {
    const { ward, city, usb, wardB } = await world();
    const own = () => count(ward, 'SELECT count(*) AS n FROM change_log WHERE origin = ?', ward.s.installationId);
    const before = own();
    const cat = await publishCatalog(city.s, city.store, usb);
    const r = await importBundle(ward.s, cat.path, {});
    expect(r.status).toBe('applied');
    expect(own()).toBe(before);
    expect(count(ward, "SELECT count(*) AS n FROM change_log WHERE origin = ? AND owner <> 'HP'", city.s.installationId)).toBe(0);
    expect(ward.db.sqlite.prepare('SELECT code, kind, parent_code AS p FROM org ORDER BY code').all()).toEqual([
      { code: 'HP', kind: 'city', p: null },
      { code: A, kind: 'ward', p: 'HP' },
      { code: B, kind: 'ward', p: 'HP' },
    ]);
    // The receipt for B's bundle is in the catalog but is not A's: nothing acknowledged.
    expect(r.acknowledged).toEqual([]);
    expect(wardB.s.orgCode).toBe(B);
  });

  it("a catalog claiming the ward's own origin is refused", async () => {
    const { dir, ward, cityKey } = await world();
    const file = await forge(dir, cityKey, { kind: 'catalog', owner: 'HP', ownerKind: 'city', origin: ward.s.installationId }, [
      { seq: 1, table: 'unit', row: unitRow('HP') },
    ]);
    await expectRefused(ward, file, 'bundle.origin_own', { origin: ward.s.installationId });
  });

  it('receipts arriving twice acknowledge once', async () => {
    const { ward, city, usb } = await world();
    const b = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect((await importBundle(city.s, b.path, { store: city.store })).status).toBe('applied');
    const first = await importBundle(ward.s, (await publishCatalog(city.s, city.store, usb)).path, {});
    expect(first.acknowledged).toEqual([b.bundleId]);
    const second = await importBundle(ward.s, (await publishCatalog(city.s, city.store, usb)).path, {});
    expect(second.status).toBe('applied');
    expect(second.acknowledged).toEqual([]);
  });
});

describe('updates and order', () => {
  it('a second bundle changing a row the city has applies (the normal "ward edits a task" flow); already-applied sequences are skipped', async () => {
    const { ward, city, usb } = await world();
    const b1 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect((await importBundle(city.s, b1.path, { store: city.store })).applied).toBe(b1.changes);
    const t = listTasks(ward.s)[0]!;
    updateTask(ward.s, t.id, { content: 'Nội dung đã sửa' });
    // Not acknowledged yet: the next bundle repeats b1's range and adds the edit.
    const b2 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect(b2.seqFrom).toBe(1);
    const r = await importBundle(city.s, b2.path, { store: city.store });
    expect(r.status).toBe('applied');
    expect(r.applied).toBe(1);
    expect(r.receipt).toMatchObject({ changes: 1, seqFrom: 1, seqTo: b2.seqTo });
    expect(rowOf(city, 'task', 'id = ?', t.id).content).toBe('Nội dung đã sửa');
  });

  it('a pending bundle that fails when released is dropped with its reason, and the origin is not blocked', async () => {
    const { ward, city, usb } = await world();
    const b1 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    recordProgress(ward.s, { taskId: listTasks(ward.s)[0]!.id, status: 'in_progress', percent: 10, date: '2026-10-20' });
    ward.db.sqlite.prepare('UPDATE bundle_out SET acknowledged_at = ?').run(STAMP);
    const b2 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    const early = await importBundle(city.s, b2.path, { store: city.store });
    expect(early).toMatchObject({ status: 'pending', missing: { from: 1, to: b1.seqTo } });
    const stored = rowOf(city, 'bundle_in', "status = 'pending'").stored_path as string;
    fs.writeFileSync(stored, 'hỏng');
    const late = await importBundle(city.s, b1.path, { store: city.store });
    expect(late.status).toBe('applied');
    expect(late.released.map((x) => [x.status, x.error?.code])).toEqual([['refused', 'bundle.not_a_bundle']]);
    expect(count(city, "SELECT count(*) AS n FROM bundle_in WHERE status = 'pending'")).toBe(0);
    expect(fs.existsSync(stored)).toBe(false);
    // It was verified once already: a failure on release is reported, not quarantined again.
    expect(fs.existsSync(sideFolders(city.s).quarantine)).toBe(false);
    expect((await importBundle(city.s, b2.path, { store: city.store })).status).toBe('applied');
  });

  it('a pending copy that disappeared is reported when its turn comes, and the rest still applies', async () => {
    const { ward, city, usb } = await world();
    const b1 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    recordProgress(ward.s, { taskId: listTasks(ward.s)[0]!.id, status: 'in_progress', percent: 10, date: '2026-10-20' });
    ward.db.sqlite.prepare('UPDATE bundle_out SET acknowledged_at = ?').run(STAMP);
    const b2 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect((await importBundle(city.s, b2.path, { store: city.store })).status).toBe('pending');
    fs.rmSync(rowOf(city, 'bundle_in', "status = 'pending'").stored_path as string);
    const late = await importBundle(city.s, b1.path, { store: city.store });
    expect(late.status).toBe('applied');
    expect(late.released.map((x) => x.error?.code)).toEqual(['file.not_found']);
  });

  it('the same pending bundle twice waits once', async () => {
    const { ward, city, usb } = await world();
    written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    recordProgress(ward.s, { taskId: listTasks(ward.s)[0]!.id, status: 'in_progress', percent: 10, date: '2026-10-20' });
    ward.db.sqlite.prepare('UPDATE bundle_out SET acknowledged_at = ?').run(STAMP);
    const b2 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect((await importBundle(city.s, b2.path, { store: city.store })).status).toBe('pending');
    expect((await importBundle(city.s, b2.path, { store: city.store })).status).toBe('pending');
    expect(count(city, "SELECT count(*) AS n FROM bundle_in WHERE status = 'pending'")).toBe(1);
    expect(fs.readdirSync(sideFolders(city.s).pending)).toHaveLength(1);
  });
});

describe('rotation statements', () => {
  async function rotated() {
    const w = await world();
    const statementOf = async (store = w.ward.store) => {
      const r = await rotateKey(store);
      return r;
    };
    return { ...w, statementOf };
  }

  it('a statement with a forged signature, from a revoked or unknown old key, or by another ward, vouches for nothing', async () => {
    const { dir, city, ward, wardB, keyB, statementOf } = await rotated();
    const { statement, key } = await statementOf();
    const rot = (s: unknown): BundleContent => ({ path: ROTATION_NAME, data: Buffer.from(JSON.stringify(s)) });
    const line = [{ seq: 1, table: 'unit', row: unitRow(A) }];
    const forgedSig = await forge(dir, key, {}, line, [rot({ ...statement, signatureByOld: statement.signatureByNew })]);
    await expectRefused(city, forgedSig, 'bundle.unknown_key', { keyId: key.keyId, owner: A });
    const unknownOld = await forge(dir, key, {}, line, [rot({ ...statement, oldKeyId: '0'.repeat(16) })]);
    await expectRefused(city, unknownOld, 'bundle.unknown_key', { keyId: key.keyId });
    const notJson = await forge(dir, key, {}, line, [{ path: ROTATION_NAME, data: Buffer.from('{') }]);
    await expectRefused(city, notJson, 'bundle.unknown_key');
    // A statement is read with its schema: a field of the wrong type, or one it does not have, and it is no statement.
    const wrongType = await forge(dir, key, {}, line, [rot({ ...statement, oldKeyId: 42 })]);
    await expectRefused(city, wrongType, 'bundle.unknown_key', { keyId: key.keyId });
    const extraField = await forge(dir, key, {}, line, [rot({ ...statement, note: 'x' })]);
    await expectRefused(city, extraField, 'bundle.unknown_key', { keyId: key.keyId });
    const otherNew = await forge(dir, key, {}, line, [rot({ ...statement, newKeyId: keyB.keyId })]);
    await expectRefused(city, otherNew, 'bundle.unknown_key');
    // A genuine statement for another new key does not vouch for the key that signed this bundle.
    const stranger = generateKeyPair();
    const strangerKey = { keyId: keyIdOf(stranger.publicKey), privateKeyPem: stranger.privateKeyPem };
    const notThisKey = await forge(dir, strangerKey, {}, line, [rot(statement)]);
    await expectRefused(city, notThisKey, 'bundle.unknown_key', { keyId: strangerKey.keyId });
    // Ward B's key "vouching" for A's new key: the old key must belong to the bundle's owner.
    const byB = await forge(dir, key, {}, line, [rot({ ...statement, oldKeyId: keyB.keyId })]);
    await expectRefused(city, byB, 'bundle.unknown_key');
    // Ward B's own genuine rotation cannot make its new key speak for ward A.
    const rotatedB = await rotateKey(wardB.store);
    const viaB = await forge(dir, rotatedB.key, {}, line, [rot(rotatedB.statement)]);
    await expectRefused(city, viaB, 'bundle.unknown_key', { keyId: rotatedB.key.keyId, owner: A });
    // Unlisted in the manifest, the statement is refused even if genuine.
    const good = await forge(dir, key, {}, line, [rot(statement)]);
    revokeWard(city.s, A, 'Máy bị mất');
    await expectRefused(city, good, 'bundle.unknown_key');
    expect(ward.s.orgCode).toBe(A);
  });

  it('a genuine statement is accepted once, the new key trusted and the old one retired', async () => {
    const { dir, city, statementOf } = await rotated();
    const { statement, key } = await statementOf();
    const file = await forge(
      dir,
      key,
      {},
      [{ seq: 1, table: 'unit', row: unitRow(A) }],
      [{ path: ROTATION_NAME, data: Buffer.from(JSON.stringify(statement)) }],
    );
    expect((await importBundle(city.s, file, { store: city.store })).status).toBe('applied');
    expect(rowOf(city, 'trusted_key', 'key_id = ?', key.keyId)).toMatchObject({ org_code: A, revoked_at: null });
    expect(rowOf(city, 'trusted_key', 'key_id = ?', statement.oldKeyId).revoked_reason).toBe('rotated');
  });
});

describe('bounded reading', () => {
  function importInChild(city: Side, file: string): { status: string; error: { code: string; params: Record<string, unknown> }; peakGrowthKb: number } {
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.resolve('test/support/import-child.ts'), city.db.path, file], { encoding: 'utf8' });
    return JSON.parse(out) as ReturnType<typeof importInChild>;
  }

  it('31 entries of 64 MiB zeros (a 2 MB file) are refused from the signed manifest alone, under 256 MB of memory', async () => {
    const { dir, city, keyA } = await world();
    const signed = await readBundleEntries(await forge(dir, keyA, {}, [{ seq: 1, table: 'unit', row: unitRow(A) }]));
    // Zipped by hand so one deflated run of zeros serves all 31 entries (deflating 2 GB would take the test's time).
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const bomb = { data: zlib.deflateRawSync(zeros), crc: zlib.crc32(zeros), size: zeros.length };
    const list = [...signed.entries.entries()].map(([name, d]) => ({ name, data: zlib.deflateRawSync(d), crc: zlib.crc32(d), size: d.length }));
    for (let i = 0; i < 31; i++) list.push({ name: `blobs/${i.toString(16).padStart(64, '0')}`, ...bomb });
    const file = path.join(dir, 'bomb.wpb');
    fs.writeFileSync(file, deflatedZip(list));
    expect(fs.statSync(file).size).toBeLessThan(3 * 1024 * 1024);
    const r = importInChild(city, file);
    expect(r.error).toMatchObject({ code: 'bundle.unlisted_entry' });
    expect(r.peakGrowthKb).toBeLessThan(256 * 1024);
  });

  it('a signed 200 KB bundle holding a 200 MB text field is refused by the size it declares, under 256 MB of memory', async () => {
    const { dir, city, keyA } = await world();
    const file = await forge(dir, keyA, {}, [{ seq: 1, table: 'unit', row: unitRow(A, { name: 'a'.repeat(200 * 1024 * 1024) }) }]);
    expect(fs.statSync(file).size).toBeLessThan(400 * 1024);
    const r = importInChild(city, file);
    expect(r.error).toMatchObject({ code: 'bundle.entry_too_large', params: { entry: CHANGES_NAME, limitMb: 96 } });
    expect(r.peakGrowthKb).toBeLessThan(256 * 1024);
  });

  it('a 60 MB text field inside the changes limit is refused at the first megabyte of its line, under 256 MB of memory', async () => {
    const { dir, city, keyA } = await world();
    const file = await forge(dir, keyA, {}, [{ seq: 1, table: 'unit', row: unitRow(A, { name: 'a'.repeat(60 * 1024 * 1024) }) }]);
    const r = importInChild(city, file);
    expect(r.error).toMatchObject({ code: 'bundle.row_too_large', params: { limitKb: 1024 } });
    expect(r.peakGrowthKb).toBeLessThan(256 * 1024);
  });

  it('a file larger than the limit is refused by its size, not read, and not copied into quarantine', async () => {
    const { dir, city } = await world();
    const file = path.join(dir, 'huge.wpb');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 3 * 1024 * 1024 * 1024);
    await expectRefused(city, file, 'bundle.too_large', { limitMb: 1024 });
    const q = sideFolders(city.s).quarantine;
    const notes = fs.readdirSync(q);
    expect(notes.every((n) => n.endsWith('.reason.json'))).toBe(true);
    const note = JSON.parse(fs.readFileSync(path.join(q, notes[0]!), 'utf8')) as Record<string, unknown>;
    expect(note).toMatchObject({ code: 'bundle.too_large', size: 3 * 1024 * 1024 * 1024, sha256: null, kept: false });
  });

  it('a small refused file is kept in quarantine with its hash and reason', async () => {
    const { dir, city } = await world();
    const file = path.join(dir, 'notes.wpb');
    fs.writeFileSync(file, 'không phải gói'.repeat(10));
    await expectRefused(city, file, 'bundle.not_a_bundle');
    const q = sideFolders(city.s).quarantine;
    // Names without ':' so a quarantine folder can be copied to any Windows disk.
    expect(fs.readdirSync(q).every((n) => !n.includes(':'))).toBe(true);
    const reason = fs.readdirSync(q).find((n) => n.endsWith('.reason.json'))!;
    expect(fs.readFileSync(path.join(q, reason), 'utf8').endsWith('}\n')).toBe(true);
    const note = JSON.parse(fs.readFileSync(path.join(q, reason), 'utf8')) as Record<string, unknown>;
    expect(note).toMatchObject({
      code: 'bundle.not_a_bundle',
      size: fs.statSync(file).size,
      sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
      kept: true,
    });
    expect(fs.readFileSync(path.join(q, reason.replace(/\.reason\.json$/, ''))).equals(fs.readFileSync(file))).toBe(true);
  });
});

function manifestFields(key: Key, fields: Partial<Manifest>): Parameters<typeof writeBundleFile>[1] {
  return {
    bundleId: newId(),
    kind: 'changes',
    origin: newId(),
    owner: A,
    ownerKind: 'ward',
    seqFrom: 1,
    seqTo: 1,
    prevManifestSha256: null,
    createdAt: STAMP,
    keyId: key.keyId,
    counts: { changes: 1, blobs: 0 },
    ...fields,
  };
}

/** A zip whose manifest (with the given entries list) is genuinely signed: for listings the writer would never produce. */
async function writeSigned(file: string, key: Key, fields: Partial<Manifest>, contents: Array<[string, Buffer]>): Promise<void> {
  const { sign } = await import('../keys/ed25519');
  const manifest = { format: 'wardplan-bundle', version: 1, ...manifestFields(key, {}), entries: [], ...fields };
  const bytes = Buffer.from(JSON.stringify(manifest));
  fs.writeFileSync(file, await zipOf([['manifest.json', bytes], ['manifest.sig', Buffer.from(sign(key.privateKeyPem, bytes))], ...contents]));
}

async function zipOf(list: Array<[string, Buffer]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of list) zip.addBuffer(data, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A zip of already deflated entries: local headers, data, central directory, end record. */
function deflatedZip(entries: Array<{ name: string; data: Buffer; crc: number; size: number }>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const dirEntry = Buffer.alloc(46);
    dirEntry.writeUInt32LE(0x02014b50, 0);
    dirEntry.writeUInt16LE(20, 4);
    dirEntry.writeUInt16LE(20, 6);
    dirEntry.writeUInt16LE(8, 10);
    dirEntry.writeUInt32LE(e.crc, 16);
    dirEntry.writeUInt32LE(e.data.length, 20);
    dirEntry.writeUInt32LE(e.size, 24);
    dirEntry.writeUInt16LE(name.length, 28);
    dirEntry.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    central.push(dirEntry, name);
    offset += local.length + name.length + e.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}
