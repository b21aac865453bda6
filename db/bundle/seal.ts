/**
 * Sealing a bundle's payload with the age format (X25519 recipients), so that a lost USB stick
 * tells its finder nothing: only the city and the ward that wrote it hold an identity that opens
 * it. Sealing sits inside the signature, never instead of it: the manifest lists the SHA-256 and
 * size of the sealed bytes, so a reader checks the signature and the hash before it decrypts or
 * inflates anything, and a change to the ciphertext is refused as tampering, not as a failed
 * decryption.
 */
import zlib from 'node:zlib';
import { AppError } from '../../shared/errors';

// Loaded by the first bundle sealed or opened (see db/keys/age-lib.ts).
const age = () => import('../keys/age-lib');

/** Compresses, then encrypts to every recipient: ciphertext does not compress, so the order matters. */
export async function sealPayload(plain: Buffer, recipients: string[]): Promise<Buffer> {
  const { Encrypter } = await age();
  const e = new Encrypter();
  for (const r of recipients) e.addRecipient(r);
  return Buffer.from(await e.encrypt(zlib.deflateRawSync(plain, { level: 9 })));
}

/**
 * Decrypts with whichever identity matches, then inflates with a hard limit of `maxBytes`:
 * the inflater stops at the first byte beyond it, so a sealed bomb costs no more than the limit.
 * `entry` names the sealed entry in messages: the changes or one evidence file.
 */
export async function openPayload(file: string, sealed: Buffer, identities: string[], maxBytes: number, entry = 'changes.age'): Promise<Buffer> {
  const { Decrypter } = await age();
  const d = new Decrypter();
  for (const i of identities) d.addIdentity(i);
  let compressed: Uint8Array;
  try {
    compressed = await d.decrypt(sealed);
  } catch (e) {
    // The hash under the signature already matched, so the bytes are the sender's: either they
    // were sealed for someone else, or the sender's software sealed them wrongly.
    if (/no identity matched/.test((e as Error).message)) throw new AppError('bundle.sealed_for_other', { file });
    throw new AppError('bundle.seal_broken', { file, reason: (e as Error).message });
  }
  try {
    return zlib.inflateRawSync(compressed, { maxOutputLength: maxBytes });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new AppError('bundle.entry_too_large', { file, entry, limitMb: Math.round(maxBytes / 1048576) });
    }
    throw new AppError('bundle.seal_broken', { file, reason: (e as Error).message });
  }
}
