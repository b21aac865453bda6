/**
 * The one API of WardPlan. Every host (Electron IPC, the browser host, the command line) serves
 * exactly these methods, and every argument is checked against these schemas at the boundary
 * before any service sees it. Outputs are typed in ./types.
 */
import { z } from 'zod';
import type { AreaRow, DirectiveRow, IndicatorItem, PlanRow, Profile, TaskDetail, TaskItem, UnitRow, ValuePoint, WardSummary } from './types';
import type { ExportResult, ImportOutcome, KeyInfo, WardSyncStatus } from './sync-types';
import type { AreaNarrative, ReportRow, ReportView } from './report-types';
import { planImportSchemas, type PlanImportOutputs } from './contract-plan-import';
import { listsSchemas, planFields, type ListsOutputs } from './contract-lists';
import { documentsSchemas, supplementNo, type DocumentsOutputs } from './contract-documents';
import { hubSchemas, type HubOutputs, type HubProgresses } from './contract-hub';
import { compactSchemas, type CompactOutputs } from './contract-compact';
import { keysSchemas, type KeysOutputs } from './contract-keys';
import { isReportingPeriodCode, isReportingYear, isValidIsoDate } from '../rules/period';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date.format')
  .refine(isValidIsoDate, 'date.format');
const code = z.string().trim().min(1).max(32);
const text = (max: number) => z.string().max(max);
const optText = (max: number) => z.string().max(max).nullable().optional();
const periodCode = z
  .string()
  .regex(/^\d{4}(-(Q[1-4]|H[12]|M?\d{2}))?$/, 'period.format')
  .refine(isReportingPeriodCode, 'period.year_range');
const taskStatus = z.enum(['not_started', 'in_progress', 'overdue', 'done', 'done_late']);
const recordedStatus = z.enum(['not_started', 'in_progress', 'done']);
const finite = z.number().finite();
const docFormat = z.enum(['docx', 'xlsx']);
/** Where the officer chose to save a document (the desktop shell's save dialog); absent: the host's own folder. */
const outPath = z.string().min(1).max(1000).optional();
const planYear = z.number().int('year.range').refine(isReportingYear, 'year.range');
/** Long enough for pages of narrative; the service holds the exact limit and says it in words. */
const narrativeText = z.string().max(100_000).optional();

/**
 * A file the user picked: a path where the host can read the disk itself (Electron, command line),
 * or its bytes where it cannot (a browser uploading through <input type=file>).
 */
export const fileInput = z.union([
  z.object({ path: z.string().min(1).max(1000) }),
  z.object({ fileName: z.string().min(1).max(255), contentBase64: z.string().min(1) }),
]);

const taskFields = {
  areaCode: code,
  content: text(4000).trim().min(1),
  leadUnitCode: code,
  partnerUnitCodes: z.array(code).max(50).optional(),
  partnerNote: optText(2000),
  timeline: optText(200),
  deadline: isoDate.nullable().optional(),
  sourceCode: code.nullable().optional(),
  output: optText(2000),
  person: optText(200),
  authority: optText(300),
};

