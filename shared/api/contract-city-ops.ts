/**
 * The city's own operations as API methods: creating the city's database, enrolling a ward from
 * its request file, importing the wards' bundles, the state of every ward, the reports received.
 * Served by db/api/handlers-city-ops.ts inside CityApi, so the command line, the hub and the
 * dashboard all reach them the same way.
 */
import { z } from 'zod';
import type { ImportOutcome } from './sync-types';
import type { ReceivedReportRow } from './report-types';

const code = z.string().trim().min(1).max(32);
const filePath = z.string().min(1).max(1000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date.format');

/** How the city's indicator codes map onto another system's identifiers (docs/interchange.md). */
export const interchangeMappingSchema = z.strictObject({
  /** The DHIS2 data set (uid or code) the values belong to. */
  dataSet: z.string().min(1).max(100).optional(),
  /** How the receiving system should read the identifiers: by code (default) or by uid. */
  idScheme: z.enum(['CODE', 'UID']).optional(),
  /** Ward code → the org unit's identifier in the receiving system. */
  orgUnits: z.record(z.string(), z.string().min(1).max(100)).optional(),
  /** Indicator code → the data element's identifier. */
  dataElements: z.record(z.string(), z.string().min(1).max(100)).optional(),
  /** Indicators left out of the file (not collected by the receiving system). */
  skip: z.array(z.string()).optional(),
});
export type InterchangeMapping = z.infer<typeof interchangeMappingSchema>;

export const cityOpsSchemas = {
  /** A new city database and its signing key, in the host's key store; refused over an existing file. */
  'city.init': z.object({ cityCode: code, cityName: z.string().trim().min(1).max(200) }),
  /** A ward's enrollment request file answered with a signed certificate written to `responsePath`. */
  'city.enroll': z.object({ requestPath: filePath, responsePath: filePath }),
  /** Bundles (.wpb files, or folders holding them) from the disk of the host, applied in order. */
  'city.import': z.object({ paths: z.array(filePath).min(1).max(1000) }),
  'city.status': z.object({ asOf: isoDate.optional() }),
  'city.progress': z.object({ asOf: isoDate.optional() }),
  'city.reports.received': z.object({}),
  /** Enrollment requests that arrived at the hub, waiting for the phone call (all: decided ones too). */
  'city.inbox': z.object({ all: z.boolean().optional() }),
  'city.inbox.approve': z.object({ id: z.string().min(1).max(100) }),
  'city.inbox.refuse': z.object({ id: z.string().min(1).max(100) }),
  /** SQLite's online backup of the city's database into a folder of the host, while the hub writes. */
  'city.backup': z.object({ outDir: filePath }),
} as const;

/** Of the methods above, those that change the database or use the city's key. */
export const CITY_OPS_ADMIN_METHODS = ['city.init', 'city.enroll', 'city.import', 'city.inbox.approve', 'city.inbox.refuse', 'city.backup'] as const;

export interface InboxItem {
  id: string;
  wardCode: string;
  wardName: string;
  officer: string;
  keyId: string;
  fingerprint: string;
  status: 'pending' | 'approved' | 'refused';
  receivedAt: string;
  decidedAt: string | null;
}

export interface WardStatus {
  wardCode: string;
  wardName: string;
  keys: Array<{ keyId: string; fingerprint: string; revokedAt: string | null }>;
  lastSeqApplied: number;
  lastReceivedAt: string | null;
  bundlesApplied: number;
  pending: Array<{ bundleId: string; seqFrom: number; seqTo: number; missingFrom: number; missingTo: number }>;
  /** A bundle arrived during the current quarter. */
  receivedThisQuarter: boolean;
  /** The ward's report for the current quarter is approved or sent. */
  reportedThisQuarter: boolean;
}

export interface CityStatus {
  city: { code: string; name: string };
  quarter: string;
  wards: WardStatus[];
}

export interface WardProgressRow {
  wardCode: string;
  wardName: string;
  year: number;
  tasks: number;
  done: number;
  overdue: number;
  inProgress: number;
  notStarted: number;
  indicatorsMet: number;
  indicatorsNotMet: number;
  indicatorsNoData: number;
}

export interface EnrollResult {
  wardCode: string;
  wardName: string;
  keyId: string;
  fingerprint: string;
  responsePath: string;
}

export interface CityOpsOutputs {
  'city.init': { city: string; keyId: string; fingerprint: string };
  'city.enroll': EnrollResult;
  'city.import': ImportOutcome[];
  'city.status': CityStatus;
  'city.progress': WardProgressRow[];
  'city.reports.received': ReceivedReportRow[];
  'city.inbox': InboxItem[];
  'city.inbox.approve': InboxItem;
  'city.inbox.refuse': InboxItem;
  'city.backup': { path: string; size: number };
}
