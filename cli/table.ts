/**
 * The command line as a table: each command is one entry naming its words, its arguments and
 * options, what it calls (an API method of WardApi or CityApi) and how its answer is printed.
 * Commander is built from the table in the chosen language, so usage and help come from it too.
 * Adding a command is adding one entry to one of the cli/commands-*.ts tables.
 */
import os from 'node:os';
import { type Command, Option } from 'commander';
import type { z } from 'zod';
import type { Input, Method, Output, Progress } from '../shared/api/contract';
import type { CityInput, CityMethod, CityOutput } from '../shared/api/contract-city';
import { appErrorFrom } from '../shared/errors';
import type { Lang } from '../shared/i18n/messages';
import type { KeyStore } from '../db/keys/key-store';
import { CliFailure, reportError, requireDb, type CommonOpts } from './run';
import { WardApi } from '../db/api/ward-api';
import { cliKeyStore } from './session';
import { cliText, type CliKey } from './texts';

export interface OptionSpec {
  /** As Commander writes it: '--period <period>', '--full'. */
  flags: string;
  help?: CliKey;
  required?: boolean;
  choices?: readonly string[];
  default?: string;
  /** Repeatable (--recipient a --recipient b), collected into a list. */
  repeat?: boolean;
}

export interface CliContext {
  /** Every option, the parent commands' included. */
  o: CommonOpts & Record<string, unknown>;
  /** The positional arguments, in order. */
  args: string[];
  lang: Lang;
  t(key: CliKey, params?: Record<string, string | number>): string;
  /** One method of the ward's API on --db (which only a method that can do without may lack). */
  ward<M extends Method>(method: M, input: Input<M>, opts?: WardCallOptions<M>): Promise<Output<M>>;
  /** One method of the city's API on --db, as the person at this terminal (an administrator). */
  city<M extends CityMethod>(method: M, input: CityInput<M>, host?: CityHostOptions): Promise<CityOutput<M>>;
  /** The key beside --db, its passphrase asked at this terminal (twice when the key is new and `confirm`). */
  keyStore(confirm?: boolean): KeyStore;
}

export interface WardCallOptions<M extends Method = Method> {
  /** The method can do without a database (a bare template). */
  databaseOptional?: boolean;
  /** The method may make the key: its passphrase is then asked twice. */
  newKey?: boolean;
  /** Each progress report of a long method (a send's bytes), as it comes. */
  onProgress?: (event: Progress<M>) => void;
}

export interface CityHostOptions {
  documentPath?: (fileName: string) => string;
  catalogDir?: string;
  keyStore?: () => KeyStore;
}

export interface CommandSpec<R = unknown> {
  /** The words after `wardplan`: 'report approve'. */
  name: string;
  help?: CliKey;
  /** Positional arguments as Commander writes them: '<file>', '<codes...>'. */
  args?: string[];
  /** --db is required unless 'optional' (commands that also work without a database). */
  db?: 'required' | 'optional';
  options?: OptionSpec[];
  /** Does the work, with the positional arguments in order; returns what is printed. */
  run(ctx: CliContext, ...args: never[]): Promise<R>;
  /** The answer for a person; --json prints the answer itself. Absent: the command printed already. */
  print?(r: R, ctx: CliContext): string;
  /** A non-zero exit for an answer that reports a refusal (a bundle refused among several). */
  exitCode?(r: R): number;
}

/** An entry, typed by what it returns, so its printer sees the method's output type. */
export function command<R>(spec: CommandSpec<R>): CommandSpec {
  return spec as unknown as CommandSpec;
}

type Shape = Record<string, z.ZodType>;

/**
 * An option for a field of a method's schema: required when the field is, its choices when the
 * field is an enum, so the command line cannot drift from the contract.
 */
export function fieldOption(schema: { shape: Shape }, field: string, flags: string, help?: CliKey): OptionSpec {
  const type = schema.shape[field];
  if (!type) throw new Error(`no field ${field} in the schema`);
  const optional = type.safeParse(undefined).success;
  const inner = (type as unknown as { unwrap?: () => z.ZodType }).unwrap?.() ?? type;
  const choices = (inner as unknown as { options?: unknown[] }).options;
  return {
    flags,
    help,
    required: !optional,
    choices: Array.isArray(choices) && choices.every((c) => typeof c === 'string') ? (choices as string[]) : undefined,
  };
}

