/**
 * The checks of db/keys at their edges: each malformed input reaches the check meant for it and
 * gets that check's answer (found missing by mutation testing, docs/contributing.md).
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { issueWardCertificate, makeEnrollmentRequest, signDocument, verifyDocument, verifyWardCertificate } from './documents';
import { isPublicKey, keyIdOf, rawPublicKey, sign, verify } from './ed25519';
import { PassphraseFileKeyStore, SealedFileKeyStore, type Sealer } from './key-store';
import { isKdfAffordable, isPassphraseEnvelope, openWithPassphrase } from './passphrase-envelope';
import { rotateKey, verifyRotation } from './rotation';
import { decodeStoredKey, newStoredKey, parseStoredKey } from './stored-key';
import type { KeyStore, StoredKey } from './types';

/** Written by this version of WardPlan; opening it proves the format (scrypt parameters, AAD, GCM) has not drifted. */
const GOLDEN = {
  format: 'wardplan-key',
  v: 1,
  kdf: { name: 'scrypt', N: 32768, r: 8, p: 1, salt: 'WlxsqRjSiNBmPH6Ct5MXYw==' },
  cipher: { name: 'aes-256-gcm', iv: 'TlbihWqMgHfnlq2G', tag: 'qWi0KzWXlF2QWZV0Lht//g==' },
  data: 'ZJKf2T+JnqSmePep7knLC8dlD6xRzgE=',
};
const GOLDEN_PASSPHRASE = 'mật khẩu thử nghiệm';

let dir: string;
let keyPath: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-keys-edges-'));
  keyPath = path.join(dir, 'key.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const nothingToAsk = async (): Promise<string> => {
  throw new Error('the passphrase should not have been asked for');
};
const identity: Sealer = { encrypt: (b) => Buffer.from(b), decrypt: (b) => Buffer.from(b) };

describe('the passphrase envelope', () => {
  it('opens a file written by this version, and nothing altered around its base64', async () => {
    expect((await openWithPassphrase(GOLDEN, GOLDEN_PASSPHRASE))?.toString('utf8')).toBe('Phường Hải Dương');
    expect(await openWithPassphrase(GOLDEN, 'mật khẩu khác nữa')).toBeNull();
    expect(await openWithPassphrase({ ...GOLDEN, data: `${GOLDEN.data}!` }, GOLDEN_PASSPHRASE)).toBeNull();
    expect(await openWithPassphrase({ ...GOLDEN, data: `!${GOLDEN.data}` }, GOLDEN_PASSPHRASE)).toBeNull();
  });

  it('tells an envelope from anything else without throwing', () => {
    expect(isPassphraseEnvelope(GOLDEN)).toBe(true);
    for (const other of [null, undefined, 'kdf', 42, { sealed: 'os' }]) expect(isPassphraseEnvelope(other)).toBe(false);
    expect(isKdfAffordable(undefined)).toBe(true);
    expect(isKdfAffordable('x')).toBe(true);
  });
});

