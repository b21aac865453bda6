/**
 * The city's API: what the dashboard (and the city's command line) can ask of a city database.
 * Served by db/api/city-api.ts only, never by a ward's WardApi, so it is its own list of methods.
 * Every method names the role it needs; the API refuses a viewer an administrator's method
 * whichever host called it.
 */
import { z } from 'zod';
import type { ApiError, DocumentFile } from './contract';
import type { TaskStatus } from '../rules/task-status';
import type { IndicatorOutcome } from '../rules/indicator';
import { CITY_OPS_ADMIN_METHODS, cityOpsSchemas, interchangeMappingSchema, type CityOpsOutputs } from './contract-city-ops';

export const cityRole = z.enum(['admin', 'viewer']);
export type CityRole = z.infer<typeof cityRole>;

const code = z.string().trim().min(1).max(32);
const periodCode = z.string().regex(/^\d{4}(-(Q[1-4]|H[12]|M?\d{2}))?$/, 'period.format');
const page = z.number().int().min(1).max(100_000).default(1);
const pageSize = z.number().int().min(1).max(500).default(50);
const group = z.string().max(200).optional();
const search = z.string().max(200).optional();
const optText = (max: number) => z.string().trim().max(max).nullable().optional();
export const completenessStatus = z.enum(['on_time', 'late', 'overdue', 'waiting', 'not_enrolled']);
export const cityReportFormat = z.enum(['docx', 'xlsx', 'csv']);
export const cityReportTable = z.enum(['directives', 'completeness', 'indicators', 'wards']);
export const exchangeFormat = z.enum(['dhis2', 'adx', 'csv']);
const password = z.string().min(1).max(1024);

export const citySchemas = {
  'city.overview': z.object({}),
  'city.completeness': z.object({ period: periodCode, group, status: completenessStatus.optional(), search, page, pageSize }),
  'city.directives': z.object({ period: periodCode, group }),
  'city.directiveWards': z.object({ period: periodCode, directive: z.string().max(200), group, search, page, pageSize }),
  'city.wardTasks': z.object({ period: periodCode, wardCode: code, directive: z.string().max(200).optional() }),
  'city.indicators': z.object({ period: periodCode, group }),
  'city.indicatorDetail': z.object({ period: periodCode, code, group, search, page, pageSize }),
  'city.ward': z.object({ period: periodCode, wardCode: code }),
  'city.wardReport': z.object({ period: periodCode, wardCode: code }),
  'city.report': z.object({ period: periodCode, format: cityReportFormat, table: cityReportTable.optional() }),
  'city.export': z.object({ period: periodCode, format: exchangeFormat, mapping: interchangeMappingSchema.optional() }),
  'city.enrollments': z.object({}),
  'city.catalog': z.object({ year: z.number().int().min(2000).max(2100) }),
  'city.keys': z.object({}),
  // Administrative.
  'city.enrollments.submit': z.object({ fileName: z.string().min(1).max(255), contentBase64: z.string().min(1).max(200_000) }),
  'city.enrollments.approve': z.object({ id: z.string().uuid() }),
  'city.enrollments.reject': z.object({ id: z.string().uuid() }),
  'city.keys.revoke': z.object({ wardCode: code, keyId: z.string().max(100).optional(), reason: z.string().trim().min(1).max(500) }),
  'city.keys.rotate': z.object({}),
  'city.wards.setInfo': z.object({
    wardCode: code,
    group: optText(200),
    contactName: optText(200),
    contactTitle: optText(200),
    contactPhone: optText(50),
    contactEmail: optText(200),
  }),
  'city.catalog.setTarget': z.object({
    indicatorCode: code,
    year: z.number().int().min(2000).max(2100),
    /** '' for every ward. */
    wardCode: z.string().trim().max(32),
    comparator: z.string().min(1).max(3),
    target: z.number().finite(),
  }),
  'city.catalog.publish': z.object({}),
  'city.users.list': z.object({}),
  'city.users.add': z.object({ name: z.string().min(1).max(64), role: cityRole, password }),
  'city.users.passwd': z.object({ name: z.string().min(1).max(64), password }),
  'city.users.disable': z.object({ name: z.string().min(1).max(64) }),
  'city.audit': z.object({ page, pageSize }),
  ...cityOpsSchemas,
} as const;

