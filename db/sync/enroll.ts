/**
 * Enrollment: the ward sends its public key; the city approves it after both sides read the
 * fingerprint aloud on the phone, and answers with a signed certificate and its own public key.
 */
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { EnrollResult } from '../../shared/api/contract-city-ops';
import { getMeta, setMeta } from '../database';
import { writeFileAtomic } from '../fs/atomic-write';
import { fingerprintOf, isPublicKey, keyIdOf } from '../keys/ed25519';
import { ageRecipientOf, AGE_RECIPIENT_PATTERN } from '../keys/age-identity';
import {
  issueWardCertificate,
  makeEnrollmentRequest,
  signDocument,
  verifyDocument,
  verifyEnrollmentRequest,
  verifyWardCertificate,
  type EnrollmentRequest,
} from '../keys/documents';
import type { KeyStore, SealingKey } from '../keys/key-store';
import { originRegistry } from '../schema';
import type { Session } from '../session';
import { upsertOrg } from '../services/setup';
import { ensureKey } from './identity';
import { keysOf, revokeKey, trustKey } from './trust';

function requireRole(s: Session, role: 'ward' | 'city'): void {
  if (s.role !== role) throw new AppError(role === 'city' ? 'sync.city_only' : 'sync.ward_only');
}

function readJsonFile(file: string): unknown {
  if (!fs.existsSync(file)) throw new AppError('file.not_found', { path: file });
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new AppError('sync.not_json', { path: file });
  }
}

export async function buildEnrollmentRequest(s: Session, store: KeyStore): Promise<EnrollmentRequest> {
  requireRole(s, 'ward');
  const key = await ensureKey(s, store);
  const officerName = getMeta(s.db, 'officer_name') ?? s.actor;
  const title = getMeta(s.db, 'officer_title');
  return makeEnrollmentRequest(key, {
    wardCode: s.orgCode,
    wardName: getMeta(s.db, 'ward_name') ?? s.orgCode,
    officer: title ? { name: officerName, title } : { name: officerName },
    createdAt: s.now(),
    installationId: s.installationId,
  });
}

export async function writeEnrollmentRequest(s: Session, store: KeyStore, outFile: string): Promise<{ path: string; fingerprint: string; keyId: string }> {
  const request = await buildEnrollmentRequest(s, store);
  await writeFileAtomic(outFile, `${JSON.stringify(request, null, 2)}\n`);
  return { path: outFile, fingerprint: fingerprintOf(request.publicKey), keyId: request.keyId };
}

/** The city's age recipient, signed by the city's key so that no one on the way can swap in their own. */
const ageRecipientDocumentSchema = z.strictObject({
  type: z.literal('wardplan-age-recipient'),
  v: z.literal(1),
  cityCode: z.string(),
  recipient: z.string().regex(AGE_RECIPIENT_PATTERN),
  signature: z.string(),
});

export const enrollmentResponseSchema = z.object({
  type: z.literal('wardplan-enrollment-response'),
  v: z.literal(1),
  cityCode: z.string(),
  cityName: z.string(),
  cityPublicKey: z.string().refine(isPublicKey),
  certificate: z.unknown(),
  /** Absent in answers from a city that did not seal yet: the ward then writes format-1 bundles. */
  cityAgeRecipient: ageRecipientDocumentSchema.optional(),
});

export type { EnrollResult };

export type EnrollmentResponse = z.infer<typeof enrollmentResponseSchema>;

/**
 * The installation a request names must be free (or already this ward's): checked before any
 * answer is written, so a ward is never told it is enrolled when the city refused it.
 */
function checkRequestOrigin(s: Session, request: EnrollmentRequest): void {
  if (!request.installationId) return;
  const bound = s.db.orm.select({ org: originRegistry.orgCode }).from(originRegistry).where(eq(originRegistry.origin, request.installationId)).get();
  const holder = request.installationId === s.installationId ? s.orgCode : bound?.org;
  if (holder !== undefined && holder !== request.wardCode) {
    throw new AppError('sync.enroll_origin_taken', { ward: request.wardCode, origin: request.installationId, originOwner: holder });
  }
}

/** The city's signed answer to a ward's request; nothing is trusted until `grantEnrollment`. */
export async function answerEnrollment(s: Session, cityKey: SealingKey, request: EnrollmentRequest): Promise<EnrollmentResponse> {
  requireRole(s, 'city');
  checkRequestOrigin(s, request);
  const recipient = await ageRecipientOf(cityKey.ageIdentity);
  return {
    type: 'wardplan-enrollment-response',
    v: 1,
    cityCode: s.orgCode,
    cityName: getMeta(s.db, 'city_name') ?? s.orgCode,
    cityPublicKey: cityKey.publicKey,
    certificate: issueWardCertificate(cityKey, s.orgCode, request, s.now()),
    cityAgeRecipient: signDocument(cityKey, { type: 'wardplan-age-recipient' as const, v: 1 as const, cityCode: s.orgCode, recipient }),
  };
}

