/** `wardplan city dashboard`: the city's dashboard in a browser on this PC. */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { passphraseFromEnvOrPrompt, PASSPHRASE_ENV_VAR } from './passphrase-prompt';
import { untilStopped, type CommonOpts } from './run';
import { command, type CommandSpec } from './table';
import { parsePort } from '../server/port';

/** Asked once before serving: approving an enrollment or publishing the catalog needs the city's key. */
async function passphraseOnce(): Promise<() => Promise<string>> {
  if (process.env[PASSPHRASE_ENV_VAR] || !process.stdin.isTTY) return passphraseFromEnvOrPrompt();
  process.stderr.write('Nhập cụm mật khẩu của khóa ký thành phố / Enter the city signing key passphrase.\n');
  const value = await passphraseFromEnvOrPrompt()();
  return async () => value;
}

export const dashboardCommands: CommandSpec[] = [
  command({
    name: 'city dashboard',
    help: 'help.city.dashboard',
    options: [
      { flags: '--port <n>', help: 'opt.port_free', default: '0' },
      { flags: '--out <dir>', help: 'opt.dashboard_out' },
    ],
    run: async (ctx) => {
      const o = ctx.o as unknown as CommonOpts & { port: string; out?: string };
      const dbPath = path.resolve(o.db!);
      if (!fs.existsSync(dbPath)) throw new AppError('db.not_found', { path: dbPath });
      const port = parsePort(o.port);
      if (port === null) throw new AppError('cli.bad_port', { value: o.port });
      const passphrase = await passphraseOnce();
      // The server's libraries load only here: every other command starts without them.
      const { startDashboard } = await import('../server/dashboard/standalone');
      const d = await startDashboard({ dbPath, port, passphrase, outDir: o.out ? path.resolve(o.out) : undefined });
      process.stdout.write(`${ctx.t('dashboard.running', { url: d.url })}\n`);
      await untilStopped(() => d.close());
    },
  }),
];
