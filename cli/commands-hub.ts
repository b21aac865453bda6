/** Sending over the network: the ward's `bundle send` and `enroll send/fetch`, the city's enrollment inbox. */
import path from 'node:path';
import type { Command } from 'commander';
import { formatMessage } from '../shared/i18n/messages';
import { ensureKey } from '../db/sync/identity';
import { approveInboxEnrollment, enrollmentInbox, refuseInboxEnrollment } from '../db/sync/hub-city';
import { action, langOf, print, requireDb, withCommon, type CommonOpts } from './run';
import { cliKeyStore, withSession } from './session';

function sub(program: Command, name: string): Command {
  return program.commands.find((c) => c.name() === name)!;
}

export function registerHubCommands(program: Command): void {
  withCommon(sub(program, 'bundle').command('send').description('gửi gói lên máy chủ thành phố (send to the city hub)'))
    .option('--hub <url>', 'địa chỉ máy chủ thành phố (mặc định: địa chỉ đã lưu trong Cài đặt)')
    .action(
      action(async (o: CommonOpts & { hub?: string }) => {
        // The network client is loaded only for the commands that use it, so every other command starts faster.
        const { hubAddress, sendToHub } = await import('../db/hub-client/send');
        const tty = !o.json && process.stderr.isTTY;
        const r = await withSession(o, (s) =>
          sendToHub(s, cliKeyStore(requireDb(o)), o.hub ?? hubAddress(s), {
            onProgress: (p) => {
              if (tty && p.stage === 'upload') process.stderr.write(`\r${p.bundleId?.slice(0, 8)} ${p.bytesSent}/${p.bytesTotal} byte, lần ${p.attempt}   `);
            },
          }),
        );
        if (tty) process.stderr.write('\n');
        const lang = langOf(o);
        print(o, r, () =>
          [
            r.sent.length ? '' : lang === 'en' ? 'Nothing waiting to send.' : 'Không có gói nào chờ gửi.',
            ...r.sent.map((x) => x.message[lang]),
            r.acknowledged.length
              ? lang === 'en'
                ? `${r.acknowledged.length} bundle(s) acknowledged by the city.`
                : `${r.acknowledged.length} gói đã được thành phố xác nhận.`
              : '',
            r.catalogError ? formatMessage(lang, 'hub.catalog_unavailable', { reason: formatMessage(lang, r.catalogError.code, r.catalogError.params) }) : '',
          ]
            .filter(Boolean)
            .join('\n'),
        );
      }),
    );

  const enroll = sub(program, 'enroll');
  withCommon(enroll.command('send').description('gửi yêu cầu đăng ký khóa lên máy chủ thành phố'))
    .requiredOption('--hub <url>')
    .action(
      action(async (o: CommonOpts & { hub: string }) => {
        const { postEnrollmentRequest } = await import('../db/hub-client/enroll');
        const r = await withSession(o, (s) => postEnrollmentRequest(s, cliKeyStore(requireDb(o), true), o.hub));
        print(
          o,
          r,
          () =>
            `Đã gửi yêu cầu ${r.id}.\nDấu vân tay để đọc cho thành phố qua điện thoại: ${r.fingerprint}\nSau khi thành phố duyệt: wardplan enroll fetch --hub ${o.hub}`,
        );
      }),
    );
  withCommon(enroll.command('fetch').description('lấy trả lời đăng ký từ máy chủ thành phố'))
    .requiredOption('--hub <url>')
    .action(
      action(async (o: CommonOpts & { hub: string }) => {
        const { fetchEnrollmentAnswer } = await import('../db/hub-client/enroll');
        const r = await withSession(o, (s) => fetchEnrollmentAnswer(s, o.hub));
        print(o, r, () => `Đã nhận chứng nhận của ${r.cityCode}. Dấu vân tay của thành phố: ${r.cityFingerprint} (đối chiếu qua điện thoại).`);
      }),
    );

  const city = sub(program, 'city');
  withCommon(city.command('enroll-pending').description('yêu cầu đăng ký khóa gửi qua mạng đang chờ duyệt'))
    .option('--all', 'cả các yêu cầu đã xử lý')
    .action(
      action(async (o: CommonOpts & { all?: boolean }) => {
        const rows = await withSession(o, (s) => enrollmentInbox(s, !!o.all));
        print(o, rows, () =>
          rows.length
            ? rows.map((r) => `${r.id}  ${r.wardCode.padEnd(16)} ${r.wardName} — ${r.officer}\n    dấu vân tay ${r.fingerprint}  ${r.status}`).join('\n')
            : 'Không có yêu cầu đăng ký nào đang chờ.',
        );
      }),
    );
  withCommon(city.command('approve').argument('<id>').description('duyệt yêu cầu đăng ký sau khi đã đọc dấu vân tay qua điện thoại')).action(
    action(async (id: string, o: CommonOpts) => {
      const r = await withSession(o, async (s) => approveInboxEnrollment(s, await ensureKey(s, cliKeyStore(requireDb(o))), id));
      print(o, r, () => `Đã duyệt khóa của ${r.wardName} (${r.wardCode}), dấu vân tay ${r.fingerprint}. Phường lấy trả lời bằng: wardplan enroll fetch`);
    }),
  );
  withCommon(city.command('backup').description('sao lưu cơ sở dữ liệu thành phố khi máy chủ đang chạy (online backup)'))
    .requiredOption('--out <dir>')
    .action(
      action(async (o: CommonOpts & { out: string }) => {
        const { createBackup } = await import('../db/services/backup');
        // SQLite's online backup: consistent while the hub keeps writing.
        const r = await withSession(o, (s) => createBackup(s.db, s.orgCode, path.resolve(o.out), s.now()));
        print(o, r, () => `Đã sao lưu vào ${r.path} (${r.size} byte).`);
      }),
    );
  withCommon(city.command('refuse-enrollment').argument('<id>').description('từ chối yêu cầu đăng ký (dấu vân tay không khớp)')).action(
    action(async (id: string, o: CommonOpts) => {
      const r = await withSession(o, (s) => refuseInboxEnrollment(s, id));
      print(o, r, () => `Đã từ chối yêu cầu của ${r.wardCode} (${r.fingerprint}).`);
    }),
  );
}
