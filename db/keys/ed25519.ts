import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { AppError } from '../../shared/errors';

/**
 * Ed25519 on Node's own crypto. Public keys travel as base64 of the raw 32 bytes (what every
 * other Ed25519 library speaks, and short enough for a JSON document); private keys stay
 * PKCS#8 PEM because that is what Node loads without any hand-made DER.
 */

export interface KeyPair {
  /** Base64 of the raw 32-byte public key. */
  publicKey: string;
  /** PKCS#8 PEM. */
  privateKeyPem: string;
}

const RAW_PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
// DER header of SubjectPublicKeyInfo for id-Ed25519 (1.3.101.112, RFC 8410); the raw key follows.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function generateKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: rawFromKeyObject(publicKey).toString('base64'),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** Base64 of the raw public key that belongs to a private key (to check a loaded pair agrees). */
export function publicKeyOf(privateKeyPem: string): string {
  return rawFromKeyObject(createPublicKey(privateKeyObject(privateKeyPem))).toString('base64');
}

export function sign(privateKeyPem: string, data: Buffer | string): string {
  // Ed25519 hashes internally, so the algorithm argument must be null.
  return cryptoSign(null, toBytes(data), privateKeyObject(privateKeyPem)).toString('base64');
}

/**
 * False for any signature that does not check out, including a malformed key or signature:
 * every input here comes from a file someone else wrote, and "not valid" is the only honest
 * answer to garbage.
 */
export function verify(publicKey: string, data: Buffer | string, signatureB64: string): boolean {
  try {
    const raw = decodeExactBase64(publicKey, RAW_PUBLIC_KEY_BYTES);
    const signature = decodeExactBase64(signatureB64, SIGNATURE_BYTES);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: crypto would throw on a missing key or signature, answered false below
    if (!raw || !signature) return false;
    return cryptoVerify(null, toBytes(data), publicKeyObjectFromRaw(raw), signature);
  } catch {
    return false;
  }
}

/** The short id that names a key inside documents and bundle manifests. */
export function keyIdOf(publicKey: string): string {
  return sha256(rawPublicKey(publicKey)).toString('hex').slice(0, 16);
}

/**
 * What two officers read to each other on the phone before the city enrolls a ward's key.
 *
 * Digits only: Vietnamese speakers name Latin letters differently from English speakers and
 * from each other ("bê"/"bờ", "đê"/"dê", "e"/"ê" are easy to confuse on a bad line), while
 * digits ("một, hai, ba...") are read one way by everybody, have no case, and can be keyed
 * on any phone. Four-digit groups are what people already use to read out phone and account
 * numbers.
 *
 * Derivation, so another implementation can reproduce it: SHA-256 of the raw 32-byte key;
 * bytes 0-24 taken as five 5-byte big-endian integers; each modulo 10000, zero-padded to four
 * digits. Reducing 40 bits modulo 10^4 leaves no bias worth naming (as Signal's safety numbers
 * do with five-digit groups). The result carries about 66 bits.
 */
export function fingerprintOf(publicKey: string): string {
  const digest = sha256(rawPublicKey(publicKey));
  const groups: string[] = [];
  for (let i = 0; i < 5; i++) {
    const chunk = digest.readUIntBE(i * 5, 5);
    groups.push(String(chunk % 10_000).padStart(4, '0'));
  }
  return groups.join(' ');
}

/** Raw 32 bytes of a base64 public key; an AppError for anything else (it may have been pasted). */
export function rawPublicKey(publicKey: string): Buffer {
  const raw = decodeExactBase64(publicKey, RAW_PUBLIC_KEY_BYTES);
  // Stryker disable next-line ConditionalExpression: without it the key object below fails on null, with the same error
  if (!raw) throw new AppError('keys.bad_public_key');
  // Stryker disable BlockStatement,StringLiteral: Node takes any 32 bytes as an Ed25519 key today; kept for a Node that checks the point
  try {
    publicKeyObjectFromRaw(raw);
  } catch {
    throw new AppError('keys.bad_public_key');
  }
  // Stryker restore BlockStatement,StringLiteral
  return raw;
}

export function isPublicKey(value: unknown): value is string {
  try {
    rawPublicKey(value as string);
    return true;
  } catch {
    return false;
  }
}

function publicKeyObjectFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

function rawFromKeyObject(key: KeyObject): Buffer {
  const der = key.export({ type: 'spki', format: 'der' });
  // Stryker disable all: Node exports every Ed25519 key with this header; the check guards against a change in that
  if (der.length !== SPKI_PREFIX.length + RAW_PUBLIC_KEY_BYTES || !der.subarray(0, SPKI_PREFIX.length).equals(SPKI_PREFIX)) {
    throw new Error('not an Ed25519 public key');
  }
  // Stryker restore all
  return der.subarray(SPKI_PREFIX.length);
}

/** The last key parsed: a batch import signs thousands of receipts with the one city key, and parsing PEM costs more than signing. */
let lastKey: { pem: string; key: KeyObject } | null = null;

function privateKeyObject(privateKeyPem: string): KeyObject {
  if (lastKey?.pem === privateKeyPem) return lastKey.key;
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: privateKeyPem, format: 'pem' });
  } catch {
    throw new AppError('keys.bad_private_key');
  }
  // With a null algorithm Node would happily sign with an RSA or EC key using some default
  // hash, producing signatures nobody here could verify.
  if (key.asymmetricKeyType !== 'ed25519') throw new AppError('keys.bad_private_key');
  lastKey = { pem: privateKeyPem, key };
  return key;
}

/**
 * Decodes base64 only if it is the canonical spelling of exactly `bytes` bytes. Buffer.from is
 * lenient (skips junk, accepts missing padding); accepting two spellings of one key would let
 * the same key show up under two texts in documents that are compared as strings.
 */
function decodeExactBase64(text: unknown, bytes: number): Buffer | null {
  if (typeof text !== 'string') return null;
  const decoded = Buffer.from(text, 'base64');
  // Stryker disable next-line ConditionalExpression: a wrong length fails the key object or the signature check just after, the same way
  if (decoded.length !== bytes || decoded.toString('base64') !== text) return null;
  return decoded;
}

function toBytes(data: Buffer | string): Buffer {
  // Stryker disable next-line all: Node's sign and verify read a string as UTF-8 themselves; the conversion is for the types
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}
