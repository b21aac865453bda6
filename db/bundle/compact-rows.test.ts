import { describe, expect, it } from 'vitest';
import { decodeCompact, encodeCompact, type PlainChange, type ResolveRef } from './compact-rows';

const A = 'HP-HAIDUONG';
const TASK = '8bf1074a-580b-46fc-8bc1-75d5edcd255a';

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

function decode(payload: Buffer, resolve: ResolveRef = () => undefined, maxLine = 1 << 20): PlainChange[] {
  const out: PlainChange[] = [];
  decodeCompact('f.wpb', A, payload, maxLine, resolve, (c) => out.push(c));
  return out;
}

describe('compact rows', () => {
  it('give back exactly the rows they were made from, nulls and instants included', () => {
    const changes = [progress(3), progress(5, { note: 'Tháng 7: tiếp tục' }), progress(9, { percent: 100, status: 'done' })];
    const payload = encodeCompact(changes, () => null);
    expect(decode(payload)).toEqual(changes);
    const text = payload.toString('utf8');
    // Each repeated string once; ids in their own table without dashes; no instant in clear.
    expect(text.split('Cán bộ chuyên trách CNTT')).toHaveLength(2);
    expect(text).toContain('"u":"00000003229b4b378d7664ddaae5e266');
    expect(text).not.toContain('2026-07-20T02');
  });

  it('keep a value that does not fit its column as it is', () => {
    const odd = progress(1, { percent: 'năm mươi', note: 7 });
    expect(decode(encodeCompact([odd], () => null))).toEqual([odd]);
  });

  it('write a short reference for a row the city holds, which the reader resolves for the owner', () => {
    const payload = encodeCompact([progress(1)], (table, id) => (table === 'task' ? id.slice(0, 10) : null));
    expect(payload.toString('utf8')).toContain(`^${TASK.slice(0, 10)}`);
    const asked: unknown[] = [];
    const rows = decode(payload, (table, prefix, owner) => {
      asked.push([table, prefix, owner]);
      return TASK;
    });
    expect(rows).toEqual([progress(1)]);
    expect(asked).toEqual([['task', TASK.slice(0, 10), A]]);
    expect(() => decode(payload)).toThrow(
      expect.objectContaining({ code: 'bundle.unresolved_reference', params: expect.objectContaining({ column: 'task_id' }) }) as Error,
    );
  });

  it('refuse lines that are not compact rows, a row of an undeclared table, values beyond the tables, and a line over the limit', () => {
    const bad = (text: string) => () => decode(Buffer.from(text));
    expect(bad('{')).toThrow(expect.objectContaining({ code: 'bundle.bad_row', params: expect.objectContaining({ reason: 'JSON' }) }) as Error);
    expect(bad('{"x":1}')).toThrow(expect.objectContaining({ params: expect.objectContaining({ reason: 'compact line' }) }) as Error);
    expect(bad('{"t":"secrets","c":["id"],"k":"s"}')).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ reason: 'compact line' }) }) as Error,
    );
    expect(bad('{"u":"abc"}')).toThrow(expect.objectContaining({ params: expect.objectContaining({ reason: 'compact line' }) }) as Error);
    expect(bad('[1,0,1,0]')).toThrow(expect.objectContaining({ params: expect.objectContaining({ reason: 'compact row' }) }) as Error);
    const head = '{"t":"unit","c":["id","code"],"k":"ss"}\n';
    expect(bad(`${head}[0,0,1,{"v":"x"}]`)).toThrow(expect.objectContaining({ params: expect.objectContaining({ reason: 'compact row' }) }) as Error);
    expect(bad(`${head}[1,0,1,5]`)).toThrow(expect.objectContaining({ params: expect.objectContaining({ reason: 'compact value' }) }) as Error);
    expect(bad(`${head}[1,0,1,-1]`)).toThrow(expect.objectContaining({ params: expect.objectContaining({ reason: 'compact value' }) }) as Error);
    expect(bad(`${head}[1,0,3,{"v":"x"}]`)).toThrow(expect.objectContaining({ params: expect.objectContaining({ reason: 'compact value' }) }) as Error);
    expect(bad(`${head}[1,0,1,{"v":"x"},{"v":"y"}]`)).toThrow(expect.objectContaining({ params: expect.objectContaining({ reason: 'compact row' }) }) as Error);
    expect(bad(`${head}[1,0,1,{"t":9e15}]`)).toThrow(expect.objectContaining({ params: expect.objectContaining({ reason: 'compact instant' }) }) as Error);
    expect(() => decode(Buffer.from(`${head}[1,0,1,{"v":"${'x'.repeat(100)}"}]`), undefined, 64)).toThrow(
      expect.objectContaining({ code: 'bundle.row_too_large' }) as Error,
    );
    expect(decode(Buffer.from(`${head}[4,0,1,{"v":"x"}]\n[2,0,2,{"v":"y"}]`))).toEqual([
      { seq: 4, table: 'unit', row: { id: 'x', code: null } },
      { seq: 6, table: 'unit', row: { id: null, code: 'y' } },
    ]);
  });
});
