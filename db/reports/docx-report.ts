/**
 * The periodic report (báo cáo quý / 6 tháng / năm) as a DOCX in the Nghị định 30 layout, in the
 * structure of a real quarterly report: I. results (the officer's summary, the tables per
 * directive and of indicators, each area's narrative), II. shortcomings and causes (with the
 * overdue tasks and their reasons), III. the next period's key tasks (with the tasks due next
 * month), IV. proposals; then, on landscape pages numbered on their own, the per-task progress
 * appendix.
 *
 * renderReportDocx works from the figures, sections and narratives alone, so the same document
 * comes out of a ward's live draft, its approved (frozen) report, or a report the city received.
 * A draft is marked DỰ THẢO on every page and carries neither a date nor the signer's name.
 */
import { Packer, TableRow, type Paragraph, type Table } from 'docx';
import type { ReportBody } from '../../shared/api/report-types';
import { taskStatusLabel } from '../../shared/rules/task-status';
import { formatDateVi, formatNumberVi, formatPercentVi } from '../../shared/rules/format-vi';
import { parsePeriod, periodLabelVi } from '../../shared/rules/period';
import { eq } from 'drizzle-orm';
import { report as reportTable } from '../schema';
import { parseRecipients, parseReportBody } from '../stored-json';
import { todayIso, type Session } from '../session';
import { withArchiveLine } from '../services/documents';
import { getReceivedReport, getReport, type AreaNarrative } from '../services/reports';
import { areaLines, effectiveReportBody, nextMonthLabel, nextPeriodPhrase } from './report-body';
import { reportsError } from './errors';
import {
  appendixSection,
  cell,
  centred,
  dataTable,
  fitWidths,
  heading,
  LANDSCAPE_TEXT_WIDTH,
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
  blankDateLineVi,
  dateLineVi,
  directiveCitation,
  docNumberLine,
  groupByArea,
  indicatorNumberVi,
  issuingBodyLines,
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
  /** The approval day (YYYY-MM-DD); null for a draft, whose date line is left for the clerk. */
  date: string | null;
  /** Marks every page DỰ THẢO and leaves the signer's name off. */
  draft: boolean;
  /** Sections I–IV; absent: what the app writes from the figures. */
  body?: ReportBody;
  /** "Nơi nhận" lines without the dash and without the "Lưu" line. */
  recipients: string[];
  draftingUnit: string;
  /** For a supplementary report: its number in the series and the report it adds to. */
  supplement?: { no: number; docNumber: string | null; approvedAt: string | null } | null;
}

function committeeLong(orgName: string): string {
  return `Ủy ban nhân dân ${orgName.charAt(0).toLowerCase()}${orgName.slice(1)}`;
}

export function reportTitle(f: ReportFigures, supplement = false): string {
  const p = parsePeriod(f.period)!;
  return `${supplement ? 'Bổ sung kết quả' : 'Kết quả'} thực hiện Kế hoạch chuyển đổi số ${periodPhraseVi(p)}`;
}

function introParagraph(input: ReportDocInput): Paragraph {
  const f = input.figures;
  const plan = f.context.plan;
  const committee = committeeLong(f.context.orgName);
  const phrase = periodPhraseVi(parsePeriod(f.period)!);
  if (input.supplement) {
    const o = input.supplement;
    const ref = [o.docNumber ? `số ${o.docNumber}` : '', o.approvedAt ? `ngày ${formatDateVi(o.approvedAt.slice(0, 10))}` : ''].filter(Boolean).join(' ');
    return para(`${committee} báo cáo bổ sung Báo cáo ${ref ? `${ref} ` : ''}về kết quả thực hiện Kế hoạch chuyển đổi số ${phrase} như sau:`);
  }
  const ref = plan.docNumber ? `Kế hoạch số ${plan.docNumber}${plan.issuedOn ? ` ngày ${formatDateVi(plan.issuedOn)}` : ''}` : 'Kế hoạch';
  const about = plan.title.replace(/^kế hoạch\s+/i, '');
  const aboutText = `${about.charAt(0).toLowerCase()}${about.slice(1)}`;
  return para(`Thực hiện ${ref} của ${committee} về ${aboutText}, ${committee} báo cáo kết quả thực hiện ${phrase} như sau:`);
}

