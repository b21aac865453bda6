/**
 * The rules of the app:// protocol that serves the built renderer. No Electron here, so the
 * path-safety rules are tested on both POSIX and Windows path semantics without an Electron binary.
 */
import nodePath from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/web-serving';

export const APP_SCHEME = 'app';
export const APP_HOST = 'wardplan';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

type PathApi = Pick<typeof nodePath, 'join' | 'relative' | 'isAbsolute' | 'extname' | 'sep'>;

export type Resolved = { ok: true; file: string; spaFallback: boolean } | { ok: false; status: 400 | 403 | 404 };

/** True for URLs of our own origin, and nothing else (not app://other, not app://wardplan.evil). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // Chromium lower-cases the host of a standard scheme; Node's URL does not, so compare both ways alike.
  return u.protocol === `${APP_SCHEME}:` && u.host.toLowerCase() === APP_HOST && u.username === '' && u.password === '';
}

/**
 * Maps an app:// URL to a file under `root`, or says why not. Every check is on the decoded
 * path, because an encoded "..%2f" or "%5c" is what an attacker would send.
 */
export function resolveAppRequest(rawUrl: string, root: string, p: PathApi = nodePath): Resolved {
  if (!isAppUrl(rawUrl)) return { ok: false, status: 403 };
  const url = new URL(rawUrl);
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  // NUL ends C strings in the OS; a backslash is a separator on Windows that the URL parser did
  // not treat as one; ':' opens drive letters and NTFS alternate streams (index.html::$DATA).
  if (/[\0\\:]/.test(decoded)) return { ok: false, status: 403 };
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return { ok: false, status: 403 };
  if (segments.length === 0) return { ok: true, file: p.join(root, 'index.html'), spaFallback: false };

  const file = p.join(root, ...segments);
  const rel = p.relative(root, file);
  if (rel === '' || rel.startsWith('..') || p.isAbsolute(rel)) return { ok: false, status: 403 };
  // A path without an extension is a client-side route (/tasks/123): the app shell answers it.
  const spaFallback = p.extname(segments[segments.length - 1] ?? '') === '';
  return { ok: true, file, spaFallback };
}

export { contentTypeFor as mimeTypeFor } from '../shared/web-serving';

/** Headers on every app:// response, error pages included. */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    // The files change only with a new install; "no-cache" still revalidates so an upgrade is never half old.
    'Cache-Control': 'no-cache',
  };
}

/**
 * What the renderer's session may load at all. The CSP already says this to the page; this is
 * the same rule enforced a layer below, for anything the CSP does not cover (favicons, preloads,
 * a compromised page's tricks). devtools: is allowed because DevTools exists only in development.
 */
export function isAllowedRequestUrl(url: string): boolean {
  let scheme: string;
  try {
    scheme = new URL(url).protocol;
  } catch {
    return false;
  }
  if (scheme === `${APP_SCHEME}:`) return isAppUrl(url);
  return scheme === 'data:' || scheme === 'blob:' || scheme === 'devtools:';
}
