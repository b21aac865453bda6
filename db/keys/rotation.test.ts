import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { generateKeyPair, keyIdOf, sign } from './ed25519';
import { PassphraseFileKeyStore, loadOrCreateKey } from './key-store';
import { rotateKey, verifyRotation, type RotationStatement } from './rotation';
import type { KeyStore, StoredKey } from './types';

/** In memory, to keep scrypt out of the tests that are about the statement itself. */
class MemoryKeyStore implements KeyStore {
  key: StoredKey | null = null;
  async load() {
    return this.key;
  }
  async save(key: StoredKey) {
    this.key = structuredClone(key);
  }
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-rotation-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function rotated() {
  const store = new MemoryKeyStore();
  const { key: old } = await loadOrCreateKey(store);
  const result = await rotateKey(store);
  return { store, old, ...result };
}

describe('rotateKey', () => {
  it('makes a new pair, signed by the old and the new key, and keeps the old one as retired', async () => {
    const { store, old, statement, key } = await rotated();
    expect(key.keyId).not.toBe(old.keyId);
    expect(statement).toMatchObject({
      type: 'wardplan-key-rotation',
      v: 1,
      oldKeyId: old.keyId,
      newKeyId: key.keyId,
      newPublicKey: key.publicKey,
      at: key.createdAt,
    });
    expect(key.previous).toEqual([{ keyId: old.keyId, publicKey: old.publicKey, retiredAt: statement.at, rotation: statement }]);
    expect(store.key).toEqual(key);
    expect(verifyRotation(statement, old.publicKey)).toBe(true);
  });

  it('keeps the whole chain over several rotations, and each link verifies', async () => {
    const store = new MemoryKeyStore();
    const { key: first } = await loadOrCreateKey(store);
    const one = await rotateKey(store);
    const two = await rotateKey(store);
    expect(two.key.previous?.map((p) => p.keyId)).toEqual([first.keyId, one.key.keyId]);
    expect(verifyRotation(one.statement, first.publicKey)).toBe(true);
    expect(verifyRotation(two.statement, one.key.publicKey)).toBe(true);
    expect(verifyRotation(two.statement, first.publicKey)).toBe(false);
  });

  it('persists through a real key file', async () => {
    const keyPath = path.join(dir, 'key.json');
    const store = new PassphraseFileKeyStore(keyPath, async () => 'mat khau phuong');
    const { key: old } = await loadOrCreateKey(store);
    const { key } = await rotateKey(store);
    const reopened = await new PassphraseFileKeyStore(keyPath, async () => 'mat khau phuong').load();
    expect(reopened).toEqual(key);
    expect(reopened?.previous?.[0]?.keyId).toBe(old.keyId);
  });

  it('refuses when there is no key yet', async () => {
    await expect(rotateKey(new MemoryKeyStore())).rejects.toMatchObject({ code: 'keys.no_key_to_rotate' });
  });
});

describe('verifyRotation', () => {
  it('refuses a statement checked against a key that did not make it', async () => {
    const { statement } = await rotated();
    expect(verifyRotation(statement, generateKeyPair().publicKey)).toBe(false);
  });

  it.each<[string, (s: RotationStatement) => RotationStatement]>([
    ['a changed time', (s) => ({ ...s, at: '2030-01-01T00:00:00.000Z' })],
    [
      'a swapped new key',
      (s) => {
        const other = generateKeyPair().publicKey;
        return { ...s, newPublicKey: other, newKeyId: keyIdOf(other) };
      },
    ],
    ['a new key id that does not match the new key', (s) => ({ ...s, newKeyId: '0000000000000000' })],
    ['the signatures swapped', (s) => ({ ...s, signatureByOld: s.signatureByNew, signatureByNew: s.signatureByOld })],
    ['a missing signature', (s) => ({ ...s, signatureByNew: undefined as unknown as string })],
    ['an extra field', (s) => ({ ...s, note: 'x' }) as RotationStatement],
    ['another version', (s) => ({ ...s, v: 2 as 1 })],
  ])('refuses a statement with %s', async (_label, change) => {
    const { old, statement } = await rotated();
    expect(verifyRotation(change(statement), old.publicKey)).toBe(false);
  });

  it('refuses a statement in which the new key did not sign (no proof of possession)', async () => {
    const { old, statement } = await rotated();
    // Someone holding only the old key announces a key whose private half they do not have.
    const stranger = generateKeyPair();
    const { signatureByOld: _a, signatureByNew: _b, ...unsigned } = { ...statement, newPublicKey: stranger.publicKey, newKeyId: keyIdOf(stranger.publicKey) };
    const payload = canonicalJson(unsigned);
    const forged = { ...unsigned, signatureByOld: sign(old.privateKeyPem, payload), signatureByNew: sign(old.privateKeyPem, payload) };
    expect(verifyRotation(forged, old.publicKey)).toBe(false);
  });

  it('refuses a key rotated to itself', async () => {
    const { old } = await rotated();
    const unsigned = {
      type: 'wardplan-key-rotation',
      v: 1,
      oldKeyId: old.keyId,
      newKeyId: old.keyId,
      newPublicKey: old.publicKey,
      at: '2026-01-01T00:00:00.000Z',
    };
    const payload = canonicalJson(unsigned);
    const self = { ...unsigned, signatureByOld: sign(old.privateKeyPem, payload), signatureByNew: sign(old.privateKeyPem, payload) };
    expect(verifyRotation(self, old.publicKey)).toBe(false);
  });

  it('never throws on garbage', () => {
    const key = generateKeyPair().publicKey;
    for (const junk of [null, 42, 'x', [], {}, { type: 'wardplan-key-rotation' }]) {
      expect(verifyRotation(junk, key)).toBe(false);
    }
    expect(verifyRotation({}, 'not a key')).toBe(false);
  });
});
