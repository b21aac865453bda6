/** For the commands that drive the network client or the hub's inbox on an open session. */
import { openDatabase } from '../db/database';
import { PassphraseFileKeyStore, type KeyStore } from '../db/keys/key-store';
import { sessionFor, type Session } from '../db/session';
import { passphraseFromEnvOrPrompt } from './passphrase-prompt';
import { requireDb, type CommonOpts } from './run';

export async function withSession<T>(opts: CommonOpts, fn: (s: Session) => Promise<T> | T): Promise<T> {
  const db = openDatabase(requireDb(opts), { mustExist: true });
  try {
    return await fn(sessionFor(db));
  } finally {
    db.close();
  }
}

/** The command line keeps the private key beside the database, sealed with the officer's passphrase. */
export function cliKeyStore(dbPath: string, confirm = false): KeyStore {
  return new PassphraseFileKeyStore(`${dbPath}.key`, passphraseFromEnvOrPrompt({ confirm }));
}
