import { generateKeyPair, keyIdOf, publicKeyOf } from './ed25519';
import { storedKeySchema } from './schemas';
import type { StoredKey } from './types';

export function newStoredKey(createdAt: string = new Date().toISOString()): StoredKey {
  const pair = generateKeyPair();
  return { keyId: keyIdOf(pair.publicKey), publicKey: pair.publicKey, privateKeyPem: pair.privateKeyPem, createdAt };
}

/**
 * The key inside an opened key file, or null if it is not one we could have written. Beyond
 * the shape, the halves must agree: a private key that does not match its public key would
 * sign bundles that the city then refuses, which is far harder to diagnose than refusing here.
 */
export function parseStoredKey(value: unknown): StoredKey | null {
  const parsed = storedKeySchema.safeParse(value);
  if (!parsed.success) return null;
  const key = parsed.data;
  if (keyIdOf(key.publicKey) !== key.keyId) return null;
  try {
    if (publicKeyOf(key.privateKeyPem) !== key.publicKey) return null;
  } catch {
    return null;
  }
  return key;
}

export function encodeStoredKey(key: StoredKey): Buffer {
  // Stryker disable next-line StringLiteral: Buffer.from reads a string as UTF-8 by default
  return Buffer.from(JSON.stringify(key), 'utf8');
}

export function decodeStoredKey(bytes: Buffer): StoredKey | null {
  try {
    return parseStoredKey(JSON.parse(bytes.toString('utf8')));
  } catch {
    return null;
  }
}
