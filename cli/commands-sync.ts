/** Keys, enrollment and bundles: the ward's side (WardApi) and the city's (CityApi). */
import fs from 'node:fs';
import path from 'node:path';
import { toApiError } from '../shared/api/errors';
import type { ImportOutcome } from '../shared/api/sync-types';
import { AppError, appErrorFrom } from '../shared/errors';
import { formatMessage } from '../shared/i18n/messages';
import { formatDateVi } from '../shared/rules/format-vi';
import { checkNewPassphrase, PassphraseFileKeyStore } from '../db/keys/key-store';
import { todayIso } from '../db/session';
import { passphraseFromEnvOrPrompt } from './passphrase-prompt';
import { parseDateArg, parsePeriodArg } from './run';
import { command, type CliContext, type CommandSpec } from './table';

function outcomeLine(o: ImportOutcome, ctx: CliContext): string {
  const name = path.basename(o.file);
  switch (o.status) {
    case 'applied':
      return `✓ ${ctx.t('import.applied', { name, applied: o.applied, owner: o.owner ?? '', from: o.seqFrom ?? '', to: o.seqTo ?? '' })}${
        o.acknowledged.length ? ctx.t('import.acknowledged', { n: o.acknowledged.length }) : ''
      }`;
    case 'duplicate':
      return `= ${ctx.t('import.duplicate', { name })}`;
    case 'pending':
      return `… ${ctx.t('import.pending', { name, from: o.missing?.from ?? '', to: o.missing?.to ?? '' })}`;
    default:
      return `✗ ${name}: ${o.error ? formatMessage(ctx.lang, o.error.code, o.error.params) : ''}`;
  }
}

function flatten(list: ImportOutcome[]): ImportOutcome[] {
  return list.flatMap((o) => [o, ...flatten(o.released)]);
}

function requireDir(dir: string): string {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new AppError('bundle.out_dir_missing', { path: dir });
  return path.resolve(dir);
}

const asOf = (ctx: CliContext) => (typeof ctx.o.asOf === 'string' ? parseDateArg(ctx.o.asOf, 'as-of') : undefined);

