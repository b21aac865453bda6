/**
 * The one way WardPlan reads a ZIP archive it did not just write (a sync bundle, a backup, a Word
 * document): the central directory first, each name and declared size checked before anything is
 * inflated, then each entry inflated with a hard limit, stopping at the first byte beyond it (the
 * declared size can lie). Callers turn the refusals into their own messages.
 */
import yauzl from 'yauzl';

/** A limit the archive broke: which one, for which entry, and the limit itself. */
export class ZipLimitError extends Error {
  constructor(
    readonly kind: 'entries' | 'entry' | 'total' | 'duplicate',
    readonly entry: string,
    readonly limit: number,
  ) {
    super(`zip ${kind} limit ${limit} ${entry}`);
    this.name = 'ZipLimitError';
  }
}

export interface ZipLimits {
  maxEntries: number;
  /** Everything inflated from the archive together, declared and then actually inflated. */
  maxTotalBytes: number;
  /** The most one entry may inflate to; throwing here refuses the name before anything is read. */
  capOf(name: string): number;
}

export interface ZipReader {
  /** Entry names with the uncompressed sizes and times the directory declares. */
  entries: Map<string, { size: number; modified: Date }>;
  /** Inflates one entry, handing on each chunk; resolves to the number of bytes inflated. */
  pipe(name: string, cap: number, onChunk: (chunk: Buffer) => void): Promise<number>;
  /** The whole entry (at most `cap` bytes), or undefined when the archive has none of that name. */
  read(name: string, cap: number): Promise<Buffer | undefined>;
  close(): void;
}

function openRaw(source: string | Buffer): Promise<yauzl.ZipFile> {
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true };
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: yauzl.ZipFile) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip));
    if (typeof source === 'string') yauzl.open(source, options, done);
    else yauzl.fromBuffer(source, options, done);
  });
}

/** Opens an archive from a file or from memory; errors other than ZipLimitError are yauzl's own. */
export async function openZip(source: string | Buffer, limits: ZipLimits): Promise<ZipReader> {
  const zip = await openRaw(source);
  const found = new Map<string, yauzl.Entry>();
  try {
    if (zip.entryCount > limits.maxEntries) throw new ZipLimitError('entries', '', limits.maxEntries);
    let declared = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        try {
          const cap = limits.capOf(name);
          if (found.has(name)) throw new ZipLimitError('duplicate', name, 0);
          if (entry.uncompressedSize > cap) throw new ZipLimitError('entry', name, cap);
          declared += entry.uncompressedSize;
          if (declared > limits.maxTotalBytes) throw new ZipLimitError('total', name, limits.maxTotalBytes);
        } catch (e) {
          return reject(e);
        }
        found.set(name, entry);
        zip.readEntry();
      });
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    throw e;
  }

  let inflated = 0;
  const pipe = (name: string, cap: number, onChunk: (chunk: Buffer) => void): Promise<number> =>
    new Promise<number>((resolve, reject) => {
      const entry = found.get(name)!;
      if (entry.uncompressedSize > cap) return reject(new ZipLimitError('entry', name, cap));
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error('no stream'));
        let size = 0;
        let failed = false;
        const fail = (e: unknown) => {
          if (failed) return;
          failed = true;
          stream.destroy();
          reject(e);
        };
        stream.on('data', (c: Buffer) => {
          size += c.length;
          inflated += c.length;
          if (size > cap) return fail(new ZipLimitError('entry', name, cap));
          if (inflated > limits.maxTotalBytes) return fail(new ZipLimitError('total', name, limits.maxTotalBytes));
          try {
            onChunk(c);
          } catch (e) {
            fail(e);
          }
        });
        stream.on('error', fail);
        stream.on('end', () => {
          if (!failed) resolve(size);
        });
      });
    });
  return {
    entries: new Map([...found].map(([name, e]) => [name, { size: e.uncompressedSize, modified: e.getLastModDate() }])),
    pipe,
    async read(name, cap) {
      if (!found.has(name)) return undefined;
      const chunks: Buffer[] = [];
      await pipe(name, cap, (c) => chunks.push(c));
      return Buffer.concat(chunks);
    },
    close: () => zip.close(),
  };
}
