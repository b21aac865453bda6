/**
 * The words around a document that the officer sets rather than the app computes: the ward's
 * default "Nơi nhận" lists and drafting unit (local settings in `meta`), and the plan document's
 * own sections (an owned row per plan, so the city sees the plan as issued).
 */
import type { DocumentSettings, PlanDocumentView } from '../../shared/api/document-types';
import { AppError } from '../../shared/errors';
import { isValidIsoDate } from '../../shared/rules/period';
import { and, eq } from 'drizzle-orm';
import { getMeta, setMeta } from '../database';
import { planDocument } from '../schema';
import { inTransaction, newId, type Session } from '../session';
import { saveOwnedRow } from '../write';
import { requirePlan, updatePlan } from './plans';
import type { Input } from '../../shared/api/contract';

export const RECIPIENT_MAX = 300;
export const RECIPIENTS_MAX = 30;
export const SECTION_MAX = 20_000;

const KEY_UNIT = 'doc_drafting_unit';
const KEY_REPORT = 'doc_recipients_report';
const KEY_PLAN = 'doc_recipients_plan';

function orgName(s: Session): string {
  return getMeta(s.db, s.role === 'ward' ? 'ward_name' : 'city_name') ?? s.orgCode;
}

function kindWord(name: string): string {
  const m = /^(phường|xã|đặc khu|thị trấn|thành phố)\s+/i.exec(name.trim());
  return m ? m[1]!.toLowerCase() : name.trim();
}

function cityCommittee(s: Session): string {
  const city = (getMeta(s.db, 'city_name') ?? '').trim();
  return city ? `UBND ${city.charAt(0).toLowerCase()}${city.slice(1)}` : 'UBND thành phố';
}

/** The lists a ward starts with, before it saves its own. */
export function builtInRecipients(s: Session, kind: 'report' | 'plan'): string[] {
  const k = kindWord(orgName(s));
  const up = [`${cityCommittee(s)} (để báo cáo);`, 'Sở Khoa học và Công nghệ (để báo cáo);'];
  if (kind === 'report') return [...up, `Thường trực Đảng ủy ${k};`, `Chủ tịch, các Phó Chủ tịch UBND ${k};`];
  return [...up, `Thường trực Đảng ủy, HĐND ${k};`, `Chủ tịch, các Phó Chủ tịch UBND ${k};`, `Các phòng, ban, đơn vị thuộc UBND ${k};`];
}

/**
 * Recipient lines as typed, cleaned: one per line, the leading dash dropped (the document draws
 * it), the "Lưu" line dropped (the document writes it from the drafting unit). Refuses what would
 * not fit the block.
 */
export function cleanRecipients(lines: string[]): string[] {
  const out = lines
    .flatMap((l) => l.split(/\r?\n/))
    .map((l) =>
      l
        .trim()
        .replace(/^[-–•+]\s*/, '')
        .trim(),
    )
    .filter((l) => l !== '' && !/^lưu\s*:/i.test(l));
  if (out.length > RECIPIENTS_MAX)
    throw new AppError('documents.too_many_recipients', {
      count: out.length,
      max: RECIPIENTS_MAX,
    });
  out.forEach((l, i) => {
    if (l.length > RECIPIENT_MAX)
      throw new AppError('documents.recipient_too_long', {
        line: i + 1,
        length: l.length,
        max: RECIPIENT_MAX,
      });
  });
  return out;
}

/** The block's last line: "Lưu: VT, VHXH." (the clerk's archive, then the drafting unit's). */
export function archiveLine(draftingUnit: string): string {
  const unit = draftingUnit.trim().replace(/[.;]+$/, '');
  return unit === '' ? 'Lưu: VT.' : `Lưu: VT, ${unit}.`;
}

/** The recipients with the "Lưu" line last; a frozen list already ends with its own. */
export function withArchiveLine(recipients: string[], draftingUnit: string): string[] {
  const last = recipients[recipients.length - 1];
  return last !== undefined && /^lưu\s*:/i.test(last) ? recipients : [...recipients, archiveLine(draftingUnit)];
}

function readList(s: Session, key: string): string[] | null {
  const raw = getMeta(s.db, key);
  if (!raw) return null;
  const v = JSON.parse(raw) as unknown;
  return Array.isArray(v) ? v.map(String) : null;
}

