/**
 * The plan document (Kế hoạch chuyển đổi số năm N) as a DOCX: a portrait body in the Nghị định 30
 * layout with the sections of a real ward plan (the previous year's results, objectives, tasks by
 * area, solutions, budget, organisation of implementation), then its appendix task table on
 * landscape pages numbered on their own, with a Roman-numeral row per area.
 *
 * The sections the officer writes are printed as written and left out while empty: the app does
 * not invent an objective or a solution. A plan without an issue date is a draft: DỰ THẢO on every
 * page, no date, no signer's name.
 */
import { AlignmentType, Packer, type ISectionOptions, type Paragraph, type Table } from 'docx';
import { formatMoneyVnd } from '../../shared/rules/format-vi';
import { getMeta } from '../database';
import type { Session } from '../session';
import { listAreas, listUnits } from '../services/catalog';
import { directivesInReportOrder } from '../services/directive-order';
import { getPlanDocument, withArchiveLine } from '../services/documents';
import { listIndicators } from '../services/indicators';
import { requirePlan } from '../services/plans';
import { listTasks } from '../services/tasks';
import type { PlanRow } from '../../shared/api/types';
import type { Comparator } from '../../shared/rules/indicator';
import {
  appendixSection,
  centred,
  dataTable,
  fitWidths,
  heading,
  LANDSCAPE_TEXT_WIDTH,
  officialDocument,
  officialHeader,
  para,
  paras,
  portraitSection,
  PORTRAIT_TEXT_WIDTH,
  signatureBlock,
  SIZE,
  titleBlock,
} from './docx-official';
import {
  blankDateLineVi,
  dateLineVi,
  directiveCitation,
  docNumberLine,
  groupByArea,
  indicatorNumberVi,
  issuingBodyLines,
  placeNameOf,
  planReferenceOf,
  planSubjectOf,
  romanNumeral,
  committeeLongOf,
  signerAuthorityLines,
  targetLabelVi,
} from './labels';

export const PLAN_SYMBOL = 'KH-UBND';

/** One row of the appendix: what the "6 rõ" columns of a plan show. */
export interface AppendixTask {
  no: number;
  content: string;
  areaCode: string;
  leadUnitName: string;
  partnerUnitNames: string[];
  timeline: string | null;
  output: string | null;
}

export interface PlanDocInput {
  orgName: string;
  cityName: string;
  plan: PlanRow;
  areas: Array<{ code: string; name: string }>;
  tasks: AppendixTask[];
  indicators: Array<{ name: string; unit: string; comparator: Comparator | null; target: number | null; baseline: number | null }>;
  /** The directives the plan's tasks come from, in the catalog's order: the "Căn cứ" lines. */
  directives: Array<{ number: string; issuer: string | null; issuedOn: string | null; title: string | null }>;
  /** The sections the officer writes; an empty one is left out. */
  sections: { previousResults: string; objectives: string; solutions: string; organisation: string };
  /** "Nơi nhận" lines without the dash; the "Lưu" line is added from the drafting unit. */
  recipients: string[];
  draftingUnit: string;
}

/** A plan is issued once it has its issue date; until then its document is a draft. */
export function isPlanDraft(plan: PlanRow): boolean {
  return !plan.issuedOn;
}

export function planSubject(plan: PlanRow): string {
  return planSubjectOf(plan);
}

function planReference(input: PlanDocInput): string {
  return planReferenceOf(input.plan, input.orgName);
}

function groundsSection(input: PlanDocInput): Paragraph[] {
  const committee = committeeLongOf(input.orgName);
  const lines = input.directives.map((d) => `Căn cứ ${directiveCitation(d)}${d.title ? ` về ${d.title.charAt(0).toLowerCase()}${d.title.slice(1)}` : ''};`);
  return [
    ...lines.map((l) => para(l, { italics: true })),
    para(`${committee} ban hành Kế hoạch ${planSubject(input.plan).charAt(0).toLowerCase()}${planSubject(input.plan).slice(1)} như sau:`),
  ];
}