export const schemas = {
  'app.status': z.object({}),
  'app.setup': z.object({
    wardCode: code,
    wardName: text(200).trim().min(1),
    cityCode: code,
    cityName: text(200).trim().min(1),
    officerName: text(200).trim().min(1),
    officerTitle: optText(200),
    demo: z.boolean(),
  }),
  'profile.update': z.object({ orgName: text(200).optional(), officerName: text(200).optional(), officerTitle: text(200).optional() }),
  'summary.get': z.object({ asOf: isoDate.optional(), year: planYear.optional() }),
  'units.list': z.object({}),
  'units.add': z.object({ code, name: text(300).trim().min(1) }),
  'directives.list': z.object({}),
  'directives.add': z.object({
    code,
    number: optText(100),
    date: isoDate.nullable().optional(),
    issuer: text(300).trim().min(1),
    title: text(1000).trim().min(1),
  }),
  'areas.list': z.object({}),
  'plans.list': z.object({}),
  'plans.add': z.object({ year: planYear, ...planFields }),
  'tasks.list': z.object({
    planYear: planYear.optional(),
    status: taskStatus.optional(),
    areaCode: code.optional(),
    search: text(200).optional(),
    asOf: isoDate.optional(),
  }),
  'tasks.get': z.object({ id: z.string().uuid() }),
  'tasks.add': z.object({ planYear: planYear.optional(), ...taskFields }),
  'tasks.update': z.object({
    id: z.string().uuid(),
    patch: z.object({
      areaCode: taskFields.areaCode.optional(),
      content: taskFields.content.optional(),
      leadUnitCode: taskFields.leadUnitCode.optional(),
      partnerUnitCodes: taskFields.partnerUnitCodes,
      partnerNote: taskFields.partnerNote,
      timeline: taskFields.timeline,
      deadline: taskFields.deadline,
      sourceCode: taskFields.sourceCode,
      output: taskFields.output,
      person: taskFields.person,
      authority: taskFields.authority,
    }),
  }),
  'tasks.progress': z.object({
    taskId: z.string().uuid(),
    status: recordedStatus,
    // Any number passes here so the rules can say what is wrong with it (out of 0–100, not whole).
    percent: finite.optional(),
    note: optText(4000),
    date: isoDate.optional(),
  }),
  'tasks.attach': z.object({
    taskId: z.string().uuid(),
    progressId: z.string().uuid().nullable().optional(),
    fileName: text(255).min(1),
    contentBase64: z.string().min(1),
    note: optText(1000),
  }),
  'indicators.list': z.object({ year: planYear.optional(), period: periodCode.optional(), asOf: isoDate.optional() }),
  'indicators.history': z.object({ code }),
  'values.set': z.object({
    indicatorCode: code,
    period: periodCode,
    value: finite.nullable().optional(),
    numerator: finite.nullable().optional(),
    denominator: finite.nullable().optional(),
    note: optText(1000),
  }),
  'keys.show': z.object({}),
  'keys.enrollmentRequest': z.object({ outDir: z.string().min(1).max(1000).optional(), outPath }),
  'enroll.import': fileInput,
  'sync.status': z.object({}),
  'sync.export': z.object({ outDir: z.string().min(1).max(1000).optional(), full: z.boolean().optional() }),
  'sync.import': fileInput,
  // Many bundles at once (the hub's uploads, a city's folder): one transaction per group, a savepoint per bundle.
  'sync.importMany': z.object({ paths: z.array(z.string().min(1).max(1000)).min(1).max(10000) }),
  'backup.create': z.object({ outDir: z.string().min(1).max(1000).optional() }),
  'backup.restore': z.intersection(fileInput, z.object({ confirm: z.literal(true) })),
  'backup.inspect': fileInput,
  // Periodic reports. A month is a valid period but not a report's: the service refuses it by name.
  'reports.list': z.object({}),
  'reports.get': z.object({ period: periodCode, supplement: supplementNo }),
  'reports.saveNarrative': z.object({
    period: periodCode,
    supplement: supplementNo,
    areaCode: code,
    results: narrativeText,
    shortcomings: narrativeText,
    nextTasks: narrativeText,
    proposals: narrativeText,
  }),
  'reports.approve': z.object({ period: periodCode, supplement: supplementNo, approvedBy: text(200), docNumber: optText(100), signerTitle: optText(200) }),
  'reports.markSent': z.object({ period: periodCode, supplement: supplementNo }),
  // Documents, written to `outPath` or the host's folder, and returned so a browser can download them.
  'documents.report': z.object({ period: periodCode, supplement: supplementNo, format: docFormat, outPath }),
  'documents.plan': z.object({ format: docFormat, year: planYear.optional(), outPath }),
  'documents.planTemplate': z.object({ outPath }),
  // A plan kept in Excel: checked row by row first, imported whole or not at all.
  'plan.checkSheet': z.intersection(fileInput, z.object({ year: planYear.optional() })),
  'plan.importSheet': z.intersection(fileInput, z.object({ year: planYear.optional() })),
  ...planImportSchemas,
  ...listsSchemas,
  ...documentsSchemas,
  ...hubSchemas,
  ...compactSchemas,
  ...keysSchemas,
} as const;