function tallyText(t: StatusTally): string {
  const late = t.doneLate > 0 ? `, trong đó ${t.doneLate} nhiệm vụ hoàn thành sau thời hạn` : '';
  return `đã hoàn thành ${shareVi(t.done, t.assigned)}${late}; đang thực hiện trong hạn ${t.inProgress}; chưa triển khai ${t.notStarted}; quá hạn ${t.overdue}`;
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
    d.code === null ? 'Nhiệm vụ khác (không nêu văn bản chỉ đạo)' : directiveCitation({ number: d.number, issuer: d.issuer, issuedOn: d.issuedOn }),
    ...tallyCells(d),
  ]);
  rows.push(['', 'Tổng cộng', ...tallyCells(f.tasks.total)]);
  const columns = STAT_WIDTHS.map((width, i) => ({ header: '', width, align: i === 1 ? ('left' as const) : ('center' as const) }));
  return dataTable({ columns, rows, headerRows: statsHeader(), boldRows: new Set([rows.length - 1]) });
}

function overdueTable(f: ReportFigures): Table {
  const w = fitWidths([6.5, 29, 15, 14, 9, 9, 17.5], PORTRAIT_TEXT_WIDTH);
  return dataTable({
    columns: [
      { header: 'STT', width: w[0]!, align: 'center' },
      { header: 'Nội dung nhiệm vụ', width: w[1]! },
      { header: 'Đơn vị chủ trì', width: w[2]! },
      { header: 'Thời hạn', width: w[3]!, align: 'center' },
      { header: 'Số ngày quá hạn', width: w[4]!, align: 'center' },
      { header: 'Tiến độ', width: w[5]!, align: 'center' },
      { header: 'Lý do', width: w[6]! },
    ],
    rows: f.tasks.overdue.map((t) => [
      String(t.no),
      t.content,
      t.leadUnitName,
      formatDateVi(t.deadline),
      formatNumberVi(t.daysOverdue, 0),
      formatPercentVi(t.percent),
      t.note ?? 'Chưa nêu lý do',
    ]),
  });
}

function dueNextTable(f: ReportFigures): Table {
  const w = fitWidths([6.8, 45, 22, 14, 12.2], PORTRAIT_TEXT_WIDTH);
  return dataTable({
    columns: [
      { header: 'STT', width: w[0]!, align: 'center' },
      { header: 'Nội dung nhiệm vụ', width: w[1]! },
      { header: 'Đơn vị chủ trì', width: w[2]! },
      { header: 'Thời hạn', width: w[3]!, align: 'center' },
      { header: 'Tiến độ', width: w[4]!, align: 'center' },
    ],
    rows: (f.tasks.dueNext ?? []).map((t) => [String(t.no), t.content, t.leadUnitName, formatDateVi(t.deadline), formatPercentVi(t.percent)]),
  });
}

function valueText(r: IndicatorFigure, f: ReportFigures): string {
  // The assessment column says "Chưa có số liệu"; saying it twice in one row only crowds it.
  if (r.value === null) return '–';
  const lines = [indicatorNumberVi(r.value, r.unit)];
  if (r.numerator !== null && r.denominator !== null) {
    const pair = `(${formatNumberVi(r.numerator)}/${formatNumberVi(r.denominator)})`;
    // A long pair breaks after the slash, not in the middle of a number.
    lines.push(...(pair.length > 13 ? [`(${formatNumberVi(r.numerator)}/`, `${formatNumberVi(r.denominator)})`] : [pair]));
  }
  const parts = r.valueParts ?? [];
  if (parts.length > 1 && r.valueComplete === false) {
    const last = parsePeriod(parts[parts.length - 1]!);
    if (last) lines.push(`(số liệu đến ${periodLabelVi(last)})`);
  } else {
    const p = r.valuePeriod ? parsePeriod(r.valuePeriod) : null;
    if (p && r.valuePeriod !== f.period) lines.push(`(${periodLabelVi(p)})`);
  }
  return lines.join('\n');
}

function indicatorTable(f: ReportFigures): Table {
  const w = fitWidths([6.8, 34.2, 7, 11, 10.5, 17, 13.5], PORTRAIT_TEXT_WIDTH);
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
      r.baseline === null ? '–' : indicatorNumberVi(r.baseline, r.unit),
      valueText(r, f),
      outcomeLabelVi(r.outcome),
    ]),
  });
}

