/**
 * Benchmark for signed sync bundles (issue 3, item 10). Not a test: it prints figures.
 *
 *   node --import tsx bench/bundles.ts
 *
 * Environment: BENCH_PARTS (default "A,B,C": which parts run; "A" alone prints part A's sizes, the
 * byte-by-byte make-up of its quarter bundle and its times in a few seconds); BENCH_WARDS (default
 * "114,3300"); BENCH_REAL_SAMPLE (default 330: above 1,000 wards the passphrase-key-store import runs
 * on this many bundles only); BENCH_FULL=1 (no sample); BENCH_CITY_ONLY=1 is BENCH_PARTS=C;
 * BENCH_BATCH_ONLY=1 (part C imports only in batch: the one-by-one rows are skipped);
 *
 * A. The demo ward's quarter of changes, exported after a first sync the city acknowledged.
 * B. A full 10-year snapshot of the generated ward (bench/generate-ward.ts), as exportWardBundle({ full: true })
 *    writes it (with one query replaced: see exportSnapshotOuterGroup).
 *    For both: bundle bytes against the same rows as gzip'd JSON and the same indicator values as a
 *    gzip'd DHIS2 dataValueSets document; export, verify and import times.
 * C. One city importing 114 and then 3,300 wards' quarterly bundles, against inserting the same
 *    rows into SQLite directly in one transaction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { openDatabase, type Database } from '../db/database';
import { encodeCompact, type ShortRef } from '../db/bundle/compact-rows';
import { bundleFileName, CHANGES_NAME, DEFAULT_LIMITS, SEALED_CHANGES_NAME } from '../db/bundle/format';
import { openBundle } from '../db/bundle/reader';
import { verifyBundle, type VerifiedChange } from '../db/bundle/verify';
import { writeBundleFile } from '../db/bundle/writer';
import { issueWardCertificate, makeEnrollmentRequest } from '../db/keys/documents';
import { loadOrCreateKey, PassphraseFileKeyStore, type KeyStore, type StoredKey } from '../db/keys/key-store';
import { newStoredKey } from '../db/keys/stored-key';
import { columnsOf, type OwnedTableName } from '../db/owned-tables';
import { createDemoWard } from '../db/services/demo';
import { listIndicators, setValue } from '../db/services/indicators';
import { initCity, upsertOrg } from '../db/services/setup';
import { listTasks, recordProgress } from '../db/services/tasks';
import { newId, type Session } from '../db/session';
import { resolveRefsFor, shortRefsFor } from '../db/sync/compact-refs';
import { cityEnroll, importEnrollmentResponse, writeEnrollmentRequest } from '../db/sync/enroll';
import { compactedChanges, exportWardBundle } from '../db/sync/export';
import { ensureKey } from '../db/sync/identity';
import { importBundle } from '../db/sync/import';
import { importBundles } from '../db/sync/import-batch';
import { publishCatalog } from '../db/sync/publish';
import { lookupTrustedKey, trustKey } from '../db/sync/trust';
import { derivedId } from '../db/natural-ids';
import { normaliseRow } from '../db/write';
import { foldVi } from '../shared/rules/search-fold';
import { parsePeriod } from '../shared/rules/period';
import { BenchClock, generateWard } from './generate-ward';
import {
  benchTempDir,
  checkpointedSize,
  cleanupTempDirs,
  fmtBytes,
  fmtInt,
  fmtMs,
  fmtRatio,
  heading,
  machineLine,
  median,
  nowMs,
  repeatAsync,
  repeatSync,
  subheading,
  table,
  timeAsync,
  timeSync,
} from './stats';

export const PASSPHRASE = 'mật khẩu của benchmark';
const CITY = { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' };

export function keyStoreFor(dbPath: string): PassphraseFileKeyStore {
  return new PassphraseFileKeyStore(`${dbPath}.key`, async () => PASSPHRASE);
}

/** A store that unlocks the key file once and keeps the key, as a long-running city host could. */
class UnlockedOnceKeyStore implements KeyStore {
  private key: Promise<StoredKey | null> | null = null;
  constructor(private readonly inner: KeyStore) {}
  load(): Promise<StoredKey | null> {
    return (this.key ??= this.inner.load());
  }
  async save(key: StoredKey): Promise<void> {
    await this.inner.save(key);
    this.key = Promise.resolve(key);
  }
}

interface Side {
  db: Database;
  s: Session;
  store: PassphraseFileKeyStore;
  clock: BenchClock;
}

function openCity(dir: string, name = 'city.db'): Side {
  const db = openDatabase(path.join(dir, name));
  const clock = new BenchClock('2026-06-01T02:00:00.000Z');
  const s = initCity(db, CITY, clock.now);
  return { db, s, store: keyStoreFor(db.path), clock };
}

async function enroll(ward: { s: Session; store: KeyStore }, city: Side, dir: string): Promise<void> {
  const req = await writeEnrollmentRequest(ward.s, ward.store, path.join(dir, `req-${ward.s.orgCode}.json`));
  const res = await cityEnroll(city.s, city.store, req.path, path.join(dir, `res-${ward.s.orgCode}.json`));
  importEnrollmentResponse(ward.s, res.responsePath);
}

// ---- sizes: the bundle against gzip'd JSON and DHIS2 -----------------------------------------

interface SizeReport {
  rows: number;
  bundleBytes: number;
  changesJsonl: number;
  jsonBytes: number;
  jsonGz: number;
  values: number;
  dhisDataValues: number;
  dhisGz: number;
  valuesJsonGz: number;
  /** The sealed payload entry (compact rows, deflated, age-encrypted); 0 for a format-1 bundle. */
  sealedBytes: number;
  /** The indicator values alone as the bundle writes them: compact rows, deflated (before sealing). */
  valuesCompactDeflate: number;
  /** Rows new to the city: each carries a random UUID, 122 bits no encoding can remove, unless its id is derived. */
  newRows: number;
  /** Of those, rows whose id is derived from their key (db/natural-ids.ts): the bundle does not carry it. */
  derivedIds: number;
  /** Where the bundle file's bytes go. */
  parts: BundleParts;
}

/** The bundle file taken apart byte by byte: what the zip, the manifest, the signature and age each cost. */
interface BundleParts {
  /** Per entry: its name, the bytes stored for it, its local header and its central-directory record. */
  entries: Array<{ name: string; stored: number; raw: number; local: number; central: number }>;
  /** The end-of-central-directory record. */
  end: number;
  /** changes.age: the age header (recipient stanzas and MAC), and the payload's nonce and tags. */
  ageHeader: number;
  ageFraming: number;
  /** The compact rows as deflated, before sealing. */
  deflated: number;
}

