import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ImportOutcome } from '../shared/api/sync-types';
import { AppError } from '../shared/errors';
import { formatMessage } from '../shared/i18n/messages';
import { formatDateVi } from '../shared/rules/format-vi';
import { openDatabase } from '../db/database';
import { writeFileAtomic } from '../db/fs/atomic-write';
import { DEFAULT_LIMITS, MANIFEST_NAME } from '../db/bundle/format';
import { openBundle } from '../db/bundle/reader';
import { peekManifest, verifyBundle } from '../db/bundle/verify';
import { fingerprintOf } from '../db/keys/ed25519';
import { checkNewPassphrase, PassphraseFileKeyStore, passphraseFromEnvOrPrompt } from '../db/keys/key-store';
import { rotateKey } from '../db/keys/rotation';
import { initCity } from '../db/services/setup';
import { cityEnroll, importEnrollmentResponse, revokeWard, writeEnrollmentRequest } from '../db/sync/enroll';
import { ensureKey, ownKeyInfo, rememberKey } from '../db/sync/identity';
import { collectBundleFiles, importBundle, openOptionsFor } from '../db/sync/import';
import { publishCatalog } from '../db/sync/publish';
import { cityProgress, cityStatus, wardSyncStatus } from '../db/sync/status';
import { lookupTrustedKey } from '../db/sync/trust';
import { exportWardBundle } from '../db/sync/export';
import { toApiError } from '../shared/api/errors';
import { CliFailure, action, langOf, parseDateArg, parsePeriodArg, print, requireDb, withCommon, type CommonOpts } from './run';
import { cliKeyStore, withSession } from './session';
import { todayIso } from '../db/session';

function outcomeLine(o: ImportOutcome, opts: CommonOpts): string {
  const name = path.basename(o.file);
  switch (o.status) {
    case 'applied':
      return `✓ ${name}: đã nhận ${o.applied} thay đổi của ${o.owner} (số thứ tự ${o.seqFrom}–${o.seqTo})${o.acknowledged.length ? `; ${o.acknowledged.length} gói đã được xác nhận` : ''}`;
    case 'duplicate':
      return `= ${name}: gói này đã được nhận trước đây, không thay đổi gì.`;
    case 'pending':
      return `… ${name}: đang chờ gói trước (thiếu số thứ tự ${o.missing?.from}–${o.missing?.to}); sẽ tự áp dụng khi gói đó đến.`;
    default:
      return `✗ ${name}: ${o.error ? formatMessage(langOf(opts), o.error.code, o.error.params) : ''}`;
  }
}

function flatten(list: ImportOutcome[]): ImportOutcome[] {
  return list.flatMap((o) => [o, ...flatten(o.released)]);
}