export type Method = keyof typeof schemas;
export type FileInput = z.output<typeof fileInput>;
export type Input<M extends Method> = z.input<(typeof schemas)[M]>;
export type ParsedInput<M extends Method> = z.output<(typeof schemas)[M]>;

export interface AppStatus {
  initialized: boolean;
  profile: Profile | null;
  dbPath: string;
}

/** A document the host wrote: where, and its bytes for a browser to offer as a download. */
export interface DocumentFile {
  path: string;
  fileName: string;
  size: number;
  contentBase64: string;
}

/** One reason a sheet row was refused: a message key of shared/i18n/messages-reports.ts and its parameters. */
export interface SheetRowReason {
  code: string;
  params: Record<string, string | number>;
}

/** A sheet checked before import: how many tasks it would add, or every bad row with every reason. */
export type PlanSheetCheck =
  { ok: true; rows: number; year: number } | { ok: false; problems: Array<{ row: number; reasons: SheetRowReason[] }>; year: number };

export interface PlanSheetImported {
  imported: number;
  year: number;
  /** true when the year had no plan and the import created it. */
  planCreated: boolean;
}

export interface Outputs extends PlanImportOutputs, ListsOutputs, DocumentsOutputs, HubOutputs, CompactOutputs, KeysOutputs {
  'app.status': AppStatus;
  'app.setup': Profile;
  'profile.update': Profile;
  'summary.get': WardSummary;
  'units.list': UnitRow[];
  'units.add': UnitRow;
  'directives.list': DirectiveRow[];
  'directives.add': DirectiveRow;
  'areas.list': AreaRow[];
  'plans.list': PlanRow[];
  'plans.add': PlanRow;
  'tasks.list': TaskItem[];
  'tasks.get': TaskDetail;
  'tasks.add': { id: string };
  'tasks.update': TaskItem;
  'tasks.progress': { id: string };
  'tasks.attach': { id: string; sha256: string };
  'indicators.list': IndicatorItem[];
  'indicators.history': ValuePoint[];
  'values.set': { id: string; value: number };
  'keys.show': KeyInfo;
  'keys.enrollmentRequest': { path: string; fingerprint: string; keyId: string };
  'enroll.import': { cityCode: string; cityFingerprint: string; wardFingerprint: string };
  'sync.status': WardSyncStatus;
  'sync.export': ExportResult;
  'sync.import': ImportOutcome;
  'sync.importMany': ImportOutcome[];
  'backup.create': { path: string; size: number };
  'backup.restore': { restoredFrom: string; previousKeptAt: string };
  'reports.list': ReportRow[];
  'reports.get': ReportView;
  'reports.saveNarrative': AreaNarrative;
  'reports.approve': ReportView;
  'reports.markSent': ReportRow;
  'documents.report': DocumentFile;
  'documents.plan': DocumentFile;
  'documents.planTemplate': DocumentFile;
  'plan.checkSheet': PlanSheetCheck;
  'plan.importSheet': PlanSheetImported;
}

export type Output<M extends Method> = M extends keyof Outputs ? Outputs[M] : never;

/**
 * What a long method reports while it runs (an upload's bytes), each report a plain message like
 * the answer, so it crosses the same transports. A feature joins with `&` its own map.
 */
export type Progresses = HubProgresses;
export type Progress<M extends Method> = M extends keyof Progresses ? Progresses[M] : never;

export const METHODS = Object.keys(schemas) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(schemas, name);
}

export type { ApiError } from './api-error';
import type { ApiError } from './api-error';

export type ApiResult<M extends Method> = { ok: true; value: Output<M> } | { ok: false; error: ApiError };
