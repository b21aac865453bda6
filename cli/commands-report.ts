/**
 * The document commands: periodic reports and their approval, the plan as DOCX/XLSX, and plans
 * imported from Excel. They call the services directly on a session (not through the API
 * contract), because they move whole files between the disk and the documents.
 *
 * `report` both acts itself (`wardplan report --period ... --out ...`) and has sub-commands; Commander
 * gives a parent's options to the parent wherever they appear, so every handler reads its options
 * with optsWithGlobals() and checks the required ones itself.
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { writeFileAtomic } from '../db/fs/atomic-write';
import { isPlanImportError, reportsError, type PlanImportError } from '../db/reports/errors';
import { listAreas, listDirectives, listUnits } from '../db/services/catalog';
import { approveReport, getReport, markSent, saveNarrative } from '../db/services/reports';
import { AppError, isAppError } from '../shared/errors';
import { formatReportsMessage, isReportsErrorCode } from '../shared/i18n/messages-reports';
import { formatDateVi, formatPercentVi } from '../shared/rules/format-vi';
import { CliFailure, langOf, parsePeriodArg, parseYearArg, print, readInputFile, reportError, withCommon, type CommonOpts } from './run';
import { withSession } from './session';
import { vietnamTime } from '../db/session';

type Opts = CommonOpts & Record<string, string | boolean | undefined>;

const STATUS_VI = { draft: 'dự thảo', approved: 'đã phê duyệt', sent: 'đã gửi' } as const;

function localDateTime(iso: string | null): string {
  if (!iso) return '';
  const local = vietnamTime(iso);
  return `${local.slice(11, 16)} ${formatDateVi(local.slice(0, 10))}`;
}
type Format = 'docx' | 'xlsx';

function required(o: Opts, name: string, flag: string): string {
  const v = o[name];
  if (typeof v !== 'string' || v.trim() === '') throw new AppError('cli.usage', { detail: `${flag} là bắt buộc (${flag} is required)` });
  return v;
}

/** --format when given, else the output file's extension, else DOCX (the document the city expects). */
function formatOf(o: Opts, out: string): Format {
  if (o.format === 'docx' || o.format === 'xlsx') return o.format;
  return path.extname(out).toLowerCase() === '.xlsx' ? 'xlsx' : 'docx';
}

