/**
 * What a row arriving in a signed bundle may say: the same rules the services apply to local
 * writes (status values, percent 0–100, periods, dates, ids, comparators, lengths), checked before
 * anything is stored. A valid key proves who sent a row, not that the row makes sense.
 */
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { createInsertSchema } from 'drizzle-zod';
import { z } from 'zod';
import { AGGREGATIONS, COMPARATORS } from '../../shared/rules/indicator';
import { isValidIsoDate, parsePeriod } from '../../shared/rules/period';
import { MAX_EVIDENCE_BYTES } from '../blobs';
import type { OwnedTableName } from '../owned-tables';
import * as t from '../schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Larger than any figure a ward reports (budgets in đồng included), small enough to stay exact. */
const MAX_FIGURE = 1e15;

const id = z.string().regex(UUID, 'id');
const code = z.string().min(1).max(64);
const isoDate = z.string().refine(isValidIsoDate, 'date');
const stamp = z.iso.datetime();
const year = z.number().int().min(2000).max(2100);
const period = z.string().refine((p) => {
  const parsed = parsePeriod(p);
  return parsed !== null && parsed.year >= 2000 && parsed.year <= 2100;
}, 'period');
const flag = z.union([z.literal(0), z.literal(1)]);
const sort = z.number().int().min(0).max(1_000_000);
const figure = z.number().min(0).max(MAX_FIGURE);
const signedFigure = z.number().min(-MAX_FIGURE).max(MAX_FIGURE);
const unitIds = z.string().refine((v) => {
  try {
    const list: unknown = JSON.parse(v);
    return Array.isArray(list) && list.length <= 50 && list.every((x) => typeof x === 'string' && UUID.test(x));
  } catch {
    return false;
  }
}, 'unit ids');

/**
 * Every column's type (text, integer, real, one of an enum) and whether it may be null or left out
 * (it has a default) come from the schema through drizzle-zod, so a new column is checked from the
 * day it is added; what the schema cannot say (lengths, ranges, id and date shapes) is refined here,
 * by the column's name in db/schema.ts, which the compiler checks. Refinements are functions so
 * drizzle-zod keeps adding `null` and "may be left out" as the column allows.
 */
const is =
  <T extends z.ZodType>(schema: T) =>
  () =>
    schema;
const owned = { id: is(id), owner: is(code), updatedAt: is(stamp), deleted: is(flag) };
const max = (n: number) => (s: z.ZodString) => s.max(n);

/**
 * A drizzle-zod schema keyed by SQL column names, as rows travel in bundles, and strict: a column
 * the schema does not have is refused. A column with a default gets it when left out.
 */
function bundleRow(table: SQLiteTable, schema: z.ZodObject): z.ZodObject {
  const columns = getTableColumns(table);
  const shape: Record<string, z.ZodType> = {};
  for (const [key, rule] of Object.entries(schema.shape)) {
    const column = columns[key]!;
    const fixed = column.hasDefault && (typeof column.default === 'string' || typeof column.default === 'number');
    shape[column.name] = fixed ? (rule as z.ZodOptional<z.ZodType>).unwrap().default(column.default) : rule;
  }
  return z.strictObject(shape);
}

