/**
 * Editing and retiring the ward's own lists, and correcting a task, a progress entry or an
 * evidence file: the same API methods as the Danh mục screen. Lists are named by their codes
 * (plans by year); the API takes ids, looked up here through the API too.
 */
import path from 'node:path';
import { schemas } from '../shared/api/contract';
import { AppError, type ErrorCode } from '../shared/errors';
import { parseNumberArg, parseYearArg } from './run';
import { command, fieldOption, type CliContext, type CommandSpec } from './table';

type O = Record<string, string | boolean | undefined>;
const s = (ctx: CliContext, k: string) => {
  const v = (ctx.o as O)[k];
  return typeof v === 'string' ? v : undefined;
};

async function planId(ctx: CliContext, year: string): Promise<string> {
  const y = parseYearArg(year, 'year');
  const p = (await ctx.ward('plans.list', {})).find((x) => x.year === y);
  if (!p) throw new AppError('plan.not_found', { year: y });
  return p.id;
}

async function ownId(ctx: CliContext, list: 'units.list' | 'directives.list', code: string, notFound: ErrorCode): Promise<string> {
  const rows: Array<{ id: string; code: string }> = await ctx.ward(list, {});
  const r = rows.find((x) => x.code === code);
  if (!r) throw new AppError(notFound, { code });
  return r.id;
}

async function indicatorId(ctx: CliContext, code: string): Promise<string> {
  const r = (await ctx.ward('indicators.list', {})).find((x) => x.code === code);
  if (!r) throw new AppError('indicator.not_found', { code });
  return r.id;
}

const optNum = (v: string | undefined, field: string) => (v === undefined ? undefined : parseNumberArg(v, field));
/** An option given as "" clears the field; one not given leaves it alone. */
const clearable = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : v);

function targetOf(ctx: CliContext) {
  const [year, comparator, target] = [s(ctx, 'year'), s(ctx, 'comparator'), s(ctx, 'target')];
  if (target === undefined) return undefined;
  if (!year || !comparator) throw new AppError('cli.usage', { detail: '--target needs --year and --comparator' });
  return {
    year: parseYearArg(year, 'year'),
    comparator,
    target: parseNumberArg(target, 'target'),
    baseline: optNum(s(ctx, 'baseline'), 'baseline') ?? null,
  };
}

const reasonOption = { flags: '--reason <text>', help: 'opt.reason' } as const;
const targetOptions = [
  { flags: '--year <year>', help: 'opt.indicator_year' },
  { flags: '--comparator <op>', help: 'opt.comparator' },
  { flags: '--target <x>', help: 'opt.target' },
  { flags: '--baseline <x>', help: 'opt.baseline' },
] as const;

