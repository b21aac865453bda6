/**
 * Commander's own words in the language asked for: the help's headings, `[options]` and
 * `[command]` in usage lines, an option's choices and default, and its usage errors. Commander
 * writes them in English. Its help is adjusted through `configureHelp` (`styleTitle` is the hook
 * it calls with every heading); its errors carry only a code and an English sentence, so each is
 * told again from its code and the names the sentence quotes (Commander 14's wording).
 */
import { Help, type CommanderError, type HelpConfiguration, type Option } from 'commander';
import type { Lang } from '../shared/i18n/messages';
import { cliText, type CliKey } from './texts';

const HEADINGS: Partial<Record<string, CliKey>> = {
  'Usage:': 'commander.usage',
  'Arguments:': 'commander.arguments',
  'Options:': 'commander.options',
  'Global Options:': 'commander.global_options',
  'Commands:': 'commander.commands',
};

export function helpIn(lang: Lang): HelpConfiguration {
  const t = (key: CliKey, params?: Record<string, string | number>) => cliText(lang, key, params);
  const plain = new Help();
  const placeholders = (s: string) => s.replaceAll('[options]', t('commander.options_placeholder')).replaceAll('[command]', t('commander.command_placeholder'));
  return {
    styleTitle: (title) => {
      const key = HEADINGS[title];
      return key ? t(key) : title;
    },
    commandUsage: (cmd) => placeholders(plain.commandUsage(cmd)),
    subcommandTerm: (cmd) => placeholders(plain.subcommandTerm(cmd)),
    optionDescription: (option: Option) => {
      const extra: string[] = [];
      if (option.argChoices) extra.push(t('commander.choices', { list: option.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
      // As Commander does: a default is shown for options that take a value.
      if (option.defaultValue !== undefined && (option.required || option.optional))
        extra.push(t('commander.default', { value: option.defaultValueDescription ?? JSON.stringify(option.defaultValue) }));
      return extra.length ? [option.description, `(${extra.join(', ')})`].filter(Boolean).join(' ') : option.description;
    },
  };
}

/** What was wrong with the command typed, in the language asked for: the detail of `cli.usage`. */
export function usageDetail(lang: Lang, e: CommanderError): string {
  const t = (key: CliKey, params?: Record<string, string | number>) => cliText(lang, key, params);
  const quoted = [...e.message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  const first = quoted[0] ?? '';
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)/.exec(e.message)?.[1];
  const detail = (() => {
    switch (e.code) {
      case 'commander.unknownOption':
        return t('commander.unknown_option', { flag: first });
      case 'commander.unknownCommand':
        return t('commander.unknown_command', { name: first });
      case 'commander.missingArgument':
        return t('commander.missing_argument', { name: first });
      case 'commander.optionMissingArgument':
        return t('commander.option_needs_value', { flag: first });
      case 'commander.missingMandatoryOptionValue':
        return t('commander.missing_option', { flag: first });
      case 'commander.invalidArgument': {
        const choices = /^error: option '[^']*' argument '[^']*' is invalid\. Allowed choices are (.*)\.$/.exec(e.message)?.[1];
        if (choices) return t('commander.bad_choice', { flag: first, value: quoted[1] ?? '', choices });
        break;
      }
      case 'commander.excessArguments': {
        const counts = /Expected (\d+) arguments? but got (\d+)/.exec(e.message);
        if (counts) return t('commander.too_many_arguments', { expected: counts[1]!, got: counts[2]! });
        break;
      }
      // A group's name alone (`wardplan unit`): Commander has printed the group's help.
      case 'commander.help':
        return t('commander.command_missing');
    }
    return e.message.replace(/^error: /, '');
  })();
  return suggestion ? `${detail} ${t('commander.did_you_mean', { names: suggestion })}` : detail;
}
