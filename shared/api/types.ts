/** The shapes every host returns: shared by the services, the hosts and the renderer. */
import type { Comparator, IndicatorOutcome } from '../rules/indicator';
import type { RecordedStatus, TaskStatus } from '../rules/task-status';
import type { SixClearKey } from '../rules/six-clear';

export type { Comparator, IndicatorOutcome, RecordedStatus, TaskStatus, SixClearKey };

export interface Profile {
  role: 'ward' | 'city';
  orgCode: string;
  orgName: string;
  cityCode: string;
  cityName: string;
  officerName: string | null;
  officerTitle: string | null;
  installationId: string;
}

export interface UnitRow {
  id: string;
  owner: string;
  code: string;
  name: string;
}
export interface DirectiveRow {
  id: string;
  owner: string;
  code: string;
  number: string;
  issuedOn: string | null;
  issuer: string;
  title: string;
}
export interface AreaRow {
  id: string;
  owner: string;
  code: string;
  name: string;
  sort: number;
}

export interface PlanRow {
  id: string;
  year: number;
  title: string;
  docNumber: string | null;
  issuedOn: string | null;
  issuer: string | null;
  signerTitle: string | null;
  signerName: string | null;
  generalGoal: string | null;
  budgetVnd: number | null;
}

export interface TaskItem {
  id: string;
  planId: string;
  planYear: number;
  no: number;
  content: string;
  areaCode: string;
  areaName: string;
  leadUnitCode: string;
  leadUnitName: string;
  partnerUnitCodes: string[];
  /** Partners written as a group rather than as units ("Các phòng, ban, đơn vị có liên quan"). */
  partnerNote: string | null;
  timeline: string | null;
  deadline: string | null;
  sourceCode: string | null;
  sourceNumber: string | null;
  output: string | null;
  person: string | null;
  authority: string | null;
  status: TaskStatus;
  recordedStatus: RecordedStatus;
  percent: number;
  lastProgressDate: string | null;
  sixClearMissing: SixClearKey[];
  evidenceCount: number;
}

export interface ProgressItem {
  id: string;
  date: string;
  status: RecordedStatus;
  percent: number;
  note: string | null;
  byName: string;
  createdAt: string;
}

export interface EvidenceItem {
  id: string;
  sha256: string;
  fileName: string;
  size: number;
  progressId: string | null;
  note: string | null;
  addedAt: string;
}

export interface TaskDetail {
  task: TaskItem;
  progress: ProgressItem[];
  evidence: EvidenceItem[];
}

export interface IndicatorItem {
  id: string;
  code: string;
  owner: string;
  name: string;
  areaCode: string;
  areaName: string;
  unit: string;
  isRatio: boolean;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  note: string | null;
  comparator: Comparator | null;
  target: number | null;
  baseline: number | null;
  targetOwner: string | null;
  /** The period whose value is shown: the one asked for, or the latest one reported. */
  period: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  outcome: IndicatorOutcome;
}

export interface ValuePoint {
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  end: string;
}

export type StatusCounts = Record<TaskStatus, number>;

export interface GroupCount {
  code: string;
  name: string;
  total: number;
  byStatus: StatusCounts;
}

export interface TaskBrief {
  id: string;
  no: number;
  content: string;
  areaCode: string;
  leadUnitCode: string;
  deadline: string | null;
  status: TaskStatus;
}

export interface WardSummary {
  ward: { code: string; name: string };
  asOf: string;
  year: number;
  plan: Pick<PlanRow, 'id' | 'title' | 'docNumber' | 'year'> | null;
  tasks: {
    total: number;
    byStatus: StatusCounts;
    byArea: GroupCount[];
    byDirective: GroupCount[];
    overdue: TaskBrief[];
    upcoming: TaskBrief[];
  };
  indicators: {
    total: number;
    met: number;
    notMet: number;
    noData: number;
    notMetList: Array<Pick<IndicatorItem, 'code' | 'name' | 'comparator' | 'target' | 'value' | 'period'>>;
    noDataList: Array<Pick<IndicatorItem, 'code' | 'name'>>;
  };
}
