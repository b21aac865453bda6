/**
 * The city steering committee's periodic report as a DOCX in the Nghị định 30 layout, built
 * from the official blocks of db/reports/docx-official.ts (used as they are).
 */
import { Packer, TableRow, type Paragraph, type Table } from 'docx';
import { formatDateVi, formatNumberVi } from '../../shared/rules/format-vi';
import { indicatorOutcomeLabel } from '../../shared/rules/indicator';
import type { StatusTally } from '../../shared/api/contract-city';
import {
  cell,
  dataTable,
  fitWidths,
  heading,
  officialDocument,
  officialHeader,
  para,
  portraitSection,
  PORTRAIT_TEXT_WIDTH,
  SIZE,
  signatureBlock,
  titleBlock,
} from '../reports/docx-official';
import { readEntry } from '../reports/docx-text';
import { committeeOf, comparatorSign, dateLineVi, docNumberLine, periodPhraseVi, placeNameOf, shareVi } from '../reports/labels';
import type { Session } from '../session';
import { COMPLETENESS_LABEL_VI, cityReportFigures, type CityReportFigures } from './report-data';

export const CITY_REPORT_SYMBOL = 'BC-BCĐ';

export function steeringCommitteeLines(cityName: string): string[] {
  return [`UBND ${cityName.trim().toUpperCase()}`, 'BAN CHỈ ĐẠO', 'CHUYỂN ĐỔI SỐ'];
}

function cityReportTitle(f: CityReportFigures): string {
  return `Kết quả thực hiện chuyển đổi số của các phường, xã, đặc khu ${periodPhraseVi(f.scope.period)}`;
}

function num(n: number): string {
  return formatNumberVi(n, 0);
}

function valueText(v: number | null, unit: string): string {
  if (v === null) return 'Chưa có số liệu';
  return unit.trim() === '%' ? `${formatNumberVi(v, 2)}%` : `${formatNumberVi(v, 2)} ${unit}`.trim();
}

const STAT_WIDTHS = fitWidths([7, 33, 9, 9, 8.5, 9, 10, 9, 8.5], PORTRAIT_TEXT_WIDTH);

function tallyCells(t: StatusTally): string[] {
  return [t.total, t.done + t.doneLate, t.doneLate, t.inProgress, t.notStarted, t.overdue].map(num);
}

/** Per directive across wards, in the two-level header of the ward's own report. */
export function directiveRowsOf(f: CityReportFigures): string[][] {
  const rows = f.directives.rows.map((d, i) => [
    String(i + 1),
    d.key === '' ? 'Nhiệm vụ khác (không nêu văn bản chỉ đạo)' : `${d.number}${d.title ? ` - ${d.title}` : ''}`,
    num(d.wards),
    ...tallyCells(d),
  ]);
  rows.push(['', 'Tổng cộng', num(f.directives.totals.wards), ...tallyCells(f.directives.totals)]);
  return rows;
}

function directiveTableDoc(f: CityReportFigures): Table {
  const w = STAT_WIDTHS;
  const h = (text: string, i: number, extra: { rowSpan?: number; columnSpan?: number; width?: number } = {}) =>
    cell(text, { width: extra.width ?? w[i]!, align: 'center', bold: true, rowSpan: extra.rowSpan, columnSpan: extra.columnSpan });
  const headerRows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [
        h('STT', 0, { rowSpan: 2 }),
        h('Văn bản chỉ đạo', 1, { rowSpan: 2 }),
        h('Số đơn vị', 2, { rowSpan: 2 }),
        h('Nhiệm vụ', 3, { rowSpan: 2 }),
        h('Đã hoàn thành', 4, { columnSpan: 2, width: w[4]! + w[5]! }),
        h('Đang thực hiện trong hạn', 6, { rowSpan: 2 }),
        h('Chưa triển khai', 7, { rowSpan: 2 }),
        h('Quá hạn', 8, { rowSpan: 2 }),
      ],
    }),
    new TableRow({ tableHeader: true, cantSplit: true, children: [h('Tổng số', 4), h('Trong đó: muộn', 5)] }),
  ];
  const rows = directiveRowsOf(f);
  return dataTable({
    columns: w.map((width, i) => ({ header: '', width, align: i === 1 ? 'left' : 'center' })),
    rows,
    headerRows,
    boldRows: new Set([rows.length - 1]),
  });
}

