/**
 * Editing and retiring the ward's own lists (units, directives, plans, indicators) and correcting
 * what was entered by mistake (a task, a progress entry, an evidence file). Nothing is erased: a
 * retired row is a tombstone written through db/write.ts, so it is audited with who and when and
 * travels in the next bundle; the change log keeps the row as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, type ErrorCode } from '../../shared/errors';
import { parseComparator } from '../../shared/rules/indicator';
import { isValidIsoDate } from '../../shared/rules/period';
import { validateTaskStatusChange } from '../../shared/rules/validation';
import type { DirectiveRow, UnitRow } from '../../shared/api/types';
import type { HistoryEntry } from '../../shared/api/contract-lists';
import { readBlob } from '../blobs';
import { writeFileAtomic } from '../fs/atomic-write';
import { inTransaction, type Session } from '../session';
import { saveOwnedRow, type Row } from '../write';
import type { OwnedTableName } from '../owned-tables';
import { readOwned, type OwnedRow } from '../owned-rows';
import { auditLog, evidence, indicatorTarget, task, taskProgress } from '../schema';
import { addIndicator, setTarget } from './indicators';
import { requireIdByCode } from './lookup';
import { safeFileName } from './evidence';

const NOT_FOUND: Partial<Record<OwnedTableName, ErrorCode>> = {
  unit: 'unit.not_found',
  directive: 'directive.not_found',
  plan: 'plan.not_found',
  indicator: 'indicator.not_found',
  task: 'task.not_found',
  task_progress: 'progress.not_found',
  evidence: 'evidence.not_found',
};

/** A live row this organisation owns; the city's catalog rows are read-only in a ward. */
function requireOwn<N extends OwnedTableName>(s: Session, table: N, id: string): OwnedRow<N> {
  const row = readOwned(s, table, id);
  if (!row || row.deleted) throw new AppError(NOT_FOUND[table] ?? 'internal', { id, code: id, year: '?' });
  if (row.owner !== s.orgCode) throw new AppError('owner.read_only', { table, owner: row.owner });
  return row;
}

/** The row as the writer left it: what an edit answers with. */
function saved<N extends OwnedTableName>(s: Session, table: N, id: string): OwnedRow<N> {
  return readOwned(s, table, id)!;
}

/** `SELECT count(*) AS n …`: these checks read clearer as the SQL they are (json_each, coalesce). */
function count(s: Session, sql: string, ...args: unknown[]): number {
  return s.db.sqlite.prepare<unknown[], { n: number }>(sql).get(...args)!.n;
}

function cleanReason(reason: string | null | undefined): Row | undefined {
  const r = reason?.trim();
  return r ? { reason: r } : undefined;
}

// ---- units ---------------------------------------------------------------------------------

export function updateUnit(s: Session, id: string, patch: { name?: string | undefined }): UnitRow {
  return inTransaction(s, () => {
    requireOwn(s, 'unit', id);
    saveOwnedRow(s, 'unit', { id, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}) }, 'unit.update');
    const r = saved(s, 'unit', id);
    return { id, owner: s.orgCode, code: r.code, name: r.name };
  });
}

export function retireUnit(s: Session, id: string): void {
  inTransaction(s, () => {
    requireOwn(s, 'unit', id);
    // A unit named as lead or partner of a live task cannot go: the task would point at nothing.
    const used = count(
      s,
      `SELECT count(*) AS n FROM task WHERE deleted = 0 AND (lead_unit_id = ? OR EXISTS (SELECT 1 FROM json_each(partner_unit_ids) WHERE value = ?))`,
      id,
      id,
    );
    if (used > 0) throw new AppError('unit.in_use', { count: used });
    saveOwnedRow(s, 'unit', { id, deleted: 1 }, 'unit.retire');
  });
}

// ---- directives ----------------------------------------------------------------------------

export interface DirectivePatch {
  number?: string | null | undefined;
  date?: string | null | undefined;
  issuer?: string | undefined;
  title?: string | undefined;
}

