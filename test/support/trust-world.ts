/**
 * Two enrolled wards and their city, built once and copied for each test: ward A (the demo ward,
 * nothing sent yet) and ward B, whose first bundle the city has applied. Copying the closed
 * database files is what keeps a test of one hostile bundle cheap. The built world is kept under
 * the system temp folder, named by a hash of the sources that make it, so repeated runs (mutation
 * testing runs the same files hundreds of times) build it once; any change to those sources
 * builds a fresh one.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../db/database';
import { loadOrCreateKey, type SealingKey } from '../../db/keys/key-store';
import { DEMO_PLAN, loadPlanData } from '../../db/services/demo';
import { initWard } from '../../db/services/setup';
import { sessionFor } from '../../db/session';
import { cityEnroll, importEnrollmentResponse, writeEnrollmentRequest } from '../../db/sync/enroll';
import { exportWardBundle } from '../../db/sync/export';
import { importBundle } from '../../db/sync/import';
import { clock, enrolledPair, keyStoreFor, type Side } from './sync-fixture';
import { tempDir } from './temp';

export const WARD_A = 'HP-HAIDUONG';
export const WARD_B = 'HP-TIENLANG';

interface Template {
  dir: string;
  keyA: SealingKey;
  keyB: SealingKey;
  cityKey: SealingKey;
  b1: { fileName: string; bundleId: string; seqFrom: number; seqTo: number };
}

export interface World {
  dir: string;
  usb: string;
  ward: Side;
  wardB: Side;
  city: Side;
  keyA: SealingKey;
  keyB: SealingKey;
  cityKey: SealingKey;
  b1: { path: string; bundleId: string; seqFrom: number; seqTo: number };
}

async function build(): Promise<Template> {
  const { dir, usb, ward, city } = await enrolledPair();
  const dbB = openDatabase(path.join(dir, 'b.db'));
  const sB = initWard(dbB, { wardCode: WARD_B, wardName: 'Xã Tiên Lãng', cityCode: 'HP', cityName: 'Thành phố Hải Phòng' }, clock());
  loadPlanData(sB, DEMO_PLAN);
  const storeB = keyStoreFor(dbB.path);
  const req = await writeEnrollmentRequest(sB, storeB, path.join(dir, 'reqB.json'));
  await cityEnroll(city.s, city.store, req.path, path.join(dir, 'resB.json'));
  importEnrollmentResponse(sB, path.join(dir, 'resB.json'));
  const b1 = await exportWardBundle(sB, storeB, { outDir: usb });
  if (b1.status !== 'written') throw new Error('expected a bundle');
  const r = await importBundle(city.s, b1.path, { store: city.store });
  if (r.status !== 'applied') throw new Error(`template: ${JSON.stringify(r.error)}`);
  const keys = {
    keyA: (await loadOrCreateKey(ward.store)).key,
    keyB: (await loadOrCreateKey(storeB)).key,
    cityKey: (await loadOrCreateKey(city.store)).key,
  };
  for (const db of [ward.db, dbB, city.db]) db.close();
  return { dir, ...keys, b1: { fileName: b1.fileName, bundleId: b1.bundleId, seqFrom: b1.seqFrom, seqTo: b1.seqTo } };
}

/** Every source the world is made by: the database code, the shared rules, the migrations, this file. */
function sourcesHash(): string {
  const root = path.resolve(__dirname, '../..');
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|sql|json)$/.test(e.name) && !e.name.endsWith('.test.ts')) hash.update(p.slice(root.length)).update(fs.readFileSync(p));
    }
  };
  for (const d of ['db', 'shared', 'test/support']) walk(path.join(root, d));
  return hash.digest('hex').slice(0, 16);
}

async function cached(): Promise<Template> {
  const home = path.join(os.tmpdir(), 'wardplan-test-cache', `trust-world-${sourcesHash()}`);
  const meta = path.join(home, 'template.json');
  if (!fs.existsSync(meta)) {
    const t = await build();
    const staging = `${home}.${randomBytes(4).toString('hex')}`;
    fs.cpSync(t.dir, staging, { recursive: true });
    fs.writeFileSync(path.join(staging, 'template.json'), JSON.stringify({ ...t, dir: '' }));
    try {
      fs.mkdirSync(path.dirname(home), { recursive: true });
      fs.renameSync(staging, home);
    } catch {
      // Another process finished the same world first; its copy is as good as ours.
      fs.rmSync(staging, { recursive: true, force: true });
    }
  }
  return { ...(JSON.parse(fs.readFileSync(meta, 'utf8')) as Template), dir: home };
}

let template: Promise<Template> | null = null;

export async function world(): Promise<World> {
  template ??= cached();
  const t = await template;
  const dir = tempDir('wardplan-trust-');
  fs.cpSync(t.dir, dir, { recursive: true });
  const open = (name: string): Side => {
    const db = openDatabase(path.join(dir, name));
    // A day after the template was made, so every new timestamp sorts after the template's.
    return { db, s: sessionFor(db, { now: clock('2026-10-16T03:00:00.000Z') }), store: keyStoreFor(db.path) };
  };
  return {
    dir,
    usb: path.join(dir, 'usb'),
    ward: open('ward.db'),
    wardB: open('b.db'),
    city: open('city.db'),
    keyA: t.keyA,
    keyB: t.keyB,
    cityKey: t.cityKey,
    b1: { ...t.b1, path: path.join(dir, 'usb', t.b1.fileName) },
  };
}

/**
 * The installation id of a ward in a world's folder: the origin its enrollment bound at the city,
 * under which an insider's forged bundles must come (a fresh origin is refused for an enrolled ward).
 */
export function wardOrigin(dir: string, name = 'ward.db'): string {
  const db = new BetterSqlite3(path.join(dir, name), { readonly: true });
  try {
    return (db.prepare("SELECT value FROM meta WHERE key = 'installation_id'").get() as { value: string }).value;
  } finally {
    db.close();
  }
}
