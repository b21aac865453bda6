/**
 * The Excel side of the documents: the plan's task appendix and indicator table, and a report's
 * tables, as XLSX, because the city and the officers work in Excel. Importing a plan from a sheet
 * and the empty template live in ./plan-sheet.ts and are re-exported here.
 */
import { parsePeriod, periodLabelVi } from '../../shared/rules/period';
import { getMeta } from '../database';
import { todayIso, type Session } from '../session';
import { formatDateVi } from '../../shared/rules/format-vi';
import { getReport } from '../services/reports';
import { listAreas, listDirectives, listUnits } from '../services/catalog';
import { listIndicators } from '../services/indicators';
import { requirePlan } from '../services/plans';
import { listTasks } from '../services/tasks';
import type { ReportFigures, StatusTally } from './figures';
import { committeeLongOf, comparatorSign, directiveCitation, groupByArea, outcomeLabelVi, periodPhraseVi, planReferenceOf, planSubjectOf } from './labels';
import {
  addTableSheet,
  excelDate,
  newWorkbook,
  NUMFMT_DATE,
  NUMFMT_DECIMAL,
  NUMFMT_INTEGER,
  NUMFMT_PERCENT,
  workbookBuffer,
  type SheetColumn,
  type SheetTitle,
  type XCell,
} from './xlsx-common';

export { importPlanSheet, parsePlanSheet, planSheetContext, writePlanTemplate, PLAN_COLUMNS } from './plan-sheet';
export type { PlanImportResult, PlanSheetContext, PlanSheetResult, PlanSheetRow, TemplateCatalog } from './plan-sheet';

export interface PlanSheetTask {
  no: number;
  content: string;
  leadUnitName: string;
  partnerUnitNames: string[];
  timeline: string | null;
  output: string | null;
  areaCode: string;
  /** The directive cited in full ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"). */
  sourceLabel: string | null;
  person: string | null;
  authority: string | null;
}

export interface IndicatorSheetRow {
  code: string;
  name: string;
  areaCode: string;
  unit: string;
  comparator: string | null;
  target: number | null;
  baseline: number | null;
}

export interface PlanXlsxInput {
  orgName: string;
  plan: { year: number; title: string; docNumber: string | null; issuedOn: string | null };
  areas: Array<{ code: string; name: string }>;
  tasks: PlanSheetTask[];
  indicators: IndicatorSheetRow[];
}

/** A figure in its unit's format: percentages as 99.68 shown '99,68%', other units with two decimals. */
function figure(value: number | null, unit: string): XCell {
  if (value === null) return null;
  return { value, numFmt: unit.trim() === '%' ? NUMFMT_PERCENT : NUMFMT_DECIMAL };
}

/**
 * The appendix's columns: the six of the paper appendix and the directive, printed; then what the
 * app needs to read the file back (area, person, approving authority), kept beside the print area.
 * The headers are the ones the plan importer recognises.
 */
const APPENDIX_COLUMNS = [
  { header: 'STT', width: 5, align: 'center' },
  { header: 'Nội dung nhiệm vụ', width: 38 },
  { header: 'Đơn vị chủ trì', width: 18 },
  { header: 'Đơn vị phối hợp', width: 20 },
  { header: 'Thời gian thực hiện', width: 12, align: 'center' },
  { header: 'Sản phẩm', width: 20 },
  { header: 'Văn bản căn cứ', width: 20 },
  { header: 'Lĩnh vực', width: 24 },
  { header: 'Người thực hiện', width: 18 },
  { header: 'Thẩm quyền phê duyệt', width: 22 },
] as const satisfies readonly SheetColumn[];
const APPENDIX_PRINTED = 7;

function planTitles(input: PlanXlsxInput, what: string): SheetTitle[] {
  return [
    { text: 'Phụ lục', bold: true },
    { text: `${what} ${planSubjectOf(input.plan).toUpperCase()}`, bold: true },
    { text: planReferenceOf(input.plan, input.orgName), italic: true },
  ];
}

