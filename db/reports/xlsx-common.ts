/**
 * How every sheet WardPlan writes looks: Vietnamese headers in bold on a grey band, column widths
 * set, text wrapped, numbers with a format instead of pre-formatted text (so the city can add
 * them up), and the header row frozen so it stays visible while scrolling.
 */
import ExcelJS from 'exceljs';

export const XLSX_FONT = 'Times New Roman';

/** Excel shows 99.68 as 99,68% in a Vietnamese Windows; the value itself stays the percentage. */
export const NUMFMT_PERCENT = '0.00"%"';
export const NUMFMT_DECIMAL = '#,##0.00';
export const NUMFMT_INTEGER = '#,##0';
export const NUMFMT_DATE = 'dd/mm/yyyy';

export interface SheetColumn {
  header: string;
  /** Characters, as Excel measures column widths. */
  width: number;
  numFmt?: string;
  align?: 'left' | 'center' | 'right';
}

export type Primitive = string | number | Date | null;
/** A cell with its own format, for a column whose rows differ (percent and plain indicators). */
export interface FormattedCell {
  value: Primitive;
  numFmt: string;
}
export type XCell = Primitive | FormattedCell;

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: XCell[][];
  /** Row indexes (0-based, in `rows`) shown bold, e.g. a totals row. */
  boldRows?: ReadonlySet<number>;
  /** A note above the header, over the whole width (the template's hint). */
  intro?: string;
  /**
   * Prints the sheet as an official appendix: these title lines above the header (centred over
   * the printed columns), only the first `printColumns` columns printed, their widths fitted to a
   * landscape A4 page at 100 % so the text prints at the cell font size, never shrunk.
   */
  official?: { titles: SheetTitle[]; printColumns: number };
  /** Row indexes (0-based, in `rows`) of area section rows: STT, then the text running across the printed columns, bold. */
  spanRows?: ReadonlySet<number>;
}

