import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { openZip, ZipLimitError } from './zip-read';

async function zipOf(list: Array<[string, Buffer]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of list) zip.addBuffer(data, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const roomy = { maxEntries: 10, maxTotalBytes: 1 << 20, capOf: () => 1 << 16 };

describe('openZip', () => {
  it('lists names, sizes and times from the directory and reads an entry whole', async () => {
    const zip = await openZip(await zipOf([['a.txt', Buffer.from('xin chào')]]), roomy);
    expect(zip.entries.get('a.txt')?.size).toBe(Buffer.byteLength('xin chào'));
    expect(zip.entries.get('a.txt')?.modified).toBeInstanceOf(Date);
    expect((await zip.read('a.txt', 100))?.toString('utf8')).toBe('xin chào');
    expect(await zip.read('b.txt', 100)).toBeUndefined();
    zip.close();
  });

  it('refuses by the directory alone: too many entries, a declared size over the cap or the total, a name twice, a name the caller refuses', async () => {
    const two = await zipOf([
      ['a', Buffer.alloc(10)],
      ['b', Buffer.alloc(10)],
    ]);
    await expect(openZip(two, { ...roomy, maxEntries: 1 })).rejects.toMatchObject({ kind: 'entries', limit: 1 });
    await expect(openZip(two, { ...roomy, capOf: () => 9 })).rejects.toMatchObject({ kind: 'entry', entry: 'a', limit: 9 });
    await expect(openZip(two, { ...roomy, maxTotalBytes: 19 })).rejects.toMatchObject({ kind: 'total', entry: 'b', limit: 19 });
    const twice = await zipOf([
      ['a', Buffer.alloc(1)],
      ['a', Buffer.alloc(1)],
    ]);
    await expect(openZip(twice, roomy)).rejects.toBeInstanceOf(ZipLimitError);
    await expect(openZip(twice, roomy)).rejects.toMatchObject({ kind: 'duplicate', entry: 'a' });
    const refused = new Error('không nhận tên này');
    await expect(
      openZip(two, {
        ...roomy,
        capOf: () => {
          throw refused;
        },
      }),
    ).rejects.toBe(refused);
  });

  it('refuses an entry whose declared size is over the cap a reader asks for, without inflating a byte of it', async () => {
    const zip = await openZip(await zipOf([['big', Buffer.alloc(50_000)]]), roomy);
    let seen = 0;
    await expect(zip.pipe('big', 40_000, (c) => (seen += c.length))).rejects.toMatchObject({ kind: 'entry', limit: 40_000 });
    expect(seen).toBe(0);
    await expect(zip.read('big', 49_999)).rejects.toMatchObject({ kind: 'entry', limit: 49_999 });
    expect((await zip.read('big', 50_000))?.length).toBe(50_000);
    zip.close();
  });

  it("hands on a reader's own refusal from inside a chunk", async () => {
    const zip = await openZip(await zipOf([['a', Buffer.alloc(100)]]), roomy);
    const stop = new Error('dừng');
    await expect(
      zip.pipe('a', 100, () => {
        throw stop;
      }),
    ).rejects.toBe(stop);
    zip.close();
  });
});
