/**
 * The plan's task appendix as an Excel sheet, both ways: the columns it has, reading a sheet an
 * office already keeps, and writing the tasks in.
 *
 * Import is all or nothing. Every row is checked first and a sheet with any bad row is refused
 * whole, naming every bad row and every reason, because a half-imported plan is worse than none:
 * the officer would have to find out which half is in.
 *
 * Decision: parsePlanSheet returns a result (ok rows, or the list of problems) so a screen can
 * show the problems without catching anything; importPlanSheet, which is an action, throws a
 * PlanImportError (code 'plan_import.bad_rows') whose typed `rows` property carries that list.
 */
import ExcelJS from 'exceljs';
import { formatDateVi } from '../../shared/rules/format-vi';
import { foldVi } from '../../shared/rules/search-fold';
import { parseTimeline } from '../../shared/rules/timeline';
import { inTransaction, todayIso, type Session } from '../session';
import { listAreas, listDirectives, listUnits } from '../services/catalog';
import { addPlan, findPlan, listPlans } from '../services/plans';
import { addTask, listTasks } from '../services/tasks';
import { STANDARD_AREAS } from '../services/setup';
import { PlanImportError, reportsError, type RowIssue, type RowProblem } from './errors';
import { addTableSheet, newWorkbook, workbookBuffer, type SheetColumn } from './xlsx-common';

export type PlanColumnKey = 'no' | 'content' | 'lead' | 'partners' | 'timeline' | 'output' | 'area' | 'source' | 'person' | 'authority';

interface PlanColumn extends SheetColumn {
  key: PlanColumnKey;
  /** Folded words that identify the column in a sheet someone else made. */
  match: RegExp;
  /** The API's limit for the field, so an import never stores what the app could not. */
  max?: number;
}

/** The appendix's six columns, then what the app needs to file a task (area, source) and the rest of "6 rõ". */
export const PLAN_COLUMNS: readonly PlanColumn[] = [
  { key: 'no', header: 'STT', width: 6, align: 'center', match: /^(stt|tt|so tt|so thu tu)$/ },
  { key: 'content', header: 'Nội dung nhiệm vụ', width: 60, match: /noi dung|ten nhiem vu|nhiem vu/, max: 4000 },
  { key: 'lead', header: 'Đơn vị chủ trì', width: 28, match: /chu tri/ },
  { key: 'partners', header: 'Đơn vị phối hợp', width: 32, match: /phoi hop/ },
  { key: 'timeline', header: 'Thời gian thực hiện', width: 18, align: 'center', match: /thoi gian|thoi han|tien do/, max: 200 },
  { key: 'output', header: 'Sản phẩm', width: 32, match: /san pham|ket qua/, max: 2000 },
  { key: 'area', header: 'Lĩnh vực', width: 10, align: 'center', match: /linh vuc/ },
  { key: 'source', header: 'Văn bản căn cứ', width: 16, match: /can cu|van ban|chi dao/ },
  { key: 'person', header: 'Người thực hiện', width: 20, match: /nguoi (thuc hien|phu trach)|can bo/, max: 200 },
  { key: 'authority', header: 'Thẩm quyền phê duyệt', width: 24, match: /tham quyen/, max: 300 },
];

/** The catalog a sheet is checked against; pure data, so parsing needs no database. */
export interface PlanSheetContext {
  year: number;
  units: Array<{ code: string; name: string }>;
  areas: Array<{ code: string; name: string }>;
  directives: Array<{ code: string; number: string }>;
  /** Tasks already in the plan: a row repeating one is refused rather than doubled. */
  existing?: Array<{ no: number; content: string }>;
}

export interface PlanSheetRow {
  /** The row number Excel shows. */
  row: number;
  no: number | null;
  content: string;
  leadUnitCode: string;
  partnerUnitCodes: string[];
  timeline: string | null;
  output: string | null;
  areaCode: string;
  sourceCode: string | null;
  person: string | null;
  authority: string | null;
}

export type PlanSheetResult = { ok: true; rows: PlanSheetRow[] } | { ok: false; problems: RowProblem[] };

export interface PlanImportResult {
  year: number;
  planCreated: boolean;
  imported: number;
  numbers: number[];
}

// ---- reading cells -------------------------------------------------------------------------------

