/** Handler of database compaction (shared/api/contract-compact.ts). */
import type { Method, Output, ParsedInput } from '../../shared/api/contract';
import { compactDatabase } from '../sync/compact';
import type { DatabaseHolder } from './database-holder';

type CompactMethods = 'db.compact';
type H<M extends Method> = (input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;

export function createCompactHandlers(holder: DatabaseHolder): { [M in CompactMethods]: H<M> } {
  return {
    'db.compact': () => compactDatabase(holder.requireSession()),
  };
}
