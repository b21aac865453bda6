/**
 * The city's dashboard as a Fastify plugin: the built city screens and the city API behind a
 * sign-in. The city's hub mounts it with `registerDashboard(app, { api })`; on the city officer's
 * own PC `wardplan city dashboard` serves it alone on 127.0.0.1 (server/dashboard/standalone.ts).
 *
 * Threat model, beyond the browser host's (server/browser-host.ts):
 * - an API call needs a session cookie (HttpOnly, SameSite=Strict, Secure behind TLS) AND the
 *   session's CSRF token in a header, which only our own page can read from /api/city/me;
 * - the person's role is checked by the CityApi on every call, whichever host asked;
 * - served alone, every API call also carries the per-start token from the printed address, and
 *   the Host header is checked against DNS rebinding.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CityApi, CityActor } from '../../db/api/city-api';
import type { CityMe, CityOverview } from '../../shared/api/contract-city';
import { toApiError } from '../../shared/api/errors';
import { CONTENT_SECURITY_POLICY } from '../../shared/web-serving';
import { appRoot } from '../app-root';

export const SESSION_COOKIE = 'wardplan_city';
export const CSRF_HEADER = 'x-csrf-token';
export const START_TOKEN_HEADER = 'x-wardplan-token';
export const DEFAULT_RENDERER_DIR = path.join(appRoot(), 'dist', 'renderer');
/** An enrollment request is a few kilobytes; nothing the dashboard sends is large. */
const BODY_LIMIT = 1024 * 1024;

