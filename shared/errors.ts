/**
 * An error a person can act on. `code` names a message in shared/i18n (a compile-time union),
 * so every host shows it in the user's language; `params` fill its placeholders.
 */
import type { ErrorCode } from './i18n/messages';

export type { ErrorCode };
export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}, detail?: string) {
    super(detail ?? `${code} ${JSON.stringify(params)}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
}

/**
 * An error that crossed a transport (a hub's refusal, a bundle's import outcome): its code came
 * from another installation's message list, possibly a newer one, so it is kept as it came; a code
 * this version does not know is shown as itself.
 */
export function appErrorFrom(e: { code: string; params: ErrorParams }): AppError {
  return new AppError(e.code as ErrorCode, e.params);
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
