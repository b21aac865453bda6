/**
 * The compact row encodings of bundle format 2, written before the payload is compressed and
 * sealed. A quarter's delta is mostly the same few strings (the officer's name, the ward's code,
 * the ids of the tasks and indicators it reports on) repeated in every row, and long ids of rows
 * the city already holds; compression alone leaves much of that in.
 *
 * One line of JSON per item, `\n` separated:
 *   {"u":"8d0b7c1e…"}                               appends ids to the id table: 32 hex digits each, no dashes
 *   {"s":["HP-HAIDUONG","Phạm Thị Vân",…]}         appends to the string table (index from 0)
 *   {"t":"task_progress","c":["id",…],"k":"ssss…"}  declares a table: its columns, each 's' (text) or 'n'
 *   wardplan-compact-1: [seqDelta, tableIndex, mask, v1, v2, …]                one change
 *   wardplan-compact-2: [tableIndex, n, mask, [seqDelta…], [column…], …]      n changes of one table,
 *                       each present column's n values together (a column compresses far better
 *                       whole than spread over rows); null where a row has none
 *
 * `mask` has bit i set when column i of its table is present; absent columns are null. A text value
 * is a code: the index of its string, or for an id (a lower-case UUID) -1 - its index in the id
 * table; compact-2 writes each code as the step from the previous code in its column (so a column of
 * new ids is -1, -1, …). A number is itself; a value whose type does not match its column is written
 * as {"v": value}. A UTC instant (`2026-10-01T02:00:00.370Z`) is written as {"t": milliseconds since
 * the previous instant in the payload} (the first: since 1970), in the order the rows are read, column
 * by column within a row. `seqDelta` is the change's seq minus the previous one's (the first's is its
 * seq). In a single-id reference column (`task_id`, `indicator_id`, …) the string `^` + hex names a
 * row the city already holds by the start of its id, and `@` + a code one of the ward's own coded
 * rows (db/sync/compact-refs.ts); the reader resolves it among the rows of the bundle's owner and
 * of the city, and refuses it unless exactly one matches. In compact-2, `true` in
 * the `id` column of a table with a natural key (db/natural-ids.ts) stands for the id the bundle's
 * owner and the row's key give, which the reader computes: it cannot name any other row.
 */
import { AppError } from '../../shared/errors';
import { derivedId, NATURAL_KEYS } from '../natural-ids';
import { columnsOf, isOwnedTable, type OwnedTableName } from '../owned-tables';
import type { CompactEncoding } from './format';
import { REFERENCES } from './row-rules';

/** What this version writes; it still reads compact-1, so bundles written before columns and derived ids keep opening. */
export const COMPACT_ENCODING: CompactEncoding = 'wardplan-compact-2';

export interface PlainChange {
  seq: number;
  table: OwnedTableName;
  row: Record<string, string | number | null>;
}

/** A reference the city can resolve on its own (`^` + the start of the id, or `@` + the row's code), or null to write the id whole. */
export type ShortRef = (table: OwnedTableName, id: string) => string | null;
/** The one id of `table` a reference names among the rows owned by `owner` or by the city, or undefined. */
export type ResolveRef = (table: OwnedTableName, ref: string, owner: string) => string | undefined;

/** Keeps a line of the string table, or a block of changes, well under the reader's 1 MiB for one line. */
const STRINGS_PER_LINE = 2000;
const LINE_CHARS = 256 * 1024;
/** A short reference starts with one of these; an id never does. */
const REF = /^[@^]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX_IDS = /^(?:[0-9a-f]{32})*$/;
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** A UTC instant as WardPlan writes it, which a number of milliseconds gives back exactly. */
function isInstant(v: string): boolean {
  return INSTANT.test(v) && new Date(Date.parse(v)).toISOString() === v;
}

function singleRefs(table: OwnedTableName): Map<string, OwnedTableName> {
  return new Map(REFERENCES[table].filter(([column]) => column !== 'partner_unit_ids'));
}