describe('key files that are not what they should be', () => {
  it('says which file when it is of the other kind, unreadable or not JSON of an object', async () => {
    fs.writeFileSync(keyPath, JSON.stringify({ format: 'wardplan-key', v: 1, sealed: 'os', data: 'AAAA' }));
    await expect(new PassphraseFileKeyStore(keyPath, nothingToAsk).load()).rejects.toMatchObject({
      code: 'keys.key_file_wrong_kind',
      params: { path: keyPath },
    });
    fs.writeFileSync(keyPath, JSON.stringify(GOLDEN));
    await expect(new SealedFileKeyStore(keyPath, identity).load()).rejects.toMatchObject({ code: 'keys.key_file_wrong_kind', params: { path: keyPath } });
    for (const text of ['null', '[1, 2]', '42', '"wardplan-key"', 'not json']) {
      fs.writeFileSync(keyPath, text);
      await expect(new SealedFileKeyStore(keyPath, identity).load(), text).rejects.toMatchObject({
        code: 'keys.wrong_passphrase_or_corrupt',
        params: { path: keyPath },
      });
    }
    fs.rmSync(keyPath);
    fs.mkdirSync(keyPath);
    await expect(new SealedFileKeyStore(keyPath, identity).load()).rejects.toMatchObject({
      code: 'keys.key_file_unreadable',
      params: { path: keyPath, reason: 'EISDIR' },
    });
  });

  it('a sealed file without its sealed data, or with data that is not a key', async () => {
    const key = newStoredKey();
    const good = { format: 'wardplan-key', v: 1, sealed: 'os', data: Buffer.from(JSON.stringify(key)).toString('base64') };
    fs.writeFileSync(keyPath, JSON.stringify(good));
    await expect(new SealedFileKeyStore(keyPath, identity).load()).resolves.toEqual(key);
    for (const bad of [
      { ...good, format: 'other' },
      { ...good, sealed: 'dpapi' },
      { ...good, data: 42 },
      { ...good, data: '' },
      { ...good, data: Buffer.from('{}').toString('base64') },
    ]) {
      fs.writeFileSync(keyPath, JSON.stringify(bad));
      await expect(new SealedFileKeyStore(keyPath, identity).load(), JSON.stringify(bad).slice(0, 60)).rejects.toMatchObject({
        code: 'keys.sealed_key_unreadable',
        params: { path: keyPath },
      });
    }
    const failing: Sealer = {
      encrypt: identity.encrypt,
      decrypt: () => {
        throw new Error('another account');
      },
    };
    fs.writeFileSync(keyPath, JSON.stringify(good));
    await expect(new SealedFileKeyStore(keyPath, failing).load()).rejects.toMatchObject({ code: 'keys.sealed_key_unreadable', params: { path: keyPath } });
  });

  it('only a WardPlan key file of another number is "from a newer version"', async () => {
    fs.writeFileSync(keyPath, JSON.stringify({ ...GOLDEN, format: 'other', v: 2 }));
    await expect(new PassphraseFileKeyStore(keyPath, async () => GOLDEN_PASSPHRASE).load()).rejects.toMatchObject({ code: 'keys.wrong_passphrase_or_corrupt' });
    fs.writeFileSync(keyPath, JSON.stringify({ ...GOLDEN, v: '2' }));
    await expect(new PassphraseFileKeyStore(keyPath, async () => GOLDEN_PASSPHRASE).load()).rejects.toMatchObject({ code: 'keys.wrong_passphrase_or_corrupt' });
    fs.writeFileSync(keyPath, JSON.stringify({ ...GOLDEN, kdf: { ...GOLDEN.kdf, r: 17 } }));
    await expect(new PassphraseFileKeyStore(keyPath, nothingToAsk).load()).rejects.toMatchObject({
      code: 'keys.kdf_too_costly',
      params: { path: keyPath, limitMb: 256 },
    });
  });
});

describe('Ed25519 keys as text', () => {
  const key = newStoredKey();

  it('only the canonical base64 of 32 bytes is a public key', () => {
    expect(isPublicKey(key.publicKey)).toBe(true);
    expect(isPublicKey(key.publicKey.replace(/=$/, ''))).toBe(false);
    expect(isPublicKey(42)).toBe(false);
    expect(isPublicKey('not a key')).toBe(false);
    expect(() => rawPublicKey(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'keys.bad_public_key' }));
    expect(() => rawPublicKey(key.publicKey.replace(/=$/, ''))).toThrow(expect.objectContaining({ code: 'keys.bad_public_key' }));
  });

  it('refuses to sign with a key that is not Ed25519, and verify says no to garbage', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => sign(rsa, 'x')).toThrow(expect.objectContaining({ code: 'keys.bad_private_key' }));
    expect(() => sign('not a pem', 'x')).toThrow(expect.objectContaining({ code: 'keys.bad_private_key' }));
    const signature = sign(key.privateKeyPem, 'x');
    expect(verify(key.publicKey, 'x', signature)).toBe(true);
    expect(verify(key.publicKey, 42 as unknown as string, signature)).toBe(false);
  });
});