function bundleParts(file: string): BundleParts {
  const buf = fs.readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: BundleParts['entries'] = [];
  let ageHeader = 0;
  let ageFraming = 0;
  let deflated = 0;
  for (let i = 0; i < count; i++) {
    const nameLen = buf.readUInt16LE(at + 28);
    const central = 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const stored = buf.readUInt32LE(at + 20);
    const raw = buf.readUInt32LE(at + 24);
    const lh = buf.readUInt32LE(at + 42);
    const local = 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
    // yazl follows each entry with a data descriptor (bit 3 of the flags): 16 bytes with its signature.
    const descriptor = (buf.readUInt16LE(lh + 6) & 8) !== 0 ? 16 : 0;
    entries.push({ name, stored, raw, local: local + descriptor, central });
    if (name === SEALED_CHANGES_NAME) {
      const data = buf.subarray(lh + local, lh + local + stored);
      const mac = data.indexOf('\n--- ');
      ageHeader = data.indexOf(10, mac + 1) + 1;
      const body = stored - ageHeader;
      const chunks = Math.max(1, Math.ceil((body - 16) / (64 * 1024 + 16)));
      ageFraming = 16 + 16 * chunks;
      deflated = body - ageFraming;
    }
    at += central;
  }
  return { entries, end: buf.length - eocd, ageHeader, ageFraming, deflated };
}

/** DHIS2 period syntax: 202603 (month), 2026Q3, 2026S1 (six-monthly), 2026 (year). */
function dhisPeriod(code: string): string {
  const p = parsePeriod(code);
  if (!p) return code;
  switch (p.kind) {
    case 'month':
      return `${p.year}${String(p.index).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}Q${p.index}`;
    case 'half':
      return `${p.year}S${p.index}`;
    case 'year':
      return String(p.year);
  }
}

function sizeReport(
  file: string,
  bundleBytes: number,
  changesBytes: number,
  changes: VerifiedChange[],
  wardDb: Database,
  orgUnit: string,
  sealedBytes: number,
  shortRef: ShortRef,
  known: Set<string>,
): SizeReport {
  const json = Buffer.from(JSON.stringify(changes.map((c) => ({ table: c.table, row: c.row }))), 'utf8');
  const codes = new Map((wardDb.sqlite.prepare('SELECT id, code FROM indicator').all() as Array<{ id: string; code: string }>).map((r) => [r.id, r.code]));
  const values = changes.filter((c) => c.table === 'indicator_value' && !c.row.deleted);
  const dataValues: Array<Record<string, string>> = [];
  for (const c of values) {
    const r = c.row;
    const code = codes.get(String(r.indicator_id)) ?? String(r.indicator_id);
    const base = (dataElement: string, value: unknown) => ({
      dataElement,
      period: dhisPeriod(String(r.period)),
      orgUnit,
      value: String(value),
      storedBy: String(r.by_name),
      lastUpdated: String(r.updated_at),
    });
    dataValues.push(base(code, r.value));
    // A ratio travels as its two data elements too, as DHIS2 would model it.
    if (r.numerator !== null && r.numerator !== undefined) dataValues.push(base(`${code}-NUM`, r.numerator));
    if (r.denominator !== null && r.denominator !== undefined) dataValues.push(base(`${code}-DEN`, r.denominator));
  }
  const dhis = Buffer.from(JSON.stringify({ dataValues }), 'utf8');
  const valuesJson = Buffer.from(JSON.stringify(values.map((c) => ({ table: c.table, row: c.row }))), 'utf8');
  return {
    rows: changes.length,
    bundleBytes,
    changesJsonl: changesBytes,
    jsonBytes: json.length,
    jsonGz: zlib.gzipSync(json).length,
    values: values.length,
    dhisDataValues: dataValues.length,
    dhisGz: zlib.gzipSync(dhis).length,
    valuesJsonGz: zlib.gzipSync(valuesJson).length,
    sealedBytes,
    valuesCompactDeflate: zlib.deflateRawSync(encodeCompact(values, shortRef), { level: 9 }).length,
    newRows: changes.filter((c) => !known.has(String(c.row.id))).length,
    derivedIds: changes.filter((c) => !known.has(String(c.row.id)) && c.row.id === derivedId(c.table, c.row.owner, c.row)).length,
    parts: bundleParts(file),
  };
}

interface Timings {
  keyUnlock: number;
  exportMs: number;
  verifyMs: number;
  verifyRuns: number;
  importMs: number;
  applied: number;
}

async function verifyAtCity(file: string, city: Side): Promise<{ changes: VerifiedChange[]; changesBytes: number; sealedBytes: number }> {
  const archive = await openBundle(file);
  try {
    const v = await verifyBundle(archive, (keyId) => lookupTrustedKey(city.s, keyId), null, {
      identities: async () => [(await loadOrCreateKey(city.store)).key.ageIdentity],
      resolveRef: resolveRefsFor(city.s),
    });
    const m = v.manifest;
    return {
      changes: v.changes,
      changesBytes: m.version === 2 ? m.payload.inflatedBytes : (archive.sizes.get(CHANGES_NAME) ?? 0),
      sealedBytes: archive.sizes.get(SEALED_CHANGES_NAME) ?? 0,
    };
  } finally {
    archive.close();
  }
}

// ---- A. the demo ward's quarter ------------------------------------------------------------

export interface Template {
  initial: VerifiedChange[];
  quarter: VerifiedChange[];
  quarterSeq: { from: number; to: number };
}

/**
 * 'issue': the quarter the speed goals were set against, one progress entry per task and the
 * quarter's value per indicator (22 + 19 rows). 'monthly': an officer who also records every month,
 * three progress entries per task and values for each month and the quarter (66 + 76 rows).
 */
export type QuarterShape = 'issue' | 'monthly';

