import { canonicalJson } from '../../shared/canonical-json';
import { AppError } from '../../shared/errors';
import { keyIdOf, sign, verify } from './ed25519';
import { rotationStatementSchema } from './schemas';
import { newStoredKey } from './stored-key';
import type { KeyStore, RotationStatement, StoredKey } from './types';

export type { RotationStatement } from './types';

/**
 * Replaces the installation's key with a fresh pair. The statement lets the city accept the
 * new key on the strength of the old one it already enrolled, without a new enrollment call;
 * the retired key (and the statement) stay in the store so bundles signed before the rotation
 * can still be attributed and the statement can be sent again.
 */
export async function rotateKey(store: KeyStore, now: () => Date = () => new Date()): Promise<{ statement: RotationStatement; key: StoredKey }> {
  const old = await store.load();
  if (!old) throw new AppError('keys.no_key_to_rotate');

  const at = now().toISOString();
  const fresh = newStoredKey(at);
  const unsigned = {
    type: 'wardplan-key-rotation' as const,
    v: 1 as const,
    oldKeyId: old.keyId,
    newKeyId: fresh.keyId,
    newPublicKey: fresh.publicKey,
    at,
  };
  const payload = canonicalJson(unsigned);
  const statement: RotationStatement = {
    ...unsigned,
    signatureByOld: sign(old.privateKeyPem, payload),
    signatureByNew: sign(fresh.privateKeyPem, payload),
  };

  const key: StoredKey = {
    ...fresh,
    ...(old.ageIdentity ? { ageIdentity: old.ageIdentity } : {}),
    previous: [...(old.previous ?? []), { keyId: old.keyId, publicKey: old.publicKey, retiredAt: at, rotation: statement }],
  };
  await store.save(key);
  return { statement, key };
}

/**
 * True only if `statement` is well formed, names the key it claims to come from, and both
 * keys signed it. Never throws: the statement arrives from outside.
 */
export function verifyRotation(statement: unknown, oldPublicKey: string): boolean {
  const parsed = rotationStatementSchema.safeParse(statement);
  // Stryker disable next-line ConditionalExpression: reading a failed parse throws inside the try below, answered false
  if (!parsed.success) return false;
  const s = parsed.data;
  try {
    if (keyIdOf(oldPublicKey) !== s.oldKeyId) return false;
    if (keyIdOf(s.newPublicKey) !== s.newKeyId) return false;
    // Stryker disable next-line BlockStatement: a key that cannot be read fails the signature check just after
  } catch {
    return false;
  }
  // A key "rotated" to itself vouches for nothing and would put a loop in the chain the city follows.
  if (s.oldKeyId === s.newKeyId) return false;
  const { signatureByOld, signatureByNew, ...unsigned } = s;
  const payload = canonicalJson(unsigned);
  return verify(oldPublicKey, payload, signatureByOld) && verify(s.newPublicKey, payload, signatureByNew);
}
