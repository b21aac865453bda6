/**
 * The city's commands beyond sync: dashboard accounts (`city user add|passwd|disable`), the city's
 * own report (`city report`) and the exchange files for other systems (`city export`).
 */
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { AppError } from '../shared/errors';
import { addUser, disableUser, setPassword } from '../db/city/accounts';
import { exchangeFile, parseMapping } from '../db/city/exchange';
import { cityReportFile } from '../db/city/report-files';
import { writeFileAtomic } from '../db/fs/atomic-write';
import { passphraseFromEnvOrPrompt } from './passphrase-prompt';
import type { Session } from '../db/session';
import { action, print, readInputFile, withCommon, type CommonOpts } from './run';
import { withSession } from './session';

/** Scripts give the password in this variable; a person types it at the prompt, never as an argument. */
export const USER_PASSWORD_ENV_VAR = 'WARDPLAN_USER_PASSWORD';

async function readPassword(): Promise<string> {
  const fromEnv = process.env[USER_PASSWORD_ENV_VAR];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new AppError('auth.password_needed', { envVar: USER_PASSWORD_ENV_VAR });
  return passphraseFromEnvOrPrompt({ confirm: true, prompt: 'Mật khẩu / Password: ', env: {} })();
}

/** Who acted, for the audit: the operating-system account that ran the command. */
function cliActor(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}

function cityOnly(s: Session): Session {
  if (s.role !== 'city') throw new AppError('sync.city_only');
  return s;
}

export function registerCityCommands(city: Command): void {
  const user = city.command('user').description('tài khoản đăng nhập bảng điều khiển (dashboard accounts)');
  withCommon(user.command('add'))
    .requiredOption('--name <name>', 'tên đăng nhập (user name)')
    .addOption(new Option('--role <role>', 'vai trò (role)').choices(['admin', 'viewer']).makeOptionMandatory(true))
    .action(
      action(async (o: CommonOpts & { name: string; role: 'admin' | 'viewer' }) => {
        const password = await readPassword();
        const u = await withSession(o, (s) => addUser(cityOnly(s), { name: o.name, role: o.role, password }, cliActor()));
        print(o, u, () => `Đã tạo tài khoản ${u.name} (${u.role === 'admin' ? 'quản trị' : 'chỉ xem'}).`);
      }),
    );
  withCommon(user.command('passwd'))
    .requiredOption('--name <name>')
    .action(
      action(async (o: CommonOpts & { name: string }) => {
        const password = await readPassword();
        const u = await withSession(o, (s) => setPassword(cityOnly(s), o.name, password, cliActor()));
        print(o, u, () => `Đã đổi mật khẩu của ${u.name}; các phiên đăng nhập cũ đã bị đóng.`);
      }),
    );
  withCommon(user.command('disable'))
    .requiredOption('--name <name>')
    .action(
      action(async (o: CommonOpts & { name: string }) => {
        const u = await withSession(o, (s) => disableUser(cityOnly(s), o.name, cliActor()));
        print(o, u, () => `Đã khóa tài khoản ${u.name}.`);
      }),
    );

  withCommon(city.command('report').description("báo cáo của Ban Chỉ đạo thành phố (the city's own report)"))
    .requiredOption('--period <period>', 'kỳ báo cáo: 2026-Q3, 2026-H1 hoặc 2026')
    .addOption(new Option('--format <format>').choices(['docx', 'xlsx', 'csv']).default('docx'))
    .addOption(new Option('--table <table>', 'bảng xuất CSV (table for CSV)').choices(['directives', 'completeness', 'indicators', 'wards']))
    .requiredOption('--out <file>')
    .action(
      action(
        async (
          o: CommonOpts & { period: string; format: 'docx' | 'xlsx' | 'csv'; table?: 'directives' | 'completeness' | 'indicators' | 'wards'; out: string },
        ) => {
          const f = await withSession(o, (s) => cityReportFile(cityOnly(s), o.period, o.format, o.table));
          const out = path.resolve(o.out);
          await writeFileAtomic(out, f.data);
          print(o, { path: out, size: f.data.length }, () => `Đã ghi báo cáo ${o.period} ra ${out} (${f.data.length} byte).`);
        },
      ),
    );

  withCommon(city.command('export').description('xuất số liệu chỉ tiêu cho hệ thống khác (DHIS2, ADX, CSV)'))
    .requiredOption('--period <period>')
    .addOption(new Option('--format <format>').choices(['dhis2', 'adx', 'csv']).makeOptionMandatory(true))
    .option('--mapping <file>', 'tệp ánh xạ mã (see docs/interchange.md)')
    .requiredOption('--out <file>')
    .action(
      action(async (o: CommonOpts & { period: string; format: 'dhis2' | 'adx' | 'csv'; mapping?: string; out: string }) => {
        const mapping = o.mapping ? parseMapping(readInputFile(o.mapping).toString('utf8'), o.mapping) : {};
        const f = await withSession(o, (s) => exchangeFile(cityOnly(s), o.period, o.format, mapping));
        const out = path.resolve(o.out);
        await writeFileAtomic(out, f.data);
        print(o, { path: out, size: f.data.length }, () => `Đã ghi ${out} (${f.data.length} byte).`);
      }),
    );
}
