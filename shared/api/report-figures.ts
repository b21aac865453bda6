/**
 * The figures of a ward's periodic report, frozen as JSON when it is approved and sent to the city
 * in its bundle. One definition: the city reads what a ward sent through this schema rather than
 * trusting its shape, and the types the services and screens use are inferred from it
 * (re-exported by ./report-types).
 */
import { z } from 'zod';
import { COMPARATORS, INDICATOR_OUTCOMES, type Comparator, type IndicatorOutcome } from '../rules/indicator';
import { STATUS_ORDER, type TaskStatus } from '../rules/task-status';

/** Bumped when the stored JSON changes shape, so a reader can tell an older or newer report. */
export const FIGURES_VERSION = 1;

const count = z.number().int().min(0);
const figure = z.number().finite();
const text = z.string();
const optText = z.string().nullable();
const comparator = z.enum(COMPARATORS as [Comparator, ...Comparator[]]);
const outcome = z.enum(INDICATOR_OUTCOMES as [IndicatorOutcome, ...IndicatorOutcome[]]);
const taskStatus = z.enum(STATUS_ORDER as [TaskStatus, ...TaskStatus[]]);

/** `done` counts every finished task; `doneLate` is the part of it finished after the deadline. */
export const statusTallySchema = z.object({ assigned: count, done: count, doneLate: count, inProgress: count, notStarted: count, overdue: count });

export const directiveTallySchema = z.object({
  ...statusTallySchema.shape,
  /** null: the tasks that name no source directive. */
  code: optText,
  number: optText,
  issuer: optText,
  issuedOn: optText,
  title: optText,
});

export const areaTallySchema = z.object({ ...statusTallySchema.shape, code: text, name: text });

export const overdueTaskSchema = z.object({
  no: count,
  content: text,
  areaCode: text,
  leadUnitCode: text,
  leadUnitName: text,
  timeline: optText,
  deadline: text,
  daysOverdue: figure,
  /** The last percent recorded by the report's day. */
  percent: figure,
  /** The latest progress note by the report's day: why it is late, in the officer's words. */
  note: optText.optional(),
});

/** A task not yet done whose deadline falls in the month after the report's day. */
export const dueTaskSchema = z.object({ no: count, content: text, leadUnitName: text, timeline: optText, deadline: text, percent: figure });

/** One row of the report's appendix: every task's standing on the report's day. */
export const taskProgressRowSchema = z.object({
  no: count,
  content: text,
  areaCode: text,
  leadUnitName: text,
  timeline: optText,
  status: taskStatus,
  percent: figure,
  note: optText,
});

export const indicatorFigureSchema = z.object({
  code: text,
  name: text,
  areaCode: text,
  unit: text,
  comparator: comparator.nullable(),
  target: figure.nullable(),
  baseline: figure.nullable(),
  value: figure.nullable(),
  numerator: figure.nullable(),
  denominator: figure.nullable(),
  /** The period whose value is shown: the report's own (entered, or combined from its parts), or the one part used. */
  valuePeriod: optText,
  /** The periods whose values made it (absent in reports approved before values were combined). */
  valueParts: z.array(text).optional(),
  /** Whether those periods cover the report's whole period. */
  valueComplete: z.boolean().optional(),
  outcome,
});

export const reportContextSchema = z.object({
  orgCode: text,
  orgName: text,
  cityName: text,
  plan: z.object({ year: z.number().int(), title: text, docNumber: optText, issuedOn: optText, issuer: optText }),
  /** Who signs: the plan's signer while drafting, the approver once approved. */
  signer: z.object({ title: optText, name: optText }),
});

export const reportFiguresSchema = z.object({
  version: z.literal(FIGURES_VERSION),
  period: text,
  periodLabel: text,
  start: text,
  end: text,
  /** The day tasks are judged on: the period's last day, or today while the period is still running. */
  asOf: text,
  context: reportContextSchema,
  /** The ward's areas in its order, so a received report lays out its sections as the ward did. */
  areas: z.array(z.object({ code: text, name: text })),
  tasks: z.object({
    total: statusTallySchema,
    byDirective: z.array(directiveTallySchema),
    byArea: z.array(areaTallySchema),
    overdue: z.array(overdueTaskSchema),
    /** Absent in reports approved before these lists existed. */
    dueNext: z.array(dueTaskSchema).optional(),
    rows: z.array(taskProgressRowSchema).optional(),
  }),
  indicators: z.object({ rows: z.array(indicatorFigureSchema), total: count, met: count, notMet: count, noData: count }),
});
