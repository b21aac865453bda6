import { canonicalJson } from '../../shared/canonical-json';
import { sign, verify } from './ed25519';

/**
 * The one signing convention for every key document a ward and the city exchange: a JSON
 * object whose `signature` (base64 Ed25519) covers canonicalJson of the same object without
 * `signature`. A reader in another language needs only a JSON parser, RFC 8785 and Ed25519.
 */

export type Signed<T extends object> = Omit<T, 'signature'> & { signature: string };

export function signDocument<T extends object>(key: { privateKeyPem: string }, doc: T): Signed<T> {
  const body = withoutSignature(doc);
  return { ...body, signature: sign(key.privateKeyPem, canonicalJson(body)) } as Signed<T>;
}

/**
 * Whether `doc` carries a valid signature by `publicKey`. Never throws: documents arrive on USB
 * sticks and by upload, and anything malformed is simply not signed.
 */
export function verifyDocument(doc: unknown, publicKey: string): boolean {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return false;
  const signature = (doc as { signature?: unknown }).signature;
  // Stryker disable next-line ConditionalExpression: verify() answers false for a signature that is not a string, too
  if (typeof signature !== 'string') return false;
  let payload: string;
  try {
    payload = canonicalJson(withoutSignature(doc));
    // Stryker disable next-line BlockStatement: without a payload verify() answers false anyway
  } catch {
    return false;
  }
  return verify(publicKey, payload, signature);
}

function withoutSignature<T extends object>(doc: T): Omit<T, 'signature'> {
  const { signature: _signature, ...body } = doc as T & { signature?: unknown };
  return body;
}
