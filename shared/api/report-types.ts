/**
 * What the report methods return: shared by the report services, the hosts and the renderer.
 * ReportFigures is also the JSON stored when a report is approved, so its shape is versioned.
 */
import type { Comparator, IndicatorOutcome } from '../rules/indicator';
import type { TaskStatus } from '../rules/task-status';

/** Bumped when the stored JSON changes shape, so a reader can tell an older or newer report. */
export const FIGURES_VERSION = 1;

/** `done` counts every finished task; `doneLate` is the part of it finished after the deadline. */
export interface StatusTally {
  assigned: number;
  done: number;
  doneLate: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
}

export interface DirectiveTally extends StatusTally {
  /** null: the tasks that name no source directive. */
  code: string | null;
  number: string | null;
  issuer: string | null;
  issuedOn: string | null;
  title: string | null;
}

export interface AreaTally extends StatusTally {
  code: string;
  name: string;
}

export interface OverdueTask {
  no: number;
  content: string;
  areaCode: string;
  leadUnitCode: string;
  leadUnitName: string;
  timeline: string | null;
  deadline: string;
  daysOverdue: number;
  /** The last percent recorded by the report's day. */
  percent: number;
  /** The latest progress note by the report's day: why it is late, in the officer's words. */
  note?: string | null;
}

/** A task not yet done whose deadline falls in the month after the report's day. */
export interface DueTask {
  no: number;
  content: string;
  leadUnitName: string;
  timeline: string | null;
  deadline: string;
  percent: number;
}

/** One row of the report's appendix: every task's standing on the report's day. */
export interface TaskProgressRow {
  no: number;
  content: string;
  areaCode: string;
  leadUnitName: string;
  timeline: string | null;
  status: TaskStatus;
  percent: number;
  note: string | null;
}

export interface IndicatorFigure {
  code: string;
  name: string;
  areaCode: string;
  unit: string;
  comparator: Comparator | null;
  target: number | null;
  baseline: number | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The period whose value is shown: the report's own (entered, or combined from its parts), or the one part used. */
  valuePeriod: string | null;
  /** The periods whose values made it (absent in reports approved before values were combined). */
  valueParts?: string[];
  /** Whether those periods cover the report's whole period. */
  valueComplete?: boolean;
  outcome: IndicatorOutcome;
}

export interface ReportContext {
  orgCode: string;
  orgName: string;
  cityName: string;
  plan: {
    year: number;
    title: string;
    docNumber: string | null;
    issuedOn: string | null;
    issuer: string | null;
  };
  /** Who signs: the plan's signer while drafting, the approver once approved. */
  signer: { title: string | null; name: string | null };
}

export interface ReportFigures {
  version: typeof FIGURES_VERSION;
  period: string;
  periodLabel: string;
  start: string;
  end: string;
  /** The day tasks are judged on: the period's last day, or today while the period is still running. */
  asOf: string;
  context: ReportContext;
  /** The ward's areas in its order, so a received report lays out its sections as the ward did. */
  areas: Array<{ code: string; name: string }>;
  tasks: {
    total: StatusTally;
    byDirective: DirectiveTally[];
    byArea: AreaTally[];
    overdue: OverdueTask[];
    /** Absent in reports approved before these lists existed. */
    dueNext?: DueTask[];
    rows?: TaskProgressRow[];
  };
  indicators: {
    rows: IndicatorFigure[];
    total: number;
    met: number;
    notMet: number;
    noData: number;
  };
}

export type ReportStatus = 'draft' | 'approved' | 'sent';

export interface ReportRow {
  id: string;
  owner: string;
  period: string;
  /** 0: the period's report; 1, 2…: its supplementary reports. */
  supplement: number;
  status: ReportStatus;
  docNumber: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  sentAt: string | null;
  updatedAt: string;
}

export interface AreaNarrative {
  areaCode: string;
  areaName: string;
  results: string;
  shortcomings: string;
  nextTasks: string;
  proposals: string;
}

/** The report's own sections I–IV, as the officer edited them. */
export interface ReportBody {
  results: string;
  shortcomings: string;
  nextTasks: string;
  proposals: string;
}

export interface ReportView {
  /** null while nothing has been saved for the period: the report exists only as a preview. */
  id: string | null;
  period: string;
  periodLabel: string;
  status: ReportStatus;
  docNumber: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  sentAt: string | null;
  /** One per area, in the plan's area order; empty strings where nothing was written. */
  narratives: AreaNarrative[];
  figures: ReportFigures;
  /** true: the figures are the ones stored at approval, not recomputed. */
  figuresFrozen: boolean;
  /** 0: the period's report; 1, 2…: a supplementary report. */
  supplement: number;
  /** The sections I–IV as the document prints them (frozen at approval). */
  body: ReportBody;
  /** What the app writes for each section from the figures, for "restore the suggested text". */
  bodySuggested: ReportBody;
  /** "Nơi nhận" lines without "Lưu: VT, …", which the document adds. */
  recipients: string[];
  /** false: the ward's default list. */
  recipientsCustom: boolean;
  /** The unit that drafted it, for "Lưu: VT, <unit>". */
  draftingUnit: string;
  /** The original report a supplementary one adds to (its number and approval day). */
  supplementOf: { docNumber: string | null; approvedAt: string | null } | null;
}

export interface ReceivedReportRow extends ReportRow {
  orgName: string;
}

export interface ReceivedReport extends ReceivedReportRow {
  periodLabel: string;
  /** The narratives the ward wrote (areas left empty are not listed). */
  narratives: AreaNarrative[];
  /** The frozen figures; null for a draft, which has none yet. */
  figures: ReportFigures | null;
}
