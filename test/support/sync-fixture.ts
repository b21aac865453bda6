/** A demo ward enrolled with a fresh city, both real SQLite files with real passphrase-sealed keys. */
import path from 'node:path';
import fs from 'node:fs';
import { openDatabase, type Database } from '../../db/database';
import { PassphraseFileKeyStore, type KeyStore } from '../../db/keys/key-store';
import { createDemoWard } from '../../db/services/demo';
import { initCity } from '../../db/services/setup';
import { cityEnroll, importEnrollmentResponse, writeEnrollmentRequest } from '../../db/sync/enroll';
import type { Session } from '../../db/session';
import { tempDir } from './temp';

export const PASSPHRASE = 'mật khẩu thử nghiệm';

export interface Side {
  db: Database;
  s: Session;
  store: KeyStore;
}

export function keyStoreFor(dbPath: string): KeyStore {
  return new PassphraseFileKeyStore(`${dbPath}.key`, async () => PASSPHRASE);
}

export function clock(start = '2026-10-15T03:00:00.000Z'): () => string {
  let t = Date.parse(start);
  // Every call a second later, so orderings by time are well defined.
  return () => new Date((t += 1000)).toISOString();
}

export async function enrolledPair(): Promise<{ dir: string; usb: string; ward: Side; city: Side }> {
  const dir = tempDir('wardplan-sync-');
  const usb = path.join(dir, 'usb');
  fs.mkdirSync(usb);
  const wardDb = openDatabase(path.join(dir, 'ward.db'));
  const ward = { db: wardDb, s: createDemoWard(wardDb, { now: clock() }), store: keyStoreFor(wardDb.path) };
  const cityDb = openDatabase(path.join(dir, 'city.db'));
  const city = { db: cityDb, s: initCity(cityDb, { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' }, clock()), store: keyStoreFor(cityDb.path) };
  const req = await writeEnrollmentRequest(ward.s, ward.store, path.join(dir, 'req.json'));
  const res = await cityEnroll(city.s, city.store, req.path, path.join(dir, 'res.json'));
  importEnrollmentResponse(ward.s, res.responsePath);
  return { dir, usb, ward, city };
}
