/**
 * The layout of an administrative document under Nghị định 30/2020/NĐ-CP (Phụ lục I), shared by
 * the report and the plan: A4, margins, Times New Roman, the two-column header with the issuing
 * body and the national motto, the title, the signature block and the recipients list.
 *
 * Sizes follow the decree's ranges: body 14 pt, header block 13 pt, tables 12 pt, "Nơi nhận"
 * 12 pt bold italic with its list in 11 pt.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  PageNumber,
  PageOrientation,
  TabStopType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';

export const FONT = 'Times New Roman';

/** Half-points, as docx sizes are given. */
export const SIZE = { body: 28, header: 26, table: 24, recipientsHead: 24, recipients: 22 } as const;

export const A4 = { width: 11906, height: 16838 } as const;

export function mm(x: number): number {
  return Math.round((x * 1440) / 25.4);
}

/** Portrait margins within the decree's ranges: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const PORTRAIT_MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) } as const;
export const PORTRAIT_TEXT_WIDTH = A4.width - PORTRAIT_MARGIN.left - PORTRAIT_MARGIN.right;

/**
 * A landscape page is bound on the same edge as the portrait ones, which is its top once turned,
 * so the wide binding margin moves to the top.
 */
export const LANDSCAPE_MARGIN = { top: mm(30), bottom: mm(15), left: mm(20), right: mm(20), header: mm(12), footer: mm(10) } as const;
export const LANDSCAPE_TEXT_WIDTH = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;

const FIRST_LINE_INDENT = 567; // 1 cm
const PARAGRAPH_AFTER = 120; // 6 pt
const LINE = 288; // 1.2 lines

// ---- text ----------------------------------------------------------------------------------------

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, size: style.size ?? SIZE.body, bold: style.bold ?? false, italics: style.italics ?? false });
}

export interface ParaStyle extends RunStyle {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  indent?: boolean;
  before?: number;
  after?: number;
  keepNext?: boolean;
}

/** One paragraph of running text; a text with line breaks becomes one paragraph per line. */
export function para(text: string | TextRun[], style: ParaStyle = {}): Paragraph {
  return new Paragraph({
    children: typeof text === 'string' ? [run(text, style)] : text,
    alignment: style.align ?? AlignmentType.JUSTIFIED,
    indent: style.indent === false ? undefined : { firstLine: FIRST_LINE_INDENT },
    spacing: { before: style.before ?? 0, after: style.after ?? PARAGRAPH_AFTER, line: LINE, lineRule: LineRuleType.AUTO },
    keepNext: style.keepNext ?? false,
  });
}

export function paras(text: string, style: ParaStyle = {}): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => para(l, style));
}

/** A centred line, tight, as the header block and the signature block use. */
export function centred(text: string, style: RunStyle & { after?: number; before?: number } = {}): Paragraph {
  return new Paragraph({
    children: [run(text, style)],
    alignment: AlignmentType.CENTER,
    spacing: { before: style.before ?? 0, after: style.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
  });
}

export function heading(text: string, opts: { italics?: boolean } = {}): Paragraph {
  return para(text, { bold: !opts.italics, italics: opts.italics ?? false, keepNext: true, before: 60 });
}

// Times New Roman Bold advance widths (1/1000 em, Adobe AFM), enough to size the short rules
// the decree draws under the motto, the issuing body and the title.
const BOLD_UPPER = [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667];
const BOLD_LOWER = [500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444];

/** Estimated width of bold Times text in twips; accents do not change a letter's advance. */
export function boldTextWidth(text: string, halfPoints: number): number {
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/Đ/g, 'D').replace(/đ/g, 'd');
  let em = 0;
  for (const ch of plain) {
    const c = ch.charCodeAt(0);
    if (c >= 65 && c <= 90) em += BOLD_UPPER[c - 65]!;
    else if (c >= 97 && c <= 122) em += BOLD_LOWER[c - 97]!;
    else if (ch === ' ') em += 250;
    else em += 500;
  }
  return Math.round(((em / 1000) * halfPoints * 20) / 2);
}

/**
 * A centred horizontal rule of the given length, inside a cell (or page) of the given width: an
 * empty paragraph a few points high whose bottom border is the line, so it sits just under the
 * text above without touching its descenders.
 */
export function rule(length: number, within: number): Paragraph {
  const side = Math.max(0, Math.round((within - length) / 2));
  return new Paragraph({
    children: [],
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 40, lineRule: LineRuleType.EXACT },
    run: { size: 2 },
  });
}

// ---- tables --------------------------------------------------------------------------------------

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };

