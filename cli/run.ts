/** What every command shares: its common options, argument parsers, and failures turned into messages and exit codes. */
import fs from 'node:fs';
import { AppError, isAppError } from '../shared/errors';
import { formatMessage, type Lang } from '../shared/i18n/messages';
import { parseNumberVi } from '../shared/rules/format-vi';
import { isReportingPeriodCode, isReportingYear, isValidIsoDate, REPORTING_YEARS } from '../shared/rules/period';
import { toApiError } from '../shared/api/errors';
import { cliText } from './texts';

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

export function langOf(opts: CommonOpts): Lang {
  const env = process.env.WARDPLAN_LANG;
  return opts.lang ?? (env === 'en' ? 'en' : 'vi');
}

export function requireDb(opts: CommonOpts): string {
  if (!opts.db) throw new AppError('cli.usage', { detail: '--db' });
  return opts.db;
}

export function reportError(opts: CommonOpts, e: unknown): number {
  const err = toApiError(e);
  const message = formatMessage(langOf(opts), err.code, err.params);
  if (opts.json) process.stdout.write(`${JSON.stringify({ error: { ...err, message } }, null, 2)}\n`);
  process.stderr.write(`${cliText(langOf(opts), 'word.error')}: ${message}\n`);
  if (!isAppError(e) && !(e instanceof Error && e.name === 'ZodError') && process.env.WARDPLAN_DEBUG) console.error(e);
  return 1;
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

/**
 * Keeps a server command running until Ctrl+C or the service manager's stop, then closes it
 * gracefully (requests under way finish, the database closes last) before the command returns.
 */
export function untilStopped(close: () => Promise<unknown>, onStop?: () => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      onStop?.();
      void close().then(() => resolve());
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
