/**
 * The browser host: the built renderer and the one API over HTTP on 127.0.0.1, for the end-to-end
 * tests, for officers without the desktop shell, and later for the city's dashboard.
 *
 * Threat model: any web page the officer opens can make the browser send requests to
 * 127.0.0.1. It cannot read our pages (same-origin policy), so a per-start token that only our
 * own index.html carries stops it calling the API; a Host check stops DNS rebinding, which would
 * otherwise make our origin its own and let it read index.html, token included.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ApiResult, Method } from '../shared/api/contract';
import { coreInThisThread, startCoreThread, type ApiCaller } from '../db/api/core-client';
import { PASSPHRASE_ENV_VAR, PassphraseFileKeyStore, passphraseFromEnv } from '../db/keys/key-store';
import { CONTENT_SECURITY_POLICY, contentTypeFor } from '../shared/web-serving';
import { appRoot } from './app-root';

export const TOKEN_HEADER = 'x-wardplan-token';
/** Evidence may be 50 MB; as base64 inside JSON that is about 67 MB. */
export const MAX_BODY_BYTES = 80 * 1024 * 1024;

/** The Electron window's own policy, so the renderer is tested under the rules it ships with. */
export { CONTENT_SECURITY_POLICY };

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const DEFAULT_RENDERER_DIR = path.join(appRoot(), 'dist', 'renderer');

export interface BrowserHostOptions {
  dbPath: string;
  /** 0 or absent: a free port chosen by the system. */
  port?: number;
  rendererDir?: string;
  /** Where bundles, enrollment requests and backups go: the browser cannot pick a folder. */
  outDir?: string;
  /**
   * Where the key's passphrase comes from. By default the environment (scripts, tests) when it is
   * set, otherwise the officer types it in the page, and it is kept in this process's memory only.
   */
  passphrase?: () => Promise<string>;
  /**
   * Run the core in this thread instead of a worker thread. Only for measuring what the worker
   * saves (bench/off-thread.ts): here an export stalls every other request until it ends.
   */
  coreInThisThread?: boolean;
}

export interface BrowserHost {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store', ...extra });
}

/** A transport failure in the ApiResult shape, so the renderer shows it like any other error. */
function sendFailure(res: http.ServerResponse, status: number, code: string, extra: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error: { code, params: {} } }, extra);
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > limit) return reject(new HttpError(413, 'host.too_large'));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new HttpError(413, 'host.too_large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = path.resolve(opts.rendererDir ?? DEFAULT_RENDERER_DIR);
  const token = crypto.randomBytes(32).toString('base64url');
  const passphrase = opts.passphrase ?? (process.env[PASSPHRASE_ENV_VAR] ? passphraseFromEnv() : undefined);
  const outDir = opts.outDir;
  // The core runs in a worker thread: an export or a restore is synchronous SQLite and CPU-bound
  // crypto, which on this thread would stall every page and every other request until it ended.
  // The worker runs calls one after another: one officer, one database, and a restore must not race an export.
  const api: ApiCaller = opts.coreInThisThread
    ? coreInThisThread({
        dbPath: opts.dbPath,
        keyStore: passphrase ? () => new PassphraseFileKeyStore(`${opts.dbPath}.key`, passphrase) : undefined,
        passphraseInApp: !passphrase,
        defaultOutDir: outDir ? () => outDir : undefined,
      })
    : startCoreThread(
        { dbPath: opts.dbPath, keys: passphrase ? 'passphrase' : undefined, passphraseInApp: !passphrase, defaultOutDir: outDir },
        { passphrase },
      );
  let allowedHosts = new Set<string>();

  function indexHtml(): Buffer {
    const file = path.join(rendererDir, 'index.html');
    if (!fs.existsSync(file)) throw new HttpError(503, 'host.renderer_missing');
    const html = fs.readFileSync(file, 'utf8');
    const meta = `<meta name="wardplan-token" content="${token}">`;
    return Buffer.from(html.includes('<head>') ? html.replace('<head>', `<head>\n    ${meta}`) : meta + html, 'utf8');
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'host.method_not_allowed');
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      throw new HttpError(400, 'host.bad_path');
    }
    if (decoded.includes('\0') || decoded.includes('\\')) throw new HttpError(400, 'host.bad_path');
    const file = path.resolve(rendererDir, `.${path.posix.normalize(decoded)}`);
    if (file !== rendererDir && !file.startsWith(rendererDir + path.sep)) throw new HttpError(403, 'host.bad_path');
    const isIndex = file === rendererDir || file === path.join(rendererDir, 'index.html');
    if (isIndex) {
      const body = indexHtml();
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': contentTypeFor('index.html'),
        'Content-Length': String(body.length),
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      throw new HttpError(404, 'host.not_found');
    }
    if (!stat.isFile()) throw new HttpError(404, 'host.not_found');
    const type = contentTypeFor(file);
    // Built assets carry a content hash in their names, so they never change under the same URL.
    const cache = decoded.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(stat.size), 'Cache-Control': cache });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  }

  async function serveApi(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'host.method_not_allowed');
    const given = req.headers[TOKEN_HEADER];
    if (!sameToken(Array.isArray(given) ? given[0] : given, token)) throw new HttpError(401, 'host.unauthorized');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) throw new HttpError(403, 'host.bad_origin');
    const body = await readBody(req, MAX_BODY_BYTES);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new HttpError(400, 'host.bad_request');
    }
    const { method, input } = (parsed ?? {}) as { method?: unknown; input?: unknown };
    if (typeof method !== 'string') throw new HttpError(400, 'host.bad_request');
    const result: ApiResult<Method> = await api.call(method, input ?? {});
    sendJson(res, 200, result);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      if (!allowedHosts.has(String(req.headers.host ?? '').toLowerCase())) throw new HttpError(403, 'host.bad_host');
      const pathname = (req.url ?? '/').split('?')[0]!.split('#')[0]!;
      if (pathname === '/api/call') await serveApi(req, res);
      else serveStatic(req, res, pathname);
    } catch (e) {
      const err = e instanceof HttpError ? e : new HttpError(500, 'internal');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // After refusing an upload mid-stream the rest of it must not be read; closing says so.
      const extra: Record<string, string> = err.status === 413 ? { Connection: 'close' } : {};
      sendFailure(res, err.status, err.code, extra);
      if (err.status === 413) res.on('finish', () => req.socket.destroy());
    }
  }

  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => void api.close().then(resolve));
        server.closeAllConnections();
      }),
  };
}
