/**
 * Numbers and dates are shown the Vietnamese way in both languages: officers type them that way
 * (3.658.476; 85,87) and one convention across display and entry avoids misread figures.
 */
import dayjs from 'dayjs';
import { formatDateVi, formatNumberVi, formatPercentVi } from '../../shared/rules/format-vi';
import { periodLabelEn, periodLabelVi, parsePeriod } from '../../shared/rules/period';
import type { Lang } from './setup';

export { formatDateVi as fmtDate, formatNumberVi as fmtNumber, formatPercentVi as fmtPercent };

/** An ISO timestamp as local time: '14:05 23/11/2026'. */
export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format('HH:mm DD/MM/YYYY') : iso;
}

export function fmtBytes(n: number): string {
  if (n < 1024) return `${formatNumberVi(n, 0)} B`;
  if (n < 1024 * 1024) return `${formatNumberVi(n / 1024, 1, { trimZeros: true })} KB`;
  return `${formatNumberVi(n / 1024 / 1024, 1, { trimZeros: true })} MB`;
}

/** A value in its indicator's unit: '85,87%', '1.050 hồ sơ'. */
export function fmtValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '';
  const u = unit.trim();
  if (u === '%') return formatPercentVi(value);
  return u ? `${formatNumberVi(value)} ${u}` : formatNumberVi(value);
}

export function periodLabel(code: string | null | undefined, lang: Lang): string {
  if (!code) return '';
  const p = parsePeriod(code);
  if (!p) return code;
  return lang === 'en' ? periodLabelEn(p) : periodLabelVi(p);
}
