/**
 * How a ward proves to the hub which ward it is: no passwords, only the key the city enrolled.
 * The ward signs a short statement (what it asks, its key id, the time, and what the request is
 * bound to, such as the upload's size); the hub checks it against the trusted keys. The bundle
 * itself is still verified whole on arrival: this only keeps strangers from filling the upload
 * area or reading a ward's receipts.
 */
import { AppError } from '../../shared/errors';
import { sign, verify } from '../keys/ed25519';
import type { RotationStatement } from '../keys/rotation';
import { verifyRotation } from '../keys/rotation';
import type { StoredKey } from '../keys/key-store';
import type { Session } from '../session';
import { lookupTrustedKey } from './trust';

export type HubPurpose = 'upload' | 'catalog';

/** How far the ward's clock may be from the hub's; offices' clocks drift, replays should not last. */
export const HUB_AUTH_WINDOW_MS = 10 * 60_000;

export interface HubCredentials {
  keyId: string;
  at: string;
  signature: string;
  /** After a key rotation the hub knows only the old key: the statement by which it vouches for this one. */
  rotation?: RotationStatement | undefined;
}

function statement(purpose: HubPurpose, keyId: string, at: string, boundTo: string): string {
  return `wardplan-hub-v1\n${purpose}\n${keyId}\n${at}\n${boundTo}`;
}

export function signHubRequest(key: StoredKey, purpose: HubPurpose, boundTo: string, now: Date = new Date()): HubCredentials {
  const at = now.toISOString();
  const rotation = key.previous?.[key.previous.length - 1]?.rotation;
  return {
    keyId: key.keyId,
    at,
    signature: sign(key.privateKeyPem, statement(purpose, key.keyId, at, boundTo)),
    ...(rotation && rotation.newKeyId === key.keyId ? { rotation } : {}),
  };
}

/** Credentials as HTTP headers, for requests other than tus uploads (which carry them in Upload-Metadata). */
export function credentialHeaders(c: HubCredentials): Record<string, string> {
  const h: Record<string, string> = { 'x-wardplan-key': c.keyId, 'x-wardplan-at': c.at, 'x-wardplan-signature': c.signature };
  if (c.rotation) h['x-wardplan-rotation'] = Buffer.from(JSON.stringify(c.rotation)).toString('base64');
  return h;
}

export function parseRotation(b64: string | null | undefined): RotationStatement | undefined {
  if (!b64) return undefined;
  try {
    return JSON.parse(Buffer.from(b64, 'base64').toString('utf8')) as RotationStatement;
  } catch {
    return undefined;
  }
}

/** The ward a request speaks for, or an AppError saying why the hub will not listen. */
export function authenticateWard(
  s: Session,
  purpose: HubPurpose,
  c: Partial<HubCredentials>,
  boundTo: string,
  nowMs: number = Date.now(),
): { wardCode: string; keyId: string } {
  if (!c.keyId || !c.at || !c.signature) throw new AppError('hub.auth_missing');
  const at = Date.parse(c.at);
  if (!Number.isFinite(at) || Math.abs(nowMs - at) > HUB_AUTH_WINDOW_MS) throw new AppError('hub.stale_request', { minutes: HUB_AUTH_WINDOW_MS / 60_000 });
  let key = lookupTrustedKey(s, c.keyId);
  if (!key && c.rotation && c.rotation.newKeyId === c.keyId) {
    const old = lookupTrustedKey(s, c.rotation.oldKeyId);
    if (old && !old.revokedAt && verifyRotation(c.rotation, old.publicKey))
      key = { keyId: c.keyId, orgCode: old.orgCode, publicKey: c.rotation.newPublicKey, revokedAt: null };
  }
  if (!key || key.orgCode === s.orgCode) throw new AppError('hub.unknown_key', { keyId: c.keyId });
  if (key.revokedAt) throw new AppError('hub.revoked_key', { keyId: c.keyId, ward: key.orgCode });
  if (!verify(key.publicKey, statement(purpose, c.keyId, c.at, boundTo), c.signature)) throw new AppError('hub.bad_signature', { keyId: c.keyId });
  return { wardCode: key.orgCode, keyId: c.keyId };
}
