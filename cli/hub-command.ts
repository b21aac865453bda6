/** `wardplan hub`: the city's server for wards that send over the network. */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/errors';
import { parseIntArg, requireDb, untilStopped, type CommonOpts } from './run';
import { command, type CommandSpec } from './table';
import { cliKeyStore } from './session';
import { hubBase } from '../db/hub-client/http';
import { parsePort } from '../server/port';

interface HubCliOpts extends CommonOpts {
  host: string;
  port: string;
  tlsCert?: string;
  tlsKey?: string;
  publicUrl?: string;
  maxUploadMb: string;
  rateLimit: string;
  trustProxy?: boolean;
  quiet?: boolean;
  dashboard?: boolean;
}

export const hubServerCommands: CommandSpec[] = [
  command({
    name: 'hub',
    help: 'help.hub',
    options: [
      { flags: '--host <address>', help: 'opt.listen', default: '127.0.0.1' },
      { flags: '--port <n>', help: 'opt.port', default: '8787' },
      { flags: '--tls-cert <file>', help: 'opt.tls_cert' },
      { flags: '--tls-key <file>', help: 'opt.tls_key' },
      { flags: '--public-url <url>', help: 'opt.public_url' },
      { flags: '--trust-proxy', help: 'opt.trust_proxy' },
      { flags: '--max-upload-mb <n>', help: 'opt.max_upload', default: '256' },
      { flags: '--rate-limit <n>', help: 'opt.rate_limit', default: '600' },
      { flags: '--quiet', help: 'opt.quiet' },
      { flags: '--dashboard', help: 'opt.hub_dashboard' },
    ],
    run: async (ctx) => {
      const o = ctx.o as unknown as HubCliOpts;
      const dbPath = path.resolve(requireDb(o));
      if (!fs.existsSync(dbPath)) throw new AppError('db.not_found', { path: dbPath });
      const port = parsePort(o.port);
      if (port === null) throw new AppError('cli.bad_port', { value: o.port });
      if (!!o.tlsCert !== !!o.tlsKey) throw new AppError('hub.tls_pair');
      const read = (f: string) => {
        if (!fs.existsSync(f)) throw new AppError('file.not_found', { path: f });
        return fs.readFileSync(f);
      };
      const https = o.tlsCert && o.tlsKey ? { cert: read(o.tlsCert), key: read(o.tlsKey) } : undefined;
      // Loaded only here: every other command starts faster without the server's libraries.
      const { buildHub } = await import('../server/hub/app');
      const app = await buildHub({
        dbPath,
        keyStore: cliKeyStore(dbPath),
        https,
        publicUrl: o.publicUrl ? hubBase(o.publicUrl) : undefined,
        trustProxy: o.trustProxy,
        limits: { maxUploadBytes: parseIntArg(o.maxUploadMb, 'max-upload-mb') * 1024 * 1024 },
        rateLimitPerMinute: parseIntArg(o.rateLimit, 'rate-limit'),
        logger: o.quiet ? false : undefined,
      });
      const dashboard = o.dashboard ? await mountDashboard(app, dbPath, !!https) : null;
      const address = await app.listen({ host: o.host, port });
      if (dashboard) setImmediate(() => dashboard.warmUp());
      process.stderr.write(`${ctx.t('hub.listening', { address })}\n`);
      await untilStopped(() => app.close());
    },
  }),
];

/**
 * The city dashboard on the hub's own port: staff sign in with their accounts (no start token, as
 * the hub is reached over the network), cookies are Secure behind TLS.
 */
async function mountDashboard(app: FastifyInstance, dbPath: string, secure: boolean): Promise<{ warmUp(): void }> {
  const { registerDashboard } = await import('../server/dashboard/plugin');
  const { CityApi } = await import('../db/api/city-api');
  const api = new CityApi({ dbPath, keyStore: () => cliKeyStore(dbPath) });
  await registerDashboard(app, { api, secure });
  return {
    warmUp: () => {
      try {
        api.warmUp();
      } catch {
        // A failure here only means a slower first page; the page's own call reports the error.
      }
    },
  };
}
