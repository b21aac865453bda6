/**
 * The periodic report (báo cáo quý / 6 tháng / năm) as a DOCX in the Nghị định 30 layout: the
 * computed tables from the figures, then each area's narrative as the officer wrote it.
 *
 * renderReportDocx works from the figures and narratives alone, so the same document comes out of
 * a ward's live draft, its approved (frozen) report, or a report the city received.
 */
import { Packer, TableRow, type Paragraph, type Table } from 'docx';
import { formatDateVi, formatNumberVi, formatPercentVi } from '../../shared/rules/format-vi';
import { parsePeriod, periodLabelVi } from '../../shared/rules/period';
import { todayIso, type Session } from '../session';
import { getReceivedReport, getReport, type AreaNarrative } from '../services/reports';
import { reportsError } from './errors';
import {
  cell,
  dataTable,
  fitWidths,
  heading,
  officialDocument,
  officialHeader,
  para,
  paras,
  portraitSection,
  PORTRAIT_TEXT_WIDTH,
  signatureBlock,
  SIZE,
  titleBlock,
} from './docx-official';
import type { AreaTally, IndicatorFigure, ReportFigures, StatusTally } from './figures';
import {
  committeeOf,
  dateLineVi,
  directiveCitation,
  docNumberLine,
  indicatorNumberVi,
  issuingBodyLines,
  kindWordOf,
  outcomeLabelVi,
  periodPhraseVi,
  placeNameOf,
  shareVi,
  signerAuthorityLines,
  targetLabelVi,
} from './labels';

export const REPORT_SYMBOL = 'BC-UBND';

export interface ReportDocInput {
  figures: ReportFigures;
  narratives: AreaNarrative[];
  docNumber: string | null;
  /** The document's date (YYYY-MM-DD): the approval day, or today for a draft. */
  date: string;
  /** "Nơi nhận" lines without the leading dash; a sensible list for a ward is used when absent. */
  recipients?: string[];
}

function committeeLong(orgName: string): string {
  return `Ủy ban nhân dân ${orgName.charAt(0).toLowerCase()}${orgName.slice(1)}`;
}

export function reportTitle(f: ReportFigures): string {
  const p = parsePeriod(f.period)!;
  return `Kết quả thực hiện Kế hoạch chuyển đổi số ${periodPhraseVi(p)}`;
}

export function defaultRecipients(f: ReportFigures): string[] {
  const kind = kindWordOf(f.context.orgName);
  return [
    `${f.context.cityName ? committeeOf(f.context.cityName) : 'UBND thành phố'} (để báo cáo);`,
    'Sở Khoa học và Công nghệ (để báo cáo);',
    `Thường trực Đảng ủy ${kind};`,
    `Chủ tịch, các Phó Chủ tịch UBND ${kind};`,
    'Lưu: VT.',
  ];
}

function introParagraph(f: ReportFigures): Paragraph {
  const plan = f.context.plan;
  const committee = committeeLong(f.context.orgName);
  const ref = plan.docNumber ? `Kế hoạch số ${plan.docNumber}${plan.issuedOn ? ` ngày ${formatDateVi(plan.issuedOn)}` : ''}` : 'Kế hoạch';
  const about = plan.title.replace(/^kế hoạch\s+/i, '');
  const aboutText = `${about.charAt(0).toLowerCase()}${about.slice(1)}`;
  return para(
    `Thực hiện ${ref} của ${committee} về ${aboutText}, ${committee} báo cáo kết quả thực hiện ${periodPhraseVi(parsePeriod(f.period)!)} như sau:`,
  );
}

function tallyText(t: StatusTally): string {
  const late = t.doneLate > 0 ? `, trong đó ${t.doneLate} nhiệm vụ hoàn thành sau thời hạn` : '';
  return `đã hoàn thành ${shareVi(t.done, t.assigned)}${late}; đang thực hiện trong hạn ${t.inProgress}; chưa triển khai ${t.notStarted}; quá hạn ${t.overdue}`;
}

function generalSection(f: ReportFigures): Paragraph[] {
  const t = f.tasks.total;
  const i = f.indicators;
  return [
    heading('I. KHÁI QUÁT CHUNG'),
    para(`Kế hoạch năm ${f.context.plan.year} có ${t.assigned} nhiệm vụ và ${i.total} chỉ tiêu. Tính đến ngày ${formatDateVi(f.asOf)}:`),
    para(`- Về nhiệm vụ: ${tallyText(t)}.`),
    para(`- Về chỉ tiêu: đạt ${i.met}/${i.total} chỉ tiêu; chưa đạt ${i.notMet}; chưa có số liệu ${i.noData}.`),
  ];
}

const STAT_WIDTHS = fitWidths([6.8, 28, 10.5, 9, 11, 12, 11, 11.7], PORTRAIT_TEXT_WIDTH);

