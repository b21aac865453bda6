/**
 * An owned row read by table name with its schema's type, for code that checks and edits rows of
 * several tables the same way (retiring, correcting). The generic writer keeps untyped rows because
 * it handles every table alike; a reader that asks for one table gets that table's columns.
 */
import { eq } from 'drizzle-orm';
import * as t from './schema';
import type { OwnedTableName } from './owned-tables';
import type { Session } from './session';

// `satisfies` holds this map to owned-tables.ts's list of names: a table added there fails to compile here.
const TABLES = {
  unit: t.unit,
  directive: t.directive,
  area: t.area,
  indicator: t.indicator,
  indicator_target: t.indicatorTarget,
  reporting_deadline: t.reportingDeadline,
  plan: t.plan,
  task: t.task,
  task_progress: t.taskProgress,
  indicator_value: t.indicatorValue,
  evidence: t.evidence,
  report: t.report,
  report_narrative: t.reportNarrative,
  plan_document: t.planDocument,
} satisfies Record<OwnedTableName, unknown>;

type Tables = typeof TABLES;
export type OwnedRow<N extends OwnedTableName> = Tables[N]['$inferSelect'];

/** The row as it is now, tombstone or not. */
export function readOwned<N extends OwnedTableName>(s: Session, name: N, id: string): OwnedRow<N> | undefined {
  const table: Tables[OwnedTableName] = TABLES[name];
  return s.db.orm.select().from(table).where(eq(table.id, id)).get();
}