export interface DashboardOptions {
  api: CityApi;
  /** The built renderer (dist/renderer): city/index.html and assets/. */
  rendererDir?: string;
  /** Where the hub mounts the dashboard ('' or '/dashboard'). */
  prefix?: string;
  /** Served alone: the per-start token every API call must carry. */
  startToken?: string;
  /** Served alone: the Host headers accepted (DNS rebinding). */
  allowedHosts?: () => ReadonlySet<string>;
  /** Behind TLS: cookies are marked Secure and browsers told to stay on HTTPS. */
  secure?: boolean;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function same(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function fail(reply: FastifyReply, status: number, code: string, params: Record<string, string | number> = {}): FastifyReply {
  return reply.code(status).header('Cache-Control', 'no-store').send({ ok: false, error: { code, params } });
}

export async function registerDashboard(app: FastifyInstance, opts: DashboardOptions): Promise<void> {
  await app.register(async (inst) => dashboard(inst, opts), { prefix: opts.prefix ?? '' });
}

async function dashboard(app: FastifyInstance, opts: DashboardOptions): Promise<void> {
  const api = opts.api;
  const rendererDir = path.resolve(opts.rendererDir ?? DEFAULT_RENDERER_DIR);
  const cookiePath = `${opts.prefix ?? ''}/`;
  if (!app.hasRequestDecorator('cookies')) await app.register(fastifyCookie);

  app.addHook('onRequest', async (req, reply) => {
    if (opts.allowedHosts && !opts.allowedHosts().has(String(req.headers.host ?? '').toLowerCase())) return fail(reply, 403, 'host.bad_host');
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    if (opts.secure) reply.header('Strict-Transport-Security', 'max-age=31536000');
    return payload;
  });

  await app.register(fastifyStatic, { root: path.join(rendererDir, 'assets'), prefix: '/assets/', decorateReply: false, immutable: true, maxAge: '365d' });

  function page(req: FastifyRequest, reply: FastifyReply): FastifyReply {
    const file = path.join(rendererDir, 'city', 'index.html');
    if (!fs.existsSync(file)) return fail(reply, 503, 'host.renderer_missing');
    if (opts.startToken && !same((req.query as Record<string, string | undefined>).token, opts.startToken)) {
      return reply
        .code(401)
        .type('text/plain; charset=utf-8')
        .send(
          'Địa chỉ thiếu mã khởi động: mở đúng địa chỉ lệnh "wardplan city dashboard" đã in ra.\nThe address lacks the start-up token: open the exact address printed by "wardplan city dashboard".\n',
        );
    }
    const meta = opts.startToken ? `<meta name="wardplan-token" content="${opts.startToken}">` : '';
    const html = fs.readFileSync(file, 'utf8').replace('<head>', `<head>\n    ${meta}`);
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(html);
  }

  app.get('/', (req, reply) => {
    const q = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    return reply.redirect(`${opts.prefix ?? ''}/city/${q}`);
  });
  app.get('/city/', page);
  app.get('/city/index.html', page);

  /** The API's own checks, in the order that reveals least: start token, then session, then CSRF. */
  function signedIn(req: FastifyRequest, reply: FastifyReply, needCsrf: boolean): (CityMe & { token: string }) | null {
    if (opts.startToken && !same(header(req, START_TOKEN_HEADER), opts.startToken)) {
      fail(reply, 401, 'host.bad_token');
      return null;
    }
    const token = req.cookies[SESSION_COOKIE];
    const me = token ? api.sessionOf(token) : null;
    if (!me || !token) {
      fail(reply, 401, 'auth.no_session');
      return null;
    }
    if (needCsrf && !same(header(req, CSRF_HEADER), me.csrf)) {
      fail(reply, 403, 'auth.csrf');
      return null;
    }
    return { ...me, token };
  }

  const jsonOnly = { bodyLimit: BODY_LIMIT };

  /** What the page needs before its first screen, in the same answer as the session. */
  async function overviewFor(user: CityMe['user']): Promise<Pick<CityMe, 'overview'>> {
    const r = await api.call('city.overview', {}, { name: user.name, role: user.role });
    return r.ok ? { overview: r.value as CityOverview } : {};
  }

  app.post('/api/city/login', jsonOnly, async (req, reply) => {
    if (opts.startToken && !same(header(req, START_TOKEN_HEADER), opts.startToken)) return fail(reply, 401, 'host.bad_token');
    const body = (req.body ?? {}) as { name?: unknown; password?: unknown };
    if (typeof body.name !== 'string' || typeof body.password !== 'string' || body.name.length > 64 || body.password.length > 1024) {
      return fail(reply, 400, 'api.bad_input', { field: 'name', detail: 'invalid' });
    }
    try {
      const r = await api.signIn(body.name, body.password);
      reply.setCookie(SESSION_COOKIE, r.token, { httpOnly: true, sameSite: 'strict', secure: !!opts.secure, path: cookiePath, maxAge: 8 * 3600 });
      return reply.header('Cache-Control', 'no-store').send({ ok: true, value: { user: r.user, csrf: r.csrf, ...(await overviewFor(r.user)) } });
    } catch (e) {
      const err = toApiError(e);
      return fail(reply, err.code === 'auth.locked' ? 429 : 401, err.code, err.params);
    }
  });

  app.get('/api/city/me', async (req, reply) => {
    const me = signedIn(req, reply, false);
    if (!me) return reply;
    return reply.header('Cache-Control', 'no-store').send({ ok: true, value: { user: me.user, csrf: me.csrf, ...(await overviewFor(me.user)) } });
  });

  app.post('/api/city/logout', jsonOnly, async (req, reply) => {
    const me = signedIn(req, reply, true);
    if (!me) return reply;
    api.signOut(me.token);
    reply.clearCookie(SESSION_COOKIE, { path: cookiePath });
    return reply.send({ ok: true, value: {} });
  });

  app.post('/api/city/call', jsonOnly, async (req, reply) => {
    const me = signedIn(req, reply, true);
    if (!me) return reply;
    const { method, input } = (req.body ?? {}) as { method?: unknown; input?: unknown };
    if (typeof method !== 'string') return fail(reply, 400, 'host.bad_request');
    const actor: CityActor = { name: me.user.name, role: me.user.role };
    const result = await api.call(method, input ?? {}, actor);
    const status = !result.ok && result.error.code === 'auth.admin_only' ? 403 : 200;
    return reply.code(status).header('Cache-Control', 'no-store').send(result);
  });
}
