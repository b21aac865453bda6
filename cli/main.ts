import { Command, CommanderError } from 'commander';
import { formatMessage } from '../shared/i18n/messages';
import { registerPlanImportCommand } from './commands-plan-import';
import { registerListCommands } from './commands-lists';
import { registerDirectiveOrderCommand, registerPlanDocumentCommands, registerReportCommands } from './commands-report';
import { registerSyncCommands } from './commands-sync';
import { registerWardCommands } from './commands-ward';
import { registerHostCommand } from './host-command';
import { registerDashboardCommand } from './dashboard-command';
import { registerCityCommands } from './commands-city';
import { registerHubCommand } from './hub-command';
import { registerHubCommands } from './commands-hub';
import { CliFailure, langOf } from './run';

export function buildProgram(): Command {
  const program = new Command('wardplan')
    .description('WardPlan: kế hoạch chuyển đổi số của phường, xã (ward digital-transformation plans)')
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerWardCommands(program);
  registerListCommands(program);
  registerReportCommands(program);
  registerPlanDocumentCommands(program.commands.find((c) => c.name() === 'plan')!);
  registerPlanImportCommand(program.commands.find((c) => c.name() === 'plan')!);
  registerDirectiveOrderCommand(program.commands.find((c) => c.name() === 'directive')!);
  registerSyncCommands(program);
  const city = program.commands.find((c) => c.name() === 'city')!;
  registerCityCommands(city);
  registerDashboardCommand(city);
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
