/** What the city knows of each ward, and what a ward knows of its own deliveries. */
import type { BundleHistoryItem, ReceiptInfo, WardSyncStatus } from '../../shared/api/sync-types';
import type { CityStatus, WardProgressRow, WardStatus } from '../../shared/api/contract-city-ops';

export type { CityStatus, WardProgressRow, WardStatus };
import { and, count, desc, eq, gt, inArray, isNull, max, sql } from 'drizzle-orm';
import { formatPeriodCode, periodContaining, periodRange } from '../../shared/rules/period';
import { getMeta } from '../database';
import { bundleIn, bundleOut, changeLog, org, originState, plan, report, trustedKey } from '../schema';
import { receiptSchema } from './receipts';
import { todayIso, type Session } from '../session';
import { wardSummary } from '../services/summary';
import { ownKeyInfo } from './identity';
import { sequenceState } from './export';

function listedWards(s: Session): Array<{ code: string; name: string }> {
  return s.db.orm.select({ code: org.code, name: org.name }).from(org).where(eq(org.kind, 'ward')).orderBy(org.code).all();
}

export function cityStatus(s: Session, asOf?: string): CityStatus {
  const today = asOf ?? todayIso(s.now());
  const q = periodContaining('quarter', today);
  const qCode = formatPeriodCode(q);
  const qStart = periodRange(q).start;
  const wards = listedWards(s);
  const owners = s.db.orm.selectDistinct({ owner: originState.owner }).from(originState).all();
  for (const o of owners) if (!wards.some((w) => w.code === o.owner)) wards.push({ code: o.owner, name: o.owner });
  // Prepared once, asked once per ward.
  const ward = sql.placeholder('ward');
  const k = trustedKey;
  const keysOf = s.db.orm
    .select({ keyId: k.keyId, fingerprint: k.fingerprint, revokedAt: k.revokedAt })
    .from(k)
    .where(eq(k.orgCode, ward))
    .orderBy(k.addedAt)
    .prepare();
  const originsOf = s.db.orm
    .select({ origin: originState.origin, lastSeq: originState.lastSeq, lastReceivedAt: originState.lastReceivedAt })
    .from(originState)
    .where(eq(originState.owner, ward))
    .prepare();
  const b = bundleIn;
  const pendingOf = s.db.orm
    .select({ bundleId: b.bundleId, origin: b.origin, seqFrom: b.seqFrom, seqTo: b.seqTo })
    .from(b)
    .where(and(eq(b.owner, ward), eq(b.status, 'pending')))
    .orderBy(b.seqFrom)
    .prepare();
  const appliedOf = s.db.orm
    .select({ n: count() })
    .from(b)
    .where(and(eq(b.owner, ward), eq(b.status, 'applied')))
    .prepare();
  const r = report;
  const reportOf = s.db.orm
    .select({ id: r.id })
    .from(r)
    .where(and(eq(r.owner, ward), eq(r.period, qCode), inArray(r.status, ['approved', 'sent']), eq(r.deleted, 0)))
    .limit(1)
    .prepare();
  return {
    city: { code: s.orgCode, name: getMeta(s.db, 'city_name') ?? s.orgCode },
    quarter: qCode,
    wards: wards.map((w): WardStatus => {
      const keys = keysOf.all({ ward: w.code });
      const origins = originsOf.all({ ward: w.code });
      const lastReceivedAt =
        origins
          .map((o) => o.lastReceivedAt)
          .filter((x): x is string => !!x)
          .sort()
          .pop() ?? null;
      const pendingRows = pendingOf.all({ ward: w.code });
      const lastOf = (origin: string) => origins.find((o) => o.origin === origin)?.lastSeq ?? 0;
      const applied = appliedOf.get({ ward: w.code })!.n;
      const reported = reportOf.get({ ward: w.code });
      return {
        wardCode: w.code,
        wardName: w.name,
        keys,
        lastSeqApplied: origins.reduce((n, o) => Math.max(n, o.lastSeq), 0),
        lastReceivedAt,
        bundlesApplied: applied,
        pending: pendingRows.map((p) => ({
          bundleId: p.bundleId,
          seqFrom: p.seqFrom,
          seqTo: p.seqTo,
          missingFrom: lastOf(p.origin) + 1,
          missingTo: p.seqFrom - 1,
        })),
        receivedThisQuarter: !!lastReceivedAt && todayIso(lastReceivedAt) >= qStart,
        reportedThisQuarter: !!reported,
      };
    }),
  };
}

/**
 * The city's receipt as the catalog brought it: checked and signed for then, so the schema only
 * gives it its type back; a column holding anything else shows as no receipt.
 */
function receiptOf(json: string | null): ReceiptInfo | null {
  if (!json) return null;
  const r = receiptSchema.safeParse(JSON.parse(json));
  return r.success ? r.data : null;
}

export function wardSyncStatus(s: Session): WardSyncStatus {
  const st = sequenceState(s);
  const own = ownKeyInfo(s);
  const k = trustedKey;
  const city = s.db.orm
    .select({ fingerprint: k.fingerprint })
    .from(k)
    .where(and(eq(k.orgCode, getMeta(s.db, 'city_code') ?? ''), isNull(k.revokedAt)))
    .orderBy(desc(k.addedAt))
    .limit(1)
    .get();
  const o = bundleOut;
  const history = s.db.orm
    .select({
      bundleId: o.bundleId,
      kind: o.kind,
      fileName: o.fileName,
      seqFrom: o.seqFrom,
      seqTo: o.seqTo,
      size: o.size,
      fileSha256: o.fileSha256,
      createdAt: o.createdAt,
      acknowledgedAt: o.acknowledgedAt,
      receipt: o.receipt,
    })
    .from(o)
    .orderBy(desc(o.createdAt))
    .all()
    .map((h): BundleHistoryItem => ({ ...h, receipt: receiptOf(h.receipt) }));
  const waiting = s.db.orm
    .select({ n: count() })
    .from(changeLog)
    .where(and(eq(changeLog.origin, s.installationId), gt(changeLog.seq, st.lastExported)))
    .get()!.n;
  const lastCatalog = s.db.orm
    .select({ t: max(bundleIn.appliedAt) })
    .from(bundleIn)
    .where(eq(bundleIn.status, 'applied'))
    .get()!;
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
  const planOf = s.db.orm
    .select({ id: plan.id })
    .from(plan)
    .where(and(eq(plan.owner, sql.placeholder('ward')), eq(plan.deleted, 0)))
    .limit(1)
    .prepare();
  return listedWards(s).flatMap((w) => {
    const asWard: Session = { ...s, role: 'ward', orgCode: w.code };
    const hasPlan = planOf.get({ ward: w.code });
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
