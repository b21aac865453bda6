/**
 * The errors of reports and documents. Codes are typed against shared/i18n/messages-reports.ts,
 * so a code without a message in both languages does not compile.
 */
import { AppError, type ErrorParams } from '../../shared/errors';
import type { ReportsErrorCode } from '../../shared/i18n/messages-reports';

export function reportsError(code: ReportsErrorCode, params: ErrorParams = {}): AppError {
  return new AppError(code, params);
}

/** One reason a sheet row cannot be imported. */
export interface RowIssue {
  code: ReportsErrorCode;
  params?: ErrorParams;
}

/** A refused row: its number as Excel shows it, and every reason, so one pass fixes them all. */
export interface RowProblem {
  row: number;
  reasons: RowIssue[];
}

/**
 * A sheet refused whole. `params` carry a summary for the one-line message every host can show;
 * `rows` carry the full list for hosts that can show a table (the import screen, the CLI).
 */
export class PlanImportError extends AppError {
  readonly rows: RowProblem[];

  constructor(rows: RowProblem[]) {
    super('plan_import.bad_rows', { count: rows.length, rows: rows.map((r) => r.row).join(', ') });
    this.name = 'PlanImportError';
    this.rows = rows;
  }
}

export function isPlanImportError(e: unknown): e is PlanImportError {
  return e instanceof PlanImportError;
}