export type CityMethod = keyof typeof citySchemas;
export type CityInput<M extends CityMethod> = z.input<(typeof citySchemas)[M]>;
export type CityParsedInput<M extends CityMethod> = z.output<(typeof citySchemas)[M]>;

/** Methods that change something or hand out keys and accounts: administrators only. */
export const CITY_ADMIN_METHODS: ReadonlySet<CityMethod> = new Set<CityMethod>([
  'city.enrollments.submit',
  'city.enrollments.approve',
  'city.enrollments.reject',
  'city.keys.revoke',
  'city.keys.rotate',
  'city.wards.setInfo',
  'city.catalog.setTarget',
  'city.catalog.publish',
  'city.users.list',
  'city.users.add',
  'city.users.passwd',
  'city.users.disable',
  'city.audit',
  ...CITY_OPS_ADMIN_METHODS,
]);

export function isCityMethod(name: string): name is CityMethod {
  return Object.prototype.hasOwnProperty.call(citySchemas, name);
}

export interface CityUserRow {
  id: number;
  name: string;
  role: CityRole;
  createdAt: string;
  disabled: boolean;
}

export interface CityMe {
  user: CityUserRow;
  csrf: string;
  /** The city, its periods and groups, sent along so the first screen needs no second request. */
  overview?: CityOverview;
}

export type CompletenessStatus = z.infer<typeof completenessStatus>;

export interface WardContact {
  name: string | null;
  title: string | null;
  phone: string | null;
  email: string | null;
}

export interface CompletenessRow {
  wardCode: string;
  wardName: string;
  group: string | null;
  status: CompletenessStatus;
  reportStatus: 'approved' | 'sent' | null;
  reportReceivedAt: string | null;
  lastBundleAt: string | null;
  lastReceiptAt: string | null;
  activeKeys: number;
  contact: WardContact;
}

export type CompletenessCounts = Record<CompletenessStatus, number> & { total: number };

export interface CompletenessPage {
  period: string;
  dueOn: string;
  counts: CompletenessCounts;
  /** Rows matching the filter, before paging. */
  total: number;
  rows: CompletenessRow[];
}

export interface StatusTally {
  total: number;
  done: number;
  doneLate: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
}

export interface CityDirectiveRow extends StatusTally {
  /** The directive's number as the wards wrote it, normalised; '' for tasks that cite none. */
  key: string;
  number: string;
  title: string;
  wards: number;
}

export interface CityDirectiveTable {
  period: string;
  asOf: string;
  year: number;
  rows: CityDirectiveRow[];
  totals: StatusTally & { wards: number };
}

export interface DirectiveWardRow extends StatusTally {
  wardCode: string;
  wardName: string;
}

export interface DirectiveWardPage {
  directive: string;
  total: number;
  rows: DirectiveWardRow[];
}

export interface CityTaskRow {
  id: string;
  no: number;
  content: string;
  areaName: string;
  leadUnit: string;
  directive: string;
  timeline: string | null;
  deadline: string | null;
  status: TaskStatus;
}

export type FigureMethod = 'ratio' | 'mean' | 'sum';

export interface CityFigure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  method: FigureMethod;
  wardsWithData: number;
}

export interface CityIndicatorRow {
  code: string;
  name: string;
  unit: string;
  isRatio: boolean;
  wards: number;
  met: number;
  notMet: number;
  noData: number;
  city: CityFigure;
  cityComparator: string | null;
  cityTarget: number | null;
  cityOutcome: IndicatorOutcome;
}

export interface IndicatorWardRow {
  rank: number | null;
  wardCode: string;
  wardName: string;
  group: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  comparator: string | null;
  target: number | null;
  outcome: IndicatorOutcome;
}

