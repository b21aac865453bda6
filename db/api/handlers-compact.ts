/** Handler of database compaction (shared/api/contract-compact.ts). */
import { compactDatabase } from '../sync/compact';
import type { DatabaseHolder, HandlerGroup } from './database-holder';

export function createCompactHandlers(holder: DatabaseHolder) {
  return {
    'db.compact': () => compactDatabase(holder.requireSession()),
  } satisfies HandlerGroup;
}
