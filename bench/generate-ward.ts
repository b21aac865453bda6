/**
 * A large, realistic ward for the benchmarks: ten years of plans (2017–2026 by default), 300 tasks
 * and 50 indicators with targets a year, monthly values, 20 progress entries per task, and
 * Vietnamese text composed from phrase lists so that search has something to find.
 *
 * Everything goes through the real services (initWard, addUnit, addDirective, addPlan,
 * addIndicator, setTarget, addTask, recordProgress, setValue), so the change log, the audit log
 * and the search index are the ones a real ward would have. Each year is one transaction
 * (the services nest inside it) so that generation takes seconds, not an afternoon of fsyncs.
 *
 * Deterministic: the same seed gives the same ward, apart from the random UUIDs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database } from '../db/database';
import { addDirective, addUnit } from '../db/services/catalog';
import { addIndicator, setTarget, setValue } from '../db/services/indicators';
import { addPlan } from '../db/services/plans';
import { initWard, STANDARD_AREAS } from '../db/services/setup';
import { addTask, recordProgress } from '../db/services/tasks';
import { inTransaction, type Session } from '../db/session';
import { addDays, compareDates, toIsoDate } from '../shared/rules/period';
import { parseTimeline } from '../shared/rules/timeline';
import type { RecordedStatus } from '../shared/rules/task-status';
import { rng } from '../test/support/rng';

// ---- deterministic randomness ---------------------------------------------------------------

export { rng };

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: () => number, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

// ---- a clock the generator moves forward ----------------------------------------------------

/**
 * "Now" for the session: set to the day an event happens (09:00 in Hà Nội) and never moving
 * backwards, each reading 10 ms after the last, so created_at orders entries the way they happened.
 */
export class BenchClock {
  private t: number;
  constructor(startIso: string) {
    this.t = Date.parse(startIso);
  }
  set(isoDate: string): void {
    const at = Date.parse(`${isoDate}T02:00:00.000Z`);
    if (at > this.t) this.t = at;
  }
  readonly now = (): string => new Date((this.t += 10)).toISOString();
}

// ---- Vietnamese phrase lists ----------------------------------------------------------------

const VERBS = [
  'Triển khai',
  'Tổ chức',
  'Xây dựng',
  'Nâng cấp',
  'Rà soát, cập nhật',
  'Tuyên truyền, phổ biến',
  'Đào tạo, bồi dưỡng về',
  'Số hóa',
  'Kiểm tra, giám sát',
  'Duy trì vận hành',
  'Hướng dẫn sử dụng',
  'Đẩy mạnh ứng dụng',
  'Phối hợp triển khai',
  'Chuẩn hóa',
  'Hoàn thiện',
  'Thí điểm',
  'Mở rộng',
  'Đánh giá hiệu quả',
  'Củng cố',
  'Khảo sát nhu cầu về',
] as const;

const OBJECTS = [
  'hệ thống thông tin giải quyết thủ tục hành chính',
  'cơ sở dữ liệu quốc gia về dân cư',
  'nền tảng số dùng chung của phường',
  'dịch vụ công trực tuyến toàn trình',
  'hồ sơ, kết quả giải quyết thủ tục hành chính',
  'mạng nội bộ và đường truyền Internet băng rộng',
  'hệ thống camera giám sát an ninh trật tự',
  'Tổ Công nghệ số cộng đồng',
  'kỹ năng số cho người dân',
  'thanh toán không dùng tiền mặt',
  'chữ ký số cho cán bộ, công chức',
  'hệ thống quản lý văn bản và điều hành',
  'sàn thương mại điện tử cho hộ kinh doanh',
  'định danh và xác thực điện tử VNeID',
  'trang thông tin điện tử của phường',
  'an toàn thông tin mạng theo cấp độ',
  'dữ liệu đất đai, xây dựng, trật tự đô thị',
  'hệ thống hội nghị truyền hình trực tuyến',
  'sổ tay đảng viên điện tử',
  'bản đồ số các tổ dân phố',
  'kế hoạch chuyển đổi số',
  'bộ chỉ số đánh giá chuyển đổi số (DTI)',
  'kho dữ liệu dùng chung về hộ nghèo, cận nghèo',
  'hồ sơ sức khỏe điện tử',
  'học bạ số trong các trường học',
  'ứng dụng Hải Phòng Smart',
  'phản ánh, kiến nghị của người dân qua ứng dụng',
  'cơ sở dữ liệu hộ tịch điện tử',
  'trang thiết bị công nghệ thông tin',
  'thư điện tử công vụ',
  'hệ thống phần mềm kế toán, tài chính',
  'chính quyền số cấp phường',
  'kinh tế số và xã hội số',
  'cửa hàng, hộ kinh doanh ứng dụng mã QR',
  'dữ liệu về người có công, bảo trợ xã hội',
] as const;