/** What a person sees in the cell, whatever Excel stored: rich text, a formula's result, a date. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // A date typed into the timeline column arrives as a Date at UTC midnight.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : formatDateVi(v.toISOString().slice(0, 10));
  if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
  if ('result' in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
  if ('text' in v) return cellText(v.text as ExcelJS.CellValue);
  return '';
}

function findHeader(ws: ExcelJS.Worksheet): { rowNo: number; columns: Map<PlanColumnKey, number> } | null {
  const last = Math.min(ws.rowCount, 15);
  for (let r = 1; r <= last; r++) {
    const columns = new Map<PlanColumnKey, number>();
    ws.getRow(r).eachCell((cell, col) => {
      // A merged note repeats its text in every cell it covers; only its first cell counts, and a
      // header is a few words, not a sentence that happens to name the columns.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const text = foldVi(cellText(cell.value));
      if (text === '' || text.length > 60) return;
      const col_ = PLAN_COLUMNS.find((c) => !columns.has(c.key) && c.match.test(text));
      if (col_) columns.set(col_.key, col);
    });
    if (columns.has('content') && columns.has('lead')) return { rowNo: r, columns };
  }
  return null;
}

// ---- matching names and codes ----------------------------------------------------------------------

/** Looks a unit, area or directive up by code or by name, forgiving case and missing accents. */
class Lookup {
  private readonly byKey = new Map<string, string>();

  constructor(items: Array<{ code: string; names: string[] }>) {
    for (const it of items) {
      this.byKey.set(it.code.trim().toUpperCase(), it.code);
      for (const n of it.names) if (n.trim() !== '') this.byKey.set(`~${foldVi(n).replace(/[.;,]+$/, '')}`, it.code);
    }
  }

  find(text: string): string | null {
    const t = text.trim().replace(/^[-+•*]\s*/, '').replace(/[.;,]+$/, '').trim();
    if (t === '') return null;
    return this.byKey.get(t.toUpperCase()) ?? this.byKey.get(`~${foldVi(t)}`) ?? null;
  }
}

/**
 * Coordinating units as offices write them: one per line, or separated by ';' or ','. Unit names
 * contain commas ("Phòng Kinh tế, Hạ tầng và Đô thị"), so comma-separated pieces are joined back
 * greedily, longest known name first.
 */
function splitPartners(text: string, units: Lookup): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const piece of text.split(/[;\n\r]+/).map((p) => p.trim()).filter(Boolean)) {
    const whole = units.find(piece);
    if (whole) {
      codes.push(whole);
      continue;
    }
    const parts = piece.split(',').map((p) => p.trim());
    let i = 0;
    while (i < parts.length) {
      let j = parts.length;
      let hit: string | null = null;
      for (; j > i; j--) if ((hit = units.find(parts.slice(i, j).join(', ')))) break;
      if (hit) {
        codes.push(hit);
        i = j;
      } else {
        if (parts[i] !== '') unknown.push(parts[i]!);
        i++;
      }
    }
  }
  return { codes: [...new Set(codes)], unknown };
}

/** A directive named by code, by number, or by a phrase containing its number ("Nghị quyết số 57-NQ/TW"). */
function findDirective(text: string, directives: PlanSheetContext['directives'], lookup: Lookup): string | null {
  const direct = lookup.find(text);
  if (direct) return direct;
  const folded = foldVi(text);
  const hits = directives.filter((d) => {
    const n = foldVi(d.number);
    const at = folded.indexOf(n);
    if (at < 0) return false;
    const before = folded[at - 1];
    const after = folded[at + n.length];
    return (before === undefined || !/[a-z0-9]/.test(before)) && (after === undefined || !/[a-z0-9]/.test(after));
  });
  return hits.length === 1 ? hits[0]!.code : null;
}

const SECTION_NO = /^[ivx]+\.?$/;
const EXAMPLE_NO = /^(vd|vi du)\.?$/;

// ---- parsing ---------------------------------------------------------------------------------------

async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its input an ArrayBuffer; a copy of the bytes is one, wherever Node pooled the Buffer.
    await wb.xlsx.load(new Uint8Array(buffer).buffer);
  } catch (e) {
    throw reportsError('plan_import.not_xlsx', { reason: e instanceof Error ? e.message : String(e) });
  }
  return wb;
}

/**
 * Reads the first sheet that has the appendix's header and checks every row against the catalog.
 * Rows with a roman numeral in STT and no lead unit are area headings ("II. HẠ TẦNG SỐ"): the rows
 * under one take its area when their own area cell is empty. A row numbered "VD" is the
 * template's example and is skipped.
 */
