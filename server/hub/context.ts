/** What every route of the hub shares: the city's session and key, its folders, its limits. */
import type { ApiCaller } from '../../db/api/core-client';
import type { SealingKey } from '../../db/keys/key-store';
import type { Session } from '../../db/session';
import type { ApiError } from '../../shared/api/contract';
import { formatMessage } from '../../shared/i18n/messages';

export interface HubLimits {
  /** The largest bundle accepted, in bytes. */
  maxUploadBytes: number;
  /** Uploads one ward may have begun and not finished at once. */
  maxInFlightPerWard: number;
  /** An upload untouched this long no longer counts as in flight (the ward gave up or lost it). */
  inFlightWindowMs: number;
  /** Unfinished uploads older than this are deleted from the upload area. */
  expirationMs: number;
}

export interface HubContext {
  s: Session;
  /**
   * The city's key as it is now: unlocked once at start, and again after an administrator rotated
   * it on the dashboard, so the hub never signs a catalog or a receipt with a retired key.
   */
  cityKey: () => Promise<SealingKey>;
  uploadDir: string;
  catalogDir: string;
  limits: HubLimits;
  publicUrl?: string | undefined;
  /**
   * The core in a worker thread, for the imports: verifying and applying a bundle is synchronous
   * work that, on the server's thread, would hold every other ward's upload and every health check.
   */
  core: ApiCaller;
  /**
   * Imports and catalog writes run one at a time: the city database has one writer, and an
   * import decides "pending or apply" from state another import may be about to change.
   */
  serial<T>(fn: () => Promise<T>): Promise<T>;
}

/** The HTTP status for an error a ward can act on. */
const STATUS: Record<string, number> = {
  'hub.auth_missing': 401,
  'hub.unknown_key': 403,
  'hub.revoked_key': 403,
  'hub.bad_signature': 403,
  'hub.stale_request': 403,
  'hub.too_many_uploads': 429,
  'hub.rate_limited': 429,
  'hub.upload_too_large': 413,
  'hub.length_required': 400,
  'hub.bad_request': 400,
  'hub.upload_not_found': 404,
  'hub.enrollment_not_found': 404,
  'hub.enrollment_inbox_full': 503,
  'keys.bad_enrollment_request': 400,
};

export function statusOf(code: string): number {
  return STATUS[code] ?? (code === 'hub.server_error' ? 500 : 400);
}

/** The body of every refusal: a message key the ward formats itself, and both texts for anyone else. */
export function errorBody(e: ApiError): { error: ApiError & { message: { vi: string; en: string } } } {
  return { error: { ...e, message: { vi: formatMessage('vi', e.code, e.params), en: formatMessage('en', e.code, e.params) } } };
}