const QUALIFIERS = [
  'trên địa bàn phường',
  'cho cán bộ, công chức, viên chức',
  'tại Trung tâm Phục vụ hành chính công phường',
  'ở các tổ dân phố',
  'theo Đề án 06 của Chính phủ',
  'phục vụ chuyển đổi số',
  'gắn với cải cách hành chính',
  'đáp ứng yêu cầu chính quyền địa phương hai cấp',
  'cho thanh niên, hội viên các đoàn thể',
  'trong các cơ sở giáo dục',
  'cho hộ sản xuất, kinh doanh',
  'theo hướng dẫn của thành phố',
  'bảo đảm an toàn, bảo mật',
  'theo Chương trình chuyển đổi số quốc gia',
  'đồng bộ, liên thông với thành phố',
  'cho người cao tuổi và người khuyết tật',
] as const;

const SECOND_CLAUSES = [
  'gắn với chuyển đổi số toàn diện',
  'nâng cao chất lượng phục vụ người dân, doanh nghiệp',
  'không để ai bị bỏ lại phía sau',
  'bảo đảm tiến độ theo kế hoạch',
  'kết hợp kiểm tra, đôn đốc định kỳ',
  'lồng ghép trong sinh hoạt chi bộ',
] as const;

/** Rare on purpose: a search for it should find a handful of tasks in ten years. */
export const RARE_PHRASE = 'điểm Bưu điện - Văn hóa';

const OUTPUTS = [
  'Báo cáo kết quả thực hiện',
  'Văn bản chỉ đạo, hướng dẫn',
  'Hệ thống được đưa vào vận hành',
  'Danh sách cán bộ được tập huấn',
  'Kế hoạch được phê duyệt',
  'Biên bản kiểm tra',
  'Cơ sở dữ liệu được cập nhật đầy đủ',
  'Tài liệu tuyên truyền, pa nô, áp phích',
  'Quyết định kiện toàn',
  'Hồ sơ được số hóa, lưu trữ điện tử',
] as const;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'] as const;
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Thanh', 'Ngọc', 'Hữu', 'Xuân'] as const;
const GIVEN = ['Hùng', 'Lan', 'Dũng', 'Hương', 'Tuấn', 'Hạnh', 'Thắng', 'Mai', 'Cường', 'Yến', 'Phương', 'Sơn', 'Trang', 'Hải'] as const;
const TITLES = ['Phó Chủ tịch UBND phường', 'Chánh Văn phòng', 'Trưởng phòng Văn hóa - Xã hội', 'Công chức Văn phòng', 'Giám đốc Trung tâm'] as const;