export async function writePlanXlsx(input: PlanXlsxInput): Promise<Buffer> {
  const wb = newWorkbook(input.orgName);
  const areaName = new Map(input.areas.map((a) => [a.code, a.name]));
  const grouped = groupByArea(input.areas, input.tasks, (t) => [String(t.no), t.areaCode]);
  const byNo = new Map(input.tasks.map((t) => [String(t.no), t]));
  // Names rather than codes, as the paper appendix reads; the importer accepts either.
  const rows: XCell[][] = grouped.rows.map((r, i) => {
    if (grouped.sections.has(i)) return [r[0]!, r[1]!];
    const t = byNo.get(r[0]!)!;
    return [
      t.no,
      t.content,
      t.leadUnitName,
      t.partnerUnitNames.join(';\n'),
      t.timeline ?? '',
      t.output ?? '',
      t.sourceLabel ?? '',
      areaName.get(t.areaCode) ?? t.areaCode,
      t.person ?? '',
      t.authority ?? '',
    ];
  });
  addTableSheet(wb, {
    name: 'Phụ lục nhiệm vụ',
    columns: [...APPENDIX_COLUMNS],
    rows,
    spanRows: grouped.sections,
    official: { titles: planTitles(input, 'DANH MỤC NHIỆM VỤ'), printColumns: APPENDIX_PRINTED },
  });
  addTableSheet(wb, {
    name: 'Chỉ tiêu',
    columns: [
      { header: 'STT', width: 5, align: 'center' },
      { header: 'Chỉ tiêu', width: 62 },
      { header: 'Lĩnh vực', width: 22 },
      { header: 'Đơn vị tính', width: 9, align: 'center' },
      { header: 'So sánh', width: 8, align: 'center' },
      { header: `Chỉ tiêu năm ${input.plan.year}`, width: 12, align: 'right' },
      { header: `Kết quả năm ${input.plan.year - 1}`, width: 12, align: 'right' },
      { header: 'Mã', width: 9, align: 'center' },
    ],
    rows: input.indicators.map((i, n) => [
      n + 1,
      i.name,
      areaName.get(i.areaCode) ?? i.areaCode,
      i.unit,
      comparatorSign(i.comparator as Parameters<typeof comparatorSign>[0]),
      figure(i.target, i.unit),
      figure(i.baseline, i.unit),
      i.code,
    ]),
    official: { titles: planTitles(input, 'CHỈ TIÊU'), printColumns: 7 },
  });
  return workbookBuffer(wb);
}

export function readPlanXlsxInput(s: Session, year?: number): PlanXlsxInput {
  const plan = requirePlan(s, year);
  const units = new Map(listUnits(s).map((u) => [u.code, u.name]));
  const directives = new Map(listDirectives(s).map((d) => [d.code, directiveCitation(d)]));
  return {
    orgName: getMeta(s.db, s.role === 'ward' ? 'ward_name' : 'city_name') ?? s.orgCode,
    plan,
    areas: listAreas(s).map((a) => ({ code: a.code, name: a.name })),
    tasks: listTasks(s, { planYear: plan.year }).map((t) => ({
      no: t.no,
      content: t.content,
      leadUnitName: t.leadUnitName,
      partnerUnitNames: t.partnerUnitCodes.map((c) => units.get(c) ?? c),
      timeline: t.timeline,
      output: t.output,
      areaCode: t.areaCode,
      sourceLabel: t.sourceCode ? (directives.get(t.sourceCode) ?? t.sourceNumber) : null,
      person: t.person,
      authority: t.authority,
    })),
    indicators: listIndicators(s, { year: plan.year }),
  };
}

export async function buildPlanXlsx(s: Session, year?: number): Promise<Buffer> {
  return writePlanXlsx(readPlanXlsxInput(s, year));
}

// ---- a report's tables ---------------------------------------------------------------------------

function tallyCells(t: StatusTally): XCell[] {
  return [t.assigned, t.done, t.doneLate, t.inProgress, t.notStarted, t.overdue, t.assigned === 0 ? null : (t.done * 100) / t.assigned];
}

function reportTitles(f: ReportFigures, what: string, ref: { docNumber: string | null; date: string | null }): SheetTitle[] {
  const number = ref.docNumber ? `số ${ref.docNumber}` : 'số      /BC-UBND';
  const date = ref.date ? `ngày ${formatDateVi(ref.date)}` : 'ngày      /      /';
  return [
    { text: 'Phụ lục', bold: true },
    { text: `${what} ${periodPhraseVi(parsePeriod(f.period)!).toUpperCase()}`, bold: true },
    { text: `(Kèm theo Báo cáo ${number} ${date} của ${committeeLongOf(f.context.orgName)})`, italic: true },
  ];
}

