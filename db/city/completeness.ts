/**
 * Who has reported for a period: each ward's approved report (as its bundles brought it), when it
 * arrived against the city's reporting calendar, and its last bundle and receipt.
 */
import type { CompletenessCounts, CompletenessPage, CompletenessRow, CompletenessStatus } from '../../shared/api/contract-city';
import { matchesSearch } from '../../shared/rules/search-fold';
import type { org, report, reportingDeadline, wardInfo } from '../schema';
import { todayIso, vietnamTime, type Session } from '../session';
import { cached, paginate, periodScope, type PeriodScope } from './scope';

/** The city's calendar for the period; without one, reports are due on the period's last day. */
export function dueDateOf(s: Session, scope: PeriodScope): string {
  // Asked on every request, cached answers included: a plain statement costs less than building one with drizzle.
  const r = s.db.sqlite
    .prepare<[string, string], Pick<typeof reportingDeadline.$inferSelect, 'dueOn'>>(
      'SELECT due_on AS dueOn FROM reporting_deadline WHERE period = ? AND owner = ? AND deleted = 0',
    )
    .get(scope.code, s.orgCode);
  return r?.dueOn ?? scope.end;
}

type WardInfo = typeof wardInfo.$inferSelect;

/** One ward's line of the query below: its columns as the schema types them, its counts and latest dates. */
type Raw = Pick<typeof org.$inferSelect, 'code' | 'name'> & {
  grp: WardInfo['wardGroup'];
  contact_name: WardInfo['contactName'];
  contact_title: WardInfo['contactTitle'];
  contact_phone: WardInfo['contactPhone'];
  contact_email: WardInfo['contactEmail'];
  keys: number | null;
  active_keys: number | null;
  last_bundle: string | null;
  last_receipt: string | null;
  report_status: Extract<(typeof report.$inferSelect)['status'], 'approved' | 'sent'> | null;
  report_at: string | null;
};

export function completenessRows(s: Session, periodCode: string): { rows: CompletenessRow[]; dueOn: string; scope: PeriodScope } {
  const scope = periodScope(s, periodCode);
  const dueOn = dueDateOf(s, scope);
  const today = todayIso(s.now());
  const rows = cached(s.db, `completeness:${scope.code}:${dueOn}:${today}`, () => {
    // One statement with CTEs: each ward's keys, bundles and report counted by SQLite in a single pass.
    const raw = s.db.sqlite
      .prepare<[string], Raw>(
        `WITH wards AS (
           SELECT code, name FROM org WHERE kind = 'ward'
           UNION SELECT DISTINCT owner, owner FROM origin_state WHERE owner NOT IN (SELECT code FROM org)
         ),
         k AS (SELECT org_code, count(*) AS n, sum(revoked_at IS NULL) AS active FROM trusted_key GROUP BY org_code),
         b AS (SELECT owner, max(received_at) AS last_bundle, max(CASE WHEN receipt IS NOT NULL THEN applied_at END) AS last_receipt
               FROM bundle_in WHERE status = 'applied' GROUP BY owner),
         r AS (SELECT id, owner, status FROM report WHERE period = ? AND deleted = 0 AND status IN ('approved', 'sent'))
         SELECT w.code, w.name, i.ward_group AS grp, i.contact_name, i.contact_title, i.contact_phone, i.contact_email,
           k.n AS keys, k.active AS active_keys, b.last_bundle, b.last_receipt, r.status AS report_status,
           (SELECT min(c.at) FROM change_log c WHERE c.table_name = 'report' AND c.row_id = r.id
              AND json_extract(c.data, '$.status') IN ('approved', 'sent')) AS report_at
         FROM wards w LEFT JOIN ward_info i ON i.ward_code = w.code LEFT JOIN k ON k.org_code = w.code
         LEFT JOIN b ON b.owner = w.code LEFT JOIN r ON r.owner = w.code
         ORDER BY w.code`,
      )
      .all(scope.code);
    return raw.map((r): CompletenessRow => {
      let status: CompletenessStatus;
      if (r.report_status) status = r.report_at && todayIso(r.report_at) > dueOn ? 'late' : 'on_time';
      else if (!r.keys) status = 'not_enrolled';
      else status = today > dueOn ? 'overdue' : 'waiting';
      return {
        wardCode: r.code,
        wardName: r.name,
        group: r.grp,
        status,
        reportStatus: r.report_status,
        reportReceivedAt: r.report_at,
        lastBundleAt: r.last_bundle,
        lastReceiptAt: r.last_receipt,
        activeKeys: r.active_keys ?? 0,
        contact: { name: r.contact_name, title: r.contact_title, phone: r.contact_phone, email: r.contact_email },
      };
    });
  });
  return { rows, dueOn, scope };
}

export function emptyCompletenessCounts(): CompletenessCounts {
  return { on_time: 0, late: 0, overdue: 0, waiting: 0, not_enrolled: 0, total: 0 };
}

export function completeness(
  s: Session,
  input: { period: string; group?: string | undefined; status?: CompletenessStatus | undefined; search?: string | undefined; page: number; pageSize: number },
): CompletenessPage {
  const { rows, dueOn, scope } = completenessRows(s, input.period);
  const inGroup = input.group ? rows.filter((r) => r.group === input.group) : rows;
  const counts = emptyCompletenessCounts();
  for (const r of inGroup) {
    counts[r.status]++;
    counts.total++;
  }
  const filtered = inGroup.filter((r) => (!input.status || r.status === input.status) && matchesSearch(`${r.wardCode} ${r.wardName}`, input.search));
  return { period: scope.code, dueOn, counts, total: filtered.length, rows: paginate(filtered, input.page, input.pageSize) };
}

/** Vietnam's wall-clock time of an instant, for tables a person reads. */
export function localTime(iso: string | null): string {
  return iso ? vietnamTime(iso).replace('T', ' ') : '';
}