export const syncCommands: CommandSpec[] = [
  command({
    name: 'keys show',
    help: 'help.keys.show',
    // A key made here is new: its passphrase is asked twice.
    run: (ctx) => ctx.ward('keys.ensure', {}, { newKey: true }),
    print: (k, ctx) => ctx.t('keys.shown', { keyId: k.keyId, fingerprint: k.fingerprint }),
  }),
  command({
    name: 'keys rotate',
    help: 'help.keys.rotate',
    run: (ctx) => ctx.ward('keys.rotate', {}),
    print: (r, ctx) => ctx.t('keys.rotated', { from: r.oldKeyId, to: r.newKeyId, fingerprint: r.fingerprint }),
  }),
  command({
    name: 'enroll-request',
    help: 'help.enroll_request',
    options: [{ flags: '--out <file>', help: 'opt.request_out', required: true }],
    run: (ctx) => ctx.ward('keys.enrollmentRequest', { outPath: path.resolve(String(ctx.o.out)) }, { newKey: true }),
    print: (r, ctx) => ctx.t('enroll.request_written', { path: r.path, fingerprint: r.fingerprint }),
  }),
  command({
    name: 'enroll import',
    help: 'help.enroll.import',
    args: ['<file>'],
    run: (ctx, file: string) => ctx.ward('enroll.import', { path: path.resolve(file) }),
    print: (r, ctx) => ctx.t('enroll.imported', { city: r.cityCode, fingerprint: r.cityFingerprint }),
  }),
  command({
    name: 'bundle export',
    help: 'help.bundle.export',
    options: [
      { flags: '--out <dir>', help: 'opt.bundle_out', required: true },
      { flags: '--full', help: 'opt.full' },
    ],
    run: (ctx) => ctx.ward('sync.export', { outDir: requireDir(String(ctx.o.out)), full: !!ctx.o.full }),
    print: (r, ctx) =>
      r.status === 'nothing_new'
        ? ctx.t('bundle.nothing_new')
        : ctx.t('bundle.exported', {
            path: r.path ?? '',
            changes: r.changes,
            blobs: r.blobs,
            from: r.seqFrom ?? '',
            to: r.seqTo ?? '',
            size: r.size ?? 0,
            sha: r.fileSha256 ?? '',
          }),
  }),
  command({
    name: 'bundle verify',
    help: 'help.bundle.verify',
    args: ['<file>'],
    run: (ctx, file: string) =>
      ctx.ward('bundle.verify', { path: path.resolve(file) }).catch((e: unknown) => ({ valid: false, manifest: null, error: toApiError(e) })),
    print: (r, ctx) =>
      [
        JSON.stringify(r.manifest, null, 2),
        r.valid ? ctx.t('bundle.valid') : ctx.t('bundle.invalid', { reason: formatMessage(ctx.lang, r.error!.code, r.error!.params) }),
      ].join('\n'),
    exitCode: (r) => (r.valid ? 0 : 1),
  }),
  command({
    name: 'bundle status',
    help: 'help.bundle.status',
    run: (ctx) => ctx.ward('sync.status', {}),
    print: (st, ctx) =>
      [
        ctx.t('bundle.status', {
          enrolled: ctx.t(st.enrolled ? 'word.yes' : 'word.not_yet'),
          seq: st.lastSeq,
          exported: st.lastExportedSeq,
          acknowledged: st.lastAcknowledgedSeq,
          waiting: st.waitingChanges,
        }),
        ...st.history.map(
          (h) =>
            `${h.fileName}  ${h.acknowledgedAt ? ctx.t('bundle.acknowledged_on', { date: formatDateVi(todayIso(h.acknowledgedAt)) }) : ctx.t('bundle.not_acknowledged')}`,
        ),
      ].join('\n'),
  }),
  command({
    name: 'bundle import',
    help: 'help.bundle.import',
    args: ['<file>'],
    run: async (ctx, file: string) => {
      const r = await ctx.ward('sync.import', { path: path.resolve(file) });
      process.stdout.write(
        ctx.o.json
          ? `${JSON.stringify(r, null, 2)}\n`
          : `${flatten([r])
              .map((x) => outcomeLine(x, ctx))
              .join('\n')}\n`,
      );
      if (r.status === 'refused') throw appErrorFrom(r.error!);
      return r;
    },
  }),

  command({
    name: 'city init',
    help: 'help.city.init',
    options: [
      { flags: '--city <code>', help: 'opt.city_code', required: true },
      { flags: '--name <name>', help: 'opt.city_name', required: true },
    ],
    run: async (ctx) => {
      const file = path.resolve(String(ctx.o.db));
      if (fs.existsSync(file)) throw new AppError('db.exists', { path: file });
      // Asked and checked before anything is created, so a refused passphrase leaves no files.
      const passphrase = await passphraseFromEnvOrPrompt({ confirm: true })();
      checkNewPassphrase(passphrase);
      const keyFile = `${file}.key`;
      const keyWasThere = fs.existsSync(keyFile);
      try {
        return await ctx.city(
          'city.init',
          { cityCode: String(ctx.o.city), cityName: String(ctx.o.name) },
          { keyStore: () => new PassphraseFileKeyStore(keyFile, async () => passphrase) },
        );
      } catch (e) {
        if (!keyWasThere) fs.rmSync(keyFile, { force: true });
        throw e;
      }
    },
    print: (r, ctx) => ctx.t('city.created', { name: String(ctx.o.name), code: r.city, fingerprint: r.fingerprint }),
  }),
  command({
    name: 'city enroll',
    help: 'help.city.enroll',
    args: ['<request>'],
    options: [{ flags: '--out <file>', help: 'opt.response_out' }],
    run: (ctx, request: string) =>
      ctx.city('city.enroll', {
        requestPath: path.resolve(request),
        responsePath: path.resolve(typeof ctx.o.out === 'string' ? ctx.o.out : request.replace(/\.json$/i, '') + '_tra-loi.json'),
      }),
    print: (r, ctx) => ctx.t('city.enrolled', { name: r.wardName, code: r.wardCode, fingerprint: r.fingerprint, path: r.responsePath }),
  }),
  command({
    name: 'city import',
    help: 'help.city.import',
    args: ['<paths...>'],
    run: (ctx, paths: string[]) => ctx.city('city.import', { paths: paths.map((p) => path.resolve(p)) }),
    print: (outcomes, ctx) =>
      outcomes.length
        ? flatten(outcomes)
            .map((x) => outcomeLine(x, ctx))
            .join('\n')
        : ctx.t('city.no_bundles'),
    exitCode: (outcomes) => (outcomes.some((x) => x.status === 'refused') ? 1 : 0),
  }),
  command({
    name: 'city status',
    help: 'help.city.status',
    options: [{ flags: '--as-of <date>', help: 'opt.as_of' }],
    run: (ctx) => ctx.city('city.status', { asOf: asOf(ctx) }),
    print: (st, ctx) =>
      [
        `${st.city.name} — ${st.quarter}`,
        ...st.wards.map((w) =>
          ctx.t('city.ward_line', {
            ward: w.wardCode.padEnd(16),
            keys:
              w.keys
                .filter((k) => !k.revokedAt)
                .map((k) => k.fingerprint)
                .join(', ') || '—',
            seq: w.lastSeqApplied,
            received: w.lastReceivedAt ? formatDateVi(todayIso(w.lastReceivedAt)) : '—',
            pending: w.pending.length ? ctx.t('city.pending', { ranges: w.pending.map((p) => `${p.missingFrom}–${p.missingTo}`).join(', ') }) : '',
            reported: ctx.t(w.reportedThisQuarter ? 'city.reported' : 'city.not_reported'),
          }),
        ),
      ].join('\n'),
  }),
  command({
    name: 'city progress',
    help: 'help.city.progress',
    options: [{ flags: '--as-of <date>', help: 'opt.as_of' }],
    run: (ctx) => ctx.city('city.progress', { asOf: asOf(ctx) }),
    print: (rows, ctx) =>
      rows.length
        ? rows.map((r) => ctx.t('city.progress_line', { ...r, wardCode: r.wardCode.padEnd(16), wardName: r.wardName.padEnd(24) })).join('\n')
        : ctx.t('city.no_data'),
  }),
  command({
    name: 'city reports',
    help: 'help.city.reports',
    options: [
      { flags: '--ward <code>', help: 'opt.report_ward' },
      { flags: '--period <period>', help: 'opt.report_period' },
      { flags: '--out <file>', help: 'opt.report_docx_out' },
    ],
    run: async (ctx) => {
      const { ward, period, out } = ctx.o as Record<string, string | undefined>;
      if (ward && period && out) {
        const target = path.resolve(out);
        const f = await ctx.city('city.wardReport', { wardCode: ward, period: parsePeriodArg(period, 'period') }, { documentPath: () => target });
        return { path: f.path, size: f.size };
      }
      return ctx.city('city.reports.received', {});
    },
    print: (rows, ctx) => {
      if (!Array.isArray(rows)) return ctx.t('city.report_written', { period: String(ctx.o.period), ward: String(ctx.o.ward), path: rows.path });
      return rows.length
        ? rows
            .map(
              (x) =>
                `${x.owner.padEnd(16)} ${x.orgName.padEnd(24)} ${x.period.padEnd(8)} ${x.status}${x.docNumber ? `  ${ctx.t('word.number')} ${x.docNumber}` : ''}`,
            )
            .join('\n')
        : ctx.t('city.no_reports');
    },
  }),
  command({
    name: 'city publish',
    help: 'help.city.publish',
    options: [{ flags: '--out <dir>', help: 'opt.bundle_out', required: true }],
    run: async (ctx) => {
      const { contentBase64: _bytes, ...r } = await ctx.city('city.catalog.publish', {}, { catalogDir: requireDir(String(ctx.o.out)) });
      return r;
    },
    print: (r, ctx) => ctx.t('city.published', { path: r.path, changes: r.changes, wards: r.wards, receipts: r.receipts }),
  }),
  command({
    name: 'city revoke',
    help: 'help.city.revoke',
    options: [
      { flags: '--ward <code>', help: 'opt.ward_code', required: true },
      { flags: '--key <keyId>', help: 'opt.key_id' },
      { flags: '--reason <text>', help: 'opt.reason', required: true },
    ],
    run: (ctx) =>
      ctx.city('city.keys.revoke', {
        wardCode: String(ctx.o.ward),
        keyId: typeof ctx.o.key === 'string' ? ctx.o.key : undefined,
        reason: String(ctx.o.reason),
      }),
    print: (r, ctx) => ctx.t('city.revoked', { keys: r.revoked.join(', '), ward: String(ctx.o.ward) }),
  }),
];
