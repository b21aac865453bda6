/** The ward's everyday commands: create, summarise, add units, directives, plans, tasks, progress and values. */
import fs from 'node:fs';
import path from 'node:path';
import { schemas } from '../shared/api/contract';
import type { TaskItem, WardSummary } from '../shared/api/types';
import { AppError } from '../shared/errors';
import { formatDateVi, formatPercentVi } from '../shared/rules/format-vi';
import { taskStatusLabel, type TaskStatus } from '../shared/rules/task-status';
import { parseDateArg, parseNumberArg, parsePeriodArg, parseYearArg, readInputFile } from './run';
import { command, fieldOption, type CliContext, type CommandSpec } from './table';

const STATUSES: TaskStatus[] = ['not_started', 'in_progress', 'overdue', 'done', 'done_late'];

type O = Record<string, string | undefined>;
const str = (ctx: CliContext, k: string) => (ctx.o as O)[k];

function refuseExisting(dbPath: string): void {
  if (fs.existsSync(path.resolve(dbPath))) throw new AppError('db.exists', { path: path.resolve(dbPath) });
}

function summaryText(s: WardSummary, ctx: CliContext): string {
  const { t, lang } = ctx;
  const task = (x: WardSummary['tasks']['overdue'][number]) => `  ${x.no}. ${x.content.slice(0, 90)} (${x.deadline ? formatDateVi(x.deadline) : ''})`;
  return [
    `${s.ward.name} (${s.ward.code}) — ${s.plan ? s.plan.title : '-'} — ${formatDateVi(s.asOf)}`,
    t('summary.tasks', { n: s.tasks.total }),
    ...STATUSES.map((st) => `  ${taskStatusLabel(st, lang)}: ${s.tasks.byStatus[st]}`),
    t('summary.indicators', { total: s.indicators.total, met: s.indicators.met, notMet: s.indicators.notMet, noData: s.indicators.noData }),
    ...(s.tasks.overdue.length ? [t('summary.overdue'), ...s.tasks.overdue.map(task)] : []),
    ...(s.tasks.upcoming.length ? [t('summary.upcoming'), ...s.tasks.upcoming.map(task)] : []),
  ].join('\n');
}

function taskLine(x: TaskItem, ctx: CliContext): string {
  return `${String(x.no).padStart(3)}  ${x.id}  [${taskStatusLabel(x.status, ctx.lang)}] ${x.areaCode}/${x.leadUnitCode}  ${x.content.slice(0, 80)}`;
}

const addTask = schemas['tasks.add'];

