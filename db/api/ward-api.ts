import { isMethod, schemas, type ApiResult, type Method } from '../../shared/api/contract';
import { toApiError, zodToApiError } from '../../shared/api/errors';
import { createHandlers, DatabaseHolder, type ApiHostOptions, type Handlers } from './handlers';

/** What a caller may ask of one call beyond its answer. */
export interface CallOptions {
  /** Each progress report of a method that makes any (`Progress<M>`), as it happens. */
  onProgress?: ((event: unknown) => void) | undefined;
}

/**
 * The API as every host sees it: a method name and untrusted arguments in, a result out.
 * Nothing reaches a service without passing its schema.
 */
export class WardApi {
  readonly holder: DatabaseHolder;
  private handlers: Handlers;

  constructor(opts: ApiHostOptions, extend?: (holder: DatabaseHolder) => Partial<Handlers>) {
    this.holder = new DatabaseHolder(opts);
    this.handlers = { ...createHandlers(this.holder), ...(extend?.(this.holder) ?? {}) };
  }

  async call(method: string, rawInput: unknown, opts: CallOptions = {}): Promise<ApiResult<Method>> {
    if (!isMethod(method)) return { ok: false, error: { code: 'api.unknown_method', params: { method } } };
    const parsed = schemas[method].safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: zodToApiError(parsed.error) };
    try {
      const handler = this.handlers[method] as (i: unknown, call: { progress(event: unknown): void }) => unknown;
      const value = await handler(parsed.data, { progress: (event) => opts.onProgress?.(event) });
      return { ok: true, value } as ApiResult<Method>;
    } catch (e) {
      return { ok: false, error: toApiError(e) };
    }
  }

  close(): void {
    this.holder.close();
  }
}
