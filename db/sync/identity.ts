/** This installation's signing key, and the public facts about it kept in the database for display. */
import { AppError } from '../../shared/errors';
import { getMeta, setMeta } from '../database';
import { fingerprintOf } from '../keys/ed25519';
import { loadOrCreateKey, type KeyStore, type SealingKey, type StoredKey } from '../keys/key-store';
import type { Session } from '../session';

export interface OwnKeyInfo {
  keyId: string;
  publicKey: string;
  fingerprint: string;
}

export function ownKeyInfo(s: Session): OwnKeyInfo | null {
  const keyId = getMeta(s.db, 'key_id');
  const publicKey = getMeta(s.db, 'public_key');
  return keyId && publicKey ? { keyId, publicKey, fingerprint: fingerprintOf(publicKey) } : null;
}

/** Keeps the public facts of the key in the database, for display without the passphrase. */
export function rememberKey(s: Session, key: StoredKey): void {
  setMeta(s.db, 'key_id', key.keyId);
  setMeta(s.db, 'public_key', key.publicKey);
}

/** Loads the key, making the pair on first use, and checks it is the one this database knows. */
export async function ensureKey(s: Session, store: KeyStore): Promise<SealingKey> {
  const { key } = await loadOrCreateKey(store);
  const known = getMeta(s.db, 'key_id');
  if (known && known !== key.keyId && !(key.previous ?? []).some((p) => p.keyId === known)) {
    throw new AppError('sync.key_mismatch', { expected: known, found: key.keyId });
  }
  rememberKey(s, key);
  return key;
}
