/**
 * The plan import's errors. Codes are typed against shared/i18n/messages-plan-import.ts (and the
 * row codes it shares with the template import), so a code without a message does not compile.
 */
import { AppError, type ErrorParams } from '../../shared/errors';
import type { PlanImportErrorCode } from '../../shared/i18n/messages-plan-import';
import type { ReportsErrorCode } from '../../shared/i18n/messages-reports';
import type { ImportIssue } from '../../shared/api/contract-plan-import';

export type IssueCode = PlanImportErrorCode | Extract<ReportsErrorCode, `plan_import.${string}`>;

export function importError(code: PlanImportErrorCode, params: ErrorParams = {}): AppError {
  return new AppError(code, params);
}

export function issue(code: IssueCode, params: ErrorParams = {}): ImportIssue {
  return { code, params };
}

/** Rows with errors in an all-or-nothing import: the whole import is refused and every row is named. */
export class ImportRowsError extends AppError {
  readonly rows: Array<{ row: number; reasons: ImportIssue[] }>;

  constructor(rows: Array<{ row: number; reasons: ImportIssue[] }>) {
    super('plan_import.rows_invalid', { count: rows.length, rows: rows.map((r) => r.row).join(', ') });
    this.name = 'ImportRowsError';
    this.rows = rows;
  }
}

export function isImportRowsError(e: unknown): e is ImportRowsError {
  return e instanceof ImportRowsError;
}
