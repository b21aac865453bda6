/**
 * From a table's body to tasks: which rows are tasks, which are section headings naming the area
 * of the tasks beneath ("II. THỂ CHẾ, CHÍNH SÁCH SỐ"), which are the column-numbering row
 * "(1) (2) … (6)"; then every task cell read against the ward's lists, with errors (the row cannot
 * become a task as written) and warnings (it can, and the officer should know how) per row.
 */
import { foldVi } from '../../shared/rules/search-fold';
import { parseTimeline } from '../../shared/rules/timeline';
import type { ImportField, ImportIssue, ImportRow, ImportSection } from '../../shared/api/contract-plan-import';
import { AreaBook, DirectiveBook, nameKey, UnitBook, type CatalogSnapshot, type UnitHit } from './catalog';
import { issue } from './errors';
import { isNumberingRow } from './header';

export type RowValues = Partial<Record<ImportField, string>>;

/** A row of the body as read: its cells by field, and every cell's text for telling headings apart. */
export interface BodyRow {
  row: number;
  values: RowValues;
  cells: string[];
}

const ROMAN = /^[IVXLC]+\.?$/i;
const ROMAN_HEADING = /^([IVXLC]+)[.)]\s+(\S.*)$/is;
const EXAMPLE_NO = /^(vd|vi du)\.?$/;

export type Classified = { kind: 'task'; row: number; values: RowValues } | { kind: 'section'; row: number; text: string } | { kind: 'skip' };

export function classify(r: BodyRow): Classified {
  const filled = r.cells.filter((t) => t !== '');
  if (filled.length === 0 || isNumberingRow(r.cells)) return { kind: 'skip' };
  const v = r.values;
  const no = (v.no ?? '').trim();
  if (EXAMPLE_NO.test(foldVi(no))) return { kind: 'skip' };
  // A row with nothing but a number (a numbered blank line) is no task.
  if (Object.entries(v).every(([k, x]) => k === 'no' || (x ?? '').trim() === '')) return { kind: 'skip' };
  const content = (v.content ?? '').trim();
  const others = new Set(filled.filter((t) => t !== no));
  // "I" in STT and the heading in the content column (often merged over the rest of the row).
  if (ROMAN.test(no) && others.size <= 1) return { kind: 'section', row: r.row, text: content || [...others][0] || no };
  // "I. LÃNH ĐẠO, ..." in one cell merged over the whole row, or alone in the row.
  const distinct = new Set(filled);
  if (distinct.size === 1 && ROMAN_HEADING.test(filled[0]!)) return { kind: 'section', row: r.row, text: filled[0]! };
  return { kind: 'task', row: r.row, values: v };
}

function headingName(text: string): string {
  const m = ROMAN_HEADING.exec(text.trim());
  return (m ? m[2]! : text).trim();
}

/** Partners that name no single unit but a group ("Các phòng, ban, đơn vị có liên quan"): kept as text. */
const GENERIC_PARTNER = /lien quan|doanh nghiep|^(cac|nhung) (phong|ban|don vi|co quan|to chuc|so|nganh|hoi|doan the)\b|^(to chuc|ca nhan|nguoi dan)\b/;

export function isGenericPartner(text: string): boolean {
  return GENERIC_PARTNER.test(nameKey(text));
}

function splitLines(text: string): string[] {
  return text
    .split(/[;\n\r]+/)
    .map((p) =>
      p
        .trim()
        .replace(/^[-+•*–]\s*/, '')
        .trim(),
    )
    .filter(Boolean);
}

/**
 * A piece written between ";" or line breaks, split at commas only where the parts are units the
 * ward has (or that this import proposes), so "Phòng Kinh tế, Hạ tầng và Đô thị" stays whole.
 * Runs of parts that are no unit are joined back as they were written.
 */
