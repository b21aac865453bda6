/** The public keys this installation believes: enrolled wards' keys at the city, the city's key at a ward. */
import { fingerprintOf } from '../keys/ed25519';
import type { Session } from '../session';
import type { TrustedKeyInfo } from '../bundle/verify';

export interface TrustedKeyRow extends TrustedKeyInfo {
  fingerprint: string;
  addedAt: string;
  revokedReason: string | null;
}

export function lookupTrustedKey(s: Session, keyId: string): TrustedKeyInfo | undefined {
  return s.db.sqlite
    .prepare('SELECT key_id AS keyId, org_code AS orgCode, public_key AS publicKey, revoked_at AS revokedAt FROM trusted_key WHERE key_id = ?')
    .get(keyId) as TrustedKeyInfo | undefined;
}

export function trustKey(s: Session, orgCode: string, publicKey: string, keyId: string, document: unknown): void {
  s.db.sqlite
    .prepare(
      `INSERT INTO trusted_key (key_id, org_code, public_key, fingerprint, added_at, document) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(key_id) DO UPDATE SET org_code = excluded.org_code, public_key = excluded.public_key, document = excluded.document`,
    )
    .run(keyId, orgCode, publicKey, fingerprintOf(publicKey), s.now(), JSON.stringify(document));
}

export function revokeKey(s: Session, keyId: string, reason: string): boolean {
  const r = s.db.sqlite
    .prepare('UPDATE trusted_key SET revoked_at = ?, revoked_reason = ? WHERE key_id = ? AND revoked_at IS NULL')
    .run(s.now(), reason, keyId);
  return r.changes > 0;
}

export function keysOf(s: Session, orgCode: string): TrustedKeyRow[] {
  return s.db.sqlite
    .prepare(
      `SELECT key_id AS keyId, org_code AS orgCode, public_key AS publicKey, revoked_at AS revokedAt, fingerprint, added_at AS addedAt,
       revoked_reason AS revokedReason FROM trusted_key WHERE org_code = ? ORDER BY added_at`,
    )
    .all(orgCode) as TrustedKeyRow[];
}
