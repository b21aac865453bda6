import { readFile } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import {
  MAX_KDF_MEMORY,
  MIN_PASSPHRASE_LENGTH,
  isBlank,
  isKdfAffordable,
  isLongEnough,
  isPassphraseEnvelope,
  openWithPassphrase,
  sealWithPassphrase,
} from './passphrase-envelope';
import { newAgeIdentity } from './age-identity';
import { decodeStoredKey, encodeStoredKey, newStoredKey, parseStoredKey } from './stored-key';
import type { KeyStore, StoredKey } from './types';

export type { KeyStore, RetiredKey, StoredKey } from './types';
export { PASSPHRASE_ENV_VAR, passphraseFromEnv } from './passphrase-env';

/** A key that also holds its age identity, as every key in use does once loaded. */
export type SealingKey = StoredKey & { ageIdentity: string };

/** Only the account that runs WardPlan may read the file holding the private key. */
const KEY_FILE_MODE = 0o600;

/**
 * The rule for a passphrase about to protect a key: at least MIN_PASSPHRASE_LENGTH characters and
 * not only spaces. Callers that must not leave anything behind check it before they create files.
 */
export function checkNewPassphrase(passphrase: string): void {
  if (isBlank(passphrase)) throw new AppError('keys.passphrase_blank', { min: MIN_PASSPHRASE_LENGTH });
  if (!isLongEnough(passphrase)) throw new AppError('keys.passphrase_too_short', { min: MIN_PASSPHRASE_LENGTH });
}

/**
 * Makes this installation's key pair (and its age identity) the first time it is needed. A key
 * file from before sealing gets its age identity here, once, in the same protected file.
 */
export async function loadOrCreateKey(store: KeyStore): Promise<{ key: SealingKey; created: boolean }> {
  const existing = await store.load();
  if (existing?.ageIdentity) return { key: { ...existing, ageIdentity: existing.ageIdentity }, created: false };
  const key = { ...(existing ?? newStoredKey()), ageIdentity: await newAgeIdentity() };
  await store.save(key);
  return { key, created: !existing };
}

/** For the command line and for machines without OS-protected storage. */
export class PassphraseFileKeyStore implements KeyStore {
  /**
   * The passphrase that last opened or sealed the file, so that rotating a key (load, then
   * save) asks the officer once, not twice. It lives no longer than the private key it protects.
   */
  private passphrase: string | null = null;

  constructor(
    private readonly filePath: string,
    private readonly getPassphrase: () => Promise<string>,
  ) {}

  async load(): Promise<StoredKey | null> {
    const json = await readKeyFile(this.filePath);
    if (json === null) return null;
    if (!isPassphraseEnvelope(json)) throw new AppError('keys.key_file_wrong_kind', { path: this.filePath });
    checkVersion(json, this.filePath);
    if (!isKdfAffordable(json)) throw new AppError('keys.kdf_too_costly', { path: this.filePath, limitMb: MAX_KDF_MEMORY / (1024 * 1024) });

    const passphrase = await this.getPassphrase();
    const plain = await openWithPassphrase(json, passphrase);
    const key = plain && decodeStoredKey(plain);
    if (!key) throw new AppError('keys.wrong_passphrase_or_corrupt', { path: this.filePath });
    this.passphrase = passphrase;
    return key;
  }

  async save(key: StoredKey): Promise<void> {
    assertConsistent(key);
    const passphrase = this.passphrase ?? (await this.getPassphrase());
    checkNewPassphrase(passphrase);
    const envelope = await sealWithPassphrase(encodeStoredKey(key), passphrase);
    await writeKeyFile(this.filePath, JSON.stringify(envelope, null, 2));
    this.passphrase = passphrase;
  }
}

/**
 * Protection by the operating system account (Electron's safeStorage: DPAPI on Windows,
 * Keychain on macOS, the secret service on Linux), so officers have no passphrase to forget.
 * The sealer is passed in so this module, and its tests, never load Electron.
 */
export interface Sealer {
  encrypt(plain: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

export class SealedFileKeyStore implements KeyStore {
  constructor(
    private readonly filePath: string,
    private readonly sealer: Sealer,
  ) {}

  async load(): Promise<StoredKey | null> {
    const json = await readKeyFile(this.filePath);
    if (json === null) return null;
    if (isPassphraseEnvelope(json)) throw new AppError('keys.key_file_wrong_kind', { path: this.filePath });
    checkVersion(json, this.filePath);
    const sealed = sealedData(json);
    // Stryker disable next-line ConditionalExpression: without it the sealer fails on null, which is refused the same way below
    if (!sealed) throw new AppError('keys.sealed_key_unreadable', { path: this.filePath });

    let plain: Buffer;
    try {
      plain = this.sealer.decrypt(sealed);
      // Stryker disable next-line BlockStatement: without it nothing is decoded, which is refused the same way below
    } catch {
      // Typically the file was copied from another Windows account or PC, whose protection
      // key this account does not have.
      throw new AppError('keys.sealed_key_unreadable', { path: this.filePath });
    }
    const key = decodeStoredKey(plain);
    if (!key) throw new AppError('keys.sealed_key_unreadable', { path: this.filePath });
    return key;
  }

  async save(key: StoredKey): Promise<void> {
    assertConsistent(key);
    let sealed: Buffer;
    try {
      sealed = this.sealer.encrypt(encodeStoredKey(key));
    } catch {
      throw new AppError('keys.sealing_unavailable');
    }
    const file = { format: 'wardplan-key', v: 1, sealed: 'os', data: sealed.toString('base64') };
    await writeKeyFile(this.filePath, JSON.stringify(file, null, 2));
  }
}

function sealedData(json: object): Buffer | null {
  const { format, sealed, data } = json as Record<string, unknown>;
  if (format !== 'wardplan-key' || sealed !== 'os' || typeof data !== 'string') return null;
  // Stryker disable next-line ConditionalExpression,StringLiteral: empty data decodes to no key, refused the same way
  if (data === '') return null;
  return Buffer.from(data, 'base64');
}

/** The parsed JSON, or null when there is no key file yet. */
async function readKeyFile(filePath: string): Promise<object | null> {
  let text: string;
  try {
    // Stryker disable next-line StringLiteral: a Buffer read without the encoding parses as the same JSON
    text = await readFile(filePath, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new AppError('keys.key_file_unreadable', { path: filePath, reason: code ?? String(err) });
  }
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'object' && json !== null && !Array.isArray(json)) return json;
  } catch {
    // Falls through: damaged text is reported the same way as a damaged structure.
  }
  throw new AppError('keys.wrong_passphrase_or_corrupt', { path: filePath });
}

/** A file from a newer WardPlan deserves "update the app", not "wrong passphrase". */
function checkVersion(json: object, filePath: string): void {
  const { format, v } = json as Record<string, unknown>;
  if (format === 'wardplan-key' && typeof v === 'number' && v !== 1) {
    throw new AppError('keys.key_file_unsupported', { path: filePath, version: v });
  }
}

async function writeKeyFile(filePath: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(filePath, text, { mode: KEY_FILE_MODE });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError('keys.key_file_write_failed', { path: filePath, reason: code ?? String(err) });
  }
}

/** Saving a key whose halves disagree would only fail later, at the city, far from the cause. */
function assertConsistent(key: StoredKey): void {
  if (!parseStoredKey(key)) throw new Error('KeyStore.save: the key is malformed or its public and private halves do not match');
}