const NOTES_PROGRESS = [
  'Đã ban hành văn bản triển khai',
  'Đang phối hợp với các tổ dân phố',
  'Đã tổ chức lớp tập huấn cho cán bộ',
  'Đang rà soát danh sách, cập nhật dữ liệu',
  'Đã báo cáo Thường trực UBND phường',
  'Đang chờ hướng dẫn của Sở',
  'Đã lắp đặt, chạy thử',
  'Tiếp tục đôn đốc các đơn vị',
] as const;
const NOTES_DONE = ['Hoàn thành, đã báo cáo UBND phường', 'Đã hoàn thành theo kế hoạch', 'Hoàn thành, bổ sung ảnh minh chứng'] as const;
const NOTES_NOT_STARTED = ['Chưa triển khai do chưa bố trí kinh phí', 'Chưa triển khai, chờ hướng dẫn của thành phố'] as const;

const UNITS = [
  { code: 'VP', name: 'Văn phòng HĐND và UBND phường' },
  { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội' },
  { code: 'KTHTDT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' },
  { code: 'HCC', name: 'Trung tâm Phục vụ hành chính công phường' },
  { code: 'DVSNC', name: 'Trung tâm Dịch vụ sự nghiệp công' },
  { code: 'CA', name: 'Công an phường' },
  { code: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam phường' },
  { code: 'TDP', name: 'Các Tổ dân phố và Tổ Công nghệ số cộng đồng' },
  { code: 'BCD', name: 'Ban Chỉ đạo phát triển KHCN, ĐMST, CĐS và Đề án 06 phường' },
] as const;

const STANDING_DIRECTIVES = [
  { code: 'NQ36A', number: '36a/NQ-CP', date: '2015-10-14', issuer: 'Chính phủ', title: 'Về Chính phủ điện tử' },
  {
    code: 'NQ17',
    number: '17/NQ-CP',
    date: '2019-03-07',
    issuer: 'Chính phủ',
    title: 'Phát triển Chính phủ điện tử giai đoạn 2019 - 2020, định hướng đến 2025',
  },
  {
    code: 'QD749',
    number: '749/QĐ-TTg',
    date: '2020-06-03',
    issuer: 'Thủ tướng Chính phủ',
    title: 'Chương trình chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030',
  },
  {
    code: 'QD06',
    number: '06/QĐ-TTg',
    date: '2022-01-06',
    issuer: 'Thủ tướng Chính phủ',
    title: 'Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử (Đề án 06)',
  },
  {
    code: 'NQ57',
    number: '57-NQ/TW',
    date: '2024-12-22',
    issuer: 'Bộ Chính trị',
    title: 'Đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
  },
] as const;

interface IndicatorSpec {
  code: string;
  area: string;
  name: string;
  unit: string;
  ratio: { numerator: string; denominator: string } | null;
  comparator: '>=' | '>' | '<=' | '<' | '=';
  /** For '%': level in 2017 and yearly gain; for counts: monthly level. */
  base: number;
  gain: number;
  lowerIsBetter: boolean;
}

const PERCENT_SUBJECTS: Array<[string, string]> = [
  ['HT', 'cán bộ, công chức được trang bị máy tính kết nối Internet băng rộng'],
  ['HT', 'tổ dân phố được phủ sóng 5G'],
  ['HT', 'hộ gia đình có đường truyền Internet cáp quang'],
  ['HT', 'người trưởng thành sử dụng điện thoại thông minh'],
  ['CQ', 'hồ sơ thủ tục hành chính được số hóa kết quả giải quyết'],
  ['CQ', 'dịch vụ công trực tuyến toàn trình có phát sinh hồ sơ'],
  ['CQ', 'văn bản đi được ký số và gửi trên môi trường mạng'],
  ['CQ', 'cuộc họp được tổ chức trực tuyến'],
  ['CQ', 'thủ tục hành chính được thanh toán trực tuyến'],
  ['CQ', 'người dân hài lòng với dịch vụ hành chính công'],
  ['CQ', 'phản ánh, kiến nghị được xử lý đúng hạn'],
  ['CQ', 'báo cáo định kỳ được thực hiện trên hệ thống thông tin báo cáo'],
  ['DL', 'dữ liệu hộ tịch được số hóa và làm sạch'],
  ['DL', 'hồ sơ đất đai được cập nhật vào cơ sở dữ liệu'],
  ['DL', 'người dân được kích hoạt tài khoản định danh điện tử mức 2'],
  ['DL', 'hồ sơ sức khỏe điện tử được lập'],
  ['NL', 'cán bộ, công chức được bồi dưỡng kỹ năng số'],
  ['NL', 'thành viên Tổ Công nghệ số cộng đồng được tập huấn'],
  ['NL', 'người dân được phổ cập kỹ năng số cơ bản'],
  ['KT', 'hộ kinh doanh sử dụng thanh toán không dùng tiền mặt'],
  ['KT', 'doanh nghiệp nhỏ và vừa sử dụng nền tảng số'],
  ['KT', 'hộ sản xuất đưa sản phẩm lên sàn thương mại điện tử'],
  ['KT', 'người nhận trợ cấp an sinh xã hội qua tài khoản'],
  ['KT', 'trường học triển khai học bạ số'],
  ['AT', 'máy tính được cài phần mềm phòng chống mã độc'],
  ['AT', 'hệ thống thông tin được phê duyệt cấp độ an toàn'],
  ['TT', 'người dân biết đến ứng dụng Hải Phòng Smart'],
  ['TT', 'tổ dân phố có nhóm Zalo thông tin của chính quyền'],
  ['LD', 'nhiệm vụ chuyển đổi số hoàn thành đúng hạn'],
  ['KP', 'kinh phí chuyển đổi số được giải ngân'],
];
const LOWER_SUBJECTS: Array<[string, string]> = [
  ['CQ', 'hồ sơ thủ tục hành chính trễ hạn'],
  ['CQ', 'hồ sơ phải bổ sung, làm lại'],
  ['AT', 'sự cố mất an toàn thông tin chưa được khắc phục'],
  ['HT', 'thời gian gián đoạn đường truyền'],
  ['DL', 'bản ghi dân cư sai lệch chưa được điều chỉnh'],
];
const COUNT_SUBJECTS: Array<[string, string, string]> = [
  ['NL', 'lượt người được tập huấn kỹ năng số', 'lượt người'],
  ['TT', 'tin, bài tuyên truyền về chuyển đổi số', 'tin, bài'],
  ['CQ', 'hồ sơ tiếp nhận trực tuyến', 'hồ sơ'],
  ['KT', 'hộ kinh doanh được hỗ trợ mở gian hàng trực tuyến', 'hộ'],
  ['HT', 'điểm phát Wi-Fi công cộng miễn phí', 'điểm'],
  ['DL', 'bản ghi dữ liệu được số hóa', 'bản ghi'],
  ['LD', 'cuộc kiểm tra, giám sát về chuyển đổi số', 'cuộc'],
  ['TT', 'buổi tuyên truyền tại tổ dân phố', 'buổi'],
  ['NL', 'thành viên Tổ Công nghệ số cộng đồng', 'người'],
  ['KT', 'giao dịch thanh toán không dùng tiền mặt tại chợ', 'giao dịch'],
];
const RATIO_SUBJECTS: Array<[string, string, string, string]> = [
  ['CQ', 'hồ sơ thủ tục hành chính được xử lý trực tuyến', 'Số hồ sơ xử lý trực tuyến', 'Tổng số hồ sơ tiếp nhận'],
  ['CQ', 'hồ sơ được giải quyết trước và đúng hạn', 'Số hồ sơ giải quyết đúng hạn', 'Tổng số hồ sơ đã giải quyết'],
  ['DL', 'công dân có tài khoản định danh điện tử được kích hoạt', 'Số tài khoản đã kích hoạt', 'Số công dân từ 14 tuổi'],
  ['KT', 'hộ gia đình có tài khoản thanh toán điện tử', 'Số hộ có tài khoản', 'Tổng số hộ'],
  ['NL', 'cán bộ sử dụng thành thạo phần mềm dùng chung', 'Số cán bộ đạt yêu cầu', 'Tổng số cán bộ'],
];

export function indicatorSpecs(count: number, seed = 7): IndicatorSpec[] {
  const r = rng(seed);
  const specs: IndicatorSpec[] = [];
  const perArea = new Map<string, number>();
  const code = (area: string) => {
    const n = (perArea.get(area) ?? 0) + 1;
    perArea.set(area, n);
    return `${area}-${String(n).padStart(2, '0')}`;
  };
  for (const [area, what] of PERCENT_SUBJECTS) {
    specs.push({
      code: code(area),
      area,
      name: `Tỷ lệ ${what}`,
      unit: '%',
      ratio: null,
      comparator: r() < 0.7 ? '>=' : '>',
      base: between(r, 30, 85),
      gain: 1 + r() * 4,
      lowerIsBetter: false,
    });
  }
  for (const [area, what] of LOWER_SUBJECTS) {
    specs.push({
      code: code(area),
      area,
      name: `Tỷ lệ ${what}`,
      unit: '%',
      ratio: null,
      comparator: r() < 0.6 ? '<=' : '<',
      base: between(r, 6, 15),
      gain: -0.8,
      lowerIsBetter: true,
    });
  }
  for (const [area, what, unit] of COUNT_SUBJECTS) {
    specs.push({ code: code(area), area, name: `Số ${what}`, unit, ratio: null, comparator: '>=', base: between(r, 5, 400), gain: 0.08, lowerIsBetter: false });
  }
  for (const [area, what, num, den] of RATIO_SUBJECTS) {
    specs.push({
      code: code(area),
      area,
      name: `Tỷ lệ ${what}`,
      unit: '%',
      ratio: { numerator: num, denominator: den },
      comparator: '>=',
      base: between(r, 40, 80),
      gain: 2 + r() * 3,
      lowerIsBetter: false,
    });
  }
  if (count > specs.length) throw new Error(`at most ${specs.length} indicators`);
  return specs.slice(0, count);
}

// ---- the generator --------------------------------------------------------------------------

export interface GenerateOptions {
  years?: number[];
  tasksPerYear?: number;
  indicators?: number;
  progressPerTask?: number;
  /** The ward's "today": nothing is recorded after it. */
  today?: string;
  wardCode?: string;
  wardName?: string;
  cityCode?: string;
  cityName?: string;
  seed?: number;
  onYear?: (year: number, ms: number) => void;
}

export interface GeneratedWard {
  db: Database;
  s: Session;
  clock: BenchClock;
  today: string;
  years: number[];
  counts: { plans: number; tasks: number; progress: number; indicators: number; targets: number; values: number; rareTasks: number };
  yearMs: Map<number, number>;
  totalMs: number;
}

interface Event {
  date: string;
  order: number;
  run: () => void;
}

function clampDate(d: string, max: string): string {
  return compareDates(d, max) > 0 ? max : d;
}

/** n dates, sorted, between from and to (inclusive), allowing repeats when the span is short. */
function spreadDates(r: () => number, from: string, to: string, n: number): string[] {
  const span = Math.max(0, daysBetweenIso(from, to));
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(addDays(from, Math.round(((i + r() * 0.9) / n) * span)));
  return out.sort();
}

function daysBetweenIso(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const TIMELINE_KINDS: Array<[number, (y: number) => string | null]> = [
  [18, () => 'Thường xuyên'],
  [8, () => 'Hằng quý'],
  [4, () => 'Hằng tháng'],
  [4, () => 'Theo yêu cầu'],
  [10, (y) => `Quý I/${y}`],
  [12, (y) => `Quý II/${y}`],
  [12, (y) => `Quý III/${y}`],
  [9, (y) => `Quý IV/${y}`],
  [6, (y) => `Trước 30/6/${y}`],
  [6, (y) => `Trước 30/9/${y}`],
  [9, (y) => `Năm ${y}`],
  [2, () => null], // an explicit deadline instead of a timeline text
];
const TIMELINE_TOTAL = TIMELINE_KINDS.reduce((n, [w]) => n + w, 0);

function chooseTimeline(r: () => number, year: number): string | null {
  let x = r() * TIMELINE_TOTAL;
  for (const [w, f] of TIMELINE_KINDS) {
    if ((x -= w) < 0) return f(year);
  }
  return `Năm ${year}`;
}

function personName(r: () => number): string {
  return `${pick(r, TITLES)} ${pick(r, FAMILY)} ${pick(r, MIDDLE)} ${pick(r, GIVEN)}`;
}

function taskContent(r: () => number, year: number, forceRare: boolean): string {
  let text = `${pick(r, VERBS)} ${pick(r, OBJECTS)} ${pick(r, QUALIFIERS)}`;
  if (r() < 0.3) text += `; ${pick(r, SECOND_CLAUSES)}`;
  if (forceRare || r() < 0.002) text += `; lồng ghép tại ${RARE_PHRASE}`;
  if (r() < 0.15) text += ` năm ${year}`;
  return text;
}

/** Twenty entries telling one task's story: steady progress, done on time or late, stalled, or never started. */
function progressStory(
  r: () => number,
  year: number,
  timeline: string | null,
  deadline: string | null,
  today: string,
  n: number,
): Array<{ date: string; status: RecordedStatus; percent: number; note: string }> {
  const start = addDays(`${year}-01-05`, between(r, 0, 40));
  const yearEnd = `${year}-12-31`;
  const parsed = timeline ? parseTimeline(timeline, year) : null;
  const recurring = parsed?.kind === 'recurring' || parsed?.kind === 'on-request';
  if (recurring) {
    const end = clampDate(yearEnd, today);
    return spreadDates(r, start, end, n).map((date, i) => {
      const month = Number(date.slice(5, 7));
      const day = Number(date.slice(8, 10));
      const quarterEnd = month % 3 === 0 && day >= 15;
      if (quarterEnd && r() < 0.65) return { date, status: 'done', percent: 100, note: pick(r, NOTES_DONE) };
      return { date, status: 'in_progress', percent: Math.min(95, 10 + ((i * 37) % 80)), note: pick(r, NOTES_PROGRESS) };
    });
  }
  const due = deadline ?? yearEnd;
  const x = r();
  const inProgress = (dates: string[], upTo: number) =>
    dates.map((date, i) => ({
      date,
      status: 'in_progress' as const,
      percent: Math.min(95, Math.round(5 + (upTo * (i + 1)) / dates.length)),
      note: pick(r, NOTES_PROGRESS),
    }));
  if (x < 0.08) {
    // Never started: the officer keeps reporting why.
    return spreadDates(r, start, clampDate(due, today), n).map((date) => ({ date, status: 'not_started', percent: 0, note: pick(r, NOTES_NOT_STARTED) }));
  }
  if (x < 0.26) {
    // Under way but unfinished: overdue once the deadline has passed.
    return inProgress(spreadDates(r, start, clampDate(addDays(due, between(r, -20, 60)), clampDate(yearEnd, today)), n), between(r, 30, 90));
  }
  const late = x < 0.43;
  const finish = late ? addDays(due, between(r, 5, 60)) : addDays(due, -between(r, 0, Math.max(0, Math.min(60, daysBetweenIso(start, due) - 1))));
  if (compareDates(finish, today) > 0) {
    // Not finished yet as of today.
    return inProgress(spreadDates(r, start, clampDate(finish, today), n), between(r, 40, 90));
  }
  const nDone = between(r, 1, 3);
  const dates = spreadDates(r, start, clampDate(addDays(finish, 4 * (nDone - 1)), today), n);
  return dates.map((date, i) =>
    i >= n - nDone
      ? { date, status: 'done' as const, percent: 100, note: pick(r, NOTES_DONE) }
      : { date, status: 'in_progress' as const, percent: Math.min(95, Math.round(5 + (90 * (i + 1)) / (n - nDone))), note: pick(r, NOTES_PROGRESS) },
  );
}

function monthValue(spec: IndicatorSpec, r: () => number, year: number, month: number): { value?: number; numerator?: number; denominator?: number } {
  const y = year - 2017;
  if (spec.unit !== '%') {
    // Counts: monthly figures that grow a little each year.
    return { value: Math.max(0, Math.round(spec.base * (1 + spec.gain * y) * (0.6 + r() * 0.8))) };
  }
  const level = spec.lowerIsBetter
    ? Math.max(0.2, spec.base + spec.gain * y + (r() - 0.5) * 3)
    : Math.min(100, spec.base + spec.gain * y + month * 0.3 + (r() - 0.5) * 6);
  const pct = Math.max(0, Math.min(100, level));
  if (spec.ratio) {
    const denominator = between(r, 200, 2000);
    return { numerator: Math.min(denominator, Math.round((denominator * pct) / 100)), denominator };
  }
  return { value: Math.round(pct * 100) / 100 };
}

function yearTarget(spec: IndicatorSpec, year: number): number {
  const y = year - 2017;
  if (spec.unit !== '%') return Math.round(spec.base * (1 + spec.gain * y) * 0.95);
  if (spec.lowerIsBetter) return Math.max(1, Math.round(spec.base + spec.gain * y));
  return Math.min(100, Math.round(spec.base + spec.gain * y + 2));
}

export function generateWard(dbPath: string, opts: GenerateOptions = {}): GeneratedWard {
  const years = opts.years ?? [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
  const tasksPerYear = opts.tasksPerYear ?? 300;
  const progressPerTask = opts.progressPerTask ?? 20;
  const today = opts.today ?? '2026-10-15';
  const r = rng(opts.seed ?? 20260101);
  const specs = indicatorSpecs(opts.indicators ?? 50);
  const clock = new BenchClock(`${years[0]! - 1}-12-01T02:00:00.000Z`);
  const t0 = performance.now();

  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  const db = openDatabase(dbPath);
  const s = initWard(
    db,
    {
      wardCode: opts.wardCode ?? 'HP-LECHAN',
      wardName: opts.wardName ?? 'Phường Lê Chân',
      cityCode: opts.cityCode ?? 'HP',
      cityName: opts.cityName ?? 'Thành phố Hải Phòng',
      officerName: 'Nguyễn Thị Thu Hương',
      officerTitle: 'Công chức Văn phòng - Thống kê',
    },
    clock.now,
  );
  const counts = { plans: 0, tasks: 0, progress: 0, indicators: 0, targets: 0, values: 0, rareTasks: 0 };

  // The catalog: units, standing directives, the indicators (shared by every year's plan).
  inTransaction(s, () => {
    for (const u of UNITS) addUnit(s, u);
    for (const d of STANDING_DIRECTIVES) addDirective(s, d);
    specs.forEach((spec, i) => {
      addIndicator(s, {
        code: spec.code,
        areaCode: spec.area,
        name: spec.name,
        unit: spec.unit,
        isRatio: !!spec.ratio,
        numeratorLabel: spec.ratio?.numerator ?? null,
        denominatorLabel: spec.ratio?.denominator ?? null,
        sort: i + 1,
      });
      counts.indicators++;
    });
  });

  const areaCodes = STANDARD_AREAS.map((a) => a.code);
  const yearMs = new Map<number, number>();
  for (const year of years) {
    const ty = performance.now();
    clock.set(`${year - 1}-12-20`);
    inTransaction(s, () => {
      // The city's plan for the year is the directive most of the ward's tasks come from.
      const cityPlan = {
        code: `KH${year}`,
        number: `${between(r, 100, 360)}/KH-UBND`,
        date: `${year - 1}-12-${between(r, 10, 28)}`,
        issuer: 'UBND thành phố',
        title: `Chuyển đổi số thành phố Hải Phòng năm ${year}`,
      };
      addDirective(s, cityPlan);
      const sources = [...STANDING_DIRECTIVES.filter((d) => d.date < `${year}-01-01`).map((d) => d.code), cityPlan.code, cityPlan.code];
      clock.set(`${year - 1}-12-28`);
      addPlan(s, {
        year,
        title: `Kế hoạch chuyển đổi số phường Lê Chân năm ${year}`,
        docNumber: `${between(r, 10, 199)}/KH-UBND`,
        issuedOn: `${year - 1}-12-28`,
        issuer: 'UBND phường Lê Chân',
        signerTitle: 'Chủ tịch',
        signerName: `${pick(r, FAMILY)} ${pick(r, MIDDLE)} ${pick(r, GIVEN)}`,
        generalGoal: 'Phát triển chính quyền số, kinh tế số, xã hội số trên địa bàn phường',
        budgetVnd: between(r, 300, 1500) * 1_000_000,
      });
      counts.plans++;
      for (const spec of specs) {
        setTarget(s, {
          indicatorCode: spec.code,
          year,
          comparator: spec.comparator,
          target: yearTarget(spec, year),
          baseline: year > years[0]! ? yearTarget(spec, year - 1) : null,
        });
        counts.targets++;
      }

      const events: Event[] = [];
      let order = 0;
      for (let no = 1; no <= tasksPerYear; no++) {
        const timeline = chooseTimeline(r, year);
        const explicitDeadline = timeline === null ? toIsoDate(year, between(r, 3, 12), between(r, 1, 28)) : null;
        const forceRare = year === years[years.length - 1] && no === Math.floor(tasksPerYear / 2);
        const content = taskContent(r, year, forceRare);
        if (content.includes(RARE_PHRASE)) counts.rareTasks++;
        const lead = pick(r, UNITS).code;
        const partners = UNITS.filter((u) => u.code !== lead && r() < 0.18).map((u) => u.code);
        const { id } = addTask(s, {
          planYear: year,
          no,
          areaCode: pick(r, areaCodes),
          content,
          leadUnitCode: lead,
          partnerUnitCodes: partners,
          timeline,
          deadline: explicitDeadline,
          sourceCode: r() < 0.15 ? null : pick(r, sources),
          output: pick(r, OUTPUTS),
          person: r() < 0.85 ? personName(r) : null,
          authority: 'UBND phường',
        });
        counts.tasks++;
        const parsed = timeline ? parseTimeline(timeline, year) : null;
        const deadline = explicitDeadline ?? (parsed?.kind === 'deadline' ? parsed.deadline : null);
        for (const e of progressStory(r, year, timeline, deadline, today, progressPerTask)) {
          events.push({
            date: e.date,
            order: order++,
            run: () => {
              recordProgress(s, { taskId: id, status: e.status, percent: e.percent, note: e.note, date: e.date });
              counts.progress++;
            },
          });
        }
      }
      // Monthly values, entered on the 5th of the following month.
      for (const spec of specs) {
        for (let m = 1; m <= 12; m++) {
          const entered = m === 12 ? `${year + 1}-01-05` : toIsoDate(year, m + 1, 5);
          if (compareDates(entered, today) > 0) continue;
          const v = monthValue(spec, r, year, m);
          events.push({
            date: entered,
            order: order++,
            run: () => {
              setValue(s, { indicatorCode: spec.code, period: `${year}-M${String(m).padStart(2, '0')}`, ...v });
              counts.values++;
            },
          });
        }
      }
      // In the order they happened, so the change log reads like a real year.
      events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
      for (const e of events) {
        clock.set(e.date);
        e.run();
      }
    });
    const ms = performance.now() - ty;
    yearMs.set(year, ms);
    opts.onYear?.(year, ms);
  }
  clock.set(today);
  return { db, s, clock, today, years, counts, yearMs, totalMs: performance.now() - t0 };
}
