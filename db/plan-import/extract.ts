/**
 * The tables of an officer's file as plain text grids, whatever the file is: every sheet of an
 * Excel workbook, every table of a Word document. A merged cell's text is repeated in every cell
 * it covers (both directions), so a two-row header reads "Đơn vị thực hiện Chủ trì" in the lead
 * column and a lead unit merged down over several tasks belongs to each of them.
 *
 * The file's kind is told by its contents, never by its name: an .xlsx renamed .docx still reads.
 */
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { formatDateVi } from '../../shared/rules/format-vi';
import { importError } from './errors';
import { openZip } from '../fs/zip-read';

export interface Grid {
  /** The sheet's name, or "Bảng N" for the N-th table of a Word file. */
  name: string;
  /** rows[i][j]: the text of row i+1 (as Excel or the Word table numbers it), column j. */
  rows: string[][];
}

export interface ExtractedFile {
  kind: 'xlsx' | 'docx';
  grids: Grid[];
}

/** A document.xml larger than this is not a plan appendix; refusing it keeps a crafted file from filling memory. */
const MAX_XML_BYTES = 64 * 1024 * 1024;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The archive's entry names, and the bytes of the entries asked for (each bounded; the others are never inflated). */
async function readZip(buffer: Buffer, want: (name: string) => boolean): Promise<{ names: string[]; data: Map<string, Buffer> }> {
  const zip = await openZip(buffer, {
    maxEntries: 100_000,
    maxTotalBytes: Number.MAX_SAFE_INTEGER,
    capOf: (name) => (want(name) ? MAX_XML_BYTES : Number.MAX_SAFE_INTEGER),
  });
  try {
    const names = [...zip.entries.keys()];
    const data = new Map<string, Buffer>();
    for (const name of names) if (want(name)) data.set(name, (await zip.read(name, MAX_XML_BYTES))!);
    return { names, data };
  } finally {
    zip.close();
  }
}

function reasonOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 200);
}

// ---- Excel -------------------------------------------------------------------------------------------

/** What a person sees in the cell, whatever Excel stored: rich text, a formula's result, a date. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // A date typed into the timeline column arrives as a Date at UTC midnight.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : formatDateVi(v.toISOString().slice(0, 10));
  if ('richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('result' in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
  if ('text' in v) return cellText(v.text as ExcelJS.CellValue);
  if ('error' in v) return '';
  return '';
}

async function xlsxGrids(buffer: Buffer, name: string): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its input an ArrayBuffer; a copy of the bytes is one, wherever Node pooled the Buffer.
    await wb.xlsx.load(new Uint8Array(buffer).buffer);
  } catch (e) {
    throw importError('plan_import.corrupt', { name, reason: reasonOf(e) });
  }
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        cells.push(cellText(cell.isMerged ? cell.master.value : cell.value).replace(/\r\n?/g, '\n'));
      }
      rows.push(cells);
    }
    return { name: ws.name, rows };
  });
}

// ---- Word --------------------------------------------------------------------------------------------

/**
 * A node as fast-xml-parser gives it with preserveOrder: one key, the tag, holding the children (or
 * the text, under '#text', left a string by parseTagValue: false), and the attributes under ':@'.
 */
interface XNode {
  [tag: string]: XNode[] | string | Record<string, string> | undefined;
  ':@'?: Record<string, string>;
}

function tagOf(n: XNode): string {
  return Object.keys(n).find((k) => k !== ':@') ?? '';
}

function kids(n: XNode): XNode[] {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? v : [];
}

function child(n: XNode, tag: string): XNode | undefined {
  return kids(n).find((k) => tagOf(k) === tag);
}