function indicatorTable(input: PlanDocInput): Table {
  const w = fitWidths([6.8, 55, 8, 14, 16.2], PORTRAIT_TEXT_WIDTH);
  const year = input.plan.year;
  return dataTable({
    columns: [
      { header: 'STT', width: w[0]!, align: 'center' },
      { header: 'Chỉ tiêu', width: w[1]! },
      { header: 'Đơn vị tính', width: w[2]!, align: 'center' },
      { header: `Kết quả năm ${year - 1}`, width: w[3]!, align: 'center' },
      { header: `Chỉ tiêu năm ${year}`, width: w[4]!, align: 'center' },
    ],
    rows: input.indicators.map((i, n) => [
      String(n + 1),
      i.name,
      i.unit,
      i.baseline === null ? '–' : indicatorNumberVi(i.baseline, i.unit),
      targetLabelVi(i.comparator, i.target, i.unit),
    ]),
  });
}

type Block = Array<Paragraph | Table>;

function previousResultsSection(input: PlanDocInput): Block {
  const text = input.sections.previousResults;
  return text.trim() === '' ? [] : [...paras(text)];
}

function goalsSection(input: PlanDocInput): Block {
  const out: Block = [];
  let n = 0;
  const goal = input.plan.generalGoal?.trim() ?? '';
  if (goal !== '') out.push(heading(`${++n}. Mục tiêu chung`), ...paras(goal));
  const objectives = input.sections.objectives.trim();
  if (objectives !== '' || input.indicators.length > 0) {
    out.push(heading(`${++n}. Mục tiêu cụ thể`), ...paras(objectives));
    if (input.indicators.length > 0) out.push(indicatorTable(input), para('', { after: 60 }));
  }
  return out;
}

function tasksSection(input: PlanDocInput): Paragraph[] {
  if (input.tasks.length === 0) return [para('Kế hoạch chưa có nhiệm vụ nào.')];
  const out: Paragraph[] = [];
  let n = 0;
  for (const a of input.areas) {
    const tasks = input.tasks.filter((t) => t.areaCode === a.code);
    if (tasks.length === 0) continue;
    out.push(heading(`${++n}. ${a.name}`));
    for (const t of tasks) out.push(para(`- ${t.content}.`.replace(/\.\.$/, '.')));
  }
  out.push(para('Nhiệm vụ cụ thể, đơn vị chủ trì, đơn vị phối hợp, thời gian thực hiện và sản phẩm tại Phụ lục kèm theo Kế hoạch này.', { italics: true }));
  return out;
}

function budgetSection(input: PlanDocInput): Paragraph[] {
  const amount = input.plan.budgetVnd ? ` Dự kiến kinh phí: ${formatMoneyVnd(input.plan.budgetVnd)}.` : '';
  return [para(`Kinh phí thực hiện Kế hoạch từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn kinh phí hợp pháp khác.${amount}`)];
}

/** The officer's words, or who leads what read from the tasks, so the section never disagrees with the appendix. */
function organisationSection(input: PlanDocInput): Paragraph[] {
  const written = input.sections.organisation.trim();
  if (written !== '') return paras(written);
  const byLead = new Map<string, number[]>();
  for (const t of input.tasks) {
    const list = byLead.get(t.leadUnitName) ?? [];
    list.push(t.no);
    byLead.set(t.leadUnitName, list);
  }
  const out: Paragraph[] = [];
  let n = 0;
  for (const [unit, nos] of byLead) {
    out.push(para(`${++n}. ${unit}: chủ trì thực hiện các nhiệm vụ số ${nos.join(', ')} tại Phụ lục; chủ động phối hợp với các đơn vị liên quan, định kỳ hằng quý báo cáo kết quả thực hiện.`));
  }
  out.push(para(`Trong quá trình triển khai, nếu có khó khăn, vướng mắc, các đơn vị kịp thời báo cáo ${committeeLongOf(input.orgName)} để xem xét, giải quyết./.`));
  return out;
}

