/**
 * The document commands: periodic reports and their approval, the plan as DOCX/XLSX and its
 * template, through the same API methods as the Báo cáo screen (reports.*, documents.*).
 *
 * `report` both acts itself (`wardplan report --period ... --out ...`) and has sub-commands; Commander
 * gives a parent's options to the parent wherever they appear, so every handler reads its options
 * with the parents' (ctx.o) and checks the required ones itself.
 */
import path from 'node:path';
import { AppError } from '../shared/errors';
import { formatDateVi, formatPercentVi } from '../shared/rules/format-vi';
import { parsePeriod, periodLabelEn, periodLabelVi } from '../shared/rules/period';
import type { ReportView } from '../shared/api/report-types';
import { vietnamTime } from '../db/session';
import { parseIntArg, parsePeriodArg, parseYearArg, readInputFile } from './run';
import { command, type CliContext, type CommandSpec, type OptionSpec } from './table';
import type { CliKey } from './texts';

type Format = 'docx' | 'xlsx';

function str(ctx: CliContext, k: string): string | undefined {
  const v = ctx.o[k];
  return typeof v === 'string' ? v : undefined;
}

function required(ctx: CliContext, name: string, flag: string): string {
  const v = str(ctx, name);
  if (v === undefined || v.trim() === '') throw new AppError('cli.usage', { detail: ctx.t('usage.required', { flag }) });
  return v;
}

function localDateTime(iso: string | null): string {
  if (!iso) return '';
  const local = vietnamTime(iso);
  return `${local.slice(11, 16)} ${formatDateVi(local.slice(0, 10))}`;
}

/** "Quý III/2026" or "Q3 2026": the period as the reader's language names it. */
function periodName(ctx: CliContext, code: string): string {
  const p = parsePeriod(code);
  if (!p) return code;
  return ctx.lang === 'en' ? periodLabelEn(p) : periodLabelVi(p);
}

const STATUS: Record<ReportView['status'], CliKey> = { draft: 'report.status.draft', approved: 'report.status.approved', sent: 'report.status.sent' };

/** --format when given, else the output file's extension, else DOCX (the document the city expects). */
function formatOf(ctx: CliContext, out: string): Format {
  const f = str(ctx, 'format');
  if (f === 'docx' || f === 'xlsx') return f;
  return path.extname(out).toLowerCase() === '.xlsx' ? 'xlsx' : 'docx';
}

function supplementOf(ctx: CliContext): number {
  const v = str(ctx, 'supplement');
  return v !== undefined ? parseIntArg(v, 'supplement') : 0;
}

function periodOf(ctx: CliContext): string {
  return parsePeriodArg(required(ctx, 'period', '--period'), 'period');
}

/** Text from --<name> or, for long sections, from the file --<name>-file names. */
function textOption(ctx: CliContext, name: string): string | undefined {
  const file = str(ctx, `${name}File`);
  if (file !== undefined) return readInputFile(file).toString('utf8');
  return str(ctx, name);
}

function recipientsOption(ctx: CliContext): string[] | null | undefined {
  if (ctx.o.defaultRecipients) return null;
  const list = ctx.o.recipient;
  return Array.isArray(list) ? (list as string[]) : undefined;
}

const formatOption: OptionSpec = { flags: '--format <format>', help: 'opt.doc_format', choices: ['docx', 'xlsx'] };
const periodOption: OptionSpec = { flags: '--period <period>', help: 'opt.report_period' };
const recipientOptions: OptionSpec[] = [
  { flags: '--recipient <line>', help: 'opt.recipient', repeat: true },
  { flags: '--default-recipients', help: 'opt.default_recipients' },
];
/** A section given as text or as a file: --results and --results-file. */
const section = (flag: string, help: CliKey): OptionSpec[] => [
  { flags: `--${flag} <text>`, help },
  { flags: `--${flag}-file <file>`, help: 'opt.section_file' },
];