/** A cell's text: paragraphs on their own lines, breaks kept, deleted (tracked) text left out. */
function nodeText(n: XNode): string {
  const tag = tagOf(n);
  if (tag === '#text') return String(n['#text'] ?? '');
  if (tag === 'w:br' || tag === 'w:cr') return '\n';
  if (tag === 'w:tab') return ' ';
  if (tag === 'w:del' || tag === 'w:delText' || tag === 'w:tcPr' || tag === 'w:pPr' || tag === 'w:rPr' || tag === 'w:instrText') return '';
  if (tag === 'w:t') return kids(n).map(nodeText).join('');
  const inner = kids(n).map(nodeText).join('');
  return tag === 'w:p' ? `${inner}\n` : inner;
}

function cellTextOf(tc: XNode): string {
  return nodeText(tc)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

/**
 * One Word table as a grid. gridSpan widens a cell over the next columns; vMerge="restart" opens a
 * vertical merge and a bare vMerge continues it, taking the text of the cell above.
 */
function tableGrid(tbl: XNode): string[][] {
  const rows: string[][] = [];
  for (const tr of kids(tbl).filter((k) => tagOf(k) === 'w:tr')) {
    const cells: string[] = [];
    const trPr = child(tr, 'w:trPr');
    const before = Number(trPr && child(trPr, 'w:gridBefore')?.[':@']?.['w:val']) || 0;
    for (let i = 0; i < before; i++) cells.push('');
    for (const tc of kids(tr).filter((k) => tagOf(k) === 'w:tc' || tagOf(k) === 'w:sdt')) {
      const cell = tagOf(tc) === 'w:sdt' ? (child(child(tc, 'w:sdtContent') ?? tc, 'w:tc') ?? tc) : tc;
      const pr = child(cell, 'w:tcPr');
      const span = Math.max(1, Number(pr && child(pr, 'w:gridSpan')?.[':@']?.['w:val']) || 1);
      const vMerge = pr && child(pr, 'w:vMerge');
      const continues = vMerge !== undefined && (vMerge[':@']?.['w:val'] ?? 'continue') === 'continue';
      const col = cells.length;
      const text = continues ? (rows[rows.length - 1]?.[col] ?? '') : cellTextOf(cell);
      for (let i = 0; i < span; i++) cells.push(text);
    }
    rows.push(cells);
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

/** Every top-level table of the body, in document order; a table inside a cell stays that cell's text. */
function findTables(nodes: XNode[], out: XNode[]): void {
  for (const n of nodes) {
    if (tagOf(n) === 'w:tbl') out.push(n);
    else if (tagOf(n) !== '#text') findTables(kids(n), out);
  }
}

function docxGrids(xml: string, name: string): Grid[] {
  let doc: XNode[];
  try {
    // The parser returns `any`: these options fix the shape, XNode names it.
    doc = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false }).parse(xml);
  } catch (e) {
    throw importError('plan_import.corrupt', { name, reason: reasonOf(e) });
  }
  const tables: XNode[] = [];
  findTables(doc, tables);
  return tables.map((t, i) => ({ name: `Bảng ${i + 1}`, rows: tableGrid(t) }));
}

// ---- either ----------------------------------------------------------------------------------------

export async function extractTables(buffer: Buffer, name: string): Promise<ExtractedFile> {
  if (buffer.length === 0) throw importError('plan_import.file_empty', { name });
  if (buffer.subarray(0, 8).equals(OLE_MAGIC)) throw importError('plan_import.legacy_office', { name });
  const isZip = buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && (buffer[2] === 3 || buffer[2] === 5 || buffer[2] === 7);
  if (!isZip) throw importError('plan_import.not_office', { name });
  let zip: Awaited<ReturnType<typeof readZip>>;
  try {
    zip = await readZip(buffer, (n) => n === 'word/document.xml');
  } catch (e) {
    throw importError('plan_import.corrupt', { name, reason: reasonOf(e) });
  }
  if (zip.names.includes('word/document.xml')) {
    return { kind: 'docx', grids: docxGrids(zip.data.get('word/document.xml')!.toString('utf8'), name) };
  }
  if (zip.names.includes('xl/workbook.xml')) return { kind: 'xlsx', grids: await xlsxGrids(buffer, name) };
  throw importError('plan_import.not_office', { name });
}
