/**
 * The host's side of the core running apart (shared/api/core-protocol.ts): `call` has the shape of
 * `WardApi.call`, so a host swaps one for the other, and errors come back as the same typed
 * ApiErrors. The channel is whatever carries the messages: a worker thread here, Electron's utility
 * process in electron/core-process.ts.
 */
import { type Worker } from 'node:worker_threads';
import type { ApiResult, Method } from '../../shared/api/contract';
import type { CoreAsk, CoreOptions, CoreToHost, HostToCore } from '../../shared/api/core-protocol';
import { toApiError } from '../../shared/api/errors';
import { AppError } from '../../shared/errors';
import type { KeyStore, StoredKey } from '../keys/key-store';
import type { ApiHostOptions } from './database-holder';
import { WardApi, type CallOptions } from './ward-api';
import { serialQueue } from '../serial-queue';
import { startWorker } from '../start-worker';

export interface CoreChannel {
  post(msg: HostToCore): void;
  onMessage(fn: (msg: CoreToHost) => void): void;
  /** Called once, however the core ended: asked to, crashed, or killed. */
  onExit(fn: (reason: string) => void): void;
  /** Ends the core now, whatever it is doing. */
  kill(): void;
}

/** What only the host can do for the core. */
export interface CoreHostServices {
  keyStore?: KeyStore | undefined;
  passphrase?: (() => Promise<string>) | undefined;
}

/** The part of WardApi a host uses, whether the core runs in its thread or apart. */
export interface ApiCaller {
  call(method: string, input: unknown, opts?: CallOptions): Promise<ApiResult<Method>>;
  close(): Promise<void>;
}

/** The core in the host's own thread, its calls one after another as in the worker. */
export function coreInThisThread(opts: ApiHostOptions): ApiCaller {
  const api = new WardApi(opts);
  const serial = serialQueue();
  return {
    call: (method, input, opts) => serial(() => api.call(method, input, opts)),
    close: async () => {
      await serial(async () => undefined);
      api.close();
    },
  };
}

const stoppedResult = (reason: string): ApiResult<Method> => ({ ok: false, error: { code: 'core.stopped', params: { reason } } });

export class CoreClient implements ApiCaller {
  private readonly pending = new Map<number, (r: ApiResult<Method>) => void>();
  private readonly listeners = new Map<number, (event: unknown) => void>();
  private nextId = 1;
  private stopped: string | null = null;
  private closing = false;
  /** Settles when the core has ended, for whatever reason. */
  readonly exited: Promise<string>;

  constructor(
    private readonly channel: CoreChannel,
    options: CoreOptions,
    private readonly services: CoreHostServices = {},
  ) {
    let exited!: (reason: string) => void;
    this.exited = new Promise((resolve) => (exited = resolve));
    channel.onMessage((m) => this.onMessage(m));
    channel.onExit((reason) => {
      this.stopped ??= reason;
      for (const resolve of this.pending.values()) resolve(stoppedResult(this.stopped));
      this.pending.clear();
      this.listeners.clear();
      exited(reason);
    });
    channel.post({ t: 'init', options });
  }

  call(method: string, input: unknown, opts: CallOptions = {}): Promise<ApiResult<Method>> {
    if (this.stopped !== null || this.closing) return Promise.resolve(stoppedResult(this.stopped ?? 'closing'));
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, resolve);
      if (opts.onProgress) this.listeners.set(id, opts.onProgress);
      this.channel.post({ t: 'call', id, method, input });
    });
  }

  /**
   * Lets the calls under way finish and the database close (which checkpoints the WAL), then
   * ends the core; one that does not finish within `graceMs` is killed.
   */
  async close(graceMs = 15_000): Promise<void> {
    if (this.stopped !== null) return;
    this.closing = true;
    this.channel.post({ t: 'close' });
    const timer = setTimeout(() => this.channel.kill(), graceMs);
    timer.unref();
    await this.exited;
    clearTimeout(timer);
  }

  private onMessage(m: CoreToHost): void {
    if (m.t === 'result') {
      const resolve = this.pending.get(m.id);
      this.pending.delete(m.id);
      this.listeners.delete(m.id);
      resolve?.(m.result as ApiResult<Method>);
    } else if (m.t === 'progress') this.listeners.get(m.id)?.(m.event);
    else if (m.t === 'ask') void this.answer(m.id, m.ask);
    else if (m.t === 'closed') this.channel.kill();
  }

  private async answer(id: number, ask: CoreAsk): Promise<void> {
    try {
      let value: unknown = null;
      if (ask.what === 'passphrase') {
        if (!this.services.passphrase) throw new AppError('keys.passphrase_needed', {});
        value = await this.services.passphrase();
      } else {
        const store = this.services.keyStore;
        if (!store) throw new AppError('keys.passphrase_needed', {});
        if (ask.what === 'key.load') value = await store.load();
        else await store.save(ask.key as StoredKey);
      }
      this.channel.post({ t: 'answer', id, ok: true, value });
    } catch (e) {
      this.channel.post({ t: 'answer', id, ok: false, error: toApiError(e) });
    }
  }
}

export function workerChannel(worker: Worker): CoreChannel {
  let exitFn: ((reason: string) => void) | null = null;
  let failure: string | null = null;
  worker.on('error', (e) => (failure = e.message));
  worker.on('exit', (code) => exitFn?.(failure ?? `exit ${code}`));
  return {
    post: (m) => worker.postMessage(m),
    onMessage: (fn) => worker.on('message', fn),
    onExit: (fn) => (exitFn = fn),
    kill: () => void worker.terminate(),
  };
}

/** The core in a worker thread of this process, so its synchronous work never stalls this thread's event loop. */
export function startCoreThread(options: CoreOptions, services: CoreHostServices = {}): CoreClient {
  return new CoreClient(workerChannel(startWorker(import.meta.url, 'core-worker', './core-entry.ts')), options, services);
}
