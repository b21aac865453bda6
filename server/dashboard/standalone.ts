/**
 * The dashboard on the city officer's own PC: 127.0.0.1 only, a per-start token in the printed
 * address, the Host header checked, as the ward's browser host does.
 */
import crypto from 'node:crypto';
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { CityApi } from '../../db/api/city-api';
import { PassphraseFileKeyStore, passphraseFromEnv } from '../../db/keys/key-store';
import { registerDashboard } from './plugin';

export interface StandaloneOptions {
  dbPath: string;
  port?: number;
  rendererDir?: string;
  now?: () => string;
  passphrase?: () => Promise<string>;
  outDir?: string;
}

export interface RunningDashboard {
  /** The address to open, token included. */
  url: string;
  origin: string;
  token: string;
  port: number;
  api: CityApi;
  close(): Promise<void>;
}

export async function startDashboard(opts: StandaloneOptions): Promise<RunningDashboard> {
  const token = crypto.randomBytes(24).toString('base64url');
  const passphrase = opts.passphrase ?? passphraseFromEnv();
  const api = new CityApi({
    dbPath: opts.dbPath,
    now: opts.now,
    outDir: opts.outDir,
    keyStore: () => new PassphraseFileKeyStore(`${opts.dbPath}.key`, passphrase),
  });
  // Refuse a missing or ward database now, not at the first page load.
  api.session();
  let hosts: ReadonlySet<string> = new Set();
  const app = Fastify({ logger: false });
  await registerDashboard(app, { api, rendererDir: opts.rendererDir, startToken: token, allowedHosts: () => hosts });
  await app.listen({ host: '127.0.0.1', port: opts.port ?? 0 });
  const port = (app.server.address() as AddressInfo).port;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  // After listening, so the address is printed at once; a failure here only means a slower first page.
  setImmediate(() => {
    try {
      api.warmUp();
    } catch {
      // The same question asked by a page reports its error properly.
    }
  });
  return {
    url: `${origin}/city/?token=${token}`,
    origin,
    token,
    port,
    api,
    close: async () => {
      await app.close();
      api.close();
    },
  };
}
