import { z } from 'zod';
import { AppError, type ErrorCode } from '../../shared/errors';
import { fingerprintOf, keyIdOf, publicKeyOf } from './ed25519';
import { keyIdField, orgCodeField, publicKeyField, signatureField, textField, timeField } from './schemas';
import { signDocument, verifyDocument } from './signed-document';
import type { StoredKey } from './types';

export { signDocument, verifyDocument, type Signed } from './signed-document';

/**
 * The three documents by which the city learns, trusts and stops trusting a ward's key:
 *
 *   ward → city   EnrollmentRequest   "this is our key" (signed by that key: proof of possession)
 *   city → ward   WardCertificate     "the city vouches that this key speaks for this ward"
 *   either        RevocationStatement "stop trusting this key"
 *
 * Each verifier returns the typed document or throws an AppError naming the kind of document,
 * so the person holding the file knows which one to ask for again.
 */

export type SigningKey = Pick<StoredKey, 'privateKeyPem'>;

const officerSchema = z.strictObject({
  name: textField(200),
  title: textField(200).optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9][0-9 .()-]{2,31}$/, 'not a phone number')
    .optional(),
});

const enrollmentRequestSchema = z.strictObject({
  type: z.literal('wardplan-enrollment-request'),
  v: z.literal(1),
  wardCode: orgCodeField,
  wardName: textField(200),
  officer: officerSchema,
  publicKey: publicKeyField,
  keyId: keyIdField,
  createdAt: timeField,
  /** The installation the key belongs to, so the city binds its origin when it approves; absent in older requests. */
  installationId: z.uuid().optional(),
  signature: signatureField,
});

const wardCertificateSchema = z.strictObject({
  type: z.literal('wardplan-ward-certificate'),
  v: z.literal(1),
  cityCode: orgCodeField,
  cityKeyId: keyIdField,
  wardCode: orgCodeField,
  wardName: textField(200),
  publicKey: publicKeyField,
  keyId: keyIdField,
  fingerprint: z.string().regex(/^\d{4}( \d{4}){4}$/),
  issuedAt: timeField,
  signature: signatureField,
});

const revocationSchema = z.strictObject({
  type: z.literal('wardplan-key-revocation'),
  v: z.literal(1),
  keyId: keyIdField,
  wardCode: orgCodeField,
  reason: textField(1000),
  at: timeField,
  byKeyId: keyIdField,
  signature: signatureField,
});

export type EnrollmentRequest = z.infer<typeof enrollmentRequestSchema>;
export type WardCertificate = z.infer<typeof wardCertificateSchema>;
export type RevocationStatement = z.infer<typeof revocationSchema>;
export type Officer = z.infer<typeof officerSchema>;

// ---- Enrollment request -------------------------------------------------------------------

export interface EnrollmentInfo {
  wardCode: string;
  wardName: string;
  officer: Officer;
  createdAt?: string;
  installationId?: string;
}

export function makeEnrollmentRequest(key: Pick<StoredKey, 'publicKey' | 'privateKeyPem'>, info: EnrollmentInfo): EnrollmentRequest {
  const request = signDocument(key, {
    type: 'wardplan-enrollment-request' as const,
    v: 1 as const,
    wardCode: info.wardCode,
    wardName: info.wardName,
    officer: withoutUndefined(info.officer),
    publicKey: key.publicKey,
    keyId: keyIdOf(key.publicKey),
    createdAt: info.createdAt ?? new Date().toISOString(),
    ...(info.installationId ? { installationId: info.installationId } : {}),
  });
  // Checked here, where the officer can still correct the form, rather than at the city.
  return checkShape(enrollmentRequestSchema, request, 'keys.invalid_enrollment_details');
}

export function verifyEnrollmentRequest(obj: unknown): EnrollmentRequest {
  const code = 'keys.bad_enrollment_request';
  const request = checkShape(enrollmentRequestSchema, obj, code);
  if (keyIdOf(request.publicKey) !== request.keyId) throw new AppError(code, {}, 'keyId does not match publicKey');
  if (!verifyDocument(obj, request.publicKey)) throw new AppError(code, {}, 'signature does not verify');
  return request;
}