describe('stored keys and signed documents', () => {
  const key = newStoredKey();

  it('a stored key must be whole and its halves and id must agree', () => {
    expect(parseStoredKey(key)).toEqual(key);
    expect(parseStoredKey(null)).toBeNull();
    expect(parseStoredKey({ ...key, keyId: newStoredKey().keyId })).toBeNull();
    expect(parseStoredKey({ ...key, privateKeyPem: '-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----' })).toBeNull();
    expect(decodeStoredKey(Buffer.from('not json'))).toBeNull();
  });

  it('a document that cannot be put in canonical form is not signed', () => {
    const doc = signDocument(key, { a: 1 });
    expect(verifyDocument(doc, key.publicKey)).toBe(true);
    expect(verifyDocument({ ...doc, a: Number.NaN }, key.publicKey)).toBe(false);
    expect(canonicalJson({ a: 1 })).toBe('{"a":1}');
  });

  it('an enrollment request is dated now when no date is given, and checks the phone number whole', () => {
    const r = makeEnrollmentRequest(key, { wardCode: 'HP-HD', wardName: 'Phường Hải Dương', officer: { name: 'Vân' } });
    expect(r.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    for (const phone of ['gọi 0912 345 678', '0912 345 678 (nhà)', 'abc']) {
      expect(() => makeEnrollmentRequest(key, { wardCode: 'HP-HD', wardName: 'X', officer: { name: 'Vân', phone } }), phone).toThrow(
        expect.objectContaining({ code: 'keys.invalid_enrollment_details', params: { field: 'officer.phone' }, message: 'officer.phone: not a phone number' }),
      );
    }
  });

  it('a certificate is checked for its shape before its contents', () => {
    const city = newStoredKey();
    expect(() => issueWardCertificate(city, 'not a code!', makeEnrollmentRequest(key, { wardCode: 'HP-HD', wardName: 'X', officer: { name: 'Vân' } }))).toThrow(
      expect.objectContaining({ code: 'keys.invalid_certificate_details', params: { field: 'cityCode' } }),
    );
    const cert = issueWardCertificate(city, 'HP', makeEnrollmentRequest(key, { wardCode: 'HP-HD', wardName: 'X', officer: { name: 'Vân' } }));
    for (const fingerprint of [`x${cert.fingerprint}`, `${cert.fingerprint}x`]) {
      expect(() => verifyWardCertificate(signDocument(city, { ...cert, fingerprint }), city.publicKey)).toThrow(
        expect.objectContaining({ code: 'keys.bad_ward_certificate', params: { field: 'fingerprint' } }),
      );
    }
  });
});

describe('rotation statements', () => {
  async function rotated(): Promise<{ old: StoredKey; statement: Awaited<ReturnType<typeof rotateKey>>['statement']; fresh: StoredKey }> {
    const old = newStoredKey();
    let saved: StoredKey | null = old;
    const store: KeyStore = { load: async () => saved, save: async (k) => void (saved = k) };
    const { statement, key } = await rotateKey(store, () => new Date('2026-06-01T00:00:00.000Z'));
    return { old, statement, fresh: key };
  }

  it('refuses what is not a statement, and a garbage old key, without throwing', async () => {
    const { old, statement } = await rotated();
    expect(verifyRotation(statement, old.publicKey)).toBe(true);
    expect(verifyRotation(null, old.publicKey)).toBe(false);
    expect(verifyRotation({ ...statement, v: 2 }, old.publicKey)).toBe(false);
    expect(verifyRotation(statement, 'not a key')).toBe(false);
  });

  it('refuses a statement signed by both keys that names other key ids', async () => {
    const { old, statement, fresh } = await rotated();
    const other = newStoredKey();
    const resign = (fields: Record<string, string>) => {
      const { signatureByOld: _o, signatureByNew: _n, ...unsigned } = { ...statement, ...fields };
      const payload = canonicalJson(unsigned);
      return { ...unsigned, signatureByOld: sign(old.privateKeyPem, payload), signatureByNew: sign(fresh.privateKeyPem, payload) };
    };
    expect(verifyRotation(resign({}), old.publicKey)).toBe(true);
    expect(verifyRotation(resign({ oldKeyId: other.keyId }), old.publicKey)).toBe(false);
    expect(verifyRotation(resign({ newKeyId: keyIdOf(other.publicKey) }), old.publicKey)).toBe(false);
  });
});