export function updateDirective(s: Session, id: string, patch: DirectivePatch): DirectiveRow {
  if (patch.date && !isValidIsoDate(patch.date)) throw new AppError('date.invalid', { value: patch.date });
  return inTransaction(s, () => {
    requireOwn(s, 'directive', id);
    const row: Row = { id };
    // The column is NOT NULL: a group of documents without a single number is stored with ''.
    if (patch.number !== undefined) row.number = (patch.number ?? '').trim();
    if (patch.date !== undefined) row.issued_on = patch.date;
    if (patch.issuer !== undefined) row.issuer = patch.issuer.trim();
    if (patch.title !== undefined) row.title = patch.title.trim();
    saveOwnedRow(s, 'directive', row, 'directive.update');
    const r = saved(s, 'directive', id);
    return { id, owner: s.orgCode, code: r.code, number: r.number, issuedOn: r.issuedOn, issuer: r.issuer, title: r.title };
  });
}

export function retireDirective(s: Session, id: string): void {
  inTransaction(s, () => {
    requireOwn(s, 'directive', id);
    const used = count(s, 'SELECT count(*) AS n FROM task WHERE deleted = 0 AND source_directive_id = ?', id);
    if (used > 0) throw new AppError('directive.in_use', { count: used });
    saveOwnedRow(s, 'directive', { id, deleted: 1 }, 'directive.retire');
  });
}

// ---- plans ---------------------------------------------------------------------------------

export function retirePlan(s: Session, id: string): void {
  inTransaction(s, () => {
    const plan = requireOwn(s, 'plan', id);
    const tasks = count(s, 'SELECT count(*) AS n FROM task WHERE deleted = 0 AND plan_id = ?', id);
    if (tasks > 0) throw new AppError('plan.has_tasks', { year: plan.year, count: tasks });
    saveOwnedRow(s, 'plan', { id, deleted: 1 }, 'plan.retire');
  });
}

// ---- indicators ----------------------------------------------------------------------------

export interface IndicatorTargetInput {
  year: number;
  comparator: string;
  target: number;
  baseline?: number | null | undefined;
}

export interface IndicatorWithTarget {
  code: string;
  areaCode: string;
  name: string;
  unit: string;
  isRatio?: boolean | undefined;
  numeratorLabel?: string | null | undefined;
  denominatorLabel?: string | null | undefined;
  note?: string | null | undefined;
  target?: IndicatorTargetInput | null | undefined;
}

function checkTarget(t: IndicatorTargetInput | null | undefined): void {
  if (!t) return;
  if (!parseComparator(t.comparator)) throw new AppError('indicator.bad_comparator', { value: t.comparator });
  if (!Number.isFinite(t.target)) throw new AppError('value.not_a_number', { value: String(t.target) });
}

function checkRatio(i: { isRatio?: boolean | undefined; numeratorLabel?: string | null | undefined; denominatorLabel?: string | null | undefined }): void {
  if (i.isRatio && (!i.numeratorLabel?.trim() || !i.denominatorLabel?.trim())) throw new AppError('indicator.ratio_labels');
}

/** A ward's own indicator and its target for the year, in one transaction: both or neither. */
export function addIndicatorWithTarget(s: Session, input: IndicatorWithTarget): { id: string } {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/.test(input.code)) throw new AppError('catalog.bad_code', { code: input.code });
  checkTarget(input.target);
  checkRatio(input);
  return inTransaction(s, () => {
    const sort = count(s, 'SELECT coalesce(max(sort), 0) + 1 AS n FROM indicator WHERE owner = ?', s.orgCode);
    const r = addIndicator(s, {
      ...input,
      name: input.name.trim(),
      unit: input.unit.trim(),
      numeratorLabel: input.isRatio ? input.numeratorLabel?.trim() : null,
      denominatorLabel: input.isRatio ? input.denominatorLabel?.trim() : null,
      sort,
    });
    if (input.target) setTarget(s, { indicatorCode: input.code, ...input.target });
    return r;
  });
}

export type IndicatorPatch = Partial<Omit<IndicatorWithTarget, 'code'>>;

