/**
 * Handlers for sending to the city's hub. A send can take minutes on a poor line, longer than a
 * window should hold one call open, so `hub.send` starts it in the host and answers at once; the
 * screen polls `hub.outbox`, which carries the progress beside the outbox itself. The command line
 * holds its one call open instead (`hub.sendAndWait`) and is told the same progress as it goes.
 * One send at a time either way, since both walk the same outbox.
 */
import type { HubProgress, HubSendResult } from '../../shared/api/contract-hub';
import { toApiError } from '../../shared/api/errors';
import { AppError } from '../../shared/errors';
import type { KeyStore } from '../keys/key-store';
import type { Session } from '../session';
import { hubAddress, outbox, sendToHub, setHubAddress, type SendOptions } from '../hub-client/send';
import { fetchEnrollmentAnswer, postEnrollmentRequest } from '../hub-client/enroll';
import { hubBase, hubVersion } from '../hub-client/http';
import type { DatabaseHolder, HandlerGroup } from './database-holder';

export interface HubHostOptions {
  keyStore: () => KeyStore;
  /** Retry timing; tests shorten it. */
  send?: SendOptions | undefined;
}

function idle(): HubProgress {
  return { running: false, stage: null, bundleId: null, bytesSent: 0, bytesTotal: 0, attempt: 0, startedAt: null, finishedAt: null, error: null };
}

export function createHubHandlers(holder: DatabaseHolder, host: HubHostOptions) {
  const s = () => holder.requireSession();
  let progress: HubProgress = idle();

  function send(session: Session, url: string | null, report: (p: HubProgress) => void): Promise<HubSendResult> {
    const store = host.keyStore();
    progress = { ...idle(), running: true, stage: 'export', startedAt: session.now() };
    report(progress);
    return sendToHub(session, store, url, {
      ...host.send,
      onProgress: (p) => {
        progress = { ...progress, stage: p.stage, bundleId: p.bundleId, bytesSent: p.bytesSent, bytesTotal: p.bytesTotal, attempt: p.attempt };
        report(progress);
      },
    }).then(
      (r) => {
        progress = { ...progress, running: false, stage: 'done', finishedAt: session.now(), error: r.catalogError };
        return r;
      },
      (e: unknown) => {
        progress = { ...progress, running: false, stage: 'failed', finishedAt: session.now(), error: toApiError(e) };
        throw e;
      },
    );
  }

  return {
    'hub.getAddress': () => ({ url: hubAddress(s()) }),
    'hub.setAddress': (i) => ({ url: setHubAddress(s(), i.url) }),
    'hub.check': async () => {
      const address = hubAddress(s());
      if (!address) return { address: null, reachable: false, error: { code: 'hub.no_address', params: {} }, version: null };
      try {
        const v = await hubVersion(hubBase(address));
        return { address, reachable: true, error: null, version: v.version };
      } catch (e) {
        return { address, reachable: false, error: toApiError(e), version: null };
      }
    },
    'hub.send': () => {
      if (progress.running) return progress;
      // The outcome stays in `progress` and the outbox, where the screen reads it.
      send(s(), null, () => {}).catch(() => {});
      return progress;
    },
    'hub.sendAndWait': (i, call) => {
      if (progress.running) throw new AppError('hub.send_running');
      return send(s(), i.url ?? null, (p) => call.progress(p));
    },
    'enroll.send': (i) => postEnrollmentRequest(s(), host.keyStore(), i.url),
    'enroll.fetch': (i) => fetchEnrollmentAnswer(s(), i.url),
    'hub.outbox': () => {
      const session = s();
      return { items: outbox(session), progress, address: hubAddress(session) };
    },
  } satisfies HandlerGroup;
}