// ---- Ward certificate ---------------------------------------------------------------------

/** The city's approval, given only after the fingerprint was read back on the phone. */
export function issueWardCertificate(cityKey: SigningKey, cityCode: string, request: unknown, issuedAt: string = new Date().toISOString()): WardCertificate {
  const enrolled = verifyEnrollmentRequest(request);
  const certificate = signDocument(cityKey, {
    type: 'wardplan-ward-certificate' as const,
    v: 1 as const,
    cityCode,
    cityKeyId: keyIdOf(publicKeyOf(cityKey.privateKeyPem)),
    wardCode: enrolled.wardCode,
    wardName: enrolled.wardName,
    publicKey: enrolled.publicKey,
    keyId: enrolled.keyId,
    fingerprint: fingerprintOf(enrolled.publicKey),
    issuedAt,
  });
  return checkShape(wardCertificateSchema, certificate, 'keys.invalid_certificate_details');
}

export function verifyWardCertificate(obj: unknown, cityPublicKey: string): WardCertificate {
  const code = 'keys.bad_ward_certificate';
  const certificate = checkShape(wardCertificateSchema, obj, code);
  const expectedCityKeyId = keyIdOf(cityPublicKey);
  if (certificate.cityKeyId !== expectedCityKeyId) {
    // Usually a certificate from another city, or from before the city changed its key.
    throw new AppError('keys.certificate_wrong_city_key', {
      certificateKeyId: certificate.cityKeyId,
      expectedKeyId: expectedCityKeyId,
    });
  }
  if (keyIdOf(certificate.publicKey) !== certificate.keyId) throw new AppError(code, {}, 'keyId does not match publicKey');
  if (fingerprintOf(certificate.publicKey) !== certificate.fingerprint) {
    throw new AppError(code, {}, 'fingerprint does not match publicKey');
  }
  if (!verifyDocument(obj, cityPublicKey)) throw new AppError(code, {}, 'signature does not verify');
  return certificate;
}

// ---- Revocation ---------------------------------------------------------------------------

export interface RevocationInfo {
  keyId: string;
  wardCode: string;
  /** Free text for the people reading the log, e.g. "máy tính bị mất trộm". */
  reason: string;
  at?: string;
}

/**
 * Signed by the city (withdrawing a ward's key) or by the ward itself (with its current key,
 * about a retired or lost one). Whether the signer may revoke that key is the caller's policy;
 * this only establishes who signed.
 */
export function makeRevocation(signerKey: SigningKey, info: RevocationInfo): RevocationStatement {
  const statement = signDocument(signerKey, {
    type: 'wardplan-key-revocation' as const,
    v: 1 as const,
    keyId: info.keyId,
    wardCode: info.wardCode,
    reason: info.reason,
    at: info.at ?? new Date().toISOString(),
    byKeyId: keyIdOf(publicKeyOf(signerKey.privateKeyPem)),
  });
  return checkShape(revocationSchema, statement, 'keys.invalid_revocation_details');
}

export function verifyRevocation(obj: unknown, signerPublicKey: string): RevocationStatement {
  const code = 'keys.bad_revocation';
  const statement = checkShape(revocationSchema, obj, code);
  if (statement.byKeyId !== keyIdOf(signerPublicKey)) throw new AppError(code, {}, 'byKeyId does not match the signer');
  if (!verifyDocument(obj, signerPublicKey)) throw new AppError(code, {}, 'signature does not verify');
  return statement;
}

// ---- helpers ------------------------------------------------------------------------------

function checkShape<T>(schema: z.ZodType<T>, value: unknown, code: ErrorCode): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  // Stryker disable next-line StringLiteral,ConditionalExpression: a failed parse always has a first issue
  const field = issue ? issue.path.join('.') || '(document)' : '(document)';
  // Stryker disable next-line LogicalOperator,OptionalChaining,StringLiteral: a failed parse always has a first issue
  throw new AppError(code, { field }, `${field}: ${issue?.message ?? 'invalid'}`);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