/** Weights scaled to a total width, the last column taking the rounding, so a table fills the page exactly. */
export function fitWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((w * total) / sum));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

export type CellAlign = 'left' | 'center' | 'right';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

export interface CellOptions {
  width: number;
  align?: CellAlign;
  bold?: boolean;
  italics?: boolean;
  columnSpan?: number;
  rowSpan?: number;
  size?: number;
}

/** A bordered table cell; line breaks in the text become separate lines. */
export function cell(text: string, o: CellOptions): TableCell {
  const lines = text === '' ? [''] : text.split(/\r?\n/);
  return new TableCell({
    width: { size: o.width, type: WidthType.DXA },
    columnSpan: o.columnSpan,
    rowSpan: o.rowSpan,
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlignTable.CENTER,
    children: lines.map(
      (l) =>
        new Paragraph({
          children: [run(l, { bold: o.bold ?? false, italics: o.italics ?? false, size: o.size ?? SIZE.table })],
          alignment: ALIGN[o.align ?? 'left'],
          spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        }),
    ),
  });
}

export interface Column {
  header: string;
  width: number;
  align?: CellAlign;
}

export interface TableSpec {
  columns: Column[];
  rows: string[][];
  /** Replaces the one-line header built from the columns (for merged two-level headers). */
  headerRows?: TableRow[];
  /** Row indexes shown bold (totals). */
  boldRows?: ReadonlySet<number>;
  /**
   * Row indexes of section rows ("I | CHÍNH QUYỀN SỐ"): the first cell as given, the second
   * spanning the rest of the row, both bold.
   */
  spanRows?: ReadonlySet<number>;
}

/** A data table: thin grid, header repeated on every page, rows never split across pages. */
export function dataTable(spec: TableSpec): Table {
  const widths = spec.columns.map((c) => c.width);
  const header = spec.headerRows ?? [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: spec.columns.map((c) => cell(c.header, { width: c.width, align: 'center', bold: true })),
    }),
  ];
  const body = spec.rows.map((r, i) =>
    spec.spanRows?.has(i)
      ? new TableRow({
          cantSplit: true,
          children: [
            cell(r[0] ?? '', { width: widths[0]!, align: 'center', bold: true }),
            cell(r[1] ?? '', { width: widths.slice(1).reduce((a, b) => a + b, 0), columnSpan: widths.length - 1, bold: true }),
          ],
        })
      : new TableRow({
          cantSplit: true,
          children: r.map((text, j) => cell(text, { width: widths[j]!, align: spec.columns[j]!.align ?? 'left', bold: spec.boldRows?.has(i) ?? false })),
        }),
  );
  return new Table({
    rows: [...header, ...body],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
  });
}

function plainCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    children,
  });
}

function layoutTable(widths: number[], cells: TableCell[]): Table {
  return new Table({
    rows: [new TableRow({ cantSplit: true, children: cells })],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

// ---- the official blocks -------------------------------------------------------------------------

const HEADER_LEFT = 3600;
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export interface OfficialHeader {
  /** The issuing body, one line per level, in capitals (ỦY BAN NHÂN DÂN / PHƯỜNG HẢI DƯƠNG). */
  bodyLines: string[];
  /** "Số: 45/BC-UBND" or blank for the clerk. */
  numberLine: string;
  /** "Hải Dương, ngày 15 tháng 10 năm 2026". */
  placeDate: string;
  /** The page width the header spans (portrait text width unless given). */
  width?: number;
}

/** The two-column block without borders: issuing body and number left, motto and date right. */
export function officialHeader(h: OfficialHeader): Table {
  const total = h.width ?? PORTRAIT_TEXT_WIDTH;
  const left = Math.round((HEADER_LEFT * total) / PORTRAIT_TEXT_WIDTH);
  const right = total - left;
  const lastBody = h.bodyLines[h.bodyLines.length - 1] ?? '';
  const leftCell = plainCell(
    [
      ...h.bodyLines.map((l) => centred(l, { bold: true, size: SIZE.header })),
      rule(Math.round(boldTextWidth(lastBody, SIZE.header) * 0.45), left),
      centred(h.numberLine, { size: SIZE.header, before: 60 }),
    ],
    left,
  );
  const rightCell = plainCell(
    [
      centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SIZE.header }),
      centred(MOTTO, { bold: true, size: SIZE.body }),
      rule(boldTextWidth(MOTTO, SIZE.body), right),
      centred(h.placeDate, { italics: true, size: SIZE.body, before: 60 }),
    ],
    right,
  );
  return layoutTable([left, right], [leftCell, rightCell]);
}

/** Document type ("BÁO CÁO") and title, centred bold, with the short rule under the title. */
export function titleBlock(docType: string, title: string, width = PORTRAIT_TEXT_WIDTH): Paragraph[] {
  const titleWidth = Math.min(boldTextWidth(title, SIZE.body), width);
  return [
    centred(docType, { bold: true, size: SIZE.body, before: 360 }),
    centred(title, { bold: true, size: SIZE.body }),
    rule(Math.max(mm(25), Math.round(titleWidth / 3)), width),
    new Paragraph({ children: [], spacing: { before: 0, after: 120 } }),
  ];
}

export interface SignatureBlock {
  recipients: string[];
  /** "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH" (capitals). */
  authorityLines: string[];
  signerName: string | null;
  width?: number;
}

/** Recipients bottom left, the signer's authority and name right, side by side as the decree lays them. */
export function signatureBlock(b: SignatureBlock): Table {
  const total = b.width ?? PORTRAIT_TEXT_WIDTH;
  const left = Math.round(total * 0.45);
  const right = total - left;
  const recipients = plainCell(
    [
      new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: SIZE.recipientsHead })], spacing: { before: 0, after: 0 } }),
      ...b.recipients.map(
        (r) => new Paragraph({ children: [run(`- ${r}`, { size: SIZE.recipients })], spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } }),
      ),
    ],
    left,
  );
  const signer = plainCell(
    [
      ...b.authorityLines.map((l) => centred(l, { bold: true, size: SIZE.body })),
      // Room for the signature and the seal (about 3 cm).
      ...[1, 2, 3, 4, 5].map(() => centred('', { size: SIZE.body })),
      centred(b.signerName ?? '', { bold: true, size: SIZE.body }),
    ],
    right,
  );
  return layoutTable([left, right], [recipients, signer]);
}

