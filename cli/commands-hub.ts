/**
 * Sending over the network: the ward's `bundle send` and `enroll send/fetch`, and the city's inbox
 * of enrollments that arrived at its hub, all through the APIs. A send reports its upload on the
 * terminal as it goes, from the progress `hub.sendAndWait` reports.
 */
import path from 'node:path';
import type { HubProgress } from '../shared/api/contract-hub';
import { formatMessage } from '../shared/i18n/messages';
import { command, type CliContext, type CommandSpec } from './table';

/** The line rewritten in place while a bundle uploads. */
export function uploadLine(p: HubProgress, ctx: Pick<CliContext, 't'>): string | null {
  if (p.stage !== 'upload') return null;
  return ctx.t('send.progress', { bundle: p.bundleId?.slice(0, 8) ?? '', sent: p.bytesSent, total: p.bytesTotal, attempt: p.attempt });
}

export const hubCommands: CommandSpec[] = [
  command({
    name: 'bundle send',
    help: 'help.bundle.send',
    options: [{ flags: '--hub <url>', help: 'opt.hub_saved' }],
    run: async (ctx) => {
      const tty = !ctx.o.json && process.stderr.isTTY;
      const r = await ctx.ward(
        'hub.sendAndWait',
        { url: typeof ctx.o.hub === 'string' ? ctx.o.hub : undefined },
        {
          onProgress: (p) => {
            const line = tty ? uploadLine(p, ctx) : null;
            if (line) process.stderr.write(`\r${line}   `);
          },
        },
      );
      if (tty) process.stderr.write('\n');
      return r;
    },
    print: (r, ctx) =>
      [
        r.sent.length ? '' : ctx.t('send.nothing'),
        ...r.sent.map((x) => x.message[ctx.lang]),
        r.acknowledged.length ? ctx.t('send.acknowledged', { n: r.acknowledged.length }) : '',
        r.catalogError
          ? formatMessage(ctx.lang, 'hub.catalog_unavailable', { reason: formatMessage(ctx.lang, r.catalogError.code, r.catalogError.params) })
          : '',
      ]
        .filter(Boolean)
        .join('\n'),
  }),
  command({
    name: 'enroll send',
    help: 'help.enroll.send',
    options: [{ flags: '--hub <url>', help: 'opt.hub', required: true }],
    run: (ctx) => ctx.ward('enroll.send', { url: String(ctx.o.hub) }, { newKey: true }),
    print: (r, ctx) => ctx.t('enroll.sent', { id: r.id, fingerprint: r.fingerprint, hub: String(ctx.o.hub) }),
  }),
  command({
    name: 'enroll fetch',
    help: 'help.enroll.fetch',
    options: [{ flags: '--hub <url>', help: 'opt.hub', required: true }],
    run: (ctx) => ctx.ward('enroll.fetch', { url: String(ctx.o.hub) }),
    print: (r, ctx) => ctx.t('enroll.imported', { city: r.cityCode, fingerprint: r.cityFingerprint }),
  }),
  command({
    name: 'city enroll-pending',
    help: 'help.city.enroll_pending',
    options: [{ flags: '--all', help: 'opt.all_requests' }],
    run: (ctx) => ctx.city('city.inbox', { all: !!ctx.o.all }),
    print: (rows, ctx) =>
      rows.length
        ? rows
            .map(
              (r) =>
                `${r.id}  ${r.wardCode.padEnd(16)} ${r.wardName} — ${r.officer}\n    ${ctx.t('word.fingerprint')} ${r.fingerprint}  ${ctx.t(`inbox.status.${r.status}`)}`,
            )
            .join('\n')
        : ctx.t('inbox.empty'),
  }),
  command({
    name: 'city approve',
    help: 'help.city.approve',
    args: ['<id>'],
    run: (ctx, id: string) => ctx.city('city.inbox.approve', { id }),
    print: (r, ctx) => ctx.t('inbox.approved', { name: r.wardName, code: r.wardCode, fingerprint: r.fingerprint }),
  }),
  command({
    name: 'city backup',
    help: 'help.city.backup',
    options: [{ flags: '--out <dir>', help: 'opt.backup_out', required: true }],
    // SQLite's online backup: consistent while the hub keeps writing.
    run: (ctx) => ctx.city('city.backup', { outDir: path.resolve(String(ctx.o.out)) }),
    print: (r, ctx) => ctx.t('backup.done', { path: r.path, size: r.size }),
  }),
  command({
    name: 'city refuse-enrollment',
    help: 'help.city.refuse_enrollment',
    args: ['<id>'],
    run: (ctx, id: string) => ctx.city('city.inbox.refuse', { id }),
    print: (r, ctx) => ctx.t('inbox.refused', { code: r.wardCode, fingerprint: r.fingerprint }),
  }),
];
