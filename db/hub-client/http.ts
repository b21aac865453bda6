/** Plain requests to the city's hub, every failure turned into a message the officer can act on. */
import { AppError, appErrorFrom } from '../../shared/errors';

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** The hub's base address without a trailing slash; refuses anything but http(s). */
export function hubBase(url: string | null | undefined): string {
  if (!url) throw new AppError('hub.no_address');
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('hub.bad_address', { url });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new AppError('hub.bad_address', { url });
  return u.toString().replace(/\/+$/, '');
}

function reasonOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
}

/** A hub's refusal carries a message key; anything else means we are not talking to a hub. */
export function errorFromBody(base: string, status: number, text: string): AppError {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; params?: unknown } };
    if (body.error && typeof body.error.code === 'string')
      return appErrorFrom({ code: body.error.code, params: (body.error.params ?? {}) as Record<string, string | number> });
  } catch {
    // Not JSON: fall through.
  }
  return status >= 500 ? new AppError('hub.server_error') : new AppError('hub.bad_answer', { url: base });
}

export async function hubRequest(
  base: string,
  pathname: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${base}${pathname}`, {
      method: init.method ?? 'GET',
      headers: init.headers ?? {},
      ...(init.body !== undefined ? { body: init.body } : {}),
      signal: AbortSignal.timeout(init.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (e) {
    throw new AppError('hub.unreachable', { url: base, reason: reasonOf(e) });
  }
  if (!res.ok) throw errorFromBody(base, res.status, await res.text().catch(() => ''));
  return res;
}

export async function hubJson<T>(base: string, pathname: string, init: Parameters<typeof hubRequest>[2] = {}): Promise<T> {
  const res = await hubRequest(base, pathname, init);
  try {
    return (await res.json()) as T;
  } catch {
    throw new AppError('hub.bad_answer', { url: base });
  }
}

export async function hubVersion(base: string, timeoutMs = 10_000): Promise<{ product: string; version: string; city: string }> {
  const v = await hubJson<{ product?: string; version?: string; city?: string }>(base, '/v1/version', { timeoutMs });
  if (v.product !== 'wardplan-hub') throw new AppError('hub.bad_answer', { url: base });
  return { product: v.product, version: String(v.version), city: String(v.city) };
}
