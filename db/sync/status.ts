/** What the city knows of each ward, and what a ward knows of its own deliveries. */
import type { BundleHistoryItem, ReceiptInfo, WardSyncStatus } from '../../shared/api/sync-types';
import type { CityStatus, WardProgressRow, WardStatus } from '../../shared/api/contract-city-ops';

export type { CityStatus, WardProgressRow, WardStatus };
import { formatPeriodCode, periodContaining, periodRange } from '../../shared/rules/period';
import { getMeta } from '../database';
import { todayIso, type Session } from '../session';
import { wardSummary } from '../services/summary';
import { ownKeyInfo } from './identity';
import { sequenceState } from './export';

export function cityStatus(s: Session, asOf?: string): CityStatus {
  const today = asOf ?? todayIso(s.now());
  const q = periodContaining('quarter', today);
  const qCode = formatPeriodCode(q);
  const qStart = periodRange(q).start;
  const wards = s.db.sqlite.prepare("SELECT code, name FROM org WHERE kind = 'ward' ORDER BY code").all() as { code: string; name: string }[];
  const owners = s.db.sqlite.prepare('SELECT DISTINCT owner FROM origin_state').all() as { owner: string }[];
  for (const o of owners) if (!wards.some((w) => w.code === o.owner)) wards.push({ code: o.owner, name: o.owner });
  return {
    city: { code: s.orgCode, name: getMeta(s.db, 'city_name') ?? s.orgCode },
    quarter: qCode,
    wards: wards.map((w) => {
      const keys = s.db.sqlite
        .prepare('SELECT key_id AS keyId, fingerprint, revoked_at AS revokedAt FROM trusted_key WHERE org_code = ? ORDER BY added_at')
        .all(w.code) as WardStatus['keys'];
      const origins = s.db.sqlite.prepare('SELECT origin, last_seq, last_received_at FROM origin_state WHERE owner = ?').all(w.code) as {
        origin: string;
        last_seq: number;
        last_received_at: string | null;
      }[];
      const lastReceivedAt =
        origins
          .map((o) => o.last_received_at)
          .filter((x): x is string => !!x)
          .sort()
          .pop() ?? null;
      const pendingRows = s.db.sqlite
        .prepare("SELECT bundle_id, origin, seq_from, seq_to FROM bundle_in WHERE owner = ? AND status = 'pending' ORDER BY seq_from")
        .all(w.code) as { bundle_id: string; origin: string; seq_from: number; seq_to: number }[];
      const lastOf = (origin: string) => origins.find((o) => o.origin === origin)?.last_seq ?? 0;
      const applied = (s.db.sqlite.prepare("SELECT count(*) AS n FROM bundle_in WHERE owner = ? AND status = 'applied'").get(w.code) as { n: number }).n;
      const reported = s.db.sqlite
        .prepare("SELECT 1 FROM report WHERE owner = ? AND period = ? AND status IN ('approved', 'sent') AND deleted = 0")
        .get(w.code, qCode);
      return {
        wardCode: w.code,
        wardName: w.name,
        keys,
        lastSeqApplied: origins.reduce((n, o) => Math.max(n, o.last_seq), 0),
        lastReceivedAt,
        bundlesApplied: applied,
        pending: pendingRows.map((p) => ({
          bundleId: p.bundle_id,
          seqFrom: p.seq_from,
          seqTo: p.seq_to,
          missingFrom: lastOf(p.origin) + 1,
          missingTo: p.seq_from - 1,
        })),
        receivedThisQuarter: !!lastReceivedAt && todayIso(lastReceivedAt) >= qStart,
        reportedThisQuarter: !!reported,
      };
    }),
  };
}

export function wardSyncStatus(s: Session): WardSyncStatus {
  const st = sequenceState(s);
  const own = ownKeyInfo(s);
  const city = s.db.sqlite
    .prepare('SELECT fingerprint FROM trusted_key WHERE org_code = ? AND revoked_at IS NULL ORDER BY added_at DESC LIMIT 1')
    .get(getMeta(s.db, 'city_code') ?? '') as { fingerprint: string } | undefined;
  const history = (
    s.db.sqlite
      .prepare(
        `SELECT bundle_id AS bundleId, kind, file_name AS fileName, seq_from AS seqFrom, seq_to AS seqTo, size, file_sha256 AS fileSha256,
         created_at AS createdAt, acknowledged_at AS acknowledgedAt, receipt FROM bundle_out ORDER BY created_at DESC`,
      )
      .all() as Array<Omit<BundleHistoryItem, 'receipt'> & { receipt: string | null }>
  ).map((h) => ({ ...h, receipt: h.receipt ? (JSON.parse(h.receipt) as ReceiptInfo) : null }));
  const waiting = (
    s.db.sqlite.prepare('SELECT count(*) AS n FROM change_log WHERE origin = ? AND seq > ?').get(s.installationId, st.lastExported) as { n: number }
  ).n;
  const lastCatalog = s.db.sqlite.prepare("SELECT max(applied_at) AS t FROM bundle_in WHERE status = 'applied'").get() as { t: string | null };
  return {
    keyId: own?.keyId ?? null,
    fingerprint: own?.fingerprint ?? null,
    enrolled: !!getMeta(s.db, 'certificate'),
    cityFingerprint: city?.fingerprint ?? null,
    lastSeq: st.maxSeq,
    lastExportedSeq: st.lastExported,
    lastAcknowledgedSeq: st.lastAcked,
    waitingChanges: waiting,
    lastExportAt: history.find((h) => h.kind !== 'catalog')?.createdAt ?? null,
    lastCatalogAt: lastCatalog.t,
    history,
  };
}

/**
 * The city's view of every ward's progress, computed from the rows their bundles brought, with
 * the same rules a ward uses for itself: a read-only session that speaks as the ward.
 */
export function cityProgress(s: Session, asOf?: string): WardProgressRow[] {
  const today = asOf ?? todayIso(s.now());
  const wards = s.db.sqlite.prepare("SELECT code, name FROM org WHERE kind = 'ward' ORDER BY code").all() as { code: string; name: string }[];
  return wards.flatMap((w) => {
    const asWard: Session = { ...s, role: 'ward', orgCode: w.code };
    const hasPlan = s.db.sqlite.prepare('SELECT 1 FROM plan WHERE owner = ? AND deleted = 0').get(w.code);
    if (!hasPlan) return [];
    const sum = wardSummary(asWard, { asOf: today });
    return [
      {
        wardCode: w.code,
        wardName: w.name,
        year: sum.year,
        tasks: sum.tasks.total,
        done: sum.tasks.byStatus.done + sum.tasks.byStatus.done_late,
        overdue: sum.tasks.byStatus.overdue,
        inProgress: sum.tasks.byStatus.in_progress,
        notStarted: sum.tasks.byStatus.not_started,
        indicatorsMet: sum.indicators.met,
        indicatorsNotMet: sum.indicators.notMet,
        indicatorsNoData: sum.indicators.noData,
      },
    ];
  });
}
