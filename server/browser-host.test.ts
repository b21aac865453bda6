import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { tempDir } from '../test/support/temp';
import { CONTENT_SECURITY_POLICY, MAX_BODY_BYTES, startBrowserHost, TOKEN_HEADER, type BrowserHost } from './browser-host';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw requests, because fetch normalises '..' away and will not send a forged Host header. */
function raw(port: number, opts: { path: string; method?: string; headers?: Record<string, string | number>; body?: Buffer }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('browser host', () => {
  let host: BrowserHost;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir('wardplan-host-');
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app-1234.css'), 'body{}');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'TOP-SECRET');
    host = await startBrowserHost({
      dbPath: path.join(dir, 'ward.db'),
      rendererDir,
      outDir: path.join(dir, 'outbox'),
      passphrase: async () => 'mat-khau-thu-nghiem',
    });
  });

  afterAll(async () => {
    await host?.close();
  });

  const callApi = (body: unknown, headers: Record<string, string> = { [TOKEN_HEADER]: host.token }) =>
    fetch(new URL('/api/call', host.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('listens on 127.0.0.1 with a long random token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('serves index.html with the token injected, the strict CSP and no caching', async () => {
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toContain(`<meta name="wardplan-token" content="${host.token}">`);
  });

  it('serves assets with their content types', async () => {
    const js = await fetch(new URL('/assets/app-1234.js', host.url));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    const css = await fetch(new URL('/assets/app-1234.css', host.url));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(new URL('/assets/nothing.js', host.url))).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/%00index.html']) {
      const res = await raw(host.port, { path: p, headers: { host: `127.0.0.1:${host.port}` } });
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.body, p).not.toContain('TOP-SECRET');
    }
  });

  it('refuses requests whose Host is not this host (DNS rebinding)', async () => {
    const res = await raw(host.port, { path: '/', headers: { host: `evil.example:${host.port}` } });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain(host.token);
    const ok = await raw(host.port, { path: '/', headers: { host: `localhost:${host.port}` } });
    expect(ok.status).toBe(200);
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const none = await callApi({ method: 'app.status', input: {} }, {});
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ ok: false, error: { code: 'host.unauthorized', params: {} } });
    const wrong = await callApi({ method: 'app.status', input: {} }, { [TOKEN_HEADER]: 'x'.repeat(host.token.length) });
    expect(wrong.status).toBe(401);
  });

  it('refuses API calls from another origin even with the token', async () => {
    const res = await callApi({ method: 'app.status', input: {} }, { [TOKEN_HEADER]: host.token, origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('answers the API: first run, setup with the demo plan, then the tasks', async () => {
    const status = await (await callApi({ method: 'app.status', input: {} })).json();
    expect(status).toMatchObject({ ok: true, value: { initialized: false } });
    const setup = (await (
      await callApi({
        method: 'app.setup',
        input: { wardCode: 'x', wardName: 'x', cityCode: 'HP', cityName: 'Hải Phòng', officerName: 'Nguyễn Văn A', demo: true },
      })
    ).json()) as any;
    expect(setup.ok).toBe(true);
    const tasks = (await (await callApi({ method: 'tasks.list', input: { search: 'chuyen doi so' } })).json()) as any;
    expect(tasks.ok).toBe(true);
    expect(tasks.value.length).toBeGreaterThan(0);
  });

  it('passes refusals through as ApiResult errors', async () => {
    const unknown = await (await callApi({ method: 'nope', input: {} })).json();
    expect(unknown).toEqual({ ok: false, error: { code: 'api.unknown_method', params: { method: 'nope' } } });
    const bad = (await (await callApi({ method: 'tasks.get', input: { id: 'not-a-uuid' } })).json()) as any;
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('api.bad_input');
  });

  it('writes files the browser cannot place itself into the outbox', async () => {
    const r = (await (await callApi({ method: 'keys.enrollmentRequest', input: {} })).json()) as any;
    expect(r.ok).toBe(true);
    expect(path.dirname(r.value.path)).toBe(path.join(dir, 'outbox'));
    expect(fs.existsSync(r.value.path)).toBe(true);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await fetch(new URL('/api/call', host.url), { method: 'POST', headers: { [TOKEN_HEADER]: host.token }, body: '{nope' });
    expect(res.status).toBe(400);
  });

  it('refuses a body over the limit before reading it', async () => {
    const res = await raw(host.port, {
      path: '/api/call',
      method: 'POST',
      headers: { host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token, 'content-type': 'application/json', 'content-length': MAX_BODY_BYTES + 1 },
      body: Buffer.from('{"method":"app.status"'),
    });
    expect(res.status).toBe(413);
  });

  it('refuses a streamed body once it passes the limit', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1024 * 1024, 0x20);
    const res = await fetch(new URL('/api/call', host.url), {
      method: 'POST',
      headers: { [TOKEN_HEADER]: host.token, 'content-type': 'application/json' },
      body: big,
    }).catch((e: unknown) => e);
    // Either the 413 arrives, or the connection is cut while the client is still sending: never a 200.
    if (res instanceof Response) expect(res.status).toBe(413);
    else expect(res).toBeInstanceOf(Error);
    const after = await callApi({ method: 'app.status', input: {} });
    expect(after.status).toBe(200);
  });

  it('allows only GET and HEAD for files and POST for the API', async () => {
    expect((await fetch(host.url, { method: 'POST' })).status).toBe(405);
    expect((await fetch(new URL('/api/call', host.url), { headers: { [TOKEN_HEADER]: host.token } })).status).toBe(405);
  });
});

