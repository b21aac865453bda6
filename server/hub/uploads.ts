/**
 * Resumable uploads of bundles (tus, via @tus/server and its file store). A ward proves who it is
 * when it creates an upload (a signature by its enrolled key over the upload's size and the
 * time, in Upload-Metadata); a finished upload goes through the same import as a USB stick
 * (uploads finished while one import runs go in together, as one batch), and the answer to the
 * last byte carries the outcome. The outcome is also kept, so a ward
 * whose line dropped on that last answer asks `GET /v1/outcomes/:id` instead of sending again.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { EVENTS, Server as TusServer } from '@tus/server';
import { FileStore } from '@tus/file-store';
import { toApiError } from '../../shared/api/errors';
import { AppError, appErrorFrom } from '../../shared/errors';
import { authenticateWard, parseRotation } from '../../db/sync/hub-auth';
import { hubOutcome, recordUploadDone, uploadOutcome } from '../../db/sync/hub-city';
import type { ImportOutcome } from '../../shared/api/sync-types';
import { errorBody, statusOf, type HubContext } from './context';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const UPLOAD_PATH = '/v1/uploads';

function refusal(e: unknown): { status_code: number; body: string } {
  const err = toApiError(e);
  return {
    status_code: err.code === 'internal' ? 500 : statusOf(err.code),
    body: JSON.stringify(errorBody(err.code === 'internal' ? { code: 'hub.server_error', params: {} } : err)),
  };
}

/** tus's own refusals (size, missing upload) said the way every other answer of the hub is. */
function translateTusError(ctx: HubContext, status: number, body: string): { status_code: number; body: string } {
  if (status === 413) return refusal(new AppError('hub.upload_too_large', { limitMb: Math.floor(ctx.limits.maxUploadBytes / 1048576) }));
  if (status === 404 || status === 410) return refusal(new AppError('hub.upload_not_found'));
  if (status === 400 && /length/i.test(body)) return refusal(new AppError('hub.length_required'));
  if (status >= 500) return refusal(new Error(body));
  return { status_code: status, body: JSON.stringify(errorBody({ code: 'hub.bad_request', params: { detail: body.trim().slice(0, 200) } })) };
}

/**
 * Uploads finished while an import runs wait for the next turn and are imported together: many
 * wards' bundles in one transaction at quarter's end, one at a time when the hub is quiet.
 */
function importQueue(ctx: HubContext): (file: string) => Promise<ImportOutcome> {
  let waiting: Array<{ file: string; done: (o: ImportOutcome) => void; fail: (e: unknown) => void }> = [];
  const turn = async () => {
    const group = waiting;
    waiting = [];
    try {
      const result = await ctx.core.call('sync.importMany', { paths: group.map((g) => g.file) });
      if (!result.ok) throw appErrorFrom(result.error);
      const outcomes = result.value as ImportOutcome[];
      group.forEach((g, i) => g.done(outcomes[i]!));
    } catch (e) {
      for (const g of group) g.fail(e);
    }
  };
  return (file) =>
    new Promise<ImportOutcome>((done, fail) => {
      waiting.push({ file, done, fail });
      // The first file to wait books the turn; the others join it until it starts.
      if (waiting.length === 1) void ctx.serial(turn);
    });
}

