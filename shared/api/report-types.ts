/**
 * What the report methods return: shared by the report services, the hosts and the renderer.
 * ReportFigures is also the JSON stored when a report is approved, so its shape is versioned.
 */
import type { Comparator, IndicatorOutcome } from '../rules/indicator';

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
  /** The period whose value is shown: the report's own, or the latest one inside it. */
  valuePeriod: string | null;
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
