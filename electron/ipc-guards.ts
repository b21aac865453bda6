/**
 * The checks every IPC message passes before it reaches the API or a native dialog. Pure, so
 * they are unit-tested here without an Electron binary; main.ts only gathers the facts.
 */
import type { ApiError } from '../shared/api/contract';
import { isAppUrl } from './app-protocol';
import type { FileFilter } from '../shared/api/bridge-types';

/**
 * The largest call accepted. Evidence files travel as base64 in `tasks.attach` (4/3 of their
 * size), so this admits a 60 MB scan and still refuses a runaway or hostile payload before any
 * decoding or database work is done on it.
 */
export const MAX_PAYLOAD_BYTES = 80 * 1024 * 1024;

/** Deeper than any API input; a cap so a cyclic or absurdly nested value cannot exhaust the stack. */
const MAX_DEPTH = 32;
/** A cap on work: shared references in a structured clone can make a small message a huge tree. */
const MAX_NODES = 500_000;

export interface SenderFacts {
  /** `event.sender.id`. */
  webContentsId: number;
  /** `event.senderFrame?.url`; null when the frame has already gone. */
  frameUrl: string | null | undefined;
  /** `event.senderFrame?.parent === null`. */
  isMainFrame: boolean;
}

/**
 * Only the app's own window, its top frame, showing our own origin. An iframe or a page that
 * somehow navigated elsewhere in that window gets nothing, even with the preload present.
 */
export function isTrustedSender(facts: SenderFacts, trustedWebContentsId: number | null): boolean {
  return trustedWebContentsId !== null && facts.webContentsId === trustedWebContentsId && facts.isMainFrame && isAppUrl(facts.frameUrl);
}

/**
 * A bound on the size of a structured-clone value, in bytes (string characters count one each:
 * the large strings here are base64). Stops counting, returning Infinity, once `limit` is passed,
 * the value is nested too deeply, or it has too many parts.
 */
export function payloadSize(value: unknown, limit = MAX_PAYLOAD_BYTES): number {
  let total = 0;
  let nodes = 0;
  const walk = (v: unknown, depth: number): boolean => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return false;
    if (v === null || v === undefined || typeof v === 'boolean') total += 1;
    else if (typeof v === 'number' || typeof v === 'bigint') total += 8;
    else if (typeof v === 'string') total += v.length;
    else if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) total += v.byteLength;
    else if (typeof v === 'object') {
      const entries: Iterable<unknown> =
        v instanceof Map ? [...v.keys(), ...v.values()] : v instanceof Set ? v : Object.keys(v).flatMap((k) => [k, (v as Record<string, unknown>)[k]]);
      for (const e of entries) if (!walk(e, depth + 1)) return false;
    } else total += 8;
    return total <= limit;
  };
  return walk(value, 0) ? total : Number.POSITIVE_INFINITY;
}

export type CallCheck = { ok: true; method: string } | { ok: false; error: ApiError };

/**
 * The transport-level checks; the method's schema is applied afterwards by WardApi. A refusal is
 * an ApiResult error rather than a thrown one, so the renderer shows a message instead of crashing.
 */
export function checkCallArgs(method: unknown, input: unknown, limit = MAX_PAYLOAD_BYTES): CallCheck {
  if (typeof method !== 'string' || method.length === 0 || method.length > 100) {
    return { ok: false, error: { code: 'api.unknown_method', params: { method: typeof method === 'string' ? method.slice(0, 100) : `(${typeof method})` } } };
  }
  if (payloadSize(input, limit) > limit) {
    return { ok: false, error: { code: 'api.payload_too_large', params: { method, limitMb: Math.floor(limit / (1024 * 1024)) } } };
  }
  return { ok: true, method };
}

const EXTENSION = /^(\*|[A-Za-z0-9]{1,16})$/;

/** Dialog filters from the renderer, or null when they are not the plain shape the dialog expects. */
export function parseFilters(value: unknown): FileFilter[] | null {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > 20) return null;
  const out: FileFilter[] = [];
  for (const f of value) {
    if (typeof f !== 'object' || f === null) return null;
    const { name, extensions } = f as Record<string, unknown>;
    if (typeof name !== 'string' || name.length === 0 || name.length > 100) return null;
    if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > 20) return null;
    if (!extensions.every((e): e is string => typeof e === 'string' && EXTENSION.test(e))) return null;
    out.push({ name, extensions: [...extensions] });
  }
  return out;
}

/**
 * A suggested file name for the save dialog: a bare name only. A path here would let the page
 * steer the dialog to a folder of its choosing; the officer picks the folder, the page the name.
 */
export function parseDefaultName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const name = value.trim();
  if (name.length === 0 || name.length > 200) return null;
  // Control characters are exactly what must not reach a file name on Windows.
  // eslint-disable-next-line no-control-regex
  if (/[\0-\x1f<>:"/\\|?*]/.test(name) || name === '.' || name === '..' || /[. ]$/.test(name)) return null;
  return name;
}