export async function demoQuarter(
  root: string,
  shape: QuarterShape = 'issue',
): Promise<{ sizes: SizeReport; t: Timings; template: Template; catalogBytes: number }> {
  const dir = path.join(root, `a-${shape}`);
  const usb = path.join(dir, 'usb');
  fs.mkdirSync(usb, { recursive: true });
  const wardClock = new BenchClock('2026-06-25T02:00:00.000Z');
  const wardDb = openDatabase(path.join(dir, 'ward.db'));
  const ward = { db: wardDb, s: createDemoWard(wardDb, { now: wardClock.now }), store: keyStoreFor(wardDb.path) };
  const city = openCity(dir);
  await enroll(ward, city, dir);

  // First sync at the end of Q2: the plan goes up, the city's catalog and receipt come back.
  wardClock.set('2026-06-30');
  city.clock.set('2026-07-01');
  const first = await exportWardBundle(ward.s, ward.store, { outDir: usb });
  if (first.status !== 'written') throw new Error('first export wrote nothing');
  const firstIn = await importBundle(city.s, first.path, { store: city.store });
  if (firstIn.status !== 'applied') throw new Error(`first import: ${firstIn.status} ${JSON.stringify(firstIn.error)}`);
  const down = path.join(dir, 'down');
  fs.mkdirSync(down);
  const pub = await publishCatalog(city.s, city.store, down);
  const ack = await importBundle(ward.s, pub.path, {});
  if (ack.acknowledged.length !== 1) throw new Error('the first bundle was not acknowledged');
  const initial = (await verifyAtCity(first.path, city)).changes;

  const tasks = listTasks(ward.s, { planYear: 2026, asOf: '2026-07-01' });
  const inds = listIndicators(ward.s, { year: 2026, asOf: '2026-07-01' });
  for (const m of shape === 'monthly' ? [7, 8, 9] : [9]) {
    const date = `2026-0${m}-20`;
    wardClock.set(date);
    tasks.forEach((t, i) => {
      const done = m === 9 && i % 3 === 0;
      recordProgress(ward.s, {
        taskId: t.id,
        status: done ? 'done' : 'in_progress',
        percent: done ? 100 : Math.min(95, 20 * (m - 6) + (i % 4) * 5),
        note: done ? 'Đã hoàn thành, gửi báo cáo kèm minh chứng' : `Tháng ${m}: tiếp tục triển khai, đã phối hợp với các tổ dân phố`,
        date,
      });
    });
  }
  const valueFor = (i: number, k: number) => Math.min(100, 60 + ((i * 7 + k * 3) % 40));
  const periods = [
    [1, '2026-M07', '2026-08-05'],
    [2, '2026-M08', '2026-09-05'],
    [3, '2026-M09', '2026-10-01'],
    [4, '2026-Q3', '2026-10-01'],
  ] as const;
  for (const [k, period, entered] of shape === 'monthly' ? periods : periods.slice(3)) {
    wardClock.set(entered);
    inds.forEach((ind, i) => {
      const v = valueFor(i, k);
      if (ind.isRatio) setValue(ward.s, { indicatorCode: ind.code, period, numerator: Math.round(v * 12.5), denominator: 1250 });
      else setValue(ward.s, { indicatorCode: ind.code, period, value: v });
    });
  }

  wardClock.set('2026-10-02');
  city.clock.set('2026-10-05');
  const keyUnlock = (await repeatAsync(3, () => keyStoreFor(wardDb.path).load(), 0)).median;
  const exp = await timeAsync(() => exportWardBundle(ward.s, ward.store, { outDir: usb }));
  const q = exp.value;
  if (q.status !== 'written') throw new Error('quarter export wrote nothing');
  const ver = await repeatAsync(9, () => verifyAtCity(q.path, city));
  const imp = await timeAsync(() => importBundle(city.s, q.path, { store: city.store }));
  if (imp.value.status !== 'applied') throw new Error(`quarter import: ${imp.value.status} ${JSON.stringify(imp.value.error)}`);
  const known = new Set(initial.map((c) => String(c.row.id)));
  const sizes = sizeReport(q.path, q.size, ver.last.changesBytes, ver.last.changes, wardDb, ward.s.orgCode, ver.last.sealedBytes, shortRefsFor(ward.s), known);
  const template = { initial, quarter: ver.last.changes, quarterSeq: { from: q.seqFrom, to: q.seqTo } };
  const catalogBytes = pub.size;
  ward.db.close();
  city.db.close();
  return {
    sizes,
    t: { keyUnlock, exportMs: exp.ms, verifyMs: ver.median, verifyRuns: ver.runs, importMs: imp.ms, applied: imp.value.applied },
    template,
    catalogBytes,
  };
}

// ---- B. the 10-year snapshot ---------------------------------------------------------------

interface RealCompaction {
  logRows: number;
  /** compactedChanges over the whole change log: what a full snapshot starts with. */
  fullMs: number;
}

async function tenYearSnapshot(
  root: string,
): Promise<{ sizes: SizeReport; t: Timings; genMs: number; wardDbBytes: number; cityDbBytes: number; real: RealCompaction }> {
  const dir = path.join(root, 'b');
  const usb = path.join(dir, 'usb');
  fs.mkdirSync(usb, { recursive: true });
  const g = generateWard(path.join(dir, 'ward.db'));
  const ward = { db: g.db, s: g.s, store: keyStoreFor(g.db.path) };
  const city = openCity(dir);
  await enroll(ward, city, dir);
  g.clock.set('2026-10-16');
  city.clock.set('2026-10-17');

  const logRows = (g.db.sqlite.prepare('SELECT max(seq) AS n FROM change_log WHERE origin = ?').get(g.s.installationId) as { n: number }).n;
  const fullMs = timeSync(() => compactedChanges(g.s, 1, logRows)).ms;

  const keyUnlock = (await repeatAsync(3, () => keyStoreFor(g.db.path).load(), 0)).median;
  const exp = await timeAsync(() => exportWardBundle(ward.s, ward.store, { outDir: usb, full: true }));
  if (exp.value.status !== 'written') throw new Error('snapshot export wrote nothing');
  const b = exp.value;
  const ver = await repeatAsync(3, () => verifyAtCity(b.path, city));
  const imp = await timeAsync(() => importBundle(city.s, b.path, { store: city.store }));
  if (imp.value.status !== 'applied') throw new Error(`snapshot import: ${imp.value.status} ${JSON.stringify(imp.value.error)}`);
  // A full snapshot writes every id whole: the city it recovers may hold nothing.
  const sizes = sizeReport(b.path, b.size, ver.last.changesBytes, ver.last.changes, g.db, g.s.orgCode, ver.last.sealedBytes, () => null, new Set());
  const wardDbBytes = checkpointedSize(g.db.sqlite, g.db.path);
  const cityDbBytes = checkpointedSize(city.db.sqlite, city.db.path);
  g.db.close();
  city.db.close();
  return {
    sizes,
    t: { keyUnlock, exportMs: exp.ms, verifyMs: ver.median, verifyRuns: ver.runs, importMs: imp.ms, applied: imp.value.applied },
    genMs: g.totalMs,
    wardDbBytes,
    cityDbBytes,
    real: { logRows, fullMs },
  };
}

// ---- C. a city and its wards ---------------------------------------------------------------

type Row = Record<string, string | number | null>;