function statsHeader(): TableRow[] {
  const w = STAT_WIDTHS;
  const h = (text: string, i: number, extra: { rowSpan?: number; columnSpan?: number; width?: number } = {}) =>
    cell(text, { width: extra.width ?? w[i]!, align: 'center', bold: true, rowSpan: extra.rowSpan, columnSpan: extra.columnSpan });
  return [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [
        h('STT', 0, { rowSpan: 2 }),
        h('Văn bản chỉ đạo', 1, { rowSpan: 2 }),
        h('Số nhiệm vụ được giao', 2, { rowSpan: 2 }),
        h('Đã hoàn thành', 3, { columnSpan: 2, width: w[3]! + w[4]! }),
        h('Đang thực hiện trong hạn', 5, { rowSpan: 2 }),
        h('Chưa triển khai', 6, { rowSpan: 2 }),
        h('Quá hạn', 7, { rowSpan: 2 }),
      ],
    }),
    new TableRow({ tableHeader: true, cantSplit: true, children: [h('Tổng số', 3), h('Trong đó: hoàn thành muộn', 4)] }),
  ];
}

function tallyCells(t: StatusTally): string[] {
  return [t.assigned, t.done, t.doneLate, t.inProgress, t.notStarted, t.overdue].map(String);
}

function statsTable(f: ReportFigures): Table {
  const rows = f.tasks.byDirective.map((d, i) => [
    String(i + 1),
    d.code === null ? 'Nhiệm vụ khác (không nêu văn bản chỉ đạo)' : directiveCitation({ number: d.number ?? d.code, issuer: d.issuer, issuedOn: d.issuedOn }),
    ...tallyCells(d),
  ]);
  rows.push(['', 'Tổng cộng', ...tallyCells(f.tasks.total)]);
  const columns = STAT_WIDTHS.map((width, i) => ({ header: '', width, align: i === 1 ? ('left' as const) : ('center' as const) }));
  return dataTable({ columns, rows, headerRows: statsHeader(), boldRows: new Set([rows.length - 1]) });
}

function overdueSection(f: ReportFigures): Array<Paragraph | Table> {
  if (f.tasks.overdue.length === 0) return [para('Không có nhiệm vụ quá hạn.')];
  const w = fitWidths([6.8, 38, 18, 15.5, 11.5, 10.2], PORTRAIT_TEXT_WIDTH);
  return [
    dataTable({
      columns: [
        { header: 'STT', width: w[0]!, align: 'center' },
        { header: 'Nội dung nhiệm vụ', width: w[1]! },
        { header: 'Đơn vị chủ trì', width: w[2]! },
        { header: 'Thời hạn', width: w[3]!, align: 'center' },
        { header: 'Số ngày quá hạn', width: w[4]!, align: 'center' },
        { header: 'Tiến độ', width: w[5]!, align: 'center' },
      ],
      rows: f.tasks.overdue.map((t) => [String(t.no), t.content, t.leadUnitName, formatDateVi(t.deadline), formatNumberVi(t.daysOverdue, 0), formatPercentVi(t.percent)]),
    }),
  ];
}

function valueText(r: IndicatorFigure, f: ReportFigures): string {
  if (r.value === null) return '';
  const lines = [indicatorNumberVi(r.value, r.unit)];
  if (r.numerator !== null && r.denominator !== null) lines.push(`(${formatNumberVi(r.numerator)}/${formatNumberVi(r.denominator)})`);
  const p = r.valuePeriod ? parsePeriod(r.valuePeriod) : null;
  if (p && r.valuePeriod !== f.period) lines.push(`(${periodLabelVi(p)})`);
  return lines.join('\n');
}

function indicatorTable(f: ReportFigures): Table {
  const w = fitWidths([6.8, 36.2, 7, 12, 11, 14, 13], PORTRAIT_TEXT_WIDTH);
  const year = f.context.plan.year;
  return dataTable({
    columns: [
      { header: 'STT', width: w[0]!, align: 'center' },
      { header: 'Chỉ tiêu', width: w[1]! },
      { header: 'Đơn vị tính', width: w[2]!, align: 'center' },
      { header: `Chỉ tiêu năm ${year}`, width: w[3]!, align: 'center' },
      { header: `Kết quả năm ${year - 1}`, width: w[4]!, align: 'center' },
      { header: `Kết quả ${f.periodLabel}`, width: w[5]!, align: 'center' },
      { header: 'Đánh giá', width: w[6]!, align: 'center' },
    ],
    rows: f.indicators.rows.map((r, i) => [
      String(i + 1),
      r.name,
      r.unit,
      targetLabelVi(r.comparator, r.target, r.unit),
      indicatorNumberVi(r.baseline, r.unit),
      valueText(r, f),
      outcomeLabelVi(r.outcome),
    ]),
  });
}

