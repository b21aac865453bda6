/**
 * The report's four body sections (I. results, II. shortcomings and causes, III. the next
 * period's key tasks, IV. proposals) as the app first writes them from the figures: plain
 * sentences stating what the data say, for the officer to edit. Nothing here is invented: a
 * section with nothing in the data to say says so, or stays empty for the officer.
 */
import type { AreaNarrative, ReportBody, ReportFigures } from '../../shared/api/report-types';
import { formatDateVi, formatPercentVi } from '../../shared/rules/format-vi';
import type { Period } from '../../shared/rules/period';
import { nextMonthRange } from './figures';

export const REPORT_BODY_KEYS = ['results', 'shortcomings', 'nextTasks', 'proposals'] as const;

/** "tháng 10/2026": the month the "due next month" list covers. */
export function nextMonthLabel(f: ReportFigures): string {
  const start = nextMonthRange(f.asOf).start;
  return `tháng ${Number(start.slice(5, 7))}/${start.slice(0, 4)}`;
}

/** The heading of section III: what "next" is for this period. */
export function nextPeriodPhrase(p: Period): string {
  switch (p.kind) {
    case 'quarter':
      return p.index === 4 ? `Quý I năm ${p.year + 1}` : 'quý tới';
    case 'half':
      return p.index === 1 ? `6 tháng cuối năm ${p.year}` : `năm ${p.year + 1}`;
    case 'month':
      return 'tháng tới';
    case 'year':
      return `năm ${p.year + 1}`;
  }
}

function resultsText(f: ReportFigures): string {
  const t = f.tasks.total;
  const i = f.indicators;
  const year = f.context.plan.year;
  const lines: string[] = [];
  if (t.assigned === 0) lines.push(`Kế hoạch năm ${year} chưa có nhiệm vụ nào.`);
  else {
    const pct = formatPercentVi((t.done * 100) / t.assigned);
    const late = t.doneLate > 0 ? `, trong đó ${t.doneLate} nhiệm vụ hoàn thành sau thời hạn` : '';
    lines.push(
      `Kế hoạch năm ${year} có ${t.assigned} nhiệm vụ. Tính đến ngày ${formatDateVi(f.asOf)}, đã hoàn thành ${t.done}/${t.assigned} nhiệm vụ (${pct})${late}; ` +
        `đang thực hiện trong hạn ${t.inProgress} nhiệm vụ; chưa triển khai ${t.notStarted} nhiệm vụ; quá hạn ${t.overdue} nhiệm vụ.`,
    );
  }
  if (i.total === 0) lines.push(`Kế hoạch năm ${year} không đặt chỉ tiêu cụ thể.`);
  else if (i.noData === i.total) lines.push(`Kế hoạch đặt ${i.total} chỉ tiêu; kỳ này chưa có số liệu của chỉ tiêu nào.`);
  else {
    const noData = i.noData > 0 ? `; ${i.noData} chỉ tiêu chưa có số liệu` : '';
    lines.push(`Về chỉ tiêu: ${i.met}/${i.total} chỉ tiêu đạt; ${i.notMet} chỉ tiêu chưa đạt${noData}.`);
  }
  return lines.join('\n');
}

function shortcomingsText(f: ReportFigures): string {
  const t = f.tasks.total;
  const lines: string[] = [];
  if (t.overdue > 0) lines.push(`Còn ${t.overdue} nhiệm vụ quá hạn chưa hoàn thành (danh sách và lý do dưới đây).`);
  else if (t.assigned > 0) lines.push('Không có nhiệm vụ quá hạn.');
  if (t.notStarted > 0) lines.push(`${t.notStarted} nhiệm vụ chưa triển khai.`);
  const notMet = f.indicators.rows.filter((r) => r.outcome === 'chua_dat');
  if (notMet.length > 0) lines.push(`${notMet.length} chỉ tiêu chưa đạt: ${notMet.map((r) => r.name).join('; ')}.`);
  return lines.join('\n');
}

function nextTasksText(f: ReportFigures): string {
  const t = f.tasks.total;
  const due = f.tasks.dueNext?.length ?? 0;
  const parts: string[] = [];
  if (t.overdue > 0) parts.push(`${t.overdue} nhiệm vụ quá hạn`);
  if (due > 0) parts.push(`${due} nhiệm vụ đến hạn trong ${nextMonthLabel(f)}`);
  const lines: string[] = [];
  if (parts.length > 0) lines.push(`Tập trung hoàn thành ${parts.join(' và ')}.`);
  if (t.inProgress > 0) lines.push(`Tiếp tục thực hiện ${t.inProgress} nhiệm vụ đang triển khai trong hạn.`);
  if (t.notStarted > 0) lines.push(`Triển khai ${t.notStarted} nhiệm vụ chưa thực hiện theo thời gian của Kế hoạch.`);
  return lines.join('\n');
}

/** What the app writes for each section before the officer edits it. */
export function defaultReportBody(f: ReportFigures): ReportBody {
  return { results: resultsText(f), shortcomings: shortcomingsText(f), nextTasks: nextTasksText(f), proposals: '' };
}

/** The sections as the document prints them: what the officer saved, the app's words where nothing was. */
export function effectiveReportBody(f: ReportFigures, saved: Partial<ReportBody> | null | undefined): ReportBody {
  const d = defaultReportBody(f);
  const out = { ...d };
  for (const k of REPORT_BODY_KEYS) if (saved && typeof saved[k] === 'string') out[k] = saved[k];
  return out;
}

/** Per-area words for a section, from the area narratives: "- Hạ tầng số: …". */
export function areaLines(narratives: AreaNarrative[], key: 'shortcomings' | 'nextTasks' | 'proposals'): Array<{ areaName: string; text: string }> {
  return narratives.filter((n) => n[key].trim() !== '').map((n) => ({ areaName: n.areaName, text: n[key].trim() }));
}
