/** `wardplan host`: the app in the officer's own browser, for machines without the desktop shell. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { untilStopped, type CommonOpts } from './run';
import { command, type CommandSpec } from './table';
import { parsePort } from '../server/port';

interface HostOpts extends CommonOpts {
  port: string;
  open?: boolean;
  out?: string;
}

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // The URL is printed anyway; a missing browser launcher is not a reason to stop.
  }
}

export const hostCommands: CommandSpec[] = [
  command({
    name: 'host',
    help: 'help.host',
    options: [
      { flags: '--port <n>', help: 'opt.port_free', default: '0' },
      { flags: '--open', help: 'opt.open' },
      { flags: '--out <dir>', help: 'opt.host_out' },
    ],
    run: async (ctx) => {
      const o = ctx.o as unknown as HostOpts;
      const dbPath = path.resolve(o.db!);
      if (!fs.existsSync(path.dirname(dbPath))) throw new AppError('db.folder_missing', { path: path.dirname(dbPath) });
      const port = parsePort(o.port);
      if (port === null) throw new AppError('cli.bad_port', { value: o.port });
      // The passphrase is asked in the page (or read from the environment), never at this terminal.
      const { startBrowserHost } = await import('../server/browser-host');
      const host = await startBrowserHost({ dbPath, port, outDir: o.out ? path.resolve(o.out) : undefined });
      process.stdout.write(`${ctx.t('host.running', { url: host.url })}\n`);
      if (o.open) openBrowser(host.url);
      await untilStopped(
        () => host.close(),
        () => process.stdout.write(`${ctx.t('host.stopping')}\n`),
      );
    },
  }),
];