export function getDocumentSettings(s: Session): DocumentSettings {
  return {
    draftingUnit: getMeta(s.db, KEY_UNIT) ?? '',
    reportRecipients: readList(s, KEY_REPORT) ?? builtInRecipients(s, 'report'),
    planRecipients: readList(s, KEY_PLAN) ?? builtInRecipients(s, 'plan'),
  };
}

export type DocumentSettingsInput = Input<'documents.saveSettings'>;

export function saveDocumentSettings(s: Session, input: DocumentSettingsInput): DocumentSettings {
  // Checked whole before anything is written.
  const report = input.reportRecipients === undefined ? undefined : cleanRecipients(input.reportRecipients);
  const plan = input.planRecipients === undefined ? undefined : cleanRecipients(input.planRecipients);
  const unit = input.draftingUnit?.trim();
  if (unit !== undefined && unit.length > 100)
    throw new AppError('documents.text_too_long', {
      field: 'draftingUnit',
      length: unit.length,
      max: 100,
    });
  inTransaction(s, () => {
    if (unit !== undefined) setMeta(s.db, KEY_UNIT, unit);
    if (report) setMeta(s.db, KEY_REPORT, JSON.stringify(report));
    if (plan) setMeta(s.db, KEY_PLAN, JSON.stringify(plan));
  });
  return getDocumentSettings(s);
}

// ---- the plan document ------------------------------------------------------------------------

function readPlanDoc(s: Session, planId: string): typeof planDocument.$inferSelect | undefined {
  return s.db.orm
    .select()
    .from(planDocument)
    .where(and(eq(planDocument.planId, planId), eq(planDocument.deleted, 0)))
    .get();
}

export function getPlanDocument(s: Session, year?: number): PlanDocumentView {
  const plan = requirePlan(s, year);
  const row = readPlanDoc(s, plan.id);
  const settings = getDocumentSettings(s);
  const custom = row?.recipients ? (JSON.parse(row.recipients) as string[]) : null;
  return {
    plan,
    previousResults: row?.previousResults ?? '',
    objectives: row?.objectives ?? '',
    solutions: row?.solutions ?? '',
    organisation: row?.organisation ?? '',
    recipients: custom ?? settings.planRecipients,
    recipientsCustom: custom !== null,
    draftingUnit: settings.draftingUnit,
    draft: !plan.issuedOn,
  };
}

/** `recipients` null: back to the ward's default list. */
export type PlanDocumentInput = Input<'planDocument.save'>;

const SECTION_FIELDS = [
  ['previousResults', 'previous_results'],
  ['objectives', 'objectives'],
  ['solutions', 'solutions'],
  ['organisation', 'organisation'],
] as const;

/** Changes only what is given, in one transaction: the plan's issue details and the document's sections. */
export function savePlanDocument(s: Session, input: PlanDocumentInput): PlanDocumentView {
  if (input.issuedOn && !isValidIsoDate(input.issuedOn)) throw new AppError('date.invalid', { value: input.issuedOn });
  for (const [k] of SECTION_FIELDS) {
    const v = input[k];
    if (v !== undefined && v.length > SECTION_MAX)
      throw new AppError('documents.text_too_long', {
        field: k,
        length: v.length,
        max: SECTION_MAX,
      });
  }
  const recipients = input.recipients === undefined || input.recipients === null ? input.recipients : cleanRecipients(input.recipients);
  return inTransaction(s, () => {
    const plan = requirePlan(s, input.year);
    const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());
    const planPatch = {
      docNumber: blankToNull(input.docNumber),
      issuedOn: blankToNull(input.issuedOn),
      signerName: blankToNull(input.signerName),
      signerTitle: blankToNull(input.signerTitle),
      generalGoal: blankToNull(input.generalGoal),
    };
    if (Object.values(planPatch).some((v) => v !== undefined)) updatePlan(s, plan.id, planPatch);
    const existing = readPlanDoc(s, plan.id);
    const row: Record<string, unknown> = {
      id: existing?.id ?? newId(),
      plan_id: plan.id,
      deleted: 0,
    };
    for (const [k, col] of SECTION_FIELDS) if (input[k] !== undefined) row[col] = input[k]!.trim();
    if (recipients !== undefined) row.recipients = recipients === null ? null : JSON.stringify(recipients);
    if (!existing || Object.keys(row).length > 3) saveOwnedRow(s, 'plan_document', row, existing ? 'plan_document.update' : 'plan_document.add');
    return getPlanDocument(s, plan.year);
  });
}
