/**
 * The city's own signing key, as the dashboard shows and rotates it. Rotating is `keys rotate` on
 * the city's database: a fresh pair, vouched for by the old one in a rotation statement that the
 * next catalog carries, so every enrolled ward moves to the new key on its next catalog without a
 * phone call; the old key is kept in the store so what it signed stays attributable.
 */
import type { CityKeyInfo } from '../../shared/api/contract-city';
import { AppError } from '../../shared/errors';
import { fingerprintOf } from '../keys/ed25519';
import type { KeyStore } from '../keys/key-store';
import { rotateKey } from '../keys/rotation';
import { inTransaction, type Session } from '../session';
import { ensureKey, ownKeyInfo, rememberKey } from '../sync/identity';
import { audit } from '../write';

export function cityKeyInfo(s: Session): CityKeyInfo {
  const own = ownKeyInfo(s);
  const last = s.db.sqlite.prepare("SELECT at, actor FROM audit_log WHERE action = 'key.rotate' AND entity = 'city_key' ORDER BY id DESC LIMIT 1").get() as
    { at: string; actor: string } | undefined;
  return { keyId: own?.keyId ?? null, fingerprint: own?.fingerprint ?? null, rotatedAt: last?.at ?? null, rotatedBy: last?.actor ?? null };
}

export async function rotateCityKey(s: Session, store: KeyStore, actor: string): Promise<CityKeyInfo & { oldKeyId: string; oldFingerprint: string }> {
  if (s.role !== 'city') throw new AppError('sync.city_only');
  // Unlocks (and checks) the current key first: a wrong passphrase changes nothing.
  const old = await ensureKey(s, store);
  const { statement, key } = await rotateKey(store, () => new Date(s.now()));
  inTransaction(s, () => {
    rememberKey(s, key);
    audit({ ...s, actor }, 'key.rotate', 'city_key', key.keyId, {
      oldKeyId: statement.oldKeyId,
      newKeyId: statement.newKeyId,
      oldFingerprint: fingerprintOf(old.publicKey),
      fingerprint: fingerprintOf(key.publicKey),
    });
  });
  return { ...cityKeyInfo(s), oldKeyId: old.keyId, oldFingerprint: fingerprintOf(old.publicKey) };
}
