/**
 * Runs the real bundled main process (build/build-electron.mjs output, built into a temp folder)
 * in this Node process, with fake-electron.cjs standing in for 'electron'. Shared by the Vitest
 * test of the main process and the Chromium test of the renderer over the same IPC door.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { MenuItemConstructorOptions } from 'electron';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const nodeRequire = createRequire(import.meta.url);

type Handler = (...args: unknown[]) => unknown;

export interface FakeWindow {
  options: { width: number; height: number; minWidth: number; minHeight: number; webPreferences: Record<string, unknown> };
  webContents: { id: number; loadedUrl: string | null; windowOpenHandler: Handler; emit(event: string, ...args: unknown[]): boolean };
}

export interface FakeState {
  paths: Record<string, string>;
  schemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocolHandlers: Map<string, (req: Request) => Promise<Response>>;
  ipcHandlers: Map<string, Handler>;
  menuTemplate: MenuItemConstructorOptions[] | null;
  windows: FakeWindow[];
  dialogs: { kind: string; options: Record<string, unknown> }[];
  /** What the next dialogs answer, in order; null is "cancelled". */
  dialogAnswers: (string | null)[];
  errorBoxes: { title: string; content: string }[];
  openedPaths: string[];
  openPathAnswer: string;
  exitCode: number | null;
  quitCalled: number;
  sandboxEnabled: boolean;
  utilityProcesses: { modulePath: string; options: Record<string, unknown>; child: ChildProcess }[];
  session: {
    permissionRequest: (wc: unknown, permission: string, cb: (ok: boolean) => void) => void;
    permissionCheck: () => boolean;
    webRequest: { beforeRequest: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void };
  };
}

export interface StandInMain {
  dir: string;
  dbPath: string;
  profileDir: string;
  state: FakeState;
  window: FakeWindow;
  /** The IPC event of the app's own page: the one sender main trusts. */
  trustedEvent(): { sender: { id: number }; senderFrame: { url: string; parent: null } };
  invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown>;
  /** The app:// handler as an HTTP server on 127.0.0.1, so a real browser can load what Electron would. */
  serveOverHttp(): Promise<{ url: string; close(): Promise<void> }>;
  quit(): void;
}

/** Options: where the built renderer is (a stand-in page when omitted). */
export async function startStandInMain(opts: { rendererDir?: string } = {}): Promise<StandInMain> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-stand-in-main-'));
  const dist = path.join(dir, 'dist');
  execFileSync(process.execPath, [path.join(repo, 'build', 'build-electron.mjs'), '--out', dist], { stdio: 'pipe' });
  const renderer = path.join(dist, 'renderer');
  if (opts.rendererDir) {
    fs.cpSync(opts.rendererDir, renderer, { recursive: true });
  } else {
    fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>WardPlan</title><script type="module" src="./assets/app.js"></script>');
    fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log("hi")');
  }
  const modules = path.join(dist, 'node_modules');
  fs.mkdirSync(path.join(modules, 'electron'), { recursive: true });
  fs.copyFileSync(path.join(repo, 'test', 'electron', 'fake-electron.cjs'), path.join(modules, 'electron', 'index.js'));
  fs.symlinkSync(path.join(repo, 'node_modules', 'better-sqlite3'), path.join(modules, 'better-sqlite3'), 'junction');

  const profileDir = path.join(dir, 'profile');
  const dbPath = path.join(dir, 'ward', 'wardplan.db');
  // main.cjs reads these once, when it loads.
  const saved = { db: process.env.WARDPLAN_DB, profile: process.env.WARDPLAN_USER_DATA };
  process.env.WARDPLAN_USER_DATA = profileDir;
  process.env.WARDPLAN_DB = dbPath;
  const fake = nodeRequire(path.join(modules, 'electron', 'index.js')) as { __state: FakeState; app: { __ready(): void; quit(): void } };
  const state = fake.__state;
  state.paths.documents = path.join(dir, 'documents');
  try {
    nodeRequire(path.join(dist, 'electron', 'main.cjs'));
  } finally {
    if (saved.db === undefined) delete process.env.WARDPLAN_DB;
    else process.env.WARDPLAN_DB = saved.db;
    if (saved.profile === undefined) delete process.env.WARDPLAN_USER_DATA;
    else process.env.WARDPLAN_USER_DATA = saved.profile;
  }
  fake.app.__ready();
  for (let i = 0; i < 500 && !state.windows[0]?.webContents.loadedUrl && state.errorBoxes.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  if (state.errorBoxes.length) throw new Error(`main did not start: ${JSON.stringify(state.errorBoxes)}`);
  const window = state.windows[0];
  if (!window) throw new Error('main opened no window');

  const trustedEvent = () => ({ sender: { id: window.webContents.id }, senderFrame: { url: 'app://wardplan/index.html', parent: null } });
  const invoke = async (channel: string, event: unknown, ...args: unknown[]) => {
    const h = state.ipcHandlers.get(channel);
    if (!h) throw new Error(`no IPC handler for ${channel}`);
    return h(event, ...args);
  };

  const serveOverHttp = async () => {
    const handler = state.protocolHandlers.get('app');
    if (!handler) throw new Error('no app:// handler');
    const server = http.createServer((req, res) => {
      void (async () => {
        const r = await handler(new Request(`app://wardplan${req.url ?? '/'}`, { method: req.method }));
        const headers: Record<string, string> = {};
        r.headers.forEach((v, k) => (headers[k] = v));
        res.writeHead(r.status, headers);
        res.end(Buffer.from(await r.arrayBuffer()));
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  };

  return { dir, dbPath, profileDir, state, window, trustedEvent, invoke, serveOverHttp, quit: () => fake.app.quit() };
}
