/**
 * The core's side of the message protocol (shared/api/core-protocol.ts): one WardApi, fed by
 * whatever carries the messages (a worker thread's port, Electron's utility-process port, a Node
 * child's IPC channel). Calls run one after another, as they do in a host's own thread: one
 * database, and a restore must not race an export.
 */
import type { CoreAsk, CoreOptions, CoreToHost, HostToCore } from '../../shared/api/core-protocol';
import { toApiError } from '../../shared/api/errors';
import { appErrorFrom } from '../../shared/errors';
import { PassphraseFileKeyStore, type KeyStore, type StoredKey } from '../keys/key-store';
import { serialQueue } from '../serial-queue';
import { WardApi } from './ward-api';

export interface CorePort {
  send(msg: CoreToHost): void;
  onMessage(fn: (msg: HostToCore) => void): void;
}

/** The signing key kept by the host: every load and save is a question to it. */
class HostKeyStore implements KeyStore {
  constructor(private readonly ask: (a: CoreAsk) => Promise<unknown>) {}

  async load(): Promise<StoredKey | null> {
    return (await this.ask({ what: 'key.load' })) as StoredKey | null;
  }

  async save(key: StoredKey): Promise<void> {
    await this.ask({ what: 'key.save', key });
  }
}

function apiFor(options: CoreOptions, ask: (a: CoreAsk) => Promise<unknown>): WardApi {
  const keyFile = `${options.dbPath}.key`;
  const keyStore =
    options.keys === 'host'
      ? () => new HostKeyStore(ask)
      : options.keys === 'passphrase'
        ? () => new PassphraseFileKeyStore(keyFile, async () => String(await ask({ what: 'passphrase' })))
        : undefined;
  const outDir = options.defaultOutDir;
  return new WardApi({
    dbPath: options.dbPath,
    migrationsFolder: options.migrationsFolder,
    keyStore,
    passphraseInApp: options.passphraseInApp,
    defaultOutDir: outDir ? () => outDir : undefined,
    hubSend: options.hubSend,
  });
}

export function serveCore(port: CorePort): void {
  let api: WardApi | null = null;
  let nextAsk = 1;
  const asks = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

  const ask = (a: CoreAsk) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextAsk++;
      asks.set(id, { resolve, reject });
      port.send({ t: 'ask', id, ask: a });
    });

  const serial = serialQueue();

  port.onMessage((msg) => {
    switch (msg.t) {
      case 'init':
        api = apiFor(msg.options, ask);
        return;
      case 'call': {
        const { id, method, input } = msg;
        void serial(async () => {
          try {
            const result = api
              ? await api.call(method, input, { onProgress: (event) => port.send({ t: 'progress', id, event }) })
              : { ok: false as const, error: { code: 'core.stopped', params: { reason: 'not started' } } };
            port.send({ t: 'result', id, result });
          } catch (e) {
            // WardApi answers every failure itself; this is a result that could not be sent (a value that does not clone).
            port.send({ t: 'result', id, result: { ok: false, error: toApiError(e) } });
          }
        });
        return;
      }
      case 'answer': {
        const pending = asks.get(msg.id);
        if (!pending) return;
        asks.delete(msg.id);
        if (msg.ok) pending.resolve(msg.value);
        else pending.reject(appErrorFrom(msg.error));
        return;
      }
      case 'close':
        void serial(async () => {
          api?.close();
          api = null;
          port.send({ t: 'closed' });
        });
        return;
    }
  });
}
