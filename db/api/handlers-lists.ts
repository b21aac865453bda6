/** Handlers for the ward's lists, corrections, evidence files, the in-app passphrase and backup inspection. */
import os from 'node:os';
import path from 'node:path';
import type { PassphraseMemory } from '../keys/passphrase-memory';
import { inspectBackup } from '../services/backup';
import { updatePlan } from '../services/plans';
import {
  addIndicatorWithTarget,
  correctProgress,
  deleteTask,
  evidenceFile,
  removeEvidence,
  removeProgress,
  retireDirective,
  retireIndicator,
  retirePlan,
  retireUnit,
  saveEvidenceCopy,
  taskHistory,
  updateDirective,
  updateIndicator,
  updateUnit,
} from '../services/lists';
import type { DatabaseHolder, HandlerGroup } from './database-holder';
import { withFile } from './handlers-sync';

export interface ListsHostOptions {
  /** Set when this host keeps the key under a passphrase typed in the app (the browser host). */
  passphrase: PassphraseMemory | null;
}

export function createListsHandlers(holder: DatabaseHolder, host: ListsHostOptions) {
  const s = () => holder.requireSession();
  const passphraseState = () => ({
    asksInApp: host.passphrase !== null,
    unlocked: host.passphrase?.unlocked ?? true,
    keyExists: host.passphrase?.keyExists() ?? true,
  });
  return {
    'plans.update': (i) => updatePlan(s(), i.id, i.patch),
    'plans.retire': (i) => (retirePlan(s(), i.id), { id: i.id }),
    'units.update': (i) => updateUnit(s(), i.id, { name: i.name }),
    'units.retire': (i) => (retireUnit(s(), i.id), { id: i.id }),
    'directives.update': (i) => updateDirective(s(), i.id, i.patch),
    'directives.retire': (i) => (retireDirective(s(), i.id), { id: i.id }),
    'indicators.add': (i) => addIndicatorWithTarget(s(), i),
    'indicators.update': (i) => updateIndicator(s(), i.id, i.patch),
    'indicators.retire': (i) => (retireIndicator(s(), i.id), { id: i.id }),
    'tasks.delete': (i) => (deleteTask(s(), i.id, i.reason), { id: i.id }),
    'tasks.history': (i) => taskHistory(s(), i.id),
    'progress.correct': (i) => (correctProgress(s(), i.id, i), { id: i.id }),
    'progress.remove': (i) => (removeProgress(s(), i.id, i.reason), { id: i.id }),
    'evidence.remove': (i) => (removeEvidence(s(), i.id, i.reason), { id: i.id }),
    'evidence.get': (i) => {
      const f = evidenceFile(s(), i.id);
      return { fileName: f.fileName, size: f.size, sha256: f.sha256, contentBase64: f.data.toString('base64') };
    },
    // Without a chosen place the copy goes to a folder of its own in the system's temp folder: it
    // is there to be opened by the system's viewer, never the stored file itself.
    'evidence.saveCopy': (i) => saveEvidenceCopy(s(), i.id, { outPath: i.outPath, dir: path.join(os.tmpdir(), 'wardplan-minh-chung') }),
    'keys.passphraseState': () => passphraseState(),
    'keys.unlock': async (i) => {
      if (host.passphrase) await host.passphrase.unlock(i.passphrase);
      return passphraseState();
    },
    'backup.inspect': (i) => withFile(i, (file) => inspectBackup(file, 'path' in i ? path.basename(i.path) : i.fileName, holder.trySession()?.orgCode ?? null)),
  } satisfies HandlerGroup;
}
