/**
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
