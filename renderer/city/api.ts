/**
 * The city dashboard's way to the server: the city API behind the sign-in. Every call carries the
 * session cookie (sent by the browser), the session's CSRF token in a header, and, when the
 * dashboard runs on the officer's own PC, the per-start token of the page.
 */
import type { CityInput, CityMe, CityMethod, CityOutput, CityResult } from '../../shared/api/contract-city';
import { ApiFailure } from '../api/client';
import { useLoaded, type Loaded } from '../api/use-api';

let csrf = '';
let onSignedOut: () => void = () => undefined;

export function setSignedOutHandler(fn: () => void): void {
  onSignedOut = fn;
}

function startToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="wardplan-token"]')?.content ?? '';
}

async function request<T>(path: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`../api/city/${path}`, {
      method: init.method,
      credentials: 'same-origin',
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        'x-wardplan-token': startToken(),
        'x-csrf-token': csrf,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiFailure({ code: 'host.unreachable', params: {} });
  }
  let result: CityResult<CityMethod> | { ok: true; value: T };
  try {
    result = (await res.json()) as typeof result;
  } catch {
    throw new ApiFailure({ code: 'host.unreachable', params: { status: res.status } });
  }
  if (!result.ok) {
    if (result.error.code === 'auth.no_session' && path !== 'me') onSignedOut();
    throw new ApiFailure(result.error);
  }
  return result.value as T;
}

export async function me(): Promise<CityMe> {
  const r = await request<CityMe>('me', { method: 'GET' });
  csrf = r.csrf;
  return r;
}

export async function signIn(name: string, password: string): Promise<CityMe> {
  const r = await request<CityMe>('login', { method: 'POST', body: { name, password } });
  csrf = r.csrf;
  return r;
}

export async function signOut(): Promise<void> {
  await request('logout', { method: 'POST', body: {} });
  csrf = '';
}

export function cityCall<M extends CityMethod>(method: M, input: CityInput<M>): Promise<CityOutput<M>> {
  return request<CityOutput<M>>('call', { method: 'POST', body: { method, input } });
}

/** Loads a city method's answer and reloads it when the input changes; the last answer stays while the next loads. */
export function useCity<M extends CityMethod>(method: M, input: CityInput<M>): Loaded<CityOutput<M>> {
  return useLoaded(method, input, (i) => cityCall(method, i));
}

/** Hands a document the server made to the browser as a download. */
export function download(file: { fileName: string; contentBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes]));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
