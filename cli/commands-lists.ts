/**
 * Editing and retiring the ward's own lists from the command line, and correcting a task, a
 * progress entry or an evidence file: the same API methods as the Danh mục screen. Lists are
 * named by their codes (plans by year); the API takes ids, looked up here.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { AppError, type ErrorCode } from '../shared/errors';
import { action, callApi, parseYearArg, parseNumberArg, print, withCommon, type CommonOpts } from './run';

function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

async function planId(o: CommonOpts, year: string): Promise<string> {
  const y = parseYearArg(year, 'year');
  const p = (await callApi(o, 'plans.list', {})).find((x) => x.year === y);
  if (!p) throw new AppError('plan.not_found', { year: y });
  return p.id;
}

async function ownId(o: CommonOpts, list: 'units.list' | 'directives.list', code: string, notFound: ErrorCode): Promise<string> {
  const rows = (await callApi(o, list, {})) as Array<{ id: string; code: string; owner: string }>;
  const r = rows.find((x) => x.code === code);
  if (!r) throw new AppError(notFound, { code });
  return r.id;
}

async function indicatorId(o: CommonOpts, code: string): Promise<string> {
  const r = (await callApi(o, 'indicators.list', {})).find((x) => x.code === code);
  if (!r) throw new AppError('indicator.not_found', { code });
  return r.id;
}

const optNum = (v: string | undefined, field: string) => (v === undefined ? undefined : parseNumberArg(v, field));
/** An option given as "" clears the field; one not given leaves it alone. */
const clearable = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : v);

interface TargetOpts {
  year?: string;
  comparator?: string;
  target?: string;
  baseline?: string;
}

function targetOf(o: TargetOpts) {
  if (o.target === undefined) return undefined;
  if (!o.year || !o.comparator) throw new AppError('cli.usage', { detail: '--target needs --year and --comparator' });
  return {
    year: parseYearArg(o.year, 'year'),
    comparator: o.comparator,
    target: parseNumberArg(o.target, 'target'),
    baseline: optNum(o.baseline, 'baseline') ?? null,
  };
}

