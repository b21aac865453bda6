/** What every command shares: opening the API on --db, printing results, turning failures into exit codes. */
import fs from 'node:fs';
import { type Command, Option } from 'commander';
import type { Input, Method, Output } from '../shared/api/contract';
import { AppError, appErrorFrom, isAppError } from '../shared/errors';
import { formatMessage, type Lang } from '../shared/i18n/messages';
import { parseNumberVi } from '../shared/rules/format-vi';
import { isReportingPeriodCode, isReportingYear, isValidIsoDate, REPORTING_YEARS } from '../shared/rules/period';
import { toApiError } from '../shared/api/errors';
import { WardApi } from '../db/api/ward-api';

export interface CommonOpts {
  db?: string;
  json?: boolean;
  lang?: Lang;
}

export class CliFailure extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

export function withCommon(cmd: Command, dbRequired = true): Command {
  const db = new Option('--db <path>', 'tệp cơ sở dữ liệu (database file)');
  if (dbRequired) db.makeOptionMandatory(true);
  return cmd
    .addOption(db)
    .option('--json', 'in kết quả dạng JSON (print JSON)')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ thông báo (message language)').choices(['vi', 'en']));
}

export function langOf(opts: CommonOpts): Lang {
  const env = process.env.WARDPLAN_LANG;
  return opts.lang ?? (env === 'en' ? 'en' : 'vi');
}

export function requireDb(opts: CommonOpts): string {
  if (!opts.db) throw new AppError('cli.usage', { detail: '--db' });
  return opts.db;
}

/** Calls one API method on the database named by --db; throws the API's error as an AppError. */
export async function callApi<M extends Method>(opts: CommonOpts, method: M, input: Input<M>): Promise<Output<M>> {
  const api = new WardApi({ dbPath: requireDb(opts) });
  try {
    const r = await api.call(method, input);
    if (!r.ok) throw appErrorFrom(r.error);
    return r.value as Output<M>;
  } finally {
    api.close();
  }
}

export function print(opts: CommonOpts, value: unknown, human: () => string): void {
  process.stdout.write(opts.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

export function reportError(opts: CommonOpts, e: unknown): number {
  const err = toApiError(e);
  const message = formatMessage(langOf(opts), err.code, err.params);
  if (opts.json) process.stdout.write(`${JSON.stringify({ error: { ...err, message } }, null, 2)}\n`);
  process.stderr.write(`${langOf(opts) === 'en' ? 'Error' : 'Lỗi'}: ${message}\n`);
  if (!isAppError(e) && !(e instanceof Error && e.name === 'ZodError') && process.env.WARDPLAN_DEBUG) console.error(e);
  return 1;
}

/** Wraps a command's action so any failure prints a clear message and sets a non-zero exit. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const cmd = args[args.length - 1] as Command;
    const opts = cmd.optsWithGlobals() as CommonOpts;
    try {
      await fn(...args);
    } catch (e) {
      // A command that already printed its own refusal only sets the exit code.
      if (e instanceof CliFailure) throw e;
      throw new CliFailure(reportError(opts, e));
    }
  };
}

/** Numbers as a script writes them (85.87) or as an officer does (85,87; 3.658.476). */
export function parseNumberArg(raw: string, field: string): number {
  const plain = /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : parseNumberVi(raw);
  if (plain === null || !Number.isFinite(plain)) throw new AppError('cli.not_a_number', { value: raw, field });
  return plain;
}

/** A calendar date as YYYY-MM-DD, checked here so a typo gets its own message, not a failure deep inside. */
export function parseDateArg(raw: string, field: string): string {
  const value = raw.trim();
  if (!isValidIsoDate(value)) throw new AppError('cli.bad_date', { value: raw, field });
  return value;
}

/** A whole number of something (megabytes, requests, a supplement's number), digits only. */
export function parseIntArg(raw: string, field: string): number {
  const value = raw.trim();
  if (!/^\d{1,9}$/.test(value)) throw new AppError('cli.not_a_number', { value: raw, field });
  return Number(value);
}

export function parseYearArg(raw: string, field: string): number {
  const value = raw.trim();
  const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!isReportingYear(year)) throw new AppError('cli.bad_year', { value: raw, field, min: REPORTING_YEARS.min, max: REPORTING_YEARS.max });
  return year;
}

export function parsePeriodArg(raw: string, field: string): string {
  const value = raw.trim().toUpperCase();
  if (!isReportingPeriodCode(value)) throw new AppError('cli.bad_period', { value: raw, field, min: REPORTING_YEARS.min, max: REPORTING_YEARS.max });
  return value;
}

export function readInputFile(p: string): Buffer {
  if (!fs.existsSync(p) || !fs.statSync(p).isFile()) throw new AppError('file.not_found', { path: p });
  return fs.readFileSync(p);
}