/** The template's rows as another ward's: fresh ids (references follow), that ward as owner. */
function remap(changes: VerifiedChange[], ids: Map<string, string>, owner: string): VerifiedChange[] {
  const fresh = (id: string): string => {
    let n = ids.get(id);
    if (!n) ids.set(id, (n = newId()));
    return n;
  };
  for (const c of changes) fresh(String(c.row.id));
  return changes.map((c) => {
    const row: Row = {};
    for (const [k, v] of Object.entries(c.row)) {
      if (k === 'owner') row[k] = owner;
      else if (typeof v === 'string' && ids.has(v)) row[k] = ids.get(v)!;
      else if (k === 'partner_unit_ids' && typeof v === 'string') row[k] = JSON.stringify((JSON.parse(v) as string[]).map((x) => ids.get(x) ?? x));
      else row[k] = v;
    }
    return { seq: c.seq, table: c.table, row };
  });
}

export interface WardFixture {
  code: string;
  origin: string;
  file: string;
  quarter: VerifiedChange[];
  key: StoredKey;
}

/**
 * What applyRemoteRow writes for a row the city has never seen (the row, its task-search entry,
 * the sender's change-log line), with plain INSERTs. Used for the set-up only: applyRemoteRow
 * first runs `DELETE FROM task_search WHERE task_id = ?`, and task_id is an UNINDEXED column of
 * the FTS5 table, so every task written scans every task already at the city; seeding 3,300
 * wards' plans through it took 12 minutes. The probe below measures that path for real.
 */
function seedRows(s: Session, origin: string, changes: VerifiedChange[]): void {
  const db = s.db.sqlite;
  for (const c of changes) {
    const row = normaliseRow(c.table, c.row);
    const cols = Object.keys(row);
    db.prepare(`INSERT INTO "${c.table}" (${cols.map((k) => `"${k}"`).join(', ')}) VALUES (${cols.map((k) => `@${k}`).join(', ')})`).run(row);
    if (c.table === 'task' && !row.deleted) {
      const body = [row.content, row.output, row.person, row.timeline].filter(Boolean).join(' ');
      db.prepare('INSERT INTO task_search (task_id, body) VALUES (?, ?)').run(row.id, foldVi(body));
    }
    db.prepare('INSERT INTO change_log (origin, seq, table_name, row_id, owner, data, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      origin,
      c.seq,
      c.table,
      String(row.id),
      String(row.owner),
      JSON.stringify(row),
      s.now(),
    );
  }
}

interface Probe {
  tasksAtCity: number;
  deleteScanMs: number;
  firstBundleMs: number;
  firstBundleRows: number;
  firstBundleTasks: number;
}

/**
 * A ward that joins a city already holding many wards' plans: the real importBundle of its
 * first bundle (its whole plan), with the city's key already unlocked, and the cost of the
 * task-search DELETE that applyRemoteRow runs for every task row.
 */
async function probeFirstBundle(city: Side, dir: string, template: Template): Promise<Probe> {
  const tasksAtCity = (city.db.sqlite.prepare('SELECT count(*) AS n FROM task_search').get() as { n: number }).n;
  const del = city.db.sqlite.prepare('DELETE FROM task_search WHERE task_id = ?');
  const deleteScanMs = repeatSync(9, () => del.run(newId())).median;
  const cityKey = await ensureKey(city.s, city.store);
  const code = 'HP-WNEW';
  const key = newStoredKey(city.s.now());
  const request = makeEnrollmentRequest(key, {
    wardCode: code,
    wardName: 'Phường mới',
    officer: { name: 'Cán bộ chuyên trách CNTT' },
    createdAt: city.s.now(),
  });
  city.db.sqlite.transaction(() => {
    upsertOrg(city.db, code, 'ward', 'Phường mới', CITY.cityCode, city.s.now());
    trustKey(city.s, code, key.publicKey, key.keyId, issueWardCertificate(cityKey, CITY.cityCode, request, city.s.now()));
  })();
  const rows = remap(template.initial, new Map(), code);
  const lines = rows.map((c) => JSON.stringify({ seq: c.seq, table: c.table, row: c.row }));
  const seqTo = Math.max(...rows.map((c) => c.seq));
  const file = path.join(dir, bundleFileName(code, '2026-Q3', 1, seqTo, 'changes'));
  await writeBundleFile(
    file,
    {
      bundleId: newId(),
      kind: 'changes',
      origin: newId(),
      owner: code,
      ownerKind: 'ward',
      seqFrom: 1,
      seqTo,
      prevManifestSha256: null,
      createdAt: '2026-10-02T02:00:00.000Z',
      keyId: key.keyId,
      counts: { changes: lines.length, blobs: 0 },
    },
    [{ path: CHANGES_NAME, data: Buffer.from(`${lines.join('\n')}\n`, 'utf8') }],
    key,
  );
  const store = new UnlockedOnceKeyStore(city.store);
  await store.load();
  const imp = await timeAsync(() => importBundle(city.s, file, { store }));
  if (imp.value.status !== 'applied') throw new Error(`probe import: ${imp.value.status} ${JSON.stringify(imp.value.error)}`);
  return {
    tasksAtCity,
    deleteScanMs,
    firstBundleMs: imp.ms,
    firstBundleRows: imp.value.applied,
    firstBundleTasks: rows.filter((c) => c.table === 'task').length,
  };
}

export interface CitySetup {
  dir: string;
  city: Side;
  wards: WardFixture[];
  setupMs: number;
  bundleBytes: number;
}

/**
 * n wards enrolled with one city, each with its own key and certificate (the documents of real
 * enrollment, made in memory instead of through files: cityEnroll would unlock the city's key
 * file once per ward). Each ward's plan is already at the city, written by seedRows below exactly
 * as applyRemoteRow would write it, with origin_state set as after a first bundle; and each ward
 * has its own signed quarterly bundle on the "USB stick".
 */