function completenessTableDoc(f: CityReportFigures): Table {
  const w = fitWidths([8, 52, 20, 20], PORTRAIT_TEXT_WIDTH);
  const c = f.completeness;
  const keys = ['on_time', 'late', 'overdue', 'waiting', 'not_enrolled'] as const;
  const rows = keys.map((k, i) => [String(i + 1), COMPLETENESS_LABEL_VI[k], num(c[k]), c.total ? `${formatNumberVi((c[k] * 100) / c.total, 1)}%` : '']);
  rows.push(['', 'Tổng số phường, xã', num(c.total), '100%']);
  return dataTable({
    columns: [
      { header: 'STT', width: w[0]!, align: 'center' },
      { header: 'Tình hình báo cáo', width: w[1]! },
      { header: 'Số đơn vị', width: w[2]!, align: 'center' },
      { header: 'Tỷ lệ', width: w[3]!, align: 'center' },
    ],
    rows,
    boldRows: new Set([rows.length - 1]),
  });
}

function indicatorTableDoc(f: CityReportFigures): Table {
  const w = fitWidths([7, 31, 12, 14, 9, 8, 9, 10], PORTRAIT_TEXT_WIDTH);
  return dataTable({
    columns: [
      { header: 'STT', width: w[0]!, align: 'center' },
      { header: 'Chỉ tiêu', width: w[1]! },
      { header: 'Chỉ tiêu thành phố giao', width: w[2]!, align: 'center' },
      { header: 'Kết quả toàn thành phố', width: w[3]!, align: 'center' },
      { header: 'Số đơn vị', width: w[4]!, align: 'center' },
      { header: 'Đạt', width: w[5]!, align: 'center' },
      { header: 'Chưa đạt', width: w[6]!, align: 'center' },
      { header: 'Chưa có số liệu', width: w[7]!, align: 'center' },
    ],
    rows: f.indicators.map((r, i) => [
      String(i + 1),
      `${r.name} (${r.code})`,
      r.cityComparator && r.cityTarget !== null ? `${comparatorSign(r.cityComparator as never)} ${valueText(r.cityTarget, r.unit)}` : '',
      `${valueText(r.city.value, r.unit)}${r.cityComparator ? `\n(${indicatorOutcomeLabel(r.cityOutcome, 'vi')})` : ''}`,
      num(r.wards),
      num(r.met),
      num(r.notMet),
      num(r.noData),
    ]),
  });
}

/** The appendix's columns: STT, ward, group, reporting, tasks, done, overdue, indicators met. */
export const APPENDIX_COLUMNS = (() => {
  const w = fitWidths([7, 24, 15, 20, 9, 9, 8, 9], PORTRAIT_TEXT_WIDTH);
  return [
    { header: 'STT', width: w[0]!, align: 'center' as const },
    { header: 'Phường, xã, đặc khu', width: w[1]! },
    { header: 'Cụm, nhóm', width: w[2]! },
    { header: 'Tình hình báo cáo', width: w[3]! },
    { header: 'Số nhiệm vụ', width: w[4]!, align: 'center' as const },
    { header: 'Đã hoàn thành', width: w[5]!, align: 'center' as const },
    { header: 'Quá hạn', width: w[6]!, align: 'center' as const },
    { header: 'Chỉ tiêu đạt', width: w[7]!, align: 'center' as const },
  ];
})();

export function appendixRowsOf(f: CityReportFigures): string[][] {
  return f.wards.map((r, i) => [
    String(i + 1),
    r.wardName,
    r.group ?? '',
    COMPLETENESS_LABEL_VI[r.completeness],
    num(r.tally.total),
    num(r.tally.done + r.tally.doneLate),
    num(r.tally.overdue),
    `${r.indicatorsMet}/${r.indicators}`,
  ]);
}

