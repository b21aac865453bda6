/**
 * Which protection the signing key gets in the desktop app. Takes a safeStorage-shaped object
 * instead of importing Electron, so the decision and both stores are tested without a binary.
 */
import { AppError } from '../shared/errors';
import { SealedFileKeyStore, type KeyStore, type Sealer, type StoredKey } from '../db/keys/key-store';

/** The part of Electron's `safeStorage` used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
}

export type KeyProtection = { kind: 'os'; sealer: Sealer; backend: string } | { kind: 'unavailable'; reason: 'no_os_encryption' | 'plain_text_backend' };

export function chooseKeyProtection(safeStorage: SafeStorageLike, platform: NodeJS.Platform): KeyProtection {
  if (!safeStorage.isEncryptionAvailable()) return { kind: 'unavailable', reason: 'no_os_encryption' };
  let backend = platform === 'win32' ? 'dpapi' : platform === 'darwin' ? 'keychain' : 'unknown';
  if (platform === 'linux') {
    backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    // Without a keyring Chromium "encrypts" with a password compiled into every copy of the
    // browser. Calling that protected would be a lie told to the officer; refuse it instead.
    if (backend === 'basic_text' || backend === 'unknown') return { kind: 'unavailable', reason: 'plain_text_backend' };
  }
  return {
    kind: 'os',
    backend,
    // The stored key is UTF-8 JSON, so the string round trip of safeStorage loses nothing.
    sealer: {
      encrypt: (plain) => safeStorage.encryptString(plain.toString('utf8')),
      decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'utf8'),
    },
  };
}

/**
 * Stands in when the OS cannot protect the key: every key operation is refused with a message
 * that says so (keys.sealing_unavailable), while everything that needs no key keeps working.
 * Not a silent passphrase fallback: the GUI has no passphrase prompt yet, and a key written
 * unprotected would be worse than no key.
 */
export class UnavailableKeyStore implements KeyStore {
  constructor(readonly reason: string) {}

  async load(): Promise<StoredKey | null> {
    throw new AppError('keys.sealing_unavailable', { reason: this.reason });
  }

  async save(): Promise<void> {
    throw new AppError('keys.sealing_unavailable', { reason: this.reason });
  }
}

export function keyStoreFor(protection: KeyProtection, keyFile: string): KeyStore {
  return protection.kind === 'os' ? new SealedFileKeyStore(keyFile, protection.sealer) : new UnavailableKeyStore(protection.reason);
}
