/**
 * What the report methods return: shared by the report services, the hosts and the renderer.
 * ReportFigures is also the JSON stored when a report is approved, so its shape is versioned.
 */
import type { z } from 'zod';
import type {
  areaTallySchema,
  directiveTallySchema,
  dueTaskSchema,
  indicatorFigureSchema,
  overdueTaskSchema,
  reportContextSchema,
  reportFiguresSchema,
  statusTallySchema,
  taskProgressRowSchema,
} from './report-figures';

export { FIGURES_VERSION } from './report-figures';

export type StatusTally = z.infer<typeof statusTallySchema>;
export type DirectiveTally = z.infer<typeof directiveTallySchema>;
export type AreaTally = z.infer<typeof areaTallySchema>;
export type OverdueTask = z.infer<typeof overdueTaskSchema>;
export type DueTask = z.infer<typeof dueTaskSchema>;
export type TaskProgressRow = z.infer<typeof taskProgressRowSchema>;
export type IndicatorFigure = z.infer<typeof indicatorFigureSchema>;
export type ReportContext = z.infer<typeof reportContextSchema>;
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

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
