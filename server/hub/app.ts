/**
 * The city's hub: one Fastify server over the city database, receiving wards' bundles over the
 * network beside the USB path. `buildHub` returns the Fastify instance unstarted, so another
 * plugin (the city's dashboard) can be registered on it before it listens.
 *
 * Every answer is JSON with a message key (and both texts) or a bundle; a failure that is not a
 * ward's to act on is logged with its stack and answered as `hub.server_error`, never with the stack.
 */
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { startCoreThread, type CoreClient } from '../../db/api/core-client';
import { openDatabase } from '../../db/database';
import { ensureKey, ownKeyInfo } from '../../db/sync/identity';
import type { KeyStore, SealingKey } from '../../db/keys/key-store';
import { sessionFor } from '../../db/session';
import { toApiError } from '../../shared/api/errors';
import { AppError } from '../../shared/errors';
import { registerCatalog } from './catalog';
import { serialQueue } from '../../db/serial-queue';
import { errorBody, statusOf, type HubContext, type HubLimits } from './context';
import { registerEnrollment } from './enroll';
import { registerHealth } from './health';
import { registerUploads } from './uploads';

export const DEFAULT_LIMITS: HubLimits = {
  maxUploadBytes: 256 * 1024 * 1024,
  maxInFlightPerWard: 4,
  inFlightWindowMs: 30 * 60_000,
  expirationMs: 24 * 3600_000,
};

export interface HubOptions {
  dbPath: string;
  /** The city's key, already unlocked; else it is loaded from `keyStore` once at start. */
  cityKey?: SealingKey | undefined;
  keyStore?: KeyStore | undefined;
  /** Default `<db>.uploads/`: tus's partial uploads, never anything verified. */
  uploadDir?: string | undefined;
  limits?: Partial<HubLimits> | undefined;
  /** Requests per minute from one address. */
  rateLimitPerMinute?: number | undefined;
  /** pino options, `false` for none; request logging is on by default. */
  logger?: FastifyServerOptions['logger'];
  https?: { key: Buffer; cert: Buffer } | undefined;
  /** Set when the hub sits behind a reverse proxy: the proxy's X-Forwarded-* are then believed. */
  trustProxy?: boolean | undefined;
  /** The address wards use, when it differs from what they connect to (behind a proxy): upload URLs are built on it. */
  publicUrl?: string | undefined;
}

export async function buildHub(opts: HubOptions): Promise<FastifyInstance> {
  const db = openDatabase(opts.dbPath, { mustExist: true });
  let app: FastifyInstance | null = null;
  let core: CoreClient | null = null;
  try {
    const s = sessionFor(db);
    if (s.role !== 'city') throw new AppError('sync.city_only');
    const first = opts.cityKey ?? (opts.keyStore ? await ensureKey(s, opts.keyStore) : null);
    if (!first) throw new AppError('keys.passphrase_needed');
    let unlocked = first;
    const store = opts.keyStore;
    // The key unlocked at start serves every import: no scrypt per bundle. Should the dashboard's
    // administrator rotate it, the database names the new key and it is unlocked once more.
    const cityKey = async (): Promise<SealingKey> => {
      if (store && ownKeyInfo(s)?.keyId !== unlocked.keyId) unlocked = await ensureKey(s, store);
      return unlocked;
    };
    core = startCoreThread(
      { dbPath: opts.dbPath, keys: 'host' },
      {
        keyStore: {
          load: cityKey,
          save: async () => {
            throw new AppError('sync.city_only');
          },
        },
      },
    );
    const ctx: HubContext = {
      s,
      cityKey,
      core,
      uploadDir: opts.uploadDir ?? `${path.resolve(opts.dbPath)}.uploads`,
      catalogDir: `${path.resolve(opts.dbPath)}.hub-catalogs`,
      limits: { ...DEFAULT_LIMITS, ...opts.limits },
      serial: serialQueue(),
      publicUrl: opts.publicUrl?.replace(/\/+$/, ''),
    };

    const logger = opts.logger === undefined ? { level: 'info', redact: ['req.headers["x-wardplan-signature"]', 'req.headers.authorization'] } : opts.logger;
    app = Fastify({
      logger,
      trustProxy: opts.trustProxy ?? false,
      ...(opts.https ? { https: opts.https } : {}),
      bodyLimit: 1024 * 1024,
      // A slow line is expected (no limit on a whole request); a connection silent for two minutes is dropped.
      connectionTimeout: 120_000,
      requestTimeout: 0,
      keepAliveTimeout: 65_000,
    }) as unknown as FastifyInstance;

    await app.register(helmet, { contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } });
    await app.register(rateLimit, {
      max: opts.rateLimitPerMinute ?? 600,
      timeWindow: 60_000,
      errorResponseBuilder: () => ({ statusCode: 429, ...errorBody({ code: 'hub.rate_limited', params: {} }) }),
    });

    app.setErrorHandler((err, req, reply) => {
      const e = err instanceof AppError ? toApiError(err) : null;
      if (e) return reply.code(statusOf(e.code)).send(errorBody(e));
      const status = (err as { statusCode?: number }).statusCode;
      if (status === 429) return reply.code(429).send(errorBody({ code: 'hub.rate_limited', params: {} }));
      if (status && status >= 400 && status < 500)
        return reply.code(status).send(errorBody({ code: 'hub.bad_request', params: { detail: (err as Error).message.slice(0, 200) } }));
      req.log.error({ err }, 'request failed');
      return reply.code(500).send(errorBody({ code: 'hub.server_error', params: {} }));
    });
    app.setNotFoundHandler((_req, reply) => reply.code(404).send(errorBody({ code: 'hub.bad_request', params: { detail: 'no such address' } })));

    registerHealth(app, ctx);
    await registerUploads(app, ctx);
    registerCatalog(app, ctx);
    registerEnrollment(app, ctx);
    const started = core;
    app.addHook('onClose', async () => {
      await started.close();
      db.close();
    });
    return app;
  } catch (e) {
    if (app) await app.close().catch(() => undefined);
    await core?.close();
    if (db.sqlite.open) db.close();
    throw e;
  }
}
