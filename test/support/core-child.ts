/**
 * The core's entry file (db/api/core-entry.ts) in a Node child process: what Electron's utility
 * process does, without Electron, so the message protocol is tested here on every machine.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreClient, type CoreChannel, type CoreHostServices } from '../../db/api/core-client';
import type { CoreOptions } from '../../shared/api/core-protocol';

const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'db', 'api', 'core-entry.ts');

export function childChannel(child: ChildProcess): CoreChannel {
  let exitFn: ((reason: string) => void) | null = null;
  child.on('exit', (code, signal) => exitFn?.(signal ? `killed (${signal})` : `exit ${code}`));
  return {
    post: (m) => void child.send(m),
    onMessage: (fn) => child.on('message', fn as (m: unknown) => void),
    onExit: (fn) => (exitFn = fn),
    kill: () => void child.kill(),
  };
}

export function startCoreChild(options: CoreOptions, services: CoreHostServices = {}): { client: CoreClient; child: ChildProcess } {
  // 'advanced' is the structured clone that worker threads and Electron's utility process use.
  const child = fork(entry, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return { client: new CoreClient(childChannel(child), options, services), child };
}