/** The mark a draft carries, so nobody mistakes it for the issued document. */
export const DRAFT_MARK = 'DỰ THẢO';

function draftMarkRun(): TextRun {
  return new TextRun({
    text: ` ${DRAFT_MARK} `,
    font: FONT,
    size: SIZE.header,
    bold: true,
    border: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 },
  });
}

export interface PageOptions {
  /** Marks every page "DỰ THẢO": boxed at the top left of the first page, beside the number on the others. */
  draft?: boolean;
  /** The width of the text, where the page number is centred. */
  width?: number;
}

/**
 * Page numbers centred in the top margin, from the second page on (the decree's rule); a draft
 * also carries its mark on every page, the first page's in the top-left corner where offices put it.
 */
export function pageNumberHeaders(o: PageOptions = {}): ISectionOptions['headers'] {
  const width = o.width ?? PORTRAIT_TEXT_WIDTH;
  const number = new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.header });
  const pageLine = o.draft
    ? new Paragraph({
        tabStops: [
          { type: TabStopType.CENTER, position: Math.round(width / 2) },
          { type: TabStopType.RIGHT, position: width },
        ],
        children: [draftMarkRun(), new TextRun({ text: '\t', font: FONT, size: SIZE.header }), number],
      })
    : new Paragraph({ alignment: AlignmentType.CENTER, children: [number] });
  return {
    default: new Header({ children: [pageLine] }),
    first: new Header({ children: [new Paragraph({ children: o.draft ? [draftMarkRun()] : [] })] }),
  };
}

export function portraitSection(children: ISectionOptions['children'], o: PageOptions & { numbered?: boolean } = {}): ISectionOptions {
  const numbered = o.numbered ?? true;
  return {
    properties: {
      page: { size: { width: A4.width, height: A4.height }, margin: PORTRAIT_MARGIN },
      titlePage: numbered || (o.draft ?? false),
    },
    headers: numbered || o.draft ? pageNumberHeaders({ draft: o.draft ?? false, width: PORTRAIT_TEXT_WIDTH }) : undefined,
    children,
  };
}

/**
 * An appendix on landscape pages, numbered on its own from 1 (its first page unnumbered, as the
 * body's), because it is a document attached to the body rather than its continuation.
 */
export function appendixSection(children: ISectionOptions['children'], o: PageOptions = {}): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
        margin: LANDSCAPE_MARGIN,
        pageNumbers: { start: 1 },
      },
      titlePage: true,
    },
    headers: pageNumberHeaders({ draft: o.draft ?? false, width: LANDSCAPE_TEXT_WIDTH }),
    children,
  };
}

export function officialDocument(meta: { title: string; creator: string }, sections: ISectionOptions[]): Document {
  return new Document({
    title: meta.title,
    creator: meta.creator,
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE.body }, paragraph: { spacing: { line: LINE } } },
      },
    },
    sections,
  });
}
