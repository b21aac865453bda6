import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { passphraseFromEnvOrPrompt } from './passphrase-prompt';

/** A stand-in terminal: readline drives it exactly as it drives a real one in raw mode. */
function terminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => {
    shown += chunk.toString('utf8');
  });
  return { input, output, shown: () => shown };
}

/** Types `text` once the prompt is on screen, as a person would. */
function typeWhenAsked(t: ReturnType<typeof terminal>, answers: string[]) {
  let asked = 0;
  t.output.on('data', (chunk: Buffer) => {
    if (/Passphrase|Repeat/.test(chunk.toString('utf8')) && asked < answers.length) {
      const answer = answers[asked++]!;
      setImmediate(() => t.input.write(answer));
    }
  });
}

describe('passphraseFromEnvOrPrompt', () => {
  it('takes WARDPLAN_PASSPHRASE from the environment without touching the terminal', async () => {
    const t = terminal();
    const get = passphraseFromEnvOrPrompt({ env: { WARDPLAN_PASSPHRASE: 'from the script' }, input: t.input, output: t.output });
    await expect(get()).resolves.toBe('from the script');
    expect(t.shown()).toBe('');
  });

  it('reads the environment when called, not when created', async () => {
    const env: NodeJS.ProcessEnv = {};
    const get = passphraseFromEnvOrPrompt({ env, input: terminal().input });
    env.WARDPLAN_PASSPHRASE = 'set later';
    await expect(get()).resolves.toBe('set later');
  });

  it('asks on the terminal without echoing what is typed', async () => {
    const t = terminal();
    typeWhenAsked(t, ['bí mật phường\r']);
    const get = passphraseFromEnvOrPrompt({ env: {}, input: t.input, output: t.output });
    await expect(get()).resolves.toBe('bí mật phường');
    expect(t.shown()).toContain('Passphrase');
    expect(t.shown()).not.toContain('bí');
  });

  it('honours backspace while typing blind', async () => {
    const t = terminal();
    typeWhenAsked(t, ['secretX\x7f-pass\r']);
    const get = passphraseFromEnvOrPrompt({ env: {}, input: t.input, output: t.output });
    await expect(get()).resolves.toBe('secret-pass');
  });

  it('asks twice when confirming and accepts matching answers', async () => {
    const t = terminal();
    typeWhenAsked(t, ['same words here\r', 'same words here\r']);
    const get = passphraseFromEnvOrPrompt({ confirm: true, env: {}, input: t.input, output: t.output });
    await expect(get()).resolves.toBe('same words here');
  });

  it('refuses two different answers when confirming', async () => {
    const t = terminal();
    typeWhenAsked(t, ['same words here\r', 'same word here\r']);
    const get = passphraseFromEnvOrPrompt({ confirm: true, env: {}, input: t.input, output: t.output });
    await expect(get()).rejects.toMatchObject({ code: 'keys.passphrase_mismatch' });
  });

  it('treats Ctrl-C as cancelling', async () => {
    const t = terminal();
    typeWhenAsked(t, ['half\x03']);
    const get = passphraseFromEnvOrPrompt({ env: {}, input: t.input, output: t.output });
    await expect(get()).rejects.toMatchObject({ code: 'keys.passphrase_cancelled' });
  });

  it('explains how to pass the passphrase when there is no terminal and no variable', async () => {
    const notATerminal = new PassThrough();
    const get = passphraseFromEnvOrPrompt({ env: { WARDPLAN_PASSPHRASE: '' }, input: notATerminal });
    await expect(get()).rejects.toMatchObject({
      code: 'keys.passphrase_needed',
      params: { envVar: 'WARDPLAN_PASSPHRASE' },
    });
  });

  it('treats the end of input (Ctrl-D) as cancelling, and ends the prompt line either way', async () => {
    const t = terminal();
    t.output.on('data', (chunk: Buffer) => {
      if (/Passphrase/.test(chunk.toString('utf8'))) setImmediate(() => t.input.end());
    });
    const get = passphraseFromEnvOrPrompt({ env: {}, input: t.input, output: t.output });
    await expect(get()).rejects.toMatchObject({ code: 'keys.passphrase_cancelled' });
    expect(t.shown()).toMatch(/Passphrase: [^]*\n$/);

    const typed = terminal();
    typeWhenAsked(typed, ['bí mật phường\r']);
    await expect(passphraseFromEnvOrPrompt({ env: {}, input: typed.input, output: typed.output })()).resolves.toBe('bí mật phường');
    expect(typed.shown()).toMatch(/\n$/);
  });

  it('Ctrl-C says cancelled in words the officer can read', async () => {
    const t = terminal();
    typeWhenAsked(t, ['x\x03']);
    const err = await passphraseFromEnvOrPrompt({ env: {}, input: t.input, output: t.output })().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'keys.passphrase_cancelled', params: {} });
  });
});
