/**
 * The renderer's only way to the core: the Electron bridge when the preload provides one,
 * otherwise the browser host's /api/call with the token its index.html carries.
 */
import type { ApiError, ApiResult, Input, Method, Output } from '../../shared/api/contract';
import { bridge } from './bridge';

/** A refused or failed call, carrying the message key and parameters to show the user. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.code);
    this.name = 'ApiFailure';
  }
}

function tokenFromPage(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="wardplan-token"]')?.content ?? '';
}

async function overHttp(method: Method, input: unknown): Promise<ApiResult<Method>> {
  let res: Response;
  try {
    res = await fetch('./api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wardplan-token': tokenFromPage() },
      body: JSON.stringify({ method, input }),
    });
  } catch {
    return { ok: false, error: { code: 'host.unreachable', params: {} } };
  }
  try {
    return (await res.json()) as ApiResult<Method>;
  } catch {
    return { ok: false, error: { code: res.status === 413 ? 'host.too_large' : 'host.unreachable', params: { status: res.status } } };
  }
}

/** Asks the officer for the key's passphrase and unlocks the key; resolves false when they cancel. */
export type Unlocker = () => Promise<boolean>;
let unlocker: Unlocker | null = null;
let unlocking: Promise<boolean> | null = null;

/** Set by the passphrase dialog while it is mounted (the browser host keeps the key under a passphrase typed here). */
export function setUnlocker(fn: Unlocker | null): void {
  unlocker = fn;
}

/** Told of every method that succeeded, so what it changed is loaded again (see ./changes). */
export type ChangeListener = (method: Method) => void;
let changeListener: ChangeListener | null = null;

/** Set by the query provider while it is mounted; returns the function that removes it again. */
export function setChangeListener(fn: ChangeListener): () => void {
  changeListener = fn;
  return () => {
    if (changeListener === fn) changeListener = null;
  };
}

async function send(method: Method, input: unknown): Promise<ApiResult<Method>> {
  const b = bridge();
  try {
    return b ? ((await b.call(method, input as Input<Method>)) as ApiResult<Method>) : await overHttp(method, input);
  } catch {
    return { ok: false, error: { code: 'host.unreachable', params: {} } };
  }
}

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  let result = await send(method, input);
  // The key is locked: ask once (calls waiting at the same time share the one dialog), then retry.
  if (!result.ok && result.error.code === 'keys.passphrase_needed' && unlocker) {
    unlocking ??= unlocker().finally(() => (unlocking = null));
    if (!(await unlocking)) throw new ApiFailure({ code: 'keys.passphrase_cancelled', params: {} });
    result = await send(method, input);
  }
  if (!result.ok) throw new ApiFailure(result.error);
  changeListener?.(method);
  return result.value as Output<M>;
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiFailure) return e.error;
  return { code: 'internal', params: { message: e instanceof Error ? e.message : String(e) } };
}
