/**
 * The figures of the city steering committee's periodic report, computed from the wards' data
 * with the same aggregations as the dashboard, so the document and the screens never disagree.
 */
import type { CityDirectiveTable, CityIndicatorRow, CompletenessCounts, CompletenessRow, StatusTally } from '../../shared/api/contract-city';
import { AppError } from '../../shared/errors';
import { getMeta } from '../database';
import { todayIso, type Session } from '../session';
import { completenessRows, emptyCompletenessCounts } from './completeness';
import { cityIndicators, indicatorMatrix } from './indicators';
import { directiveTable, emptyTally, wardTallies } from './progress';
import { periodScope, type PeriodScope } from './scope';

export interface WardAppendixRow {
  wardCode: string;
  wardName: string;
  group: string | null;
  completeness: CompletenessRow['status'];
  tally: StatusTally;
  indicatorsMet: number;
  indicators: number;
}

export interface CityReportFigures {
  cityCode: string;
  cityName: string;
  scope: PeriodScope;
  date: string;
  dueOn: string;
  completeness: CompletenessCounts;
  missing: CompletenessRow[];
  rows: CompletenessRow[];
  directives: CityDirectiveTable;
  indicators: CityIndicatorRow[];
  wards: WardAppendixRow[];
}

export function cityReportFigures(s: Session, periodCode: string): CityReportFigures {
  if (s.role !== 'city') throw new AppError('sync.city_only');
  const scope = periodScope(s, periodCode);
  if (scope.period.kind === 'month') throw new AppError('report.bad_period', { value: periodCode });
  const { rows, dueOn } = completenessRows(s, scope.code);
  const counts = emptyCompletenessCounts();
  for (const r of rows) {
    counts[r.status]++;
    counts.total++;
  }
  const tallies = wardTallies(s, scope);
  const m = indicatorMatrix(s, scope.code);
  const met = new Map<string, { met: number; total: number }>();
  for (const cells of m.cells.values()) {
    for (const c of cells) {
      const x = met.get(c.wardCode) ?? { met: 0, total: 0 };
      x.total++;
      if (c.outcome === 'dat') x.met++;
      met.set(c.wardCode, x);
    }
  }
  return {
    cityCode: s.orgCode,
    cityName: getMeta(s.db, 'city_name') ?? s.orgCode,
    scope,
    date: todayIso(s.now()),
    dueOn,
    completeness: counts,
    missing: rows.filter((r) => r.status !== 'on_time' && r.status !== 'late'),
    rows,
    directives: directiveTable(s, scope.code),
    indicators: cityIndicators(s, { period: scope.code }).rows,
    wards: rows.map((r) => ({
      wardCode: r.wardCode,
      wardName: r.wardName,
      group: r.group,
      completeness: r.status,
      tally: tallies.get(r.wardCode) ?? emptyTally(),
      indicatorsMet: met.get(r.wardCode)?.met ?? 0,
      indicators: met.get(r.wardCode)?.total ?? 0,
    })),
  };
}

export const COMPLETENESS_LABEL_VI: Record<CompletenessRow['status'], string> = {
  on_time: 'Đã báo cáo đúng hạn',
  late: 'Báo cáo muộn',
  overdue: 'Chưa báo cáo (quá hạn)',
  waiting: 'Chưa báo cáo (còn hạn)',
  not_enrolled: 'Chưa đăng ký',
};
