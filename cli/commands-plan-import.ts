/**
 * `wardplan plan import FILE`: the plan a ward already keeps, from its Excel appendix or the Word
 * table of its plan. It previews first (every row as it will become a task, with its errors and
 * warnings), prints that preview with --dry-run, and otherwise imports through the same API the
 * app's import screen uses.
 */
import path from 'node:path';
import { IMPORT_FIELDS, type ColumnTarget, type ImportIssue, type PlanImportPreview } from '../shared/api/contract-plan-import';
import { AppError } from '../shared/errors';
import { formatMessage, type Lang } from '../shared/i18n/messages';
import { formatDateVi } from '../shared/rules/format-vi';
import { CliFailure, parseYearArg, readInputFile, type CommonOpts } from './run';
import { command, type CliContext, type CommandSpec } from './table';
import { cliText, type CliKey } from './texts';

interface ImportOpts extends CommonOpts {
  year?: string;
  createMissing?: boolean;
  onlyValid?: boolean;
  dryRun?: boolean;
  map?: string;
}

/** "C=lead,D=partners,H=ignore" → { C: 'lead', D: 'partners', H: 'ignore' }. */
export function parseMapping(text: string): Record<string, ColumnTarget> {
  const targets: readonly string[] = [...IMPORT_FIELDS, 'ignore'];
  const out: Record<string, ColumnTarget> = {};
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z]{1,3})\s*=\s*([a-z]+)$/.exec(pair);
    if (!m || !targets.includes(m[2]!))
      throw new AppError('plan_import.bad_map', {
        value: text,
        fields: targets.join(', '),
      });
    out[m[1]!.toUpperCase()] = m[2] as ColumnTarget;
  }
  if (Object.keys(out).length === 0)
    throw new AppError('plan_import.bad_map', {
      value: text,
      fields: targets.join(', '),
    });
  return out;
}

