/**
 * A small city whose every figure can be counted by hand: three enrolled wards that sent real
 * signed bundles, and a fourth ward on the city's list that never enrolled. See city-fixture.md
 * in the tests that use it for the expected counts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/database';
import { addDirective, addUnit } from '../../db/services/catalog';
import { addIndicator, setTarget, setValue } from '../../db/services/indicators';
import { addPlan } from '../../db/services/plans';
import { approveReport } from '../../db/services/reports';
import { initCity, initWard, upsertOrg } from '../../db/services/setup';
import { addTask, recordProgress } from '../../db/services/tasks';
import { cityEnroll, importEnrollmentResponse, writeEnrollmentRequest } from '../../db/sync/enroll';
import { exportWardBundle } from '../../db/sync/export';
import { importBundle } from '../../db/sync/import';
import { newId, type Session } from '../../db/session';
import { saveOwnedRow } from '../../db/write';
import { clock, keyStoreFor, type Side } from './sync-fixture';
import { tempDir } from './temp';

interface TaskSpec {
  directive: 'NQ57' | 'KH02' | null;
  deadline: string;
  progress?: Array<{ status: 'in_progress' | 'done' | 'not_started'; date: string }>;
}

interface WardSpec {
  code: string;
  name: string;
  /** How this ward writes the number of Resolution 57: wards type it differently. */
  nq57Number: string;
  tasks: TaskSpec[];
  values: Array<{ code: string; numerator?: number; denominator?: number; value?: number }>;
  approveQ3: boolean;
}

export const WARDS: WardSpec[] = [
  {
    code: 'W1',
    name: 'Phường An Biên',
    nq57Number: '57-NQ/TW',
    tasks: [
      { directive: 'NQ57', deadline: '2026-06-30', progress: [{ status: 'done', date: '2026-06-20' }] },
      {
        directive: 'NQ57',
        deadline: '2026-06-30',
        progress: [
          { status: 'in_progress', date: '2026-06-01' },
          { status: 'done', date: '2026-07-10' },
        ],
      },
      { directive: 'KH02', deadline: '2026-12-31', progress: [{ status: 'in_progress', date: '2026-08-01' }] },
    ],
    values: [
      { code: 'CQ-09', numerator: 90, denominator: 100 },
      { code: 'HT-01', value: 3 },
    ],
    approveQ3: true,
  },
  {
    code: 'W2',
    name: 'Phường Bạch Đằng',
    nq57Number: '57-NQ/TW',
    tasks: [
      { directive: 'NQ57', deadline: '2026-09-15' },
      // Done only in October: still not started when the third quarter closed.
      { directive: 'KH02', deadline: '2026-12-31', progress: [{ status: 'done', date: '2026-10-05' }] },
    ],
    values: [
      { code: 'CQ-09', numerator: 170, denominator: 200 },
      { code: 'HT-01', value: 5 },
    ],
    approveQ3: false,
  },
  {
    code: 'W3',
    name: 'Xã Cát Hải',
    nq57Number: '57-nq/tw ',
    tasks: [
      { directive: 'NQ57', deadline: '2026-12-31', progress: [{ status: 'in_progress', date: '2026-09-01' }] },
      { directive: null, deadline: '2026-08-31', progress: [{ status: 'done', date: '2026-08-30' }] },
    ],
    values: [],
    approveQ3: true,
  },
];

