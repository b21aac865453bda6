/**
 * Runs the real bundled main process (dist/electron/main.cjs, built here into a temp folder)
 * in plain Node, with test/electron/fake-electron.cjs standing in for the 'electron' module.
 * What it proves without an Electron binary: the bundle loads (import.meta, JSON, native
 * module), the app:// handler, the IPC door with its sender and payload checks, the database in
 * the right place with real migrations, the key sealed through safeStorage, the menu's backup,
 * and a shutdown that closes SQLite. What only a real Electron can show is in test/electron/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { CHANNELS } from '../../electron/channels';
import { startStandInMain, type FakeState, type FakeWindow, type StandInMain } from '../electron/stand-in-main';

let main: StandInMain;
let dir: string;
let state: FakeState;
let win: FakeWindow;

const trustedEvent = () => main.trustedEvent();
const invoke = (channel: string, event: unknown, ...args: unknown[]) => main.invoke(channel, event, ...args);
const call = (method: unknown, input: unknown) =>
  invoke(CHANNELS.call, trustedEvent(), method, input) as Promise<{ ok: boolean; value?: any; error?: { code: string } }>;
const serve = (url: string, init?: RequestInit) => state.protocolHandlers.get('app')!(new Request(url, init));

beforeAll(async () => {
  main = await startStandInMain();
  ({ dir, state, window: win } = main);
  fs.writeFileSync(path.join(dir, 'dist', 'secret.txt'), 'not for the page');
}, 60_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the bundled main process, on a stand-in Electron', () => {
  it('opens one hardened window on app://', () => {
    expect(state.windows).toHaveLength(1);
    expect(state.sandboxEnabled).toBe(true);
    expect(state.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(win.webContents.loadedUrl).toBe('app://wardplan/index.html');
    expect(win.options).toMatchObject({ width: 1366, height: 768, minWidth: 1024, minHeight: 700 });
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      webviewTag: false,
    });
    expect(fs.existsSync(String(win.options.webPreferences.preload))).toBe(true);
    expect(state.paths.userData).toBe(path.join(dir, 'profile'));
  });

  it('serves the renderer with the CSP, and nothing outside it', async () => {
    const index = await serve('app://wardplan/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await serve('app://wardplan/assets/app.js')).headers.get('content-type')).toContain('javascript');
    const route = await serve('app://wardplan/tasks/42');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>WardPlan</title>');
    expect((await serve('app://wardplan/assets/missing.js')).status).toBe(404);
    const escape = await serve('app://wardplan/..%2fsecret.txt');
    expect(escape.status).toBe(403);
    expect(escape.headers.get('content-security-policy')).toBeTruthy();
    expect((await serve('app://wardplan/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('denies permissions, network requests, navigation and new windows', () => {
    let granted: boolean | null = null;
    state.session.permissionRequest(null, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(state.session.permissionCheck()).toBe(false);
    const cancel = (url: string) => {
      let r: { cancel: boolean } | null = null;
      state.session.webRequest.beforeRequest({ url }, (x) => (r = x));
      return r!.cancel;
    };
    expect(cancel('https://example.com/track.js')).toBe(true);
    expect(cancel('app://wardplan/assets/app.js')).toBe(false);
    let prevented = false;
    win.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://example.com/');
    expect(prevented).toBe(true);
    expect(win.webContents.windowOpenHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('answers IPC only from the app page of its own window', async () => {
    await expect(
      invoke(CHANNELS.call, { sender: { id: 999 }, senderFrame: { url: 'app://wardplan/index.html', parent: null } }, 'app.status', {}),
    ).rejects.toThrow('forbidden');
    await expect(
      invoke(CHANNELS.call, { sender: { id: win.webContents.id }, senderFrame: { url: 'app://wardplan/index.html', parent: {} } }, 'app.status', {}),
    ).rejects.toThrow('forbidden');
    await expect(
      invoke(CHANNELS.call, { sender: { id: win.webContents.id }, senderFrame: { url: 'https://evil.example/', parent: null } }, 'app.status', {}),
    ).rejects.toThrow('forbidden');
    await expect(invoke(CHANNELS.pickFolder, { sender: { id: win.webContents.id }, senderFrame: null })).rejects.toThrow('forbidden');
  });

  it('runs first setup with the demo plan through the one API, in the database it was told to use', async () => {
    const before = await call('app.status', {});
    expect(before).toMatchObject({ ok: true, value: { initialized: false, dbPath: path.join(dir, 'ward', 'wardplan.db') } });
    const setup = await call('app.setup', { wardCode: 'X', wardName: 'X', cityCode: 'Y', cityName: 'Y', officerName: 'Nguyễn Thị Lan', demo: true });
    expect(setup.ok).toBe(true);
    const summary = await call('summary.get', {});
    expect(summary.ok).toBe(true);
    const tasks = await call('tasks.list', {});
    expect(tasks.ok && tasks.value.length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(dir, 'ward', 'wardplan.db'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'profile', 'wardplan.db'))).toBe(false);
  });

  it('refuses bad calls with a message key, not an exception', async () => {
    expect((await call(42, {})).error?.code).toBe('api.unknown_method');
    expect((await call('no.such.method', {})).error?.code).toBe('api.unknown_method');
    expect((await call('tasks.get', { id: 'not-a-uuid' })).error?.code).toBe('api.bad_input');
    expect((await call('tasks.attach', { contentBase64: 'A'.repeat(80 * 1024 * 1024 + 1) })).error?.code).toBe('api.payload_too_large');
  });

  it('keeps the signing key sealed by safeStorage beside the database', async () => {
    const out = path.join(dir, 'usb');
    state.dialogAnswers.push(out);
    const usb = (await invoke(CHANNELS.pickFolder, trustedEvent())) as { handle: string };
    const r = await call('keys.enrollmentRequest', { outDir: usb.handle });
    expect(r.ok).toBe(true);
    const keyFile = path.join(dir, 'ward', 'wardplan.key');
    const text = fs.readFileSync(keyFile, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'wardplan-key', sealed: 'os' });
    expect(text).not.toContain('PRIVATE KEY');
    expect(Buffer.from(JSON.parse(text).data, 'base64').toString()).toMatch(/^sealed:/);
    const again = await call('keys.enrollmentRequest', { outDir: usb.handle });
    expect(again.ok && again.value.keyId).toBe(r.value.keyId);
  });

  it('opens native dialogs with checked arguments, and gives the page handles, not paths', async () => {
    state.dialogAnswers.push(path.join(dir, 'usb'), null);
    expect(await invoke(CHANNELS.pickFolder, trustedEvent())).toEqual({ handle: expect.stringMatching(/^folder:[0-9a-f-]{36}$/), name: 'usb' });
    expect(await invoke(CHANNELS.pickFolder, trustedEvent())).toBeNull();
    await expect(invoke(CHANNELS.pickFile, trustedEvent(), 'wpb')).rejects.toThrow('bad filters');
    await expect(invoke(CHANNELS.saveFile, trustedEvent(), '../../x.wpb', [])).rejects.toThrow('bad save arguments');
    state.dialogAnswers.push(path.join(dir, 'usb', 'x.wpb'));
    expect(await invoke(CHANNELS.saveFile, trustedEvent(), 'x.wpb', [{ name: 'Gói đồng bộ', extensions: ['wpb'] }])).toEqual({
      handle: expect.stringMatching(/^save:/),
      name: 'x.wpb',
    });
    const save = state.dialogs.at(-1)!;
    expect(save.options.defaultPath).toBe(path.join(dir, 'documents', 'WardPlan', 'x.wpb'));
    expect(String(save.options.title)).toMatch(/Lưu/);
    expect(state.dialogs.at(-2)!.options).toMatchObject({ title: 'Chọn thư mục (ví dụ ổ USB)', buttonLabel: 'Chọn thư mục' });
  });

  it('titles its dialogs in the language asked for', async () => {
    const saved = process.env.WARDPLAN_LANG;
    process.env.WARDPLAN_LANG = 'en';
    try {
      state.dialogAnswers.push(null, null, null);
      await invoke(CHANNELS.pickFolder, trustedEvent());
      await invoke(CHANNELS.pickFile, trustedEvent(), []);
      await invoke(CHANNELS.saveFile, trustedEvent(), 'x.wpb', []);
      expect(state.dialogs.slice(-3).map((d) => [d.options.title, d.options.buttonLabel])).toEqual([
        ['Choose a folder (a USB drive, for example)', 'Choose folder'],
        ['Choose a file', 'Open'],
        ['Save file', 'Save'],
      ]);
    } finally {
      if (saved === undefined) delete process.env.WARDPLAN_LANG;
      else process.env.WARDPLAN_LANG = saved;
    }
  });

  it('opens an evidence file from a verified copy, never the stored file', async () => {
    const task = (await call('tasks.list', {})).value[0];
    const attached = await call('tasks.attach', { taskId: task.id, fileName: 'biên bản.pdf', contentBase64: Buffer.from('%PDF biên bản').toString('base64') });
    const opened = (await invoke(CHANNELS.openEvidence, trustedEvent(), attached.value.id)) as { ok: boolean; value: { path: string } };
    expect(opened.ok).toBe(true);
    expect(state.openedPaths.at(-1)).toBe(opened.value.path);
    expect(path.basename(opened.value.path)).toMatch(/^biên bản( \(\d+\))?\.pdf$/);
    expect(fs.readFileSync(opened.value.path, 'utf8')).toBe('%PDF biên bản');
    expect(opened.value.path.startsWith(path.join(dir, 'ward'))).toBe(false);
    await expect(invoke(CHANNELS.openEvidence, trustedEvent(), '../../etc/passwd')).rejects.toThrow('bad evidence id');
    await expect(
      invoke(CHANNELS.openEvidence, { sender: { id: 999 }, senderFrame: { url: 'app://wardplan/index.html', parent: null } }, attached.value.id),
    ).rejects.toThrow('forbidden');
    state.openPathAnswer = 'no application';
    const failed = (await invoke(CHANNELS.openEvidence, trustedEvent(), attached.value.id)) as { ok: boolean; error: { code: string } };
    state.openPathAnswer = '';
    expect(failed).toMatchObject({ ok: false, error: { code: 'evidence.open_failed' } });
  });

  it('takes places on disk only as handles of what the officer picked, never as paths from the page', async () => {
    const target = path.join(dir, 'chosen-by-page');
    for (const input of [{ outDir: target }, { outDir: 'folder:forged' }]) {
      const r = await call('backup.create', input);
      expect(r).toEqual({ ok: false, error: { code: 'ipc.not_picked', params: { field: 'outDir' } } });
    }
    expect(fs.existsSync(target)).toBe(false);
    const secret = path.join(dir, 'dist', 'secret.txt');
    expect(await call('sync.import', { path: secret })).toEqual({ ok: false, error: { code: 'ipc.not_picked', params: { field: 'path' } } });
    expect(await call('documents.planTemplate', { outPath: path.join(dir, 'x.xlsx') })).toMatchObject({ ok: false, error: { code: 'ipc.not_picked' } });
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);

    // The same call with the handle of a folder the officer picked is carried out there.
    const backups = path.join(dir, 'picked-backups');
    fs.mkdirSync(backups);
    state.dialogAnswers.push(backups);
    const folder = (await invoke(CHANNELS.pickFolder, trustedEvent())) as { handle: string };
    const ok = await call('backup.create', { outDir: folder.handle });
    expect(ok.ok && path.dirname(ok.value.path)).toBe(backups);
    // A folder's handle is not a file to read, nor a file to write.
    expect((await call('sync.import', { path: folder.handle })).error).toEqual({ code: 'ipc.not_picked', params: { field: 'path' } });
    expect((await call('documents.planTemplate', { outPath: folder.handle })).error).toEqual({ code: 'ipc.not_picked', params: { field: 'outPath' } });
    // A picked file is read from where the officer picked it.
    state.dialogAnswers.push(ok.value.path);
    const file = (await invoke(CHANNELS.pickFile, trustedEvent(), [{ name: 'Bản sao lưu', extensions: ['wpbak'] }])) as { handle: string; name: string };
    expect(file.name).toBe(path.basename(ok.value.path));
    // (A backup is not a bundle, so the import refuses it, naming the file the officer picked.)
    expect(await call('sync.import', { path: file.handle })).toMatchObject({ ok: true, value: { status: 'refused', file: ok.value.path } });
  });

  it('backs up from the File menu', async () => {
    const file = (state.menuTemplate?.[0]?.submenu ?? []) as MenuItemConstructorOptions[];
    const backup = file.find((i) => i.label === 'Sao lưu…');
    const outDir = path.join(dir, 'backups');
    fs.mkdirSync(outDir);
    state.dialogAnswers.push(outDir);
    (backup?.click as unknown as () => void)();
    for (let i = 0; i < 300 && !state.dialogs.some((d) => d.kind === 'message'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(state.dialogs.find((d) => d.kind === 'message')?.options.message).toBe('Đã sao lưu dữ liệu.');
    expect(fs.readdirSync(outDir).filter((f) => f.endsWith('.wpbak'))).toHaveLength(1);
  });

  it('runs the core in a utility process, not in main', () => {
    expect(state.utilityProcesses).toHaveLength(1);
    expect(state.utilityProcesses[0]!.modulePath).toBe(path.join(dir, 'dist', 'electron', 'core.cjs'));
    expect(state.utilityProcesses[0]!.child.exitCode).toBeNull();
  });

  it('closes SQLite in the core on quit, ends the core, quits, and refuses calls afterwards', async () => {
    const db = path.join(dir, 'ward', 'wardplan.db');
    expect(fs.existsSync(`${db}-wal`)).toBe(true);
    const core = state.utilityProcesses[0]!.child;
    const ended = new Promise((resolve) => core.once('exit', resolve));
    main.quit();
    await ended;
    // Main quits for real only once the core has closed the database: the second quit.
    for (let i = 0; i < 100 && state.quitCalled < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(state.quitCalled).toBe(2);
    // SQLite removes the WAL when the last connection closes cleanly.
    expect(fs.existsSync(`${db}-wal`)).toBe(false);
    expect((await call('app.status', {})).ok).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'profile', 'logs', 'main.log'), 'utf8')).toContain('database closed');
  });
});
