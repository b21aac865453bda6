import { createHash, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { fingerprintOf, generateKeyPair, keyIdOf, publicKeyOf, sign, verify } from './ed25519';

// RFC 8032, section 7.1, TEST 1 and TEST 2: what any other Ed25519 implementation produces.
const RFC_SEED_1 = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC_PUBLIC_1 = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const RFC_SIGNATURE_1 = 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';
const RFC_PUBLIC_2 = '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c';
const RFC_MESSAGE_2 = Buffer.from('72', 'hex');
const RFC_SIGNATURE_2 = '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00';

function pemFromSeed(seedHex: string): string {
  // PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410).
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(seedHex, 'hex')]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ type: 'pkcs8', format: 'pem' }).toString();
}

const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

describe('generateKeyPair', () => {
  it('gives a raw 32-byte public key and a PKCS#8 PEM private key that belong together', () => {
    const pair = generateKeyPair();
    expect(Buffer.from(pair.publicKey, 'base64')).toHaveLength(32);
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(publicKeyOf(pair.privateKeyPem)).toBe(pair.publicKey);
  });

  it('gives the same raw key as the JWK export (the other common way to exchange it)', () => {
    const pair = generateKeyPair();
    const jwk = createPrivateKey(pair.privateKeyPem).export({ format: 'jwk' });
    expect(Buffer.from(jwk.x!, 'base64url').toString('base64')).toBe(pair.publicKey);
  });

  it('makes a different pair each time', () => {
    expect(generateKeyPair().publicKey).not.toBe(generateKeyPair().publicKey);
  });
});

describe('sign and verify', () => {
  it('produce and accept the RFC 8032 test vectors', () => {
    const pem = pemFromSeed(RFC_SEED_1);
    expect(publicKeyOf(pem)).toBe(b64(RFC_PUBLIC_1));
    expect(sign(pem, '')).toBe(b64(RFC_SIGNATURE_1));
    expect(verify(b64(RFC_PUBLIC_1), '', b64(RFC_SIGNATURE_1))).toBe(true);
    expect(verify(b64(RFC_PUBLIC_2), RFC_MESSAGE_2, b64(RFC_SIGNATURE_2))).toBe(true);
  });

  it('treat a string as its UTF-8 bytes', () => {
    const pair = generateKeyPair();
    const text = 'Phường Hải Dương';
    const signature = sign(pair.privateKeyPem, text);
    expect(verify(pair.publicKey, Buffer.from(text, 'utf8'), signature)).toBe(true);
  });

  it('refuse a signature after one byte of the data changes', () => {
    const pair = generateKeyPair();
    const data = Buffer.from('manifest bytes');
    const signature = sign(pair.privateKeyPem, data);
    expect(verify(pair.publicKey, data, signature)).toBe(true);
    const tampered = Buffer.from(data);
    tampered[0] = tampered[0]! ^ 1;
    expect(verify(pair.publicKey, tampered, signature)).toBe(false);
  });

  it('refuse a signature with one bit flipped', () => {
    const pair = generateKeyPair();
    const signature = Buffer.from(sign(pair.privateKeyPem, 'x'), 'base64');
    signature[10] = signature[10]! ^ 0x80;
    expect(verify(pair.publicKey, 'x', signature.toString('base64'))).toBe(false);
  });

  it('refuse a signature made by another key', () => {
    const a = generateKeyPair();
    const b = generateKeyPair();
    expect(verify(b.publicKey, 'x', sign(a.privateKeyPem, 'x'))).toBe(false);
  });

  it.each([
    ['an empty public key', '', 'sig'],
    ['a public key of the wrong length', Buffer.alloc(31).toString('base64'), undefined],
    ['a non-canonical public key spelling', `${b64(RFC_PUBLIC_1)}\n`, undefined],
    ['base64url instead of base64', Buffer.from(RFC_PUBLIC_1, 'hex').toString('base64url'), undefined],
    ['an empty signature', undefined, ''],
    ['a short signature', undefined, Buffer.alloc(63).toString('base64')],
    ['junk', '!!!', '???'],
  ])('return false, never throw, for %s', (_label, publicKey, signature) => {
    const pem = pemFromSeed(RFC_SEED_1);
    expect(verify(publicKey ?? b64(RFC_PUBLIC_1), 'data', signature ?? sign(pem, 'data'))).toBe(false);
  });

  it('return false for non-string arguments that slip past the types', () => {
    expect(verify(null as unknown as string, 'x', 'y')).toBe(false);
    expect(verify(b64(RFC_PUBLIC_1), 'x', 42 as unknown as string)).toBe(false);
  });

  it('refuse to sign with a key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => sign(rsa, 'x')).toThrow(AppError);
    expect(() => sign('not a pem', 'x')).toThrow(expect.objectContaining({ code: 'keys.bad_private_key' }));
  });
});

describe('keyIdOf', () => {
  it('is the first 16 hex characters of SHA-256 of the raw key', () => {
    const raw = Buffer.from(RFC_PUBLIC_1, 'hex');
    expect(keyIdOf(b64(RFC_PUBLIC_1))).toBe(createHash('sha256').update(raw).digest('hex').slice(0, 16));
    expect(keyIdOf(b64(RFC_PUBLIC_1))).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses something that is not a public key with a message for a person', () => {
    expect(() => keyIdOf('abc')).toThrow(expect.objectContaining({ code: 'keys.bad_public_key' }));
  });
});

describe('fingerprintOf', () => {
  it('is five groups of four digits', () => {
    expect(fingerprintOf(generateKeyPair().publicKey)).toMatch(/^\d{4} \d{4} \d{4} \d{4} \d{4}$/);
  });

  it('follows the documented derivation (checked here with BigInt, independently of the code)', () => {
    const digest = createHash('sha256').update(Buffer.from(RFC_PUBLIC_1, 'hex')).digest();
    const groups = [0, 1, 2, 3, 4].map((i) => {
      const chunk = BigInt(`0x${digest.subarray(i * 5, i * 5 + 5).toString('hex')}`);
      return (chunk % 10000n).toString().padStart(4, '0');
    });
    expect(fingerprintOf(b64(RFC_PUBLIC_1))).toBe(groups.join(' '));
  });

  it('differs between keys and is stable for one key', () => {
    const a = generateKeyPair().publicKey;
    const b = generateKeyPair().publicKey;
    expect(fingerprintOf(a)).toBe(fingerprintOf(a));
    expect(fingerprintOf(a)).not.toBe(fingerprintOf(b));
  });
});
