import { formatPeriodCode, parsePeriod, periodContaining, periodLabelEn, periodLabelVi, type Period } from '../../../shared/rules/period';
import type { Lang } from '../../i18n/setup';

/** The periods a ward reports on: the four quarters, the first half and the whole plan year. */
export function reportPeriods(year: number): Period[] {
  return [1, 2, 3, 4].map((index): Period => ({ kind: 'quarter', year, index })).concat([
    { kind: 'half', year, index: 1 },
    { kind: 'year', year, index: 1 },
  ]);
}

export function reportPeriodLabel(code: string, lang: Lang): string {
  const p = parsePeriod(code);
  if (!p) return code;
  return lang === 'en' ? periodLabelEn(p) : periodLabelVi(p);
}

/**
 * The report most likely due: the last quarter that has ended in the plan's year (the current one
 * in its first quarter), the whole year once the year is over, the first quarter before it starts.
 */
export function defaultReportPeriod(year: number, today: string): string {
  const thisYear = Number(today.slice(0, 4));
  if (thisYear > year) return String(year);
  if (thisYear < year) return `${year}-Q1`;
  const q = periodContaining('quarter', today);
  return formatPeriodCode({ kind: 'quarter', year, index: Math.max(1, q.index - 1) });
}

/** The period from the address when it is one of this year's report periods. */
export function validReportPeriod(code: string | undefined, year: number): string | null {
  if (!code) return null;
  const p = parsePeriod(code);
  if (!p) return null;
  const c = formatPeriodCode(p);
  return reportPeriods(year).some((r) => formatPeriodCode(r) === c) ? c : null;
}
