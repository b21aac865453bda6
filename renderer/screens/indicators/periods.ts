import { formatPeriodCode, periodContaining, periodLabelEn, periodLabelVi, periodsOfYear, type PeriodKind } from '../../../shared/rules/period';
import type { Lang } from '../../i18n/setup';

const GROUPS: Array<{ kind: PeriodKind; label: 'period.year' | 'period.halves' | 'period.quarters' | 'period.months' }> = [
  { kind: 'year', label: 'period.year' },
  { kind: 'half', label: 'period.halves' },
  { kind: 'quarter', label: 'period.quarters' },
  { kind: 'month', label: 'period.months' },
];

export function periodGroups(year: number, lang: Lang, t: (k: (typeof GROUPS)[number]['label']) => string) {
  return GROUPS.map((g) => ({
    label: t(g.label),
    title: t(g.label),
    options: periodsOfYear(g.kind, year).map((p) => ({ value: formatPeriodCode(p), label: lang === 'en' ? periodLabelEn(p) : periodLabelVi(p) })),
  }));
}

/** The quarter we are in when it belongs to the plan's year; otherwise the whole year. */
export function defaultPeriod(year: number, today: string): string {
  const q = periodContaining('quarter', today);
  return q.year === year ? formatPeriodCode(q) : String(year);
}