/** Lines of at most `STRINGS_PER_LINE` items and about `LINE_CHARS` characters. */
function chunked<T>(items: T[], line: (part: T[]) => string): string[] {
  const lines: string[] = [];
  let part: T[] = [];
  let chars = 0;
  for (const item of items) {
    part.push(item);
    chars += JSON.stringify(item).length;
    // Stryker disable next-line EqualityOperator: where a line is split is not part of the format
    if (part.length === STRINGS_PER_LINE || chars >= LINE_CHARS) {
      lines.push(line(part));
      part = [];
      chars = 0;
    }
  }
  if (part.length > 0) lines.push(line(part));
  return lines;
}

interface Block {
  table: number;
  seqs: number[];
  columns: unknown[][];
  /** The last code written in each column: each code is written as the step from it. */
  codes: number[];
  chars: number;
}

function blockLine(b: Block): string {
  let mask = 0;
  const present: unknown[][] = [];
  b.columns.forEach((values, i) => {
    if (values.every((v) => v === null)) return;
    mask |= 1 << i;
    present.push(values);
  });
  return JSON.stringify([b.table, b.seqs.length, mask, b.seqs, ...present]);
}

/** Writes changes as wardplan-compact-2. */
export function encodeCompact(changes: PlainChange[], shortRef: ShortRef): Buffer {
  const strings = new Map<string, number>();
  const uuids = new Map<string, number>();
  // An id is 32 hex digits of which nearly all are random: kept together, apart from the text,
  // the compressor codes them at close to their 4 bits a digit.
  const code = (s: string) => {
    const table = UUID.test(s) ? uuids : strings;
    let i = table.get(s);
    if (i === undefined) table.set(s, (i = table.size));
    return table === uuids ? -1 - i : i;
  };
  const tables = new Map<OwnedTableName, number>();
  const heads: string[] = [];
  const blocks: string[] = [];
  let block: Block | null = null;
  let prevSeq = 0;
  let clock = 0;
  for (const c of changes) {
    const cols = columnsOf(c.table);
    let t = tables.get(c.table);
    if (t === undefined) {
      tables.set(c.table, (t = tables.size));
      heads.push(JSON.stringify({ t: c.table, c: cols.map((col) => col.name), k: cols.map((col) => (col.kind === 'text' ? 's' : 'n')).join('') }));
    }
    // Stryker disable next-line EqualityOperator: where a block is split is not part of the format
    if (!block || block.table !== t || block.chars >= LINE_CHARS) {
      if (block) blocks.push(blockLine(block));
      block = { table: t, seqs: [], columns: cols.map(() => []), codes: cols.map(() => 0), chars: 0 };
    }
    const b = block;
    b.seqs.push(c.seq - prevSeq);
    prevSeq = c.seq;
    const refs = singleRefs(c.table);
    const derived = NATURAL_KEYS[c.table] ? derivedId(c.table, c.row.owner, c.row) : null;
    cols.forEach((col, i) => {
      const v = c.row[col.name] ?? null;
      const coded = (s: string) => {
        const k = code(s);
        const step = k - b.codes[i]!;
        b.codes[i] = k;
        return step;
      };
      const target = refs.get(col.name);
      const short = target && typeof v === 'string' ? shortRef(target, v) : null;
      let out: unknown;
      if (v === null) out = null;
      else if (col.name === 'id' && v === derived) out = true;
      else if (short) out = coded(short);
      else if (typeof v === 'string' && isInstant(v)) {
        const ms = Date.parse(v);
        out = { t: ms - clock };
        clock = ms;
      } else if (typeof v === 'string' && col.kind === 'text') out = coded(v);
      else if (typeof v === 'number' && col.kind !== 'text') out = v;
      else out = { v };
      b.columns[i]!.push(out);
      // Stryker disable next-line ArithmeticOperator: where a block is split is not part of the format
      b.chars += JSON.stringify(out).length + 1;
    });
  }
  if (block) blocks.push(blockLine(block));
  const ids = [...uuids.keys()].map((u) => u.replace(/-/g, ''));
  const lines = [
    ...chunked(ids, (part) => JSON.stringify({ u: part.join('') })),
    ...chunked([...strings.keys()], (part) => JSON.stringify({ s: part })),
    ...heads,
    ...blocks,
  ];
  return Buffer.from(lines.map((l) => `${l}\n`).join(''));
}

