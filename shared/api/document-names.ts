/**
 * The names documents are saved under: Vietnamese without diacritics, so every file system, USB
 * stick and e-mail client keeps them. The host writes under these names and the renderer suggests
 * the same ones in the save dialog. Apart from the contract so the renderer need not bundle zod.
 */
import type { ReportStatus } from './report-types';
import { parsePeriod, ROMAN_QUARTERS } from '../rules/period';

/** 'bao-cao-quy-III-2026.docx', 'bao-cao-bo-sung-1-quy-III-2026.docx'; a draft says so in its name. */
export function reportFileName(period: string, format: 'docx' | 'xlsx', status: ReportStatus, supplement = 0): string {
  const p = parsePeriod(period);
  let stem: string;
  if (!p) stem = period.replace(/[^\w-]+/g, '-');
  else if (p.kind === 'quarter') stem = `quy-${ROMAN_QUARTERS[p.index - 1]}-${p.year}`;
  else if (p.kind === 'half') stem = `6-thang-${p.index === 1 ? 'dau' : 'cuoi'}-nam-${p.year}`;
  else if (p.kind === 'year') stem = `nam-${p.year}`;
  else stem = `thang-${p.index}-${p.year}`;
  return `bao-cao-${supplement > 0 ? `bo-sung-${supplement}-` : ''}${stem}${status === 'draft' ? '-du-thao' : ''}.${format}`;
}

export function planFileName(year: number, format: 'docx' | 'xlsx'): string {
  return `ke-hoach-chuyen-doi-so-${year}.${format}`;
}

export const PLAN_TEMPLATE_FILE_NAME = 'mau-nhap-ke-hoach.xlsx';
