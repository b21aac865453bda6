/** The command line's key store, handed to the APIs it calls. */
import { PassphraseFileKeyStore, type KeyStore } from '../db/keys/key-store';
import { passphraseFromEnvOrPrompt } from './passphrase-prompt';

/** The command line keeps the private key beside the database, sealed with the officer's passphrase. */
export function cliKeyStore(dbPath: string, confirm = false): KeyStore {
  return new PassphraseFileKeyStore(`${dbPath}.key`, passphraseFromEnvOrPrompt({ confirm }));
}
