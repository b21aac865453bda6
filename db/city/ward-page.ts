/** One ward as the city sees it: plan, tasks, indicators, reports, keys and sync history. */
import { AppError } from '../../shared/errors';
import type { WardPage } from '../../shared/api/contract-city';
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
  const plan = s.db.sqlite
    .prepare('SELECT title, doc_number AS docNumber, year, issued_on AS issuedOn FROM plan WHERE owner = ? AND year = ? AND deleted = 0')
    .get(input.wardCode, scope.year) as WardPage['plan'] | undefined;
  const tasks = wardTasks(s, { period: scope.code, wardCode: input.wardCode });
  const tally = emptyTally();
  for (const t of tasks) addToTally(tally, t.status);
  const m = indicatorMatrix(s, scope.code, { ward: input.wardCode });
  const indicators = m.defs.flatMap((d) => {
    const cell = m.cells.get(d.code)?.find((x) => x.wardCode === input.wardCode);
    return cell
      ? [{ code: d.code, name: d.name, unit: d.unit, value: cell.value, comparator: cell.comparator, target: cell.target, outcome: cell.outcome }]
      : [];
  });
  const reports = s.db.sqlite
    .prepare(
      `SELECT r.period, r.status, r.doc_number AS docNumber, r.approved_by AS approvedBy, r.approved_at AS approvedAt,
         (SELECT min(at) FROM change_log c WHERE c.table_name = 'report' AND c.row_id = r.id) AS receivedAt
       FROM report r WHERE r.owner = ? AND r.deleted = 0 ORDER BY r.period DESC`,
    )
    .all(input.wardCode) as WardPage['reports'];
  const keys = s.db.sqlite
    .prepare(
      `SELECT key_id AS keyId, fingerprint, added_at AS addedAt, revoked_at AS revokedAt, revoked_reason AS revokedReason
       FROM trusted_key WHERE org_code = ? ORDER BY added_at DESC`,
    )
    .all(input.wardCode) as WardPage['keys'];
  const bundles = (
    s.db.sqlite
      .prepare(
        `SELECT bundle_id AS bundleId, kind, seq_from AS seqFrom, seq_to AS seqTo, status, received_at AS receivedAt, applied_at AS appliedAt,
           receipt IS NOT NULL AS receipt FROM bundle_in WHERE owner = ? ORDER BY received_at DESC LIMIT 200`,
      )
      .all(input.wardCode) as Array<Omit<WardPage['bundles'][number], 'receipt'> & { receipt: number }>
  ).map((b) => ({ ...b, receipt: b.receipt === 1 }));
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
