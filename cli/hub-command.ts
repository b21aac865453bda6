/** `wardplan hub`: the city's server for wards that send over the network. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/errors';
import { action, langOf, parseIntArg, requireDb, withCommon, type CommonOpts } from './run';
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

export function registerHubCommand(program: Command): void {
  withCommon(program.command('hub').description('máy chủ thành phố nhận gói của phường, xã qua mạng (the city hub server)'))
    .option('--host <address>', 'địa chỉ lắng nghe (listen address); 0.0.0.0 cho mọi card mạng', '127.0.0.1')
    .option('--port <n>', 'cổng (port)', '8787')
    .option('--tls-cert <file>', 'chứng chỉ máy chủ PEM (server certificate, PEM)')
    .option('--tls-key <file>', 'khóa riêng của chứng chỉ PEM (its private key, PEM)')
    .option('--public-url <url>', 'địa chỉ các phường dùng, nếu qua reverse proxy (address wards use, behind a proxy)')
    .option('--trust-proxy', 'tin tiêu đề X-Forwarded-* của reverse proxy (behind a reverse proxy)')
    .option('--max-upload-mb <n>', 'gói lớn nhất nhận được, MB (largest bundle accepted)', '256')
    .option('--rate-limit <n>', 'số yêu cầu mỗi phút từ một địa chỉ (requests per minute per address)', '600')
    .option('--quiet', 'không ghi nhật ký từng yêu cầu (no request log)')
    .option('--dashboard', 'phục vụ cả trang điều hành của thành phố tại /city/ (also serve the city dashboard at /city/)')
    .action(
      action(async (o: HubCliOpts) => {
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
        const en = langOf(o) === 'en';
        process.stderr.write(
          en ? `WardPlan hub listening at ${address}. Ctrl+C to stop.\n` : `Máy chủ WardPlan đang nhận tại ${address}. Nhấn Ctrl+C để dừng.\n`,
        );
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            // Fastify closes gracefully: requests under way finish, the database closes last.
            void app.close().then(resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
      }),
    );
}

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