export function registerListCommands(program: Command): void {
  const plan = group(program, 'plan', 'kế hoạch (plans)');
  withCommon(plan.command('update').argument('<year>').description('sửa kế hoạch năm (edit a plan)'))
    .option('--title <text>')
    .option('--number <text>', 'số, ký hiệu (111/KH-UBND); "" để xóa')
    .option('--issued-on <date>', 'ngày ban hành YYYY-MM-DD')
    .option('--signer <name>', 'người ký')
    .option('--signer-title <text>', 'chức vụ người ký')
    .option('--goal <text>', 'mục tiêu chung')
    .action(
      action(
        async (year: string, o: CommonOpts & { title?: string; number?: string; issuedOn?: string; signer?: string; signerTitle?: string; goal?: string }) => {
          const p = await callApi(o, 'plans.update', {
            id: await planId(o, year),
            patch: {
              title: o.title,
              docNumber: clearable(o.number),
              issuedOn: clearable(o.issuedOn),
              signerName: clearable(o.signer),
              signerTitle: clearable(o.signerTitle),
              generalGoal: clearable(o.goal),
            },
          });
          print(o, p, () => `${p.year}: ${p.title}`);
        },
      ),
    );
  withCommon(plan.command('retire').argument('<year>').description('xóa kế hoạch năm chưa có nhiệm vụ (delete an empty plan)')).action(
    action(async (year: string, o: CommonOpts) => {
      const r = await callApi(o, 'plans.retire', { id: await planId(o, year) });
      print(o, r, () => r.id);
    }),
  );

  const unit = group(program, 'unit', 'đơn vị (units)');
  withCommon(unit.command('update').argument('<code>'))
    .requiredOption('--name <name>')
    .action(
      action(async (code: string, o: CommonOpts & { name: string }) => {
        const u = await callApi(o, 'units.update', { id: await ownId(o, 'units.list', code, 'unit.not_found'), name: o.name });
        print(o, u, () => `${u.code} ${u.name}`);
      }),
    );
  withCommon(unit.command('retire').argument('<code>')).action(
    action(async (code: string, o: CommonOpts) => {
      const r = await callApi(o, 'units.retire', { id: await ownId(o, 'units.list', code, 'unit.not_found') });
      print(o, r, () => r.id);
    }),
  );

  const directive = group(program, 'directive', 'văn bản căn cứ (directives)');
  withCommon(directive.command('update').argument('<code>'))
    .option('--number <text>', '"" khi là nhóm văn bản không có số')
    .option('--date <date>')
    .option('--issuer <text>')
    .option('--title <text>')
    .action(
      action(async (code: string, o: CommonOpts & { number?: string; date?: string; issuer?: string; title?: string }) => {
        const d = await callApi(o, 'directives.update', {
          id: await ownId(o, 'directives.list', code, 'directive.not_found'),
          patch: { number: clearable(o.number), date: clearable(o.date), issuer: o.issuer, title: o.title },
        });
        print(o, d, () => `${d.code} ${d.number} ${d.title}`);
      }),
    );
  withCommon(directive.command('retire').argument('<code>')).action(
    action(async (code: string, o: CommonOpts) => {
      const r = await callApi(o, 'directives.retire', { id: await ownId(o, 'directives.list', code, 'directive.not_found') });
      print(o, r, () => r.id);
    }),
  );

  const indicator = group(program, 'indicator', 'chỉ tiêu của phường (ward indicators)');
  withCommon(indicator.command('add'))
    .requiredOption('--code <code>')
    .requiredOption('--area <code>')
    .requiredOption('--name <text>')
    .requiredOption('--unit <text>', 'đơn vị tính (%, hồ sơ, …)')
    .option('--ratio', 'tính theo tỷ lệ tử số/mẫu số')
    .option('--num-label <text>', 'tên tử số')
    .option('--den-label <text>', 'tên mẫu số')
    .option('--year <year>', 'năm của chỉ tiêu')
    .option('--comparator <op>', '>, >=, =, <=, <')
    .option('--target <x>')
    .option('--baseline <x>')
    .action(
      action(
        async (
          o: CommonOpts & TargetOpts & { code: string; area: string; name: string; unit: string; ratio?: boolean; numLabel?: string; denLabel?: string },
        ) => {
          const r = await callApi(o, 'indicators.add', {
            code: o.code,
            areaCode: o.area,
            name: o.name,
            unit: o.unit,
            isRatio: !!o.ratio,
            numeratorLabel: o.numLabel,
            denominatorLabel: o.denLabel,
            target: targetOf(o),
          });
          print(o, r, () => r.id);
        },
      ),
    );
  withCommon(indicator.command('update').argument('<code>'))
    .option('--area <code>')
    .option('--name <text>')
    .option('--unit <text>')
    .option('--year <year>')
    .option('--comparator <op>')
    .option('--target <x>')
    .option('--baseline <x>')
    .action(
      action(async (code: string, o: CommonOpts & TargetOpts & { area?: string; name?: string; unit?: string }) => {
        const r = await callApi(o, 'indicators.update', {
          id: await indicatorId(o, code),
          patch: { areaCode: o.area, name: o.name, unit: o.unit, target: targetOf(o) },
        });
        print(o, r, () => r.id);
      }),
    );
  withCommon(indicator.command('retire').argument('<code>')).action(
    action(async (code: string, o: CommonOpts) => {
      const r = await callApi(o, 'indicators.retire', { id: await indicatorId(o, code) });
      print(o, r, () => r.id);
    }),
  );

  const task = group(program, 'task', 'một nhiệm vụ (one task)');
  withCommon(task.command('delete').argument('<id>').option('--reason <text>')).action(
    action(async (id: string, o: CommonOpts & { reason?: string }) => {
      const r = await callApi(o, 'tasks.delete', { id, reason: o.reason });
      print(o, r, () => r.id);
    }),
  );
  withCommon(task.command('history').argument('<id>')).action(
    action(async (id: string, o: CommonOpts) => {
      const h = await callApi(o, 'tasks.history', { id });
      print(o, h, () =>
        h
          .map(
            (e) =>
              `${e.at}  ${e.actor}  ${e.action}  ${e.subject}${e.reason ? `  (${e.reason})` : ''}${e.changes.map((c) => `\n    ${c.field}: ${c.from ?? '—'} → ${c.to ?? '—'}`).join('')}`,
          )
          .join('\n'),
      );
    }),
  );

  const progress = group(program, 'progress', 'cập nhật tiến độ (progress entries)');
  withCommon(progress.command('correct').argument('<id>'))
    .option('--status <status>', 'not_started|in_progress|done')
    .option('--percent <n>')
    .option('--note <text>')
    .option('--date <date>')
    .option('--reason <text>')
    .action(
      action(async (id: string, o: CommonOpts & { status?: string; percent?: string; note?: string; date?: string; reason?: string }) => {
        const r = await callApi(o, 'progress.correct', {
          id,
          status: o.status as 'not_started' | 'in_progress' | 'done' | undefined,
          percent: optNum(o.percent, 'percent'),
          note: o.note,
          date: o.date,
          reason: o.reason,
        });
        print(o, r, () => r.id);
      }),
    );
  withCommon(progress.command('remove').argument('<id>').option('--reason <text>')).action(
    action(async (id: string, o: CommonOpts & { reason?: string }) => {
      const r = await callApi(o, 'progress.remove', { id, reason: o.reason });
      print(o, r, () => r.id);
    }),
  );

  const evidence = group(program, 'evidence', 'minh chứng (evidence files)');
  withCommon(evidence.command('remove').argument('<id>').option('--reason <text>')).action(
    action(async (id: string, o: CommonOpts & { reason?: string }) => {
      const r = await callApi(o, 'evidence.remove', { id, reason: o.reason });
      print(o, r, () => r.id);
    }),
  );
  withCommon(evidence.command('save').argument('<id>').argument('<file>').description('lưu bản sao đã kiểm tra (save a verified copy)')).action(
    action(async (id: string, file: string, o: CommonOpts) => {
      const r = await callApi(o, 'evidence.saveCopy', { id, outPath: path.resolve(file) });
      print(o, r, () => r.path);
    }),
  );
}
