/**
 * An error a person can act on. `code` names a message in shared/i18n (errors.<code>),
 * so every host shows it in the user's language; `params` fill its placeholders.
 */
export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  readonly code: string;
  readonly params: ErrorParams;

  constructor(code: string, params: ErrorParams = {}, detail?: string) {
    super(detail ?? `${code} ${JSON.stringify(params)}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
