/**
 * Sending over the network: the ward's `bundle send` and `enroll send/fetch`, which drive the
 * network client (db/hub-client) on an open session, and the city's inbox of enrollments that
 * arrived at its hub, through CityApi.
 */
import path from 'node:path';
import { formatMessage } from '../shared/i18n/messages';
import { withSession } from './session';
import { command, type CommandSpec } from './table';

export const hubCommands: CommandSpec[] = [
  command({
    name: 'bundle send',
    help: 'help.bundle.send',
    options: [{ flags: '--hub <url>', help: 'opt.hub_saved' }],
    run: async (ctx) => {
      // The network client is loaded only for the commands that use it, so every other command starts faster.
      const { hubAddress, sendToHub } = await import('../db/hub-client/send');
      const tty = !ctx.o.json && process.stderr.isTTY;
      const r = await withSession(ctx.o, (s) =>
        sendToHub(s, ctx.keyStore(), typeof ctx.o.hub === 'string' ? ctx.o.hub : hubAddress(s), {
          onProgress: (p) => {
            if (tty && p.stage === 'upload') process.stderr.write(`\r${p.bundleId?.slice(0, 8)} ${p.bytesSent}/${p.bytesTotal} byte, lần ${p.attempt}   `);
          },
        }),
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
    run: async (ctx) => {
      const { postEnrollmentRequest } = await import('../db/hub-client/enroll');
      return withSession(ctx.o, (s) => postEnrollmentRequest(s, ctx.keyStore(true), String(ctx.o.hub)));
    },
    print: (r, ctx) => ctx.t('enroll.sent', { id: r.id, fingerprint: r.fingerprint, hub: String(ctx.o.hub) }),
  }),
  command({
    name: 'enroll fetch',
    help: 'help.enroll.fetch',
    options: [{ flags: '--hub <url>', help: 'opt.hub', required: true }],
    run: async (ctx) => {
      const { fetchEnrollmentAnswer } = await import('../db/hub-client/enroll');
      return withSession(ctx.o, (s) => fetchEnrollmentAnswer(s, String(ctx.o.hub)));
    },
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
            .map((r) => `${r.id}  ${r.wardCode.padEnd(16)} ${r.wardName} — ${r.officer}\n    ${ctx.t('word.fingerprint')} ${r.fingerprint}  ${r.status}`)
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
