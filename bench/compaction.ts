/**
 * A lean database (issue 14, item 5).
 *
 * A. The 10-year ward (bench/generate-ward.ts) sends everything to the city, which acknowledges it
 *    in its next catalog; importing that catalog compacts the ward's history on its own. The file
 *    size before and after (goal: at most 40 MiB), where the bytes are, and proof that a full
 *    snapshot reads the same after compaction.
 * B. The city's catalog after one, two, four and eight quarters of 3,300 wards' bundles: the
 *    receipts every catalog carried before (every receipt ever issued) against the receipts it
 *    carries now (those the ward has not yet shown it holds). One ward in twenty misses every
 *    catalog, so its bundles keep starting at 1 and its receipts keep travelling. The bundles are
 *    not built: their bundle_in rows and real signed receipts are written directly, which is all
 *    the catalog reads.
 *
 * Environment: BENCH_WARDS (default 3300) for part B.
 */
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import zlib from 'node:zlib';
import { openDatabase } from '../db/database';
import { PassphraseFileKeyStore } from '../db/keys/key-store';
import { initCity } from '../db/services/setup';
import type { Session } from '../db/session';
import { cityEnroll, importEnrollmentResponse, writeEnrollmentRequest } from '../db/sync/enroll';
import { compactedChanges, exportWardBundle, sequenceState } from '../db/sync/export';
import { ensureKey } from '../db/sync/identity';
import { importBundle } from '../db/sync/import';
import { openReceipts, publishCatalog } from '../db/sync/publish';
import { signReceipt } from '../db/sync/receipts';
import { BenchClock, generateWard } from './generate-ward';
import {
  benchTempDir,
  checkpointedSize,
  cleanupTempDirs,
  fmtBytes,
  fmtInt,
  fmtMs,
  heading,
  machineLine,
  subheading,
  table,
  timeAsync,
  timeSync,
} from './stats';

const PASSPHRASE = 'mật khẩu của benchmark';
const MIB = 1024 * 1024;
const GOAL_MIB = 40;

const storeFor = (dbPath: string) => new PassphraseFileKeyStore(`${dbPath}.key`, async () => PASSPHRASE);

function largest(s: Session, n: number): Array<[string, string]> {
  try {
    const rows = s.db.sqlite.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT ?').all(n) as Array<{
      name: string;
      bytes: number;
    }>;
    return rows.map((r) => [r.name, fmtBytes(r.bytes)]);
  } catch {
    return [];
  }
}