export const wardCommands: CommandSpec[] = [
  command({
    name: 'init',
    help: 'help.init',
    options: [
      { flags: '--ward <code>', help: 'opt.ward_code', required: true },
      { flags: '--name <name>', help: 'opt.ward_name', required: true },
      { flags: '--city <code>', help: 'opt.city_code' },
      { flags: '--city-name <name>', help: 'opt.city_name' },
      { flags: '--officer <name>', help: 'opt.officer' },
    ],
    run: async (ctx) => {
      const o = ctx.o as O;
      refuseExisting(o.db!);
      const city = o.city ?? o.ward!.split('-')[0] ?? o.ward!;
      return ctx.ward('app.setup', {
        wardCode: o.ward!,
        wardName: o.name!,
        cityCode: city,
        cityName: o.cityName ?? city,
        officerName: o.officer ?? o.name!,
        demo: false,
      });
    },
    print: (p, ctx) => ctx.t('init.done', { name: p.orgName, code: p.orgCode, path: String(ctx.o.db) }),
  }),
  command({
    name: 'demo',
    help: 'help.demo',
    run: async (ctx) => {
      refuseExisting(String(ctx.o.db));
      return ctx.ward('app.setup', {
        wardCode: 'demo',
        wardName: 'demo',
        cityCode: 'demo',
        cityName: 'demo',
        officerName: 'Cán bộ chuyên trách CNTT',
        demo: true,
      });
    },
    print: (p, ctx) => ctx.t('demo.done', { name: p.orgName, path: String(ctx.o.db) }),
  }),
  command({
    name: 'summary',
    help: 'help.summary',
    options: [
      { flags: '--as-of <date>', help: 'opt.as_of' },
      { flags: '--year <year>', help: 'opt.plan_year' },
    ],
    run: (ctx) => {
      const o = ctx.o as O;
      return ctx.ward('summary.get', {
        asOf: o.asOf ? parseDateArg(o.asOf, 'as-of') : undefined,
        year: o.year ? parseYearArg(o.year, 'year') : undefined,
      });
    },
    print: summaryText,
  }),
  command({
    name: 'unit add',
    help: 'help.unit.add',
    options: [fieldOption(schemas['units.add'], 'code', '--code <code>', 'opt.code'), fieldOption(schemas['units.add'], 'name', '--name <name>', 'opt.name')],
    run: (ctx) => ctx.ward('units.add', { code: str(ctx, 'code')!, name: str(ctx, 'name')! }),
    print: (u) => u.id,
  }),
  command({
    name: 'unit list',
    help: 'help.unit.list',
    run: (ctx) => ctx.ward('units.list', {}),
    print: (us) => us.map((u) => `${u.code.padEnd(10)} ${u.name}`).join('\n'),
  }),
  command({
    name: 'directive add',
    help: 'help.directive.add',
    options: [
      { flags: '--code <code>', help: 'opt.code', required: true },
      { flags: '--number <number>', help: 'opt.directive_number' },
      { flags: '--date <date>', help: 'opt.issued_date' },
      { flags: '--issuer <issuer>', help: 'opt.issuer', required: true },
      { flags: '--title <title>', help: 'opt.title', required: true },
    ],
    run: (ctx) => {
      const o = ctx.o as O;
      return ctx.ward('directives.add', { code: o.code!, number: o.number, date: o.date, issuer: o.issuer!, title: o.title! });
    },
    print: (d) => d.id,
  }),
  command({
    name: 'plan add',
    help: 'help.plan.add',
    options: [
      { flags: '--year <year>', help: 'opt.plan_year', required: true },
      { flags: '--title <title>', help: 'opt.title', required: true },
      { flags: '--number <number>', help: 'opt.doc_number' },
    ],
    run: (ctx) => {
      const o = ctx.o as O;
      return ctx.ward('plans.add', { year: parseYearArg(o.year!, 'year'), title: o.title!, docNumber: o.number });
    },
    print: (p) => p.id,
  }),
  command({
    name: 'tasks list',
    help: 'help.tasks.list',
    options: [
      { flags: '--status <status>', help: 'opt.status' },
      { flags: '--area <code>', help: 'opt.area' },
      { flags: '--search <text>', help: 'opt.search' },
      { flags: '--plan <year>', help: 'opt.plan_year' },
      { flags: '--as-of <date>', help: 'opt.as_of' },
    ],
    run: (ctx) => {
      const o = ctx.o as O;
      return ctx.ward('tasks.list', {
        status: o.status as TaskStatus | undefined,
        areaCode: o.area,
        search: o.search,
        planYear: o.plan ? parseYearArg(o.plan, 'plan') : undefined,
        asOf: o.asOf ? parseDateArg(o.asOf, 'as-of') : undefined,
      });
    },
    print: (ts, ctx) => ts.map((x) => taskLine(x, ctx)).join('\n'),
  }),
  command({
    name: 'task add',
    help: 'help.task.add',
    options: [
      { flags: '--plan <year>', help: 'opt.plan_year' },
      fieldOption(addTask, 'areaCode', '--area <code>', 'opt.area'),
      fieldOption(addTask, 'content', '--content <text>', 'opt.content'),
      fieldOption(addTask, 'leadUnitCode', '--lead <unit>', 'opt.lead'),
      fieldOption(addTask, 'partnerUnitCodes', '--partners <units>', 'opt.partners'),
      fieldOption(addTask, 'timeline', '--timeline <text>', 'opt.timeline'),
      fieldOption(addTask, 'deadline', '--deadline <date>', 'opt.deadline'),
      fieldOption(addTask, 'sourceCode', '--source <directive>', 'opt.source'),
      fieldOption(addTask, 'output', '--output <text>', 'opt.output'),
      fieldOption(addTask, 'person', '--person <name>', 'opt.person'),
      fieldOption(addTask, 'authority', '--authority <text>', 'opt.authority'),
    ],
    run: (ctx) => {
      const o = ctx.o as O;
      return ctx.ward('tasks.add', {
        planYear: o.plan ? parseYearArg(o.plan, 'plan') : undefined,
        areaCode: o.area!,
        content: o.content!,
        leadUnitCode: o.lead!,
        partnerUnitCodes: o.partners ? o.partners.split(',').map((x) => x.trim()) : undefined,
        timeline: o.timeline,
        deadline: o.deadline,
        sourceCode: o.source,
        output: o.output,
        person: o.person,
        authority: o.authority,
      });
    },
    print: (r) => r.id,
  }),
  command({
    name: 'task update',
    help: 'help.task.update',
    args: ['<id>'],
    options: [
      fieldOption(schemas['tasks.progress'], 'status', '--status <status>', 'opt.recorded_status'),
      { flags: '--percent <n>', help: 'opt.percent' },
      { flags: '--note <text>', help: 'opt.note' },
      { flags: '--date <date>', help: 'opt.date' },
    ],
    run: (ctx, id: string) => {
      const o = ctx.o as O;
      return ctx.ward('tasks.progress', {
        taskId: id,
        status: o.status as 'not_started' | 'in_progress' | 'done',
        percent: o.percent !== undefined ? parseNumberArg(o.percent, 'percent') : undefined,
        note: o.note,
        date: o.date,
      });
    },
    print: (r) => r.id,
  }),
  command({
    name: 'task attach',
    help: 'help.task.attach',
    args: ['<id>', '<file>'],
    run: (ctx, id: string, file: string) =>
      ctx.ward('tasks.attach', { taskId: id, fileName: path.basename(file), contentBase64: readInputFile(file).toString('base64') }),
    print: (r) => `${r.id} sha256:${r.sha256}`,
  }),
  command({
    name: 'indicators list',
    help: 'help.indicators.list',
    options: [
      { flags: '--period <period>', help: 'opt.period' },
      { flags: '--year <year>', help: 'opt.plan_year' },
    ],
    run: (ctx) => {
      const o = ctx.o as O;
      return ctx.ward('indicators.list', {
        period: o.period ? parsePeriodArg(o.period, 'period') : undefined,
        year: o.year ? parseYearArg(o.year, 'year') : undefined,
      });
    },
    print: (is, ctx) =>
      is
        .map(
          (i) =>
            `${i.code.padEnd(7)} ${(i.comparator ?? '').padEnd(2)} ${i.target ?? '-'}${i.unit === '%' ? '%' : ''}  ${
              i.value === null ? '—' : i.unit === '%' ? formatPercentVi(i.value) : String(i.value)
            }  ${ctx.t(i.outcome === 'dat' ? 'outcome.met' : i.outcome === 'chua_dat' ? 'outcome.not_met' : 'outcome.no_data')}  ${i.name.slice(0, 70)}`,
        )
        .join('\n'),
  }),
  command({
    name: 'value set',
    help: 'help.value.set',
    args: ['<code>'],
    options: [
      { flags: '--period <period>', help: 'opt.period', required: true },
      { flags: '--value <x>', help: 'opt.value' },
      { flags: '--num <n>', help: 'opt.numerator' },
      { flags: '--den <d>', help: 'opt.denominator' },
      { flags: '--note <text>', help: 'opt.note' },
    ],
    run: (ctx, code: string) => {
      const o = ctx.o as O;
      return ctx.ward('values.set', {
        indicatorCode: code,
        period: parsePeriodArg(o.period!, 'period'),
        value: o.value !== undefined ? parseNumberArg(o.value, 'value') : undefined,
        numerator: o.num !== undefined ? parseNumberArg(o.num, 'num') : undefined,
        denominator: o.den !== undefined ? parseNumberArg(o.den, 'den') : undefined,
        note: o.note,
      });
    },
    print: (r, ctx) => `${ctx.args[0]} ${str(ctx, 'period')}: ${formatPercentVi(r.value)}`,
  }),
  command({
    name: 'db compact',
    help: 'help.db.compact',
    run: (ctx) => ctx.ward('db.compact', {}),
    print: (r, ctx) => {
      const mb = (n: number) => (n / 1048576).toFixed(1).replace('.', ctx.lang === 'vi' ? ',' : '.');
      const what =
        r.changesCompacted > 0
          ? ctx.t('compact.done', { changes: r.changesCompacted, rows: r.rowsKept, versions: r.versionsRemoved })
          : ctx.t('compact.nothing');
      return `${what} ${ctx.t(r.vacuumed ? 'compact.size_vacuumed' : 'compact.size', { before: mb(r.bytesBefore), after: mb(r.bytesAfter) })}`;
    },
  }),
];