export function updateIndicator(s: Session, id: string, patch: IndicatorPatch): { id: string } {
  checkTarget(patch.target);
  return inTransaction(s, () => {
    const existing = requireOwn(s, 'indicator', id);
    const row: Row = { id };
    if (patch.areaCode !== undefined) row.area_id = requireIdByCode(s, 'area', patch.areaCode);
    if (patch.name !== undefined) row.name = patch.name.trim();
    if (patch.unit !== undefined) row.unit = patch.unit.trim();
    if (patch.isRatio !== undefined) row.is_ratio = patch.isRatio ? 1 : 0;
    if (patch.numeratorLabel !== undefined) row.numerator_label = patch.numeratorLabel?.trim() || null;
    if (patch.denominatorLabel !== undefined) row.denominator_label = patch.denominatorLabel?.trim() || null;
    if (patch.note !== undefined) row.note = patch.note?.trim() || null;
    const isRatio = patch.isRatio ?? existing.isRatio === 1;
    // A label cleared in the patch falls back to the stored one, as the check has always read it.
    checkRatio({
      isRatio,
      numeratorLabel: (patch.numeratorLabel?.trim() || null) ?? existing.numeratorLabel,
      denominatorLabel: (patch.denominatorLabel?.trim() || null) ?? existing.denominatorLabel,
    });
    if (!isRatio) {
      row.numerator_label = null;
      row.denominator_label = null;
    }
    saveOwnedRow(s, 'indicator', row, 'indicator.update');
    if (patch.target) setTarget(s, { indicatorCode: existing.code, ...patch.target });
    return { id };
  });
}

/** Retires the indicator and the ward's own targets for it; values already reported stay in the history. */
export function retireIndicator(s: Session, id: string): void {
  inTransaction(s, () => {
    requireOwn(s, 'indicator', id);
    const t = indicatorTarget;
    const targets = s.db.orm
      .select({ id: t.id })
      .from(t)
      .where(and(eq(t.owner, s.orgCode), eq(t.indicatorId, id), eq(t.deleted, 0)))
      .all();
    for (const t of targets) saveOwnedRow(s, 'indicator_target', { id: t.id, deleted: 1 }, 'target.retire');
    saveOwnedRow(s, 'indicator', { id, deleted: 1 }, 'indicator.retire');
  });
}

// ---- a task and its follow-up --------------------------------------------------------------

/** Deletes a task entered by mistake, with its progress and evidence, in one transaction. */
export function deleteTask(s: Session, id: string, reason?: string | null): void {
  inTransaction(s, () => {
    requireOwn(s, 'task', id);
    const why = cleanReason(reason);
    const files = s.db.orm
      .select({ id: evidence.id })
      .from(evidence)
      .where(and(eq(evidence.taskId, id), eq(evidence.deleted, 0)))
      .all();
    for (const r of files) saveOwnedRow(s, 'evidence', { id: r.id, deleted: 1 }, 'evidence.remove', why);
    const entries = s.db.orm
      .select({ id: taskProgress.id })
      .from(taskProgress)
      .where(and(eq(taskProgress.taskId, id), eq(taskProgress.deleted, 0)))
      .all();
    for (const r of entries) saveOwnedRow(s, 'task_progress', { id: r.id, deleted: 1 }, 'progress.remove', why);
    saveOwnedRow(s, 'task', { id, deleted: 1 }, 'task.delete', why);
  });
}

export interface ProgressCorrection {
  status?: 'not_started' | 'in_progress' | 'done' | undefined;
  percent?: number | undefined;
  note?: string | null | undefined;
  date?: string | undefined;
  reason?: string | null | undefined;
}

/** Corrects a progress entry in place; the audit log keeps each field's old and new value. */
export function correctProgress(s: Session, id: string, c: ProgressCorrection): void {
  if (c.date !== undefined && !isValidIsoDate(c.date)) throw new AppError('date.invalid', { value: c.date });
  inTransaction(s, () => {
    const existing = requireOwn(s, 'task_progress', id);
    const status = c.status ?? existing.status;
    const percent = c.percent ?? (c.status === 'done' ? 100 : c.status === 'not_started' ? 0 : existing.percent);
    const issues = validateTaskStatusChange({ status, percent });
    if (issues.length > 0) throw new AppError(issues[0]!.code, issues[0]!.params ?? {});
    const row: Row = { id, status, percent };
    if (c.note !== undefined) row.note = c.note?.trim() || null;
    if (c.date !== undefined) row.date = c.date;
    saveOwnedRow(s, 'task_progress', row, 'progress.correct', cleanReason(c.reason));
  });
}

/** Removes a progress entry and the files attached to it. */
export function removeProgress(s: Session, id: string, reason?: string | null): void {
  inTransaction(s, () => {
    requireOwn(s, 'task_progress', id);
    const why = cleanReason(reason);
    const files = s.db.orm
      .select({ id: evidence.id })
      .from(evidence)
      .where(and(eq(evidence.progressId, id), eq(evidence.deleted, 0)))
      .all();
    for (const f of files) saveOwnedRow(s, 'evidence', { id: f.id, deleted: 1 }, 'evidence.remove', why);
    saveOwnedRow(s, 'task_progress', { id, deleted: 1 }, 'progress.remove', why);
  });
}

