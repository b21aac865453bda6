/**
 * Officer-style plan appendices built from the ward fixture, as wards really keep them: title rows,
 * "Đơn vị thực hiện" merged over "Chủ trì" and "Phối hợp", a numbering row, Roman-numeral section
 * rows naming the areas, full unit names with commas, generic partners, a timeline no rule can
 * date, the columns in their own order and a column ("Ghi chú") the app does not know.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, type VerticalMergeType, WidthType } from 'docx';

export interface FixtureWard {
  units: Array<{ code: string; name: string }>;
  areas: Array<{ code: string; name: string }>;
  directives: Array<{ code: string; number: string; issuer: string; title: string; date: string }>;
  tasks: Array<{ no: number; area: string; content: string; lead: string; partners: string[]; timeline: string; product: string; source: string }>;
}

/**
 * The ward fixture (../shared/fixtures), as the product keeps it for its demo ward. Read from disk
 * rather than imported, so Playwright's loader (which cannot import JSON modules) can use it too.
 */
export function loadFixture(): FixtureWard {
  return JSON.parse(fs.readFileSync(new URL('../../shared/demo/phuong-hai-duong-2026.json', import.meta.url), 'utf8')) as FixtureWard;
}

/** What each task of the officer's file says, and what the import must make of it. */
export interface OfficerTask {
  no: number;
  areaCode: string;
  content: string;
  leadName: string;
  /** The partner cell as the officer typed it. */
  partnersCell: string;
  partnerCodes: string[];
  partnerNote: string | null;
  timeline: string;
  product: string;
  sourceCell: string;
  sourceNumber: string;
  note: string;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** Section headings as a plan writes them: upper case, sometimes cut short with an ellipsis. */
function heading(areaCode: string, name: string): string {
  if (areaCode === 'LD') return 'LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH…';
  return name.toUpperCase();
}

export interface OfficerPlan {
  sections: Array<{ heading: string; areaCode: string; tasks: OfficerTask[] }>;
  tasks: OfficerTask[];
}

export function officerPlan(f: FixtureWard = loadFixture()): OfficerPlan {
  const unitName = new Map(f.units.map((u) => [u.code, u.name]));
  const directive = new Map(f.directives.map((d) => [d.code, d]));
  const tasks: OfficerTask[] = f.tasks.map((t, i) => {
    const names = t.partners.map((c) => unitName.get(c)!);
    // Commas between units (one of which has a comma in its name) in some rows, lines in others.
    let partnersCell = i % 2 === 0 ? names.join(', ') : names.join(';\n');
    let partnerNote: string | null = null;
    if (t.no === 9) {
      partnersCell = `${partnersCell};\nCác phòng, ban, đơn vị có liên quan`;
      partnerNote = 'Các phòng, ban, đơn vị có liên quan';
    }
    if (t.no === 6) {
      partnersCell = `${partnersCell}, Các doanh nghiệp viễn thông`;
      partnerNote = 'Các doanh nghiệp viễn thông';
    }
    const d = directive.get(t.source)!;
    return {
      no: t.no,
      areaCode: t.area,
      content: t.content,
      leadName: unitName.get(t.lead)!,
      partnersCell,
      partnerCodes: t.partners,
      partnerNote,
      timeline: t.no === 17 ? 'Theo kế hoạch của thành phố' : t.timeline,
      product: t.product,
      sourceCell:
        t.no % 3 === 0
          ? `${d.number}`
          : `${/NQ/.test(d.number) ? 'Nghị quyết' : /QĐ/.test(d.number) ? 'Quyết định' : 'Kế hoạch'} số ${d.number} của ${d.issuer}`,
      sourceNumber: d.number,
      note: t.no === 2 ? 'Đã giao tại cuộc họp tháng 1' : '',
    };
  });
  const sections = f.areas
    .map((a) => ({ heading: heading(a.code, a.name), areaCode: a.code, tasks: tasks.filter((t) => t.areaCode === a.code) }))
    .filter((s) => s.tasks.length > 0);
  return { sections, tasks: sections.flatMap((s) => s.tasks) };
}

/** The columns, in the officer's order: not the template's. */
const TOP = ['STT', 'Nội dung nhiệm vụ', 'Sản phẩm', 'Đơn vị thực hiện', '', 'Thời gian thực hiện', 'Căn cứ', 'Ghi chú'];
const SUB = ['', '', '', 'Chủ trì', 'Phối hợp', '', '', ''];
const WIDTH = TOP.length;

function taskCells(t: OfficerTask): string[] {
  return [String(t.no), t.content, t.product, t.leadName, t.partnersCell, t.timeline, t.sourceCell, t.note];
}

export const TITLE_LINES = [
  'PHỤ LỤC',
  'DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ PHƯỜNG HẢI DƯƠNG NĂM 2026',
  '(Ban hành kèm theo Kế hoạch số 111/KH-UBND ngày 05/01/2026 của UBND phường Hải Dương)',
];

/** Excel: title rows 1–3, header rows 5–6 (merged), numbering row 7, then sections and tasks. */
export async function officerXlsx(plan: OfficerPlan = officerPlan()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  TITLE_LINES.forEach((line, i) => {
    ws.getCell(i + 1, 1).value = line;
    ws.mergeCells(i + 1, 1, i + 1, WIDTH);
  });
  ws.getRow(5).values = TOP;
  ws.getRow(6).values = SUB;
  for (let c = 1; c <= WIDTH; c++) if (c !== 4 && c !== 5) ws.mergeCells(5, c, 6, c);
  ws.mergeCells(5, 4, 5, 5);
  ws.getRow(7).values = TOP.map((_, i) => `(${i + 1})`);
  let r = 8;
  plan.sections.forEach((s, i) => {
    ws.getCell(r, 1).value = `${ROMAN[i]}. ${s.heading}`;
    ws.mergeCells(r, 1, r, WIDTH);
    r++;
    for (const t of s.tasks) ws.getRow(r++).values = taskCells(t);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cell(
  text: string,
  opts: { columnSpan?: number; rowSpan?: number; verticalMerge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] } = {},
): TableCell {
  return new TableCell({
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })),
    ...opts,
  });
}

