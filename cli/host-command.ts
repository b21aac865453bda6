/** `wardplan host`: the app in the officer's own browser, for machines without the desktop shell. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../shared/errors';
import { action, langOf, withCommon, type CommonOpts } from './run';
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

export function registerHostCommand(program: Command): void {
  withCommon(program.command('host').description('mở ứng dụng trong trình duyệt trên máy này (serve the app to a local browser)'))
    .option('--port <n>', 'cổng; 0 là tự chọn cổng trống (port; 0 picks a free one)', '0')
    .option('--open', 'mở trình duyệt ngay (open the browser)')
    .option('--out <dir>', 'thư mục ghi gói đồng bộ và bản sao lưu (folder for bundles and backups)')
    .action(
      action(async (o: HostOpts) => {
        const dbPath = path.resolve(o.db!);
        if (!fs.existsSync(path.dirname(dbPath))) throw new AppError('db.folder_missing', { path: path.dirname(dbPath) });
        const port = parsePort(o.port);
        if (port === null) throw new AppError('cli.bad_port', { value: o.port });
        // The passphrase is asked in the page (or read from the environment), never at this terminal.
        const { startBrowserHost } = await import('../server/browser-host');
        const host = await startBrowserHost({ dbPath, port, outDir: o.out ? path.resolve(o.out) : undefined });
        const en = langOf(o) === 'en';
        process.stdout.write(
          en
            ? `WardPlan is running at ${host.url}\nOpen this address in a browser on this computer. Press Ctrl+C to stop.\n`
            : `WardPlan đang chạy tại ${host.url}\nMở địa chỉ này bằng trình duyệt trên máy này. Nhấn Ctrl+C để dừng.\n`,
        );
        if (o.open) openBrowser(host.url);
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            process.stdout.write(en ? 'Stopping…\n' : 'Đang dừng…\n');
            void host.close().then(resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
      }),
    );
}
