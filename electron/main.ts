/**
 * The Electron main process: a window, the app:// protocol, the IPC door to WardApi, dialogs,
 * the menu, and shutdown. Everything testable without Electron lives in the sibling modules;
 * this file only wires them to Electron's objects.
 */
import fs from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type Session,
  type WebContents,
} from 'electron';
import type { CoreClient } from '../db/api/core-client';
import type { ApiResult, Input, Method } from '../shared/api/contract';
import { formatMessage } from '../shared/i18n/messages';
import { dialogLang, dialogText, type DialogKey } from './dialog-texts';
import { APP_ENTRY_URL, APP_SCHEME, isAllowedRequestUrl, mimeTypeFor, resolveAppRequest, responseHeaders } from './app-protocol';
import type { PickedPlace } from '../shared/api/bridge-types';
import { CHANNELS } from './channels';
import { CONTENT_SECURITY_POLICY } from '../shared/web-serving';
import { checkCallArgs, isTrustedSender, parseDefaultName, parseFilters } from './ipc-guards';
import { PickedPaths, resolvePickedPaths, type PickKind } from './picked-paths';
import { chooseKeyProtection, keyStoreFor } from './key-protection';
import { defaultUserData, resolveLocations, userDataOverride } from './locations';
import { createFileLogger } from './log';
import { buildMenuTemplate } from './menu';
import { startCoreProcess } from './core-process';

const APP_ID = 'vn.wardplan.app';

// Before anything reads userData: the single-instance lock and the Chromium profile live there.
app.setPath('userData', userDataOverride(process.env) ?? defaultUserData(app.getPath('appData'), app.isPackaged));

// Must happen before 'ready'. standard+secure gives app:// a real origin (so 'self' in the CSP
// means something) and secure-context APIs, without any of file://'s extra powers.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);

const loc = resolveLocations({
  userData: app.getPath('userData'),
  documents: app.getPath('documents'),
  resourcesPath: process.resourcesPath,
  mainDir: __dirname,
  isPackaged: app.isPackaged,
  env: process.env,
});
const logger = createFileLogger(loc.logDir);

process.on('uncaughtException', (e) => logger.log('error', 'uncaught exception in the main process', e));
process.on('unhandledRejection', (e) => logger.log('error', 'unhandled promise rejection in the main process', e));

let mainWindow: BrowserWindow | null = null;
/** What the officer picked in this run's dialogs; the page names them only by handle. */
const picked = new PickedPaths();
/** The core, in a utility process of its own: the window never waits on SQLite, scrypt or a document. */
let api: CoreClient | null = null;
/** API calls not yet answered: an export or a restore half done when the app quits is what the drain below waits for. */
let inFlight = 0;
let draining = false;
const DRAIN_LIMIT_MS = 15_000;

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one SQLite file and one key file is how data gets lost; hand over and leave.
  app.quit();
} else {
  start();
}

function start(): void {
  app.enableSandbox();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_e, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (e) => {
    if (!api) return;
    // Let a running export or restore finish (new calls are refused meanwhile), close the core's
    // database, then quit for real.
    e.preventDefault();
    if (draining) return;
    draining = true;
    void waitForCalls(DRAIN_LIMIT_MS)
      .then(closeApi)
      .then(() => app.quit());
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  app.whenReady().then(onReady, (e: unknown) => fatal('Electron could not start', e));
}

async function onReady(): Promise<void> {
  try {
    if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, serveAppRequest);

    const protection = chooseKeyProtection(safeStorage, process.platform);
    logger.log(
      'info',
      `start ${app.getVersion()} (electron ${process.versions.electron}); db ${loc.dbPath}; key protection ${protection.kind === 'os' ? protection.backend : `unavailable: ${protection.reason}`}`,
    );
    const keyStore = keyStoreFor(protection, loc.keyFile);
    // openDatabase refuses a missing folder; the profile folder (or a test's WARDPLAN_DB folder) is ours to make.
    mkdirSync(path.dirname(loc.dbPath), { recursive: true });
    api = startCoreProcess(
      loc.coreEntry,
      {
        dbPath: loc.dbPath,
        // Passed explicitly: the bundled core cannot locate db/migrations through import.meta.url.
        migrationsFolder: loc.migrationsFolder,
        // safeStorage exists in this process only: the core asks here to load and save the key.
        keys: 'host',
        defaultOutDir: loc.defaultOutDir,
      },
      { keyStore },
    );
    void api.exited.then((reason) => {
      if (!draining) logger.log('error', `the core stopped: ${reason}`);
    });

    registerIpc();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          isPackaged: app.isPackaged,
          lang: dialogLang(process.env, app.getLocale()),
          actions: { backup: () => void backupFromMenu(), about: () => void showAbout() },
        }),
      ),
    );
    await createWindow();
  } catch (e) {
    fatal('WardPlan could not start', e);
  }
}

