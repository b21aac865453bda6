import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../shared/errors';
import { formatDateVi, formatPercentVi } from '../shared/rules/format-vi';
import { taskStatusLabel, type TaskStatus } from '../shared/rules/task-status';
import type { TaskItem, WardSummary } from '../shared/api/types';
import type { CompactResult } from '../shared/api/contract-compact';
import { action, callApi, langOf, parseDateArg, parseNumberArg, parsePeriodArg, parseYearArg, print, readInputFile, withCommon, type CommonOpts } from './run';

const STATUSES = ['not_started', 'in_progress', 'overdue', 'done', 'done_late'];

function refuseExisting(dbPath: string): void {
  if (fs.existsSync(path.resolve(dbPath))) throw new AppError('db.exists', { path: path.resolve(dbPath) });
}

function summaryText(s: WardSummary, o: CommonOpts): string {
  const lang = langOf(o);
  const lines = [
    `${s.ward.name} (${s.ward.code}) — ${s.plan ? s.plan.title : '-'} — ${formatDateVi(s.asOf)}`,
    `Nhiệm vụ: ${s.tasks.total}`,
    ...STATUSES.map((st) => `  ${taskStatusLabel(st as TaskStatus, lang)}: ${s.tasks.byStatus[st as TaskStatus]}`),
    `Chỉ tiêu: ${s.indicators.total} (đạt ${s.indicators.met}, chưa đạt ${s.indicators.notMet}, chưa có số liệu ${s.indicators.noData})`,
  ];
  if (s.tasks.overdue.length)
    lines.push('Quá hạn:', ...s.tasks.overdue.map((t) => `  ${t.no}. ${t.content.slice(0, 90)} (${t.deadline ? formatDateVi(t.deadline) : ''})`));
  if (s.tasks.upcoming.length)
    lines.push('Sắp đến hạn:', ...s.tasks.upcoming.map((t) => `  ${t.no}. ${t.content.slice(0, 90)} (${t.deadline ? formatDateVi(t.deadline) : ''})`));
  return lines.join('\n');
}

function taskLine(t: TaskItem, lang: 'vi' | 'en'): string {
  return `${String(t.no).padStart(3)}  ${t.id}  [${taskStatusLabel(t.status, lang)}] ${t.areaCode}/${t.leadUnitCode}  ${t.content.slice(0, 80)}`;
}

