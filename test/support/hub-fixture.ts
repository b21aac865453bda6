/** Hubs and wards for the hub's tests: real city and ward databases, real keys, real sockets on 127.0.0.1. */
import crypto from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { enrolledPair, keyStoreFor, clock, type Side } from './sync-fixture';
import { openDatabase, type Database } from '../../db/database';
import { loadOrCreateKey } from '../../db/keys/key-store';
import { addUnit } from '../../db/services/catalog';
import { initWard } from '../../db/services/setup';
import { fetchEnrollmentAnswer, postEnrollmentRequest } from '../../db/hub-client/enroll';
import { approveInboxEnrollment } from '../../db/sync/hub-city';
import { buildHub, type HubOptions } from '../../server/hub/app';

export interface TestHub {
  app: FastifyInstance;
  url: string;
  port: number;
}

export async function startHub(city: Side, opts: Partial<HubOptions> = {}, beforeListen?: (app: FastifyInstance) => Promise<void>): Promise<TestHub> {
  const cityKey = (await loadOrCreateKey(city.store)).key;
  const app = await buildHub({ dbPath: city.db.path, cityKey, logger: false, rateLimitPerMinute: 100_000, ...opts });
  await beforeListen?.(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  return { app, port, url: `http://127.0.0.1:${port}` };
}

/** What the city holds of wards' data: owned rows and bundle bookkeeping, not the hub's own notes. */
export function cityDigest(db: Database): string {
  const tables = ['change_log', 'bundle_in', 'origin_state', 'task', 'unit', 'indicator_value', 'evidence', 'trusted_key'];
  const h = crypto.createHash('sha256');
  for (const t of tables) h.update(`${t}:${JSON.stringify(db.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all())}\n`);
  return h.digest('hex');
}

/** A second ward of the same city, enrolled online through the hub's inbox. */
export async function secondWard(dir: string, city: Side, hubUrl: string): Promise<Side> {
  const db = openDatabase(path.join(dir, 'tienlang.db'));
  const s = initWard(
    db,
    { wardCode: 'HP-TIENLANG', wardName: 'Xã Tiên Lãng', cityCode: 'HP', cityName: 'Thành phố Hải Phòng', officerName: 'Nguyễn Văn Tâm' },
    clock(),
  );
  addUnit(s, { code: 'VP', name: 'Văn phòng HĐND và UBND' });
  const side = { db, s, store: keyStoreFor(db.path) };
  const posted = await postEnrollmentRequest(s, side.store, hubUrl);
  await approveInboxEnrollment(city.s, (await loadOrCreateKey(city.store)).key, posted.id);
  await fetchEnrollmentAnswer(s, hubUrl);
  return side;
}

export { enrolledPair };
