/**
 * The Excel side of the documents: the plan's task appendix and indicator table, and a report's
 * tables, as XLSX, because the city and the officers work in Excel. Importing a plan from a sheet
 * and the empty template live in ./plan-sheet.ts and are re-exported here.
 */
import { parsePeriod, periodLabelVi } from '../../shared/rules/period';
import { getMeta } from '../database';
import type { Session } from '../session';
import { getReport } from '../services/reports';
import { listUnits } from '../services/catalog';
import { listIndicators } from '../services/indicators';
import { requirePlan } from '../services/plans';
import { listTasks } from '../services/tasks';
import type { ReportFigures, StatusTally } from './figures';
import { comparatorSign, directiveCitation, outcomeLabelVi } from './labels';
import { PLAN_COLUMNS } from './plan-sheet';
import {
  addTableSheet,
  excelDate,
  newWorkbook,
  NUMFMT_DATE,
  NUMFMT_DECIMAL,
  NUMFMT_INTEGER,
  NUMFMT_PERCENT,
  workbookBuffer,
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
  sourceNumber: string | null;
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
  year: number;
  tasks: PlanSheetTask[];
  indicators: IndicatorSheetRow[];
}

/** A figure in its unit's format: percentages as 99.68 shown '99,68%', other units with two decimals. */
function figure(value: number | null, unit: string): XCell {
  if (value === null) return null;
  return { value, numFmt: unit.trim() === '%' ? NUMFMT_PERCENT : NUMFMT_DECIMAL };
}

function taskRows(tasks: PlanSheetTask[]): XCell[][] {
  // Names rather than codes, as the paper appendix reads; the importer accepts either.
  return tasks.map((t) => [
    t.no,
    t.content,
    t.leadUnitName,
    t.partnerUnitNames.join(';\n'),
    t.timeline ?? '',
    t.output ?? '',
    t.areaCode,
    t.sourceNumber ?? '',
    t.person ?? '',
    t.authority ?? '',
  ]);
}

export async function writePlanXlsx(input: PlanXlsxInput): Promise<Buffer> {
  const wb = newWorkbook(input.orgName);
  addTableSheet(wb, { name: 'Phụ lục nhiệm vụ', columns: [...PLAN_COLUMNS], rows: taskRows(input.tasks) });
  addTableSheet(wb, {
    name: 'Chỉ tiêu',
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Mã', width: 9, align: 'center' },
      { header: 'Chỉ tiêu', width: 70 },
      { header: 'Lĩnh vực', width: 10, align: 'center' },
      { header: 'Đơn vị tính', width: 10, align: 'center' },
      { header: 'So sánh', width: 8, align: 'center' },
      { header: `Chỉ tiêu năm ${input.year}`, width: 14, align: 'right' },
      { header: `Kết quả năm ${input.year - 1}`, width: 14, align: 'right' },
    ],
    rows: input.indicators.map((i, n) => [
      n + 1,
      i.code,
      i.name,
      i.areaCode,
      i.unit,
      comparatorSign(i.comparator as Parameters<typeof comparatorSign>[0]),
      figure(i.target, i.unit),
      figure(i.baseline, i.unit),
    ]),
  });
  return workbookBuffer(wb);
}

