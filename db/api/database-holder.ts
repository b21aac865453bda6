/** The open database of one host, shared by every handler module of that host. */
import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import { openDatabase, type Database } from '../database';
import { sessionFor, type Session } from '../session';
import type { KeyStore } from '../keys/key-store';
import type { SendOptions } from '../hub-client/send';
import type { Method, Output, ParsedInput, Progress } from '../../shared/api/contract';

/** What a handler may do for its caller while it runs, besides answering. */
export interface CallContext<M extends Method> {
  /** Reports progress to the caller that asked for it (`Progress<M>`); a method without any cannot. */
  progress(event: Progress<M>): void;
}

/** One method's handler: its input already parsed by the method's schema, its output the contract's. */
export type Handler<M extends Method> = (input: ParsedInput<M>, call: CallContext<M>) => Output<M> | Promise<Output<M>>;

/**
 * Some methods' handlers. A feature's module returns its object `satisfies HandlerGroup`, so each
 * handler's input and output are typed by its method name alone, with no list of names kept by
 * hand; the registry (./handlers.ts) checks that all groups together cover every method.
 */
export type HandlerGroup = { [M in Method]?: Handler<M> };

export interface ApiHostOptions {
  dbPath: string;
  migrationsFolder?: string | undefined;
  now?: (() => string) | undefined;
  /** The host's key store: OS-protected in Electron, passphrase file elsewhere. */
  keyStore?: (() => KeyStore) | undefined;
  /** Where exports and backups go when the user picked no folder. */
  defaultOutDir?: (() => string) | undefined;
  /** The key's passphrase is typed in the app (the browser host) and kept in memory, not asked at a terminal. */
  passphraseInApp?: boolean | undefined;
  /** Retry timing of sends to the city's hub; tests shorten it. */
  hubSend?: SendOptions | undefined;
}

/** Holds the open database of one host; opens it lazily so a first run creates nothing until setup. */
export class DatabaseHolder {
  private db: Database | null = null;
  private session: Session | null = null;

  constructor(readonly opts: ApiHostOptions) {}

  exists(): boolean {
    return this.db !== null || fs.existsSync(this.opts.dbPath);
  }

  database(create = false): Database {
    if (!this.db) this.db = openDatabase(this.opts.dbPath, { mustExist: !create, migrationsFolder: this.opts.migrationsFolder });
    return this.db;
  }

  /** The session, or null when the database exists but was never set up. */
  trySession(): Session | null {
    if (this.session) return this.session;
    if (!this.exists()) return null;
    try {
      this.session = sessionFor(this.database(), { now: this.opts.now });
    } catch (e) {
      if (e instanceof AppError && e.code === 'db.not_initialised') return null;
      throw e;
    }
    return this.session;
  }

  requireSession(): Session {
    if (!this.exists()) throw new AppError('db.not_found', { path: this.opts.dbPath });
    const s = this.trySession();
    if (!s) throw new AppError('db.not_initialised', { path: this.opts.dbPath });
    return s;
  }

  adopt(session: Session): void {
    this.session = session;
  }

  close(): void {
    this.db?.close();
    this.db = null;
    this.session = null;
  }
}
