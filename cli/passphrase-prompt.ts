import readline from 'node:readline';
import { Writable } from 'node:stream';
import { AppError } from '../shared/errors';
import { PASSPHRASE_ENV_VAR, passphraseFromEnv } from '../db/keys/passphrase-env';

export { PASSPHRASE_ENV_VAR };

export interface PassphrasePromptOptions {
  /** Ask twice and compare: for a passphrase that is about to protect a new file. */
  confirm?: boolean;
  /** Text shown before the typing; bilingual by default because it runs before any language is chosen. */
  prompt?: string;
  /** Seams for tests; default to the real process. */
  env?: NodeJS.ProcessEnv;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream;
}

/**
 * Where the passphrase comes from: the environment for scripts (the city's batch import), or
 * the terminal with echo off for a person. Never from a command-line argument, which any user
 * of the machine can read in the process list and which lands in shell history.
 *
 * The lookup happens when the returned function is called, not now, so nobody is asked for a
 * passphrase that turns out not to be needed (no key file yet, nothing to open).
 */
export function passphraseFromEnvOrPrompt(opts: PassphrasePromptOptions = {}): () => Promise<string> {
  return async () => {
    const env = opts.env ?? process.env;
    const input = opts.input ?? process.stdin;
    const output = opts.output ?? process.stderr;
    // A script's passphrase, or its refusal when there is none and nobody at a terminal to ask.
    if (env[PASSPHRASE_ENV_VAR] || !input.isTTY) return passphraseFromEnv(env)();

    const first = await askHidden(input, output, opts.prompt ?? 'Cụm mật khẩu / Passphrase: ');
    if (!opts.confirm) return first;
    const second = await askHidden(input, output, 'Nhập lại / Repeat: ');
    if (first !== second) throw new AppError('keys.passphrase_mismatch');
    return first;
  };
}

/**
 * One line from the terminal without echoing it. readline still handles the editing keys
 * (backspace, arrows, paste); only what it would draw on screen is swallowed after the prompt.
 * Output goes to stderr by default so the passphrase dialogue never mixes with a command's
 * real output on stdout.
 */
function askHidden(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let muted = false;
    let settled = false;
    const screen = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        if (!muted) output.write(chunk);
        callback();
      },
    });
    const rl = readline.createInterface({ input, output: screen, terminal: true });

    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      // Stryker disable next-line BooleanLiteral: nothing writes to the screen after this; unmuting is for tidiness
      muted = false;
      // The Enter key's newline was swallowed too; without this the next output shares the line.
      output.write('\n');
      rl.close();
      fn();
    };
    rl.on('SIGINT', () => finish(() => reject(new AppError('keys.passphrase_cancelled'))));
    rl.on('close', () => finish(() => reject(new AppError('keys.passphrase_cancelled'))));
    rl.question(prompt, (answer) => finish(() => resolve(answer)));
    muted = true;
  });
}