/** Stands in a cell of the appendix's one template row, to be found again in the document's XML. */
const cellMark = (j: number): string => `wp-appendix-cell-${j}-mark`;

/** The appendix table as docx builds it, with one template row whose cells hold the marks. */
function appendixTableDoc(): Table {
  return dataTable({ columns: APPENDIX_COLUMNS, rows: [APPENDIX_COLUMNS.map((_, j) => cellMark(j))] });
}

/** Text as docx writes it into XML: the five entities escaped, control characters XML forbids left out. */
function xmlText(text: string): string {
  // XML 1.0 has no place for these control characters, even escaped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => XML_ESCAPES[c] ?? '');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/**
 * The document's XML with the appendix's template row written once per ward. A city's appendix
 * lists every ward (3,300 in a ministry's), and building each of its cells as docx objects costs
 * seconds, mostly in garbage collection; so docx lays out the table once, with a template row, and
 * that row's XML — docx's own, formatting and all — is repeated with each ward's texts. A text of
 * several lines becomes a paragraph per line, as cell() writes it.
 */
function expandAppendixRows(xml: string, rows: string[][]): string {
  const n = APPENDIX_COLUMNS.length;
  // The last: the body may name wards, whatever they are called, and the appendix ends the document.
  const firstMark = xml.lastIndexOf(cellMark(0));
  const start = xml.lastIndexOf('<w:tr>', firstMark);
  const lastMark = xml.indexOf(cellMark(n - 1), firstMark);
  const endTag = '</w:tr>';
  const end = xml.indexOf(endTag, lastMark);
  if (firstMark < 0 || start < 0 || lastMark < 0 || end < 0) throw new Error('The appendix template row is not in the document');
  const row = xml.slice(start, end + endTag.length);
  // Per cell: what comes before its paragraph, the paragraph up to the text, and after the text.
  const cells: Array<{ before: string; open: string; close: string }> = [];
  let at = 0;
  for (let j = 0; j < n; j++) {
    const mark = row.indexOf(cellMark(j), at);
    const pOpen = row.lastIndexOf('<w:p>', mark);
    const pClose = row.indexOf('</w:p>', mark) + '</w:p>'.length;
    if (mark < 0 || pOpen < at || pClose < mark) throw new Error('The appendix template row is not in the shape docx writes');
    cells.push({ before: row.slice(at, pOpen), open: row.slice(pOpen, mark), close: row.slice(mark + cellMark(j).length, pClose) });
    at = pClose;
  }
  const tail = row.slice(at);
  const out: string[] = [];
  for (const r of rows) {
    for (let j = 0; j < n; j++) {
      const c = cells[j]!;
      const text = r[j] ?? '';
      out.push(c.before);
      for (const line of text === '' ? [''] : text.split(/\r?\n/)) out.push(c.open, xmlText(line), c.close);
    }
    out.push(tail);
  }
  return xml.slice(0, start) + out.join('') + xml.slice(end + endTag.length);
}

function body(f: CityReportFigures): Array<Paragraph | Table> {
  const committee = `Ban Chỉ đạo chuyển đổi số ${f.cityName.charAt(0).toLowerCase()}${f.cityName.slice(1)}`;
  const c = f.completeness;
  const t = f.directives.totals;
  const phrase = periodPhraseVi(f.scope.period);
  const missingNames = f.missing.filter((m) => m.status !== 'waiting').map((m) => m.wardName);
  return [
    officialHeader({
      bodyLines: steeringCommitteeLines(f.cityName),
      numberLine: docNumberLine(null, CITY_REPORT_SYMBOL),
      placeDate: dateLineVi(placeNameOf(f.cityName), f.date),
    }),
    ...titleBlock('BÁO CÁO', cityReportTitle(f)),
    para(
      `${committee} báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số của các phường, xã, đặc khu ${phrase}, tổng hợp từ dữ liệu các đơn vị đã gửi, như sau:`,
    ),
    heading('I. KHÁI QUÁT CHUNG'),
    para(
      `Toàn thành phố có ${num(c.total)} phường, xã, đặc khu; ${num(c.on_time + c.late)} đơn vị đã gửi báo cáo ${phrase} (${num(c.late)} đơn vị gửi sau hạn ${formatDateVi(f.dueOn)}).`,
    ),
    para(
      `Tính đến ngày ${formatDateVi(f.scope.asOf)}, ${num(t.wards)} đơn vị có kế hoạch năm ${f.scope.year} với ${num(t.total)} nhiệm vụ: đã hoàn thành ${shareVi(t.done + t.doneLate, t.total)}${t.doneLate ? `, trong đó ${num(t.doneLate)} nhiệm vụ hoàn thành muộn` : ''}; đang thực hiện trong hạn ${num(t.inProgress)}; chưa triển khai ${num(t.notStarted)}; quá hạn ${num(t.overdue)}.`,
    ),
    heading('II. TÌNH HÌNH BÁO CÁO CỦA CÁC PHƯỜNG, XÃ, ĐẶC KHU'),
    completenessTableDoc(f),
    para('', { after: 60 }),
    para(missingNames.length ? `Các đơn vị chưa báo cáo hoặc chưa đăng ký: ${missingNames.join('; ')}.` : 'Tất cả các đơn vị đã gửi báo cáo.'),
    heading('III. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO VĂN BẢN CHỈ ĐẠO'),
    para('Đơn vị tính: nhiệm vụ', { italics: true, size: SIZE.table, align: 'right', indent: false, after: 40 }),
    directiveTableDoc(f),
    para('', { after: 60 }),
    heading('IV. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'),
    para('Kết quả toàn thành phố của chỉ tiêu tỷ lệ được tính bằng tổng tử số chia tổng mẫu số của các đơn vị.', { italics: true }),
    indicatorTableDoc(f),
    para(`Trên đây là báo cáo kết quả thực hiện chuyển đổi số của các phường, xã, đặc khu ${phrase} của ${committee}./.`, {
      before: 120,
      after: 240,
      keepNext: true,
    }),
    signatureBlock({
      recipients: [
        `Thường trực Thành ủy (để báo cáo);`,
        `${committeeOf(f.cityName)} (để báo cáo);`,
        'Sở Khoa học và Công nghệ;',
        'UBND các phường, xã, đặc khu;',
        'Lưu: VT.',
      ],
      authorityLines: ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN'],
      signerName: null,
    }),
  ];
}

function appendix(f: CityReportFigures): Array<Paragraph | Table> {
  return [
    para('PHỤ LỤC', { bold: true, align: 'center', indent: false }),
    para(`KẾT QUẢ CỦA TỪNG PHƯỜNG, XÃ, ĐẶC KHU ${periodPhraseVi(f.scope.period).toUpperCase()}`, { bold: true, align: 'center', indent: false }),
    para(`(Kèm theo Báo cáo của Ban Chỉ đạo chuyển đổi số ${f.cityName})`, { italics: true, align: 'center', indent: false, after: 120 }),
    appendixTableDoc(),
  ];
}

function cityReportDocument(f: CityReportFigures) {
  return officialDocument({ title: `Báo cáo ${cityReportTitle(f)}`, creator: `Ban Chỉ đạo chuyển đổi số ${f.cityName}` }, [
    portraitSection(body(f)),
    portraitSection(appendix(f)),
  ]);
}

/**
 * Packed twice: once to have docx's XML of the document with the appendix's template row, then
 * with that XML, the rows written out, given to Packer as the package's word/document.xml (its
 * overrides, for custom XML content); the second document is built afresh, as a packed one is not
 * packed again.
 */
export async function renderCityReportDocx(f: CityReportFigures): Promise<Buffer> {
  const xml = await readEntry(await Packer.toBuffer(cityReportDocument(f)), 'word/document.xml');
  return Packer.toBuffer(cityReportDocument(f), undefined, [{ path: 'word/document.xml', data: expandAppendixRows(xml, appendixRowsOf(f)) }]);
}

export async function buildCityReportDocx(s: Session, period: string): Promise<Buffer> {
  return renderCityReportDocx(cityReportFigures(s, period));
}
