/**
 * The tables whose rows travel in bundles, with their SQL columns read from the schema, so the
 * generic writer, the change log and the bundle reader all agree on one list.
 */
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as s from './schema';

// Order matters: a parent comes before the rows that reference it, so a snapshot applies cleanly.
const TABLES = {
  unit: s.unit,
  directive: s.directive,
  area: s.area,
  indicator: s.indicator,
  indicator_target: s.indicatorTarget,
  reporting_deadline: s.reportingDeadline,
  plan: s.plan,
  task: s.task,
  task_progress: s.taskProgress,
  indicator_value: s.indicatorValue,
  evidence: s.evidence,
  report: s.report,
  report_narrative: s.reportNarrative,
  plan_document: s.planDocument,
} satisfies Record<string, SQLiteTable>;

export type OwnedTableName = keyof typeof TABLES;
export const OWNED_TABLE_NAMES = Object.keys(TABLES) as OwnedTableName[];

/** Tables only the city may own: a ward's bundle carrying one of these is refused. */
export const CITY_ONLY_TABLES: ReadonlySet<OwnedTableName> = new Set(['reporting_deadline']);
/** Tables only a ward may own: the city's catalog carrying one of these is refused. */
export const WARD_ONLY_TABLES: ReadonlySet<OwnedTableName> = new Set([
  'plan',
  'task',
  'task_progress',
  'indicator_value',
  'evidence',
  'report',
  'report_narrative',
  'plan_document',
]);

/** What the writer needs of a column; what a bundle's row may hold in it is db/bundle/row-rules.ts's, from the same schema. */
export interface ColumnInfo {
  name: string;
  /** The SQL storage class: the compact row codec writes text through its string table, numbers as they are. */
  kind: 'text' | 'integer' | 'real';
  /** What a row that leaves the column out gets, as the schema says. */
  defaultValue: string | number | null;
}

const columnCache = new Map<OwnedTableName, ColumnInfo[]>();

export function columnsOf(table: OwnedTableName): ColumnInfo[] {
  let cols = columnCache.get(table);
  if (!cols) {
    cols = Object.values(getTableColumns(TABLES[table])).map((c) => ({
      name: c.name,
      kind: c.columnType === 'SQLiteText' ? 'text' : c.columnType === 'SQLiteReal' ? 'real' : 'integer',
      defaultValue: c.hasDefault && (typeof c.default === 'string' || typeof c.default === 'number') ? c.default : null,
    }));
    columnCache.set(table, cols);
  }
  return cols;
}

export function isOwnedTable(name: string): name is OwnedTableName {
  return Object.prototype.hasOwnProperty.call(TABLES, name);
}
