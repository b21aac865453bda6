/** One ward as the city sees it: plan, tasks, indicators, reports, keys and sync history. */
import { and, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { WardPage } from '../../shared/api/contract-city';
import * as t from '../schema';
import type { Session } from '../session';
import { completenessRows } from './completeness';
import { indicatorMatrix } from './indicators';
import { addToTally, emptyTally, wardTasks } from './progress';
import { periodScope } from './scope';

export function wardPage(s: Session, input: { period: string; wardCode: string }): WardPage {
  const scope = periodScope(s, input.period);
  const { rows } = completenessRows(s, scope.code);
  const c = rows.find((r) => r.wardCode === input.wardCode);
  if (!c) throw new AppError('city.ward_not_found', { ward: input.wardCode });
  const plan = s.db.orm
    .select({ title: t.plan.title, docNumber: t.plan.docNumber, year: t.plan.year, issuedOn: t.plan.issuedOn })
    .from(t.plan)
    .where(and(eq(t.plan.owner, input.wardCode), eq(t.plan.year, scope.year), eq(t.plan.deleted, 0)))
    .get();
  const tasks = wardTasks(s, { period: scope.code, wardCode: input.wardCode });
  const tally = emptyTally();
  for (const task of tasks) addToTally(tally, task.status);
  const m = indicatorMatrix(s, scope.code, { ward: input.wardCode });
  const indicators = m.defs.flatMap((d) => {
    const cell = m.cells.get(d.code)?.find((x) => x.wardCode === input.wardCode);
    return cell
      ? [{ code: d.code, name: d.name, unit: d.unit, value: cell.value, comparator: cell.comparator, target: cell.target, outcome: cell.outcome }]
      : [];
  });
  const r = t.report;
  const reports = s.db.orm
    .select({
      period: r.period,
      status: r.status,
      docNumber: r.docNumber,
      approvedBy: r.approvedBy,
      approvedAt: r.approvedAt,
      // When the city first received it: the report's first row in the change log.
      receivedAt: sql<string | null>`(SELECT min(c.at) FROM change_log c WHERE c.table_name = 'report' AND c.row_id = ${r.id})`,
    })
    .from(r)
    .where(and(eq(r.owner, input.wardCode), eq(r.deleted, 0)))
    .orderBy(desc(r.period))
    .all();
  const k = t.trustedKey;
  const keys = s.db.orm
    .select({ keyId: k.keyId, fingerprint: k.fingerprint, addedAt: k.addedAt, revokedAt: k.revokedAt, revokedReason: k.revokedReason })
    .from(k)
    .where(eq(k.orgCode, input.wardCode))
    .orderBy(desc(k.addedAt))
    .all();
  const b = t.bundleIn;
  const bundles = s.db.orm
    .select({
      bundleId: b.bundleId,
      kind: b.kind,
      seqFrom: b.seqFrom,
      seqTo: b.seqTo,
      status: b.status,
      receivedAt: b.receivedAt,
      appliedAt: b.appliedAt,
      receipt: sql`${b.receipt} IS NOT NULL`.mapWith((v: number) => v === 1),
    })
    .from(b)
    .where(eq(b.owner, input.wardCode))
    .orderBy(desc(b.receivedAt))
    .limit(200)
    .all();
  return {
    wardCode: c.wardCode,
    wardName: c.wardName,
    group: c.group,
    contact: c.contact,
    completeness: c.status,
    plan: plan ?? null,
    tally,
    tasks,
    indicators,
    reports,
    keys,
    bundles,
  };
}