/**
 * Trusts the ward's key and binds the installation it named to the ward: shared by the file
 * exchange (`city enroll`) and the hub's online inbox (`city approve`), so both paths grant
 * exactly the same trust.
 */
export function grantEnrollment(s: Session, request: EnrollmentRequest, response: EnrollmentResponse): void {
  checkRequestOrigin(s, request);
  upsertOrg(s.db, request.wardCode, 'ward', request.wardName, s.orgCode, s.now());
  trustKey(s, request.wardCode, request.publicKey, request.keyId, response.certificate);
  if (request.installationId) {
    s.db.sqlite
      .prepare('INSERT INTO origin_registry (origin, org_code, registered_at, key_id) VALUES (?, ?, ?, ?) ON CONFLICT(origin) DO NOTHING')
      .run(request.installationId, request.wardCode, s.now(), request.keyId);
  }
}

/** The city approves a ward's key and writes the answer the ward imports. */
export async function cityEnroll(s: Session, store: KeyStore, requestFile: string, responseFile: string): Promise<EnrollResult> {
  requireRole(s, 'city');
  const request = verifyEnrollmentRequest(readJsonFile(requestFile));
  const cityKey = await ensureKey(s, store);
  const response = await answerEnrollment(s, cityKey, request);
  await writeFileAtomic(responseFile, `${JSON.stringify(response, null, 2)}\n`);
  s.db.sqlite.transaction(() => grantEnrollment(s, request, response))();
  return {
    wardCode: request.wardCode,
    wardName: request.wardName,
    keyId: request.keyId,
    fingerprint: fingerprintOf(request.publicKey),
    responsePath: responseFile,
  };
}

/** The ward takes the city's answer: it now trusts the city's key and knows its own key is enrolled. */
export function importEnrollmentResponse(s: Session, file: string): { cityCode: string; cityFingerprint: string; wardFingerprint: string } {
  return acceptEnrollmentResponse(s, readJsonFile(file));
}

/** The same, for an answer fetched from the hub instead of read from a file. */
export function acceptEnrollmentResponse(s: Session, obj: unknown): { cityCode: string; cityFingerprint: string; wardFingerprint: string } {
  requireRole(s, 'ward');
  const parsed = enrollmentResponseSchema.safeParse(obj);
  if (!parsed.success) throw new AppError('keys.bad_ward_certificate', {});
  const r = parsed.data;
  const cert = verifyWardCertificate(r.certificate, r.cityPublicKey);
  if (cert.wardCode !== s.orgCode) throw new AppError('sync.certificate_other_ward', { ward: cert.wardCode, own: s.orgCode });
  const ownKey = getMeta(s.db, 'key_id');
  if (ownKey && cert.keyId !== ownKey) throw new AppError('sync.certificate_other_key', { keyId: cert.keyId, own: ownKey });
  const city = getMeta(s.db, 'city_code');
  if (city && city !== r.cityCode) throw new AppError('sync.certificate_other_city', { city: r.cityCode, own: city });
  const sealTo = r.cityAgeRecipient;
  if (sealTo && (sealTo.cityCode !== r.cityCode || !verifyDocument(sealTo, r.cityPublicKey)))
    throw new AppError('sync.bad_age_recipient', { city: r.cityCode });
  s.db.sqlite.transaction(() => {
    trustKey(s, r.cityCode, r.cityPublicKey, keyIdOf(r.cityPublicKey), cert);
    setMeta(s.db, 'certificate', JSON.stringify(cert));
    if (sealTo) setMeta(s.db, 'city_age_recipient', sealTo.recipient);
  })();
  return { cityCode: r.cityCode, cityFingerprint: fingerprintOf(r.cityPublicKey), wardFingerprint: cert.fingerprint };
}

export function revokeWard(s: Session, wardCode: string, reason: string, keyId?: string): string[] {
  requireRole(s, 'city');
  const keys = keysOf(s, wardCode).filter((k) => !k.revokedAt && (!keyId || k.keyId === keyId));
  if (keys.length === 0) throw new AppError('sync.no_key_to_revoke', { ward: wardCode });
  s.db.sqlite.transaction(() => keys.forEach((k) => revokeKey(s, k.keyId, reason)))();
  return keys.map((k) => k.keyId);
}