async function tenYearWard(): Promise<void> {
  subheading('A. The 10-year ward: acknowledged by the city, then compacted');
  const dir = benchTempDir('wardplan-bench-compact-');
  const g = generateWard(path.join(dir, 'ward.db'));
  const ward = { s: g.s, store: storeFor(g.db.path) };
  const before = checkpointedSize(g.db.sqlite, g.db.path);
  const beforeTop = largest(g.s, 6);

  const cityDb = openDatabase(path.join(dir, 'city.db'));
  const city = {
    s: initCity(cityDb, { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' }, new BenchClock('2026-10-15T02:00:00.000Z').now),
    store: storeFor(cityDb.path),
  };
  const req = await writeEnrollmentRequest(ward.s, ward.store, path.join(dir, 'req.json'));
  const res = await cityEnroll(city.s, city.store, req.path, path.join(dir, 'res.json'));
  importEnrollmentResponse(ward.s, res.responsePath);

  const exported = await timeAsync(() => exportWardBundle(ward.s, ward.store, { outDir: dir }));
  const b = exported.value;
  if (b.status !== 'written') throw new Error('the ward had nothing to send');
  const applied = await timeAsync(() => importBundle(city.s, b.path, { store: city.store }));
  if (applied.value.status !== 'applied') throw new Error(`the city did not apply the bundle: ${JSON.stringify(applied.value.error)}`);
  const cat = await publishCatalog(city.s, city.store, dir);

  const max = sequenceState(ward.s).maxSeq;
  const readBefore = timeSync(() => JSON.stringify(compactedChanges(ward.s, 1, max)));
  const snapshotBefore = readBefore.value;
  const sizeAcked = checkpointedSize(g.db.sqlite, g.db.path);
  // Importing the catalog acknowledges the bundle and compacts (with VACUUM when it pays).
  const back = await timeAsync(() => importBundle(ward.s, cat.path, {}));
  if (back.value.acknowledged.length !== 1) throw new Error('the catalog did not acknowledge the bundle');
  const after = checkpointedSize(g.db.sqlite, g.db.path);
  const readAfter = timeSync(() => JSON.stringify(compactedChanges(ward.s, 1, max)));
  const snapshotSame = readAfter.value === snapshotBefore;
  const log = g.db.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number };
  const acked = g.db.sqlite.prepare('SELECT count(*) AS n, count(data) AS whole FROM change_log_acked').get() as { n: number; whole: number };

  console.log(
    table(
      ['figure', 'value'],
      [
        ['change-log rows written over 10 years', fmtInt(max)],
        ['database after generation', `${fmtBytes(before)} (${(before / MIB).toFixed(1)} MiB)`],
        ['database after the full export (before the catalog came back)', `${fmtBytes(sizeAcked)} (${(sizeAcked / MIB).toFixed(1)} MiB)`],
        ['database after the catalog acknowledged it (compacted, VACUUM)', `${fmtBytes(after)} (${(after / MIB).toFixed(1)} MiB)`],
        ['goal', `≤ ${GOAL_MIB} MiB: ${after <= GOAL_MIB * MIB ? 'met' : 'NOT met'} (${((100 * after) / before).toFixed(0)}% of before)`],
        ['change-log rows left / acknowledged versions kept (of which stored whole)', `${fmtInt(log.n)} / ${fmtInt(acked.n)} (${fmtInt(acked.whole)})`],
        ['full snapshot reads the same after compaction', snapshotSame ? 'yes' : 'NO'],
        ["full snapshot's rows read from the log, before / after compaction", `${fmtMs(readBefore.ms)} / ${fmtMs(readAfter.ms)}`],
        ['export (10 years) / city import / catalog import incl. compaction', `${fmtMs(exported.ms)} / ${fmtMs(applied.ms)} / ${fmtMs(back.ms)}`],
      ],
    ),
  );
  const afterTop = largest(g.s, 6);
  if (beforeTop.length) {
    console.log('\nLargest b-trees before and after (dbstat):');
    console.log(
      table(
        ['before', 'size', 'after', 'size'],
        beforeTop.map((r, i) => [r[0], r[1], afterTop[i]?.[0] ?? '', afterTop[i]?.[1] ?? '']),
      ),
    );
  }
  g.db.close();
  cityDb.close();
}

async function cityCatalogs(wards: number): Promise<void> {
  subheading(`B. The city's catalog: receipts after quarters of ${fmtInt(wards)} wards' bundles`);
  const dir = benchTempDir('wardplan-bench-receipts-');
  const db = openDatabase(path.join(dir, 'city.db'));
  const clock = new BenchClock('2027-01-05T02:00:00.000Z');
  const s = initCity(db, { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' }, clock.now);
  const key = await ensureKey(s, storeFor(db.path));
  const list = Array.from({ length: wards }, (_, i) => ({
    code: `HP-P${String(i + 1).padStart(4, '0')}`,
    origin: randomUUID(),
    keyId: createHash('sha256').update(`k${i}`).digest('hex').slice(0, 16),
    // One ward in twenty never gets a catalog: it never learns of a receipt, so it always starts again at 1.
    missesCatalogs: i % 20 === 0,
  }));
  const org = db.sqlite.prepare("INSERT INTO org (code, kind, name, parent_code, updated_at) VALUES (?, 'ward', ?, 'HP', ?)");
  db.sqlite.transaction(() => list.forEach((w, i) => org.run(w.code, `Phường số ${i + 1}`, clock.now())))();
  const insert = db.sqlite.prepare(
    `INSERT INTO bundle_in (bundle_id, origin, owner, kind, seq_from, seq_to, manifest_sha256, prev_manifest_sha256, key_id, status, received_at, applied_at, receipt)
     VALUES (?, ?, ?, 'changes', ?, ?, ?, NULL, ?, 'applied', ?, ?, ?)`,
  );
  const PER_QUARTER = 41;
  const rows: Array<Array<string | number>> = [];
  let all: unknown[] = [];
  for (let q = 1; q <= 8; q++) {
    clock.set(`${2027 + Math.floor((q - 1) / 4)}-${String(((q - 1) % 4) * 3 + 1).padStart(2, '0')}-05`);
    db.sqlite.transaction(() => {
      for (const w of list) {
        const seqTo = q * PER_QUARTER;
        const seqFrom = w.missesCatalogs ? 1 : seqTo - PER_QUARTER + 1;
        const bundleId = randomUUID();
        const manifest = createHash('sha256').update(bundleId).digest('hex');
        const at = clock.now();
        const receipt = signReceipt(key, {
          cityCode: 'HP',
          cityKeyId: key.keyId,
          wardCode: w.code,
          bundleId,
          manifestSha256: manifest,
          origin: w.origin,
          seqFrom,
          seqTo,
          changes: PER_QUARTER,
          appliedAt: at,
        });
        all.push(receipt);
        insert.run(bundleId, w.origin, w.code, seqFrom, seqTo, manifest, w.keyId, at, at, JSON.stringify(receipt));
      }
    })();
    if (![1, 2, 4, 8].includes(q)) continue;
    const open = openReceipts(s);
    const cat = await publishCatalog(s, null, dir, { key });
    const one = await publishCatalog(s, null, dir, { key, forWard: list[1]!.code });
    const deflated = (x: unknown[]) => zlib.deflateRawSync(Buffer.from(JSON.stringify(x), 'utf8')).length;
    rows.push([
      q,
      fmtInt(all.length),
      fmtBytes(deflated(all)),
      fmtInt(open.length),
      fmtBytes(deflated(open)),
      fmtBytes(cat.size),
      `${fmtInt(cat.receipts)} receipts, ${fmtInt(cat.wards)} wards`,
      `${fmtBytes(one.size)} (${one.receipts})`,
    ]);
  }
  all = [];
  console.log(
    table(
      [
        'quarters',
        'receipts issued (carried before)',
        'deflated',
        'carried now',
        'deflated',
        'catalog file now',
        'catalog carries',
        "one ward's, from the hub",
      ],
      rows,
    ),
  );
  console.log(
    'After one quarter every receipt is still open (no ward has sent a later bundle yet), so the catalog is as large as before;\n' +
      'from then on it carries about one receipt per ward (plus every receipt of the wards that miss catalogs) instead of growing by 3,300 a quarter.',
  );
  db.close();
}

async function main(): Promise<void> {
  heading('WardPlan lean database benchmark (issue 14, item 5)');
  console.log(machineLine());
  await tenYearWard();
  await cityCatalogs(Number(process.env.BENCH_WARDS ?? 3300));
  cleanupTempDirs();
}

main().catch((e) => {
  cleanupTempDirs();
  console.error(e);
  process.exit(1);
});