async function createWindow(): Promise<void> {
  try {
    await fs.access(path.join(loc.rendererRoot, 'index.html'));
  } catch {
    fatal(`the user interface is not built (${path.join(loc.rendererRoot, 'index.html')} is missing); run "npm run build"`);
    return;
  }
  // Many ward PCs have a 1366×768 screen: the window must fit above the taskbar, not under it.
  const work = screen.getPrimaryDisplay().workAreaSize;
  const width = Math.min(1366, work.width);
  const height = Math.min(768, work.height);
  const win = new BrowserWindow({
    width,
    height,
    minWidth: Math.min(1024, work.width),
    minHeight: Math.min(700, work.height),
    show: false,
    title: 'WardPlan',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: loc.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !app.isPackaged,
    },
  });
  mainWindow = win;
  win.once('ready-to-show', () => {
    if (width < 1366 || height < 768) win.maximize();
    win.show();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('render-process-gone', (_e, details) => logger.log('error', `renderer gone: ${details.reason} (exit ${details.exitCode})`));
  win.webContents.on('preload-error', (_e, preloadPath, error) => logger.log('error', `preload failed: ${preloadPath}`, error));
  await win.loadURL(APP_ENTRY_URL);
}

/** Serves dist/renderer and nothing else, with the CSP on every answer (errors too). */
async function serveAppRequest(request: Request): Promise<Response> {
  const fail = (status: number) => new Response(null, { status, headers: responseHeaders('text/plain; charset=utf-8') });
  if (request.method !== 'GET' && request.method !== 'HEAD') return fail(405);
  const resolved = resolveAppRequest(request.url, loc.rendererRoot);
  if (!resolved.ok) {
    if (resolved.status === 403) logger.log('warn', `app:// refused ${request.url}`);
    return fail(resolved.status);
  }
  let file = resolved.file;
  let body = await readIfFile(file);
  if (body === null && resolved.spaFallback) body = await readIfFile((file = path.join(loc.rendererRoot, 'index.html')));
  if (body === null) return fail(404);
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: responseHeaders(mimeTypeFor(file)) });
}

async function readIfFile(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch {
    return null;
  }
}