function issueLines(lang: Lang, mark: string, issues: ImportIssue[]): string[] {
  return issues.map((i) => `      ${mark} ${formatMessage(lang, i.code, i.params)}`);
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/** The preview as text: where the table is, what each column holds, then every row as a task. */
export function previewText(p: PlanImportPreview, lang: Lang): string {
  const t = (key: CliKey, params?: Record<string, string | number>) => cliText(lang, key, params);
  const out: string[] = [];
  out.push(t('preview.table', { table: p.table, rows: p.headerRows.join(', '), year: p.year }) + (p.planExists ? '' : t('preview.plan_new')));
  out.push(t('preview.columns'));
  for (const c of p.columns) if (c.header !== '' || c.field) out.push(`  ${c.column} "${c.header}" → ${c.field ?? t('preview.not_recognised')}`);
  if (p.proposedUnits.length > 0) {
    out.push(t('preview.new_units'));
    for (const u of p.proposedUnits) out.push(`  + ${u.code}: ${u.name}`);
  }
  if (p.proposedDirectives.length > 0) {
    out.push(t('preview.new_directives'));
    for (const d of p.proposedDirectives) out.push(`  + ${d.code}: ${d.number}${d.title !== d.number ? ` (${clip(d.title, 60)})` : ''}`);
  }
  const sections = new Map(p.sections.map((s) => [s.row, s]));
  const rowLabel = t('word.row');
  const events = [...p.sections.map((s) => s.row), ...p.rows.map((r) => r.row)].sort((a, b) => a - b);
  const rows = new Map(p.rows.map((r) => [r.row, r]));
  for (const at of events) {
    const sec = sections.get(at);
    if (sec) {
      out.push(`${rowLabel} ${at}: ${t('preview.section')} "${sec.text}" → ${sec.areaCode ?? '?'}`);
      continue;
    }
    const r = rows.get(at)!;
    const task = r.task;
    const mark = r.errors.length > 0 ? '✗' : '✓';
    out.push(`${mark} ${rowLabel} ${r.row}: ${task.no ?? '-'}. [${task.areaCode ?? '?'}] ${clip(task.content, 80)}`);
    const partners = [...task.partnerUnitCodes, ...(task.partnerNote ? [`"${task.partnerNote}"`] : [])].join('; ');
    const when = task.timeline ? `${task.timeline}${task.deadline ? ` (${t('preview.due', { date: formatDateVi(task.deadline) })})` : ''}` : '-';
    out.push(`      ${t('preview.task_line', { lead: task.leadUnitCode ?? '-', partners: partners || '-', when, source: task.sourceLabel ?? '-' })}`);
    out.push(...issueLines(lang, '✗', r.errors), ...issueLines(lang, '!', r.warnings));
  }
  const c = p.counts;
  out.push(t('preview.counts', { rows: c.rows, valid: c.valid, errors: c.withErrors, warnings: c.withWarnings }));
  if (p.unmapped.length > 0) {
    out.push(t('preview.unmapped', { columns: p.unmapped.join(', '), example: p.unmapped.map((x) => `${x}=ignore`).join(',') }));
  }
  return out.join('\n');
}

/** The rows with errors, as the old sheet import printed them: one line per reason. */
function refuseRows(ctx: CliContext, p: PlanImportPreview): never {
  const { o, lang } = ctx;
  const bad = p.rows.filter((r) => r.errors.length > 0);
  const params = { count: bad.length, rows: bad.map((r) => r.row).join(', ') };
  const summary = formatMessage(lang, 'plan_import.rows_invalid', params);
  const rows = bad.map((r) => ({
    row: r.row,
    reasons: r.errors.map((x) => ({
      ...x,
      message: formatMessage(lang, x.code, x.params),
    })),
  }));
  if (o.json) process.stdout.write(`${JSON.stringify({ error: { code: 'plan_import.rows_invalid', params, message: summary, rows } }, null, 2)}\n`);
  const lines = rows.flatMap((r) => r.reasons.map((x) => `  ${ctx.t('word.row')} ${r.row}: ${x.message}`));
  process.stderr.write(`${ctx.t('word.error')}: ${summary}\n${lines.join('\n')}\n`);
  throw new CliFailure(1);
}

export const planImportCommands: CommandSpec[] = [
  command({
    name: 'plan import',
    help: 'help.plan.import',
    args: ['<file>'],
    options: [
      { flags: '--year <year>', help: 'opt.import_year' },
      { flags: '--create-missing', help: 'opt.create_missing' },
      { flags: '--only-valid', help: 'opt.only_valid' },
      { flags: '--map <pairs>', help: 'opt.map' },
      { flags: '--dry-run', help: 'opt.dry_run' },
    ],
    run: (ctx, file: string) => importFile(ctx, file),
  }),
];

async function importFile(ctx: CliContext, file: string): Promise<void> {
  const o = ctx.o as ImportOpts;
  readInputFile(file);
  const ref = { path: path.resolve(file) };
  const mapping = o.map ? parseMapping(o.map) : undefined;
  const year =
    o.year !== undefined ? parseYearArg(o.year, 'year') : ((await ctx.ward('plans.list', {}))[0]?.year ?? Number(new Date().toISOString().slice(0, 4)));
  const preview = await ctx.ward('planImport.preview', { file: ref, year, mapping });
  if (o.dryRun) {
    print(ctx, preview, () => previewText(preview, ctx.lang));
    return;
  }
  if (preview.unmapped.length === 0 && preview.counts.withErrors > 0 && !o.onlyValid) refuseRows(ctx, preview);
  const r = await ctx.ward('planImport.apply', { file: ref, year, mapping, createMissing: !!o.createMissing, onlyValid: !!o.onlyValid });
  print(ctx, r, () =>
    [
      ctx.t(r.planCreated ? 'import.done_new_plan' : 'import.done', { n: r.imported, year: r.year }),
      ...(r.createdUnits.length + r.createdDirectives.length > 0
        ? [ctx.t('import.created', { units: r.createdUnits.length, directives: r.createdDirectives.length })]
        : []),
      ...(r.skipped > 0 ? [ctx.t('import.skipped', { n: r.skipped })] : []),
      ...(r.mappingRemembered ? [ctx.t('import.mapping_remembered')] : []),
    ].join('\n'),
  );
}

function print(ctx: CliContext, value: unknown, human: () => string): void {
  process.stdout.write(ctx.o.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}
