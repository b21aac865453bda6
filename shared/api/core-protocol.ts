/**
 * The messages between a host and the core when the core runs in a process or thread of its own
 * (Electron's utility process, a worker thread of the browser host): the API's calls and results,
 * unchanged, plus the few things only the host can do for the core, such as reaching the operating
 * system's key protection, which exists in Electron's main process alone.
 */
import type { ApiError } from './api-error';

/** What the core needs to open the database; plain data, since it crosses a process boundary. */
export interface CoreOptions {
  dbPath: string;
  migrationsFolder?: string | undefined;
  /** Where exports and backups go when the user picked no folder. */
  defaultOutDir?: string | undefined;
  /** The key's passphrase is typed in the app and kept in the core's memory (the browser host). */
  passphraseInApp?: boolean | undefined;
  /**
   * Who keeps the signing key. 'host': the core asks its host to load and save it (the OS-sealed
   * store of Electron's main process). 'passphrase': a passphrase file beside the database, the
   * passphrase asked of the host. Absent: the core's default (the environment, else the app).
   */
  keys?: 'host' | 'passphrase' | undefined;
  /** Retry timing of sends to the city's hub; tests shorten it. */
  hubSend?: { retryDelaysMs?: number[] | undefined; stallTimeoutMs?: number | undefined } | undefined;
}

/** What the core may ask of its host. */
export type CoreAsk = { what: 'key.load' } | { what: 'key.save'; key: unknown } | { what: 'passphrase' };

export type HostToCore =
  | { t: 'init'; options: CoreOptions }
  | { t: 'call'; id: number; method: string; input: unknown }
  | { t: 'answer'; id: number; ok: true; value: unknown }
  | { t: 'answer'; id: number; ok: false; error: ApiError }
  /** Finish the calls under way, close the database, then say 'closed'. */
  | { t: 'close' };

export type CoreToHost =
  | { t: 'result'; id: number; result: { ok: true; value: unknown } | { ok: false; error: ApiError } }
  /** A report of call `id` while it runs (`Progress<M>`), before its result. */
  | { t: 'progress'; id: number; event: unknown }
  | { t: 'ask'; id: number; ask: CoreAsk }
  | { t: 'closed' };