export function registerWardCommands(program: Command): void {
  withCommon(program.command('init').description('tạo cơ sở dữ liệu mới cho một phường/xã (new ward database)'))
    .requiredOption('--ward <code>', 'mã phường/xã')
    .requiredOption('--name <name>', 'tên phường/xã')
    .option('--city <code>', 'mã thành phố/tỉnh (mặc định: phần trước dấu "-" của mã phường)')
    .option('--city-name <name>', 'tên thành phố/tỉnh')
    .option('--officer <name>', 'cán bộ phụ trách')
    .action(
      action(async (o: CommonOpts & { ward: string; name: string; city?: string; cityName?: string; officer?: string }) => {
        refuseExisting(o.db!);
        const city = o.city ?? o.ward.split('-')[0] ?? o.ward;
        const profile = await callApi(o, 'app.setup', {
          wardCode: o.ward,
          wardName: o.name,
          cityCode: city,
          cityName: o.cityName ?? city,
          officerName: o.officer ?? o.name,
          demo: false,
        });
        print(o, profile, () => `Đã tạo ${profile.orgName} (${profile.orgCode}) tại ${o.db}`);
      }),
    );

  withCommon(program.command('demo').description('tạo cơ sở dữ liệu mới với kế hoạch mẫu (new database with the demo plan)')).action(
    action(async (o: CommonOpts) => {
      refuseExisting(o.db!);
      const profile = await callApi(o, 'app.setup', {
        wardCode: 'demo',
        wardName: 'demo',
        cityCode: 'demo',
        cityName: 'demo',
        officerName: 'Cán bộ chuyên trách CNTT',
        demo: true,
      });
      print(o, profile, () => `Đã tạo kế hoạch mẫu của ${profile.orgName} tại ${o.db}`);
    }),
  );

  withCommon(program.command('summary').description('tổng hợp tình hình thực hiện (ward summary)'))
    .option('--as-of <date>', 'tính đến ngày YYYY-MM-DD')
    .option('--year <year>', 'năm kế hoạch')
    .action(
      action(async (o: CommonOpts & { asOf?: string; year?: string }) => {
        const s = await callApi(o, 'summary.get', {
          asOf: o.asOf ? parseDateArg(o.asOf, 'as-of') : undefined,
          year: o.year ? parseYearArg(o.year, 'year') : undefined,
        });
        print(o, s, () => summaryText(s, o));
      }),
    );

  const unit = program.command('unit').description('đơn vị (units)');
  withCommon(unit.command('add'))
    .requiredOption('--code <code>')
    .requiredOption('--name <name>')
    .action(
      action(async (o: CommonOpts & { code: string; name: string }) => {
        const u = await callApi(o, 'units.add', { code: o.code, name: o.name });
        print(o, u, () => u.id);
      }),
    );
  withCommon(unit.command('list')).action(
    action(async (o: CommonOpts) => {
      const us = await callApi(o, 'units.list', {});
      print(o, us, () => us.map((u) => `${u.code.padEnd(10)} ${u.name}`).join('\n'));
    }),
  );

  const directive = program.command('directive').description('văn bản căn cứ (directives)');
  withCommon(directive.command('add'))
    .requiredOption('--code <code>')
    .option('--number <number>', 'số, ký hiệu (57-NQ/TW); bỏ trống khi là nhóm văn bản không có số')
    .option('--date <date>', 'ngày ban hành YYYY-MM-DD')
    .requiredOption('--issuer <issuer>')
    .requiredOption('--title <title>')
    .action(
      action(async (o: CommonOpts & { code: string; number?: string; date?: string; issuer: string; title: string }) => {
        const d = await callApi(o, 'directives.add', { code: o.code, number: o.number, date: o.date, issuer: o.issuer, title: o.title });
        print(o, d, () => d.id);
      }),
    );

  const plan = program.command('plan').description('kế hoạch (plans)');
  withCommon(plan.command('add'))
    .requiredOption('--year <year>')
    .requiredOption('--title <title>')
    .option('--number <number>', 'số, ký hiệu văn bản (111/KH-UBND)')
    .action(
      action(async (o: CommonOpts & { year: string; title: string; number?: string }) => {
        const p = await callApi(o, 'plans.add', { year: parseYearArg(o.year, 'year'), title: o.title, docNumber: o.number });
        print(o, p, () => p.id);
      }),
    );

  withCommon(program.command('tasks').description('nhiệm vụ (tasks)').command('list'))
    .option('--status <status>', STATUSES.join('|'))
    .option('--area <code>')
    .option('--search <text>')
    .option('--plan <year>')
    .option('--as-of <date>')
    .action(
      action(async (o: CommonOpts & { status?: string; area?: string; search?: string; plan?: string; asOf?: string }) => {
        const ts = await callApi(o, 'tasks.list', {
          status: o.status as TaskStatus | undefined,
          areaCode: o.area,
          search: o.search,
          planYear: o.plan ? parseYearArg(o.plan, 'plan') : undefined,
          asOf: o.asOf ? parseDateArg(o.asOf, 'as-of') : undefined,
        });
        print(o, ts, () => ts.map((t) => taskLine(t, langOf(o))).join('\n'));
      }),
    );

  const task = program.command('task').description('một nhiệm vụ (one task)');
  withCommon(task.command('add'))
    .option('--plan <year>')
    .requiredOption('--area <code>')
    .requiredOption('--content <text>')
    .requiredOption('--lead <unit>')
    .option('--partners <units>', 'U1,U2')
    .option('--timeline <text>', 'ví dụ "Quý III/2026", "Thường xuyên"')
    .option('--deadline <date>')
    .option('--source <directive>')
    .option('--output <text>')
    .option('--person <name>')
    .option('--authority <text>')
    .action(
      action(
        async (
          o: CommonOpts & {
            plan?: string;
            area: string;
            content: string;
            lead: string;
            partners?: string;
            timeline?: string;
            deadline?: string;
            source?: string;
            output?: string;
            person?: string;
            authority?: string;
          },
        ) => {
          const r = await callApi(o, 'tasks.add', {
            planYear: o.plan ? parseYearArg(o.plan, 'plan') : undefined,
            areaCode: o.area,
            content: o.content,
            leadUnitCode: o.lead,
            partnerUnitCodes: o.partners ? o.partners.split(',').map((x) => x.trim()) : undefined,
            timeline: o.timeline,
            deadline: o.deadline,
            sourceCode: o.source,
            output: o.output,
            person: o.person,
            authority: o.authority,
          });
          print(o, r, () => r.id);
        },
      ),
    );
  withCommon(task.command('update').argument('<id>'))
    .requiredOption('--status <status>', 'not_started|in_progress|done')
    .option('--percent <n>')
    .option('--note <text>')
    .option('--date <date>')
    .action(
      action(async (id: string, o: CommonOpts & { status: string; percent?: string; note?: string; date?: string }) => {
        const r = await callApi(o, 'tasks.progress', {
          taskId: id,
          status: o.status as 'not_started' | 'in_progress' | 'done',
          percent: o.percent !== undefined ? parseNumberArg(o.percent, 'percent') : undefined,
          note: o.note,
          date: o.date,
        });
        print(o, r, () => r.id);
      }),
    );
  withCommon(task.command('attach').argument('<id>').argument('<file>')).action(
    action(async (id: string, file: string, o: CommonOpts) => {
      const data = readInputFile(file);
      const r = await callApi(o, 'tasks.attach', { taskId: id, fileName: path.basename(file), contentBase64: data.toString('base64') });
      print(o, r, () => `${r.id} sha256:${r.sha256}`);
    }),
  );

  withCommon(program.command('indicators').description('chỉ tiêu (indicators)').command('list'))
    .option('--period <period>', '2026, 2026-H1, 2026-Q3, 2026-M03')
    .option('--year <year>')
    .action(
      action(async (o: CommonOpts & { period?: string; year?: string }) => {
        const is = await callApi(o, 'indicators.list', {
          period: o.period ? parsePeriodArg(o.period, 'period') : undefined,
          year: o.year ? parseYearArg(o.year, 'year') : undefined,
        });
        print(o, is, () =>
          is
            .map(
              (i) =>
                `${i.code.padEnd(7)} ${(i.comparator ?? '').padEnd(2)} ${i.target ?? '-'}${i.unit === '%' ? '%' : ''}  ${
                  i.value === null ? '—' : i.unit === '%' ? formatPercentVi(i.value) : String(i.value)
                }  ${i.outcome === 'dat' ? 'Đạt' : i.outcome === 'chua_dat' ? 'Chưa đạt' : 'Chưa có số liệu'}  ${i.name.slice(0, 70)}`,
            )
            .join('\n'),
        );
      }),
    );

  withCommon(program.command('value').description('số liệu chỉ tiêu (indicator values)').command('set').argument('<code>'))
    .requiredOption('--period <period>')
    .option('--value <x>')
    .option('--num <n>', 'tử số')
    .option('--den <d>', 'mẫu số')
    .option('--note <text>')
    .action(
      action(async (code: string, o: CommonOpts & { period: string; value?: string; num?: string; den?: string; note?: string }) => {
        const r = await callApi(o, 'values.set', {
          indicatorCode: code,
          period: parsePeriodArg(o.period, 'period'),
          value: o.value !== undefined ? parseNumberArg(o.value, 'value') : undefined,
          numerator: o.num !== undefined ? parseNumberArg(o.num, 'num') : undefined,
          denominator: o.den !== undefined ? parseNumberArg(o.den, 'den') : undefined,
          note: o.note,
        });
        print(o, r, () => `${code} ${o.period}: ${formatPercentVi(r.value)}`);
      }),
    );

  const db = program.commands.find((c) => c.name() === 'db') ?? program.command('db').description('tệp cơ sở dữ liệu (the database file)');
  withCommon(db.command('compact').description('thu gọn lịch sử thành phố đã xác nhận (compact acknowledged history)')).action(
    action(async (o: CommonOpts) => {
      const r = await callApi(o, 'db.compact', {});
      print(o, r, () => compactText(r, langOf(o)));
    }),
  );
}

