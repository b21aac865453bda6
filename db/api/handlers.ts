/**
 * The handler registry: one function per API method, over the services. Hosts never call
 * services directly; they hand a method name and raw arguments to `WardApi.call`.
 */
import path from 'node:path';
import type { Method } from '../../shared/api/contract';
import type { DatabaseHolder, Handler } from './database-holder';
import { addDirective, addUnit, listAreas, listDirectives, listUnits } from '../services/catalog';
import { createDemoWard } from '../services/demo';
import { attachEvidence } from '../services/evidence';
import { listIndicators, setValue, valueHistory } from '../services/indicators';
import { addPlan, listPlans } from '../services/plans';
import { getProfile, initWard, updateProfile } from '../services/setup';
import { wardSummary } from '../services/summary';
import { addTask, getTask, listTasks, recordProgress, updateTask } from '../services/tasks';
import { PassphraseFileKeyStore, passphraseFromEnv, type KeyStore } from '../keys/key-store';
import { PassphraseMemory } from '../keys/passphrase-memory';
import { createListsHandlers } from './handlers-lists';
import { createPlanImportHandlers } from './handlers-plan-import';
import { createDocumentHandlers } from './handlers-documents';
import { createReportHandlers } from './handlers-reports';
import { createSyncHandlers } from './handlers-sync';
import { createHubHandlers } from './handlers-hub';
import { createCompactHandlers } from './handlers-compact';
import { createKeysHandlers } from './handlers-keys';

export type Handlers = { [M in Method]: Handler<M> };

export { DatabaseHolder, type ApiHostOptions } from './database-holder';

export function createHandlers(holder: DatabaseHolder): Handlers {
  const s = () => holder.requireSession();
  // One store per host, so a passphrase asked once serves the whole session. A host without a
  // store of its own and without the in-app passphrase gets the environment's, never a prompt.
  let keyStore: KeyStore | undefined;
  const keyFile = `${holder.opts.dbPath}.key`;
  const memory = holder.opts.passphraseInApp ? new PassphraseMemory(keyFile) : null;
  const sharedKeyStore = () => (keyStore ??= holder.opts.keyStore?.() ?? new PassphraseFileKeyStore(keyFile, memory ? memory.source : passphraseFromEnv()));
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
    ...createPlanImportHandlers(holder),
    ...createListsHandlers(holder, { passphrase: memory }),
    ...createDocumentHandlers(holder),
    ...createCompactHandlers(holder),
    ...createKeysHandlers(holder, { keyStore: sharedKeyStore }),
  };
}