function buildWard(s: Session, spec: WardSpec): void {
  addPlan(s, { year: 2026, title: 'Kế hoạch chuyển đổi số năm 2026', docNumber: '10/KH-UBND' });
  addUnit(s, { code: 'VP', name: 'Văn phòng HĐND và UBND' });
  addDirective(s, {
    code: 'NQ57',
    number: spec.nq57Number,
    issuer: 'Bộ Chính trị',
    title: 'Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
  });
  addDirective(s, { code: 'KH02', number: '02-KH/BCĐTW', issuer: 'Ban Chỉ đạo Trung ương', title: 'Kế hoạch thực hiện năm 2026' });
  spec.tasks.forEach((t, i) => {
    const { id } = addTask(s, {
      planYear: 2026,
      areaCode: 'CQ',
      content: `Nhiệm vụ ${i + 1} của ${spec.name}`,
      leadUnitCode: 'VP',
      deadline: t.deadline,
      sourceCode: t.directive,
    });
    for (const p of t.progress ?? []) recordProgress(s, { taskId: id, status: p.status, date: p.date, percent: p.status === 'in_progress' ? 50 : undefined });
  });
  addIndicator(s, {
    code: 'CQ-09',
    areaCode: 'CQ',
    name: 'Tỷ lệ hồ sơ TTHC xử lý trực tuyến',
    unit: '%',
    isRatio: true,
    numeratorLabel: 'Số hồ sơ trực tuyến',
    denominatorLabel: 'Tổng số hồ sơ',
  });
  addIndicator(s, { code: 'HT-01', areaCode: 'HT', name: 'Số hệ thống thông tin dùng chung được triển khai', unit: 'hệ thống' });
  setTarget(s, { indicatorCode: 'CQ-09', year: 2026, comparator: '>=', target: 90 });
  setTarget(s, { indicatorCode: 'HT-01', year: 2026, comparator: '>=', target: 4 });
  for (const v of spec.values) setValue(s, { indicatorCode: v.code, period: '2026-Q3', ...v });
  if (spec.approveQ3) approveReport(s, { period: '2026-Q3', approvedBy: 'Nguyễn Văn A' });
}

export interface ThreeWardCity {
  dir: string;
  usb: string;
  city: Side;
  wards: Record<string, Side>;
  dbPath: string;
  /** Moves the city's clock (for "today" in completeness). */
  setNow(iso: string): void;
}

/**
 * W1's report arrives on 2026-10-15, before the city's due date (2026-10-20); W3's arrives on
 * 2026-10-22, after it; W2 sends data but no report; W4 is listed but never enrolled.
 */
export async function threeWardCity(): Promise<ThreeWardCity> {
  const dir = tempDir('wardplan-city-');
  const usb = path.join(dir, 'usb');
  fs.mkdirSync(usb);
  let now = '2026-10-15T03:00:00.000Z';
  const cityDb = openDatabase(path.join(dir, 'city.db'));
  const citySession = initCity(cityDb, { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' }, () => now);
  const city: Side = { db: cityDb, s: citySession, store: keyStoreFor(cityDb.path) };
  saveOwnedRow(city.s, 'reporting_deadline', { id: newId(), period: '2026-Q3', due_on: '2026-10-20', title: 'Báo cáo quý III/2026' }, 'deadline.add');
  upsertOrg(cityDb, 'W4', 'ward', 'Xã Bạch Long Vĩ', 'HP', now);
  const wards: Record<string, Side> = {};
  for (const spec of WARDS) {
    const wdb = openDatabase(path.join(dir, `${spec.code}.db`));
    const ws = initWard(
      wdb,
      { wardCode: spec.code, wardName: spec.name, cityCode: 'HP', cityName: 'Thành phố Hải Phòng', officerName: `Cán bộ ${spec.code}` },
      clock(),
    );
    const store = keyStoreFor(wdb.path);
    buildWard(ws, spec);
    const req = await writeEnrollmentRequest(ws, store, path.join(dir, `${spec.code}-req.json`));
    const res = await cityEnroll(city.s, city.store, req.path, path.join(dir, `${spec.code}-res.json`));
    importEnrollmentResponse(ws, res.responsePath);
    const out = await exportWardBundle(ws, store, { outDir: usb });
    if (out.status !== 'written') throw new Error('no bundle');
    now = spec.code === 'W3' ? '2026-10-22T03:00:00.000Z' : '2026-10-15T03:00:00.000Z';
    const r = await importBundle(city.s, out.path, { store: city.store });
    if (r.status !== 'applied') throw new Error(`bundle of ${spec.code}: ${r.status} ${JSON.stringify(r.error)}`);
    wards[spec.code] = { db: wdb, s: ws, store };
  }
  now = '2026-10-15T03:00:00.000Z';
  return { dir, usb, city, wards, dbPath: cityDb.path, setNow: (iso) => (now = iso) };
}
