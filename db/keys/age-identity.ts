/**
 * The installation's age identity (X25519), which opens bundles sealed to it. It lives in the key
 * file beside the signing key (see StoredKey.ageIdentity); only its recipient is ever shown or sent.
 */

// Loaded when a key is made or a recipient shown, not with every command (see age-lib.ts).
const age = () => import('./age-lib');

/** `age1…` in Bech32, as age writes an X25519 recipient. */
export const AGE_RECIPIENT_PATTERN = /^age1[0-9a-z]{58}$/;

export async function newAgeIdentity(): Promise<string> {
  return (await age()).generateX25519Identity();
}

export async function ageRecipientOf(identity: string): Promise<string> {
  return (await age()).identityToRecipient(identity);
}
