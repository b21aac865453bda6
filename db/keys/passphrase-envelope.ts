import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';

/**
 * The passphrase-protected key file:
 *
 *   { format: 'wardplan-key', v: 1,
 *     kdf: { name: 'scrypt', N, r, p, salt },
 *     cipher: { name: 'aes-256-gcm', iv, tag },
 *     data }                                     (salt, iv, tag, data in base64)
 *
 * AES-256-GCM under a key derived by scrypt from the passphrase. GCM's tag makes a wrong
 * passphrase and a modified file indistinguishable, which is why both give one error.
 */

export const MIN_PASSPHRASE_LENGTH = 10;

// N = 2^15, r = 8 costs 32 MiB and about 0.1 s on an office PC: slow for someone guessing
// offline, unnoticeable for an officer who types it once per session.
const DEFAULT_KDF = { N: 2 ** 15, r: 8, p: 1 } as const;
/**
 * The most a key file may ask of scrypt. A later version may raise the cost up to here; beyond
 * it a crafted file could make the machine allocate gigabytes (N = 2^20, r = 16 is 2 GiB).
 */
export const MAX_KDF_MEMORY = 256 * 1024 * 1024;
const MAX_KDF = { N: 2 ** 20, r: 16, p: 4 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const IV_BYTES = 12; // the size GCM is designed for
const TAG_BYTES = 16;
// Binds the ciphertext to this file kind and version, so it cannot be lifted into another
// format that happens to share the passphrase.
const AAD = Buffer.from('wardplan-key/1', 'utf8');

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const envelopeSchema = z.strictObject({
  format: z.literal('wardplan-key'),
  v: z.literal(1),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    // Read from the file so a later version can raise the cost, but bounded so a crafted file
    // cannot make us allocate gigabytes or spin for minutes.
    // Stryker disable next-line ConditionalExpression,StringLiteral: scrypt itself refuses an N that is not a power of two; null either way
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(MAX_KDF.N)
      .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(MAX_KDF.r),
    // Stryker disable next-line MethodExpression: scrypt refuses p = 0 and another p derives another key; null either way
    p: z.number().int().min(1).max(MAX_KDF.p),
    salt: base64,
  }),
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), iv: base64, tag: base64 }),
  data: base64,
});

export type PassphraseEnvelope = z.infer<typeof envelopeSchema>;

export function isPassphraseEnvelope(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'kdf' in value;
}

export async function sealWithPassphrase(plain: Buffer, passphrase: string): Promise<PassphraseEnvelope> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const key = await deriveKey(passphrase, salt, DEFAULT_KDF);
  // Stryker disable next-line ObjectLiteral: 16 bytes is GCM's default tag length too; stated so it cannot change unseen
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(AAD);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    format: 'wardplan-key',
    v: 1,
    kdf: { name: 'scrypt', ...DEFAULT_KDF, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    data: data.toString('base64'),
  };
}

/** The plaintext, or null when the passphrase is wrong or the envelope was altered or damaged. */
export async function openWithPassphrase(envelope: unknown, passphrase: string): Promise<Buffer | null> {
  const parsed = envelopeSchema.safeParse(envelope);
  if (!parsed.success || !isKdfAffordable(envelope)) return null;
  const { kdf, cipher, data } = parsed.data;
  const iv = Buffer.from(cipher.iv, 'base64');
  const tag = Buffer.from(cipher.tag, 'base64');
  // A shortened tag would weaken GCM's integrity check, so only the full length is accepted.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the decipher below also fails on these lengths; this only spares the scrypt run
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
  try {
    const key = await deriveKey(passphrase, Buffer.from(kdf.salt, 'base64'), kdf);
    // Stryker disable next-line ObjectLiteral: 16 bytes is GCM's default tag length too; stated so it cannot change unseen
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(AAD);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** Whether a passphrase may protect a new file (counted in characters as a person sees them). */
export function isLongEnough(passphrase: string): boolean {
  return [...normalize(passphrase)].length >= MIN_PASSPHRASE_LENGTH;
}

/** Only spaces (or tabs, or nothing) protects nothing, however many there are. */
export function isBlank(passphrase: string): boolean {
  return passphrase.trim() === '';
}

/** The bytes scrypt allocates for these parameters (OpenSSL's own count: 128·r·(N + p + 2)). */
export function scryptMemory(params: { N: number; r: number; p: number }): number {
  return 128 * params.r * (params.N + params.p + 2);
}

/**
 * False when a key file's scrypt parameters ask for more memory or work than WardPlan allows, so
 * a crafted file is refused before scrypt runs. Parameters that are not numbers are left to the
 * envelope's schema, which reports the file as damaged.
 */
export function isKdfAffordable(envelope: unknown): boolean {
  const kdf = (envelope as { kdf?: unknown } | null | undefined)?.kdf;
  if (typeof kdf !== 'object' || kdf === null) return true;
  const { N, r, p } = kdf as Record<string, unknown>;
  if (typeof N !== 'number' || typeof r !== 'number' || typeof p !== 'number') return true;
  // An N above MAX_KDF.N needs more than MAX_KDF_MEMORY, so the memory bound covers it.
  // Stryker disable next-line EqualityOperator: 128·r·(N + p + 2) with N a power of two is never exactly 256 MiB
  return r <= MAX_KDF.r && p <= MAX_KDF.p && scryptMemory({ N, r, p }) <= MAX_KDF_MEMORY;
}

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const { N, r, p } = params;
  // Node's default ceiling (32 MiB) is exactly 128·N·r for the default parameters and OpenSSL
  // counts a little more, so the ceiling is OpenSSL's own figure; the envelope's bounds keep it
  // under MAX_KDF_MEMORY.
  const maxmem = scryptMemory(params);
  return new Promise((resolve, reject) => {
    // Stryker disable next-line StringLiteral: Buffer.from reads a string as UTF-8 by default
    scrypt(Buffer.from(normalize(passphrase), 'utf8'), salt, KEY_BYTES, { N, r, p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/**
 * Vietnamese letters with diacritics can be typed precomposed ("ư" + tone as one character,
 * as Windows keyboards do) or decomposed (as some macOS and mobile input methods do). The
 * same passphrase must open the file whichever keyboard typed it.
 */
function normalize(passphrase: string): string {
  return passphrase.normalize('NFC');
}