export function removeEvidence(s: Session, id: string, reason?: string | null): void {
  inTransaction(s, () => {
    requireOwn(s, 'evidence', id);
    // The bytes stay on disk: the file may be named by another row, and history may need it.
    saveOwnedRow(s, 'evidence', { id, deleted: 1 }, 'evidence.remove', cleanReason(reason));
  });
}

/** An evidence file's bytes, checked against the hash it is filed under. */
export function evidenceFile(s: Session, id: string): { fileName: string; size: number; sha256: string; data: Buffer } {
  const row = readOwned(s, 'evidence', id);
  if (!row || row.deleted) throw new AppError('evidence.not_found', { id });
  const data = readBlob(s.db.blobDir, row.sha256);
  return { fileName: row.fileName, size: data.length, sha256: row.sha256, data };
}

/**
 * Writes a verified copy of an evidence file: where the officer chose, or into `dir` under the
 * file's own name (never over another file there). The stored file itself is never handed out.
 */
export async function saveEvidenceCopy(
  s: Session,
  id: string,
  target: { outPath?: string | undefined; dir: string },
): Promise<{ path: string; fileName: string; size: number }> {
  const f = evidenceFile(s, id);
  let out = target.outPath;
  if (!out) {
    fs.mkdirSync(target.dir, { recursive: true });
    const name = safeFileName(f.fileName);
    const ext = path.extname(name);
    const stem = name.slice(0, name.length - ext.length);
    out = path.join(target.dir, name);
    for (let n = 2; fs.existsSync(out); n++) out = path.join(target.dir, `${stem} (${n})${ext}`);
  } else if (!fs.existsSync(path.dirname(out))) {
    throw new AppError('db.folder_missing', { path: path.dirname(out) });
  }
  await writeFileAtomic(out, f.data);
  return { path: out, fileName: f.fileName, size: f.size };
}

// ---- history -------------------------------------------------------------------------------

/** The writer records an edit's detail as an object: each changed field's {from, to}, and the reason. */
const auditDetail = z.record(z.string(), z.unknown());

/** What happened to a task, its progress and its files: who, when, and what was changed or removed. */
export function taskHistory(s: Session, taskId: string): HistoryEntry[] {
  const found = s.db.orm.select({ owner: task.owner, no: task.no }).from(task).where(eq(task.id, taskId)).get();
  if (!found || found.owner !== s.orgCode) throw new AppError('task.not_found', { id: taskId });
  const progress = s.db.orm
    .select({ id: taskProgress.id, date: taskProgress.date, percent: taskProgress.percent })
    .from(taskProgress)
    .where(eq(taskProgress.taskId, taskId))
    .all();
  const files = s.db.orm.select({ id: evidence.id, fileName: evidence.fileName }).from(evidence).where(eq(evidence.taskId, taskId)).all();
  const subject = new Map<string, string>([[taskId, `#${found.no}`]]);
  for (const p of progress) subject.set(p.id, `${p.date} · ${p.percent}%`);
  for (const f of files) subject.set(f.id, f.fileName);
  const rows = s.db.orm
    .select({ at: auditLog.at, actor: auditLog.actor, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, detail: auditLog.detail })
    .from(auditLog)
    .where(inArray(auditLog.entityId, [...subject.keys()]))
    .orderBy(desc(auditLog.id))
    .all();
  return rows.map((r) => {
    const detail = r.detail ? auditDetail.parse(JSON.parse(r.detail)) : {};
    const reason = typeof detail.reason === 'string' ? detail.reason : null;
    const changes: HistoryEntry['changes'] = [];
    for (const [field, v] of Object.entries(detail)) {
      if (field === 'reason' || field === 'deleted' || field === 'id' || field === 'owner' || !v || typeof v !== 'object' || !('from' in v)) continue;
      const to = 'to' in v ? v.to : undefined;
      changes.push({ field, from: v.from === null ? null : String(v.from), to: to === null ? null : String(to) });
    }
    const entityId = r.entityId ?? '';
    return { at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId, subject: subject.get(entityId) ?? '', reason, changes };
  });
}
