/**
 * Where the desktop app keeps and finds things, worked out from facts main.ts reads from Electron.
 * Pure, so the packaged and development layouts are both tested here.
 */
import path from 'node:path';

export interface LocationFacts {
  /** app.getPath('userData'): %APPDATA%\WardPlan on Windows, ~/.config/WardPlan on Linux. */
  userData: string;
  /** app.getPath('documents'). */
  documents: string;
  /** process.resourcesPath: where extraResources land in an installed app. */
  resourcesPath: string;
  /** The folder of the bundled main.cjs (dist/electron, inside app.asar once packaged). */
  mainDir: string;
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
}

export interface Locations {
  dbPath: string;
  keyFile: string;
  logDir: string;
  migrationsFolder: string;
  rendererRoot: string;
  preload: string;
  /** The core's entry, run in a utility process (electron/core-process.ts). */
  coreEntry: string;
  /** Where bundles and backups go when the officer picked no folder. */
  defaultOutDir: string;
}

export const DB_ENV_VAR = 'WARDPLAN_DB';
export const USER_DATA_ENV_VAR = 'WARDPLAN_USER_DATA';

export function resolveLocations(f: LocationFacts): Locations {
  const fromEnv = f.env[DB_ENV_VAR]?.trim();
  const dbPath = fromEnv ? path.resolve(fromEnv) : path.join(f.userData, 'wardplan.db');
  return {
    dbPath,
    // Beside the database, always: the key and the database belong together (the database
    // remembers the key id and refuses another), so a test database never meets the real key.
    keyFile: path.join(path.dirname(dbPath), 'wardplan.key'),
    logDir: path.join(f.userData, 'logs'),
    // Installed: outside app.asar, so support staff can see which migrations shipped.
    // Development: what build-electron.mjs copied beside the bundle.
    migrationsFolder: f.isPackaged ? path.join(f.resourcesPath, 'migrations') : path.join(f.mainDir, '..', 'migrations'),
    rendererRoot: path.join(f.mainDir, '..', 'renderer'),
    preload: path.join(f.mainDir, 'preload.cjs'),
    coreEntry: path.join(f.mainDir, 'core.cjs'),
    defaultOutDir: path.join(f.documents, 'WardPlan'),
  };
}

/**
 * The profile folder, fixed rather than derived from package.json's name, so the officer's data
 * is in %APPDATA%\WardPlan however the app was started. A development build keeps its own, so a
 * developer's experiments never touch an installed app's database, key or instance lock.
 */
export function defaultUserData(appData: string, isPackaged: boolean): string {
  return path.join(appData, isPackaged ? 'WardPlan' : 'WardPlan-dev');
}

/** A separate profile for tests, so two runs (or a test and the officer's app) never share a lock or a key. */
export function userDataOverride(env: NodeJS.ProcessEnv): string | null {
  const v = env[USER_DATA_ENV_VAR]?.trim();
  return v ? path.resolve(v) : null;
}
