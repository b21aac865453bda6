/**
 * The periodic report's life: draft (figures computed live, narrative editable) → approved
 * (figures frozen as JSON, who and when recorded, nothing editable) → sent.
 *
 * Reports and narratives are owned rows written through saveOwnedRow, so an approval travels to
 * the city in the next bundle with the exact figures that were signed. The city reads the rows its
 * wards sent with listReceivedReports / getReceivedReport.
 */
import { formatPeriodCode, parsePeriod, periodLabelVi, type Period } from '../../shared/rules/period';
import type {
  AreaNarrative,
  ReceivedReport,
  ReceivedReportRow,
  ReportBody,
  ReportFigures,
  ReportRow,
  ReportStatus,
  ReportView,
} from '../../shared/api/report-types';
import { FIGURES_VERSION, reportFiguresSchema } from '../../shared/api/report-figures';
import { computeReportFigures } from '../reports/figures-data';
import { reportsError } from '../reports/errors';
import { normaliseDocNumber } from '../reports/labels';
import { inTransaction, newId, type Session } from '../session';
import { saveOwnedRow, type Row } from '../write';
import { parseRecipients, parseReportBody } from '../stored-json';
import { z } from 'zod';
import { area, org, report as reportTable, reportNarrative } from '../schema';
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { listAreas } from './catalog';
import { requireIdByCode } from './lookup';
import { requirePlan } from './plans';
import { AppError } from '../../shared/errors';
import { defaultReportBody, effectiveReportBody, REPORT_BODY_KEYS } from '../reports/report-body';
import { cleanRecipients, getDocumentSettings, withArchiveLine } from './documents';
import type { Input } from '../../shared/api/contract';

export type { AreaNarrative, ReceivedReport, ReceivedReportRow, ReportRow, ReportStatus, ReportView } from '../../shared/api/report-types';

export type NarrativeInput = Input<'reports.saveNarrative'>;
/** `signerTitle`: the approver's title when it is not the plan's signer's (e.g. a vice-chair signs for the chair). */
export type ApproveInput = Input<'reports.approve'>;

/** Long enough for pages of narrative, short enough that a pasted file cannot bloat every bundle. */
export const NARRATIVE_MAX = 20_000;
const REPORT_SYMBOL = 'BC-UBND';

const COLUMNS = {
  id: reportTable.id,
  owner: reportTable.owner,
  period: reportTable.period,
  supplement: reportTable.supplement,
  status: reportTable.status,
  docNumber: reportTable.docNumber,
  approvedBy: reportTable.approvedBy,
  approvedAt: reportTable.approvedAt,
  sentAt: reportTable.sentAt,
  updatedAt: reportTable.updatedAt,
};

/** Quarters, halves and years are reporting periods; a month is not. */
export function requireReportPeriod(code: string): Period {
  const p = parsePeriod(code);
  if (!p || p.kind === 'month') throw reportsError('report.bad_period', { value: String(code) });
  return p;
}

function findReport(s: Session, owner: string, period: string, supplement = 0): ReportRow | undefined {
  return s.db.orm
    .select(COLUMNS)
    .from(reportTable)
    .where(and(eq(reportTable.owner, owner), eq(reportTable.period, period), eq(reportTable.supplement, supplement), eq(reportTable.deleted, 0)))
    .get();
}

export function getOrCreateReport(s: Session, period: string, supplement = 0): ReportRow {
  const code = formatPeriodCode(requireReportPeriod(period));
  return inTransaction(s, () => {
    const existing = findReport(s, s.orgCode, code, supplement);
    if (existing) return existing;
    // A supplementary report is made by createSupplement, after the one before it was approved.
    if (supplement > 0) throw new AppError('report.supplement_not_found', { period: code, supplement });
    // A report is about a plan's year: refuse before writing a row no figures can be computed for.
    requirePlan(s, Number(code.slice(0, 4)));
    saveOwnedRow(s, 'report', { id: newId(), period: code, status: 'draft' }, 'report.create');
    return findReport(s, s.orgCode, code)!;
  });
}