/**
 * Word: the plan's motto block as a first table (which is no task table), then the appendix table
 * with the header merged by gridSpan and vMerge, the numbering row and section rows spanning it.
 */
export async function officerDocx(plan: OfficerPlan = officerPlan()): Promise<Buffer> {
  const motto = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ children: [cell('ỦY BAN NHÂN DÂN\nPHƯỜNG HẢI DƯƠNG'), cell('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc')] })],
  });
  const header1 = new TableRow({
    children: [
      cell('STT', { rowSpan: 2 }),
      cell('Nội dung nhiệm vụ', { rowSpan: 2 }),
      cell('Sản phẩm', { rowSpan: 2 }),
      cell('Đơn vị thực hiện', { columnSpan: 2 }),
      cell('Thời gian thực hiện', { rowSpan: 2 }),
      cell('Căn cứ', { rowSpan: 2 }),
      cell('Ghi chú', { rowSpan: 2 }),
    ],
  });
  const header2 = new TableRow({ children: [cell('Chủ trì'), cell('Phối hợp')] });
  const numbering = new TableRow({ children: TOP.map((_, i) => cell(`(${i + 1})`)) });
  const body: TableRow[] = [];
  plan.sections.forEach((s, i) => {
    body.push(new TableRow({ children: [cell(ROMAN[i]!), cell(s.heading, { columnSpan: WIDTH - 1 })] }));
    for (const t of s.tasks) body.push(new TableRow({ children: taskCells(t).map((x) => cell(x)) }));
  });
  const doc = new Document({
    sections: [
      {
        children: [
          motto,
          ...TITLE_LINES.map((l) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: l, bold: true })] })),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header1, header2, numbering, ...body] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