export async function writeReportXlsx(f: ReportFigures, ref: { docNumber: string | null; date: string | null } = { docNumber: null, date: null }): Promise<Buffer> {
  const wb = newWorkbook(f.context.orgName);
  const count = (header: string) => ({ header, width: 11, align: 'center' as const, numFmt: NUMFMT_INTEGER });
  const stats = f.tasks.byDirective.map((d, i) => [
    i + 1,
    d.code === null ? 'Nhiệm vụ khác (không nêu văn bản chỉ đạo)' : directiveCitation({ number: d.number, issuer: d.issuer, issuedOn: d.issuedOn }),
    ...tallyCells(d),
  ]);
  stats.push([null, 'Tổng cộng', ...tallyCells(f.tasks.total)]);
  addTableSheet(wb, {
    name: 'Thống kê nhiệm vụ',
    columns: [
      { header: 'STT', width: 5, align: 'center' },
      { header: 'Văn bản chỉ đạo', width: 44 },
      count('Số nhiệm vụ được giao'),
      count('Đã hoàn thành'),
      count('Trong đó: hoàn thành muộn'),
      count('Đang thực hiện trong hạn'),
      count('Chưa triển khai'),
      count('Quá hạn'),
      { header: 'Tỷ lệ hoàn thành', width: 11, align: 'center', numFmt: NUMFMT_PERCENT },
    ],
    rows: stats,
    boldRows: new Set([stats.length - 1]),
    official: { titles: reportTitles(f, 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO VĂN BẢN CHỈ ĐẠO', ref), printColumns: 9 },
  });
  const year = f.context.plan.year;
  addTableSheet(wb, {
    name: 'Chỉ tiêu',
    columns: [
      { header: 'STT', width: 5, align: 'center' },
      { header: 'Chỉ tiêu', width: 44 },
      { header: 'Đơn vị tính', width: 8, align: 'center' },
      { header: 'So sánh', width: 7, align: 'center' },
      { header: `Chỉ tiêu năm ${year}`, width: 10, align: 'right' },
      { header: `Kết quả năm ${year - 1}`, width: 10, align: 'right' },
      { header: `Kết quả ${f.periodLabel}`, width: 11, align: 'right' },
      { header: 'Kỳ số liệu', width: 11, align: 'center' },
      { header: 'Đánh giá', width: 12, align: 'center' },
      { header: 'Tử số', width: 14, align: 'right', numFmt: NUMFMT_INTEGER },
      { header: 'Mẫu số', width: 14, align: 'right', numFmt: NUMFMT_INTEGER },
      { header: 'Mã', width: 9, align: 'center' },
    ],
    rows: f.indicators.rows.map((r, i) => {
      const p = r.valuePeriod ? parsePeriod(r.valuePeriod) : null;
      return [
        i + 1,
        r.name,
        r.unit,
        comparatorSign(r.comparator),
        figure(r.target, r.unit),
        figure(r.baseline, r.unit),
        figure(r.value, r.unit),
        p ? periodLabelVi(p) : '',
        outcomeLabelVi(r.outcome),
        r.numerator,
        r.denominator,
        r.code,
      ];
    }),
    official: { titles: reportTitles(f, 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', ref), printColumns: 9 },
  });
  addTableSheet(wb, {
    name: 'Nhiệm vụ quá hạn',
    columns: [
      { header: 'STT', width: 5, align: 'center' },
      { header: 'Nội dung nhiệm vụ', width: 42 },
      { header: 'Đơn vị chủ trì', width: 20 },
      { header: 'Thời gian thực hiện', width: 12, align: 'center' },
      { header: 'Thời hạn', width: 11, align: 'center', numFmt: NUMFMT_DATE },
      { header: 'Số ngày quá hạn', width: 9, align: 'center', numFmt: NUMFMT_INTEGER },
      { header: 'Tiến độ', width: 9, align: 'center', numFmt: NUMFMT_PERCENT },
      { header: 'Lý do', width: 20 },
    ],
    rows: f.tasks.overdue.map((t) => [t.no, t.content, t.leadUnitName, t.timeline ?? '', excelDate(t.deadline), t.daysOverdue, t.percent, t.note ?? '']),
    official: { titles: reportTitles(f, 'NHIỆM VỤ QUÁ HẠN', ref), printColumns: 8 },
  });
  return workbookBuffer(wb);
}

/** A report's tables as they stand: frozen if approved, live if still a draft. */
export async function buildReportXlsx(s: Session, period: string, supplement = 0): Promise<Buffer> {
  const r = getReport(s, period, supplement);
  return writeReportXlsx(r.figures, { docNumber: r.docNumber, date: r.approvedAt ? todayIso(r.approvedAt) : null });
}
