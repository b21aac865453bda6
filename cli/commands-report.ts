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
import { approveReport, createSupplement, getReport, markSent, saveNarrative, saveReportBody } from '../db/services/reports';
import { setDirectiveOrder } from '../db/services/directive-order';
import { getDocumentSettings, saveDocumentSettings, savePlanDocument } from '../db/services/documents';
import { AppError } from '../shared/errors';
import { formatMessage } from '../shared/i18n/messages';
import { formatDateVi, formatPercentVi } from '../shared/rules/format-vi';
import { CliFailure, langOf, parseIntArg, parsePeriodArg, parseYearArg, print, readInputFile, reportError, withCommon, type CommonOpts } from './run';
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
  const summary = formatMessage(lang, 'plan_import.bad_rows', e.params);
  const rows = e.rows.map((r) => ({ row: r.row, reasons: r.reasons.map((x) => ({ ...x, message: formatMessage(lang, x.code, x.params) })) }));
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
      throw new CliFailure(reportError(o, e));
    }
  };
}

// The DOCX and Excel libraries take a third of a second to load: loaded only by the commands that
// write documents, so every other wardplan command starts as fast as before.
const docxReport = () => import('../db/reports/docx-report');
const docxPlan = () => import('../db/reports/docx-plan');
const xlsx = () => import('../db/reports/xlsx');

function supplementOf(o: Opts): number {
  return typeof o.supplement === 'string' ? parseIntArg(o.supplement, 'supplement') : 0;
}

/** Repeatable options (--recipient a --recipient b) collect into a list. */
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Text from --<name> or, for long sections, from the file --<name>-file names. */
function textOption(o: Opts, name: string): string | undefined {
  const file = o[`${name}File`];
  if (typeof file === 'string') return readInputFile(file).toString('utf8');
  const v = o[name];
  return typeof v === 'string' ? v : undefined;
}

function recipientsOption(o: Opts): string[] | null | undefined {
  if (o.defaultRecipients) return null;
  const list = (o as Record<string, unknown>).recipient;
  return Array.isArray(list) ? (list as string[]) : undefined;
}

const formatOption = () => new Option('--format <format>', 'docx | xlsx').choices(['docx', 'xlsx']);

