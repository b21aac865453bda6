import { z } from 'zod';
import { isPublicKey } from './ed25519';
import type { RetiredKey, RotationStatement, StoredKey } from './types';

/**
 * Field rules shared by every key document. Objects are strict: a field we do not know is
 * refused rather than ignored, because a verifier that skips a field it was shown would be
 * vouching for text it never read. A new field means a new `v`.
 */

export const publicKeyField = z.string().refine(isPublicKey, 'not a base64 Ed25519 public key');
export const keyIdField = z.string().regex(/^[0-9a-f]{16}$/, 'not a key id');
export const signatureField = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'not a base64 Ed25519 signature');
/** UTC with a Z, so the same instant is always spelled the same way under a signature. */
export const timeField = z.iso.datetime();
/** Ward and city codes end up in file names and bundle paths, so they stay plain. */
export const orgCodeField = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'not a ward or city code');
/** Free text from a person: bounded, and without control characters that could hide text on screen. */
export const textField = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'contains control characters');

export const rotationStatementSchema = z.strictObject({
  type: z.literal('wardplan-key-rotation'),
  v: z.literal(1),
  oldKeyId: keyIdField,
  newKeyId: keyIdField,
  newPublicKey: publicKeyField,
  at: timeField,
  signatureByOld: signatureField,
  signatureByNew: signatureField,
}) satisfies z.ZodType<RotationStatement>;

const retiredKeySchema = z.strictObject({
  keyId: keyIdField,
  publicKey: publicKeyField,
  retiredAt: timeField,
  rotation: rotationStatementSchema.optional(),
}) satisfies z.ZodType<RetiredKey>;

export const storedKeySchema = z.strictObject({
  keyId: keyIdField,
  publicKey: publicKeyField,
  privateKeyPem: z.string().startsWith('-----BEGIN PRIVATE KEY-----'),
  createdAt: timeField,
  previous: z.array(retiredKeySchema).optional(),
  ageIdentity: z
    .string()
    .regex(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/)
    .optional(),
}) satisfies z.ZodType<StoredKey>;