function splitCommas(piece: string, units: UnitBook): Array<{ unit: UnitHit } | { text: string }> {
  const whole = units.find(piece);
  if (whole) return [{ unit: whole }];
  const parts = piece.split(',').map((p) => p.trim());
  const out: Array<{ unit: UnitHit } | { text: string }> = [];
  let run: string[] = [];
  // A group written after a unit ("Phòng Kinh tế, Hạ tầng và Đô thị, Các doanh nghiệp viễn thông") is cut off the name.
  const flush = () => {
    const k = run.findIndex((_, i) => i > 0 && isGenericPartner(run.slice(i).join(', ')) && !isGenericPartner(run.slice(0, i).join(', ')));
    if (k > 0) out.push({ text: run.slice(0, k).join(', ') }, { text: run.slice(k).join(', ') });
    else if (run.length > 0) out.push({ text: run.join(', ') });
    run = [];
  };
  let i = 0;
  while (i < parts.length) {
    let j = parts.length;
    let hit: UnitHit | null = null;
    for (; j > i; j--) if ((hit = units.find(parts.slice(i, j).join(', ')))) break;
    if (hit) {
      flush();
      out.push({ unit: hit });
      i = j;
    } else {
      if (parts[i] !== '') run.push(parts[i]!);
      i++;
    }
  }
  flush();
  return out;
}

const LIMITS: ReadonlyArray<[ImportField, { max: number; label: string }]> = [
  ['content', { max: 4000, label: 'Nội dung nhiệm vụ' }],
  ['timeline', { max: 200, label: 'Thời gian thực hiện' }],
  ['output', { max: 2000, label: 'Sản phẩm' }],
  ['person', { max: 200, label: 'Người thực hiện' }],
  ['authority', { max: 300, label: 'Thẩm quyền phê duyệt' }],
  ['partners', { max: 2000, label: 'Đơn vị phối hợp' }],
];

export interface ParsedRows {
  rows: ImportRow[];
  sections: ImportSection[];
  units: UnitBook;
  directives: DirectiveBook;
}

export interface RowContext {
  year: number;
  catalog: CatalogSnapshot;
  /** Tasks already in the year's plan: a row repeating one is an error rather than a double. */
  existing: Array<{ no: number; content: string }>;
}

function text(v: string | undefined): string {
  return (v ?? '').trim();
}

/**
 * Reads the classified rows. Units are matched in two passes: first every lead cell and every
 * partner piece without a comma (the names as written, proposed when new), then the pieces with
 * commas, split only at the names the first pass knows.
 */
