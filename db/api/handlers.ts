/**
 * The handler registry: one function per API method, over the services. Hosts never call
 * services directly; they hand a method name and raw arguments to `WardApi.call`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { Method, Output, ParsedInput } from '../../shared/api/contract';
import { openDatabase, type Database } from '../database';
import { sessionFor, type Session } from '../session';
import { addDirective, addUnit, listAreas, listDirectives, listUnits } from '../services/catalog';
import { createDemoWard } from '../services/demo';
import { attachEvidence } from '../services/evidence';
import { listIndicators, setValue, valueHistory } from '../services/indicators';
import { addPlan, listPlans } from '../services/plans';
import { getProfile, initWard, updateProfile } from '../services/setup';
import { wardSummary } from '../services/summary';
import { addTask, getTask, listTasks, recordProgress, updateTask } from '../services/tasks';
import { PassphraseFileKeyStore, passphraseFromEnvOrPrompt, type KeyStore } from '../keys/key-store';
import { createReportHandlers } from './handlers-reports';
import { createSyncHandlers } from './handlers-sync';
import { createHubHandlers } from './handlers-hub';
import type { SendOptions } from '../hub-client/send';

export interface ApiHostOptions {
  dbPath: string;
  migrationsFolder?: string | undefined;
  now?: (() => string) | undefined;
  /** The host's key store: OS-protected in Electron, passphrase file elsewhere. */
  keyStore?: (() => KeyStore) | undefined;
  /** Where exports and backups go when the user picked no folder. */
  defaultOutDir?: (() => string) | undefined;
  /** Retry timing of sends to the city's hub; tests shorten it. */
  hubSend?: SendOptions | undefined;
}

type Handler<M extends Method> = (input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in Method]: Handler<M> };

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

export function createHandlers(holder: DatabaseHolder): Handlers {
  const s = () => holder.requireSession();
  // One store per host, so a passphrase asked once serves the whole session.
  let keyStore: KeyStore | undefined;
  const sharedKeyStore = () => (keyStore ??= holder.opts.keyStore?.() ?? new PassphraseFileKeyStore(`${holder.opts.dbPath}.key`, passphraseFromEnvOrPrompt()));
  // Where bundles, backups and documents go when the user picked no folder: beside the database.
  const defaultOutDir = holder.opts.defaultOutDir ?? (() => path.join(path.dirname(path.resolve(holder.opts.dbPath)), 'wardplan-outbox'));
  return {
    'app.status': () => {
      const session = holder.trySession();
      return { initialized: !!session, profile: session ? getProfile(session) : null, dbPath: holder.opts.dbPath };
    },
    'app.setup': (i) => {
      const db = holder.database(true);
      const session = i.demo
        ? createDemoWard(db, { officerName: i.officerName, now: holder.opts.now })
        : initWard(db, { ...i, officerTitle: i.officerTitle ?? undefined }, holder.opts.now);
      holder.adopt(session);
      if (i.demo) updateProfile(session, { officerTitle: i.officerTitle ?? undefined });
      return getProfile(session);
    },
    'profile.update': (i) => updateProfile(s(), i),
    'summary.get': (i) => wardSummary(s(), i),
    'units.list': () => listUnits(s()),
    'units.add': (i) => addUnit(s(), i),
    'directives.list': () => listDirectives(s()),
    'directives.add': (i) => addDirective(s(), i),
    'areas.list': () => listAreas(s()),
    'plans.list': () => listPlans(s()),
    'plans.add': (i) => addPlan(s(), i),
    'tasks.list': (i) => listTasks(s(), i),
    'tasks.get': (i) => getTask(s(), i.id),
    'tasks.add': (i) => addTask(s(), i),
    'tasks.update': (i) => updateTask(s(), i.id, i.patch),
    'tasks.progress': (i) => recordProgress(s(), i),
    'tasks.attach': (i) =>
      attachEvidence(s(), { taskId: i.taskId, progressId: i.progressId, fileName: i.fileName, note: i.note, data: Buffer.from(i.contentBase64, 'base64') }),
    'indicators.list': (i) => listIndicators(s(), i),
    'indicators.history': (i) => valueHistory(s(), i.code),
    'values.set': (i) => setValue(s(), i),
    ...createSyncHandlers(holder, { keyStore: sharedKeyStore, defaultOutDir }),
    ...createHubHandlers(holder, { keyStore: sharedKeyStore, send: holder.opts.hubSend }),
    ...createReportHandlers(holder, { defaultOutDir }),
  };
}
