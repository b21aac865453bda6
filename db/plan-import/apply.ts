/**
 * The import itself: the rows the officer chose become tasks of the year's plan, with the plan,
 * units and directives they need, in one transaction. Either every chosen row is imported or
 * nothing is, so a failure never leaves half a plan behind.
 */
import { setMeta } from '../database';
import { inTransaction, type Session } from '../session';
import { addDirective, addUnit } from '../services/catalog';
import { addPlan, findPlan } from '../services/plans';
import { addTask, listTasks } from '../services/tasks';
import type { ColumnTarget, ImportRow, PlanImportApplied, PlanImportPreview } from '../../shared/api/contract-plan-import';
import { importError, ImportRowsError } from './errors';
import { mappingMetaKey, previewFile, previewRows, type EditedRow, type ImportFile } from './preview';

export interface ApplyOptions {
  year: number;
  file?: ImportFile | undefined;
  rows?: EditedRow[] | undefined;
  mapping?: Record<string, ColumnTarget> | undefined;
  fingerprint?: string | undefined;
  createMissing: boolean;
  onlyValid: boolean;
}

/**
 * The file's own numbers are kept when they can be (an empty plan and distinct numbers), so the
 * app's task 7 is the document's task 7; otherwise tasks are numbered on after the last one.
 */
function numbering(rows: ImportRow[], existing: number[]): number[] {
  const own = rows.map((r) => r.task.no);
  if (existing.length === 0 && own.every((n) => n !== null) && new Set(own).size === own.length) return own as number[];
  const start = existing.length === 0 ? 1 : Math.max(...existing) + 1;
  return rows.map((_, i) => start + i);
}

export async function applyImport(s: Session, opts: ApplyOptions): Promise<PlanImportApplied> {
  let preview: PlanImportPreview;
  if (opts.rows) preview = previewRows(s, opts.rows, opts.year);
  else if (opts.file) preview = await previewFile(s, opts.file, opts.year, opts.mapping);
  else throw importError('plan_import.no_input');

  if (preview.unmapped.length > 0) {
    const headers = preview.columns.filter((c) => preview.unmapped.includes(c.column)).map((c) => `${c.column}: "${c.header || '—'}"`);
    throw importError('plan_import.unmapped_columns', {
      columns: preview.unmapped.join(', '),
      headers: headers.join('; '),
      example: preview.unmapped.map((c) => `${c}=ignore`).join(','),
    });
  }
  const bad = preview.rows.filter((r) => r.errors.length > 0);
  if (bad.length > 0 && !opts.onlyValid) throw new ImportRowsError(bad.map((r) => ({ row: r.row, reasons: r.errors })));
  const chosen = preview.rows.filter((r) => r.errors.length === 0);
  if (chosen.length === 0) throw importError('plan_import.nothing_valid');

  const unitCodes = new Set(chosen.flatMap((r) => [r.task.leadUnitCode!, ...r.task.partnerUnitCodes]));
  const directiveCodes = new Set(chosen.map((r) => r.task.sourceCode).filter((c): c is string => c !== null));
  const units = preview.proposedUnits.filter((u) => unitCodes.has(u.code));
  const directives = preview.proposedDirectives.filter((d) => directiveCodes.has(d.code));
  if (!opts.createMissing && units.length + directives.length > 0) {
    const names = [...units.map((u) => u.name), ...directives.map((d) => d.number)];
    throw importError('plan_import.missing_refs', { count: names.length, names: names.map((n) => `"${n}"`).join(', ') });
  }

  return inTransaction(s, () => {
    let planCreated = false;
    if (!findPlan(s, opts.year)) {
      addPlan(s, { year: opts.year, title: `Kế hoạch chuyển đổi số năm ${opts.year}` });
      planCreated = true;
    }
    for (const u of units) addUnit(s, u);
    for (const d of directives) addDirective(s, { code: d.code, number: d.number, date: d.date, issuer: d.issuer, title: d.title });
    const numbers = numbering(
      chosen,
      listTasks(s, { planYear: opts.year }).map((t) => t.no),
    );
    chosen.forEach((r, i) =>
      addTask(s, {
        planYear: opts.year,
        no: numbers[i],
        areaCode: r.task.areaCode!,
        content: r.task.content,
        leadUnitCode: r.task.leadUnitCode!,
        partnerUnitCodes: r.task.partnerUnitCodes,
        partnerNote: r.task.partnerNote,
        timeline: r.task.timeline,
        sourceCode: r.task.sourceCode,
        output: r.task.output,
        person: r.task.person,
        authority: r.task.authority,
      }),
    );
    // The officer's mapping serves the next file with the same header; it is this machine's habit, not ward data.
    const fingerprint = preview.fingerprint || opts.fingerprint || '';
    const mappingRemembered = !!opts.mapping && Object.keys(opts.mapping).length > 0 && fingerprint !== '';
    if (mappingRemembered) setMeta(s.db, mappingMetaKey(fingerprint), JSON.stringify(opts.mapping));
    return {
      year: opts.year,
      planCreated,
      imported: chosen.length,
      skipped: preview.rows.length - chosen.length,
      numbers,
      createdUnits: units,
      createdDirectives: directives,
      mappingRemembered,
    };
  });
}