export interface SheetTitle {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** Cell text size (points) of official sheets; the decree's tables use 12–13 pt. */
export const OFFICIAL_FONT_SIZE = 12;
/** Landscape A4 (11.69 in) less 0.4 in margins each side, in pixels at 96 dpi. */
const PRINTABLE_PX = Math.floor((11.69 - 0.8) * 96);
/** Excel's pixel width of a column `w` characters wide in the default 11 pt Calibri (7 px a digit, 5 px padding). */
export function columnPixels(w: number): number {
  return Math.floor(w * 7 + 5);
}
/** The widest the printed columns may be together, with a margin for LibreOffice's rounding. */
export const MAX_PRINT_PX = Math.floor(PRINTABLE_PX * 0.96);

/** Shrinks the widths in proportion until they fit the printable width; widths that fit are kept. */
export function fitColumnWidths(widths: number[]): number[] {
  const px = widths.reduce((n, w) => n + columnPixels(w), 0);
  if (px <= MAX_PRINT_PX) return widths;
  const padding = widths.length * 5;
  const factor = (MAX_PRINT_PX - padding) / (px - padding);
  return widths.map((w) => Math.floor(w * factor * 10) / 10);
}

function columnLetter(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function isFormatted(c: XCell): c is FormattedCell {
  return c !== null && typeof c === 'object' && !(c instanceof Date);
}

/** An ISO date as an Excel date cell; Excel dates carry no timezone, so it is built at UTC midnight. */
export function excelDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const LINE_HEIGHT = 16; // points, for 12 pt text

/**
 * Excel and LibreOffice do not grow a row to fit wrapped text written by a program, so the height
 * is estimated from the longest cell (about one character per width unit at 12 pt).
 */
function estimatedHeight(cells: XCell[], columns: SheetColumn[]): number {
  let lines = 1;
  cells.forEach((c, j) => {
    const v = isFormatted(c) ? c.value : c;
    if (typeof v !== 'string' || v === '') return;
    const perLine = Math.max(1, Math.floor((columns[j]?.width ?? 10) * 1.05));
    const n = v.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, n);
  });
  return lines * LINE_HEIGHT + 4;
}

export function addTableSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const official = spec.official;
  const titleRows = official ? official.titles.length + 1 : spec.intro ? 1 : 0;
  const headerRowNo = titleRows + 1;
  const size = official ? OFFICIAL_FONT_SIZE : 12;
  const ws = wb.addWorksheet(spec.name, {
    views: [{ state: 'frozen', ySplit: headerRowNo, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      scale: 100,
      horizontalCentered: !!official,
      printTitlesRow: `${headerRowNo}:${headerRowNo}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  const printed = official ? Math.min(official.printColumns, spec.columns.length) : spec.columns.length;
  const widths = spec.columns.map((c) => c.width);
  if (official) widths.splice(0, printed, ...fitColumnWidths(widths.slice(0, printed)));
  const columns = spec.columns.map((c, i) => ({ ...c, width: widths[i]! }));
  ws.columns = columns.map((c) => ({ width: c.width }));
  if (official) {
    official.titles.forEach((t, i) => {
      ws.mergeCells(i + 1, 1, i + 1, printed);
      const c = ws.getCell(i + 1, 1);
      c.value = t.text;
      c.font = { name: XLSX_FONT, size: size + 1, bold: t.bold ?? false, italic: t.italic ?? false };
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      ws.getRow(i + 1).height = 20;
    });
  } else if (spec.intro) {
    ws.mergeCells(1, 1, 1, spec.columns.length);
    const hint = ws.getCell(1, 1);
    hint.value = spec.intro;
    hint.font = { name: XLSX_FONT, size: 11, italic: true, color: { argb: 'FF7F1F00' } };
    hint.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(1).height = 15 * Math.max(2, spec.intro.split('\n').length + 1);
  }
  const header = ws.getRow(headerRowNo);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: XLSX_FONT, size, bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    cell.border = THIN;
  });
  header.height = Math.max(32, estimatedHeight(columns.map((c) => c.header), columns));
  spec.rows.forEach((r, i) => {
    const rowNo = headerRowNo + 1 + i;
    const row = ws.getRow(rowNo);
    if (spec.spanRows?.has(i)) {
      // Not merged: a merged range repeats its text in every cell it covers, and a reader of the
      // file would take the heading for a task. The unwrapped text runs over the empty cells.
      row.getCell(1).value = r[0] as Primitive;
      row.getCell(2).value = r[1] as Primitive;
      for (let j = 1; j <= printed; j++) {
        const cell = row.getCell(j);
        cell.font = { name: XLSX_FONT, size, bold: true };
        cell.alignment = { wrapText: false, vertical: 'middle', horizontal: j === 1 ? 'center' : 'left' };
        cell.border = {
          top: { style: 'thin' },
          bottom: { style: 'thin' },
          ...(j <= 2 ? { left: { style: 'thin' } } : {}),
          ...(j === 1 || j === printed ? { right: { style: 'thin' } } : {}),
        };
      }
      row.height = LINE_HEIGHT + 6;
      return;
    }
    row.height = estimatedHeight(r, columns);
    r.forEach((value, j) => {
      const col = columns[j]!;
      const cell = row.getCell(j + 1);
      if (isFormatted(value)) {
        cell.value = value.value;
        cell.numFmt = value.numFmt;
      } else {
        cell.value = value;
        if (col.numFmt) cell.numFmt = col.numFmt;
      }
      cell.font = { name: XLSX_FONT, size, bold: spec.boldRows?.has(i) ?? false };
      cell.alignment = { wrapText: true, vertical: 'top', horizontal: col.align ?? 'left' };
      cell.border = THIN;
    });
  });
  // Absolute rows too ("$A$1:$G$37"): LibreOffice ignores a print area whose rows are relative.
  if (official) ws.pageSetup.printArea = `A$1:${columnLetter(printed)}$${Math.max(headerRowNo, headerRowNo + spec.rows.length)}`;
  return ws;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function newWorkbook(creator: string, created: Date = new Date()): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.created = created;
  wb.modified = created;
  return wb;
}
