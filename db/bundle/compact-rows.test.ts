import { describe, expect, it } from 'vitest';
import { derivedId } from '../natural-ids';
import { COMPACT_ENCODING, decodeCompact, encodeCompact, type PlainChange, type ResolveRef } from './compact-rows';
import type { CompactEncoding } from './format';

const A = 'HP-HAIDUONG';
const B = 'HP-TIENLANG';
const TASK = '8bf1074a-580b-46fc-8bc1-75d5edcd255a';
const IND = '5c0d9a7e-1f2b-4c3d-9e8f-0a1b2c3d4e5f';

function progress(seq: number, extra: Record<string, string | number | null> = {}): PlainChange {
  return {
    seq,
    table: 'task_progress',
    row: {
      id: `0000000${seq}-229b-4b37-8d76-64ddaae5e266`,
      owner: A,
      updated_at: `2026-07-20T02:00:0${seq}.020Z`,
      deleted: 0,
      task_id: TASK,
      date: '2026-07-20',
      status: 'in_progress',
      percent: 20 + seq,
      note: null,
      by_name: 'Cán bộ chuyên trách CNTT',
      created_at: `2026-07-20T02:00:0${seq}.010Z`,
      ...extra,
    },
  };
}

function value(seq: number, period: string, extra: Record<string, string | number | null> = {}): PlainChange {
  const row = {
    id: null as string | null,
    owner: A,
    updated_at: '2026-10-01T02:00:00.000Z',
    deleted: 0,
    indicator_id: IND,
    period,
    value: 80 + seq,
    numerator: null,
    denominator: null,
    note: null,
    by_name: 'Cán bộ chuyên trách CNTT',
    ...extra,
  };
  row.id ??= derivedId('indicator_value', row.owner, row);
  return { seq, table: 'indicator_value', row };
}

function decode(payload: Buffer, resolve: ResolveRef = () => undefined, maxLine = 1 << 20, encoding?: CompactEncoding, owner = A): PlainChange[] {
  const out: PlainChange[] = [];
  decodeCompact('f.wpb', owner, payload, maxLine, resolve, (c) => out.push(c), encoding);
  return out;
}

const reason = (r: string) => expect.objectContaining({ code: 'bundle.bad_row', params: { file: 'f.wpb', table: '-', reason: r } }) as Error;

