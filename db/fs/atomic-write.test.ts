import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-atomic-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates a new file with exactly the data given', async () => {
    const target = path.join(dir, 'bundle.wpb');
    const data = Buffer.from([0, 1, 2, 255]);
    await writeFileAtomic(target, data);
    expect(fs.readFileSync(target)).toEqual(data);
    expect(fs.readdirSync(dir)).toEqual(['bundle.wpb']);
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const target = path.join(dir, 'key.json');
    fs.writeFileSync(target, 'old');
    await writeFileAtomic(target, 'mới');
    expect(fs.readFileSync(target, 'utf8')).toBe('mới');
    expect(fs.readdirSync(dir)).toEqual(['key.json']);
  });

  it.skipIf(process.platform === 'win32')('gives the file exactly the mode asked for, whatever the umask', async () => {
    const target = path.join(dir, 'key.json');
    const previous = process.umask(0o077);
    try {
      await writeFileAtomic(target, 'secret', { mode: 0o640 });
    } finally {
      process.umask(previous);
    }
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
    await writeFileAtomic(target, 'secret', { mode: 0o600 });
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
  });

  it('fails when the folder is missing, and creates nothing', async () => {
    const target = path.join(dir, 'missing', 'key.json');
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('removes its temporary file and leaves the target untouched when the rename fails', async () => {
    // A non-empty directory cannot be replaced by a file on any platform, so the last step fails
    // after the data has been fully written to the temporary file.
    const target = path.join(dir, 'bundle.wpb');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside.txt'), 'keep me');

    await expect(writeFileAtomic(target, Buffer.alloc(64 * 1024, 7))).rejects.toHaveProperty('code');

    expect(fs.readdirSync(dir)).toEqual(['bundle.wpb']);
    expect(fs.statSync(target).isDirectory()).toBe(true);
    expect(fs.readFileSync(path.join(target, 'inside.txt'), 'utf8')).toBe('keep me');
  });

  it('leaves one writer’s complete content when two write at once', async () => {
    const target = path.join(dir, 'state.json');
    const a = Buffer.alloc(256 * 1024, 'a');
    const b = Buffer.alloc(256 * 1024, 'b');
    await Promise.all([writeFileAtomic(target, a), writeFileAtomic(target, b)]);
    const result = fs.readFileSync(target);
    expect(result.equals(a) || result.equals(b)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
  });
});
