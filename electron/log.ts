/**
 * The main process's log file (userData/logs/main.log). Synchronous on purpose: it is written
 * from uncaughtException, when the process may not live to run another tick. No Electron here.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One previous file is kept; an officer's PC should not fill up with logs nobody reads. */
const MAX_LOG_BYTES = 2 * 1024 * 1024;

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  readonly file: string;
  log(level: LogLevel, message: string, error?: unknown): void;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

export function createFileLogger(dir: string, now: () => Date = () => new Date()): Logger {
  const file = path.join(dir, 'main.log');
  return {
    file,
    log(level, message, error) {
      const line = `${now().toISOString()} ${level.toUpperCase()} ${message}${error === undefined ? '' : `\n${describeError(error)}`}\n`;
      try {
        fs.mkdirSync(dir, { recursive: true });
        if (fs.existsSync(file) && fs.statSync(file).size + line.length > MAX_LOG_BYTES) fs.renameSync(file, `${file}.1`);
        fs.appendFileSync(file, line, 'utf8');
      } catch {
        // A log that cannot be written must never take the app down with it.
      }
      if (level !== 'info') process.stderr.write(line);
    },
  };
}