interface TableHead {
  table: OwnedTableName;
  columns: string[];
  kinds: string;
  refs: Map<string, OwnedTableName>;
}

interface Tables {
  strings: string[];
  uuids: string[];
  /** The last instant decoded, in milliseconds: each instant is written as the step from it. */
  clock: { ms: number };
}

type Bad = (reason: string) => AppError;

/**
 * Turns the compact lines back into whole changes, handing each on as it is decoded, in the same
 * shape as a line of a format-1 `changes.jsonl`, so both formats pass one set of row checks.
 */
export function decodeCompact(
  file: string,
  owner: string,
  payload: Buffer,
  maxLineBytes: number,
  resolve: ResolveRef,
  onChange: (c: PlainChange) => void,
  encoding: CompactEncoding = COMPACT_ENCODING,
): void {
  const bad: Bad = (reason) => new AppError('bundle.bad_row', { file, table: '-', reason });
  const tables: Tables = { strings: [], uuids: [], clock: { ms: 0 } };
  const heads: TableHead[] = [];
  let seq = 0;
  const next = (delta: unknown) => {
    if (!Number.isSafeInteger(delta) || (delta as number) < 1) throw bad('compact row');
    return (seq += delta as number);
  };
  /** One value of a row: null, a code (stepped from `column.code` in compact-2), an instant or a literal; a short reference resolved. */
  const value = (head: TableHead, name: string, kind: string, v: unknown, column: { code: number } | null) => {
    const decoded = decodeValue(v, kind, tables, column, bad);
    const target = head.refs.get(name);
    // Stryker disable next-line ConditionalExpression: REF.test finds no mark in a number's digits
    if (target && typeof decoded === 'string' && REF.test(decoded)) {
      const id = resolve(target, decoded, owner);
      if (!id) throw new AppError('bundle.unresolved_reference', { file, table: head.table, column: name, ref: decoded });
      return id;
    }
    return decoded;
  };
  const row1 = (item: unknown[]) => {
    const [delta, t, mask, ...values] = item;
    const head = typeof t === 'number' ? heads[t] : undefined;
    if (!head || !Number.isSafeInteger(mask)) throw bad('compact row');
    next(delta);
    const row: PlainChange['row'] = {};
    let k = 0;
    head.columns.forEach((name, i) => {
      row[name] = ((mask as number) & (1 << i)) === 0 ? null : value(head, name, head.kinds[i]!, values[k++], null);
    });
    if (k !== values.length) throw bad('compact row');
    onChange({ seq, table: head.table, row });
  };
  const block2 = (item: unknown[]) => {
    const [t, n, mask, seqs, ...present] = item;
    const head = typeof t === 'number' ? heads[t] : undefined;
    const width = head?.columns.length ?? 0;
    if (!head || !Number.isSafeInteger(n) || (n as number) < 1 || !Number.isSafeInteger(mask) || (mask as number) < 0 || (mask as number) >= 2 ** width)
      throw bad('compact block');
    const columns: unknown[] = [];
    let k = 0;
    // Stryker disable next-line EqualityOperator: one column more is null, as the mask has no bit for it
    for (let i = 0; i < width; i++) columns.push(((mask as number) & (1 << i)) === 0 ? null : present[k++]);
    if (k !== present.length || ![seqs, ...present].every((l) => Array.isArray(l) && l.length === n)) throw bad('compact block');
    // Stryker disable next-line ObjectLiteral: a missing code counts from 0 all the same
    const codes = head.columns.map(() => ({ code: 0 }));
    const keyed = NATURAL_KEYS[head.table] !== undefined;
    for (let r = 0; r < (n as number); r++) {
      next((seqs as unknown[])[r]);
      const row: PlainChange['row'] = {};
      let derive = false;
      head.columns.forEach((name, i) => {
        const v = (columns[i] as unknown[] | null)?.[r] ?? null;
        const derived = v === true && name === 'id' && keyed;
        derive ||= derived;
        row[name] = v === null || derived ? null : value(head, name, head.kinds[i]!, v, codes[i]!);
      });
      if (derive) {
        const id = derivedId(head.table, owner, row);
        if (!id) throw bad('compact derived id');
        row.id = id;
      }
      onChange({ seq, table: head.table, row });
    }
  };
  let start = 0;
  while (start < payload.length) {
    let end = payload.indexOf(10, start);
    if (end === -1) end = payload.length;
    if (end - start > maxLineBytes) throw new AppError('bundle.row_too_large', { file, limitKb: Math.round(maxLineBytes / 1024) });
    const text = payload.subarray(start, end).toString('utf8');
    start = end + 1;
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch {
      throw bad('JSON');
    }
    if (Array.isArray(item)) {
      if (encoding === COMPACT_ENCODING) block2(item);
      else row1(item);
    } else if (isStrings(item)) {
      tables.strings.push(...item.s);
    } else if (isIds(item)) {
      for (let i = 0; i < item.u.length; i += 32) {
        const h = item.u.slice(i, i + 32);
        tables.uuids.push(`${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`);
      }
    } else if (isHead(item)) {
      heads.push({ table: item.t, columns: item.c, kinds: item.k, refs: singleRefs(item.t) });
    } else throw bad('compact line');
  }
}