function requireDraft(r: ReportRow): void {
  if (r.status !== 'draft') throw reportsError('report.frozen', { period: r.period, status: r.status, approvedBy: r.approvedBy ?? '' });
}

function checkLength(field: string, text: string | undefined): void {
  if (text !== undefined && text.length > NARRATIVE_MAX) throw reportsError('report.text_too_long', { field, length: text.length, max: NARRATIVE_MAX });
}

export function saveNarrative(s: Session, input: NarrativeInput): AreaNarrative {
  const fields = { results: input.results, shortcomings: input.shortcomings, next_tasks: input.nextTasks, proposals: input.proposals };
  for (const [k, v] of Object.entries(fields)) checkLength(k, v);
  return inTransaction(s, () => {
    const report = getOrCreateReport(s, input.period, input.supplement ?? 0);
    requireDraft(report);
    const areaId = requireIdByCode(s, 'area', input.areaCode);
    const existing = s.db.orm
      .select({ id: reportNarrative.id })
      .from(reportNarrative)
      .where(and(eq(reportNarrative.reportId, report.id), eq(reportNarrative.areaId, areaId)))
      .get();
    const row: Row = { id: existing?.id ?? newId(), report_id: report.id, area_id: areaId, deleted: 0 };
    // Only the parts given change, so the UI can save one box at a time.
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) row[k] = v.trim();
    saveOwnedRow(s, 'report_narrative', row, existing ? 'report.narrative_update' : 'report.narrative_add');
    return narrativesOf(s, report.id, true).find((n) => n.areaCode === input.areaCode)!;
  });
}

function narrativesOf(s: Session, reportId: string, allAreas: boolean): AreaNarrative[] {
  const n = reportNarrative;
  const saved: AreaNarrative[] = s.db.orm
    .select({ areaCode: area.code, areaName: area.name, results: n.results, shortcomings: n.shortcomings, nextTasks: n.nextTasks, proposals: n.proposals })
    .from(n)
    .innerJoin(area, eq(area.id, n.areaId))
    .where(and(eq(n.reportId, reportId), eq(n.deleted, 0)))
    .orderBy(area.sort, area.code)
    .all();
  if (!allAreas) return saved.filter((r) => r.results || r.shortcomings || r.nextTasks || r.proposals);
  const byCode = new Map(saved.map((r) => [r.areaCode, r]));
  return listAreas(s).map((a) => byCode.get(a.code) ?? { areaCode: a.code, areaName: a.name, results: '', shortcomings: '', nextTasks: '', proposals: '' });
}

export function approveReport(s: Session, input: ApproveInput): ReportView {
  const approvedBy = input.approvedBy?.trim() ?? '';
  if (approvedBy === '') throw reportsError('report.approver_required');
  return inTransaction(s, () => {
    const report = getOrCreateReport(s, input.period, input.supplement ?? 0);
    if (report.status !== 'draft') {
      throw reportsError('report.already_approved', { period: report.period, approvedBy: report.approvedBy ?? '', approvedAt: report.approvedAt ?? '' });
    }
    const plan = requirePlan(s, Number(report.period.slice(0, 4)));
    const figures = computeReportFigures(s, requireReportPeriod(report.period), {
      title: input.signerTitle?.trim() || plan.signerTitle,
      name: approvedBy,
    });
    // The sections and recipients are frozen with the figures: the signed copy never changes.
    const stored = readStored(s, report.id);
    const body = effectiveReportBody(figures, stored.body);
    const settings = getDocumentSettings(s);
    const recipients = withArchiveLine(stored.recipients ?? settings.reportRecipients, settings.draftingUnit);
    saveOwnedRow(
      s,
      'report',
      {
        id: report.id,
        body: JSON.stringify(body),
        recipients: JSON.stringify(recipients),
        status: 'approved',
        approved_by: approvedBy,
        approved_at: s.now(),
        doc_number: normaliseDocNumber(input.docNumber, REPORT_SYMBOL) ?? report.docNumber,
        figures: JSON.stringify(figures),
      },
      'report.approve',
    );
    return getReport(s, report.period, report.supplement);
  });
}

