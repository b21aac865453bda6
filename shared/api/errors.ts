import { ZodError } from 'zod';
import { isAppError } from '../errors';
import type { ApiError } from './contract';

/** Turns a schema failure into a message key naming the field, so the user sees what to fix. */
export function zodToApiError(e: ZodError): ApiError {
  const first = e.issues[0];
  const field = first?.path.join('.') || '-';
  // A schema that names its own message key (date.format, period.format) says more than a generic one.
  if (first?.message && /^[a-z_]+\.[a-z_]+$/.test(first.message)) return { code: first.message, params: { field } };
  return { code: 'api.bad_input', params: { field, detail: first?.code ?? 'invalid' } };
}

/** What any failure becomes when it crosses a host boundary: a message key, never a stack. */
export function toApiError(e: unknown): ApiError {
  if (isAppError(e)) return { code: e.code, params: e.params };
  if (e instanceof ZodError) return zodToApiError(e);
  return { code: 'internal', params: { message: e instanceof Error ? e.message : String(e) } };
}
