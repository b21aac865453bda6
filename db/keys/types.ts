/**
 * The shapes shared by the key modules, kept apart so the store and the rotation logic can
 * both name them without importing each other.
 */

/** The new key, vouched for by the old one (so the city can follow the chain without a new enrollment). */
export interface RotationStatement {
  type: 'wardplan-key-rotation';
  v: 1;
  oldKeyId: string;
  newKeyId: string;
  /** Base64 of the raw 32-byte public key. */
  newPublicKey: string;
  /** ISO 8601, UTC. */
  at: string;
  /** By the old key, over canonicalJson of the statement without both signature fields. */
  signatureByOld: string;
  /** By the new key, over the same bytes: proof that the holder has the new private key. */
  signatureByNew: string;
}

export interface RetiredKey {
  keyId: string;
  publicKey: string;
  retiredAt: string;
  /**
   * The statement that retired this key. Kept because once the old private key is gone it can
   * never be signed again, and the city still needs it if the first copy never arrived.
   */
  rotation?: RotationStatement;
}

export interface StoredKey {
  keyId: string;
  /** Base64 of the raw 32-byte public key. */
  publicKey: string;
  /** PKCS#8 PEM. */
  privateKeyPem: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** Oldest first. */
  previous?: RetiredKey[];
  /**
   * The age identity (X25519) that opens sealed bundles: the city's opens what wards send it, a
   * ward's opens its own bundles. Kept in the same protected file as the signing key and carried
   * over on rotation, so bundles sealed before a rotation stay readable. Absent in key files
   * written before sealing existed; added the first time the key is used.
   */
  ageIdentity?: string;
}

export interface KeyStore {
  /** Null when no key has been saved yet; an AppError when one exists but cannot be opened. */
  load(): Promise<StoredKey | null>;
  save(key: StoredKey): Promise<void>;
}
