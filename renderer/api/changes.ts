/**
 * What each change makes stale: after a successful call of a method listed here, every loaded
 * answer of the methods it names is fetched again (whatever its arguments), so no screen has to
 * be told to reload. A method not listed changes nothing a screen shows (reads, previews, files
 * written to disk). A new method that changes data gets its line here.
 */
import type { Method } from '../../shared/api/contract';

/** Everything a task, its progress or its files feed: the lists, the overview, reports, the outgoing bundle. */
const TASK_DATA = ['tasks.list', 'tasks.get', 'tasks.history', 'summary.get', 'reports.get', 'planDocument.get', 'sync.status'] as const;
const INDICATOR_DATA = ['indicators.list', 'indicators.history', 'summary.get', 'reports.get', 'planDocument.get', 'sync.status'] as const;
const REPORT_DATA = ['reports.get', 'reports.list', 'sync.status'] as const;

/** `everything`: the data underneath was replaced or merged from outside, so nothing loaded can be trusted. */
export type Stale = readonly Method[] | 'everything';

export const CHANGES: Partial<Record<Method, Stale>> = {
  'profile.update': ['app.status', 'reports.get', 'planDocument.get'],
  'plans.add': ['plans.list', 'reports.list', ...TASK_DATA, ...INDICATOR_DATA],
  'plans.update': ['plans.list', 'reports.list', ...TASK_DATA, ...INDICATOR_DATA],
  'plans.retire': ['plans.list', 'reports.list', ...TASK_DATA, ...INDICATOR_DATA],
  'units.add': ['units.list', ...TASK_DATA],
  'units.update': ['units.list', ...TASK_DATA],
  'units.retire': ['units.list', ...TASK_DATA],
  'directives.add': ['directives.list', ...TASK_DATA],
  'directives.update': ['directives.list', ...TASK_DATA],
  'directives.retire': ['directives.list', ...TASK_DATA],
  'directives.setOrder': ['directives.list', ...TASK_DATA],
  'tasks.add': TASK_DATA,
  'tasks.update': TASK_DATA,
  'tasks.delete': TASK_DATA,
  'tasks.progress': TASK_DATA,
  'tasks.attach': TASK_DATA,
  'progress.correct': TASK_DATA,
  'progress.remove': TASK_DATA,
  'evidence.remove': TASK_DATA,
  'indicators.add': INDICATOR_DATA,
  'indicators.update': INDICATOR_DATA,
  'indicators.retire': INDICATOR_DATA,
  'indicators.setAggregation': INDICATOR_DATA,
  'values.set': INDICATOR_DATA,
  'reports.saveNarrative': REPORT_DATA,
  'reports.saveBody': REPORT_DATA,
  'reports.approve': REPORT_DATA,
  'reports.markSent': REPORT_DATA,
  'reports.createSupplement': REPORT_DATA,
  'documents.saveSettings': ['documents.settings', 'planDocument.get', 'reports.get'],
  'planDocument.save': ['planDocument.get'],
  'keys.enrollmentRequest': ['keys.show', 'sync.status'],
  'keys.unlock': ['keys.passphraseState', 'keys.show'],
  'hub.setAddress': ['hub.getAddress', 'hub.check'],
  'hub.send': ['hub.outbox', 'sync.status'],
  'hub.sendAndWait': ['hub.outbox', 'sync.status'],
  'enroll.send': ['keys.show', 'sync.status'],
  'enroll.fetch': 'everything',
  'sync.export': ['hub.outbox', 'sync.status'],
  'sync.import': 'everything',
  'enroll.import': 'everything',
  'backup.restore': 'everything',
  'planImport.apply': 'everything',
  'plan.importSheet': 'everything',
};