export async function registerUploads(app: FastifyInstance, ctx: HubContext): Promise<void> {
  fs.mkdirSync(ctx.uploadDir, { recursive: true });
  const store = new FileStore({ directory: ctx.uploadDir, expirationPeriodInMilliseconds: ctx.limits.expirationMs });
  // Uploads begun and not finished, per ward. Kept in memory: a limit on a burst, not a record, so
  // it costs no database write per upload, and an upload abandoned before a restart counts no more.
  const inFlight = new Map<string, { ward: string; at: number }>();
  const inFlightOf = (ward: string) => {
    const since = Date.now() - ctx.limits.inFlightWindowMs;
    let n = 0;
    for (const [id, u] of inFlight) {
      if (u.at < since) inFlight.delete(id);
      else if (u.ward === ward) n++;
    }
    return n;
  };
  const importOne = importQueue(ctx);
  const tus = new TusServer({
    path: UPLOAD_PATH,
    datastore: store,
    maxSize: ctx.limits.maxUploadBytes,
    respectForwardedHeaders: false,
    ...(ctx.publicUrl ? { generateUrl: (_req: unknown, o: { id: string }) => `${ctx.publicUrl}${UPLOAD_PATH}/${o.id}` } : {}),
    disableTerminationForFinishedUploads: true,
    async onUploadCreate(_req, upload) {
      try {
        if (upload.sizeIsDeferred || upload.size === undefined) throw new AppError('hub.length_required');
        const m = upload.metadata ?? {};
        const who = authenticateWard(
          ctx.s,
          'upload',
          { keyId: m.keyId ?? undefined, at: m.at ?? undefined, signature: m.sig ?? undefined, rotation: parseRotation(m.rotation) },
          String(upload.size),
        );
        const count = inFlightOf(who.wardCode);
        if (count >= ctx.limits.maxInFlightPerWard)
          throw new AppError('hub.too_many_uploads', { ward: who.wardCode, count, limit: ctx.limits.maxInFlightPerWard });
        inFlight.set(upload.id, { ward: who.wardCode, at: Date.now() });
        return {};
      } catch (e) {
        throw refusal(e);
      }
    },
    async onUploadFinish(req, upload) {
      const file = path.join(ctx.uploadDir, upload.id);
      try {
        const imported = await importOne(file);
        const outcome = await ctx.serial(async () => {
          const r = hubOutcome(upload.id, imported);
          recordUploadDone(ctx.s, upload.id, inFlight.get(upload.id)?.ward ?? imported.owner ?? '', upload.metadata?.keyId ?? '', r);
          return r;
        });
        // POST carrying the whole bundle answers 201 as tus says; a PATCH answers 200, since 204 could carry no body.
        return {
          status_code: req.method === 'POST' ? 201 : 200,
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
          body: JSON.stringify(outcome),
        };
      } catch (e) {
        throw refusal(e);
      }
    },
    onResponseError(_req, err) {
      if (err instanceof Error) return refusal(err);
      // Our own refusals are already JSON; tus's are plain text.
      if (err.body.startsWith('{')) return err;
      return translateTusError(ctx, err.status_code, err.body);
    },
  });
  // The bundle has been imported (or quarantined by the import): the upload area keeps nothing of it.
  tus.on(EVENTS.POST_FINISH, (_req, _res, upload) => {
    inFlight.delete(upload.id);
    fs.rmSync(path.join(ctx.uploadDir, upload.id), { force: true });
    fs.rmSync(path.join(ctx.uploadDir, `${upload.id}.json`), { force: true });
  });

  // tus reads the raw request stream itself.
  app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));
  const handle = async (req: { raw: IncomingMessage }, reply: { hijack(): void; raw: ServerResponse }) => {
    reply.hijack();
    await tus.handle(req.raw, reply.raw);
  };
  app.all(UPLOAD_PATH, handle);
  app.all(`${UPLOAD_PATH}/*`, handle);

  app.get<{ Params: { id: string } }>('/v1/outcomes/:id', async (req, reply) => {
    if (!/^[0-9a-f]{32}$/.test(req.params.id)) return reply.code(404).send(errorBody({ code: 'hub.upload_not_found', params: {} }));
    const outcome = uploadOutcome(ctx.s, req.params.id);
    if (!outcome) return reply.code(404).send(errorBody({ code: 'hub.upload_not_found', params: {} }));
    return { status: 'done', outcome };
  });

  const cleanup = async () => {
    try {
      await store.deleteExpired();
    } catch (e) {
      app.log.warn({ err: e }, 'cleaning the upload area failed');
    }
  };
  await cleanup();
  const timer = setInterval(() => void cleanup(), Math.min(ctx.limits.expirationMs, 10 * 60_000));
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