export function readRows(items: Classified[], ctx: RowContext): ParsedRows {
  const units = new UnitBook(ctx.catalog.units);
  const areas = new AreaBook(ctx.catalog.areas);
  const directives = new DirectiveBook(ctx.catalog.directives);
  const existing = new Map(ctx.existing.map((t) => [foldVi(t.content), t.no]));

  // Section headings set the area of the task rows under them; the area is written into the row's
  // values, so a row edited in the preview keeps it without its heading.
  const sections: ImportSection[] = [];
  const tasks: Array<{ row: number; values: RowValues; sectionIssue: ImportIssue | null }> = [];
  let current: { name: string | null; issue: ImportIssue | null } = { name: null, issue: null };
  for (const it of items) {
    if (it.kind === 'section') {
      const name = headingName(it.text);
      const area = areas.find(name);
      sections.push({ row: it.row, text: it.text, areaCode: area?.code ?? null });
      current = area ? { name: area.name, issue: null } : { name: null, issue: issue('plan_import.section_unknown', { value: it.text }) };
    } else if (it.kind === 'task') {
      const values = { ...it.values };
      const ownArea = text(values.area) !== '';
      if (!ownArea && current.name) values.area = current.name;
      tasks.push({ row: it.row, values, sectionIssue: ownArea ? null : current.issue });
    }
  }

  // Pass 1: names written whole.
  for (const t of tasks) {
    const lead = splitLines(text(t.values.lead));
    // A lead cell is one unit, so one line is one name even with commas in it, unless every part is a known unit.
    if (lead.length === 1) {
      const l = lead[0]!;
      if (!isGenericPartner(l) && !splitCommas(l, units).every((p) => 'unit' in p)) units.findOrPropose(l);
    } else for (const l of lead) if (!l.includes(',') && !isGenericPartner(l)) units.findOrPropose(l);
    for (const p of splitLines(text(t.values.partners))) if (!p.includes(',') && !isGenericPartner(p)) units.findOrPropose(p);
  }

  const rows: ImportRow[] = tasks.map((t) => {
    const v = t.values;
    const errors: ImportIssue[] = [];
    const warnings: ImportIssue[] = [];
    if (t.sectionIssue) warnings.push(t.sectionIssue);
    const content = text(v.content);
    if (content === '') errors.push(issue('plan_import.content_required'));

    // Lead: one unit; several written in the cell lead with the first, the rest coordinate.
    let lead: UnitHit | null = null;
    const extraPartners: UnitHit[] = [];
    const leadText = text(v.lead);
    if (leadText === '') errors.push(issue('plan_import.lead_required'));
    else {
      const pieces = splitLines(leadText).flatMap((p) => splitCommas(p, units));
      const hits = pieces.map((p) => ('unit' in p ? p.unit : isGenericPartner(p.text) ? null : units.findOrPropose(p.text)));
      lead = hits.find((h) => h !== null) ?? null;
      if (!lead) errors.push(issue('plan_import.lead_unknown', { value: leadText }));
      else if (pieces.length > 1) {
        extraPartners.push(...hits.filter((h): h is UnitHit => h !== null && h !== lead));
        warnings.push(issue('plan_import.lead_several', { value: leadText.replace(/\s*\n\s*/g, '; ') }));
      }
    }

    // Partners: units, or text for a group no single unit stands for.
    const partnerHits: UnitHit[] = [...extraPartners];
    const notes: string[] = [];
    for (const piece of splitLines(text(v.partners))) {
      for (const part of splitCommas(piece, units)) {
        if ('unit' in part) partnerHits.push(part.unit);
        else if (isGenericPartner(part.text)) {
          notes.push(part.text);
          warnings.push(issue('plan_import.partner_text', { value: part.text }));
        } else partnerHits.push(units.findOrPropose(part.text));
      }
    }
    const partners = [...new Map(partnerHits.filter((p) => p.code !== lead?.code).map((p) => [p.code, p])).values()];

    const timeline = text(v.timeline);
    let deadline: string | null = null;
    if (timeline !== '') {
      const t_ = parseTimeline(timeline, ctx.year);
      if (t_.kind === 'deadline') deadline = t_.deadline;
      else if (t_.kind === 'unparsed') warnings.push(issue('plan_import.timeline_undated', { value: timeline }));
    }

    const areaText = text(v.area);
    const area = areaText === '' ? null : areas.find(areaText);
    if (areaText === '') errors.push(issue('plan_import.area_missing'));
    else if (!area) errors.push(issue('plan_import.area_unknown', { value: areaText }));

    const sourceText = text(v.source);
    const source = sourceText === '' ? null : directives.findOrPropose(sourceText);

    for (const [field, lim] of LIMITS) {
      if (text(v[field]).length > lim.max) errors.push(issue('plan_import.too_long', { field: lim.label, max: lim.max }));
    }
    const dup = content === '' ? undefined : existing.get(foldVi(content));
    if (dup !== undefined) errors.push(issue('plan_import.duplicate_task', { no: dup }));

    const noText = text(v.no);
    const no = /^\d+\.?$/.test(noText) ? Number.parseInt(noText, 10) : null;
    const opt = (f: ImportField) => (text(v[f]) === '' ? null : text(v[f]));
    return {
      row: t.row,
      values: v,
      task: {
        no: no !== null && no > 0 ? no : null,
        content,
        leadUnitCode: lead?.code ?? null,
        leadUnitName: lead?.name ?? null,
        partnerUnitCodes: partners.map((p) => p.code),
        partnerUnitNames: partners.map((p) => p.name),
        partnerNote: notes.length > 0 ? notes.join('; ') : null,
        timeline: timeline === '' ? null : timeline,
        deadline,
        areaCode: area?.code ?? null,
        areaName: area?.name ?? null,
        sourceCode: source?.code ?? null,
        sourceLabel: source?.label ?? null,
        output: opt('output'),
        person: opt('person'),
        authority: opt('authority'),
      },
      errors,
      warnings,
    };
  });
  return { rows, sections, units, directives };
}
