import { describe, expect, it } from 'vitest';
import { passphraseFromEnv } from './passphrase-env';

describe('passphraseFromEnv', () => {
  it('gives the passphrase a script set', async () => {
    await expect(passphraseFromEnv({ WARDPLAN_PASSPHRASE: 'bí mật phường' })()).resolves.toBe('bí mật phường');
  });

  it('refuses, naming the variable, when none is set or it is empty: the core never prompts', async () => {
    for (const env of [{}, { WARDPLAN_PASSPHRASE: '' }]) {
      await expect(passphraseFromEnv(env)()).rejects.toMatchObject({ code: 'keys.passphrase_needed', params: { envVar: 'WARDPLAN_PASSPHRASE' } });
    }
  });
});
