import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateKeyPair, keyIdOf, publicKeyOf, sign, verify } from './ed25519';
import { PassphraseFileKeyStore, SealedFileKeyStore, checkNewPassphrase, loadOrCreateKey, type Sealer } from './key-store';
import { MAX_KDF_MEMORY, isKdfAffordable, openWithPassphrase, scryptMemory } from './passphrase-envelope';
import { newStoredKey } from './stored-key';

const PASSPHRASE = 'chuyen doi so 2026';

let dir: string;
let keyPath: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-keys-'));
  keyPath = path.join(dir, 'ward-key.json');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function fixed(passphrase: string) {
  const calls = { count: 0 };
  const get = async () => {
    calls.count++;
    return passphrase;
  };
  return Object.assign(get, { calls });
}

function readJson(): Record<string, any> {
  return JSON.parse(fs.readFileSync(keyPath, 'utf8'));
}

function writeJson(value: unknown): void {
  fs.writeFileSync(keyPath, JSON.stringify(value));
}

/** Stands in for Electron's safeStorage: AES-GCM under a key only "this account" has. */
function accountSealer(): Sealer {
  const secret = randomBytes(32);
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const d = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]);
    },
  };
}

const nothingToAsk = async (): Promise<string> => {
  throw new Error('the passphrase should not have been asked for');
};

