import { AppError } from '../../shared/errors';

export const PASSPHRASE_ENV_VAR = 'WARDPLAN_PASSPHRASE';

/**
 * The passphrase a script gives in the environment, read when the key is first needed. The core
 * never asks at a terminal: a host that has a person at hand passes its own source (the command
 * line's hidden prompt, the page's unlock form, the desktop's protected store).
 */
export function passphraseFromEnv(env: NodeJS.ProcessEnv = process.env): () => Promise<string> {
  return async () => {
    // An empty value is far more often a missing CI secret than a real passphrase.
    const fromEnv = env[PASSPHRASE_ENV_VAR];
    if (fromEnv) return fromEnv;
    throw new AppError('keys.passphrase_needed', { envVar: PASSPHRASE_ENV_VAR });
  };
}