function decodeValue(v: unknown, kind: string, { strings, uuids, clock }: Tables, column: { code: number } | null, bad: Bad): string | number | null {
  if (typeof v === 'number' && kind === 'n') return v;
  if (Number.isSafeInteger(v)) {
    const code = (column?.code ?? 0) + (v as number);
    if (column) column.code = code;
    if (code >= 0 && code < strings.length) return strings[code]!;
    if (code < 0 && -1 - code < uuids.length) return uuids[-1 - code]!;
    throw bad('compact value');
  }
  const step = (v as { t?: unknown } | null)?.t;
  if (Number.isSafeInteger(step)) {
    const at = new Date((clock.ms += step as number));
    if (Number.isNaN(at.getTime())) throw bad('compact instant');
    return at.toISOString();
  }
  const literal = v as { v?: unknown } | null;
  if (typeof literal === 'object' && literal !== null && (typeof literal.v === 'string' || typeof literal.v === 'number')) return literal.v;
  throw bad('compact value');
}

function isStrings(item: unknown): item is { s: string[] } {
  const s = (item as { s?: unknown } | null)?.s;
  return Array.isArray(s) && s.every((x) => typeof x === 'string');
}

function isIds(item: unknown): item is { u: string } {
  const u = (item as { u?: unknown } | null)?.u;
  return typeof u === 'string' && HEX_IDS.test(u);
}

function isHead(item: unknown): item is { t: OwnedTableName; c: string[]; k: string } {
  const h = item as { t?: unknown; c?: unknown; k?: unknown } | null;
  return (
    // Stryker disable next-line ConditionalExpression: isOwnedTable refuses anything but a table's name, a string
    typeof h?.t === 'string' &&
    isOwnedTable(h.t) &&
    Array.isArray(h.c) &&
    h.c.length <= 31 &&
    h.c.every((x) => typeof x === 'string') &&
    typeof h.k === 'string' &&
    /^[sn]*$/.test(h.k) &&
    h.k.length === h.c.length
  );
}