describe('compact rows', () => {
  it('give back exactly the rows they were made from, nulls and instants included, each column written whole', () => {
    const changes = [progress(3), progress(5, { note: 'Tháng 7: tiếp tục' }), progress(9, { percent: 100, status: 'done' })];
    const payload = encodeCompact(changes, () => null);
    expect(decode(payload)).toEqual(changes);
    const text = payload.toString('utf8');
    // Each repeated string once; ids in their own table without dashes; no instant in clear.
    expect(text.split('Cán bộ chuyên trách CNTT')).toHaveLength(2);
    expect(text).toContain('"u":"00000003229b4b378d7664ddaae5e266');
    expect(text).not.toContain('2026-07-20T02');
    const lines = text.trimEnd().split('\n');
    // One block: the sequence steps, then each column, each code a step from the one above it.
    expect(JSON.parse(lines.at(-1)!)).toEqual([
      0,
      3,
      2047,
      [3, 2, 4],
      [-1, -2, -1],
      [0, 0, 0],
      expect.anything(),
      [0, 0, 0],
      [-2, 0, 0],
      [1, 0, 0],
      [2, 0, 3],
      [23, 25, 100],
      [null, 4, null],
      [3, 0, 0],
      expect.anything(),
    ]);
  });

  it('keep rows of several tables in their order, a block for each run of one table', () => {
    const changes = [progress(1), value(2, '2026-Q3'), value(3, '2026-M09'), progress(4), value(7, '2026-M08')];
    const payload = encodeCompact(changes, () => null);
    expect(decode(payload)).toEqual(changes);
    const blocks = payload
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .filter((l) => l.startsWith('['));
    expect(blocks.map((l) => (JSON.parse(l) as number[]).slice(0, 2))).toEqual([
      [0, 1],
      [1, 2],
      [0, 1],
      [1, 1],
    ]);
  });

  it('keep a value that does not fit its column as it is, and text that only looks like an instant, an id or a reference', () => {
    const always = () => '^0123456789';
    const odd = progress(1, { percent: 'năm mươi', note: 7, task_id: 7 });
    expect(decode(encodeCompact([odd], always))).toEqual([odd]);
    const lookalikes = [
      progress(1, { note: '2026-02-30T02:00:00.000Z', date: 'x2026-07-20T02:00:00.000Z', status: '2026-07-20T02:00:00.000Zx' }),
      progress(2, { note: `${TASK}x`, task_id: 'x@y' }),
    ];
    const payload = encodeCompact(lookalikes, () => null);
    expect(payload.toString('utf8')).toContain(`"${TASK}x"`);
    expect(decode(payload)).toEqual(lookalikes);
  });

  it('write nothing for no changes, no id table without ids, and leave out a column no row of a block fills', () => {
    expect(encodeCompact([], () => null).length).toBe(0);
    const unit: PlainChange = { seq: 2, table: 'unit', row: { id: 'U', owner: A, updated_at: null, deleted: 0, code: 'C', name: null } };
    const lines = encodeCompact([unit], () => null)
      .toString('utf8')
      .trimEnd()
      .split('\n');
    expect(lines).toEqual([
      '{"s":["U","HP-HAIDUONG","C"]}',
      '{"t":"unit","c":["id","owner","updated_at","deleted","code","name"],"k":"sssnss"}',
      '[0,1,27,[2],[0],[1],[0],[2]]',
    ]);
    expect(decode(Buffer.from(lines.join('\n')))).toEqual([unit]);
    expect(COMPACT_ENCODING).toBe('wardplan-compact-2');
  });

  it('leave a list of units in a row as it is: only a single-id reference is ever shortened', () => {
    const task: PlainChange = {
      seq: 1,
      table: 'task',
      row: { id: TASK, owner: A, plan_id: IND, partner_unit_ids: JSON.stringify([IND]) },
    };
    const payload = encodeCompact([task], (_, id) => `^${id.slice(0, 10)}`);
    expect(payload.toString('utf8')).toContain(JSON.stringify(JSON.stringify([IND])));
    const [decoded] = decode(payload, () => IND);
    expect(decoded!.row).toMatchObject(task.row);
  });

  it('split long runs into lines the reader takes, and a long string table into several lines', () => {
    const long = 'Nội dung dài '.repeat(3000);
    const changes = Array.from({ length: 40 }, (_, i) => progress(i + 1, { note: `${long}${i}`, percent: `${long}${i}` }));
    const payload = encodeCompact(changes, () => null);
    const lines = payload.toString('utf8').trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('[')).length).toBeGreaterThan(1);
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l)))).toBeLessThan(1 << 20);
    expect(decode(payload)).toHaveLength(40);
    const many = Array.from({ length: 2001 }, (_, i) => progress(1, { note: `ghi chú ${i}` }).row);
    const table = encodeCompact(
      many.map((row, i) => ({ seq: i + 1, table: 'task_progress', row })),
      () => null,
    );
    const strings = table
      .toString('utf8')
      .split('\n')
      .filter((l) => l.startsWith('{"s"'));
    expect(strings).toHaveLength(2);
    expect(decode(table).map((c) => c.row.note)).toEqual(many.map((r) => r.note));
  });

  it('leave out an indicator value id its owner, indicator and period give, which the reader computes for the bundle owner', () => {
    const own = value(1, '2026-Q3');
    const old = value(2, '2026-M09', { id: '11111111-2222-4333-8444-555555555555' });
    const payload = encodeCompact([own, old], () => null);
    const text = payload.toString('utf8');
    expect(text).not.toContain(String(own.row.id).replace(/-/g, ''));
    expect(text).toContain('111111112222433384445555555555');
    expect(text).toContain('[true,-2]');
    // Text equal to the derived id in another column is text.
    const noted = value(3, '2026-Q4');
    noted.row.note = String(noted.row.id);
    expect(decode(encodeCompact([noted], () => null))).toEqual([noted]);
    expect(decode(payload)).toEqual([own, old]);
    // Another owner's bundle saying the same lands on that owner's own row, never on A's.
    const asB = decode(payload, undefined, 1 << 20, undefined, B);
    expect(asB[0]!.row.id).toBe(derivedId('indicator_value', B, own.row));
    expect(asB[0]!.row.id).not.toBe(own.row.id);
  });

  it('write an id whole when it is not the one the key gives, or the row has no such key', () => {
    const moved = value(1, '2026-Q3', { id: derivedId('indicator_value', A, { indicator_id: IND, period: '2026-Q2' }) });
    const payload = encodeCompact([moved], () => null);
    expect(payload.toString('utf8')).toContain(String(moved.row.id).replace(/-/g, ''));
    expect(decode(payload)).toEqual([moved]);
    const unit: PlainChange = { seq: 1, table: 'unit', row: { id: derivedId('indicator_value', A, { indicator_id: IND, period: '2026-Q2' }), owner: A } };
    expect(encodeCompact([unit], () => null).toString('utf8')).not.toContain('true');
  });

  it('refuse a derived id where a table has no natural key, outside the id column, or without the key', () => {
    const unit = '{"t":"unit","c":["id","code"],"k":"ss"}\n';
    const val = '{"t":"indicator_value","c":["id","indicator_id","period"],"k":"sss"}\n{"s":["i","2026-Q3"]}\n';
    expect(() => decode(Buffer.from(`${unit}[0,1,1,[1],[true]]`))).toThrow(reason('compact value'));
    expect(() => decode(Buffer.from(`${val}[0,1,3,[1],[0],[true]]`))).toThrow(reason('compact value'));
    expect(() => decode(Buffer.from(`${val}[0,1,7,[1],[0],[true],[1]]`))).toThrow(reason('compact value'));
    expect(() => decode(Buffer.from(`${val}[0,1,5,[1],[true],[1]]`))).toThrow(reason('compact derived id'));
    expect(decode(Buffer.from(`${val}[0,1,7,[1],[true],[0],[1]]`))).toEqual([
      {
        seq: 1,
        table: 'indicator_value',
        row: { id: derivedId('indicator_value', A, { indicator_id: 'i', period: '2026-Q3' }), indicator_id: 'i', period: '2026-Q3' },
      },
    ]);
  });

  it('write a short reference for a row the city holds, which the reader resolves for the owner', () => {
    const payload = encodeCompact([progress(1), value(2, '2026-Q3')], (table, id) => (table === 'task' ? `^${id.slice(0, 10)}` : `@CQ-0${id.length}`));
    expect(payload.toString('utf8')).toContain(`"^${TASK.slice(0, 10)}"`);
    expect(payload.toString('utf8')).toContain('"@CQ-036"');
    expect(payload.toString('utf8')).not.toContain(IND.replace(/-/g, ''));
    const asked: unknown[] = [];
    const rows = decode(payload, (table, ref, owner) => {
      asked.push([table, ref, owner]);
      return table === 'task' ? TASK : IND;
    });
    expect(rows).toEqual([progress(1), value(2, '2026-Q3')]);
    expect(asked).toEqual([
      ['task', `^${TASK.slice(0, 10)}`, A],
      ['indicator', '@CQ-036', A],
    ]);
    // Only a reference column's value is a reference: the same text elsewhere is the text.
    const note = progress(3, { note: '@CQ-036', status: '^abc' });
    expect(decode(encodeCompact([note], () => null))).toEqual([note]);
    expect(() => decode(payload)).toThrow(
      expect.objectContaining({
        code: 'bundle.unresolved_reference',
        params: expect.objectContaining({ column: 'task_id', table: 'task_progress', ref: `^${TASK.slice(0, 10)}` }),
      }) as Error,
    );
  });

  it('refuse blocks that do not match their table, values beyond the tables, and a line over the limit', () => {
    const bad = (text: string) => () => decode(Buffer.from(text));
    expect(bad('{')).toThrow(reason('JSON'));
    expect(bad('{"x":1}')).toThrow(reason('compact line'));
    expect(bad('{"t":"secrets","c":["id"],"k":"s"}')).toThrow(reason('compact line'));
    expect(bad('{"t":"unit","c":["id"],"k":"x"}')).toThrow(reason('compact line'));
    expect(bad('{"t":"unit","c":["id",1],"k":"ss"}')).toThrow(reason('compact line'));
    expect(bad('{"t":"unit","c":"id","k":"s"}')).toThrow(reason('compact line'));
    expect(bad('{"t":"unit","c":["id"],"k":"ss"}')).toThrow(reason('compact line'));
    expect(bad(`{"t":"unit","c":${JSON.stringify(Array.from({ length: 32 }, (_, i) => `c${i}`))},"k":"${'s'.repeat(32)}"}`)).toThrow(reason('compact line'));
    expect(bad('{"s":["a",1]}')).toThrow(reason('compact line'));
    expect(bad('{"u":"abc"}')).toThrow(reason('compact line'));
    expect(bad('{"u":[]}')).toThrow(reason('compact line'));
    expect(bad('null')).toThrow(reason('compact line'));
    expect(bad('{"t":"unit","c":["id"],"k":["s"]}')).toThrow(reason('compact line'));
    const wide = Array.from({ length: 31 }, (_, i) => `c${i}`);
    expect(decode(Buffer.from(`{"t":"unit","c":${JSON.stringify(wide)},"k":"${'s'.repeat(31)}"}`))).toEqual([]);
    expect(bad('[0,1,0,[1]]')).toThrow(reason('compact block'));
    expect(bad('[0,1,1,[1],[{"v":"x"}]]')).toThrow(reason('compact block'));
    const head = '{"t":"unit","c":["id","code"],"k":"ss"}\n';
    for (const block of [
      '["0",1,1,[1],[{"v":"x"}]]',
      '[0,0,0,[]]',
      '[0,1.5,1,[1],[{"v":"x"}]]',
      '[0,1,-1,[1],[{"v":"x"}]]',
      '[0,1,-1,[1],[{"v":"x"}],[{"v":"y"}]]',
      '[0,1,4,[1]]',
      '[0,1,4,[1],[{"v":"x"}]]',
      '[0,1,0.5,[1],[{"v":"x"}]]',
      '[0,1,1,[1]]',
      '[0,1,1,[1],[{"v":"x"}],[{"v":"y"}]]',
      '[0,1,3,[1],[{"v":"x"}]]',
      '[0,1,1,[1],[{"v":"x"},{"v":"y"}]]',
      '[0,1,1,[1,1],[{"v":"x"}]]',
      '[0,1,1,1,[{"v":"x"}]]',
      '[0,1,1,[1],{"v":"x"}]',
    ])
      expect(bad(`${head}${block}`), block).toThrow(reason('compact block'));
    for (const step of ['0', '-1', '1.5', '"1"']) expect(bad(`${head}[0,1,1,[${step}],[{"v":"x"}]]`), step).toThrow(reason('compact row'));
    expect(bad(`${head}{"s":["a"]}\n[0,1,1,[1],[1]]`)).toThrow(reason('compact value'));
    expect(bad(`${head}{"u":"${'a'.repeat(32)}"}\n[0,1,1,[1],[-2]]`)).toThrow(reason('compact value'));
    expect(bad(`${head}{"u":"${'a'.repeat(32)}"}\n[0,1,1,[1],[0]]`)).toThrow(reason('compact value'));
    expect(bad(`${head}[0,1,1,[1],[{"v":true}]]`)).toThrow(reason('compact value'));
    expect(bad(`${head}[0,1,1,[1],[[1]]]`)).toThrow(reason('compact value'));
    expect(bad(`${head}[0,1,1,[1],[{"t":9e15}]]`)).toThrow(reason('compact instant'));
    expect(bad(`${head}[0,1,1,[1],[{"t":1.5}]]`)).toThrow(reason('compact value'));
    expect(() => decode(Buffer.from(`${head}[0,1,1,[1],[{"v":"${'x'.repeat(100)}"}]]`), undefined, 64)).toThrow(
      expect.objectContaining({ code: 'bundle.row_too_large', params: expect.objectContaining({ limitKb: 0 }) }) as Error,
    );
    // A line of exactly the limit is taken; an empty block row gives a row of nulls.
    expect(decode(Buffer.from(`${head}[0,1,1,[1],[{"v":"${'x'.repeat(42)}"}]]`), undefined, 64)).toHaveLength(1);
    expect(decode(Buffer.from(`${head}[0,1,0,[5]]`))).toEqual([{ seq: 5, table: 'unit', row: { id: null, code: null } }]);
  });

  it('step each text code from the previous one in its column, strings and ids alike', () => {
    const text = [
      '{"u":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}',
      '{"s":["HP-A","U1","U2"]}',
      '{"t":"unit","c":["id","owner","code","name","deleted"],"k":"sssss"}',
      '[0,3,15,[4,2,1],[-1,-1,1],[0,0,0],[1,1,-1],[2,-1,null]]',
    ].join('\n');
    expect(decode(Buffer.from(text))).toEqual([
      { seq: 4, table: 'unit', row: { id: 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa', owner: 'HP-A', code: 'U1', name: 'U2', deleted: null } },
      { seq: 6, table: 'unit', row: { id: 'bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb', owner: 'HP-A', code: 'U2', name: 'U1', deleted: null } },
      { seq: 7, table: 'unit', row: { id: 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa', owner: 'HP-A', code: 'U1', name: null, deleted: null } },
    ]);
  });
});

describe('compact rows of the first encoding (bundles written before columns)', () => {
  const v1 = (text: string) => decode(Buffer.from(text), undefined, 1 << 20, 'wardplan-compact-1');
  const head = '{"t":"unit","c":["id","code"],"k":"ss"}\n';

  it('still read, a change a line, codes as they are', () => {
    expect(v1(`${head}{"s":["x","y"]}\n[4,0,1,0]\n[2,0,3,{"v":"z"},1]`)).toEqual([
      { seq: 4, table: 'unit', row: { id: 'x', code: null } },
      { seq: 6, table: 'unit', row: { id: 'z', code: 'y' } },
    ]);
  });

  it('refuse what they refused before', () => {
    expect(() => v1('[1,0,1,0]')).toThrow(reason('compact row'));
    expect(() => v1(`${head}[0,0,1,{"v":"x"}]`)).toThrow(reason('compact row'));
    expect(() => v1(`${head}[1,0,"1",{"v":"x"}]`)).toThrow(reason('compact row'));
    expect(() => v1(`${head}[1,"0",1,{"v":"x"}]`)).toThrow(reason('compact row'));
    expect(() => v1(`${head}[1,0,1,null]`)).toThrow(reason('compact value'));
    expect(() => v1(`${head}[1,0,1,5]`)).toThrow(reason('compact value'));
    expect(() => v1(`${head}[1,0,1,-1]`)).toThrow(reason('compact value'));
    expect(() => v1(`${head}[1,0,1,true]`)).toThrow(reason('compact value'));
    expect(() => v1(`${head}[1,0,3,{"v":"x"}]`)).toThrow(reason('compact value'));
    expect(() => v1(`${head}[1,0,1,{"v":"x"},{"v":"y"}]`)).toThrow(reason('compact row'));
  });
});
