/** `wardplan host`: the app in the officer's own browser, for machines without the desktop shell. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../shared/errors';
import { passphraseFromEnvOrPrompt, PASSPHRASE_ENV_VAR } from '../db/keys/passphrase-prompt';
import { action, langOf, withCommon, type CommonOpts } from '../cli/run';
import { checkNewPassphrase } from '../db/keys/key-store';
import { MIN_PASSPHRASE_LENGTH } from '../db/keys/passphrase-envelope';
import { startBrowserHost } from './browser-host';
import { parsePort } from './port';

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

/**
 * Asks for the key's passphrase once, before serving: a browser page cannot type into this
 * terminal, and a request waiting on a prompt nobody sees would look like a hung app.
 */
async function passphraseOnce(keyFile: string): Promise<() => Promise<string>> {
  if (process.env[PASSPHRASE_ENV_VAR] || !process.stdin.isTTY) return passphraseFromEnvOrPrompt();
  const isNew = !fs.existsSync(keyFile);
  process.stderr.write(
    isNew
      ? `Đặt cụm mật khẩu bảo vệ khóa ký của đơn vị (ít nhất ${MIN_PASSPHRASE_LENGTH} ký tự, không để trống; hãy ghi nhớ, mất cụm mật khẩu là phải đăng ký khóa lại) / Choose the passphrase protecting the signing key (at least ${MIN_PASSPHRASE_LENGTH} characters).\n`
      : 'Nhập cụm mật khẩu của khóa ký / Enter the signing key passphrase.\n',
  );
  const value = await passphraseFromEnvOrPrompt({ confirm: isNew })();
  // Said now, at the prompt, rather than on the page's first call that needs the key.
  if (isNew) checkNewPassphrase(value);
  return async () => value;
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
        const passphrase = await passphraseOnce(`${dbPath}.key`);
        const host = await startBrowserHost({ dbPath, port, passphrase, outDir: o.out ? path.resolve(o.out) : undefined });
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