function hardenSession(ses: Session): void {
  // The app needs no camera, microphone, location, notifications, USB, HID or serial port.
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    logger.log('warn', `permission request denied: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_req, callback) => callback({}));
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) logger.log('warn', `request blocked: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  // app:// answers carry the CSP already; this covers any response that reaches the page another way.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** Every web contents, including any a bug or an attack might create: no navigation, no windows, no webviews. */
function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (e, url) => {
    e.preventDefault();
    logger.log('warn', `navigation blocked: ${url.slice(0, 200)}`);
  });
  contents.on('will-frame-navigate', (e) => {
    if (!e.isMainFrame) e.preventDefault();
  });
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    logger.log('warn', `new window blocked: ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}

function trusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  const ok = isTrustedSender(
    { webContentsId: event.sender.id, frameUrl: frame?.url, isMainFrame: !!frame && frame.parent === null },
    mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.id : null,
  );
  if (!ok) logger.log('warn', `IPC refused from ${frame?.url ?? '(gone frame)'}`);
  return ok;
}

function registerIpc(): void {
  ipcMain.handle(CHANNELS.call, async (event, method: unknown, input: unknown) => {
    if (!trusted(event)) throw new Error('forbidden');
    const check = checkCallArgs(method, input);
    if (!check.ok) return { ok: false, error: check.error };
    const paths = resolvePickedPaths(input, picked);
    if (!paths.ok) {
      logger.log('warn', `IPC refused a place not picked in a dialog (${check.method}, ${paths.error.params.field})`);
      return { ok: false, error: paths.error };
    }
    return tracked(check.method, paths.input);
  });

  ipcMain.handle(CHANNELS.pickFolder, async (event) => {
    if (!trusted(event)) throw new Error('forbidden');
    const lang = dialogLang(process.env, app.getLocale());
    return openDialog('folder', {
      title: dialogText(lang, 'pick.folder'),
      buttonLabel: dialogText(lang, 'pick.folder_button'),
      properties: ['openDirectory', 'createDirectory'],
    });
  });

  ipcMain.handle(CHANNELS.pickFile, async (event, rawFilters: unknown) => {
    if (!trusted(event)) throw new Error('forbidden');
    const filters = parseFilters(rawFilters);
    if (!filters) throw new Error('bad filters');
    const lang = dialogLang(process.env, app.getLocale());
    return openDialog('file', {
      title: dialogText(lang, 'pick.file'),
      buttonLabel: dialogText(lang, 'pick.file_button'),
      properties: ['openFile'],
      ...(filters.length ? { filters } : {}),
    });
  });

  ipcMain.handle(CHANNELS.saveFile, async (event, rawName: unknown, rawFilters: unknown) => {
    if (!trusted(event)) throw new Error('forbidden');
    const name = parseDefaultName(rawName);
    const filters = parseFilters(rawFilters);
    if (!name || !filters) throw new Error('bad save arguments');
    if (!mainWindow) return null;
    const lang = dialogLang(process.env, app.getLocale());
    const r = await dialog.showSaveDialog(mainWindow, {
      title: dialogText(lang, 'save.title'),
      buttonLabel: dialogText(lang, 'save.button'),
      defaultPath: path.join(loc.defaultOutDir, name),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
      ...(filters.length ? { filters } : {}),
    });
    return r.canceled || !r.filePath ? null : picked.remember('save', r.filePath);
  });

  ipcMain.handle(CHANNELS.openEvidence, async (event, id: unknown) => {
    if (!trusted(event)) throw new Error('forbidden');
    if (typeof id !== 'string' || !UUID.test(id)) throw new Error('bad evidence id');
    return openEvidence(id);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Evidence is opened from a copy the core wrote after checking its hash, never from the stored
 * file, so a viewer that edits or locks the file cannot touch the ward's record.
 */
async function openEvidence(id: string): Promise<ApiResult<'evidence.saveCopy'>> {
  const r = await callApi('evidence.saveCopy', { id });
  if (!r.ok) return r;
  const failure = await shell.openPath(r.value.path);
  if (!failure) return r;
  logger.log('warn', `opening evidence failed: ${failure}`);
  return { ok: false, error: { code: 'evidence.open_failed', params: { path: r.value.path, reason: failure } } };
}

async function openDialog(kind: PickKind, options: OpenDialogOptions): Promise<PickedPlace | null> {
  if (!mainWindow) return null;
  const r = await dialog.showOpenDialog(mainWindow, options);
  const chosen = r.canceled ? undefined : r.filePaths[0];
  return chosen === undefined ? null : picked.remember(kind, chosen);
}

/** Every call, the page's and the menu's, goes through here, so a quit waits for it to finish. */
async function tracked(method: string, input: unknown): Promise<ApiResult<Method>> {
  if (!api || draining) return { ok: false, error: { code: 'internal', params: { message: api ? 'closing' : 'not ready' } } };
  inFlight++;
  try {
    return await api.call(method, input);
  } finally {
    inFlight--;
  }
}

/** The typed view of the API for the few calls main itself makes. */
async function callApi<M extends Method>(method: M, input: Input<M>): Promise<ApiResult<M>> {
  return (await tracked(method, input)) as ApiResult<M>;
}

/** File ▸ Backup works even when the page is busy or broken: it needs nothing from the renderer. */
async function backupFromMenu(): Promise<void> {
  if (!mainWindow) return;
  const win = mainWindow;
  const lang = dialogLang(process.env, app.getLocale());
  const t = (key: DialogKey, params?: Record<string, string | number>) => dialogText(lang, key, params);
  const status = await callApi('app.status', {});
  if (!status.ok || !status.value.initialized) {
    await dialog.showMessageBox(win, { type: 'info', title: t('backup.title'), message: t('backup.nothing'), detail: t('backup.nothing_detail') });
    return;
  }
  const picked = await dialog.showOpenDialog(win, {
    title: t('backup.pick'),
    buttonLabel: t('backup.pick_button'),
    properties: ['openDirectory', 'createDirectory'],
  });
  const outDir = picked.canceled ? undefined : picked.filePaths[0];
  if (!outDir) return;
  const r = await callApi('backup.create', { outDir });
  if (r.ok) {
    const mb = (r.value.size / (1024 * 1024)).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
    await dialog.showMessageBox(win, {
      type: 'info',
      title: t('backup.title'),
      message: t('backup.done'),
      detail: t('backup.done_detail', { path: r.value.path, mb }),
    });
  } else {
    logger.log('warn', `backup failed: ${r.error.code} ${JSON.stringify(r.error.params)}`);
    await dialog.showMessageBox(win, {
      type: 'error',
      title: t('backup.title'),
      message: t('backup.failed'),
      detail: formatMessage(lang, r.error.code, r.error.params),
    });
  }
}

async function showAbout(): Promise<void> {
  const lang = dialogLang(process.env, app.getLocale());
  const options = {
    type: 'info' as const,
    title: dialogText(lang, 'about.title'),
    message: `WardPlan ${app.getVersion()}`,
    detail: [
      dialogText(lang, 'about.text'),
      '',
      dialogText(lang, 'about.data', { path: loc.dbPath }),
      dialogText(lang, 'about.log', { path: loc.logDir }),
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    ].join('\n'),
  };
  await (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

async function waitForCalls(limitMs: number): Promise<void> {
  const until = Date.now() + limitMs;
  while (inFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  if (inFlight > 0) logger.log('warn', `quitting with ${inFlight} API call(s) unfinished after ${limitMs} ms`);
}

async function closeApi(): Promise<void> {
  if (!api) return;
  const core = api;
  api = null;
  try {
    // Closes SQLite in the core, which checkpoints the WAL so the .db file alone is complete.
    await core.close();
    logger.log('info', 'database closed');
  } catch (e) {
    logger.log('error', 'closing the database failed', e);
  }
}

function fatal(message: string, error?: unknown): void {
  logger.log('error', message, error);
  // The language is known without the window: the environment, else the system's (empty before Electron is ready).
  const lang = dialogLang(process.env, app.isReady() ? app.getLocale() : '');
  dialog.showErrorBox(dialogText(lang, 'fatal.title'), `${message}\n\n${dialogText(lang, 'about.log', { path: logger.file })}`);
  void closeApi().finally(() => app.exit(1));
}