const NARRATIVE_PARTS: Array<[keyof Pick<AreaNarrative, 'results' | 'shortcomings' | 'nextTasks' | 'proposals'>, string]> = [
  ['results', 'a) Kết quả đạt được'],
  ['shortcomings', 'b) Tồn tại, hạn chế và nguyên nhân'],
  ['nextTasks', 'c) Nhiệm vụ trọng tâm thời gian tới'],
  ['proposals', 'd) Đề xuất, kiến nghị'],
];

function areaSection(f: ReportFigures, narratives: AreaNarrative[]): Paragraph[] {
  const tallies = new Map<string, AreaTally>(f.tasks.byArea.map((a) => [a.code, a]));
  const written = new Map(narratives.map((n) => [n.areaCode, n]));
  const out: Paragraph[] = [];
  let n = 0;
  for (const area of f.areas) {
    const a = written.get(area.code) ?? { areaCode: area.code, areaName: area.name, results: '', shortcomings: '', nextTasks: '', proposals: '' };
    const t = tallies.get(a.areaCode);
    const inds = f.indicators.rows.filter((r) => r.areaCode === a.areaCode);
    const parts = NARRATIVE_PARTS.filter(([k]) => a[k].trim() !== '');
    // An area with nothing assigned and nothing written has nothing to report.
    if (!t && inds.length === 0 && parts.length === 0) continue;
    out.push(heading(`${++n}. ${a.areaName}`));
    const facts: string[] = [];
    if (t) facts.push(`Số nhiệm vụ: ${t.assigned} (${tallyText(t)})`);
    if (inds.length > 0) facts.push(`Chỉ tiêu: đạt ${inds.filter((r) => r.outcome === 'dat').length}/${inds.length}`);
    if (facts.length > 0) out.push(para(`${facts.join('. ')}.`, { italics: true }));
    for (const [k, label] of parts) out.push(heading(label, { italics: true }), ...paras(a[k]));
  }
  return out;
}

export function reportBody(input: ReportDocInput): Array<Paragraph | Table> {
  const f = input.figures;
  const ctx = f.context;
  const committee = committeeLong(ctx.orgName);
  return [
    officialHeader({
      bodyLines: issuingBodyLines(ctx.orgName),
      numberLine: docNumberLine(input.docNumber, REPORT_SYMBOL),
      placeDate: dateLineVi(placeNameOf(ctx.orgName), input.date),
    }),
    ...titleBlock('BÁO CÁO', reportTitle(f)),
    introParagraph(f),
    ...generalSection(f),
    heading('II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ'),
    heading('1. Kết quả theo văn bản chỉ đạo'),
    para('Đơn vị tính: nhiệm vụ', { italics: true, size: SIZE.table, align: 'right', indent: false, after: 40 }),
    statsTable(f),
    para('', { after: 60 }),
    heading('2. Nhiệm vụ quá hạn'),
    ...overdueSection(f),
    para('', { after: 60 }),
    heading('III. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'),
    indicatorTable(f),
    para('', { after: 60 }),
    heading(`IV. KẾT QUẢ THEO TỪNG LĨNH VỰC`),
    ...areaSection(f, input.narratives),
    para(`Trên đây là báo cáo kết quả thực hiện Kế hoạch chuyển đổi số ${periodPhraseVi(parsePeriod(f.period)!)} của ${committee}./.`, { before: 120, after: 240, keepNext: true }),
    signatureBlock({
      recipients: input.recipients ?? defaultRecipients(f),
      authorityLines: signerAuthorityLines(ctx.signer.title),
      signerName: ctx.signer.name,
    }),
  ];
}

export async function renderReportDocx(input: ReportDocInput): Promise<Buffer> {
  const doc = officialDocument({ title: `Báo cáo ${reportTitle(input.figures)}`, creator: input.figures.context.orgName }, [
    portraitSection(reportBody(input)),
  ]);
  return Packer.toBuffer(doc);
}

/** A report a ward sent, as the city received it: its frozen figures and its own words. */
export async function buildReceivedReportDocx(s: Session, owner: string, period: string, opts: { recipients?: string[] } = {}): Promise<Buffer> {
  const r = getReceivedReport(s, owner, period);
  // A draft has no frozen figures, and the city cannot compute a ward's figures for it.
  if (!r.figures || !r.approvedAt) throw reportsError('report.not_approved', { period: r.period });
  return renderReportDocx({ figures: r.figures, narratives: r.narratives, docNumber: r.docNumber, date: todayIso(r.approvedAt), recipients: opts.recipients });
}

/** The ward's report for a period as it stands: frozen if approved, live if still a draft. */
export async function buildReportDocx(s: Session, period: string, opts: { recipients?: string[] } = {}): Promise<Buffer> {
  const r = getReport(s, period);
  return renderReportDocx({
    figures: r.figures,
    narratives: r.narratives,
    docNumber: r.docNumber,
    date: r.approvedAt ? todayIso(r.approvedAt) : todayIso(s.now()),
    recipients: opts.recipients,
  });
}