export function registerSyncCommands(program: Command): void {
  const keys = program.command('keys').description("khóa ký của máy này (this installation's signing key)");
  withCommon(keys.command('show')).action(
    action(async (o: CommonOpts) => {
      const info = await withSession(o, async (s) => ownKeyInfo(s) ?? (await ensureKey(s, cliKeyStore(requireDb(o), true)), ownKeyInfo(s)));
      print(o, info, () => `Mã khóa: ${info?.keyId}\nDấu vân tay (đọc qua điện thoại): ${info?.fingerprint}`);
    }),
  );
  withCommon(keys.command('rotate')).action(
    action(async (o: CommonOpts) => {
      const r = await withSession(o, async (s) => {
        const store = cliKeyStore(requireDb(o));
        await ensureKey(s, store);
        const rotated = await rotateKey(store);
        rememberKey(s, rotated.key);
        return { oldKeyId: rotated.statement.oldKeyId, newKeyId: rotated.statement.newKeyId, fingerprint: fingerprintOf(rotated.key.publicKey) };
      });
      print(o, r, () => `Đã đổi khóa ${r.oldKeyId} → ${r.newKeyId}. Dấu vân tay mới: ${r.fingerprint}. Gói gửi tiếp theo mang theo chứng nhận của khóa cũ.`);
    }),
  );

  withCommon(program.command('enroll-request').description('tạo yêu cầu đăng ký khóa gửi thành phố (enrollment request)'))
    .requiredOption('--out <file>')
    .action(
      action(async (o: CommonOpts & { out: string }) => {
        const r = await withSession(o, (s) => writeEnrollmentRequest(s, cliKeyStore(requireDb(o), true), path.resolve(o.out)));
        print(o, r, () => `Đã ghi ${r.path}\nDấu vân tay để đọc cho thành phố: ${r.fingerprint}`);
      }),
    );
  withCommon(program.command('enroll').description('nhận trả lời đăng ký của thành phố').command('import').argument('<file>')).action(
    action(async (file: string, o: CommonOpts) => {
      const r = await withSession(o, (s) => importEnrollmentResponse(s, path.resolve(file)));
      print(o, r, () => `Đã nhận chứng nhận của ${r.cityCode}. Dấu vân tay của thành phố: ${r.cityFingerprint} (đối chiếu qua điện thoại).`);
    }),
  );

  const bundle = program.command('bundle').description('gói đồng bộ (sync bundles)');
  withCommon(bundle.command('export'))
    .requiredOption('--out <dir>', 'thư mục đích (ví dụ ổ USB)')
    .option('--full', 'xuất toàn bộ dữ liệu (lần đầu, khôi phục)')
    .action(
      action(async (o: CommonOpts & { out: string; full?: boolean }) => {
        if (!fs.existsSync(o.out) || !fs.statSync(o.out).isDirectory()) throw new AppError('bundle.out_dir_missing', { path: o.out });
        const r = await withSession(o, (s) =>
          exportWardBundle(s, cliKeyStore(requireDb(o)), {
            outDir: path.resolve(o.out),
            full: o.full,
            onProgress: (stage, done, total) => {
              if (!o.json && process.stderr.isTTY) process.stderr.write(`\r${stage} ${done}/${total}   `);
            },
          }),
        );
        if (!o.json && process.stderr.isTTY) process.stderr.write('\n');
        print(o, r, () =>
          r.status === 'nothing_new'
            ? 'Không có thay đổi mới kể từ gói trước: không tạo gói rỗng. Dùng --full để xuất toàn bộ.'
            : `Đã ghi ${r.path}\n${r.changes} thay đổi, ${r.blobs} tệp minh chứng, số thứ tự ${r.seqFrom}–${r.seqTo}, ${r.size} byte\nSHA-256: ${r.fileSha256}`,
        );
      }),
    );
  withCommon(bundle.command('verify').argument('<file>')).action(async (file: string, o: CommonOpts) => {
    const result = await withSession(o, async (s) => {
      let manifest: unknown = null;
      try {
        const archive = await openBundle(path.resolve(file));
        try {
          manifest = peekManifest(await archive.read(MANIFEST_NAME, DEFAULT_LIMITS.maxManifestBytes));
          await verifyBundle(
            archive,
            (id) => lookupTrustedKey(s, id),
            null,
            openOptionsFor(s, () => ensureKey(s, cliKeyStore(requireDb(o)))),
          );
        } finally {
          archive.close();
        }
        return { valid: true, manifest, error: null };
      } catch (e) {
        return { valid: false, manifest, error: toApiError(e) };
      }
    }).catch((e: unknown) => ({ valid: false, manifest: null, error: toApiError(e) }));
    print(o, result, () =>
      [
        JSON.stringify(result.manifest, null, 2),
        result.valid ? 'Hợp lệ: chữ ký đúng, mọi tệp khớp mã băm.' : `Không hợp lệ: ${formatMessage(langOf(o), result.error!.code, result.error!.params)}`,
      ].join('\n'),
    );
    if (!result.valid) throw new CliFailure(1);
  });
  withCommon(bundle.command('status')).action(
    action(async (o: CommonOpts) => {
      const st = await withSession(o, (s) => wardSyncStatus(s));
      print(o, st, () =>
        [
          `Đã đăng ký: ${st.enrolled ? 'có' : 'chưa'}; số thứ tự ${st.lastSeq}, đã gửi đến ${st.lastExportedSeq}, thành phố đã xác nhận đến ${st.lastAcknowledgedSeq}; ${st.waitingChanges} thay đổi chờ gửi`,
          ...st.history.map((h) => `${h.fileName}  ${h.acknowledgedAt ? `đã xác nhận ${formatDateVi(todayIso(h.acknowledgedAt))}` : 'chưa xác nhận'}`),
        ].join('\n'),
      );
    }),
  );
  withCommon(bundle.command('import').argument('<file>')).action(
    action(async (file: string, o: CommonOpts) => {
      const r = await withSession(o, (s) => importBundle(s, path.resolve(file), {}));
      print(o, r, () =>
        flatten([r])
          .map((x) => outcomeLine(x, o))
          .join('\n'),
      );
      if (r.status === 'refused') throw new AppError(r.error!.code, r.error!.params);
    }),
  );

  const city = program.command('city').description('phía thành phố (the city side)');
  withCommon(city.command('init'))
    .requiredOption('--city <code>')
    .requiredOption('--name <name>')
    .action(
      action(async (o: CommonOpts & { city: string; name: string }) => {
        const file = path.resolve(requireDb(o));
        if (fs.existsSync(file)) throw new AppError('db.exists', { path: file });
        // Asked and checked before anything is created, so a refused passphrase leaves no files.
        const passphrase = await passphraseFromEnvOrPrompt({ confirm: true })();
        checkNewPassphrase(passphrase);
        const keyFile = `${file}.key`;
        const created = [file, `${file}-wal`, `${file}-shm`, keyFile].filter((f) => !fs.existsSync(f));
        let r: { city: string; keyId: string; fingerprint: string } | undefined;
        const db = openDatabase(file);
        try {
          const s = initCity(db, { cityCode: o.city, cityName: o.name });
          const key = await ensureKey(s, new PassphraseFileKeyStore(keyFile, async () => passphrase));
          r = { city: o.city, keyId: key.keyId, fingerprint: fingerprintOf(key.publicKey) };
        } finally {
          db.close();
          // A half-made city database would make the next `city init` refuse with "already exists".
          if (!r) for (const f of created) fs.rmSync(f, { force: true });
        }
        const made = r;
        print(o, made, () => `Đã tạo cơ sở dữ liệu thành phố ${o.name} (${o.city}).\nDấu vân tay khóa thành phố: ${made.fingerprint}`);
      }),
    );
  withCommon(city.command('enroll').argument('<request>'))
    .option('--out <file>', 'tệp trả lời gửi lại phường (mặc định: cạnh tệp yêu cầu)')
    .action(
      action(async (request: string, o: CommonOpts & { out?: string }) => {
        const out = path.resolve(o.out ?? request.replace(/\.json$/i, '') + '_tra-loi.json');
        const r = await withSession(o, (s) => cityEnroll(s, cliKeyStore(requireDb(o)), path.resolve(request), out));
        print(
          o,
          r,
          () =>
            `Đã duyệt khóa của ${r.wardName} (${r.wardCode}).\nDấu vân tay (đã đối chiếu qua điện thoại): ${r.fingerprint}\nGửi lại phường tệp: ${r.responsePath}`,
        );
      }),
    );
  withCommon(city.command('import').argument('<paths...>')).action(
    action(async (paths: string[], o: CommonOpts) => {
      const outcomes = await withSession(o, async (s) => {
        const files = collectBundleFiles(paths.map((p) => path.resolve(p)));
        // Unlocked once for the whole stick, not once per bundle.
        const cityKey = files.length ? await ensureKey(s, cliKeyStore(requireDb(o))) : undefined;
        const list: ImportOutcome[] = [];
        for (const f of files) list.push(await importBundle(s, f, { cityKey }));
        return list;
      });
      print(o, outcomes, () =>
        outcomes.length
          ? flatten(outcomes)
              .map((x) => outcomeLine(x, o))
              .join('\n')
          : 'Không tìm thấy gói nào (.wpb).',
      );
      if (outcomes.some((x) => x.status === 'refused')) throw new CliFailure(1);
    }),
  );
  withCommon(city.command('status'))
    .option('--as-of <date>')
    .action(
      action(async (o: CommonOpts & { asOf?: string }) => {
        const asOf = o.asOf ? parseDateArg(o.asOf, 'as-of') : undefined;
        const st = await withSession(o, (s) => cityStatus(s, asOf));
        print(o, st, () =>
          [
            `${st.city.name} — ${st.quarter}`,
            ...st.wards.map(
              (w) =>
                `${w.wardCode.padEnd(16)} khóa ${
                  w.keys
                    .filter((k) => !k.revokedAt)
                    .map((k) => k.fingerprint)
                    .join(', ') || '—'
                }  số thứ tự ${w.lastSeqApplied}  nhận lần cuối ${
                  w.lastReceivedAt ? formatDateVi(todayIso(w.lastReceivedAt)) : '—'
                }${w.pending.length ? `  chờ: thiếu ${w.pending.map((p) => `${p.missingFrom}–${p.missingTo}`).join(', ')}` : ''}  ${w.reportedThisQuarter ? 'đã báo cáo' : 'chưa báo cáo'}`,
            ),
          ].join('\n'),
        );
      }),
    );
  withCommon(city.command('progress').description("tiến độ của mọi phường, xã (every ward's progress)"))
    .option('--as-of <date>')
    .action(
      action(async (o: CommonOpts & { asOf?: string }) => {
        const asOf = o.asOf ? parseDateArg(o.asOf, 'as-of') : undefined;
        const rows = await withSession(o, (s) => cityProgress(s, asOf));
        print(o, rows, () =>
          rows.length
            ? rows
                .map(
                  (r) =>
                    `${r.wardCode.padEnd(16)} ${r.wardName.padEnd(24)} nhiệm vụ ${r.tasks}: xong ${r.done}, quá hạn ${r.overdue}, đang làm ${r.inProgress}, chưa làm ${r.notStarted}; chỉ tiêu đạt ${r.indicatorsMet}, chưa đạt ${r.indicatorsNotMet}, chưa có số liệu ${r.indicatorsNoData}`,
                )
                .join('\n')
            : 'Chưa nhận dữ liệu của phường, xã nào.',
        );
      }),
    );
  withCommon(city.command('reports').description('báo cáo các phường, xã đã gửi (reports received)'))
    .option('--ward <code>', 'mở báo cáo của phường, xã này')
    .option('--period <period>', 'kỳ báo cáo, ví dụ 2026-Q3')
    .option('--out <file>', 'ghi báo cáo ra tệp .docx')
    .action(
      action(async (o: CommonOpts & { ward?: string; period?: string; out?: string }) => {
        const { listReceivedReports } = await import('../db/services/reports');
        if (o.ward && o.period && o.out) {
          const { buildReceivedReportDocx } = await import('../db/reports/docx-report');
          const data = await withSession(o, (s) => buildReceivedReportDocx(s, o.ward!, parsePeriodArg(o.period!, 'period')));
          const out = path.resolve(o.out);
          await writeFileAtomic(out, data);
          print(o, { path: out, size: data.length }, () => `Đã ghi báo cáo ${o.period} của ${o.ward} ra ${out}`);
          return;
        }
        const rows = await withSession(o, (s) => listReceivedReports(s));
        print(o, rows, () =>
          rows.length
            ? rows
                .map((r) => `${r.owner.padEnd(16)} ${r.orgName.padEnd(24)} ${r.period.padEnd(8)} ${r.status}${r.docNumber ? `  số ${r.docNumber}` : ''}`)
                .join('\n')
            : 'Chưa nhận báo cáo nào.',
        );
      }),
    );
  withCommon(city.command('publish'))
    .requiredOption('--out <dir>')
    .action(
      action(async (o: CommonOpts & { out: string }) => {
        if (!fs.existsSync(o.out) || !fs.statSync(o.out).isDirectory()) throw new AppError('bundle.out_dir_missing', { path: o.out });
        const r = await withSession(o, (s) => publishCatalog(s, cliKeyStore(requireDb(o)), path.resolve(o.out)));
        print(o, r, () => `Đã ghi danh mục ${r.path}: ${r.changes} dòng, ${r.wards} phường/xã, ${r.receipts} biên nhận.`);
      }),
    );
  withCommon(city.command('revoke'))
    .requiredOption('--ward <code>')
    .option('--key <keyId>')
    .requiredOption('--reason <text>')
    .action(
      action(async (o: CommonOpts & { ward: string; key?: string; reason: string }) => {
        const revoked = await withSession(o, (s) => revokeWard(s, o.ward, o.reason, o.key));
        print(o, { revoked }, () => `Đã thu hồi khóa ${revoked.join(', ')} của ${o.ward}. Gói ký bằng khóa này sẽ bị từ chối.`);
      }),
    );
}