export async function setupCity(root: string, n: number, template: Template): Promise<CitySetup> {
  const t0 = nowMs();
  const dir = path.join(root, `c${n}`);
  const usb = path.join(dir, 'usb');
  fs.mkdirSync(usb, { recursive: true });
  const city = openCity(dir);
  city.clock.set('2026-10-01');
  const cityKey = await ensureKey(city.s, city.store);
  const wards: WardFixture[] = [];
  let bundleBytes = 0;
  const BATCH = 100;
  for (let start = 0; start < n; start += BATCH) {
    const batch: Array<{ code: string; origin: string; key: StoredKey; cert: unknown; initial: VerifiedChange[]; quarter: VerifiedChange[] }> = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      const code = `HP-W${String(i + 1).padStart(4, '0')}`;
      const key = newStoredKey(city.s.now());
      const request = makeEnrollmentRequest(key, {
        wardCode: code,
        wardName: `Phường số ${i + 1}`,
        officer: { name: 'Cán bộ chuyên trách CNTT' },
        createdAt: city.s.now(),
      });
      const cert = issueWardCertificate(cityKey, CITY.cityCode, request, city.s.now());
      const ids = new Map<string, string>();
      batch.push({ code, origin: newId(), key, cert, initial: remap(template.initial, ids, code), quarter: remap(template.quarter, ids, code) });
    }
    city.db.sqlite.transaction(() => {
      city.db.sqlite.pragma('defer_foreign_keys = ON');
      for (const w of batch) {
        upsertOrg(city.db, w.code, 'ward', `Phường ${w.code}`, CITY.cityCode, city.s.now());
        trustKey(city.s, w.code, w.key.publicKey, w.key.keyId, w.cert);
        seedRows(city.s, w.origin, w.initial);
        city.db.sqlite
          .prepare('INSERT INTO origin_state (origin, owner, last_seq, last_manifest_sha256, last_received_at) VALUES (?, ?, ?, NULL, ?)')
          .run(w.origin, w.code, template.quarterSeq.from - 1, city.s.now());
      }
    })();
    for (const w of batch) {
      const lines = w.quarter.map((c) => JSON.stringify({ seq: c.seq, table: c.table, row: c.row }));
      const file = path.join(usb, bundleFileName(w.code, '2026-Q3', template.quarterSeq.from, template.quarterSeq.to, 'changes'));
      const written = await writeBundleFile(
        file,
        {
          bundleId: newId(),
          kind: 'changes',
          origin: w.origin,
          owner: w.code,
          ownerKind: 'ward',
          seqFrom: template.quarterSeq.from,
          seqTo: template.quarterSeq.to,
          prevManifestSha256: null,
          createdAt: '2026-10-02T02:00:00.000Z',
          keyId: w.key.keyId,
          counts: { changes: lines.length, blobs: 0 },
        },
        [{ path: CHANGES_NAME, data: Buffer.from(`${lines.join('\n')}\n`, 'utf8') }],
        w.key,
      );
      bundleBytes += written.size;
      wards.push({ code: w.code, origin: w.origin, file, quarter: w.quarter, key: w.key });
    }
  }
  city.clock.set('2026-10-10');
  city.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { dir, city, wards, setupMs: nowMs() - t0, bundleBytes };
}

/** A copy of the city as it stands (database and key file), for a second run from the same state. */
export function copyCity(setup: CitySetup, name: string): string {
  setup.city.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const target = path.join(setup.dir, name);
  fs.copyFileSync(setup.city.db.path, target);
  fs.copyFileSync(`${setup.city.db.path}.key`, `${target}.key`);
  return target;
}

interface ImportRun {
  bundles: number;
  totalMs: number;
  perBundle: number[];
  applied: number;
  statuses: Record<string, number>;
}

async function importAll(s: Session, files: string[], store: KeyStore): Promise<ImportRun> {
  const perBundle: number[] = [];
  const statuses: Record<string, number> = {};
  let applied = 0;
  const t0 = nowMs();
  for (const f of files) {
    const t = nowMs();
    const r = await importBundle(s, f, { store });
    perBundle.push(nowMs() - t);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    if (r.status !== 'applied' && (statuses[r.status] ?? 0) <= 3)
      console.log(`  ! ${path.basename(f)}: ${r.status} ${r.error?.code ?? ''} ${JSON.stringify(r.error?.params ?? {})}`);
    applied += r.applied;
  }
  return { bundles: files.length, totalMs: nowMs() - t0, perBundle, applied, statuses };
}

/** As `city import` does: every file in one batch (groups in one transaction each, files verified in worker threads). */
async function importBatched(s: Session, files: string[], store: KeyStore): Promise<ImportRun> {
  const statuses: Record<string, number> = {};
  const t0 = nowMs();
  const out = await importBundles(s, files, { cityKey: await ensureKey(s, store) });
  const totalMs = nowMs() - t0;
  let applied = 0;
  for (const r of out) {
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    if (r.status !== 'applied' && (statuses[r.status] ?? 0) <= 3) console.log(`  ! ${path.basename(r.file)}: ${r.status} ${r.error?.code ?? ''}`);
    applied += r.applied;
  }
  return { bundles: files.length, totalMs, perBundle: [], applied, statuses };
}

