/**
 * How the app's pages are served, by Electron's app:// protocol and by the browser host alike.
 *
 * The Content-Security-Policy of every page the app serves. Kept as data so a test can hold the
 * line on it: no 'unsafe-eval', no remote origin, nothing that could run code we did not ship.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // antd writes its styles at run time (CSS-in-JS); without a nonce pipeline that needs inline styles.
  ['style-src', "'self' 'unsafe-inline'"],
  // Charts export through data: and blob: URLs; evidence previews use blob:.
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  // The renderer talks to the main process through IPC, never the network.
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file the renderer ships, by its extension; unknown files are opaque bytes. */
export function contentTypeFor(fileName: string): string {
  const ext = /\.[^./\\]+$/.exec(fileName)?.[0]?.toLowerCase() ?? '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}
