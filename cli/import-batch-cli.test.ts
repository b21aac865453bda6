/**
 * `city import` of a folder through the batch import, from the TypeScript sources and from the
 * built command line, whose worker threads load their own entry beside the chunks.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGES_NAME } from '../db/bundle/format';
import { writeBundleFile } from '../db/bundle/writer';
import { newId } from '../db/session';
import { startVerifyWorker } from '../db/sync/import-batch';
import type { FileVerdict } from '../db/sync/verify-file';
import type { ImportOutcome } from '../shared/api/sync-types';
import { PASSPHRASE } from '../test/support/sync-fixture';
import { wardOrigin, world, WARD_A, type World } from '../test/support/trust-world';

const ROOT = path.resolve(__dirname, '..');
const STAMP = '2026-10-15T03:00:00.000Z';
let built: string;

beforeAll(() => {
  // Inside the checkout, where the built files find the packages they leave out (better-sqlite3).
  built = path.join(ROOT, 'dist', `cli-test-${process.pid}`);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'build/build-cli.mjs'), '--out', built], { encoding: 'utf8', cwd: ROOT });
  expect(r.status, r.stderr).toBe(0);
}, 120_000);

afterAll(() => fs.rmSync(built, { recursive: true, force: true }));

/** Bundles of ward A under the origin its enrollment bound, continuing the sequence the city holds. */
async function stick(w: World, count: number): Promise<string> {
  const usb = path.join(w.dir, 'stick');
  fs.mkdirSync(usb, { recursive: true });
  const origin = wardOrigin(w.dir);
  const held = (w.city.db.sqlite.prepare('SELECT last_seq AS n FROM origin_state WHERE origin = ?').get(origin) as { n: number } | undefined)?.n ?? 0;
  for (let i = 0; i < count; i++) {
    const seq = held + 1 + i;
    const row = { id: newId(), owner: WARD_A, updated_at: STAMP, deleted: 0, code: `S${i}`, name: `Đơn vị ${i}` };
    await writeBundleFile(
      path.join(usb, `P-HD_${String(i).padStart(4, '0')}.wpb`),
      {
        bundleId: newId(),
        kind: 'changes',
        origin,
        owner: WARD_A,
        ownerKind: 'ward',
        seqFrom: seq,
        seqTo: seq,
        prevManifestSha256: null,
        createdAt: STAMP,
        keyId: w.keyA.keyId,
        counts: { changes: 1, blobs: 0 },
      },
      [{ path: CHANGES_NAME, data: Buffer.from(`${JSON.stringify({ seq, table: 'unit', row })}\n`) }],
      w.keyA,
    );
  }
  // One file that is no bundle at all, in the middle of the stick.
  fs.writeFileSync(path.join(usb, 'P-HD_0002x.wpb'), 'không phải gói');
  return usb;
}

function verifyIn(worker: Worker, file: string, stage: string): Promise<FileVerdict> {
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { verdict: FileVerdict }) => resolve(m.verdict));
    worker.once('error', reject);
    worker.postMessage({ id: 1, file, stage });
  });
}

describe('city import of many bundles', () => {
  for (const mode of ['sources', 'built'] as const) {
    it(`applies every good bundle and refuses the bad one, from the ${mode}`, async () => {
      const w = await world();
      // Enough files for the import to verify them in worker threads.
      const usb = await stick(w, 9);
      w.city.db.close();
      const entry = mode === 'built' ? path.join(built, 'wardplan.cjs') : path.join(ROOT, 'bin/wardplan.mjs');
      const args =
        mode === 'built'
          ? [
              '-e',
              `require(${JSON.stringify(entry)}).main([process.argv[0], 'wardplan', ...process.argv.slice(1)]).then((code) => { process.exitCode = code; })`,
            ]
          : [entry];
      const r = spawnSync(process.execPath, [...args, 'city', 'import', usb, '--db', w.city.db.path, '--json'], {
        encoding: 'utf8',
        env: { ...process.env, WARDPLAN_LANG: 'vi', WARDPLAN_PASSPHRASE: PASSPHRASE, WARDPLAN_FROM_SOURCE: '1' },
      });
      expect(r.status, r.stderr).toBe(1);
      const outcomes = JSON.parse(r.stdout) as ImportOutcome[];
      expect(outcomes.map((o) => [path.basename(o.file), o.status])).toEqual(
        ['0000', '0001', '0002', '0002x', '0003', '0004', '0005', '0006', '0007', '0008'].map((n) => [`P-HD_${n}.wpb`, n === '0002x' ? 'refused' : 'applied']),
      );
      expect(outcomes[3]!.error?.code).toBe('bundle.not_a_bundle');
      expect(outcomes.filter((o) => o.receipt).length).toBe(9);
    }, 60_000);
  }

  it('the worker thread verifies a bundle, from the built file and from the sources', async () => {
    const w = await world();
    const usb = await stick(w, 1);
    const file = path.join(usb, 'P-HD_0000.wpb');
    const workers = [
      new Worker(path.join(built, 'import-worker.cjs'), { workerData: { dbPath: w.city.db.path, identities: [] } }),
      startVerifyWorker(w.city.db.path),
    ];
    try {
      for (const worker of workers) {
        const verdict = await verifyIn(worker, file, path.join(w.dir, 'stage'));
        expect(verdict).toMatchObject({ ok: true, v: { manifest: { owner: WARD_A }, changes: [{ table: 'unit' }] } });
        expect(await verifyIn(worker, path.join(usb, 'P-HD_0002x.wpb'), path.join(w.dir, 'stage2'))).toEqual({ ok: false });
      }
    } finally {
      await Promise.all(workers.map((x) => x.terminate()));
    }
  }, 60_000);
});
