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
  const headerRowNo = spec.intro ? 2 : 1;
  const ws = wb.addWorksheet(spec.name, {
    views: [{ state: 'frozen', ySplit: headerRowNo, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRowNo}:${headerRowNo}` },
  });
  ws.columns = spec.columns.map((c) => ({ width: c.width }));
  if (spec.intro) {
    ws.mergeCells(1, 1, 1, spec.columns.length);
    const hint = ws.getCell(1, 1);
    hint.value = spec.intro;
    hint.font = { name: XLSX_FONT, size: 11, italic: true, color: { argb: 'FF7F1F00' } };
    hint.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(1).height = 15 * Math.max(2, spec.intro.split('\n').length + 1);
  }
  const header = ws.getRow(headerRowNo);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: XLSX_FONT, size: 12, bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    cell.border = THIN;
  });
  header.height = 32;
  spec.rows.forEach((r, i) => {
    const row = ws.getRow(headerRowNo + 1 + i);
    row.height = estimatedHeight(r, spec.columns);
    r.forEach((value, j) => {
      const col = spec.columns[j]!;
      const cell = row.getCell(j + 1);
      if (isFormatted(value)) {
        cell.value = value.value;
        cell.numFmt = value.numFmt;
      } else {
        cell.value = value;
        if (col.numFmt) cell.numFmt = col.numFmt;
      }
      cell.font = { name: XLSX_FONT, size: 12, bold: spec.boldRows?.has(i) ?? false };
      cell.alignment = { wrapText: true, vertical: 'top', horizontal: col.align ?? 'left' };
      cell.border = THIN;
    });
  });
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