/** --db, --json and --lang: on every command. */
function addCommonOptions(cmd: Command, t: CliContext['t'], dbRequired: boolean): void {
  const db = new Option('--db <path>', t('opt.db'));
  if (dbRequired) db.makeOptionMandatory(true);
  cmd.addOption(db).option('--json', t('opt.json'));
  cmd.addOption(new Option('--lang <lang>', t('opt.lang')).choices(['vi', 'en']));
}

/** Who acted, for the audit: the operating-system account that ran the command. */
export function cliActor(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}

function contextFor(o: CommonOpts & Record<string, unknown>, args: string[], lang: Lang): CliContext {
  const t = (key: CliKey, params?: Record<string, string | number>) => cliText(lang, key, params);
  // A method that can do without a database gets a path that names none.
  const dbPath = (optional = false) => (optional && !o.db ? '' : requireDb(o));
  const ctx: CliContext = {
    o,
    args,
    lang,
    t,
    keyStore: (confirm = false) => cliKeyStore(dbPath(), confirm),
    async ward(method, input, opts = {}) {
      const api = new WardApi({ dbPath: dbPath(opts.databaseOptional), keyStore: () => ctx.keyStore(opts.newKey) });
      try {
        const onProgress = opts.onProgress as ((event: unknown) => void) | undefined;
        const r = await api.call(method, input, { onProgress });
        if (!r.ok) throw appErrorFrom(r.error);
        return r.value as Output<typeof method>;
      } finally {
        api.close();
      }
    },
    async city(method, input, host = {}) {
      const { CityApi } = await import('../db/api/city-api');
      const api = new CityApi({ dbPath: dbPath(), keyStore: host.keyStore ?? (() => ctx.keyStore()), ...host });
      try {
        const r = await api.call(method, input, { name: cliActor(), role: 'admin' });
        if (!r.ok) throw appErrorFrom(r.error);
        return r.value as CityOutput<typeof method>;
      } finally {
        api.close();
      }
    },
  };
  return ctx;
}

function print(ctx: CliContext, value: unknown, human: string): void {
  process.stdout.write(ctx.o.json ? `${JSON.stringify(value, null, 2)}\n` : `${human}\n`);
}

/** Finds or makes the command for `words`, with a group's help for the words that name a group. */
function commandAt(root: Command, words: string[], lang: Lang, groups: Partial<Record<string, CliKey>>): Command {
  let at = root;
  words.forEach((w, i) => {
    let next = at.commands.find((c) => c.name() === w);
    if (!next) {
      next = at.command(w);
      const key = groups[words.slice(0, i + 1).join(' ')];
      if (key) next.description(cliText(lang, key));
      next.helpOption('-h, --help', cliText(lang, 'opt.help'));
      next.helpCommand('help [command]', cliText(lang, 'opt.help'));
    }
    at = next;
  });
  return at;
}

export function buildFromTable(root: Command, table: CommandSpec[], lang: Lang, groups: Partial<Record<string, CliKey>>): void {
  for (const spec of table) {
    const cmd = commandAt(root, spec.name.split(' '), lang, groups);
    if (spec.help) cmd.description(cliText(lang, spec.help));
    for (const a of spec.args ?? []) cmd.argument(a);
    addCommonOptions(cmd, (k) => cliText(lang, k), spec.db !== 'optional');
    for (const opt of spec.options ?? []) {
      const option = new Option(opt.flags, opt.help ? cliText(lang, opt.help) : '');
      if (opt.required) option.makeOptionMandatory(true);
      if (opt.choices) option.choices([...opt.choices]);
      if (opt.default !== undefined) option.default(opt.default);
      if (opt.repeat) option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
      cmd.addOption(option);
    }
    cmd.action(async (...raw: unknown[]) => {
      // Commander passes the positional arguments, then the options, then the command.
      const self = raw[raw.length - 1] as Command;
      const o = self.optsWithGlobals() as CommonOpts & Record<string, unknown>;
      const args = raw.slice(0, -2) as string[];
      const ctx = contextFor(o, args, o.lang ?? lang);
      try {
        const r = await (spec.run as (c: CliContext, ...a: unknown[]) => Promise<unknown>)(ctx, ...args);
        if (spec.print) print(ctx, r, spec.print(r, ctx));
        const code = spec.exitCode?.(r) ?? 0;
        if (code !== 0) throw new CliFailure(code);
      } catch (e) {
        // A command that already printed its own refusal only sets the exit code.
        if (e instanceof CliFailure) throw e;
        throw new CliFailure(reportError(o, e));
      }
    });
  }
}
