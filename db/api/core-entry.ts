/**
 * The core as a process or thread of its own: Electron's utility process, a worker thread of the
 * browser host, or a Node child process. It speaks shared/api/core-protocol.ts over whichever
 * channel it was started with.
 */
import { parentPort } from 'node:worker_threads';
import type { HostToCore } from '../../shared/api/core-protocol';
import { serveCore, type CorePort } from './core-server';

/** Electron's utility process hands its port over as `process.parentPort`; messages arrive as `{ data }`. */
interface UtilityParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

function hostPort(): CorePort {
  if (parentPort) {
    const p = parentPort;
    return { send: (m) => p.postMessage(m), onMessage: (fn) => p.on('message', (m: HostToCore) => fn(m)) };
  }
  const utility = (process as unknown as { parentPort?: UtilityParentPort }).parentPort;
  if (utility) return { send: (m) => utility.postMessage(m), onMessage: (fn) => utility.on('message', (e) => fn(e.data as HostToCore)) };
  if (process.send) {
    const send = process.send.bind(process);
    // The parent going away (a crash, a kill) must not leave the database held by an orphan.
    process.on('disconnect', () => process.exit(0));
    return { send: (m) => void send(m), onMessage: (fn) => process.on('message', (m) => fn(m as HostToCore)) };
  }
  throw new Error('the core was started without a channel to its host');
}

serveCore(hostPort());
