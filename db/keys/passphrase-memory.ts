import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import { MIN_PASSPHRASE_LENGTH, isLongEnough, isPassphraseEnvelope, openWithPassphrase } from './passphrase-envelope';
import { PASSPHRASE_ENV_VAR } from './passphrase-env';

/**
 * The key's passphrase as the officer typed it in the app (the browser host, which has no
 * terminal to ask on). It lives in this process's memory only, for as long as the host runs; until
 * it is given, any call that needs the key answers `keys.passphrase_needed` and the page asks.
 */
export class PassphraseMemory {
  private value: string | null = null;

  constructor(readonly keyFile: string) {}

  get unlocked(): boolean {
    return this.value !== null;
  }

  keyExists(): boolean {
    return fs.existsSync(this.keyFile);
  }

  readonly source = async (): Promise<string> => {
    if (this.value === null) throw new AppError('keys.passphrase_needed', { envVar: PASSPHRASE_ENV_VAR });
    return this.value;
  };

  /** Checks the passphrase against the key file when there is one, so a typo is caught now, not at export. */
  async unlock(passphrase: string): Promise<void> {
    if (!isLongEnough(passphrase)) throw new AppError('keys.passphrase_too_short', { min: MIN_PASSPHRASE_LENGTH });
    if (this.keyExists()) {
      let json: unknown;
      try {
        json = JSON.parse(fs.readFileSync(this.keyFile, 'utf8'));
      } catch {
        throw new AppError('keys.wrong_passphrase_or_corrupt', { path: this.keyFile });
      }
      if (!isPassphraseEnvelope(json)) throw new AppError('keys.key_file_wrong_kind', { path: this.keyFile });
      if (!(await openWithPassphrase(json, passphrase))) throw new AppError('keys.wrong_passphrase_or_corrupt', { path: this.keyFile });
    }
    this.value = passphrase;
  }
}
