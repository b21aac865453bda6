/**
 * Reads a DOCX back: its paragraphs' text and its tables' rows. Used to check what a generated
 * document says without Word, and small enough to stay exact (WordprocessingML text lives in
 * <w:t> runs inside <w:p> paragraphs; table rows are <w:tr>).
 */
import { openZip } from '../fs/zip-read';

/** More than any part of a document WardPlan writes; a larger one is not ours. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

/** One file of the archive as text (word/document.xml, word/header1.xml …). */
export async function readEntry(buffer: Buffer, name: string): Promise<string> {
  const zip = await openZip(buffer, { maxEntries: 10_000, maxTotalBytes: 1024 * 1024 * 1024, capOf: () => MAX_PART_BYTES });
  try {
    const data = await zip.read(name, MAX_PART_BYTES);
    if (!data) throw new Error(`${name} not in the archive`);
    return data.toString('utf8');
  } finally {
    zip.close();
  }
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of every page header of the document, one string per header part. */
export async function readHeaders(buffer: Buffer): Promise<string[]> {
  const out: string[] = [];
  for (let i = 1; i <= 12; i++) {
    const xml = await readEntry(buffer, `word/header${i}.xml`).catch(() => null);
    if (xml === null) break;
    out.push(textOf(xml));
  }
  return out;
}

function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');
}

export interface DocxSection {
  /** Twips. */
  width: number;
  height: number;
  orientation: 'portrait' | 'landscape';
  margins: { top: number; bottom: number; left: number; right: number };
}

export interface DocxContent {
  paragraphs: string[];
  /** Each table as rows of cell texts. */
  tables: string[][][];
  /** Page setup of each section, in order. */
  sections: DocxSection[];
  /** Every font named by a run or a style of the body. */
  fonts: string[];
}

function attr(xml: string, name: string): number {
  return Number(new RegExp(`w:${name}="(\\d+)"`).exec(xml)?.[1] ?? NaN);
}

export async function readDocx(buffer: Buffer): Promise<DocxContent> {
  const xml = await readEntry(buffer, 'word/document.xml');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0]))),
  );
  const sections = [...xml.matchAll(/<w:sectPr[ >][\s\S]*?<\/w:sectPr>/g)].map((m) => {
    const size = /<w:pgSz [^>]*>/.exec(m[0])?.[0] ?? '';
    const margin = /<w:pgMar [^>]*>/.exec(m[0])?.[0] ?? '';
    return {
      width: attr(size, 'w'),
      height: attr(size, 'h'),
      orientation: /w:orient="landscape"/.test(size) ? ('landscape' as const) : ('portrait' as const),
      margins: { top: attr(margin, 'top'), bottom: attr(margin, 'bottom'), left: attr(margin, 'left'), right: attr(margin, 'right') },
    };
  });
  const styles = await readEntry(buffer, 'word/styles.xml');
  const fonts = [...new Set([...`${xml}${styles}`.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]!))];
  return { paragraphs, tables, sections, fonts };
}