async function writeOutput(file: string, data: Buffer): Promise<string> {
  const abs = path.resolve(file);
  try {
    await writeFileAtomic(abs, data);
  } catch (e) {
    throw reportsError('output.write_failed', { path: abs, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  return abs;
}

function printRowProblems(o: CommonOpts, e: PlanImportError): void {
  const lang = langOf(o);
  const summary = formatReportsMessage(lang, 'plan_import.bad_rows', e.params);
  const rows = e.rows.map((r) => ({ row: r.row, reasons: r.reasons.map((x) => ({ ...x, message: formatReportsMessage(lang, x.code, x.params) })) }));
  if (o.json) process.stdout.write(`${JSON.stringify({ error: { code: e.code, params: e.params, message: summary, rows } }, null, 2)}\n`);
  const label = lang === 'en' ? 'Row' : 'Dòng';
  const lines = rows.flatMap((r) => r.reasons.map((x) => `  ${label} ${r.row}: ${x.message}`));
  process.stderr.write(`${lang === 'en' ? 'Error' : 'Lỗi'}: ${summary}\n${lines.join('\n')}\n`);
}

/**
 * Like run.ts's action(), and also prints the reports' own messages and a refused sheet's rows,
 * which the generic error printer does not know.
 */
function act<A extends unknown[]>(fn: (o: Opts, ...args: A) => Promise<void>): (...args: unknown[]) => Promise<void> {
  // Commander calls an action with the positional arguments, then the options, then the command.
  return async (...args) => {
    const cmd = args[args.length - 1] as Command;
    const o = cmd.optsWithGlobals() as Opts;
    try {
      await fn(o, ...(args.slice(0, -2) as A));
    } catch (e) {
      if (isPlanImportError(e)) {
        printRowProblems(o, e);
        throw new CliFailure(1);
      }
      if (isAppError(e) && isReportsErrorCode(e.code)) {
        const message = formatReportsMessage(langOf(o), e.code, e.params);
        if (o.json) process.stdout.write(`${JSON.stringify({ error: { code: e.code, params: e.params, message } }, null, 2)}\n`);
        process.stderr.write(`${langOf(o) === 'en' ? 'Error' : 'Lỗi'}: ${message}\n`);
        throw new CliFailure(1);
      }
      throw new CliFailure(reportError(o, e));
    }
  };
}

// The DOCX and Excel libraries take a third of a second to load: loaded only by the commands that
// write documents, so every other wardplan command starts as fast as before.
const docxReport = () => import('../db/reports/docx-report');
const docxPlan = () => import('../db/reports/docx-plan');
const xlsx = () => import('../db/reports/xlsx');

const formatOption = () => new Option('--format <format>', 'docx | xlsx').choices(['docx', 'xlsx']);

export function registerReportCommands(program: Command): void {
  const report = withCommon(program.command('report').description('báo cáo định kỳ: quý, 6 tháng, năm (periodic reports)'), false)
    .option('--period <period>', '2026-Q3 | 2026-H1 | 2026')
    .addOption(formatOption())
    .option('--out <file>', 'tệp kết quả (.docx / .xlsx)')
    .action(
      act(async (o) => {
        const period = parsePeriodArg(required(o, 'period', '--period'), 'period');
        const out = required(o, 'out', '--out');
        const format = formatOf(o, out);
        const result = await withSession(o, async (s) => {
          const r = getReport(s, period);
          const data = format === 'xlsx' ? await (await xlsx()).buildReportXlsx(s, period) : await (await docxReport()).buildReportDocx(s, period);
          return { path: await writeOutput(out, data), format, period: r.period, status: r.status, bytes: data.length };
        });
        print(o, result, () => `Đã ghi báo cáo ${result.period} (${STATUS_VI[result.status]}) vào ${result.path}`);
      }),
    );

  withCommon(report.command('approve').description('phê duyệt và khóa báo cáo (approve and freeze)'), false)
    .option('--period <period>')
    .requiredOption('--by <name>', 'người phê duyệt (lãnh đạo ký)')
    .option('--doc-number <number>', 'số văn bản, ví dụ 45 hoặc 45/BC-UBND')
    .option('--signer-title <title>', 'chức vụ người ký, ví dụ "Phó Chủ tịch"')
    .action(
      act(async (o) => {
        const period = parsePeriodArg(required(o, 'period', '--period'), 'period');
        const r = await withSession(o, (s) =>
          approveReport(s, { period, approvedBy: String(o.by), docNumber: o.docNumber as string | undefined, signerTitle: o.signerTitle as string | undefined }),
        );
        print(o, { period: r.period, status: r.status, approvedBy: r.approvedBy, approvedAt: r.approvedAt, docNumber: r.docNumber }, () =>
          `Đã phê duyệt báo cáo ${r.periodLabel} (${r.approvedBy}, ${localDateTime(r.approvedAt)}). Số liệu đã được khóa.`,
        );
      }),
    );

  withCommon(report.command('sent').description('đánh dấu đã gửi báo cáo (mark as sent)'), false)
    .option('--period <period>')
    .action(
      act(async (o) => {
        const period = parsePeriodArg(required(o, 'period', '--period'), 'period');
        const r = await withSession(o, (s) => markSent(s, period));
        print(o, r, () => `Báo cáo ${r.period}: đã gửi (${localDateTime(r.sentAt)}).`);
      }),
    );

  withCommon(report.command('narrative').description('nội dung báo cáo theo lĩnh vực (narrative per area)'), false)
    .option('--period <period>')
    .requiredOption('--area <code>', 'mã lĩnh vực, ví dụ CQ')
    .option('--results <text>', 'kết quả đạt được')
    .option('--shortcomings <text>', 'tồn tại, hạn chế và nguyên nhân')
    .option('--next <text>', 'nhiệm vụ trọng tâm thời gian tới')
    .option('--proposals <text>', 'đề xuất, kiến nghị')
    .action(
      act(async (o) => {
        const period = parsePeriodArg(required(o, 'period', '--period'), 'period');
        const n = await withSession(o, (s) =>
          saveNarrative(s, {
            period,
            areaCode: String(o.area),
            results: o.results as string | undefined,
            shortcomings: o.shortcomings as string | undefined,
            nextTasks: o.next as string | undefined,
            proposals: o.proposals as string | undefined,
          }),
        );
        print(o, n, () => `Đã lưu nội dung lĩnh vực ${n.areaName} (${period}).`);
      }),
    );

  withCommon(report.command('show').description('xem số liệu báo cáo (show the figures)'), false)
    .option('--period <period>')
    .action(
      act(async (o) => {
        const period = parsePeriodArg(required(o, 'period', '--period'), 'period');
        const r = await withSession(o, (s) => getReport(s, period));
        const t = r.figures.tasks.total;
        const i = r.figures.indicators;
        print(o, r, () =>
          [
            `${r.periodLabel} — ${STATUS_VI[r.status]}${r.approvedBy ? ` (${r.approvedBy})` : ''}${r.figuresFrozen ? ' — số liệu đã khóa' : ''}`,
            `Nhiệm vụ: ${t.assigned}; đã hoàn thành ${t.done} (${formatPercentVi(t.assigned ? (t.done * 100) / t.assigned : 0)}), trong đó muộn ${t.doneLate}; đang thực hiện trong hạn ${t.inProgress}; chưa triển khai ${t.notStarted}; quá hạn ${t.overdue}`,
            `Chỉ tiêu: ${i.total}; đạt ${i.met}; chưa đạt ${i.notMet}; chưa có số liệu ${i.noData}`,
          ].join('\n'),
        );
      }),
    );
}

/** Adds export, import and template to the existing `plan` group (cli/commands-ward.ts). */
export function registerPlanDocumentCommands(plan: Command): void {
  withCommon(plan.command('export').description('xuất kế hoạch và phụ lục nhiệm vụ (export the plan)'))
    .addOption(formatOption())
    .requiredOption('--out <file>', 'tệp kết quả (.docx / .xlsx)')
    .option('--year <year>', 'năm kế hoạch (mặc định: kế hoạch mới nhất)')
    .action(
      act(async (o) => {
        const out = String(o.out);
        const format = formatOf(o, out);
        const year = o.year ? parseYearArg(String(o.year), 'year') : undefined;
        const result = await withSession(o, async (s) => {
          const data = format === 'xlsx' ? await (await xlsx()).buildPlanXlsx(s, year) : await (await docxPlan()).buildPlanDocx(s, year);
          return { path: await writeOutput(out, data), format, bytes: data.length };
        });
        print(o, result, () => `Đã ghi kế hoạch vào ${result.path}`);
      }),
    );

  withCommon(plan.command('import').description('nhập nhiệm vụ từ tệp Excel (import tasks from XLSX)').argument('<file>'))
    .option('--year <year>', 'năm kế hoạch (mặc định: kế hoạch mới nhất)')
    .action(
      act(async (o, file: string) => {
        const data = readInputFile(file);
        const year = o.year ? parseYearArg(String(o.year), 'year') : undefined;
        const { importPlanSheet } = await xlsx();
        const r = await withSession(o, (s) => importPlanSheet(s, data, { year }));
        print(o, r, () => `Đã nhập ${r.imported} nhiệm vụ vào kế hoạch năm ${r.year}${r.planCreated ? ' (kế hoạch mới được tạo)' : ''}.`);
      }),
    );

  withCommon(plan.command('template').description('tạo tệp Excel mẫu để nhập kế hoạch (write the import template)'), false)
    .requiredOption('--out <file>', 'tệp mẫu (.xlsx)')
    .action(
      act(async (o) => {
        const { writePlanTemplate } = await xlsx();
        // With --db the template also lists this ward's unit codes and directives.
        const data = o.db
          ? await withSession(o, (s) => writePlanTemplate({ units: listUnits(s), areas: listAreas(s), directives: listDirectives(s) }))
          : await writePlanTemplate();
        const p = await writeOutput(String(o.out), data);
        print(o, { path: p, bytes: data.length }, () => `Đã ghi tệp mẫu vào ${p}`);
      }),
    );
}
