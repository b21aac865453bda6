/**
 * The real API on a temp SQLite file, reached by the renderer through the same `window.wardplan`
 * bridge the desktop shell provides: a call crosses a JSON boundary (as it crosses IPC) into the
 * real schemas and handlers. It records each method called, so a test can tell what a screen asked.
 */
import path from 'node:path';
import type { ApiResult, Input, Method } from '../../shared/api/contract';
import type { WardplanBridge } from '../../shared/api/bridge-types';
import { WardApi } from '../../db/api/ward-api';
import { openDatabase } from '../../db/database';
import { createDemoWard } from '../../db/services/demo';
import { fixedClock, tempDir } from './temp';

export interface InProcessWard {
  api: WardApi;
  bridge: WardplanBridge;
  /** Every method the page called, in order. */
  calls: Method[];
  /** A call straight to the API, as another host would make it; fails the test when refused. */
  ok<M extends Method>(method: M, input: Input<M>): Promise<ApiResult<M> & { ok: true }>;
  close(): void;
}

export function inProcessWard(opts: { demo?: boolean } = {}): InProcessWard {
  const dir = tempDir('wardplan-renderer-');
  const dbPath = path.join(dir, 'ward.db');
  if (opts.demo) {
    const db = openDatabase(dbPath);
    createDemoWard(db, { now: fixedClock });
    db.close();
  }
  const api = new WardApi({ dbPath, now: fixedClock, defaultOutDir: () => path.join(dir, 'outbox') });
  const calls: Method[] = [];
  const across = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
  const bridge: WardplanBridge = {
    host: 'electron',
    call: async <M extends Method>(method: M, input: Input<M>) => {
      calls.push(method);
      return across(await api.call(method, across(input))) as ApiResult<M>;
    },
    pickFolder: async () => null,
    pickFile: async () => null,
    saveFile: async () => null,
    openEvidence: async () => ({ ok: false, error: { code: 'internal', params: {} } }),
  };
  return {
    api,
    bridge,
    calls,
    ok: async (method, input) => {
      const r = await api.call(method, input);
      if (!r.ok) throw new Error(`${method} refused: ${JSON.stringify(r.error)}`);
      return r as never;
    },
    close: () => api.close(),
  };
}