export function readPlanXlsxInput(s: Session, year?: number): PlanXlsxInput {
  const plan = requirePlan(s, year);
  const units = new Map(listUnits(s).map((u) => [u.code, u.name]));
  return {
    orgName: getMeta(s.db, s.role === 'ward' ? 'ward_name' : 'city_name') ?? s.orgCode,
    year: plan.year,
    tasks: listTasks(s, { planYear: plan.year }).map((t) => ({
      no: t.no,
      content: t.content,
      leadUnitName: t.leadUnitName,
      partnerUnitNames: t.partnerUnitCodes.map((c) => units.get(c) ?? c),
      timeline: t.timeline,
      output: t.output,
      areaCode: t.areaCode,
      sourceNumber: t.sourceNumber,
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

export async function writeReportXlsx(f: ReportFigures): Promise<Buffer> {
  const wb = newWorkbook(f.context.orgName);
  const count = (header: string) => ({ header, width: 12, align: 'center' as const, numFmt: NUMFMT_INTEGER });
  const stats = f.tasks.byDirective.map((d, i) => [
    i + 1,
    d.code === null ? 'Nhiệm vụ khác (không nêu văn bản chỉ đạo)' : directiveCitation({ number: d.number ?? d.code, issuer: d.issuer, issuedOn: d.issuedOn }),
    ...tallyCells(d),
  ]);
  stats.push([null, 'Tổng cộng', ...tallyCells(f.tasks.total)]);
  addTableSheet(wb, {
    name: 'Thống kê nhiệm vụ',
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Văn bản chỉ đạo', width: 50 },
      count('Số nhiệm vụ được giao'),
      count('Đã hoàn thành'),
      count('Trong đó: hoàn thành muộn'),
      count('Đang thực hiện trong hạn'),
      count('Chưa triển khai'),
      count('Quá hạn'),
      { header: 'Tỷ lệ hoàn thành', width: 12, align: 'center', numFmt: NUMFMT_PERCENT },
    ],
    rows: stats,
    boldRows: new Set([stats.length - 1]),
  });
  const year = f.context.plan.year;
  addTableSheet(wb, {
    name: 'Chỉ tiêu',
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Mã', width: 9, align: 'center' },
      { header: 'Chỉ tiêu', width: 60 },
      { header: 'Đơn vị tính', width: 10, align: 'center' },
      { header: 'So sánh', width: 8, align: 'center' },
      { header: `Chỉ tiêu năm ${year}`, width: 13, align: 'right' },
      { header: `Kết quả năm ${year - 1}`, width: 13, align: 'right' },
      { header: `Kết quả ${f.periodLabel}`, width: 14, align: 'right' },
      { header: 'Kỳ số liệu', width: 14, align: 'center' },
      { header: 'Tử số', width: 14, align: 'right', numFmt: NUMFMT_INTEGER },
      { header: 'Mẫu số', width: 14, align: 'right', numFmt: NUMFMT_INTEGER },
      { header: 'Đánh giá', width: 16, align: 'center' },
    ],
    rows: f.indicators.rows.map((r, i) => {
      const p = r.valuePeriod ? parsePeriod(r.valuePeriod) : null;
      return [
        i + 1,
        r.code,
        r.name,
        r.unit,
        comparatorSign(r.comparator),
        figure(r.target, r.unit),
        figure(r.baseline, r.unit),
        figure(r.value, r.unit),
        p ? periodLabelVi(p) : '',
        r.numerator,
        r.denominator,
        outcomeLabelVi(r.outcome),
      ];
    }),
  });
  addTableSheet(wb, {
    name: 'Nhiệm vụ quá hạn',
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Nội dung nhiệm vụ', width: 60 },
      { header: 'Đơn vị chủ trì', width: 28 },
      { header: 'Thời gian thực hiện', width: 18, align: 'center' },
      { header: 'Thời hạn', width: 12, align: 'center', numFmt: NUMFMT_DATE },
      { header: 'Số ngày quá hạn', width: 10, align: 'center', numFmt: NUMFMT_INTEGER },
      { header: 'Tiến độ', width: 10, align: 'center', numFmt: NUMFMT_PERCENT },
    ],
    rows: f.tasks.overdue.map((t) => [t.no, t.content, t.leadUnitName, t.timeline ?? '', excelDate(t.deadline), t.daysOverdue, t.percent]),
  });
  return workbookBuffer(wb);
}

/** A report's tables as they stand: frozen if approved, live if still a draft. */
export async function buildReportXlsx(s: Session, period: string): Promise<Buffer> {
  return writeReportXlsx(getReport(s, period).figures);
}