describe('browser host without a passphrase in its environment', () => {
  it('asks the page for the passphrase: locked until unlocked over the API, then the key serves the session', async () => {
    const dir = tempDir('wardplan-host-unlock-');
    const saved = process.env.WARDPLAN_PASSPHRASE;
    delete process.env.WARDPLAN_PASSPHRASE;
    const host = await startBrowserHost({ dbPath: path.join(dir, 'ward.db'), rendererDir: dir, outDir: path.join(dir, 'outbox') });
    if (saved !== undefined) process.env.WARDPLAN_PASSPHRASE = saved;
    const call = async (method: string, input: unknown) =>
      (await (
        await fetch(new URL('/api/call', host.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
          body: JSON.stringify({ method, input }),
        })
      ).json()) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };
    try {
      expect(
        (await call('app.setup', { wardCode: 'HP-X', wardName: 'Phường X', cityCode: 'HP', cityName: 'Hải Phòng', officerName: 'Cán bộ', demo: false })).ok,
      ).toBe(true);
      expect((await call('keys.enrollmentRequest', {})).error?.code).toBe('keys.passphrase_needed');
      expect((await call('keys.unlock', { passphrase: '' })).error?.code).toBe('keys.passphrase_too_short');
      expect((await call('keys.passphraseState', {})).value).toEqual({ asksInApp: true, unlocked: false, keyExists: false });
      expect((await call('keys.unlock', { passphrase: 'mật khẩu của phường X' })).value).toMatchObject({ unlocked: true });
      const r = await call('keys.enrollmentRequest', {});
      expect(r.ok).toBe(true);
      expect(fs.readFileSync(path.join(dir, 'ward.db.key'), 'utf8')).not.toContain('mật khẩu');
    } finally {
      await host.close();
    }
  });
});

describe('browser host with the core in a worker thread', () => {
  it('answers the page while a call waits on the database, then finishes the call; closing ends the core', async () => {
    const dir = tempDir('wardplan-host-worker-');
    const dbPath = path.join(dir, 'ward.db');
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    const host = await startBrowserHost({ dbPath, rendererDir: dir, outDir: path.join(dir, 'outbox'), passphrase: async () => 'mat-khau-thu-nghiem' });
    const call = async (method: string, input: unknown) =>
      (await (
        await fetch(new URL('/api/call', host.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
          body: JSON.stringify({ method, input }),
        })
      ).json()) as { ok: boolean; value?: Record<string, unknown> };
    const setup = await call('app.setup', { wardCode: 'HP-X', wardName: 'Phường X', cityCode: 'HP', cityName: 'Hải Phòng', officerName: 'A', demo: true });
    expect(setup.ok).toBe(true);
    const other = openDatabase(dbPath, { mustExist: true });
    try {
      // Another writer holds the database: the core's write waits inside SQLite, a synchronous wait
      // that on the host's own thread would hold every request, and this test's release, behind it.
      other.sqlite.prepare('BEGIN IMMEDIATE').run();
      const order: string[] = [];
      const update = call('profile.update', { officerName: 'Nguyễn Thị B' }).then((r) => (order.push('update'), r));
      const page = await fetch(host.url);
      order.push(`page ${page.status}`);
      other.sqlite.prepare('COMMIT').run();
      expect((await update).value).toMatchObject({ officerName: 'Nguyễn Thị B' });
      expect(order).toEqual(['page 200', 'update']);
    } finally {
      other.close();
      await host.close();
    }
    // The core closed the database on the way out: its WAL is folded back into the file.
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
  });
});
