/**
 * The preview of an import: the file's table found and read, every row as it will become a task
 * with its errors and warnings, and the units and directives the import would create. Nothing is
 * written; the same reading runs again on import, so a preview and its import cannot disagree.
 */
import { z } from 'zod';
import { getMeta } from '../database';
import type { Session } from '../session';
import { listAreas, listDirectives, listUnits } from '../services/catalog';
import { findPlan } from '../services/plans';
import { listTasks } from '../services/tasks';
import { IMPORT_FIELDS, type ColumnTarget, type ImportField, type PlanImportPreview } from '../../shared/api/contract-plan-import';
import { extractTables } from './extract';
import { importError } from './errors';
import { findHeader, resolveColumns } from './header';
import { classify, readRows, type Classified, type RowContext, type RowValues } from './rows';

export interface ImportFile {
  buffer: Buffer;
  name: string;
}

export interface EditedRow {
  row: number;
  values: RowValues;
}

const MAPPING_KEY = 'plan_import.mapping.';

/** Column letter to field, as the officer last confirmed it for a file of this shape. */
const rememberedSchema = z.record(z.string(), z.enum([...IMPORT_FIELDS, 'ignore']));

/** A note that no longer reads as a mapping (unreadable, or a field since renamed) is as good as none. */
export function rememberedMapping(s: Session, fingerprint: string): Record<string, ColumnTarget> | null {
  const raw = getMeta(s.db, MAPPING_KEY + fingerprint);
  if (!raw) return null;
  try {
    const r = rememberedSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export function mappingMetaKey(fingerprint: string): string {
  return MAPPING_KEY + fingerprint;
}

export function rowContext(s: Session, year: number): RowContext {
  const plan = findPlan(s, year);
  return {
    year,
    catalog: {
      units: listUnits(s).map((u) => ({ code: u.code, name: u.name })),
      areas: listAreas(s).map((a) => ({ code: a.code, name: a.name })),
      directives: listDirectives(s).map((d) => ({ code: d.code, number: d.number, title: d.title, issuer: d.issuer })),
    },
    existing: plan ? listTasks(s, { planYear: year }).map((t) => ({ no: t.no, content: t.content })) : [],
  };
}

function finish(
  s: Session,
  year: number,
  items: Classified[],
  base: Omit<PlanImportPreview, 'year' | 'planExists' | 'sections' | 'rows' | 'proposedUnits' | 'proposedDirectives' | 'counts'>,
): PlanImportPreview {
  const parsed = readRows(items, rowContext(s, year));
  const withErrors = parsed.rows.filter((r) => r.errors.length > 0).length;
  return {
    year,
    planExists: !!findPlan(s, year),
    ...base,
    sections: parsed.sections,
    rows: parsed.rows,
    proposedUnits: parsed.units.proposals,
    proposedDirectives: parsed.directives.proposals,
    counts: {
      rows: parsed.rows.length,
      valid: parsed.rows.length - withErrors,
      withErrors,
      withWarnings: parsed.rows.filter((r) => r.warnings.length > 0).length,
    },
  };
}

export async function previewFile(s: Session, file: ImportFile, year: number, mapping?: Record<string, ColumnTarget>): Promise<PlanImportPreview> {
  const extracted = await extractTables(file.buffer, file.name);
  const header = findHeader(extracted.grids);
  if (!header) throw importError('plan_import.no_table', { name: file.name });
  const remembered = rememberedMapping(s, header.fingerprint);
  const columns = resolveColumns(header, remembered, mapping);
  const byColumn = new Map<number, ImportField>();
  columns.forEach((c, i) => {
    if (c.field && c.field !== 'ignore') byColumn.set(i, c.field);
  });

  const items: Classified[] = [];
  const start = header.rows[header.rows.length - 1]! + 1;
  for (let r = start; r < header.grid.rows.length; r++) {
    const cells = header.grid.rows[r]!;
    const values: RowValues = {};
    for (const [c, f] of byColumn) values[f] = cells[c] ?? '';
    items.push(classify({ row: r + 1, values, cells }));
  }
  const taskRows = items.filter((i): i is Extract<Classified, { kind: 'task' }> => i.kind === 'task');
  if (taskRows.length === 0) throw importError('plan_import.no_tasks', { name: file.name });
  // A column nobody recognised matters only if a task row has something in it.
  const unmapped = columns
    .map((c, i) => ({ c, i }))
    .filter(({ c, i }) => c.field === null && taskRows.some((t) => (header.grid.rows[t.row - 1]?.[i] ?? '') !== ''))
    .map(({ c }) => c.column);
  const effective: Record<string, ColumnTarget> = {};
  for (const c of columns) if (c.field) effective[c.column] = c.field;

  return finish(s, year, items, {
    kind: extracted.kind,
    table: header.grid.name,
    headerRows: header.rows.map((r) => r + 1),
    fingerprint: header.fingerprint,
    columns,
    unmapped,
    mapping: effective,
  });
}

/** The rows as the officer edited them in the preview, read exactly as a file's would be. */
export function previewRows(s: Session, rows: EditedRow[], year: number): PlanImportPreview {
  if (rows.length === 0) throw importError('plan_import.no_input');
  const items: Classified[] = rows.map((r) => ({ kind: 'task', row: r.row, values: r.values }));
  return finish(s, year, items, { kind: 'rows', table: '', headerRows: [], fingerprint: '', columns: [], unmapped: [], mapping: {} });
}
