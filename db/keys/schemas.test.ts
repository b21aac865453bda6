import { describe, expect, it } from 'vitest';
import { keyIdField, orgCodeField, publicKeyField, signatureField, storedKeySchema, textField } from './schemas';
import { newStoredKey } from './stored-key';

const messageOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('field rules of key documents', () => {
  it('a key id is exactly 16 lower-case hex digits', () => {
    expect(keyIdField.safeParse('0123456789abcdef').success).toBe(true);
    for (const bad of ['x0123456789abcdef', '0123456789abcdefx', '0123456789ABCDEF']) expect(keyIdField.safeParse(bad).success, bad).toBe(false);
    expect(messageOf(keyIdField.safeParse('x'))).toBe('not a key id');
  });

  it('a signature is exactly the base64 of 64 bytes', () => {
    const sig = `${'A'.repeat(86)}==`;
    expect(signatureField.safeParse(sig).success).toBe(true);
    expect(signatureField.safeParse(`!${sig}`).success).toBe(false);
    expect(signatureField.safeParse(`${sig}!`).success).toBe(false);
    expect(messageOf(signatureField.safeParse('x'))).toBe('not a base64 Ed25519 signature');
  });

  it('public keys, codes and free text say what is wrong with them', () => {
    expect(publicKeyField.safeParse(newStoredKey().publicKey).success).toBe(true);
    expect(messageOf(publicKeyField.safeParse('x'))).toBe('not a base64 Ed25519 public key');
    expect(messageOf(orgCodeField.safeParse('HP HD'))).toBe('not a ward or city code');
    const text = textField(10);
    expect(text.safeParse('Phường').success).toBe(true);
    expect(text.safeParse('\u0007abc').success).toBe(false);
    expect(text.safeParse('abc\u0007').success).toBe(false);
    expect(messageOf(text.safeParse('a\u001bb'))).toBe('contains control characters');
    expect(text.safeParse('x'.repeat(11)).success).toBe(false);
  });

  it('a stored private key must be a PKCS#8 PEM', () => {
    const key = newStoredKey();
    expect(storedKeySchema.safeParse(key).success).toBe(true);
    expect(storedKeySchema.safeParse({ ...key, privateKeyPem: key.privateKeyPem.replace('PRIVATE KEY', 'RSA PRIVATE KEY') }).success).toBe(false);
  });
});
