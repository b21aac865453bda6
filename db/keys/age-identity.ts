/**
 * The installation's age identity (X25519), which opens bundles sealed to it. It lives in the key
 * file beside the signing key (see StoredKey.ageIdentity); only its recipient is ever shown or sent.
 */
import { generateX25519Identity, identityToRecipient } from 'age-encryption';

/** `age1…` in Bech32, as age writes an X25519 recipient. */
export const AGE_RECIPIENT_PATTERN = /^age1[0-9a-z]{58}$/;

export function newAgeIdentity(): Promise<string> {
  return generateX25519Identity();
}

export function ageRecipientOf(identity: string): Promise<string> {
  return identityToRecipient(identity);
}