export interface IndicatorDetail {
  indicator: CityIndicatorRow;
  total: number;
  rows: IndicatorWardRow[];
  series: Array<{ period: string; value: number | null }>;
}

export interface WardPage {
  wardCode: string;
  wardName: string;
  group: string | null;
  contact: WardContact;
  completeness: CompletenessStatus;
  plan: { title: string; docNumber: string | null; year: number; issuedOn: string | null } | null;
  tally: StatusTally;
  tasks: CityTaskRow[];
  indicators: Array<{
    code: string;
    name: string;
    unit: string;
    value: number | null;
    comparator: string | null;
    target: number | null;
    outcome: IndicatorOutcome;
  }>;
  reports: Array<{ period: string; status: string; docNumber: string | null; approvedBy: string | null; approvedAt: string | null; receivedAt: string | null }>;
  keys: Array<{ keyId: string; fingerprint: string; addedAt: string; revokedAt: string | null; revokedReason: string | null }>;
  bundles: Array<{
    bundleId: string;
    kind: string;
    seqFrom: number;
    seqTo: number;
    status: string;
    receivedAt: string;
    appliedAt: string | null;
    receipt: boolean;
  }>;
}

export interface CityOverview {
  city: { code: string; name: string };
  today: string;
  currentPeriod: string;
  wards: number;
  enrolled: number;
  groups: string[];
  periods: string[];
}

export interface EnrollmentRow {
  id: string;
  wardCode: string;
  wardName: string;
  keyId: string;
  fingerprint: string;
  officerName: string | null;
  officerTitle: string | null;
  receivedAt: string;
  status: 'pending' | 'approved' | 'rejected';
  decidedAt: string | null;
  decidedBy: string | null;
  /** 'file': uploaded here (the answer is a file handed back); 'online': sent to the hub, which hands the answer out. */
  source: 'file' | 'online';
}

/** The city's own signing key; null before it was first made. */
export interface CityKeyInfo {
  keyId: string | null;
  fingerprint: string | null;
  rotatedAt: string | null;
  rotatedBy: string | null;
}

export interface CatalogView {
  year: number;
  indicators: Array<{ code: string; name: string; unit: string; areaName: string; targets: Array<{ wardCode: string; comparator: string; target: number }> }>;
  wards: Array<{ code: string; name: string }>;
  lastPublishedAt: string | null;
  changesSincePublish: number;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  detail: string | null;
}

export interface CityOutputs extends CityOpsOutputs {
  'city.overview': CityOverview;
  'city.completeness': CompletenessPage;
  'city.directives': CityDirectiveTable;
  'city.directiveWards': DirectiveWardPage;
  'city.wardTasks': CityTaskRow[];
  'city.indicators': { period: string; rows: CityIndicatorRow[] };
  'city.indicatorDetail': IndicatorDetail;
  'city.ward': WardPage;
  'city.wardReport': DocumentFile;
  'city.report': DocumentFile;
  'city.export': DocumentFile;
  'city.enrollments': EnrollmentRow[];
  'city.catalog': CatalogView;
  'city.enrollments.submit': EnrollmentRow;
  'city.enrollments.approve': DocumentFile & { enrollment: EnrollmentRow };
  'city.enrollments.reject': EnrollmentRow;
  'city.keys.revoke': { revoked: string[] };
  'city.keys': CityKeyInfo;
  'city.keys.rotate': CityKeyInfo & { oldKeyId: string; oldFingerprint: string };
  'city.wards.setInfo': { wardCode: string };
  'city.catalog.setTarget': { id: string };
  'city.catalog.publish': DocumentFile & { changes: number; wards: number; receipts: number };
  'city.users.list': CityUserRow[];
  'city.users.add': CityUserRow;
  'city.users.passwd': CityUserRow;
  'city.users.disable': CityUserRow;
  'city.audit': { total: number; rows: AuditRow[] };
}

export type CityOutput<M extends CityMethod> = CityOutputs[M];

export type CityResult<M extends CityMethod> = { ok: true; value: CityOutput<M> } | { ok: false; error: ApiError };
