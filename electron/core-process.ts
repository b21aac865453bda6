/**
 * The core in Electron's utility process: synchronous SQLite, bundle verification, scrypt and
 * document generation run there, so the main process — which moves the window, answers its
 * dialogs and its menu — never waits on them. The process runs the same entry file as the browser
 * host's worker thread (db/api/core-entry.ts, bundled as core.cjs beside main.cjs).
 */
import { utilityProcess } from 'electron';
import { CoreClient, type CoreChannel, type CoreHostServices } from '../db/api/core-client';
import type { CoreOptions, HostToCore } from '../shared/api/core-protocol';

/** The part of Electron's UtilityProcess used here. */
export interface UtilityProcessLike {
  postMessage(message: unknown): void;
  on(event: 'spawn', listener: () => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  kill(): boolean;
}

export function utilityChannel(child: UtilityProcessLike): CoreChannel {
  // Messages posted before the process has spawned would be lost; they wait here instead.
  let queue: HostToCore[] | null = [];
  let exitFn: ((reason: string) => void) | null = null;
  child.on('spawn', () => {
    for (const m of queue ?? []) child.postMessage(m);
    queue = null;
  });
  child.on('exit', (code) => exitFn?.(`exit ${code}`));
  return {
    post: (m) => (queue ? queue.push(m) : child.postMessage(m)),
    onMessage: (fn) => child.on('message', (m) => fn(m as Parameters<typeof fn>[0])),
    onExit: (fn) => (exitFn = fn),
    kill: () => void child.kill(),
  };
}

export function startCoreProcess(entry: string, options: CoreOptions, services: CoreHostServices): CoreClient {
  const child = utilityProcess.fork(entry, [], { serviceName: 'WardPlan core', stdio: 'inherit' });
  return new CoreClient(utilityChannel(child), options, services);
}