export async function parsePlanSheet(buffer: Buffer, ctx: PlanSheetContext): Promise<PlanSheetResult> {
  const wb = await loadWorkbook(buffer);
  let ws: ExcelJS.Worksheet | undefined;
  let header: ReturnType<typeof findHeader> = null;
  for (const sheet of wb.worksheets) {
    header = findHeader(sheet);
    if (header) {
      ws = sheet;
      break;
    }
  }
  if (!ws || !header) throw reportsError('plan_import.no_header');

  const units = new Lookup(ctx.units.map((u) => ({ code: u.code, names: [u.name] })));
  const areas = new Lookup(ctx.areas.map((a) => ({ code: a.code, names: [a.name] })));
  const directiveLookup = new Lookup(ctx.directives.map((d) => ({ code: d.code, names: [d.number] })));
  const existing = new Map((ctx.existing ?? []).map((t) => [foldVi(t.content), t.no]));
  const cols = header.columns;
  const rows: PlanSheetRow[] = [];
  const problems: RowProblem[] = [];
  let sectionArea: string | null = null;

  for (let r = header.rowNo + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (k: PlanColumnKey) => {
      const c = cols.get(k);
      return c === undefined ? '' : cellText(row.getCell(c).value);
    };
    const values: Record<PlanColumnKey, string> = {
      no: get('no'),
      content: get('content'),
      lead: get('lead'),
      partners: get('partners'),
      timeline: get('timeline'),
      output: get('output'),
      area: get('area'),
      source: get('source'),
      person: get('person'),
      authority: get('authority'),
    };
    const noText = foldVi(values.no);
    if (PLAN_COLUMNS.every((c) => c.key === 'no' || values[c.key] === '')) continue;
    if (EXAMPLE_NO.test(noText)) continue;
    const reasons: RowIssue[] = [];

    if (SECTION_NO.test(noText) && values.lead === '') {
      const name = values.content.replace(/^[IVXivx]+\.\s*/, '');
      sectionArea = areas.find(values.area || name);
      if (!sectionArea) problems.push({ row: r, reasons: [{ code: 'plan_import.area_unknown', params: { value: values.area || name } }] });
      continue;
    }

    if (values.content === '') reasons.push({ code: 'plan_import.content_required' });
    let lead: string | null = null;
    if (values.lead === '') reasons.push({ code: 'plan_import.lead_required' });
    else if (!(lead = units.find(values.lead))) reasons.push({ code: 'plan_import.lead_unknown', params: { value: values.lead } });
    const partners = splitPartners(values.partners, units);
    for (const u of partners.unknown) reasons.push({ code: 'plan_import.partner_unknown', params: { value: u } });
    if (values.timeline !== '' && parseTimeline(values.timeline, ctx.year).kind === 'unparsed') {
      reasons.push({ code: 'plan_import.timeline_invalid', params: { value: values.timeline } });
    }
    let area: string | null = null;
    if (values.area !== '') {
      if (!(area = areas.find(values.area))) reasons.push({ code: 'plan_import.area_unknown', params: { value: values.area } });
    } else if (!(area = sectionArea)) reasons.push({ code: 'plan_import.area_required' });
    let source: string | null = null;
    if (values.source !== '' && !(source = findDirective(values.source, ctx.directives, directiveLookup))) {
      reasons.push({ code: 'plan_import.source_unknown', params: { value: values.source } });
    }
    for (const c of PLAN_COLUMNS) {
      if (c.max !== undefined && values[c.key].length > c.max) reasons.push({ code: 'plan_import.too_long', params: { field: c.header, max: c.max } });
    }
    const dup = values.content !== '' ? existing.get(foldVi(values.content)) : undefined;
    if (dup !== undefined) reasons.push({ code: 'plan_import.duplicate_task', params: { no: dup } });

    if (reasons.length > 0) {
      problems.push({ row: r, reasons });
      continue;
    }
    const no = /^\d+$/.test(values.no) ? Number(values.no) : null;
    rows.push({
      row: r,
      no: no !== null && no > 0 ? no : null,
      content: values.content,
      leadUnitCode: lead!,
      partnerUnitCodes: partners.codes.filter((c) => c !== lead),
      timeline: values.timeline || null,
      output: values.output || null,
      areaCode: area!,
      sourceCode: source,
      person: values.person || null,
      authority: values.authority || null,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (rows.length === 0) throw reportsError('plan_import.empty');
  return { ok: true, rows };
}

// ---- importing ---------------------------------------------------------------------------------------

function defaultYear(s: Session): number {
  return listPlans(s)[0]?.year ?? Number(todayIso(s.now()).slice(0, 4));
}

export function planSheetContext(s: Session, year: number): PlanSheetContext {
  const plan = findPlan(s, year);
  return {
    year,
    units: listUnits(s),
    areas: listAreas(s),
    directives: listDirectives(s),
    existing: plan ? listTasks(s, { planYear: year }).map((t) => ({ no: t.no, content: t.content })) : [],
  };
}

/**
 * The sheet's own numbers are kept when they can be (an empty plan and distinct numbers), so the
 * app's task 7 is the document's task 7; otherwise tasks are numbered on after the last one.
 */
function numbering(rows: PlanSheetRow[], existing: number[]): number[] {
  const own = rows.map((r) => r.no);
  if (existing.length === 0 && own.every((n) => n !== null) && new Set(own).size === own.length) return own as number[];
  const start = existing.length === 0 ? 1 : Math.max(...existing) + 1;
  return rows.map((_, i) => start + i);
}

export async function importPlanSheet(s: Session, buffer: Buffer, opts: { year?: number | undefined } = {}): Promise<PlanImportResult> {
  const year = opts.year ?? defaultYear(s);
  const parsed = await parsePlanSheet(buffer, planSheetContext(s, year));
  if (!parsed.ok) throw new PlanImportError(parsed.problems);
  return inTransaction(s, () => {
    let planCreated = false;
    if (!findPlan(s, year)) {
      addPlan(s, { year, title: `Kế hoạch chuyển đổi số năm ${year}` });
      planCreated = true;
    }
    const numbers = numbering(parsed.rows, listTasks(s, { planYear: year }).map((t) => t.no));
    parsed.rows.forEach((r, i) =>
      addTask(s, {
        planYear: year,
        no: numbers[i],
        areaCode: r.areaCode,
        content: r.content,
        leadUnitCode: r.leadUnitCode,
        partnerUnitCodes: r.partnerUnitCodes,
        timeline: r.timeline,
        sourceCode: r.sourceCode,
        output: r.output,
        person: r.person,
        authority: r.authority,
      }),
    );
    return { year, planCreated, imported: parsed.rows.length, numbers };
  });
}

// ---- the template ------------------------------------------------------------------------------------

const TEMPLATE_HINT = [
  'Mỗi dòng một nhiệm vụ. Bắt buộc: Nội dung nhiệm vụ, Đơn vị chủ trì (mã hoặc tên), Lĩnh vực (mã, xem trang "Danh mục").',
  'Đơn vị phối hợp: nhiều đơn vị cách nhau bằng dấu ";" hoặc xuống dòng. Thời gian thực hiện: 30/9/2026, Quý III/2026, Năm 2026, Thường xuyên, Hằng quý, Theo yêu cầu.',
  'Dòng "VD" là ví dụ, không được nhập. Tệp có dòng sai sẽ không được nhập dòng nào; ứng dụng sẽ báo từng dòng cần sửa.',
].join('\n');

export interface TemplateCatalog {
  units?: Array<{ code: string; name: string }>;
  areas?: Array<{ code: string; name: string }>;
  directives?: Array<{ code: string; number: string; title?: string | null }>;
}

/** An empty appendix sheet with one example row and a hint, plus the codes it may use. */
export async function writePlanTemplate(catalog: TemplateCatalog = {}): Promise<Buffer> {
  const wb = newWorkbook('WardPlan');
  addTableSheet(wb, {
    name: 'Phụ lục nhiệm vụ',
    intro: TEMPLATE_HINT,
    columns: [...PLAN_COLUMNS],
    rows: [
      [
        'VD',
        'Triển khai chữ ký số cho cán bộ, công chức mới được tuyển dụng',
        'VP',
        'HCC; VHXH',
        'Quý III/2026',
        'Chữ ký số được cấp và sử dụng',
        'CQ',
        '57-NQ/TW',
        '',
        'Chủ tịch UBND phường',
      ],
    ],
  });
  const areas = catalog.areas ?? STANDARD_AREAS;
  const rows: string[][] = [
    ...areas.map((a) => ['Lĩnh vực', a.code, a.name]),
    ...(catalog.units ?? []).map((u) => ['Đơn vị', u.code, u.name]),
    ...(catalog.directives ?? []).map((d) => ['Văn bản căn cứ', d.number, d.title ?? '']),
  ];
  addTableSheet(wb, {
    name: 'Danh mục',
    columns: [
      { header: 'Loại', width: 16 },
      { header: 'Mã / Số hiệu', width: 16 },
      { header: 'Tên', width: 70 },
    ],
    rows,
  });
  return workbookBuffer(wb);
}
