import { Command, CommanderError } from 'commander';
import { formatMessage } from '../shared/i18n/messages';
import { registerPlanDocumentCommands, registerReportCommands } from './commands-report';
import { registerSyncCommands } from './commands-sync';
import { registerWardCommands } from './commands-ward';
import { registerHostCommand } from '../server/cli-host';
import { registerHubCommand } from '../server/hub/command';
import { registerHubCommands } from './commands-hub';
import { CliFailure, langOf } from './run';

export function buildProgram(): Command {
  const program = new Command('wardplan')
    .description('WardPlan: kế hoạch chuyển đổi số của phường, xã (ward digital-transformation plans)')
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerWardCommands(program);
  registerReportCommands(program);
  registerPlanDocumentCommands(program.commands.find((c) => c.name() === 'plan')!);
  registerSyncCommands(program);
  registerHostCommand(program);
  registerHubCommands(program);
  registerHubCommand(program);
  // Every sub-command reports usage errors with the same exit code as the root.
  const walk = (c: Command) => c.commands.forEach((sub) => (sub.exitOverride(), walk(sub)));
  walk(program);
  return program;
}

/** Runs the command line; returns the exit code (0 ok, 1 refused, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CliFailure) return e.exitCode;
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      process.stderr.write(`${formatMessage(langOf({}), 'cli.usage', { detail: e.message.replace(/^error: /, '') })}\n`);
      return 2;
    }
    throw e;
  }
}