export function markSent(s: Session, period: string, supplement = 0): ReportRow {
  const code = formatPeriodCode(requireReportPeriod(period));
  return inTransaction(s, () => {
    const report = findReport(s, s.orgCode, code, supplement);
    if (!report || report.status === 'draft') throw reportsError('report.not_approved', { period: code });
    // Sending twice (a second USB stick, a re-upload) keeps the first date: that is when it went out.
    if (report.status === 'sent') return report;
    saveOwnedRow(s, 'report', { id: report.id, status: 'sent', sent_at: s.now() }, 'report.sent');
    return findReport(s, s.orgCode, code, supplement)!;
  });
}

const figuresVersion = z.object({ version: z.number() });

/**
 * The figures frozen at approval: this ward's own, or, at the city, the ones a ward sent, which are
 * read through their schema rather than trusted (a signature proves who sent them, not their shape).
 */
function parseFigures(json: string | null, period: string): ReportFigures | null {
  if (!json) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new AppError('report.figures_invalid', { period, reason: 'JSON' });
  }
  // The version first: a newer ward's figures deserve "update WardPlan", not a list of unknown fields.
  const version = figuresVersion.safeParse(raw).data?.version;
  if (version !== undefined && version > FIGURES_VERSION) throw reportsError('report.figures_unsupported', { version: String(version) });
  const parsed = reportFiguresSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('report.figures_invalid', { period, reason: `${issue.path.join('.')} ${issue.message}` });
  }
  return parsed.data;
}

export function getReport(s: Session, period: string, supplement = 0): ReportView {
  const p = requireReportPeriod(period);
  const code = formatPeriodCode(p);
  const row = findReport(s, s.orgCode, code, supplement);
  if (supplement > 0 && !row) throw new AppError('report.supplement_not_found', { period: code, supplement });
  const frozen = row && row.status !== 'draft' ? parseFigures(readFiguresJson(s, row.id), code) : null;
  const figures = frozen ?? computeReportFigures(s, p);
  const stored = row ? readStored(s, row.id) : { body: null, recipients: null };
  const settings = getDocumentSettings(s);
  const original = supplement > 0 ? findReport(s, s.orgCode, code, supplement - 1) : undefined;
  return {
    id: row?.id ?? null,
    period: code,
    periodLabel: periodLabelVi(p),
    status: row?.status ?? 'draft',
    docNumber: row?.docNumber ?? null,
    approvedBy: row?.approvedBy ?? null,
    approvedAt: row?.approvedAt ?? null,
    sentAt: row?.sentAt ?? null,
    narratives: row ? narrativesOf(s, row.id, true) : narrativesOf(s, '', true),
    figures,
    figuresFrozen: frozen !== null,
    supplement,
    body: effectiveReportBody(figures, stored.body),
    bodySuggested: defaultReportBody(figures),
    recipients: stored.recipients ?? settings.reportRecipients,
    recipientsCustom: stored.recipients !== null,
    draftingUnit: settings.draftingUnit,
    supplementOf: original ? { docNumber: original.docNumber, approvedAt: original.approvedAt } : null,
  };
}

function readStored(s: Session, id: string): { body: Partial<ReportBody> | null; recipients: string[] | null } {
  const r = s.db.orm.select({ body: reportTable.body, recipients: reportTable.recipients }).from(reportTable).where(eq(reportTable.id, id)).get()!;
  return { body: parseReportBody(r.body), recipients: parseRecipients(r.recipients) };
}

/** `recipients` null: back to the ward's default list. */
export type ReportBodyInput = Input<'reports.saveBody'>;

