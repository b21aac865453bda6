/**
 * A city database for the dashboard's end-to-end test, made with the core's own services (run
 * through tsx in a child process): the demo ward enrolled and its bundle imported with an approved
 * Q3/2026 report, two more wards on the city's list that never enrolled, an administrator and a
 * viewer, a second ward's enrollment request left as a file for the test to upload, and a third
 * ward's request sent online to the hub's inbox for the test to approve.
 *
 * Usage: node --import tsx test/e2e/support/make-city.ts <dir>   (prints JSON with the paths)
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../db/database';
import { PassphraseFileKeyStore } from '../../../db/keys/key-store';
import { addUser } from '../../../db/city/accounts';
import { setWardInfo } from '../../../db/city/catalog';
import { createDemoWard } from '../../../db/services/demo';
import { setValue } from '../../../db/services/indicators';
import { approveReport } from '../../../db/services/reports';
import { initCity, initWard, upsertOrg } from '../../../db/services/setup';
import { cityEnroll, importEnrollmentResponse, writeEnrollmentRequest } from '../../../db/sync/enroll';
import { exportWardBundle } from '../../../db/sync/export';
import { submitEnrollment } from '../../../db/sync/hub-city';
import { ensureKey } from '../../../db/sync/identity';
import { makeEnrollmentRequest } from '../../../db/keys/documents';
import { importBundle } from '../../../db/sync/import';

export const ADMIN = { name: 'quantri', password: 'mật khẩu quản trị e2e' };
export const VIEWER = { name: 'xem', password: 'mật khẩu người xem e2e' };

async function main(dir: string): Promise<void> {
  const passphrase = process.env.WARDPLAN_PASSPHRASE ?? '';
  const store = (db: string) => new PassphraseFileKeyStore(`${db}.key`, async () => passphrase);
  const cityPath = path.join(dir, 'city.db');
  const wardPath = path.join(dir, 'ward.db');
  const usb = path.join(dir, 'usb');
  fs.mkdirSync(usb, { recursive: true });

  const cityDb = openDatabase(cityPath);
  const city = initCity(cityDb, { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' });
  const wardDb = openDatabase(wardPath);
  const ward = createDemoWard(wardDb);
  setValue(ward, { indicatorCode: 'CQ-09', period: '2026-Q3', numerator: 3658476, denominator: 3670241 });
  approveReport(ward, { period: '2026-Q3', approvedBy: 'Phạm Thị Thanh Vân' });
  const req = await writeEnrollmentRequest(ward, store(wardPath), path.join(dir, 'req.json'));
  const res = await cityEnroll(city, store(cityPath), req.path, path.join(dir, 'res.json'));
  importEnrollmentResponse(ward, res.responsePath);
  const bundle = await exportWardBundle(ward, store(wardPath), { outDir: usb });
  if (bundle.status !== 'written') throw new Error('no bundle');
  const r = await importBundle(city, bundle.path, { store: store(cityPath) });
  if (r.status !== 'applied') throw new Error(`import: ${JSON.stringify(r.error)}`);

  for (const [code, name] of [
    ['HP-ANBIEN', 'Phường An Biên'],
    ['HP-CATHAI', 'Đặc khu Cát Hải'],
  ] as const)
    upsertOrg(cityDb, code, 'ward', name, 'HP', city.now());
  setWardInfo(city, { wardCode: 'HP-HAIDUONG', group: 'Cụm Hải Dương' }, 'setup');
  setWardInfo(
    city,
    { wardCode: 'HP-ANBIEN', group: 'Cụm Lê Chân', contactName: 'Trần Văn Bình', contactPhone: '0912 345 678', contactEmail: 'anbien@haiphong.gov.vn' },
    'setup',
  );
  await addUser(city, { ...ADMIN, role: 'admin' }, 'setup');
  await addUser(city, { ...VIEWER, role: 'viewer' }, 'setup');

  // The second ward's request: the test uploads it through the dashboard and approves it.
  const w2Path = path.join(dir, 'anbien.db');
  const w2Db = openDatabase(w2Path);
  const w2 = initWard(w2Db, {
    wardCode: 'HP-ANBIEN',
    wardName: 'Phường An Biên',
    cityCode: 'HP',
    cityName: 'Thành phố Hải Phòng',
    officerName: 'Trần Văn Bình',
  });
  const req2 = await writeEnrollmentRequest(w2, store(w2Path), path.join(dir, 'yeu-cau-an-bien.json'));
  w2Db.close();

  // The third ward asks online: what the hub's POST /enroll keeps in the inbox.
  const w3Path = path.join(dir, 'cathai.db');
  const w3Db = openDatabase(w3Path);
  const w3 = initWard(w3Db, {
    wardCode: 'HP-CATHAI',
    wardName: 'Đặc khu Cát Hải',
    cityCode: 'HP',
    cityName: 'Thành phố Hải Phòng',
    officerName: 'Lê Thị Hoa',
  });
  const w3Key = await ensureKey(w3, store(w3Path));
  const online = submitEnrollment(city, makeEnrollmentRequest(w3Key, { wardCode: 'HP-CATHAI', wardName: 'Đặc khu Cát Hải', officer: { name: 'Lê Thị Hoa' } }));
  w3Db.close();
  wardDb.close();
  cityDb.close();
  process.stdout.write(`${JSON.stringify({ cityPath, request: req2.path, fingerprint: req2.fingerprint, onlineFingerprint: online.fingerprint })}\n`);
}

void main(process.argv[2]!).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
