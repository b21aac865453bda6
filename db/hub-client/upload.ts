/**
 * One bundle up to the hub with tus-js-client: resumable from the byte where the line dropped,
 * and from the upload address kept in the database after the app restarts. Retries are ours, not
 * tus-js-client's, so each new attempt first asks the hub whether the last one already landed
 * (the answer to the last byte may be what the line dropped) and re-signs a fresh request.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as tus from 'tus-js-client';
import type { HubOutcome } from '../../shared/api/contract-hub';
import { AppError } from '../../shared/errors';
import type { StoredKey } from '../keys/key-store';
import { signHubRequest } from '../sync/hub-auth';
import { errorFromBody, hubJson } from './http';

export interface UploadOptions {
  base: string;
  file: string;
  key: StoredKey;
  /** An upload begun before (kept in hub_send): resumed rather than started again. */
  uploadUrl: string | null;
  onUploadUrl(url: string): void;
  onProgress(sent: number, total: number): void;
  onAttempt(attempt: number, error: AppError | null): void;
  /** Waits between attempts; the number of attempts is one more than its length. */
  retryDelaysMs: number[];
  /** With no byte moving for this long the attempt is given up and retried; also the limit on each plain request. */
  stallTimeoutMs: number;
}

/** Which failures are worth another attempt: the line, the server, a busy hub; not a refusal. */
function retryable(e: AppError): boolean {
  return [
    'hub.unreachable',
    'hub.server_error',
    'hub.rate_limited',
    'hub.too_many_uploads',
    'hub.upload_not_found',
    'hub.stale_request',
    'hub.bad_answer',
  ].includes(e.code);
}

function uploadIdOf(url: string): string | null {
  return /\/v1\/uploads\/([0-9a-f]{32})$/.exec(url)?.[1] ?? null;
}

async function outcomeOf(base: string, url: string, timeoutMs: number): Promise<HubOutcome | null> {
  const id = uploadIdOf(url);
  if (!id) return null;
  try {
    const r = await hubJson<{ status: string; outcome: HubOutcome | null }>(base, `/v1/outcomes/${id}`, { timeoutMs });
    return r.status === 'done' ? r.outcome : null;
  } catch {
    return null;
  }
}

function attemptOnce(o: UploadOptions, uploadUrl: string | null): Promise<HubOutcome> {
  const size = fs.statSync(o.file).size;
  const creds = signHubRequest(o.key, 'upload', String(size));
  const metadata: Record<string, string> = { filename: path.basename(o.file), keyId: creds.keyId, at: creds.at, sig: creds.signature };
  if (creds.rotation) metadata.rotation = Buffer.from(JSON.stringify(creds.rotation)).toString('base64');
  return new Promise<HubOutcome>((resolve, reject) => {
    let timer: NodeJS.Timeout | null = null;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      fn();
    };
    const upload = new tus.Upload(fs.createReadStream(o.file), {
      endpoint: `${o.base}/v1/uploads`,
      uploadUrl,
      uploadSize: size,
      metadata,
      retryDelays: null,
      storeFingerprintForResuming: false,
      removeFingerprintOnSuccess: false,
      onUploadUrlAvailable: () => {
        if (upload.url) o.onUploadUrl(upload.url);
      },
      onProgress: (sent, total) => {
        arm();
        o.onProgress(sent, total ?? size);
      },
      onSuccess: ({ lastResponse }) =>
        finish(() => {
          try {
            resolve(JSON.parse(lastResponse.getBody() ?? '') as HubOutcome);
          } catch {
            // The last answer carried no outcome (a resumed, already complete upload): ask for it.
            outcomeOf(o.base, upload.url ?? '', o.stallTimeoutMs).then(
              (r) => (r ? resolve(r) : reject(new AppError('hub.bad_answer', { url: o.base }))),
              reject,
            );
          }
        }),
      onError: (err) =>
        finish(() => {
          const res = (err as tus.DetailedError).originalResponse;
          if (res) reject(errorFromBody(o.base, res.getStatus(), res.getBody() ?? ''));
          else reject(new AppError('hub.unreachable', { url: o.base, reason: err.message.split('\n')[0]!.slice(0, 200) }));
        }),
    });
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        void upload.abort(false);
        finish(() => reject(new AppError('hub.unreachable', { url: o.base, reason: 'stalled' })));
      }, o.stallTimeoutMs);
    };
    arm();
    upload.start();
  });
}

export async function uploadBundle(o: UploadOptions): Promise<HubOutcome> {
  let url = o.uploadUrl;
  const tracked: UploadOptions = {
    ...o,
    onUploadUrl: (u) => {
      url = u;
      o.onUploadUrl(u);
    },
  };
  let last: AppError | null = null;
  for (let attempt = 1; attempt <= o.retryDelaysMs.length + 1; attempt++) {
    o.onAttempt(attempt, last);
    if (url) {
      const done = await outcomeOf(o.base, url, o.stallTimeoutMs);
      if (done) return done;
    }
    try {
      return await attemptOnce(tracked, url);
    } catch (e) {
      last = e instanceof AppError ? e : new AppError('hub.unreachable', { url: o.base, reason: String(e) });
      if (last.code === 'hub.upload_not_found') url = null;
      if (!retryable(last)) throw last;
      const wait = o.retryDelaysMs[attempt - 1];
      if (wait === undefined) break;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
  throw new AppError('hub.send_failed', {
    bundle: path.basename(o.file),
    attempts: o.retryDelaysMs.length + 1,
    reason: String(last?.params.reason ?? last?.code ?? ''),
  });
}
