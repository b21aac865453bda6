/**
 * Importing the plan a ward already keeps (its Excel appendix or the Word table of its plan), in
 * two calls: a preview of every row as it will become a task, then the import of the rows the
 * officer chose, with the units and directives the file names but the ward does not have yet.
 */
import { z } from 'zod';

/** The task fields a column of the officer's file can fill; 'ignore' drops a column on purpose. */
export const IMPORT_FIELDS = ['no', 'content', 'lead', 'partners', 'timeline', 'output', 'area', 'source', 'person', 'authority'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnTarget = ImportField | 'ignore';

const fileRef = z.union([
  z.object({ path: z.string().min(1).max(1000) }),
  z.object({ fileName: z.string().min(1).max(255), contentBase64: z.string().min(1) }),
]);
const planYear = z.number().int().min(2000).max(2100);
/** Column letter (as Excel names it, also for a Word table's columns) to the field it holds. */
const mapping = z.record(z.string().regex(/^[A-Z]{1,3}$/, 'plan_import.bad_column'), z.enum([...IMPORT_FIELDS, 'ignore']));
const cellText = z.string().max(5000);
/** One row as the officer corrected it in the preview: the cell texts, not resolved codes. */
const editedRow = z.object({
  row: z.number().int().min(1),
  values: z.partialRecord(z.enum(IMPORT_FIELDS), cellText),
});

export const planImportSchemas = {
  /** The file, or the rows as edited in the preview (read again, with the same rules). */
  'planImport.preview': z.object({ file: fileRef.optional(), rows: z.array(editedRow).max(5000).optional(), year: planYear, mapping: mapping.optional() }),
  'planImport.apply': z.object({
    /** The file again (re-read and re-checked), or the rows as edited in the preview. */
    file: fileRef.optional(),
    rows: z.array(editedRow).max(5000).optional(),
    year: planYear,
    mapping: mapping.optional(),
    /** With edited rows: the header fingerprint of the file they came from, so its mapping is remembered. */
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .optional(),
    createMissing: z.boolean(),
    onlyValid: z.boolean(),
  }),
} as const;

export interface ImportIssue {
  code: string;
  params: Record<string, string | number>;
}

export interface ImportColumn {
  /** 'A', 'B', ... */
  column: string;
  header: string;
  field: ColumnTarget | null;
  /** How the field was chosen: from the header's words, the officer's mapping, or a mapping remembered for this shape of file. */
  how: 'header' | 'mapping' | 'remembered' | 'none';
}

export interface ProposedUnit {
  code: string;
  name: string;
}

export interface ProposedDirective {
  code: string;
  number: string;
  issuer: string;
  title: string;
  date: string | null;
}

/** A row as it will become a task. */
export interface ImportTask {
  no: number | null;
  content: string;
  leadUnitCode: string | null;
  leadUnitName: string | null;
  partnerUnitCodes: string[];
  partnerUnitNames: string[];
  /** Partners written as text, not as units ("Các phòng, ban, đơn vị có liên quan"). */
  partnerNote: string | null;
  timeline: string | null;
  deadline: string | null;
  areaCode: string | null;
  areaName: string | null;
  sourceCode: string | null;
  sourceLabel: string | null;
  output: string | null;
  person: string | null;
  authority: string | null;
}

export interface ImportRow {
  /** The row number the officer sees in Excel, or the row of the Word table (header rows counted). */
  row: number;
  values: Partial<Record<ImportField, string>>;
  task: ImportTask;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export interface ImportSection {
  row: number;
  text: string;
  areaCode: string | null;
}

export interface PlanImportPreview {
  year: number;
  planExists: boolean;
  kind: 'xlsx' | 'docx' | 'rows';
  /** The sheet's name, or "Bảng 2" for a Word file's second table. */
  table: string;
  headerRows: number[];
  fingerprint: string;
  columns: ImportColumn[];
  /** Columns with data whose header says nothing known: the officer maps them (to a field or to 'ignore') before importing. */
  unmapped: string[];
  mapping: Record<string, ColumnTarget>;
  sections: ImportSection[];
  rows: ImportRow[];
  proposedUnits: ProposedUnit[];
  proposedDirectives: ProposedDirective[];
  counts: { rows: number; valid: number; withErrors: number; withWarnings: number };
}

export interface PlanImportApplied {
  year: number;
  planCreated: boolean;
  imported: number;
  skipped: number;
  numbers: number[];
  createdUnits: ProposedUnit[];
  createdDirectives: ProposedDirective[];
  mappingRemembered: boolean;
}

export interface PlanImportOutputs {
  'planImport.preview': PlanImportPreview;
  'planImport.apply': PlanImportApplied;
}
