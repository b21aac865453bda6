/**
 * Finding the task table's header in an officer's file and what each column holds.
 *
 * The header may sit below title rows ("PHỤ LỤC", "DANH MỤC NHIỆM VỤ ...") and span two rows
 * ("Đơn vị thực hiện" merged over "Chủ trì" and "Phối hợp"). Columns are known by their header
 * words, folded (no diacritics, any case), in any order. A column nobody recognises is mapped by
 * the officer, and that mapping is remembered for files whose header folds to the same text.
 */
import { createHash } from 'node:crypto';
import { foldVi } from '../../shared/rules/search-fold';
import type { ColumnTarget, ImportColumn, ImportField } from '../../shared/api/contract-plan-import';
import type { Grid } from './extract';

/** Checked in this order, so "Đơn vị phối hợp" is partners before "đơn vị thực hiện" could make it the lead. */
const FIELD_WORDS: ReadonlyArray<[ImportField, RegExp]> = [
  ['no', /^(stt|tt|so tt|so thu tu)\.?$/],
  ['partners', /phoi hop/],
  ['lead', /chu tri|don vi thuc hien|co quan thuc hien/],
  ['timeline', /thoi gian|thoi han|tien do/],
  ['output', /san pham|ket qua/],
  ['area', /linh vuc/],
  ['source', /can cu|van ban|chi dao/],
  ['person', /nguoi (thuc hien|phu trach)|can bo/],
  ['authority', /tham quyen/],
  ['content', /noi dung|nhiem vu/],
];

/** A header is a few words; a longer cell is a title or a note that happens to name a column. */
const MAX_HEADER_CHARS = 80;
const HEADER_SCAN_ROWS = 25;

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function fieldOfHeader(text: string): ImportField | null {
  const folded = foldVi(text);
  if (folded === '' || folded.length > MAX_HEADER_CHARS) return null;
  return FIELD_WORDS.find(([, re]) => re.test(folded))?.[0] ?? null;
}

/** The header text of each column over the header rows: distinct texts top to bottom ("Đơn vị thực hiện Chủ trì"). */
function headerTexts(grid: Grid, rows: number[]): string[] {
  const width = Math.max(0, ...rows.map((r) => grid.rows[r]?.length ?? 0));
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const r of rows) {
      const t = (grid.rows[r]?.[c] ?? '').replace(/\s+/g, ' ').trim();
      if (t !== '' && !parts.includes(t)) parts.push(t);
    }
    out.push(parts.join(' '));
  }
  return out;
}

/** Fields recognised from header words, each at most once (its first column). */
function recognise(texts: string[]): Map<number, ImportField> {
  const found = new Map<number, ImportField>();
  const used = new Set<ImportField>();
  texts.forEach((t, c) => {
    const f = fieldOfHeader(t);
    if (f && !used.has(f)) {
      used.add(f);
      found.set(c, f);
    }
  });
  return found;
}

/** A merged title row shows one text in every cell; it is not a header. */
function isTitleLike(row: string[]): boolean {
  return new Set(row.filter((t) => t !== '')).size <= 1;
}

export function isNumberingRow(row: string[]): boolean {
  const filled = row.filter((t) => t !== '');
  return filled.length >= 2 && filled.every((t) => /^\(?\s*\d{1,2}\s*\)?$/.test(t));
}

function hasFields(found: Map<number, ImportField>): boolean {
  const fields = new Set(found.values());
  return fields.has('content') && fields.has('lead');
}

export interface HeaderFound {
  grid: Grid;
  /** 0-based indexes of the header rows. */
  rows: number[];
  texts: string[];
  detected: Map<number, ImportField>;
  fingerprint: string;
}

export function fingerprintOf(texts: string[]): string {
  let last = texts.length - 1;
  while (last >= 0 && texts[last] === '') last--;
  const shape = texts
    .slice(0, last + 1)
    .map((t) => foldVi(t))
    .join('|');
  return createHash('sha256').update(shape).digest('hex').slice(0, 16);
}

/**
 * The first table (sheet, or Word table) with a recognisable header, and its header rows: one, or
 * two when the second row names more columns (the sub-headers under a merged "Đơn vị thực hiện").
 */
export function findHeader(grids: Grid[]): HeaderFound | null {
  for (const grid of grids) {
    const last = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
    for (let r = 0; r < last; r++) {
      const row = grid.rows[r]!;
      if (isTitleLike(row)) continue;
      const single = recognise(headerTexts(grid, [r]));
      const next = grid.rows[r + 1];
      let rows = [r];
      let detected = single;
      if (next && !isNumberingRow(next) && !isTitleLike(next) && next.every((t) => t.length <= MAX_HEADER_CHARS)) {
        const double = recognise(headerTexts(grid, [r, r + 1]));
        if (double.size > single.size && hasFields(double)) {
          rows = [r, r + 1];
          detected = double;
        }
      }
      if (!hasFields(detected)) continue;
      const texts = headerTexts(grid, rows);
      return { grid, rows, texts, detected, fingerprint: fingerprintOf(texts) };
    }
  }
  return null;
}

/**
 * The columns with what each holds: header words first, then a remembered mapping, then the
 * officer's own; a field given to one column is taken from any other, so a field is read once.
 */
export function resolveColumns(
  header: HeaderFound,
  remembered: Record<string, ColumnTarget> | null,
  given: Record<string, ColumnTarget> | undefined,
): ImportColumn[] {
  const cols: ImportColumn[] = header.texts.map((text, c) => {
    const f = header.detected.get(c);
    return { column: columnLetter(c), header: text, field: f ?? null, how: f ? 'header' : 'none' };
  });
  const overlay = (m: Record<string, ColumnTarget> | null | undefined, how: ImportColumn['how']) => {
    if (!m) return;
    for (const [letter, target] of Object.entries(m)) {
      const c = columnIndex(letter);
      if (c < 0) continue;
      while (cols.length <= c) cols.push({ column: columnLetter(cols.length), header: '', field: null, how: 'none' });
      if (target !== 'ignore') for (const other of cols) if (other.field === target) Object.assign(other, { field: null, how: 'none' });
      Object.assign(cols[c]!, { field: target, how });
    }
  };
  overlay(remembered, 'remembered');
  overlay(given, 'mapping');
  return cols;
}