export function registerReportCommands(program: Command): void {
  const report = withCommon(program.command('report').description('báo cáo định kỳ: quý, 6 tháng, năm (periodic reports)'), false)
    .option('--period <period>', '2026-Q3 | 2026-H1 | 2026')
    .option('--supplement <n>', 'báo cáo bổ sung lần thứ n (supplementary report number)')
    .addOption(formatOption())
    .option('--out <file>', 'tệp kết quả (.docx / .xlsx)')
    .action(
      act(async (o) => {
        const period = parsePeriodArg(required(o, 'period', '--period'), 'period');
        const out = required(o, 'out', '--out');
        const format = formatOf(o, out);
        const supplement = supplementOf(o);
        const result = await withSession(o, async (s) => {
          const r = getReport(s, period, supplement);
          const data =
            format === 'xlsx'
              ? await (await xlsx()).buildReportXlsx(s, period, supplement)
              : await (await docxReport()).buildReportDocx(s, period, { supplement });
          return { path: await writeOutput(out, data), format, period: r.period, supplement, status: r.status, bytes: data.length };
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
          approveReport(s, {
            period,
            supplement: supplementOf(o),
            approvedBy: String(o.by),
            docNumber: o.docNumber as string | undefined,
            signerTitle: o.signerTitle as string | undefined,
          }),
        );
        print(
          o,
          { period: r.period, status: r.status, approvedBy: r.approvedBy, approvedAt: r.approvedAt, docNumber: r.docNumber },
          () => `Đã phê duyệt báo cáo ${r.periodLabel} (${r.approvedBy}, ${localDateTime(r.approvedAt)}). Số liệu đã được khóa.`,
        );
      }),
    );

  withCommon(report.command('sent').description('đánh dấu đã gửi báo cáo (mark as sent)'), false)
    .option('--period <period>')
    .action(
      act(async (o) => {
        const period = parsePeriodArg(required(o, 'period', '--period'), 'period');
        const r = await withSession(o, (s) => markSent(s, period, supplementOf(o)));
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
            supplement: supplementOf(o),
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
        const r = await withSession(o, (s) => getReport(s, period, supplementOf(o)));
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

  withCommon(report.command('body').description('các phần I–IV và nơi nhận của báo cáo (report sections and recipients)'), false)
    .option('--period <period>')
    .option('--results <text>', 'I. kết quả thực hiện')
    .option('--results-file <file>')
    .option('--shortcomings <text>', 'II. tồn tại, hạn chế và nguyên nhân')
    .option('--shortcomings-file <file>')
    .option('--next-tasks <text>', 'III. nhiệm vụ trọng tâm kỳ tới')
    .option('--next-tasks-file <file>')
    .option('--proposals <text>', 'IV. kiến nghị, đề xuất')
    .option('--proposals-file <file>')
    .option('--recipient <line>', 'một nơi nhận; lặp lại cho mỗi nơi nhận (repeat per recipient)', collect)
    .option('--default-recipients', 'dùng danh sách nơi nhận mặc định của phường')
    .action(
      act(async (o) => {
        const period = required(o, 'period', '--period');
        const r = await withSession(o, (s) =>
          saveReportBody(s, {
            period,
            supplement: supplementOf(o),
            results: textOption(o, 'results'),
            shortcomings: textOption(o, 'shortcomings'),
            nextTasks: textOption(o, 'nextTasks'),
            proposals: textOption(o, 'proposals'),
            recipients: recipientsOption(o),
          }),
        );
        print(o, { period: r.period, supplement: r.supplement, body: r.body, recipients: r.recipients }, () => `Đã lưu nội dung báo cáo ${r.periodLabel}.`);
      }),
    );

  withCommon(report.command('supplement').description('lập báo cáo bổ sung cho kỳ đã phê duyệt (supplementary report)'), false)
    .option('--period <period>')
    .action(
      act(async (o) => {
        const period = required(o, 'period', '--period');
        const r = await withSession(o, (s) => createSupplement(s, period));
        print(
          o,
          { period: r.period, supplement: r.supplement, status: r.status },
          () =>
            `Đã lập báo cáo bổ sung lần ${r.supplement} cho ${r.periodLabel} (dự thảo). Xuất: wardplan report --period ${r.period} --supplement ${r.supplement} --out <tệp>`,
        );
      }),
    );

  withCommon(report.command('settings').description('nơi nhận mặc định và đơn vị soạn thảo (document settings)'), false)
    .option('--drafting-unit <abbr>', 'đơn vị soạn thảo, ghi sau "Lưu: VT," (ví dụ VHXH)')
    .option('--report-recipient <line>', 'nơi nhận mặc định của báo cáo; lặp lại cho mỗi nơi nhận', collect)
    .option('--plan-recipient <line>', 'nơi nhận mặc định của kế hoạch; lặp lại cho mỗi nơi nhận', collect)
    .action(
      act(async (o) => {
        const x = o as Record<string, unknown>;
        const r = await withSession(o, (s) => {
          const given = x.draftingUnit !== undefined || x.reportRecipient !== undefined || x.planRecipient !== undefined;
          return given
            ? saveDocumentSettings(s, {
                draftingUnit: x.draftingUnit as string | undefined,
                reportRecipients: x.reportRecipient as string[] | undefined,
                planRecipients: x.planRecipient as string[] | undefined,
              })
            : getDocumentSettings(s);
        });
        print(o, r, () =>
          [
            `Đơn vị soạn thảo: ${r.draftingUnit || '(chưa đặt)'}`,
            'Nơi nhận báo cáo:',
            ...r.reportRecipients.map((l) => `  - ${l}`),
            'Nơi nhận kế hoạch:',
            ...r.planRecipients.map((l) => `  - ${l}`),
          ].join('\n'),
        );
      }),
    );
}

/** `wardplan directive order NQ57 KH02 …`: the order reports and the plan list the ward's own directives. */
export function registerDirectiveOrderCommand(directive: Command): void {
  withCommon(directive.command('order').description("thứ tự liệt kê văn bản của phường (order of the ward's directives)").argument('<codes...>')).action(
    act(async (o, codes: string[]) => {
      const list = await withSession(o, (s) => setDirectiveOrder(s, codes));
      print(o, list, () => list.map((d, i) => `${i + 1}. ${d.code} ${d.number}`).join('\n'));
    }),
  );
}

/** Adds export and template to the existing `plan` group (cli/commands-ward.ts); import is cli/commands-plan-import.ts. */
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

  withCommon(plan.command('document').description('các phần của văn bản kế hoạch, ngày ban hành, người ký (the plan document)'))
    .option('--year <year>', 'năm kế hoạch (mặc định: kế hoạch mới nhất)')
    .option('--doc-number <number>', 'số, ký hiệu, ví dụ 111/KH-UBND')
    .option('--issued-on <date>', 'ngày ban hành YYYY-MM-DD; "none" để xóa (kế hoạch trở lại dự thảo)')
    .option('--signer-name <name>', 'họ tên người ký')
    .option('--signer-title <title>', 'chức vụ người ký, ví dụ "Chủ tịch"')
    .option('--general-goal <text>', 'mục tiêu chung')
    .option('--previous-results <text>', 'kết quả thực hiện năm trước')
    .option('--previous-results-file <file>')
    .option('--objectives <text>', 'mục tiêu cụ thể')
    .option('--objectives-file <file>')
    .option('--solutions <text>', 'giải pháp')
    .option('--solutions-file <file>')
    .option('--organisation <text>', 'tổ chức thực hiện')
    .option('--organisation-file <file>')
    .option('--recipient <line>', 'một nơi nhận; lặp lại cho mỗi nơi nhận', collect)
    .option('--default-recipients', 'dùng danh sách nơi nhận mặc định của phường')
    .action(
      act(async (o) => {
        const year = o.year ? parseYearArg(String(o.year), 'year') : undefined;
        const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
        const issued = str('issuedOn');
        const r = await withSession(o, (s) =>
          savePlanDocument(s, {
            year,
            docNumber: str('docNumber'),
            issuedOn: issued === undefined ? undefined : issued.toLowerCase() === 'none' ? null : issued,
            signerName: str('signerName'),
            signerTitle: str('signerTitle'),
            generalGoal: str('generalGoal'),
            previousResults: textOption(o, 'previousResults'),
            objectives: textOption(o, 'objectives'),
            solutions: textOption(o, 'solutions'),
            organisation: textOption(o, 'organisation'),
            recipients: recipientsOption(o),
          }),
        );
        const p = r.plan;
        print(
          o,
          r,
          () =>
            `Kế hoạch năm ${p.year}: ${p.docNumber ?? 'chưa có số'}; ${p.issuedOn ? `ban hành ngày ${formatDateVi(p.issuedOn)}` : 'dự thảo (chưa có ngày ban hành)'}; người ký: ${p.signerName ?? '(chưa có)'}${p.signerTitle ? `, ${p.signerTitle}` : ''}.`,
        );
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