function compactText(r: CompactResult, lang: 'vi' | 'en'): string {
  const mb = (n: number) => (lang === 'vi' ? (n / 1048576).toFixed(1).replace('.', ',') : (n / 1048576).toFixed(1));
  const size = `${mb(r.bytesBefore)} MB → ${mb(r.bytesAfter)} MB`;
  if (lang === 'en') {
    const what =
      r.changesCompacted > 0
        ? `Compacted ${r.changesCompacted} acknowledged changes: kept the latest version of ${r.rowsKept} rows, removed ${r.versionsRemoved} earlier versions.`
        : 'Nothing new to compact: the city has acknowledged no further changes.';
    return `${what} Changes the city has not acknowledged are kept as they were. File: ${size}${r.vacuumed ? ' (space given back with VACUUM)' : ''}.`;
  }
  const what =
    r.changesCompacted > 0
      ? `Đã thu gọn ${r.changesCompacted} thay đổi thành phố đã xác nhận: giữ bản mới nhất của ${r.rowsKept} dòng, bỏ ${r.versionsRemoved} bản cũ.`
      : 'Không có gì mới để thu gọn: thành phố chưa xác nhận thêm thay đổi nào.';
  return `${what} Các thay đổi thành phố chưa xác nhận được giữ nguyên. Tệp: ${size}${r.vacuumed ? ' (đã trả lại dung lượng trống bằng VACUUM)' : ''}.`;
}
