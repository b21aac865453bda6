/** `wardplan city dashboard`: the city's dashboard in a browser on this PC. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../shared/errors';
import { passphraseFromEnvOrPrompt, PASSPHRASE_ENV_VAR } from './passphrase-prompt';
import { action, langOf, withCommon, type CommonOpts } from './run';
import { startDashboard } from '../server/dashboard/standalone';
import { parsePort } from '../server/port';

/** Asked once before serving: approving an enrollment or publishing the catalog needs the city's key. */
async function passphraseOnce(): Promise<() => Promise<string>> {
  if (process.env[PASSPHRASE_ENV_VAR] || !process.stdin.isTTY) return passphraseFromEnvOrPrompt();
  process.stderr.write('Nhập cụm mật khẩu của khóa ký thành phố / Enter the city signing key passphrase.\n');
  const value = await passphraseFromEnvOrPrompt()();
  return async () => value;
}

export function registerDashboardCommand(city: Command): void {
  withCommon(city.command('dashboard').description('bảng điều khiển của thành phố trong trình duyệt (the city dashboard)'))
    .option('--port <n>', 'cổng; 0 là tự chọn (port; 0 picks a free one)', '0')
    .option('--out <dir>', 'thư mục lưu tài liệu đã tạo (folder for generated documents)')
    .action(
      action(async (o: CommonOpts & { port: string; out?: string }) => {
        const dbPath = path.resolve(o.db!);
        if (!fs.existsSync(dbPath)) throw new AppError('db.not_found', { path: dbPath });
        const port = parsePort(o.port);
        if (port === null) throw new AppError('cli.bad_port', { value: o.port });
        const passphrase = await passphraseOnce();
        const d = await startDashboard({ dbPath, port, passphrase, outDir: o.out ? path.resolve(o.out) : undefined });
        const en = langOf(o) === 'en';
        process.stdout.write(
          en
            ? `The city dashboard is running at ${d.url}\nOpen this address in a browser on this computer. Press Ctrl+C to stop.\n`
            : `Bảng điều khiển của thành phố đang chạy tại ${d.url}\nMở địa chỉ này bằng trình duyệt trên máy này. Nhấn Ctrl+C để dừng.\n`,
        );
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            void d.close().then(resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
      }),
    );
}