function bodySection(input: PlanDocInput): ISectionOptions {
  const p = input.plan;
  const place = placeNameOf(input.orgName);
  const draft = isPlanDraft(p);
  const parts: Array<[string, Block]> = [
    [`KẾT QUẢ THỰC HIỆN NĂM ${p.year - 1}`, previousResultsSection(input)],
    ['MỤC TIÊU', goalsSection(input)],
    ['NHIỆM VỤ', tasksSection(input)],
    ['GIẢI PHÁP', paras(input.sections.solutions)],
    ['KINH PHÍ THỰC HIỆN', budgetSection(input)],
    ['TỔ CHỨC THỰC HIỆN', organisationSection(input)],
  ];
  let n = 0;
  const sections = parts.filter(([, block]) => block.length > 0).flatMap(([title, block]) => [heading(`${romanNumeral(++n)}. ${title}`), ...block]);
  return portraitSection(
    [
      officialHeader({
        bodyLines: issuingBodyLines(input.orgName),
        numberLine: docNumberLine(p.docNumber, PLAN_SYMBOL),
        placeDate: p.issuedOn ? dateLineVi(place, p.issuedOn) : blankDateLineVi(place),
      }),
      ...titleBlock('KẾ HOẠCH', planSubject(p)),
      ...groundsSection(input),
      ...sections,
      para('', { after: 240 }),
      signatureBlock({
        recipients: withArchiveLine(input.recipients, input.draftingUnit),
        authorityLines: signerAuthorityLines(p.signerTitle),
        signerName: draft ? null : p.signerName,
      }),
    ],
    { draft },
  );
}

export const APPENDIX_HEADERS = ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện', 'Sản phẩm'] as const;

function appendix(input: PlanDocInput): ISectionOptions {
  const w = fitWidths([4.6, 36, 15, 17.4, 11, 16], LANDSCAPE_TEXT_WIDTH);
  const grouped = groupByArea(input.areas, input.tasks, (t) => [String(t.no), t.content, t.leadUnitName, t.partnerUnitNames.join(';\n'), t.timeline ?? '', t.output ?? '']);
  const table = dataTable({
    columns: APPENDIX_HEADERS.map((header, i) => ({ header, width: w[i]!, align: i === 0 || i === 4 ? ('center' as const) : ('left' as const) })),
    rows: grouped.rows,
    spanRows: grouped.sections,
  });
  return appendixSection(
    [
      centred('Phụ lục', { bold: true }),
      centred(`DANH MỤC NHIỆM VỤ ${planSubject(input.plan).toUpperCase()}`, { bold: true }),
      centred(planReference(input), { italics: true, after: 200 }),
      input.tasks.length === 0 ? para('Kế hoạch chưa có nhiệm vụ nào.') : table,
      para('', { align: AlignmentType.LEFT, indent: false, size: SIZE.table }),
    ],
    { draft: isPlanDraft(input.plan) },
  );
}

export async function renderPlanDocx(input: PlanDocInput): Promise<Buffer> {
  const doc = officialDocument({ title: input.plan.title, creator: input.orgName }, [bodySection(input), appendix(input)]);
  return Packer.toBuffer(doc);
}

/** Reads the plan of a year (the latest when none is given) and everything its document shows. */
export function readPlanDocInput(s: Session, year?: number): PlanDocInput {
  const plan = requirePlan(s, year);
  const units = new Map(listUnits(s).map((u) => [u.code, u.name]));
  const tasks = listTasks(s, { planYear: plan.year });
  const cited = new Set(tasks.map((t) => t.sourceCode).filter((c): c is string => !!c));
  const directives = directivesInReportOrder(s).filter((d) => cited.has(d.code));
  const doc = getPlanDocument(s, plan.year);
  return {
    orgName: getMeta(s.db, s.role === 'ward' ? 'ward_name' : 'city_name') ?? s.orgCode,
    cityName: getMeta(s.db, 'city_name') ?? '',
    plan,
    areas: listAreas(s).map((a) => ({ code: a.code, name: a.name })),
    tasks: tasks.map((t) => ({
      no: t.no,
      content: t.content,
      areaCode: t.areaCode,
      leadUnitName: t.leadUnitName,
      partnerUnitNames: t.partnerUnitCodes.map((c) => units.get(c) ?? c),
      timeline: t.timeline,
      output: t.output,
    })),
    indicators: listIndicators(s, { year: plan.year }),
    directives,
    sections: { previousResults: doc.previousResults, objectives: doc.objectives, solutions: doc.solutions, organisation: doc.organisation },
    recipients: doc.recipients,
    draftingUnit: doc.draftingUnit,
  };
}

export async function buildPlanDocx(s: Session, year?: number): Promise<Buffer> {
  return renderPlanDocx(readPlanDocInput(s, year));
}
