#!/usr/bin/env node
/**
 * `npm start`: the desktop app where it can run, the browser host everywhere else.
 *
 * Electron needs its binary (node_modules/electron/dist, downloaded by electron's install script,
 * which is blocked on some machines) and a display. Without either, this says so in Vietnamese
 * and English and starts the browser host (`wardplan host`) instead, passing the arguments on:
 *
 *   npm start                     → Electron, or the browser host
 *   npm start -- --db ward.db     → arguments go to whichever starts
 *   WARDPLAN_NO_ELECTRON=1 npm start → the browser host even where Electron could run
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function electronBinary() {
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const exe = path.join(root, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

function hasDisplay() {
  if (process.platform !== 'linux' && process.platform !== 'freebsd' && process.platform !== 'openbsd') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Runs an npm script in the foreground with the npm that started us, on every OS. */
function npmRun(script) {
  const npmCli = process.env.npm_execpath;
  const r =
    npmCli && /\.c?js$/.test(npmCli)
      ? spawnSync(process.execPath, [npmCli, 'run', script], { cwd: root, stdio: 'inherit' })
      : spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status === 0;
}

function say(vi, en) {
  console.log(`\n${vi}\n${en}\n`);
}

/** Hands the terminal to a child and leaves with its exit code; Ctrl+C reaches the child, which shuts down cleanly. */
function runForeground(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (e) => {
    console.error(e.message);
    process.exit(1);
  });
}

/**
 * Where `npm start` keeps the ward's data when no --db is given: the development profile the
 * desktop app also uses (electron/locations.ts), so both hosts open the same database here.
 */
function defaultDb() {
  const home = process.env.HOME || process.env.USERPROFILE || root;
  const appData =
    process.platform === 'win32'
      ? process.env.APPDATA || path.join(home, 'AppData', 'Roaming')
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : process.env.XDG_CONFIG_HOME || path.join(home, '.config');
  return path.join(appData, 'WardPlan-dev', 'wardplan.db');
}

function startBrowserHost() {
  if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    say('Đang dựng giao diện (lần đầu)…', 'Building the user interface (first run)…');
    if (!npmRun('build:renderer')) say('Không dựng được giao diện; xem lỗi ở trên.', 'The user interface did not build; see the errors above.');
  }
  const hostArgs = [...args];
  if (!hostArgs.includes('--db')) {
    const db = defaultDb();
    fs.mkdirSync(path.dirname(db), { recursive: true });
    hostArgs.push('--db', db);
    console.log(`Cơ sở dữ liệu / Database: ${db}`);
  }
  if (hasDisplay() && !hostArgs.includes('--open')) hostArgs.push('--open');
  runForeground(process.execPath, [path.join(root, 'bin', 'wardplan.mjs'), 'host', ...hostArgs]);
}

async function startElectron(binary) {
  if (!npmRun('build')) {
    say('Không dựng được ứng dụng; xem lỗi ở trên.', 'The build failed; see the errors above.');
    process.exit(1);
  }
  try {
    const { prepareElectronNative } = await import(pathToFileURL(path.join(root, 'build', 'electron-native.mjs')).href);
    await prepareElectronNative();
  } catch (e) {
    say(
      `Không chuẩn bị được better-sqlite3 cho Electron (${e instanceof Error ? e.message : e}).\nCần Internet lần đầu và bộ biên dịch C++; chi tiết trong docs/release.md. Chuyển sang máy chủ trình duyệt.`,
      `Could not prepare better-sqlite3 for Electron. The first time needs the internet and a C++ toolchain; see docs/release.md. Starting the browser host instead.`,
    );
    return startBrowserHost();
  }
  // Electron takes the folder and reads package.json "main" (dist/electron/main.cjs).
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const passThrough = [];
  for (let i = 0; i < args.length; i++) {
    // `--db FILE` means the same to both hosts; Electron reads it from the environment.
    if (args[i] === '--db' && args[i + 1]) env.WARDPLAN_DB = path.resolve(args[++i]);
    else passThrough.push(args[i]);
  }
  runForeground(binary, [root, ...passThrough], env);
}

const binary = electronBinary();
const display = hasDisplay();
if (process.env.WARDPLAN_NO_ELECTRON === '1') {
  startBrowserHost();
} else if (binary && display) {
  await startElectron(binary);
} else {
  if (!binary) {
    say(
      'Không có tệp chạy Electron (node_modules/electron/dist) trên máy này — có thể do không tải được khi cài đặt.\nĐang mở WardPlan bằng máy chủ trình duyệt: `npm run host` (tức `node bin/wardplan.mjs host`). Mở địa chỉ được in ra dưới đây bằng trình duyệt.\nĐể cài Electron trên máy có Internet: `node node_modules/electron/install.js` (xem docs/release.md).',
      'No Electron binary (node_modules/electron/dist) on this machine — its download was probably blocked at install time.\nStarting WardPlan with the browser host instead: `npm run host` (that is `node bin/wardplan.mjs host`). Open the address printed below in a browser.\nTo install Electron on a machine with the internet: `node node_modules/electron/install.js` (see docs/release.md).',
    );
  } else {
    say(
      'Không có màn hình (DISPLAY/WAYLAND_DISPLAY chưa đặt), nên không mở được cửa sổ Electron.\nĐang mở WardPlan bằng máy chủ trình duyệt: `npm run host`. Mở địa chỉ được in ra dưới đây bằng trình duyệt.',
      'No display (DISPLAY/WAYLAND_DISPLAY unset), so the Electron window cannot open.\nStarting WardPlan with the browser host instead: `npm run host`. Open the address printed below in a browser.',
    );
  }
  startBrowserHost();
}
