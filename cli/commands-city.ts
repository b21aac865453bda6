/**
 * The city's commands beyond sync: dashboard accounts (`city user add|passwd|disable`), the city's
 * own report (`city report`) and the exchange files for other systems (`city export`), through CityApi.
 */
import path from 'node:path';
import { citySchemas, cityReportFormat, cityReportTable, exchangeFormat } from '../shared/api/contract-city';
import { AppError } from '../shared/errors';
import { parseMapping } from '../db/city/exchange';
import { passphraseFromEnvOrPrompt } from './passphrase-prompt';
import { readInputFile } from './run';
import { command, fieldOption, type CommandSpec } from './table';

/** Scripts give the password in this variable; a person types it at the prompt, never as an argument. */
const USER_PASSWORD_ENV_VAR = 'WARDPLAN_USER_PASSWORD';

async function readPassword(): Promise<string> {
  const fromEnv = process.env[USER_PASSWORD_ENV_VAR];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new AppError('auth.password_needed', { envVar: USER_PASSWORD_ENV_VAR });
  return passphraseFromEnvOrPrompt({ confirm: true, prompt: 'Mật khẩu / Password: ', env: {} })();
}

const nameOption = { flags: '--name <name>', help: 'opt.user_name', required: true } as const;

export const cityCommands: CommandSpec[] = [
  command({
    name: 'city user add',
    help: 'help.city.user.add',
    options: [nameOption, fieldOption(citySchemas['city.users.add'], 'role', '--role <role>', 'opt.role')],
    run: async (ctx) => {
      const password = await readPassword();
      return ctx.city('city.users.add', { name: String(ctx.o.name), role: ctx.o.role as 'admin' | 'viewer', password });
    },
    print: (u, ctx) => ctx.t('user.added', { name: u.name, role: ctx.t(u.role === 'admin' ? 'user.role.admin' : 'user.role.viewer') }),
  }),
  command({
    name: 'city user passwd',
    help: 'help.city.user.passwd',
    options: [nameOption],
    run: async (ctx) => {
      const password = await readPassword();
      return ctx.city('city.users.passwd', { name: String(ctx.o.name), password });
    },
    print: (u, ctx) => ctx.t('user.password_set', { name: u.name }),
  }),
  command({
    name: 'city user disable',
    help: 'help.city.user.disable',
    options: [nameOption],
    run: (ctx) => ctx.city('city.users.disable', { name: String(ctx.o.name) }),
    print: (u, ctx) => ctx.t('user.disabled', { name: u.name }),
  }),
  command({
    name: 'city report',
    help: 'help.city.report',
    options: [
      { flags: '--period <period>', help: 'opt.report_period', required: true },
      { flags: '--format <format>', help: 'opt.doc_format', choices: cityReportFormat.options, default: 'docx' },
      { flags: '--table <table>', help: 'opt.csv_table', choices: cityReportTable.options },
      { flags: '--out <file>', help: 'opt.doc_out', required: true },
    ],
    run: async (ctx) => {
      const out = path.resolve(String(ctx.o.out));
      const f = await ctx.city(
        'city.report',
        {
          period: String(ctx.o.period),
          format: ctx.o.format as 'docx' | 'xlsx' | 'csv',
          table: ctx.o.table as 'directives' | 'completeness' | 'indicators' | 'wards' | undefined,
        },
        { documentPath: () => out },
      );
      return { path: f.path, size: f.size };
    },
    print: (r, ctx) => ctx.t('city.report_file', { period: String(ctx.o.period), path: r.path, size: r.size }),
  }),
  command({
    name: 'city export',
    help: 'help.city.export',
    options: [
      { flags: '--period <period>', help: 'opt.report_period', required: true },
      { flags: '--format <format>', help: 'opt.exchange_format', choices: exchangeFormat.options, required: true },
      { flags: '--mapping <file>', help: 'opt.mapping' },
      { flags: '--out <file>', help: 'opt.doc_out', required: true },
    ],
    run: async (ctx) => {
      const file = typeof ctx.o.mapping === 'string' ? ctx.o.mapping : undefined;
      const mapping = file ? parseMapping(readInputFile(file).toString('utf8'), file) : undefined;
      const out = path.resolve(String(ctx.o.out));
      const f = await ctx.city(
        'city.export',
        { period: String(ctx.o.period), format: ctx.o.format as 'dhis2' | 'adx' | 'csv', mapping },
        { documentPath: () => out },
      );
      return { path: f.path, size: f.size };
    },
    print: (r, ctx) => ctx.t('file.written', { path: r.path, size: r.size }),
  }),
];
