/**
 * What a row arriving in a signed bundle may say: the same rules the services apply to local
 * writes (status values, percent 0–100, periods, dates, ids, comparators, lengths), checked before
 * anything is stored. A valid key proves who sent a row, not that the row makes sense.
 */
import { z } from 'zod';
import { COMPARATORS } from '../../shared/rules/indicator';
import { isValidIsoDate, parsePeriod } from '../../shared/rules/period';
import { RECORDED_STATUSES } from '../../shared/rules/task-status';
import { MAX_EVIDENCE_BYTES } from '../blobs';
import type { OwnedTableName } from '../owned-tables';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Larger than any figure a ward reports (budgets in đồng included), small enough to stay exact. */
const MAX_FIGURE = 1e15;

const id = z.string().regex(UUID, 'id');
const optId = id.nullable();
const code = z.string().min(1).max(64);
const txt = (max: number) => z.string().max(max);
const optTxt = (max: number) => z.string().max(max).nullable();
const isoDate = z.string().refine(isValidIsoDate, 'date');
const optDate = isoDate.nullable();
const stamp = z.iso.datetime();
const optStamp = stamp.nullable();
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

const owned = { id, owner: code, updated_at: stamp, deleted: flag };

const ROW_SCHEMAS: Record<OwnedTableName, z.ZodType> = {
  unit: z.strictObject({ ...owned, code, name: txt(500) }),
  directive: z.strictObject({ ...owned, code, number: txt(200), issued_on: optDate, issuer: txt(500), title: txt(2000), sort }),
  area: z.strictObject({ ...owned, code, name: txt(500), sort }),
  indicator: z.strictObject({
    ...owned,
    code,
    area_id: id,
    name: txt(1000),
    unit: txt(50),
    is_ratio: flag,
    numerator_label: optTxt(500),
    denominator_label: optTxt(500),
    note: optTxt(4000),
    sort,
    aggregation: z.enum(['latest', 'sum', 'average']).nullable(),
  }),
  indicator_target: z.strictObject({
    ...owned,
    indicator_id: id,
    year,
    ward_code: txt(64),
    comparator: z.enum(COMPARATORS as [string, ...string[]]),
    target: signedFigure,
    baseline: signedFigure.nullable(),
    span: optTxt(200),
  }),
  reporting_deadline: z.strictObject({ ...owned, period, due_on: isoDate, title: txt(500) }),
  plan: z.strictObject({
    ...owned,
    year,
    title: txt(500),
    doc_number: optTxt(100),
    issued_on: optDate,
    issuer: optTxt(300),
    signer_title: optTxt(200),
    signer_name: optTxt(200),
    general_goal: optTxt(10_000),
    budget_vnd: z.number().int().min(0).max(MAX_FIGURE).nullable(),
  }),
  task: z.strictObject({
    ...owned,
    plan_id: id,
    no: z.number().int().min(1).max(100_000),
    area_id: id,
    source_directive_id: optId,
    content: txt(4000),
    lead_unit_id: id,
    partner_unit_ids: unitIds,
    person: optTxt(200),
    timeline: optTxt(200),
    deadline: optDate,
    output: optTxt(2000),
    authority: optTxt(300),
    partner_note: optTxt(2000),
    created_at: stamp,
  }),
  task_progress: z.strictObject({
    ...owned,
    task_id: id,
    date: isoDate,
    status: z.enum(RECORDED_STATUSES as [string, ...string[]]),
    percent: z.number().int().min(0).max(100),
    note: optTxt(4000),
    by_name: txt(200),
    created_at: stamp,
  }),
  indicator_value: z
    .strictObject({
      ...owned,
      indicator_id: id,
      period,
      value: figure,
      numerator: figure.nullable(),
      denominator: figure.positive().nullable(),
      note: optTxt(1000),
      by_name: txt(200),
    })
    .refine((r) => (r.numerator === null) === (r.denominator === null), { message: 'ratio', path: ['denominator'] }),
  evidence: z.strictObject({
    ...owned,
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256'),
    file_name: txt(255).min(1),
    size: z.number().int().min(0).max(MAX_EVIDENCE_BYTES),
    task_id: optId,
    progress_id: optId,
    note: optTxt(1000),
    added_at: stamp,
  }),
  report: z.strictObject({
    ...owned,
    period,
    status: z.enum(['draft', 'approved', 'sent']),
    doc_number: optTxt(100),
    approved_by: optTxt(200),
    approved_at: optStamp,
    sent_at: optStamp,
    figures: optTxt(900_000),
    supplement: z.number().int().min(0).max(99),
    body: optTxt(400_000),
    recipients: optTxt(20_000),
  }),
  report_narrative: z.strictObject({
    ...owned,
    report_id: id,
    area_id: id,
    results: txt(100_000),
    shortcomings: txt(100_000),
    next_tasks: txt(100_000),
    proposals: txt(100_000),
  }),
  plan_document: z.strictObject({
    ...owned,
    plan_id: id,
    previous_results: txt(100_000),
    objectives: txt(100_000),
    solutions: txt(100_000),
    organisation: txt(100_000),
    recipients: optTxt(20_000),
  }),
};

/** The first rule a row breaks, as `column rule` for the message, or null when it keeps them all. */
export function rowProblem(table: OwnedTableName, row: Record<string, unknown>): string | null {
  const r = ROW_SCHEMAS[table].safeParse(row);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  return `${issue.path.join('.')} ${issue.message}`;
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