export const listCommands: CommandSpec[] = [
  command({
    name: 'plan update',
    help: 'help.plan.update',
    args: ['<year>'],
    options: [
      { flags: '--title <text>', help: 'opt.title' },
      { flags: '--number <text>', help: 'opt.doc_number_clear' },
      { flags: '--issued-on <date>', help: 'opt.issued_date' },
      { flags: '--signer <name>', help: 'opt.signer' },
      { flags: '--signer-title <text>', help: 'opt.signer_title' },
      { flags: '--goal <text>', help: 'opt.goal' },
    ],
    run: async (ctx, year: string) =>
      ctx.ward('plans.update', {
        id: await planId(ctx, year),
        patch: {
          title: s(ctx, 'title'),
          docNumber: clearable(s(ctx, 'number')),
          issuedOn: clearable(s(ctx, 'issuedOn')),
          signerName: clearable(s(ctx, 'signer')),
          signerTitle: clearable(s(ctx, 'signerTitle')),
          generalGoal: clearable(s(ctx, 'goal')),
        },
      }),
    print: (p) => `${p.year}: ${p.title}`,
  }),
  command({
    name: 'plan retire',
    help: 'help.plan.retire',
    args: ['<year>'],
    run: async (ctx, year: string) => ctx.ward('plans.retire', { id: await planId(ctx, year) }),
    print: (r) => r.id,
  }),
  command({
    name: 'unit update',
    help: 'help.unit.update',
    args: ['<code>'],
    options: [fieldOption(schemas['units.update'], 'name', '--name <name>', 'opt.name')],
    run: async (ctx, code: string) => ctx.ward('units.update', { id: await ownId(ctx, 'units.list', code, 'unit.not_found'), name: s(ctx, 'name')! }),
    print: (u) => `${u.code} ${u.name}`,
  }),
  command({
    name: 'unit retire',
    help: 'help.unit.retire',
    args: ['<code>'],
    run: async (ctx, code: string) => ctx.ward('units.retire', { id: await ownId(ctx, 'units.list', code, 'unit.not_found') }),
    print: (r) => r.id,
  }),
  command({
    name: 'directive update',
    help: 'help.directive.update',
    args: ['<code>'],
    options: [
      { flags: '--number <text>', help: 'opt.directive_number' },
      { flags: '--date <date>', help: 'opt.issued_date' },
      { flags: '--issuer <text>', help: 'opt.issuer' },
      { flags: '--title <text>', help: 'opt.title' },
    ],
    run: async (ctx, code: string) =>
      ctx.ward('directives.update', {
        id: await ownId(ctx, 'directives.list', code, 'directive.not_found'),
        patch: { number: clearable(s(ctx, 'number')), date: clearable(s(ctx, 'date')), issuer: s(ctx, 'issuer'), title: s(ctx, 'title') },
      }),
    print: (d) => `${d.code} ${d.number} ${d.title}`,
  }),
  command({
    name: 'directive retire',
    help: 'help.directive.retire',
    args: ['<code>'],
    run: async (ctx, code: string) => ctx.ward('directives.retire', { id: await ownId(ctx, 'directives.list', code, 'directive.not_found') }),
    print: (r) => r.id,
  }),
  command({
    name: 'indicator add',
    help: 'help.indicator.add',
    options: [
      { flags: '--code <code>', help: 'opt.code', required: true },
      { flags: '--area <code>', help: 'opt.area', required: true },
      { flags: '--name <text>', help: 'opt.name', required: true },
      { flags: '--unit <text>', help: 'opt.indicator_unit', required: true },
      { flags: '--ratio', help: 'opt.ratio' },
      { flags: '--num-label <text>', help: 'opt.num_label' },
      { flags: '--den-label <text>', help: 'opt.den_label' },
      ...targetOptions,
    ],
    run: (ctx) =>
      ctx.ward('indicators.add', {
        code: s(ctx, 'code')!,
        areaCode: s(ctx, 'area')!,
        name: s(ctx, 'name')!,
        unit: s(ctx, 'unit')!,
        isRatio: !!ctx.o.ratio,
        numeratorLabel: s(ctx, 'numLabel'),
        denominatorLabel: s(ctx, 'denLabel'),
        target: targetOf(ctx),
      }),
    print: (r) => r.id,
  }),
  command({
    name: 'indicator update',
    help: 'help.indicator.update',
    args: ['<code>'],
    options: [
      { flags: '--area <code>', help: 'opt.area' },
      { flags: '--name <text>', help: 'opt.name' },
      { flags: '--unit <text>', help: 'opt.indicator_unit' },
      ...targetOptions,
    ],
    run: async (ctx, code: string) =>
      ctx.ward('indicators.update', {
        id: await indicatorId(ctx, code),
        patch: { areaCode: s(ctx, 'area'), name: s(ctx, 'name'), unit: s(ctx, 'unit'), target: targetOf(ctx) },
      }),
    print: (r) => r.id,
  }),
  command({
    name: 'indicator retire',
    help: 'help.indicator.retire',
    args: ['<code>'],
    run: async (ctx, code: string) => ctx.ward('indicators.retire', { id: await indicatorId(ctx, code) }),
    print: (r) => r.id,
  }),
  command({
    name: 'task delete',
    help: 'help.task.delete',
    args: ['<id>'],
    options: [reasonOption],
    run: (ctx, id: string) => ctx.ward('tasks.delete', { id, reason: s(ctx, 'reason') }),
    print: (r) => r.id,
  }),
  command({
    name: 'task history',
    help: 'help.task.history',
    args: ['<id>'],
    run: (ctx, id: string) => ctx.ward('tasks.history', { id }),
    print: (h) =>
      h
        .map(
          (e) =>
            `${e.at}  ${e.actor}  ${e.action}  ${e.subject}${e.reason ? `  (${e.reason})` : ''}${e.changes.map((c) => `\n    ${c.field}: ${c.from ?? '—'} → ${c.to ?? '—'}`).join('')}`,
        )
        .join('\n'),
  }),
  command({
    name: 'progress correct',
    help: 'help.progress.correct',
    args: ['<id>'],
    options: [
      { flags: '--status <status>', help: 'opt.recorded_status' },
      { flags: '--percent <n>', help: 'opt.percent' },
      { flags: '--note <text>', help: 'opt.note' },
      { flags: '--date <date>', help: 'opt.date' },
      reasonOption,
    ],
    run: (ctx, id: string) =>
      ctx.ward('progress.correct', {
        id,
        status: s(ctx, 'status') as 'not_started' | 'in_progress' | 'done' | undefined,
        percent: optNum(s(ctx, 'percent'), 'percent'),
        note: s(ctx, 'note'),
        date: s(ctx, 'date'),
        reason: s(ctx, 'reason'),
      }),
    print: (r) => r.id,
  }),
  command({
    name: 'progress remove',
    help: 'help.progress.remove',
    args: ['<id>'],
    options: [reasonOption],
    run: (ctx, id: string) => ctx.ward('progress.remove', { id, reason: s(ctx, 'reason') }),
    print: (r) => r.id,
  }),
  command({
    name: 'evidence remove',
    help: 'help.evidence.remove',
    args: ['<id>'],
    options: [reasonOption],
    run: (ctx, id: string) => ctx.ward('evidence.remove', { id, reason: s(ctx, 'reason') }),
    print: (r) => r.id,
  }),
  command({
    name: 'evidence save',
    help: 'help.evidence.save',
    args: ['<id>', '<file>'],
    run: (ctx, id: string, file: string) => ctx.ward('evidence.saveCopy', { id, outPath: path.resolve(file) }),
    print: (r) => r.path,
  }),
];
