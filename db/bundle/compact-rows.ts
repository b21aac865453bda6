/**
 * The compact row encoding of bundle format 2 ("wardplan-compact-1"), written before the payload
 * is compressed and sealed. A quarter's delta is mostly the same few strings (the officer's name,
 * the ward's code, the ids of the tasks and indicators it reports on) repeated in every row, and
 * long ids of rows the city already holds; compression alone leaves much of that in.
 *
 * One line of JSON per item, `\n` separated:
 *   {"u":"8d0b7c1e…"}                               appends ids to the id table: 32 hex digits each, no dashes
 *   {"s":["HP-HAIDUONG","Phạm Thị Vân",…]}         appends to the string table (index from 0)
 *   {"t":"task_progress","c":["id",…],"k":"ssss…"}  declares a table: its columns, each 's' (text) or 'n'
 *   [seqDelta, tableIndex, mask, v1, v2, …]        one change
 *
 * A change's `mask` has bit i set when column i of its table is present; absent columns are null.
 * A text value is the index of its string, or for an id (a lower-case UUID) -1 - its index in the
 * id table; a number is itself; a value whose type does not match
 * its column is written as {"v": value}. A UTC instant (`2026-10-01T02:00:00.370Z`) is written as
 * {"t": milliseconds since the previous instant in the payload} (the first: since 1970). `seqDelta` is the change's seq minus the previous one's
 * (the first's is its seq). In a single-id reference column (`task_id`, `indicator_id`, …) the
 * string `^` + hex names a row the city already holds by the start of its id; the reader resolves
 * it among the rows of the bundle's owner and of the city, and refuses it unless exactly one matches.
 */
import { AppError } from '../../shared/errors';
import { columnsOf, isOwnedTable, type OwnedTableName } from '../owned-tables';
import { REFERENCES } from './row-rules';

export const COMPACT_ENCODING = 'wardplan-compact-1';

export interface PlainChange {
  seq: number;
  table: OwnedTableName;
  row: Record<string, string | number | null>;
}

/** The start of an id the city can resolve on its own, or null to write the id whole. */
export type ShortRef = (table: OwnedTableName, id: string) => string | null;
/** The one id of `table` starting with `prefix` owned by `owner` or by the city, or undefined. */
export type ResolveRef = (table: OwnedTableName, prefix: string, owner: string) => string | undefined;

/** Keeps a line of the string table well under the reader's limit for one line. */
const STRINGS_PER_LINE = 2000;
const REF_MARK = '^';
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

export function encodeCompact(changes: PlainChange[], shortRef: ShortRef): Buffer {
  const strings = new Map<string, number>();
  const uuids = new Map<string, number>();
  // An id is 32 hex digits of which nearly all are random: kept together, apart from the text,
  // the compressor codes them at close to their 4 bits a digit.
  const index = (s: string) => {
    const table = UUID.test(s) ? uuids : strings;
    let i = table.get(s);
    if (i === undefined) table.set(s, (i = table.size));
    return table === uuids ? -1 - i : i;
  };
  const tables = new Map<OwnedTableName, number>();
  const heads: string[] = [];
  const rows: string[] = [];
  let prevSeq = 0;
  let clock = 0;
  for (const c of changes) {
    const cols = columnsOf(c.table);
    let t = tables.get(c.table);
    if (t === undefined) {
      tables.set(c.table, (t = tables.size));
      heads.push(JSON.stringify({ t: c.table, c: cols.map((col) => col.name), k: cols.map((col) => (col.kind === 'text' ? 's' : 'n')).join('') }));
    }
    const refs = singleRefs(c.table);
    let mask = 0;
    const values: unknown[] = [];
    cols.forEach((col, i) => {
      const v = c.row[col.name] ?? null;
      if (v === null) return;
      mask |= 1 << i;
      const target = refs.get(col.name);
      const short = target && typeof v === 'string' ? shortRef(target, v) : null;
      if (short) values.push(index(REF_MARK + short));
      else if (typeof v === 'string' && isInstant(v)) {
        const ms = Date.parse(v);
        values.push({ t: ms - clock });
        clock = ms;
      } else if (typeof v === 'string' && col.kind === 'text') values.push(index(v));
      else if (typeof v === 'number' && col.kind !== 'text') values.push(v);
      else values.push({ v });
    });
    rows.push(JSON.stringify([c.seq - prevSeq, t, mask, ...values]));
    prevSeq = c.seq;
  }
  const all = [...strings.keys()];
  const ids = [...uuids.keys()].map((u) => u.replace(/-/g, ''));
  const lines: string[] = [];
  for (let i = 0; i < ids.length; i += STRINGS_PER_LINE) lines.push(JSON.stringify({ u: ids.slice(i, i + STRINGS_PER_LINE).join('') }));
  for (let i = 0; i < all.length; i += STRINGS_PER_LINE) lines.push(JSON.stringify({ s: all.slice(i, i + STRINGS_PER_LINE) }));
  lines.push(...heads, ...rows);
  return Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
}

interface TableHead {
  table: OwnedTableName;
  columns: string[];
  kinds: string;
  refs: Map<string, OwnedTableName>;
}

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
): void {
  const bad = (reason: string) => new AppError('bundle.bad_row', { file, table: '-', reason });
  const strings: string[] = [];
  const uuids: string[] = [];
  const heads: TableHead[] = [];
  let seq = 0;
  const clock = { ms: 0 };
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
      const [delta, t, mask, ...values] = item as unknown[];
      const head = typeof t === 'number' ? heads[t] : undefined;
      if (!Number.isSafeInteger(delta) || (delta as number) < 1 || !head || !Number.isSafeInteger(mask)) throw bad('compact row');
      seq += delta as number;
      const row: Record<string, string | number | null> = {};
      let next = 0;
      head.columns.forEach((name, i) => {
        if (((mask as number) & (1 << i)) === 0) {
          row[name] = null;
          return;
        }
        const v = values[next++];
        row[name] = decodeValue(v, head.kinds[i]!, { strings, uuids, clock }, bad);
        const target = head.refs.get(name);
        const text = row[name];
        if (target && typeof text === 'string' && text.startsWith(REF_MARK)) {
          const id = resolve(target, text.slice(REF_MARK.length), owner);
          if (!id) throw new AppError('bundle.unresolved_reference', { file, table: head.table, column: name, ref: text.slice(REF_MARK.length) });
          row[name] = id;
        }
      });
      if (next !== values.length) throw bad('compact row');
      onChange({ seq, table: head.table, row });
    } else if (isStrings(item)) {
      strings.push(...item.s);
    } else if (isIds(item)) {
      for (let i = 0; i < item.u.length; i += 32) {
        const h = item.u.slice(i, i + 32);
        uuids.push(`${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`);
      }
    } else if (isHead(item)) {
      heads.push({ table: item.t, columns: item.c, kinds: item.k, refs: singleRefs(item.t) });
    } else throw bad('compact line');
  }
}

interface Tables {
  strings: string[];
  uuids: string[];
  /** The last instant decoded, in milliseconds: each instant is written as the step from it. */
  clock: { ms: number };
}

function decodeValue(v: unknown, kind: string, { strings, uuids, clock }: Tables, bad: (r: string) => AppError): string | number | null {
  if (typeof v === 'number' && kind === 'n') return v;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < strings.length) return strings[v]!;
  if (typeof v === 'number' && Number.isInteger(v) && v < 0 && -1 - v < uuids.length) return uuids[-1 - v]!;
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