export const reportCommands: CommandSpec[] = [
  command({
    name: 'report',
    help: 'help.report',
    db: 'optional',
    options: [periodOption, { flags: '--supplement <n>', help: 'opt.supplement' }, formatOption, { flags: '--out <file>', help: 'opt.doc_out' }],
    run: async (ctx) => {
      const period = periodOf(ctx);
      const out = required(ctx, 'out', '--out');
      const format = formatOf(ctx, out);
      const supplement = supplementOf(ctx);
      const file = await ctx.ward('documents.report', { period, supplement, format, outPath: path.resolve(out) });
      const r = await ctx.ward('reports.get', { period, supplement });
      return { path: file.path, format, period: r.period, supplement, status: r.status, bytes: file.size };
    },
    print: (r, ctx) => ctx.t('report.written', { period: r.period, status: ctx.t(STATUS[r.status]), path: r.path }),
  }),
  command({
    name: 'report approve',
    help: 'help.report.approve',
    db: 'optional',
    options: [
      periodOption,
      { flags: '--by <name>', help: 'opt.approver', required: true },
      { flags: '--doc-number <number>', help: 'opt.report_doc_number' },
      { flags: '--signer-title <title>', help: 'opt.signer_title' },
    ],
    run: async (ctx) => {
      const r = await ctx.ward('reports.approve', {
        period: periodOf(ctx),
        supplement: supplementOf(ctx),
        approvedBy: String(ctx.o.by),
        docNumber: str(ctx, 'docNumber'),
        signerTitle: str(ctx, 'signerTitle'),
      });
      return { period: r.period, status: r.status, approvedBy: r.approvedBy, approvedAt: r.approvedAt, docNumber: r.docNumber };
    },
    print: (r, ctx) => ctx.t('report.approved', { period: periodName(ctx, r.period), by: r.approvedBy ?? '', at: localDateTime(r.approvedAt) }),
  }),
  command({
    name: 'report sent',
    help: 'help.report.sent',
    db: 'optional',
    options: [periodOption],
    run: (ctx) => ctx.ward('reports.markSent', { period: periodOf(ctx), supplement: supplementOf(ctx) }),
    print: (r, ctx) => ctx.t('report.sent', { period: r.period, at: localDateTime(r.sentAt) }),
  }),
  command({
    name: 'report narrative',
    help: 'help.report.narrative',
    db: 'optional',
    options: [
      periodOption,
      { flags: '--area <code>', help: 'opt.area', required: true },
      { flags: '--results <text>', help: 'opt.results' },
      { flags: '--shortcomings <text>', help: 'opt.shortcomings' },
      { flags: '--next <text>', help: 'opt.next_tasks' },
      { flags: '--proposals <text>', help: 'opt.proposals' },
    ],
    run: (ctx) =>
      ctx.ward('reports.saveNarrative', {
        period: periodOf(ctx),
        supplement: supplementOf(ctx),
        areaCode: String(ctx.o.area),
        results: str(ctx, 'results'),
        shortcomings: str(ctx, 'shortcomings'),
        nextTasks: str(ctx, 'next'),
        proposals: str(ctx, 'proposals'),
      }),
    print: (n, ctx) => ctx.t('report.narrative_saved', { area: n.areaName, period: String(ctx.o.period) }),
  }),
  command({
    name: 'report show',
    help: 'help.report.show',
    db: 'optional',
    options: [periodOption],
    run: (ctx) => ctx.ward('reports.get', { period: periodOf(ctx), supplement: supplementOf(ctx) }),
    print: (r, ctx) => {
      const t = r.figures.tasks.total;
      const i = r.figures.indicators;
      return [
        `${periodName(ctx, r.period)} — ${ctx.t(STATUS[r.status])}${r.approvedBy ? ` (${r.approvedBy})` : ''}${r.figuresFrozen ? ctx.t('report.frozen_mark') : ''}`,
        ctx.t('report.tasks_line', {
          assigned: t.assigned,
          done: t.done,
          percent: formatPercentVi(t.assigned ? (t.done * 100) / t.assigned : 0),
          late: t.doneLate,
          inProgress: t.inProgress,
          notStarted: t.notStarted,
          overdue: t.overdue,
        }),
        ctx.t('report.indicators_line', { total: i.total, met: i.met, notMet: i.notMet, noData: i.noData }),
      ].join('\n');
    },
  }),
  command({
    name: 'report body',
    help: 'help.report.body',
    db: 'optional',
    options: [
      periodOption,
      ...section('results', 'opt.body_results'),
      ...section('shortcomings', 'opt.shortcomings'),
      ...section('next-tasks', 'opt.next_tasks'),
      ...section('proposals', 'opt.proposals'),
      ...recipientOptions,
    ],
    run: async (ctx) => {
      const r = await ctx.ward('reports.saveBody', {
        period: required(ctx, 'period', '--period'),
        supplement: supplementOf(ctx),
        results: textOption(ctx, 'results'),
        shortcomings: textOption(ctx, 'shortcomings'),
        nextTasks: textOption(ctx, 'nextTasks'),
        proposals: textOption(ctx, 'proposals'),
        recipients: recipientsOption(ctx),
      });
      return { period: r.period, supplement: r.supplement, body: r.body, recipients: r.recipients };
    },
    print: (r, ctx) => ctx.t('report.body_saved', { period: periodName(ctx, r.period) }),
  }),
  command({
    name: 'report supplement',
    help: 'help.report.supplement',
    db: 'optional',
    options: [periodOption],
    run: async (ctx) => {
      const r = await ctx.ward('reports.createSupplement', { period: required(ctx, 'period', '--period') });
      return { period: r.period, supplement: r.supplement, status: r.status };
    },
    print: (r, ctx) => ctx.t('report.supplement_made', { n: r.supplement, period: periodName(ctx, r.period), code: r.period }),
  }),
  command({
    name: 'report settings',
    help: 'help.report.settings',
    db: 'optional',
    options: [
      { flags: '--drafting-unit <abbr>', help: 'opt.drafting_unit' },
      { flags: '--report-recipient <line>', help: 'opt.report_recipient', repeat: true },
      { flags: '--plan-recipient <line>', help: 'opt.plan_recipient', repeat: true },
    ],
    run: (ctx) => {
      const o = ctx.o;
      const given = o.draftingUnit !== undefined || o.reportRecipient !== undefined || o.planRecipient !== undefined;
      return given
        ? ctx.ward('documents.saveSettings', {
            draftingUnit: o.draftingUnit as string | undefined,
            reportRecipients: o.reportRecipient as string[] | undefined,
            planRecipients: o.planRecipient as string[] | undefined,
          })
        : ctx.ward('documents.settings', {});
    },
    print: (r, ctx) =>
      [
        ctx.t('settings.drafting_unit', { unit: r.draftingUnit || ctx.t('settings.unset') }),
        ctx.t('settings.report_recipients'),
        ...r.reportRecipients.map((l) => `  - ${l}`),
        ctx.t('settings.plan_recipients'),
        ...r.planRecipients.map((l) => `  - ${l}`),
      ].join('\n'),
  }),
  command({
    name: 'directive order',
    help: 'help.directive.order',
    args: ['<codes...>'],
    run: (ctx, codes: string[]) => ctx.ward('directives.setOrder', { codes }),
    print: (list) => list.map((d, i) => `${i + 1}. ${d.code} ${d.number}`).join('\n'),
  }),
  command({
    name: 'plan export',
    help: 'help.plan.export',
    options: [formatOption, { flags: '--out <file>', help: 'opt.doc_out', required: true }, { flags: '--year <year>', help: 'opt.plan_year_latest' }],
    run: async (ctx) => {
      const out = String(ctx.o.out);
      const format = formatOf(ctx, out);
      const year = str(ctx, 'year');
      const file = await ctx.ward('documents.plan', { format, year: year ? parseYearArg(year, 'year') : undefined, outPath: path.resolve(out) });
      return { path: file.path, format, bytes: file.size };
    },
    print: (r, ctx) => ctx.t('plan.exported', { path: r.path }),
  }),
  command({
    name: 'plan document',
    help: 'help.plan.document',
    options: [
      { flags: '--year <year>', help: 'opt.plan_year_latest' },
      { flags: '--doc-number <number>', help: 'opt.doc_number' },
      { flags: '--issued-on <date>', help: 'opt.issued_on_none' },
      { flags: '--signer-name <name>', help: 'opt.signer' },
      { flags: '--signer-title <title>', help: 'opt.signer_title' },
      { flags: '--general-goal <text>', help: 'opt.goal' },
      ...section('previous-results', 'opt.previous_results'),
      ...section('objectives', 'opt.objectives'),
      ...section('solutions', 'opt.solutions'),
      ...section('organisation', 'opt.organisation'),
      ...recipientOptions,
    ],
    run: (ctx) => {
      const year = str(ctx, 'year');
      const issued = str(ctx, 'issuedOn');
      return ctx.ward('planDocument.save', {
        year: year ? parseYearArg(year, 'year') : undefined,
        docNumber: str(ctx, 'docNumber'),
        issuedOn: issued === undefined ? undefined : issued.toLowerCase() === 'none' ? null : issued,
        signerName: str(ctx, 'signerName'),
        signerTitle: str(ctx, 'signerTitle'),
        generalGoal: str(ctx, 'generalGoal'),
        previousResults: textOption(ctx, 'previousResults'),
        objectives: textOption(ctx, 'objectives'),
        solutions: textOption(ctx, 'solutions'),
        organisation: textOption(ctx, 'organisation'),
        recipients: recipientsOption(ctx),
      });
    },
    print: (r, ctx) => {
      const p = r.plan;
      return ctx.t('plan.document', {
        year: p.year,
        number: p.docNumber ?? ctx.t('plan.no_number'),
        issued: p.issuedOn ? ctx.t('plan.issued_on', { date: formatDateVi(p.issuedOn) }) : ctx.t('plan.draft'),
        signer: `${p.signerName ?? ctx.t('plan.no_signer')}${p.signerTitle ? `, ${p.signerTitle}` : ''}`,
      });
    },
  }),
  command({
    name: 'plan template',
    help: 'help.plan.template',
    db: 'optional',
    options: [{ flags: '--out <file>', help: 'opt.template_out', required: true }],
    run: async (ctx) => {
      const outPath = path.resolve(String(ctx.o.out));
      // With --db the template also lists this ward's unit codes and directives; without, a bare one.
      const file = await ctx.ward('documents.planTemplate', { outPath }, { databaseOptional: true });
      return { path: file.path, bytes: file.size };
    },
    print: (r, ctx) => ctx.t('plan.template_written', { path: r.path }),
  }),
];