/** The same rows straight into their tables: prepared INSERTs, one transaction, nothing checked. */
function directInsert(dbPath: string, wards: WardFixture[], withChangeLog: boolean): { ms: number; rows: number } {
  const db = openDatabase(dbPath, { mustExist: true });
  const stmts = new Map<OwnedTableName, ReturnType<typeof db.sqlite.prepare>>();
  const stmt = (t: OwnedTableName) => {
    let p = stmts.get(t);
    if (!p) {
      const cols = columnsOf(t).map((c) => c.name);
      stmts.set(t, (p = db.sqlite.prepare(`INSERT INTO "${t}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`)));
    }
    return p;
  };
  const log = db.sqlite.prepare('INSERT INTO change_log (origin, seq, table_name, row_id, owner, data, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const at = '2026-10-10T02:00:00.000Z';
  let rows = 0;
  const t0 = nowMs();
  db.sqlite.transaction(() => {
    for (const w of wards) {
      for (const c of w.quarter) {
        stmt(c.table).run(c.row);
        if (withChangeLog) log.run(w.origin, c.seq, c.table, String(c.row.id), w.code, JSON.stringify(c.row), at);
        rows++;
      }
    }
  })();
  const ms = nowMs() - t0;
  db.close();
  return { ms, rows };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

interface CityResult {
  n: number;
  setup: { ms: number; bundleBytes: number; rowsPerBundle: number };
  /** Null when BENCH_BATCH_ONLY skipped the one-by-one imports. */
  real: (ImportRun & { sampled: boolean }) | null;
  unlocked: ImportRun | null;
  batched: ImportRun;
  direct: { ms: number; rows: number };
  directLog: { ms: number; rows: number };
  cityDbBytes: number;
  catalog: { ms: number; bytes: number; receipts: number };
  probe: Probe;
  wallMs: number;
}

async function cityRun(root: string, n: number, template: Template, realSample: number | null, batchOnly: boolean): Promise<CityResult> {
  const wall = nowMs();
  console.log(`\n[${n} wards] setting up: keys, certificates, plans at the city, ${n} signed quarterly bundles ...`);
  const setup = await setupCity(root, n, template);
  console.log(`[${n} wards] set up in ${fmtMs(setup.setupMs)}; importing ...`);
  const files = setup.wards.map((w) => w.file);
  const unlockedPath = copyCity(setup, 'city-unlocked.db');
  const batchedPath = copyCity(setup, 'city-batched.db');
  const directPath = copyCity(setup, 'city-direct.db');
  const directLogPath = copyCity(setup, 'city-direct-log.db');

  // As `wardplan city import PATH...` does: one PassphraseFileKeyStore for every file.
  const realFiles = realSample === null ? files : files.slice(0, realSample);
  const real = batchOnly ? null : await importAll(setup.city.s, realFiles, setup.city.store);
  if (real) console.log(`[${n} wards] passphrase key store: ${realFiles.length} bundles in ${fmtMs(real.totalMs)}`);
  const catalogT = nowMs();
  const catalog = await publishCatalog(setup.city.s, setup.city.store, setup.dir);
  const catalogMs = nowMs() - catalogT;
  const probe = await probeFirstBundle(setup.city, setup.dir, template);
  const cityDbBytes = checkpointedSize(setup.city.db.sqlite, setup.city.db.path);
  setup.city.db.close();

  // The same files into an identical copy, with the city's key unlocked once.
  const u = openDatabase(unlockedPath, { mustExist: true });
  const uClock = new BenchClock('2026-10-10T02:00:00.000Z');
  const uSession: Session = { ...setup.city.s, db: u, now: uClock.now };
  const unlocked = batchOnly ? null : await importAll(uSession, files, new UnlockedOnceKeyStore(keyStoreFor(unlockedPath)));
  if (unlocked) console.log(`[${n} wards] key unlocked once: ${files.length} bundles in ${fmtMs(unlocked.totalMs)}`);
  u.close();

  const bdb = openDatabase(batchedPath, { mustExist: true });
  const batched = await importBatched(
    { ...setup.city.s, db: bdb, now: new BenchClock('2026-10-10T02:00:00.000Z').now },
    files,
    new UnlockedOnceKeyStore(keyStoreFor(batchedPath)),
  );
  console.log(`[${n} wards] batched: ${files.length} bundles in ${fmtMs(batched.totalMs)}`);
  bdb.close();

  const direct = directInsert(directPath, setup.wards, false);
  const directLog = directInsert(directLogPath, setup.wards, true);
  for (const f of [unlockedPath, batchedPath, directPath, directLogPath])
    for (const x of [f, `${f}-wal`, `${f}-shm`, `${f}.key`]) fs.rmSync(x, { force: true });
  const rowsPerBundle = setup.wards[0]?.quarter.length ?? 0;
  fs.rmSync(setup.dir, { recursive: true, force: true });
  return {
    n,
    setup: { ms: setup.setupMs, bundleBytes: setup.bundleBytes, rowsPerBundle },
    real: real && { ...real, sampled: realSample !== null },
    unlocked,
    batched,
    direct,
    directLog,
    cityDbBytes,
    catalog: { ms: catalogMs, bytes: catalog.size, receipts: catalog.receipts },
    probe,
    wallMs: nowMs() - wall,
  };
}

// ---- printing ------------------------------------------------------------------------------

function printSizes(q: SizeReport, a: SizeReport, b: SizeReport | null): void {
  const r = (x: number, y: number) => fmtRatio(x, y);
  // Without part B its column is left out (and its figures, taken from A, never printed).
  const cols = (row: string[]) => (b ? row : row.slice(0, 3));
  const bb = b ?? q;
  console.log(
    table(
      cols(['figure', 'A. quarter (22 + 19)', 'A2. monthly quarter', 'B. 10-year snapshot']),
      [
        ['rows (changes) in the bundle', fmtInt(q.rows), fmtInt(a.rows), fmtInt(bb.rows)],
        ['  of them new to the city (a random UUID: about 16 bytes no encoding removes)', fmtInt(q.newRows), fmtInt(a.newRows), fmtInt(bb.newRows)],
        ['  of those, with an id derived from their key, not carried', fmtInt(q.derivedIds), fmtInt(a.derivedIds), fmtInt(bb.derivedIds)],
        [
          'bundle file (.wpb format 2: zip, manifest, signature, sealed payload)',
          `${fmtInt(q.bundleBytes)} B`,
          fmtBytes(a.bundleBytes),
          fmtBytes(bb.bundleBytes),
        ],
        ['  goal for A: ≤ 2,500 B in all', q.bundleBytes <= 2500 ? 'met' : 'NOT met', '', ''],
        [
          '  changes.age inside it (compact rows, deflated, sealed to 2 recipients)',
          fmtBytes(q.sealedBytes),
          fmtBytes(a.sealedBytes),
          fmtBytes(bb.sealedBytes),
        ],
        ['  compact rows before compression', fmtBytes(q.changesJsonl), fmtBytes(a.changesJsonl), fmtBytes(bb.changesJsonl)],
        [
          `  compact rows / the reader's ${DEFAULT_LIMITS.maxChangesBytes / 1048576} MiB limit for them`,
          `${((100 * q.changesJsonl) / DEFAULT_LIMITS.maxChangesBytes).toFixed(2)}%`,
          `${((100 * a.changesJsonl) / DEFAULT_LIMITS.maxChangesBytes).toFixed(2)}%`,
          `${((100 * bb.changesJsonl) / DEFAULT_LIMITS.maxChangesBytes).toFixed(1)}%`,
        ],
        ['(i) same rows as a JSON array [{table,row}], plain', fmtBytes(q.jsonBytes), fmtBytes(a.jsonBytes), fmtBytes(bb.jsonBytes)],
        ['(i) same rows as a JSON array, gzip (zlib.gzipSync)', fmtBytes(q.jsonGz), fmtBytes(a.jsonGz), fmtBytes(bb.jsonGz)],
        ['    bundle / (i)', r(q.bundleBytes, q.jsonGz), r(a.bundleBytes, a.jsonGz), r(bb.bundleBytes, bb.jsonGz)],
        ['indicator values among the rows', fmtInt(q.values), fmtInt(a.values), fmtInt(bb.values)],
        ['(ii) DHIS2 dataValueSets, gzip — indicator values ONLY', fmtBytes(q.dhisGz), fmtBytes(a.dhisGz), fmtBytes(bb.dhisGz)],
        ['     dataValues in it (ratios add -NUM and -DEN)', fmtInt(q.dhisDataValues), fmtInt(a.dhisDataValues), fmtInt(bb.dhisDataValues)],
        ['     bundle (all rows) / (ii) (values only)', r(q.bundleBytes, q.dhisGz), r(a.bundleBytes, a.dhisGz), r(bb.bundleBytes, bb.dhisGz)],
        ['     like for like: WardPlan value rows as JSON, gzip', fmtBytes(q.valuesJsonGz), fmtBytes(a.valuesJsonGz), fmtBytes(bb.valuesJsonGz)],
        ['     WardPlan value rows gzip / (ii)', r(q.valuesJsonGz, q.dhisGz), r(a.valuesJsonGz, a.dhisGz), r(bb.valuesJsonGz, bb.dhisGz)],
        [
          '     value rows as the bundle writes them (compact, deflate)',
          fmtBytes(q.valuesCompactDeflate),
          fmtBytes(a.valuesCompactDeflate),
          fmtBytes(bb.valuesCompactDeflate),
        ],
        [
          '     compact value rows / (ii) (goal ≤ 1)',
          r(q.valuesCompactDeflate, q.dhisGz),
          r(a.valuesCompactDeflate, a.dhisGz),
          r(bb.valuesCompactDeflate, bb.dhisGz),
        ],
      ].map(cols),
    ),
  );
}

/** Where each byte of the bundle goes, exactly: the fixed cost every bundle pays beside its rows. */
function printParts(q: SizeReport, a: SizeReport): void {
  const rows: string[][] = [];
  const sum = (p: BundleParts) => p.entries.reduce((n, e) => n + e.stored + e.local + e.central, p.end);
  for (const [i, e] of q.parts.entries.entries()) {
    const e2 = a.parts.entries[i];
    const same = e2?.name === e.name;
    rows.push([`${e.name}: stored (inflated ${fmtInt(e.raw)})`, fmtInt(e.stored), same ? fmtInt(e2.stored) : '?']);
    rows.push([`${e.name}: local header + central record`, `${e.local} + ${e.central}`, same ? `${e2.local} + ${e2.central}` : '?']);
  }
  rows.push(['end of central directory', fmtInt(q.parts.end), fmtInt(a.parts.end)]);
  rows.push(['  sum (= the file)', fmtInt(sum(q.parts)), fmtInt(sum(a.parts))]);
  rows.push([`${SEALED_CHANGES_NAME}: age header (2 recipients, MAC)`, fmtInt(q.parts.ageHeader), fmtInt(a.parts.ageHeader)]);
  rows.push([`${SEALED_CHANGES_NAME}: age nonce and tags`, fmtInt(q.parts.ageFraming), fmtInt(a.parts.ageFraming)]);
  rows.push([`${SEALED_CHANGES_NAME}: the deflated compact rows`, fmtInt(q.parts.deflated), fmtInt(a.parts.deflated)]);
  const fixed = (x: SizeReport) => x.bundleBytes - x.parts.deflated;
  rows.push(['everything but the deflated rows (zip, manifest, signature, age)', fmtInt(fixed(q)), fmtInt(fixed(a))]);
  console.log(table(['bytes of the bundle file', 'A. quarter (22 + 19)', 'A2. monthly quarter'], rows));
}

function printTimes(q: Timings, a: Timings, b: Timings | null): void {
  const cols = (row: string[]) => (b ? row : row.slice(0, 3));
  const bb = b ?? q;
  console.log(
    table(
      cols(['time', 'A. quarter (22 + 19)', 'A2. monthly quarter', 'B. 10-year snapshot']),
      [
        ['key unlock alone (scrypt N=2^15 + AES-GCM), median of 3', fmtMs(q.keyUnlock), fmtMs(a.keyUnlock), fmtMs(bb.keyUnlock)],
        ['export, incl. one key unlock (exportWardBundle)', fmtMs(q.exportMs), fmtMs(a.exportMs), fmtMs(bb.exportMs)],
        [
          `verify (openBundle + verifyBundle), median`,
          `${fmtMs(q.verifyMs)} (${q.verifyRuns} runs)`,
          `${fmtMs(a.verifyMs)} (${a.verifyRuns} runs)`,
          `${fmtMs(bb.verifyMs)} (${bb.verifyRuns} runs)`,
        ],
        ['import at the city (importBundle, one run, incl. key unlock)', fmtMs(q.importMs), fmtMs(a.importMs), fmtMs(bb.importMs)],
        ['rows applied', fmtInt(q.applied), fmtInt(a.applied), fmtInt(bb.applied)],
      ].map(cols),
    ),
  );
}

function printCity(results: CityResult[]): void {
  for (const c of results) {
    subheading(`C. ${fmtInt(c.n)} wards' quarterly bundles into one city`);
    console.log(
      `each bundle: ${c.setup.rowsPerBundle} rows (the demo ward's Q3, part A${c.setup.rowsPerBundle > 41 ? '2' : ''}), ${fmtBytes(c.setup.bundleBytes / c.n)} on average; ` +
        `${fmtBytes(c.setup.bundleBytes)} for all ${fmtInt(c.n)}`,
    );
    console.log(
      `set-up (not timed below): ${fmtMs(c.setup.ms)} for keys, certificates, each ward's plan at the city (seeded, see seedRows) and its signed bundle`,
    );
    const rows: Array<Array<string>> = [];
    const real = c.real;
    const projected = real ? (real.sampled ? (real.totalMs / real.bundles) * c.n : real.totalMs) : NaN;
    if (real?.sampled) {
      console.log(
        `NOTE: the passphrase-store run imported only the first ${fmtInt(real.bundles)} of ${fmtInt(c.n)} bundles (time budget; BENCH_FULL=1 runs all): ` +
          `its total is projected from their mean, and its rows are the sample's. Every bundle ran in the other rows.`,
      );
    }
    if (real) {
      rows.push([
        'importBundle, passphrase key store (unlocked for every bundle)',
        `${fmtInt(real.bundles)}${real.sampled ? ' (sample)' : ''}`,
        fmtInt(real.applied),
        `${fmtMs(real.totalMs)}${real.sampled ? ` → ${fmtMs(projected)} projected` : ''}`,
        fmtMs(real.totalMs / real.bundles),
        fmtMs(median(real.perBundle)),
        fmtMs(pct(real.perBundle, 95)),
        fmtRatio(projected, c.direct.ms),
      ]);
    }
    const u = c.unlocked;
    if (u) {
      rows.push([
        'importBundle, city key unlocked once (as `city import` does)',
        fmtInt(u.bundles),
        fmtInt(u.applied),
        fmtMs(u.totalMs),
        fmtMs(u.totalMs / u.bundles),
        fmtMs(median(u.perBundle)),
        fmtMs(pct(u.perBundle, 95)),
        fmtRatio(u.totalMs, c.direct.ms),
      ]);
    }
    rows.push([
      'importBundles: groups in one transaction, a savepoint each, verified in worker threads (`city import`)',
      fmtInt(c.batched.bundles),
      fmtInt(c.batched.applied),
      fmtMs(c.batched.totalMs),
      fmtMs(c.batched.totalMs / c.batched.bundles),
      '-',
      '-',
      fmtRatio(c.batched.totalMs, c.direct.ms),
    ]);
    rows.push([
      'direct: prepared INSERTs, one transaction',
      fmtInt(c.n),
      fmtInt(c.direct.rows),
      fmtMs(c.direct.ms),
      fmtMs(c.direct.ms / c.n),
      '-',
      '-',
      '1.00x',
    ]);
    rows.push([
      'direct + a change_log row per row',
      fmtInt(c.n),
      fmtInt(c.directLog.rows),
      fmtMs(c.directLog.ms),
      fmtMs(c.directLog.ms / c.n),
      '-',
      '-',
      fmtRatio(c.directLog.ms, c.direct.ms),
    ]);
    console.log(table(['way', 'bundles', 'rows', 'total', 'mean/bundle', 'median', 'p95', 'vs direct'], rows));
    console.log('direct = the same rows, already parsed in memory, straight into their tables of an identical copy of the city');
    console.log('(no zip, no signature or hash check, no ownership check, no receipt); "+ change_log" adds the copy importBundle keeps.');
    if (real && u) {
      console.log(
        `ratio importBundle / direct + change_log: ${fmtRatio(projected, c.directLog.ms)} (passphrase store), ${fmtRatio(u.totalMs, c.directLog.ms)} (key unlocked once)`,
      );
    } else console.log('(BENCH_BATCH_ONLY=1: the one-by-one imports were skipped)');
    const perSec = (rows: number, ms: number) => `${fmtInt(Math.round(rows / (ms / 1000)))} rows/s`;
    console.log(
      `batched import: ${fmtMs(c.batched.totalMs)} for ${fmtInt(c.batched.bundles)} bundles (goal ≤ 10 s); ` +
        `throughput ${perSec(c.batched.applied, c.batched.totalMs)} against ${perSec(c.direct.rows, c.direct.ms)} direct = ` +
        `${((100 * c.direct.ms) / c.batched.totalMs).toFixed(1)}% (goal ≥ 25%), ${((100 * c.directLog.ms) / c.batched.totalMs).toFixed(1)}% of direct + change_log`,
    );
    console.log(
      `statuses: ${JSON.stringify(real?.statuses ?? '-')} / ${JSON.stringify(u?.statuses ?? '-')} / ${JSON.stringify(c.batched.statuses)}; city database afterwards: ${fmtBytes(c.cityDbBytes)}; ` +
        `catalog published afterwards: ${fmtBytes(c.catalog.bytes)} carrying ${fmtInt(c.catalog.receipts)} receipts (${fmtMs(c.catalog.ms)})`,
    );
    console.log(
      `a new ward's first bundle (its plan: ${c.probe.firstBundleRows} rows, ${c.probe.firstBundleTasks} tasks) into this city: ${fmtMs(c.probe.firstBundleMs)} (key already unlocked); ` +
        `DELETE FROM task_search WHERE task_id = ? with ${fmtInt(c.probe.tasksAtCity)} tasks indexed: ${fmtMs(c.probe.deleteScanMs)} each`,
    );
    console.log(`whole ${fmtInt(c.n)}-ward run (set-up, both imports, direct inserts, catalog): ${fmtMs(c.wallMs)}`);
  }
}

// ---- main ----------------------------------------------------------------------------------

async function main(): Promise<void> {
  heading('WardPlan sync bundle benchmark (issue 3, item 10)');
  console.log(machineLine());
  const root = benchTempDir('wardplan-bench-bundles-');

  console.log('\nA. demo ward (22 tasks, 19 indicators) enrolled with a city; first sync acknowledged; then Q3 2026:');
  console.log('   one progress entry per task (22) and the Q3 value per indicator (19): the quarter the goals were set against.');
  console.log('A2. the same, for an officer who records every month: a progress entry per task per month (66) and values');
  console.log('   for M07, M08, M09 and Q3 per indicator (76).');
  const q = await demoQuarter(root, 'issue');
  const a = await demoQuarter(root, 'monthly');
  // Part C always builds on part A's quarters; BENCH_PARTS=C (or BENCH_CITY_ONLY=1) only leaves their figures out.
  const parts = new Set((process.env.BENCH_PARTS ?? (process.env.BENCH_CITY_ONLY === '1' ? 'C' : 'A,B,C')).toUpperCase().split(','));
  let b: Awaited<ReturnType<typeof tenYearSnapshot>> | null = null;
  if (parts.has('B')) {
    console.log('B. generated ward: 10 years (2017–2026), 300 tasks and 50 indicators a year, monthly values, 20 progress');
    console.log('   entries per task; enrolled with a fresh city; a full snapshot exported, verified and imported.');
    b = await tenYearSnapshot(root);
    console.log(`   (generation ${fmtMs(b.genMs)}; ward database ${fmtBytes(b.wardDbBytes)}; city database after import ${fmtBytes(b.cityDbBytes)})`);
  }
  if (parts.has('A')) {
    subheading('Sizes');
    printSizes(q.sizes, a.sizes, b?.sizes ?? null);
    console.log('DHIS2 document: { dataValues: [{ dataElement, period (202607, 2026Q3, 2026), orgUnit, value, storedBy, lastUpdated }] },');
    console.log('dataElement and orgUnit by code (idScheme=CODE). It carries the indicator values only — no tasks, progress, plan,');
    console.log('targets or catalog — so "bundle / (ii)" compares everything against a part; the like-for-like line is below it.');
    subheading('The quarter bundles, byte by byte');
    printParts(q.sizes, a.sizes);
    subheading('Times');
    printTimes(q.t, a.t, b?.t ?? null);
    if (b)
      console.log(
        `\ncompactedChanges over the whole 10-year change log (${fmtInt(b.real.logRows)} rows, the start of a full snapshot): ${fmtMs(b.real.fullMs)}`,
      );
  }
  if (!parts.has('C')) {
    cleanupTempDirs();
    return;
  }

  const counts = (process.env.BENCH_WARDS ?? '114,3300')
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((x) => x > 0);
  const results: CityResult[] = [];
  // BENCH_QUARTER=monthly imports A2's heavier quarter instead.
  const cityQuarter = process.env.BENCH_QUARTER === 'monthly' ? a : q;
  // The passphrase store costs one scrypt unlock (~0.1 s) per bundle: for thousands of wards that
  // run takes a sample (every bundle still runs with the key unlocked once, and directly).
  const sampleSize = Number(process.env.BENCH_REAL_SAMPLE ?? 330);
  for (const n of counts) {
    const sample = process.env.BENCH_FULL === '1' || n <= 1000 || sampleSize >= n ? null : sampleSize;
    results.push(await cityRun(root, n, { ...cityQuarter.template }, sample, process.env.BENCH_BATCH_ONLY === '1'));
  }
  printCity(results);
  console.log(`\ncatalog bundle of part A's city (1 ward, 1 receipt): ${fmtBytes(a.catalogBytes)}`);
  cleanupTempDirs();
}

// Run as a script; bench/hub.ts imports the fixtures above without running this benchmark.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e) => {
    cleanupTempDirs();
    console.error(e);
    process.exit(1);
  });
}