const ROW_SCHEMAS: Record<OwnedTableName, z.ZodType<Record<string, unknown>>> = {
  unit: bundleRow(t.unit, createInsertSchema(t.unit, { ...owned, code: is(code), name: max(500) })),
  directive: bundleRow(
    t.directive,
    createInsertSchema(t.directive, { ...owned, code: is(code), number: max(200), issuedOn: is(isoDate), issuer: max(500), title: max(2000), sort: is(sort) }),
  ),
  area: bundleRow(t.area, createInsertSchema(t.area, { ...owned, code: is(code), name: max(500), sort: is(sort) })),
  indicator: bundleRow(
    t.indicator,
    createInsertSchema(t.indicator, {
      ...owned,
      code: is(code),
      areaId: is(id),
      name: max(1000),
      unit: max(50),
      isRatio: is(flag),
      numeratorLabel: max(500),
      denominatorLabel: max(500),
      note: max(4000),
      sort: is(sort),
      aggregation: is(z.enum(AGGREGATIONS as [string, ...string[]])),
    }),
  ),
  indicator_target: bundleRow(
    t.indicatorTarget,
    createInsertSchema(t.indicatorTarget, {
      ...owned,
      indicatorId: is(id),
      year: is(year),
      wardCode: max(64),
      comparator: is(z.enum(COMPARATORS as [string, ...string[]])),
      target: is(signedFigure),
      baseline: is(signedFigure),
      span: max(200),
    }),
  ),
  reporting_deadline: bundleRow(
    t.reportingDeadline,
    createInsertSchema(t.reportingDeadline, { ...owned, period: is(period), dueOn: is(isoDate), title: max(500) }),
  ),
  plan: bundleRow(
    t.plan,
    createInsertSchema(t.plan, {
      ...owned,
      year: is(year),
      title: max(500),
      docNumber: max(100),
      issuedOn: is(isoDate),
      issuer: max(300),
      signerTitle: max(200),
      signerName: max(200),
      generalGoal: max(10_000),
      budgetVnd: is(z.number().int().min(0).max(MAX_FIGURE)),
    }),
  ),
  task: bundleRow(
    t.task,
    createInsertSchema(t.task, {
      ...owned,
      planId: is(id),
      no: is(z.number().int().min(1).max(100_000)),
      areaId: is(id),
      sourceDirectiveId: is(id),
      content: max(4000),
      leadUnitId: is(id),
      partnerUnitIds: is(unitIds),
      person: max(200),
      timeline: max(200),
      deadline: is(isoDate),
      output: max(2000),
      authority: max(300),
      partnerNote: max(2000),
      createdAt: is(stamp),
    }),
  ),
  task_progress: bundleRow(
    t.taskProgress,
    createInsertSchema(t.taskProgress, {
      ...owned,
      taskId: is(id),
      date: is(isoDate),
      percent: is(z.number().int().min(0).max(100)),
      note: max(4000),
      byName: max(200),
      createdAt: is(stamp),
    }),
  ),
  indicator_value: bundleRow(
    t.indicatorValue,
    createInsertSchema(t.indicatorValue, {
      ...owned,
      indicatorId: is(id),
      period: is(period),
      value: is(figure),
      numerator: is(figure),
      denominator: is(figure.positive()),
      note: max(1000),
      byName: max(200),
    }),
  ).refine((r) => ((r.numerator ?? null) === null) === ((r.denominator ?? null) === null), { message: 'ratio', path: ['denominator'] }),
  evidence: bundleRow(
    t.evidence,
    createInsertSchema(t.evidence, {
      ...owned,
      sha256: is(z.string().regex(/^[0-9a-f]{64}$/, 'sha256')),
      fileName: (s) => s.min(1).max(255),
      size: is(z.number().int().min(0).max(MAX_EVIDENCE_BYTES)),
      taskId: is(id),
      progressId: is(id),
      note: max(1000),
      addedAt: is(stamp),
    }),
  ),
  report: bundleRow(
    t.report,
    createInsertSchema(t.report, {
      ...owned,
      period: is(period),
      docNumber: max(100),
      approvedBy: max(200),
      approvedAt: is(stamp),
      sentAt: is(stamp),
      figures: max(900_000),
      supplement: is(z.number().int().min(0).max(99)),
      body: max(400_000),
      recipients: max(20_000),
    }),
  ),
  report_narrative: bundleRow(
    t.reportNarrative,
    createInsertSchema(t.reportNarrative, {
      ...owned,
      reportId: is(id),
      areaId: is(id),
      results: max(100_000),
      shortcomings: max(100_000),
      nextTasks: max(100_000),
      proposals: max(100_000),
    }),
  ),
  plan_document: bundleRow(
    t.planDocument,
    createInsertSchema(t.planDocument, {
      ...owned,
      planId: is(id),
      previousResults: max(100_000),
      objectives: max(100_000),
      solutions: max(100_000),
      organisation: max(100_000),
      recipients: max(20_000),
    }),
  ),
};

export type RowCheck = { ok: true; row: Record<string, unknown> } | { ok: false; problem: string };

/**
 * A row as a bundle carries it, checked: with the columns it left out given their defaults, or the
 * first rule it breaks as `column rule` for the message (`column x` for a column the table lacks).
 */
export function checkBundleRow(table: OwnedTableName, row: Record<string, unknown>): RowCheck {
  const r = ROW_SCHEMAS[table].safeParse(row);
  if (r.success) return { ok: true, row: r.data };
  const unknown = r.error.issues.find((i) => i.code === 'unrecognized_keys');
  if (unknown) return { ok: false, problem: `column ${unknown.keys[0]}` };
  const issue = r.error.issues[0]!;
  return { ok: false, problem: `${issue.path.join('.')} ${issue.message}` };
}

/** Columns that name another owned row; `partner_unit_ids` holds a JSON list of them. */
export const REFERENCES: Readonly<Record<OwnedTableName, ReadonlyArray<readonly [column: string, target: OwnedTableName]>>> = {
  unit: [],
  directive: [],
  area: [],
  reporting_deadline: [],
  plan: [],
  report: [],
  indicator: [['area_id', 'area']],
  indicator_target: [['indicator_id', 'indicator']],
  task: [
    ['plan_id', 'plan'],
    ['area_id', 'area'],
    ['source_directive_id', 'directive'],
    ['lead_unit_id', 'unit'],
    ['partner_unit_ids', 'unit'],
  ],
  task_progress: [['task_id', 'task']],
  indicator_value: [['indicator_id', 'indicator']],
  evidence: [
    ['task_id', 'task'],
    ['progress_id', 'task_progress'],
  ],
  report_narrative: [
    ['report_id', 'report'],
    ['area_id', 'area'],
  ],
  plan_document: [['plan_id', 'plan']],
};

/** The ids a row's reference column names (none for a null reference). */
export function referencedIds(column: string, value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return column === 'partner_unit_ids' ? (JSON.parse(value) as string[]) : [value];
}
