/**
 * Handlers for sending to the city's hub. A send can take minutes on a poor line, longer than any
 * host should hold one call open, so `hub.send` starts it in the host and answers at once; the
 * screen polls `hub.outbox`, which carries the progress beside the outbox itself.
 */
import type { HubProgress } from '../../shared/api/contract-hub';
import { toApiError } from '../../shared/api/errors';
import type { KeyStore } from '../keys/key-store';
import { hubAddress, outbox, sendToHub, setHubAddress, type SendOptions } from '../hub-client/send';
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
      const session = s();
      progress = { ...idle(), running: true, stage: 'export', startedAt: session.now() };
      void sendToHub(session, host.keyStore(), null, {
        ...host.send,
        onProgress: (p) => {
          progress = { ...progress, stage: p.stage, bundleId: p.bundleId, bytesSent: p.bytesSent, bytesTotal: p.bytesTotal, attempt: p.attempt };
        },
      }).then(
        (r) => {
          progress = { ...progress, running: false, stage: 'done', finishedAt: session.now(), error: r.catalogError };
        },
        (e: unknown) => {
          progress = { ...progress, running: false, stage: 'failed', finishedAt: session.now(), error: toApiError(e) };
        },
      );
      return progress;
    },
    'hub.outbox': () => {
      const session = s();
      return { items: outbox(session), progress, address: hubAddress(session) };
    },
  } satisfies HandlerGroup;
}
