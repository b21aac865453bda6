/**
 * A stand-in for the 'electron' module, just wide enough to run dist/electron/main.cjs in plain
 * Node. It lets test/unit/electron-main.test.ts drive the real bundled main process (real
 * SQLite, real files, real key sealing round trip) on machines where no Electron binary can be
 * downloaded. It records what main did so the test can assert on it; it decides nothing.
 *
 * The test copies this file to <tmp>/node_modules/electron/index.js beside the bundle.
 */
'use strict';
const { EventEmitter } = require('node:events');

const state = {
  paths: { userData: '/nonexistent/userData', documents: '/nonexistent/documents' },
  schemes: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  menuTemplate: null,
  windows: [],
  dialogs: [],
  /** The answers the next dialogs give, in order; null means cancelled. */
  dialogAnswers: [],
  errorBoxes: [],
  /** Files handed to the system's viewer, and what the next openPath answers ('' is success). */
  openedPaths: [],
  openPathAnswer: '',
  exitCode: null,
  quitCalled: 0,
  sandboxEnabled: false,
  singleInstance: true,
  encryptionAvailable: true,
  session: null,
  /** What main started with utilityProcess.fork: the module, its options, the Node child standing in. */
  utilityProcesses: [],
};

class FakeWebContents extends EventEmitter {
  constructor(id) {
    super();
    this.id = id;
    this.windowOpenHandler = null;
    this.loadedUrl = null;
  }
  setWindowOpenHandler(h) {
    this.windowOpenHandler = h;
  }
  async loadURL(url) {
    this.loadedUrl = url;
  }
}

let nextId = 1;
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents(nextId++);
    this.destroyed = false;
    this.maximized = false;
    this.shown = false;
    state.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  show() {
    this.shown = true;
  }
  focus() {}
  maximize() {
    this.maximized = true;
  }
  loadURL(url) {
    return this.webContents.loadURL(url);
  }
}

const app = new EventEmitter();
let readyResolve;
const ready = new Promise((r) => (readyResolve = r));
let isReady = false;
Object.assign(app, {
  isPackaged: false,
  getPath: (name) => state.paths[name] ?? `/nonexistent/${name}`,
  setPath: (name, value) => (state.paths[name] = value),
  getVersion: () => '0.0.0-test',
  getLocale: () => 'vi-VN',
  requestSingleInstanceLock: () => state.singleInstance,
  enableSandbox: () => (state.sandboxEnabled = true),
  setAppUserModelId: () => {},
  whenReady: () => ready,
  isReady: () => isReady,
  quit: () => {
    state.quitCalled++;
    const e = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    app.emit('before-quit', e);
    if (!e.defaultPrevented) app.emit('will-quit', { preventDefault() {} });
  },
  exit: (code) => (state.exitCode = code),
  /** Test hook: what Electron does once it has initialised. */
  __ready: () => {
    isReady = true;
    readyResolve();
  },
});

const webRequest = { beforeRequest: null, headersReceived: null };
state.session = {
  permissionRequest: null,
  permissionCheck: null,
  devicePermission: null,
  webRequest,
  setPermissionRequestHandler(h) {
    this.permissionRequest = h;
  },
  setPermissionCheckHandler(h) {
    this.permissionCheck = h;
  },
  setDevicePermissionHandler(h) {
    this.devicePermission = h;
  },
  setDisplayMediaRequestHandler() {},
};
webRequest.onBeforeRequest = (h) => (webRequest.beforeRequest = h);
webRequest.onHeadersReceived = (h) => (webRequest.headersReceived = h);

function answer(kind, options) {
  state.dialogs.push({ kind, options });
  return state.dialogAnswers.length ? state.dialogAnswers.shift() : null;
}

/**
 * A utility process is a Node child with a message port; a Node child process with an IPC channel
 * (structured clone, as Electron's port uses) runs the same entry file. The core's entry finds
 * `process.send` here where Electron gives it `process.parentPort`.
 */
const utilityProcess = {
  fork(modulePath, args = [], options = {}) {
    const { fork } = require('node:child_process');
    const child = fork(modulePath, args, { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const up = new EventEmitter();
    child.on('spawn', () => up.emit('spawn'));
    child.on('message', (m) => up.emit('message', m));
    child.on('exit', (code) => up.emit('exit', code ?? 1));
    up.postMessage = (m) => child.send(m);
    up.kill = () => child.kill();
    state.utilityProcesses.push({ modulePath, options, child });
    return up;
  },
};

module.exports = {
  __state: state,
  utilityProcess,
  app,
  BrowserWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes) => state.schemes.push(...schemes),
    handle: (scheme, handler) => state.protocolHandlers.set(scheme, handler),
  },
  ipcMain: { handle: (channel, handler) => state.ipcHandlers.set(channel, handler) },
  Menu: {
    buildFromTemplate: (t) => t,
    setApplicationMenu: (t) => (state.menuTemplate = t),
  },
  dialog: {
    showOpenDialog: async (_win, options) => {
      const a = answer('open', options);
      return a === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [a] };
    },
    showSaveDialog: async (_win, options) => {
      const a = answer('save', options);
      return a === null ? { canceled: true } : { canceled: false, filePath: a };
    },
    showMessageBox: async (_win, options) => {
      answer('message', options ?? _win);
      return { response: 0 };
    },
    showErrorBox: (title, content) => state.errorBoxes.push({ title, content }),
  },
  shell: {
    openPath: async (p) => {
      state.openedPaths.push(p);
      return state.openPathAnswer;
    },
  },
  safeStorage: {
    isEncryptionAvailable: () => state.encryptionAvailable,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    // Reversible and visibly not plain text; real protection is the OS's job, not this test's.
    encryptString: (s) => Buffer.from(`sealed:${Buffer.from(s, 'utf8').toString('base64')}`),
    decryptString: (b) => {
      const t = b.toString('utf8');
      if (!t.startsWith('sealed:')) throw new Error('not sealed here');
      return Buffer.from(t.slice(7), 'base64').toString('utf8');
    },
  },
  screen: { getPrimaryDisplay: () => ({ workAreaSize: state.workArea ?? { width: 1920, height: 1040 } }) },
  session: {
    get defaultSession() {
      return state.session;
    },
  },
};