/** Saves the sections I–IV and the recipients of a draft; only the parts given change. */
export function saveReportBody(s: Session, input: ReportBodyInput): ReportView {
  for (const k of REPORT_BODY_KEYS) checkLength(k, input[k]);
  const recipients = input.recipients === undefined || input.recipients === null ? input.recipients : cleanRecipients(input.recipients);
  return inTransaction(s, () => {
    const report = getOrCreateReport(s, input.period, input.supplement ?? 0);
    requireDraft(report);
    const stored = readStored(s, report.id);
    const body: Partial<ReportBody> = { ...(stored.body ?? {}) };
    for (const k of REPORT_BODY_KEYS) if (input[k] !== undefined) body[k] = input[k]!.trim();
    const row: Row = { id: report.id, body: Object.keys(body).length > 0 ? JSON.stringify(body) : null };
    if (recipients !== undefined) row.recipients = recipients === null ? null : JSON.stringify(recipients);
    saveOwnedRow(s, 'report', row, 'report.body_update');
    return getReport(s, report.period, report.supplement);
  });
}

/**
 * A supplementary report (báo cáo bổ sung) for a period whose report is approved: a new draft,
 * numbered after the last one, with live figures until it is approved in turn. Asking again while
 * that draft is open returns it.
 */
export function createSupplement(s: Session, period: string): ReportView {
  const code = formatPeriodCode(requireReportPeriod(period));
  return inTransaction(s, () => {
    const last = s.db.orm
      .select(COLUMNS)
      .from(reportTable)
      .where(and(eq(reportTable.owner, s.orgCode), eq(reportTable.period, code), eq(reportTable.deleted, 0)))
      .orderBy(desc(reportTable.supplement))
      .get();
    if (!last || last.status === 'draft') {
      if (last && last.supplement > 0) return getReport(s, code, last.supplement);
      throw new AppError('report.supplement_needs_approved', { period: code });
    }
    const supplement = last.supplement + 1;
    saveOwnedRow(s, 'report', { id: newId(), period: code, supplement, status: 'draft' }, 'report.supplement_create');
    return getReport(s, code, supplement);
  });
}

function readFiguresJson(s: Session, id: string): string | null {
  return s.db.orm.select({ figures: reportTable.figures }).from(reportTable).where(eq(reportTable.id, id)).get()!.figures;
}

export function listReports(s: Session): ReportRow[] {
  return s.db.orm
    .select(COLUMNS)
    .from(reportTable)
    .where(and(eq(reportTable.owner, s.orgCode), eq(reportTable.deleted, 0)))
    .orderBy(desc(reportTable.period), reportTable.supplement)
    .all();
}

// ---- the city's side ---------------------------------------------------------------------------

/** A received report beside the name of the ward that sent it (its code until the catalog names it). */
function receivedReports(s: Session) {
  return s.db.orm
    .select({ ...COLUMNS, orgName: sql<string>`coalesce(${org.name}, ${reportTable.owner})` })
    .from(reportTable)
    .leftJoin(org, eq(org.code, reportTable.owner));
}

/**
 * The reports wards sent in their bundles. Drafts travel too (every owned row does) but are work
 * in progress, so they are left out unless asked for.
 */
export function listReceivedReports(s: Session, opts: { includeDrafts?: boolean } = {}): ReceivedReportRow[] {
  const statuses: ReportStatus[] = opts.includeDrafts ? ['draft', 'approved', 'sent'] : ['approved', 'sent'];
  return receivedReports(s)
    .where(and(ne(reportTable.owner, s.orgCode), eq(reportTable.deleted, 0), inArray(reportTable.status, statuses)))
    .orderBy(desc(reportTable.period), reportTable.owner)
    .all();
}

export function getReceivedReport(s: Session, owner: string, period: string): ReceivedReport {
  const p = requireReportPeriod(period);
  const code = formatPeriodCode(p);
  const row = receivedReports(s)
    .where(and(eq(reportTable.owner, owner), eq(reportTable.period, code), eq(reportTable.supplement, 0), eq(reportTable.deleted, 0)))
    .get();
  if (!row || owner === s.orgCode) throw reportsError('report.not_found', { period: code, owner });
  return {
    ...row,
    periodLabel: periodLabelVi(p),
    narratives: narrativesOf(s, row.id, false),
    figures: row.status === 'draft' ? null : parseFigures(readFiguresJson(s, row.id), code),
  };
}