function areaResults(f: ReportFigures, narratives: AreaNarrative[]): Paragraph[] {
  const tallies = new Map<string, AreaTally>(f.tasks.byArea.map((a) => [a.code, a]));
  const written = new Map(narratives.map((n) => [n.areaCode, n]));
  const out: Paragraph[] = [];
  let n = 0;
  for (const area of f.areas) {
    const results = written.get(area.code)?.results.trim() ?? '';
    const t = tallies.get(area.code);
    const inds = f.indicators.rows.filter((r) => r.areaCode === area.code);
    // An area with nothing assigned and nothing written has nothing to report.
    if (!t && inds.length === 0 && results === '') continue;
    out.push(heading(`${++n}. ${area.name}`, { italics: true }));
    const facts: string[] = [];
    facts.push(t ? `Số nhiệm vụ: ${t.assigned} (${tallyText(t)})` : 'Lĩnh vực không có nhiệm vụ trong Kế hoạch');
    if (inds.length > 0) {
      const withData = inds.filter((r) => r.outcome !== 'no_data');
      facts.push(
        withData.length === 0
          ? `${inds.length} chỉ tiêu, chưa có số liệu`
          : `Chỉ tiêu: đạt ${inds.filter((r) => r.outcome === 'dat').length}/${inds.length}${withData.length < inds.length ? ` (${inds.length - withData.length} chỉ tiêu chưa có số liệu)` : ''}`,
      );
    }
    out.push(para(`${facts.join('. ')}.`));
    out.push(...paras(results));
  }
  if (n === 0) out.push(para('Chưa có nhiệm vụ, chỉ tiêu hay nội dung báo cáo của lĩnh vực nào.'));
  return out;
}

function areaItems(narratives: AreaNarrative[], key: 'shortcomings' | 'nextTasks' | 'proposals'): Paragraph[] {
  return areaLines(narratives, key).flatMap(({ areaName, text }) => {
    const [first, ...rest] = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    return [para(`- ${areaName}: ${first ?? ''}`), ...rest.map((l) => para(l))];
  });
}

function part(n: number, title: string): Paragraph {
  return heading(`${n}. ${title}`);
}

export function reportBody(input: ReportDocInput): Array<Paragraph | Table> {
  const f = input.figures;
  const ctx = f.context;
  const committee = committeeLong(ctx.orgName);
  const period = parsePeriod(f.period)!;
  const body = input.body ?? effectiveReportBody(f, null);
  const place = placeNameOf(ctx.orgName);
  const out: Array<Paragraph | Table> = [
    officialHeader({
      bodyLines: issuingBodyLines(ctx.orgName),
      numberLine: docNumberLine(input.docNumber, REPORT_SYMBOL),
      placeDate: input.draft || !input.date ? blankDateLineVi(place) : dateLineVi(place, input.date),
    }),
    ...titleBlock('BÁO CÁO', reportTitle(f, !!input.supplement)),
    introParagraph(input),
  ];

  out.push(heading('I. KẾT QUẢ THỰC HIỆN'), ...paras(body.results));
  out.push(part(1, 'Kết quả thực hiện nhiệm vụ theo văn bản chỉ đạo'));
  if (f.tasks.total.assigned === 0) out.push(para('Kế hoạch chưa có nhiệm vụ nào.'));
  else out.push(para('Đơn vị tính: nhiệm vụ', { italics: true, size: SIZE.table, align: 'right', indent: false, after: 40 }), statsTable(f), para('', { after: 60 }));
  out.push(part(2, 'Kết quả thực hiện các chỉ tiêu'));
  if (f.indicators.total === 0) out.push(para(`Kế hoạch năm ${ctx.plan.year} không đặt chỉ tiêu cụ thể.`));
  else {
    if (f.indicators.noData === f.indicators.total) out.push(para('Kỳ này chưa có số liệu của chỉ tiêu nào.'));
    out.push(indicatorTable(f), para('', { after: 60 }));
  }
  out.push(part(3, 'Kết quả theo từng lĩnh vực'), ...areaResults(f, input.narratives));

  out.push(heading('II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN'), ...paras(body.shortcomings));
  if (f.tasks.overdue.length > 0) {
    out.push(para('Nhiệm vụ quá hạn và lý do:', { italics: true, keepNext: true }), overdueTable(f), para('', { after: 60 }));
  }
  out.push(...areaItems(input.narratives, 'shortcomings'));

  out.push(heading(`III. NHIỆM VỤ TRỌNG TÂM ${nextPeriodPhrase(period).toUpperCase()}`), ...paras(body.nextTasks));
  const due = f.tasks.dueNext;
  if (due && due.length > 0) out.push(para(`Nhiệm vụ đến hạn trong ${nextMonthLabel(f)}:`, { italics: true, keepNext: true }), dueNextTable(f), para('', { after: 60 }));
  else if (due) out.push(para(`Không có nhiệm vụ đến hạn trong ${nextMonthLabel(f)}.`));
  out.push(...areaItems(input.narratives, 'nextTasks'));

  out.push(heading('IV. KIẾN NGHỊ, ĐỀ XUẤT'), ...paras(body.proposals));
  const proposals = areaItems(input.narratives, 'proposals');
  out.push(...proposals);
  if (body.proposals.trim() === '' && proposals.length === 0) out.push(para('Không có kiến nghị, đề xuất.'));

  out.push(
    para(`Trên đây là báo cáo ${input.supplement ? 'bổ sung ' : ''}kết quả thực hiện Kế hoạch chuyển đổi số ${periodPhraseVi(period)} của ${committee}./.`, {
      before: 120,
      after: 240,
      keepNext: true,
    }),
    signatureBlock({
      recipients: withArchiveLine(input.recipients, input.draftingUnit),
      authorityLines: signerAuthorityLines(ctx.signer.title),
      // A draft is not signed: no name under the title until the leader approves it.
      signerName: input.draft ? null : ctx.signer.name,
    }),
  );
  return out;
}

