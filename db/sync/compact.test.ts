import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enrolledPair, keyStoreFor, type Side } from '../../test/support/sync-fixture';
import { formatMessage } from '../../shared/i18n/messages';
import { openBundle } from '../bundle/reader';
import { verifyBundle } from '../bundle/verify';
import { loadOrCreateKey } from '../keys/key-store';
import { openDatabase } from '../database';
import { setValue } from '../services/indicators';
import { correctProgress, taskHistory } from '../services/lists';
import { listTasks, recordProgress, updateTask } from '../services/tasks';
import { inTransaction, sessionFor, type Session } from '../session';
import { compactAfterAcknowledgement, compactDatabase, type CompactStage } from './compact';
import { compactedChanges, exportWardBundle, sequenceState } from './export';
import { importBundle, openOptionsFor } from './import';
import { openReceipts, publishCatalog } from './publish';

function written(r: Awaited<ReturnType<typeof exportWardBundle>>) {
  if (r.status !== 'written') throw new Error('expected a bundle');
  return r;
}

/** Every table but the logs compaction rewrites (and the FTS shadow tables), row for row. */
function state(s: Session): string {
  const tables = (
    s.db.sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'task_search_%'
         AND name NOT IN ('change_log', 'change_log_acked', 'audit_log') ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  return tables.map((t) => `${t}:${JSON.stringify(s.db.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all())}`).join('\n');
}

const ownLog = (s: Session) =>
  s.db.sqlite.prepare('SELECT seq, table_name, row_id, data FROM change_log WHERE origin = ? ORDER BY seq').all(s.installationId) as Array<{
    seq: number;
  }>;
const audits = (s: Session) => s.db.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as Array<{ action: string }>;

/** What the ward does when a receipt for the bundle arrives (db/sync/import.ts), without compacting yet. */
function acknowledge(ward: Side, bundleId: string): void {
  ward.db.sqlite.prepare('UPDATE bundle_out SET acknowledged_at = ?, receipt = ? WHERE bundle_id = ?').run(ward.s.now(), '{}', bundleId);
}

/**
 * The changes a bundle carries, read as the ward itself reads its own bundle: sealed bytes differ
 * on every export (age draws a fresh key each time), the changes inside must not.
 */
async function changesOf(side: Side, file: string): Promise<unknown> {
  const { key } = await loadOrCreateKey(side.store);
  const own = { keyId: key.keyId, orgCode: side.s.orgCode, publicKey: key.publicKey, revokedAt: null };
  const archive = await openBundle(file);
  try {
    const v = await verifyBundle(
      archive,
      (keyId) => (keyId === key.keyId ? own : undefined),
      null,
      openOptionsFor(side.s, async () => key),
    );
    return v.changes;
  } finally {
    archive.close();
  }
}

function copyOf(ward: Side, name: string): Side {
  ward.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const target = path.join(path.dirname(ward.db.path), name);
  fs.copyFileSync(ward.db.path, target);
  fs.copyFileSync(`${ward.db.path}.key`, `${target}.key`);
  const db = openDatabase(target);
  return { db, s: sessionFor(db, { now: ward.s.now }), store: keyStoreFor(target) };
}

/** A ward with a first bundle the city acknowledged, then changes the city has not seen yet. */
async function acknowledgedThenMore() {
  const pair = await enrolledPair();
  const { ward, city, usb } = pair;
  const [t1, t2] = listTasks(ward.s);
  setValue(ward.s, { indicatorCode: 'CQ-09', period: '2026-Q3', numerator: 3658476, denominator: 3670241 });
  setValue(ward.s, { indicatorCode: 'CQ-09', period: '2026-Q3', numerator: 3658000, denominator: 3670241 });
  const p = recordProgress(ward.s, { taskId: t1!.id, status: 'in_progress', percent: 20, date: '2026-10-10' });
  updateTask(ward.s, t2!.id, { person: 'Trần Văn Bình' });
  updateTask(ward.s, t2!.id, { person: 'Trần Văn Bình (phó)' });
  const b1 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
  expect((await importBundle(city.s, b1.path, { store: city.store })).status).toBe('applied');
  // Not yet acknowledged: new rows, and new versions of rows the city already has.
  updateTask(ward.s, t2!.id, { output: 'Báo cáo kết quả' });
  recordProgress(ward.s, { taskId: t1!.id, status: 'in_progress', percent: 45, date: '2026-10-12' });
  setValue(ward.s, { indicatorCode: 'CQ-01', period: '2026-Q3', value: 12 });
  return { ...pair, b1, t1: t1!, t2: t2!, progressId: p.id };
}

describe('compaction of acknowledged history', () => {
  it('keeps every row, and exports the unacknowledged changes and a full snapshot byte for byte as before', async () => {
    const { ward, city, usb, b1 } = await acknowledgedThenMore();
    acknowledge(ward, b1.bundleId);
    // The same database left as it was: a copy of the file.
    const plain = copyOf(ward, 'plain.db');
    const max = sequenceState(ward.s).maxSeq;
    const auditBefore = audits(ward.s);

    const r = compactDatabase(ward.s);
    expect(r.compactedThrough).toBeLessThanOrEqual(b1.seqTo);
    expect(ownLog(ward.s).every((e) => e.seq > b1.seqTo)).toBe(true);
    const acked = ward.db.sqlite.prepare('SELECT count(*) AS n, count(data) AS withData FROM change_log_acked').get() as { n: number; withData: number };
    // Two versions of the value and of task 2 were acknowledged: only the latest of each is kept.
    expect(acked.n).toBe(b1.changes);
    expect(r.rowsKept).toBe(b1.changes);
    expect(r.versionsRemoved).toBeGreaterThanOrEqual(3);
    expect(r.changesCompacted).toBe(r.rowsKept + r.versionsRemoved);
    // Task 2 changed again after b1: its acknowledged version is kept whole; the others read from their tables.
    expect(acked.withData).toBe(1);
    expect(audits(ward.s).slice(0, -1)).toEqual(auditBefore);
    expect(audits(ward.s).at(-1)!.action).toBe('db.compact');

    expect(state(ward.s)).toBe(state(plain.s));
    expect(compactedChanges(ward.s, 1, max)).toEqual(compactedChanges(plain.s, 1, max));
    expect(compactedChanges(ward.s, b1.seqTo + 1, max)).toEqual(compactedChanges(plain.s, b1.seqTo + 1, max));

    const outA = path.join(usb, 'a');
    const outB = path.join(usb, 'b');
    fs.mkdirSync(outA);
    fs.mkdirSync(outB);
    const next = written(await exportWardBundle(ward.s, ward.store, { outDir: outA }));
    const nextPlain = written(await exportWardBundle(plain.s, plain.store, { outDir: outB }));
    expect([next.seqFrom, next.seqTo, next.changes]).toEqual([b1.seqTo + 1, max, 3]);
    expect(await changesOf(ward, next.path)).toEqual(await changesOf(plain, nextPlain.path));
    const full = written(await exportWardBundle(ward.s, ward.store, { outDir: outA, full: true }));
    const fullPlain = written(await exportWardBundle(plain.s, plain.store, { outDir: outB, full: true }));
    expect(await changesOf(ward, full.path)).toEqual(await changesOf(plain, fullPlain.path));

    // The city takes the next bundle as before.
    expect((await importBundle(city.s, next.path, { store: city.store })).status).toBe('applied');
  });

  it('runs by itself when a catalog acknowledges a bundle', async () => {
    const { ward, city, usb, b1 } = await acknowledgedThenMore();
    const max = sequenceState(ward.s).maxSeq;
    const full = compactedChanges(ward.s, 1, max);
    const cat = await publishCatalog(city.s, city.store, usb);
    expect((await importBundle(ward.s, cat.path, {})).acknowledged).toEqual([b1.bundleId]);
    expect(ownLog(ward.s).every((e) => e.seq > b1.seqTo)).toBe(true);
    expect(audits(ward.s).at(-1)!.action).toBe('db.compact');
    expect(compactedChanges(ward.s, 1, max)).toEqual(full);
    const next = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect(next.seqFrom).toBe(b1.seqTo + 1);
    expect((await importBundle(city.s, next.path, { store: city.store })).status).toBe('applied');
  });

  it('keeps the acknowledged version of a row that changes after compaction, and numbers new changes after the last', async () => {
    const { ward, b1, t1 } = await acknowledgedThenMore();
    acknowledge(ward, b1.bundleId);
    const before = compactedChanges(ward.s, 1, b1.seqTo);
    const maxBefore = sequenceState(ward.s).maxSeq;
    const r = compactDatabase(ward.s);
    expect(r.changesCompacted).toBeGreaterThan(0);
    expect(r.compactedThrough).toBeLessThanOrEqual(b1.seqTo);

    // Task 1's acknowledged version lives only in its table until this edit.
    const seqOfT1 = (ward.db.sqlite.prepare("SELECT seq, data FROM change_log_acked WHERE table_name = 'task' AND row_id = ?").get(t1.id) as {
      seq: number;
      data: string | null;
    })!;
    expect(seqOfT1.data).toBeNull();
    updateTask(ward.s, t1.id, { person: 'Lê Thị Hoa' });
    expect(compactedChanges(ward.s, 1, b1.seqTo)).toEqual(before);
    const last = ownLog(ward.s).at(-1)!;
    expect(last.seq).toBe(maxBefore + 1);

    // A second run finds nothing new to compact and changes nothing.
    const again = compactDatabase(ward.s);
    expect(again.changesCompacted).toBe(0);
    expect(compactedChanges(ward.s, 1, b1.seqTo)).toEqual(before);
  });

  it('compacts nothing the city has not acknowledged, and never the last change', async () => {
    const { ward, b1 } = await acknowledgedThenMore();
    const log = ownLog(ward.s);
    expect(compactDatabase(ward.s).changesCompacted).toBe(0);
    expect(ownLog(ward.s)).toEqual(log);
    // Everything acknowledged, up to the last change: the last one stays where sequence numbers come from.
    const max = sequenceState(ward.s).maxSeq;
    ward.db.sqlite.prepare('UPDATE bundle_out SET acknowledged_at = ?, seq_to = ? WHERE bundle_id = ?').run(ward.s.now(), max, b1.bundleId);
    compactDatabase(ward.s);
    expect(ownLog(ward.s).map((e) => e.seq)).toEqual([max]);
    expect(sequenceState(ward.s).maxSeq).toBe(max);
  });

  it('keeps the task history readable, old whole-row audit entries included', async () => {
    const { ward, b1, t1, progressId } = await acknowledgedThenMore();
    correctProgress(ward.s, progressId, { percent: 25, reason: 'Nhập nhầm' });
    // An entry as an older release could have written it: the whole row, not the changed fields.
    ward.db.sqlite
      .prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)')
      .run(ward.s.now(), 'Cán bộ cũ', 'task.update', 'task', t1.id, JSON.stringify({ id: t1.id, owner: 'HP-HAIDUONG', person: 'Ai đó', no: 1 }));
    const history = taskHistory(ward.s, t1.id);
    acknowledge(ward, b1.bundleId);
    compactDatabase(ward.s);
    expect(taskHistory(ward.s, t1.id)).toEqual(history);
    const correction = history.find((h) => h.action === 'progress.correct')!;
    expect(correction).toMatchObject({ reason: 'Nhập nhầm', changes: [{ field: 'percent', from: '20', to: '25' }] });
    expect(history.find((h) => h.actor === 'Cán bộ cũ')).toMatchObject({ action: 'task.update', changes: [] });
  });

  it('refuses to run inside another write, with a message in both languages, and changes nothing', async () => {
    const { ward, b1 } = await acknowledgedThenMore();
    acknowledge(ward, b1.bundleId);
    const log = ownLog(ward.s);
    inTransaction(ward.s, () => {
      expect(() => compactDatabase(ward.s)).toThrow(expect.objectContaining({ code: 'db.compact_busy' }));
      // After an acknowledged sync the same refusal only means: next time.
      expect(compactAfterAcknowledgement(ward.s)).toBeNull();
    });
    expect(ownLog(ward.s)).toEqual(log);
    expect(formatMessage('vi', 'db.compact_busy')).toContain('dữ liệu không thay đổi');
    expect(formatMessage('en', 'db.compact_busy')).toContain('nothing was changed');
  });

  it('runs only on a ward: a city database keeps every ward row it received', async () => {
    const { city, b1 } = await acknowledgedThenMore();
    const n = (city.db.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    expect(n).toBeGreaterThanOrEqual(b1.changes);
    expect(compactDatabase(city.s).changesCompacted).toBe(0);
    expect((city.db.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n).toBe(n);
  });
});

describe('receipts in the catalog', () => {
  it('travel until a later bundle shows the ward holds them, however many catalogs it missed', async () => {
    const { ward, city, usb } = await enrolledPair();
    const t = listTasks(ward.s)[0]!;
    const receiptsOf = (forWard?: string) => (openReceipts(city.s, forWard) as Array<{ bundleId: string }>).map((r) => r.bundleId);

    const b1 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    await importBundle(city.s, b1.path, { store: city.store });
    expect(receiptsOf()).toEqual([b1.bundleId]);
    // The ward misses this catalog and the next; its next bundle starts where b1 did.
    await publishCatalog(city.s, city.store, usb);
    recordProgress(ward.s, { taskId: t.id, status: 'in_progress', percent: 10, date: '2026-10-10' });
    const b2 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect(b2.seqFrom).toBe(1);
    await importBundle(city.s, b2.path, { store: city.store });
    await publishCatalog(city.s, city.store, usb);
    const third = await publishCatalog(city.s, city.store, usb);
    expect(third.receipts).toBe(2);
    expect(receiptsOf('HP-HAIDUONG')).toEqual([b1.bundleId, b2.bundleId]);
    expect(receiptsOf('HP-OTHER')).toEqual([]);

    const back = await importBundle(ward.s, third.path, {});
    expect(back.acknowledged.sort()).toEqual([b1.bundleId, b2.bundleId].sort());
    recordProgress(ward.s, { taskId: t.id, status: 'in_progress', percent: 30, date: '2026-10-11' });
    const b3 = written(await exportWardBundle(ward.s, ward.store, { outDir: usb }));
    expect(b3.seqFrom).toBe(b2.seqTo + 1);
    await importBundle(city.s, b3.path, { store: city.store });
    // b3 starts after b1 and b2: the ward holds their receipts, so only b3's travels now.
    const fourth = await publishCatalog(city.s, city.store, usb);
    expect(fourth.receipts).toBe(1);
    expect(receiptsOf()).toEqual([b3.bundleId]);
    expect((await importBundle(ward.s, fourth.path, {})).acknowledged).toEqual([b3.bundleId]);
  });
});

describe('a kill during compaction', () => {
  async function killedAt(stage: CompactStage, dbPath: string): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/support/compact-child.ts'), dbPath, stage], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes(`at ${stage}`)) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended without being killed: ${err}`))));
    });
  }

  it.each([
    ['move', false],
    ['vacuum', true],
  ] as const)('killed at %s loses nothing', async (stage, committed) => {
    const { ward, b1 } = await acknowledgedThenMore();
    acknowledge(ward, b1.bundleId);
    // Enough freed space that the run goes on to VACUUM.
    ward.db.sqlite.exec(
      "CREATE TABLE ballast (b BLOB); INSERT INTO ballast SELECT zeroblob(1024 * 1024) FROM json_each('[1,2,3,4,5,6,7,8,9,10]'); DROP TABLE ballast;",
    );
    const max = sequenceState(ward.s).maxSeq;
    const rows = state(ward.s);
    const full = compactedChanges(ward.s, 1, max);
    const log = ownLog(ward.s);
    const dbPath = ward.db.path;
    ward.db.close();

    await killedAt(stage, dbPath);

    const db = openDatabase(dbPath);
    const s = sessionFor(db, { now: ward.s.now });
    expect(state(s)).toBe(rows);
    expect(compactedChanges(s, 1, max)).toEqual(full);
    if (committed) expect(ownLog(s).every((e) => e.seq > b1.seqTo)).toBe(true);
    else expect(ownLog(s)).toEqual(log);
    // A run to the end afterwards finishes the job.
    const r = compactDatabase(s);
    expect(r.changesCompacted).toBe(committed ? 0 : log.filter((e) => e.seq <= b1.seqTo).length);
    expect(r.vacuumed).toBe(true);
    expect(compactedChanges(s, 1, max)).toEqual(full);
    expect(state(s)).toBe(rows);
    db.close();
  });
});
