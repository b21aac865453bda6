import { Command, CommanderError } from 'commander';
import { formatMessage, type Lang } from '../shared/i18n/messages';
import { wardCommands } from './commands-ward';
import { listCommands } from './commands-lists';
import { reportCommands } from './commands-report';
import { planImportCommands } from './commands-plan-import';
import { syncCommands } from './commands-sync';
import { cityCommands } from './commands-city';
import { dashboardCommands } from './dashboard-command';
import { hubCommands } from './commands-hub';
import { hostCommands } from './host-command';
import { hubServerCommands } from './hub-command';
import { CliFailure, langOf } from './run';
import { buildFromTable, type CommandSpec } from './table';
import { helpIn, usageDetail } from './commander-lang';
import { cliText, type CliKey } from './texts';

/** Every command, in the order `wardplan --help` lists them. */
export const COMMANDS: CommandSpec[] = [
  ...wardCommands,
  ...listCommands,
  ...reportCommands,
  ...planImportCommands,
  ...syncCommands,
  ...cityCommands,
  ...dashboardCommands,
  ...hubCommands,
  ...hostCommands,
  ...hubServerCommands,
];

/** The words that only group commands, with their help. */
const GROUPS: Partial<Record<string, CliKey>> = {
  unit: 'group.unit',
  directive: 'group.directive',
  plan: 'group.plan',
  tasks: 'group.tasks',
  task: 'group.task',
  indicators: 'group.indicators',
  indicator: 'group.indicator',
  value: 'group.value',
  progress: 'group.progress',
  evidence: 'group.evidence',
  keys: 'group.keys',
  enroll: 'group.enroll',
  bundle: 'group.bundle',
  city: 'group.city',
  'city user': 'group.city.user',
  db: 'group.db',
};

/** The language asked for before Commander has parsed anything: help and usage errors need it too. */
export function langFromArgv(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return given === 'en' || given === 'vi' ? given : langOf({});
}

export function buildProgram(lang: Lang = langOf({})): Command {
  const program = new Command('wardplan')
    .description(cliText(lang, 'help.root'))
    .helpOption('-h, --help', cliText(lang, 'opt.help'))
    .helpCommand('help [command]', cliText(lang, 'opt.help'))
    .exitOverride()
    .showHelpAfterError(false)
    .configureHelp(helpIn(lang))
    // Usage errors are told by main() in the language asked for, not in Commander's English.
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: () => {} });
  buildFromTable(program, COMMANDS, lang, GROUPS);
  // Every sub-command reports usage errors with the same exit code as the root.
  const walk = (c: Command) => c.commands.forEach((sub) => (sub.exitOverride(), walk(sub)));
  walk(program);
  return program;
}

/** Runs the command line; returns the exit code (0 ok, 1 refused, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  const lang = langFromArgv(argv);
  const program = buildProgram(lang);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CliFailure) return e.exitCode;
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      process.stderr.write(`${formatMessage(lang, 'cli.usage', { detail: usageDetail(lang, e) })}\n`);
      return 2;
    }
    throw e;
  }
}