export const PROGRESS_HEADERS = ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tình trạng', 'Tiến độ, kết quả mới nhất'] as const;

function reportReference(input: ReportDocInput): string {
  const f = input.figures;
  const number = input.docNumber ? `số ${input.docNumber}` : `số      /${REPORT_SYMBOL}`;
  const date = !input.draft && input.date ? `ngày ${formatDateVi(input.date)}` : 'ngày      /      /';
  return `(Kèm theo Báo cáo ${number} ${date} của ${committeeLong(f.context.orgName)})`;
}

function progressAppendix(input: ReportDocInput): Array<Paragraph | Table> {
  const f = input.figures;
  const rows = f.tasks.rows ?? [];
  const w = fitWidths([5, 38, 16, 12, 12, 17], LANDSCAPE_TEXT_WIDTH);
  const grouped = groupByArea(f.areas, rows, (t) => [
    String(t.no),
    t.content,
    t.leadUnitName,
    t.timeline ?? '',
    taskStatusLabel(t.status, 'vi'),
    [t.percent > 0 && t.status !== 'done' && t.status !== 'done_late' ? `${formatPercentVi(t.percent)}` : '', t.note ?? ''].filter(Boolean).join('. '),
  ]);
  return [
    centred('Phụ lục', { bold: true }),
    centred(`TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ ${periodPhraseVi(parsePeriod(f.period)!).toUpperCase()}`, { bold: true }),
    centred(reportReference(input), { italics: true, after: 200 }),
    rows.length === 0
      ? para('Kế hoạch chưa có nhiệm vụ nào.')
      : dataTable({
          columns: PROGRESS_HEADERS.map((header, i) => ({ header, width: w[i]!, align: i === 0 || i === 3 || i === 4 ? ('center' as const) : ('left' as const) })),
          rows: grouped.rows,
          spanRows: grouped.sections,
        }),
  ];
}

export async function renderReportDocx(input: ReportDocInput): Promise<Buffer> {
  const sections = [portraitSection(reportBody(input), { draft: input.draft })];
  // Reports approved before the appendix existed have no per-task rows to show.
  if (input.figures.tasks.rows) sections.push(appendixSection(progressAppendix(input), { draft: input.draft }));
  const doc = officialDocument({ title: `Báo cáo ${reportTitle(input.figures, !!input.supplement)}`, creator: input.figures.context.orgName }, sections);
  return Packer.toBuffer(doc);
}

/** A report a ward sent, as the city received it: its frozen figures and its own words. */
export async function buildReceivedReportDocx(s: Session, owner: string, period: string, opts: { recipients?: string[] } = {}): Promise<Buffer> {
  const r = getReceivedReport(s, owner, period);
  // A draft has no frozen figures, and the city cannot compute a ward's figures for it.
  if (!r.figures || !r.approvedAt) throw reportsError('report.not_approved', { period: r.period });
  const stored = s.db.orm.select({ body: reportTable.body, recipients: reportTable.recipients }).from(reportTable).where(eq(reportTable.id, r.id)).get()!;
  return renderReportDocx({
    figures: r.figures,
    narratives: r.narratives,
    docNumber: r.docNumber,
    date: todayIso(r.approvedAt),
    draft: false,
    body: effectiveReportBody(r.figures, parseReportBody(stored.body)),
    recipients: opts.recipients ?? parseRecipients(stored.recipients) ?? [],
    draftingUnit: '',
  });
}

/** The ward's report for a period as it stands: frozen if approved, live and marked DỰ THẢO if still a draft. */
export async function buildReportDocx(s: Session, period: string, opts: { recipients?: string[]; supplement?: number } = {}): Promise<Buffer> {
  const r = getReport(s, period, opts.supplement ?? 0);
  const draft = r.status === 'draft';
  return renderReportDocx({
    figures: r.figures,
    narratives: r.narratives,
    docNumber: r.docNumber,
    date: r.approvedAt ? todayIso(r.approvedAt) : null,
    draft,
    body: r.body,
    recipients: opts.recipients ?? r.recipients,
    draftingUnit: r.draftingUnit,
    supplement: r.supplement > 0 && r.supplementOf ? { no: r.supplement, ...r.supplementOf } : null,
  });
}
