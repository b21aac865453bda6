import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAllowedRequestUrl, isAppUrl, mimeTypeFor, resolveAppRequest, responseHeaders } from '../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../shared/web-serving';

describe('app:// path safety', () => {
  const root = '/opt/wardplan/dist/renderer';

  it('serves the entry page and files under the renderer root', () => {
    expect(resolveAppRequest(APP_ENTRY_URL, root)).toEqual({ ok: true, file: path.join(root, 'index.html'), spaFallback: false });
    expect(resolveAppRequest('app://wardplan/', root)).toEqual({ ok: true, file: path.join(root, 'index.html'), spaFallback: false });
    expect(resolveAppRequest('app://wardplan/assets/index-abc.js?v=1#x', root)).toEqual({
      ok: true,
      file: path.join(root, 'assets', 'index-abc.js'),
      spaFallback: false,
    });
    // Vietnamese file names arrive percent-encoded.
    expect(resolveAppRequest('app://wardplan/assets/b%E1%BA%A3n-%C4%91%E1%BB%93.svg', root)).toMatchObject({
      ok: true,
      file: path.join(root, 'assets', 'bản-đồ.svg'),
    });
  });

  it('marks extension-less paths as client-side routes', () => {
    expect(resolveAppRequest('app://wardplan/tasks/123', root)).toMatchObject({ ok: true, spaFallback: true });
  });

  it.each([
    'app://wardplan/..%2f..%2fetc%2fpasswd',
    'app://wardplan/assets/..%2F..%2F..%2Fsecret',
    'app://wardplan/a/%2e%2e%2f%2e%2e%2f%2e%2e%2fx',
    'app://wardplan/..%5c..%5cwindows%5cwin.ini',
    'app://wardplan/index.html%00.png',
    'app://wardplan/C:%2fWindows%2fwin.ini',
    'app://wardplan/index.html::$DATA',
  ])('refuses %s', (url) => {
    expect(resolveAppRequest(url, root)).toEqual({ ok: false, status: 403 });
  });

  it('keeps dot segments the URL parser resolves inside the root', () => {
    expect(resolveAppRequest('app://wardplan/a/%2e%2e/%2e%2e/%2e%2e/x.js', root)).toEqual({ ok: true, file: path.join(root, 'x.js'), spaFallback: false });
    expect(resolveAppRequest('app://wardplan/../../etc/passwd', root)).toMatchObject({ ok: true, file: path.join(root, 'etc', 'passwd') });
  });

  it('answers 400 to a malformed escape', () => {
    expect(resolveAppRequest('app://wardplan/%E0%A4%A', root)).toEqual({ ok: false, status: 400 });
  });

  it('refuses other hosts, schemes and credentials', () => {
    for (const url of [
      'app://other/index.html',
      'app://wardplan.evil/index.html',
      'app://wardplan:8080/index.html',
      'app://u:p@wardplan/index.html',
      'file:///etc/passwd',
      'https://wardplan/index.html',
    ]) {
      expect(resolveAppRequest(url, root)).toEqual({ ok: false, status: 403 });
    }
  });

  it('keeps Windows paths inside the root too', () => {
    const winRoot = 'C:\\Users\\can-bo\\AppData\\Local\\Programs\\WardPlan\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppRequest('app://wardplan/assets/a.js', winRoot, path.win32)).toEqual({ ok: true, file: `${winRoot}\\assets\\a.js`, spaFallback: false });
    expect(resolveAppRequest('app://wardplan/..%5C..%5Cx', winRoot, path.win32)).toEqual({ ok: false, status: 403 });
    expect(resolveAppRequest('app://wardplan/D:/x', winRoot, path.win32)).toEqual({ ok: false, status: 403 });
  });

  it('recognises only its own origin', () => {
    expect(isAppUrl('app://wardplan/index.html')).toBe(true);
    expect(isAppUrl('app://WARDPLAN/index.html')).toBe(true);
    expect(isAppUrl('app://wardplan.evil/')).toBe(false);
    expect(isAppUrl('http://wardplan/')).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('what the session may load', () => {
  it('allows the app, data:, blob: and devtools:, nothing from the network or disk', () => {
    expect(isAllowedRequestUrl('app://wardplan/assets/a.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://wardplan/1234')).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html')).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.1:3000/', 'ws://localhost/', 'file:///C:/Windows/win.ini', 'app://evil/x', 'ftp://x/']) {
      expect(isAllowedRequestUrl(url)).toBe(false);
    }
  });
});

describe('responses', () => {
  it('gives the right type to what Vite builds', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a/INDEX-1.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('x.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('x.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('x.unknown')).toBe('application/octet-stream');
  });

  it('carries the CSP and nosniff on every answer', () => {
    const h = responseHeaders('text/html');
    expect(h['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(h['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('Content-Security-Policy', () => {
  const directives = Object.fromEntries(CSP_DIRECTIVES);

  it('is the strict policy the security review agreed', () => {
    expect(directives['default-src']).toBe("'self'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['style-src']).toBe("'self' 'unsafe-inline'");
    expect(directives['img-src']).toBe("'self' data: blob:");
    expect(directives['connect-src']).toBe("'self'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['base-uri']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
  });

  it('never allows eval, inline scripts or a remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https?:|\*/);
    expect(directives['script-src']).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY.split('; ')).toHaveLength(CSP_DIRECTIVES.length);
  });
});