describe('PassphraseFileKeyStore', () => {
  it('makes a key on first use, and a new process opens the same key with the passphrase', async () => {
    const first = await loadOrCreateKey(new PassphraseFileKeyStore(keyPath, fixed(PASSPHRASE)));
    expect(first.created).toBe(true);
    expect(first.key.keyId).toBe(keyIdOf(first.key.publicKey));
    expect(publicKeyOf(first.key.privateKeyPem)).toBe(first.key.publicKey);

    const file = readJson();
    expect(file).toMatchObject({
      format: 'wardplan-key',
      v: 1,
      kdf: { name: 'scrypt', N: 32768, r: 8, p: 1 },
      cipher: { name: 'aes-256-gcm' },
    });
    expect(Buffer.from(file.kdf.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(file.cipher.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(file.cipher.tag, 'base64')).toHaveLength(16);
    // The private key must not be readable in the file.
    expect(fs.readFileSync(keyPath, 'utf8')).not.toContain('PRIVATE KEY');
    expect(fs.readFileSync(keyPath, 'utf8')).not.toContain(first.key.publicKey);
    if (process.platform !== 'win32') expect(fs.statSync(keyPath).mode & 0o777).toBe(0o600);

    const again = await loadOrCreateKey(new PassphraseFileKeyStore(keyPath, fixed(PASSPHRASE)));
    expect(again.created).toBe(false);
    expect(again.key).toEqual(first.key);
    const signature = sign(again.key.privateKeyPem, 'bundle manifest');
    expect(verify(first.key.publicKey, 'bundle manifest', signature)).toBe(true);
  });

  it('uses a fresh salt and IV on every save, and asks once when re-saving what it opened', async () => {
    const getPassphrase = fixed(PASSPHRASE);
    const store = new PassphraseFileKeyStore(keyPath, getPassphrase);
    const key = newStoredKey();
    await store.save(key);
    const one = readJson();

    const reopened = new PassphraseFileKeyStore(keyPath, getPassphrase);
    await reopened.load();
    await reopened.save(key);
    const two = readJson();

    expect(two.kdf.salt).not.toBe(one.kdf.salt);
    expect(two.cipher.iv).not.toBe(one.cipher.iv);
    expect(two.data).not.toBe(one.data);
    expect(getPassphrase.calls.count).toBe(2); // first save, then the load; not the re-save
    expect(fs.readdirSync(dir)).toEqual(['ward-key.json']);
  });

  it('refuses a wrong passphrase, and refuses a file with any part altered', async () => {
    await new PassphraseFileKeyStore(keyPath, fixed(PASSPHRASE)).save(newStoredKey());
    const original = readJson();
    const wrong = new PassphraseFileKeyStore(keyPath, fixed('chuyen doi so 2025'));
    await expect(wrong.load()).rejects.toMatchObject({ code: 'keys.wrong_passphrase_or_corrupt', params: { path: keyPath } });

    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
      return bytes.toString('base64');
    };
    const alterations = [
      { ...original, data: flip(original.data) },
      { ...original, cipher: { ...original.cipher, tag: flip(original.cipher.tag) } },
      { ...original, cipher: { ...original.cipher, iv: flip(original.cipher.iv) } },
      { ...original, kdf: { ...original.kdf, salt: flip(original.kdf.salt) } },
    ];
    for (const altered of alterations) {
      writeJson(altered);
      const store = new PassphraseFileKeyStore(keyPath, fixed(PASSPHRASE));
      await expect(store.load()).rejects.toMatchObject({ code: 'keys.wrong_passphrase_or_corrupt' });
    }
  });

  it('refuses a damaged file and a crafted one without running scrypt on its terms', async () => {
    const store = new PassphraseFileKeyStore(keyPath, fixed(PASSPHRASE));
    fs.writeFileSync(keyPath, '{"format":"wardplan-key","v":1,"kdf":{"na');
    await expect(store.load()).rejects.toMatchObject({ code: 'keys.wrong_passphrase_or_corrupt' });
    fs.writeFileSync(keyPath, '');
    await expect(store.load()).rejects.toMatchObject({ code: 'keys.wrong_passphrase_or_corrupt' });

    const huge = { N: 2 ** 30, r: 8, p: 1, salt: 'AAAA' };
    writeJson({
      format: 'wardplan-key',
      v: 1,
      kdf: { name: 'scrypt', ...huge },
      cipher: { name: 'aes-256-gcm', iv: 'AAAAAAAAAAAAAAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA==' },
      data: 'AAAA',
    });
    await expect(store.load()).rejects.toMatchObject({ code: 'keys.kdf_too_costly', params: { path: keyPath, limitMb: 256 } });
  });

  it.each([
    ['2 GiB of memory (N = 2^20, r = 16)', { N: 2 ** 20, r: 16, p: 1 }],
    ['just over 256 MiB (N = 2^20, r = 2)', { N: 2 ** 20, r: 2, p: 1 }],
    ['a larger r than any version writes', { N: 2 ** 14, r: 17, p: 1 }],
    ['more parallel passes than any version writes', { N: 2 ** 15, r: 8, p: 5 }],
  ])('refuses a key file asking scrypt for %s, with its own message, before asking for the passphrase', async (_label, kdf) => {
    const file = {
      format: 'wardplan-key',
      v: 1,
      kdf: { name: 'scrypt', ...kdf, salt: 'AAAA' },
      cipher: { name: 'aes-256-gcm', iv: 'AAAAAAAAAAAAAAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA==' },
      data: 'AAAA',
    };
    writeJson(file);
    await expect(new PassphraseFileKeyStore(keyPath, nothingToAsk).load()).rejects.toMatchObject({ code: 'keys.kdf_too_costly', params: { limitMb: 256 } });
    await expect(openWithPassphrase(file, PASSPHRASE)).resolves.toBeNull();
  });

  it('bounds what scrypt may be asked for by a key file, and allows the default well inside it', () => {
    const envelope = (kdf: object) => ({ kdf: { name: 'scrypt', salt: 'AAAA', ...kdf } });
    expect(scryptMemory({ N: 2 ** 15, r: 8, p: 1 })).toBe(128 * 8 * (2 ** 15 + 3));
    expect(isKdfAffordable(envelope({ N: 2 ** 15, r: 8, p: 1 }))).toBe(true);
    // 128 MiB and a little: the largest N that still fits with r = 1, and with p at its bound.
    expect(isKdfAffordable(envelope({ N: 2 ** 20, r: 1, p: 4 }))).toBe(true);
    expect(isKdfAffordable(envelope({ N: 2 ** 17, r: 16, p: 4 }))).toBe(false);
    expect(isKdfAffordable(envelope({ N: 2 ** 21, r: 1, p: 1 }))).toBe(false);
    expect(isKdfAffordable(envelope({ N: 2 ** 16, r: 16, p: 1 }))).toBe(true);
    expect(isKdfAffordable(envelope({ N: 2 ** 14, r: 16, p: 5 }))).toBe(false);
    expect(isKdfAffordable(envelope({ N: 2 ** 14, r: 17, p: 1 }))).toBe(false);
    expect(MAX_KDF_MEMORY).toBe(256 * 1024 * 1024);
    // Not numbers: left to the schema, which calls the file damaged.
    for (const odd of [
      null,
      'x',
      {},
      { kdf: null },
      { kdf: 'scrypt' },
      envelope({ N: '1048576', r: 16, p: 1 }),
      envelope({ N: 2 ** 20, r: '16', p: 1 }),
      envelope({ N: 2 ** 20, r: 16, p: '1' }),
    ]) {
      expect(isKdfAffordable(odd)).toBe(true);
    }
  });

  it('says a newer WardPlan wrote a file of a later version', async () => {
    writeJson({ format: 'wardplan-key', v: 2, kdf: { name: 'argon2id' } });
    const store = new PassphraseFileKeyStore(keyPath, nothingToAsk);
    await expect(store.load()).rejects.toMatchObject({ code: 'keys.key_file_unsupported', params: { version: 2 } });
  });

  it('returns null when there is no key file, without asking for a passphrase', async () => {
    await expect(new PassphraseFileKeyStore(keyPath, nothingToAsk).load()).resolves.toBeNull();
  });

  it.each([
    ['nine characters', '123456789'],
    ['nine characters around a space', 'mật khẩu1'],
    // Nine letters as a person sees them, although decomposed it is more than ten code points.
    ['nine Vietnamese letters typed decomposed', 'mậtkhẩuso'.normalize('NFD')],
  ])('refuses a passphrase that is %s, and writes nothing', async (_label, passphrase) => {
    const store = new PassphraseFileKeyStore(keyPath, fixed(passphrase));
    await expect(store.save(newStoredKey())).rejects.toMatchObject({ code: 'keys.passphrase_too_short', params: { min: 10 } });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['eight spaces', '        '],
    ['twelve spaces', ' '.repeat(12)],
    ['tabs and spaces', '\t \t \t \t \t \t'],
  ])('refuses a passphrase that is %s as blank, and writes nothing', async (_label, passphrase) => {
    const store = new PassphraseFileKeyStore(keyPath, fixed(passphrase));
    await expect(store.save(newStoredKey())).rejects.toMatchObject({ code: 'keys.passphrase_blank', params: { min: 10 } });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('accepts ten characters, spaces inside included', async () => {
    expect(() => checkNewPassphrase('mật khẩu12')).not.toThrow();
    expect(() => checkNewPassphrase(' a        ')).not.toThrow();
    await new PassphraseFileKeyStore(keyPath, fixed('0123456789')).save(newStoredKey());
    expect(fs.readdirSync(dir)).toEqual(['ward-key.json']);
  });

  it('opens with the same Vietnamese passphrase whichever way the keyboard composed it', async () => {
    const typedOnWindows = 'Phường Hải Dương'.normalize('NFC');
    const typedOnAnotherKeyboard = 'Phường Hải Dương'.normalize('NFD');
    expect(typedOnWindows).not.toBe(typedOnAnotherKeyboard);
    const key = newStoredKey();
    await new PassphraseFileKeyStore(keyPath, fixed(typedOnWindows)).save(key);
    await expect(new PassphraseFileKeyStore(keyPath, fixed(typedOnAnotherKeyboard)).load()).resolves.toEqual(key);
  });

  it('reports a save into a folder that does not exist as a key-file write failure', async () => {
    const store = new PassphraseFileKeyStore(path.join(dir, 'gone', 'key.json'), fixed(PASSPHRASE));
    await expect(store.save(newStoredKey())).rejects.toMatchObject({
      code: 'keys.key_file_write_failed',
      params: { reason: 'ENOENT' },
    });
  });

  it('refuses to save a key whose halves do not belong together', async () => {
    const key = { ...newStoredKey(), privateKeyPem: generateKeyPair().privateKeyPem };
    await expect(new PassphraseFileKeyStore(keyPath, fixed(PASSPHRASE)).save(key)).rejects.toThrow(/do not match/);
    expect(fs.existsSync(keyPath)).toBe(false);
  });
});

describe('SealedFileKeyStore', () => {
  it('round-trips a key through the sealer, in a private file', async () => {
    const sealer = accountSealer();
    const created = await loadOrCreateKey(new SealedFileKeyStore(keyPath, sealer));
    expect(created.created).toBe(true);
    expect(readJson()).toMatchObject({ format: 'wardplan-key', v: 1, sealed: 'os' });
    expect(fs.readFileSync(keyPath, 'utf8')).not.toContain('PRIVATE KEY');
    if (process.platform !== 'win32') expect(fs.statSync(keyPath).mode & 0o777).toBe(0o600);

    const loaded = await loadOrCreateKey(new SealedFileKeyStore(keyPath, sealer));
    expect(loaded).toEqual({ key: created.key, created: false });
  });

  it('cannot be opened by another account (another sealer), nor after tampering', async () => {
    const sealer = accountSealer();
    await new SealedFileKeyStore(keyPath, sealer).save(newStoredKey());
    await expect(new SealedFileKeyStore(keyPath, accountSealer()).load()).rejects.toMatchObject({
      code: 'keys.sealed_key_unreadable',
    });

    const file = readJson();
    const data = Buffer.from(file.data, 'base64');
    data[40] = data[40]! ^ 1;
    writeJson({ ...file, data: data.toString('base64') });
    await expect(new SealedFileKeyStore(keyPath, sealer).load()).rejects.toMatchObject({
      code: 'keys.sealed_key_unreadable',
    });
  });

  it('refuses contents that the sealer returns but that are not a key', async () => {
    const sealer = accountSealer();
    writeJson({ format: 'wardplan-key', v: 1, sealed: 'os', data: sealer.encrypt(Buffer.from('{"keyId":"x"}')).toString('base64') });
    await expect(new SealedFileKeyStore(keyPath, sealer).load()).rejects.toMatchObject({ code: 'keys.sealed_key_unreadable' });
  });

  it('says so when the operating system cannot seal, and writes nothing', async () => {
    const broken: Sealer = {
      encrypt: () => {
        throw new Error('Encryption is not available.');
      },
      decrypt: () => Buffer.alloc(0),
    };
    await expect(new SealedFileKeyStore(keyPath, broken).save(newStoredKey())).rejects.toMatchObject({
      code: 'keys.sealing_unavailable',
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('tells a passphrase file and a sealed file apart instead of calling either corrupt', async () => {
    await new SealedFileKeyStore(keyPath, accountSealer()).save(newStoredKey());
    await expect(new PassphraseFileKeyStore(keyPath, nothingToAsk).load()).rejects.toMatchObject({
      code: 'keys.key_file_wrong_kind',
    });

    await new PassphraseFileKeyStore(keyPath, fixed(PASSPHRASE)).save(newStoredKey());
    await expect(new SealedFileKeyStore(keyPath, accountSealer()).load()).rejects.toMatchObject({
      code: 'keys.key_file_wrong_kind',
    });
  });
});
